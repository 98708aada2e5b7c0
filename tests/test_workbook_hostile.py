"""Broken and hostile files: each is refused before any parser sees it, quickly and cheaply.

Every file is built here, in ``tmp_path``. Each refusal is a WorkbookError with
the right code and a Dutch message naming the file, reached in bounded time,
with bounded memory and without unpacking more than the limits allow.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import random
import stat
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hypothesis
import pytest
from hypothesis import strategies as st

import uvp
from tests.workbooks import make_workbook
from uvp.workbook import _open as files
from uvp.workbook import inspect_workbook, save_atomically

MIB = 1024 * 1024
PEAK = 24 * MIB  # Python memory one refusal of a bomb may take
SMALL_PARTS = 64 * 1024  # what the other parts of a crafted workbook unpack to, at most

# -- a minimal workbook, written part by part ---------------------------------------------

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIP = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = b"http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(sheet_part: str = "xl/worksheets/sheet1.xml") -> bytes:
    kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml"
    return (
        XML_DECLARATION
        + b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/xl/workbook.xml" ContentType="' + kind + b'.sheet.main+xml"/>'
        b'<Override PartName="/'
        + sheet_part.encode()
        + b'" ContentType="'
        + kind
        + b'.worksheet+xml"/>'
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
        + kind
        + b'.sharedStrings+xml"/>'
        b"</Types>"
    )


def workbook_parts(
    sheet: bytes, strings: bytes, sheet_part: str = "xl/worksheets/sheet1.xml"
) -> dict[str, bytes]:
    """The parts of a one-sheet workbook; *sheet_part* is where the sheet is stored."""
    target = sheet_part.removeprefix("xl/").encode()
    return {
        "[Content_Types].xml": content_types(sheet_part),
        "_rels/.rels": XML_DECLARATION
        + b'<Relationships xmlns="' + PACKAGE_RELATIONSHIPS + b'">'
        b'<Relationship Id="rId1" Type="' + RELATIONSHIP + b'/officeDocument" Target="xl/workbook.xml"/>'
        b"</Relationships>",
        "xl/workbook.xml": XML_DECLARATION
        + b'<workbook xmlns="' + MAIN + b'" xmlns:r="' + RELATIONSHIP + b'">'
        b'<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": XML_DECLARATION
        + b'<Relationships xmlns="' + PACKAGE_RELATIONSHIPS + b'">'
        b'<Relationship Id="rId1" Type="' + RELATIONSHIP + b'/worksheet" Target="' + target + b'"/>'
        b'<Relationship Id="rId2" Type="' + RELATIONSHIP + b'/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>",
        sheet_part: sheet,
        "xl/sharedStrings.xml": strings,
    }  # fmt: skip


PLAN_ROWS = [
    ["Prioriteit X (lokale prioriteit)"],
    ["Acties", "Trekker", "Kwartaal"],
    ["We houden een schouw.", "Ede", "Q2"],
]


def strings_xml(texts: list[str], prologue: bytes = b"") -> bytes:
    items = b"".join(b"<si><t>" + t.encode() + b"</t></si>" for t in texts)
    return (
        XML_DECLARATION
        + prologue
        + b'<sst xmlns="' + MAIN + b'" count="%d" uniqueCount="%d">' % (len(texts), len(texts))
        + items
        + b"</sst>"
    )  # fmt: skip


def sheet_xml(body: bytes, *, dimension: bytes | None = b"A1:C3", prologue: bytes = b"") -> bytes:
    return (
        XML_DECLARATION
        + prologue
        + b'<worksheet xmlns="' + MAIN + b'">'
        + (b'<dimension ref="' + dimension + b'"/>' if dimension else b"")
        + b"<sheetData>" + body + b"</sheetData></worksheet>"
    )  # fmt: skip


def plan_sheet(*, sheet_prologue: bytes = b"", strings_prologue: bytes = b"") -> dict[str, bytes]:
    """The parts of a small, valid plan: shared strings, cells numbered as Excel does."""
    texts = [text for row in PLAN_ROWS for text in row]
    body, index = b"", 0
    for r, row in enumerate(PLAN_ROWS, 1):
        cells = b""
        for c, _ in enumerate(row):
            ref = b"%c%d" % (ord("A") + c, r)
            cells += b'<c r="' + ref + b'" t="s"><v>%d</v></c>' % index
            index += 1
        body += b'<row r="%d">' % r + cells + b"</row>"
    return workbook_parts(
        sheet_xml(body, prologue=sheet_prologue), strings_xml(texts, strings_prologue)
    )


def write_zip(path: Path, parts: dict[str, bytes], *, level: int = 6) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


# -- what a refusal must look like -----------------------------------------------------


class Inflated:
    """Counts the bytes every zlib decompressor in the process produces."""

    def __init__(self) -> None:
        self.bytes = 0


@pytest.fixture
def inflated(monkeypatch: pytest.MonkeyPatch) -> Inflated:
    counter = Inflated()
    real = zlib.decompressobj

    class Counting:
        def __init__(self, *args: Any) -> None:
            self._inner = real(*args)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self._inner.decompress(data, max_length)
            counter.bytes += len(out)
            return out

        def flush(self, *args: Any) -> bytes:
            out = self._inner.flush(*args)
            counter.bytes += len(out)
            return out

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

    monkeypatch.setattr(zlib, "decompressobj", Counting)
    return counter


def refused(path: Path, code: str, *, peak: int | None = None) -> uvp.WorkbookError:
    """Read *path* as the CLI does and return the WorkbookError, checking, given *peak*,
    the Python memory (tracemalloc slows every allocation down, so only the tests about
    memory ask for it). How fast a refusal is belongs to bench/, not to a test."""
    if peak is not None:
        tracemalloc.start()
    try:
        with pytest.raises(uvp.WorkbookError) as caught:
            uvp.read_workbook(path, municipality="Ede", year=2024)
        if peak is not None:
            _, used = tracemalloc.get_traced_memory()
            assert used < peak, f"{used / MIB:.1f} MiB"
    finally:
        if peak is not None:
            tracemalloc.stop()
    error = caught.value
    assert error.code == code, str(error)
    dutch = error.message("nl")
    assert path.name in dutch
    assert dutch != str(error)  # the Dutch text, not the English one
    return error


def test_the_crafted_workbook_reads(tmp_path: Path) -> None:
    # The hostile files below are this workbook with one thing wrong: it reads as it is.
    path = write_zip(tmp_path / "plan.xlsx", plan_sheet())
    plan = uvp.read_workbook(path, municipality="Ede", year=2024)
    assert plan.municipality == "Ede"
    assert [a.text for a in plan.actions] == ["We houden een schouw."]


# -- broken files --------------------------------------------------------------------------


def test_truncated_workbook_is_corrupt(tmp_path: Path) -> None:
    whole = make_workbook(tmp_path / "whole.xlsx", {"Blad1": PLAN_ROWS})
    data = whole.read_bytes()
    path = tmp_path / "afgebroken.xlsx"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "workbook-corrupt")


def test_damaged_packed_data_is_corrupt(tmp_path: Path) -> None:
    # The table of contents is intact but the sheet's packed bytes are not: zlib's error
    # (or a wrong checksum) is a WorkbookError, not a crash.
    path = write_zip(tmp_path / "beschadigd.xlsx", plan_sheet())
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + 2
    for i in range(start, start + info.compress_size - 4, 7):
        data[i] ^= 0xA5
    path.write_bytes(data)
    refused(path, "workbook-corrupt")


def test_unknown_compression_method_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bzip2.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_BZIP2) as archive:
        for name, data in plan_sheet().items():
            archive.writestr(name, data)
    assert "method 12" in refused(path, "workbook-corrupt").message("nl")


def test_zip_encryption_is_refused(tmp_path: Path) -> None:
    # Set the "encrypted" flag on one part, as a zip tool's password would.
    path = write_zip(tmp_path / "versleuteld.xlsx", plan_sheet())
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data[info.header_offset + 6] |= 1
    directory = central_records(bytes(data))[info.filename]
    data[directory + 8] |= 1
    path.write_bytes(data)
    refused(path, "workbook-encrypted")


@pytest.mark.parametrize(
    ("kind", "detail"),
    [("random", "onbekend formaat"), ("empty", "leeg"), ("folder", "een map")],
)
def test_not_a_zip(tmp_path: Path, kind: str, detail: str) -> None:
    path = tmp_path / f"{kind}.xlsx"
    if kind == "random":
        data = random.Random(7).randbytes(64 * 1024)
        assert not data.startswith((b"PK", files._OLE_SIGNATURE))
        path.write_bytes(data)
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        path.mkdir()
    error = refused(path, "workbook-not-zip")
    assert detail in error.message("nl")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_not_opened(tmp_path: Path) -> None:
    # Opening a pipe waits for a writer: the check must not open it at all.
    path = tmp_path / "pijp.xlsx"
    os.mkfifo(path)
    assert "pipe" in refused(path, "workbook-not-zip").message("nl")


CSV = "Actie;Trekker;Kwartaal\nWe houden een schouw;Ede;Q2\nCafé-overleg;Politie;Q3\n"
HTML = (
    "<!DOCTYPE html>\n<html><head><title>Export</title></head><body>"
    "<table><tr><td>Actie</td><td>Trekker</td></tr></table></body></html>\n"
)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (CSV.encode(), "CSV"),
        (CSV.encode("cp1252"), "CSV"),  # Excel's "CSV (gescheiden door lijstscheidingsteken)"
        (("Actie\tTrekker\n" * 20).encode("utf-16"), "CSV"),  # Excel's "Unicode-tekst"
        (("é;" * 2047).encode(), "CSV"),  # the 4 KB sample ends inside a character
        (b"PK;Naam\n1;Ede\n", "CSV"),  # starts with PK, but is no zip
        (HTML.encode(), "HTML"),
        (b"\xef\xbb\xbf  \r\n" + HTML.encode(), "HTML"),
    ],
    ids=["csv", "csv-cp1252", "tab-utf16", "csv-cut-character", "csv-pk", "html", "html-bom"],
)
def test_renamed_text_file(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "export.xlsx"
    path.write_bytes(data)
    error = refused(path, "workbook-not-zip")
    assert kind in error.message("nl")
    assert kind in str(error)


def ole_file(*, encrypted: bool, size: int = 2 * MIB) -> bytes:
    """An OLE compound file: its signature, padding and, if *encrypted*, the stream name
    an encrypted .xlsx has, placed across the scanner's 1 MiB read boundary."""
    data = bytearray(files._OLE_SIGNATURE + bytes(size - 8))
    if encrypted:
        name = "EncryptionInfo".encode("utf-16-le")
        at = MIB - len(name) // 2
        data[at : at + len(name)] = name
    return bytes(data)


