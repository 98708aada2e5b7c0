"""Benchmark: how close a reader of uvp's design can come to issue 16's read goal.

``bench/read.py`` measures the whole read (workbook → checked plan → JSON). This
script splits it into the parts that no pure-Python reader building uvp's model can
leave out, each measured alone over the same batch, side by side with pandas +
calamine and bare calamine in one run:

* ``file``: the file check (every protection against hostile files) and calamine's
  values of every worksheet, trimmed (``uvp.workbook.load_values_and_info``);
* ``model``: building the plan model of every workbook again from values already
  read (every ``Action``, ``Goal``, ``Theme``, ``Priority`` and ``Plan`` through its
  constructor and validators, the parsed leads and schedules reused): what any
  reader has to build, without finding or reading a single row;
* ``json``: ``uvp.to_json`` of the plans already read.

``file + model + json`` is the floor of this design: a reader whose own work on rows,
headers and findings cost nothing would still take that long. Its ratios to pandas +
calamine and to calamine say whether the goals (``pandas_calamine / uvp >= 1.5``,
``uvp / calamine <= 2``) are within reach of a pure-Python reader at all.

    python bench/read_floor.py --corpus /tmp/uvp-read

Figures to ``bench/results/read_floor.json``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import _readbench as common
import attrs
from read import calamine_values, pandas_json, uvp_json

import uvp
from uvp.workbook import load_values_and_info, read_workbook


def rebuild(plan: uvp.Plan) -> uvp.Plan:
    """*plan* built again, object by object, through the model's constructors."""
    priorities = []
    for priority in plan.priorities:
        themes = []
        for theme in priority.themes:
            actions = [
                uvp.Action(
                    a.text,
                    a.assignments,
                    a.note,
                    a.goal,
                    a.status,
                    a.id,
                    a.partners,
                    a.result,
                    a.indicator,
                    a.target_value,
                )
                for a in theme.actions
            ]
            goals = [attrs.evolve(g) for g in theme.goals]
            themes.append(uvp.Theme(theme.title, theme.letter, theme.ambition, goals, actions))
        priorities.append(uvp.Priority(priority.title, priority.kind, themes))
    return uvp.Plan(
        plan.municipality,
        plan.year,
        partners=plan.partners,
        priorities=priorities,
        definitions=[attrs.evolve(d) for d in plan.definitions],
    )


def main() -> None:
    parser = common.batch_parser(__doc__)
    args = parser.parse_args()
    folder = args.corpus or Path(tempfile.mkdtemp(prefix="uvp-read-"))
    paths = common.batch(folder, args.workbooks, args.actions)
    plans = [read_workbook(p) for p in paths]
    assert [rebuild(p) for p in plans] == plans, "the rebuilt plans differ"
    actions = sum(len(p.actions) for p in plans)
    print(f"{len(paths)} workbooks, {actions:,} actions, in {folder}")

    figures = common.timings(
        {
            "uvp": lambda: [uvp_json(p) for p in paths],
            "file": lambda: [load_values_and_info(p) for p in paths],
            "model": lambda: [rebuild(p) for p in plans],
            "json": lambda: [uvp.to_json(p) for p in plans],
            "pandas_calamine": lambda: [pandas_json(p) for p in paths],
            "calamine": lambda: [calamine_values(p) for p in paths],
        },
        runs=args.runs,
    )
    ratios = {}
    for key in ("best_of_3_s", "median_of_5_s"):
        t = {name: f[key] for name, f in figures.items()}
        floor = t["file"] + t["model"] + t["json"]
        ratios[key] = {
            "floor_s": round(floor, 4),
            "reader_own_work_s": round(t["uvp"] - floor, 4),
            "pandas_calamine/floor": round(t["pandas_calamine"] / floor, 2),
            "floor/calamine": round(floor / t["calamine"], 2),
            "pandas_calamine/uvp": round(t["pandas_calamine"] / t["uvp"], 2),
            "uvp/calamine": round(t["uvp"] / t["calamine"], 2),
            "uvp_needed_for_goals_s": round(min(t["pandas_calamine"] / 1.5, 2 * t["calamine"]), 4),
        }
    report = {
        "benchmark": "read_floor",
        **common.environment(),
        "workbooks": len(paths),
        "actions": actions,
        "cpu_seconds": figures,
        "ratios": ratios,
        "goals": {"pandas_calamine/uvp": ">= 1.5", "uvp/calamine": "<= 2"},
    }
    print(json.dumps(ratios, indent=2))
    print(f"Figures written to {common.write('read_floor', report, args.output)}")


if __name__ == "__main__":
    main()
