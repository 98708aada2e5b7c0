"""Where uvp's sheets are written: one small interface, three homes.

A :class:`~uvp.workbook.Sheet` is written by :func:`~uvp.workbook.write_sheet`
through a :class:`Target`. :class:`~uvp.workbook.PackageTarget` writes into a
user's workbook file by editing its package in place; :class:`OpenpyxlTarget`
builds the workbooks uvp makes from scratch (:func:`write_new_workbook`) and the
sheets it owns, which the package target grafts in;
:class:`~uvp.workbook.XlwingsTarget` writes the very same sheet into the
workbook open in Excel. Rows and columns are 1-based, as in Excel.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from uvp.core import WorkbookError, cell_name
from uvp.workbook._open import save_atomically
from uvp.workbook._sheet import (
    BarChart,
    CellValue,
    FillRule,
    Link,
    ListValidation,
    PageSetup,
    Sheet,
    Style,
    write_sheet,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["OpenpyxlTarget", "Target", "write_new_workbook"]


class Target(Protocol):
    """The writing operations a :class:`~uvp.workbook.Sheet` needs, on a workbook
    file or a live Excel workbook."""

    def replace_sheet(self, name: str) -> None:
        """Start sheet *name* afresh at the end of the workbook (a sheet uvp owns)."""

    def set_value(self, sheet: str, row: int, column: int, value: CellValue) -> None:
        """Put *value* in a cell (text stays text; ``None`` empties the cell)."""

    def set_style(self, sheet: str, row: int, column: int, style: Style) -> None:
        """Format a cell: what *style* says, leaving the rest of the cell's format."""

    def link(self, sheet: str, row: int, column: int, link: Link) -> None:
        """Make a cell a hyperlink, to a cell of this workbook or of another file."""

    def column_width(self, sheet: str, column: int, width: float) -> None:
        """Set a column's width (in characters)."""

    def row_height(self, sheet: str, row: int, height: float) -> None:
        """Set a row's height (in points)."""

    def hide_column(self, sheet: str, column: int) -> None:
        """Hide a column (on a sheet uvp owns): it is neither shown nor printed, but a
        chart still draws its figures."""

    def add_list_validation(self, sheet: str, validation: ListValidation) -> None:
        """A drop-down list on a column's rows."""

    def add_fill_rule(self, sheet: str, rule: FillRule) -> None:
        """Conditional formatting: a fill for the cells whose text equals a value."""

    def bar_chart(self, sheet: str, chart: BarChart) -> None:
        """A native Excel chart of stacked bars over a table of the sheet."""

    def freeze(self, sheet: str, cell: str) -> None:
        """Freeze the rows above and the columns left of *cell*."""

    def page_setup(self, sheet: str, setup: PageSetup) -> None:
        """How the sheet prints."""