def test_old_xls(tmp_path: Path) -> None:
    path = tmp_path / "oud.xlsx"
    path.write_bytes(ole_file(encrypted=False))
    refused(path, "workbook-legacy-xls")


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "wachtwoord.xlsx"
    path.write_bytes(ole_file(encrypted=True))
    refused(path, "workbook-encrypted")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "archief.xlsx", {"leesmij.txt": b"Geen werkmap.", "xl/x": b""})
    error = refused(path, "workbook-not-zip")
    assert "without the parts of a workbook" in error.message("nl")


def test_unreadable_file(tmp_path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = write_zip(tmp_path / "geheim.xlsx", plan_sheet())
    path.chmod(0)
    try:
        refused(path, "workbook-unreadable")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


# -- zip bombs ----------------------------------------------------------------------------


def central_records(data: bytes) -> dict[str, int]:
    """The offset of each part's record in the zip's table of contents."""
    end = data.rfind(b"PK\x05\x06")
    size, offset = struct.unpack_from("<II", data, end + 12)
    records, at = {}, offset
    while at < offset + size:
        assert data[at : at + 4] == b"PK\x01\x02"
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, at + 28)
        records[data[at + 46 : at + 46 + name_length].decode()] = at
        at += 46 + name_length + extra_length + comment_length
    return records


