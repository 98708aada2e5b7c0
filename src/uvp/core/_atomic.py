"""Writing a text file all or nothing.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_text(pathlib.Path(folder) / "plan.json", "{}\\n")
...     path.read_text(), path.stat().st_mode & 0o777 == _NEW_FILE_MODE
('{}\\n', True)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["write_text"]


def _umask() -> int:
    # os.umask can only be read by setting it; done once, when uvp is first imported
    # for writing, rather than around every write (which would race other threads).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_NEW_FILE_MODE = 0o666 & ~_umask()


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write *text* (UTF-8, ``\\n`` line ends) to *path*, all or nothing.

    The text goes to a temporary file beside *path* that then replaces it, so
    a crash never leaves half a file. A file that is replaced keeps its
    permissions; a new one gets the usual ``rw-r--r--`` (less the umask), not
    the owner-only mode of a temporary file. ``OSError`` is the caller's to report.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        if target.exists():
            shutil.copymode(target, temporary)
        else:
            os.chmod(temporary, _NEW_FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
