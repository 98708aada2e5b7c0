"""The part-by-part comparison catches every kind of loss planted in a real workbook."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.package_diff import losses

Parts = dict[str, bytes]
CORPUS = Path(__file__).parent / "corpus" / "files"
RICH = CORPUS / "calamine-pictures_in_cell_and_over_cell.xlsx"


def _parts(path: Path) -> Parts:
    with zipfile.ZipFile(path) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def _zip(parts: Parts) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _sub(name: str, pattern: bytes, replacement: bytes) -> Callable[[Parts], None]:
    def plant(parts: Parts) -> None:
        changed = re.sub(pattern, replacement, parts[name], count=1)
        assert changed != parts[name], (name, pattern)
        parts[name] = changed

    return plant


def _drop(name: str) -> Callable[[Parts], None]:
    def plant(parts: Parts) -> None:
        del parts[name]

    return plant


def _swap_first_two(name: str) -> Callable[[Parts], None]:
    """Reorder a worksheet's pageMargins and the element before it."""

    def plant(parts: Parts) -> None:
        data = parts[name]
        margins = re.search(rb"<pageMargins[^>]*/>", data)
        assert margins is not None
        before = re.search(rb"</sheetData>", data)
        assert before is not None
        body = data[: before.end()] + data[margins.start() : margins.end()]
        rest = data[before.end() : margins.start()] + data[margins.end() :]
        parts[name] = body + rest

    return plant


def test_an_unchanged_package_loses_nothing() -> None:
    data = RICH.read_bytes()
    assert losses(data, data) == []
    assert losses(data, _zip(_parts(RICH))) == []  # packed anew, same parts


@pytest.mark.parametrize(
    ("path", "plant", "expected"),
    [
        (RICH, _drop("xl/media/image1.png"), "xl/media/image1.png: part lost"),
        (RICH, _sub("xl/media/image1.png", rb"PNG", b"PNG "), "part changed"),
        (
            EXAMPLES / "scherpenzeel-2024.xlsx",
            _sub("xl/worksheets/sheet1.xml", rb"<v>2024</v>", b"<v>2025</v>"),
            "changed",
        ),
        (
            EXAMPLES / "scherpenzeel-2024.xlsx",
            _sub("xl/worksheets/sheet4.xml", rb'(<c r="A5") s="\d+"', rb'\1 s="0"'),
            "cell A5 changed",
        ),
        (
            EXAMPLES / "scherpenzeel-2024.xlsx",
            _swap_first_two("xl/worksheets/sheet4.xml"),
            "reordered",
        ),
        (
            EXAMPLES / "scherpenzeel-2024.xlsx",
            _sub("xl/styles.xml", rb'<b val="1"\s?/>', b""),
            "existing fonts entries changed",
        ),
        (
            EXAMPLES / "scherpenzeel-2024.xlsx",
            _sub("xl/workbook.xml", rb'<sheet [^>]*name="Plan"[^>]*/>', b""),
            "the user's sheets",
        ),
        (
            EXAMPLES / "scherpenzeel-2024.xlsx",
            _sub("xl/worksheets/sheet4.xml", rb'<row r="6".*?</row>', b""),
            "row 6 lost",
        ),
        (
            EXAMPLES / "scherpenzeel-2024.xlsx",
            _sub("[Content_Types].xml", rb'<Override PartName="/xl/styles.xml"[^>]*/>', b""),
            "/xl/styles.xml changed",
        ),
    ],
    ids=[
        "part-dropped",
        "part-changed",
        "cell-value",
        "style-index",
        "elements-reordered",
        "style-entry",
        "sheet-dropped",
        "row-dropped",
        "content-type",
    ],
)
def test_a_planted_loss_is_caught(
    path: Path, plant: Callable[[Parts], None], expected: str
) -> None:
    parts = _parts(path)
    before = _zip(parts)
    plant(parts)
    found = losses(before, _zip(parts))
    assert any(expected in loss for loss in found), found


def test_what_uvp_owns_may_change() -> None:
    parts = _parts(EXAMPLES / "scherpenzeel-2024.xlsx")
    before = _zip(parts)
    # A cell that was empty gets a value; a style is appended.
    sheet = parts["xl/worksheets/sheet4.xml"]
    parts["xl/worksheets/sheet4.xml"] = sheet.replace(
        b"</row>", b'<c r="Z1" t="inlineStr"><is><t>Q1</t></is></c></row>', 1
    )
    parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(
        b"</fonts>", b"<font><b/></font></fonts>"
    )
    assert losses(before, _zip(parts)) == []


def test_a_sheet_changed_by_a_command_that_edits_no_sheet_is_caught() -> None:
    parts = _parts(EXAMPLES / "scherpenzeel-2024.xlsx")
    before = _zip(parts)
    parts["xl/worksheets/sheet4.xml"] = parts["xl/worksheets/sheet4.xml"].replace(
        b"<sheetData>", b"<sheetData>\n"
    )
    assert losses(before, _zip(parts)) == []  # equal, element by element
    assert losses(before, _zip(parts), sheets_edited=False) == [
        "xl/worksheets/sheet4.xml: part changed"
    ]
