"""Opening workbook files safely, reading their values, saving without loss.

Every workbook is checked before any parser sees it: it must be a real
.xlsx (a zip with the parts of one), not password-protected, not an old .xls
or a renamed CSV, not a zip bomb (declared and actual unpacked sizes are
capped) and free of DOCTYPE/entity declarations. Each problem is a
:class:`~uvp.WorkbookError` with a Dutch and an English message.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from uvp.exceptions import WorkbookError

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = [
    "LIMITS",
    "check_workbook_file",
    "load_values",
    "lock_file",
    "save_atomically",
]

LIMITS: Final = {
    "entries": 10_000,  # parts in the zip
    "part_bytes": 64 * 1024 * 1024,  # one unpacked part
    "total_bytes": 256 * 1024 * 1024,  # all unpacked parts
    "ratio": 200,  # unpacked / packed, for parts over 1 MiB unpacked
    "rows": 100_000,  # rows in one sheet (a plan has hundreds)
}
"""Limits on what a workbook may unpack to; a file beyond them is refused."""

_OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO: Final = "EncryptionInfo".encode("utf-16-le")
_STREAM_CHECK_ABOVE: Final = 64 * 1024  # packed size above which a part is unpacked to count
_DIMENSION: Final = re.compile(rb'<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


def _source(path: Path) -> str:
    return str(path)


def check_workbook_file(path: str | os.PathLike[str]) -> None:
    """Refuse, with a clear :class:`~uvp.WorkbookError`, a file that is not a safe .xlsx."""
    path = Path(path)
    source = _source(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except FileNotFoundError:
        raise WorkbookError("workbook-missing", source=source) from None
    except IsADirectoryError:
        raise WorkbookError("workbook-not-zip", source=source, detail="it is a folder") from None
    except OSError as error:
        raise WorkbookError(
            "workbook-corrupt", source=source, detail=error.strerror or type(error).__name__
        ) from error
    if head.startswith(_OLE_SIGNATURE):
        # An OLE compound file: either an encrypted .xlsx or an old .xls.
        with path.open("rb") as stream:
            data = stream.read(32 * 1024 * 1024)
        code = "workbook-encrypted" if _ENCRYPTION_INFO in data else "workbook-legacy-xls"
        raise WorkbookError(code, source=source)
    if not head.startswith(b"PK"):
        raise WorkbookError("workbook-not-zip", source=source, detail=_describe(path))
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, source)
    except zipfile.BadZipFile as error:
        raise WorkbookError("workbook-corrupt", source=source, detail=str(error)) from error
    except (OSError, EOFError) as error:
        raise WorkbookError("workbook-corrupt", source=source, detail=str(error)) from error


def _describe(path: Path) -> str:
    with path.open("rb") as stream:
        sample = stream.read(2048)
    if not sample:
        return "the file is empty"
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        return "the file has an unknown format"
    if text.lstrip().startswith("<"):
        return "it is an HTML or XML file, not a workbook"
    if any(sep in text for sep in (";", ",", "\t")):
        return "it looks like a CSV text file: open it in Excel and save it as .xlsx"
    return "it is a text file"


def _check_archive(archive: zipfile.ZipFile, source: str) -> None:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise WorkbookError(
            "workbook-not-zip",
            source=source,
            detail="a zip file, but without the parts of a workbook",
        )
    if len(infos) > LIMITS["entries"]:
        raise WorkbookError(
            "workbook-too-large", source=source, detail=f"{len(infos)} parts in one file"
        )
    total = 0
    for info in infos:
        declared = info.file_size
        if declared > LIMITS["part_bytes"]:
            raise WorkbookError(
                "workbook-too-large",
                source=source,
                detail=f"{info.filename} unpacks to {declared:,} bytes",
            )
        if declared > 1024 * 1024 and declared > LIMITS["ratio"] * max(info.compress_size, 1):
            raise WorkbookError(
                "workbook-too-large",
                source=source,
                detail=f"{info.filename} is packed {declared // max(info.compress_size, 1)}:1",
            )
        actual = (
            _unpacked_size(archive, info) if info.compress_size > _STREAM_CHECK_ABOVE else declared
        )
        if actual > LIMITS["part_bytes"]:
            raise WorkbookError(
                "workbook-too-large",
                source=source,
                detail=f"{info.filename} unpacks to more than {LIMITS['part_bytes']:,} bytes",
            )
        total += actual
        if total > LIMITS["total_bytes"]:
            raise WorkbookError(
                "workbook-too-large",
                source=source,
                detail=f"the parts unpack to more than {LIMITS['total_bytes']:,} bytes",
            )
        if info.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(info) as part:
                prologue = part.read(4096)
            if b"<!DOCTYPE" in prologue or b"<!ENTITY" in prologue:
                raise WorkbookError("workbook-hostile-xml", source=source, part=info.filename)
            if info.filename.startswith("xl/worksheets/") and (m := _DIMENSION.search(prologue)):
                rows = int(m.group(1) or 1)
                if rows > LIMITS["rows"]:
                    raise WorkbookError(
                        "workbook-too-large",
                        source=source,
                        detail=f"{info.filename} has {rows:,} rows (at most {LIMITS['rows']:,})",
                    )


def _unpacked_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Unpack a part in chunks, counting, and stop as soon as it passes the limit."""
    size = 0
    with archive.open(info) as part:
        while chunk := part.read(1024 * 1024):
            size += len(chunk)
            if size > LIMITS["part_bytes"]:
                break
    return size


