"""The add-in's buttons on xlwings' real remote engine, against the command line's result.

There is no Excel on Linux: the nearest real thing is xlwings' remote engine
(what xlwings Server and Lite run) fed the payload Excel's Office.js client
sends, with the actions it answers applied back to the file as Excel would.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwings as xw
from openpyxl.workbook.defined_name import DefinedName

import uvp
from tests.conftest import EXAMPLES
from tests.officejs import Excel, payload
from tests.workbooks import make_workbook, without_plan_sheet
from uvp import addin
from uvp.workbook import XlwingsTarget, evaluate_workbook, fill_workbook, validate_workbook

PEILDATUM = dt.date(2024, 10, 1)


def _with_peildatum(path: Path) -> Path:
    book = openpyxl.load_workbook(path)
    book["Plan"]["H3"] = "Peildatum"
    book["Plan"]["I3"] = PEILDATUM
    book.defined_names["Peildatum"] = DefinedName("Peildatum", attr_text="Plan!$I$3")
    book.save(path)
    return path


def run_button(path: Path, button: Callable[[xw.Book], Any]) -> tuple[Any, Excel]:
    """Press a ribbon button on the workbook at *path*, and apply its answer to the file."""
    book = xw.Book(json=payload(path))
    outcome = button(book)
    excel = Excel(path)
    excel.apply(book.json()["actions"])
    excel.save()
    return outcome, excel


def contents(path: Path) -> dict[str, Any]:
    """What a person sees of a workbook: values, fills, drop-downs, rules and links."""
    book = openpyxl.load_workbook(path)
    sheets = {}
    for ws in book.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                fill = c.fill.fgColor.rgb if c.fill.fill_type == "solid" else None
                link = c.hyperlink.location or c.hyperlink.target if c.hyperlink else None
                if c.value is not None or fill or link:
                    cells[c.coordinate] = (
                        c.value,
                        c.data_type,
                        str(fill)[-6:] if fill else None,
                        (link or "").lstrip("#") or None,
                    )
        sheets[ws.title] = {
            "cells": cells,
            "validations": sorted(
                (str(v.sqref), v.type, v.formula1) for v in ws.data_validations.dataValidation
            ),
            "rules": sorted(
                (str(r.sqref), tuple(rule.formula))
                for r in ws.conditional_formatting
                for rule in r.rules
            ),
            "freeze": ws.freeze_panes,
        }
    return {"order": book.sheetnames, "sheets": sheets}


def _pair(tmp_path: Path, name: str) -> tuple[Path, Path]:
    cli, xl = tmp_path / "cli" / f"{name}.xlsx", tmp_path / "addin" / f"{name}.xlsx"
    for path in (cli, xl):
        path.parent.mkdir()
        shutil.copy(EXAMPLES / f"{name}.xlsx", path)
        _with_peildatum(path)
    return cli, xl


@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"])
def test_kwartalen_vullen_gives_what_uvp_fill_gives(tmp_path: Path, name: str) -> None:
    cli, xl = _pair(tmp_path, name)
    fill_workbook(cli)
    filled, excel = run_button(xl, addin.fill_quarters)
    assert filled is not None
    assert filled.marked == len(uvp.read_workbook(cli).actions)
    assert contents(xl) == contents(cli)
    assert "Kwartaalkolommen ingevuld bij" in excel.alerts[0]


@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"])
def test_controleren_gives_what_uvp_validate_write_gives(tmp_path: Path, name: str) -> None:
    cli, xl = _pair(tmp_path, name)
    expected = validate_workbook(cli, write=True, peildatum=PEILDATUM)
    report, excel = run_button(xl, addin.validate)
    assert report is not None
    assert report.findings == expected.findings
    assert contents(xl) == contents(cli)
    assert "Controle" in excel.alerts[0]


@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"])
def test_evaluatie_gives_what_uvp_evaluate_gives(tmp_path: Path, name: str) -> None:
    cli, xl = _pair(tmp_path, name)
    expected = evaluate_workbook(cli, PEILDATUM)
    evaluation, excel = run_button(xl, addin.write_evaluation)
    assert evaluation == expected  # the peildatum came from the cell named Peildatum
    assert contents(xl) == contents(cli)
    assert excel.charts == {"Evaluatie": 1}
    assert "Blad Evaluatie geschreven (peildatum 01-10-2024)" in excel.alerts[0]


def test_exporteren_puts_the_plans_json_in_a_sheet(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    text, _ = run_button(path, addin.export_json)
    assert uvp.from_json(text) == uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    ws = openpyxl.load_workbook(path)["JSON"]
    lines = [ws.cell(r, 1).value or "" for r in range(1, ws.max_row + 1)]
    assert uvp.from_json("\n".join(lines)) == uvp.load(EXAMPLES / "scherpenzeel-2024.json")


def test_peildatum_from_the_plan_sheet_or_today(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", path)
    book = xw.Book(json=payload(path))
    assert addin.peildatum_of(book, addin.read_book(book)) == dt.date.today()
    plan = openpyxl.load_workbook(path)
    plan["Plan"]["A6"], plan["Plan"]["B6"] = "Peildatum", "1-7-2024"
    plan.save(path)
    book = xw.Book(json=payload(path))
    assert addin.peildatum_of(book, addin.read_book(book)) == dt.date(2024, 7, 1)


def test_problems_become_a_dutch_message_box(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "adressen.xlsx", {"Blad1": [["Naam", "Adres"], ["Jan", "Dorpsstraat 1"]]}
    )
    for button in (addin.validate, addin.fill_quarters, addin.write_evaluation, addin.export_json):
        outcome, excel = run_button(path, button)
        assert outcome is None
        (message,) = excel.alerts
        assert "geen actietabel" in message
        assert "Traceback" not in message


def test_text_is_never_written_as_a_formula(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "plan.xlsx", {"Blad1": [["x"]]})
    book = xw.Book(json=payload(path))
    target = XlwingsTarget(book)
    target.set_value("Blad1", 2, 1, '=HYPERLINK("http://example.invalid","klik")')
    target.set_value("Blad1", 3, 1, "- het PJGU feest")
    target.flush()
    excel = Excel(path)
    excel.apply(book.json()["actions"])
    ws = excel.book["Blad1"]
    assert (ws["A2"].value, ws["A2"].data_type) == (
        '=HYPERLINK("http://example.invalid","klik")',
        "s",
    )
    assert (ws["A3"].value, ws["A3"].data_type) == ("- het PJGU feest", "s")


def test_a_workbook_that_does_not_say_whose_plan_gets_advice_for_excel(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "planning.xlsx", {"Blad1": [["Acties", "Trekker"], ["Iets.", "Ede"]]}
    )
    outcome, excel = run_button(path, addin.export_json)
    assert outcome is None
    (message,) = excel.alerts
    assert "blad Plan" in message
    assert "--gemeente" not in message


# -- a workbook that does not say its municipality or year -----------------------------------


def _without_plan_sheet(tmp_path: Path, name: str, folder: str = "addin") -> Path:
    return without_plan_sheet(EXAMPLES / f"{name}.xlsx", tmp_path / folder / "werkmap.xlsx")


@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"])
def test_kwartalen_vullen_needs_neither_year_nor_municipality(tmp_path: Path, name: str) -> None:
    xl = _without_plan_sheet(tmp_path, name)
    cli = _without_plan_sheet(tmp_path, name, "cli")
    fill_workbook(cli, municipality="Ergens", year=2024)  # the CLI is told them
    filled, excel = run_button(xl, addin.fill_quarters)
    assert filled is not None
    assert excel.alerts[0].startswith("Kwartaalkolommen ingevuld")
    assert contents(xl) == contents(cli)


@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"])
def test_controleren_without_a_year_checks_all_but_overdue(tmp_path: Path, name: str) -> None:
    xl = _without_plan_sheet(tmp_path, name)
    report, excel = run_button(xl, addin.validate)
    assert report is not None
    # What uvp validate finds without a peildatum, where it is told the year.
    municipality = uvp.load(EXAMPLES / f"{name}.json").municipality
    expected = validate_workbook(xl, municipality=municipality, year=2024)
    assert "overdue" not in report.codes()
    assert {f.code for f in report.findings} <= {f.code for f in expected.findings}
    ws = openpyxl.load_workbook(xl)["Controle"]
    assert ws["A1"].value == "Controle Uitvoeringsplan Veiligheid"
    assert ws["A3"].value.startswith("Te late acties zijn niet gecontroleerd")
    assert "Te late acties zijn niet gecontroleerd" in excel.alerts[0]


MISSING = {
    # button, the workbook, what was given -> what the button still needs
    "fill-without-anything": ("fill_quarters", "no-plan-sheet", {}, ()),
    "validate-without-anything": ("validate", "no-plan-sheet", {}, ()),
    "evaluate-without-anything": (
        "write_evaluation",
        "no-plan-sheet",
        {},
        ("municipality", "year"),
    ),
    "export-without-anything": ("export_json", "no-plan-sheet", {}, ("municipality", "year")),
    "export-given-the-year": ("export_json", "no-plan-sheet", {"year": 2024}, ("municipality",)),
    "export-given-both": (
        "export_json",
        "no-plan-sheet",
        {"municipality": "Ede", "year": 2024},
        (),
    ),
    "export-of-a-full-plan": ("export_json", "example", {}, ()),
    "export-of-no-plan-at-all": ("export_json", "addresses", {}, ()),
}


@pytest.mark.parametrize(
    ("script", "workbook", "given", "needed"), MISSING.values(), ids=MISSING.keys()
)
def test_what_a_button_still_needs(
    tmp_path: Path, script: str, workbook: str, given: dict[str, Any], needed: tuple[str, ...]
) -> None:
    if workbook == "no-plan-sheet":
        path = _without_plan_sheet(tmp_path, "scherpenzeel-2024")
    elif workbook == "example":
        path = tmp_path / "plan.xlsx"
        shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    else:
        path = make_workbook(tmp_path / "adressen.xlsx", {"Blad1": [["Naam"], ["Jan"]]})
    book = xw.Book(json=payload(path))
    assert addin.missing(book, addin.NEEDS[script], **given) == needed


def test_exporteren_without_them_says_where_to_write_them(tmp_path: Path) -> None:
    path = _without_plan_sheet(tmp_path, "scherpenzeel-2024")
    text, excel = run_button(path, addin.export_json)
    assert text is None
    (message,) = excel.alerts
    assert "blad Plan" in message
    assert "Plan" not in openpyxl.load_workbook(path).sheetnames


@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"])
def test_what_the_user_gives_goes_on_a_new_plan_sheet(tmp_path: Path, name: str) -> None:
    path = _without_plan_sheet(tmp_path, name)
    municipality = uvp.load(EXAMPLES / f"{name}.json").municipality
    book = xw.Book(json=payload(path))
    text = addin.export_json(book, municipality=municipality, year=2024)
    assert text is not None
    excel = Excel(path)
    excel.apply(book.json()["actions"])
    excel.save()
    assert excel.alerts[0].startswith(
        f"Op het blad Plan staat nu Gemeente {municipality} en Jaar 2024."
    )
    ws = openpyxl.load_workbook(path)["Plan"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["Gemeente", municipality],
        ["Jaar", 2024],
    ]
    # The workbook says them now: the plan read from it is the one exported.
    assert uvp.read_workbook(path) == uvp.from_json(text)
    assert addin.missing(xw.Book(json=payload(path)), addin.NEEDS["export_json"]) == ()


PLAN_SHEETS = {
    # the Plan sheet's rows -> where Gemeente and Jaar go (or None: no room)
    "free-row-above-the-table": (
        [["Uitvoeringsplan"], [None], ["Prioriteit", "Soort", "Blad", "Thema"]],
        {"A2": "Jaar", "B2": 2025},
    ),
    "empty-label": (
        [["Jaar"], ["Gemeente", "Ede"], ["Prioriteit", "Soort", "Blad", "Thema"]],
        {"B1": 2025},
    ),
    "no-table": ([["Gemeente", "Ede"]], {"A2": "Jaar", "B2": 2025}),
    "no-room": ([["Gemeente", "Ede"], ["Prioriteit", "Soort", "Blad", "Thema"]], None),
}


@pytest.mark.parametrize(("rows", "written"), PLAN_SHEETS.values(), ids=PLAN_SHEETS.keys())
def test_the_year_goes_into_free_cells_above_the_plan_table(
    tmp_path: Path, rows: list[list[Any]], written: dict[str, Any] | None
) -> None:
    path = _without_plan_sheet(tmp_path, "scherpenzeel-2024")
    book = openpyxl.load_workbook(path)
    plan = book.create_sheet("Plan", 0)
    for row in rows:
        plan.append(row)
    book.save(path)
    before = contents(path)
    result, excel = run_button(path, lambda b: addin.validate(b, year=2025))
    after = contents(path)
    if written is None:
        assert result is None
        assert "geen lege regel meer" in excel.alerts[0]
        assert after == before
        return
    assert result is not None
    changed = {
        cell: value[0]
        for cell, value in after["sheets"]["Plan"]["cells"].items()
        if before["sheets"]["Plan"]["cells"].get(cell) != value
    }
    assert changed == written
    assert uvp.read_workbook(path, municipality="Ede").year == 2025
