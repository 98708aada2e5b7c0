"""The ribbon's Regio group on xlwings' real remote engine, against the command line.

*Kwartaalrapportage* must write, cell for cell, the sheet ``uvp report -o`` writes;
*Vergelijken* the ``Regio`` sheet ``uvp compare -o`` writes for the same plans, but
for its links (the open plan's go to its own cells; where the picked files are on
the user's PC is unknown, so theirs are named without a link). The plans the user
picks arrive as names and bytes: a hostile name is only a label, and a file that is
not a plan, too large, a zip bomb or nested JSON ends in one Dutch message box, with
the workbook unchanged and nothing left on disk.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

import uvp
from tests.conftest import EXAMPLES
from tests.test_addin import PEILDATUM, _with_peildatum, contents, run_button
from tests.test_workbook_hostile import MIB, bomb_sheet
from tests.workbooks import make_workbook, without_plan_sheet
from uvp import addin
from uvp.addin import PlanFile
from uvp.cli import app
from uvp.region import compare
from uvp.region import quarterly_report as report_of
from uvp.workbook import read_plan

EXAMPLE_NAMES = ["nijkerk-2024", "scherpenzeel-2024"]
runner = CliRunner()


def _link(cell: Any) -> tuple[str | None, str] | None:
    """Where a cell's hyperlink goes: (another file or None for this workbook, the cell)."""
    link = cell.hyperlink
    if link is None:
        return None
    if link.location:
        return (link.target or None, link.location)
    target = str(link.target or "")
    file, _, location = target.partition("#")
    return (file or None, location)


def view(path: Path, name: str) -> dict[str, Any]:
    """What a person sees of one sheet: every cell's value, kind, fill, bold, italic,
    wrapping and link; the column widths, row heights and frozen panes."""
    ws = openpyxl.load_workbook(path)[name]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            fill = str(c.fill.fgColor.rgb)[-6:] if c.fill.fill_type == "solid" else None
            link = _link(c)
            if c.value is not None or fill or link:
                cells[c.coordinate] = (
                    c.value,
                    c.data_type,
                    fill,
                    bool(c.font.b),
                    bool(c.font.i),
                    bool(c.alignment.wrap_text),
                    link,
                )
    return {
        "cells": cells,
        "widths": {k: round(d.width, 1) for k, d in ws.column_dimensions.items() if d.width},
        "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
        "freeze": ws.freeze_panes,
    }


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The temporary folder the entry points may use; empty again afterwards."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == [], "a plan file was left behind"


# -- Kwartaalrapportage --------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_kwartaalrapportage_writes_the_sheet_uvp_report_writes(tmp_path: Path, name: str) -> None:
    cli, xl = tmp_path / "cli" / f"{name}.xlsx", tmp_path / "addin" / f"{name}.xlsx"
    for path in (cli, xl):
        path.parent.mkdir()
        shutil.copy(EXAMPLES / f"{name}.xlsx", path)
        _with_peildatum(path)
    out = tmp_path / "cli" / "rapport.xlsx"
    said = runner.invoke(app, ["report", str(cli), "--peildatum", str(PEILDATUM), "-o", str(out)])
    assert said.exit_code == 0, said.output
    before = contents(xl)
    report, excel = run_button(xl, addin.quarterly_report)
    # The peildatum came from the cell named Peildatum, as for Evaluatie.
    assert report == report_of(uvp.read_workbook(cli), PEILDATUM)
    assert view(xl, "Kwartaalrapportage") == view(out, "Kwartaalrapportage")
    assert excel.charts == {"Kwartaalrapportage": 1}
    # Nothing else in the workbook changed: one sheet more, at the end.
    after = contents(xl)
    assert after["order"] == [*before["order"], "Kwartaalrapportage"]
    del after["sheets"]["Kwartaalrapportage"]
    assert after["sheets"] == before["sheets"]
    (message,) = excel.alerts
    assert message.startswith("Blad Kwartaalrapportage geschreven (peildatum 01-10-2024, Q4): ")


