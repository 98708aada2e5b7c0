"""The Office.js side of xlwings, for tests: a workbook's payload from an .xlsx file,
and a book's actions applied back to the file the way Excel applies them.

xlwings has no helper that builds the payload its Office.js client sends, nor
one that applies ``book.json()``'s actions outside Excel; these two are what
the add-in tests need to run the real remote engine on real workbooks.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from pathlib import Path
from typing import Any

import openpyxl
import xlwings as xw
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation


def _office_value(value: object) -> object:
    """A cell value as Office.js sends it: dates as Excel's day numbers, empty as ""."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return (value - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    if isinstance(value, dt.date):
        return float((value - dt.date(1899, 12, 30)).days)
    return value


def payload(path: Path, *, active: int = 0) -> dict[str, Any]:
    """The JSON the xlwings Office.js client sends for the workbook at *path*."""
    book = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in book.worksheets:
        rows = [
            [_office_value(c.value) for c in row]
            for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column)
        ]
        sheets.append(
            {
                "name": ws.title,
                "values": rows or [[""]],
                "pictures": [],
                "tables": [],
                "charts": [],
                "notes": [],
                "shapes": [],
                "pivot_tables": [],
            }
        )
    names = []
    for name, defined in book.defined_names.items():
        for sheet, address in defined.destinations:
            names.append(
                {
                    "name": name,
                    "sheet_index": book.sheetnames.index(sheet),
                    "address": address.replace("$", ""),
                    "book_scope": True,
                }
            )
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": path.name, "active_sheet_index": active, "selection": "A1"},
        "names": names,
        "sheets": sheets,
    }


