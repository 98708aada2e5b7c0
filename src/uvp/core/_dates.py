"""Dates as staff write and read them: ``1-10-2024`` (Dutch), and ``2024-10-01`` (ISO).

uvp prints a date the Dutch way, day first (:func:`format_date`), and reads both
that and the ISO form scripts write (:func:`parse_date`), so what uvp prints can
be typed back in.

>>> import datetime as dt
>>> format_date(dt.date(2024, 10, 1)), parse_date("1-10-2024") == parse_date("2024-10-01")
('01-10-2024', True)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

__all__ = ["format_date", "parse_date"]

_DUTCH: Final = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> dt.date:
    """The date in *text*: day first (``1-10-2024``, ``01/10/2024``, ``1.10.2024``) or
    ISO (``2024-10-01``); a :class:`ValueError` for anything else.

    >>> parse_date(" 01-10-2024 "), parse_date("2024-10-01")
    (datetime.date(2024, 10, 1), datetime.date(2024, 10, 1))
    >>> parse_date("10/1/24")
    Traceback (most recent call last):
    ...
    ValueError: not a date: '10/1/24' (write 1-10-2024 or 2024-10-01)
    """
    flat = text.strip()
    try:
        if _ISO.fullmatch(flat):
            return dt.date.fromisoformat(flat)
        if match := _DUTCH.fullmatch(flat):
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError:
        pass  # 31-02-2024: the form of a date, but no day of the calendar
    raise ValueError(f"not a date: {text!r} (write 1-10-2024 or 2024-10-01)")


def format_date(day: dt.date) -> str:
    """*day* as uvp prints dates for staff: ``01-10-2024``.

    >>> format_date(dt.date(2025, 3, 31))
    '31-03-2025'
    """
    return day.strftime("%d-%m-%Y")
