"""Excel workbooks: read the layouts staff use, write plans, and check them.

Nothing here is imported by ``import uvp`` until it is used: openpyxl and
python-calamine load on the first workbook call.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from uvp._lazy import attach
from uvp.core import (
    STATUS_LABELS,
    Plan,
    Report,
    Vocabulary,
    WorkbookError,
    cell_name,
    column_letter,
)
from uvp.workbook._checks import validate_result
from uvp.workbook._open import (
    check_workbook_file,
    collection_paused,
    load_values,
    load_values_and_info,
    lock_file,
    save_atomically,
)
from uvp.workbook._outputs import backup_path, keep_backup, output_file, output_paths, writable
from uvp.workbook._plan_files import (
    CONVERTS_TO,
    PLAN_SUFFIXES,
    WORKBOOK_SUFFIXES,
    Located,
    check_plan_file,
    convert_plan,
    converted_suffix,
    find_plans,
    inspect_plan,
    read_located,
    read_plan,
    write_plan,
)
from uvp.workbook._read_result import ActionSource, Layout, ReadAction, ReadResult, TableSource
from uvp.workbook._reader import (
    OWNED_SHEETS,
    PLAN_SHEET,
    read_values,
    read_vocabulary_values,
    text_of,
)
from uvp.workbook._sheetinfo import CellRange, SheetInfo, load_sheet_info

if TYPE_CHECKING:
    from uvp.workbook._commands import (
        MATRIX_MARKS,
        FillResult,
        controle_sheet,
        evaluate_workbook,
        evaluation_sheet,
        fill_quarters,
        fill_workbook,
        new_workbook,
        quarter_matrix,
        title_of,
        validate_workbook,
        vocabulary_sheet,
        write_controle,
        write_evaluation,
        write_plan_info,
    )
    from uvp.workbook._edit import PackageTarget
    from uvp.workbook._sheet import (
        HEADER,
        LINK,
        SEGMENT_COLOURS,
        TITLE,
        WRAP,
        BarChart,
        CellValue,
        FillRule,
        Link,
        ListValidation,
        PageSetup,
        Series,
        Sheet,
        Style,
        line_height,
        text_lines,
        write_sheet,
    )
    from uvp.workbook._target import OpenpyxlTarget, Target, write_new_workbook
    from uvp.workbook._writer import default_layout, plan_sheets, write_workbook
    from uvp.workbook._xlwings import XlwingsTarget, book_values

__all__ = [
    "CONVERTS_TO",
    "HEADER",
    "LINK",
    "MATRIX_MARKS",
    "OWNED_SHEETS",
    "PLAN_SHEET",
    "PLAN_SUFFIXES",
    "SEGMENT_COLOURS",
    "STATUS_LABELS",
    "TITLE",
    "WORKBOOK_SUFFIXES",
    "WRAP",
    "ActionSource",
    "BarChart",
    "CellRange",
    "CellValue",
    "FillResult",
    "FillRule",
    "Layout",
    "Link",
    "ListValidation",
    "Located",
    "OpenpyxlTarget",
    "PackageTarget",
    "PageSetup",
    "ReadAction",
    "ReadResult",
    "Series",
    "Sheet",
    "SheetInfo",
    "Style",
    "TableSource",
    "Target",
    "XlwingsTarget",
    "backup_path",
    "book_values",
    "cell_name",
    "check_plan_file",
    "check_workbook_file",
    "checked",
    "column_letter",
    "controle_sheet",
    "convert_plan",
    "converted_suffix",
    "default_layout",
    "evaluate_workbook",
    "evaluation_sheet",
    "fill_quarters",
    "fill_workbook",
    "find_plans",
    "inspect_plan",
    "inspect_workbook",
    "keep_backup",
    "line_height",
    "load_sheet_info",
    "load_values",
    "load_values_and_info",
    "lock_file",
    "new_workbook",
    "output_file",
    "output_paths",
    "plan_sheets",
    "quarter_matrix",
    "read_located",
    "read_plan",
    "read_values",
    "read_vocabulary",
    "read_vocabulary_values",
    "read_workbook",
    "save_atomically",
    "text_lines",
    "text_of",
    "title_of",
    "unknown_of",
    "validate_result",
    "validate_workbook",
    "vocabulary_sheet",
    "writable",
    "write_controle",
    "write_evaluation",
    "write_new_workbook",
    "write_plan",
    "write_plan_info",
    "write_sheet",
    "write_workbook",
]

# Loaded when first asked for: the xlwings Target loads xlwings (only when the add-in
# asks for it), the writers and sheets are not needed to read or check a workbook.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "uvp.workbook._commands": (
        "MATRIX_MARKS",
        "FillResult",
        "controle_sheet",
        "evaluate_workbook",
        "evaluation_sheet",
        "fill_quarters",
        "fill_workbook",
        "new_workbook",
        "quarter_matrix",
        "title_of",
        "validate_workbook",
        "vocabulary_sheet",
        "write_controle",
        "write_evaluation",
        "write_plan_info",
    ),
    "uvp.workbook._sheet": (
        "HEADER",
        "LINK",
        "SEGMENT_COLOURS",
        "TITLE",
        "WRAP",
        "BarChart",
        "CellValue",
        "FillRule",
        "Link",
        "ListValidation",
        "PageSetup",
        "Series",
        "Sheet",
        "Style",
        "line_height",
        "text_lines",
        "write_sheet",
    ),
    "uvp.workbook._target": ("OpenpyxlTarget", "Target", "write_new_workbook"),
    "uvp.workbook._writer": ("default_layout", "plan_sheets", "write_workbook"),
    "uvp.workbook._xlwings": ("XlwingsTarget", "book_values"),
    "uvp.workbook._edit": ("PackageTarget",),
}
if not TYPE_CHECKING:  # type checkers see the names above, and flag a misspelt one
    __getattr__, __dir__ = attach(globals(), _EXPORTS)


def inspect_workbook(
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> ReadResult:
    """Read a workbook into a :class:`ReadResult`: the plan, where each action
    stands, and the findings met while reading.

    *vocabulary* holds words staff taught uvp in a shared file (see
    :func:`read_vocabulary`); the workbook's own ``Woordenlijst`` adds to it.
    Raises :class:`~uvp.WorkbookError` for a file that cannot be read at all,
    or whose municipality or year neither the workbook nor the arguments give.
    """
    path = Path(path)
    with collection_paused():
        values, info = load_values_and_info(path)
        result = read_values(
            values,
            municipality=municipality,
            year=year,
            source=str(path),
            path=str(path),
            vocabulary=vocabulary,
            info=info,
        )
    return checked(result, str(path))


def unknown_of(result: ReadResult) -> tuple[str, ...]:
    """What the workbook does not say of ``"municipality"`` and ``"year"`` (in that order).

    >>> rows = [["Acties", "Trekker", "Kwartaal"], ["We richten een meldpunt in.", "Ede", "Q1"]]
    >>> unknown_of(read_values({"Blad1": rows}))
    ('municipality', 'year')
    >>> unknown_of(read_values({"Blad1": rows}, municipality="Ede", year=2025))
    ()
    """
    unknown = []
    if result.municipality is None:
        unknown.append("municipality")
    if result.year is None:
        unknown.append("year")
    return tuple(unknown)


def checked(
    result: ReadResult, source: str, need: Sequence[str] = ("municipality", "year")
) -> ReadResult:
    """*result*, if it is a plan that says what *need* names of its municipality and
    year (both, by default); else a WorkbookError."""
    if not result.tables and not result.priorities:
        raise WorkbookError("workbook-not-a-plan", source=source)
    for what in unknown_of(result):
        if what in need:
            raise WorkbookError(f"workbook-unknown-{what}", source=source)
    return result


def read_vocabulary(path: str | os.PathLike[str]) -> tuple[Vocabulary, Report]:
    """The words of a shared Woordenlijst workbook (for ``--woordenlijst``), and the
    findings about its rows that cannot be used (see :func:`read_vocabulary_values`).

    Raises :class:`~uvp.WorkbookError` for a file that cannot be read or holds no
    Woordenlijst.
    """
    path = Path(path)
    return read_vocabulary_values(load_values(path), source=str(path))


def read_workbook(
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> Plan:
    """Read the plan in an .xlsx workbook, in either layout staff use.

    *municipality* and *year* are used where the workbook does not say them.

    >>> import uvp
    >>> plan = uvp.read_workbook("examples/nijkerk-2024.xlsx")
    >>> plan == uvp.load("examples/nijkerk-2024.json")
    True
    """
    return inspect_workbook(path, municipality=municipality, year=year, vocabulary=vocabulary).plan
