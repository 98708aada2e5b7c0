"""Every output uvp writes for the two examples equals its golden file in tests/golden/.

The golden files pin sheets (values, styles, validations, conditional formats, charts,
widths, links, panes, print setup), JSON and console output, so that a refactoring shows
any change a user would see. After a deliberate change, rewrite them with
``python -m pytest tests/test_golden.py --update-golden`` and review the diff in git.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import golden

MAX_SHOWN = 25


@pytest.mark.parametrize("case", list(golden.CASES))
def test_outputs_match_golden(case: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    got = golden.run_case(case, tmp_path)
    if request.config.getoption("--update-golden"):
        golden.write(case, got)
        return
    stored = golden.stored(case)
    problems = [f"{name}: written, but no golden file" for name in sorted(got.keys() - stored)]
    problems += [f"{name}: not written any more" for name in sorted(stored.keys() - got)]
    for name in sorted(got.keys() & stored.keys()):
        expected = golden.load(stored[name])
        written = json.loads(golden.to_text(got[name]))  # as it would be stored
        problems += [f"{name}: {line}" for line in golden.differences(expected, written)]
    if problems:
        shown = "\n".join(problems[:MAX_SHOWN])
        more = f"\n… and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
        pytest.fail(
            f"case {case!r} differs from tests/golden/{case}/ in {len(problems)} place(s):\n"
            f"{shown}{more}\n"
            "If the change is intended: python -m pytest tests/test_golden.py --update-golden",
            pytrace=False,
        )


def test_no_golden_files_without_a_case(request: pytest.FixtureRequest) -> None:
    folders = {p.name for p in golden.GOLDEN.iterdir() if p.is_dir()}
    stale = sorted(folders - set(golden.CASES))
    if request.config.getoption("--update-golden"):
        for name in stale:
            golden.write(name, {})
            (golden.GOLDEN / name).rmdir()
        return
    assert not stale, f"golden folders without a case (remove them): {stale}"
