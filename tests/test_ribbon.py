"""The ribbon's JavaScript end to end: every button's whole path under Node.

Office's runtime is a stand-in (tests/js/fake_excel.js: the functions uvp.js associates,
Excel.run on a workbook given as values, dialogs whose real pages run with a "user"
clicking, and event.completed()), the network is real: the client's own ``fetch`` posts
to a real ``uvp serve`` on 127.0.0.1. A press goes associate -> runScript -> Excel.run
-> collect -> POST -> apply -> message box -> event.completed(); a failing server, a
proxy's error page and a server that is down each end in a Dutch message box and
event.completed() too, and a workbook that does not say its municipality or year makes
the button ask, then write the answer on the Plan sheet.
"""

from __future__ import annotations

import base64
import copy
import http.server
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from tests.officejs import Excel, payload
from tests.test_server import (
    EXAMPLE_NAMES,
    Running,
    _associated,
    _grid,
    example,
    node,
    post,
    request,
)
from tests.workbooks import without_plan_sheet
from uvp.addin import server

# FunctionName in the manifest -> the script it runs (what uvp.js associates).
FUNCTIONS = _associated()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    running = Running(server.create_app())
    yield f"http://127.0.0.1:{running.port}"
    running.stop()


def _workbook(data: dict[str, Any]) -> dict[str, Any]:
    """A payload as the stand-in's workbook: sheets' values and the defined names."""
    names = [
        {"name": n["name"], "address": f"'{data['sheets'][n['sheet_index']]['name']}'!$A$1"}
        for n in data["names"]
    ]
    sheets = [{"name": s["name"], "values": s["values"]} for s in data["sheets"]]
    return {"name": data["book"]["name"], "sheets": sheets, "names": names}


