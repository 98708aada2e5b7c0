"""Benchmark: ``uvp fill`` on a big workbook, by package editing and the old openpyxl way.

Run by hand from the repository root::

    python bench/fill.py                     # 5,000 actions, 5 runs each
    python bench/fill.py --actions 500 --repeat 2

A plan of ``--actions`` actions (the example plans' actions, repeated with a
number added to each text) is written as a per-goal workbook (untimed). Then,
on a fresh copy each time, these run ``--repeat`` times, interleaved; the
median counts:

* ``uvp_fill``: :func:`uvp.workbook.fill_workbook` as the CLI runs it — read the
  plan, edit the worksheet parts in place, write the package;
* ``uvp_fill_output``: the same as ``uvp fill -o`` runs it, the filled workbook written
  to another file;
* ``uvp_fill_output_process``: ``uvp fill PLAN -o OUT`` as a whole process (its start
  included);
* ``openpyxl_fill``: what ``fill`` did before: read the plan, load the whole
  workbook into openpyxl, fill through ``OpenpyxlTarget``, save it;
* ``openpyxl_load_save``: only openpyxl's load and save of the same file, the
  least any openpyxl round trip costs.

The figures go to ``bench/results/fill.json``, with the ratio of each variant's median
to ``openpyxl_load_save``'s (issue 16: ``uvp fill -o`` within 1.5×).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import openpyxl

import uvp
from uvp.core import Plan, Priority, Theme
from uvp.workbook import (
    OpenpyxlTarget,
    fill_quarters,
    fill_workbook,
    inspect_workbook,
    write_workbook,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "fill.json"


def big_plan(actions: int) -> Plan:
    """The example plans' actions, repeated until there are *actions*, in 10 themes."""
    source = [
        a
        for name in ("scherpenzeel-2024.json", "nijkerk-2024.json")
        for a in uvp.load(ROOT / "examples" / name).actions
    ]
    made = [
        attrs.evolve(source[i % len(source)], text=f"{source[i % len(source)].text} ({i + 1})")
        for i in range(actions)
    ]
    per_theme = -(-actions // 10)
    themes = [
        Theme(f"Thema {t + 1}", actions=made[t * per_theme : (t + 1) * per_theme])
        for t in range(10)
    ]
    return Plan("Groot", 2024, priorities=[Priority("Veiligheid", "joint", themes)])


def uvp_fill(path: Path) -> None:
    fill_workbook(path, backup=False)


def uvp_fill_output(path: Path) -> None:
    fill_workbook(path, output=path.with_name(f"{path.stem}-gevuld.xlsx"))


def uvp_fill_output_process(path: Path) -> None:
    out = path.with_name(f"{path.stem}-gevuld.xlsx")
    command = [sys.executable, "-m", "uvp", "fill", str(path), "-o", str(out), "--overwrite"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def openpyxl_fill(path: Path) -> None:
    result = inspect_workbook(path)
    book = openpyxl.load_workbook(path, rich_text=True)
    held = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}
    fill_quarters(OpenpyxlTarget(book), attrs.evolve(result, values=held))
    book.save(path)


def openpyxl_load_save(path: Path) -> None:
    openpyxl.load_workbook(path, rich_text=True).save(path)


VARIANTS: dict[str, Callable[[Path], None]] = {
    "uvp_fill": uvp_fill,
    "uvp_fill_output": uvp_fill_output,
    "uvp_fill_output_process": uvp_fill_output_process,
    "openpyxl_fill": openpyxl_fill,
    "openpyxl_load_save": openpyxl_load_save,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        original = Path(folder) / "groot.xlsx"
        write_workbook(big_plan(args.actions), original, layout="goal")
        times: dict[str, list[float]] = {name: [] for name in VARIANTS}
        for _ in range(args.repeat):
            for name, run in VARIANTS.items():
                copy = Path(folder) / f"{name}.xlsx"
                shutil.copy(original, copy)
                start = time.perf_counter()
                run(copy)
                times[name].append(time.perf_counter() - start)
        for filled in ("uvp_fill.xlsx", "uvp_fill_output-gevuld.xlsx"):
            assert len(uvp.read_workbook(Path(folder) / filled).actions) == args.actions
        size = original.stat().st_size
    figures = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}",
        "versions": {
            p: importlib.metadata.version(p) for p in ("uvp", "openpyxl", "lxml", "python-calamine")
        },
        "actions": args.actions,
        "workbook_bytes": size,
        "repeat": args.repeat,
        "median_seconds": {name: round(statistics.median(t), 3) for name, t in times.items()},
        "ratio_to_openpyxl_load_save": {
            name: round(statistics.median(t) / statistics.median(times["openpyxl_load_save"]), 2)
            for name, t in times.items()
        },
        "all_seconds": {name: [round(x, 3) for x in t] for name, t in times.items()},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures["median_seconds"], indent=2))
    print(json.dumps(figures["ratio_to_openpyxl_load_save"], indent=2))


if __name__ == "__main__":
    main()
