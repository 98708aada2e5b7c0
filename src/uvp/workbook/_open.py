"""Opening workbook files safely, reading their values, saving without loss.

Every workbook is checked before any parser sees it: it must be a real
.xlsx (a zip with the parts of one), not password-protected, not an old .xls
or a renamed CSV or web page, not a zip bomb, and free of DOCTYPE/entity
declarations. Each problem is a :class:`~uvp.WorkbookError` with a Dutch and
an English message.

The check trusts nothing the zip says about itself. It unpacks every part once,
itself, in bounded steps, and stops as soon as a part passes a limit: the sizes
in the zip's table of contents are checked first (cheap), but a part that lies
about its size is caught by counting what it really unpacks to. While
unpacking it looks for declarations and measures how far each sheet reaches,
because the readers build the whole rectangle from A1 to the last cell in
memory: a sheet with one value in A1 and one in XFD100000 is a small file and
billions of cells.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import io
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from uvp.core import Snapshot, WorkbookError, backup_path, os_reason, write_with
from uvp.messages import Phrase

if TYPE_CHECKING:
    from openpyxl import Workbook

    from uvp.workbook._sheetinfo import PartScan, SheetInfo

__all__ = [
    "LIMITS",
    "check_workbook_file",
    "collection_paused",
    "load_values",
    "lock_file",
    "save_atomically",
    "workbook_bytes",
]

LIMITS: Final = {
    "entries": 10_000,  # parts in the zip
    "part_bytes": 64 * 1024 * 1024,  # one unpacked part
    "total_bytes": 256 * 1024 * 1024,  # all unpacked parts
    "ratio": 200,  # unpacked / packed, for parts over 1 MiB unpacked
    "rows": 100_000,  # rows in one sheet (a plan has hundreds)
    "cells": 2_000_000,  # rows x columns one sheet spans (the readers fill that rectangle)
}
"""Limits on what a workbook may unpack to; a file beyond them is refused."""

_OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO: Final = "EncryptionInfo".encode("utf-16-le")
_OLE_SCAN_BYTES: Final = 32 * 1024 * 1024  # how much of an OLE file is searched for it
_ZIP_SIGNATURES: Final = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")  # a part, an empty zip
_END_OF_DIRECTORY: Final = b"PK\x05\x06"
_ZIP64_LOCATOR: Final = b"PK\x06\x07"
_ZIP64_END_OF_DIRECTORY: Final = b"PK\x06\x06"
_LOCAL_HEADER: Final = b"PK\x03\x04"
# The zip's table of contents is read whole into memory (by zipfile), so its size is
# capped before zipfile parses it: an entry takes 46 bytes plus its name; 256 a part
# on average is far more than any workbook needs.
_DIRECTORY_BYTES_PER_ENTRY: Final = 256
_READ: Final = 64 * 1024  # packed bytes read at a time
_CHUNK: Final = 1024 * 1024  # unpacked bytes produced at a time
_RATIO_FROM: Final = 1024 * 1024  # parts smaller than this unpacked may be packed any ratio
# Parts no reader parses as XML (pictures, VBA, printer settings): not scanned.
_WORKSHEETS: Final = "xl/worksheets/"
"""Where Excel and openpyxl keep worksheets: the parts the file check scans for sheet
information on the way (a sheet kept elsewhere is read again for it)."""
_NOT_XML: Final = (
    ".bin", ".bmp", ".emf", ".gif", ".ico", ".jpeg", ".jpg", ".png", ".svg", ".tif", ".tiff",
    ".wdp", ".wmf",
)  # fmt: skip

# What the scan of a part looks for. Every pattern ends in a fixed character, so a
# match cut in two by a chunk boundary is not found short in the first chunk; the
# last _CARRY bytes of a chunk are searched again with the next.
_CARRY: Final = 128
_TAIL: Final = 4096  # how far back from a chunk's end a cut tag is looked for
_PREFIX: Final = rb"(?:[A-Za-z_][\w.-]{0,31}:)?"  # x:row, as some writers spell <row>
_DECLARATION: Final = re.compile(rb"<!(?i:doctype|entity)")
# A row's start tag, or the start of a cell that holds something (a value, a formula or
# inline text): cells that only carry a format or anchor a comment are not counted,
# since no reader makes a value of them (a comment at XFD1048576 is a small sheet).
_TAG: Final = re.compile(
    rb"<"
    + _PREFIX
    + rb"(?:(row)(?=[\s/>])([^>]*)>|c(?=[\s>])([^>]*)>\s{0,64}<"
    + _PREFIX
    + rb"(?:v|f|is)(?=[\s/>]))"
)
_R: Final = re.compile(rb"\sr\s{0,16}=\s{0,16}[\"']([A-Za-z]{0,3})([0-9]{1,15})[\"']")
# The same, fast, where every row and cell carries its number (as Excel writes them).
_VALUE_CELL: Final = re.compile(
    rb"<" + _PREFIX + rb"c\s[^>]*?(?<=\s)r\s{0,16}=\s{0,16}[\"']([A-Za-z]{1,3})([0-9]{1,15})[\"']"
    rb"[^>]*>\s{0,64}<" + _PREFIX + rb"(?:v|f|is)(?=[\s/>])"
)
_UNNUMBERED: Final = re.compile(rb"<" + _PREFIX + rb"(?:row|c)(?=[\s/>])(?![^>]*\sr\s{0,16}=)")
# Where a chunk may be cut without cutting a row or cell tag in two: before the last one.
_TAG_START: Final = re.compile(rb"<" + _PREFIX + rb"(?:row|c)(?=[\s/>])")


# What makes a part not plain (see _Plain): any declaration, comment or CDATA; a row
# or cell tag not written as <row r="N" / <c r="AN" with N below 70,000 (then at most
# 69,999 x 26 = 1,819,974 cells); a prefixed row or cell tag.
_NOT_PLAIN: Final = (
    re.compile(
        rb"<(?:!"
        rb"|c(?! r=\"[A-Za-z](?:[0-9]{1,4}|[1-6][0-9]{4})\")[\s/>]"
        rb"|row(?! r=\"(?:[0-9]{1,4}|[1-6][0-9]{4})\")[\s/>])"
    ),
    re.compile(rb":(?:c|row)[\s/>]"),
)
_PLAIN_CARRY: Final = 64  # longer than any match of _NOT_PLAIN with its lookahead
_PLAIN_ROWS: Final = 69_999
_PLAIN_COLUMNS: Final = 26


def check_workbook_file(path: str | os.PathLike[str]) -> None:
    """Refuse, with a clear :class:`~uvp.WorkbookError`, a file that is not a safe .xlsx."""
    _check_file(Path(path), None)


def _check_file(path: Path, info: dict[str, SheetInfo] | None) -> None:
    """:func:`check_workbook_file`; with *info*, that of a safe file's sheets is put in it
    (what :func:`~uvp.workbook.load_sheet_info` gives), from the check's one unpacking."""
    source = str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise WorkbookError("workbook-missing", source=source) from None
    except OSError as error:
        raise WorkbookError(
            "workbook-unreadable", source=source, detail=error.strerror or type(error).__name__
        ) from error
    if stat.S_ISDIR(mode):
        raise WorkbookError("workbook-not-zip", source=source, detail=Phrase("file-is-folder"))
    if not stat.S_ISREG(mode):  # opening a named pipe would wait for a writer, forever
        raise WorkbookError("workbook-not-zip", source=source, detail=Phrase("file-is-device"))
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise WorkbookError("workbook-missing", source=source) from None
    except IsADirectoryError:
        raise WorkbookError(
            "workbook-not-zip", source=source, detail=Phrase("file-is-folder")
        ) from None
    except OSError as error:
        raise WorkbookError(
            "workbook-unreadable", source=source, detail=error.strerror or type(error).__name__
        ) from error
    with stream:
        try:
            _check_stream(stream, source, info)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as error:
            raise WorkbookError("workbook-corrupt", source=source, detail=str(error)) from error
        except (OSError, ValueError, struct.error) as error:
            # zipfile's own reading of a damaged table of contents (a seek before the
            # start of the file, a short record)
            detail = (error.strerror if isinstance(error, OSError) else None) or str(error)
            raise WorkbookError("workbook-corrupt", source=source, detail=detail) from error


