"""Benchmark: converting plan workbooks to JSON with uvp, and with pandas.

Run by hand from the repository root (pandas is needed: ``pip install pandas``)::

    python bench/convert.py                      # 200 workbooks of 500 actions, 3 runs
    python bench/convert.py --workbooks 10 --actions 50 --repeat 1

A batch of workbooks is generated (untimed) into a temporary folder with
``uvp.write_workbook``, from the actions of the bundled example plans, half in
the per-goal layout and half per quarter. Then, on the same files, each variant
converts every workbook to JSON written beside it:

* ``uvp``: ``uvp.read_workbook`` then ``uvp.to_json`` (what ``uvp convert`` does);
* ``pandas_openpyxl``: ``pandas.read_excel(sheet_name=None, engine="openpyxl")``
  (pandas' default engine for .xlsx, named so pandas 3 does not warn on every
  call) then ``DataFrame.to_json`` for every sheet;
* ``pandas_calamine``: the same with ``engine="calamine"``, where pandas has it.

Each variant runs ``--repeat`` times, the runs interleaved; the median batch
time counts. Every plan uvp reads is compared with the plan the workbook was
generated from (outside the timed part). The figures go to
``bench/results/convert.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import attrs

import uvp
from uvp.core import Schedule

# uvp.read_workbook and uvp.write_workbook, imported from where they live so that
# type checkers see them (uvp loads them lazily).
from uvp.workbook import read_workbook, write_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = (ROOT / "examples" / "nijkerk-2024.json", ROOT / "examples" / "scherpenzeel-2024.json")
RESULTS = ROOT / "bench" / "results" / "convert.json"

Layout = Literal["goal", "quarter"]
Convert = Callable[[Path], object]

# Sentences staff add to an action they carry over or repeat, to vary the texts.
EXTRA_SENTENCES = (
    "We evalueren dit aan het eind van het jaar.",
    "Dit sluit aan bij het Integraal Veiligheidsplan.",
    "Waar nodig herhalen we dit in het najaar.",
    "We betrekken hierbij de wijkagenten.",
    "De resultaten delen we met de gemeenteraad.",
    "Dit doen we samen met de ketenpartners.",
    "We maken hiervoor een korte planning.",
    "Het accent ligt dit jaar op preventie.",
)
# How often a tracked plan's actions have each status (None: not filled in).
STATUSES: tuple[uvp.Status | None, ...] = (
    None,
    "planned",
    "running",
    "done",
    "postponed",
    "cancelled",
)
STATUS_WEIGHTS = (2, 4, 3, 3, 1, 1)


# -- generating the batch ----------------------------------------------------------------


@dataclass(frozen=True)
class Material:
    """What generated plans are made of: everything the example plans contain."""

    bases: tuple[uvp.Plan, ...]
    actions: tuple[uvp.Action, ...]
    notes: tuple[str, ...]
    leads: tuple[uvp.Lead, ...]
    schedules: tuple[Schedule, ...]

    @classmethod
    def from_examples(cls, paths: Sequence[Path] = EXAMPLES) -> Material:
        bases = tuple(uvp.load(path) for path in paths)
        actions = tuple(a for plan in bases for a in plan.actions)
        assignments = [s for a in actions for s in a.assignments]
        return cls(
            bases=bases,
            actions=actions,
            notes=tuple(dict.fromkeys(a.note for a in actions if a.note)),
            leads=tuple(dict.fromkeys(s.lead for s in assignments if s.lead)),
            schedules=tuple(dict.fromkeys(s.schedule for s in assignments if s.schedule)),
        )


def _lettered(plan: uvp.Plan) -> uvp.Plan:
    """The plan with a Subthema letter for every theme (the per-quarter layout needs them)."""
    priorities = []
    for priority in plan.priorities:
        used = {t.letter for t in priority.themes if t.letter}
        free = iter(c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in used)
        themes = [t if t.letter else attrs.evolve(t, letter=next(free)) for t in priority.themes]
        priorities.append(attrs.evolve(priority, themes=themes))
    return attrs.evolve(plan, priorities=priorities)


def _assignments(
    material: Material, source: uvp.Action, rng: random.Random
) -> tuple[uvp.Assignment, ...]:
    """Mostly the source action's own leads and quarters; otherwise a new mix of real ones."""
    if rng.random() < 0.6:
        return source.assignments
    leads = rng.sample(material.leads, rng.choices((1, 2, 3), weights=(80, 15, 5))[0])
    if rng.random() < 0.02:
        return tuple(uvp.Assignment(lead, None) for lead in leads)  # a plan not finished yet
    if len(leads) > 1 and rng.random() < 0.4:
        return tuple(uvp.Assignment(lead, rng.choice(material.schedules)) for lead in leads)
    schedule = rng.choice(material.schedules)
    return tuple(uvp.Assignment(lead, schedule) for lead in leads)


