"""rapidfuzz's two token ratios in pure Python, for where rapidfuzz cannot be installed.

Excel's own Python (Pyodide, in xlwings Lite) has no rapidfuzz: it is not a
pure-Python package, and Pyodide does not ship it. The region view only needs
:func:`token_set_ratio` and :func:`token_sort_ratio` on strings, and both are
simple: the normalised Indel similarity (twice the longest common subsequence
over the summed lengths) of the texts' sorted words, and, for the set ratio, of
their common and differing words. These functions follow rapidfuzz 3's
definitions step by step and give exactly its numbers (the tests compare them on
a table of pairs, on random texts and on the example plans' comparison); where
rapidfuzz is installed, :mod:`uvp.region` uses rapidfuzz, which is faster.

>>> token_sort_ratio("fuzzy wuzzy was a bear", "wuzzy fuzzy was a bear")
100.0
>>> token_set_ratio("fuzzy was a bear but not a dog", "fuzzy was a bear but not a cat")
92.3076923076923
"""

from __future__ import annotations

__all__ = ["indel_distance", "token_set_ratio", "token_sort_ratio"]


def _lcs_length(first: str, second: str) -> int:
    """The length of the longest common subsequence (Hyyrö's bit-parallel algorithm)."""
    if not first or not second:
        return 0
    masks: dict[str, int] = {}
    bit = 1
    for char in first:
        masks[char] = masks.get(char, 0) | bit
        bit <<= 1
    full = bit - 1
    row = full
    for char in second:
        matches = row & masks.get(char, 0)
        row = ((row + matches) | (row - matches)) & full
    return len(first) - row.bit_count()


def indel_distance(first: str, second: str) -> int:
    """How many characters must be inserted or deleted to turn *first* into *second*.

    >>> indel_distance("lewenstein", "levenshtein")
    3
    """
    return len(first) + len(second) - 2 * _lcs_length(first, second)


def _ratio(first: str, second: str) -> float:
    """rapidfuzz's ``fuzz.ratio``: the normalised Indel similarity, 0..100."""
    total = len(first) + len(second)
    distance = indel_distance(first, second) / total if total else 0.0
    return (1.0 - distance) * 100


def _norm_distance(distance: int, total: int) -> float:
    return (100 - 100 * distance / total) if total else 100.0


def token_sort_ratio(first: str, second: str) -> float:
    """The similarity (0..100) of the two texts with their words sorted.

    >>> token_sort_ratio("fuzzy was a bear", "fuzzy fuzzy was a bear")
    84.21052631578947
    """
    return _ratio(" ".join(sorted(first.split())), " ".join(sorted(second.split())))


def token_set_ratio(first: str, second: str) -> float:
    """The similarity (0..100) of the texts' sets of words: 100 when one says all the
    other says, else the best of comparing their shared and their differing words.

    >>> token_set_ratio("fuzzy was a bear", "fuzzy fuzzy was a bear")
    100.0
    >>> token_set_ratio("", "a bear")
    0.0
    """
    words_a, words_b = set(first.split()), set(second.split())
    if not words_a or not words_b:
        return 0.0
    common = words_a & words_b
    only_a, only_b = words_a - words_b, words_b - words_a
    if common and (not only_a or not only_b):
        return 100.0
    joined_a, joined_b = " ".join(sorted(only_a)), " ".join(sorted(only_b))
    common_length = len(" ".join(common))
    separator = 1 if common_length else 0
    with_a = common_length + separator + len(joined_a)
    with_b = common_length + separator + len(joined_b)
    result = _norm_distance(indel_distance(joined_a, joined_b), with_a + with_b)
    if not common_length:
        return result
    # common+a against common differs only by a's extra words, and so for b
    ratio_a = _norm_distance(separator + len(joined_a), common_length + with_a)
    ratio_b = _norm_distance(separator + len(joined_b), common_length + with_b)
    return max(result, ratio_a, ratio_b)