def lie_about_size(path: Path, name: str, declared: int, content_start: bytes) -> None:
    """Patch *name*'s unpacked size to *declared* in its local header and in the table
    of contents, with the checksum of the first *declared* bytes (so zipfile, which
    stops at the declared size, finds nothing wrong)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    assert not info.flag_bits & 0x08  # sizes in the local header, no data descriptor
    crc = zlib.crc32(content_start[:declared])
    local = info.header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 14, crc)
    struct.pack_into("<I", data, local + 22, declared)
    record = central_records(bytes(data))[name]
    struct.pack_into("<I", data, record + 16, crc)
    struct.pack_into("<I", data, record + 24, declared)
    path.write_bytes(data)


def bomb_sheet(path: Path, unpacked: int, *, level: int = 9) -> bytes:
    """A workbook whose sheet is *unpacked* bytes, nearly all spaces (which XML allows
    between elements); returns the sheet's first bytes."""
    head = XML_DECLARATION + b'<worksheet xmlns="' + MAIN + b'"><sheetData>'
    tail = b"</sheetData></worksheet>"
    parts = plan_sheet()
    del parts["xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(head)
            left = unpacked - len(head) - len(tail)
            block = b" " * MIB
            while left > 0:
                part.write(block[:left])
                left -= MIB
            part.write(tail)
    return head + b" " * 4096


def unpack_raw(path: Path, name: str, limit: int) -> int:
    """What the packed bytes of *name* really unpack to (at most *limit*), ignoring
    what the zip declares."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = path.read_bytes()
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    packed = data[start : start + info.compress_size]
    inflater = zlib.decompressobj(-15)
    size = 0
    while packed and size <= limit:
        size += len(inflater.decompress(packed, MIB))
        packed = inflater.unconsumed_tail
    return size


@pytest.fixture(scope="module")
def bomb_100mib(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A sheet of 100 MiB packed to about 100 KB (made once: it takes half a second)."""
    path = tmp_path_factory.mktemp("bomb") / "bom.xlsx"
    return path, bomb_sheet(path, 100 * MIB)


def test_part_declaring_a_huge_size(
    tmp_path: Path, bomb_100mib: tuple[Path, bytes], inflated: Inflated
) -> None:
    # The real limits: refused on what the table of contents says, unpacking nothing.
    path = tmp_path / "bom.xlsx"
    path.write_bytes(bomb_100mib[0].read_bytes())
    error = refused(path, "workbook-too-large", peak=PEAK)
    assert "104,857,600" in str(error)
    assert inflated.bytes == 0


def test_part_declaring_a_high_ratio(tmp_path: Path, inflated: Inflated) -> None:
    # The real limits: 10 MiB packed 1000:1 is under the size limit, over the ratio.
    path = tmp_path / "verhouding.xlsx"
    bomb_sheet(path, 10 * MIB)
    assert "is packed 1" in str(refused(path, "workbook-too-large", peak=PEAK))
    assert inflated.bytes == 0


def test_part_lying_about_its_size_real_limits(
    tmp_path: Path, bomb_100mib: tuple[Path, bytes], inflated: Inflated
) -> None:
    path = tmp_path / "leugen.xlsx"
    path.write_bytes(bomb_100mib[0].read_bytes())
    lie_about_size(path, "xl/worksheets/sheet1.xml", 1000, bomb_100mib[1])
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size == 1000  # the lie
        assert len(archive.read(info)) == 1000  # which zipfile believes
    assert info.compress_size < 200 * 1024
    inflated.bytes = 0
    error = refused(path, "workbook-too-large", peak=PEAK)
    assert "is packed more than 200:1" in str(error)
    # Stopped at the ratio limit (200 x the packed size), far below the 100 MiB it holds.
    assert inflated.bytes <= 200 * info.compress_size + 1 + SMALL_PARTS


def test_part_lying_about_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inflated: Inflated
) -> None:
    monkeypatch.setitem(files.LIMITS, "part_bytes", 2 * MIB)
    monkeypatch.setitem(files.LIMITS, "ratio", 10**9)  # only the size limit applies
    path = tmp_path / "leugen.xlsx"
    start = bomb_sheet(path, 8 * MIB)
    lie_about_size(path, "xl/worksheets/sheet1.xml", 500, start)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 500
    assert unpack_raw(path, "xl/worksheets/sheet1.xml", 16 * MIB) == 8 * MIB  # the truth
    inflated.bytes = 0
    error = refused(path, "workbook-too-large", peak=PEAK)
    assert "unpacks to more than 2,097,152 bytes" in str(error)
    assert inflated.bytes <= 2 * MIB + 1 + SMALL_PARTS


