"""Writing into a user's workbook: what uvp adds, and that nothing of theirs is lost."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

import uvp
from tests.conftest import EXAMPLES
from tests.workbooks import make_workbook
from uvp.core import evaluate_plan
from uvp.workbook import (
    MATRIX_MARKS,
    STATUS_LABELS,
    evaluate_workbook,
    fill_workbook,
    new_workbook,
    validate_workbook,
)
from uvp.workbook._sheet import text_width

PEILDATUM = dt.date(2024, 10, 1)


def rich_workbook(tmp_path: Path) -> Path:
    """Scherpenzeel's example workbook with a user's own content in and beside it."""
    path = tmp_path / "uvp-scherpenzeel.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    book = openpyxl.load_workbook(path)
    plan_ws = book["Ondermijning"]
    plan_ws.merge_cells("A1:D1")
    plan_ws["A6"].comment = Comment("Navragen bij de politie", "Beleidsmedewerker")
    plan_ws["A6"].font = Font(bold=True, color="FF0000")
    plan_ws["F6"] = "budget € 500"  # the user's note beside the table
    plan_ws["G7"] = "=LEN(A7)"
    plan_ws.freeze_panes = "A5"
    budget = book.create_sheet("Begroting")
    budget.append(["Post", "Bedrag"])
    for post, amount in [("Controles", 1200), ("Campagne", 800.5), ("Training", 300)]:
        budget.append([post, amount])
    budget["A5"] = "Totaal"
    budget["B5"] = "=SUM(B2:B4)"
    budget["B5"].number_format = "€ #,##0.00"
    budget["A1"].fill = PatternFill("solid", fgColor="FFFF00")
    budget["A1"].border = Border(bottom=Side(style="thick"))
    budget.column_dimensions["A"].width = 33
    budget.freeze_panes = "A2"
    budget.sheet_properties.tabColor = "00B050"
    validation = DataValidation(type="whole", operator="greaterThan", formula1="0")
    validation.add("B2:B4")
    budget.add_data_validation(validation)
    budget.conditional_formatting.add(
        "B2:B4",
        CellIsRule(
            operator="greaterThan", formula=["1000"], fill=PatternFill("solid", fgColor="FFC7CE")
        ),
    )
    book.defined_names["Totaal"] = DefinedName("Totaal", attr_text="Begroting!$B$5")
    hidden = book.create_sheet("Archief")
    hidden["A1"] = "oude plannen"
    hidden.sheet_state = "hidden"
    book.save(path)
    return path


def snapshot(path: Path) -> dict[str, Any]:
    """Everything of a workbook a user would miss, sheet by sheet (uvp's own sheets left out)."""
    book = openpyxl.load_workbook(path, rich_text=True)
    sheets: dict[str, Any] = {}
    for ws in book.worksheets:
        if ws.title in ("Controle", "Evaluatie"):
            continue
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                cells[c.coordinate] = (
                    c.value,
                    c.data_type,
                    c.font.b,
                    str(c.font.color.rgb) if c.font.color else None,
                    str(c.fill.fgColor.rgb),
                    c.fill.fill_type,
                    c.number_format,
                    c.border.bottom.style,
                    c.alignment.wrap_text,
                    c.comment.text if c.comment else None,
                )
        sheets[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": sorted(
                (str(v.sqref), v.type, v.formula1) for v in ws.data_validations.dataValidation
            ),
            "conditional": sorted(
                (str(rng.sqref), rule.type, tuple(rule.formula or ()))
                for rng in ws.conditional_formatting
                for rule in rng.rules
            ),
            "freeze": ws.freeze_panes,
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "state": ws.sheet_state,
            "tab": str(ws.sheet_properties.tabColor.rgb) if ws.sheet_properties.tabColor else None,
        }
    return {
        "order": [n for n in book.sheetnames if n not in ("Controle", "Evaluatie")],
        "names": sorted((n, d.attr_text) for n, d in book.defined_names.items()),
        "sheets": sheets,
    }


