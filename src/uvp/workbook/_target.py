"""Where uvp's writers put what they write: one small interface, three homes.

The writers (quarter matrix, status column, Controle and Evaluatie sheets)
are written once against :class:`Target`. :class:`~uvp.workbook.PackageTarget`
applies them to a user's workbook file by editing its package in place;
:class:`OpenpyxlTarget` builds workbooks uvp makes from scratch (and the
sheets it owns, which the package target grafts in); the Excel add-in applies
the very same calls to a live workbook through xlwings. Rows and columns are
1-based, as in Excel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from uvp.core import cell_name, sheet_reference

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["CellValue", "OpenpyxlTarget", "Series", "Target"]

CellValue = str | int | float | None
"""What a writer puts in a cell. Text is always stored as text, never as a formula."""

Series = tuple[str, int]
"""A chart series: its name and the 1-based column its values stand in."""


class Target(Protocol):
    """The writing operations uvp needs, on a workbook file or a live Excel workbook."""

    def set_value(self, sheet: str, row: int, column: int, value: CellValue) -> None:
        """Put *value* in a cell (text stays text)."""

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
        """Format a cell; colours are hex RGB such as ``"C6EFCE"``; ``fill=""`` clears the fill."""

    def replace_sheet(self, name: str) -> None:
        """Start sheet *name* afresh at the end of the workbook (a sheet uvp owns)."""

    def add_list_validation(
        self, sheet: str, first_row: int, last_row: int, column: int, options: Sequence[str]
    ) -> None:
        """A drop-down with *options* on a column's rows."""

    def add_fill_rule(
        self, sheet: str, first_row: int, last_row: int, column: int, equals: str, fill: str
    ) -> None:
        """Conditional formatting: fill the cell with *fill* when its text equals *equals*."""

    def link(self, sheet: str, row: int, column: int, to_sheet: str, to_cell: str) -> None:
        """Make a cell a hyperlink to a cell in the workbook."""

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
        """A native Excel bar chart of *series* over the rows, labelled by a column."""

    def column_width(self, sheet: str, column: int, width: float) -> None:
        """Set a column's width (in characters)."""

    def freeze(self, sheet: str, cell: str) -> None:
        """Freeze the rows above and the columns left of *cell*."""

    def fit_to_page_width(self, sheet: str) -> None:
        """Print the sheet landscape, as wide as one page."""


class OpenpyxlTarget:
    """:class:`Target` on an openpyxl workbook (a file on disk).

    >>> from openpyxl import Workbook
    >>> target = OpenpyxlTarget(Workbook())
    >>> target.replace_sheet("Controle")
    >>> target.set_value("Controle", 1, 1, "=1+1")
    >>> cell = target.book["Controle"]["A1"]
    >>> cell.value, cell.data_type
    ('=1+1', 's')
    """

    def __init__(self, book: Workbook) -> None:
        self.book = book

    def _ws(self, sheet: str) -> Worksheet:
        ws = self.book[sheet]
        assert not isinstance(ws, str)
        return ws

    def set_value(self, sheet: str, row: int, column: int, value: CellValue) -> None:
        from uvp.workbook._writer import put

        put(self._ws(sheet), row, column, value)

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
        from openpyxl.styles import Alignment, Font, PatternFill

        cell = self._ws(sheet).cell(row=row, column=column)
        if bold or size or color:
            cell.font = Font(bold=bold, size=size or 11, color=color)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        elif fill == "":
            cell.fill = PatternFill(fill_type=None)
        if wrap or center:
            cell.alignment = Alignment(
                wrap_text=wrap, vertical="top", horizontal="center" if center else None
            )
        if number_format:
            cell.number_format = number_format

    def replace_sheet(self, name: str) -> None:
        if name in self.book.sheetnames:
            del self.book[name]
        self.book.create_sheet(name)

    def add_list_validation(
        self, sheet: str, first_row: int, last_row: int, column: int, options: Sequence[str]
    ) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(options) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Status",
            error="Kies een status uit de lijst.",
        )
        validation.add(f"{cell_name(first_row, column)}:{cell_name(last_row, column)}")
        self._ws(sheet).add_data_validation(validation)

    def add_fill_rule(
        self, sheet: str, first_row: int, last_row: int, column: int, equals: str, fill: str
    ) -> None:
        from openpyxl.formatting.rule import CellIsRule
        from openpyxl.styles import PatternFill

        rule = CellIsRule(  # type: ignore[no-untyped-call]
            operator="equal",
            formula=['"' + equals.replace('"', '""') + '"'],
            fill=PatternFill("solid", fgColor=fill, bgColor=fill),
        )
        ref = f"{cell_name(first_row, column)}:{cell_name(last_row, column)}"
        self._ws(sheet).conditional_formatting.add(ref, rule)

    def link(self, sheet: str, row: int, column: int, to_sheet: str, to_cell: str) -> None:
        from openpyxl.styles import Font

        cell = self._ws(sheet).cell(row=row, column=column)
        cell.hyperlink = "#" + sheet_reference(to_sheet, to_cell)
        cell.font = Font(color="0563C1", underline="single")

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
        from openpyxl.chart import BarChart, Reference

        ws = self._ws(sheet)
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = title
        chart.height = max(7.5, 0.8 * (last_row - first_row + 1) + 3)
        chart.width = 18
        for _, column in series:
            data = Reference(ws, min_col=column, min_row=header_row, max_row=last_row)
            chart.add_data(data, titles_from_data=True)
        chart.set_categories(
            Reference(ws, min_col=category_column, min_row=first_row, max_row=last_row)
        )
        # openpyxl hides both axes unless told otherwise; the council wants to read them.
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        ws.add_chart(chart, anchor)

    def column_width(self, sheet: str, column: int, width: float) -> None:
        from openpyxl.utils import get_column_letter

        self._ws(sheet).column_dimensions[get_column_letter(column)].width = width

    def freeze(self, sheet: str, cell: str) -> None:
        self._ws(sheet).freeze_panes = cell

    def fit_to_page_width(self, sheet: str) -> None:
        from uvp.workbook._writer import print_setup

        print_setup(self._ws(sheet))
