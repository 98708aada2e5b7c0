"""Column headers and the other words staff write in planning workbooks.

Headers are found by name, not by position: case, spacing, a trailing colon or
question mark, a bracket (``Afgerond (ja/nee)``), a year (``Doelstelling
2024``) and the usual Dutch synonyms do not matter. The words come from real
plans (see ``docs/workbooks.md`` and the research behind ``docs/notations.md``).

>>> field_of("Activiteit "), field_of("Wie?"), field_of("Planning:"), field_of("Budget")
('text', 'lead', 'quarter', None)

The words for a status are the core's (:func:`uvp.core.parse_status`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

__all__ = [
    "FIELDS",
    "OWN_WORDS",
    "field_of",
    "header_fields",
    "heading_key",
    "normal",
]

# field -> the header texts that name it (compared after heading_key()).
FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "text": (
        "acties",
        "actie",
        "activiteit",
        "activiteiten",
        "activiteit(en)",
        "concrete acties",
        "concrete actie",
        "omschrijving",
        "omschrijving actie",
        "wat",
        "maatregel",
        "maatregelen",
        "maatregel(en)",
        "maatregelen/activiteiten",
        "inspanning",
        "inspanningen",
        "inspanning(en)",
        "inspanningen/acties",
        "actiepunt",
        "actiepunten",
        "items/actiepunten",
        "prestatie",
        "prestaties",
        "wat gaan we daarvoor doen",
        "wat gaan we doen",
        "wat doen we",
    ),
    "lead": (
        "trekker",
        "trekkers",
        "trekker(s)",
        "verantwoordelijke",
        "verantwoordelijk",
        "verantwoordelijken",
        "eigenaar",
        "wie",
        "uitvoerder",
        "uitvoering",
        "regie",
        "regiehouder",
        "lead",
        "coordinator",
        "coördinator",
        "wie is verantwoordelijk",
    ),
    "quarter": (
        "kwartaal",
        "kwartalen",
        "kwartaal(en)",
        "wanneer",
        "periode",
        "planning",
        "kwartaalplanning",
        "termijn",
        "tijdpad",
        "tijdspad",
        "tijdsplanning",
        "looptijd",
        "deadline",
        "gereed in",
        "datum gereed",
    ),
    "note": (
        "toelichting",
        "opmerking",
        "opmerkingen",
        "notitie",
        "notities",
        "toelichting/opmerking",
        "bijzonderheden",
    ),
    "subtheme": ("subthema", "sub-thema", "sub thema"),
    "status": (
        "status",
        "voortgang",
        "stand van zaken",
        "afgerond",
        "gereed",
        "gerealiseerd",
        "%",
        "percentage",
        "percentage gereed",
        "realisatie",
        "stoplicht",
        "kleur",
    ),
    "id": (
        "id",
        "actie-id",
        "actie id",
        "actienummer",
        "actienr",
        "nr",
        "nummer",
        "no",
        "#",
        "code",
        "ref",
    ),
    "partners": (
        "partners",
        "partner",
        "betrokken partners",
        "betrokken partijen",
        "betrokkenen",
        "samen met",
        "in samenwerking met",
        "samenwerkingspartners",
        "ketenpartners",
        "wie nog",
    ),
    "goal": (
        "speerpunt",
        "speerpunten",
        "doel",
        "doelen",
        "subdoel",
        "doelstelling",
        "doelstellingen",
    ),
    "result": ("resultaat", "beoogd resultaat", "beoogde resultaten", "resultaten", "effect"),
    "indicator": (
        "indicator",
        "indicatoren",
        "prestatie-indicator",
        "prestatie-indicatoren",
        "effectindicator",
        "kpi",
        "meetbaar resultaat",
    ),
    "target_value": ("streefwaarde", "streefwaarden", "norm", "doelwaarde"),
    # uvp's own, per quarter: the actions' order within their theme across the sections.
    "order": ("volgorde",),
    "q1": ("q1",),
    "q2": ("q2",),
    "q3": ("q3",),
    "q4": ("q4",),
}

_BY_HEADER: Final = {header: field for field, headers in FIELDS.items() for header in headers}

OWN_WORDS: Final[dict[str, frozenset[str]]] = {
    "lead": frozenset({"trekker", "trekkers", "trekker(s)"}),
    "quarter": frozenset({"kwartaal", "kwartalen", "kwartaal(en)"}),
    "status": frozenset({"status"}),
}
"""uvp's own word for a field's column: a finding names a column headed otherwise."""

_BRACKET: Final = re.compile(r"\s*\([^()]*\)$")
_YEAR: Final = re.compile(r"\s+(?:19|20)\d\d$")


def normal(text: object) -> str:
    """A cell's text for comparing: case-free, single spaces, no trailing colon."""
    if text is None:
        return ""
    if text.__class__ is str:  # a plan repeats its few headings, leads and quarters
        return _normal_text(text)
    return _normal_text(str(text))


