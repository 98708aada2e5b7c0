"""Quarter schedules: when in the year an action happens.

Staff write the *Kwartaal* of an action in many ways (see ``docs/notations.md``):
``Q2``, ``Q2-Q4``, ``tweede kwartaal``, ``medio 2024``, ``najaar``, ``n.v.t.``.
:meth:`Schedule.parse` reads all of them and ``str(schedule)`` writes the
canonical notation back; :meth:`Schedule.read` also says how an approximate
or other-year text was read.

>>> Schedule.parse("Q2 - Q4")
Schedule(kind='range', quarters=frozenset({2, 3, 4}))
>>> str(Schedule.parse("q1, Q2 & Q4"))
'Q1, Q2 en Q4'
>>> str(Schedule.parse("medio 2024", year=2024)), str(Schedule.parse("Q1 2025", year=2024))
('ca. Q2/Q3', 'Q1 2025')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Literal, get_args

import attrs

from uvp.core._errors import NotationError

if TYPE_CHECKING:
    from uvp.core._reading import Reading
    from uvp.core._vocabulary import Vocabulary

__all__ = ["QUARTERS", "UNPLANNED", "Schedule", "ScheduleKind", "quarter_of"]

ScheduleKind = Literal["range", "moments", "window", "ongoing", "unplanned"]
"""How a schedule's quarters are meant (see :class:`Schedule`)."""

QUARTERS: Final = (1, 2, 3, 4)

UNPLANNED: Final = "Niet gepland"
"""How uvp writes a schedule that says the action is not planned (``n.v.t.``)."""

_ONGOING: Final = frozenset({"doorlopend", "continu", "continue"})
_RANGE_SEPARATORS: Final = frozenset({"-", "t/m", "tot en met"})
_MOMENT_SEPARATORS: Final = frozenset({",", "en", "&"})
_WINDOW_SEPARATORS: Final = frozenset({"/", "of"})
# One quarter token: "Q3", "q 3", "Q12" (the digits are checked afterwards).
_QUARTER_TOKEN: Final = re.compile(r"q\s*(\d+)")
_DASHES: Final = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")


