"""The output pipeline: a sheet built as data (Sheet, Style, Link, ...) and written
through a Target, into a file (openpyxl) or into the open workbook (xlwings)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs
import openpyxl
import pytest
import xlwings as xw
from openpyxl.styles import Font, PatternFill

import uvp
from tests.conftest import EXAMPLES
from tests.officejs import Excel, payload
from tests.workbooks import make_workbook
from uvp.region import (
    agenda,
    agenda_sheet,
    compare,
    quarterly_report,
    region_sheet,
    report_sheet,
)
from uvp.workbook import (
    LINK,
    TITLE,
    WRAP,
    BarChart,
    FillRule,
    Link,
    ListValidation,
    OpenpyxlTarget,
    PageSetup,
    Series,
    Sheet,
    Style,
    XlwingsTarget,
    line_height,
    read_located,
    text_lines,
    write_new_workbook,
    write_sheet,
)

# -- Style -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "combined"),
    [
        (Style(bold=True), Style(fill="DDEBF7"), Style(bold=True, fill="DDEBF7")),
        (Style(size=14), Style(size=12), Style(size=12)),
        (Style(bold=True), Style(), Style(bold=True)),  # a default says nothing
        (Style(fill="C6EFCE"), Style(fill=""), Style(fill="")),  # "" clears: it says something
        (WRAP, Style(number_format="0%"), Style(wrap=True, vertical="top", number_format="0%")),
        (LINK, WRAP, Style(color="0563C1", underline=True, wrap=True, vertical="top")),
    ],
    ids=["adds", "right-wins", "default-keeps", "clear-fill", "format", "link-wrapped"],
)
def test_styles_combine(left: Style, right: Style, combined: Style) -> None:
    assert left | right == combined


@pytest.mark.parametrize(
    "kwargs",
    [{"fill": "c6efce"}, {"color": "#0563C1"}, {"bottom_border": "blue"}, {"fill": "C6EF"}],
    ids=["lower-case", "hash", "name", "short"],
)
def test_a_style_refuses_what_is_not_a_colour(kwargs: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="six upper-case hex digits"):
        Style(**kwargs)  # type: ignore[arg-type]


def test_a_style_is_a_frozen_value() -> None:
    assert Style(bold=True, size=14) == TITLE
    assert len({Style(bold=True), Style(bold=True), Style(italic=True)}) == 2
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        TITLE.bold = False  # type: ignore[misc]


def test_alike_cells_share_one_style_in_the_file(tmp_path: Path) -> None:
    sheet = Sheet("Blad")
    for row in range(1, 501):
        sheet.put(row, 1, f"actie {row}", Style(bold=True, fill="FFEB9C", wrap=True))
        sheet.put(row, 2, row, Style(number_format="0%"))
    target = OpenpyxlTarget.new()
    write_sheet(target, sheet)
    book: Any = target.book
    # Openpyxl's lists of fonts, fills and cell formats hold each once, not once a cell.
    assert len(book._fonts) == 2  # the default and the bold one
    assert len(book._fills) == 3  # the two Excel always has, and the yellow
    ws = book["Blad"]
    assert len({tuple(ws.cell(r, 1)._style) for r in range(1, 501)}) == 1


def test_a_style_leaves_what_it_does_not_say(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "plan.xlsx", {"Blad": [["mijn tekst", "x"]]})
    book = openpyxl.load_workbook(path)
    ws = book["Blad"]
    ws["A1"].font = Font(italic=True, color="FF0000")
    ws["B1"].fill = PatternFill("solid", fgColor="C6EFCE")
    target = OpenpyxlTarget(book)
    target.set_style("Blad", 1, 1, Style(horizontal="center"))
    target.set_style("Blad", 1, 2, Style(fill=""))
    assert ws["A1"].font.i
    assert ws["A1"].font.color.rgb == "00FF0000"
    assert ws["A1"].alignment.horizontal == "center"
    assert ws["B1"].fill.fill_type is None  # fill="" cleared it


@pytest.mark.parametrize(
    ("text", "width", "style", "lines"),
    [
        ("kort", 70, Style(), 1),
        ("een\ntwee\ndrie", 70, Style(), 3),
        # Wrapped at spaces: three five-letter words a line, not twenty-three letters.
        (" ".join(["woord"] * 10), 20, Style(), 4),
        ("Nijkerk: trekker en kwartaal", 27, Style(), 1),
        ("Nijkerk: trekker en kwartaal", 27, Style(bold=True), 2),  # bold is wider
        ("Nijkerk: trekker en kwartaal", 27, Style(size=14), 2),  # and so is larger
        ("i" * 40, 25, Style(), 1),  # narrow letters
        ("m" * 40, 25, Style(), 3),  # wide ones
        ("Ondermijningsbestrijding", 12, Style(), 3),  # a word wider than the column breaks
    ],
    ids=["short", "lines", "words", "fits", "bold", "size", "narrow", "wide", "long-word"],
)
def test_text_lines(text: str, width: float, style: Style, lines: int) -> None:
    assert text_lines(text, width, size=style.size or 11, bold=style.bold) == lines


def test_a_row_is_as_tall_as_its_tallest_text_in_its_font() -> None:
    sheet = Sheet("Blad", widths={1: 20, 2: 20})
    sheet.put(1, 1, "Titel", TITLE)  # not wrapped: one line, of 14 points
    sheet.put(2, 1, " ".join(["woord"] * 10), WRAP)  # four lines
    sheet.put(2, 2, "kort", WRAP)
    sheet.put(3, 1, " ".join(["woord"] * 10))  # not wrapped: one line
    sheet.fit_rows()
    assert sheet.heights == {1: line_height(14), 2: 4 * line_height()}


# -- a sheet written into a file ---------------------------------------------------------------


def every_feature() -> Sheet:
    """A sheet with one of everything a Sheet can hold."""
    sheet = Sheet(
        "Overzicht", freeze="A3", page=PageSetup(repeat_rows=(2, 2)), widths={1: 30, 2: 12}
    )
    sheet.put(1, 1, "Titel", TITLE)
    sheet.header(2, ["Naam", "Aantal", "Link"])
    sheet.put(3, 1, '=HYPERLINK("http://evil.example")', WRAP)
    sheet.put(3, 2, 0.25, Style(number_format="0%", bold=True, size=11))
    sheet.put(3, 3, "C4", LINK)
    sheet.link(3, 3, Link.to("Blad 'x'", "C4"))
    sheet.put(4, 1, "Een\nlange\ntekst", WRAP)
    sheet.put(4, 2, 3, Style(italic=True, color="FF0000", horizontal="right"))
    sheet.put(4, 3, "plan.xlsx B6", LINK)
    sheet.link(4, 3, Link("'Ondermijning'!B6", file="../plannen/plan.xlsx"))
    sheet.fit_row(4)
    sheet.validations.append(ListValidation(3, 10, 2, ["a", "b"], "Fout", "Kies uit de lijst."))
    sheet.rules.append(FillRule(3, 10, 2, 'zeg "a"', "C6EFCE"))
    sheet.charts.append(BarChart("Grafiek", "E2", 2, 4, 1, [Series(2, "14532D")], legend="bottom"))
    return sheet


def test_every_feature_of_a_sheet_in_a_file(tmp_path: Path) -> None:
    path = write_new_workbook(tmp_path / "uit" / "nieuw.xlsx", [every_feature()])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Overzicht"]
    ws = book["Overzicht"]
    title, header, formula = ws["A1"], ws["B2"], ws["A3"]
    assert (title.value, title.font.b, title.font.sz) == ("Titel", True, 14)
    assert header.font.b
    assert header.fill.fgColor.rgb == "00DDEBF7"
    assert header.border.bottom.style == "thin"
    assert header.border.bottom.color.rgb == "005B9BD5"
    assert (formula.value, formula.data_type) == ('=HYPERLINK("http://evil.example")', "s")
    assert formula.alignment.wrap_text
    assert formula.alignment.vertical == "top"
    assert ws["B3"].number_format == "0%"
    assert ws["B3"].font.b
    assert ws["B4"].font.i
    assert ws["B4"].alignment.horizontal == "right"
    assert ws["C3"].hyperlink.target == "#'Blad ''x'''!C4"
    assert ws["C3"].font.u == "single"
    assert ws["C3"].font.color.rgb == "000563C1"
    assert (ws["C4"].hyperlink.target, ws["C4"].hyperlink.location) == (
        "../plannen/plan.xlsx",
        "'Ondermijning'!B6",
    )
    assert ws.column_dimensions["A"].width == 30
    assert ws.row_dimensions[4].height == 45  # three lines of text
    (validation,) = ws.data_validations.dataValidation
    assert (str(validation.sqref), validation.formula1, validation.error) == (
        "B3:B10",
        '"a,b"',
        "Kies uit de lijst.",
    )
    (rule,) = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert rule.formula == ['"zeg ""a"""']
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    with zipfile.ZipFile(path) as archive:
        chart = next(archive.read(n) for n in archive.namelist() if "charts/chart" in n)
    said = {
        (element.tag.rsplit("}", 1)[-1], element.get("val"))
        for element in ElementTree.fromstring(chart).iter()
    }
    assert {("barDir", "bar"), ("grouping", "stacked"), ("legendPos", "b")} <= said
    assert ("srgbClr", "14532D") in said


