"""No silent drop when reading (issue 13): every non-empty cell of a planning sheet is
read into the plan or reported; merged cells are read by their value, or are an error
at their range; hidden sheets, rows and columns are read, and said to be; a stray
value far out is reported; messages quote at most 100 characters of a cell.

Each case is a real .xlsx file: an example plan changed as a user would in Excel
(through openpyxl), or a small plan written for the case.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import uvp
from tests.conftest import EXAMPLES
from tests.workbooks import make_workbook
from uvp.cli import app
from uvp.workbook import ReadResult, inspect_workbook, load_sheet_info, read_values

runner = CliRunner()


def _changed(tmp_path: Path, name: str, change: object) -> Path:
    """A copy of an example plan with *change* (book -> None) made to it."""
    book = openpyxl.load_workbook(EXAMPLES / f"{name}-2024.xlsx")
    change(book)  # type: ignore[operator]
    path = tmp_path / f"{name}.xlsx"
    book.save(path)
    return path


def _codes(result: ReadResult) -> Counter[str]:
    return Counter(f.code for f in result.findings)


def _reported_rows(result: ReadResult, sheet: str) -> set[int]:
    return {f.location.row for f in result.findings if f.location.sheet == sheet and f.location.row}


def _accounted(result: ReadResult, path: Path, sheet: str) -> None:
    """Every non-empty cell of *sheet* is in a row the plan read, or in a reported row,
    or a title or header the reader used."""
    read_rows = {r for a in result.actions if a.source.sheet == sheet for r in a.source.rows}
    headers = {t.header_row for t in result.tables if t.sheet == sheet}
    reported = _reported_rows(result, sheet)
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    for number, row in enumerate(ws.iter_rows(values_only=True), 1):
        if any(v not in (None, "") for v in row):
            titles = len([v for v in row if v not in (None, "")]) == 1  # titles, goal rows
            assert number in read_rows | headers | reported or titles, (sheet, number, row)


def test_a_merged_table_header_drops_nothing_in_silence(tmp_path: Path) -> None:
    # Before: the 13 actions of that table were gone (80 -> 67) without a word.
    path = _changed(tmp_path, "scherpenzeel", lambda b: b["Ondermijning"].merge_cells("A4:D4"))
    result = inspect_workbook(path)
    merged = [f for f in result.findings if f.code == "merged-cells"]
    assert [(f.location.cell, f.params["range"], f.severity) for f in merged] == [
        ("A4", "A4:D4", "error")
    ]
    assert "samengevoegd ('Acties')" in merged[0].message("nl")
    unread = _reported_rows(result, "Ondermijning") - {4}
    lost = 80 - len(result.plan.actions)
    assert lost == 13
    assert len(unread) >= lost  # every row of the table under the header is reported
    _accounted(result, path, "Ondermijning")
    out = runner.invoke(app, ["validate", str(path)])
    assert out.exit_code == 1
    assert "merged-cells" in out.stdout


def test_a_merged_block_over_a_sheet_is_an_error(tmp_path: Path) -> None:
    # Before: all the sheet's actions were gone and validate exited 0.
    path = _changed(tmp_path, "nijkerk", lambda b: b["Digitale veiligheid"].merge_cells("A1:F40"))
    result = inspect_workbook(path)
    (merged,) = [f for f in result.findings if f.code == "merged-cells"]
    assert (merged.location.sheet, merged.params["range"]) == ("Digitale veiligheid", "A1:F40")
    assert merged.severity == "error"
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 1


def test_a_merged_title_is_read_by_its_value(tmp_path: Path) -> None:
    def merge(book: openpyxl.Workbook) -> None:
        book["Ondermijning"].merge_cells("A1:D2")  # a title over two rows
        book["Ondermijning"].merge_cells("A3:D3")  # a planning title

    path = _changed(tmp_path, "scherpenzeel", merge)
    result = inspect_workbook(path)
    assert result.plan == uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    assert "merged-cells" not in _codes(result)


def test_a_merged_cell_down_a_column_stands_for_each_of_its_rows(tmp_path: Path) -> None:
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Acties", "Trekker", "Kwartaal"],
        ["We houden controles.", "Politie", "Q1"],
        ["We houden voorlichting.", None, "Q2"],
        ["Eén actie, twee trekkers.", "Nijkerk", "Q3"],
        [None, "Barneveld", "Q4"],
    ]
    path = make_workbook(tmp_path / "plan.xlsx", {"Drugs": rows})
    book = openpyxl.load_workbook(path)
    book["Drugs"].merge_cells("B3:B4")  # one lead for two actions
    book["Drugs"].merge_cells("A5:A6")  # one action over two rows, a lead on each
    book.save(path)
    result = inspect_workbook(path, municipality="Nijkerk", year=2024)
    assert [[str(a) for a in action.assignments] for action in result.plan.actions] == [
        ["Politie: Q1"],
        ["Politie: Q2"],
        ["Nijkerk: Q3", "Barneveld: Q4"],
    ]
    assert result.actions[2].source.rows == (5, 6)
    assert "missing-text" not in _codes(result)


def test_a_quarter_heading_merged_over_four_columns_names_q1_to_q4(tmp_path: Path) -> None:
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Acties", "Trekker", "Kwartaal", None, None, None],
        [None, None, "Q1", "Q2", "Q3", "Q4"],
        ["We houden controles.", "Politie", None, "x", "x", None],
    ]
    path = make_workbook(tmp_path / "plan.xlsx", {"Drugs": rows})
    book = openpyxl.load_workbook(path)
    book["Drugs"].merge_cells("C2:F2")
    book.save(path)
    result = inspect_workbook(path, municipality="Nijkerk", year=2024)
    (read,) = result.actions
    assert read.source.matrix == frozenset({2, 3})
    assert "unread-cell" not in _codes(result)


def test_hidden_sheets_rows_and_columns_are_read_and_said(tmp_path: Path) -> None:
    # Before: read without a word.
    def hide(book: openpyxl.Workbook) -> None:
        book["Vakantieparken"].sheet_state = "hidden"
        sheet = book["Ondermijnende criminaliteit"]
        for row in (5, 6, 7):
            sheet.row_dimensions[row].hidden = True
        sheet.column_dimensions["C"].hidden = True

    path = _changed(tmp_path, "nijkerk", hide)
    info = load_sheet_info(path)
    assert info["Vakantieparken"].hidden
    assert info["Ondermijnende criminaliteit"].hidden_rows == {5, 6, 7}
    result = inspect_workbook(path)
    assert result.plan == uvp.load(EXAMPLES / "nijkerk-2024.json")  # read all the same
    said = {(f.code, f.location.text("nl"), f.severity) for f in result.findings}
    assert said == {
        ("hidden-sheet", "'Vakantieparken'", "info"),
        ("hidden-rows", "'Ondermijnende criminaliteit'!A5", "info"),
        ("hidden-columns", "'Ondermijnende criminaliteit'!C1", "info"),
    }
    rows = next(f for f in result.findings if f.code == "hidden-rows")
    assert rows.params["rows"] == "5-7"


@pytest.mark.parametrize("cell", ["A99999", "XFD60"])
def test_a_stray_value_far_out_is_reported(tmp_path: Path, cell: str) -> None:
    # Before: read without a word (and fill took 15-21 s on it).
    def stray(book: openpyxl.Workbook) -> None:
        book["Digitale veiligheid"][cell] = "verdwaald"

    path = _changed(tmp_path, "nijkerk", stray)
    result = inspect_workbook(path)
    assert result.plan == uvp.load(EXAMPLES / "nijkerk-2024.json")
    (unread,) = [f for f in result.findings if f.code == "unread-cell"]
    assert (unread.location.sheet, unread.location.cell) == ("Digitale veiligheid", cell)
    assert unread.params["text"] == "verdwaald"
    # The rows the reader goes through end at their last value, not at the sheet's extent.
    values = result.values["Digitale veiligheid"]
    assert all(row[-1] is not None for row in values if row)
    assert sum(len(row) for row in values) < 2_000 + (16_384 if cell == "XFD60" else 0)


def test_cells_beside_a_table_are_read_or_reported() -> None:
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Ambitie: minder drugsoverlast."],  # a second line under the title
        ["Acties", "Trekker", "Kwartaal", "Budget", None],
        ["Een.", "Nijkerk", "Q1", 500, "bellen!"],
        [None, None, None, None, "nog een notitie"],
        ["Twee.", "Nijkerk", "Q2"],
    ]
    result = read_values({"Drugs": rows}, municipality="Nijkerk", year=2024)
    found = {(f.code, f.location.cell) for f in result.findings if f.code.startswith("unread")}
    assert found == {
        ("unread-cell", "A2"),
        ("unread-column", "D3"),  # Budget: one finding for the column
        ("unread-cell", "E4"),
        ("unread-cell", "E5"),
    }
    column = next(f for f in result.findings if f.code == "unread-column")
    assert column.params == {"column": "Budget", "count": 1}
    assert len(result.plan.actions) == 2


def test_the_example_plans_have_nothing_unread() -> None:
    for name in ("nijkerk", "scherpenzeel"):
        result = inspect_workbook(EXAMPLES / f"{name}-2024.xlsx")
        assert not [f for f in result.findings if f.code.startswith(("unread", "merged", "hidden"))]


def test_messages_quote_at_most_100_characters_of_a_cell() -> None:
    huge = "Q" + "x" * 1_000_000
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Acties", "Trekker", "Kwartaal"],
        ["Een.", "Nijkerk", huge],
    ]
    result = read_values({"Drugs": rows}, municipality="Nijkerk", year=2024)
    (finding,) = [f for f in result.findings if f.code == "invalid-quarter"]
    for language in ("nl", "en"):
        message = finding.message(language)
        assert len(message) < 1_000
        assert ("x" * 99) + "…" in message
        assert "x" * 101 not in message
    assert len(str(finding.params["text"])) == 101


def test_a_sheet_that_looks_like_a_plan_but_has_no_table_is_reported() -> None:
    plan = [["Drugs (lokale prioriteit)"], ["Acties", "Trekker", "Kwartaal"], ["Een.", "Ede", "Q1"]]
    # A table of actions without who or when: not an action table, so not read, but said.
    loose = [["Nr", "Maatregel", "Toelichting"], [1, "Cameratoezicht.", "In overleg."]]
    notes = [["Omschrijving"], ["Dit blad licht het plan toe."]]  # prose: not a plan's table
    result = read_values(
        {"Drugs": plan, "Losse acties": loose, "Toelichting": notes},
        municipality="Ede",
        year=2024,
    )
    unread = {
        (f.location.sheet, f.location.cell) for f in result.findings if f.code == "unread-cell"
    }
    assert unread == {("Losse acties", "A1"), ("Losse acties", "A2")}
