"""What uvp writes into a user's workbook, written once for every place it runs.

Each writer takes a :class:`~uvp.workbook.Target` and a
:class:`~uvp.workbook.ReadResult`: the CLI runs them on a file through
openpyxl (:func:`edit_workbook`), the Excel add-in on the live workbook
through xlwings. None of them inserts or shifts a row or column of the
user's: new columns go into free columns beside a table, new content into
sheets uvp owns (``Controle``, ``Evaluatie``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import os
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from uvp.core import (
    STATUS_LABELS,
    Evaluation,
    Finding,
    Line,
    Location,
    Plan,
    Priority,
    Report,
    Schedule,
    Snapshot,
    Span,
    Theme,
    Vocabulary,
    WorkbookError,
    check_writable,
    evaluate_plan,
    excerpt,
    findings_lines,
    remove_leftovers,
    write_lock,
)
from uvp.messages import Language, Phrase, render
from uvp.workbook._checks import matrix_findings, quarters_text, validate_result
from uvp.workbook._headers import header_fields, normal
from uvp.workbook._open import lock_file, save_atomically
from uvp.workbook._read_result import ReadResult, TableSource
from uvp.workbook._reader import PLAN_SHEET, VOCABULARY_SHEET, text_of
from uvp.workbook._sheet import (
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
    write_sheet,
)
from uvp.workbook._target import Target, write_new_workbook
from uvp.workbook._writer import plan_sheets

if TYPE_CHECKING:
    from uvp.workbook._package import Package

__all__ = [
    "MATRIX_MARKS",
    "FillResult",
    "add_status_rules",
    "controle_sheet",
    "edit_workbook",
    "evaluate_workbook",
    "evaluation_sheet",
    "fill_quarters",
    "fill_workbook",
    "new_workbook",
    "quarter_matrix",
    "validate_workbook",
    "vocabulary_sheet",
    "write_controle",
    "write_evaluation",
    "write_plan_info",
]

T = TypeVar("T")

CONTROLE: Final = "Controle"
EVALUATIE: Final = "Evaluatie"

MATRIX_MARKS: Final = {"fixed": "●", "window": "○", "ongoing": "↻"}
"""What the quarter matrix shows: a fixed quarter, one possible quarter of a
window (*Q3/Q4*), and a quarter of an ongoing action (*Doorlopend*)."""
_MATRIX_FILLS: Final = {"fixed": "A9D08E", "window": "FFE699", "ongoing": "9BC2E6"}
STATUS_FILLS: Final = {
    "planned": "EDEDED",
    "running": "BDD7EE",
    "at-risk": "F8CBAD",
    "done": "C6EFCE",
    "postponed": "FFEB9C",
    "cancelled": "D9D9D9",
}
_SEVERITY_FILLS: Final = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
_CHART_DATA: Final = 22  # column V: the chart's figures, hidden, out of the way of the tables
_STATUS_ROWS_AHEAD: Final = 50  # drop-down rows below a table, for actions still to add


# -- editing a file ----------------------------------------------------------------------


def edit_workbook(
    path: str | os.PathLike[str],
    change: Callable[[Target, ReadResult], T],
    *,
    municipality: str | None = None,
    year: int | None = None,
    backup: bool = True,
    output: str | os.PathLike[str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> T:
    """Read the workbook at *path*, let *change* write into it, and save it safely.

    The workbook is edited as a package (see :class:`uvp.workbook.PackageTarget`):
    only the parts uvp writes change, every other part is copied byte for
    byte. Refuses, before anything is written, a workbook that is open in
    Excel, read-only or cannot be read. The result replaces *path* atomically
    (the original kept as ``name.bak.xlsx`` with *backup*), or goes to *output*.

    In place, the whole read, change and write holds uvp's write lock on the
    workbook (another uvp waits, see :func:`uvp.core.write_lock`), and the
    workbook is replaced only if it is still the version that was read (else
    ``file-changed``: another program saved it meanwhile, and its work stays).
    An edit that changes nothing (see :meth:`Package.unchanged`) leaves the
    workbook and its backup as they are.
    """
    from uvp.workbook import inspect_workbook
    from uvp.workbook._edit import PackageTarget
    from uvp.workbook._package import DamagedPartError, Package

    path = Path(path)
    destination = Path(output) if output is not None else path
    in_place = _same_place(path, destination)
    for place in {path, destination}:
        lock = lock_file(place)
        if lock is not None:
            raise WorkbookError("workbook-locked", source=str(place), lock=lock.name)
    check_writable(destination)
    writing = write_lock(destination, failed="workbook-write-failed")
    with writing if in_place else contextlib.nullcontext():
        try:
            snapshot = Snapshot.take(path)
        except OSError:
            snapshot = None  # the reader says why, in its words
        result = inspect_workbook(
            path, municipality=municipality, year=year, vocabulary=vocabulary
        )  # checks the file first
        if snapshot is None:
            raise WorkbookError("file-changed", source=str(path))
        package: Package | None = None
        try:
            package = Package.open(io.BytesIO(snapshot.data))
            target = PackageTarget(package, source=str(path))
            # Free columns are judged on what the cells hold, formulas included: a formula
            # Excel never calculated has no value for the fast reader, but it is there.
            result = attrs.evolve(result, values=_with_formulas(target, result))
        except (KeyError, ValueError, zipfile.BadZipFile, etree_error()) as error:
            raise _damaged(path, package, error) from error
        try:
            outcome = change(target, result)
            target.commit()
            if in_place and package.unchanged():
                # Nothing to change (a second fill, say): the workbook and its backup stay,
                # if it is still the workbook that was read.
                snapshot.check(path)
                remove_leftovers(destination)
                return outcome
            data = package.to_bytes()
        except (DamagedPartError, etree_error()) as error:  # a part the fast reader read past
            raise _damaged(path, package, error) from error
        save_atomically(
            lambda temporary: temporary.write_bytes(data),
            destination,
            # A copy that replaces a file in *output* (with --overwrite) keeps it, as any replaced file.
            backup=backup or not in_place,
            original=snapshot if in_place else None,
        )
    return outcome


def _same_place(path: Path, destination: Path) -> bool:
    if path == destination:
        return True
    try:
        return path.resolve() == destination.resolve()
    except OSError:
        return False


def _damaged(path: Path, package: Package | None, error: Exception) -> WorkbookError:
    """The ``workbook-corrupt`` error for a part of the package that is not what it must be,
    naming the sheet where the part is one."""
    from uvp.workbook._package import DamagedPartError

    if isinstance(error, DamagedPartError):
        sheet = None
        if package is not None:
            with contextlib.suppress(Exception):
                sheet = next((n for n, p in package.sheets() if p == error.part), None)
        if sheet is not None:
            detail = Phrase("package-sheet-damaged", {"sheet": sheet})
        else:
            detail = Phrase(error.reason, {"part": error.part})
    else:
        detail = Phrase("package-not-readable")
    return WorkbookError("workbook-corrupt", source=str(path), detail=detail)


def etree_error() -> type[Exception]:
    """lxml's error for XML it cannot parse."""
    from lxml import etree

    error: type[Exception] = etree.XMLSyntaxError
    return error


