"""Quarter schedules: when in the year an action happens.

Staff write the *Kwartaal* of an action in a handful of notations (see
``docs/notations.md``); :meth:`Schedule.parse` reads all of them and
``str(schedule)`` writes the canonical one back.

>>> Schedule.parse("Q2 - Q4")
Schedule(kind='range', quarters=frozenset({2, 3, 4}))
>>> str(Schedule.parse("q1, Q2 & Q4"))
'Q1, Q2 en Q4'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Final, Literal, get_args

import attrs

from uvp.core._errors import NotationError

__all__ = ["QUARTERS", "Schedule", "ScheduleKind", "quarter_of"]

ScheduleKind = Literal["range", "moments", "window", "ongoing"]
"""How a schedule's quarters are meant (see :class:`Schedule`)."""

QUARTERS: Final = (1, 2, 3, 4)

_ONGOING: Final = frozenset({"doorlopend", "continu", "continue"})
_RANGE_SEPARATORS: Final = frozenset({"-", "t/m", "tot en met"})
_MOMENT_SEPARATORS: Final = frozenset({",", "en", "&"})
_WINDOW_SEPARATORS: Final = frozenset({"/", "of"})
# One quarter token: "Q3", "q 3", "Q12" (the digits are checked afterwards).
_QUARTER_TOKEN: Final = re.compile(r"q\s*(\d+)")
_DASHES: Final = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")


def _quarter_set(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


@attrs.frozen
class Schedule:
    """The quarters in which an action happens, and how they are meant.

    ==========  =============================  =======================
    ``kind``    written as                     means
    ==========  =============================  =======================
    range       ``Q1``, ``Q2-Q4``              continuously over those quarters
    moments     ``Q1 en Q4``                   one moment in each named quarter
    window      ``Q3/Q4``                      once, in one of those quarters
    ongoing     ``Doorlopend``                 all year, with no end
    ==========  =============================  =======================

    >>> s = Schedule.parse("Q3/Q4")
    >>> s.kind, sorted(s.quarters), str(s)
    ('window', [3, 4], 'Q3/Q4')
    >>> s.due(2024)
    datetime.date(2024, 12, 31)
    >>> Schedule.parse("Doorlopend").due(2024) is None
    True
    """

    kind: ScheduleKind
    quarters: frozenset[int] = attrs.field(converter=_quarter_set)

    def __attrs_post_init__(self) -> None:
        if self.kind not in get_args(ScheduleKind):
            raise ValueError(f"unknown schedule kind {self.kind!r}")
        if not self.quarters or not self.quarters <= set(QUARTERS):
            raise ValueError(
                f"quarters must be a non-empty subset of 1..4, not {set(self.quarters)}"
            )
        ordered = sorted(self.quarters)
        if self.kind == "range" and ordered != list(range(ordered[0], ordered[-1] + 1)):
            raise ValueError(f"a range has consecutive quarters, not {ordered}")
        if self.kind in ("moments", "window") and len(ordered) < 2:
            raise ValueError(f"a {self.kind} names at least two quarters, not {ordered}")
        if self.kind == "ongoing" and self.quarters != set(QUARTERS):
            raise ValueError("an ongoing schedule covers all four quarters")

    # -- constructors -------------------------------------------------------

    @classmethod
    def range(cls, first: int, last: int | None = None) -> Schedule:
        """Quarters *first* to *last* (inclusive); one quarter when *last* is omitted.

        >>> str(Schedule.range(2, 4)), str(Schedule.range(3))
        ('Q2-Q4', 'Q3')
        """
        return cls("range", range(first, (first if last is None else last) + 1))

    @classmethod
    def ongoing(cls) -> Schedule:
        """All year, with no end (*Doorlopend*).

        >>> str(Schedule.ongoing())
        'Doorlopend'
        """
        return cls("ongoing", QUARTERS)

    @classmethod
    def parse(cls, text: str) -> Schedule:
        """Read a schedule written in any notation the plans use.

        Case, spaces and the kind of dash do not matter. Anything else raises
        :class:`~uvp.NotationError` quoting the text and saying what is accepted.

        >>> [str(Schedule.parse(t)) for t in ["q3", "Q1–Q4", "Q1 t/m Q4", "Q3 of Q4", "continu"]]
        ['Q3', 'Q1-Q4', 'Q1-Q4', 'Q3/Q4', 'Doorlopend']
        >>> Schedule.parse("Q4-Q2")
        Traceback (most recent call last):
        uvp.NotationError: cannot read 'Q4-Q2' as a quarter schedule: the range runs backwards (write Q2-Q4)
        """
        if not isinstance(text, str):
            raise TypeError(f"Schedule.parse() takes a str, not {type(text).__name__}")
        return _parse(text)

    @classmethod
    def _parse(cls, text: str) -> Schedule:
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
        """The first quarter the schedule names."""
        return min(self.quarters)

    @property
    def last(self) -> int:
        """The last quarter the schedule names (a window: its last possible one)."""
        return max(self.quarters)

    def due(self, year: int) -> dt.date | None:
        """The date the action is due: the last day of its last quarter.

        A window is due at the end of its last possible quarter; an ongoing
        schedule has no due date (``None``).

        >>> Schedule.parse("Q1 en Q2").due(2024)
        datetime.date(2024, 6, 30)
        """
        if self.kind == "ongoing":
            return None
        return _quarter_end(year, self.last)

    def __str__(self) -> str:
        ordered = sorted(self.quarters)
        if self.kind == "ongoing":
            return "Doorlopend"
        if self.kind == "range":
            return f"Q{ordered[0]}" if len(ordered) == 1 else f"Q{ordered[0]}-Q{ordered[-1]}"
        if self.kind == "window":
            return "/".join(f"Q{q}" for q in ordered)
        *init, tail = (f"Q{q}" for q in ordered)
        return f"{', '.join(init)} en {tail}"


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> Schedule:
    # A plan writes the same few notations hundreds of times: parse each once.
    return Schedule._parse(text)


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