def _text(source: uvp.Action, year: int, used: set[str], rng: random.Random) -> str:
    """The source text for the plan's year, varied until no other action in the plan has it."""
    text = source.text.replace("2024", str(year))
    extras = list(EXTRA_SENTENCES)
    rng.shuffle(extras)
    candidates = [text, *(f"{text} {extra}" for extra in extras)]
    chosen = next((c for c in candidates if c.casefold() not in used), None)
    number = 2
    while chosen is None:
        candidate = f"{text} (deel {number})"
        chosen = candidate if candidate.casefold() not in used else None
        number += 1
    used.add(chosen.casefold())
    return chosen


def _goal_order(action: uvp.Action) -> str:
    return action.goal or ""


def _quarter_order(action: uvp.Action) -> int:
    return min(action.quarters, default=5)


def generate_plan(
    material: Material,
    index: int,
    actions: int,
    layout: Layout,
    rng: random.Random,
) -> uvp.Plan:
    """A plan shaped like one of the examples, with *actions* actions drawn from both.

    The plan is one its layout can hold, so that reading the workbook gives it
    back: per goal, every action of a theme with goals has one, and they stand
    grouped by goal (a goal row cannot be "ended" for an action without one);
    per quarter, no action has a goal, every theme a Subthema letter, and a
    theme's actions stand in the order of the first quarter they fall in.
    """
    # Every combination of layout, base plan and tracking comes round every 8 workbooks.
    base = material.bases[(index // 2) % len(material.bases)]
    if layout == "quarter":
        base = _lettered(base)
    tracked = (index // 4) % 2 == 1  # half the plans are tracked: a Status and an ID column
    year = 2024 + (index // 8) % 4
    themes = base.themes
    weights = [len(theme.actions) + 2 for theme in themes]
    drawn: dict[int, list[uvp.Action]] = {id(theme): [] for theme in themes}
    used: set[str] = set()
    for number in range(1, actions + 1):
        theme = rng.choices(themes, weights=weights)[0]
        source = rng.choice(material.actions)
        note = source.note if rng.random() < 0.7 else None
        if note is None and rng.random() < 0.15:
            note = rng.choice(material.notes)
        goals = [g.letter for g in theme.goals if g.letter]
        status = rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0] if tracked else None
        drawn[id(theme)].append(
            uvp.Action(
                _text(source, year, used, rng),
                _assignments(material, source, rng),
                note=note,
                goal=rng.choice(goals) if layout == "goal" and goals else None,
                status=status,
                id=f"{base.municipality[:3].upper()}-{year}-{number:04d}" if tracked else None,
            )
        )
    order = _goal_order if layout == "goal" else _quarter_order
    priorities = [
        attrs.evolve(
            priority,
            themes=[
                attrs.evolve(theme, actions=sorted(drawn[id(theme)], key=order))
                for theme in priority.themes
            ],
        )
        for priority in base.priorities
    ]
    return attrs.evolve(base, year=year, priorities=priorities)


@dataclass
class Batch:
    """The generated workbooks and, per workbook, the plan it holds (as JSON text)."""

    folder: Path
    paths: list[Path] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)
    layouts: dict[str, int] = field(default_factory=lambda: {"goal": 0, "quarter": 0})
    actions: int = 0
    bytes: int = 0
    seconds: float = 0.0


def generate_batch(folder: Path, workbooks: int, actions: int, seed: int) -> Batch:
    """Write *workbooks* workbooks of *actions* actions into *folder*, deterministically."""
    material = Material.from_examples()
    rng = random.Random(seed)
    batch = Batch(folder)
    start = time.perf_counter()
    for index in range(workbooks):
        layout: Layout = "goal" if index % 2 == 0 else "quarter"
        plan = generate_plan(material, index, actions, layout, rng)
        name = f"{plan.municipality.lower()}-{plan.year}-{index:04d}-{layout}.xlsx"
        path = write_workbook(plan, folder / name, layout=layout)
        batch.paths.append(path)
        # Kept as JSON text, not as objects: a batch of plans in memory would make
        # the garbage collector's work during the timed runs larger than it is.
        batch.expected.append(uvp.to_json(plan))
        batch.layouts[layout] += 1
        batch.actions += len(plan.actions)
        batch.bytes += path.stat().st_size
    batch.seconds = time.perf_counter() - start
    return batch


# -- the variants ------------------------------------------------------------------------


def convert_uvp(path: Path) -> uvp.Plan:
    """uvp: read the plan, write it as JSON beside the workbook."""
    plan = read_workbook(path)
    path.with_suffix(".uvp.json").write_text(uvp.to_json(plan) + "\n", encoding="utf-8")
    return plan


def pandas_converter(engine: str) -> Convert:
    """pandas: read every sheet into a DataFrame, write them all as one JSON object."""
    import pandas as pd

    suffix = f".pandas-{engine}.json"

    def convert(path: Path) -> object:
        frames = pd.read_excel(path, sheet_name=None, engine=engine)
        parts = [
            f"{json.dumps(name, ensure_ascii=False)}: {frame.to_json()}"
            for name, frame in frames.items()
        ]
        path.with_suffix(suffix).write_text("{" + ", ".join(parts) + "}\n", encoding="utf-8")
        return frames

    return convert


@dataclass
class Variant:
    name: str
    convert: Convert
    description: str
    totals: list[float] = field(default_factory=list)
    repeats: int = 0  # how many runs it gets (may be cut to stay within the time budget)
    note: str | None = None


def _calamine_support() -> str | None:
    """Why pandas cannot read with calamine here, or ``None`` when it can."""
    import pandas as pd

    try:
        pd.read_excel(EXAMPLES[0].with_suffix(".xlsx"), sheet_name=None, engine="calamine")
    except (ImportError, ValueError) as error:
        return f"pandas {pd.__version__} cannot: {error}"
    return None


# -- measuring ---------------------------------------------------------------------------


@dataclass
class Check:
    """uvp's plans compared with the generated ones, and the load while measuring."""

    checked: int = 0
    mismatches: int = 0
    examples: list[str] = field(default_factory=list)
    load_before: list[float] | None = None
    load_after: list[float] | None = None

    def plan(self, path: Path, read: uvp.Plan, expected_json: str) -> None:
        self.checked += 1
        expected = uvp.from_json(expected_json)
        if read == expected:
            return
        self.mismatches += 1
        if len(self.examples) < 5:
            self.examples.append(f"{path.name}: {_first_difference(read, expected)}")


def _first_difference(read: uvp.Plan, expected: uvp.Plan) -> str:
    for field_name in ("municipality", "year", "partners", "definitions"):
        if getattr(read, field_name) != getattr(expected, field_name):
            return f"{field_name} differs"
    if len(read.actions) != len(expected.actions):
        return f"{len(read.actions)} actions read, {len(expected.actions)} written"
    for got, want in zip(read.actions, expected.actions, strict=True):
        if got != want:
            return f"action read as {got!r}, written as {want!r}"
    return "priorities or themes differ"


def run_once(variant: Variant, batch: Batch, check: Check | None) -> float:
    """One timed pass over the batch; returns the total seconds spent converting."""
    total = 0.0
    for path, expected in zip(batch.paths, batch.expected, strict=True):
        start = time.perf_counter()
        result = variant.convert(path)
        total += time.perf_counter() - start
        if check is not None:
            assert isinstance(result, uvp.Plan)
            check.plan(path, result, expected)
        del result
    return total


def measure(variants: list[Variant], batch: Batch, repeat: int, budget: float) -> Check:
    """Run every variant *repeat* times, interleaved, and check uvp's plans each time.

    A variant whose first run shows that all its runs would take more than
    *budget* seconds gets only as many runs as fit (at least one).
    """
    check = Check(load_before=_load())
    for variant in variants:
        variant.repeats = repeat
        variant.convert(batch.paths[0])  # warm up: imports, caches (not timed)
    for run in range(repeat):
        for variant in variants:
            if run >= variant.repeats:
                continue
            seconds = run_once(variant, batch, check if variant.name == "uvp" else None)
            variant.totals.append(seconds)
            print(f"  run {run + 1}: {variant.name:<16} {seconds:8.2f} s", flush=True)
            if run == 0 and seconds * repeat > budget and repeat > 1:
                variant.repeats = max(1, int(budget // seconds))
                if variant.repeats < repeat:
                    variant.note = (
                        f"{variant.repeats} run(s) instead of {repeat}: one run took "
                        f"{seconds:.0f} s, {repeat} would pass the {budget:.0f} s budget"
                    )
                    print(f"  ({variant.name}: {variant.note})", flush=True)
    check.load_after = _load()
    return check


def _load() -> list[float] | None:
    """The system's 1, 5 and 15 minute load averages: other work skews the timings."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # not on every system
        return None


# -- reporting ---------------------------------------------------------------------------


def _version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def _machine() -> dict[str, Any]:
    return {
        "system": platform.system(),
        "release": platform.release(),
        "machine": platform.machine(),
        "processor": _cpu_name() or platform.processor() or None,
        "cpus": os.cpu_count(),
    }


def _cpu_name() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def results(
    variants: list[Variant],
    batch: Batch,
    check: Check,
    args: argparse.Namespace,
    skipped: dict[str, str],
) -> dict[str, Any]:
    timings: dict[str, Any] = {}
    for variant in variants:
        median = statistics.median(variant.totals)
        timings[variant.name] = {
            "does": variant.description,
            "runs": len(variant.totals),
            "totals_s": [round(t, 4) for t in variant.totals],
            "median_total_s": round(median, 4),
            "min_total_s": round(min(variant.totals), 4),
            "per_workbook_ms": round(1000 * median / len(batch.paths), 3),
            "per_action_us": round(1e6 * median / batch.actions, 2),
            "note": variant.note,
        }
    for name, reason in skipped.items():
        timings[name] = {"skipped": reason}
    ratios: dict[str, float | None] = {}
    base = timings["uvp"]["median_total_s"]
    for name in ("pandas_openpyxl", "pandas_calamine"):
        median = timings.get(name, {}).get("median_total_s")
        ratios[f"{name}/uvp"] = round(median / base, 3) if median is not None else None
    return {
        "benchmark": "convert",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "python": {
            "version": platform.python_version(),
            "implementation": platform.python_implementation(),
            "build": sys.version,
        },
        "packages": {
            name: _version(name) for name in ("uvp", "openpyxl", "python-calamine", "pandas")
        },
        "parameters": {
            "workbooks": len(batch.paths),
            "actions_per_workbook": args.actions,
            "repeat": args.repeat,
            "seed": args.seed,
            "budget_s": args.budget,
            "layouts": batch.layouts,
            "total_actions": batch.actions,
            "total_bytes": batch.bytes,
            "generation_s": round(batch.seconds, 2),
        },
        "load_average": {"before": check.load_before, "after": check.load_after},
        "timings": timings,
        "ratios": ratios,
        "correctness": {
            "plans_checked": check.checked,
            "mismatches": check.mismatches,
            "examples": check.examples,
        },
    }


def print_table(report: dict[str, Any]) -> None:
    params = report["parameters"]
    print(
        f"\n{params['workbooks']} workbooks x {params['actions_per_workbook']} actions "
        f"({params['total_bytes'] / 1e6:.1f} MB), median of up to {params['repeat']} run(s)"
    )
    print(f"{'variant':<16} {'runs':>4} {'total s':>9} {'ms/workbook':>12} {'x uvp':>7}")
    base = report["timings"]["uvp"]["median_total_s"]
    for name, timing in report["timings"].items():
        if "skipped" in timing:
            print(f"{name:<16} skipped: {timing['skipped']}")
            continue
        total = timing["median_total_s"]
        print(
            f"{name:<16} {timing['runs']:>4} {total:>9.2f} {timing['per_workbook_ms']:>12.1f} "
            f"{total / base:>7.2f}"
        )
    load = report["load_average"]
    if load["before"] is not None:
        print(f"load average (1, 5, 15 min) before: {load['before']}, after: {load['after']}")
    correctness = report["correctness"]
    print(
        f"uvp plans equal to the generated ones: "
        f"{correctness['plans_checked'] - correctness['mismatches']}/{correctness['plans_checked']}"
    )
    for example in correctness["examples"]:
        print(f"  mismatch: {example}")


# -- main --------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workbooks", type=int, default=200, help="workbooks in the batch")
    parser.add_argument("--actions", type=int, default=500, help="actions per workbook")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per variant")
    parser.add_argument("--seed", type=int, default=2024, help="seed for generating the batch")
    parser.add_argument(
        "--budget",
        type=float,
        default=600.0,
        help="seconds a variant's runs may take together before its runs are cut (default 600)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="where the JSON figures go")
    parser.add_argument("--keep", action="store_true", help="keep the generated workbooks")
    args = parser.parse_args(argv)
    if args.workbooks < 1 or args.actions < 1 or args.repeat < 1:
        parser.error("--workbooks, --actions and --repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if importlib.util.find_spec("pandas") is None:
        print("This benchmark compares with pandas: pip install pandas", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="uvp-bench-"))
    try:
        print(f"Generating {args.workbooks} workbooks of {args.actions} actions in {folder} ...")
        batch = generate_batch(folder, args.workbooks, args.actions, args.seed)
        print(f"  done in {batch.seconds:.1f} s ({batch.bytes / 1e6:.1f} MB)")
        variants = [
            Variant("uvp", convert_uvp, "uvp.read_workbook + uvp.to_json, JSON written"),
            Variant(
                "pandas_openpyxl",
                pandas_converter("openpyxl"),
                "pandas.read_excel(sheet_name=None, engine='openpyxl') + DataFrame.to_json, "
                "JSON written",
            ),
        ]
        skipped: dict[str, str] = {}
        if (reason := _calamine_support()) is None:
            variants.append(
                Variant(
                    "pandas_calamine",
                    pandas_converter("calamine"),
                    "pandas.read_excel(sheet_name=None, engine='calamine') + DataFrame.to_json, "
                    "JSON written",
                )
            )
        else:
            skipped["pandas_calamine"] = reason
        print("Measuring ...")
        check = measure(variants, batch, args.repeat, args.budget)
        report = results(variants, batch, check, args, skipped)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print_table(report)
        print(f"Figures written to {args.output}")
        return 1 if check.mismatches else 0
    finally:
        if args.keep:
            print(f"Workbooks kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