def _with_formulas(target: Any, result: ReadResult) -> dict[str, Sequence[Sequence[object]]]:
    """The values read, with a mark in every formula cell of the sheets that hold tables."""
    values: dict[str, Sequence[Sequence[object]]] = dict(result.values)
    for sheet in {t.sheet for t in result.tables}:
        rows = [list(r) for r in values.get(sheet, ())]
        for row, column in target.formula_cells(sheet):
            while len(rows) < row:
                rows.append([])
            if len(rows[row - 1]) < column:
                rows[row - 1].extend([None] * (column - len(rows[row - 1])))
            if text_of(rows[row - 1][column - 1]) is None:
                rows[row - 1][column - 1] = "="
        values[sheet] = rows
    return values


# -- Controle ----------------------------------------------------------------------------


_HEADING: Final = Style(bold=True, size=11, fill="DDEBF7", wrap=True, vertical="top")
"""The header row of a sheet uvp writes into a user's workbook."""
_FIGURE_HEADING: Final = _HEADING | Style(horizontal="right")
"""The header of a column of figures: right-aligned, as the figures under it."""
_BOLD: Final = Style(bold=True, size=11)
_SEVERITY_STYLES: Final = {severity: Style(fill=fill) for severity, fill in _SEVERITY_FILLS.items()}


_NOTE: Final = Style(color="9C5700", size=11)
_SEVERITY_ORDER: Final = {"error": 0, "warning": 1, "info": 2}
_CONTROLE_WIDTHS: Final = (13, 26, 20, 7, 64, 22)


