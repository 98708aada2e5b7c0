"""The project's own standards, checked like any other behaviour."""

from __future__ import annotations

import subprocess
import sys

import pytest

import uvp
from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_mypy_strict_on_src() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_clean() -> None:
    result = _run("ruff", "check", "src", "tests", "bench", "excel")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_uvp_stays_light() -> None:
    code = (
        "import sys, uvp; heavy = {'pandas', 'numpy', 'openpyxl', 'xlwings', 'typer', 'rich', "
        "'jsonschema'} & set(sys.modules); print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_import_uvp_reads_no_package_data() -> None:
    # The municipality list and the partner catalogue load on first use, not on import.
    code = (
        "import sys, uvp, uvp.core._catalogue as c; "
        "print(c.catalogue.cache_info().currsize, 'tomllib' in sys.modules, "
        "'uvp.core._timing' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "False", "False"]
    # Reading a plain quarter takes the fast path: still no catalogue.
    code = "import uvp, uvp.core._catalogue as c; uvp.Schedule.parse('Q2'); print(c.catalogue.cache_info().currsize)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"


@pytest.mark.parametrize("name", uvp.__all__)
def test_public_names_have_docstrings(name: str) -> None:
    obj = getattr(uvp, name)
    if (
        isinstance(obj, (int, str, tuple))
        or name.endswith("Kind")
        or name in ("Severity", "Status")
    ):
        return  # constants and type aliases are documented where they are defined
    assert (obj.__doc__ or "").strip(), f"uvp.{name} has no docstring"
