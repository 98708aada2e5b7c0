"""Benchmark: Python time per ribbon button on xlwings' remote engine.

Run by hand: ``python bench/addin.py``. For each plan (the two example plans,
a 200-action and a 5,000-action plan) it builds the Office.js payload from a
real workbook, and times each button's Python work (reading the payload,
checking or writing, and ``book.json()``) as xlwings Server or Lite would run
it. The obvious alternative, the command line on the same file (openpyxl load,
same writers, atomic save), is timed in the same run for comparison. Figures
go to ``bench/results/addin.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import attrs
import xlwings as xw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.officejs import payload  # noqa: E402

import uvp  # noqa: E402
from uvp import addin  # noqa: E402
from uvp.workbook import evaluate_workbook, fill_workbook, validate_workbook  # noqa: E402

PEILDATUM = dt.date(2024, 10, 1)
BUTTONS: dict[str, Callable[[xw.Book], Any]] = {
    "validate": addin.validate,
    "fill_quarters": addin.fill_quarters,
    "write_evaluation": addin.write_evaluation,
    "export_json": addin.export_json,
}
CLI: dict[str, Callable[[Path], Any]] = {
    "validate": lambda p: validate_workbook(p, write=True, backup=False),
    "fill_quarters": lambda p: fill_workbook(p, backup=False),
    "write_evaluation": lambda p: evaluate_workbook(p, PEILDATUM, backup=False),
}


def scaled(plan: uvp.Plan, actions: int) -> uvp.Plan:
    """*plan* with its actions repeated (and numbered) up to *actions* in all."""
    source = list(plan.actions)
    per_theme = max(1, actions // len(plan.themes))
    count = 0
    priorities = []
    for priority in plan.priorities:
        themes = []
        for theme in priority.themes:
            take = min(per_theme, actions - count)
            copies = [
                attrs.evolve(
                    source[(count + i) % len(source)],
                    text=f"{source[(count + i) % len(source)].text} ({count + i})",
                )
                for i in range(take)
            ]
            count += take
            themes.append(attrs.evolve(theme, actions=tuple(copies), goals=()) if copies else theme)
        priorities.append(attrs.evolve(priority, themes=tuple(themes)))
    return attrs.evolve(plan, priorities=tuple(priorities))


def time_button(path: Path, button: Callable[[xw.Book], Any], repeat: int) -> list[float]:
    data = payload(path)
    times = []
    for _ in range(repeat):
        body = json.loads(json.dumps(data))  # what the server gets: fresh JSON each call
        start = time.perf_counter()
        book = xw.Book(json=body)
        button(book)
        json.dumps(book.json())
        times.append(time.perf_counter() - start)
    return times


def time_cli(path: Path, command: Callable[[Path], Any], repeat: int, folder: Path) -> list[float]:
    times = []
    for i in range(repeat):
        copy = folder / f"cli-{i}-{path.name}"
        shutil.copy(path, copy)
        start = time.perf_counter()
        command(copy)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "addin.json")
    args = parser.parse_args()
    nijkerk = uvp.load(ROOT / "examples" / "nijkerk-2024.json")
    scherpenzeel = uvp.load(ROOT / "examples" / "scherpenzeel-2024.json")
    plans = {
        "nijkerk-2024 (42 actions)": nijkerk,
        "scherpenzeel-2024 (80 actions)": scherpenzeel,
        "200 actions": scaled(scherpenzeel, 200),
        "5000 actions": scaled(scherpenzeel, 5000),
    }
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, plan in plans.items():
            path = uvp.write_workbook(plan, folder / "plan.xlsx", layout="goal", overwrite=True)
            book = uvp.read_workbook(path)
            assert len(book.actions) == len(plan.actions)
            results[name] = {"actions": len(plan.actions), "buttons": {}}
            for button, function in BUTTONS.items():
                times = time_button(path, function, args.repeat)
                row: dict[str, Any] = {
                    "median_ms": round(1000 * statistics.median(times), 1),
                    "min_ms": round(1000 * min(times), 1),
                }
                if button in CLI:
                    cli = time_cli(path, CLI[button], max(1, args.repeat // 2), folder)
                    row["cli_median_ms"] = round(1000 * statistics.median(cli), 1)
                    row["cli/addin"] = round(statistics.median(cli) / statistics.median(times), 2)
                results[name]["buttons"][button] = row
                print(
                    f"{name:32} {button:18} {row['median_ms']:9.1f} ms"
                    + (f"   CLI {row['cli_median_ms']:9.1f} ms" if "cli_median_ms" in row else "")
                )
    figures = {
        "benchmark": "addin",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "system": platform.system(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
        },
        "python": platform.python_version(),
        "xlwings": xw.__version__,
        "repeat": args.repeat,
        "goal": "example plans < 150 ms per button, 5,000 actions < 2 s",
        "plans": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"Figures written to {args.output}")


if __name__ == "__main__":
    main()