def test_kwartaalrapportage_again_replaces_its_sheet(tmp_path: Path) -> None:
    path = _with_peildatum(shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "plan.xlsx"))
    run_button(path, addin.quarterly_report)
    first = view(path, "Kwartaalrapportage")
    run_button(path, addin.quarterly_report)
    assert openpyxl.load_workbook(path).sheetnames.count("Kwartaalrapportage") == 1
    assert view(path, "Kwartaalrapportage") == first


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_plan_reads_the_same_with_the_region_sheets_in_it(
    tmp_path: Path, private_tmp: Path, name: str
) -> None:
    """The report's and the region view's tables (Actie, Trekker, Kwartaal...) are uvp's
    own sheets: the reader skips them, so the plan and its checks stay what they were."""
    path = _with_peildatum(shutil.copy(EXAMPLES / f"{name}.xlsx", tmp_path / f"{name}.xlsx"))
    other = "scherpenzeel-2024" if name == "nijkerk-2024" else "nijkerk-2024"
    plans = [PlanFile.read(EXAMPLES / f"{other}.xlsx")]
    run_button(path, addin.quarterly_report)
    run_button(path, lambda book: addin.compare_region(book, plans))
    assert {"Kwartaalrapportage", "Regio"} <= set(openpyxl.load_workbook(path).sheetnames)
    assert uvp.read_workbook(path) == uvp.load(EXAMPLES / f"{name}.json")
    assert (
        uvp.validate_workbook(path).findings
        == uvp.validate_workbook(EXAMPLES / f"{name}.xlsx").findings
    )


def test_kwartaalrapportage_on_a_workbook_that_is_no_plan_says_so(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "adressen.xlsx", {"Blad1": [["Naam"], ["Jan"]]})
    outcome, excel = run_button(path, addin.quarterly_report)
    assert outcome is None
    (message,) = excel.alerts
    assert "geen actietabel" in message


# -- Vergelijken ----------------------------------------------------------------------------

COMPARISONS = {
    # the open workbook, the files the user picks
    "nijkerk-beside-a-workbook": ("nijkerk-2024", ["scherpenzeel-2024.xlsx"]),
    "scherpenzeel-beside-json": ("scherpenzeel-2024", ["nijkerk-2024.json"]),
}


def _region_folder(tmp_path: Path, opened: str, picked: list[str]) -> Path:
    folder = tmp_path / "regio"
    folder.mkdir()
    for name in [f"{opened}.xlsx", *picked]:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


@pytest.mark.parametrize(("opened", "picked"), COMPARISONS.values(), ids=COMPARISONS.keys())
def test_vergelijken_writes_the_sheet_uvp_compare_writes(
    tmp_path: Path, private_tmp: Path, opened: str, picked: list[str]
) -> None:
    folder = _region_folder(tmp_path, opened, picked)
    out = folder / "regio.xlsx"
    paths = [str(folder / name) for name in [f"{opened}.xlsx", *picked]]
    said = runner.invoke(app, ["compare", *paths, "-o", str(out)])
    assert said.exit_code == 1, said.output  # the plans differ
    xl = tmp_path / "addin" / f"{opened}.xlsx"
    xl.parent.mkdir()
    shutil.copy(EXAMPLES / f"{opened}.xlsx", xl)
    before = contents(xl)

    plans = [PlanFile.read(folder / name) for name in picked]
    comparison, excel = run_button(xl, lambda book: addin.compare_region(book, plans))

    assert comparison == compare([read_plan(path) for path in paths])
    expected = view(out, "Regio")
    linked = 0
    for cell, (*rest, link) in expected["cells"].items():
        if link is not None:
            file, location = link
            # The open plan's actions link to their cells in it; the picked files are
            # named (file and cell) without a link.
            own = file == f"{opened}.xlsx"
            expected["cells"][cell] = (*rest, (None, location) if own else None)
            linked += own
    assert linked > 0
    assert view(xl, "Regio") == expected
    after = contents(xl)
    assert after["order"] == [*before["order"], "Regio"]
    del after["sheets"]["Regio"]
    assert after["sheets"] == before["sheets"]
    (message,) = excel.alerts
    assert message.startswith(f"Blad Regio geschreven: {comparison.municipalities[0]}, ")


def test_vergelijken_leaves_out_a_picked_copy_of_the_open_plan(
    tmp_path: Path, private_tmp: Path
) -> None:
    xl = shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "nijkerk-2024.xlsx")
    plans = [
        PlanFile.read(EXAMPLES / "nijkerk-2024.json"),
        PlanFile.read(EXAMPLES / "scherpenzeel-2024.xlsx"),
    ]
    comparison, excel = run_button(xl, lambda book: addin.compare_region(book, plans))
    assert comparison is not None
    assert comparison.municipalities == ("Nijkerk", "Scherpenzeel")
    (message,) = excel.alerts
    assert message.endswith(
        "Niet vergeleken: nijkerk-2024.json, het plan van Nijkerk zelf; vergeleken is met "
        "deze werkmap."
    )


