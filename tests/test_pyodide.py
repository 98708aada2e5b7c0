"""xlwings Lite's runtime for real: uvp installed by micropip in Pyodide from npm, under Node.

For each Pyodide version in :data:`tests.pyodide_env.VERSIONS` (the one xlwings Lite
names, and the newest), one boot: micropip installs the uvp wheel built from this tree
with its declared dependencies, resolved as in Excel (Pyodide's own packages first, then
PyPI, where only pure-Python wheels will do; PyPI is a local mirror of pure wheels here,
see tests/pyodide_env.py). Then both example workbooks are read, checked, exported
(and the exported file read back) and compared region-wide, and excel/lite/main.py's
scripts run on an ``xlwings.Book(json=...)``; everything must equal what CPython gives.

Beside it, a fast offline check: evaluated for Emscripten, what the wheel's
``Requires-Dist`` pulls in is pure Python (or Pyodide's own).

Needs Node.js and npm; the first run downloads Pyodide (about 14 MB per version) and
some wheels into ``.cache/`` (about 45 s), later runs reuse them.
"""

from __future__ import annotations

import copy
import datetime as dt
import http.server
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import xlwings as xw
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import uvp
from tests import pyodide_env
from tests.conftest import EXAMPLES, ROOT
from tests.officejs import payload
from tests.test_lite import LITE, _lite_main

NODE = shutil.which("node")
NPM = shutil.which("npm")
EXAMPLE_NAMES = ["nijkerk-2024", "scherpenzeel-2024"]
SCRIPTS = ["controleren", "kwartalen_vullen", "evaluatie", "exporteren", "kwartaalrapportage"]
PEILDATUM = dt.date(2024, 10, 1)
RUNNER = ROOT / "tests" / "js" / "pyodide_lite.mjs"
JOB = ROOT / "tests" / "js" / "lite_job.py"

needs_node = pytest.mark.skipif(
    NODE is None or NPM is None,
    reason="Node.js and npm are needed to run Pyodide (Debian: apt-get install nodejs npm)",
)


# -- offline: the wheel's dependencies in Excel's Python -------------------------------------


@pytest.fixture(scope="module")
def uvp_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pyodide_env.build_uvp_wheel(tmp_path_factory.mktemp("wheel"))


def _lock_names() -> dict[str, set[str]]:
    """Per prepared Pyodide version, the packages its lock file has (none when not cached)."""
    found = {}
    for version in pyodide_env.VERSIONS:
        lock = pyodide_env.CACHE / f"pyodide-{version}" / "node_modules/pyodide/pyodide-lock.json"
        if lock.is_file():
            packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
            found[version] = {canonicalize_name(name) for name in packages}
    return found


def test_every_requirement_is_pure_python_in_pyodide(uvp_wheel: Path) -> None:
    requirements = pyodide_env.requirements_of(uvp_wheel)
    kept = [str(r) for r in requirements if pyodide_env.applies(r, pyodide_env.EMSCRIPTEN, ())]
    # What is compiled, or serves only the command line, stays out of Excel's Python.
    left_in = {canonicalize_name(Requirement(r).name) for r in kept} & {
        "rapidfuzz",
        "orjson",
        "python-calamine",
        "typer",
        "rich",
    }
    assert not left_in, f"required in Pyodide too: {sorted(left_in)} (of {kept})"
    verdicts = pyodide_env.installed_closure([Requirement(r) for r in kept], pyodide_env.EMSCRIPTEN)
    locks = _lock_names()
    in_every_lock = set.intersection(*locks.values()) if locks else set()
    impure = {
        name: verdict
        for name, verdict in verdicts.items()
        if verdict != "pure" and name not in in_every_lock
    }
    assert not impure, (
        f"in Pyodide these would need a wheel micropip cannot install: {impure} "
        "(mark them platform_system != 'Emscripten' in pyproject.toml, with a fallback)"
    )
    assert {"attrs", "cattrs", "openpyxl", "defusedxml", "et-xmlfile"} <= set(verdicts)


def test_the_marker_test_sees_an_impure_dependency() -> None:
    # The check above on a requirement list with rapidfuzz back in: it must object.
    verdicts = pyodide_env.installed_closure(
        [Requirement("rapidfuzz>=3.6"), Requirement("attrs")], pyodide_env.EMSCRIPTEN
    )
    assert verdicts["rapidfuzz"] == "compiled"
    assert verdicts["attrs"] == "pure"


# -- a mirror of PyPI's simple index, of pure wheels only ------------------------------------


class _Mirror(http.server.ThreadingHTTPServer):
    prepared: dict[str, pyodide_env.Pyodide]
    wheel: Path


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Mirror

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        if parts[:1] == ["uvp"] and parts[1:] == [self.server.wheel.name]:
            self._send(200, self.server.wheel.read_bytes(), "application/octet-stream")
            return
        if len(parts) == 3 and parts[0] in self.server.prepared:
            pyodide = self.server.prepared[parts[0]]
            if parts[1] == "simple":
                page = pyodide_env.simple_index(
                    pyodide, parts[2], "https://files.pythonhosted.org/packages/mirror"
                )
                if page is not None:
                    body = json.dumps(page).encode()
                    self._send(200, body, "application/vnd.pypi.simple.v1+json")
                    return
            if parts[1] == "wheels":
                wheel = next((w for w in pyodide.index.values() if w.name == parts[2]), None)
                if wheel is not None:
                    self._send(200, wheel.read_bytes(), "application/octet-stream")
                    return
        self._send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def mirror(uvp_wheel: Path) -> Iterator[_Mirror]:
    server = _Mirror(("127.0.0.1", 0), _Handler)
    server.prepared = {}
    server.wheel = uvp_wheel
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


# -- one Pyodide boot per version ----------------------------------------------------------


