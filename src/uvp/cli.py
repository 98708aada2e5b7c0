"""The ``uvp`` command line: batch work on plans, with Dutch output for staff.

Exit codes: 0 done, 1 findings of severity error (``validate``), 2 a usage
error or a file that cannot be read, 3 an internal error (never a traceback).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from uvp.exceptions import UvpError
from uvp.files import find_plans, read_plan
from uvp.findings import Report
from uvp.messages import render
from uvp.model import Plan
from uvp.validation import validate_plan

__all__ = ["app", "main"]

app = typer.Typer(
    name="uvp",
    help=render("nl", "cli-help"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root() -> None:
    # A callback keeps "uvp show ..." a sub-command even while show is the only one.
    pass


def _console(*, stderr: bool = False) -> Console:
    # Wide enough for the overview table when output goes to a file or a pipe.
    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    return Console(stderr=stderr, highlight=False, width=None if tty else 120, soft_wrap=not tty)


class OutputFormat(StrEnum):
    """How a command prints its result."""

    text = "text"
    json = "json"


def _nl(code: str, **params: object) -> str:
    return render("nl", code, **params)


def _summary(plan: Plan) -> dict[str, Any]:
    actions = plan.actions
    per_quarter: Counter[str] = Counter()
    for action in actions:
        schedules = [a.schedule for a in action.assignments if a.schedule is not None]
        if not schedules:
            per_quarter["none"] += 1
        elif all(s.kind == "ongoing" for s in schedules):
            per_quarter["ongoing"] += 1
        else:
            for q in action.quarters:
                per_quarter[f"Q{q}"] += 1
    joint = len(plan.joint_actions)
    return {
        "municipality": plan.municipality,
        "year": plan.year,
        "priorities": len(plan.priorities),
        "themes": len(plan.themes),
        "actions": len(actions),
        "joint": joint,
        "local": len(actions) - joint,
        "per_quarter": {k: per_quarter[k] for k in ("Q1", "Q2", "Q3", "Q4", "ongoing", "none")},
    }


def _quarter_counts(plan_part_actions: tuple[Any, ...]) -> list[str]:
    counts = [0, 0, 0, 0, 0]
    for action in plan_part_actions:
        schedules = [a.schedule for a in action.assignments if a.schedule is not None]
        if schedules and all(s.kind == "ongoing" for s in schedules):
            counts[4] += 1
            continue
        for q in action.quarters:
            counts[q - 1] += 1
    return [str(c) if c else "·" for c in counts]


def _print_plan(console: Console, plan: Plan, source: Path, report: Report) -> None:
    summary = _summary(plan)
    console.print(
        Text(_nl("plan-title", year=plan.year, municipality=plan.municipality), style="bold")
    )
    console.print(Text(str(source), style="dim"))
    console.print(_nl("cli-summary", **summary))
    table = Table(show_edge=False, pad_edge=False, box=None)
    table.add_column(_nl("column-priority-theme"))
    table.add_column(_nl("column-actions"), justify="right")
    for header in ("Q1", "Q2", "Q3", "Q4", _nl("ongoing")):
        table.add_column(header, justify="right")
    for number, priority in enumerate(plan.priorities, 1):
        kind = _nl("kind-joint" if priority.is_joint else "kind-local")
        table.add_row(
            Text(f"{number}. {priority.title} ({kind})", style="bold"),
            str(len(priority.actions)),
            *_quarter_counts(priority.actions),
        )
        for theme in priority.themes:
            label = f"   {theme.letter + ' ' if theme.letter else ''}{theme.title}"
            table.add_row(label, str(len(theme.actions)), *_quarter_counts(theme.actions))
    console.print(table)
    _print_report(console, report)
    console.print()


def _print_report(console: Console, report: Report) -> None:
    counts = report.counts()
    if not report.findings:
        console.print(_nl("cli-findings-none"))
        return
    console.print(
        _nl(
            "cli-findings", errors=counts["error"], warnings=counts["warning"], infos=counts["info"]
        )
    )
    styles = {"error": "red", "warning": "yellow", "info": "blue"}
    for finding in report.findings:
        line = Text("  ")
        line.append(_nl(f"severity-{finding.severity}"), style=styles[finding.severity])
        line.append(f"  {finding.code}  ")
        line.append(finding.where or "", style="dim")
        console.print(line)
        console.print(Text(f"      {finding.message}"))


@app.command(help=render("nl", "cli-help-show"))
def show(
    paths: Annotated[
        list[Path], typer.Argument(help=render("nl", "cli-help-paths"), show_default=False)
    ],
    output: Annotated[
        OutputFormat, typer.Option("--format", help=render("nl", "cli-help-format"))
    ] = OutputFormat.text,
) -> None:
    """Print each plan's summary and findings."""
    console, errors = _console(), _console(stderr=True)
    files = find_plans(paths)
    if not files:
        errors.print(_nl("cli-no-files", path=", ".join(map(str, paths))))
        raise typer.Exit(2)
    results: list[dict[str, Any]] = []
    failed = 0
    for path in files:
        try:
            plan = read_plan(path)
        except UvpError as error:
            failed += 1
            errors.print(Text(error.message("nl"), style="red"))
            results.append({"source": str(path), "error": error.message("nl"), "code": error.code})
            continue
        report = validate_plan(plan)
        if output is OutputFormat.json:
            results.append({"source": str(path), **_summary(plan), "report": report.to_dict()})
        else:
            _print_plan(console, plan, path, report)
    if output is OutputFormat.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(2)


def main() -> None:
    """Run the CLI; turn any unexpected error into a Dutch message, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last resort: staff never see a traceback
        _console(stderr=True).print(
            _nl("cli-internal-error", kind=type(error).__name__, detail=error), style="red"
        )
        sys.exit(3)
