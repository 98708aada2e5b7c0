"""Where an action stands (*status*), and the words progress reports use for it.

Staff choose a status from a drop-down (*Gepland*, *Loopt*, *Aandacht*,
*Gereed*, *Uitgesteld*, *Vervallen*), or write it in their own words: traffic
lights (``groen``/``oranje``/``rood``), ``op schema``, ``gerealiseerd``,
percentages, ``ja``/``nee`` under an *Afgerond* heading. :func:`parse_status`
reads them all; ``docs/notations.md`` lists them with their sources.

>>> parse_status("oranje"), parse_status("60%"), parse_status("ja", heading="Afgerond?")
('at-risk', 'running', 'done')
>>> STATUS_LABELS["at-risk"]
'Aandacht'
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final, Literal, get_args

from uvp.messages import render

if TYPE_CHECKING:
    from uvp.core._vocabulary import Vocabulary

__all__ = ["STATUSES", "STATUS_LABELS", "Status", "parse_status"]

Status = Literal["planned", "running", "at-risk", "done", "postponed", "cancelled"]
"""Where an action stands during the year.

``at-risk`` is a running action that needs attention: a traffic light's
orange or red, *vertraagd*, *niet op schema*. Staff see the Dutch words
(:data:`STATUS_LABELS`): Gepland, Loopt, Aandacht, Gereed, Uitgesteld, Vervallen.
"""

STATUSES: Final[tuple[Status, ...]] = get_args(Status)

STATUS_LABELS: Final[dict[Status, str]] = {s: render("nl", f"status-{s}") for s in STATUSES}
"""What staff see and choose from in the Status drop-down, per status (from the catalogue)."""

_WORDS: Final[dict[Status, tuple[str, ...]]] = {
    # S47 Uden, S50 Doesburg (grijs), S66 Dalfsen (0%)
    "planned": (
        "gepland",
        "nog niet gestart",
        "niet gestart",
        "nog niet opgestart",
        "nog te starten",
        "nog niet begonnen",
        "te starten",
        "open",
        "grijs",
        "nieuw",
    ),
    # S01 Ede, S02 Leidschendam-Voorburg, S03 Leiden, S47 Uden, S51 Veenendaal, S04 Ermelo (groen)
    "running": (
        "loopt",
        "lopend",
        "bezig",
        "gestart",
        "opgestart",
        "in uitvoering",
        "in volle gang",
        "onderhanden",
        "in voorbereiding",
        "in behandeling",
        "in ontwikkeling",
        "op schema",
        "ligt op schema",
        "op koers",
        "volgens planning",
        "volgens plan",
        "groen",
        "g",
        "continueren",
        "gecontinueerd",
        "doorlopend",
        "deels gerealiseerd",
        "gedeeltelijk gerealiseerd",
        "grotendeels gerealiseerd",
        "deels afgerond",
        "gedeeltelijk afgerond",
        "deels behaald",
    ),
    # S01 ("vraagt aandacht"), S02/S03/S49/S50 (oranje, rood), S47 ("vertraging"), S74, S58, S48
    "at-risk": (
        "oranje",
        "o",
        "geel",
        "amber",
        "aandacht",
        "vraagt aandacht",
        "aandachtspunt",
        "knelpunt",
        "knelpunten",
        "risico",
        "vertraagd",
        "vertraging",
        "vertraging opgelopen",
        "iets vertraagd",
        "loopt achter",
        "achterstand",
        "afwijking",
        "wijkt af",
        "rood",
        "r",
        "niet op schema",
        "niet op koers",
        "niet gerealiseerd",
        "niet behaald",
        "niet gehaald",
        "niet uitgevoerd",
        "niet afgerond",
    ),
    # S01, S47, S48, S52, S66/S71 (100%), S113
    "done": (
        "gereed",
        "klaar",
        "afgerond",
        "gerealiseerd",
        "behaald",
        "doel behaald",
        "doel is behaald",
        "voltooid",
        "uitgevoerd",
        "opgeleverd",
        "vastgesteld",
        "nagekomen",
        "afgedaan",
        "✓",
        "✔",
    ),
    # S66 ("uitgesteld naar 2022"), S57
    "postponed": (
        "uitgesteld",
        "doorgeschoven",
        "verschoven",
        "verplaatst",
        "later",
        "on hold",
        "gepauzeerd",
        "aangehouden",
    ),
    "cancelled": (
        "vervallen",
        "komt te vervallen",
        "geschrapt",
        "gestopt",
        "stopgezet",
        "niet doorgegaan",
        "gaat niet door",
        "ingetrokken",
        "niet meer nodig",
        "geannuleerd",
        "afgeblazen",
        "nvt",
        "n.v.t",
        "niet van toepassing",
    ),
}
_BY_WORD: Final[dict[str, Status]] = {
    **{word: status for status, words in _WORDS.items() for word in words},
    **{label.casefold(): status for status, label in STATUS_LABELS.items()},
    **{status: status for status in STATUSES},
}
# "uitgesteld (naar 2025)", "afgerond, mei 2024", "doorgeschoven naar Q3": the status word first.
_HEAD: Final = re.compile(r"(.+?)(?:\s*[(:,;/]|\s+[-–]\s|\s+(?:naar|tot|in|per|op|sinds)\s).*")
_PERCENT: Final = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%")
_FRACTION: Final = re.compile(r"0(?:[.,]\d+)?|1(?:[.,]0+)?")
_DONE_HEADING: Final = re.compile(
    r"(?:afgerond|gereed|gerealiseerd|klaar|uitgevoerd|behaald|done)\b"
)
_PERCENT_HEADING: Final = re.compile(r"%|percentage|voortgang|realisatie|procent")
_YES: Final = frozenset({"ja", "j", "yes", "y", "x", "✓", "✔", "v", "waar", "true", "1", "gedaan"})
_NO: Final = frozenset({"nee", "n", "no", "onwaar", "false", "0", "nog niet", "niet", "-"})


def _normal(text: object) -> str:
    if text is None:
        return ""
    return " ".join(str(text).split()).casefold().strip(" :.!")


def _share(value: float) -> Status | None:
    if value < 0 or value > 1:
        return None
    if value == 0:
        return "planned"
    return "done" if value == 1 else "running"


def parse_status(
    text: object, *, heading: object = None, vocabulary: Vocabulary | None = None
) -> Status | None:
    """The status a Status cell names, or ``None`` when it names none.

    *heading* is the column's heading as staff wrote it: under *Afgerond*
    (*Gereed*, *Gerealiseerd*), ``ja`` is done and ``nee`` not yet
    (``planned``); under *Voortgang* or *%*, a number from 0 to 100 is a
    percentage. Percentages read as ``planned`` (0), ``running`` (1-99) and
    ``done`` (100); an Excel percentage (``0.6``) likewise. A *vocabulary* (a
    workbook's *Woordenlijst*) comes first: its words override the built-in ones.

    >>> parse_status("Gereed"), parse_status(" in uitvoering "), parse_status("misschien")
    ('done', 'running', None)
    >>> parse_status("uitgesteld (naar 2025)"), parse_status("rood"), parse_status("0.25")
    ('postponed', 'at-risk', 'running')
    >>> parse_status("nee", heading="Afgerond (ja/nee)"), parse_status("100", heading="Voortgang")
    ('planned', 'done')
    """
    if text.__class__ is str and (heading is None or heading.__class__ is str):
        # A Status column repeats a handful of words: each is read once.
        return _parse_text(text, heading, vocabulary)
    return _parse_status(text, heading, vocabulary)


@functools.lru_cache(maxsize=1024)
def _parse_text(text: str, heading: str | None, vocabulary: Vocabulary | None) -> Status | None:
    return _parse_status(text, heading, vocabulary)


def _parse_status(text: object, heading: object, vocabulary: Vocabulary | None) -> Status | None:
    word = _normal(text)
    if not word:
        return None
    if vocabulary and (meaning := vocabulary.meaning("status", str(text))) is not None:
        return parse_status(meaning)
    head = _normal(heading)
    if head and _DONE_HEADING.match(head):
        if word in _YES:
            return "done"
        if word in _NO:
            return "planned"
    found = _BY_WORD.get(word) or _BY_WORD.get(word.replace(".", ""))
    if found is not None:
        return found
    if (percent := _PERCENT.match(word)) is not None:  # "60%", "60% gereed"
        return _share(float(percent.group(1).replace(",", ".")) / 100)
    if _FRACTION.fullmatch(word) and ("." in word or "," in word):
        return _share(float(word.replace(",", ".")))
    if head and _PERCENT_HEADING.search(head) and re.fullmatch(r"\d{1,3}(?:[.,]\d+)?", word):
        number = float(word.replace(",", "."))
        return _share(number if number <= 1 else number / 100)
    if (first := _HEAD.fullmatch(word)) is not None:
        return parse_status(first.group(1), heading=heading)
    return None
