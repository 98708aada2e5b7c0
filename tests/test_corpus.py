"""Real workbooks made by Excel: uvp fills, checks and evaluates each and loses nothing.

Every corpus workbook (tests/corpus/README.md) gets a small plan added at the
zip level; ``fill``, ``validate --write`` and ``evaluate`` then write into it,
twice each, and every output is compared with its input part by part
(tests/package_diff.py). A workbook is either kept whole or refused before
anything is written — never changed outside what uvp owns.

A fixed sample runs always, each command twice; the rest of the corpus runs
each command once in the test marked ``slow``: part of every full run (``.ci/run``
too), left out with ``pytest -m "not slow"`` for a quick run.
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tests.corpus_run import Outcome, run

CORPUS = Path(__file__).parent / "corpus" / "files"
FILES = sorted(CORPUS.iterdir())

# Workbooks uvp refuses, and why: nothing else may be refused.
REFUSED = {
    # encrypted with a password (an OLE file around the package)
    "poi-60320-protected.xlsx": "workbook-encrypted",
    "poi-protect.xlsx": "workbook-encrypted",
    "poi-protected_passtika.xlsx": "workbook-encrypted",
    "poi-protected_sha512.xlsx": "workbook-encrypted",
    # POI's entity-expansion tests: a DOCTYPE in the shared strings
    "poi-54764.xlsx": "workbook-hostile-xml",
    "poi-54764-2.xlsx": "workbook-hostile-xml",
    # fuzzed files: a part that fails its checksum; a sheet neither reader can read
    "poi-clusterfuzz-testcase-minimized-POIXSSFFuzzer-5265527465181184.xlsx": "workbook-corrupt",
    "poi-clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx": "workbook-corrupt",
    # Excel 2007 beta's namespace: no reader sees a cell in it, so no plan either
    "poi-sample-beta.xlsx": "workbook-not-a-plan",
    # two parts whose names differ only in case: one package cannot hold both
    "poi-duplicate-filename-case-insensitive.xlsx": "workbook-corrupt",
}
# Always in the sample: one of each kind that once went wrong.
ALWAYS = [
    "calamine-picture_richdata.xlsx",  # pictures in cells (rich values)
    "calamine-has_x000D_.xlsx",  # text that looks like an escape
    "calamine-richtext-after-plain.xlsx",  # rich-text shared strings
    "calamine-pivots.xlsx",  # pivot tables and their caches
    "calamine-vba.xlsm",  # VBA
    "poi-SimpleStrict.xlsx",  # Strict Open XML
    "poi-sample.strict.xlsx",
    "poi-64420.xlsm",  # Excel 4 macro sheets, which calamine does not read
    "closedxml-output.xlsx",  # styles with a namespace prefix
    "poi-protect.xlsx",  # encrypted
]
SAMPLE = sorted({*ALWAYS, *(p.name for p in random.Random(12).sample(FILES, 40))})


def _one(name: str, rounds: int) -> Outcome:
    with tempfile.TemporaryDirectory() as folder:
        return run(CORPUS / name, Path(folder), rounds=rounds)


def _judge(names: list[str], *, rounds: int) -> None:
    with ProcessPoolExecutor(2) as pool:
        outcomes = list(pool.map(_one, names, [rounds] * len(names), chunksize=4))
    lost = [o for o in outcomes if o.kind == "lost"]
    assert not lost, "\n".join(f"{o.name}: {o.detail}" for o in lost)
    refused = {o.name: o.detail[0] for o in outcomes if o.kind == "refused"}
    expected = {n: c for n, c in REFUSED.items() if n in names}
    assert refused == expected
    # A refusal leaves nothing behind (run() lists any stray file after the code).
    assert all(len(o.detail) == 2 for o in outcomes if o.kind == "refused")
    assert Counter(o.kind for o in outcomes)["kept"] == len(names) - len(expected)


def test_the_corpus_is_what_its_readme_says() -> None:
    listed = (CORPUS.parent / "sources.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(line.split("\t")[0] for line in listed) == [p.name for p in FILES]
    assert all(p.stat().st_size <= 300_000 for p in FILES)
    assert sum(p.stat().st_size for p in FILES) < 30_000_000
    assert set(ALWAYS) <= {p.name for p in FILES}
    assert set(REFUSED) <= {p.name for p in FILES}


def test_a_sample_of_the_corpus_is_kept_whole() -> None:
    # Each command twice: the second run replaces what the first wrote.
    _judge(SAMPLE, rounds=2)


@pytest.mark.slow
def test_the_whole_corpus_is_kept_whole() -> None:
    # Each command once (the reruns are the sample's), to stay within CI's time.
    _judge([p.name for p in FILES if p.name not in SAMPLE], rounds=1)