def _check_stream(stream: IO[bytes], source: str, info: dict[str, SheetInfo] | None) -> None:
    head = stream.read(8)
    if head.startswith(_OLE_SIGNATURE):
        # An OLE compound file: either an encrypted .xlsx or an old .xls.
        encrypted = _contains(stream, _ENCRYPTION_INFO, _OLE_SCAN_BYTES)
        raise WorkbookError(
            "workbook-encrypted" if encrypted else "workbook-legacy-xls", source=source
        )
    if not head.startswith(_ZIP_SIGNATURES):
        raise WorkbookError("workbook-not-zip", source=source, detail=_describe(stream))
    _check_directory(stream, source)
    with zipfile.ZipFile(stream) as archive:  # leaves *stream* open
        scans: dict[str, PartScan] | None = None if info is None else {}
        _check_archive(archive, stream, source, scans)
        if info is not None and scans is not None:  # the file is safe: its sheets' info
            from uvp.workbook._sheetinfo import sheet_info_of

            info.update(sheet_info_of(archive, scans))


def _contains(stream: IO[bytes], needle: bytes, limit: int) -> bool:
    """Whether *needle* is in the first *limit* bytes of *stream*, read a chunk at a time."""
    stream.seek(0)
    carry = b""
    read = 0
    while read < limit and (chunk := stream.read(min(_CHUNK, limit - read))):
        read += len(chunk)
        if needle in carry + chunk:
            return True
        carry = chunk[-len(needle) :]
    return False


