"""The shells stay thin: the command line parses, calls the library and prints.

Domain rules live in the layers below (uvp.core, uvp.workbook, uvp.region),
where they are tested; the CLI keeps only how things are printed. Two guards:
its size in lines of logic, and the fuzzy matching that only the region layer
may use.
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "uvp"
CLI_BUDGET = 500
"""Lines of logic the ``uvp.cli`` package may have for its commands, batches and
printing: all of it but how a command line is parsed (:data:`PARSING`)."""
PARSING = ("_parse.py", "_dutch.py")
PARSING_BUDGET = 220
"""Lines of logic of the CLI's parsing: the commands' declarations and the quick parser
of a plain command line (``_parse``, which lets ``uvp validate`` start without typer,
rich and pydantic: issue 16), and typer's help pages and usage errors in Dutch with the
app built from the same declarations (``_dutch``). Parsing only: no rule of uvp's."""

_NO_LOGIC = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}


def logic_lines(source: str) -> int:
    """Lines with code on them: not blank, not only a comment, not part of a docstring."""
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                docstrings.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in _NO_LOGIC:
            lines.update(range(token.start[0], token.end[0] + 1))
    return len(lines - docstrings)


COUNTED = '''"""A module docstring,
on two lines."""

import sys  # a comment after code counts as code


def f(x):
    """A docstring."""
    # a comment line
    text = """a string
    over two lines"""
    return (x,
            text)
'''


def test_logic_lines_count_code_only() -> None:
    # import; def; text = (two lines); return (two lines)
    assert logic_lines(COUNTED) == 6


def test_the_cli_stays_under_its_budget() -> None:
    counts = {
        path.relative_to(SRC).as_posix(): logic_lines(path.read_text(encoding="utf-8"))
        for path in sorted((SRC / "cli").rglob("*.py"))
    }
    assert {f"cli/{name}" for name in PARSING} <= counts.keys()
    total = sum(n for path, n in counts.items() if path.removeprefix("cli/") not in PARSING)
    assert total < CLI_BUDGET, (
        f"uvp.cli has {total} lines of logic ({counts}); move what it decides into the "
        "library and keep the CLI to parsing, one call and printing"
    )
    parsing = sum(n for path, n in counts.items() if path.removeprefix("cli/") in PARSING)
    assert parsing < PARSING_BUDGET, f"uvp.cli parses in {parsing} lines of logic ({counts})"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_region_layer_matches_texts_fuzzily() -> None:
    users = sorted(
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if "rapidfuzz" in _imports(path)
    )
    assert users, "nothing imports rapidfuzz: drop this guard"
    assert all(user.startswith("region/") for user in users), users
