"""Starting uvp stays light (issue 16), and the quick way a plain command line runs
says exactly what the typer app says.

No timings here (bench/startup.py measures them): what is asserted is what a fresh
Python loads — ``import uvp`` no CLI, Excel or JSON library; ``uvp validate`` on a
pipe none of typer, rich or pydantic; an add-in click not the CLI — and that
:func:`uvp.cli._parse.quick` runs a command line exactly as typer would, or leaves
it to typer.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import EXAMPLES, ROOT
from uvp.cli import app
from uvp.cli._parse import quick

UVP = str(Path(sys.executable).with_name("uvp"))  # the installed command: its name is "uvp"
HEAVY = (
    *("typer", "rich", "pydantic", "click", "openpyxl", "cattrs", "xlwings", "fastapi"),
    *("numpy", "pandas", "rapidfuzz", "jinja2"),  # the region view's, not a plan's
    *("socket", "tempfile", "tomllib"),  # for a lock, a write, the catalogue's source
)


def loaded_by(code: str) -> set[str]:
    """The top-level packages of HEAVY a fresh Python has loaded once *code* has run."""
    probe = (
        "import atexit, sys\n"
        f"heavy = {HEAVY!r}\n"
        "atexit.register(lambda: sys.stderr.write('LOADED ' + repr(sorted("
        "{m.split('.')[0] for m in sys.modules} & set(heavy))) + '\\n'))\n" + code
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("LOADED ")]
    return set(json.loads(line.removeprefix("LOADED ").replace("'", '"')))


LIGHT = [
    ("import-uvp", "import uvp", set()),
    ("import-uvp-cli", "import uvp.cli", set()),
    (
        "validate-a-workbook",
        "import sys; sys.argv = ['uvp', 'validate', 'examples/scherpenzeel-2024.xlsx']\n"
        "from uvp.cli import main\nmain()",
        set(),
    ),
    (
        "show-json",
        "import sys; sys.argv = ['uvp', 'show', '--format=json', 'examples']\n"
        "from uvp.cli import main\nmain()",
        {"cattrs"},  # the JSON plans
    ),
    # A usage error is said by typer, as it always was.
    (
        "usage-error",
        "import sys; sys.argv = ['uvp', 'show', '--frob', 'examples']\n"
        "from uvp.cli import main\nmain()",
        {"typer", "pydantic", "socket", "tempfile"},
    ),
]


@pytest.mark.parametrize(("code", "allowed"), [c[1:] for c in LIGHT], ids=[c[0] for c in LIGHT])
def test_what_a_fresh_python_loads(code: str, allowed: set[str]) -> None:
    loaded = loaded_by(code)
    assert loaded <= allowed, loaded
    if "typer" in allowed:
        assert "typer" in loaded  # the probe sees what is loaded


def test_an_add_in_click_does_not_load_the_cli() -> None:
    code = (
        "import sys; from uvp.addin import validate, fill_quarters\n"
        "assert not [m for m in sys.modules if m.startswith('uvp.cli')], 'CLI loaded'"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


# -- the quick parser against typer --------------------------------------------------------

PLAIN = [
    ("show", ["show", "examples"]),
    ("show-json", ["show", "--format", "json", "examples/nijkerk-2024.json"]),
    ("validate-xlsx", ["validate", "examples/scherpenzeel-2024.xlsx"]),
    ("validate-options", ["validate", "--peildatum", "1-10-2024", "--format=json", "examples"]),
    ("validate-year", ["validate", "examples/nijkerk-2024.json", "--jaar", "2024", "--gemeente", "Ede"]),
    ("validate-write", ["validate", "--write", "-o", "uit", "examples/nijkerk-2024.xlsx"]),
    ("fill-output", ["fill", "examples/scherpenzeel-2024.xlsx", "--output", "gevuld.xlsx"]),
    ("convert", ["convert", "examples/nijkerk-2024.xlsx", "-o", "omgezet"]),
    ("new", ["new", "nieuw.xlsx", "--gemeente", "Ede", "--jaar", "2026"]),
    ("diff", ["diff", "examples/nijkerk-2024.json", "examples/scherpenzeel-2024.json"]),
    ("report", ["report", "examples/nijkerk-2024.json", "--peildatum", "2024-07-01"]),
    ("missing-file", ["show", "geen-plan.json", "examples/nijkerk-2024.json"]),
]  # fmt: skip

TO_TYPER = [
    ("help", ["show", "--help"]),
    ("version", ["--version"]),
    ("no-command", []),
    ("unknown-command", ["frobnicate"]),
    ("unknown-option", ["show", "examples", "--frob"]),
    ("twice", ["show", "--format", "json", "--format", "text", "examples"]),
    ("no-plan", ["show"]),
    ("bad-choice", ["show", "--format", "xml", "examples"]),
    ("bad-year", ["validate", "--jaar", "1800", "examples"]),
    ("not-a-year", ["validate", "--jaar", "2O24", "examples"]),
    ("bad-date", ["validate", "--peildatum", "31-02-2024", "examples"]),
    ("flag-with-value", ["validate", "--write=ja", "examples"]),
    ("value-missing", ["show", "examples", "--gemeente"]),
    ("value-like-option", ["show", "--gemeente", "--jaar", "examples"]),
    ("short-with-equals", ["validate", "-o=uit", "examples"]),
    ("required-option", ["new", "nieuw.xlsx", "--jaar", "2026"]),
    # --woordenlijst would be read (and said) twice if the parser ran before typer
    ("required-and-words", ["agenda", "examples", "--woordenlijst", "woorden.xlsx"]),
    ("extra-argument", ["diff", "a.json", "b.json", "c.json"]),
    ("dash", ["show", "-"]),
    ("double-dash", ["show", "--", "examples"]),
    ("float", ["serve", "--request-timeout", "5"]),
]


@pytest.mark.parametrize("args", [c[1] for c in TO_TYPER], ids=[c[0] for c in TO_TYPER])
def test_what_is_not_plain_is_left_to_typer(args: list[str]) -> None:
    assert quick(args) is None


def _run_both(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """stdout, stderr and exit code of *args*: as a process (the quick way), and by the
    typer app, each in its own fresh copy of the examples."""
    said = []
    for way in ("quick", "typer"):
        folder = tmp_path / way
        shutil.copytree(EXAMPLES, folder / "examples")
        if way == "quick":
            done = subprocess.run(
                [UVP, *args],
                cwd=folder,
                capture_output=True,
                text=True,
                encoding="utf-8",
                check=False,
            )
            said.append((done.stdout, done.stderr, done.returncode))
        else:
            monkeypatch.chdir(folder)
            result = CliRunner().invoke(app, args)
            said.append((result.stdout, result.stderr, result.exit_code))
    return said


@pytest.mark.parametrize("args", [c[1] for c in PLAIN], ids=[c[0] for c in PLAIN])
def test_a_plain_command_line_runs_as_typer_runs_it(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    assert quick(args) is not None
    quick_said, typer_said = _run_both(args, tmp_path, monkeypatch)
    assert quick_said == typer_said
    assert "Traceback" not in quick_said[1]


@pytest.mark.parametrize("args", [c[1] for c in TO_TYPER[3:8]], ids=[c[0] for c in TO_TYPER[3:8]])
def test_what_typer_answers_is_the_same_from_the_command(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick_said, typer_said = _run_both(args, tmp_path, monkeypatch)
    assert quick_said == typer_said


# -- printing without rich -----------------------------------------------------------------


@settings(deadline=None)
@given(st.lists(st.tuples(st.text(), st.sampled_from(["", "bold", "red", "bold red", "dim"]))))
def test_plain_output_is_what_rich_writes_to_a_pipe(parts: list[tuple[str, str]]) -> None:
    from rich.console import Console as Rich
    from rich.text import Text

    from uvp.cli._app import Console

    ours, theirs = io.StringIO(), io.StringIO()
    rich = Rich(file=theirs, highlight=False, width=120, soft_wrap=True)
    rich.print(Text.assemble(*parts))
    with contextlib.redirect_stdout(ours):
        Console().print(*parts)
    assert ours.getvalue() == theirs.getvalue()