def _describe(stream: IO[bytes]) -> Phrase:
    """What a file that is not a zip is, as far as its first bytes tell."""
    stream.seek(0)
    sample = stream.read(4096)
    if not sample:
        return Phrase("file-is-empty")
    text = _sample_text(sample)
    if text is None:
        return Phrase("file-is-unknown")
    start = text.lstrip("\ufeff \t\r\n").lower()
    if start.startswith("<"):
        if start.startswith(("<!doctype html", "<html")) or "<html" in start[:1024]:
            return Phrase("file-is-html")
        if "urn:schemas-microsoft-com:office:spreadsheet" in start:
            return Phrase("file-is-xml-2003")
        return Phrase("file-is-xml")
    if any(sep in text for sep in (";", ",", "\t")):
        return Phrase("file-is-csv")
    return Phrase("file-is-text")


def _sample_text(sample: bytes) -> str | None:
    """The first bytes of a file as text, or ``None`` if they are not text."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),  # Excel's "Unicode text"
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if sample.startswith(bom):
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
            return decoder.decode(sample[len(bom) :])
    if b"\x00" in sample:
        return None
    try:
        # Not final: a character the sample cuts in two is not an error.
        return codecs.getincrementaldecoder("utf-8")().decode(sample)
    except UnicodeDecodeError:
        pass
    text = sample.decode("cp1252", errors="replace")  # Excel's CSV on Dutch Windows
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    return None if controls > len(text) // 50 else text


def _check_directory(stream: IO[bytes], source: str) -> None:
    """Refuse a zip whose table of contents is too big, before zipfile reads it whole."""
    size = stream.seek(0, os.SEEK_END)
    start = max(0, size - (22 + 0xFFFF))  # the end record and the longest comment
    stream.seek(start)
    tail = stream.read()
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) - at < 22:
        return  # no end record: zipfile says how the file is damaged
    entries, directory_bytes, _ = struct.unpack_from("<HII", tail, at + 10)
    if entries == 0xFFFF or directory_bytes == 0xFFFFFFFF:  # the real values are in ZIP64's
        locator = tail[at - 20 : at] if at >= 20 else b""
        if locator.startswith(_ZIP64_LOCATOR):
            (offset,) = struct.unpack_from("<Q", locator, 8)
            stream.seek(offset)
            record = stream.read(56)
            if len(record) == 56 and record.startswith(_ZIP64_END_OF_DIRECTORY):
                entries, directory_bytes = struct.unpack_from("<QQ", record, 32)
    if entries > LIMITS["entries"]:
        raise WorkbookError(
            "workbook-too-large", source=source, detail=f"{entries:,} parts in one file"
        )
    if directory_bytes > LIMITS["entries"] * _DIRECTORY_BYTES_PER_ENTRY:
        raise WorkbookError(
            "workbook-too-large",
            source=source,
            detail=f"its table of contents takes {directory_bytes:,} bytes",
        )


def _check_archive(
    archive: zipfile.ZipFile,
    stream: IO[bytes],
    source: str,
    scans: dict[str, PartScan] | None = None,
) -> None:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise WorkbookError(
            "workbook-not-zip",
            source=source,
            detail="a zip file, but without the parts of a workbook",
        )
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(name.lower(), name)
        if other != name:  # part names are compared without case (ECMA-376 part 2, 6.2.2.3)
            raise WorkbookError(
                "workbook-corrupt",
                source=source,
                detail=f"it holds both {other} and {name}, one part under two names",
            )
    if len(infos) > LIMITS["entries"]:
        raise WorkbookError(
            "workbook-too-large", source=source, detail=f"{len(infos)} parts in one file"
        )
    # First what the table of contents declares: refuses an honest bomb unpacking nothing.
    declared_total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise WorkbookError("workbook-encrypted", source=source)  # zip's own encryption
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise WorkbookError(
                "workbook-corrupt",
                source=source,
                detail=f"{info.filename} is packed with method {info.compress_type}, "
                "which Excel does not use",
            )
        declared = info.file_size
        if declared > LIMITS["part_bytes"]:
            raise WorkbookError(
                "workbook-too-large",
                source=source,
                detail=f"{info.filename} unpacks to {declared:,} bytes",
            )
        if declared > _RATIO_FROM and declared > LIMITS["ratio"] * max(info.compress_size, 1):
            raise WorkbookError(
                "workbook-too-large",
                source=source,
                detail=f"{info.filename} is packed {declared // max(info.compress_size, 1)}:1",
            )
        declared_total += declared
        if declared_total > LIMITS["total_bytes"]:
            raise WorkbookError(
                "workbook-too-large",
                source=source,
                detail=f"the parts unpack to more than {LIMITS['total_bytes']:,} bytes",
            )
    # Then what the parts really hold, which a crafted zip need not have declared.
    total = 0
    try:
        for info in infos:
            total += _check_part(stream, info, source, LIMITS["total_bytes"] - total, scans)
    except WorkbookError as error:
        if error.code in ("workbook-sheet-rows", "workbook-sheet-cells"):
            raise _named_sheet(error, archive) from None
        raise


def _check_part(
    stream: IO[bytes],
    info: zipfile.ZipInfo,
    source: str,
    total_left: int,
    scans: dict[str, PartScan] | None = None,
) -> int:
    """Unpack one part, scanning it, and stop as soon as it passes a limit; its size.

    An XML part is first only checked to be *plain*, which is cheap; only a part
    that is not is unpacked again and measured cell by cell (:class:`_Scan`).
    With *scans*, a worksheet's bytes are also looked at for its sheet information
    on the way (:class:`~uvp.workbook._sheetinfo.PartScan`), kept there by part name.
    """
    name = info.filename
    if name.endswith("/") or name.lower().endswith(_NOT_XML):
        return _unpack_part(stream, info, source, total_left, None)
    plain = _Plain()
    sheet = None
    if scans is not None and name.startswith(_WORKSHEETS) and name.endswith(".xml"):
        from uvp.workbook._sheetinfo import PartScan

        sheet = PartScan()
    size = _unpack_part(stream, info, source, total_left, plain, sheet)
    if sheet is not None and scans is not None:
        scans[name] = sheet
    if not plain.plain:
        _unpack_part(stream, info, source, total_left, _Scan())
    return size


def _unpack_part(
    stream: IO[bytes],
    info: zipfile.ZipInfo,
    source: str,
    total_left: int,
    scan: _Scan | _Plain | None,
    sheet: PartScan | None = None,
) -> int:
    name = info.filename
    ratio_cap = max(_RATIO_FROM, LIMITS["ratio"] * max(info.compress_size, 1))
    budget = min(LIMITS["part_bytes"], ratio_cap, total_left)
    size = 0
    crc = 0
    for chunk in _unpack(stream, info, budget + 1):
        size += len(chunk)
        if size > budget:
            if size > LIMITS["part_bytes"]:
                detail = f"{name} unpacks to more than {LIMITS['part_bytes']:,} bytes"
            elif size > ratio_cap:
                detail = f"{name} is packed more than {LIMITS['ratio']}:1"
            else:
                detail = f"the parts unpack to more than {LIMITS['total_bytes']:,} bytes"
            raise WorkbookError("workbook-too-large", source=source, detail=detail)
        crc = zlib.crc32(chunk, crc)
        if isinstance(scan, _Scan):
            scan.feed(chunk)
            _check_scan(scan, name, source)
        elif scan is not None:
            scan.feed(chunk)
        if sheet is not None:
            sheet.feed(chunk)
    if sheet is not None:
        sheet.feed(b"", final=True)
    if isinstance(scan, _Scan):
        scan.feed(b"", final=True)
        _check_scan(scan, name, source)
    elif scan is not None:
        scan.feed(b"", final=True)
    if size != info.file_size:
        raise zipfile.BadZipFile(
            f"{name} holds {size:,} bytes, not the {info.file_size:,} declared"
        )
    if crc != info.CRC:
        raise zipfile.BadZipFile(f"{name} fails its checksum")
    return size


def _check_scan(scan: _Scan, name: str, source: str) -> None:
    if scan.declares:
        raise WorkbookError("workbook-hostile-xml", source=source, part=name)
    rows, columns = scan.extent
    if rows > LIMITS["rows"]:
        raise WorkbookError(
            "workbook-sheet-rows",
            source=source,
            part=name,
            sheet_name=name,  # named by its sheet once the workbook says which (_named_sheet)
            rows=rows,
            limit=LIMITS["rows"],
        )
    if rows * columns > LIMITS["cells"]:
        raise WorkbookError(
            "workbook-sheet-cells",
            source=source,
            part=name,
            sheet_name=name,
            rows=rows,
            columns=columns,
            limit=LIMITS["cells"],
        )


def _named_sheet(error: WorkbookError, archive: zipfile.ZipFile) -> WorkbookError:
    """*error* about a sheet's part, naming the sheet as staff know it (the part's name
    where the workbook does not say it)."""
    from uvp.workbook._sheetinfo import sheet_names

    part = str(error.params["part"])
    return WorkbookError(
        error.code, **{**error.params, "sheet_name": sheet_names(archive).get(part, part)}
    )


def _unpack(stream: IO[bytes], info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The unpacked bytes of a part, in chunks, at most *limit* of them in all.

    Reads the packed data itself rather than through zipfile, which stops at the
    size the part declares: a part that lies about its size must be measured.
    """
    stream.seek(info.header_offset)
    header = stream.read(30)
    if len(header) < 30 or not header.startswith(_LOCAL_HEADER):
        raise zipfile.BadZipFile(f"{info.filename} has no local header")
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    stream.seek(info.header_offset + 30 + name_length + extra_length)
    packed_left = info.compress_size
    left = limit
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    while packed_left > 0 and left > 0:
        data = stream.read(min(packed_left, _READ))
        if not data:
            raise zipfile.BadZipFile(f"{info.filename} is cut off")
        packed_left -= len(data)
        if inflater is None:
            data = data[:left]
            left -= len(data)
            yield data
            continue
        while left > 0:
            out = inflater.decompress(data, min(_CHUNK, left))
            data = inflater.unconsumed_tail
            if out:
                left -= len(out)
                yield out
            if inflater.eof:
                return
            if not data and not out:
                break
    if inflater is not None and not inflater.eof and left > 0:
        raise zipfile.BadZipFile(f"{info.filename} ends before its packed data does")