def test_part_lying_a_little_is_corrupt(tmp_path: Path) -> None:
    # A part that holds more than it declares, but within the limits: damaged.
    path = write_zip(tmp_path / "klein.xlsx", plan_sheet())
    sheet = plan_sheet()["xl/worksheets/sheet1.xml"]
    lie_about_size(path, "xl/worksheets/sheet1.xml", 100, sheet)
    assert "not the 100 declared" in str(refused(path, "workbook-corrupt"))


def duplicate_entry(path: Path, name: str, copies: int, *, declared_entries: int) -> None:
    """Repeat *name*'s record in the table of contents *copies* times, all pointing at
    the same packed bytes; the end record declares *declared_entries* parts."""
    data = path.read_bytes()
    records = central_records(data)
    end = data.rfind(b"PK\x05\x06")
    _, offset = struct.unpack_from("<II", data, end + 12)
    record = records[name]
    name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, record + 28)
    one = data[record : record + 46 + name_length + extra_length + comment_length]
    directory = data[offset:end] + one * copies
    end_record = bytearray(data[end:])
    struct.pack_into("<HHI", end_record, 8, declared_entries, declared_entries, len(directory))
    path.write_bytes(data[:offset] + directory + bytes(end_record))


def test_many_entries_sharing_one_packed_part(tmp_path: Path, inflated: Inflated) -> None:
    # The real limits: 300 entries of one honest 1 MiB part add up to 300 MiB.
    path = tmp_path / "overlap.xlsx"
    bomb_sheet(path, MIB)
    duplicate_entry(path, "xl/worksheets/sheet1.xml", 299, declared_entries=305)
    with zipfile.ZipFile(path) as archive:
        assert len(archive.infolist()) == 305
    error = refused(path, "workbook-too-large", peak=PEAK)
    assert "more than 268,435,456 bytes" in str(error)
    assert inflated.bytes == 0


