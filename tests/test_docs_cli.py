"""The command lines the docs show run as shown, from a fresh copy of the examples.

A newcomer follows the README's Quick start and the tutorial literally: each
``$ uvp ...`` line of a ``console`` block in ``docs/tutorial.md`` runs, in order,
in a folder that holds nothing but a copy of ``examples/``, and prints what the
block shows (``...`` stands for any lines). The Quick start's uvp commands run the
same way, twice (the second time over the first run's output).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

TUTORIAL = ROOT / "docs" / "tutorial.md"
README = ROOT / "README.md"


def console_steps(text: str) -> list[tuple[str, list[str]]]:
    """Each ``$ command`` of the ``console`` blocks in *text*, with the lines shown after it."""
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
    return steps


def matches(shown: list[str], printed: str) -> bool:
    """Whether *printed* is what *shown* says, a ``...`` line standing for any lines."""
    parts = [".*" if line == "..." else re.escape(line) for line in shown]
    return re.fullmatch("\n".join(parts), printed.rstrip("\n"), flags=re.DOTALL) is not None


def run(command: str, folder: Path) -> subprocess.CompletedProcess[str]:
    program, *args = shlex.split(command)
    if program == "python":  # python -m uvp ...
        program, args = args[1], args[2:]
    assert program == "uvp", command
    return subprocess.run(
        [sys.executable, "-m", "uvp", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A folder as a newcomer's: a copy of examples/ and nothing else."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    return tmp_path


def test_the_tutorial_has_command_lines_to_follow() -> None:
    commands = [command for command, _ in console_steps(TUTORIAL.read_text(encoding="utf-8"))]
    assert len(commands) >= 6
    assert commands[2].startswith("uvp convert")  # it makes the workbook it then uses


def test_the_tutorial_s_command_lines_run_as_shown(fresh: Path) -> None:
    for command, shown in console_steps(TUTORIAL.read_text(encoding="utf-8")):
        done = run(command, fresh)
        said = done.stdout + done.stderr
        # 1: validate found errors (the tutorial shows them); 2 or 3 would be a failure
        assert done.returncode in (0, 1), f"$ {command}\n{said}"
        assert "Traceback" not in said
        assert matches(shown, done.stdout), f"$ {command}\nshown:\n{shown}\nprinted:\n{said}"


def test_the_quick_start_runs_twice(fresh: Path) -> None:
    block = README.read_text(encoding="utf-8").split("## Quick start", 1)[1]
    first_line = re.search(r"```sh\n(.*?)\n", block)
    assert first_line is not None
    commands = [c for c in first_line.group(1).split(" && ") if "pip install" not in c]
    assert [c.split()[3] for c in commands] == ["fill", "evaluate", "show"]
    for attempt in (1, 2):
        for command in commands:
            done = run(command, fresh)
            assert done.returncode == 0, f"run {attempt}: {command}\n{done.stdout}{done.stderr}"
    names = sorted(p.name for p in (fresh / "uitvoer").iterdir())
    assert names == [
        "nijkerk-2024.bak.xlsx",
        "nijkerk-2024.xlsx",
        "scherpenzeel-2024.bak.xlsx",
        "scherpenzeel-2024.xlsx",
    ]