def _plan_bytes(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()


def _addresses(folder: Path) -> bytes:
    return make_workbook(folder / "adressen.xlsx", {"Blad1": [["Naam"], ["Jan"]]}).read_bytes()


def _without_municipality(folder: Path) -> bytes:
    path = without_plan_sheet(EXAMPLES / "scherpenzeel-2024.xlsx", folder / "werkmap.xlsx")
    return path.read_bytes()


def _bomb(folder: Path) -> bytes:
    path = folder / "bom.xlsx"
    bomb_sheet(path, 100 * MIB)
    return path.read_bytes()


Picked = Callable[[Path], list[PlanFile]]
REFUSED: dict[str, tuple[Picked, str]] = {
    "no-plan-picked": (lambda _: [], "Vergelijken kan alleen met plannen van minstens twee"),
    "only-the-open-plans-own": (
        lambda _: [PlanFile("nijkerk-2024.json", _plan_bytes("nijkerk-2024.json"))],
        "Vergelijken kan alleen met plannen van minstens twee",
    ),
    "not-a-plan-file-kind": (
        lambda _: [PlanFile("adressen.csv", b"naam;adres\nJan;Dorpsstraat 1\n")],
        "adressen.csv: uvp leest alleen plannen in .xlsx-, .xlsm- en .json-bestanden.",
    ),
    "a-name-without-ending": (
        lambda _: [PlanFile("..", _plan_bytes("scherpenzeel-2024.json"))],
        "..: uvp leest alleen plannen in",
    ),
    "text-named-xlsx": (
        lambda _: [PlanFile("plan.xlsx", b"Prioriteit;Actie;Trekker\n" * 1000)],
        "plan.xlsx: dit is geen Excel-werkmap",
    ),
    "a-workbook-that-is-no-plan": (
        lambda folder: [PlanFile("adressen.xlsx", _addresses(folder))],
        "adressen.xlsx: geen actietabel gevonden",
    ),
    "a-plan-that-does-not-say-whose": (
        lambda folder: [PlanFile("werkmap.xlsx", _without_municipality(folder))],
        "werkmap.xlsx: dat plan zegt niet van welke gemeente het is. Open het in Excel",
    ),
    "a-zip-bomb": (
        lambda folder: [PlanFile("bom.xlsx", _bomb(folder))],
        "bom.xlsx: xl/worksheets/sheet1.xml unpacks to 104,857,600 bytes; uvp pakt",
    ),
    "a-huge-file-of-junk": (
        lambda _: [PlanFile("groot.xlsx", b"PK\x03\x04" + b"\x00" * (15 * MIB))],
        "groot.xlsx: de werkmap is beschadigd",
    ),
    "json-nested-too-deeply": (
        lambda _: [PlanFile("diep.json", b"[" * 100_000)],
        "diep.json: geen geldige JSON",
    ),
    "json-that-is-no-plan": (
        lambda _: [PlanFile("lijst.json", b'{"naam": "Jan"}')],
        "lijst.json: het veld schema_version ontbreekt",
    ),
    "two-plans-of-one-municipality": (
        lambda _: [
            PlanFile("scherpenzeel-2024.xlsx", _plan_bytes("scherpenzeel-2024.xlsx")),
            # another plan of Scherpenzeel (the same plan as workbook and JSON is read once)
            PlanFile(
                "scherpenzeel-2025.json",
                _plan_bytes("scherpenzeel-2024.json").replace(b'"year": 2024', b'"year": 2025'),
            ),
        ],
        "Het plan van Scherpenzeel",
    ),
    "too-many-plans": (
        lambda _: [PlanFile(f"p{n}.json", b"{}") for n in range(addin.MAX_PLAN_FILES + 1)],
        f"Er zijn {addin.MAX_PLAN_FILES + 1} plannen gekozen; uvp vergelijkt er hoogstens",
    ),
}


@pytest.mark.parametrize(("picked", "said"), REFUSED.values(), ids=REFUSED.keys())
def test_vergelijken_refuses_with_one_dutch_message_and_changes_nothing(
    tmp_path: Path, private_tmp: Path, picked: Picked, said: str
) -> None:
    made = tmp_path / "made"
    made.mkdir()
    plans = picked(made)
    xl = shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "nijkerk-2024.xlsx")
    before = contents(xl)
    outcome, excel = run_button(xl, lambda book: addin.compare_region(book, plans))
    assert outcome is None
    (message,) = excel.alerts
    assert message.startswith(said), message
    assert "Traceback" not in message
    assert "Interne fout" not in message
    assert str(private_tmp) not in message  # the plan is named by its label, not where uvp put it
    assert contents(xl) == before


