"""Benchmark: the region view (``uvp.compare``, ``uvp.region.agenda``) at country scale.

Run by hand from the repository root::

    python bench/region.py                               # 5 .. 342 plans of 100 actions
    python bench/region.py --plans 5 10 20 --repeat 3 --old-up-to 20

The plans are a synthetic country (``bench/synthetic_region.py``): every Dutch
municipality with a plan of 100 actions, regions of four sharing joint actions,
each plan writing them in its own words as the two real plans do.

For every number of plans K: ``uvp.compare`` (the whole-region engine,
``uvp.region._match``) and ``agenda(plans, "Politie")``, CPU and wall time,
the fastest and the median of ``--repeat`` runs (the caches of normalised texts
and participants emptied before each run); up to ``--old-up-to`` plans also the
old path (``bench/region_before.py``: every pair of plans, action by action),
and whether both give the same comparison (``to_dict()`` equal) and how many
matched pairs of actions each finds. The exponent is the slope of log time
over log K. The figures go to ``bench/results/region.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import region_before
import synthetic_region

import uvp
from uvp.core._leads import _parse_participants
from uvp.region import _match, agenda
from uvp.region._compare import _first_sentence, _long_words, _words

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "region.json"


def cold() -> None:
    """Forget what earlier runs cached, so that every run does the whole work."""
    for function in (_words, _long_words, _first_sentence, _parse_participants, _match._keys):
        function.cache_clear()


def timed(function: Callable[[], Any], repeat: int) -> tuple[dict[str, float], Any]:
    """CPU and wall seconds of *repeat* runs: the fastest and the median."""
    cpu, wall, result = [], [], None
    for _ in range(repeat):
        cold()
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        result = function()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    figures = {
        "cpu_best": round(min(cpu), 3),
        "cpu_median": round(statistics.median(cpu), 3),
        "wall_best": round(min(wall), 3),
        "wall_median": round(statistics.median(wall), 3),
    }
    return figures, result


def matched_pairs(comparison: uvp.Comparison) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """Every two actions of one item (the pairs of actions taken for one joint action)."""
    pairs = set()
    for item in comparison.items:
        keys = sorted(item.positions.items())
        pairs |= {(a, b) for n, a in enumerate(keys) for b in keys[n + 1 :]}
    return pairs


def exponent(sizes: list[int], seconds: list[float]) -> float | None:
    """The slope of log(seconds) over log(sizes), least squares."""
    points = [(math.log(k), math.log(s)) for k, s in zip(sizes, seconds, strict=True) if s > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    return round(slope, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--plans", type=int, nargs="+", default=[5, 10, 20, 43, 85, 171, 342])
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--old-up-to", type=int, default=20)
    args = parser.parse_args()
    load = os.getloadavg()
    country = synthetic_region.country(max(args.plans), args.actions)
    runs = []
    for count in args.plans:
        plans = country[:count]
        run: dict[str, Any] = {"plans": count, "actions": sum(len(p.actions) for p in plans)}
        run["compare"], comparison = timed(lambda plans=plans: uvp.compare(plans), args.repeat)
        run["agenda"], _ = timed(lambda plans=plans: agenda(plans, "Politie"), args.repeat)
        run["items"] = {k: len(comparison.of_kind(k)) for k in ("match", "mismatch", "missing")}
        new_pairs = matched_pairs(comparison)
        run["pairs"] = len(new_pairs)
        if count <= args.old_up_to:
            run["old_compare"], old = timed(
                lambda plans=plans: region_before.compare(plans), args.repeat
            )
            old_pairs = matched_pairs(old)
            run["old_pairs"] = len(old_pairs)
            run["pairs_only_old"] = len(old_pairs - new_pairs)
            run["pairs_only_new"] = len(new_pairs - old_pairs)
            run["same_comparison"] = comparison.to_dict() == old.to_dict()
            run["ratio_old_to_new_cpu"] = round(
                run["old_compare"]["cpu_median"] / run["compare"]["cpu_median"], 2
            )
        runs.append(run)
        print(json.dumps(run), flush=True)
    examples = [uvp.load(ROOT / "examples" / f"{n}-2024.json") for n in ("nijkerk", "scherpenzeel")]
    sizes = [r["plans"] for r in runs]
    old_runs = [r for r in runs if "old_compare" in r]
    result = {
        "benchmark": "region",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "rapidfuzz": importlib.metadata.version("rapidfuzz"),
        "repeat": args.repeat,
        "actions_per_plan": args.actions,
        "examples_same_comparison": uvp.compare(examples).to_dict()
        == region_before.compare(examples).to_dict(),
        "exponent_compare_cpu": exponent(sizes, [r["compare"]["cpu_median"] for r in runs]),
        "exponent_agenda_cpu": exponent(sizes, [r["agenda"]["cpu_median"] for r in runs]),
        "exponent_old_compare_cpu": exponent(
            [r["plans"] for r in old_runs], [r["old_compare"]["cpu_median"] for r in old_runs]
        ),
        "runs": runs,
    }
    if old_runs and len(old_runs) >= 2 and result["exponent_old_compare_cpu"]:
        last = old_runs[-1]
        estimate = (
            last["old_compare"]["cpu_median"]
            * (342 / last["plans"]) ** result["exponent_old_compare_cpu"]
        )
        result["old_compare_342_cpu_estimate"] = round(estimate)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
