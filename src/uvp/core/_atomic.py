"""Writing a file all or nothing: the one way uvp saves every file it writes.

JSON plans, the report's web page, every workbook and every backup go through
:func:`write_with`, which

1. takes the write lock on the file (:func:`uvp.core.write_lock`: one uvp
   writes a file at a time) and refuses a read-only file;
2. removes what an interrupted uvp left in the folder: its temporary files
   (``.uvp-<name>.<random>.tmp``) of files no live uvp is writing, and stale
   lock files;
3. lets the content be written to a new temporary file in the same folder and
   forces it to the disk (``fsync``);
4. with a backup, writes the file as it was to ``name.bak.suffix`` the same
   way, so that a good earlier backup is only ever replaced by a complete one;
5. checks, for an edit, that the file is still the one that was read;
6. puts the temporary file in the file's place in one step (``os.replace``) and
   forces the folder to the disk (not on Windows, which has no such call).

A crash at any moment leaves the file and its backup each whole, old or new. On
an error the temporary file is removed and the error is a
:class:`~uvp.WorkbookError` that says, in words, what went wrong (the disk is
full, no right to write there), naming the file.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_text(pathlib.Path(folder) / "plan.json", "{}\\n")
...     path.read_text(), path.stat().st_mode & 0o777 == new_file_mode()
('{}\\n', True)
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Final

import attrs

from uvp.core._errors import UvpError, WorkbookError
from uvp.core._lock import LOCK_PREFIX, lock_holder, lock_path, remove_if_stale, write_lock
from uvp.core._oserrors import os_reason

__all__ = [
    "TEMP_PREFIX",
    "TEMP_SUFFIX",
    "Snapshot",
    "backup_path",
    "check_writable",
    "file_mode_for",
    "new_file_mode",
    "os_reason",
    "remove_leftovers",
    "write_bytes",
    "write_text",
    "write_with",
]

TEMP_PREFIX: Final = ".uvp-"
TEMP_SUFFIX: Final = ".tmp"
"""uvp's temporary files are named ``.uvp-<name>.<random>.tmp``."""

_USUAL_UMASK: Final = 0o022
_NO_SYNC: Final = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}
_WINDOWS: Final = sys.platform == "win32"


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


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where uvp keeps a file it replaces: ``name.bak.suffix`` beside it.

    >>> backup_path("plannen/plan.xlsx").as_posix()
    'plannen/plan.bak.xlsx'
    """
    path = Path(path)
    return path.with_name(f"{path.stem}.bak{path.suffix}")


def check_writable(path: str | os.PathLike[str]) -> None:
    """Refuse a file that exists and is read-only (mode ``0444``, the read-only attribute
    on Windows, or no right to write it) with :class:`~uvp.WorkbookError`
    ``file-read-only``: uvp could replace it (that needs only a right on the folder),
    but whoever made it read-only meant it to stay as it is."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # not there (or not to be looked at): the write itself will tell
    if not stat.S_ISREG(mode):
        return
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise WorkbookError("file-read-only", source=str(path))


@attrs.frozen
class Snapshot:
    """A file's bytes as read, with what identifies that version: its size, its
    modification time (ns) and a SHA-256 of the bytes. An edit passes it to
    :func:`write_with`, which replaces the file only if it is still this version.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "plan.xlsx"
    ...     _ = path.write_bytes(b"PK")
    ...     snapshot = Snapshot.take(path)
    ...     before = snapshot.matches(path)
    ...     _ = path.write_bytes(b"PK, changed")
    ...     before, snapshot.matches(path), snapshot.data
    (True, False, b'PK')
    """

    data: bytes = attrs.field(repr=False)
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def take(cls, path: str | os.PathLike[str]) -> Snapshot:
        """Read the file at *path* (``OSError`` is the caller's to report)."""
        with open(path, "rb") as stream:
            before = os.fstat(stream.fileno())
            data = stream.read()
            after = os.fstat(stream.fileno())
        if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
            raise WorkbookError("file-changed", source=str(path))
        return cls(data, len(data), after.st_mtime_ns, hashlib.sha256(data).hexdigest())

    def matches(self, path: str | os.PathLike[str]) -> bool:
        """Whether the file at *path* is still this version (size, time and bytes)."""
        try:
            info = os.stat(path)
            if (info.st_size, info.st_mtime_ns) != (self.size, self.mtime_ns):
                return False
            return hashlib.sha256(Path(path).read_bytes()).hexdigest() == self.sha256
        except FileNotFoundError:
            return False

    def check(self, path: str | os.PathLike[str]) -> None:
        """Raise :class:`~uvp.WorkbookError` ``file-changed`` unless :meth:`matches`."""
        if not self.matches(path):
            raise WorkbookError("file-changed", source=str(path))


def _temporary_target(name: str) -> str | None:
    """The name of the file a temporary file of uvp's was for, if it is one."""
    if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
        return None
    target, dot, _ = name[len(TEMP_PREFIX) : -len(TEMP_SUFFIX)].rpartition(".")
    return target if dot and target else None