class _Plain:
    """Whether a part is *plain*: nothing in it can pass a limit, as a glance shows.

    A part is plain when it is ASCII-compatible, declares nothing (no ``<!``
    at all), and every row and cell tag in it is written as Excel and openpyxl
    write them, unprefixed and numbered first: ``<row r="14"`` and ``<c r="C14"``,
    with a one-letter column and a row number below 70,000. Its values then
    span at most 69,999 rows of 26 columns, within :data:`LIMITS`, whatever the
    cells hold; no tag is looked at one by one. Anything else (comments, CDATA,
    prefixed tags, columns past Z, far rows, unnumbered cells) is left to the
    exact measure of :class:`_Scan`, which decides as it always did.
    """

    def __init__(self) -> None:
        # Limits set lower than a plain part may reach: every part is measured.
        self.plain = (
            LIMITS["rows"] >= _PLAIN_ROWS and LIMITS["cells"] >= _PLAIN_ROWS * _PLAIN_COLUMNS
        )
        self._started = False
        self._carry = b""

    def feed(self, data: bytes, *, final: bool = False) -> None:
        """Look at the next unpacked bytes of the part."""
        if not self.plain:
            return
        if not self._started:
            data = self._carry + data
            if len(data) < 4 and not final:
                self._carry = data
                return
            self._started, self._carry = True, b""
            if _xml_encoding(data[:4]) is not None:
                self.plain = False
                return
        window = self._carry + data
        # A match near the end may be cut short (its lookahead): it is looked at
        # again, whole, with the next chunk.
        edge = len(window) if final else len(window) - _PLAIN_CARRY
        for pattern in _NOT_PLAIN:
            found = pattern.search(window)
            if found is not None and found.start() < edge:
                self.plain = False
                return
        self._carry = window[-_PLAIN_CARRY:]


