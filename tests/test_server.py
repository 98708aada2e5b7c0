"""The server behind the UVP ribbon (``uvp serve``), run for real: uvicorn on a free port.

Each button's script is posted the payload Excel's Office.js client sends for
the example workbooks, and must answer exactly what the entry point answers
when called directly; bad requests get a 4xx JSON answer with a Dutch detail
(or a Dutch message box), never a 500. The manifest is checked against the
client (uvp.js) and the server's scripts, and the client itself runs under
Node on a stand-in for Excel (tests/js/fake_excel.js) where Node is installed.
"""

from __future__ import annotations

import contextlib
import copy
import http.client
import json
import os
import re
import shutil
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import uvicorn
import xlwings as xw
from typer.testing import CliRunner

from tests.conftest import EXAMPLES, ROOT
from tests.officejs import Excel, payload
from tests.workbooks import make_workbook, without_plan_sheet
from uvp import addin
from uvp.addin import server
from uvp.cli import app
from uvp.core import STATUS_LABELS

NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "ov": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
EXAMPLE_NAMES = ["nijkerk-2024", "scherpenzeel-2024"]
# What each ribbon button is called and which script it runs, group by group.
GROUPS = {
    "Uitvoeringsplan": {
        "Controleren": "validate",
        "Kwartalen vullen": "fill_quarters",
        "Evaluatie": "write_evaluation",
        "Exporteren": "export_json",
    },
    "Regio": {"Kwartaalrapportage": "quarterly_report", "Vergelijken": "compare_region"},
}
BUTTONS = {caption: script for buttons in GROUPS.values() for caption, script in buttons.items()}
CLIENT = server.STATIC / "uvp.js"
NODE = shutil.which("node")


# -- a real server -------------------------------------------------------------------------


class Running:
    """uvicorn serving *app* on a free port of 127.0.0.1 in a thread, until stop()."""

    def __init__(self, asgi: Any, limits: server.Limits | None = None) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        config = server.uvicorn_config(asgi, log_level="warning", limits=limits)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    running = Running(server.create_app())
    yield running.port
    running.stop()


class Answer:
    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = {k.lower(): v for k, v in response.getheaders()}
        self.body = response.read()

    def json(self) -> Any:
        assert self.headers["content-type"].startswith("application/json"), self.headers
        return json.loads(self.body)


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        return Answer(connection.getresponse())
    finally:
        connection.close()


def post(port: int, script: str, data: Any, content_type: str = "application/json") -> Answer:
    body = data if isinstance(data, bytes) else json.dumps(data).encode()
    return request(
        port,
        "POST",
        f"/xlwings/custom-scripts-call/{script}",
        body,
        {"Content-Type": content_type},
    )


def refused(answer: Answer, status: int) -> str:
    """The Dutch detail of a 4xx answer."""
    assert answer.status == status, (answer.status, answer.body[:300])
    detail = answer.json()["detail"]
    assert isinstance(detail, str)
    assert "Traceback" not in detail
    return detail


# -- the examples, through the server and directly -------------------------------------------

_PAYLOADS: dict[str, dict[str, Any]] = {}


def example(tmp_path: Path, name: str) -> tuple[Path, dict[str, Any]]:
    """A copy of an example workbook, and its payload as Excel sends it."""
    path = tmp_path / f"{name}.xlsx"
    shutil.copy(EXAMPLES / f"{name}.xlsx", path)
    if name not in _PAYLOADS:
        _PAYLOADS[name] = payload(path)
    return path, copy.deepcopy(_PAYLOADS[name])


