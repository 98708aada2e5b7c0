"""Instructions a command executes, counted by valgrind's callgrind: the same figure
on every run, however busy the machine (what bench/startup.py and bench/read.py
report beside CPU times, with ``--instructions``)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path


def instructions(
    command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> int:
    """How many instructions *command* executes (``PYTHONHASHSEED=0``: Python's string
    hashing, which changes the work of sets and dicts, is the same every time)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=cwd,
        env={**(os.environ if env is None else env), "PYTHONHASHSEED": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(
            f"callgrind counted nothing for {shlex.join(command)}:\n{done.stderr[-2000:]}"
        )
    return int(found.group(1))