class _Scan:
    """What one part holds, learnt a chunk at a time: declarations, and how far it reaches.

    ``extent`` is the rows and columns a sheet's values span: the ``r="C14"``
    of each cell that holds a value, formula or text, and for cells and rows
    without one, their place after the one before. It is computed for every
    part (only sheets have rows and cells), so a sheet stored under an unusual
    name is measured all the same.
    """

    def __init__(self) -> None:
        self.declares = False
        self._started = False
        self._pending = b""
        self._decoder: codecs.IncrementalDecoder | None = None
        self._carry = b""  # the end of the last chunk: a declaration or a tag cut in two
        self._row = 0  # the row being read
        self._column = 0  # the last cell's column in it
        self._rows = 0  # the highest row that holds a value
        self._columns = 0  # the highest column that holds a value

    @property
    def extent(self) -> tuple[int, int]:
        """(rows, columns): the values reach this far."""
        return self._rows, max(1, self._columns)

    def feed(self, data: bytes, *, final: bool = False) -> None:
        """Scan the next unpacked bytes of the part."""
        if not self._started:
            # The encoding is known from the first four bytes (XML 1.0, appendix F).
            self._pending += data
            if len(self._pending) < 4 and not final:
                return
            data, self._pending, self._started = self._pending, b"", True
            encoding = _xml_encoding(data[:4])
            if encoding is not None:
                self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        if self._decoder is not None:
            data = self._decoder.decode(data, final).encode("utf-8")
        if not data and not final:
            return
        window = self._carry + data
        # "<!" is rare in a workbook's XML and found at memchr speed; only then the regex.
        if b"<!" in window and _DECLARATION.search(window):
            self.declares = True
        cut = len(window)
        if not final:
            tail = max(0, len(window) - _TAIL)
            last = None
            for last in _TAG_START.finditer(window, tail):  # noqa: B007
                pass
            cut = last.start() if last is not None else max(tail, len(window) - _CARRY)
        if b"<" in window:
            self._tags(window[:cut])
        self._carry = window[cut:]

    def _tags(self, text: bytes) -> None:
        if _UNNUMBERED.search(text) is None:
            # Every row and cell is numbered: only the value cells' numbers count.
            if references := _VALUE_CELL.findall(text):
                letters, numbers = zip(*references, strict=True)
                self._columns = max(self._columns, *map(_column, set(letters)))
                self._rows = max(self._rows, *map(int, numbers))
            rows = [m.group(2) for m in _TAG.finditer(text[text.rfind(b"<row") :])]
            if rows and rows[0] and (number := _R.search(rows[0])):
                self._row = int(number.group(2))
            return
        for match in _TAG.finditer(text):
            if match.group(1):  # a row
                number = _R.search(match.group(2))
                self._row = int(number.group(2)) if number else self._row + 1
                self._column = 0
                continue
            reference = _R.search(match.group(3))
            if reference is not None and reference.group(1):
                self._column = _column(reference.group(1))
                self._row = int(reference.group(2))
            else:
                self._column += 1
            self._rows = max(self._rows, self._row)
            self._columns = max(self._columns, self._column)