def _quarter_set(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


def _year(_instance: object, _attribute: object, value: int | None) -> None:
    if value is not None and (
        not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2999
    ):
        raise ValueError(f"a schedule's year is a year from 1900 to 2999 or None, not {value!r}")


@attrs.frozen(repr=False)
class Schedule:
    """The quarters in which an action happens, and how they are meant.

    ==========  ======================================  =========================================
    ``kind``    written as                              means
    ==========  ======================================  =========================================
    range       ``Q1``, ``Q2-Q4``                       continuously over those quarters
    moments     ``Q1 en Q4``                            one moment in each named quarter
    window      ``Q3/Q4``                               once, in one of those quarters
    ongoing     ``Doorlopend``, ``Doorlopend vanaf Q3``  from its first quarter on, with no end
    unplanned   ``Niet gepland`` (``n.v.t.``)           the plan says the action has no quarter
    ==========  ======================================  =========================================

    ``year`` is ``None`` for the plan's own year (what a quarter without a year
    means), else the other year a text named (``Q1 2025`` in the 2024 plan): a
    schedule never carries its plan's own year. An ongoing schedule with a year
    runs on from that year, so in a later plan it is simply ongoing.
    ``approximate`` says uvp read a vaguer text as these quarters (``medio``,
    a season): uvp writes it ``ca. Q2/Q3``.

    >>> s = Schedule.parse("Q3/Q4")
    >>> s.kind, sorted(s.quarters), str(s)
    ('window', [3, 4], 'Q3/Q4')
    >>> s.due(2024)
    datetime.date(2024, 12, 31)
    >>> Schedule.parse("Doorlopend").due(2024) is None
    True
    >>> Schedule.parse("Q1 2025", year=2024).due(2024)
    datetime.date(2025, 3, 31)
    """

    kind: ScheduleKind
    quarters: frozenset[int] = attrs.field(converter=_quarter_set)
    year: int | None = attrs.field(default=None, validator=_year)
    approximate: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.kind not in get_args(ScheduleKind):
            raise ValueError(f"unknown schedule kind {self.kind!r}")
        if self.kind == "unplanned":
            if self.quarters or self.year is not None or self.approximate:
                raise ValueError("an unplanned schedule has no quarters, year or approximation")
            return
        if not self.quarters or not self.quarters <= set(QUARTERS):
            raise ValueError(
                f"quarters must be a non-empty subset of 1..4, not {set(self.quarters)}"
            )
        ordered = sorted(self.quarters)
        if self.kind == "range" and ordered != list(range(ordered[0], ordered[-1] + 1)):
            raise ValueError(f"a range has consecutive quarters, not {ordered}")
        if self.kind in ("moments", "window") and len(ordered) < 2:
            raise ValueError(f"a {self.kind} names at least two quarters, not {ordered}")
        if self.kind == "ongoing" and ordered != list(range(ordered[0], 5)):
            raise ValueError(
                f"an ongoing schedule runs from its first quarter to Q4, not {ordered}"
            )

    # -- constructors -------------------------------------------------------

    @classmethod
    def range(cls, first: int, last: int | None = None) -> Schedule:
        """Quarters *first* to *last* (inclusive); one quarter when *last* is omitted.

        >>> str(Schedule.range(2, 4)), str(Schedule.range(3))
        ('Q2-Q4', 'Q3')
        """
        return cls("range", range(first, (first if last is None else last) + 1))

    @classmethod
    def ongoing(cls, first: int = 1) -> Schedule:
        """From quarter *first* on, with no end (*Doorlopend*).

        >>> str(Schedule.ongoing()), str(Schedule.ongoing(3))
        ('Doorlopend', 'Doorlopend vanaf Q3')
        """
        return cls("ongoing", range(first, 5))

    @classmethod
    def unplanned(cls) -> Schedule:
        """The plan says the action has no quarter (``n.v.t.``, ``ad hoc``, ``n.n.b.``).

        >>> str(Schedule.unplanned()), Schedule.unplanned().due(2024)
        ('Niet gepland', None)
        """
        return cls("unplanned", ())

    @classmethod
    def parse(
        cls, text: str, *, year: int | None = None, vocabulary: Vocabulary | None = None
    ) -> Schedule:
        """Read a schedule written in any notation the plans use.

        *year* is the plan's year: a text naming it (``Q2 2024``) reads as a
        plain quarter, another year is kept (``Q1 2025``), and spans over years
        (``2023-2026``) are read for it. Case, articles and the kind of dash do
        not matter. Anything else raises :class:`~uvp.NotationError` quoting
        the text and saying what is accepted. A *vocabulary* (a workbook's
        *Woordenlijst*) adds staff's own words, before the built-in ones.

        >>> [str(Schedule.parse(t)) for t in ["q3", "Q1–Q4", "Q1 t/m Q4", "Q3 of Q4", "continu"]]
        ['Q3', 'Q1-Q4', 'Q1-Q4', 'Q3/Q4', 'Doorlopend']
        >>> [str(Schedule.parse(t, year=2024)) for t in ["tweede kwartaal", "2023-2026", "n.v.t."]]
        ['Q2', 'Doorlopend', 'Niet gepland']
        >>> Schedule.parse("Q4-Q2")
        Traceback (most recent call last):
        uvp.NotationError: cannot read 'Q4-Q2' as a quarter schedule: the range runs backwards (write Q2-Q4)
        """
        return _read(text, year, vocabulary or None).value

    @classmethod
    def read(
        cls, text: str, *, year: int | None = None, vocabulary: Vocabulary | None = None
    ) -> Reading[Schedule]:
        """:meth:`parse`, with notes on how the text was read.

        The notes (:class:`~uvp.core.Note`) say what staff should know:
        ``approximate-quarter`` (a vague text read as quarters), ``other-year``
        (the text names another year than *year*), ``beyond-year`` (a span
        over years, read for *year*), ``unplanned`` (the action has no
        quarter) and ``quarter-comment`` (a bracket read as a comment).

        >>> reading = Schedule.read("najaar", year=2024)
        >>> str(reading.value), reading.notes[0].message("nl")
        ('ca. Q3/Q4', "Kwartaal 'najaar' is gelezen als ca. Q3/Q4 (bij benadering): vul een kwartaal in als u het precies weet.")
        """
        return _read(text, year, vocabulary or None)

    @classmethod
    def _parse_notation(cls, text: str) -> Schedule:
        """The quarter notations of the two 2024 plans: ``Q2``, ``Q2-Q4``, ``Q1 en Q4``,
        ``Q3/Q4``, ``Doorlopend``. The fast path every other reading starts with."""
        normal = " ".join(text.replace("\xa0", " ").split()).lower()
        if not normal:
            raise NotationError("empty-schedule", text=text)
        if normal in _ONGOING:
            return cls.ongoing()
        normal = _DASHES.sub("-", normal)
        pieces = _QUARTER_TOKEN.split(normal)
        # pieces: [before, n1, sep1, n2, sep2, ..., nk, after]
        if len(pieces) < 3 or pieces[0].strip() or pieces[-1].strip():
            raise NotationError("bad-schedule", text=text)
        numbers = [int(n) for n in pieces[1::2]]
        separators = [s.strip() for s in pieces[2:-1:2]]
        for number in numbers:
            if number not in QUARTERS:
                raise NotationError("unknown-quarter", text=text, quarter=number)
        if not separators:
            return cls.range(numbers[0])
        seps = set(separators)
        if len(numbers) == 2 and seps <= _RANGE_SEPARATORS:
            first, last = numbers
            if first > last:
                raise NotationError("reversed-range", text=text, first=last, last=first)
            return cls.range(first, last)
        if seps <= _MOMENT_SEPARATORS:
            kind: ScheduleKind = "moments"
        elif seps <= _WINDOW_SEPARATORS or (
            # "Q2, Q3 of Q4": commas, then "of" before the last one
            separators[-1] == "of" and set(separators[:-1]) <= {","}
        ):
            kind = "window"
        else:
            raise NotationError("bad-schedule", text=text)
        if len(set(numbers)) != len(numbers):
            repeated = next(n for n in numbers if numbers.count(n) > 1)
            raise NotationError("repeated-quarter", text=text, quarter=repeated)
        return cls(kind, numbers)

    # -- reading ------------------------------------------------------------

    @property
    def first(self) -> int:
        """The first quarter the schedule names (an unplanned schedule has none: ValueError)."""
        return min(self.quarters)

    @property
    def last(self) -> int:
        """The last quarter the schedule names (a window: its last possible one)."""
        return max(self.quarters)

    @property
    def planned(self) -> bool:
        """False for the schedule of an action the plan says is not planned.

        >>> Schedule.parse("ad hoc").planned, Schedule.parse("Q2").planned
        (False, True)
        """
        return self.kind != "unplanned"

    def in_year(self, year: int) -> bool:
        """Whether the schedule is in the plan's *year* (no other year named).

        >>> Schedule.parse("Q1 2025").in_year(2024), Schedule.parse("Q1").in_year(2024)
        (False, True)
        """
        return self.year is None or self.year == year

    def due(self, year: int) -> dt.date | None:
        """The date the action is due: the last day of its last quarter.

        *year* is the plan's year; a schedule in another year is due in that
        year. A window is due at the end of its last possible quarter; an
        ongoing or unplanned schedule has no due date (``None``).

        >>> Schedule.parse("Q1 en Q2").due(2024)
        datetime.date(2024, 6, 30)
        """
        if self.kind in ("ongoing", "unplanned"):
            return None
        return _quarter_end(year if self.year is None else self.year, self.last)

    def _core(self) -> str:
        ordered = sorted(self.quarters)
        if self.kind == "unplanned":
            return UNPLANNED
        if self.kind == "ongoing":
            return "Doorlopend" if ordered[0] == 1 else f"Doorlopend vanaf Q{ordered[0]}"
        if self.kind == "range":
            return f"Q{ordered[0]}" if len(ordered) == 1 else f"Q{ordered[0]}-Q{ordered[-1]}"
        if self.kind == "window":
            return "/".join(f"Q{q}" for q in ordered)
        *init, tail = (f"Q{q}" for q in ordered)
        return f"{', '.join(init)} en {tail}"

    def __str__(self) -> str:
        return _schedule_text(self)

    def _text(self) -> str:
        text = self._core()
        if self.approximate:
            text = "ca. " + text
        if self.year is not None:
            text = f"{text} {self.year}"
        return text

    def __repr__(self) -> str:
        extra = "" if self.year is None else f", year={self.year}"
        extra += ", approximate=True" if self.approximate else ""
        return f"Schedule(kind={self.kind!r}, quarters={self.quarters!r}{extra})"


@functools.lru_cache(maxsize=4096)
def _read(text: str, year: int | None, vocabulary: Vocabulary | None = None) -> Reading[Schedule]:
    # A plan writes the same few notations hundreds of times: read each once
    # (an exception is not cached, so these checks cost nothing on a hit).
    if not isinstance(text, str):
        raise TypeError(f"Schedule.parse() takes a str, not {type(text).__name__}")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError(f"year must be an int or None, not {type(year).__name__}")
    from uvp.core._timing import read_schedule

    if vocabulary is not None and (meaning := vocabulary.meaning("quarter", text)) is not None:
        # Staff's own word: read what they say it means, and say it of their text.
        reading = read_schedule(meaning, year)
        notes = tuple(attrs.evolve(n, params={**n.params, "text": text}) for n in reading.notes)
        return attrs.evolve(reading, notes=notes)
    return read_schedule(text, year)


def _quarter_end(year: int, quarter: int) -> dt.date:
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def quarter_of(day: dt.date) -> int:
    """The quarter (1..4) a date falls in.

    >>> quarter_of(dt.date(2024, 5, 15))
    2
    """
    return (day.month - 1) // 3 + 1


@functools.lru_cache(maxsize=1024)
def _schedule_text(schedule: Schedule) -> str:
    # A plan's thousands of assignments share a few dozen schedules: each is written once.
    return schedule._text()
