"""Run uvp's writing commands on a corpus workbook and judge what they kept.

:func:`with_plan` gives a real Excel workbook a small plan at the zip level
(a ``Plan`` sheet saying whose plan it is, and an action table); :func:`run`
then lets ``fill``, ``validate --write`` and ``evaluate`` write into it, each
twice, each into a new file, and compares every output with its input part
by part (:func:`tests.package_diff.losses`).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import attrs
from lxml import etree

import uvp
from tests.package_diff import losses
from uvp.workbook import evaluate_workbook, fill_workbook, validate_workbook
from uvp.workbook._package import Package

PEILDATUM = dt.date(2024, 10, 1)
MUNICIPALITY, YEAR = "Testdorp", 2024
PLAN_SHEET, ACTIONS_SHEET = "Plan", "UVP-acties"
ACTIONS = [
    ("Acties", "Trekker", "Kwartaal"),
    ("Controle horeca op vergunningen", "Gemeente", "Q1"),
    ("Voorlichting woninginbraak_x000D_ in de wijk", "Politie", "Q2/Q3"),
    ("Overleg met woningcorporatie", "Gemeente", "Doorlopend"),
    ("Cameratoezicht evalueren", "Politie", "Q4"),
]
COMMANDS = ("fill", "validate", "evaluate")
_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def _sheet_xml(ns: str, rows: list[tuple[object, ...]], first: int = 1) -> bytes:
    root = etree.Element(f"{{{ns}}}worksheet", nsmap={None: ns})
    data = etree.SubElement(root, f"{{{ns}}}sheetData")
    for r, values in enumerate(rows, first):
        row = etree.SubElement(data, f"{{{ns}}}row", r=str(r))
        for c, value in enumerate(values):
            ref = f"{chr(65 + c)}{r}"
            cell = etree.SubElement(row, f"{{{ns}}}c", r=ref)
            if isinstance(value, str):
                cell.set("t", "inlineStr")
                text = value.replace("_x", "_x005F_x")  # the text stays literal
                etree.SubElement(etree.SubElement(cell, f"{{{ns}}}is"), f"{{{ns}}}t").text = text
            else:
                etree.SubElement(cell, f"{{{ns}}}v").text = str(value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _into_first_sheet(package: Package) -> str | None:
    """Append the action table below the content of the first worksheet; its name."""
    for name, part in package.sheets():
        if part is None or part not in package:
            continue
        if package.content_type(part) != _WORKSHEET:
            continue
        root = package.edit(part)
        ns = etree.QName(root).namespace
        data = root.find(f"{{{ns}}}sheetData")
        if data is None:
            return None
        last = 0
        for row in data.iterchildren(f"{{{ns}}}row"):
            last = int(row.get("r") or last + 1)
        if last > 5000:
            return None
        for number, values in enumerate(ACTIONS, last + 3):
            row = etree.SubElement(data, f"{{{ns}}}row", r=str(number))
            for c, value in enumerate(values):
                cell = etree.SubElement(
                    row, f"{{{ns}}}c", r=f"{chr(65 + c)}{number}", t="inlineStr"
                )
                text = value.replace("_x", "_x005F_x")  # the text stays literal
                etree.SubElement(etree.SubElement(cell, f"{{{ns}}}is"), f"{{{ns}}}t").text = text
        return name
    return None


def with_plan(data: bytes, *, into_first_sheet: bool = True) -> bytes:
    """*data* (a workbook) with a plan: a Plan sheet and an action table.

    The table goes below the content of the workbook's first worksheet (so that
    ``fill`` edits a sheet Excel made), or, without *into_first_sheet* or where
    that sheet cannot take it, into a sheet of its own.
    """
    package = Package.open(io.BytesIO(data))
    taken = {name.lower() for name, _ in package.sheets()}
    sheets: list[tuple[str, list[tuple[object, ...]]]] = []
    if not (into_first_sheet and _into_first_sheet(package)):
        sheets.append((ACTIONS_SHEET, [("Uitvoeringsplan Veiligheid",), (), *ACTIONS]))
    if PLAN_SHEET.lower() not in taken:
        sheets.insert(0, (PLAN_SHEET, [("Gemeente", MUNICIPALITY), ("Jaar", YEAR)]))
    workbook = package.edit(package.workbook_part)
    sheet_list = workbook.find(package.q("sheets"))
    assert sheet_list is not None
    r_id = f"{{{package.ns['r']}}}id"
    for name, rows in sheets:
        if name.lower() in taken:
            continue
        part = package.free_name("xl/worksheets/sheet{}.xml")
        package.write(part, _sheet_xml(package.main_ns, rows))
        package.set_content_type(part, _WORKSHEET)
        element = etree.SubElement(sheet_list, package.q("sheet"))
        element.set("name", name)
        ids = [int(e.get("sheetId", "0")) for e in package.sheet_elements()]
        element.set("sheetId", str(max(ids) + 1))
        element.set(r_id, package.relate(package.workbook_part, "worksheet", part))
    out = io.BytesIO()
    package.save(out)
    return out.getvalue()


@attrs.frozen
class Outcome:
    """What became of one workbook: kept, refused (with the error's code), or lost."""

    name: str
    kind: str  # "kept", "refused", "lost"
    detail: tuple[str, ...] = ()


def _step(command: str, source: Path, target: Path) -> None:
    options = {"municipality": MUNICIPALITY, "year": YEAR, "output": target}
    if command == "fill":
        fill_workbook(source, **options)  # type: ignore[arg-type]
    elif command == "validate":
        validate_workbook(source, write=True, peildatum=PEILDATUM, **options)  # type: ignore[arg-type]
    else:
        evaluate_workbook(source, PEILDATUM, **options)  # type: ignore[arg-type]


def run(path: Path, folder: Path, *, rounds: int = 2) -> Outcome:
    """Plan *path*'s workbook, then fill, check and evaluate it *rounds* times, comparing."""
    name = path.name
    try:
        with zipfile.ZipFile(path):
            pass
        data = with_plan(path.read_bytes())
    except Exception:
        data = path.read_bytes()  # not a package we can add to: uvp must refuse it itself
    source = folder / f"0-{name}"
    source.write_bytes(data)
    original = source
    try:
        before = uvp.read_workbook(source, municipality=MUNICIPALITY, year=YEAR)
    except uvp.UvpError as error:
        return _refused(name, error, source, folder)
    step = 0
    for _ in range(rounds):
        for command in COMMANDS:
            step += 1
            target = folder / f"{step}-{name}"
            try:
                _step(command, source, target)
            except uvp.UvpError as error:
                return _refused(name, error, source, folder)
            lost = losses(source.read_bytes(), target.read_bytes(), sheets_edited=command == "fill")
            if lost:
                return Outcome(name, "lost", (command, *lost))
            source = target
    lost = losses(original.read_bytes(), source.read_bytes())
    after = uvp.read_workbook(source, municipality=MUNICIPALITY, year=YEAR)
    if after != before:
        lost = [*lost, "the plan reads back differently"]
    return Outcome(name, "lost" if lost else "kept", tuple(lost))


def _refused(name: str, error: uvp.UvpError, source: Path, folder: Path) -> Outcome:
    """A refusal must leave nothing behind but the input."""
    left = sorted(p.name for p in folder.iterdir() if p != source and not p.name.startswith("0-"))
    stray = [n for n in left if not n[0].isdigit()]
    detail = (getattr(error, "code", type(error).__name__), str(error)[:200], *stray)
    return Outcome(name, "refused", detail)
