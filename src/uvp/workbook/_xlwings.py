"""The Target on a live workbook: what uvp writes, through xlwings, into the open Excel.

The add-in (``uvp.addin``) hands its ``xlwings.Book`` here; the writers are the
same as for a file (:class:`uvp.workbook.OpenpyxlTarget`). With the values read
by :func:`book_values`, one reader serves the file and the open workbook alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import xlwings as xw

from uvp.core import cell_name, column_letter, sheet_reference
from uvp.workbook._target import CellValue, Series

__all__ = ["XlwingsTarget", "book_values"]

# Excel reads a text starting with one of these as a formula; a leading
# apostrophe makes Excel keep it as the text it is.
_FORMULA_STARTS: Final = ("=", "+", "-", "@")


def _hex(colour: str) -> str:
    return "#" + colour.lstrip("#")


class XlwingsTarget:
    """:class:`uvp.workbook.Target` on a live workbook through xlwings.

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
        cell = self._range(sheet, row, column)
        cell.add_hyperlink("#" + sheet_reference(to_sheet, to_cell), text_to_display=to_cell)

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


def book_values(book: xw.Book) -> dict[str, list[list[object]]]:
    """Every sheet's values, anchored at A1, as the reader takes them."""
    values: dict[str, list[list[object]]] = {}
    for sheet in book.sheets:
        rows = sheet.used_range.options(ndim=2).value
        values[sheet.name] = [list(row) for row in rows] if rows else []
    return values
