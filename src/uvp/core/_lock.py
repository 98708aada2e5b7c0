"""One writer at a time: the lock uvp holds on a file while it writes it.

Before uvp writes a file (and, for an edit of a workbook, before it reads it)
it makes a lock file beside it, ``.~uvp-lock.<name>``, with ``O_CREAT |
O_EXCL``: of two uvp commands only one can make it, on this computer or on
another one that shares the folder (an SMB share honours ``O_EXCL`` too). The
lock file says who holds it (computer, process, since when). Another uvp waits
for it to go (up to ``UVP_LOCK_WAIT`` seconds, 15 by default) and then gives up
with a Dutch message and nothing changed.

A uvp that is killed cannot remove its lock file, so one that is left is
judged before it is obeyed:

- On Windows the lock file is opened *delete on close*: the system removes it
  when its process ends, however it ends, on a share too.
- Elsewhere the holder also keeps an OS lock (``flock``) on the lock file for
  as long as it holds it; the system lets go of that when the process ends.
  A lock file nobody keeps locked, made on this computer, is stale.
- Where the folder does not carry OS locks, a lock file made on this computer
  by a process that is gone is stale.
- Any lock file older than :data:`STALE_AFTER` that nobody keeps locked is
  stale, whoever made it (a computer that went down while writing).
- A lock file that does not say who holds it, nobody keeps locked and is older
  than :data:`UNSAID_AFTER` is stale: its maker was stopped between making it
  and writing in it (which a live uvp does at once).

A stale lock file is removed while it is kept locked by the one removing it,
and a lock file is only taken as one's own after checking that it is still the
file at that name: two uvp commands that find the same stale lock cannot both
take it.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     plan = pathlib.Path(folder) / "plan.xlsx"
...     with write_lock(plan):
...         holder = lock_holder(plan)
...     holder is not None, lock_holder(plan)
(True, None)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import attrs

from uvp.core._errors import WorkbookError
from uvp.core._oserrors import os_reason
from uvp.messages import Phrase

__all__ = [
    "LOCK_PREFIX",
    "STALE_AFTER",
    "UNSAID_AFTER",
    "LockHolder",
    "lock_holder",
    "lock_path",
    "remove_if_stale",
    "write_lock",
]

LOCK_PREFIX: Final = ".~uvp-lock."
"""The start of a lock file's name: ``.~uvp-lock.plan.xlsx`` locks ``plan.xlsx``."""

STALE_AFTER: Final = 10 * 60
"""Seconds after which a lock file that nobody keeps locked is stale, whoever made it."""

UNSAID_AFTER: Final = 3.0
"""Seconds after which a lock file that says nobody and nobody keeps locked is stale."""