def controle_sheet(report: Report, *, title: str, note: str | None = None) -> Sheet:
    """The ``Controle`` sheet: one row per finding, errors first, then warnings, then
    notes (each in the order found); with the finding's Dutch title, its sheet and a
    link to its cell, its message, and its code (for those who look it up). *note*,
    if given, says under the counts what was not checked."""
    sheet = Sheet(CONTROLE, freeze="A5", page=PageSetup(repeat_rows=(4, 4)))
    sheet.set_widths(_CONTROLE_WIDTHS)
    sheet.put(1, 1, title, TITLE)
    if note:
        sheet.put(3, 1, note, _NOTE)
    counts = report.counts()
    sheet.put(
        2,
        1,
        render(
            "nl",
            "findings-summary",
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
        )
        if report.findings
        else render("nl", "findings-none"),
    )
    sheet.header(4, ["Ernst", "Melding", "Blad", "Cel", "Toelichting", "Code"], _HEADING)
    findings = sorted(report.findings, key=lambda f: _SEVERITY_ORDER[f.severity])
    for row, finding in enumerate(findings, 5):
        sheet.put(
            row,
            1,
            render("nl", f"severity-{finding.severity}"),
            _SEVERITY_STYLES[finding.severity],
        )
        location = finding.location
        sheet.put(row, 2, finding.title("nl"))
        sheet.put(row, 3, location.sheet)
        sheet.put(row, 4, location.cell)
        if location.sheet and location.cell:
            sheet.style(row, 4, LINK)
            sheet.link(row, 4, Link.to(location.sheet, location.cell))
        sheet.put(row, 5, finding.message("nl"))
        sheet.put(row, 6, finding.code)
        for column in range(1, len(_CONTROLE_WIDTHS) + 1):
            sheet.style(row, column, WRAP)
    sheet.fit_rows()
    return sheet


def write_controle(target: Target, report: Report, *, title: str, note: str | None = None) -> None:
    """Write the :func:`controle_sheet` through *target*."""
    write_sheet(target, controle_sheet(report, title=title, note=note))


