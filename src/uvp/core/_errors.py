"""The exceptions uvp raises.

Every exception carries a stable ``code`` and the ``params`` that fill in its
message, so the same error reads in English for developers (``str(error)``)
and in Dutch for staff (``error.message("nl")``). Where the error comes from a
workbook, ``sheet`` and ``cell`` say where.

>>> from uvp import Schedule, NotationError
>>> try:
...     Schedule.parse("Q5")
... except NotationError as error:
...     print(error.code, "|", error.message("nl"))
unknown-quarter | 'Q5' is geen kwartaalplanning: Q5 bestaat niet (een jaar heeft Q1 tot en met Q4).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from uvp.core._location import sheet_reference
from uvp.messages import Language, render

__all__ = [
    "AlignmentError",
    "NotationError",
    "PlanDataError",
    "UvpError",
    "WorkbookError",
]


# Refusals because someone else wrote the same file at the same time.
_CONFLICTS = frozenset({"file-busy", "file-changed"})


class UvpError(Exception):
    """Base class of every error uvp raises on purpose.

    >>> error = UvpError("empty-lead")
    >>> str(error)
    'an empty text is not a lead (trekker)'
    >>> error.message("nl")
    'Een leeg vak is geen trekker.'
    """

    def __init__(
        self,
        code: str,
        /,
        *,
        sheet: str | None = None,
        cell: str | None = None,
        **params: Any,
    ) -> None:
        self.code = code
        self.params: Mapping[str, Any] = params
        self.sheet = sheet
        self.cell = cell
        super().__init__(self.message("en"))

    @property
    def where(self) -> str | None:
        """The location as Excel writes it (``'Ondermijning'!C14``), if known."""
        if self.sheet is None:
            return self.cell
        return sheet_reference(self.sheet, self.cell)

    @property
    def exit_code(self) -> int:
        """The CLI's exit code for this error: 1 when another uvp command or program
        wrote the same file at the same time (nothing changed: try again), else 2
        (input that cannot be read, a file that cannot be written).

        >>> WorkbookError("file-busy", source="plan.xlsx", holder="uvp").exit_code
        1
        >>> WorkbookError("file-read-only", source="plan.xlsx").exit_code
        2
        """
        return 1 if self.code in _CONFLICTS else 2

    def message(self, language: Language = "en") -> str:
        """The message in *language*, prefixed with the location when known."""
        text = render(language, self.code, **self.params)
        where = self.where
        return f"{where}: {text}" if where else text


class NotationError(UvpError, ValueError):
    """A text cannot be read in the notation it should be in.

    Raised for quarter schedules, leads and Trekker/Kwartaal cells. The text
    that failed is in ``error.params["text"]`` (or ``trekker``/``kwartaal``).
    """


class AlignmentError(NotationError):
    """The lines of a Trekker cell and a Kwartaal cell do not pair up."""


class PlanDataError(UvpError, ValueError):
    """Plan data (JSON) that is not a valid uvp plan."""


class WorkbookError(UvpError):
    """A workbook that cannot be read or written as asked.

    The message says what and where, in English (``str(error)``) and Dutch
    (``error.message("nl")``); nothing has been changed on disk.
    """


# Users meet these as uvp.NotationError and so on: say so in tracebacks too.
for _error in (UvpError, NotationError, AlignmentError, PlanDataError, WorkbookError):
    _error.__module__ = "uvp"
