"""What bench/read.py, bench/scale.py and bench/memory.py share: the workbooks they
measure, how a variant is timed, and how the figures are written.

Workbooks are generated with uvp's own writer from synthetic plans drawn from the
two example plans (bench/convert.py's generator), deterministically, and kept in
a folder (``--corpus``) so that a second run, or another benchmark, reuses them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.metadata
import json
import math
import os
import platform
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import convert  # noqa: E402  (bench/convert.py: the plan generator)

RESULTS = ROOT / "bench" / "results"
EXAMPLES = tuple(p.with_suffix(".xlsx") for p in convert.EXAMPLES)


def batch(folder: Path, workbooks: int = 30, actions: int = 480, seed: int = 2024) -> list[Path]:
    """*workbooks* generated workbooks of *actions* actions each (both layouts, every
    combination of base plan and tracking), plus the two example workbooks."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / f"batch-{workbooks}x{actions}-{seed}.done"
    if not stamp.exists():
        for old in folder.glob("*.xlsx"):
            old.unlink()
        convert.generate_batch(folder, workbooks, actions, seed)
        for example in EXAMPLES:
            shutil.copy(example, folder / example.name)
        stamp.write_text("", encoding="utf-8")
    return sorted(folder.glob("*.xlsx"))


def batch_parser(doc: str) -> argparse.ArgumentParser:
    """The command line of a benchmark over :func:`batch`'s workbooks (its description the
    first line of *doc*)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder for the workbooks (kept)")
    parser.add_argument("--workbooks", type=int, default=30)
    parser.add_argument("--actions", type=int, default=480)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path)
    return parser


def sized(folder: Path, actions: int, seed: int = 2024) -> Path:
    """A per-goal workbook of *actions* actions (generated once into *folder*)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"plan-{actions}.xlsx"
    if not path.exists():
        material = convert.Material.from_examples()
        plan = convert.generate_plan(material, 0, actions, "goal", random.Random(seed))
        convert.write_workbook(plan, path, layout="goal")
    return path


def cpu_seconds(run: Callable[[], object]) -> float:
    """The CPU time *run* takes (this process, all threads), collected garbage included."""
    gc.collect()
    start = time.process_time()
    run()
    return time.process_time() - start


def timings(
    variants: dict[str, Callable[[], object]], runs: int = 5, echo: bool = True
) -> dict[str, dict[str, Any]]:
    """Every variant run *runs* times, interleaved (after one untimed warm-up): its CPU
    seconds, best of the first 3 and median of all."""
    for run in variants.values():
        run()
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    for number in range(runs):
        for name, run in variants.items():
            seconds[name].append(cpu_seconds(run))
            if echo:
                print(f"  run {number + 1}: {name:<18} {seconds[name][-1]:8.3f} s", flush=True)
    return {
        name: {
            "runs_s": [round(s, 4) for s in values],
            "best_of_3_s": round(min(values[:3]), 4),
            "median_of_5_s": round(statistics.median(values), 4),
        }
        for name, values in seconds.items()
    }


def exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float:
    """The least-squares slope of log(seconds) over log(sizes): 1 is linear."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def environment() -> dict[str, Any]:
    """Machine, Python, package versions and load average, for the figures."""
    versions = {}
    for name in ("uvp", "python-calamine", "pandas", "openpyxl"):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    import uvp

    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}",
        "python": platform.python_version(),
        "packages": versions,
        "uvp_source": str(Path(uvp.__file__).parent),
        "load_average": load,
    }


def write(name: str, figures: dict[str, Any], output: Path | None = None) -> Path:
    """Write *figures* to bench/results/<name>.json (or *output*); its path."""
    path = output or RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