def validate_workbook(
    path: str | os.PathLike[str],
    *,
    peildatum: dt.date | None = None,
    municipality: str | None = None,
    year: int | None = None,
    write: bool = False,
    backup: bool = True,
    output: str | os.PathLike[str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> Report:
    """Check a workbook: every finding with its code, severity, sheet, cell and Dutch message.

    With *write*, the findings also go into the workbook's ``Controle`` sheet,
    each with a link to its cell (in *output*, if given, else in place).

    >>> import uvp
    >>> report = uvp.validate_workbook("examples/scherpenzeel-2024.xlsx")
    >>> [(f.code, f.location.sheet, f.location.cell) for f in report.errors]
    [('missing-lead', 'Ondermijning', 'B61'), ('missing-quarter', 'Ondermijning', 'C61')]
    """
    from uvp.workbook import inspect_workbook

    if not write:
        result = inspect_workbook(path, municipality=municipality, year=year, vocabulary=vocabulary)
        return attrs.evolve(validate_result(result, peildatum=peildatum), source=str(path))

    def change(target: Target, result: ReadResult) -> Report:
        report = validate_result(result, peildatum=peildatum)
        write_controle(target, report, title=title_of("Controle", result.plan, peildatum))
        return report

    report = edit_workbook(
        path,
        change,
        municipality=municipality,
        year=year,
        backup=backup,
        output=output,
        vocabulary=vocabulary,
    )
    return attrs.evolve(report, source=str(path))


def title_of(what: str, plan: Plan | ReadResult, peildatum: dt.date | None) -> str:
    """The heading of a sheet uvp writes: what, whose plan, and the peildatum (leaving
    out what a read workbook does not say)."""
    year = "" if plan.year is None else f" {plan.year}"
    whose = "" if plan.municipality is None else f" — {plan.municipality}"
    date = f" — peildatum {peildatum.strftime('%d-%m-%Y')}" if peildatum else ""
    return f"{what} Uitvoeringsplan Veiligheid{year}{whose}{date}"


_PLAN_LABELS: Final = {"municipality": "Gemeente", "year": "Jaar"}


def write_plan_info(
    target: Target,
    result: ReadResult,
    *,
    municipality: str | None = None,
    year: int | None = None,
    source: str = "<werkmap>",
) -> tuple[str, ...]:
    """Put the *municipality* and *year* the workbook does not say yet on its ``Plan``
    sheet, as the rows ``Gemeente`` and ``Jaar`` that the reader reads; returns what it
    wrote (``"municipality"``, ``"year"``).

    The rows go into empty cells above the sheet's priority table: beside an empty
    ``Gemeente``/``Jaar`` label, else into an empty row; a workbook without a ``Plan``
    sheet gets one. Nothing of the user's is moved or rewritten: a Plan sheet with no
    empty row left above its table is a WorkbookError (``workbook-plan-sheet-full``).
    """
    unknown = {"municipality": result.municipality is None, "year": result.year is None}
    given: dict[str, CellValue] = {"municipality": municipality, "year": year}
    wanted = [key for key in ("municipality", "year") if unknown[key] and given[key]]
    if not wanted:
        return ()
    rows = result.values.get(PLAN_SHEET)
    if rows is None:
        sheet = Sheet(PLAN_SHEET)
        for number, key in enumerate(wanted, 1):
            sheet.put(number, 1, _PLAN_LABELS[key])
            sheet.put(number, 2, given[key])
        write_sheet(target, sheet)
        return tuple(wanted)
    sheet = Sheet(PLAN_SHEET, replace=False)
    texts = [[(c, t) for c, v in enumerate(row, 1) if (t := text_of(v))] for row in rows]
    table = next(
        (
            i
            for i, row in enumerate(texts)
            if {"prioriteit", "thema"} <= {normal(t) for _, t in row}
        ),
        None,
    )
    above = texts if table is None else texts[:table]
    places: dict[str, tuple[int, int]] = {}
    for key in wanted:  # an empty value beside its label
        for index, cells in enumerate(above, 1):
            if len(cells) == 1 and normal(cells[0][1]) == _PLAN_LABELS[key].casefold():
                places[key] = (index, cells[0][0] + 1)
                break
    free = [index for index, cells in enumerate(above, 1) if not cells]
    if table is None:
        free += range(len(rows) + 1, len(rows) + 3)
    for key in wanted:
        if key not in places:
            if not free:
                raise WorkbookError("workbook-plan-sheet-full", source=source)
            number = free.pop(0)
            sheet.put(number, 1, _PLAN_LABELS[key])
            places[key] = (number, 2)
    for key, (number, column) in places.items():
        sheet.put(number, column, given[key])
    write_sheet(target, sheet)
    return tuple(wanted)


# -- quarter matrix and status -----------------------------------------------------------


@attrs.frozen
class FillResult:
    """What :func:`fill_quarters` did."""

    marked: int  # actions whose matrix was (re)written
    quarters_written: int  # Kwartaal cells written from a marked matrix
    findings: tuple[Finding, ...]  # where Kwartaal and the matrix disagree

    def lines(self, path: str | os.PathLike[str], language: Language = "nl") -> list[Line]:
        """What filling the workbook at *path* did, and where Kwartaal and the matrix
        disagree, as lines of text.

        >>> from uvp.core import plain
        >>> [plain(line) for line in FillResult(1, 0, ()).lines("plan.xlsx")]
        ['plan.xlsx: kwartaalkolommen ingevuld bij 1 actie; 0 kwartalen uit de kolommen overgenomen.']
        """
        counts = {"marked": self.marked, "written": self.quarters_written}
        said: list[Line] = [(Span(render(language, "workbook-filled", path=path, **counts)),)]
        return said + (findings_lines(Report(self.findings), language) if self.findings else [])


def _free_block(result: ReadResult, sheet: str, tables: Sequence[TableSource], width: int) -> int:
    """The first column right of the sheet's tables where *width* columns are empty
    on every row the tables use."""
    rows = result.values.get(sheet, ())
    top = min(t.header_row for t in tables)
    bottom = max(t.last_row for t in tables) + _STATUS_ROWS_AHEAD
    occupied = {
        c
        for r in range(top - 1, min(bottom, len(rows)))
        for c, v in enumerate(rows[r], 1)
        if text_of(v) is not None
    }
    column = max(c for t in tables for c in t.columns.values()) + 1
    while any(column + i in occupied for i in range(width)):
        column += 1
    return column


def _sheet_tables(result: ReadResult) -> dict[str, list[TableSource]]:
    by_sheet: dict[str, list[TableSource]] = {}
    for table in result.tables:
        by_sheet.setdefault(table.sheet, []).append(table)
    return by_sheet


def _marks(schedules: Sequence[Schedule], year: int | None = None) -> dict[int, str]:
    """Per quarter the strongest kind of mark any schedule gives it.

    A schedule read approximately (``medio 2024`` as ``ca. Q2/Q3``) marks its
    quarters as possible ones, like a window; a schedule in another year than
    the plan's marks nothing (its quarters are not this year's), nor does one
    that says the action is not planned.

    >>> _marks([Schedule.parse("medio 2024", year=2024), Schedule.parse("Q4")], 2024)
    {2: 'window', 3: 'window', 4: 'fixed'}
    >>> _marks([Schedule.parse("Q1 2025", year=2024), Schedule.parse("n.v.t.")], 2024)
    {}
    """
    marks: dict[int, str] = {}
    rank = {"ongoing": 0, "window": 1, "fixed": 2}
    for schedule in schedules:
        if year is not None and not schedule.in_year(year):
            continue
        kind = {"range": "fixed", "moments": "fixed"}.get(schedule.kind, schedule.kind)
        if schedule.approximate and kind == "fixed":
            kind = "window"
        for quarter in schedule.quarters:
            if quarter not in marks or rank[kind] > rank[marks[quarter]]:
                marks[quarter] = kind
    return marks


def _schedule_from_matrix(cells: Mapping[int, str]) -> Schedule:
    quarters = sorted(cells)
    symbols = set(cells.values())
    if symbols == {MATRIX_MARKS["ongoing"]} and quarters == [1, 2, 3, 4]:
        return Schedule.ongoing()
    if symbols == {MATRIX_MARKS["window"]} and len(quarters) > 1:
        return Schedule("window", quarters)
    if quarters == list(range(quarters[0], quarters[-1] + 1)):
        return Schedule.range(quarters[0], quarters[-1])
    return Schedule("moments", quarters)


_MATRIX_HEADER: Final = Style(bold=True, size=11, horizontal="center", vertical="top")
_MATRIX_STYLES: Final = {
    kind: Style(horizontal="center", vertical="top", fill=_MATRIX_FILLS[kind] if kind else "")
    for kind in (*_MATRIX_FILLS, None)
}


def quarter_matrix(result: ReadResult, *, status: bool = True) -> tuple[list[Sheet], FillResult]:
    """What :func:`fill_quarters` writes, as one sheet of changes per sheet with
    action tables (written into those sheets, not replacing them), and its result."""
    marked = written = 0
    findings = matrix_findings(result)
    mismatches = {f.location.path for f in findings}
    columns: dict[tuple[str, int], dict[str, int]] = {}  # (sheet, header row) -> field -> column
    patches: dict[str, Sheet] = {}
    for sheet, tables in _sheet_tables(result).items():
        patch = patches[sheet] = Sheet(sheet, replace=False)
        existing = next((t.columns for t in tables if "q1" in t.columns), None)
        need_status = status and any("status" not in t.columns for t in tables)
        if existing is not None:
            q1 = existing["q1"]
            status_column = _free_block(result, sheet, tables, 1) if need_status else 0
        else:
            q1 = _free_block(result, sheet, tables, 5 if need_status else 4)
            status_column = q1 + 4 if need_status else 0
        for table in tables:
            fields = {f"q{q}": table.columns.get(f"q{q}", q1 + q - 1) for q in range(1, 5)}
            if "status" in table.columns:
                fields["status"] = table.columns["status"]
            elif status_column:
                fields["status"] = status_column
            columns[table.sheet, table.header_row] = fields
            for q in range(1, 5):
                column = fields[f"q{q}"]
                patch.put(table.header_row, column, f"Q{q}", _MATRIX_HEADER)
                patch.widths[column] = 5
            if "status" not in table.columns and status_column:
                _add_status_column(patch, table, status_column)
    for read in result.actions:
        action, source = read.action, read.source
        table = source.table
        patch = patches[table.sheet]
        fields = columns[table.sheet, table.header_row]
        if read.path in mismatches:
            continue
        schedules = [a.schedule for a in action.assignments if a.schedule]
        if not schedules and source.matrix:
            # Marked, not planned: the marks become the Kwartaal, in either layout,
            # where the Kwartaal cell is there and empty; else the marks stay.
            quarter_column = table.columns.get("quarter")
            written_quarter = (
                None
                if quarter_column is None
                else text_of(result.value(source.sheet, source.row, quarter_column))
            )
            if quarter_column is None or written_quarter:
                reason: dict[str, str] = (
                    {"reason": "matrix-kept-no-column"}
                    if quarter_column is None
                    else {"reason": "matrix-kept-filled", "reason_text": str(written_quarter)}
                )
                findings.append(
                    Finding(
                        "quarter-matrix-kept",
                        params={"marked": quarters_text(source.matrix), **reason},
                        location=Location(source.sheet, source.row, fields["q1"], read.path, "q1"),
                    )
                )
                continue
            cells = {
                q: text_of(result.value(source.sheet, source.row, fields[f"q{q}"])) or ""
                for q in sorted(source.matrix)
            }
            schedule = _schedule_from_matrix(cells)
            patch.put(source.row, quarter_column, str(schedule))
            schedules = [schedule]
            written += 1
        marks = _marks(schedules, result.year)
        if source.matrix and not source.matrix <= marks.keys():
            continue  # never clear a mark uvp did not write (a mismatch says why)
        for row in source.rows:
            for q in range(1, 5):
                kind = marks.get(q)
                value = MATRIX_MARKS[kind] if kind else None
                patch.put(row, fields[f"q{q}"], value, _MATRIX_STYLES[kind])
        marked += 1
    _close_gaps(patches, result, columns)
    return list(patches.values()), FillResult(marked, written, tuple(findings))


def fill_quarters(target: Target, result: ReadResult, *, status: bool = True) -> FillResult:
    """Add or refresh the Q1..Q4 quarter matrix beside every action table.

    Each action's quarters are marked (a fixed quarter, a window's possible
    quarters and an ongoing action each look different). Where Kwartaal is
    empty but the matrix is marked, Kwartaal is written from the matrix (in
    either layout); where both are filled in and disagree, a
    ``quarter-matrix-mismatch`` finding is returned and neither is changed. A
    mark uvp cannot take over (no Kwartaal column, or one it cannot read) stays,
    with a ``quarter-matrix-kept`` finding: the fill never clears a mark that
    the plan does not put there. With *status*, a Status column with a
    drop-down and colours is added where a table has none.
    """
    sheets, filled = quarter_matrix(result, status=status)
    for sheet in sheets:
        write_sheet(target, sheet)
    return filled


def _close_gaps(
    patches: Mapping[str, Sheet],
    result: ReadResult,
    columns: Mapping[tuple[str, int], Mapping[str, int]],
) -> None:
    """Write "nothing" into the empty matrix cells between the actions' rows.

    It changes no cell, but lets a live workbook take the matrix as one block
    per sheet (see :class:`uvp.workbook.XlwingsTarget`) instead of a block per action.
    """
    for sheet, tables in _sheet_tables(result).items():
        patch = patches[sheet]
        matrix = {columns[sheet, t.header_row][f"q{q}"] for t in tables for q in range(1, 5)}
        headers = {t.header_row for t in tables}
        for row in range(min(headers), max(t.last_row for t in tables) + 1):
            for column in matrix:
                if (row, column) in patch.values or row in headers:
                    continue
                if text_of(result.value(sheet, row, column)) is None:
                    patch.put(row, column, None)


def _add_status_column(sheet: Sheet, table: TableSource, column: int) -> None:
    sheet.put(table.header_row, column, "Status", _BOLD)
    sheet.widths[column] = 14
    first, last = table.header_row + 1, table.last_row + _STATUS_ROWS_AHEAD
    add_status_rules(sheet, first, last, column)


def add_status_rules(sheet: Sheet, first: int, last: int, column: int) -> None:
    """The Status drop-down and its colours on a column's rows."""
    options = list(STATUS_LABELS.values())
    sheet.validations.append(
        ListValidation(first, last, column, options, "Status", "Kies een status uit de lijst.")
    )
    for status, label in STATUS_LABELS.items():
        sheet.rules.append(FillRule(first, last, column, label, STATUS_FILLS[status]))


def fill_workbook(
    path: str | os.PathLike[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
    status: bool = True,
    backup: bool = True,
    output: str | os.PathLike[str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> FillResult:
    """:func:`fill_quarters` on a workbook file, saved safely (see :func:`edit_workbook`)."""
    return edit_workbook(
        path,
        lambda target, result: fill_quarters(target, result, status=status),
        municipality=municipality,
        year=year,
        backup=backup,
        output=output,
        vocabulary=vocabulary,
    )


# -- Evaluatie ---------------------------------------------------------------------------


_PERCENT: Final = Style(number_format="0%")
_RIGHT: Final = Style(horizontal="right", vertical="top")
_EVALUATION_WIDTHS: Final = (70, 14, 10, 10, 10, 10, 10, 10, 10)
_GOAL_FILLS: Final = {
    "behaald": Style(fill="C6EFCE"),
    "nog te behalen": Style(fill="FFEB9C"),
    "geen acties": Style(fill="EDEDED"),
}


def evaluation_sheet(evaluation: Evaluation) -> Sheet:
    """The ``Evaluatie`` sheet for the council: figures per priority and theme, a chart
    of the priorities, and the goals achieved and still to achieve.

    The figures are each a :class:`uvp.core.Tally`, as in the quarterly report:
    every action counted once, in one of the segments *Gereed*, *Loopt*,
    *Aandacht*, *Te laat*, *Overig* (or *Vervallen*). The chart's figures stand
    in hidden columns: on screen and on paper only the tables and the chart show.
    It prints one page wide, as many pages down as it takes, with its title on each.
    """
    sheet = Sheet(EVALUATIE, freeze="A5", page=PageSetup(repeat_rows=(1, 2)))
    sheet.set_widths(_EVALUATION_WIDTHS)
    sheet.put(
        1,
        1,
        f"Evaluatie Uitvoeringsplan Veiligheid {evaluation.year} — {evaluation.municipality}",
        TITLE,
    )
    sheet.put(2, 1, f"Peildatum {evaluation.peildatum.strftime('%d-%m-%Y')}")
    segments = [code for code, _ in evaluation.total.segments()]
    headers = [
        "Prioriteit / thema",
        "Acties",
        *(render("nl", f"report-segment-{code}") for code in segments),
        "Vervallen",
        "% gereed",
    ]
    header_row = 4
    sheet.header(header_row, headers, _HEADING)
    for column in range(2, len(headers) + 1):
        sheet.style(header_row, column, _FIGURE_HEADING)
    row = header_row + 1
    priorities = 0
    for line in (*evaluation.rows, None):
        if line is None:
            label, tally, bold = "Totaal", evaluation.total, True
        else:
            label = line.priority if line.theme is None else f"    {line.theme}"
            tally, bold = line.tally, line.theme is None
            priorities += line.theme is None
        values: list[CellValue] = [
            label,
            tally.actions,
            *(count for _, count in tally.segments()),
            tally.cancelled,
            round(tally.percent_done, 4),
        ]
        for column, value in enumerate(values, 1):
            sheet.put(row, column, value, _BOLD if bold else None)
        sheet.style(row, 1, WRAP)
        sheet.style(row, len(values), _PERCENT)
        row += 1
    # A chart of the priorities, under the figures.
    if priorities:
        last = _chart_block(sheet, evaluation, header_row)
        series = [
            Series(_CHART_DATA + i, SEGMENT_COLOURS[code]) for i, code in enumerate(segments, 1)
        ]
        chart = BarChart(
            "Voortgang per prioriteit",
            f"A{row + 1}",
            header_row,
            last,
            _CHART_DATA,
            series,
            first_on_top=True,
            legend="bottom",
            outline="333333",
        )
        sheet.charts.append(chart)
        row += 2 + math.ceil(chart.height / 0.5)  # a row is 15 points, about half a centimetre
    # Goals: achieved and still to achieve, priority by priority.
    row += 1
    sheet.put(row, 1, "Doelstellingen", Style(bold=True, size=12))
    row += 1
    sheet.header(row, ["Thema / doel", "Stand", "Gereed"], _HEADING)
    sheet.style(row, 3, _FIGURE_HEADING)
    row += 1
    current = None
    for goal in evaluation.goals:
        if goal.priority != current:
            current = goal.priority
            sheet.put(row, 1, goal.priority, _BOLD)
            row += 1
        label = goal.theme if goal.goal == goal.theme else f"{goal.theme}: {goal.goal}"
        stand = {True: "behaald", False: "nog te behalen", None: "geen acties"}[goal.achieved]
        # The goal's first words (cut at a word), wrapped; the whole goal stays in Doelen.
        # Not indented with spaces under its priority: the lines it wraps onto would not be.
        sheet.put(row, 1, excerpt(label, 160), WRAP)
        sheet.put(row, 2, stand, _GOAL_FILLS[stand] | WRAP)
        sheet.put(row, 3, f"{goal.done} van {goal.total}", _RIGHT)
        row += 1
    sheet.fit_rows()
    return sheet


def write_evaluation(target: Target, evaluation: Evaluation) -> None:
    """Write the :func:`evaluation_sheet` through *target*."""
    write_sheet(target, evaluation_sheet(evaluation))


def _chart_block(sheet: Sheet, evaluation: Evaluation, header: int) -> int:
    """The chart's figures, one row per priority from *header* on, in hidden columns
    from V; its last row."""
    labels = ["Prioriteit"] + [
        render("nl", f"report-segment-{code}") for code, _ in evaluation.total.segments()
    ]
    for column, text in enumerate(labels, _CHART_DATA):
        sheet.put(header, column, text)
        sheet.hidden.add(column)
    row = header + 1
    for line in evaluation.rows:
        if line.theme is not None:
            continue
        chart_values: list[CellValue] = [line.priority]
        chart_values += [count for _, count in line.tally.segments()]
        for column, value in enumerate(chart_values, _CHART_DATA):
            sheet.put(row, column, value)
        row += 1
    return row - 1


def evaluate_workbook(
    path: str | os.PathLike[str],
    peildatum: dt.date,
    *,
    municipality: str | None = None,
    year: int | None = None,
    backup: bool = True,
    output: str | os.PathLike[str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> Evaluation:
    """Write the ``Evaluatie`` sheet into a workbook (replacing only uvp's own sheet)."""

    def change(target: Target, result: ReadResult) -> Evaluation:
        evaluation = evaluate_plan(result.plan, peildatum)
        write_evaluation(target, evaluation)
        return evaluation

    return edit_workbook(
        path,
        change,
        municipality=municipality,
        year=year,
        backup=backup,
        output=output,
        vocabulary=vocabulary,
    )


# -- a new, empty plan ---------------------------------------------------------------------


def new_workbook(
    path: str | os.PathLike[str], municipality: str, year: int, *, overwrite: bool = False
) -> Path:
    """An empty plan in the per-goal layout: headers, Status drop-downs, print settings.

    The workbook reads back as a plan with one priority and one theme to
    rename, and no actions yet.
    """
    plan = Plan(
        municipality,
        year,
        priorities=[
            Priority("Prioriteit 1", "joint", [Theme("Thema 1")]),
        ],
    )
    sheets = plan_sheets(plan, "goal", status_column=True)
    planning = sheets[-1]
    # The one action table the writer made: its header row, and its Status column.
    ((row, columns),) = [
        (number, fields)
        for number, values in enumerate(planning.rows(), 1)
        if (fields := header_fields(values)) is not None
    ]
    add_status_rules(planning, row + 1, row + 200, columns["status"] + 1)
    return write_new_workbook(path, [*sheets, vocabulary_sheet()], overwrite=overwrite)


_VOCABULARY_WIDTHS: Final = (28, 14, 40)


def vocabulary_sheet() -> Sheet:
    """An empty ``Woordenlijst`` sheet, with a short explanation above its header
    ``Term | Soort | Betekenis`` and a drop-down of the kinds. The explanation is
    written a line a row within the table's width, so that it prints on the page.

    >>> sheet = vocabulary_sheet()
    >>> header = next(row for (row, column), v in sheet.values.items() if v == "Term")
    >>> sheet.name, [sheet.values[header, c] for c in (1, 2, 3)]
    ('Woordenlijst', ['Term', 'Soort', 'Betekenis'])
    """
    width = sum(_VOCABULARY_WIDTHS)
    sheet = Sheet(VOCABULARY_SHEET)
    sheet.put(1, 1, render("nl", "vocabulary-sheet-title"), TITLE)
    row = sheet.put_lines(2, 1, render("nl", "vocabulary-sheet-explanation"), width)
    row = sheet.put_lines(row + 1, 1, render("nl", "vocabulary-sheet-example"), width)
    header = row + 1
    sheet.header(header, ["Term", "Soort", "Betekenis"])
    sheet.freeze = f"A{header + 1}"
    sheet.page = PageSetup(repeat_rows=(header, header))
    sheet.set_widths(_VOCABULARY_WIDTHS)
    sheet.validations.append(
        ListValidation(header + 1, header + 200, 2, ["Kwartaal", "Trekker", "Status"])
    )
    return sheet