class OpenpyxlTarget:
    """:class:`Target` on an openpyxl workbook (a file on disk).

    Each :class:`~uvp.workbook.Style` is turned into openpyxl's font, fill,
    border and alignment once per workbook; a cell then only takes their numbers.

    >>> target = OpenpyxlTarget.new()
    >>> target.replace_sheet("Controle")
    >>> target.set_value("Controle", 1, 1, "=1+1")
    >>> cell = target.book["Controle"]["A1"]
    >>> cell.value, cell.data_type
    ('=1+1', 's')
    """

    def __init__(self, book: Workbook) -> None:
        self.book = book
        # By name, once: openpyxl's book[name] looks through every sheet each time.
        self._sheets: dict[str, Worksheet] = {ws.title: ws for ws in book.worksheets}
        self._styles: dict[Style, list[tuple[int, int]]] = {}

    @classmethod
    def new(cls) -> OpenpyxlTarget:
        """A target on a new workbook without any sheet."""
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.worksheets[0])
        return cls(book)

    def _ws(self, sheet: str) -> Worksheet:
        return self._sheets[sheet]

    def replace_sheet(self, name: str) -> None:
        if name in self.book.sheetnames:
            del self.book[name]
        self._sheets[name] = self.book.create_sheet(name)

    def set_value(self, sheet: str, row: int, column: int, value: CellValue) -> None:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        cell = self._ws(sheet).cell(row=row, column=column)
        if isinstance(value, str):
            if ILLEGAL_CHARACTERS_RE.search(value):
                raise WorkbookError(
                    "workbook-illegal-character", source=sheet, cell=cell.coordinate, sheet=sheet
                )
            cell.value = value
            cell.data_type = "s"  # never a formula: uvp does not let data become one
        else:
            cell.value = value

    def set_style(self, sheet: str, row: int, column: int, style: Style) -> None:
        from openpyxl.styles.cell_style import StyleArray

        slots = self._styles.get(style)
        if slots is None:
            slots = self._styles[style] = self._slots(style)
        cell: Any = self._ws(sheet).cell(row=row, column=column)
        if not cell._style:
            cell._style = StyleArray()
        for slot, index in slots:
            cell._style[slot] = index

    def _slots(self, style: Style) -> list[tuple[int, int]]:
        """Where *style* puts what in a cell's style array: (slot, index in the workbook's
        list of fonts, fills, ...). The slots are those of openpyxl's ``StyleArray``."""
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, BUILTIN_FORMATS_REVERSE

        book: Any = self.book
        slots = []
        if style.sets_font:
            font = Font(
                bold=style.bold or None,
                italic=style.italic or None,
                underline="single" if style.underline else None,
                size=style.size,
                color=style.color,
            )
            slots.append((0, book._fonts.add(font)))
        if style.fill:
            slots.append((1, book._fills.add(PatternFill("solid", fgColor=style.fill))))
        elif style.fill == "":
            slots.append((1, book._fills.add(PatternFill(fill_type=None))))
        if style.bottom_border:
            border = Border(bottom=Side(style="thin", color=style.bottom_border))
            slots.append((2, book._borders.add(border)))
        if style.number_format:
            number = BUILTIN_FORMATS_REVERSE.get(style.number_format)
            if number is None:
                number = book._number_formats.add(style.number_format) + BUILTIN_FORMATS_MAX_SIZE
            slots.append((3, number))
        if style.sets_alignment:
            alignment = Alignment(
                wrap_text=style.wrap or None, horizontal=style.horizontal, vertical=style.vertical
            )
            slots.append((5, book._alignments.add(alignment)))
        return slots

    def link(self, sheet: str, row: int, column: int, link: Link) -> None:
        from openpyxl.worksheet.hyperlink import Hyperlink

        cell = self._ws(sheet).cell(row=row, column=column)
        if link.file is None:
            cell.hyperlink = "#" + link.location
        else:
            cell.hyperlink = Hyperlink(
                ref=cell.coordinate, target=link.file, location=link.location
            )

    def column_width(self, sheet: str, column: int, width: float) -> None:
        from openpyxl.utils import get_column_letter

        self._ws(sheet).column_dimensions[get_column_letter(column)].width = width

    def row_height(self, sheet: str, row: int, height: float) -> None:
        self._ws(sheet).row_dimensions[row].height = height

    def hide_column(self, sheet: str, column: int) -> None:
        from openpyxl.utils import get_column_letter

        self._ws(sheet).column_dimensions[get_column_letter(column)].hidden = True

    def add_list_validation(self, sheet: str, validation: ListValidation) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        rule = DataValidation(
            type="list",
            formula1='"' + ",".join(validation.options) + '"',
            allow_blank=True,
            showErrorMessage=validation.error is not None,
            errorTitle=validation.error_title,
            error=validation.error,
        )
        rule.add(_column_range(validation.first_row, validation.last_row, validation.column))
        self._ws(sheet).add_data_validation(rule)

    def add_fill_rule(self, sheet: str, rule: FillRule) -> None:
        from openpyxl.formatting.rule import CellIsRule
        from openpyxl.styles import PatternFill

        formatting = CellIsRule(  # type: ignore[no-untyped-call]
            operator="equal",
            formula=['"' + rule.equals.replace('"', '""') + '"'],
            fill=PatternFill("solid", fgColor=rule.fill, bgColor=rule.fill),
        )
        ref = _column_range(rule.first_row, rule.last_row, rule.column)
        self._ws(sheet).conditional_formatting.add(ref, formatting)

    def bar_chart(self, sheet: str, chart: BarChart) -> None:
        from openpyxl.chart import BarChart as OpenpyxlBarChart
        from openpyxl.chart import Reference

        ws = self._ws(sheet)
        bars = OpenpyxlBarChart()
        bars.type = "bar"
        bars.grouping = "stacked"
        bars.overlap = 100
        bars.title = chart.title
        # The figures may stand in hidden columns: draw them all the same.
        bars.visible_cells_only = False
        bars.height = chart.height
        bars.width = chart.width  # type: ignore[assignment]  # the stubs say int; cm need not be
        for series in chart.series:
            data = Reference(
                ws, min_col=series.column, min_row=chart.header_row, max_row=chart.last_row
            )
            bars.add_data(data, titles_from_data=True)
            properties = bars.series[-1].graphicalProperties
            if series.colour is not None:
                properties.solidFill = series.colour
            if chart.outline is not None:
                properties.line.solidFill = chart.outline
        bars.set_categories(
            Reference(
                ws,
                min_col=chart.category_column,
                min_row=chart.header_row + 1,
                max_row=chart.last_row,
            )
        )
        if chart.first_on_top:
            bars.x_axis.scaling.orientation = "maxMin"
        # openpyxl hides both axes unless told otherwise; the council wants to read them.
        bars.x_axis.delete = False
        bars.y_axis.delete = False
        if chart.legend == "bottom":
            bars.legend.position = "b"
        ws.add_chart(bars, chart.anchor)

    def freeze(self, sheet: str, cell: str) -> None:
        self._ws(sheet).freeze_panes = cell

    def page_setup(self, sheet: str, setup: PageSetup) -> None:
        from openpyxl.worksheet.properties import PageSetupProperties

        ws = self._ws(sheet)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as it takes, never squeezed
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.gridLines = False
        margins = ws.page_margins
        margins.left = margins.right = 0.4
        margins.top = margins.bottom = 0.6
        margins.header = margins.footer = 0.3
        if setup.repeat_rows is not None:
            first, last = setup.repeat_rows
            ws.print_title_rows = f"{first}:{last}"


