from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLES, ROOT
from uvp.cli import app

runner = CliRunner()


def test_show_examples_summarises_both_plans_and_exits_0() -> None:
    result = runner.invoke(app, ["show", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Uitvoeringsplan Veiligheid 2024 — Nijkerk" in out
    assert "Uitvoeringsplan Veiligheid 2024 — Scherpenzeel" in out
    assert "5 prioriteiten, 8 thema's, 42 acties" in out
    assert "4 prioriteiten, 8 thema's, 80 acties" in out
    # Scherpenzeel's row without lead or quarter is shown, with where it is.
    assert "missing-lead" in out
    assert "buitengebied › actie 5" in out
    assert "heeft geen trekker" in out


def test_show_json_is_machine_readable() -> None:
    result = runner.invoke(app, ["show", "--format", "json", str(EXAMPLES / "nijkerk-2024.json")])
    assert result.exit_code == 0
    (entry,) = json.loads(result.stdout)
    assert entry["municipality"] == "Nijkerk"
    assert entry["actions"] == 42
    assert entry["per_quarter"] == {"Q1": 12, "Q2": 9, "Q3": 8, "Q4": 13, "ongoing": 0, "none": 0}
    assert entry["report"]["ok"] is True


def test_bad_file_gets_a_dutch_message_and_exit_2_but_others_are_shown(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text(
        '{"schema_version": 1, "municipality": "Ede", "year": 2024, "priorities": [{"title": "P", '
        '"kind": "joint", "themes": [{"title": "T", "actions": [{"text": "x", "assignments": '
        '[{"lead": "Ede", "schedule": "Q5"}]}]}]}]}',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["show", str(bad), str(EXAMPLES / "nijkerk-2024.json")])
    assert result.exit_code == 2
    assert "kapot.json" in result.stderr
    assert "$.priorities[0].themes[0].actions[0].assignments[0].schedule" in result.stderr
    assert "Nijkerk" in result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (["show", "geen-plan.json"], 2, "bestaat niet"),
        (["show", "README.md"], 2, "geen uvp-plan"),
        (["show", "--format", "xml", "examples"], 2, "xml"),
        (["frobnicate"], 2, "frobnicate"),
    ],
)
def test_usage_errors_exit_2(args: list[str], code: int, text: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert text in result.output
    assert "Traceback" not in result.output


def test_empty_directory(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path)])
    assert result.exit_code == 2
    assert "Geen plannen gevonden" in result.stderr


def test_installed_command_runs_as_a_module() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "uvp", "show", "examples"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Scherpenzeel" in completed.stdout
    assert completed.stderr == ""


def test_internal_errors_never_show_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from uvp import cli

    def broken(_path: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(cli, "read_plan", broken)
    monkeypatch.setattr(sys, "argv", ["uvp", "show", "examples/nijkerk-2024.json"])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 3
    err = capsys.readouterr().err
    assert "Interne fout" in err
    assert "RuntimeError" in err
    assert "Traceback" not in err
