"""The packages' lazy faces (``uvp``, ``uvp.core``, ``uvp.workbook``): each name a
type checker sees is the name loaded at run time, from the same module, and
``import uvp`` itself loads none of uvp's modules (issue 16)."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ("uvp", "uvp.core", "uvp.workbook")


def type_checked_names(package: str) -> dict[str, set[str]]:
    """What the package's ``if TYPE_CHECKING:`` block imports, by module."""
    module = importlib.import_module(package)
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    names: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for item in node.body:
                if isinstance(item, ast.ImportFrom) and item.module is not None:
                    names.setdefault(item.module, set()).update(a.name for a in item.names)
    return names


@pytest.mark.parametrize("package", PACKAGES)
def test_the_type_checkers_names_are_the_lazy_names(package: str) -> None:
    exports = importlib.import_module(package)._EXPORTS
    assert {m: set(n) for m, n in exports.items()} == type_checked_names(package)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_name_loads_from_its_module(package: str) -> None:
    module = importlib.import_module(package)
    for module_name, names in module._EXPORTS.items():
        source = importlib.import_module(module_name)
        for name in names:
            assert name in module.__all__, (package, name)
            assert getattr(module, name) is getattr(source, name), (package, name)
            assert name in dir(module)
    with pytest.raises(AttributeError, match="no attribute 'Plna'"):
        module.Plna  # noqa: B018 - a misspelt name is an AttributeError, as ever


def test_every_name_in_all_is_there() -> None:
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            assert getattr(module, name) is not None, (package, name)
            assert name in dir(module), (package, name)


def test_import_uvp_loads_no_module_of_uvp() -> None:
    code = (
        "import sys, uvp\n"
        "print(sorted(m for m in sys.modules if m.startswith('uvp')))\n"
        "uvp.Plan\n"
        "print(sorted(m for m in sys.modules if m.startswith('uvp')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    before, after = done.stdout.splitlines()
    assert before == "['uvp', 'uvp._lazy']"
    assert "'uvp.core._model'" in after
    assert "'uvp.workbook'" not in after  # a model name does not load the reader
