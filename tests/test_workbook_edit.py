"""Editing a workbook package in place: what uvp changes, and how it stays readable.

The corpus test (tests/test_corpus.py) shows nothing else changes; these show
the details: text stays literal, the calculation chain, Strict Open XML, a
rerun that replaces uvp's own sheet in its place, and refusals that write
nothing anywhere.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from lxml import etree
from typer.testing import CliRunner

import uvp
from tests.conftest import EXAMPLES
from tests.corpus_run import MUNICIPALITY, YEAR, with_plan
from tests.package_diff import losses
from uvp.cli import app
from uvp.workbook import evaluate_workbook, fill_workbook, load_values, validate_workbook
from uvp.workbook._edit import PackageTarget
from uvp.workbook._package import STRICT, Package

CORPUS = Path(__file__).parent / "corpus" / "files"
PEILDATUM = dt.date(2024, 10, 1)
runner = CliRunner()


def _planned(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(with_plan((CORPUS / name).read_bytes(), into_first_sheet=False))
    return path


def _saved(target: PackageTarget, path: Path) -> Path:
    target.commit()
    target.package.save(path)
    return path


@pytest.mark.parametrize(
    "text",
    ["_x000D_", "a_x0000_b", "_x005F_", "plain_text", "  spaced  ", "line\nbreak"],
    ids=["cr-escape", "nul-escape", "escaped-underscore", "underscore", "spaces", "newline"],
)
def test_text_that_looks_like_an_escape_stays_literal(tmp_path: Path, text: str) -> None:
    target = PackageTarget(Package.open(EXAMPLES / "nijkerk-2024.xlsx"))
    target.set_value("Plan", 20, 5, text)
    path = _saved(target, tmp_path / "out.xlsx")
    # python-calamine reads the escape as Excel does (openpyxl leaves inline text escaped).
    assert load_values(path)["Plan"][19][4] == text


def test_numbers_stay_numbers_and_a_formula_text_stays_text(tmp_path: Path) -> None:
    target = PackageTarget(Package.open(EXAMPLES / "nijkerk-2024.xlsx"))
    target.set_value("Plan", 20, 1, 3)
    target.set_value("Plan", 20, 2, 0.25)
    target.set_value("Plan", 20, 3, "=1+1")
    ws = openpyxl.load_workbook(_saved(target, tmp_path / "out.xlsx"))["Plan"]
    assert [ws.cell(20, c).value for c in (1, 2, 3)] == [3, 0.25, "=1+1"]
    assert ws.cell(20, 3).data_type == "s"


def test_an_illegal_character_is_refused() -> None:
    target = PackageTarget(Package.open(EXAMPLES / "nijkerk-2024.xlsx"))
    with pytest.raises(uvp.WorkbookError) as caught:
        target.set_value("Plan", 20, 1, "bel\x07")
    assert caught.value.code == "workbook-illegal-character"
    assert caught.value.message("nl").startswith("'Plan'!A20: Plan: ")


def _with_calc_chain(path: Path) -> None:
    """Give the Plan sheet a formula in E20 and the workbook a calculation chain."""
    package = Package.open(path)
    sheet = package.sheet_part("Plan")
    assert sheet is not None
    data = package.read(sheet).replace(
        b"</sheetData>",
        b'<row r="20"><c r="E20"><f>1+1</f><v>2</v></c><c r="F20"><f>2+2</f><v>4</v></c>'
        b"</row></sheetData>",
    )
    package.write(sheet, data)
    ns = package.main_ns
    package.write(
        "xl/calcChain.xml",
        f'<calcChain xmlns="{ns}"><c r="E20" i="1"/><c r="F20"/></calcChain>'.encode(),
    )
    package.relate(package.workbook_part, "calcChain", "xl/calcChain.xml")
    package.set_content_type(
        "xl/calcChain.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
    )
    package.save(path)


def test_an_overwritten_formula_leaves_the_calculation_chain(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", path)
    _with_calc_chain(path)
    target = PackageTarget(Package.open(path))
    target.set_value("Plan", 20, 5, "tekst")
    out = _saved(target, tmp_path / "out.xlsx")
    with zipfile.ZipFile(out) as archive:
        chain = etree.fromstring(archive.read("xl/calcChain.xml"))
    # E20 is gone; F20, which took its sheet from E20's entry, now says it itself.
    assert [(c.get("r"), c.get("i")) for c in chain] == [("F20", "1")]
    target = PackageTarget(Package.open(out))
    target.set_value("Plan", 20, 6, None)
    with zipfile.ZipFile(_saved(target, tmp_path / "out2.xlsx")) as archive:
        names = archive.namelist()
        assert "xl/calcChain.xml" not in names  # empty: gone, with its relationship
        assert b"calcChain" not in archive.read("xl/_rels/workbook.xml.rels")
        assert b"calcChain" not in archive.read("[Content_Types].xml")


@pytest.mark.parametrize("name", ["poi-SimpleStrict.xlsx", "poi-sample.strict.xlsx"])
def test_strict_open_xml_is_read_and_written_like_transitional(tmp_path: Path, name: str) -> None:
    path = _planned(tmp_path, name)
    before = uvp.read_workbook(path, municipality=MUNICIPALITY, year=YEAR)
    sheets = list(load_values(path))
    fill_workbook(path, municipality=MUNICIPALITY, year=YEAR)
    validate_workbook(path, write=True, municipality=MUNICIPALITY, year=YEAR)
    evaluate_workbook(path, PEILDATUM, municipality=MUNICIPALITY, year=YEAR)
    assert list(load_values(path)) == [*sheets, "Controle", "Evaluatie"]
    assert uvp.read_workbook(path, municipality=MUNICIPALITY, year=YEAR) == before
    package = Package.open(path)
    assert package.strict
    for sheet in ("Controle", "Evaluatie", "UVP-acties"):
        part = package.sheet_part(sheet)
        assert part is not None
        assert etree.QName(package.tree(part)).namespace == STRICT["main"], sheet
    with zipfile.ZipFile(path) as archive:
        for part in archive.namelist():
            if part.endswith((".xml", ".rels")):
                assert b"schemas.openxmlformats.org/spreadsheetml" not in archive.read(part), part


def test_a_workbook_with_vba_stays_a_macro_workbook(tmp_path: Path) -> None:
    path = _planned(tmp_path, "calamine-vba.xlsm")
    original = zipfile.ZipFile(path).read("xl/vbaProject.bin")
    types = zipfile.ZipFile(path).read("[Content_Types].xml")
    assert b"macroEnabled" in types
    out = tmp_path / "out" / path.name
    fill_workbook(path, municipality=MUNICIPALITY, year=YEAR, output=out)
    with zipfile.ZipFile(out) as archive:
        assert archive.read("xl/vbaProject.bin") == original
        assert b"sheet.macroEnabled.main+xml" in archive.read("[Content_Types].xml")
    assert out.suffix == ".xlsm"


def test_a_rerun_replaces_uvps_sheet_in_its_place_with_its_parts(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", path)
    evaluate_workbook(path, PEILDATUM)
    # The user moves Evaluatie to the front and prints it with a print area.
    package = Package.open(path)
    sheets = package.edit(package.workbook_part).find(package.q("sheets"))
    assert sheets is not None
    evaluatie = sheets[-1]
    sheets.remove(evaluatie)
    sheets.insert(0, evaluatie)
    workbook = package.edit(package.workbook_part)
    names = etree.SubElement(workbook, package.q("definedNames"))
    workbook.remove(names)
    workbook.insert(list(workbook).index(sheets) + 1, names)
    area = etree.SubElement(names, package.q("definedName"), name="_xlnm.Print_Area")
    area.set("localSheetId", "0")
    area.text = "Evaluatie!$A$1:$H$20"
    total = etree.SubElement(names, package.q("definedName"), name="Totaal")
    total.text = "Plan!$B$2"
    package.save(path)
    before = path.read_bytes()
    evaluate_workbook(path, PEILDATUM)
    assert losses(before, path.read_bytes()) == []
    package = Package.open(path)
    assert next(name for name, _ in package.sheets()) == "Evaluatie"
    with zipfile.ZipFile(path) as archive:
        parts = archive.namelist()
        workbook_xml = archive.read("xl/workbook.xml")
    assert len([p for p in parts if p.startswith("xl/charts/chart")]) == 1
    assert len([p for p in parts if p.startswith("xl/drawings/drawing")]) == 1
    assert b"_xlnm.Print_Area" not in workbook_xml  # local to the old sheet: gone with it
    assert b"Totaal" in workbook_xml
    assert uvp.read_workbook(path) == uvp.load(EXAMPLES / "nijkerk-2024.json")


@pytest.mark.parametrize("command", ["evaluate", "validate-write", "fill"])
def test_the_same_command_twice_writes_the_same_file(tmp_path: Path, command: str) -> None:
    # uvp's own sheet is replaced part for part under the same names: a rerun that has
    # nothing new to say changes no byte (a folder under version control sees no change).
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    run = {
        "evaluate": lambda: evaluate_workbook(path, PEILDATUM),
        "validate-write": lambda: validate_workbook(path, write=True),
        "fill": lambda: fill_workbook(path),
    }[command]
    run()
    first = path.read_bytes()
    run()
    assert path.read_bytes() == first


def test_uvps_sheets_leave_the_users_selected_sheet_selected(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    book = openpyxl.load_workbook(EXAMPLES / "scherpenzeel-2024.xlsx")
    book["Doelen"].sheet_view.tabSelected = True
    book.active = book["Doelen"]
    book.save(path)
    validate_workbook(path, write=True)
    book = openpyxl.load_workbook(path)
    selected = [ws.title for ws in book.worksheets if ws.sheet_view.tabSelected]
    assert selected == ["Doelen"]
    ws = book["Controle"]
    assert ws["A1"].font.b
    links = [c.hyperlink for row in ws.iter_rows() for c in row if c.hyperlink is not None]
    assert links
    assert all((link.target or "").startswith("#") or link.location for link in links)


def test_a_comment_in_the_last_cell_of_a_sheet_is_read(tmp_path: Path) -> None:
    """Excel writes the cell a comment hangs on; it holds no value, so it is no reach."""
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", path)
    package = Package.open(path)
    sheet = package.sheet_part("Plan")
    assert sheet is not None
    data = package.read(sheet)
    data = data.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'
    )
    package.write(sheet, data)
    out = io.BytesIO()
    package.save(out)
    path.write_bytes(out.getvalue())
    assert uvp.read_workbook(path) == uvp.load(EXAMPLES / "nijkerk-2024.json")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", ["fill", "validate", "evaluate"])
def test_a_refusal_writes_nothing_anywhere_and_exits_2(tmp_path: Path, command: str) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes((CORPUS / "poi-protect.xlsx").read_bytes())  # encrypted
    out = tmp_path / "uit"
    args = [command, str(path), "-o", str(out)] + (["--write"] if command == "validate" else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert str(path) in result.stderr
    assert "wachtwoord" in result.stderr or "versleuteld" in result.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_output_folder_gets_the_result_and_the_input_stays(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
    original = path.read_bytes()
    out = tmp_path / "uit"
    result = runner.invoke(app, ["fill", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == original
    assert sorted(p.name for p in out.iterdir()) == ["plan.xlsx"]  # no backup beside a copy
    assert losses(original, (out / "plan.xlsx").read_bytes()) == []


def test_strict_open_xml_without_calamine_is_named_not_called_damaged() -> None:
    # Excel's own Python (Pyodide) has no python-calamine; openpyxl reads no Strict sheet.
    path = CORPUS / "poi-SimpleStrict.xlsx"
    code = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] == 'python_calamine':
            raise ImportError(name)
sys.meta_path.insert(0, Block())
import uvp
try:
    uvp.read_workbook({str(path)!r}, municipality='X', year=2024)
except uvp.WorkbookError as error:
    print(error.code)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "workbook-strict", result.stderr


def test_a_formula_in_uvps_sheet_asks_excel_to_recalculate(tmp_path: Path) -> None:
    target = PackageTarget(Package.open(CORPUS / "poi-WithChart.xlsx"))
    target.replace_sheet("Controle")
    target.set_value("Controle", 1, 1, "tekst")
    openpyxl_book = target._owned["Controle"].book
    openpyxl_book["Controle"]["A2"] = "=1+1"  # uvp writes none today; if it ever does
    out = _saved(target, tmp_path / "out.xlsx")
    with zipfile.ZipFile(out) as archive:
        assert b'fullCalcOnLoad="1"' in archive.read("xl/workbook.xml")


def test_the_plan_sheet_rows_go_into_a_users_workbook_by_editing_it(tmp_path: Path) -> None:
    """write_plan_info (the add-in's question for Gemeente and Jaar) on the file target."""
    from uvp.workbook import inspect_workbook, write_plan_info

    path = tmp_path / "plan.xlsx"
    path.write_bytes(with_plan((CORPUS / "poi-WithChart.xlsx").read_bytes()))
    package = Package.open(path)
    plan = package.sheet_part("Plan")
    assert plan is not None
    # A Plan sheet that says nothing yet: its rows go into its empty cells.
    package.write(plan, re.sub(rb'<c r="B[12]".*?</c>', b"", package.read(plan)))
    package.save(path)
    result = inspect_workbook(path, municipality="Testdorp", year=2024)
    target = PackageTarget(Package.open(path))
    written = write_plan_info(target, attrs.evolve(result, municipality=None, year=None),
                              municipality="Testdorp", year=2024)  # fmt: skip
    out = _saved(target, tmp_path / "out.xlsx")
    assert written == ("municipality", "year")
    assert uvp.read_workbook(out).municipality == "Testdorp"
    assert losses(path.read_bytes(), out.read_bytes()) == []


def test_row_heights_and_links_in_a_users_sheet(tmp_path: Path) -> None:
    """What the Target may one day ask of a user's sheet: a row's height, a link."""
    package = Package.open(EXAMPLES / "nijkerk-2024.xlsx")
    part = package.sheet_part("Plan")
    assert part is not None
    target = PackageTarget(package)
    editor = target._editor("Plan")
    editor.row_height(30, 42)
    editor.link(30, 2, "'Doelen'!A1")
    editor.link(30, 2, "'Doelen'!A2")  # a rerun replaces uvp's link
    ws = openpyxl.load_workbook(_saved(target, tmp_path / "out.xlsx"))["Plan"]
    assert ws.row_dimensions[30].height == 42
    assert ws.cell(30, 2).hyperlink.location == "'Doelen'!A2"
    assert len(ws._hyperlinks) <= 1