def test_too_many_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(files.LIMITS, "entries", 50)
    parts = plan_sheet() | {f"xl/media/image{i}.png": b"x" for i in range(60)}
    path = write_zip(tmp_path / "veel.xlsx", parts)
    assert "66 parts" in str(refused(path, "workbook-too-large"))


def test_huge_table_of_contents_is_refused_before_zipfile_reads_it(tmp_path: Path) -> None:
    # The real limits: 200,000 entries (10 MB of table of contents, which zipfile would
    # turn into 200,000 objects), while the end record claims 6.
    path = write_zip(tmp_path / "inhoud.xlsx", plan_sheet())
    duplicate_entry(path, "xl/workbook.xml", 200_000, declared_entries=6)
    error = refused(path, "workbook-too-large", peak=4 * MIB)
    assert "table of contents" in str(error)


# -- XML entity tricks ----------------------------------------------------------------------

LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
XXE = b'<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
@pytest.mark.parametrize(
    "doctype",
    [
        LAUGHS,
        XXE,
        b"<!-- " + b"x" * 8192 + b" -->\n" + XXE,  # past any fixed-size prologue
        b" \r\n\t" * 4096 + LAUGHS,
        b"<!doctype foo [<!entity xxe SYSTEM 'file:///etc/passwd'>]>",  # lenient parsers
    ],
    ids=["billion-laughs", "xxe", "after-long-comment", "after-whitespace", "lower-case"],
)
def test_entity_declarations_are_refused(tmp_path: Path, part: str, doctype: bytes) -> None:
    if part == "xl/sharedStrings.xml":
        parts = plan_sheet(strings_prologue=doctype)
    else:
        parts = plan_sheet(sheet_prologue=doctype)
    assert doctype in parts[part]
    path = write_zip(tmp_path / "entiteiten.xlsx", parts)
    error = refused(path, "workbook-hostile-xml")
    assert part in error.message("nl")


