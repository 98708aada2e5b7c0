"""The project's own standards, checked like any other behaviour."""

from __future__ import annotations

import importlib
import re
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


def test_the_compiled_catalogue_is_the_toml_source() -> None:
    # uvp reads organisaties.json; people edit organisaties.toml. Equal, or say how.
    from uvp.core import _catalogue as c

    compiled = (ROOT / "src/uvp/core/data" / c.COMPILED).read_text(encoding="utf-8")
    assert compiled == c.compile_source(), (
        f"{c.SOURCE} was edited: run "
        '`python -c "from uvp.core._catalogue import write_compiled as w; print(w())"`'
    )


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


# Dotted names in the docs that are not Python: a host, the client's file, a systemd unit.
_NOT_PYTHON = ("uvp.gemeente.", "uvp.js", "uvp.service")
_DOCUMENTS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def _documented_names() -> list[str]:
    names = set()
    for document in _DOCUMENTS:
        for match in re.finditer(
            r"(?<![\w./-])uvp(?:\.[A-Za-z_]\w*)+", document.read_text(encoding="utf-8")
        ):
            name = match.group(0)
            if not name.startswith(_NOT_PYTHON):
                names.add(name)
    return sorted(names)


def _resolve(dotted: str) -> object:
    """What a dotted name the docs use is: imported modules, then attributes."""
    parts = dotted.split(".")
    obj: object = importlib.import_module(parts[0])
    for depth, part in enumerate(parts[1:], 2):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            obj = importlib.import_module(".".join(parts[:depth]))
    return obj


def test_the_docs_name_things_uvp_has() -> None:
    names = _documented_names()
    assert "uvp.validate_plan" in names
    for name in names:
        _resolve(name)  # raises for a name uvp does not have


@pytest.mark.parametrize(
    "name", sorted({n.split(".")[1] for n in _documented_names()} | {"validate_workbook"})
)
def test_every_name_the_docs_use_comes_from_uvp(name: str) -> None:
    # ``uvp.X`` in the docs, or ``from uvp import X``: both work.
    namespace: dict[str, object] = {}
    exec(f"from uvp import {name}", namespace)
    assert namespace[name] is not None
