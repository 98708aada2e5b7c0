"""Column headers and the other words staff write in planning workbooks.

Headers are found by name, not by position: case, spacing, a trailing colon
and the usual Dutch synonyms do not matter.

>>> field_of("Activiteit "), field_of("VERANTWOORDELIJKE:"), field_of("Budget")
('text', 'lead', None)

The words for a status are the core's (:func:`uvp.core.parse_status`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = [
    "FIELDS",
    "field_of",
    "header_fields",
    "normal",
]

# field -> the header texts that name it (compared after normal()).
FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "text": (
        "acties",
        "actie",
        "activiteit",
        "activiteiten",
        "concrete acties",
        "concrete actie",
        "omschrijving",
        "wat",
    ),
    "lead": (
        "trekker",
        "trekkers",
        "verantwoordelijke",
        "verantwoordelijk",
        "verantwoordelijken",
        "eigenaar",
        "wie",
        "uitvoerder",
        "trekker(s)",
    ),
    "quarter": ("kwartaal", "kwartalen", "wanneer", "periode", "kwartaal(en)"),
    "note": (
        "toelichting",
        "opmerking",
        "opmerkingen",
        "notitie",
        "notities",
        "toelichting/opmerking",
    ),
    "subtheme": ("subthema", "sub-thema", "sub thema"),
    "status": ("status", "voortgang", "stand van zaken"),
    "id": ("id", "actie-id", "actie id", "actienummer", "actienr", "nr", "nummer"),
    # uvp's own, per quarter: the actions' order within their theme across the sections.
    "order": ("volgorde",),
    "q1": ("q1",),
    "q2": ("q2",),
    "q3": ("q3",),
    "q4": ("q4",),
}

_BY_HEADER: Final = {header: field for field, headers in FIELDS.items() for header in headers}


def normal(text: object) -> str:
    """A cell's text for comparing: case-free, single spaces, no trailing colon."""
    if text is None:
        return ""
    return " ".join(str(text).split()).casefold().rstrip(":").strip()


def field_of(header: object) -> str | None:
    """The field a header names (``text``, ``lead``, ``quarter``, ``note``,
    ``subtheme``, ``status``, ``id``, ``order``, ``q1``..``q4``), or ``None``."""
    return _BY_HEADER.get(normal(header))


def header_fields(row: Sequence[object]) -> dict[str, int] | None:
    """If *row* is an action table's header row: field -> 0-based column. Else ``None``.

    A header row names the action text and at least a lead, a quarter or a
    sub-theme; the first column naming a field wins.

    >>> header_fields(["Subthema", "Activiteit", "Trekker"])
    {'subtheme': 0, 'text': 1, 'lead': 2}
    >>> header_fields(["A", "We organiseren vijf controles.", "gezamenlijk"]) is None
    True
    """
    fields: dict[str, int] = {}
    for column, value in enumerate(row):
        # A header is a word or three: an action's text is never looked up.
        if isinstance(value, str) and len(value) <= 40:
            field = field_of(value)
            if field is not None and field not in fields:
                fields[field] = column
    if "text" in fields and ({"lead", "quarter", "subtheme"} & fields.keys()):
        return fields
    return None


QUARTER_HEADING: Final = re.compile(r"(?i)q\s*([1-4])")
"""A per-quarter section heading such as ``Q3`` (the whole cell)."""
NO_QUARTER_HEADING: Final = frozenset({"geen kwartaal", "zonder kwartaal", "nog te plannen"})
"""Section headings for actions that have no quarter yet."""
GOAL_ROW: Final = re.compile(r"([A-Z])\s*[.,)]\s*(.*)", re.S)
"""A goal row in the per-goal layout: ``A. Wet goed verhuurderschap``."""
PLANNING_TITLE: Final = re.compile(
    r"(?i)(?:\d+(?:\.\d+)*\.?\s+)?(?:kwartaal)?planning\s+(.+)", re.S
)
"""A planning title: ``Kwartaalplanning Mensenhandel``, ``2.1.4 Planning Ondermijning``."""