def test_a_sheet_of_changes_writes_into_the_existing_sheet(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "plan.xlsx", {"Blad": [["mijn", "tekst"]], "Ander": [["x"]]})
    book = openpyxl.load_workbook(path)
    changes = Sheet("Blad", replace=False)
    changes.put(2, 2, "erbij", Style(bold=True))
    write_sheet(OpenpyxlTarget(book), changes)
    assert book.sheetnames == ["Blad", "Ander"]
    rows = [[c.value for c in row] for row in book["Blad"].iter_rows()]
    assert rows == [["mijn", "tekst"], [None, "erbij"]]
    write_sheet(OpenpyxlTarget(book), Sheet("Blad"))  # a sheet uvp owns: made afresh, at the end
    assert book.sheetnames == ["Ander", "Blad"]
    assert book["Blad"].max_row == 1
    assert book["Blad"]["A1"].value is None


def test_a_new_workbook_is_not_written_over_a_file_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "rapport.xlsx"
    path.write_bytes(b"oud")
    with pytest.raises(uvp.WorkbookError) as caught:
        write_new_workbook(path, [every_feature()])
    assert caught.value.code == "workbook-exists"
    assert path.read_bytes() == b"oud"
    write_new_workbook(path, [every_feature()], overwrite=True)
    assert (tmp_path / "rapport.bak.xlsx").read_bytes() == b"oud"
    assert openpyxl.load_workbook(path).sheetnames == ["Overzicht"]


