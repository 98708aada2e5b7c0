"""Real uvp processes, started fast: a server process that has imported uvp forks one
child per command.

Each child is a process of its own (its own pid, files and locks; it can be killed
with SIGKILL), runs the real command line (``uvp.cli.main``) and ends with its exit
code. Starting a fresh interpreter and importing uvp, openpyxl and lxml takes about
a second of CPU; forking the server that did so once takes milliseconds, so tests
can run dozens of concurrent or killed commands within their time budget.
POSIX only (``os.fork``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

import attrs

_SERVER = textwrap.dedent(
    """
    import json, os, sys
    from uvp.cli import main
    # What the writing commands import late, imported once here.
    import uvp.workbook, uvp.workbook._commands, uvp.workbook._edit, uvp.workbook._package
    import uvp.workbook._reader, uvp.workbook._target, uvp.workbook._writer
    import openpyxl, lxml.etree
    try:
        import python_calamine
    except ImportError:
        pass
    if len(sys.argv) > 1:  # run the commands once, so that what they load late is loaded
        import datetime, shutil, tempfile
        with tempfile.TemporaryDirectory() as folder:
            copy = shutil.copy(sys.argv[1], folder)
            uvp.workbook.fill_workbook(copy)
            uvp.workbook.evaluate_workbook(copy, datetime.date(2024, 7, 1))
    import gc
    gc.freeze()  # the children's collector leaves what was imported alone (no copy on write)

    def child(run):
        os.chdir(run["cwd"])
        os.environ.update(run["env"])
        for fd, name in ((1, run["out"]), (2, run["err"])):
            target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        sys.argv = ["uvp", *run["argv"]]
        code = 0
        try:
            main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)

    reply = sys.stdout
    reply.write("ready\\n")
    reply.flush()
    for line in sys.stdin:
        runs = json.loads(line)
        pids = []
        for run in runs:
            pid = os.fork()
            if pid == 0:
                child(run)
            pids.append(pid)
        reply.write(json.dumps({"pids": pids}) + "\\n")
        reply.flush()
        codes = []
        for pid in pids:
            _, status = os.waitpid(pid, 0)
            codes.append(os.waitstatus_to_exitcode(status))
        reply.write(json.dumps({"codes": codes}) + "\\n")
        reply.flush()
    """
)


@attrs.frozen
class Run:
    """One command for a child: its arguments, its folder, a folder for its output
    (kept apart from the files it works on), its environment."""

    argv: Sequence[str]
    cwd: Path
    logs: Path
    name: str = "run"
    env: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def out(self) -> Path:
        return self.logs / f"{self.name}.out"

    @property
    def err(self) -> Path:
        return self.logs / f"{self.name}.err"


@attrs.frozen
class Ended:
    """How a child ended: its exit code (negative: the signal that ended it) and output."""

    code: int
    stdout: str
    stderr: str


class Forks:
    """The server process; :meth:`start` forks children, :meth:`wait` collects them."""

    def __init__(self, warm_up: Path | None = None) -> None:
        """*warm_up*: a workbook the server fills and evaluates once (a copy of it)."""
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        self._server = subprocess.Popen(
            [sys.executable, "-c", _SERVER, *([str(warm_up)] if warm_up else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self._runs: list[Run] = []
        assert self._server.stdout is not None
        if self._server.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the fork server did not start ({self._server.wait()})")

    def __enter__(self) -> Forks:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        assert self._server.stdin is not None
        self._server.stdin.close()
        try:
            self._server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover - a child that hangs
            self._server.kill()
            self._server.wait()

    def _read(self) -> dict[str, list[int]]:
        assert self._server.stdout is not None
        line = self._server.stdout.readline()
        if not line:
            raise RuntimeError(f"the fork server ended ({self._server.wait()})")
        answer: dict[str, list[int]] = json.loads(line)
        return answer

    def start(self, *runs: Run) -> list[int]:
        """Fork one child per run, all at once; their pids."""
        assert self._server.stdin is not None
        request = [
            {
                "argv": list(run.argv),
                "cwd": str(run.cwd),
                "env": dict(run.env),
                "out": str(run.out),
                "err": str(run.err),
            }
            for run in runs
        ]
        self._server.stdin.write(json.dumps(request) + "\n")
        self._server.stdin.flush()
        self._runs = list(runs)
        return self._read()["pids"]

    def wait(self) -> list[Ended]:
        """Wait for the children of the last :meth:`start` to end."""
        codes = self._read()["codes"]
        return [
            Ended(
                code,
                run.out.read_text(encoding="utf-8", errors="replace"),
                run.err.read_text(encoding="utf-8", errors="replace"),
            )
            for run, code in zip(self._runs, codes, strict=True)
        ]

    def run(self, *runs: Run) -> list[Ended]:
        """Start the runs and wait for them."""
        self.start(*runs)
        return self.wait()
