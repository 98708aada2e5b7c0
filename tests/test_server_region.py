"""*Vergelijken* and *Kwartaalrapportage* through the real server (``uvp serve``).

The picked plans travel in the request's ``args`` as names and base64 bytes, within
the body limit; the answer must be what the entry point answers when called with the
same plans. Arguments of the wrong shape are a Dutch 422; a body beyond the limit a
Dutch 413; a file that is not a plan, or a name that climbs out of a folder, an
ordinary answer with one Dutch message box (or the comparison, the name a label).
"""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import EXAMPLES
from tests.officejs import Excel, payload
from tests.test_server import Running, direct, example, post, refused
from tests.workbooks import without_plan_sheet
from uvp import addin
from uvp.addin import PlanFile, server


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    running = Running(server.create_app())
    yield running.port
    running.stop()


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The temporary folder the server may use; empty again after each request."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == [], "a plan file was left behind"


def upload(name: str, data: bytes) -> dict[str, str]:
    """A picked plan as uvp.js sends it."""
    return {"naam": name, "inhoud": base64.b64encode(data).decode("ascii")}


def example_upload(name: str, as_name: str | None = None) -> dict[str, str]:
    return upload(as_name or name, (EXAMPLES / name).read_bytes())


def _alerts(answer: dict[str, Any]) -> list[str]:
    return [a["args"][0] for a in answer["actions"] if a["func"] == "alert"]


@pytest.mark.parametrize(
    ("opened", "picked"),
    [("nijkerk-2024", "scherpenzeel-2024.xlsx"), ("scherpenzeel-2024", "nijkerk-2024.json")],
    ids=["a-workbook-picked", "json-picked"],
)
def test_vergelijken_answers_what_its_entry_point_answers(
    port: int, tmp_path: Path, private_tmp: Path, opened: str, picked: str
) -> None:
    path, data = example(tmp_path, opened)
    args = [{"plannen": [example_upload(picked)]}]
    answer = post(port, "compare_region", {**data, "args": args})
    assert answer.status == 200, answer.body[:300]
    got = answer.json()
    plans = [PlanFile.read(EXAMPLES / picked)]
    assert got == direct(lambda book: addin.compare_region(book, plans), data)
    excel = Excel(path)
    excel.apply(got["actions"])
    excel.save()
    assert "Regio" in openpyxl.load_workbook(path).sheetnames
    (message,) = excel.alerts
    assert message.startswith("Blad Regio geschreven: ")


def test_vergelijken_asks_what_the_workbook_does_not_say_and_keeps_the_plans(
    port: int, tmp_path: Path, private_tmp: Path
) -> None:
    path = without_plan_sheet(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "werkmap.xlsx")
    data = payload(path)
    plans = [example_upload("scherpenzeel-2024.xlsx")]
    asked = post(port, "compare_region", {**data, "args": [{"plannen": plans}]}).json()
    assert asked["actions"] == []
    assert asked["ask"]["fields"] == ["municipality", "year"]
    told = {"gemeente": "Nijkerk", "jaar": 2024, "plannen": plans}
    answer = post(port, "compare_region", {**data, "args": [told]}).json()
    picked = [PlanFile.read(EXAMPLES / "scherpenzeel-2024.xlsx")]
    assert answer == direct(
        lambda book: addin.compare_region(book, picked, municipality="Nijkerk", year=2024), data
    )
    excel = Excel(path)
    excel.apply(answer["actions"])
    assert excel.alerts[0].startswith("Op het blad Plan staat nu Gemeente Nijkerk en Jaar 2024.")
    assert {"Plan", "Regio"} <= set(excel.book.sheetnames)


def test_kwartaalrapportage_asks_too(port: int, tmp_path: Path) -> None:
    data = payload(without_plan_sheet(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "werkmap.xlsx"))
    assert post(port, "quarterly_report", data).json()["ask"]["fields"] == [
        "municipality",
        "year",
    ]
    told = {**data, "args": [{"gemeente": "Nijkerk", "jaar": 2024}]}
    assert "ask" not in post(port, "quarterly_report", told).json()


