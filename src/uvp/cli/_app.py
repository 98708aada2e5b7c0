"""The ``uvp`` command line: batch work on plans, with Dutch output for staff.

Exit codes: 0 done; 1 findings of severity error (``validate``) or files that
failed in a batch; 2 a usage error or a file that cannot be read; 3 an
internal error (never a traceback).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from uvp.core import Action, Finding, Plan, Report, UvpError, identify, validate_plan
from uvp.messages import render
from uvp.workbook import (
    PLAN_SUFFIXES,
    WORKBOOK_SUFFIXES,
    Located,
    find_plans,
    read_located,
    read_plan,
    write_plan,
)

__all__ = ["app", "main"]

T = TypeVar("T")

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
    # A callback keeps every command a sub-command ("uvp show ...").
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


class LayoutChoice(StrEnum):
    """The workbook layout to write: per goal (Scherpenzeel) or per quarter (Nijkerk)."""

    goal = "goal"
    quarter = "quarter"


def _nl(code: str, **params: object) -> str:
    return render("nl", code, **params)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(_nl("cli-bad-date", text=text)) from None


# Options shared by every command that reads a workbook.
Paths = Annotated[
    list[Path], typer.Argument(help=render("nl", "cli-help-paths"), show_default=False)
]
Municipality = Annotated[
    str | None, typer.Option("--gemeente", help=render("nl", "cli-help-gemeente"))
]
Year = Annotated[int | None, typer.Option("--jaar", help=render("nl", "cli-help-jaar"))]
Format = Annotated[OutputFormat, typer.Option("--format", help=render("nl", "cli-help-format"))]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", help=render("nl", "cli-help-output"))
]
Peildatum = Annotated[
    str | None, typer.Option("--peildatum", help=render("nl", "cli-help-peildatum"))
]


class Batch:
    """Runs a step over many files: a progress bar on a terminal, failures listed at the end."""

    def __init__(self, files: Sequence[Path]) -> None:
        self.files = files
        self.failed: list[tuple[Path, str]] = []
        self.out = _console()
        self.err = _console(stderr=True)

    def __iter__(self) -> Iterator[Path]:
        if len(self.files) > 1 and self.err.is_terminal:
            from rich.progress import track

            yield from track(self.files, description="Bezig…", console=self.err, transient=True)
        else:
            yield from self.files

    def run(self, path: Path, step: Callable[[], T]) -> T | None:
        try:
            return step()
        except UvpError as error:
            message = error.message("nl")
            self.failed.append((path, message))
            self.err.print(Text(message, style="red"))
            return None

    def finish(self, *, code_if_failed: int = 1) -> None:
        if self.failed and len(self.files) > 1:
            self.err.print(
                Text(
                    _nl("cli-failed", count=len(self.failed), total=len(self.files)),
                    style="bold red",
                )
            )
            for path, _ in self.failed:
                self.err.print(f"  {path}")
        if self.failed:
            raise typer.Exit(code_if_failed)


def _files(paths: Sequence[Path], suffixes: tuple[str, ...] = PLAN_SUFFIXES) -> list[Path]:
    files = find_plans(paths, suffixes)
    if not files:
        _console(stderr=True).print(_nl("cli-no-files", path=", ".join(map(str, paths))))
        raise typer.Exit(2)
    return files


def _target(path: Path, output: Path | None) -> Path:
    """Where a writing command's result goes: the file itself, or the same name in
    the folder *output* (made only when the result is written; nothing is copied
    before the workbook has been checked)."""
    return path if output is None else output / path.name


# -- show ------------------------------------------------------------------------------------


def _is_ongoing_only(action: Action) -> bool:
    schedules = [a.schedule for a in action.assignments if a.schedule is not None]
    return bool(schedules) and all(s.kind == "ongoing" for s in schedules)


def _summary(plan: Plan) -> dict[str, Any]:
    per_quarter: Counter[str] = Counter()
    for action in plan.actions:
        if not any(a.schedule and a.schedule.planned for a in action.assignments):
            per_quarter["none"] += 1  # no quarter, or "Niet gepland"
        elif _is_ongoing_only(action):
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
        "actions": len(plan.actions),
        "joint": joint,
        "local": len(plan.actions) - joint,
        "per_quarter": {k: per_quarter[k] for k in ("Q1", "Q2", "Q3", "Q4", "ongoing", "none")},
    }


def _quarter_counts(actions: Sequence[Action]) -> list[str]:
    counts = [0, 0, 0, 0, 0]
    for action in actions:
        if _is_ongoing_only(action):
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
        console.print(_nl("findings-none"))
        return
    console.print(
        _nl(
            "findings-summary",
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
        )
    )
    styles = {"error": "red", "warning": "yellow", "info": "blue"}
    for finding in report.findings:
        line = Text("  ")
        line.append(_nl(f"severity-{finding.severity}"), style=styles[finding.severity])
        line.append(f"  {finding.code}  ")
        line.append(report.where(finding, "nl") or "", style="dim")
        console.print(line)
        console.print(Text(f"      {finding.message('nl')}"))


def _inspect(
    path: Path, municipality: str | None, year: int | None, peildatum: dt.date | None = None
) -> tuple[Plan, Report]:
    """A plan and its findings, located in the workbook where it came from one."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from uvp.workbook import inspect_workbook, validate_result

        result = inspect_workbook(path, municipality=municipality, year=year)
        return result.plan, validate_result(result, peildatum=peildatum)
    plan = read_plan(path)
    return plan, validate_plan(plan, peildatum=peildatum)