@functools.lru_cache(maxsize=8192)
def _normal_text(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(":").strip()


def heading_key(text: object) -> str:
    """A header's text for looking up its field: :func:`normal`, without a trailing
    ``?``, ``:`` or ``.``.

    >>> heading_key(" Wie? "), heading_key("Nr."), heading_key("%")
    ('wie', 'nr', '%')
    """
    return normal(text).rstrip(" ?:.").strip() or normal(text)


def field_of(header: object) -> str | None:
    """The field a header names (``text``, ``lead``, ``quarter``, ``note``,
    ``subtheme``, ``status``, ``id``, ``partners``, ``goal``, ``result``,
    ``indicator``, ``target_value``, ``order``, ``q1``..``q4``), or ``None``.

    >>> field_of("Afgerond (ja/nee)"), field_of("Doelstelling 2024"), field_of("Maatregel(en)")
    ('status', 'goal', 'text')
    """
    if header.__class__ is str:  # every cell of every row is asked: the same few texts
        return _field_of_text(header)
    return _field_of_text(str(header)) if header is not None else _field_of_text("")


@functools.lru_cache(maxsize=8192)
def _field_of_text(header: str) -> str | None:
    key = heading_key(header)
    found = _BY_HEADER.get(key)
    if found is None and key.endswith(")"):
        found = _BY_HEADER.get(_BRACKET.sub("", key).rstrip(" ?:."))
    if found is None and _YEAR.search(key):
        found = _BY_HEADER.get(_YEAR.sub("", key).rstrip(" ?:."))
    return found


# Besides the action's text, a table names at least one of these.
_TABLE_FIELDS: Final = frozenset({"lead", "quarter", "subtheme", "status", "partners"})


def header_fields(row: Sequence[object]) -> dict[str, int] | None:
    """If *row* is an action table's header row: field -> 0-based column. Else ``None``.

    A header row names the action text and at least a lead, a quarter, a
    sub-theme, a status or partners; the first column naming a field wins.

    >>> header_fields(["Subthema", "Activiteit", "Trekker"])
    {'subtheme': 0, 'text': 1, 'lead': 2}
    >>> header_fields(["Nr.", "Maatregel", "Wie?", "Planning"])
    {'id': 0, 'text': 1, 'lead': 2, 'quarter': 3}
    >>> header_fields(["A", "We organiseren vijf controles.", "gezamenlijk"]) is None
    True
    """
    fields: dict[str, int] = {}
    for column, value in enumerate(row):
        # A header is a word or a short question: an action's text is never looked up.
        if isinstance(value, str) and len(value) <= 40:
            field = field_of(value)
            if field is not None and field not in fields:
                fields[field] = column
    if "text" in fields and (_TABLE_FIELDS & fields.keys()):
        return fields
    return None


QUARTER_HEADING: Final = re.compile(r"(?i)q\s*([1-4])")
"""A per-quarter section heading such as ``Q3`` (the whole cell)."""
NO_QUARTER_HEADING: Final = frozenset({"geen kwartaal", "zonder kwartaal", "nog te plannen"})
"""Section headings for actions that have no quarter yet."""
GOAL_ROW: Final = re.compile(r"([A-Z])\s*[.,)]\s*(.*)", re.S)
"""A goal row in the per-goal layout: ``A. Wet goed verhuurderschap``."""
NUMBERED_GOAL_ROW: Final = re.compile(r"(\d{1,4}(?:\.\d{1,4}){1,5})\.?\s+(\S.*)", re.S)
"""A numbered goal row: ``2.1 Minder woninginbraken``, ``2.1.3. Veilig uitgaan``."""
GOAL_NUMBER: Final = re.compile(r"\d{1,4}(?:\.\d{1,4}){0,5}")
"""A goal's number on its own (in a Nr. column): ``2``, ``2.1``, ``2.1.3``."""
PLANNING_TITLE: Final = re.compile(
    r"(?i)(?:\d+(?:\.\d+)*\.?\s+)?(?:kwartaal)?planning\s+(.+)", re.S
)
"""A planning title: ``Kwartaalplanning Mensenhandel``, ``2.1.4 Planning Ondermijning``."""
PLAN_TITLE: Final = re.compile(
    r"(?i)\b(?:uitvoeringsplan|uitvoeringsprogramma|jaarplan|jaarprogramma|actieplan|"
    r"veiligheidsplan|veiligheidsprogramma|jaarschijf|uvp|ivp)\b"
)
"""Words that make a title the plan's own: *Uitvoeringsplan Veiligheid 2024*, *Jaarplan
veiligheid*, *IVP 2024-2027*."""
