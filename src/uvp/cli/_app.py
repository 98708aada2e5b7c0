"""The ``uvp`` command line: batch work on plans, with Dutch output for staff.

Here: the app, the options commands share, batches of files, printing, the
commands on one plan file at a time and ``uvp serve``; the region's commands
are in :mod:`uvp.cli._region`. A command parses its arguments, calls the
library and prints what the library says (lines of :class:`uvp.core.Span`),
choosing a style per tone.

Exit codes: 0 done; 1 findings of severity error (``validate``), files that
failed in a batch, or a file another uvp command or program was writing at the
same time (nothing changed: try again); 2 a usage error or a file that cannot
be read or written; 3 an internal error (never a traceback).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar, get_args

import attrs
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from uvp.core import (
    BUCKETS,
    Line,
    Plan,
    Report,
    Tone,
    UvpError,
    findings_lines,
    overview_rows,
    summarise_plan,
)
from uvp.messages import render
from uvp.workbook import (
    PLAN_SUFFIXES,
    WORKBOOK_SUFFIXES,
    convert_plan,
    find_plans,
    inspect_plan,
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


def console(*, stderr: bool = False) -> Console:
    # Wide enough for the overview table when output goes to a file or a pipe.
    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    return Console(stderr=stderr, highlight=False, width=None if tty else 120, soft_wrap=not tty)


# The rich style of each tone, in the order uvp.core.Tone lists them.
_STYLES: dict[Tone, str] = dict(
    zip(get_args(Tone), ("", "bold", "dim", "green", "blue", "yellow", "red"), strict=True)
)


def say(to: Console, lines: Iterable[Line]) -> None:
    """Print what the library says, each part of a line in the style of its tone."""
    for line in lines:
        to.print(Text.assemble(*((span.text, _STYLES[span.tone]) for span in line)))


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class OutputFormat(StrEnum):
    """How a command prints its result."""

    text = "text"
    json = "json"


class LayoutChoice(StrEnum):
    """The workbook layout to write: per goal (Scherpenzeel) or per quarter (Nijkerk)."""

    goal = "goal"
    quarter = "quarter"


def nl(code: str, **params: object) -> str:
    return render("nl", code, **params)


def date_option(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(nl("cli-bad-date", text=text)) from None


def option(*names: str, key: str | None = None, **limits: Any) -> Any:
    """An option whose help is the catalogue's ``cli-help-<key>`` (by default its first name)."""
    return typer.Option(*names, help=render("nl", f"cli-help-{key or names[0][2:]}"), **limits)


def argument(code: str) -> Any:
    return typer.Argument(help=render("nl", f"cli-help-{code}"), show_default=False)


# Options shared by every command that reads a workbook.
Paths = Annotated[list[Path], argument("paths")]
Municipality = Annotated[str | None, option("--gemeente")]
Year = Annotated[int | None, option("--jaar")]
Format = Annotated[OutputFormat, option("--format")]
Output = Annotated[Path | None, option("--output", "-o")]
Peildatum = Annotated[str | None, option("--peildatum")]
Overwrite = Annotated[bool, option("--overwrite")]


# Refusals because someone else wrote the same file at the same time: exit 1, try again.
CONFLICTS = frozenset({"file-busy", "file-changed"})


class Batch:
    """Runs a step over many files: a progress bar on a terminal, failures listed at the end."""

    def __init__(self, files: Sequence[Path]) -> None:
        self.files = files
        self.failed: list[tuple[Path, str]] = []
        self.codes: set[str] = set()
        self.out = console()
        self.err = console(stderr=True)

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
            self.failed.append((path, error.message("nl")))
            self.codes.add(error.code)
            self.err.print(Text(self.failed[-1][1], style="red"))
            return None

    def finish(self, *, code_if_failed: int = 1) -> None:
        if self.failed and len(self.files) > 1:
            failed = nl("cli-failed", count=len(self.failed), total=len(self.files))
            self.err.print(Text(failed, style="bold red"))
            for path, _ in self.failed:
                self.err.print(f"  {path}")
        if self.failed:
            raise typer.Exit(1 if self.codes <= CONFLICTS else code_if_failed)


def plan_files(paths: Sequence[Path], suffixes: tuple[str, ...] = PLAN_SUFFIXES) -> list[Path]:
    files = find_plans(paths, suffixes)
    if not files:
        console(stderr=True).print(nl("cli-no-files", path=", ".join(map(str, paths))))
        raise typer.Exit(2)
    return files


def _target(path: Path, output: Path | None) -> Path:
    """Where a writing command's result goes: the file itself, or the same name in
    the folder *output* (made only when the result is written; nothing is copied
    before the workbook has been checked)."""
    return path if output is None else output / path.name


