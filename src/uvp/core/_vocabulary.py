"""Staff's own words: a workbook's *Woordenlijst*, taught to the readings.

uvp knows the words of many municipalities' plans (``docs/notations.md``).
Where a plan uses words of its own (``Sinterklaas`` for Q4, ``WOP`` for a
partner, ``blauw`` for done), staff write them in a sheet *Woordenlijst*:
what they write, which kind of cell it is for (Kwartaal, Trekker or Status)
and what it means, in a notation uvp reads. A :class:`Vocabulary` holds those
words; the readings take it as an argument (``Schedule.parse(text,
vocabulary=...)``, :func:`~uvp.core.parse_leads`, :func:`~uvp.core.parse_status`),
so that it applies to one read and nothing else. Its words come before the
built-in ones: a workbook whose legend says green is done reads ``groen`` as done.

>>> from uvp.core import Schedule, parse_status
>>> words = Vocabulary.of(("Sinterklaas", "Kwartaal", "Q4"), ("blauw", "Status", "Gereed"))
>>> str(Schedule.parse("sinterklaas", vocabulary=words)), parse_status("Blauw", vocabulary=words)
('Q4', 'done')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final, Literal

import attrs

from uvp.core._errors import NotationError

__all__ = ["Vocabulary", "Word", "WordKind", "parse_word", "word_key"]

WordKind = Literal["quarter", "lead", "status"]
"""Which cells a word is for: Kwartaal, Trekker or Status."""

KIND_WORDS: Final[dict[str, WordKind]] = {
    **dict.fromkeys(
        ("kwartaal", "kwartalen", "wanneer", "planning", "periode", "termijn", "tijd", "quarter"),
        "quarter",
    ),
    **dict.fromkeys(("trekker", "trekkers", "wie", "organisatie", "partner", "lead"), "lead"),
    **dict.fromkeys(("status", "voortgang", "stand", "stand van zaken", "stoplicht"), "status"),
}
"""The words of a Woordenlijst's *Soort* column, and the kind each names."""

_NOT_ALNUM: Final = re.compile(r"[^0-9a-z]")


def word_key(text: str) -> str:
    """How words are compared: letters and digits only, case-free, without accents
    (a text of signs only, such as ``✓``, as itself).

    >>> word_key(" N.v.T. "), word_key("Sinterklaas!"), word_key("✓")
    ('nvt', 'sinterklaas', '✓')
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    key = _NOT_ALNUM.sub("", "".join(c for c in folded if not unicodedata.combining(c)))
    return key or " ".join(text.split())


@attrs.frozen
class Word:
    """One word staff taught uvp: what they write (``term``), for which cells
    (``kind``), and what it means (``meaning``, in a notation uvp reads).

    >>> Word("Sinterklaas", "quarter", "Q4").kind
    'quarter'
    """

    term: str
    kind: WordKind
    meaning: str


def _index(words: tuple[Word, ...]) -> dict[tuple[WordKind, str], str]:
    return {(word.kind, word_key(word.term)): word.meaning for word in words}


@attrs.frozen(cache_hash=True)
class Vocabulary:
    """The words staff taught uvp for one read; a later word with the same term and
    kind replaces an earlier one.

    It is a value (compared and hashed by its words), so the readings can cache
    on it. The empty vocabulary is the built-in one alone.

    >>> shared = Vocabulary.of(("groen", "Status", "Loopt"))
    >>> own = shared.extended(Vocabulary.of(("groen", "Status", "Gereed")))
    >>> own.meaning("status", "Groen"), len(own.words)
    ('Gereed', 2)
    """

    words: tuple[Word, ...] = ()
    _meanings: Mapping[tuple[WordKind, str], str] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_meanings", _index(self.words))

    @classmethod
    def of(cls, *rows: tuple[str, str, str]) -> Vocabulary:
        """A vocabulary from rows as a Woordenlijst has them: term, kind, meaning.

        Raises :class:`~uvp.NotationError` for a row :func:`parse_word` refuses.
        """
        return cls(tuple(parse_word(*row) for row in rows))

    def meaning(self, kind: WordKind, text: str) -> str | None:
        """What *text* means in cells of *kind*, if staff taught it."""
        if not self.words:
            return None
        return self._meanings.get((kind, word_key(text)))

    def extended(self, other: Vocabulary) -> Vocabulary:
        """This vocabulary with *other*'s words added; *other*'s win where both have a term."""
        return Vocabulary(self.words + other.words) if other.words else self

    def __bool__(self) -> bool:
        return bool(self.words)


def parse_word(term: str, kind: str, meaning: str) -> Word:
    """One row of a Woordenlijst: *term* for cells of *kind* (``Kwartaal``,
    ``Trekker``, ``Status`` or a synonym) means *meaning*.

    The meaning must read with uvp's built-in words: a quarter notation, a lead
    (or several), a status. Anything else raises :class:`~uvp.NotationError`.

    >>> parse_word("Sinterklaas", "Kwartaal", "Q4")
    Word(term='Sinterklaas', kind='quarter', meaning='Q4')
    >>> parse_word("blauw", "Kleur", "Gereed")
    Traceback (most recent call last):
    uvp.NotationError: 'Kleur' is not a kind of cell: write Kwartaal, Trekker or Status
    """
    term, meaning = " ".join(term.split()), " ".join(meaning.split())
    if not term:
        raise NotationError("vocabulary-no-term", meaning=meaning)
    found = KIND_WORDS.get(" ".join(kind.split()).casefold().rstrip(":?"))
    if found is None:
        raise NotationError("vocabulary-kind", kind=kind)
    if not meaning:
        raise NotationError("vocabulary-no-meaning", term=term)
    if found == "quarter":
        from uvp.core._quarters import Schedule

        Schedule.parse(meaning)
    elif found == "lead":
        from uvp.core._leads import parse_leads

        parse_leads(meaning)
    else:
        from uvp.core._status import parse_status

        if parse_status(meaning) is None:
            raise NotationError("vocabulary-status", text=meaning)
    return Word(term, found, meaning)
