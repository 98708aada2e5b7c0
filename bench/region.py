"""Benchmark: the region view's matching (``uvp.compare``) against a plain fuzzy match.

Run by hand from the repository root::

    python bench/region.py                 # the example plans, and plans 2x, 5x, 10x their size
    python bench/region.py --scales 1 5 --repeat 1

The obvious alternative is what one would write first: every pair of actions
of the two plans compared with ``rapidfuzz.fuzz.token_set_ratio`` on the raw
texts, kept at a score of 80 or more, best first, one to one. uvp's matching
adds who is involved (a joint action must involve the other municipality or
a third organisation both name), Dutch normalisation and first sentences.

Measured, per plan size: the time of each (median of ``--repeat`` runs) and,
on the example plans, how many pairs each finds (caches emptied before every run) and how many of those are
uvp's pairs (uvp's 18 were each checked against the seeds by hand). Larger
plans are the example plans repeated with a numbered suffix on every text.
The figures go to ``bench/results/region.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import platform
import statistics
import time
from pathlib import Path
from typing import Any

import attrs
from rapidfuzz import fuzz

import uvp
from uvp.region._compare import _first_sentence, _long_words, _words, compare

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "region.json"


def naive_pairs(first: uvp.Plan, second: uvp.Plan, cutoff: float = 80.0) -> set[tuple[int, int]]:
    """Every pair of actions whose raw texts are alike, best first, one to one."""
    scored = []
    for i, a in enumerate(first.actions):
        for j, b in enumerate(second.actions):
            score = fuzz.token_set_ratio(a.text.casefold(), b.text.casefold())
            if score >= cutoff:
                scored.append((score, i, j))
    scored.sort(reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = set()
    for _, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.add((i, j))
    return pairs


def uvp_pairs(first: uvp.Plan, second: uvp.Plan) -> set[tuple[int, int]]:
    """The pairs uvp matches (its matches and mismatches)."""
    ma, mb = first.municipality, second.municipality
    return {
        (item.positions[ma], item.positions[mb])
        for item in compare([first, second]).items
        if item.kind != "missing"
    }


def scaled(plan: uvp.Plan, times: int) -> uvp.Plan:
    """The plan with every theme's actions repeated *times*, each copy's texts numbered."""
    if times == 1:
        return plan
    priorities = [
        attrs.evolve(
            priority,
            themes=[
                attrs.evolve(
                    theme,
                    actions=[
                        attrs.evolve(action, text=f"{action.text} (deel {copy})")
                        for copy in range(times)
                        for action in theme.actions
                    ],
                )
                for theme in priority.themes
            ],
        )
        for priority in plan.priorities
    ]
    return attrs.evolve(plan, priorities=priorities)


def cold() -> None:
    """Forget what earlier runs cached, so that every run does the whole work."""
    for function in (_words, _long_words, _first_sentence):
        function.cache_clear()


def timed(function: Any, *args: Any, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        cold()
        start = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 5, 10])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nijkerk = uvp.load(ROOT / "examples" / "nijkerk-2024.json")
    scherpenzeel = uvp.load(ROOT / "examples" / "scherpenzeel-2024.json")
    runs = []
    for scale in args.scales:
        first, second = scaled(nijkerk, scale), scaled(scherpenzeel, scale)
        uvp_time, ours = timed(uvp_pairs, first, second, repeat=args.repeat)
        naive_time, theirs = timed(naive_pairs, first, second, repeat=args.repeat)
        run = {
            "scale": scale,
            "actions": [len(first.actions), len(second.actions)],
            "uvp_seconds": round(uvp_time, 4),
            "naive_seconds": round(naive_time, 4),
            "time_ratio_uvp_to_naive": round(uvp_time / naive_time, 2),
            "uvp_pairs": len(ours),
            "naive_pairs": len(theirs),
            "naive_pairs_also_uvp": len(ours & theirs),
        }
        runs.append(run)
        print(json.dumps(run))
    result = {
        "benchmark": "region",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "rapidfuzz": importlib.metadata.version("rapidfuzz"),
        "repeat": args.repeat,
        "runs": runs,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
