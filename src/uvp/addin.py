"""The Excel add-in's Python side: what the UVP ribbon buttons run on the open workbook.

This is the only module that imports xlwings. Each entry point takes an
``xlwings.Book`` (from xlwings Server, xlwings Lite or classic xlwings) and
runs the very same reader, checks and writers as the ``uvp`` command line:
the workbook's values are read through :func:`uvp.workbook.read_values`, and
what uvp writes goes through :class:`XlwingsTarget`, the xlwings home of
:class:`uvp.workbook.target.Target`. Errors reach the user as a Dutch
message box, never as a traceback.

The peildatum (the date the evaluation and the overdue check look at) is the
cell named ``Peildatum``, else a ``Peildatum`` row on the ``Plan`` sheet,
else today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Final, TypeVar

import xlwings as xw

from uvp.converter import to_json
from uvp.evaluation import Evaluation, evaluate_plan
from uvp.exceptions import UvpError, WorkbookError
from uvp.findings import Report
from uvp.messages import render
from uvp.workbook import checked
from uvp.workbook.commands import (
    FillResult,
    title_of,
    validate_result,
    write_controle,
)
from uvp.workbook.commands import (
    fill_quarters as fill_into,
)
from uvp.workbook.commands import (
    write_evaluation as write_evaluation_into,
)
from uvp.workbook.reader import (
    PLAN_SHEET,
    ReadResult,
    cell_name,
    column_letter,
    read_values,
    text_of,
)
from uvp.workbook.target import CellValue, Series

__all__ = [
    "XlwingsTarget",
    "book_values",
    "export_json",
    "fill_quarters",
    "peildatum_of",
    "read_book",
    "validate",
    "write_evaluation",
]

T = TypeVar("T")

JSON_SHEET: Final = "JSON"
_TITLE: Final = "UVP"
# Excel reads a text starting with one of these as a formula; a leading
# apostrophe makes Excel keep it as the text it is.
_FORMULA_STARTS: Final = ("=", "+", "-", "@")


def _hex(colour: str) -> str:
    return "#" + colour.lstrip("#")


class XlwingsTarget:
    """:class:`uvp.workbook.target.Target` on a live workbook through xlwings.

    Values are gathered and written in rectangular blocks by :meth:`flush`:
    on xlwings' remote engine every write costs about as much as the sheet is
    big, so a cell at a time would make a large plan slow.
    """

    def __init__(self, book: xw.Book) -> None:
        self.book = book
        self._pending: dict[str, dict[tuple[int, int], CellValue]] = {}

    def _range(
        self,
        sheet: str,
        row: int,
        column: int,
        last_row: int | None = None,
        last_column: int | None = None,
    ) -> xw.Range:
        # By address: a range built from two corner cells makes xlwings' remote engine
        # copy the whole sheet's values, which is slow on a large sheet.
        address = cell_name(row, column)
        if last_row is not None:
            address += ":" + cell_name(last_row, last_column or column)
        return self.book.sheets[sheet].range(address)

    def set_value(self, sheet: str, row: int, column: int, value: CellValue) -> None:
        if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
            value = "'" + value
        self._pending.setdefault(sheet, {})[row, column] = "" if value is None else value

    def flush(self) -> None:
        """Write the gathered values, a block of neighbouring cells at a time."""
        pending, self._pending = self._pending, {}
        for sheet, cells in pending.items():
            ws = self.book.sheets[sheet]
            for row, column, block in _blocks(cells):
                ws.range(cell_name(row, column)).value = block

    def set_style(
        self,
        sheet: str,
        row: int,
        column: int,
        *,
        bold: bool = False,
        size: float | None = None,
        fill: str | None = None,
        color: str | None = None,
        wrap: bool = False,
        center: bool = False,
        number_format: str | None = None,
    ) -> None:
        cell = self._range(sheet, row, column)
        if bold:
            cell.font.bold = True
        if size:
            cell.font.size = size
        if color:
            cell.font.color = _hex(color)
        if fill:
            cell.color = _hex(fill)
        elif fill == "":
            cell.color = None
        if wrap:
            cell.wrap_text = True
        if center:
            cell.horizontal_alignment = "center"
        if number_format:
            cell.number_format = number_format

    def replace_sheet(self, name: str) -> None:
        if name in [sheet.name for sheet in self.book.sheets]:
            self.book.sheets[name].delete()
        self.book.sheets.add(name, after=self.book.sheets[len(self.book.sheets) - 1])

    def add_list_validation(
        self, sheet: str, first_row: int, last_row: int, column: int, options: Sequence[str]
    ) -> None:
        self._range(sheet, first_row, column, last_row).data_validation.set_list(list(options))

    def add_fill_rule(
        self, sheet: str, first_row: int, last_row: int, column: int, equals: str, fill: str
    ) -> None:
        formula = '="' + equals.replace('"', '""') + '"'
        self._range(sheet, first_row, column, last_row).conditional_formats.add_cell_value(
            "equal_to", formula, fill_color=_hex(fill)
        )

    def link(self, sheet: str, row: int, column: int, to_sheet: str, to_cell: str) -> None:
        quoted = "'" + to_sheet.replace("'", "''") + "'"
        cell = self._range(sheet, row, column)
        cell.add_hyperlink(f"#{quoted}!{to_cell}", text_to_display=to_cell)

    def bar_chart(
        self,
        sheet: str,
        anchor: str,
        title: str,
        header_row: int,
        first_row: int,
        last_row: int,
        category_column: int,
        series: Sequence[Series],
    ) -> None:
        ws = self.book.sheets[sheet]
        last_column = max(column for _, column in series)
        chart = ws.charts.add(0, 0, 480, 260, chart_type="bar_stacked", anchor=ws.range(anchor))
        # The chart is created in Excel with its source data; its title is the series'
        # header row, and the sheet's heading says what it shows.
        chart.set_source_data(
            ws.range(f"{cell_name(header_row, category_column)}:{cell_name(last_row, last_column)}")
        )

    def column_width(self, sheet: str, column: int, width: float) -> None:
        # uvp gives widths in characters (Excel's own unit); Office.js takes points:
        # with Excel's standard font a character is 7 pixels, plus 5 of margin.
        self._range(sheet, 1, column).column_width = round((width * 7 + 5) * 0.75, 2)

    def freeze(self, sheet: str, cell: str) -> None:
        # uvp names the first cell that scrolls ("A5"); xlwings the cells that stay.
        from openpyxl.utils.cell import coordinate_to_tuple

        row, column = coordinate_to_tuple(cell)
        if row > 1 and column > 1:
            frozen = f"A1:{cell_name(row - 1, column - 1)}"
        elif row > 1:
            frozen = f"1:{row - 1}"
        elif column > 1:
            frozen = f"A:{column_letter(column - 1)}"
        else:
            return
        self.book.sheets[sheet].freeze_panes.freeze_at(frozen)

    def fit_to_page_width(self, sheet: str) -> None:
        """Excel keeps its own print settings; the add-in does not change them."""


def _blocks(
    cells: dict[tuple[int, int], CellValue],
) -> list[tuple[int, int, list[list[CellValue]]]]:
    """Cells grouped into rectangles: runs of neighbouring cells in a row, stacked
    where the rows below have a run of the same columns."""
    runs: list[tuple[int, int, list[CellValue]]] = []
    for row, column in sorted(cells):
        if runs and runs[-1][0] == row and runs[-1][1] + len(runs[-1][2]) == column:
            runs[-1][2].append(cells[row, column])
        else:
            runs.append((row, column, [cells[row, column]]))
    blocks: list[tuple[int, int, list[list[CellValue]]]] = []
    for row, column, values in runs:
        if blocks:
            top, left, block = blocks[-1]
            if left == column and len(block[0]) == len(values) and top + len(block) == row:
                block.append(values)
                continue
        blocks.append((row, column, [values]))
    return blocks


# -- reading the open workbook -------------------------------------------------------------


def book_values(book: xw.Book) -> dict[str, list[list[object]]]:
    """Every sheet's values, anchored at A1, as the reader takes them."""
    values: dict[str, list[list[object]]] = {}
    for sheet in book.sheets:
        rows = sheet.used_range.options(ndim=2).value
        values[sheet.name] = [list(row) for row in rows] if rows else []
    return values