@app.command(help=render("nl", "cli-help-show"))
def show(
    paths: Paths,
    output: Format = OutputFormat.text,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Print each plan's summary and findings."""
    batch = Batch(_files(paths))
    results: list[dict[str, Any]] = []
    for path in batch:
        found = batch.run(path, lambda path=path: _inspect(path, gemeente, jaar))  # type: ignore[misc]
        if found is None:
            results.append({"source": str(path), "error": batch.failed[-1][1]})
            continue
        plan, report = found
        if output is OutputFormat.json:
            results.append({"source": str(path), **_summary(plan), "report": report.to_dict()})
        else:
            _print_plan(batch.out, plan, path, report)
    if output is OutputFormat.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    batch.finish(code_if_failed=2)


# -- validate --------------------------------------------------------------------------------


@app.command(help=render("nl", "cli-help-validate"))
def validate(
    paths: Paths,
    peildatum: Peildatum = None,
    write: Annotated[bool, typer.Option("--write", help=render("nl", "cli-help-write"))] = False,
    output: Output = None,
    fmt: Format = OutputFormat.text,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Check plans; exit 1 when any has a finding of severity error."""
    date = _date(peildatum)
    batch = Batch(_files(paths))
    reports: list[dict[str, Any]] = []
    errors = False
    for path in batch:

        def step(path: Path = path) -> Report:
            if write and path.suffix.lower() in WORKBOOK_SUFFIXES:
                from uvp.workbook import validate_workbook

                return validate_workbook(
                    path,
                    peildatum=date,
                    municipality=gemeente,
                    year=jaar,
                    write=True,
                    backup=output is None,
                    output=_target(path, output),
                )
            return _inspect(path, gemeente, jaar, date)[1]

        report = batch.run(path, step)
        if report is None:
            continue
        errors = errors or not report.ok
        if fmt is OutputFormat.json:
            reports.append({**report.to_dict(), "source": str(path)})
        else:
            batch.out.print(Text(str(path), style="bold"))
            _print_report(batch.out, report)
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(reports, ensure_ascii=False, indent=2) + "\n")
    batch.finish(code_if_failed=2)
    if errors:
        raise typer.Exit(1)


# -- fill, evaluate, new ---------------------------------------------------------------------


@app.command(help=render("nl", "cli-help-fill"))
def fill(
    paths: Paths,
    no_status: Annotated[
        bool, typer.Option("--no-status", help=render("nl", "cli-help-no-status"))
    ] = False,
    output: Output = None,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Add or refresh the quarter matrix (and a Status column) in workbooks."""
    from uvp.workbook import fill_workbook

    batch = Batch(_files(paths, WORKBOOK_SUFFIXES))
    mismatched = False
    for path in batch:
        target = _target(path, output)
        result = batch.run(
            path,
            lambda target=target, path=path: fill_workbook(  # type: ignore[misc]
                path,
                municipality=gemeente,
                year=jaar,
                status=not no_status,
                backup=output is None,
                output=target,
            ),
        )
        if result is None:
            continue
        batch.out.print(
            _nl("cli-filled", path=target, marked=result.marked, written=result.quarters_written)
        )
        if result.findings:
            mismatched = True
            _print_report(batch.out, Report(result.findings))
    batch.finish(code_if_failed=2)
    if mismatched:
        raise typer.Exit(1)


@app.command(help=render("nl", "cli-help-evaluate"))
def evaluate(
    paths: Paths,
    peildatum: Peildatum = None,
    output: Output = None,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Write the Evaluatie sheet for the council into workbooks."""
    from uvp.workbook import evaluate_workbook

    date = _date(peildatum) or dt.date.today()
    batch = Batch(_files(paths, WORKBOOK_SUFFIXES))
    for path in batch:
        target = _target(path, output)
        evaluation = batch.run(
            path,
            lambda target=target, path=path: evaluate_workbook(  # type: ignore[misc]
                path, date, municipality=gemeente, year=jaar, backup=output is None, output=target
            ),
        )
        if evaluation is None:
            continue
        total = evaluation.total
        batch.out.print(
            _nl(
                "cli-evaluated",
                path=target,
                peildatum=date.strftime("%d-%m-%Y"),
                actions=total.actions,
                done=total.done,
                overdue=total.overdue,
                percent=round(100 * total.percent_done),
            )
        )
    batch.finish(code_if_failed=2)


@app.command(help=render("nl", "cli-help-new"))
def new(
    path: Annotated[
        Path, typer.Argument(help=render("nl", "cli-help-new-path"), show_default=False)
    ],
    gemeente: Annotated[str, typer.Option("--gemeente", help=render("nl", "cli-help-gemeente"))],
    jaar: Annotated[int, typer.Option("--jaar", help=render("nl", "cli-help-jaar"))],
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help=render("nl", "cli-help-overwrite"))
    ] = False,
) -> None:
    """Create an empty plan workbook in the per-goal layout."""
    from uvp.workbook import new_workbook

    batch = Batch([path])
    if batch.run(path, lambda: new_workbook(path, gemeente, jaar, overwrite=overwrite)) is not None:
        batch.out.print(_nl("cli-created", path=path))
    batch.finish(code_if_failed=2)


# -- convert ---------------------------------------------------------------------------------


@app.command(help=render("nl", "cli-help-convert"))
def convert(
    paths: Paths,
    output: Output = None,
    layout: Annotated[
        LayoutChoice | None, typer.Option("--layout", help=render("nl", "cli-help-layout"))
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help=render("nl", "cli-help-overwrite"))
    ] = False,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Workbooks to JSON and JSON to workbooks; continues past a bad file."""
    batch = Batch(_files(paths))
    for path in batch:
        to_json = path.suffix.lower() in WORKBOOK_SUFFIXES
        folder = output or path.parent
        target = folder / (path.stem + (".json" if to_json else ".xlsx"))

        def step(path: Path = path, target: Path = target, to_json: bool = to_json) -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            plan = read_plan(path, municipality=gemeente, year=jaar)
            return write_plan(
                plan, target, layout=layout.value if layout else None, overwrite=overwrite
            )

        if batch.run(path, step) is not None:
            batch.out.print(_nl("cli-converted", source=path, target=target))
    batch.finish()


# -- compare ---------------------------------------------------------------------------------


def _not_an_input(output: Path | None, inputs: Sequence[Path], err: Console) -> None:
    """Exit 2 when *output* is one of the plans read: a report never replaces a plan."""
    if output is not None and any(output.resolve() == path.resolve() for path in inputs):
        err.print(Text(_nl("cli-output-is-input", path=output), style="red"))
        raise typer.Exit(2)


def _or_exit(err: Console, step: Callable[[], T]) -> T:
    """Run *step*; a :class:`UvpError` becomes its Dutch message and exit code 2."""
    try:
        return step()
    except UvpError as error:
        err.print(Text(error.message("nl"), style="red"))
        raise typer.Exit(2) from None


def _read_located(
    paths: Sequence[Path], municipality: str | None, year: int | None, *, least: int = 2
) -> list[Located]:
    """Plans with where their actions stand; exit 2 when a file cannot be read or
    fewer than *least* municipalities' plans remain."""
    batch = Batch(_files(paths))
    sources: list[Located] = []
    for path in batch:
        source = batch.run(path, partial(read_located, path, municipality=municipality, year=year))
        if source is not None:
            sources.append(source)
    batch.finish(code_if_failed=2)
    seen: dict[str, Path] = {}
    for source in sources:
        first = seen.setdefault(source.plan.municipality, source.path)
        if first != source.path:
            batch.err.print(
                _nl(
                    "cli-duplicate-plan",
                    municipality=source.plan.municipality,
                    first=first,
                    second=source.path,
                )
            )
            raise typer.Exit(2)
    if least > 1 and len(seen) < least:
        batch.err.print(_nl("cli-compare-needs-two"))
        raise typer.Exit(2)
    return sources


@app.command(help=render("nl", "cli-help-compare"))
def compare(
    paths: Paths,
    fmt: Format = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=render("nl", "cli-help-compare-output"))
    ] = None,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Compare the joint actions of several municipalities' plans; exit 1 on differences."""
    from uvp.region import compare as compare_plans
    from uvp.region import describe, write_region_workbook

    sources = _read_located(paths, gemeente, jaar)
    out, err = _console(), _console(stderr=True)
    _not_an_input(output, [source.path for source in sources], err)
    comparison = compare_plans([source.plan for source in sources])
    if fmt is OutputFormat.json:
        data = comparison.to_dict(sources)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        counts = {k: len(comparison.of_kind(k)) for k in ("match", "mismatch", "missing")}
        out.print(
            Text(
                _nl("cli-compare-summary", plans=", ".join(comparison.municipalities), **counts),
                style="bold",
            )
        )
        styles = {"match": "green", "mismatch": "yellow", "missing": "red"}
        for item in comparison.items:
            line = Text()
            line.append(_nl(f"cli-compare-{item.kind}"), style=styles[item.kind])
            line.append("  " + item.title.split("\n")[0][:90])
            out.print(line)
            if item.kind != "match":
                out.print(Text("      " + describe(item)))
                cells = [
                    f"{source.plan.municipality} {cell}"
                    for source in sources
                    if (index := item.positions.get(source.plan.municipality)) is not None
                    and (cell := source.cell(index))
                ]
                if cells:
                    out.print(Text("      " + "; ".join(cells), style="dim"))
    if output is not None:
        _or_exit(err, partial(write_region_workbook, comparison, output, sources))
        out.print(_nl("cli-compare-written", path=output))
    if not comparison.ok:
        raise typer.Exit(1)


# -- report ----------------------------------------------------------------------------------

_REPORT_SUFFIXES = (".html", ".htm", ".xlsx")


@app.command(help=render("nl", "cli-help-report"))
def report(
    path: Annotated[
        Path, typer.Argument(help=render("nl", "cli-help-report-path"), show_default=False)
    ],
    peildatum: Peildatum = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=render("nl", "cli-help-report-output"))
    ] = None,
    fmt: Format = OutputFormat.text,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """The quarterly report for the driehoeksoverleg; exit 0 also when actions are late."""
    from uvp.region import quarterly_report, write_report_html, write_report_workbook

    date = _date(peildatum) or dt.date.today()
    err = _console(stderr=True)
    if output is not None and output.suffix.lower() not in _REPORT_SUFFIXES:
        err.print(Text(_nl("cli-report-bad-output", path=output), style="red"))
        raise typer.Exit(2)
    files = _files([path])
    if len(files) > 1:
        err.print(Text(_nl("cli-report-one-plan", path=path, count=len(files)), style="red"))
        raise typer.Exit(2)
    source = files[0]
    _not_an_input(output, [source], err)
    batch = Batch(files)
    plan = batch.run(source, partial(read_plan, source, municipality=gemeente, year=jaar))
    batch.finish(code_if_failed=2)
    assert plan is not None  # batch.finish exits when reading failed
    result = quarterly_report(plan, date)
    out = batch.out
    if fmt is OutputFormat.json:
        data = {"source": str(source), **result.to_dict()}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(Text(result.title, style="bold"))
        out.print(_nl("report-peildatum", date=date.strftime("%d-%m-%Y"), quarter=result.quarter))
        out.print(result.next_quarter_text)
        if date.year != plan.year:
            out.print(_nl("cli-report-other-year", date=date.isoformat(), year=plan.year))
        for number, priority in enumerate(result.priorities, 1):
            progress = priority.progress
            kind = _nl("kind-joint" if priority.kind == "joint" else "kind-local")
            line = _nl(
                "cli-report-priority",
                label=f"{number}. {priority.title} ({kind})",
                actions=priority.tally.actions,
                done=progress.done,
                running=progress.running,
                overdue=progress.overdue,
                other=progress.other,
                cancelled=progress.cancelled,
                percent=round(100 * priority.tally.percent_done),
            )
            out.print(Text("\n" + line, style="bold"))
            lists = [(_nl("report-list-overdue").lower(), priority.overdue, "red")]
            if result.next_quarter is not None:
                lists.append((f"Q{result.next_quarter}", priority.upcoming, "default"))
            for label, items, style in lists:
                for item in items:
                    text = item.text.split("\n")[0]
                    text = text if len(text) <= 80 else text[:79] + "…"
                    said = "; ".join(x for x in (", ".join(item.leads), item.schedule) if x)
                    row = Text(f"  {label:<9}", style=style)
                    row.append(text, style="default")
                    row.append(f"  [{said}]" if said else "", style="dim")
                    out.print(row)
    if output is not None:
        write = write_report_workbook if output.suffix.lower() == ".xlsx" else write_report_html
        _or_exit(err, partial(write, result, output))
        (err if fmt is OutputFormat.json else out).print(_nl("cli-report-written", path=output))


# -- agenda ----------------------------------------------------------------------------------


def _named_organisations(plans: Sequence[Plan]) -> list[str]:
    """Every organisation the plans name: municipalities, partners, leads and participants."""
    names: dict[str, None] = {}
    for plan in plans:
        names.update(dict.fromkeys((plan.municipality, *plan.partners)))
        for action in plan.actions:
            names.update(dict.fromkeys(lead.organisation for lead in action.leads))
            names.update(dict.fromkeys(action.participants))
    collectives = ("joint", "each-municipality")
    return [n for n in names if (org := identify(n)) is None or org.kind not in collectives]


@app.command(help=render("nl", "cli-help-agenda"))
def agenda(
    paths: Paths,
    partner: Annotated[str, typer.Option("--partner", help=render("nl", "cli-help-partner"))],
    fmt: Format = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=render("nl", "cli-help-agenda-output"))
    ] = None,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """What one partner leads or takes part in across the plans, per quarter."""
    from rapidfuzz import process

    from uvp.region import BUCKETS, bucket_label, role_label, write_agenda_workbook
    from uvp.region import agenda as partner_agenda

    sources = _read_located(paths, gemeente, jaar, least=1)
    plans = [source.plan for source in sources]
    out, err = _console(), _console(stderr=True)
    _not_an_input(output, [source.path for source in sources], err)
    result = partner_agenda(plans, partner)
    known = _named_organisations(plans)
    if not result.items and result.partner not in known and identify(partner) is None:
        best = process.extractOne(result.partner, known, score_cutoff=60)
        hint = _nl("cli-agenda-hint", name=best[0]) if best else ""
        err.print(_nl("cli-agenda-unknown", partner=partner, hint=hint, known=", ".join(known)))
        raise typer.Exit(2)
    if fmt is OutputFormat.json:
        data = result.to_dict(sources)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif not result.items:
        out.print(_nl("cli-agenda-none", partner=result.partner))
    else:
        out.print(
            Text(
                _nl(
                    "cli-agenda-title",
                    partner=result.partner,
                    years="/".join(map(str, result.years)),
                    count=len(result.items),
                    plans=", ".join(result.municipalities),
                ),
                style="bold",
            )
        )
        for bucket in BUCKETS:
            items = result.in_bucket(bucket)
            if not items:
                continue
            out.print(Text(f"\n{bucket_label(bucket)}", style="bold"))
            for item in items:
                line = Text(f"  {role_label(item.role):<16}")
                line.append(item.title.split("\n")[0][:80])
                out.print(line)
                said = f"{item.schedules_text()} [{', '.join(item.municipalities)}]"
                if not item.agrees:
                    out.print(Text(f"{'':18}{said}  ← {_nl('agenda-differs')}", style="yellow"))
                else:
                    out.print(Text(f"{'':18}{said}", style="dim"))
    if output is not None:
        _or_exit(err, partial(write_agenda_workbook, result, output, sources))
        out.print(_nl("cli-agenda-written", path=output))


