"""The region view's pure-Python ratios (for Pyodide, which has no rapidfuzz) give exactly
rapidfuzz's numbers: on a table of pairs, on random texts of words, and on every pair of
action texts the example plans' comparison looks at."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

import uvp
from tests.conftest import EXAMPLES
from uvp.region import _compare, _fuzz, compare

PAIRS = {
    "equal": ("actual damocl beleid", "actual damocl beleid"),
    "subset": ("organi 5 integra contro", "organi 5 integra contro samen politi"),
    "reordered": ("samen politi organi", "organi politi samen"),
    "one-word-differs": ("fuzzy was a bear but not a dog", "fuzzy was a bear but not a cat"),
    "nothing-shared": ("keurme veilig winkel", "buurtp preven"),
    "one-empty": ("", "buurtp preven"),
    "both-empty": ("", ""),
    "repeated-words": ("fuzzy was a bear", "fuzzy fuzzy was a bear"),
    "accents": ("café één reünie", "cafe een reunie"),
    "long": (" ".join(["kennisdelingsbijeenkomsten"] * 5 + ["a"]), "kennisdelingsbijeenkomst b"),
    "digits": ("2024 q1 q2", "2025 q1 q3"),
}


@pytest.mark.parametrize(("first", "second"), PAIRS.values(), ids=PAIRS.keys())
def test_the_same_numbers_as_rapidfuzz(first: str, second: str) -> None:
    assert _fuzz.token_set_ratio(first, second) == fuzz.token_set_ratio(first, second)
    assert _fuzz.token_sort_ratio(first, second) == fuzz.token_sort_ratio(first, second)
    assert _fuzz.token_set_ratio(second, first) == fuzz.token_set_ratio(second, first)


# What uvp compares: words (as _compare._words makes them) joined by single spaces.
WORDS = st.lists(st.text("abcdeéfg12", min_size=1, max_size=8), max_size=12).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(WORDS, WORDS)
def test_random_texts_give_rapidfuzz_numbers(first: str, second: str) -> None:
    assert _fuzz.token_set_ratio(first, second) == fuzz.token_set_ratio(first, second)
    assert _fuzz.token_sort_ratio(first, second) == fuzz.token_sort_ratio(first, second)


def test_every_pair_of_the_example_plans_scores_the_same() -> None:
    nijkerk = uvp.load(EXAMPLES / "nijkerk-2024.json")
    scherpenzeel = uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    names = frozenset({"nijkerk", "scherpenzeel"})
    texts = [
        _compare._words(text, names)
        for plan in (nijkerk, scherpenzeel)
        for action in plan.actions
        for text in (action.text, action.note)
        if text
    ]
    pairs = 0
    for first, second in itertools.product(texts, repeat=2):
        assert _fuzz.token_set_ratio(first, second) == fuzz.token_set_ratio(first, second)
        assert _fuzz.token_sort_ratio(first, second) == fuzz.token_sort_ratio(first, second)
        pairs += 1
    assert pairs > 10_000


def test_the_comparison_without_rapidfuzz_is_the_same() -> None:
    # In a fresh Python where rapidfuzz cannot be imported, as in Pyodide.
    code = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] == 'rapidfuzz':
            raise ImportError(name)
sys.meta_path.insert(0, Block())
import json, uvp
plans = [uvp.load({str(EXAMPLES / "nijkerk-2024.json")!r}),
         uvp.load({str(EXAMPLES / "scherpenzeel-2024.json")!r})]
print(json.dumps(uvp.compare(plans).to_dict()))
assert 'rapidfuzz' not in sys.modules
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    nijkerk = uvp.load(EXAMPLES / "nijkerk-2024.json")
    scherpenzeel = uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    assert json.loads(result.stdout) == json.loads(
        json.dumps(compare([nijkerk, scherpenzeel]).to_dict())
    )
