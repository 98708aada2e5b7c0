"""Benchmark: how reading and validating a workbook grows with its plan, 1,000 to 50,000
actions.

Run by hand from the repository root::

    python bench/scale.py                        # 1k, 2k, 5k, 10k, 20k, 50k actions
    python bench/scale.py --corpus /tmp/uvp-scale --sizes 1000 10000 50000

For each size a per-goal workbook is generated (untimed, once per ``--corpus``)
and ``uvp.validate_workbook`` (check the file, read the plan, validate it) runs
5 times, CPU time. Also measured at the largest size: the share of the read spent
in the garbage collector (``gc.callbacks``). Figures: the best of the first 3
and the median of 5 per size, the ratio 50k/10k (goal: at most 6, linear is 5)
and the exponent fitted over all sizes. Written to ``bench/results/scale.json``.
"""

from __future__ import annotations

import argparse
import gc
import json
import tempfile
import time
from pathlib import Path

import _readbench as common

from uvp.workbook import validate_workbook


def gc_share(path: Path) -> dict[str, float]:
    """Seconds of one validate_workbook(path) and of the collections during it."""
    spent = [0.0]
    started = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            spent[0] += time.perf_counter() - started[0]

    gc.collect()
    gc.callbacks.append(callback)
    try:
        start = time.perf_counter()
        validate_workbook(path)
        total = time.perf_counter() - start
    finally:
        gc.callbacks.remove(callback)
    return {
        "total_s": round(total, 4),
        "gc_s": round(spent[0], 4),
        "share": round(spent[0] / total, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder for the workbooks (kept)")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000, 20000, 50000]
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    folder = args.corpus or Path(tempfile.mkdtemp(prefix="uvp-scale-"))
    figures = {}
    for size in args.sizes:
        path = common.sized(folder, size)
        print(f"{size:,} actions ({path.stat().st_size:,} bytes)")
        timing = common.timings({"validate": lambda p=path: validate_workbook(p)}, runs=args.runs)
        figures[str(size)] = timing["validate"]
    medians = [figures[str(s)]["median_of_5_s"] for s in args.sizes]
    report = {
        "benchmark": "scale",
        **common.environment(),
        "does": "uvp.validate_workbook: file check, read, validate",
        "cpu_seconds": figures,
        "exponent_median": round(common.exponent(args.sizes, medians), 3),
        "exponent_best_of_3": round(
            common.exponent(args.sizes, [figures[str(s)]["best_of_3_s"] for s in args.sizes]), 3
        ),
        "gc_at_largest": gc_share(common.sized(folder, max(args.sizes))),
        "goal": "50000/10000 <= 6",
    }
    if "10000" in figures and "50000" in figures:
        report["ratio_50000/10000"] = {
            key: round(figures["50000"][key] / figures["10000"][key], 2)
            for key in ("best_of_3_s", "median_of_5_s")
        }
    print(json.dumps({k: report[k] for k in report if k.startswith(("exponent", "ratio", "gc"))}))
    print(f"Figures written to {common.write('scale', report, args.output)}")


if __name__ == "__main__":
    main()