def test_entity_declaration_in_utf16_is_refused(tmp_path: Path) -> None:
    parts = plan_sheet()
    sheet = parts["xl/worksheets/sheet1.xml"].replace(b"UTF-8", b"UTF-16")
    sheet = sheet.replace(b"?>\n", b"?>\n" + XXE, 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.decode().encode("utf-16")
    refused(write_zip(tmp_path / "utf16.xlsx", parts), "workbook-hostile-xml")


def test_entity_declaration_in_a_sheet_with_an_unusual_name_is_refused(tmp_path: Path) -> None:
    # The readers find sheets through xl/_rels/workbook.xml.rels, whatever their names.
    parts = plan_sheet(sheet_prologue=XXE)
    parts = workbook_parts(
        parts["xl/worksheets/sheet1.xml"],
        parts["xl/sharedStrings.xml"],
        sheet_part="xl/worksheets/blad.dat",
    )
    error = refused(write_zip(tmp_path / "naam.xlsx", parts), "workbook-hostile-xml")
    assert "xl/worksheets/blad.dat" in str(error)


# -- sheets that reach too far ------------------------------------------------------------


@functools.lru_cache(maxsize=1)  # 37 MB; the tests ask for one variant after the other
def million_rows(*, numbered_cells: bool = True) -> bytes:
    """Rows 1 to 1,000,000 of a sheet: a header in A1:C1, then a number in column A.

    Built by joining fixed fragments on each row number's leading digits (a
    million Python-formatted rows would take a second)."""
    cell = b'<c r="A\x00"><v>1</v></c>' if numbered_cells else b"<c><v>1</v></c>"
    header = b'<row r="1">' + b"".join(
        b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (column, title)
        for column, title in ((b"A", b"Acties"), (b"B", b"Trekker"), (b"C", b"Kwartaal"))
    )
    row = b'<row r="\x00">' + cell + b"</row>"
    parts = [header + b"</row>"]
    parts += [row.replace(b"\x00", b"%d" % n) for n in range(2, 1000)]
    # Rows k000 to k999: a fragment list joined on k.
    fragments = b"".join(row.replace(b"\x00", b"\x00%03d" % n) for n in range(1000)).split(b"\x00")
    parts += [(b"%d" % k).join(fragments) for k in range(1, 1000)]
    parts.append(row.replace(b"\x00", b"1000000"))
    return b"".join(parts)


def test_million_rows_helper_is_right() -> None:
    rows = million_rows()
    assert rows.count(b"<row ") == 1_000_000
    assert rows.count(b'<row r="999999">') == 1
    assert rows.endswith(b'<row r="1000000"><c r="A1000000"><v>1</v></c></row>')


@pytest.mark.parametrize(
    ("dimension", "numbered"),
    [(b"A1:C1000000", True), (None, True), (None, False)],
    ids=["with-dimension", "without-dimension", "without-dimension-or-cell-numbers"],
)
def test_a_million_rows(tmp_path: Path, dimension: bytes | None, numbered: bool) -> None:
    parts = plan_sheet()
    parts["xl/worksheets/sheet1.xml"] = sheet_xml(
        million_rows(numbered_cells=numbered), dimension=dimension
    )
    path = write_zip(tmp_path / "miljoen.xlsx", parts, level=1)
    assert path.stat().st_size < 8 * MIB
    error = refused(path, "workbook-sheet-rows")
    assert "more than 100000 rows" in str(error)
    # Said in Dutch, naming the sheet as staff know it, not the part of the zip.
    assert "blad 'Blad1' heeft waarden in meer dan 100000 rijen" in error.message("nl")
    assert "sheet1.xml" not in error.message("nl")


@pytest.mark.parametrize(
    "body",
    [
        # Two values, A1 and XFD2000: calamine would fill 2000 x 16384 cells (1.5 GB).
        b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2000"><c r="XFD2000"><v>1</v></c></row>',
        # The same reach through cells without numbers, each one after the other.
        b"<row>"
        + b"<c><v>1</v></c>" * 16384
        + b'</row><row r="2000"><c r="A2000"><v>1</v></c></row>',
        # A single cell far down: a million empty rows above it.
        b'<row r="1000000"><c r="A1000000"><v>1</v></c></row>',
        # The same with prefixed tags, which the quick check of a plain part must not pass.
        b'<x:row r="1000000"><x:c r="A1000000"><x:v>1</x:v></x:c></x:row>',
    ],
    ids=["far-corner", "wide-unnumbered-row", "far-down", "far-down-prefixed"],
)
def test_sparse_sheet_reaching_far(tmp_path: Path, body: bytes) -> None:
    parts = plan_sheet()
    parts["xl/worksheets/sheet1.xml"] = sheet_xml(body, dimension=None)
    code = "workbook-sheet-rows" if b"1000000" in body else "workbook-sheet-cells"
    error = refused(write_zip(tmp_path / "ver.xlsx", parts), code)
    assert "'Blad1'" in error.message("nl")


def test_big_sheet_within_the_limits_reads(tmp_path: Path) -> None:
    # 5,000 actions in three columns, numbered as Excel numbers them: read, not refused.
    rows = [PLAN_ROWS[0], PLAN_ROWS[1]] + [[f"Actie {i}.", "Ede", "Q1"] for i in range(5000)]
    path = make_workbook(tmp_path / "groot.xlsx", {"Blad1": rows})
    plan = uvp.read_workbook(path, municipality="Ede", year=2024)
    assert len(plan.actions) == 5000


# -- wrong types in cells ---------------------------------------------------------------------


def test_wrong_types_in_cells_are_findings(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "typen.xlsx",
        {
            "Blad1": [
                PLAN_ROWS[0],
                ["Acties", "Trekker", "Kwartaal", "Toelichting"],
                ["Een getal als trekker.", 42, "Q1"],
                ["Een getal als kwartaal.", "Ede", 2.5],
                [True, "Ede", "Q3"],
                ["Een gewone actie.", "Ede", "Q4"],
                [
                    "Een datum als kwartaal: het kwartaal van die datum.",
                    "Ede",
                    dt.datetime(2024, 4, 1),
                ],
            ]
        },
    )
    result = inspect_workbook(path, municipality="Ede", year=2024)
    found = {(f.code, f.location.cell) for f in result.findings}
    assert ("invalid-lead", "B3") in found
    assert ("invalid-quarter", "C4") in found
    assert not any(f.location.cell == "C7" for f in result.findings)
    assert all(f.message("nl") for f in result.findings)  # Dutch, for staff
    texts = [a.text for a in result.plan.actions]
    assert len(texts) == 5
    assert str(result.plan.actions[-1].assignments[0].schedule) == "Q2"
    assert texts[0] == "Een getal als trekker."
    assert texts[-2] == "Een gewone actie."
    assert result.plan.actions[-2].assignments[0].schedule == uvp.Schedule.parse("Q4")


# -- open in Excel, and saving -----------------------------------------------------------


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize(
    ("name", "lock"),
    [("plan.xlsx", "~$plan.xlsx"), ("uitvoeringsplan.xlsx", "~$tvoeringsplan.xlsx")],
    ids=["short-name", "long-name-shortened-by-excel"],
)
def test_workbook_open_in_excel(tmp_path: Path, name: str, lock: str) -> None:
    path = make_workbook(tmp_path / name, {"Blad1": PLAN_ROWS})
    (tmp_path / lock).write_bytes(b"\x0bMedewerker" + bytes(150))
    # Reading works: Excel lets others read an open workbook.
    assert [a.text for a in uvp.read_workbook(path, municipality="Ede", year=2024).actions] == [
        PLAN_ROWS[2][0]
    ]
    before = folder_state(tmp_path)
    written: list[Path] = []
    with pytest.raises(uvp.WorkbookError) as caught:
        save_atomically(written.append, path)
    assert caught.value.code == "workbook-locked"
    assert lock in caught.value.message("nl")
    assert name in caught.value.message("nl")
    assert written == []
    assert folder_state(tmp_path) == before


class StoppedError(Exception):
    pass


def fail_halfway(kind: type[BaseException]) -> Callable[[Path], None]:
    def write(temporary: Path) -> None:
        temporary.write_bytes(b"PK\x03\x04 half a workbook")
        raise kind("stopped")

    return write


@pytest.mark.parametrize("kind", [StoppedError, KeyboardInterrupt, OSError])
def test_failed_save_leaves_the_original(tmp_path: Path, kind: type[BaseException]) -> None:
    path = make_workbook(tmp_path / "plan.xlsx", {"Blad1": PLAN_ROWS})
    before = folder_state(tmp_path)
    expected: type[BaseException] = uvp.WorkbookError if kind is OSError else kind
    with pytest.raises(expected):
        save_atomically(fail_halfway(kind), path)
    assert folder_state(tmp_path) == before  # byte for byte, no temporary file, no backup


def test_save_makes_a_backup_and_keeps_the_mode(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "plan.xlsx", {"Blad1": PLAN_ROWS})
    path.chmod(0o640)
    original = path.read_bytes()
    new = make_workbook(tmp_path / "nieuw.xlsx", {"Blad1": [*PLAN_ROWS, ["Nog iets.", "Ede"]]})

    def write(temporary: Path) -> None:
        temporary.write_bytes(new.read_bytes())

    backup = save_atomically(write, path)
    assert backup == tmp_path / "plan.bak.xlsx"
    assert backup.read_bytes() == original
    assert path.read_bytes() == new.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "nieuw.xlsx",
        "plan.bak.xlsx",
        "plan.xlsx",
    ]