# -- diff, next-year -------------------------------------------------------------------------


@app.command(help=render("nl", "cli-help-diff"))
def diff(
    old: Annotated[
        Path, typer.Argument(help=render("nl", "cli-help-diff-old"), show_default=False)
    ],
    new: Annotated[
        Path, typer.Argument(help=render("nl", "cli-help-diff-new"), show_default=False)
    ],
    fmt: Format = OutputFormat.text,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """What changed between two versions of one plan; exit 1 on differences."""
    from uvp.region import CHANGE_KINDS, describe_change, diff_plans

    batch = Batch([old, new])
    read = [
        batch.run(path, partial(read_located, path, municipality=gemeente, year=jaar))
        for path in batch
    ]
    batch.finish(code_if_failed=2)
    before, after = (source for source in read if source is not None)
    out, err = _console(), _console(stderr=True)
    result = _or_exit(err, partial(diff_plans, before.plan, after.plan))
    if fmt is OutputFormat.json:
        data = {"old": str(old), "new": str(new), **result.to_dict(before, after)}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(
            Text(
                _nl(
                    "cli-diff-summary",
                    municipality=result.municipality,
                    old=old,
                    new=new,
                    old_year=result.old_year,
                    new_year=result.new_year,
                    old_actions=result.old_actions,
                    new_actions=result.new_actions,
                    changes=len(result.changes),
                    actions=result.changed_actions,
                ),
                style="bold",
            )
        )
        if result.old_year != result.new_year:
            out.print(
                _nl("cli-diff-years", old_year=result.old_year, new_year=result.new_year),
                style="yellow",
            )
        if not result.changes:
            out.print(_nl("cli-diff-none"))
        for kind in CHANGE_KINDS:
            changes = result.of_kind(kind)
            if not changes:
                continue
            label = _nl(f"history-kind-{kind}")
            out.print(Text(_nl("cli-diff-heading", label=label, count=len(changes)), style="bold"))
            for change in changes:
                out.print(Text(f"  {change.where}: {change.action}"))
                source, index = (
                    (before, change.old_index) if kind == "removed" else (after, change.new_index)
                )
                cell = source.cell(index) if index is not None else None
                said = describe_change(change)
                if said or cell:
                    line = Text("      " + said)
                    line.append(f"  ({cell})" if said and cell else cell or "", style="dim")
                    out.print(line)
    if not result.ok:
        raise typer.Exit(1)


@app.command(name="next-year", help=render("nl", "cli-help-next-year"))
def next_year(
    path: Annotated[
        Path, typer.Argument(help=render("nl", "cli-help-next-year-path"), show_default=False)
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=render("nl", "cli-help-next-year-output")),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help=render("nl", "cli-help-overwrite"))
    ] = False,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Draft next year's plan from an evaluated plan, as a new workbook or JSON file."""
    from uvp.region import CarryOver, carry_over, default_target
    from uvp.workbook import Layout, inspect_workbook

    if output is not None and output.suffix.lower() not in (".xlsx", ".json"):
        raise typer.BadParameter(_nl("cli-next-year-bad-output", path=output))
    batch = Batch([path])
    read_findings: list[Finding] = []

    def step() -> tuple[CarryOver, Path]:
        layout: Layout | None = None  # JSON: the layout the plan most likely came from
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            result = inspect_workbook(path, municipality=gemeente, year=jaar)
            plan = result.plan
            read_findings.extend(f for f in result.findings if f.severity == "error")
            layouts = Counter(table.layout for table in result.tables)
            layout = layouts.most_common(1)[0][0] if layouts else None
        else:
            plan = read_plan(path, municipality=gemeente, year=jaar)
        carried = carry_over(plan)
        target = output or default_target(path, carried.plan.year)
        return carried, write_plan(carried.plan, target, layout=layout, overwrite=overwrite)

    done = batch.run(path, step)
    batch.finish(code_if_failed=2)
    assert done is not None  # batch.finish exits when the step failed
    carried, target = done
    out, err = batch.out, batch.err
    plan = carried.plan
    out.print(
        _nl(
            "cli-next-year-written",
            source=path,
            target=target,
            year=plan.year,
            municipality=plan.municipality,
        )
    )
    if read_findings:
        err.print(_nl("cli-next-year-read-findings", source=path), style="yellow")
        _print_report(err, Report(tuple(read_findings)))
    out.print(
        _nl(
            "cli-next-year-summary",
            kept=carried.kept,
            done=carried.done,
            cancelled=carried.cancelled,
            goals=carried.goals,
        )
    )
    if not carried.evaluated and plan.actions:
        err.print(_nl("cli-next-year-not-evaluated", source=path), style="yellow")
    if carried.unplanned:
        out.print(_nl("cli-next-year-todo", count=carried.unplanned, target=target))
    if carried.ongoing:
        out.print(_nl("cli-next-year-ongoing", count=carried.ongoing))
    if carried.dated:
        out.print(
            _nl("cli-next-year-dated", count=len(carried.dated), year=carried.source_year),
            style="yellow",
        )
        for place in carried.dated:
            out.print(Text(f"  {place}", style="dim"))
    others = [f for f in validate_plan(plan).findings if f.code != "missing-quarter"]
    if others:
        out.print(_nl("cli-next-year-other-findings"))
        _print_report(out, Report(tuple(others), plan=plan))