def _xml_encoding(head: bytes) -> str | None:
    """The encoding an XML part's first bytes show, if it is not ASCII-compatible."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for start, encoding in (
        (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00\x00\x00<", "utf-32-be"),
        (b"<\x00", "utf-16-le"),
        (b"\x00<", "utf-16-be"),
    ):
        if head.startswith(start):
            return encoding
    return None


def _column(letters: bytes) -> int:
    """The number of a column: 1 for A, 16384 for XFD."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


Rows = list[list[object]]


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while a workbook is read (restored after, as it was).

    A read makes a few objects per cell and keeps almost all of them: the
    collector, run every 700 allocations, would go through them again and
    again (a third of the time of reading 50,000 actions) and find nothing to
    free. What a read leaves as garbage is collected after it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_values(path: str | os.PathLike[str]) -> dict[str, Rows]:
    """Every worksheet's cell values, in sheet order (empty cells are ``None``).

    Uses python-calamine (fast, native) where it is installed, else openpyxl;
    both give the values Excel last calculated for formulas.
    """
    path = Path(path)
    check_workbook_file(path)
    return _load_checked(path)


def load_values_and_info(
    path: str | os.PathLike[str],
) -> tuple[dict[str, Rows], dict[str, SheetInfo]]:
    """:func:`load_values` and :func:`~uvp.workbook.load_sheet_info` of a workbook, the
    sheet information gathered by the file check as it unpacks each part (the
    workbook is not unpacked a second time for it).

    >>> values, info = load_values_and_info("examples/scherpenzeel-2024.xlsx")
    >>> list(values) == list(info), values["Plan"][0], info["Plan"].hidden
    (True, ['Uitvoeringsplan Veiligheid 2024 — gemeente Scherpenzeel'], False)
    """
    path = Path(path)
    info: dict[str, SheetInfo] = {}
    _check_file(path, info)
    return _load_checked(path), info