def press(
    base: str, function: str, data: dict[str, Any], user: list[list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    return {
        "press": {
            "url": f"{base}/static/commands.html",
            "button": function,
            "workbook": _workbook(data),
            "user": user or [],
        }
    }


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def _completed_once_at_the_end(result: dict[str, Any]) -> None:
    assert "error" not in result, result.get("error")
    assert result["completed"] == 1, result["events"]
    assert result["events"][-1] == "completed", result["events"]
    assert all(d["closed"] for d in result["dialogs"]), result["dialogs"]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_button_runs_its_whole_path(base: str, tmp_path: Path, name: str) -> None:
    _, data = example(tmp_path, name)
    results = node([press(base, function, data) for function in FUNCTIONS])
    assert sorted(results[0]["associated"]) == sorted(FUNCTIONS)
    for (function, script), result in zip(FUNCTIONS.items(), results, strict=True):
        _completed_once_at_the_end(result)
        (sent,) = result["posts"]
        assert sent["url"] == f"{base}/xlwings/custom-scripts-call/{script}"
        assert sent["status"] == 200
        # The workbook afterwards is what the server's answer makes of it.
        answer = post(_port(base), script, data).json()
        excel = Excel(_copy(tmp_path / function, name))
        excel.apply(answer["actions"])
        assert [s["name"] for s in result["sheets"]] == excel.book.sheetnames, function
        for sheet in result["sheets"]:
            ws = excel.book[sheet["name"]]
            want = [[c.value for c in row] for row in ws.iter_rows()]
            assert _grid(sheet["values"]) == _grid(want), (function, sheet["name"])
        # Then each message box of the answer, one after the other, then completed().
        assert [d["page"] for d in result["dialogs"]] == ["dialog.html"] * len(excel.alerts)
        assert [d["shown"]["prompt"] for d in result["dialogs"]] == excel.alerts
        assert not any(d["critical"] for d in result["dialogs"])
        assert result["events"] == [
            e for d in result["dialogs"] for e in ("dialog dialog.html", "closed dialog.html")
        ] + ["completed"]


def test_a_second_click_while_a_button_runs_completes_at_once(base: str, tmp_path: Path) -> None:
    _, data = example(tmp_path, "scherpenzeel-2024")
    job = press(base, "uvpKwartalenVullen", data)
    job["press"]["twice"] = True
    (result,) = node([job])
    # The second click is done before the first has even posted; the first runs as always.
    assert result["events"][0] == "completed (second click)", result["events"]
    assert result["completed"] == 2, result["events"]
    assert result["events"][-1] == "completed", result["events"]
    assert len(result["posts"]) == 1


def _copy(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.xlsx"
    shutil.copy(EXAMPLES / f"{name}.xlsx", path)
    return path


# -- when the server fails ---------------------------------------------------------------


class _Proxy(http.server.ThreadingHTTPServer):
    status: int


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    """A reverse proxy whose backend is gone: an HTML error page for every request."""

    server: _Proxy

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = f"<html><body><h1>{self.server.status} Error</h1>nginx</body></html>".encode()
        self.send_response(self.server.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def proxy(request: pytest.FixtureRequest) -> Iterator[_Proxy]:
    running = _Proxy(("127.0.0.1", 0), _ProxyHandler)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()


PROXY_ERRORS = {
    "500": (500, "De UVP-server antwoordde met fout 500. Meld het aan de beheerder."),
    "502": (502, "De UVP-server is even niet beschikbaar (fout 502)."),
    "503": (503, "De UVP-server is even niet beschikbaar (fout 503)."),
    "413": (413, "De werkmap is te groot om naar de UVP-server te sturen."),
}


def _one_critical_message(result: dict[str, Any], data: dict[str, Any]) -> str:
    _completed_once_at_the_end(result)
    (dialog,) = result["dialogs"]
    assert dialog["page"] == "dialog.html"
    assert dialog["critical"]
    assert result["events"] == ["dialog dialog.html", "closed dialog.html", "completed"]
    # Nothing was written into the workbook.
    assert [s["name"] for s in result["sheets"]] == [s["name"] for s in data["sheets"]]
    for got, sent in zip(result["sheets"], data["sheets"], strict=True):
        assert _grid(got["values"]) == _grid(sent["values"])
    text: str = dialog["shown"]["prompt"]
    assert "Error" not in text  # Dutch, not the proxy's page
    return text


@pytest.mark.parametrize(("status", "message"), PROXY_ERRORS.values(), ids=PROXY_ERRORS.keys())
def test_a_proxys_error_page_ends_in_a_dutch_message(
    proxy: _Proxy, tmp_path: Path, status: int, message: str
) -> None:
    proxy.status = status
    _, data = example(tmp_path, "scherpenzeel-2024")
    base = f"http://127.0.0.1:{proxy.server_address[1]}"
    (result,) = node([press(base, "uvpControleren", data)])
    assert result["posts"][0]["status"] == status
    assert _one_critical_message(result, data).startswith(message)


def test_uvp_serves_refusal_of_a_too_large_workbook_ends_in_its_dutch_detail(
    base: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server, "MAX_BODY", 1024 * 1024)
    _, data = example(tmp_path, "nijkerk-2024")
    big = copy.deepcopy(data)
    big["sheets"].append(
        {
            "name": "Bijlage",
            "values": [[f"regel {r} kolom {c} " * 4 for c in range(10)] for r in range(1500)],
        }
    )
    (result,) = node([press(base, "uvpKwartalenVullen", big)])
    assert result["posts"][0]["status"] == 413
    text = _one_critical_message(result, big)
    assert text.startswith("De werkmap is te groot om te versturen (meer dan 1 MB).")


def test_a_server_that_is_down_ends_in_a_dutch_message(tmp_path: Path) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    _, data = example(tmp_path, "scherpenzeel-2024")
    (result,) = node([press(f"http://127.0.0.1:{port}", "uvpEvaluatie", data)])
    assert "status" not in result["posts"][0]
    text = _one_critical_message(result, data)
    assert text.startswith("De UVP-server is niet bereikbaar.")


def test_a_user_who_closes_the_message_box_still_completes(base: str, tmp_path: Path) -> None:
    _, data = example(tmp_path, "nijkerk-2024")
    (result,) = node([press(base, "uvpExporteren", data, user=[[{"close": True}]])])
    _completed_once_at_the_end(result)
    assert "JSON" in [s["name"] for s in result["sheets"]]


# -- a workbook that does not say its municipality or year -------------------------------


def _no_plan_sheet(tmp_path: Path) -> dict[str, Any]:
    return payload(
        without_plan_sheet(EXAMPLES / "scherpenzeel-2024.xlsx", tmp_path / "werkmap.xlsx")
    )


def test_kwartalen_vullen_asks_nothing(base: str, tmp_path: Path) -> None:
    data = _no_plan_sheet(tmp_path)
    (result,) = node([press(base, "uvpKwartalenVullen", data)])
    _completed_once_at_the_end(result)
    assert len(result["posts"]) == 1
    (dialog,) = result["dialogs"]
    assert dialog["shown"]["prompt"].startswith("Kwartaalkolommen ingevuld")


def test_exporteren_asks_then_writes_the_answer_on_the_plan_sheet(
    base: str, tmp_path: Path
) -> None:
    data = _no_plan_sheet(tmp_path)
    answers = [
        {"fill": {"municipality": "Scherpenzeel", "year": "2O24"}},
        {"submit": "form"},  # a letter O: the page says what is wrong and waits
        {"fill": {"year": "2024"}},
        {"submit": "form"},
    ]
    (result,) = node([press(base, "uvpExporteren", data, user=[answers])])
    _completed_once_at_the_end(result)
    ask, message = result["dialogs"]
    assert ask["page"] == "ask.html"
    assert ask["shown"]["prompt"].startswith(
        "De werkmap zegt niet van welke gemeente en voor welk jaar het plan is."
    )
    assert {"municipality-field", "year-field"} <= set(ask["visible"])
    assert ask["problems"] == ["Vul het jaar in met vier cijfers, bijvoorbeeld 2025."]
    assert [p["args"] for p in result["posts"]] == [
        None,
        [{"gemeente": "Scherpenzeel", "jaar": 2024}],
    ]
    sheets = {s["name"]: s["values"] for s in result["sheets"]}
    assert _grid(sheets["Plan"]) == [["Gemeente", "Scherpenzeel"], ["Jaar", 2024]]
    assert "JSON" in sheets
    assert message["shown"]["prompt"].startswith(
        "Op het blad Plan staat nu Gemeente Scherpenzeel en Jaar 2024."
    )
    assert result["events"] == [
        "dialog ask.html",
        "closed ask.html",
        "dialog dialog.html",
        "closed dialog.html",
        "completed",
    ]


def test_only_the_missing_field_is_asked(base: str, tmp_path: Path) -> None:
    data = _no_plan_sheet(tmp_path)
    data["sheets"].insert(
        0, {**data["sheets"][0], "name": "Plan", "values": [["Gemeente", "Scherpenzeel"]]}
    )
    answers = [{"fill": {"year": "2024"}}, {"submit": "form"}]
    (result,) = node([press(base, "uvpEvaluatie", data, user=[answers])])
    _completed_once_at_the_end(result)
    ask = result["dialogs"][0]
    assert "year-field" in ask["visible"]
    assert "municipality-field" not in ask["visible"]
    assert result["posts"][1]["args"] == [{"jaar": 2024}]
    assert "Evaluatie" in [s["name"] for s in result["sheets"]]


@pytest.mark.parametrize("how", [[{"click": "cancel"}], [{"close": True}]], ids=["cancel", "close"])
def test_a_question_cancelled_changes_nothing(
    base: str, tmp_path: Path, how: list[dict[str, Any]]
) -> None:
    data = _no_plan_sheet(tmp_path)
    (result,) = node([press(base, "uvpExporteren", data, user=[how])])
    _completed_once_at_the_end(result)
    assert len(result["posts"]) == 1
    assert [d["page"] for d in result["dialogs"]] == ["ask.html"]
    assert [s["name"] for s in result["sheets"]] == [s["name"] for s in data["sheets"]]


# -- Vergelijken: the task pane where the other plans are picked ----------------------------


def _pane_page(base: str) -> str:
    """The page the manifest's Vergelijken button opens (its ShowTaskpane SourceLocation)."""
    text = request(_port(base), "GET", "/manifest.xml").body.decode("utf-8")
    (url,) = re.findall(r'<bt:Url id="UVP\.Regio\.Url" DefaultValue="([^"]+)"', text)
    return base + "/static/" + url.rsplit("/static/", 1)[1]


def pane(
    base: str,
    data: dict[str, Any],
    files: list[dict[str, Any]] | None,
    user: list[list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    steps: list[dict[str, Any]] = [{"files": {"regio-plannen": files}}] if files else []
    steps.append({"click": "regio-vergelijken"})
    return {
        "pane": {
            "url": _pane_page(base),
            "workbook": _workbook(data),
            "steps": steps,
            "user": user or [],
        }
    }


def picked(name: str, as_name: str | None = None) -> dict[str, str]:
    data = base64.b64encode((EXAMPLES / name).read_bytes()).decode("ascii")
    return {"name": as_name or name, "base64": data}


def _pane_done(result: dict[str, Any]) -> None:
    assert "error" not in result, result.get("error")
    assert result["disabled"] == [], "the button stays disabled"
    assert all(d["closed"] for d in result["dialogs"]), result["dialogs"]


def test_vergelijken_runs_its_whole_path_from_the_task_pane(base: str, tmp_path: Path) -> None:
    path, data = example(tmp_path, "nijkerk-2024")
    files = [picked("scherpenzeel-2024.xlsx"), picked("nijkerk-2024.json")]
    (result,) = node([pane(base, data, files)])
    _pane_done(result)
    (sent,) = result["posts"]
    assert sent["url"] == f"{base}/xlwings/custom-scripts-call/compare_region"
    assert sent["status"] == 200
    sizes = [len(f["base64"]) for f in files]
    assert sent["args"] == [
        {"plannen": [{"naam": f["name"], "inhoud": n} for f, n in zip(files, sizes, strict=True)]}
    ]
    # The workbook afterwards is what the server's answer makes of it.
    plans = [{"naam": f["name"], "inhoud": f["base64"]} for f in files]
    answer = post(_port(base), "compare_region", {**data, "args": [{"plannen": plans}]}).json()
    excel = Excel(path)
    excel.apply(answer["actions"])
    assert [s["name"] for s in result["sheets"]] == excel.book.sheetnames
    assert excel.book.sheetnames[-1] == "Regio"
    for sheet in result["sheets"]:
        ws = excel.book[sheet["name"]]
        want = [[c.value for c in row] for row in ws.iter_rows()]
        assert _grid(sheet["values"]) == _grid(want), sheet["name"]
    (dialog,) = result["dialogs"]
    assert dialog["page"] == "dialog.html"
    assert not dialog["critical"]
    assert [dialog["shown"]["prompt"]] == excel.alerts
    assert result["status"] == excel.alerts[0]
    assert excel.alerts[0].startswith("Blad Regio geschreven: Nijkerk, Scherpenzeel.")
    assert result["events"] == ["dialog dialog.html", "closed dialog.html"]
    # The open plan's actions link to their own cells.
    links = [value for where, value in result["log"] if where.endswith(".hyperlink")]
    assert links
    assert all(set(link) == {"textToDisplay", "documentReference"} for link in links)


PANE_REFUSALS = {
    # what the user picks -> the Dutch message, and whether the server was asked
    "nothing": (None, "Kies eerst de plannen van de andere gemeenten", False),
    "too-many": (
        [{"name": f"p{n}.json", "base64": "e30="} for n in range(21)],
        "Er zijn 21 bestanden gekozen; uvp vergelijkt er hoogstens 20 tegelijk.",
        False,
    ),
    "too-large": (
        [{"name": "groot.xlsx", "zeros": 13 * 1024 * 1024}],
        "De gekozen bestanden zijn samen groter dan 12 MB.",
        False,
    ),
    "not-a-plan": (
        [{"name": "adressen.csv", "base64": base64.b64encode(b"naam;adres\n").decode()}],
        "adressen.csv: uvp leest alleen plannen in .xlsx-, .xlsm- en .json-bestanden.",
        True,
    ),
    "a-name-that-climbs-out": (
        [{"name": "../../etc/passwd", "base64": "e30="}],
        "passwd: uvp leest alleen plannen in",
        True,
    ),
}


@pytest.mark.parametrize(
    ("files", "message", "posted"), PANE_REFUSALS.values(), ids=PANE_REFUSALS.keys()
)
def test_vergelijken_refuses_in_one_dutch_message_box(
    base: str, tmp_path: Path, files: list[dict[str, Any]] | None, message: str, posted: bool
) -> None:
    _, data = example(tmp_path, "scherpenzeel-2024")
    (result,) = node([pane(base, data, files)])
    _pane_done(result)
    assert len(result["posts"]) == (1 if posted else 0)
    (dialog,) = result["dialogs"]
    assert dialog["critical"]
    assert dialog["shown"]["prompt"].startswith(message), dialog["shown"]["prompt"]
    assert [s["name"] for s in result["sheets"]] == [s["name"] for s in data["sheets"]]
    for got, sent in zip(result["sheets"], data["sheets"], strict=True):
        assert _grid(got["values"]) == _grid(sent["values"])


def test_vergelijken_asks_then_sends_the_plans_again(base: str, tmp_path: Path) -> None:
    data = _no_plan_sheet(tmp_path)
    answers = [{"fill": {"municipality": "Scherpenzeel", "year": "2024"}}, {"submit": "form"}]
    files = [picked("nijkerk-2024.json")]
    (result,) = node([pane(base, data, files, user=[answers])])
    _pane_done(result)
    assert [d["page"] for d in result["dialogs"]] == ["ask.html", "dialog.html"]
    first, second = (p["args"] for p in result["posts"])
    plans = [{"naam": "nijkerk-2024.json", "inhoud": len(files[0]["base64"])}]
    assert first == [{"plannen": plans}]
    assert second == [{"plannen": plans, "gemeente": "Scherpenzeel", "jaar": 2024}]
    sheets = {s["name"]: s["values"] for s in result["sheets"]}
    assert _grid(sheets["Plan"]) == [["Gemeente", "Scherpenzeel"], ["Jaar", 2024]]
    assert "Regio" in sheets