# -- serve -----------------------------------------------------------------------------------

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _pem(path: Path | None) -> str | None:
    if path is None:
        return None
    if not path.is_file():
        raise typer.BadParameter(_nl("cli-serve-missing-file", path=path))
    return str(path)


@app.command(help=render("nl", "cli-help-serve"))
def serve(
    host: Annotated[str, typer.Option("--host", help=render("nl", "cli-help-host"))] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help=render("nl", "cli-help-port"))
    ] = 8000,
    cert: Annotated[Path | None, typer.Option("--cert", help=render("nl", "cli-help-cert"))] = None,
    key: Annotated[Path | None, typer.Option("--key", help=render("nl", "cli-help-key"))] = None,
    public_url: Annotated[
        str | None, typer.Option("--public-url", help=render("nl", "cli-help-public-url"))
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            envvar="UVP_ALLOWED_HOSTS",
            help=render("nl", "cli-help-allowed-host"),
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help=render("nl", "cli-help-workers"))
    ] = 1,
    request_timeout: Annotated[
        float,
        typer.Option(
            "--request-timeout", min=1, max=300, help=render("nl", "cli-help-request-timeout")
        ),
    ] = 30.0,
    max_requests: Annotated[
        int,
        typer.Option(
            "--max-requests", min=1, max=10_000, help=render("nl", "cli-help-max-requests")
        ),
    ] = 64,
) -> None:
    """Serve the UVP ribbon's scripts, client and manifest for Excel (see docs/addin-server.md)."""
    if (cert is None) != (key is None):
        raise typer.BadParameter(_nl("cli-serve-cert-key"))
    certfile, keyfile = _pem(cert), _pem(key)
    # Several hosts in one option or in UVP_ALLOWED_HOSTS: separated by commas or spaces.
    hosts = [h for value in allowed_host or () for h in value.replace(",", " ").split()]
    # xlwings' remote engine (what the ribbon's scripts run on) is under the PolyForm
    # Noncommercial License 1.0.0, which permits use by government institutions such as
    # a municipality. xlwings reads the key when it is first imported, so set it first;
    # a key set by IT (an xlwings PRO licence) is kept.
    if not os.environ.get("XLWINGS_LICENSE_KEY"):
        os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
    try:
        from uvp.addin import server
    except ImportError as error:
        _console(stderr=True).print(
            _nl("cli-serve-needs-extra", detail=error.name or error), style="red"
        )
        raise typer.Exit(2) from None
    if public_url is not None:
        try:
            server.manifest_for(public_url)
        except ValueError:
            raise typer.BadParameter(_nl("cli-serve-bad-url", url=public_url)) from None
    for allowed in hosts:
        try:
            server.create_app(allowed_hosts=[allowed])
        except ValueError:
            raise typer.BadParameter(_nl("cli-serve-bad-host", host=allowed)) from None
    limits = server.Limits(request_timeout=request_timeout, max_requests=max_requests)
    scheme = "https" if certfile else "http"
    shown = f"[{host}]" if ":" in host else host
    err = _console(stderr=True)
    err.print(_nl("cli-serve-start", url=f"{scheme}://{shown}:{port}"))
    if not certfile and host not in _LOOPBACK:
        err.print(_nl("cli-serve-no-https", host=host), style="yellow")
    server.run(
        host,
        port,
        certfile=certfile,
        keyfile=keyfile,
        public_url=public_url,
        allowed_hosts=hosts,
        limits=limits,
        workers=workers,
    )


def main() -> None:
    """Run the CLI; turn any unexpected error into a Dutch message, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last resort: staff never see a traceback
        _console(stderr=True).print(
            _nl("internal-error", kind=type(error).__name__, detail=error), style="red"
        )
        sys.exit(3)
