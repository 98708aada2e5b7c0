"""Nothing lost: every write under faults, crashes, a full disk and concurrency.

The writer (``uvp.core.write_with``) and the write lock (``uvp.core.write_lock``)
are tested through what staff run: ``fill``, ``evaluate`` and ``validate --write``
in real processes (forked from a server that imported uvp once, see
``tests/forks.py``; a few from a cold start), killed with SIGKILL at random
moments, run two at a time on one workbook, on a tmpfs that is nearly full; and
in-process with an ``OSError`` injected at each step of the writer. Every case
checks that the workbook and its backup are each a whole version, old or new,
and that no temporary or lock file is left.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLES, ROOT
from tests.forks import Forks, Run
from uvp.cli import app
from uvp.core import (
    LOCK_PREFIX,
    TEMP_PREFIX,
    Snapshot,
    WorkbookError,
    lock_path,
    os_reason,
    write_lock,
    write_with,
)
from uvp.core._lock import UNSAID_AFTER
from uvp.messages import Phrase, render
from uvp.workbook import MATRIX_MARKS, evaluate_workbook, fill_workbook, load_values
from uvp.workbook._commands import edit_workbook

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="forks and signals are POSIX")
PEILDATUM = "2024-07-01"
SOURCE = EXAMPLES / "scherpenzeel-2024.xlsx"
EARLIER = EXAMPLES / "nijkerk-2024.xlsx"  # stands for a good backup from an earlier run

runner = CliRunner()


# -- what a folder holds ---------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    """uvp's temporary and lock files in *folder*."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((TEMP_PREFIX, LOCK_PREFIX)))


def intact(path: Path) -> bool:
    """Whether *path* is a whole workbook: every part passes its checksum, and it reads."""
    return changes(path) is not None


def changes(path: Path) -> tuple[bool, bool] | None:
    """Whether ``fill`` wrote its quarter matrix and ``evaluate`` its sheet into the
    workbook at *path* (``None``: it is not a whole workbook)."""
    with zipfile.ZipFile(path) as archive:
        if archive.testzip() is not None:
            return None
    sheets = load_values(path)
    marks = set(MATRIX_MARKS.values())
    matrix = any(v in marks for rows in sheets.values() for row in rows for v in row)
    return matrix, "Evaluatie" in sheets


def filled(path: Path) -> bool:
    """Whether ``fill`` wrote its quarter matrix into the workbook (and it is whole)."""
    found = changes(path)
    return found is not None and found[0]


def evaluated(path: Path) -> bool:
    """Whether ``evaluate`` wrote its sheet into the workbook."""
    found = changes(path)
    return found is not None and found[1]


def plan_folder(folder: Path, *, earlier_backup: bool = True) -> Path:
    """A fresh copy of the example plan in *folder*, with a good backup from before."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.xlsx"
    shutil.copyfile(SOURCE, path)
    if earlier_backup:
        shutil.copyfile(EARLIER, folder / "plan.bak.xlsx")
    return path


# -- an OSError at each step of the writer ---------------------------------------------------


def _fd_path(fd: int) -> str:
    return os.readlink(f"/proc/self/fd/{fd}")


class Fault:
    """Make the *n*-th matching call of a function raise ``OSError(number)``."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.raised = 0

    def wrap(self, function: Callable[..., Any], when: Callable[..., bool]) -> Callable[..., Any]:
        def faulty(*args: Any, **kwargs: Any) -> Any:
            if not self.raised and when(*args, **kwargs):
                self.raised += 1
                raise OSError(self.number, os.strerror(self.number))
            return function(*args, **kwargs)

        return faulty


def _is_backup(name: object) -> bool:
    return ".bak.xlsx" in os.fspath(name)  # type: ignore[arg-type]


def _is_folder(fd: int) -> bool:
    return stat.S_ISDIR(os.fstat(fd).st_mode)