_PLAN = example_upload("scherpenzeel-2024.json")
BAD_ARGS: dict[str, tuple[str, Any, str]] = {
    # the script, its args -> what the Dutch 422 says
    "content-not-base64": (
        "compare_region",
        [{"plannen": [{"naam": "plan.xlsx", "inhoud": "dit is geen base64!"}]}],
        "het bestand 'plan.xlsx' is niet heel aangekomen (de inhoud is geen base64)",
    ),
    "content-with-a-line-break": (
        "compare_region",
        [{"plannen": [{"naam": "plan.json", "inhoud": "e30=\ne30="}]}],
        "is niet heel aangekomen",
    ),
    "a-path-beside-the-plan": (
        "compare_region",
        [{"plannen": [{**_PLAN, "pad": "/etc/passwd"}]}],
        "plannen.0.pad: ",
    ),
    "a-folder-instead-of-plans": (
        "compare_region",
        [{"map": "/srv/regio", "plannen": []}],
        "map: ",
    ),
    "no-name": ("compare_region", [{"plannen": [{"inhoud": "e30="}]}], "plannen.0.naam: "),
    "name-too-long": (
        "compare_region",
        [{"plannen": [{**_PLAN, "naam": "x" * 256 + ".json"}]}],
        "plannen.0.naam: is te lang",
    ),
    "too-many-plans": (
        "compare_region",
        [{"plannen": [_PLAN] * (addin.MAX_PLAN_FILES + 1)}],
        "plannen: is te lang",
    ),
    "plans-not-a-list": ("compare_region", [{"plannen": "alles"}], "plannen: "),
    "two-arguments": ("compare_region", [{"plannen": []}, {"plannen": []}], "args: is te lang"),
    "plans-for-another-button": (
        "validate",
        [{"plannen": [_PLAN]}],
        "neemt alleen de gemeente en het jaar",
    ),
}


@pytest.mark.parametrize(("script", "args", "said"), BAD_ARGS.values(), ids=BAD_ARGS.keys())
def test_arguments_of_the_wrong_shape_are_a_dutch_422(
    port: int, tmp_path: Path, private_tmp: Path, script: str, args: Any, said: str
) -> None:
    _, data = example(tmp_path, "nijkerk-2024")
    detail = refused(post(port, script, {**data, "args": args}), 422)
    assert said in detail, detail


def test_a_plan_too_large_to_send_is_a_dutch_413(
    port: int, tmp_path: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "MAX_BODY", 1024 * 1024)
    _, data = example(tmp_path, "nijkerk-2024")
    huge = upload("groot.xlsx", b"PK\x03\x04" + bytes(2 * 1024 * 1024))
    detail = refused(post(port, "compare_region", {**data, "args": [{"plannen": [huge]}]}), 413)
    assert detail.startswith("De werkmap is te groot om te versturen (meer dan 1 MB).")


CONTENTS = {
    # a picked file that arrives whole but is not a plan -> the message box
    "a-csv": (upload("adressen.csv", b"naam;adres\n"), "adressen.csv: uvp leest alleen plannen"),
    "text-named-xlsx": (upload("plan.xlsx", b"Actie;Trekker\n" * 50), "plan.xlsx: dit is geen"),
    "junk-of-12-mb": (  # what the client lets through at most
        upload("groot.xlsx", b"PK\x03\x04" + bytes(12 * 1024 * 1024 - 4)),
        "groot.xlsx: de werkmap is beschadigd",
    ),
    "json-nested-too-deeply": (upload("diep.json", b"[" * 100_000), "diep.json: geen geldige"),
    "an-empty-file": (upload("leeg.json", b""), "leeg.json: "),
}


@pytest.mark.parametrize(("plan", "said"), CONTENTS.values(), ids=CONTENTS.keys())
def test_a_picked_file_that_is_no_plan_is_a_dutch_message_box(
    port: int, tmp_path: Path, private_tmp: Path, plan: dict[str, str], said: str
) -> None:
    _, data = example(tmp_path, "nijkerk-2024")
    answer = post(port, "compare_region", {**data, "args": [{"plannen": [plan]}]})
    assert answer.status == 200
    actions = answer.json()["actions"]
    (alert,) = actions  # nothing is written
    assert alert["func"] == "alert"
    assert alert["args"][3] == "critical"
    assert alert["args"][0].startswith(said), alert["args"][0]
    assert str(private_tmp) not in alert["args"][0]


def test_a_name_that_climbs_out_is_only_a_label(
    port: int, tmp_path: Path, private_tmp: Path
) -> None:
    target = tmp_path / "buiten"
    target.mkdir()
    name = "../" * 12 + str(target).lstrip("/") + "/scherpenzeel-2024.xlsx"
    _, data = example(tmp_path, "nijkerk-2024")
    plans = [example_upload("scherpenzeel-2024.xlsx", as_name=name)]
    answer = post(port, "compare_region", {**data, "args": [{"plannen": plans}]}).json()
    (message,) = _alerts(answer)
    assert message.startswith("Blad Regio geschreven: Nijkerk, Scherpenzeel.")
    written = [
        value
        for action in answer["actions"]
        if action["func"] == "setValues"
        for row in action["values"]
        for value in row
        if isinstance(value, str) and ("!" in value or "in het plan" in value)
    ]
    # The file is named by its own name only (in its column's header), beside its cells.
    assert "Scherpenzeel: in het plan (scherpenzeel-2024.xlsx)" in written
    assert any(value.startswith("Ondermijning!") for value in written)
    assert not any("buiten" in value or ".." in value for value in written)
    assert list(target.iterdir()) == []
