"""Finding and reading plan files, whatever their format.

The CLI and the add-in read plans through :func:`read_plan`, so each format
has one reader.

>>> plan = read_plan("examples/nijkerk-2024.json")
>>> plan.municipality
'Nijkerk'
>>> [p.name for p in find_plans(["examples"], suffixes=(".json",))]
['nijkerk-2024.json', 'scherpenzeel-2024.json']
>>> located = read_located("examples/scherpenzeel-2024.xlsx")
>>> located.plan.actions[0].text[:30], located.cell(0)
('We organiseren 5 (thematische)', "'Ondermijning'!A6")
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import attrs

from uvp.core import (
    Plan,
    PlanDataError,
    Report,
    WorkbookError,
    dump,
    load,
    sheet_reference,
    validate_plan,
)

if TYPE_CHECKING:
    from uvp.workbook._reader import ReadAction

__all__ = [
    "PLAN_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "Located",
    "convert_plan",
    "find_plans",
    "inspect_plan",
    "read_located",
    "read_plan",
    "write_plan",
]

PLAN_SUFFIXES: Final = (".json", ".xlsx", ".xlsm")
"""File name endings uvp reads as plans."""
WORKBOOK_SUFFIXES: Final = (".xlsx", ".xlsm")
"""File name endings of Excel workbooks."""


def find_plans(
    paths: Iterable[str | os.PathLike[str]], suffixes: tuple[str, ...] = PLAN_SUFFIXES
) -> list[Path]:
    """The plan files among *paths*: files as given, directories searched (not recursively).

    A directory contributes its files with one of *suffixes*, sorted by name;
    hidden files, Excel's lock files (``~$name.xlsx``) and uvp's backups
    (``name.bak.xlsx``) are skipped.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.is_file()
                    and p.suffix.lower() in suffixes
                    and not p.name.startswith((".", "~$"))
                    and not p.stem.endswith(".bak")
                )
            )
        else:
            found.append(path)
    return found


def read_plan(
    path: str | os.PathLike[str], *, municipality: str | None = None, year: int | None = None
) -> Plan:
    """Read the plan in a JSON file or an Excel workbook.

    *municipality* and *year* serve workbooks that do not say them (a JSON
    plan always does). Unreadable files raise a :class:`~uvp.UvpError` subclass.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return load(path)
    if suffix in WORKBOOK_SUFFIXES:
        from uvp.workbook import read_workbook

        return read_workbook(path, municipality=municipality, year=year)
    raise PlanDataError(
        "not-a-plan",
        source=str(path),
        detail=f"uvp reads {', '.join(PLAN_SUFFIXES)} files, not {suffix or 'files without a suffix'}",
    )


def inspect_plan(
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
    peildatum: dt.date | None = None,
) -> tuple[Plan, Report]:
    """Read a plan file and check it: the plan and its findings, each finding of a
    workbook located in the cell it is about (see :func:`uvp.workbook.validate_result`).

    >>> plan, report = inspect_plan("examples/scherpenzeel-2024.xlsx")
    >>> plan.municipality, report.where(report.errors[0], "nl")
    ('Scherpenzeel', "'Ondermijning'!B61")
    """
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from uvp.workbook import inspect_workbook, validate_result

        result = inspect_workbook(path, municipality=municipality, year=year)
        return result.plan, validate_result(result, peildatum=peildatum)
    plan = read_plan(path)
    return plan, validate_plan(plan, peildatum=peildatum)


def write_plan(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    layout: Literal["goal", "quarter"] | None = None,
    overwrite: bool = False,
) -> Path:
    """Write *plan* as JSON (a ``.json`` path) or as a workbook (any other), the
    counterpart of :func:`read_plan`.

    An existing file is refused with a :class:`~uvp.WorkbookError` unless
    *overwrite*; *layout* is the workbook's (see :func:`uvp.write_workbook`).
    """
    path = Path(path)
    if path.suffix.lower() != ".json":
        from uvp.workbook import write_workbook

        return write_workbook(plan, path, layout=layout, overwrite=overwrite)
    if path.exists() and not overwrite:
        raise WorkbookError("workbook-exists", source=str(path))
    dump(plan, path)
    return path


def convert_plan(
    path: str | os.PathLike[str],
    folder: str | os.PathLike[str] | None = None,
    *,
    layout: Literal["goal", "quarter"] | None = None,
    overwrite: bool = False,
    municipality: str | None = None,
    year: int | None = None,
) -> Path:
    """A workbook as JSON, or JSON as a workbook: the plan at *path* written under the
    same name with the other suffix (``.json``, ``.xlsx``), beside it or in *folder*.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     convert_plan("examples/nijkerk-2024.xlsx", folder).name
    'nijkerk-2024.json'
    """
    path = Path(path)
    suffix = ".json" if path.suffix.lower() in WORKBOOK_SUFFIXES else ".xlsx"
    target = Path(folder if folder is not None else path.parent) / (path.stem + suffix)
    plan = read_plan(path, municipality=municipality, year=year)
    return write_plan(plan, target, layout=layout, overwrite=overwrite)


@attrs.frozen
class Located:
    """A plan with the file it was read from and, for a workbook, where each action stands.

    ``actions`` holds, in plan order, each action read with its source (see
    :class:`uvp.workbook.ReadAction`); a JSON plan has none.
    """

    plan: Plan
    path: Path
    actions: tuple[ReadAction, ...] = ()

    def cell(self, index: int) -> str | None:
        """The cell of the text of the action at *index* in ``plan.actions`` as an Excel
        reference (``'Ondermijning'!B61``), if known."""
        if index >= len(self.actions):
            return None
        source = self.actions[index].source
        cell = source.cell("text")
        return sheet_reference(source.sheet, cell) if cell else None


def read_located(
    path: str | os.PathLike[str], *, municipality: str | None = None, year: int | None = None
) -> Located:
    """Read a plan like :func:`read_plan`, keeping where each action stands in a workbook."""
    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return Located(read_plan(path), path)
    from uvp.workbook import inspect_workbook

    result = inspect_workbook(path, municipality=municipality, year=year)
    return Located(result.plan, path, result.actions)