# step -> (what to patch, which calls fail, the errno) ; the writer's steps in order
STEPS: dict[str, tuple[str, Callable[..., bool], int]] = {
    "mkstemp": (
        "tempfile.mkstemp",
        lambda *a, **k: not _is_backup(k.get("prefix", "")),
        errno.EACCES,
    ),
    "write": ("pathlib.Path.write_bytes", lambda self, data: not _is_backup(self), errno.ENOSPC),
    "fsync": (
        "os.fsync",
        lambda fd: not _is_folder(fd) and not _is_backup(_fd_path(fd)),
        errno.EIO,
    ),
    "backup-mkstemp": (
        "tempfile.mkstemp",
        lambda *a, **k: _is_backup(k.get("prefix", "")),
        errno.EDQUOT,
    ),
    "backup-write": ("pathlib.Path.write_bytes", lambda self, data: _is_backup(self), errno.ENOSPC),
    "backup-fsync": (
        "os.fsync",
        lambda fd: not _is_folder(fd) and _is_backup(_fd_path(fd)),
        errno.EIO,
    ),
    "backup-replace": ("os.replace", lambda src, dst: _is_backup(dst), errno.EBUSY),
    "replace": ("os.replace", lambda src, dst: not _is_backup(dst), errno.EPERM),
    "folder-fsync": ("os.fsync", _is_folder, errno.EIO),
}
WORDS = {
    errno.EACCES: "u hebt geen rechten om daar te schrijven",
    errno.ENOSPC: "de schijf is vol",
    errno.EIO: "de schijf of het netwerk gaf een lees- of schrijffout",
    errno.EDQUOT: "uw schijfruimte (quotum) is op",
    errno.EBUSY: "het bestand is in gebruik door een ander programma (staat het open in Excel?)",
    errno.EPERM: "u hebt geen rechten om daar te schrijven",
}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to tell files apart")
@pytest.mark.parametrize("step", list(STEPS), ids=list(STEPS))
def test_a_fault_at_each_step_leaves_the_workbook_and_its_backup_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = plan_folder(tmp_path)
    original, earlier = path.read_bytes(), (tmp_path / "plan.bak.xlsx").read_bytes()
    name, when, number = STEPS[step]
    module, _, attribute = name.rpartition(".")
    owner: Any = {"tempfile": tempfile, "os": os, "pathlib.Path": Path}[module]
    fault = Fault(number)
    monkeypatch.setattr(owner, attribute, fault.wrap(getattr(owner, attribute), when))

    if step == "folder-fsync":  # the file is in place by then: the write stands
        fill_workbook(path)
        monkeypatch.undo()
        assert fault.raised
        assert filled(path)
        assert (tmp_path / "plan.bak.xlsx").read_bytes() == original
    else:
        with pytest.raises(WorkbookError) as caught:
            fill_workbook(path)
        monkeypatch.undo()
        assert fault.raised
        message = caught.value.message("nl")
        assert caught.value.code == "workbook-write-failed"
        assert message.startswith(str(path))
        assert f"({WORDS[number]})" in message
        assert os.strerror(number) not in message  # no English from the system
        assert path.read_bytes() == original
        backup = (tmp_path / "plan.bak.xlsx").read_bytes()
        # An earlier backup is replaced only by a whole new one, of this original.
        assert backup == (original if step == "replace" else earlier)
    assert leftovers(tmp_path) == []


def _nl(phrase: Phrase) -> str:
    return render("nl", phrase.code, **phrase.params)


def test_os_errors_are_said_in_dutch() -> None:
    for number, words in WORDS.items():
        assert _nl(os_reason(OSError(number, "English"))) == words
    assert _nl(os_reason(OSError(errno.EXDEV, "x"))) == "systeemfout EXDEV"
    assert _nl(os_reason(OSError(errno.EROFS, "x"))) == "de schijf of netwerkmap is alleen-lezen"


class _SharingViolationError(OSError):
    """What Windows raises for a file Excel has open: EACCES, with the Windows error 32."""

    winerror = 32


def test_a_file_open_in_another_program_on_windows_is_said_as_such() -> None:
    said = _nl(os_reason(_SharingViolationError(errno.EACCES, "Permission denied")))
    assert said == "het bestand is in gebruik door een ander programma (staat het open in Excel?)"
    assert str(os_reason(OSError(errno.ENOSPC, "x"))) == "the disk is full"


# -- a read-only workbook --------------------------------------------------------------------


READ_ONLY_COMMANDS = {
    "fill": ["fill", "{path}"],
    "evaluate": ["evaluate", "{path}", "--peildatum", PEILDATUM],
    "validate-write": ["validate", "--write", "{path}"],
    "new-overwrite": ["new", "{path}", "--gemeente", "Ede", "--jaar", "2025", "--overwrite"],
}


