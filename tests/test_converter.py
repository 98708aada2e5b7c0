from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

import uvp
from tests.conftest import EXAMPLES
from tests.strategies import plans

VALIDATOR = jsonschema.Draft202012Validator(uvp.json_schema())


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(uvp.json_schema())


@settings(max_examples=150, deadline=None)
@given(plans)
def test_json_round_trip_is_lossless(plan: uvp.Plan) -> None:
    text = uvp.to_json(plan)
    assert uvp.from_json(text) == plan
    VALIDATOR.validate(json.loads(text))


@pytest.mark.parametrize("name", ["nijkerk-2024.json", "scherpenzeel-2024.json"])
def test_examples_round_trip_unchanged(name: str, tmp_path: Path) -> None:
    source = EXAMPLES / name
    plan = uvp.load(source)
    VALIDATOR.validate(json.loads(source.read_text(encoding="utf-8")))
    target = tmp_path / name
    uvp.dump(plan, target)
    assert uvp.load(target) == plan
    # The bundled files are written exactly as uvp writes them.
    assert target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_dump_replaces_atomically_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_text("old", encoding="utf-8")
    uvp.dump(uvp.Plan("Ede", 2024), target)
    assert uvp.load(target) == uvp.Plan("Ede", 2024)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_dump_failure_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.json"
    target.write_text("old", encoding="utf-8")

    def broken(_plan: uvp.Plan, **_: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr("uvp.core._json.to_json", broken)
    with pytest.raises(RuntimeError):
        uvp.dump(uvp.Plan("Ede", 2024), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def _plan_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = json.loads(uvp.to_json(uvp.load(EXAMPLES / "scherpenzeel-2024.json")))
    data.update(changes)
    return data


def test_every_problem_is_reported_with_its_place() -> None:
    data = _plan_data()
    action = data["priorities"][0]["themes"][0]["actions"][1]  # type: ignore[index]
    action["assignments"][0]["schedule"] = "Q5"
    action["assignments"][1]["lead"] = "Q2"
    data["priorities"][1]["kind"] = "regional"  # type: ignore[index]
    data["priorities"][2]["themes"][0]["colour"] = "red"  # type: ignore[index]
    with pytest.raises(uvp.PlanDataError) as caught:
        uvp.from_json(json.dumps(data), source="plan.json")
    message = str(caught.value)
    assert message.startswith("plan.json: 4 problems")
    assert (
        "$.priorities[0].themes[0].actions[1].assignments[0].schedule: cannot read 'Q5'" in message
    )
    assert "$.priorities[0].themes[0].actions[1].assignments[1].lead: 'Q2' is a quarter" in message
    assert "$.priorities[1].kind" in message
    assert "colour" in message
    assert "problemen in het plan" in caught.value.message("nl")


BAD_JSON = {
    "truncated": ("{", "bad-json"),
    "list": ("[]", "not-a-plan"),
    "string": ('"plan"', "not-a-plan"),
    "no-version": ('{"municipality": "Ede", "year": 2024}', "schema-version-missing"),
    "newer": ('{"schema_version": 2, "municipality": "Ede", "year": 2024}', "schema-version-newer"),
    "version-text": ('{"schema_version": "1", "municipality": "Ede", "year": 2024}', "not-a-plan"),
    "version-bool": ('{"schema_version": true, "municipality": "Ede", "year": 2024}', "not-a-plan"),
    "no-municipality": ('{"schema_version": 1, "year": 2024}', "bad-plan-data"),
    "extra-key": (
        '{"schema_version": 1, "municipality": "Ede", "year": 2024, "x": 1}',
        "bad-plan-data",
    ),
    "year-fraction": (
        '{"schema_version": 1, "municipality": "Ede", "year": 2024.7}',
        "bad-plan-data",
    ),
    "year-text": ('{"schema_version": 1, "municipality": "Ede", "year": "2024"}', "bad-plan-data"),
    "year-bool": ('{"schema_version": 1, "municipality": "Ede", "year": true}', "bad-plan-data"),
    "municipality-number": (
        '{"schema_version": 1, "municipality": 12, "year": 2024}',
        "bad-plan-data",
    ),
    "partners-text": (
        '{"schema_version": 1, "municipality": "Ede", "year": 2024, "partners": "Politie"}',
        "bad-plan-data",
    ),
    "deep-nesting": ("[" * 100_000 + "]" * 100_000, "bad-json"),
}


@pytest.mark.parametrize(("text", "code"), BAD_JSON.values(), ids=BAD_JSON.keys())
def test_bad_json_is_refused_with_a_code(text: str, code: str) -> None:
    with pytest.raises(uvp.PlanDataError) as caught:
        uvp.from_json(text)
    assert caught.value.code == code


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(uvp.PlanDataError) as caught:
        uvp.load(tmp_path / "geen.json")
    assert caught.value.code == "file-not-found"
    assert "geen.json" in caught.value.message("nl")


def test_schema_version_comes_first() -> None:
    assert uvp.to_json(uvp.Plan("Ede", 2024)).startswith('{\n  "schema_version": 1,')


def test_fast_and_plain_json_writers_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    plan = uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    fast = uvp.to_json(plan)
    real_import = builtins.__import__

    def no_orjson(name: str, *args: object, **kwargs: object) -> object:
        if name == "orjson":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_orjson)
    assert uvp.to_json(plan) == fast


def test_dump_makes_an_ordinary_file_and_keeps_a_replaced_files_mode(
    tmp_path: Path, nijkerk: uvp.Plan
) -> None:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    path = tmp_path / "plan.json"
    uvp.dump(nijkerk, path)
    # Not the owner-only mode of a temporary file: what any new file would get.
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    path.chmod(0o640)
    uvp.dump(nijkerk, path)
    assert path.stat().st_mode & 0o777 == 0o640
    assert uvp.load(path) == nijkerk
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]  # no temporary left behind