def fail(code: str, **params: object) -> NoReturn:
    """Say what is wrong (the catalogue's text *code*) in red and exit 2."""
    console(stderr=True).print(Text(nl(code, **params), style="red"))
    raise typer.Exit(2)


def or_exit(step: Callable[[], T]) -> T:
    """Run *step*; a :class:`UvpError` becomes its Dutch message and exit code 2 (1 when
    another uvp or program wrote the same file at the same time)."""
    try:
        return step()
    except UvpError as error:
        console(stderr=True).print(Text(error.message("nl"), style="red"))
        raise typer.Exit(1 if error.code in CONFLICTS else 2) from None


# -- show, validate ----------------------------------------------------------------------


def _print_plan(to: Console, plan: Plan, source: Path, report: Report) -> None:
    title = nl("plan-title", year=plan.year, municipality=plan.municipality)
    to.print(Text(title, style="bold"))
    to.print(Text(str(source), style="dim"))
    to.print(nl("cli-summary", **summarise_plan(plan)))
    table = Table(show_edge=False, pad_edge=False, box=None)
    table.add_column(nl("column-priority-theme"))
    for header in (nl("column-actions"), "Q1", "Q2", "Q3", "Q4", nl("ongoing")):
        table.add_column(header, justify="right")
    for row in overview_rows(plan):
        counts = [str(row.buckets[b]) if row.buckets[b] else "·" for b in BUCKETS[:5]]
        label = Text(row.label, style="bold") if row.strong else row.label
        table.add_row(label, str(row.actions), *counts)
    to.print(table)
    say(to, findings_lines(report))
    to.print()