@pytest.mark.parametrize("command", list(READ_ONLY_COMMANDS), ids=list(READ_ONLY_COMMANDS))
def test_a_read_only_workbook_is_refused(tmp_path: Path, command: str) -> None:
    path = plan_folder(tmp_path, earlier_backup=False)
    path.chmod(0o444)
    before = path.read_bytes()
    argv = [a.format(path=path) for a in READ_ONLY_COMMANDS[command]]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert f"{path} is alleen-lezen; uvp laat het zoals het is." in result.stderr
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_read_only_json_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "nijkerk-2024.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o444)
    result = runner.invoke(
        app, ["convert", str(EXAMPLES / "nijkerk-2024.xlsx"), "-o", str(tmp_path), "--overwrite"]
    )
    assert result.exit_code != 0
    assert "is alleen-lezen" in result.stderr
    assert target.read_text(encoding="utf-8") == "{}"
    assert leftovers(tmp_path) == []


# -- the backup ------------------------------------------------------------------------------


def test_the_backup_is_the_file_as_it_was_with_its_mode_and_time(tmp_path: Path) -> None:
    path = plan_folder(tmp_path)
    path.chmod(0o640)
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    original = path.read_bytes()
    fill_workbook(path)
    backup = tmp_path / "plan.bak.xlsx"
    assert backup.read_bytes() == original
    assert stat.S_IMODE(backup.stat().st_mode) == 0o640
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert backup.stat().st_mtime_ns == 1_700_000_000_000_000_000
    assert leftovers(tmp_path) == []


# -- another writer --------------------------------------------------------------------------


def test_a_change_made_by_another_program_meanwhile_is_kept(tmp_path: Path) -> None:
    path = plan_folder(tmp_path)
    theirs = EARLIER.read_bytes()  # what Excel saved while uvp was working
    earlier = (tmp_path / "plan.bak.xlsx").read_bytes()

    def change(target: object, result: object) -> None:
        path.write_bytes(theirs)

    with pytest.raises(WorkbookError) as caught:
        edit_workbook(path, change)
    assert caught.value.code == "file-changed"
    assert "is gewijzigd door een ander programma" in caught.value.message("nl")
    assert path.read_bytes() == theirs
    assert (tmp_path / "plan.bak.xlsx").read_bytes() == earlier
    assert leftovers(tmp_path) == []


def test_the_snapshot_tells_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"PK one")
    snapshot = Snapshot.take(path)
    stamp = path.stat().st_mtime_ns
    path.write_bytes(b"PK two")  # the same size
    os.utime(path, ns=(stamp, stamp))  # and the same time: only the bytes differ
    assert not snapshot.matches(path)
    with pytest.raises(WorkbookError):
        write_with(path, lambda temporary: temporary.write_bytes(b"PK new"), original=snapshot)
    assert path.read_bytes() == b"PK two"


_HOLD = (
    "import sys, time\n"
    "from uvp.core import write_lock\n"
    "with write_lock(sys.argv[1]):\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.readline()\n"
)


@contextlib.contextmanager
def held_by_another_process(path: Path) -> Iterator[subprocess.Popen[str]]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


@POSIX
def test_a_workbook_another_uvp_writes_is_refused_after_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plan_folder(tmp_path, earlier_backup=False)
    before = path.read_bytes()
    monkeypatch.setenv("UVP_LOCK_WAIT", "0.3")
    with held_by_another_process(path) as holder:
        result = runner.invoke(app, ["fill", str(path)])
    assert result.exit_code == 1, result.output
    said = result.stderr.replace("\n", " ")
    assert f"{path} wordt op dit moment bijgewerkt door uvp op " in said
    assert f"(proces {holder.pid}, sinds " in said
    assert "er is niets gewijzigd" in said
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