HOSTILE_NAMES = {
    # a name the user's computer could send -> the label uvp shows (it reads no such path)
    "climbs-out-relative": (
        "../../../../../../{target}/scherpenzeel-2024.xlsx",
        "scherpenzeel-2024.xlsx",
    ),
    "absolute-with-dots": ("/{target}/sub/../scherpenzeel.xlsm", "scherpenzeel.xlsm"),
    "windows-backslashes": ("..\\..\\Windows\\System32\\scherpenzeel.xlsx", "scherpenzeel.xlsx"),
    "control-characters": ("scherpenzeel\x00\n-2024.xlsx", "scherpenzeel-2024.xlsx"),
    "json-climbing-out": ("../../{target}/scherpenzeel.json", "scherpenzeel.json"),
}


@pytest.mark.parametrize(("name", "label"), HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_a_picked_plans_name_is_only_a_label(
    tmp_path: Path, private_tmp: Path, name: str, label: str
) -> None:
    """Names that climb out of a folder, are absolute or hold control characters are
    neither read nor written: the plan is read from uvp's own file in its private folder,
    and the name only labels it."""
    target = tmp_path / "buiten"
    target.mkdir()
    name = name.format(target=str(target).lstrip("/"))
    kind = ".json" if label.endswith(".json") else ".xlsx"
    plan = PlanFile(name, _plan_bytes(f"scherpenzeel-2024{kind}"))
    assert plan.label == label
    xl = shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "nijkerk-2024.xlsx")
    comparison, excel = run_button(xl, lambda book: addin.compare_region(book, [plan]))
    assert comparison is not None, excel.alerts
    assert comparison.municipalities == ("Nijkerk", "Scherpenzeel")
    named = {
        found.group(1)
        for value, *_ in view(xl, "Regio")["cells"].values()
        if isinstance(value, str) and (found := re.search(r"in het plan \((.+)\)$", value))
    }
    # Where each action stands (the file named in its column's header): in the open
    # workbook, and in the picked workbook by its label (a JSON plan has no cells).
    assert named == ({"nijkerk-2024.xlsx"} if kind == ".json" else {"nijkerk-2024.xlsx", label})
    assert list(target.iterdir()) == []


def test_a_bad_picked_file_writes_not_even_the_given_year(
    tmp_path: Path, private_tmp: Path
) -> None:
    """The picked plans are read before anything is written: the municipality and year
    the user gave do not go on a new Plan sheet when a picked file is refused."""
    path = without_plan_sheet(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "werkmap.xlsx")
    before = contents(path)
    plans = [PlanFile("adressen.csv", b"naam;adres\n")]
    outcome, excel = run_button(
        path,
        lambda book: addin.compare_region(book, plans, municipality="Nijkerk", year=2024),
    )
    assert outcome is None
    (message,) = excel.alerts
    assert message.startswith("adressen.csv: uvp leest alleen plannen")
    assert contents(path) == before


@pytest.mark.parametrize("button", ["quarterly_report", "write_evaluation"])
def test_a_peildatum_that_is_no_date_writes_not_even_the_given_year(
    tmp_path: Path, button: str
) -> None:
    path = without_plan_sheet(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "werkmap.xlsx")
    book = openpyxl.load_workbook(path)
    book.worksheets[0]["Z1"] = "half oktober"
    book.defined_names["Peildatum"] = openpyxl.workbook.defined_name.DefinedName(
        "Peildatum", attr_text=f"'{book.worksheets[0].title}'!$Z$1"
    )
    book.save(path)
    before = contents(path)
    script = getattr(addin, button)
    outcome, excel = run_button(path, lambda book: script(book, municipality="Nijkerk", year=2024))
    assert outcome is None
    (message,) = excel.alerts
    assert "de peildatum 'half oktober' is geen datum" in message
    assert contents(path) == before


def test_a_plan_file_can_be_read_from_a_path_for_classic_xlwings(tmp_path: Path) -> None:
    plan = PlanFile.read(EXAMPLES / "scherpenzeel-2024.xlsx")
    located = addin.read_plan_file(plan)
    assert located.plan == uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    assert located.path == Path("scherpenzeel-2024.xlsx")


def test_the_peildatum_of_the_report_is_today_without_one(tmp_path: Path) -> None:
    path = shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", tmp_path / "plan.xlsx")
    report, _ = run_button(path, addin.quarterly_report)
    assert report is not None
    assert report.peildatum == dt.date.today()