def _load_checked(path: Path) -> dict[str, Rows]:
    """:func:`load_values` of a file checked safe."""
    try:
        return _load_with_calamine(path)
    except ImportError:
        return _load_with_openpyxl(path)
    except WorkbookError as error:
        # calamine does not read everything Excel writes (a sheet of Excel 4 macros,
        # say): a workbook is damaged only if openpyxl cannot read it either.
        try:
            sheets = _load_with_openpyxl(path)
        except WorkbookError:
            raise error from None
        if not sheets:
            raise error from None
        return sheets


def _load_with_calamine(path: Path) -> dict[str, Rows]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets: dict[str, Rows] = {}
        for meta in book.sheets_metadata:
            if "work" not in str(meta.typ).lower():
                continue  # chart sheets, macro sheets
            sheet = book.get_sheet_by_name(meta.name)
            sheets[meta.name] = _trimmed(sheet.to_python(skip_empty_area=False))
        return sheets
    except Exception as error:  # calamine raises its own error types (in English)
        raise WorkbookError("workbook-corrupt", source=str(path), detail=damage(path)) from error


def _trimmed(rows: Sequence[Sequence[object]]) -> Rows:
    """Rows as calamine gives them (a rectangle, ``""`` for an empty cell), each up to
    its last value and without empty rows at the end: one stray value far out makes
    the rectangle wide or long, but not the rows the reader goes through."""
    trimmed: Rows = []
    for row in rows:
        if row.count("") == len(row):  # at C speed: the many empty rows of a long sheet
            trimmed.append([])
            continue
        end = len(row)
        while row[end - 1] == "":
            end -= 1
        trimmed.append([None if v == "" else v for v in row[:end]])
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed


def _load_with_openpyxl(path: Path) -> dict[str, Rows]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheets: dict[str, Rows] = {}
            for ws in book.worksheets:
                # What the sheet says of its size is a claim (a formatted cell far away
                # widens it): the rows are taken as they are, up to their last value.
                if hasattr(ws, "reset_dimensions"):
                    ws.reset_dimensions()
                rows: Rows = []
                for row in ws.iter_rows(values_only=True):
                    values: list[object] = list(row)
                    while values and values[-1] is None:
                        values.pop()
                    rows.append(values)
                while rows and not rows[-1]:
                    rows.pop()
                sheets[ws.title] = rows
            if not sheets and _is_strict(path):
                # openpyxl knows only transitional Open XML: it sees no sheet at all.
                raise WorkbookError("workbook-strict", source=str(path))
            return sheets
        finally:
            book.close()
    except WorkbookError:
        raise
    except Exception as error:
        raise WorkbookError("workbook-corrupt", source=str(path), detail=damage(path)) from error