@POSIX
def test_a_lock_left_by_a_killed_uvp_is_taken_over(tmp_path: Path) -> None:
    path = plan_folder(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait()
    assert lock_path(path).exists()  # left behind
    # Temporary files of interrupted writes: of this workbook, its backup, and a file
    # nobody writes; one of a file another uvp is writing now stays.
    stray = [f".uvp-plan.xlsx.{n}.tmp" for n in ("a1b2c3d4", "zz")] + [
        ".uvp-plan.bak.xlsx.q9q9q9q9.tmp",
        ".uvp-andere.json.k3k3k3k3.tmp",
    ]
    for name in stray:
        (tmp_path / name).write_bytes(b"half")
    busy = tmp_path / "bezig.xlsx"
    with held_by_another_process(busy):
        (tmp_path / ".uvp-bezig.xlsx.x7x7x7x7.tmp").write_bytes(b"being written")
        fill_workbook(path, backup=True)
        assert leftovers(tmp_path) == [".uvp-bezig.xlsx.x7x7x7x7.tmp", lock_path(busy).name]
    assert filled(path)
    fill_workbook(path)
    assert leftovers(tmp_path) == []


def test_a_lock_of_another_computer_is_waited_for_until_it_is_old(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    lock = lock_path(path)
    lock.write_text(f"uvp elders.example 4242 {time.time():.3f}\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as caught, write_lock(path, wait=0.2):
        pass
    assert "uvp op elders.example (proces 4242, sinds " in caught.value.message("nl")
    old = time.time() - 11 * 60
    os.utime(lock, (old, old))
    with write_lock(path, wait=0.2):
        assert lock.read_text(encoding="utf-8").split()[2] == str(os.getpid())
    assert not lock.exists()


def test_a_lock_file_that_says_nobody_is_stale_after_a_moment(tmp_path: Path) -> None:
    # A uvp killed between making its lock file and writing in it leaves an empty file
    # that nobody keeps locked: it is obeyed for a moment (its maker may be writing in
    # it now), then taken over, not waited for until it is ten minutes old.
    path = tmp_path / "plan.json"
    lock = lock_path(path)
    lock.write_bytes(b"")
    with pytest.raises(WorkbookError) as caught, write_lock(path, wait=0.2):
        pass
    assert caught.value.code == "file-busy"
    old = time.time() - UNSAID_AFTER - 1
    os.utime(lock, (old, old))
    with write_lock(path, wait=0.2):
        assert lock.read_text(encoding="utf-8").split()[2] == str(os.getpid())
    assert not lock.exists()


def test_the_lock_may_be_taken_again_by_its_holder(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    with write_lock(path), write_lock(path, wait=0):
        assert lock_path(path).exists()
    assert not lock_path(path).exists()


# -- real processes: two at once, and killed -------------------------------------------------


@pytest.fixture(scope="module")
def forks() -> Iterator[Forks]:
    """One fork server for the tests of real processes in this module (it imports uvp
    and runs fill and evaluate once, a few seconds)."""
    if sys.platform == "win32":
        pytest.skip("forks and signals are POSIX")
    with Forks(warm_up=SOURCE) as server:
        yield server


@POSIX
def test_fill_and_evaluate_at_once_lose_nothing(tmp_path: Path, forks: Forks) -> None:
    """20 trials of ``uvp fill`` and ``uvp evaluate`` started together on one workbook:
    half waiting for each other (the default), half with ``UVP_LOCK_WAIT=0``. Each
    change is in the workbook exactly when its command said it succeeded; a refused
    command says so in Dutch and exits 1; the backup holds the workbook as the second
    writer found it."""
    outcomes: dict[str, int] = {}
    for trial in range(20):
        folder = tmp_path / f"trial-{trial}"
        logs = tmp_path / f"logs-{trial}"
        logs.mkdir()
        path = plan_folder(folder, earlier_backup=False)
        original = path.read_bytes()
        env = {"UVP_LOCK_WAIT": "0"} if trial % 2 else {}
        runs = (
            Run(["fill", "plan.xlsx"], folder, logs, "fill", env),
            Run(["evaluate", "plan.xlsx", "--peildatum", PEILDATUM], folder, logs, "eval", env),
        )
        fill, evaluate = forks.run(*runs) if trial % 3 else forks.run(*reversed(runs))[::-1]
        for ended in (fill, evaluate):
            assert ended.code in (0, 1), ended.stderr
            assert "Traceback" not in ended.stderr
            if ended.code == 1:
                # the holder named, or "een andere uvp-opdracht" when it had only just made
                # its lock file and not yet written in it who it is
                assert "plan.xlsx wordt op dit moment bijgewerkt door " in ended.stderr
                assert "er is niets gewijzigd" in ended.stderr
        assert changes(path) == (fill.code == 0, evaluate.code == 0)
        backup = folder / "plan.bak.xlsx"
        if fill.code == evaluate.code == 0:
            # the first writer's result, not the original
            assert changes(backup) in ((True, False), (False, True))
            outcome = "both"
        else:
            assert backup.read_bytes() == original
            outcome = "fill refused" if fill.code else "evaluate refused"
        assert leftovers(folder) == []
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(f"\nfill + evaluate at once, 20 trials: {outcomes}")
    assert outcomes.get("both", 0) >= 10  # every trial that waits


@POSIX
def test_two_fills_at_once_keep_the_original_as_backup(tmp_path: Path, forks: Forks) -> None:
    """Two ``uvp fill`` on one workbook at once, 3 times: both succeed, the workbook is
    filled, and the backup is the workbook as it was before either (the second fill,
    which waited, finds nothing to change and leaves both files alone)."""
    for trial in range(3):
        folder = tmp_path / f"trial-{trial}"
        logs = tmp_path / f"logs-{trial}"
        logs.mkdir()
        path = plan_folder(folder, earlier_backup=False)
        original = path.read_bytes()
        ended = forks.run(*(Run(["fill", "plan.xlsx"], folder, logs, f"fill-{n}") for n in (1, 2)))
        assert [e.code for e in ended] == [0, 0], [e.stderr for e in ended]
        assert filled(path)
        assert (folder / "plan.bak.xlsx").read_bytes() == original
        assert leftovers(folder) == []


@POSIX
def test_fill_and_evaluate_from_a_cold_start_lose_nothing(tmp_path: Path) -> None:
    """The same as two ``python -m uvp`` processes started from scratch."""
    folder = tmp_path / "trial"
    path = plan_folder(folder, earlier_backup=False)
    commands = (["fill", str(path)], ["evaluate", str(path), "--peildatum", PEILDATUM])
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "uvp", *argv],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv in commands
    ]
    fill, evaluate = ((p.communicate(timeout=120)[1], p.returncode) for p in processes)
    assert (fill[1], evaluate[1]) == (0, 0), (fill, evaluate)
    assert changes(path) == (True, True)
    assert changes(folder / "plan.bak.xlsx") in ((True, False), (False, True))
    assert leftovers(folder) == []


def big_plan(folder: Path) -> Path:
    """The example plan with 1 MB more in a part uvp copies (a picture, say), so that
    writing it and its backup takes long enough to be killed in the middle."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.xlsx"
    with zipfile.ZipFile(SOURCE) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/media/blob.bin", random.Random(13).randbytes(1024 * 1024))
    return path


@POSIX
def test_fill_killed_at_random_moments_leaves_whole_versions(tmp_path: Path, forks: Forks) -> None:
    """15 in-place ``uvp fill`` runs killed with SIGKILL: a quarter at a random moment
    of the run, a quarter just after the temporary file of the new workbook appears, a
    quarter just after that of the backup appears (and 0-3 ms later), a quarter just
    after the backup is in place, before the workbook is replaced.
    The workbook is the original or the filled one, the backup the earlier backup or
    the original (and the original whenever the workbook is filled); the next run
    removes what the killed one left."""
    template = tmp_path / "template"
    big_plan(template)
    shutil.copyfile(EARLIER, template / "plan.bak.xlsx")
    originals = {n: (template / n).read_bytes() for n in ("plan.xlsx", "plan.bak.xlsx")}
    seen: dict[str, int] = {}
    chance = random.Random(2024)
    calibrate = tmp_path / "calibrate"
    shutil.copytree(template, calibrate)
    (tmp_path / "logs").mkdir()
    started = time.perf_counter()
    (done,) = forks.run(Run(["fill", "plan.xlsx"], calibrate, tmp_path / "logs", "calibrate"))
    duration = time.perf_counter() - started
    assert done.code == 0, done.stderr
    for trial in range(20):
        folder = tmp_path / f"trial-{trial}"
        shutil.copytree(template, folder)
        (pid,) = forks.start(Run(["fill", "plan.xlsx"], folder, tmp_path / "logs", f"t{trial}"))
        moment = ("random", "write", "backup", "replace")[trial % 4]
        if moment == "random":
            time.sleep(chance.uniform(0, duration * 1.1))
        else:
            start = f"{TEMP_PREFIX}plan{'.xlsx' if moment == 'write' else '.bak.xlsx'}."
            deadline = time.perf_counter() + duration * 6
            while time.perf_counter() < deadline:
                if any(n.startswith(start) for n in os.listdir(folder)):
                    if moment == "replace":  # wait for the backup to be put in place
                        while any(n.startswith(start) for n in os.listdir(folder)):
                            pass
                    else:
                        time.sleep(chance.uniform(0, 0.003))
                    break
            else:
                moment = f"{moment} (missed)"
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        (ended,) = forks.wait()
        workbook, backup = folder / "plan.xlsx", folder / "plan.bak.xlsx"
        assert intact(backup)
        new = workbook.read_bytes() != originals["plan.xlsx"]
        if new:
            assert filled(workbook)  # and so whole
            assert backup.read_bytes() == originals["plan.xlsx"]
        else:
            assert backup.read_bytes() in originals.values()  # the workbook is as it was
        state = "new" if new else "old"
        kept = "original" if backup.read_bytes() == originals["plan.xlsx"] else "earlier"
        killed = "killed" if ended.code == -signal.SIGKILL else "finished"
        key = f"{killed} at {moment}: workbook {state}, backup {kept}"
        seen[key] = seen.get(key, 0) + 1
        fill_workbook(workbook)  # the next run
        assert leftovers(folder) == []
        assert filled(workbook)
    print(f"\nfill killed, 20 trials (a run takes {duration:.2f} s):")
    for key, count in sorted(seen.items()):
        print(f"  {count:2} {key}")
    assert sum(count for key, count in seen.items() if key.startswith("killed")) >= 10


# -- a full disk -----------------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "1m") -> Iterator[Path]:
    """A tmpfs of *size* mounted on *folder* (needs root); skips the test where it
    cannot be mounted."""
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("a small tmpfs for the full disk needs Linux and root (mount -t tmpfs)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"mounting a small tmpfs is not permitted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def leave_free(folder: Path, kilobytes: int) -> None:
    """Fill the disk of *folder* up to *kilobytes* free."""
    info = os.statvfs(folder)
    free = info.f_bavail * info.f_frsize - kilobytes * 1024
    with open(folder / "vulling.bin", "wb") as filler:
        filler.write(b"\0" * max(0, free))


@POSIX
def test_a_full_disk_says_so_in_dutch_and_keeps_every_file(tmp_path: Path) -> None:
    """Writing commands on a nearly full tmpfs (from a cold start, as staff run them):
    either done, or exit 2 with "de schijf is vol", the files as they were, no
    temporary file and no Python traceback."""
    cases = {  # name -> (free kB, arguments); the files they need are put in place first
        # an edit of a workbook (the package writer), a plan as JSON (the text writer),
        # a new workbook (openpyxl's, whose zip file was left open on a full disk)
        "fill-4k": (4, ["fill", "{d}/plan.xlsx"]),
        "convert-xlsx-8k": (8, ["convert", str(EXAMPLES / "nijkerk-2024.xlsx"), "-o", "{d}"]),
        "new-4k": (4, ["new", "{d}/nieuw.xlsx", "--gemeente", "Ede", "--jaar", "2025"]),
    }
    disks: dict[str, Path] = {}
    with contextlib.ExitStack() as stack:
        for name, (free, argv) in cases.items():
            disk = stack.enter_context(small_disk(tmp_path / name, "256k"))
            if "{d}/plan.xlsx" in argv:
                plan_folder(disk)
            leave_free(disk, free)
            disks[name] = disk
        before = {name: {p.name: p.read_bytes() for p in d.iterdir()} for name, d in disks.items()}
        processes = {
            name: subprocess.Popen(
                [sys.executable, "-m", "uvp", *(a.format(d=disks[name]) for a in argv)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name, (_, argv) in cases.items()
        }
        results = {name: p.communicate(timeout=120) for name, p in processes.items()}
        outcomes = {}
        for name, (_, err) in results.items():
            code = processes[name].returncode
            disk = disks[name]
            assert "Traceback" not in err, err
            assert "Exception ignored" not in err, err
            assert leftovers(disk) == [], name
            after = {p.name: p for p in disk.iterdir()}
            if code == 0:
                outcomes[name] = "written"
                if "plan.bak.xlsx" in before[name]:
                    assert after["plan.bak.xlsx"].read_bytes() == before[name]["plan.xlsx"]
                continue
            assert code in (1, 2), (name, code, err)  # convert exits 1 for a batch that failed
            assert "de schijf is vol" in err, err
            assert "No space" not in err
            outcomes[name] = "refused"
            for file, data in before[name].items():
                assert after[file].read_bytes() == data, (name, file)
            assert after.keys() == before[name].keys(), name
    print(f"\nfull disk: {outcomes}")
    assert "refused" in outcomes.values()


# -- a damaged workbook ----------------------------------------------------------------------


def damaged(path: Path, part: str, how: str) -> Path:
    with zipfile.ZipFile(SOURCE) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                data = data[: len(data) // 2] if how == "cut" else b"\x00<<niet xml>>"
            target.writestr(info, data)
    return path


DAMAGES = [
    ("xl/workbook.xml", "cut"),
    ("xl/workbook.xml", "garbage"),
    ("xl/_rels/workbook.xml.rels", "cut"),
    ("xl/_rels/workbook.xml.rels", "garbage"),
    ("_rels/.rels", "cut"),
    ("[Content_Types].xml", "cut"),
    ("xl/styles.xml", "cut"),
]
WRITERS = {
    "fill": ["fill"],
    "evaluate": ["evaluate", "--peildatum", PEILDATUM],
    "validate-write": ["validate", "--write"],
}


@pytest.mark.parametrize(("part", "how"), DAMAGES, ids=[f"{p}-{h}" for p, h in DAMAGES])
def test_a_damaged_workbook_is_refused_by_every_writing_command(
    tmp_path: Path, part: str, how: str
) -> None:
    path = damaged(tmp_path / "plan.xlsx", part, how)
    before = path.read_bytes()
    for command, argv in WRITERS.items():
        result = runner.invoke(app, [*argv, str(path)])
        if result.exit_code == 0:  # fill copies the content types as they are, damaged or not
            assert (part, command) == ("[Content_Types].xml", "fill")
            path.write_bytes(before)
            (tmp_path / "plan.bak.xlsx").unlink()
            continue
        assert result.exit_code == 2, (command, result.output)
        assert "de werkmap is beschadigd" in result.stderr, (command, result.stderr)
        assert "Interne fout" not in result.output
        assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


@pytest.mark.parametrize(
    ("part", "how"),
    [(p, h) for p, h in DAMAGES if p.startswith("xl/") and p != "xl/styles.xml"],
    ids=[f"{p}-{h}" for p, h in DAMAGES if p.startswith("xl/") and p != "xl/styles.xml"],
)
def test_fill_says_a_damaged_workbook_as_validate_does(tmp_path: Path, part: str, how: str) -> None:
    # The same Dutch words and exit code from reading and from writing, naming the part.
    path = damaged(tmp_path / "plan.xlsx", part, how)
    said = {}
    for command, argv in {"validate": ["validate"], **WRITERS}.items():
        result = runner.invoke(app, [*argv, str(path)])
        said[command] = (result.exit_code, result.stderr.replace("\n", " ").strip())
    expected = (
        2,
        f"{path}: de werkmap is beschadigd en kan niet worden gelezen "
        f"(onderdeel {part} is geen leesbare XML).",
    )
    assert said == dict.fromkeys(said, expected)


@pytest.mark.parametrize(
    ("part", "said"),
    [
        ("_rels/.rels", "onderdeel _rels/.rels is geen leesbare XML"),
        ("[Content_Types].xml", "onderdeel [Content_Types].xml is geen leesbare XML"),
    ],
    ids=["package-relationships", "content-types"],
)
def test_the_package_editor_names_the_damaged_part_in_dutch(
    tmp_path: Path, part: str, said: str
) -> None:
    # Parts the reader reads past, but the editor must rewrite or follow.
    path = damaged(tmp_path / "plan.xlsx", part, "cut")
    result = runner.invoke(app, ["evaluate", "--peildatum", PEILDATUM, str(path)])
    assert result.exit_code == 2
    assert f"de werkmap is beschadigd en kan niet worden gelezen ({said})." in result.stderr


def test_a_workbook_written_beside_an_old_uvp_temporary_file_is_fine(tmp_path: Path) -> None:
    # A name like uvp's own, but not ending as its temporary files do, is left alone.
    path = plan_folder(tmp_path, earlier_backup=False)
    keep = tmp_path / ".uvp-notities.txt"
    keep.write_text("van iemand anders", encoding="utf-8")
    evaluate_workbook(path, dt.date(2024, 7, 1))
    assert keep.exists()
    assert leftovers(tmp_path) == [keep.name]