def direct(script: Callable[[xw.Book], object], data: dict[str, Any]) -> dict[str, Any]:
    """The answer of calling the entry point itself, as JSON would carry it."""
    book = xw.Book(json=copy.deepcopy(data))
    try:
        script(book)
        answer: dict[str, Any] = json.loads(json.dumps(book.json()))
        return answer
    finally:
        book.close()


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("script", list(BUTTONS.values()))
def test_each_button_answers_what_its_entry_point_answers(
    port: int, tmp_path: Path, name: str, script: str
) -> None:
    path, data = example(tmp_path, name)
    answer = post(port, script, data)
    assert answer.status == 200, answer.body[:500]
    got = answer.json()
    assert got == direct(server.SCRIPTS[script], data)
    excel = Excel(path)
    excel.apply(got["actions"])
    excel.save()
    sheets = openpyxl.load_workbook(path).sheetnames
    expected_sheet = {
        "validate": "Controle",
        "fill_quarters": None,
        "write_evaluation": "Evaluatie",
        "export_json": "JSON",
        "quarterly_report": "Kwartaalrapportage",
        "compare_region": None,  # no other plans picked: a message box (tests/test_server_region.py)
    }[script]
    if expected_sheet:
        assert expected_sheet in sheets
    if script == "write_evaluation":
        assert excel.charts == {"Evaluatie": 1}
    if script == "quarterly_report":
        assert excel.charts == {"Kwartaalrapportage": 1}
    for alert in excel.alerts:
        assert "Traceback" not in alert
    first_words = {
        "validate": "Controle klaar",
        "fill_quarters": "Kwartaalkolommen ingevuld",
        "export_json": "Het plan staat als JSON",
        "quarterly_report": "Blad Kwartaalrapportage geschreven",
        "compare_region": "Vergelijken kan alleen met plannen van minstens twee gemeenten.",
    }
    if script in first_words:
        assert excel.alerts[0].startswith(first_words[script]), excel.alerts


def test_a_workbook_that_is_not_a_plan_gets_a_dutch_message_box(port: int, tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "adressen.xlsx", {"Blad1": [["Naam", "Adres"], ["Jan", "Dorpsstraat 1"]]}
    )
    for script in BUTTONS.values():
        answer = post(port, script, payload(path))
        assert answer.status == 200
        (action,) = answer.json()["actions"]
        assert action["func"] == "alert"
        assert "geen actietabel" in action["args"][0]


