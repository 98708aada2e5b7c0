from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import uvp
from tests.conftest import EXAMPLES, ROOT
from tests.workbooks import make_workbook
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
    from uvp.cli import _app

    def broken(_path: object, **_options: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(_app, "inspect_plan", broken)
    monkeypatch.setattr(sys, "argv", ["uvp", "show", "examples/nijkerk-2024.json"])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 3
    err = capsys.readouterr().err
    assert "Interne fout" in err
    assert "RuntimeError" in err
    assert "Traceback" not in err


# -- the workbook commands --------------------------------------------------------------


def _copy_examples(tmp_path: Path) -> Path:
    folder = tmp_path / "plannen"
    folder.mkdir()
    for name in ("nijkerk-2024.xlsx", "scherpenzeel-2024.xlsx"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_validate_exits_1_on_errors_and_0_without(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    result = runner.invoke(app, ["validate", str(folder / "scherpenzeel-2024.xlsx")])
    assert result.exit_code == 1
    assert "'Ondermijning'!B61" in result.stdout
    result = runner.invoke(app, ["validate", str(folder / "nijkerk-2024.xlsx")])
    assert result.exit_code == 0, result.output
    assert "Geen bevindingen" in result.stdout


def test_validate_json_and_peildatum(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    result = runner.invoke(
        app, ["validate", str(folder), "--format", "json", "--peildatum", "2024-04-01"]
    )
    assert result.exit_code == 1
    reports = json.loads(result.stdout)
    assert [Path(r["source"]).name for r in reports] == [
        "nijkerk-2024.xlsx",
        "scherpenzeel-2024.xlsx",
    ]
    codes = {f["code"] for r in reports for f in r["findings"]}
    assert {"overdue", "missing-lead", "missing-quarter"} <= codes
    first = reports[1]["findings"][0]
    assert set(first) == {"code", "severity", "params", "location", "message", "where"}


def test_validate_write_puts_controle_in_a_copy(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    original = (folder / "scherpenzeel-2024.xlsx").read_bytes()
    out = tmp_path / "uit"
    result = runner.invoke(
        app, ["validate", str(folder / "scherpenzeel-2024.xlsx"), "--write", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert (folder / "scherpenzeel-2024.xlsx").read_bytes() == original
    assert "Controle" in openpyxl.load_workbook(out / "scherpenzeel-2024.xlsx").sheetnames
    assert sorted(p.name for p in out.iterdir()) == [
        "scherpenzeel-2024.xlsx"
    ]  # no backup of a copy


def test_fill_then_evaluate_in_place(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    result = runner.invoke(app, ["fill", str(folder)])
    assert result.exit_code == 0, result.output
    assert "kwartaalkolommen ingevuld bij 42 acties" in result.stdout
    result = runner.invoke(app, ["evaluate", str(folder), "--peildatum", "2024-12-31"])
    assert result.exit_code == 0, result.output
    assert "80 acties, 0 gereed (0%), 35 te laat" in result.stdout
    assert "Evaluatie" in openpyxl.load_workbook(folder / "nijkerk-2024.xlsx").sheetnames
    assert (folder / "nijkerk-2024.bak.xlsx").exists()


def test_bad_peildatum_is_a_usage_error(tmp_path: Path) -> None:
    copy = shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "plan.xlsx")
    result = runner.invoke(app, ["evaluate", str(copy), "--peildatum", "2024-13-01"])
    assert result.exit_code == 2
    assert "'2024-13-01' is geen datum: schrijf bijvoorbeeld 1-10-2024 of 2024-10-01" in " ".join(
        result.output.split()
    )
    assert not (tmp_path / "plan.bak.xlsx").exists()


def test_new_makes_an_empty_plan(tmp_path: Path) -> None:
    target = tmp_path / "uvp-2025.xlsx"
    result = runner.invoke(app, ["new", str(target), "--gemeente", "Barneveld", "--jaar", "2025"])
    assert result.exit_code == 0, result.output
    plan = uvp.read_workbook(target)
    assert (plan.municipality, plan.year) == ("Barneveld", 2025)
    result = runner.invoke(app, ["new", str(target), "--gemeente", "Barneveld", "--jaar", "2025"])
    assert result.exit_code == 2
    assert "bestaat al" in result.stderr


def test_convert_both_ways_in_a_batch_past_a_bad_file(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    (folder / "kapot.xlsx").write_bytes(b"geen werkmap")
    out = tmp_path / "json"
    result = runner.invoke(app, ["convert", str(folder), "-o", str(out)])
    assert result.exit_code == 2  # a file that cannot be read, after the others are done
    assert "1 van de 3 bestanden is mislukt" in result.stderr
    assert "kapot.xlsx" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["nijkerk-2024.json", "scherpenzeel-2024.json"]
    for name in ("nijkerk", "scherpenzeel"):
        assert uvp.load(out / f"{name}-2024.json") == uvp.load(EXAMPLES / f"{name}-2024.json")
    back = tmp_path / "xlsx"
    result = runner.invoke(app, ["convert", str(out), "-o", str(back), "--layout", "goal"])
    assert result.exit_code == 0, result.output
    assert uvp.read_workbook(back / "nijkerk-2024.xlsx") == uvp.load(EXAMPLES / "nijkerk-2024.json")
    result = runner.invoke(app, ["convert", str(out), "-o", str(back)])
    assert result.exit_code == 2  # they exist now
    assert "bestaat al" in result.stderr


def test_gemeente_and_jaar_fill_in_what_a_workbook_does_not_say(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "planning.xlsx",
        {"Blad1": [["Acties", "Trekker", "Kwartaal"], ["We organiseren een avond.", "Ede", "Q2"]]},
    )
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 2
    assert "--gemeente" in result.stderr
    result = runner.invoke(app, ["show", str(path), "--gemeente", "Ede", "--jaar", "2025"])
    assert result.exit_code == 0, result.output
    assert "Uitvoeringsplan Veiligheid 2025 — Ede" in result.stdout
