"""The Target on a live workbook: what uvp writes, through xlwings, into the open Excel.

The add-in (``uvp.addin``) hands its ``xlwings.Book`` here; the writers are the
same as for a file (:class:`uvp.workbook.OpenpyxlTarget`). With the values read
by :func:`book_values`, one reader serves the file and the open workbook alike.
"""

from __future__ import annotations

from typing import Final

import xlwings as xw

from uvp.core import cell_name, column_letter
from uvp.workbook._sheet import (
    BarChart,
    CellValue,
    FillRule,
    Link,
    ListValidation,
    PageSetup,
    Style,
)

__all__ = ["XlwingsTarget", "book_values"]

# Excel reads a text starting with one of these as a formula; a leading
# apostrophe makes Excel keep it as the text it is.
_FORMULA_STARTS: Final = ("=", "+", "-", "@")


def _hex(colour: str) -> str:
    return "#" + colour.lstrip("#")


class XlwingsTarget:
    """:class:`uvp.workbook.Target` on a live workbook through xlwings.

    Values, styles and links are gathered and written by :meth:`flush`, in
    rectangular blocks (values) and ranges of cells that look alike (styles):
    on xlwings' remote engine every write costs about as much as the sheet is
    big, so a cell at a time would make a large plan slow.
    """

    def __init__(self, book: xw.Book) -> None:
        self.book = book
        self._pending: dict[str, dict[tuple[int, int], CellValue]] = {}
        self._styles: dict[str, dict[Style, dict[tuple[int, int], CellValue]]] = {}
        self._links: dict[str, dict[tuple[int, int], Link]] = {}

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

    def set_style(self, sheet: str, row: int, column: int, style: Style) -> None:
        self._styles.setdefault(sheet, {}).setdefault(style, {})[row, column] = None

    def link(self, sheet: str, row: int, column: int, link: Link) -> None:
        self._links.setdefault(sheet, {})[row, column] = link

    def flush(self) -> None:
        """Write the gathered values (a block of neighbouring cells at a time), then
        the styles (a block of alike cells at a time), then the links."""
        pending, self._pending = self._pending, {}
        for sheet, cells in pending.items():
            ws = self.book.sheets[sheet]
            for row, column, block in _blocks(cells):
                ws.range(cell_name(row, column)).value = block
        styles, self._styles = self._styles, {}
        for sheet, by_style in styles.items():
            for style, alike in by_style.items():
                for row, column, block in _blocks(alike):
                    last_row, last_column = row + len(block) - 1, column + len(block[0]) - 1
                    _apply(self._range(sheet, row, column, last_row, last_column), style)
        links, self._links = self._links, {}
        for sheet, linked in links.items():
            for (row, column), link in linked.items():
                address = f"{link.file or ''}#{link.location}"
                text = pending.get(sheet, {}).get((row, column))
                if isinstance(text, str) and text[1:].startswith(_FORMULA_STARTS):
                    text = text[1:]  # the cell's text, without the apostrophe that keeps it one
                self._range(sheet, row, column).add_hyperlink(
                    address, text_to_display=str(text) if text else link.location
                )

    def replace_sheet(self, name: str) -> None:
        self.flush()  # what was written before goes first, into the sheets it was meant for
        if name in [sheet.name for sheet in self.book.sheets]:
            self.book.sheets[name].delete()
        self.book.sheets.add(name, after=self.book.sheets[len(self.book.sheets) - 1])

    def add_list_validation(self, sheet: str, validation: ListValidation) -> None:
        cells = self._range(sheet, validation.first_row, validation.column, validation.last_row)
        cells.data_validation.set_list(list(validation.options))

    def add_fill_rule(self, sheet: str, rule: FillRule) -> None:
        formula = '="' + rule.equals.replace('"', '""') + '"'
        cells = self._range(sheet, rule.first_row, rule.column, rule.last_row)
        cells.conditional_formats.add_cell_value("equal_to", formula, fill_color=_hex(rule.fill))

    def bar_chart(self, sheet: str, chart: BarChart) -> None:
        ws = self.book.sheets[sheet]
        last_column = max(series.column for series in chart.series)
        added = ws.charts.add(
            0, 0, 480, 260, chart_type="bar_stacked", anchor=ws.range(chart.anchor)
        )
        # The chart is created in Excel with its source data; its title is the series'
        # header row, and the sheet's heading says what it shows.
        added.set_source_data(
            ws.range(
                f"{cell_name(chart.header_row, chart.category_column)}:"
                f"{cell_name(chart.last_row, last_column)}"
            )
        )

    def column_width(self, sheet: str, column: int, width: float) -> None:
        # uvp gives widths in characters (Excel's own unit); Office.js takes points:
        # with Excel's standard font a character is 7 pixels, plus 5 of margin.
        self._range(sheet, 1, column).column_width = round((width * 7 + 5) * 0.75, 2)

    def row_height(self, sheet: str, row: int, height: float) -> None:
        self._range(sheet, row, 1).row_height = height

    def hide_column(self, sheet: str, column: int) -> None:
        """Left shown: the chart Excel makes here leaves hidden cells out (Excel's
        default), and the add-in leaves printing to Excel."""

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

    def page_setup(self, sheet: str, setup: PageSetup) -> None:
        """Excel keeps its own print settings; the add-in does not change them."""


def _apply(cells: xw.Range, style: Style) -> None:
    """Format *cells* with what *style* says."""
    if style.bold:
        cells.font.bold = True
    if style.italic:
        cells.font.italic = True
    if style.size:
        cells.font.size = style.size
    if style.color:
        cells.font.color = _hex(style.color)
    # Underlining comes with a hyperlink in Excel; xlwings has no setting for it.
    if style.fill:
        cells.color = _hex(style.fill)
    elif style.fill == "":
        cells.color = None
    if style.bottom_border:
        border = cells.borders["edge_bottom"]
        border.color = _hex(style.bottom_border)
        border.weight = "thin"
        border.line_style = "continuous"
    if style.wrap:
        cells.wrap_text = True
    if style.horizontal:
        cells.horizontal_alignment = style.horizontal
    if style.vertical:
        cells.vertical_alignment = style.vertical
    if style.number_format:
        cells.number_format = style.number_format


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
