"""The import contract: the layers of docs/architecture.md, checked on the source.

Every ``import`` in ``src/uvp`` counts, also the ones inside functions (uvp
imports heavy libraries late, where they are used) and under
``TYPE_CHECKING``: a layer that names a library in its types depends on it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "uvp"

# What each layer may import of uvp, besides itself.
LAYERS = {
    "_lazy": set(),  # how a package face loads its names on first use: for every layer
    "messages": {"_lazy"},
    "core": {"messages", "_lazy"},
    "workbook": {"core", "messages", "_lazy"},
    "region": {"workbook", "core", "messages", "_lazy"},
    "addin": {"region", "workbook", "core", "messages", "_lazy"},
    "cli": {"addin", "region", "workbook", "core", "messages", "_lazy"},
    # the package face loads the layers lazily, and ``python -m uvp`` runs the CLI
    "top": {"cli", "region", "workbook", "core", "messages", "_lazy"},
}

# Third-party libraries that only some modules may import (by dotted prefix of the
# importing module, relative to ``uvp``).
ONLY = {
    "openpyxl": ("workbook",),
    "python_calamine": ("workbook",),
    "xlwings": ("workbook._xlwings", "addin"),
    "fastapi": ("addin",),
    "starlette": ("addin",),
    "uvicorn": ("addin",),
    "pydantic": ("addin",),
    "typer": ("cli",),
    "click": ("cli",),
    "rich": ("cli",),
    "rapidfuzz": ("region",),
    "jinja2": ("region",),
}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _layer(module: str) -> str:
    first = module.split(".")[0] if module else ""
    return first if first in LAYERS and first != "top" else "top"


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module an import statement in *path* names, with its line."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "uvp":  # from uvp import addin: the submodule or the face's name
                for alias in node.names:
                    yield node.lineno, f"uvp.{alias.name}"
            else:
                yield node.lineno, node.module


MODULES = dict(_modules())


def _violations() -> list[str]:
    found = []
    for module, path in MODULES.items():
        layer = _layer(module)
        for line, imported in _imports(path):
            where = f"uvp.{module or '__init__'} (line {line}) imports {imported}"
            top = imported.split(".")[0]
            if top == "uvp":
                inner = imported.split(".")[1:]
                if not inner:
                    if layer != "top":
                        found.append(f"{where}: a layer imports the package face")
                    continue
                other = _layer(".".join(inner))
                if other != layer and other not in LAYERS[layer]:
                    found.append(f"{where}: {layer} may not depend on {other}")
                private = [p for p in inner[1:] if p.startswith("_")]
                if other != layer and private:
                    found.append(f"{where}: a private module of another layer")
            elif top in ONLY:
                allowed = ONLY[top]
                if not any(module == a or module.startswith(a + ".") for a in allowed):
                    found.append(f"{where}: only {', '.join(allowed)} may import {top}")
    return found


def test_the_layers_keep_to_their_imports() -> None:
    assert _violations() == []


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        ("core._model", "import openpyxl\n", "only workbook may import openpyxl"),
        (
            "core._model",
            "from uvp.workbook import read_workbook\n",
            "core may not depend on workbook",
        ),
        ("region._compare", "from uvp.workbook._reader import text_of\n", "a private module"),
        ("cli._app", "import xlwings\n", "may import xlwings"),
        (
            "workbook._reader",
            "from uvp.region import compare\n",
            "workbook may not depend on region",
        ),
        ("region._report", "from openpyxl.chart import BarChart\n", "may import openpyxl"),
    ],
    ids=[
        "core-openpyxl",
        "core-workbook",
        "private",
        "cli-xlwings",
        "workbook-region",
        "region-openpyxl",
    ],
)
def test_the_contract_catches_a_broken_rule(
    module: str, source: str, broken: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text(source, encoding="utf-8")
    monkeypatch.setitem(MODULES, module, planted)
    assert any(broken in v for v in _violations())