def remove_leftovers(path: str | os.PathLike[str]) -> None:
    """Remove what interrupted uvp commands left beside *path*: temporary files of
    files that no live uvp holds the write lock on, and stale lock files. The caller
    holds *path*'s write lock (:func:`write_with` calls this on every write). A file
    that cannot be removed is left for the next time; a file whose name is not one
    uvp gives its temporary files is never touched.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     plan = pathlib.Path(folder) / "plan.xlsx"
    ...     _ = (plan.parent / ".uvp-plan.xlsx.k3k3k3k3.tmp").write_bytes(b"half")
    ...     _ = (plan.parent / "notities.tmp").write_bytes(b"iemand anders")
    ...     with write_lock(plan):
    ...         remove_leftovers(plan)
    ...     sorted(p.name for p in plan.parent.iterdir())
    ['notities.tmp']
    """
    target = Path(path)
    folder = target.parent
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return
    for name in names:
        if name.startswith(LOCK_PREFIX):
            if name != lock_path(target).name:
                with contextlib.suppress(OSError):
                    remove_if_stale(folder / name)
            continue
        of = _temporary_target(name)
        if of is None:
            continue
        with contextlib.suppress(OSError):
            if of == target.name or lock_holder(folder / of) is None:
                (folder / name).unlink(missing_ok=True)


def _sync_file(path: Path) -> None:
    """Force the file's content to the disk (a file system that cannot says so with
    ``EINVAL`` or ``ENOTSUP``: then the system writes it when it will)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _NO_SYNC:
            raise
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Force the folder's entries (the new name) to the disk, where the system can.

    Windows has no such call. A file system that cannot (some network shares say
    so with ``EINVAL``) or fails to is let be: the file is in place by then, and
    its previous version is in the backup.
    """
    if _WINDOWS:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _new_temporary(target: Path) -> Path:
    import tempfile  # here: a command that only reads never pays for it (issue 16)

    handle, name = tempfile.mkstemp(
        dir=target.parent, prefix=f"{TEMP_PREFIX}{target.name}.", suffix=TEMP_SUFFIX
    )
    os.close(handle)
    return Path(name)


def write_with(
    path: str | os.PathLike[str],
    write: Callable[[Path], object],
    *,
    backup: bool = False,
    original: Snapshot | None = None,
    failed: str = "file-write-failed",
) -> Path:
    """Let *write* write the file at a temporary path beside *path*, then put it in
    *path*'s place, all or nothing (the steps are in the module's text).

    *write* gets the path of an empty file it may overwrite. A file that is replaced
    keeps its permissions; a new one gets :func:`new_file_mode`. With *backup*, the
    file as it was (*original*'s bytes, if given, else the file's) is kept as
    :func:`backup_path` first. With *original*, the file is replaced only if it is
    still that version (else ``file-changed``).

    Every failure is a :class:`~uvp.WorkbookError`: ``file-read-only``,
    ``file-busy`` (another uvp writes it), ``file-changed``, or *failed* with the
    reason in words (``detail``) for an error of the system (an ``OSError`` that
    *write* raises too). Other errors of *write* pass unchanged. The temporary file
    is removed whatever happens.
    """
    target = Path(path)
    try:
        check_writable(target)
        with write_lock(target):
            check_writable(target)
            remove_leftovers(target)
            _replace(target, write, backup, original)
    except UvpError:
        raise
    except OSError as error:
        raise WorkbookError(failed, source=str(target), detail=os_reason(error)) from error
    return target


def _replace(
    target: Path,
    write: Callable[[Path], object],
    backup: bool,
    original: Snapshot | None,
) -> None:
    def before_replace() -> int:
        if original is not None:
            original.check(target)
        try:
            old = os.stat(target)
        except FileNotFoundError:
            return new_file_mode()
        if backup:
            _keep_backup(target, old, original)
            if original is not None:
                original.check(target)
        return stat.S_IMODE(old.st_mode)

    _put(target, write, before_replace)


def _keep_backup(target: Path, old: os.stat_result, original: Snapshot | None) -> None:
    """Write the file as it is (or *original*) to its backup, all or nothing, with the
    file's own mode and time."""
    data = original.data if original is not None else target.read_bytes()

    def write(temporary: Path) -> None:
        temporary.write_bytes(data)
        os.utime(temporary, ns=(old.st_atime_ns, old.st_mtime_ns))

    backup = backup_path(target)
    with write_lock(backup):
        check_writable(backup)
        remove_leftovers(backup)
        _put(backup, write, lambda: stat.S_IMODE(old.st_mode))


def _put(target: Path, write: Callable[[Path], object], before_replace: Callable[[], int]) -> None:
    """Write a temporary file beside *target* and put it in its place; *before_replace*
    runs last before that and gives the file's mode."""
    temporary = _new_temporary(target)
    try:
        write(temporary)
        _sync_file(temporary)
        os.chmod(temporary, before_replace())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def write_bytes(path: str | os.PathLike[str], data: bytes, *, backup: bool = False) -> Path:
    """Write *data* to *path*, all or nothing (see :func:`write_with`)."""
    return write_with(path, lambda temporary: temporary.write_bytes(data), backup=backup)


def write_text(path: str | os.PathLike[str], text: str, *, backup: bool = False) -> Path:
    """Write *text* (UTF-8, ``\\n`` line ends) to *path*, all or nothing (see :func:`write_with`)."""
    return write_bytes(path, text.encode("utf-8"), backup=backup)
