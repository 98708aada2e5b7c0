"""Benchmark: reading, validating and filling a plan with one stray value far out.

Run by hand from the repository root::

    python bench/stray.py              # 5 runs each
    python bench/stray.py --repeat 2

Nijkerk's example plan, as it is and with one value in ``A99999`` or ``XFD60`` of
a planning sheet (issue 13: that made ``fill`` take 15-21 s and 300-400 MB).
Each variant runs in a fresh process (``uvp validate`` and ``uvp fill`` on a
fresh copy), timed from outside with the peak resident memory; the median
counts. The figures go to ``bench/results/stray.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "stray.json"
CELLS = {"plain": None, "A99999": "A99999", "XFD60": "XFD60"}


# A fresh parent per run, so that the children's peak memory is this run's alone.
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=False, capture_output=True)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _run(command: list[str]) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of a command in its own process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    uvp = [sys.executable, "-m", "uvp"]
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for label, cell in CELLS.items():
            source = Path(folder) / f"{label}.xlsx"
            book = openpyxl.load_workbook(ROOT / "examples" / "nijkerk-2024.xlsx")
            if cell is not None:
                book["Digitale veiligheid"][cell] = "verdwaald"
            book.save(source)
            times: dict[str, list[float]] = {"validate": [], "fill": []}
            peaks: dict[str, list[int]] = {"validate": [], "fill": []}
            for _ in range(args.repeat):
                seconds, peak = _run([*uvp, "validate", str(source)])
                times["validate"].append(seconds)
                peaks["validate"].append(peak)
                copy = Path(folder) / f"{label}-fill.xlsx"
                shutil.copy(source, copy)
                seconds, peak = _run([*uvp, "fill", str(copy)])
                times["fill"].append(seconds)
                peaks["fill"].append(peak)
            figures[label] = {
                f"{what}_seconds": round(statistics.median(t), 3) for what, t in times.items()
            } | {f"{what}_peak_mib": round(max(p) / 1024, 1) for what, p in peaks.items()}
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}",
        "repeat": args.repeat,
        "figures": figures,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
