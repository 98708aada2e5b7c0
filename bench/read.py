"""Benchmark: a batch of workbooks read and dumped as JSON, uvp against pandas + calamine
and against a bare python-calamine read (the floor).

Run by hand from the repository root (``pip install -e ".[bench]"``)::

    python bench/read.py                          # 30 x 480 actions + the 2 examples
    python bench/read.py --corpus /tmp/uvp-read   # keep the workbooks for a next run

Variants, each over every workbook of the batch, CPU time, 5 runs interleaved:

* ``uvp``: ``uvp.read_workbook`` then ``uvp.to_json`` (the plan, checked and built);
* ``pandas_calamine``: ``pandas.read_excel(sheet_name=None, engine="calamine")``
  then ``DataFrame.to_json`` of every sheet (raw cells only);
* ``calamine``: python-calamine opening the file and every sheet's values as
  Python lists, nothing else: what no reader of the file can go below.

Goals (issue 16): ``pandas_calamine / uvp`` at least 1.5, ``uvp / calamine`` at
most 2. Figures to ``bench/results/read.json``.

With ``--instructions`` (needs valgrind), each variant also goes over the batch
under callgrind (``PYTHONHASHSEED=0``), once and twice in one process: the
difference is the instructions of one warm pass, the same on every run, so its
ratios hold on a busy machine where CPU times do not.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import _callgrind
import _readbench as common
import pandas as pd
from python_calamine import CalamineWorkbook

import uvp
from uvp.workbook import read_workbook


def uvp_json(path: Path) -> str:
    return uvp.to_json(read_workbook(path))


def pandas_json(path: Path) -> str:
    frames = pd.read_excel(path, sheet_name=None, engine="calamine")
    return "{" + ", ".join(f"{json.dumps(n)}: {f.to_json()}" for n, f in frames.items()) + "}"


def calamine_values(path: Path) -> list[list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    return [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]


VARIANTS = {"uvp": uvp_json, "pandas_calamine": pandas_json, "calamine": calamine_values}


def instructions(variant: str, folder: Path, passes: int) -> int:
    """The instructions of *passes* passes of *variant* over the batch in *folder*, in a
    fresh process under callgrind (imports and first-use work included)."""
    command = [sys.executable, __file__, "--corpus", str(folder), "--one", variant]
    return _callgrind.instructions([*command, "--passes", str(passes)])


def main() -> None:
    parser = common.batch_parser(__doc__)
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
    parser.add_argument("--one", choices=sorted(VARIANTS), help=argparse.SUPPRESS)
    parser.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.corpus or Path(tempfile.mkdtemp(prefix="uvp-read-"))
    paths = common.batch(folder, args.workbooks, args.actions)
    if args.one:  # one variant, *passes* times: what --instructions counts
        for _ in range(args.passes):
            for path in paths:
                VARIANTS[args.one](path)
        return
    actions = sum(len(read_workbook(p).actions) for p in paths)
    print(f"{len(paths)} workbooks, {actions:,} actions, in {folder}")
    for path in common.EXAMPLES:  # the examples' JSON: what uvp convert gives
        want = path.with_suffix(".json").read_text(encoding="utf-8").strip()
        assert uvp.to_json(read_workbook(path)) == want, f"{path.name}: JSON changed"

    def over(convert: object) -> object:
        return lambda: [convert(p) for p in paths]  # type: ignore[operator]

    figures = common.timings(
        {
            "uvp": over(uvp_json),
            "pandas_calamine": over(pandas_json),
            "calamine": over(calamine_values),
        },
        runs=args.runs,
    )
    ratios = {}
    for key in ("best_of_3_s", "median_of_5_s"):
        u = figures["uvp"][key]
        ratios[key] = {
            "pandas_calamine/uvp": round(figures["pandas_calamine"][key] / u, 2),
            "uvp/calamine": round(u / figures["calamine"][key], 2),
        }
    report = {
        "benchmark": "read",
        **common.environment(),
        "workbooks": len(paths),
        "actions": actions,
        "bytes": sum(p.stat().st_size for p in paths),
        "cpu_seconds": figures,
        "ratios": ratios,
        "goals": {"pandas_calamine/uvp": ">= 1.5", "uvp/calamine": "<= 2"},
    }
    if args.instructions:
        counted = {}
        for name in VARIANTS:
            once, twice = (instructions(name, folder, n) for n in (1, 2))
            counted[name] = {"one_warm_pass": twice - once, "first_pass_with_imports": once}
            print(f"{name}: {twice - once:,} instructions a warm pass")
        report["instructions"] = counted
        warm = {k: v["one_warm_pass"] for k, v in counted.items()}
        ratios["instructions"] = {
            "pandas_calamine/uvp": round(warm["pandas_calamine"] / warm["uvp"], 2),
            "uvp/calamine": round(warm["uvp"] / warm["calamine"], 2),
        }
    print(json.dumps(ratios, indent=2))
    print(f"Figures written to {common.write('read', report, args.output)}")


if __name__ == "__main__":
    main()