def test_a_failure_outside_the_scripts_is_a_dutch_message_box_not_a_500(
    port: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(book: xw.Book) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setitem(server.SCRIPTS, "validate", broken)  # type: ignore[arg-type]
    _, data = example(tmp_path, "nijkerk-2024")
    answer = post(port, "validate", data)
    assert answer.status == 200
    (action,) = answer.json()["actions"]
    assert action["func"] == "alert"
    assert action["args"][0].startswith("Interne fout in uvp (RuntimeError): kapot")


# -- a workbook that does not say whose plan or which year -----------------------------------


def test_a_button_that_needs_them_asks_and_then_writes_them(port: int, tmp_path: Path) -> None:
    path = without_plan_sheet(EXAMPLES / "scherpenzeel-2024.xlsx", tmp_path / "werkmap.xlsx")
    data = payload(path)
    for script in ("fill_quarters", "validate"):  # these do what they can
        assert "ask" not in post(port, script, data).json()
    asked = post(port, "export_json", data).json()
    assert asked["actions"] == []
    assert asked["ask"]["fields"] == ["municipality", "year"]
    assert asked["ask"]["prompt"].startswith(
        "De werkmap zegt niet van welke gemeente en voor welk jaar het plan is."
    )
    told = {**data, "args": [{"gemeente": "Scherpenzeel", "jaar": 2024}]}
    answer = post(port, "export_json", told).json()
    assert answer == direct(
        lambda book: addin.export_json(book, municipality="Scherpenzeel", year=2024), data
    )
    excel = Excel(path)
    excel.apply(answer["actions"])
    excel.save()
    assert excel.alerts[0].startswith(
        "Op het blad Plan staat nu Gemeente Scherpenzeel en Jaar 2024."
    )
    # The workbook says them now: no more questions.
    assert "ask" not in post(port, "write_evaluation", payload(path)).json()


def test_only_what_is_missing_is_asked(port: int, tmp_path: Path) -> None:
    data = payload(without_plan_sheet(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "werkmap.xlsx"))
    asked = post(port, "write_evaluation", {**data, "args": [{"gemeente": "Nijkerk"}]}).json()
    assert asked["ask"]["fields"] == ["year"]
    assert "voor welk jaar het plan is" in asked["ask"]["prompt"]


# -- requests that are refused ---------------------------------------------------------------


def _valid() -> dict[str, Any]:
    return {
        "client": "Office.js",
        "version": "0.37.8",
        "book": {"name": "plan.xlsx", "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": [{"name": "Blad1", "values": [["Actie", "Trekker"], ["x", ""]]}],
    }


def _with(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = _valid()
    change(data)
    return data


WRONG_SHAPES = {
    "a list": [],
    "a number": 3,
    "no sheets": _with(lambda d: d.update(sheets=[])),
    "no book": _with(lambda d: d.pop("book")),
    "another client": _with(lambda d: d.update(client="Google Apps Script")),
    "values not rows": _with(lambda d: d["sheets"][0].update(values="A1")),
    "a cell that is an object": _with(lambda d: d["sheets"][0].update(values=[[{"x": 1}]])),
    "rows of different lengths": _with(lambda d: d["sheets"][0].update(values=[["a"], ["b", "c"]])),
    "active sheet out of range": _with(lambda d: d["book"].update(active_sheet_index=5)),
    "a name on a sheet that is not there": _with(
        lambda d: d.update(names=[{"name": "Peildatum", "sheet_index": 3, "address": "A1"}])
    ),
    "a sheet name too long for Excel": _with(lambda d: d["sheets"][0].update(name="x" * 40)),
}


@pytest.mark.parametrize("shape", list(WRONG_SHAPES))
def test_json_of_the_wrong_shape_is_422(port: int, shape: str) -> None:
    detail = refused(post(port, "validate", WRONG_SHAPES[shape]), 422)
    assert detail.startswith("Het verzoek is geen werkmap zoals de UVP-knoppen")


def test_the_valid_small_payload_is_run(port: int) -> None:
    # The base of the wrong shapes above is itself fine: it reaches the script.
    answer = post(port, "validate", _valid())
    assert answer.status == 200
    assert answer.json()["actions"][-1]["func"] == "alert"


BAD_ARGS = {
    "a-number": [1],
    "two": [{"jaar": 2025}, {"jaar": 2026}],
    "unknown-key": [{"jaar": 2025, "pad": "/etc"}],
    "year-as-text": [{"jaar": "twintig"}],
    "year-out-of-range": [{"jaar": 20250}],
    "empty-municipality": [{"gemeente": ""}],
    "control-character": [{"gemeente": "Ede\n=1+1"}],
    "too-long": [{"gemeente": "E" * 81}],
}


@pytest.mark.parametrize("args", BAD_ARGS.values(), ids=BAD_ARGS.keys())
def test_arguments_other_than_municipality_and_year_are_refused(port: int, args: Any) -> None:
    detail = refused(post(port, "validate", {**_valid(), "args": args}), 422)
    assert "neemt alleen de gemeente en het jaar" in detail


@pytest.mark.parametrize("body", [b"{niet json", b"\xff\xfe\x00", b""])
def test_a_body_that_is_not_json_is_400(port: int, body: bytes) -> None:
    assert "geen leesbare JSON" in refused(post(port, "validate", body), 400)


def test_another_content_type_is_415(port: int) -> None:
    body = json.dumps(_valid()).encode()
    assert "application/json" in refused(post(port, "validate", body, "text/plain"), 415)


def test_an_unknown_script_is_404(port: int) -> None:
    detail = refused(post(port, "delete_everything", _valid()), 404)
    assert "Onbekende opdracht 'delete_everything'" in detail
    assert (
        "validate, fill_quarters, write_evaluation, export_json, quarterly_report, compare_region"
        in detail
    )


def test_a_get_on_the_script_route_is_405(port: int) -> None:
    assert request(port, "GET", "/xlwings/custom-scripts-call/validate").status == 405


def test_a_body_said_to_be_too_large_is_413_before_it_is_sent(port: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest("POST", "/xlwings/custom-scripts-call/validate")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(server.MAX_BODY + 1))
        connection.endheaders()
        assert "te groot" in refused(Answer(connection.getresponse()), 413)
    finally:
        connection.close()


def test_a_streamed_body_that_grows_too_large_is_413(port: int) -> None:
    chunk = b" " * (1024 * 1024)
    count = server.MAX_BODY // len(chunk) + 2

    def chunks() -> Iterator[bytes]:
        yield b"["
        for _ in range(count):
            yield chunk

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        # The server may stop reading before the end: its answer is waiting all the same.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.request(
                "POST",
                "/xlwings/custom-scripts-call/validate",
                body=chunks(),
                headers={"Content-Type": "application/json"},
                encode_chunked=True,
            )
        assert "te groot" in refused(Answer(connection.getresponse()), 413)
    finally:
        connection.close()


def test_no_cross_origin_access_is_granted(port: int) -> None:
    preflight = request(
        port,
        "OPTIONS",
        "/xlwings/custom-scripts-call/validate",
        headers={
            "Origin": "https://elders.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status in (400, 405)
    assert "access-control-allow-origin" not in preflight.headers
    answer = request(port, "GET", "/health", headers={"Origin": "https://elders.example"})
    assert "access-control-allow-origin" not in answer.headers


def test_answers_carry_safe_headers(port: int) -> None:
    answer = request(port, "GET", "/health")
    assert answer.json() == {"status": "ok"}
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert "x-frame-options" not in answer.headers  # Excel frames the add-in's pages
    assert "server" not in answer.headers


def test_the_client_files_are_served_and_nothing_else(port: int) -> None:
    for name, kind in [
        ("uvp.js", "javascript"),
        ("commands.html", "text/html"),
        ("taskpane.html", "text/html"),
        ("dialog.html", "text/html"),
        ("regio.html", "text/html"),
        ("icons/uvp-32.png", "image/png"),
        ("icons/vergelijken-32.png", "image/png"),
    ]:
        answer = request(port, "GET", f"/static/{name}")
        assert answer.status == 200, name
        assert kind in answer.headers["content-type"], name
        assert answer.headers["cache-control"] == "no-cache"
    assert request(port, "GET", "/static/../server.py").status == 404
    assert request(port, "GET", "/static/%2e%2e/server.py").status == 404
    assert request(port, "GET", "/docs").status == 404
    assert request(port, "GET", "/openapi.json").status == 404


# -- the manifest -------------------------------------------------------------------------


def _strings(root: ET.Element) -> dict[str, str]:
    resources = root.find(".//ov:Resources", NS)
    assert resources is not None
    found = {}
    for element in resources.iter():
        if element.get("id") is not None:
            found[element.get("id", "")] = element.get("DefaultValue", "")
    return found


def _associated() -> dict[str, str]:
    """What uvp.js associates: the FunctionName -> the script it runs."""
    pairs = re.findall(
        r'Office\.actions\.associate\("([^"]+)",\s*\(event\) => runScript\("([^"]+)", event\)\)',
        CLIENT.read_text(encoding="utf-8"),
    )
    return dict(pairs)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _check_manifest(text: str, base: str) -> None:
    root = ET.fromstring(text)
    assert root.tag == f"{{{NS['o']}}}OfficeApp"
    assert root.get(XSI_TYPE) == "TaskPaneApp"
    strings = _strings(root)

    def local_file(url: str) -> Path:
        assert url.startswith(base + "/static/"), url
        path = server.STATIC / url.removeprefix(base + "/static/")
        assert path.is_file(), url
        return path

    # Every address is the server's own.
    urls = [v for v in strings.values() if v.startswith("http")]
    for element in root.iter():
        value = element.get("DefaultValue") or ""
        if value.startswith("http"):
            urls.append(value)
    urls += [e.text or "" for e in root.iter(f"{{{NS['o']}}}AppDomain")]
    assert urls
    assert all(url.startswith(base) for url in urls), urls
    for tag, size in [("IconUrl", 32), ("HighResolutionIconUrl", 64)]:
        element = root.find(f"o:{tag}", NS)
        assert element is not None
        assert _png_size(local_file(element.get("DefaultValue", ""))) == (size, size)
    source = root.find("o:DefaultSettings/o:SourceLocation", NS)
    assert source is not None
    local_file(source.get("DefaultValue", ""))

    form = root.find(".//ov:Host/ov:DesktopFormFactor", NS)
    assert form is not None
    function_file = form.find("ov:FunctionFile", NS)
    assert function_file is not None
    commands = local_file(strings[function_file.get("resid", "")]).read_text(encoding="utf-8")
    assert '<script src="uvp.js"></script>' in commands
    assert "appsforoffice.microsoft.com/lib/1/hosted/office.js" in commands

    tab = form.find("ov:ExtensionPoint/ov:CustomTab", NS)
    assert tab is not None
    tab_label = tab.find("ov:Label", NS)
    assert tab_label is not None
    assert strings[tab_label.get("resid", "")] == "UVP"
    associated = _associated()

    def icons(element: ET.Element) -> None:
        sizes = []
        for image in element.findall("ov:Icon/bt:Image", NS):
            size = int(image.get("size", "0"))
            sizes.append(size)
            assert _png_size(local_file(strings[image.get("resid", "")])) == (size, size)
        assert sorted(sizes) == [16, 32, 80]

    groups: dict[str, dict[str, str]] = {}
    for group in tab.findall("ov:Group", NS):
        group_label = group.find("ov:Label", NS)
        assert group_label is not None
        icons(group)
        buttons = groups.setdefault(strings[group_label.get("resid", "")], {})
        for control in group.findall("ov:Control", NS):
            assert control.get(XSI_TYPE) == "Button"
            label = control.find("ov:Label", NS)
            assert label is not None
            caption = strings[label.get("resid", "")]
            tip = control.find("ov:Supertip/ov:Description", NS)
            assert tip is not None
            assert 0 < len(strings[tip.get("resid", "")]) <= 250
            icons(control)
            action = control.find("ov:Action", NS)
            assert action is not None
            if action.get(XSI_TYPE) == "ShowTaskpane":
                # A task pane whose one uvp.js button runs the script.
                source = action.find("ov:SourceLocation", NS)
                assert source is not None
                page = local_file(strings[source.get("resid", "")]).read_text(encoding="utf-8")
                assert '<script src="uvp.js"></script>' in page
                scripts = re.findall(r'data-uvp-script="([^"]+)"', page)
                assert len(scripts) == 1, scripts
                buttons[caption] = scripts[0]
                continue
            assert action.get(XSI_TYPE) == "ExecuteFunction"
            function = action.findtext("ov:FunctionName", namespaces=NS)
            assert function in associated, f"{function} is not associated in uvp.js"
            buttons[caption] = associated[function]
    assert groups == GROUPS
    assert set(BUTTONS.values()) == set(server.SCRIPTS)
    # Office's limits: resource ids of at most 32 characters, labels of at most 125.
    assert all(len(key) <= 32 for key in strings)
    short = root.find(".//ov:Resources/bt:ShortStrings", NS)
    assert short is not None
    assert all(len(s.get("DefaultValue", "")) <= 125 for s in short)


def test_the_manifest_in_excel_is_the_one_the_server_ships() -> None:
    assert (ROOT / "excel" / "manifest.xml").read_bytes() == server.MANIFEST.read_bytes()


def test_the_manifest_has_the_uvp_tab_with_its_two_groups_of_buttons() -> None:
    _check_manifest(server.MANIFEST.read_text(encoding="utf-8"), server.DEFAULT_PUBLIC_URL)


def test_the_served_manifest_has_the_servers_address(port: int) -> None:
    answer = request(port, "GET", "/manifest.xml")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("application/xml")
    text = answer.body.decode()
    _check_manifest(text, f"https://127.0.0.1:{port}")
    assert "localhost:8000" not in text


def test_a_forged_host_header_cannot_break_the_manifest(port: int) -> None:
    answer = request(port, "GET", "/manifest.xml", headers={"Host": 'x"><evil/>'})
    assert answer.status in (200, 400)
    if answer.status == 200:
        _check_manifest(answer.body.decode(), server.DEFAULT_PUBLIC_URL)


def test_a_public_url_goes_into_the_manifest() -> None:
    _check_manifest(server.manifest_for("https://uvp.gemeente.nl/"), "https://uvp.gemeente.nl")
    _check_manifest(
        server.manifest_for("https://intranet.gemeente.nl:8443/uvp"),
        "https://intranet.gemeente.nl:8443/uvp",
    )
    for bad in [
        "http://uvp.gemeente.nl",
        "https://uvp.gemeente.nl/?a=1",
        'https://x"/>',
        "javascript:alert(1)",
        "https://",
    ]:
        with pytest.raises(ValueError, match="https"):
            server.manifest_for(bad)
        with pytest.raises(ValueError, match="https"):
            server.create_app(bad)


# -- the Office.js client, under Node -------------------------------------------------------


def node(jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if NODE is None:
        pytest.skip("Node is not installed")
    result = subprocess.run(
        [NODE, str(ROOT / "tests" / "js" / "fake_excel.js"), str(CLIENT)],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    answer: list[dict[str, Any]] = json.loads(result.stdout)
    return answer


def _grid(values: list[list[Any]]) -> list[list[Any]]:
    """Values as openpyxl reads them back, without trailing empty rows and columns."""
    rows = [[None if v in ("", None) else v for v in row] for row in values]
    width = max((i + 1 for row in rows for i, v in enumerate(row) if v is not None), default=0)
    rows = [row[:width] + [None] * (width - len(row)) for row in rows]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


def test_the_client_collects_the_payload_the_server_runs(port: int, tmp_path: Path) -> None:
    jobs = []
    for name in EXAMPLE_NAMES:
        _, data = example(tmp_path, name)
        names = [
            {"name": n["name"], "address": f"'{data['sheets'][n['sheet_index']]['name']}'!$A$1"}
            for n in data["names"]
        ]
        jobs.append({"collect": {"name": f"{name}.xlsx", "sheets": data["sheets"], "names": names}})
    for name, result in zip(EXAMPLE_NAMES, node(jobs), strict=True):
        collected = result["payload"]
        _, data = example(tmp_path, name)
        assert collected["book"]["name"] == f"{name}.xlsx"
        assert [s["name"] for s in collected["sheets"]] == [s["name"] for s in data["sheets"]]
        for got, sent in zip(collected["sheets"], data["sheets"], strict=True):
            assert _grid(got["values"]) == _grid(sent["values"])
        answer = post(port, "fill_quarters", collected)
        assert answer.status == 200
        assert answer.json() == post(port, "fill_quarters", data).json()


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_client_applies_every_answer_as_the_excel_stand_in_does(
    port: int, tmp_path: Path, name: str
) -> None:
    jobs, expected = [], []
    for script in BUTTONS.values():
        path, data = example(tmp_path, name)
        actions = post(port, script, data).json()["actions"]
        sheets = [{"name": s["name"], "values": s["values"]} for s in data["sheets"]]
        jobs.append({"apply": {"sheets": sheets, "actions": actions}})
        excel = Excel(path)
        excel.apply(actions)
        expected.append(excel)
    for script, result, excel in zip(BUTTONS.values(), node(jobs), expected, strict=True):
        assert "error" not in result, result.get("error")
        assert [a["prompt"] for a in result["alerts"]] == excel.alerts
        assert [s["name"] for s in result["sheets"]] == excel.book.sheetnames
        for sheet in result["sheets"]:
            ws = excel.book[sheet["name"]]
            want = [[c.value for c in row] for row in ws.iter_rows()]
            assert _grid(sheet["values"]) == _grid(want), (script, sheet["name"])
        log = result["log"]
        if script == "validate":
            # Controle: rows 1-4 stay in view, links go to the cell, widths are points.
            assert ["Controle.freezePanes.freezeRows()", [4]] in log
            links = [value for where, value in log if where.endswith(".hyperlink")]
            assert links
            assert all("documentReference" in link and "screenTip" not in link for link in links)
            widths = [value for where, value in log if where.endswith(".format.columnWidth")]
            assert widths
            assert all(width > 20 for width in widths)
        if script == "fill_quarters":
            rules = [value for where, value in log if where.endswith(".dataValidation.rule")]
            assert rules
            assert rules[0]["list"]["source"] == ",".join(STATUS_LABELS.values())
            assert "Aandacht" in rules[0]["list"]["source"]
            assert any(where.endswith("conditionalFormats.add()") for where, _ in log)
        if script == "write_evaluation":
            (chart,) = [value for where, value in log if where == "Evaluatie.charts.add()"]
            assert chart[0] == "BarStacked"
        if script == "quarterly_report":
            (chart,) = [value for where, value in log if where == "Kwartaalrapportage.charts.add()"]
            assert chart[0] == "BarStacked"
            # The line under the table's header, as xlwings names it and Office.js spells it
            # (the label's cell, then the figures' right-aligned headers).
            for cells in ("A5", "B5:J5"):
                header = f"Kwartaalrapportage!{cells}.format.borders.getItem()"
                assert [header, ["EdgeBottom"]] in log
                assert [f"{header}.style", "Continuous"] in log
                assert [f"{header}.weight", "Thin"] in log


# -- uvp serve ---------------------------------------------------------------------------


runner = CliRunner()


def _said(output: str) -> str:
    """The output as one line, however the terminal wrapped it."""
    return " ".join(output.replace("│", " ").split())


def test_serve_help_is_dutch() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "achter het lint UVP in Excel" in _said(result.output)
    assert "--cert" in result.output


def test_serve_wants_both_cert_and_key(tmp_path: Path) -> None:
    cert = tmp_path / "cert.pem"
    cert.write_text("x")
    result = runner.invoke(app, ["serve", "--cert", str(cert)])
    assert result.exit_code == 2
    assert "Geef --cert en --key allebei op" in _said(result.output)
    result = runner.invoke(
        app, ["serve", "--cert", str(cert), "--key", str(tmp_path / "missing.pem")]
    )
    assert result.exit_code == 2
    assert "missing.pem bestaat niet" in _said(result.output)


def test_serve_refuses_a_public_url_that_is_not_https() -> None:
    result = runner.invoke(app, ["serve", "--public-url", "http://uvp.gemeente.nl"])
    assert result.exit_code == 2
    assert "is geen https-adres" in _said(result.output)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _serve(*args: str) -> tuple[subprocess.Popen[str], int]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvp", "serve", "--port", str(port), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return process, port


def _wait(
    connect: Callable[[], http.client.HTTPConnection], process: subprocess.Popen[str]
) -> None:
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, process.communicate()[0]
        try:
            connection = connect()
            connection.request("GET", "/health")
            assert connection.getresponse().status == 200
            connection.close()
            return
        except OSError:
            assert time.monotonic() < deadline, "uvp serve did not start"
            time.sleep(0.05)


def _stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    try:
        output, _ = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return output


def test_uvp_serve_runs_the_buttons_without_a_licence_key_set(tmp_path: Path) -> None:
    process, port = _serve()
    try:
        _wait(lambda: http.client.HTTPConnection("127.0.0.1", port, timeout=5), process)
        _, data = example(tmp_path, "nijkerk-2024")
        answer = post(port, "export_json", data)
        assert answer.status == 200
        assert answer.json()["actions"][-1]["args"][0].startswith("Het plan staat als JSON")
    finally:
        output = _stop(process)
    assert f"uvp-server op http://127.0.0.1:{port}" in output
    assert "Traceback" not in output


# A certificate for a day, as a first try of HTTPS would make one.
SELF_SIGNED = ("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1")
SELF_SIGNED += ("-subj", "/CN=localhost")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_uvp_serve_speaks_https_with_cert_and_key(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [*SELF_SIGNED, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    process, port = _serve("--cert", str(cert), "--key", str(key))
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False
    try:
        _wait(
            lambda: http.client.HTTPSConnection("127.0.0.1", port, timeout=5, context=context),
            process,
        )
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=5, context=context)
        connection.request("GET", "/manifest.xml")
        response = connection.getresponse()
        assert response.status == 200
        assert f"https://127.0.0.1:{port}/static/commands.html" in response.read().decode()
        connection.close()
    finally:
        _stop(process)


def test_import_uvp_and_its_cli_load_no_server_packages() -> None:
    code = (
        "import sys, uvp, uvp.cli; heavy = {'fastapi', 'uvicorn', 'starlette', 'xlwings', "
        "'pydantic'} & set(sys.modules); print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