_WAIT: Final = 15.0  # seconds to wait for another uvp, unless UVP_LOCK_WAIT says otherwise
_POLL: Final = 0.05
_WINDOWS: Final = sys.platform == "win32"
# A lock file is made new or not at all; on Windows it goes when its last handle closes.
_CREATE: Final = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOINHERIT", 0)
    | getattr(os, "O_TEMPORARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_OPEN: Final = getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
# What flock says when the folder's file system does not do OS locks (on NFS, where
# flock is a POSIX lock, EBADF for a lock file we may only read).
_NO_LOCKS: Final = {errno.ENOLCK, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOSYS, errno.EBADF}


@attrs.frozen
class LockHolder:
    """Who holds a lock, as its lock file says (``None`` where it does not say)."""

    host: str | None
    pid: int | None
    since: dt.datetime | None

    def phrase(self) -> Phrase:
        """Who it is, in words for a message."""
        if self.host is None or self.pid is None or self.since is None:
            return Phrase("lock-holder-unknown")
        since = f"{self.since:%H:%M:%S}"
        return Phrase("lock-holder", {"host": self.host, "pid": self.pid, "since": since})


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of *path*.

    >>> lock_path("plannen/plan.xlsx").as_posix()
    'plannen/.~uvp-lock.plan.xlsx'
    """
    path = Path(path)
    return path.with_name(LOCK_PREFIX + path.name)


@functools.cache
def _host() -> str:
    import socket  # here: reading a plan takes no lock, and needs no socket module

    try:
        return socket.gethostname() or "?"
    except OSError:  # pragma: no cover - no name at all
        return "?"


def _wait() -> float:
    try:
        return max(0.0, float(os.environ.get("UVP_LOCK_WAIT", _WAIT)))
    except ValueError:
        return _WAIT


def _flock(fd: int) -> bool | None:
    """Try to take the OS lock on *fd* without waiting: ``True`` taken, ``False`` held
    by another, ``None`` where the file system has no OS locks."""
    if _WINDOWS:
        return None
    try:
        import fcntl
    except ImportError:  # pragma: no cover - a platform without it (Pyodide has it)
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:
        if error.errno in _NO_LOCKS:
            return None
        raise
    return True


def _same_file(path: Path, fd: int) -> bool:
    """Whether *path* still names the file open as *fd*."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def _pid_alive(pid: int) -> bool | None:
    """Whether process *pid* of this computer runs (``None``: cannot tell)."""
    kill = getattr(os, "kill", None)  # Pyodide has none
    if _WINDOWS or kill is None:  # os.kill would end the process on Windows
        return None
    try:
        kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # pragma: no cover
        return None
    return True


def _parse(data: bytes) -> LockHolder:
    parts = data.decode("utf-8", errors="replace").split()
    if len(parts) != 4 or parts[0] != "uvp":
        return LockHolder(None, None, None)
    try:
        pid, since = int(parts[2]), dt.datetime.fromtimestamp(float(parts[3]))
    except (ValueError, OverflowError, OSError):
        return LockHolder(None, None, None)
    return LockHolder(parts[1], pid, since)


def _judge(lock: Path, *, remove: bool = True) -> LockHolder | None:
    """Who holds the lock file *lock*, or ``None`` when it is gone or stale (then, with
    *remove*, it is removed)."""
    try:
        fd = _open_existing(lock)
    except FileNotFoundError:
        return None
    except PermissionError:  # Windows: open delete-on-close by its live holder
        return LockHolder(None, None, None)
    try:
        holder = _parse(os.read(fd, 512))
        free = _flock(fd)
        if free is False:
            return holder
        age = time.time() - os.fstat(fd).st_mtime
        here = holder.host == _host()
        stale = (
            age > STALE_AFTER
            or (holder.host is None and age > UNSAID_AFTER)
            or (
                here
                and (free is True or (holder.pid is not None and _pid_alive(holder.pid) is False))
            )
        )
        if not stale:
            return holder
        if remove and _same_file(lock, fd):
            # Removed while we keep it locked: no one else can take this file as theirs
            # meanwhile (see _take), and a new lock file under the name is another file.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(lock)
        return None
    finally:
        os.close(fd)


def _open_existing(lock: Path) -> int:
    """Open someone's lock file: to read and write where we may (an OS lock on NFS needs
    a file open for writing), else to read."""
    try:
        return os.open(lock, os.O_RDWR | _OPEN)
    except PermissionError:
        if _WINDOWS:
            raise
        return os.open(lock, os.O_RDONLY | _OPEN)


def lock_holder(path: str | os.PathLike[str]) -> LockHolder | None:
    """Who holds the write lock on *path* now, if anyone (a stale lock counts as none)."""
    return _judge(lock_path(path), remove=False)


def remove_if_stale(lock: str | os.PathLike[str]) -> bool:
    """Remove the lock file *lock* if it is stale; whether it is gone."""
    return _judge(Path(lock)) is None


def _take(lock: Path) -> int | None:
    """Make the lock file and hold it; its descriptor, or ``None`` if another has it."""
    # Said before the file is made: a uvp killed between making and writing it leaves a
    # file that says nobody, which waits UNSAID_AFTER seconds; keep that moment short.
    said = f"uvp {_host()} {os.getpid()} {time.time():.3f}\n".encode()
    try:
        fd = os.open(lock, _CREATE, 0o644)
    except FileExistsError:
        return None
    except PermissionError:
        if _WINDOWS:  # the lock file of a holder that is closing it
            return None
        raise
    try:
        taken = _flock(fd)
        # Someone removing a stale lock file holds it for a moment, or removed it
        # between our making and locking it: then it is not ours.
        if taken is False or (taken is True and not _same_file(lock, fd)):
            os.close(fd)
            return None
        os.write(fd, said)
        if _WINDOWS:
            _hide(lock)
    except BaseException:
        _drop(lock, fd)
        raise
    return fd


def _hide(path: Path) -> None:  # pragma: no cover - Windows only
    if sys.platform == "win32":
        import ctypes

        hidden = 0x2
        with contextlib.suppress(Exception):
            ctypes.windll.kernel32.SetFileAttributesW(str(path), hidden)


def _drop(lock: Path, fd: int) -> None:
    """Give the lock up: remove its file (still holding it), then close it."""
    try:
        if not _WINDOWS and _same_file(lock, fd):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(lock)
    finally:
        os.close(fd)  # on Windows this removes the file


class _Held:
    __slots__ = ("count", "fd", "thread")

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 1
        self.thread = threading.get_ident()


_HELD: dict[str, _Held] = {}
_GUARD = threading.Lock()


@contextlib.contextmanager
def write_lock(
    path: str | os.PathLike[str],
    *,
    wait: float | None = None,
    failed: str = "file-write-failed",
) -> Iterator[None]:
    """Hold the write lock on *path* for the ``with`` block (see the module's text).

    Waits up to *wait* seconds (by default ``UVP_LOCK_WAIT``, else 15) for another
    uvp that holds it, then raises :class:`~uvp.WorkbookError` ``file-busy``. A
    lock file that cannot be made (no right to write in the folder, a full disk)
    is the error *failed*, with the reason in words. A thread that holds the lock
    may take it again (the writer does, for a workbook that is being edited).
    """
    lock = lock_path(Path(path).absolute())
    key = str(lock)
    with _GUARD:
        held = _HELD.get(key)
        if held is not None and held.thread == threading.get_ident():
            held.count += 1
        else:
            held = None
    if held is not None:
        try:
            yield
        finally:
            with _GUARD:
                held.count -= 1
        return
    deadline = time.monotonic() + (_wait() if wait is None else wait)
    try:
        while (fd := _take(lock)) is None:
            holder = _judge(lock)
            if holder is None:
                continue  # gone or stale (and removed): try again at once
            if time.monotonic() >= deadline:
                raise WorkbookError("file-busy", source=str(path), holder=holder.phrase())
            time.sleep(_POLL)
    except OSError as error:
        raise WorkbookError(failed, source=str(path), detail=os_reason(error)) from error
    with _GUARD:
        _HELD[key] = _Held(fd)
    try:
        yield
    finally:
        with _GUARD:
            del _HELD[key]
        _drop(lock, fd)
