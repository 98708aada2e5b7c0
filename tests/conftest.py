from __future__ import annotations

import os
from pathlib import Path

# xlwings' remote engine (what xlwings Server and Lite run) is licensed free for
# noncommercial use, government included; xlwings reads the key when it is imported.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import hypothesis
import pytest

import uvp

# The suite runs on a shared 2-core machine (CI, the helpers' runs): how fast
# hypothesis draws is no property of uvp, so neither a slow draw nor a slow example
# fails a test. What each property asserts is unchanged.
hypothesis.settings.register_profile(
    "uvp",
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.too_slow],
)
hypothesis.settings.load_profile("uvp")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The seeds are the project's shared source material, beside the repository.
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current outputs instead of comparing with them",
    )


@pytest.fixture(scope="session")
def nijkerk() -> uvp.Plan:
    return uvp.load(EXAMPLES / "nijkerk-2024.json")


@pytest.fixture(scope="session")
def scherpenzeel() -> uvp.Plan:
    return uvp.load(EXAMPLES / "scherpenzeel-2024.json")


@pytest.fixture(autouse=True)
def _run_in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Doctests and CLI tests name example files relative to the repository root.
    monkeypatch.chdir(ROOT)