@app.command(help=render("nl", "cli-help-show"))
def show(
    paths: Paths,
    output: Format = OutputFormat.text,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Print each plan's summary and findings."""
    batch = Batch(plan_files(paths))
    results: list[dict[str, Any]] = []
    for path in batch:
        found = batch.run(path, partial(inspect_plan, path, municipality=gemeente, year=jaar))
        if found is None:
            results.append({"source": str(path), "error": batch.failed[-1][1]})
        elif output is OutputFormat.json:
            plan, report = found
            results.append(
                {"source": str(path), **summarise_plan(plan), "report": report.to_dict()}
            )
        else:
            _print_plan(batch.out, found[0], path, found[1])
    if output is OutputFormat.json:
        print_json(results)
    batch.finish(code_if_failed=2)


@app.command(help=render("nl", "cli-help-validate"))
def validate(
    paths: Paths,
    peildatum: Peildatum = None,
    write: Annotated[bool, option("--write")] = False,
    output: Output = None,
    fmt: Format = OutputFormat.text,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Check plans; exit 1 when any has a finding of severity error."""
    from uvp.workbook import validate_workbook

    date = date_option(peildatum)
    check = partial(validate_workbook, peildatum=date, municipality=gemeente, year=jaar)
    inspect = partial(inspect_plan, peildatum=date, municipality=gemeente, year=jaar)
    batch = Batch(plan_files(paths))
    reports: list[dict[str, Any]] = []
    errors = False
    for path in batch:
        if write and path.suffix.lower() in WORKBOOK_SUFFIXES:
            output_path = _target(path, output)
            step = partial(check, path, write=True, backup=output is None, output=output_path)
            report = batch.run(path, step)
        else:
            report = found[1] if (found := batch.run(path, partial(inspect, path))) else None
        if report is None:
            continue
        errors = errors or not report.ok
        if fmt is OutputFormat.json:
            reports.append({**report.to_dict(), "source": str(path)})
        else:
            batch.out.print(Text(str(path), style="bold"))
            say(batch.out, findings_lines(report))
    if fmt is OutputFormat.json:
        print_json(reports)
    batch.finish(code_if_failed=2)
    if errors:
        raise typer.Exit(1)


# -- fill, evaluate, new, convert -------------------------------------------------------------


@app.command(help=render("nl", "cli-help-fill"))
def fill(
    paths: Paths,
    no_status: Annotated[bool, option("--no-status")] = False,
    output: Output = None,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Add or refresh the quarter matrix (and a Status column) in workbooks."""
    from uvp.workbook import fill_workbook

    batch = Batch(plan_files(paths, WORKBOOK_SUFFIXES))
    mismatched = False
    fill_one = partial(
        fill_workbook, municipality=gemeente, year=jaar, status=not no_status, backup=output is None
    )
    for path in batch:
        target = _target(path, output)
        if (result := batch.run(path, partial(fill_one, path, output=target))) is None:
            continue
        said = {"marked": result.marked, "written": result.quarters_written}
        batch.out.print(nl("cli-filled", path=target, **said))
        if result.findings:
            mismatched = True
            say(batch.out, findings_lines(Report(result.findings)))
    batch.finish(code_if_failed=2)  # a refusal exits 2, as from every command
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

    date = date_option(peildatum) or dt.date.today()
    batch = Batch(plan_files(paths, WORKBOOK_SUFFIXES))
    evaluate_one = partial(
        evaluate_workbook, peildatum=date, municipality=gemeente, year=jaar, backup=output is None
    )
    for path in batch:
        target = _target(path, output)
        evaluation = batch.run(path, partial(evaluate_one, path, output=target))
        if evaluation is not None:
            t, day = evaluation.total, date.strftime("%d-%m-%Y")
            said = {**attrs.asdict(t), "percent": round(100 * t.percent_done)}
            batch.out.print(nl("cli-evaluated", path=target, peildatum=day, **said))
    batch.finish(code_if_failed=2)


@app.command(help=render("nl", "cli-help-new"))
def new(
    path: Annotated[Path, argument("new-path")],
    gemeente: Annotated[str, option("--gemeente")],
    jaar: Annotated[int, option("--jaar")],
    overwrite: Overwrite = False,
) -> None:
    """Create an empty plan workbook in the per-goal layout."""
    from uvp.workbook import new_workbook

    batch = Batch([path])
    if batch.run(path, partial(new_workbook, path, gemeente, jaar, overwrite=overwrite)):
        batch.out.print(nl("cli-created", path=path))
    batch.finish(code_if_failed=2)


@app.command(help=render("nl", "cli-help-convert"))
def convert(
    paths: Paths,
    output: Output = None,
    layout: Annotated[LayoutChoice | None, option("--layout")] = None,
    overwrite: Overwrite = False,
    gemeente: Municipality = None,
    jaar: Year = None,
) -> None:
    """Workbooks to JSON and JSON to workbooks; continues past a bad file."""
    batch = Batch(plan_files(paths))
    convert_one = partial(
        convert_plan, folder=output, overwrite=overwrite, municipality=gemeente, year=jaar
    )
    for path in batch:
        step = partial(convert_one, path, layout=layout.value if layout else None)
        if (target := batch.run(path, step)) is not None:
            batch.out.print(nl("cli-converted", source=path, target=target))
    batch.finish()


# -- serve -----------------------------------------------------------------------------------

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _pem(path: Path | None) -> str | None:
    if path is None:
        return None
    if not path.is_file():
        raise typer.BadParameter(nl("cli-serve-missing-file", path=path))
    return str(path)


@app.command(help=render("nl", "cli-help-serve"))
def serve(
    host: Annotated[str, option("--host")] = "127.0.0.1",
    port: Annotated[int, option("--port", min=1, max=65535)] = 8000,
    cert: Annotated[Path | None, option("--cert")] = None,
    key: Annotated[Path | None, option("--key")] = None,
    public_url: Annotated[str | None, option("--public-url")] = None,
    allowed_host: Annotated[
        list[str] | None, option("--allowed-host", envvar="UVP_ALLOWED_HOSTS")
    ] = None,
    workers: Annotated[int, option("--workers", min=1, max=64)] = 1,
    request_timeout: Annotated[float, option("--request-timeout", min=1, max=300)] = 30.0,
    max_requests: Annotated[int, option("--max-requests", min=1, max=10_000)] = 64,
) -> None:
    """Serve the UVP ribbon's scripts, client and manifest for Excel (see docs/addin-server.md)."""
    if (cert is None) != (key is None):
        raise typer.BadParameter(nl("cli-serve-cert-key"))
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
        fail("cli-serve-needs-extra", detail=error.name or error)
    if public_url is not None:
        try:
            server.manifest_for(public_url)
        except ValueError:
            raise typer.BadParameter(nl("cli-serve-bad-url", url=public_url)) from None
    for allowed in hosts:
        try:
            server.create_app(allowed_hosts=[allowed])
        except ValueError:
            raise typer.BadParameter(nl("cli-serve-bad-host", host=allowed)) from None
    limits = server.Limits(request_timeout=request_timeout, max_requests=max_requests)
    scheme = "https" if certfile else "http"
    shown = f"[{host}]" if ":" in host else host
    err = console(stderr=True)
    err.print(nl("cli-serve-start", url=f"{scheme}://{shown}:{port}"))
    if not certfile and host not in _LOOPBACK:
        err.print(nl("cli-serve-no-https", host=host), style="yellow")
    tls = {"certfile": certfile, "keyfile": keyfile, "public_url": public_url}
    server.run(host, port, allowed_hosts=hosts, limits=limits, workers=workers, **tls)


def main() -> None:
    """Run the CLI; turn any unexpected error into a Dutch message, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last resort: staff never see a traceback
        said = nl("internal-error", kind=type(error).__name__, detail=error)
        console(stderr=True).print(Text(said, style="red"))
        sys.exit(3)