@dataclass
class Run:
    version: str
    returncode: int
    stderr: str
    result: dict[str, Any]
    prepared: pyodide_env.Pyodide

    def problem(self) -> str:
        start = self.stderr.find("uvp-")
        return self.stderr[start:][-4000:] if start >= 0 else self.stderr[-4000:]


def _payloads() -> dict[str, dict[str, Any]]:
    return {name: payload(EXAMPLES / f"{name}.xlsx") for name in EXAMPLE_NAMES}


def run_in_pyodide(
    version: str, wheel: Path, mirror: _Mirror, tmp_path: Path, payloads: dict[str, Any]
) -> Run:
    prepared = pyodide_env.prepare(version, wheel, [f"xlwings=={metadata.version('xlwings')}"])
    mirror.prepared[version] = prepared
    port = mirror.server_address[1]
    job = {
        "examples": EXAMPLE_NAMES,
        "peildatum": PEILDATUM.isoformat(),
        # xlwings Lite runs a script on the workbook it is pressed in: here Scherpenzeel's.
        "scripts": dict.fromkeys(SCRIPTS, payloads["scherpenzeel-2024"]),
    }
    (tmp_path / "input.json").write_text(json.dumps(job), encoding="utf-8")
    files = {str(tmp_path / "input.json"): "/job/input.json", str(LITE / "main.py"): "/job/main.py"}
    for name in EXAMPLE_NAMES:
        files[str(EXAMPLES / f"{name}.xlsx")] = f"/job/{name}.xlsx"
    spec = {
        "dist": str(prepared.dist),
        "lock": str(prepared.lock),
        "packages": str(prepared.packages),
        "local": f"http://127.0.0.1:{port}/",
        "mirror": f"http://127.0.0.1:{port}/{version}",
        # As xlwings Lite's requirements.txt does: the wheel's address (xlwings is Lite's own).
        "install": [f"http://127.0.0.1:{port}/uvp/{wheel.name}", "xlwings"],
        "files": files,
        "script": str(JOB),
        "result": "/job/result.json",
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(RUNNER), str(tmp_path / "spec.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    result = json.loads(done.stdout) if done.returncode == 0 else {}
    return Run(version, done.returncode, done.stderr, result, prepared)


@pytest.fixture(scope="module")
def payloads() -> dict[str, dict[str, Any]]:
    return _payloads()


@pytest.fixture(scope="module", params=pyodide_env.VERSIONS)
def lite(
    request: pytest.FixtureRequest,
    uvp_wheel: Path,
    mirror: _Mirror,
    payloads: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> Run:
    if NODE is None or NPM is None:
        pytest.skip(
            "Node.js and npm are needed to run Pyodide (Debian: apt-get install nodejs npm)"
        )
    version = str(request.param)
    return run_in_pyodide(
        version, uvp_wheel, mirror, tmp_path_factory.mktemp(f"pyodide-{version}"), payloads
    )


# -- what CPython gives ----------------------------------------------------------------------


def _cpython_scripts(payloads: dict[str, Any]) -> dict[str, Any]:
    main = _lite_main()
    answers = {}
    for script in SCRIPTS:
        book = xw.Book(json=copy.deepcopy(payloads["scherpenzeel-2024"]))
        try:
            getattr(main, script)(book)
            answers[script] = json.loads(json.dumps(book.json(), default=str))
        finally:
            book.close()
    return answers


@needs_node
def test_micropip_installs_uvp_with_its_dependencies(lite: Run) -> None:
    assert lite.returncode == 0, f"Pyodide {lite.version}:\n{lite.problem()}"
    assert not lite.prepared.unavailable, lite.prepared.unavailable
    assert lite.result["platform"] == "Emscripten"
    assert lite.result["python"] == lite.prepared.python
    # The native fast paths and the command line's packages stay out of Excel's Python.
    assert lite.result["loaded"] == []


@needs_node
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_examples_read_check_and_export_as_in_cpython(lite: Run, name: str) -> None:
    assert lite.returncode == 0, lite.problem()
    got = lite.result["examples"][name]
    assert got["json"] + "\n" == (EXAMPLES / f"{name}.json").read_text(encoding="utf-8")
    expected = uvp.validate_workbook(EXAMPLES / f"{name}.xlsx", peildatum=PEILDATUM).to_dict()
    expected["source"] = f"/job/{name}.xlsx"
    assert got["report"] == json.loads(json.dumps(expected))


@needs_node
def test_an_exported_file_reads_back(lite: Run) -> None:
    # Pyodide 0.27.5's os.umask() first reports 0o777: the file still gets an ordinary mode.
    assert lite.returncode == 0, lite.problem()
    for name in EXAMPLE_NAMES:
        got = lite.result["examples"][name]
        assert got["read_back"] is True, (name, got["mode"], got["read_back"])
        assert got["mode"] == "0o644", (name, got["mode"])


@needs_node
def test_the_region_view_works_without_rapidfuzz(lite: Run) -> None:
    assert lite.returncode == 0, lite.problem()
    plans = [uvp.load(EXAMPLES / f"{name}.json") for name in EXAMPLE_NAMES]
    assert lite.result["region"] == json.loads(json.dumps(uvp.compare(plans).to_dict()))


@needs_node
def test_the_lite_scripts_answer_as_on_cpython(lite: Run, payloads: dict[str, Any]) -> None:
    assert lite.returncode == 0, lite.problem()
    expected = _cpython_scripts(payloads)
    assert set(lite.result["scripts"]) == set(SCRIPTS)
    for script in SCRIPTS:
        assert lite.result["scripts"][script] == expected[script], script
        alerts = [a for a in lite.result["scripts"][script]["actions"] if a["func"] == "alert"]
        assert alerts, script
