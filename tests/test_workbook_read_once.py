"""Reading a workbook unpacks it once for its sheet information: the file check gathers
it on the way (issue 16), and gives exactly what :func:`load_sheet_info` reads."""

from __future__ import annotations

import io
import random
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import EXAMPLES
from uvp.workbook import _sheetinfo, inspect_workbook, load_sheet_info, load_values
from uvp.workbook._open import load_values_and_info
from uvp.workbook._sheetinfo import PartScan


def _hidden_and_merged(tmp_path: Path) -> Path:
    path = tmp_path / "nijkerk.xlsx"
    book = openpyxl.load_workbook(EXAMPLES / "nijkerk-2024.xlsx")
    book["Vakantieparken"].sheet_state = "hidden"
    sheet = book["Ondermijnende criminaliteit"]
    for row in (5, 6, 7):
        sheet.row_dimensions[row].hidden = True
    sheet.column_dimensions["C"].hidden = True
    sheet.merge_cells("H40:I41")
    book.save(path)
    return path


@pytest.mark.parametrize("name", ["nijkerk-2024.xlsx", "scherpenzeel-2024.xlsx", None])
def test_values_and_info_are_those_read_apart(name: str | None, tmp_path: Path) -> None:
    path = EXAMPLES / name if name else _hidden_and_merged(tmp_path)
    values, info = load_values_and_info(path)
    assert values == load_values(path)
    assert info == load_sheet_info(path)
    if name is None:
        assert info["Vakantieparken"].hidden
        assert info["Ondermijnende criminaliteit"].hidden_rows == {5, 6, 7}
        assert info["Ondermijnende criminaliteit"].merged


def test_a_read_scans_no_sheet_a_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned: list[object] = []
    original = _sheetinfo._scan

    def counted(stream: io.BufferedIOBase, hidden: bool) -> _sheetinfo.SheetInfo:
        scanned.append(stream)
        return original(stream, hidden)

    monkeypatch.setattr(_sheetinfo, "_scan", counted)
    path = _hidden_and_merged(tmp_path)
    result = inspect_workbook(path)
    assert scanned == []  # every worksheet was looked at by the file check on the way
    assert {f.code for f in result.findings} >= {"hidden-sheet", "hidden-rows", "merged-cells"}
    load_sheet_info(path)
    assert scanned  # read on its own, the information is read from the file as before


def test_a_part_scanned_in_any_pieces_gives_what_a_stream_read_gives() -> None:
    hidden = ' hidden="1"'
    rows = "".join(
        f'<row r="{r}"{hidden if r % 7 == 0 else ""}><c r="A{r}"/></row>' for r in range(1, 60_000)
    )
    merges = "".join(f'<mergeCell ref="A{r}:B{r + 1}"/>' for r in range(1, 4000, 3))
    xml = (
        f'<worksheet><cols><col min="2" max="4" hidden="1"/></cols><sheetData>{rows}'
        f"</sheetData><mergeCells>{merges}</mergeCells></worksheet>"
    ).encode()
    want = _sheetinfo._scan(io.BytesIO(xml), False)
    assert want.hidden_rows
    assert want.hidden_columns == {2, 3, 4}
    assert want.merged
    assert len(xml) > 2 * _sheetinfo._CHUNK  # several windows, a tag cut between two
    chance = random.Random(16)
    for _ in range(6):
        scan, at = PartScan(), 0
        while at < len(xml):
            size = chance.choice([1, 7, 4096, 65536, 2_000_000])
            scan.feed(xml[at : at + size])
            at += size
        scan.feed(b"", final=True)
        assert scan.info(False) == want
