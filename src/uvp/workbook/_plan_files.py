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
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from uvp.core import (
    Plan,
    PlanDataError,
    Report,
    UvpError,
    Vocabulary,
    dump,
    load,
    sheet_reference,
    validate_plan,
)
from uvp.workbook._outputs import output_paths, writable

if TYPE_CHECKING:
    from uvp.workbook._read_result import ReadAction

__all__ = [
    "CONVERTS_TO",
    "PLAN_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "Located",
    "check_plan_file",
    "convert_plan",
    "converted_suffix",
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
    paths: Iterable[str | os.PathLike[str]],
    suffixes: tuple[str, ...] = PLAN_SUFFIXES,
    *,
    required: bool = False,
) -> list[Path]:
    """The plan files among *paths*: files as given, directories searched (not recursively).

    A directory contributes its files with one of *suffixes*, sorted by name;
    hidden files, Excel's lock files (``~$name.xlsx``) and uvp's backups
    (``name.bak.xlsx``) are skipped. With *required*, finding none is a
    :class:`~uvp.UvpError` (``no-plans-found``).
    """
    paths = list(paths)
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
    if required and not found:
        raise UvpError("no-plans-found", path=", ".join(map(str, paths)))
    return found


def read_plan(
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
    vocabulary: Vocabulary | None = None,
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

        return read_workbook(path, municipality=municipality, year=year, vocabulary=vocabulary)
    if not path.exists():  # a folder or a file with a typo in its name
        raise PlanDataError("path-not-found", source=str(path))
    raise PlanDataError("not-a-plan-file", source=str(path), suffixes=", ".join(PLAN_SUFFIXES))


def inspect_plan(
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
    peildatum: dt.date | None = None,
    vocabulary: Vocabulary | None = None,
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

        result = inspect_workbook(path, municipality=municipality, year=year, vocabulary=vocabulary)
        return result.plan, validate_result(result, peildatum=peildatum)
    plan = read_plan(path)
    return plan, validate_plan(plan, peildatum=peildatum)


def check_plan_file(
    path: str | os.PathLike[str],
    *,
    write: bool = False,
    output: str | os.PathLike[str] | None = None,
    peildatum: dt.date | None = None,
    **reading: Any,
) -> Report:
    """The findings of the plan file *path* (see :func:`inspect_plan`, which *reading*'s
    municipality, year and vocabulary go to); with *write* a workbook gets them on its
    ``Controle`` sheet too, in place or in *output* (see :func:`uvp.workbook.validate_workbook`).

    >>> check_plan_file("examples/nijkerk-2024.json").ok
    True
    """
    if write and Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        from uvp.workbook._commands import validate_workbook  # the writers: only to write

        return validate_workbook(path, peildatum=peildatum, write=True, output=output, **reading)
    return inspect_plan(path, peildatum=peildatum, **reading)[1]


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
    *overwrite* (then it is kept as ``name.bak.json``, ``name.bak.xlsx``); a missing
    folder is made; *layout* is the workbook's (see :func:`uvp.write_workbook`).
    """
    path = Path(path)
    if path.suffix.lower() != ".json":
        from uvp.workbook import write_workbook

        return write_workbook(plan, path, layout=layout, overwrite=overwrite)
    writable(path, overwrite=overwrite)
    dump(plan, path, backup=True)
    return path


CONVERTS_TO: Final = (".json", ".xlsx")
"""What :func:`convert_plan` writes: a plan as JSON, or as a workbook."""


def converted_suffix(path: str | os.PathLike[str]) -> str:
    """The other format of the plan at *path*: ``.json`` for a workbook, else ``.xlsx``.

    >>> converted_suffix("plan.xlsm"), converted_suffix("plan.json")
    ('.json', '.xlsx')
    """
    return ".json" if Path(path).suffix.lower() in WORKBOOK_SUFFIXES else ".xlsx"


def convert_plan(
    path: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    *,
    layout: Literal["goal", "quarter"] | None = None,
    overwrite: bool = False,
    municipality: str | None = None,
    year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> Path:
    """A workbook as JSON, or JSON as a workbook: the plan at *path* written under the
    same name with the other suffix (:func:`converted_suffix`), beside it; or at
    *output*, a file (its suffix, ``.json`` or ``.xlsx``, decides the format) or a
    folder, as ``-o`` means everywhere (see :func:`uvp.workbook.output_paths`).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     convert_plan("examples/nijkerk-2024.xlsx", folder).name
    ...     convert_plan("examples/nijkerk-2024.json", f"{folder}/plan.xlsx").name
    'nijkerk-2024.json'
    'plan.xlsx'
    """
    path = Path(path)
    (target,) = output_paths([path], output, writes=CONVERTS_TO, suffix=converted_suffix)
    plan = read_plan(path, municipality=municipality, year=year, vocabulary=vocabulary)
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
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> Located:
    """Read a plan like :func:`read_plan`, keeping where each action stands in a workbook."""
    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return Located(read_plan(path), path)
    from uvp.workbook import inspect_workbook

    result = inspect_workbook(path, municipality=municipality, year=year, vocabulary=vocabulary)
    return Located(result.plan, path, result.actions)
