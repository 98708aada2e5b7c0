"""The xlwings Lite bundle: its scripts run the add-in's entry points, and uvp works
without its native fast paths, as it must in Excel's own Python (Pyodide)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import xlwings as xw

from tests.conftest import EXAMPLES, ROOT
from tests.officejs import Excel, payload

LITE = ROOT / "excel" / "lite"


def _lite_main() -> object:
    spec = importlib.util.spec_from_file_location("uvp_lite_main", LITE / "main.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_lite_script_runs_on_the_remote_engine(tmp_path: Path) -> None:
    main = _lite_main()
    scripts = {
        name: getattr(main, name)
        for name in (
            "controleren",
            "kwartalen_vullen",
            "evaluatie",
            "exporteren",
            "kwartaalrapportage",
        )
    }
    for name, run in scripts.items():
        path = tmp_path / f"{name}.xlsx"
        shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", path)
        book = xw.Book(json=payload(path))
        run(book)
        excel = Excel(path)
        excel.apply(book.json()["actions"])
        assert excel.alerts, name  # each tells the user what it did
        expected = {
            "controleren": "Controle",
            "kwartalen_vullen": None,
            "evaluatie": "Evaluatie",
            "exporteren": "JSON",
            "kwartaalrapportage": "Kwartaalrapportage",
        }[name]
        if expected:
            assert expected in excel.book.sheetnames, name


def test_requirements_name_only_pure_python_packages() -> None:
    lines = [
        line.strip()
        for line in (LITE / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0].endswith("-py3-none-any.whl")
    assert not {"python-calamine", "orjson", "xlwings"} & set(lines)  # Lite brings its own xlwings


def test_native_fast_paths_are_left_out_in_pyodide() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dependencies = project["project"]["dependencies"]
    for native in ("python-calamine", "orjson"):
        (line,) = [d for d in dependencies if d.startswith(native)]
        assert "platform_system != 'Emscripten'" in line


def test_uvp_works_without_its_native_packages(tmp_path: Path) -> None:
    # Pyodide has no python-calamine nor orjson: reading and JSON fall back to pure Python.
    code = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('python_calamine', 'orjson'):
            raise ImportError(name)
sys.meta_path.insert(0, Block())
import uvp
plan = uvp.read_workbook({str(EXAMPLES / "nijkerk-2024.xlsx")!r})
assert plan == uvp.load({str(EXAMPLES / "nijkerk-2024.json")!r})
assert uvp.from_json(uvp.to_json(plan)) == plan
assert 'python_calamine' not in sys.modules and 'orjson' not in sys.modules
print('ok')
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "ok", result.stderr