def test_save_into_a_missing_folder_makes_it(tmp_path: Path) -> None:
    target = tmp_path / "nieuw" / "map" / "plan.xlsx"
    save_atomically(lambda temporary: temporary.write_bytes(b"x"), target)
    assert target.read_bytes() == b"x"


def test_save_where_no_folder_can_be_made_says_so_without_an_original(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("een bestand, geen map")
    with pytest.raises(uvp.WorkbookError) as caught:
        save_atomically(lambda temporary: None, tmp_path / "bestand" / "plan.xlsx")
    assert caught.value.code == "file-write-failed"
    assert "origineel" not in caught.value.message("nl")


# -- the glance at a plain part agrees with the exact measure ------------------------------

_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=200),
    st.sampled_from([9999, 10000, 69999, 70000, 99999, 100001, 1048576]),
)
_REFERENCES = st.one_of(
    st.builds(lambda c, r: f"{c}{r}", st.sampled_from(["A", "Z", "a", "AA", "XFD", ""]), _NUMBERS),
    st.sampled_from(["", "A01", "B 2", "1A"]),
)
_ANY_CELL = st.builds(
    lambda tag, spelling, ref, value: (
        f"<{tag}{spelling.format(ref)}>" + ("<v>1</v>" if value else "") + f"</{tag}>"
    ),
    st.sampled_from(["c", "x:c"]),
    st.sampled_from([' r="{}"', " r='{}'", ' r = "{}"', ' s="1" r="{}"', "", ' r="{}" t="n"']),
    _REFERENCES,
    st.booleans(),
)
# Written as Excel writes them: plain unless the reference reaches far.
_EXCEL_CELL = st.builds(lambda ref: f'<c r="{ref}" t="n"><v>1</v></c>', _REFERENCES)
_ROWS = st.builds(
    lambda spelling, number, cells: f"<row{spelling.format(number)}>{''.join(cells)}</row>",
    st.sampled_from([' r="{}"', ' r="{}"', ' r="{}"', " r='{}'", "", ' spans="1:3" r="{}"']),
    _NUMBERS,
    st.lists(st.one_of(_EXCEL_CELL, _EXCEL_CELL, _ANY_CELL), max_size=4),
)


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(
    odd=st.one_of(_EXCEL_CELL, _ANY_CELL, _ROWS, st.sampled_from(["<!-- x -->", "<!DOCTYPE x>"])),
    at=st.integers(min_value=0, max_value=39),
    cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=5),
)
def test_a_part_taken_as_plain_is_within_the_limits(odd: str, at: int, cuts: list[int]) -> None:
    """What the quick glance lets through, the exact measure does too, however the part
    comes in chunks: a part is only plain when no cell of it can pass a limit. Each
    example is a plain sheet with one odd row, cell or declaration in it."""
    rows = [f'<row r="{n}"><c r="A{n}"><v>1</v></c><c r="C{n}" s="1"/>' for n in range(1, 41)]
    rows[at] += odd
    body = "</row>".join(rows) + "</row>"
    data = sheet_xml(body.encode(), dimension=None)
    plain = files._Plain()
    scan = files._Scan()
    start = 0
    for cut in [*sorted(cuts), len(data)]:
        chunk = data[start : max(start, cut)]
        plain.feed(chunk)
        scan.feed(chunk)
        start = max(start, cut)
    plain.feed(data[start:], final=True)
    scan.feed(data[start:], final=True)
    whole = files._Plain()
    whole.feed(data, final=True)
    assert plain.plain == whole.plain  # the chunks do not change the verdict
    if plain.plain:
        rows, columns = scan.extent
        assert not scan.declares
        assert rows <= files.LIMITS["rows"]
        assert rows * columns <= files.LIMITS["cells"]
        assert rows < 70_000
        assert columns <= 26