def _column_range(first_row: int, last_row: int, column: int) -> str:
    return f"{cell_name(first_row, column)}:{cell_name(last_row, column)}"


def write_new_workbook(
    path: str | os.PathLike[str], sheets: Iterable[Sheet], *, overwrite: bool = False
) -> Path:
    """Write *sheets*, in order, as a new workbook at *path*: every workbook of uvp's
    own (a plan it writes, Regio, Agenda, the quarterly report) is made here.

    A file already at *path* is refused with a :class:`~uvp.WorkbookError`
    (``workbook-exists``) unless *overwrite*; then its old version is kept as
    ``name.bak.xlsx``. The folder is made if it is missing; the file is saved
    atomically (a new one gets an ordinary file's mode, a replaced one keeps its own).

    >>> import tempfile
    >>> from uvp.workbook import load_values
    >>> sheet = Sheet("Blad")
    >>> sheet.put(1, 1, "Hallo")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_new_workbook(f"{folder}/nieuw.xlsx", [sheet])
    ...     load_values(path)
    {'Blad': [['Hallo']]}
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise WorkbookError("workbook-exists", source=str(path))
    target = OpenpyxlTarget.new()
    for sheet in sheets:
        if not sheet.replace:
            target.replace_sheet(sheet.name)  # a new workbook has no sheet to write into
        write_sheet(target, sheet)
    # save_atomically makes a missing folder, and says a failure of a new file as such.
    save_atomically(lambda temporary: target.book.save(temporary), path, backup=path.exists())
    return path