class Excel:
    """Applies xlwings actions to an openpyxl workbook as Excel would, recording alerts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book = openpyxl.load_workbook(path, rich_text=True)
        self.alerts: list[str] = []
        self.charts: dict[str, int] = {}

    def _cells(self, action: dict[str, Any]) -> list[Any]:
        ws = self.book.worksheets[action["sheet_position"]]
        first_row, first_col = action["start_row"] + 1, action["start_column"] + 1
        return [
            ws.cell(first_row + r, first_col + c)
            for r in range(action["row_count"])
            for c in range(action["column_count"])
        ]

    def _ref(self, action: dict[str, Any]) -> str:
        first = f"{get_column_letter(action['start_column'] + 1)}{action['start_row'] + 1}"
        last = (
            f"{get_column_letter(action['start_column'] + action['column_count'])}"
            f"{action['start_row'] + action['row_count']}"
        )
        return first if first == last else f"{first}:{last}"

    def apply(self, actions: list[dict[str, Any]]) -> None:
        for action in actions:
            getattr(self, "_" + action["func"])(action, *action["args"])

    def save(self) -> None:
        self.book.save(self.path)

    # -- the actions uvp sends ------------------------------------------------------------

    def _setValues(self, action: dict[str, Any], *_: Any) -> None:
        ws = self.book.worksheets[action["sheet_position"]]
        for r, row in enumerate(action["values"]):
            for c, value in enumerate(row):
                cell = ws.cell(action["start_row"] + 1 + r, action["start_column"] + 1 + c)
                if isinstance(value, str) and value.startswith("'"):
                    cell.value = value[1:]  # Excel keeps the rest as text
                    cell.data_type = "s"
                elif value == "":
                    cell.value = None
                else:
                    cell.value = value  # a text starting with "=" becomes a formula, as in Excel

    def _setRangeColor(self, action: dict[str, Any], colour: str | None) -> None:
        for cell in self._cells(action):
            cell.fill = (
                PatternFill("solid", fgColor=colour.lstrip("#").upper())
                if colour
                else PatternFill(fill_type=None)
            )

    def _setFontProperty(self, action: dict[str, Any], name: str, value: Any) -> None:
        for cell in self._cells(action):
            font = cell.font
            if name == "color":
                value = value.lstrip("#").upper()
            keys = ("name", "size", "bold", "italic", "underline", "color")
            cell.font = Font(**{**{k: getattr(font, k) for k in keys}, name: value})

    def _setWrapText(self, action: dict[str, Any], value: bool) -> None:
        for cell in self._cells(action):
            cell.alignment = Alignment(
                wrap_text=value,
                horizontal=cell.alignment.horizontal,
                vertical=cell.alignment.vertical,
            )

    def _setHorizontalAlignment(self, action: dict[str, Any], value: str) -> None:
        for cell in self._cells(action):
            cell.alignment = Alignment(
                horizontal=value.lower(),
                wrap_text=cell.alignment.wrap_text,
                vertical=cell.alignment.vertical,
            )

    def _setVerticalAlignment(self, action: dict[str, Any], value: str) -> None:
        for cell in self._cells(action):
            cell.alignment = Alignment(
                vertical=value.lower(),
                wrap_text=cell.alignment.wrap_text,
                horizontal=cell.alignment.horizontal,
            )

    def _setBorderProperty(
        self, action: dict[str, Any], side: str, attribute: str, value: Any
    ) -> None:
        assert side == "edge_bottom"  # the only border uvp draws: a line under a header
        # A range's bottom edge is the bottom of its last row's cells.
        last = action["start_row"] + action["row_count"]
        ws = self.book.worksheets[action["sheet_position"]]
        for c in range(action["column_count"]):
            cell = ws.cell(last, action["start_column"] + 1 + c)
            bottom = copy(cell.border.bottom)
            if attribute == "color":
                bottom.color = value.lstrip("#").upper()
            elif attribute == "weight":
                bottom.style = value if bottom.style is None else bottom.style
            elif attribute == "line_style":
                bottom.style = None if value is None else bottom.style or "thin"
            cell.border = Border(bottom=bottom)

    def _setRowHeight(self, action: dict[str, Any], points: float) -> None:
        ws = self.book.worksheets[action["sheet_position"]]
        for r in range(action["row_count"]):
            ws.row_dimensions[action["start_row"] + 1 + r].height = points

    def _setNumberFormat(self, action: dict[str, Any], value: str) -> None:
        for cell in self._cells(action):
            cell.number_format = value

    def _setColumnWidth(self, action: dict[str, Any], points: float) -> None:
        ws = self.book.worksheets[action["sheet_position"]]
        characters = round((points / 0.75 - 5) / 7, 2)  # Office.js sets points
        ws.column_dimensions[get_column_letter(action["start_column"] + 1)].width = characters

    def _addSheet(self, action: dict[str, Any], position: int, name: str) -> None:
        self.book.create_sheet(name, index=position)

    def _sheetDelete(self, action: dict[str, Any], *_: Any) -> None:
        del self.book[self.book.sheetnames[action["sheet_position"]]]

    def _setDataValidationList(
        self,
        action: dict[str, Any],
        source: dict[str, Any],
        dropdown: bool,
    ) -> None:
        assert source["type"] == "literal"
        assert dropdown
        validation = DataValidation(type="list", formula1='"' + ",".join(source["values"]) + '"')
        validation.add(self._ref(action))
        self.book.worksheets[action["sheet_position"]].add_data_validation(validation)

    def _addConditionalFormat(self, action: dict[str, Any], entry: dict[str, Any]) -> None:
        assert entry["type"] == "CellValue"
        assert entry["operator"] == "EqualTo"
        fill = entry["fill_color"].lstrip("#").upper()
        rule = CellIsRule(
            operator="equal",
            formula=[entry["formula1"].lstrip("=")],
            fill=PatternFill("solid", fgColor=fill, bgColor=fill),
        )
        self.book.worksheets[action["sheet_position"]].conditional_formatting.add(
            self._ref(action), rule
        )

    def _addHyperlink(self, action: dict[str, Any], address: str, text: str, *_: Any) -> None:
        (cell,) = self._cells(action)
        cell.hyperlink = address

    def _addChart(self, action: dict[str, Any], *args: Any) -> None:
        sheet = args[2]
        self.charts[sheet] = self.charts.get(sheet, 0) + 1

    def _freezePaneAtRange(self, action: dict[str, Any], frozen: str) -> None:
        # Office.js freezes the given cells ("1:4", "A:B", "A1:B4"); openpyxl names the
        # first cell that scrolls.
        from openpyxl.utils.cell import range_boundaries

        if ":" in frozen and frozen.replace(":", "").isdigit():
            rows, columns = int(frozen.split(":")[1]), 0
        elif ":" in frozen and frozen.replace(":", "").isalpha():
            rows, columns = 0, range_boundaries(f"{frozen.split(':')[1]}1")[0]
        else:
            _, _, columns, rows = range_boundaries(frozen)
        cell = f"{get_column_letter(columns + 1)}{rows + 1}"
        self.book.worksheets[action["sheet_position"]].freeze_panes = cell

    def _alert(self, action: dict[str, Any], prompt: str, *_: Any) -> None:
        self.alerts.append(prompt)
