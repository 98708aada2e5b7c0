"""Who does an action when: reading and writing a row's Trekker and Kwartaal cells.

One action can have several leads, each with its own quarter, written as
aligned lines in the two cells:

>>> for a in parse_assignments("Barneveld\\nScherpenzeel", "Q2\\nQ3"):
...     print(a)
Barneveld: Q2
Scherpenzeel: Q3

One quarter for several leads applies to each of them, and so does a line's
quarter to each organisation the line names:

>>> [str(a) for a in parse_assignments("Scherpenzeel\\nPolitie", "Doorlopend")]
['Scherpenzeel: Doorlopend', 'Politie: Doorlopend']

Shown to people, the quarters and the leads each have one way to be said
(:func:`schedules_text`, :func:`leads_text`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from uvp.core._errors import AlignmentError, NotationError
from uvp.core._leads import Lead, read_leads
from uvp.core._quarters import Schedule
from uvp.core._reading import Note, Reading
from uvp.core._vocabulary import Vocabulary

__all__ = [
    "Assignment",
    "distinct_names",
    "format_assignments",
    "leads_text",
    "parse_assignments",
    "read_assignments",
    "schedules_text",
]


@attrs.frozen
class Assignment:
    """One lead of an action and its schedule.

    Either may be missing (``None``) in a plan that is not finished; a row
    with neither has no assignments at all.

    >>> Assignment(Lead.parse("Politie"), Schedule.parse("Q1-Q4"))
    Assignment(lead=Lead(name='Politie', unit=None, kind='partner'), schedule=Schedule(kind='range', quarters=frozenset({1, 2, 3, 4})))
    """

    lead: Lead | None
    schedule: Schedule | None

    def __attrs_post_init__(self) -> None:
        if self.lead is None and self.schedule is None:
            raise ValueError("an assignment has a lead, a schedule, or both")

    def __str__(self) -> str:
        lead = str(self.lead) if self.lead else "?"
        schedule = str(self.schedule) if self.schedule else "?"
        return f"{lead}: {schedule}"


def _lines(text: str | None) -> list[str]:
    if text is None:
        return []
    return [line.strip() for line in str(text).replace("\r", "\n").split("\n") if line.strip()]


def parse_assignments(
    trekker: str | None,
    kwartaal: str | None,
    *,
    municipality: str | None = None,
    year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> tuple[Assignment, ...]:
    """Read one row's Trekker and Kwartaal cells into its assignments.

    Lines pair up one to one; a single quarter applies to every lead; no
    quarter gives ``schedule=None``; blank lines are ignored. A line naming
    several organisations (``Politie & Halt``) gives one lead each, all with
    that line's quarter. *municipality* and *year* are the plan's: they tell
    ``Team Veiligheid`` (the plan's own municipality) and ``Q1 2025`` (another
    year) apart; a *vocabulary* (a *Woordenlijst*) adds staff's own words.
    Counts that do not align raise :class:`~uvp.AlignmentError`
    naming both cells' texts.

    >>> parse_assignments("Nijkerk", None)[0].schedule is None
    True
    >>> parse_assignments(None, None)
    ()
    >>> [str(a) for a in parse_assignments("Gemeente / Politie\\nHalt", "Q1\\nQ3", municipality="Ede")]
    ['Ede: Q1', 'Politie: Q1', 'Halt: Q3']
    >>> parse_assignments("Barneveld\\nNijkerk\\nScherpenzeel", "Q1\\nQ2")
    Traceback (most recent call last):
    uvp.AlignmentError: Trekker 'Barneveld\\nNijkerk\\nScherpenzeel' has 3 lines but Kwartaal 'Q1\\nQ2' has 2: give one quarter for all leads, or one quarter per lead line
    """
    return read_assignments(
        trekker, kwartaal, municipality=municipality, year=year, vocabulary=vocabulary
    ).value


def read_assignments(
    trekker: str | None,
    kwartaal: str | None,
    *,
    municipality: str | None = None,
    year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> Reading[tuple[Assignment, ...]]:
    """:func:`parse_assignments`, with notes on how the cells were read.

    Each note names its cell (``field``: ``lead`` or ``quarter``) and its
    ``line`` in that cell (1-based), so that a reader can locate it.

    >>> reading = read_assignments("Politie", "n.v.t.", year=2024)
    >>> [(n.code, n.field, n.line) for n in reading.notes]
    [('unplanned', 'quarter', 1)]
    """
    return _read_assignments(trekker, kwartaal, municipality, year, vocabulary or None)


@functools.lru_cache(maxsize=4096)
def _read_assignments(
    trekker: str | None,
    kwartaal: str | None,
    municipality: str | None,
    year: int | None,
    vocabulary: Vocabulary | None,
) -> Reading[tuple[Assignment, ...]]:
    # A plan repeats the same few Trekker/Kwartaal pairs: read each pair once.
    notes: list[Note] = []
    lead_lines: list[tuple[Lead, ...]] = []
    for number, line in enumerate(_lines(trekker), 1):
        read = read_leads(line, municipality=municipality, vocabulary=vocabulary)
        lead_lines.append(read.value)
        notes.extend(attrs.evolve(n, field="lead", line=number) for n in read.notes)
    schedules: list[Schedule] = []
    for number, line in enumerate(_lines(kwartaal), 1):
        reading = Schedule.read(line, year=year, vocabulary=vocabulary)
        schedules.append(reading.value)
        notes.extend(attrs.evolve(n, field="quarter", line=number) for n in reading.notes)
    found = _pair(trekker, kwartaal, lead_lines, schedules)
    return Reading(found, tuple(notes))


def _pair(
    trekker: str | None,
    kwartaal: str | None,
    lead_lines: list[tuple[Lead, ...]],
    schedules: list[Schedule],
) -> tuple[Assignment, ...]:
    if not lead_lines:
        if len(schedules) > 1:
            raise AlignmentError("quarter-without-lead", kwartaal=kwartaal, quarters=len(schedules))
        return tuple(Assignment(None, s) for s in schedules)
    if not schedules:
        return tuple(Assignment(lead, None) for leads in lead_lines for lead in leads)
    if len(schedules) == 1:
        return tuple(Assignment(lead, schedules[0]) for leads in lead_lines for lead in leads)
    if len(schedules) != len(lead_lines):
        raise AlignmentError(
            "misaligned-cells",
            trekker=trekker,
            kwartaal=kwartaal,
            leads=len(lead_lines),
            quarters=len(schedules),
        )
    return tuple(
        Assignment(lead, schedule)
        for leads, schedule in zip(lead_lines, schedules, strict=True)
        for lead in leads
    )


def format_assignments(assignments: tuple[Assignment, ...]) -> tuple[str | None, str | None]:
    """Write assignments as Trekker and Kwartaal cell texts (``None`` for an empty cell).

    The inverse of :func:`parse_assignments`: one quarter is written once when
    every lead shares it. Assignments the two cells cannot express (some leads
    with a quarter and some without) raise :class:`~uvp.NotationError`.

    >>> format_assignments(parse_assignments("Barneveld\\nScherpenzeel", "Q2\\nQ3"))
    ('Barneveld\\nScherpenzeel', 'Q2\\nQ3')
    >>> format_assignments(parse_assignments("Scherpenzeel\\nPolitie", "Q1-Q4\\nQ1-Q4"))
    ('Scherpenzeel\\nPolitie', 'Q1-Q4')
    """
    if not assignments:
        return None, None
    leads = [a.lead for a in assignments]
    schedules = [a.schedule for a in assignments]
    if any(lead is None for lead in leads):
        if len(assignments) > 1 and any(lead is not None for lead in leads):
            raise NotationError(
                "unwritable-assignments", reason="some lines have a lead and some have none"
            )
        if len(assignments) > 1:
            raise NotationError("unwritable-assignments", reason="several quarters without a lead")
        return None, str(schedules[0])
    trekker = "\n".join(str(lead) for lead in leads)
    present = [s for s in schedules if s is not None]
    if not present:
        return trekker, None
    if len(present) != len(schedules):
        raise NotationError(
            "unwritable-assignments", reason="some leads have a quarter and some have none"
        )
    if len(set(present)) == 1:
        return trekker, str(present[0])
    return trekker, "\n".join(str(s) for s in present)


def schedules_text(
    assignments: Iterable[Assignment], separator: str = ", ", *, by_lead: bool = False
) -> str | None:
    """When *assignments* happen, as the plan writes it; ``None`` when none has a quarter.

    Each schedule is written in its canonical notation (``Q2-Q4``, ``Q1 en Q4``,
    ``Q3/Q4``, ``Doorlopend``), in the order given. The separator says where
    the text goes:

    - ``", "`` (the default): on one line, read across (the region view's
      differences, a partner's agenda);
    - ``"\\n"``: one per line, as the lines of a Kwartaal cell (the changes
      between two versions of a plan);
    - ``"; "``: between leads named with their quarter (*by_lead*).

    With *by_lead*, a quarter every assignment shares is said once (``Q2-Q4``),
    and otherwise each assignment is said with its lead (``Barneveld: Q2;
    Nijkerk: Q4``; ``?`` for a lead or quarter not given).

    >>> both = parse_assignments("Barneveld\\nNijkerk", "Q2\\nQ4")
    >>> schedules_text(both), schedules_text(both, "\\n")
    ('Q2, Q4', 'Q2\\nQ4')
    >>> schedules_text(both, "; ", by_lead=True)
    'Barneveld: Q2; Nijkerk: Q4'
    >>> schedules_text(parse_assignments("Barneveld\\nNijkerk", "Q2-Q4"), "; ", by_lead=True)
    'Q2-Q4'
    >>> schedules_text(parse_assignments("Nijkerk", None)) is None
    True
    """
    items = list(assignments)
    written = [str(a.schedule) for a in items if a.schedule is not None]
    if not written:
        return None
    if by_lead and (len(set(written)) > 1 or len(written) < len(items)):
        return separator.join(str(a) for a in items)
    if by_lead:
        return written[0]
    return separator.join(written)


def distinct_names(names: Iterable[str]) -> tuple[str, ...]:
    """*names* each once, in order, as first written: names that differ only in case
    or spacing are one name (``gezamenlijk`` in one plan, ``Gezamenlijk`` in another).

    >>> distinct_names(["gezamenlijk", "Politie", "Gezamenlijk", "politie "])
    ('gezamenlijk', 'Politie')
    """
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(" ".join(name.split()).casefold(), name)
    return tuple(seen.values())


def leads_text(leads: Iterable[Lead], separator: str = ", ", *, units: bool = True) -> str | None:
    """Who leads, as the plan names them; ``None`` when nobody does.

    With *units* each lead is named in full (``Nijkerk (Bibob-medewerker)``),
    every one written; without, each organisation once (``Nijkerk``). The
    separator is ``", "`` on one line or ``"\\n"`` one per line, as the lines of a
    Trekker cell.

    >>> leads = [a.lead for a in parse_assignments("Nijkerk (ODDV)\\nNijkerk\\nPolitie", "Q1")]
    >>> leads_text(leads, "\\n")
    'Nijkerk (ODDV)\\nNijkerk\\nPolitie'
    >>> leads_text(leads, units=False)
    'Nijkerk, Politie'
    """
    if units:
        names = [str(lead) for lead in leads]
    else:
        names = list(dict.fromkeys(lead.organisation for lead in leads))
    return separator.join(names) or None