def read_book(book: xw.Book) -> ReadResult:
    """Read the plan in the open workbook (the same reader as ``uvp`` on a file)."""
    result = read_values(book_values(book), source=book.name, path=book.name)
    try:
        return checked(result, book.name)
    except WorkbookError as error:
        # In Excel there is no --gemeente or --jaar to give: say where to write it instead.
        if error.code in ("workbook-unknown-municipality", "workbook-unknown-year"):
            raise WorkbookError(
                error.code.replace("workbook-", "addin-"), source=book.name
            ) from error
        raise


_DATE_TEXT: Final = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def _date_of(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 2_958_466:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))  # an Excel date number
    text = text_of(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    if match := _DATE_TEXT.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def peildatum_of(book: xw.Book, result: ReadResult) -> dt.date:
    """The date to evaluate on: the cell named Peildatum, a Peildatum row on the Plan
    sheet, or today."""
    for name in book.names:
        if name.name.casefold() == "peildatum":
            found = _date_of(name.refers_to_range.value)
            if found is None:
                raise WorkbookError(
                    "addin-bad-peildatum",
                    source=book.name,
                    text=text_of(name.refers_to_range.value) or "",
                )
            return found
    for row in result.values.get(PLAN_SHEET, ()):
        texts = [text_of(v) for v in row]
        present = [t for t in texts if t]
        if present and present[0].casefold() == "peildatum" and len(row) > 1:
            value = next(
                (v for v, t in zip(row, texts, strict=True) if t and t != present[0]), None
            )
            found = _date_of(value)
            if found is None:
                raise WorkbookError("addin-bad-peildatum", source=book.name, text=present[-1])
            return found
    return dt.date.today()


# -- the ribbon buttons ---------------------------------------------------------------------


def _run(
    book: xw.Book, step: Callable[[XlwingsTarget, ReadResult], tuple[T, str | None]]
) -> T | None:
    """Run a button's work, then tell the user in a message box (Dutch) what it did.

    Any problem becomes a Dutch message box too, never a traceback.
    """
    try:
        result = read_book(book)
        target = XlwingsTarget(book)
        outcome, message = step(target, result)
        target.flush()
        if message:
            book.app.alert(message, title=_TITLE)
        return outcome
    except UvpError as error:
        book.app.alert(error.message("nl"), title=_TITLE, mode="critical")
    except Exception as error:  # the last resort: staff never see a traceback
        book.app.alert(
            render("nl", "cli-internal-error", kind=type(error).__name__, detail=error),
            title=_TITLE,
            mode="critical",
        )
    return None


def validate(book: xw.Book) -> Report | None:
    """Controleren: check the plan and write the findings into the ``Controle`` sheet."""

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[Report, str]:
        peildatum = peildatum_of(book, result)
        report = validate_result(result, peildatum=peildatum)
        write_controle(target, report, title=title_of("Controle", result.plan, peildatum))
        counts = report.counts()
        if not report.findings:
            return report, render("nl", "cli-findings-none")
        return report, render(
            "nl", "addin-validated", errors=counts["error"], warnings=counts["warning"]
        )

    return _run(book, step)


def fill_quarters(book: xw.Book) -> FillResult | None:
    """Kwartalen vullen: the Q1..Q4 matrix beside each action table, and a Status column."""

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[FillResult, str]:
        filled = fill_into(target, result)
        message = render(
            "nl", "addin-filled", marked=filled.marked, written=filled.quarters_written
        )
        if filled.findings:
            message += "\n" + render(
                "nl",
                "addin-mismatches",
                count=len(filled.findings),
                cells=", ".join(f.cell or "" for f in filled.findings),
            )
        return filled, message

    return _run(book, step)


def write_evaluation(book: xw.Book) -> Evaluation | None:
    """Evaluatie: the ``Evaluatie`` sheet for the council, on the peildatum."""

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[Evaluation, str]:
        evaluation = evaluate_plan(result.plan, peildatum_of(book, result))
        write_evaluation_into(target, evaluation)
        total = evaluation.total
        return evaluation, render(
            "nl",
            "addin-evaluated",
            peildatum=evaluation.peildatum.strftime("%d-%m-%Y"),
            actions=total.actions,
            done=total.done,
            overdue=total.overdue,
            percent=round(100 * total.percent_done),
        )

    return _run(book, step)


def export_json(book: xw.Book) -> str | None:
    """Exporteren: the plan as JSON, one line per row in the ``JSON`` sheet (to copy or save).

    Returns the JSON text, which xlwings Server also offers for download.
    """

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[str, str]:
        text = to_json(result.plan)
        target.replace_sheet(JSON_SHEET)
        lines = text.split("\n")
        for row, line in enumerate(lines, 1):
            target.set_value(JSON_SHEET, row, 1, line)
        target.column_width(JSON_SHEET, 1, 120)
        return text, render("nl", "addin-exported", lines=len(lines))

    return _run(book, step)
