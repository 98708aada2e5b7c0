"""Benchmark: peak memory of reading a plan of 50,000 actions, uvp against pandas + calamine.

Run by hand from the repository root::

    python bench/memory.py                       # 50,000 actions, 5 processes each
    python bench/memory.py --corpus /tmp/uvp-scale --actions 50000

Each variant runs in a fresh Python process of its own, 5 times, interleaved;
the process reports its peak resident memory (``resource.getrusage`` maxrss):

* ``imports``: only the imports both readers need (the baseline of a process);
* ``uvp``: ``uvp.read_workbook`` of the workbook;
* ``pandas_calamine``: ``pandas.read_excel(sheet_name=None, engine="calamine")``;
* ``calamine``: python-calamine's values of every sheet, nothing else.

Goal (issue 16): uvp's peak at most 2x pandas + calamine's. Figures (best of the
first 3 and median of 5, MiB) to ``bench/results/memory.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import _readbench as common

_PEAK = (
    "import resource, sys; "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * "
    "(1 if sys.platform == 'darwin' else 1024))"
)
_IMPORTS = "import pandas, python_calamine, uvp, uvp.workbook, openpyxl; "
VARIANTS = {
    "imports": _IMPORTS,
    "uvp": _IMPORTS + "uvp.workbook.read_workbook(sys.argv[1]); ",
    "pandas_calamine": _IMPORTS
    + "pandas.read_excel(sys.argv[1], sheet_name=None, engine='calamine'); ",
    "calamine": _IMPORTS
    + "b = python_calamine.CalamineWorkbook.from_path(sys.argv[1]); "
    + "[b.get_sheet_by_name(n).to_python() for n in b.sheet_names]; ",
}


def peak(code: str, path: Path) -> int:
    """The peak resident bytes of a fresh Python running *code* on *path*."""
    out = subprocess.run(
        [sys.executable, "-c", "import sys; " + code + _PEAK, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder for the workbook (kept)")
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    folder = args.corpus or Path(tempfile.mkdtemp(prefix="uvp-memory-"))
    path = common.sized(folder, args.actions)
    peaks: dict[str, list[int]] = {name: [] for name in VARIANTS}
    for number in range(args.runs):
        for name, code in VARIANTS.items():
            peaks[name].append(peak(code, path))
            print(f"  run {number + 1}: {name:<16} {peaks[name][-1] / 2**20:8.1f} MiB", flush=True)
    mib = {
        name: {
            "runs_mib": [round(v / 2**20, 1) for v in values],
            "best_of_3_mib": round(min(values[:3]) / 2**20, 1),
            "median_of_5_mib": round(statistics.median(values) / 2**20, 1),
        }
        for name, values in peaks.items()
    }
    ratios = {}
    for key in ("best_of_3_mib", "median_of_5_mib"):
        base = mib["imports"][key]
        ratios[key] = {
            "uvp/pandas_calamine": round(mib["uvp"][key] / mib["pandas_calamine"][key], 2),
            "uvp/pandas_calamine above imports": round(
                (mib["uvp"][key] - base) / (mib["pandas_calamine"][key] - base), 2
            ),
        }
    report = {
        "benchmark": "memory",
        **common.environment(),
        "actions": args.actions,
        "bytes": path.stat().st_size,
        "peak_rss": mib,
        "ratios": ratios,
        "goal": "uvp/pandas_calamine <= 2",
    }
    print(json.dumps(ratios, indent=2))
    print(f"Figures written to {common.write('memory', report, args.output)}")


if __name__ == "__main__":
    main()
