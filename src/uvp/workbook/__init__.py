"""Excel workbooks: read the layouts staff use, write plans, and check them.

Nothing here is imported by ``import uvp`` until it is used: openpyxl and
python-calamine load on the first workbook call.
"""

from __future__ import annotations

import os
from pathlib import Path

from uvp.exceptions import WorkbookError
from uvp.model import Plan
from uvp.workbook.files import check_workbook_file, load_values, lock_file, save_atomically
from uvp.workbook.reader import (
    OWNED_SHEETS,
    ActionSource,
    Layout,
    ReadResult,
    TableSource,
    read_values,
)
from uvp.workbook.writer import build_workbook, default_layout, write_workbook

__all__ = [
    "OWNED_SHEETS",
    "ActionSource",
    "Layout",
    "ReadResult",
    "TableSource",
    "build_workbook",
    "check_workbook_file",
    "checked",
    "default_layout",
    "inspect_workbook",
    "load_values",
    "lock_file",
    "read_values",
    "read_workbook",
    "save_atomically",
    "write_workbook",
]


def inspect_workbook(
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
) -> ReadResult:
    """Read a workbook into a :class:`ReadResult`: the plan, where each action
    stands, and the findings met while reading.

    Raises :class:`~uvp.WorkbookError` for a file that cannot be read at all,
    or whose municipality or year neither the workbook nor the arguments give.
    """
    path = Path(path)
    result = read_values(
        load_values(path), municipality=municipality, year=year, source=str(path), path=str(path)
    )
    return checked(result, str(path))


def checked(result: ReadResult, source: str) -> ReadResult:
    """*result*, if it is a plan that says whose and which year; else a WorkbookError."""
    if not result.tables and not result.plan.priorities:
        raise WorkbookError("workbook-not-a-plan", source=source)
    if result.plan.municipality == "?":
        raise WorkbookError("workbook-unknown-municipality", source=source)
    if result.plan.year == 1900:
        raise WorkbookError("workbook-unknown-year", source=source)
    return result


def read_workbook(
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
) -> Plan:
    """Read the plan in an .xlsx workbook, in either layout staff use.

    *municipality* and *year* are used where the workbook does not say them.

    >>> import uvp
    >>> plan = uvp.read_workbook("examples/nijkerk-2024.xlsx")
    >>> plan == uvp.load("examples/nijkerk-2024.json")
    True
    """
    return inspect_workbook(path, municipality=municipality, year=year).plan
