"""Helpers that build real .xlsx files with openpyxl for the workbook tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl


def make_workbook(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """Write *sheets* (name -> rows of values, None for empty) to a real .xlsx file."""
    book = openpyxl.Workbook()
    first = True
    for name, rows in sheets.items():
        ws = book.active if first else book.create_sheet(name)
        assert ws is not None
        ws.title = name
        first = False
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    book.save(path)
    return path


def without_plan_sheet(example: Path, path: Path) -> Path:
    """A copy of an example workbook as many municipalities keep theirs: no Plan sheet
    and a neutral file name, so that it says neither its municipality nor its year."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.load_workbook(example)
    del book["Plan"]
    book.save(path)
    return path