Rows = list[list[object]]


def load_values(path: str | os.PathLike[str]) -> dict[str, Rows]:
    """Every worksheet's cell values, in sheet order (empty cells are ``None``).

    Uses python-calamine (fast, native) where it is installed, else openpyxl;
    both give the values Excel last calculated for formulas.
    """
    path = Path(path)
    check_workbook_file(path)
    try:
        return _load_with_calamine(path)
    except ImportError:
        return _load_with_openpyxl(path)


def _load_with_calamine(path: Path) -> dict[str, Rows]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets: dict[str, Rows] = {}
        for meta in book.sheets_metadata:
            if "work" not in str(meta.typ).lower():
                continue  # chart sheets, macro sheets
            sheet = book.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            sheets[meta.name] = [[None if v == "" else v for v in row] for row in rows]
        return sheets
    except Exception as error:  # calamine raises its own error types
        raise WorkbookError("workbook-corrupt", source=str(path), detail=str(error)) from error


def _load_with_openpyxl(path: Path) -> dict[str, Rows]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return {
                ws.title: [list(row) for row in ws.iter_rows(values_only=True)]
                for ws in book.worksheets
            }
        finally:
            book.close()
    except Exception as error:
        raise WorkbookError("workbook-corrupt", source=str(path), detail=str(error)) from error


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
) -> Path | None:
    """Write a file through *write* (given a temporary path), then replace *path* with it.

    A crash or an error leaves *path* as it was. With *backup*, the original
    is kept as ``name.bak.xlsx`` beside it; its path is returned.
    """
    path = Path(path)
    source = str(path)
    lock = lock_file(path)
    if lock is not None:
        raise WorkbookError("workbook-locked", source=source, lock=lock.name)
    handle, temporary_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix
    )
    os.close(handle)
    temporary = Path(temporary_name)
    backup_path: Path | None = None
    try:
        write(temporary)
        if backup and path.exists():
            backup_path = path.with_name(f"{path.stem}.bak{path.suffix}")
            shutil.copy2(path, backup_path)
        os.replace(temporary, path)
    except WorkbookError:
        temporary.unlink(missing_ok=True)
        raise
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WorkbookError(
            "workbook-write-failed", source=source, detail=error.strerror or str(error)
        ) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return backup_path


def save_workbook(
    book: Workbook, path: str | os.PathLike[str], *, backup: bool = True
) -> Path | None:
    """Save an openpyxl workbook to *path* atomically (see :func:`save_atomically`)."""
    return save_atomically(lambda temporary: book.save(temporary), path, backup=backup)
