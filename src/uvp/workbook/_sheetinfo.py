"""What a sheet's values do not say: whether it is hidden, its hidden rows and
columns, and its merged cells.

The reader works on values (:func:`uvp.workbook.read_values`); a file also says
what staff see of them. :func:`load_sheet_info` reads that from the workbook's
XML, streamed a part at a time, so that the reader can read a merged header by
its value, fill a merged cell's value into the rows it spans, and say that it
read a hidden sheet, row or column. A live workbook read through xlwings has
no such information; the reader then takes the values as they are.

>>> info = load_sheet_info("examples/nijkerk-2024.xlsx")
>>> info["Plan"].hidden, info["Plan"].merged
(False, ())
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from collections.abc import Iterator, Mapping
from typing import IO, Final
from xml.etree import ElementTree

import attrs

__all__ = ["CellRange", "SheetInfo", "load_sheet_info", "sheet_names"]

_CHUNK: Final = 1024 * 1024
_CARRY: Final = 4096  # longer than any tag looked for: a tag cut by a chunk is seen whole
_TAG_PREFIX: Final = rb"<(?:[A-Za-z_][\w.-]{0,31}:)?"
_MERGE: Final = re.compile(
    _TAG_PREFIX + rb"mergeCell\s[^>]{0,512}?\bref\s*=\s*[\"']([^\"']{1,40})[\"']"
)
_ROW: Final = re.compile(_TAG_PREFIX + rb"row\s([^>]{0,2048})>")
_COL: Final = re.compile(_TAG_PREFIX + rb"col\s([^>]{0,2048})/?>")
_HIDDEN: Final = re.compile(rb"\bhidden\s*=\s*[\"'](?:1|true)[\"']")
_NUMBER: Final = {
    name: re.compile(rb"\b" + name + rb"\s*=\s*[\"'](\d{1,7})[\"']")
    for name in (b"r", b"min", b"max")
}
_REFERENCE: Final = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


@attrs.frozen
class CellRange:
    """A rectangle of cells, 1-based and inclusive: ``A4:D4`` is row 4, columns 1 to 4.

    >>> merged = CellRange.parse("A4:D4")
    >>> merged, merged.ref, (4, 2) in merged
    (CellRange(first_row=4, first_column=1, last_row=4, last_column=4), 'A4:D4', True)
    """

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @classmethod
    def parse(cls, ref: str) -> CellRange | None:
        """The range *ref* names (``B2:C9``, ``$A$1``), or ``None`` for anything else."""
        corners = ref.split(":")
        found = [_REFERENCE.fullmatch(corner) for corner in corners]
        if not 1 <= len(found) <= 2 or any(m is None for m in found):
            return None
        cells = [(int(m.group(2)), _column(m.group(1))) for m in found if m is not None]
        rows, columns = [r for r, _ in cells], [c for _, c in cells]
        if min(rows) < 1:
            return None
        return cls(min(rows), min(columns), max(rows), max(columns))

    @property
    def ref(self) -> str:
        """The range as Excel writes it."""
        from uvp.core import cell_name

        first = cell_name(self.first_row, self.first_column)
        last = cell_name(self.last_row, self.last_column)
        return first if first == last else f"{first}:{last}"

    @property
    def rows(self) -> int:
        """How many rows the range spans."""
        return self.last_row - self.first_row + 1

    @property
    def columns(self) -> int:
        """How many columns the range spans."""
        return self.last_column - self.first_column + 1

    def __contains__(self, cell: object) -> bool:
        if not isinstance(cell, tuple) or len(cell) != 2:
            return False
        row, column = cell
        inside: bool = (
            self.first_row <= row <= self.last_row
            and self.first_column <= column <= self.last_column
        )
        return inside


@attrs.frozen
class SheetInfo:
    """What staff see of a sheet besides its values.

    ``hidden`` is a hidden (or *very hidden*) sheet; ``hidden_rows`` and
    ``hidden_columns`` hold 1-based numbers; ``merged`` the merged ranges.

    >>> SheetInfo().hidden
    False
    """

    hidden: bool = False
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    merged: tuple[CellRange, ...] = ()


def load_sheet_info(path: str | os.PathLike[str]) -> dict[str, SheetInfo]:
    """Per worksheet name: whether it is hidden, its hidden rows and columns, and its
    merged ranges, read from the workbook's XML (checked safe beforehand by the caller).

    A part that cannot be read gives no information rather than an error: the
    values are read, and their errors said, elsewhere.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            return dict(_sheets(archive))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError):
        return {}


def sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part -> the name of its sheet, where the workbook says it (for
    messages that name the sheet rather than the part)."""
    try:
        return {part: name for name, _, part in _sheet_parts(archive) if part is not None}
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError):
        return {}


def sheet_info_of(
    archive: zipfile.ZipFile, scanned: Mapping[str, PartScan]
) -> dict[str, SheetInfo]:
    """What :func:`load_sheet_info` gives, from an archive the file check has opened and
    checked, and the parts it has scanned on the way (any other part is read here)."""
    try:
        return dict(_sheets(archive, scanned))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError):
        return {}


def _sheets(
    archive: zipfile.ZipFile, scanned: Mapping[str, PartScan] | None = None
) -> Iterator[tuple[str, SheetInfo]]:
    names = set(archive.namelist())
    for name, hidden, part in _sheet_parts(archive):
        if part is None or part not in names:  # a chart sheet, a broken reference
            yield name, SheetInfo(hidden)
            continue
        if scanned is not None and part in scanned:
            yield name, scanned[part].info(hidden)
            continue
        with archive.open(part) as stream:
            yield name, _scan(stream, hidden)


def _sheet_parts(archive: zipfile.ZipFile) -> Iterator[tuple[str, bool, str | None]]:
    """(name, hidden, part) of every sheet, in tab order."""
    names = set(archive.namelist())
    workbook = _office_document(archive, names)
    root = _parse_xml(archive.read(workbook))
    rels_part = posixpath.join(
        posixpath.dirname(workbook), "_rels", posixpath.basename(workbook) + ".rels"
    )
    targets: dict[str, str] = {}
    if rels_part in names:
        for element in _parse_xml(archive.read(rels_part)):
            target = element.get("Target", "")
            if element.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                found = target.lstrip("/")
            else:
                found = posixpath.normpath(posixpath.join(posixpath.dirname(workbook), target))
            targets[element.get("Id", "")] = found
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        rid = next(
            (str(v) for k, v in element.attrib.items() if str(k).rsplit("}", 1)[-1] == "id"), ""
        )
        hidden = element.get("state", "visible") in ("hidden", "veryHidden")
        yield str(element.get("name", "")), hidden, targets.get(rid)


def _parse_xml(data: bytes) -> ElementTree.Element:
    """A small XML part (the workbook, its relationships) as a tree. The standard
    library's parser, as in the browser (Pyodide) too: the part was checked free of
    DOCTYPE and entity declarations before (see :func:`uvp.workbook.check_workbook_file`)."""
    if b"<!" in data:  # not checked yet (a message about a sheet comes first): not parsed
        raise ValueError("a declaration in a small part")
    return ElementTree.fromstring(data)


def _office_document(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "_rels/.rels" in names:
        for element in _parse_xml(archive.read("_rels/.rels")):
            target = element.get("Target", "").lstrip("/")
            if element.get("Type", "").endswith("/officeDocument") and target in names:
                return target
    return "xl/workbook.xml"


def _scan(stream: IO[bytes], hidden: bool) -> SheetInfo:
    """One sheet's hidden rows and columns and merged ranges, a chunk at a time."""
    scan = PartScan()
    while chunk := stream.read(_CHUNK):
        scan.window(chunk)
    return scan.info(hidden)


class PartScan:
    """What :func:`_scan` learns of a part, from its bytes as they come (the file check
    unpacks every part once, and hands a worksheet's bytes here on the way: see
    :func:`uvp.workbook._open.check_workbook_file`). The bytes are looked at in the
    windows :func:`_scan` reads, whatever the pieces they come in."""

    def __init__(self) -> None:
        self.rows: set[int] = set()
        self.columns: set[int] = set()
        self.merged: dict[str, CellRange] = {}
        self._carry = b""
        self._pending: list[bytes] = []
        self._size = 0

    def feed(self, data: bytes, *, final: bool = False) -> None:
        """The next bytes of the part; *final* after its last."""
        if data:
            self._pending.append(data)
            self._size += len(data)
        if self._size < _CHUNK and not final:
            return
        joined = b"".join(self._pending)
        start = 0
        while len(joined) - start >= _CHUNK or (final and start < len(joined)):
            self.window(joined[start : start + _CHUNK])
            start += _CHUNK
        rest = joined[start:]
        self._pending, self._size = ([rest], len(rest)) if rest else ([], 0)

    def window(self, chunk: bytes) -> None:
        """Look at one chunk of the part, with the end of the chunk before."""
        window = self._carry + chunk
        self._carry = window[-_CARRY:]
        if b"hidden" in window:
            for match in _ROW.finditer(window):
                attributes = match.group(1)
                if _HIDDEN.search(attributes) and (number := _NUMBER[b"r"].search(attributes)):
                    self.rows.add(int(number.group(1)))
            for match in _COL.finditer(window):
                attributes = match.group(1)
                first, last = _NUMBER[b"min"].search(attributes), _NUMBER[b"max"].search(attributes)
                if _HIDDEN.search(attributes) and first and last:
                    start, end = int(first.group(1)), min(int(last.group(1)), 16384)
                    self.columns.update(range(start, end + 1))
        if b"mergeCell" in window:
            for match in _MERGE.finditer(window):
                ref = match.group(1).decode("ascii", "replace")
                if ref not in self.merged and (cells := CellRange.parse(ref)) is not None:
                    self.merged[ref] = cells

    def info(self, hidden: bool) -> SheetInfo:
        """The sheet's information, once every byte of its part has been fed."""
        return SheetInfo(
            hidden, frozenset(self.rows), frozenset(self.columns), tuple(self.merged.values())
        )