def assert_kept(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Every cell, range and setting of *before* is still in *after*, unchanged."""
    assert after["order"] == before["order"]
    assert after["names"] == before["names"]
    for name, old in before["sheets"].items():
        new = after["sheets"][name]
        changed = {
            k: (v, new["cells"].get(k)) for k, v in old["cells"].items() if new["cells"].get(k) != v
        }
        assert not changed, f"{name}: {changed}"
        for key in ("merged", "freeze", "state", "tab"):
            assert new[key] == old[key], (name, key)
        assert set(old["validations"]) <= set(new["validations"]), name
        assert set(old["conditional"]) <= set(new["conditional"]), name
        for column, width in old["widths"].items():
            assert new["widths"].get(column) == width, (name, column)


def test_fill_validate_evaluate_keep_everything_of_the_user(tmp_path: Path) -> None:
    path = rich_workbook(tmp_path)
    before = snapshot(path)
    fill_workbook(path)
    assert_kept(before, snapshot(path))
    validate_workbook(path, write=True, peildatum=PEILDATUM)
    evaluate_workbook(path, PEILDATUM)
    evaluate_workbook(path, PEILDATUM)  # rerun: replaces its own sheet only
    after = snapshot(path)
    assert_kept(before, after)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[-2:] == ["Controle", "Evaluatie"]
    # What uvp added stands in free columns: the user's note in F6 pushed the matrix right.
    ws = book["Ondermijning"]
    header = [ws.cell(4, c).value for c in range(1, 13)]
    assert header[:4] == ["Acties", "Trekker", "Kwartaal", "Toelichting"]
    assert header[7:12] == ["Q1", "Q2", "Q3", "Q4", "Status"]
    assert uvp.read_workbook(path) == uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    assert (tmp_path / "uvp-scherpenzeel.bak.xlsx").exists()


def test_fill_marks_quarters_and_rerun_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    result = fill_workbook(path)
    assert (result.marked, result.quarters_written, result.findings) == (80, 0, ())
    book = openpyxl.load_workbook(path)
    ws = book["Ondermijning"]
    rows = {
        ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(5, 10)]
        for r in range(1, ws.max_row + 1)
    }
    fixed, window, ongoing = MATRIX_MARKS["fixed"], MATRIX_MARKS["window"], MATRIX_MARKS["ongoing"]
    assert rows["We actualiseren het Damoclesbeleid."] == [None, fixed, fixed, None, None]
    veilig = next(
        k
        for k in rows
        if k and k.startswith("We organiseren een bijeenkomst voor inwoners en ondernemers met")
    )
    assert rows[veilig] == [None, None, window, window, None]  # Q3/Q4
    controles = next(k for k in rows if k and k.startswith("We organiseren zo nodig controles"))
    assert rows[controles] == [ongoing] * 4 + [None]  # Doorlopend
    assert len({fixed, window, ongoing}) == 3
    # The Status drop-down and its colours.
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert {v.formula1 for v in lists} == {'"' + ",".join(STATUS_LABELS.values()) + '"'}
    assert any("I5" in str(v.sqref) for v in lists)
    labels = {rule.formula[0].strip('"') for rng in ws.conditional_formatting for rule in rng.rules}
    assert set(STATUS_LABELS.values()) <= labels
    first = snapshot(path)
    fill_workbook(path)
    assert snapshot(path) == first


def _small_plan(tmp_path: Path, rows: list[list[object]]) -> Path:
    return make_workbook(
        tmp_path / "plan.xlsx",
        {
            "Middelengebruik": [
                ["Uitvoeringsplan Veiligheid 2024 gemeente Scherpenzeel"],
                ["Acties", "Trekker", "Kwartaal", "Toelichting", "Q1", "Q2", "Q3", "Q4"],
                *rows,
            ]
        },
    )


def test_kwartaal_is_written_from_a_marked_matrix_and_disagreement_changes_nothing(
    tmp_path: Path,
) -> None:
    path = _small_plan(
        tmp_path,
        [
            ["Handhavingsbeleid opstellen.", "Scherpenzeel", None, None, None, "x", "x", None],
            ["Campagne.", "Scherpenzeel", None, None, "x", None, None, "x"],
            ["Controles.", "Politie", "Q1", None, None, None, "x", None],
        ],
    )
    result = fill_workbook(path, municipality="Scherpenzeel", year=2024)
    assert result.quarters_written == 2
    assert [(f.code, f.location.cell) for f in result.findings] == [
        ("quarter-matrix-mismatch", "E5")
    ]
    ws = openpyxl.load_workbook(path)["Middelengebruik"]
    assert [ws.cell(r, 3).value for r in (3, 4, 5)] == ["Q2-Q3", "Q1 en Q4", "Q1"]
    assert [ws.cell(5, c).value for c in range(5, 9)] == [None, None, "x", None]  # untouched
    report = validate_workbook(path)
    assert [
        (f.code, f.location.cell) for f in report.findings if f.code == "quarter-matrix-mismatch"
    ] == [("quarter-matrix-mismatch", "E5")]


def test_status_is_read_back_and_drives_overdue(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", path)
    fill_workbook(path)
    book = openpyxl.load_workbook(path)
    ws = book["Ondermijnende criminaliteit"]
    status_column = next(c for c in range(1, 20) if ws.cell(4, c).value == "Status")
    ws.cell(5, status_column).value = "Gereed"
    ws.cell(6, status_column).value = "loopt"
    ws.cell(7, status_column).value = "Bijna"
    book.save(path)
    result = uvp.workbook.inspect_workbook(path)
    statuses = [a.status for a in result.plan.actions[:3]]
    assert statuses == ["done", "running", None]
    report = validate_workbook(path, peildatum=dt.date(2024, 4, 1))
    codes = [(f.code, f.location.cell) for f in report.findings]
    assert ("invalid-status", f"{openpyxl.utils.get_column_letter(status_column)}7") in codes
    overdue = [f for f in report.findings if f.code == "overdue"]
    # Q1 actions not done on 1 April: all Q1 actions of the plan but the one marked Gereed,
    # and the one whose status cannot be read (that cell has its own finding already).
    q1 = [a for a in result.plan.actions if a.quarters == {1}]
    assert len(overdue) == len(q1) - 2
    assert {(f.location.sheet, f.location.cell) for f in overdue}.isdisjoint(
        {("Ondermijnende criminaliteit", "H5"), ("Ondermijnende criminaliteit", "H7")}
    )


def test_controle_sheet_links_every_finding(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    report = validate_workbook(path, write=True)
    assert [(f.code, f.location.sheet, f.location.cell) for f in report.findings] == [
        ("missing-lead", "Ondermijning", "B61"),
        ("missing-quarter", "Ondermijning", "C61"),
    ]
    ws = openpyxl.load_workbook(path)["Controle"]
    assert [ws.cell(4, c).value for c in range(1, 7)] == [
        "Ernst",
        "Melding",
        "Blad",
        "Cel",
        "Toelichting",
        "Code",
    ]
    assert [ws.cell(5, c).value for c in range(1, 7)] == [
        "fout",
        "Geen trekker",  # the finding's Dutch title; its code stays in the last column
        "Ondermijning",
        "B61",
        ws.cell(5, 5).value,
        "missing-lead",
    ]
    assert (
        ws.cell(5, 4).hyperlink.location == "'Ondermijning'!B61"
        or ws.cell(5, 4).hyperlink.target == "#'Ondermijning'!B61"
    )
    assert "geen trekker" in ws.cell(5, 5).value
    assert ws.print_title_rows == "$4:$4"
    # Rerun with nothing to report replaces the sheet.
    validate_workbook(path, write=True)
    assert openpyxl.load_workbook(path).sheetnames.count("Controle") == 1


def test_controle_lists_errors_then_warnings_then_notes_in_order_found() -> None:
    from uvp.core import Finding, Location, Report
    from uvp.workbook import controle_sheet

    def finding(severity: str, row: int) -> Finding:
        location = Location("Blad", row, 1)
        params = {"text": str(row)}
        return Finding("invalid-subtheme", severity, params, location)  # type: ignore[arg-type]

    found = [finding("warning", 1), finding("error", 2), finding("info", 3)]
    found += [finding("warning", 4), finding("error", 5)]
    sheet = controle_sheet(Report(tuple(found)), title="Controle")
    rows = sheet.rows()[4:]
    assert [(r[0], r[3]) for r in rows] == [
        ("fout", "A2"),
        ("fout", "A5"),
        ("waarschuwing", "A1"),
        ("waarschuwing", "A4"),
        ("info", "A3"),
    ]
    assert [r[1] for r in rows] == [
        f.title("nl") for f in (found[1], found[4], found[0], found[3], found[2])
    ]


def test_evaluation_sheet_figures_and_chart(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", path)
    evaluation = evaluate_workbook(path, PEILDATUM)
    expected = evaluate_plan(uvp.load(EXAMPLES / "nijkerk-2024.json"), PEILDATUM)
    assert evaluation == expected
    ws = openpyxl.load_workbook(path)["Evaluatie"]
    end = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "Totaal")
    rows = {
        ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 10)] for r in range(5, end + 1)
    }
    total = expected.total
    segments = [count for _, count in total.segments()]
    assert rows["Totaal"] == [total.actions, *segments, total.cancelled, total.percent_done]
    assert rows["Ondermijnende criminaliteit"][0] == 19
    headers = [ws.cell(4, c) for c in range(1, 10)]
    assert [h.value for h in headers[2:7]] == ["Gereed", "Loopt", "Aandacht", "Te laat", "Overig"]
    assert {h.alignment.horizontal for h in headers[1:]} == {"right"}  # as their figures
    # Printed a page wide and as many pages down as it takes, its title on each page.
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$2"
    # The chart's figures stand in hidden columns; the chart draws them, in uvp's colours.
    hidden = [letter for letter, d in ws.column_dimensions.items() if d.hidden]
    assert hidden
    assert all(ws[f"{letter}4"].value for letter in hidden)
    (chart,) = ws._charts
    assert not chart.visible_cells_only
    colours = [s.graphicalProperties.solidFill.srgbClr for s in chart.series]
    assert colours == ["14532D", "5B9BD5", "F39C12", "D64541", "D9D9D9"]
    stands = [ws.cell(r, 2).value for r in range(end + 1, ws.max_row + 1)]
    assert "nog te behalen" in stands
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 1
    evaluate_workbook(path, PEILDATUM)
    with zipfile.ZipFile(path) as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/charts/chart")]) == 1


def _with_extra_part(path: Path, name: str, data: bytes) -> None:
    temporary = path.with_suffix(".tmp")
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr(name, data)
    temporary.replace(path)


def _chart_on_user_sheet(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    ws = book["Plan"]
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=3, max_row=4))
    ws.add_chart(chart, "H2")
    book.save(path)


@pytest.mark.parametrize(
    ("spoil", "kept"),
    [
        (_chart_on_user_sheet, "xl/charts/chart1.xml"),
        (lambda p: _with_extra_part(p, "xl/vbaProject.bin", b"\0" * 64), "xl/vbaProject.bin"),
        (
            lambda p: _with_extra_part(p, "xl/threadedComments/threadedComment1.xml", b"<x/>"),
            "xl/threadedComments/threadedComment1.xml",
        ),
        (
            lambda p: _with_extra_part(p, "xl/slicers/slicer1.xml", b"<x/>"),
            "xl/slicers/slicer1.xml",
        ),
    ],
    ids=["chart", "vba", "threaded-comments", "slicer"],
)
def test_what_openpyxl_would_lose_is_kept_byte_for_byte(
    tmp_path: Path, spoil: Any, kept: str
) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    spoil(path)
    with zipfile.ZipFile(path) as archive:
        original = archive.read(kept)
    fill_workbook(path)
    evaluate_workbook(path, PEILDATUM)
    validate_workbook(path, write=True)
    with zipfile.ZipFile(path) as archive:
        assert archive.read(kept) == original
    assert uvp.read_workbook(path).municipality == "Scherpenzeel"


def test_a_workbook_open_in_excel_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    (tmp_path / "~$plan.xlsx").write_bytes(b"lock")
    original = path.read_bytes()
    with pytest.raises(uvp.WorkbookError) as caught:
        fill_workbook(path)
    assert caught.value.code == "workbook-locked"
    assert "geopend in Excel" in caught.value.message("nl")
    assert path.read_bytes() == original


def test_new_workbook_is_ready_to_fill_in(tmp_path: Path) -> None:
    path = new_workbook(tmp_path / "uvp-2025.xlsx", "Barneveld", 2025)
    plan = uvp.read_workbook(path)
    assert (plan.municipality, plan.year, len(plan.actions)) == ("Barneveld", 2025, 0)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Plan", "Doelen", "Definities", "Prioriteit 1", "Woordenlijst"]
    ws = book["Prioriteit 1"]
    header = [ws.cell(4, c).value for c in range(1, 6)]
    assert header == ["Acties", "Trekker", "Kwartaal", "Toelichting", "Status"]
    (validation,) = ws.data_validations.dataValidation
    assert str(validation.sqref) == "E5:E204"
    assert ws.page_setup.orientation == "landscape"
    with pytest.raises(uvp.WorkbookError) as caught:
        new_workbook(path, "Barneveld", 2025)
    assert caught.value.code == "workbook-exists"
    # Staff type an action in; it reads back.
    ws["A5"], ws["B5"], ws["C5"], ws["E5"] = "We organiseren een avond.", "Barneveld", "Q2", "Loopt"
    book.save(path)
    (action,) = uvp.read_workbook(path).actions
    assert [str(a) for a in action.assignments] == ["Barneveld: Q2"]
    assert action.status == "running"
    # The empty Woordenlijst explains itself; a word staff add there is read.
    words = book["Woordenlijst"]
    header = next(r for r in range(1, 20) if words.cell(r, 1).value == "Term")
    assert [words.cell(header, c).value for c in range(1, 4)] == ["Term", "Soort", "Betekenis"]
    assert "Woordenlijst" in str(words["A1"].value)
    assert words.freeze_panes == f"A{header + 1}"
    # The explanation prints within the table's width: a line a row, none wider.
    explanation = [words.cell(r, 1).value for r in range(2, header) if words.cell(r, 1).value]
    assert len(explanation) > 2
    assert all(text_width(line) < 28 + 14 + 40 for line in explanation)
    row = header + 1
    words[f"A{row}"], words[f"B{row}"], words[f"C{row}"] = "na de kermis", "Kwartaal", "Q3"
    ws["C5"] = "Na de kermis"
    book.save(path)
    (action,) = uvp.read_workbook(path).actions
    assert [str(a) for a in action.assignments] == ["Barneveld: Q3"]
