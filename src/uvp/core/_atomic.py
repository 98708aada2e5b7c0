"""Writing a file all or nothing: the one way uvp saves every file it writes.

JSON plans, the report's web page and every workbook go through :func:`write_with`:
the content is written to a temporary file in the same folder, which then
replaces the file in one step (``os.replace``), so a crash or an error never
leaves half a file.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_text(pathlib.Path(folder) / "plan.json", "{}\\n")
...     path.read_text(), path.stat().st_mode & 0o777 == new_file_mode()
('{}\\n', True)
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Final

__all__ = ["file_mode_for", "new_file_mode", "write_bytes", "write_text", "write_with"]

_USUAL_UMASK: Final = 0o022


def file_mode_for(umask: int) -> int:
    """The mode of a new file under *umask*: ``0o666`` less the mask.

    A mask that would take the owner's own right to read or write the file is
    not a real one (Pyodide reports ``0o777``): the usual ``0o022`` is used then,
    so that uvp never makes a file its owner cannot open.

    >>> oct(file_mode_for(0o022)), oct(file_mode_for(0o077)), oct(file_mode_for(0o777))
    ('0o644', '0o600', '0o644')
    """
    if umask & 0o600:
        umask = _USUAL_UMASK
    return 0o666 & ~umask


@functools.cache
def new_file_mode() -> int:
    """The mode uvp gives a file it creates: what an ordinary program would (see
    :func:`file_mode_for`), not the owner-only mode of a temporary file.

    The umask can only be read by setting it: that is done once, on the first
    write, rather than around every write (which would race other threads).
    """
    mask = os.umask(_USUAL_UMASK)
    os.umask(mask)
    return file_mode_for(mask)


def write_with(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Let *write* write the file at a temporary path beside *path*, then put it in
    *path*'s place, all or nothing.

    *write* gets the path of an empty file it may overwrite. A file that is
    replaced keeps its permissions; a new one gets :func:`new_file_mode`. On any
    error the temporary file is removed and *path* is as it was; ``OSError`` is
    the caller's to report.
    """
    target = Path(path)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        if target.exists():
            shutil.copymode(target, temporary)
        else:
            os.chmod(temporary, new_file_mode())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write *data* to *path*, all or nothing (see :func:`write_with`)."""
    return write_with(path, lambda temporary: temporary.write_bytes(data))


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write *text* (UTF-8, ``\\n`` line ends) to *path*, all or nothing (see :func:`write_with`)."""
    return write_bytes(path, text.encode("utf-8"))