def test_a_new_workbook_refuses_a_control_character_with_nothing_written(tmp_path: Path) -> None:
    sheet = Sheet("Blad")
    sheet.put(1, 1, "bel\x07")
    with pytest.raises(uvp.WorkbookError) as caught:
        write_new_workbook(tmp_path / "nieuw.xlsx", [sheet])
    assert caught.value.code == "workbook-illegal-character"
    assert caught.value.where == "'Blad'!A1"
    assert list(tmp_path.iterdir()) == []


# -- the same sheet into the workbook open in Excel --------------------------------------------


def look(ws: Any) -> dict[str, Any]:
    """What a person sees of a sheet: values, fills, bold, links, widths, heights, panes."""
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            fill = c.fill.fgColor.rgb[-6:] if c.fill.fill_type == "solid" else None
            link = c.hyperlink.location or c.hyperlink.target if c.hyperlink else None
            if c.value is not None or fill or link:
                # A link to another file reads file#cell in Excel, file + location in a file.
                cells[c.coordinate] = (c.value, fill, bool(c.font.b), (link or "").split("#")[-1])
    return {
        "cells": cells,
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
        "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
        "freeze": ws.freeze_panes,
        "validations": sorted(
            (str(v.sqref), v.formula1) for v in ws.data_validations.dataValidation
        ),
    }


def _sheets() -> dict[str, Sheet]:
    plans = [read_located(EXAMPLES / f"{name}-2024.xlsx") for name in ("nijkerk", "scherpenzeel")]
    folder = EXAMPLES.parent
    report = quarterly_report(plans[0].plan, dt.date(2024, 10, 1))
    return {
        "Regio": region_sheet(compare([p.plan for p in plans]), plans, folder),
        "Agenda": agenda_sheet(agenda([p.plan for p in plans], "Politie"), plans, folder),
        "Kwartaalrapportage": report_sheet(report),
        "Overzicht": every_feature(),
    }


@pytest.mark.parametrize("name", list(_sheets()))
def test_the_same_sheet_in_a_file_and_in_the_open_workbook(tmp_path: Path, name: str) -> None:
    sheet = _sheets()[name]
    in_file = write_new_workbook(tmp_path / "bestand.xlsx", [sheet])
    live = make_workbook(tmp_path / "open.xlsx", {"Blad1": [["staat er al"]]})
    book = xw.Book(json=payload(live))
    target = XlwingsTarget(book)
    write_sheet(target, sheet)
    target.flush()
    excel = Excel(live)
    excel.apply(book.json()["actions"])
    assert excel.book.sheetnames == ["Blad1", name]
    assert look(excel.book[name]) == look(openpyxl.load_workbook(in_file)[name])
    assert excel.charts == ({name: 1} if sheet.charts else {})