def _is_strict(path: Path) -> bool:
    """Whether the workbook is saved as Strict Open XML."""
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/workbook")]
        return any(b"purl.oclc.org/ooxml/spreadsheetml/main" in archive.read(n) for n in names)


def damage(path: str | os.PathLike[str]) -> Phrase:
    """What is damaged in the workbook at *path*, in words of the catalogue (a reader's
    own reason is English): the first part that is not readable XML, named by its sheet
    where it is one, else that its parts do not fit together.

    >>> str(damage("examples/nijkerk-2024.xlsx"))
    "its parts do not fit together as a workbook's do"
    """
    from lxml import etree

    from uvp.workbook._package import Package, parse_xml

    broken = None
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    try:
                        parse_xml(archive.read(name))
                    except etree.XMLSyntaxError:
                        broken = name
                        break
    except (OSError, ValueError, zipfile.BadZipFile, zlib.error, EOFError):
        pass
    if broken is None:
        return Phrase("package-not-readable")
    sheet = None
    with contextlib.suppress(Exception):  # the workbook's own parts may be the damaged ones
        sheet = next(
            (name for name, part in Package.open(Path(path)).sheets() if part == broken), None
        )
    if sheet is not None:
        return Phrase("package-sheet-damaged", {"sheet": sheet})
    return Phrase("package-part-not-xml", {"part": broken})


def lock_file(path: str | os.PathLike[str]) -> Path | None:
    """Excel's lock file for *path* (``~$name.xlsx``) when the workbook is open, else ``None``."""
    path = Path(path)
    candidates = [path.with_name("~$" + path.name)]
    if len(path.name) > 2:
        candidates.append(path.with_name("~$" + path.name[2:]))  # Excel shortens long names
    return next((c for c in candidates if c.exists()), None)


def save_atomically(
    write: Callable[[Path], Any],
    path: str | os.PathLike[str],
    *,
    backup: bool = True,
    original: Snapshot | None = None,
) -> Path | None:
    """Write a file through *write* (given a temporary path), then replace *path* with it.

    The one atomic writer (:func:`uvp.core.write_with`: a write lock, fsync, a
    backup made all or nothing, a read-only file refused) with what a workbook
    needs besides: a workbook open in Excel is refused, a missing folder is
    made, and with *backup* the original is kept as ``name.bak.xlsx`` beside it
    (its path is returned). With *original* (the version an edit read), the
    file is replaced only if it is still that version. A crash or an error
    leaves *path* and its backup as they were; a failure is a
    :class:`~uvp.WorkbookError`.
    """
    path = Path(path)
    source = str(path)
    lock = lock_file(path)
    if lock is not None:
        raise WorkbookError("workbook-locked", source=source, lock=lock.name)
    existed = path.exists()
    # Said of a file that was there: "the original is unchanged"; of a new one, not.
    failed = "workbook-write-failed" if existed else "file-write-failed"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a file where a folder should be, no right to make it
        raise WorkbookError(failed, source=source, detail=os_reason(error)) from error
    write_with(path, write, backup=backup, original=original, failed=failed)
    return backup_path(path) if backup and existed else None


def save_workbook(
    book: Workbook, path: str | os.PathLike[str], *, backup: bool = True
) -> Path | None:
    """Save an openpyxl workbook to *path* atomically (see :func:`save_atomically`)."""
    data = workbook_bytes(book)
    return save_atomically(lambda temporary: temporary.write_bytes(data), path, backup=backup)


def workbook_bytes(book: Workbook) -> bytes:
    """An openpyxl workbook as a file's bytes, made in memory.

    openpyxl's own ``save`` leaves its zip file open when the disk fills up (and
    Python then prints a traceback on leaving); in memory that cannot happen, and
    the one writer puts the bytes on the disk.
    """
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
