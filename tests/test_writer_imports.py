"""Only the workbook layer writes workbooks: no other module imports openpyxl, and the
region writes its sheets through uvp.workbook's face, not its private modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "uvp"


def imported(path: Path) -> set[str]:
    """Every module *path* imports, anywhere in it (inside functions too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def modules(folder: Path = SRC) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _id(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


@pytest.mark.parametrize(
    "path", [p for p in modules() if "workbook" not in p.relative_to(SRC).parts], ids=_id
)
def test_only_the_workbook_layer_imports_openpyxl(path: Path) -> None:
    assert not {n for n in imported(path) if n.split(".")[0] == "openpyxl"}


@pytest.mark.parametrize("path", modules(SRC / "region"), ids=_id)
def test_the_region_uses_only_the_workbook_face(path: Path) -> None:
    private = {n for n in imported(path) if n.startswith("uvp.workbook.")}
    assert not private


def test_the_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from openpyxl.styles import Font\n", encoding="utf-8")
    assert imported(module) == {"openpyxl.styles"}
