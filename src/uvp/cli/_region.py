"""The region's commands: ``compare``, ``agenda``, ``report``, ``diff`` and ``next-year``.

Each reads the plans, calls :mod:`uvp.region` once for the result, and prints
it as JSON or as the lines :mod:`uvp.region` says (``*_lines``); ``-o``
writes the result's workbook or page through :mod:`uvp.region` too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from uvp.cli import _app as shell
from uvp.core import Line
from uvp.messages import render
from uvp.workbook import Located, read_located, read_plan

__all__: list[str] = []


def _not_an_input(output: Path | None, inputs: Sequence[Path]) -> None:
    """Exit 2 when *output* is one of the plans read: a report never replaces a plan."""
    if output is not None and any(output.resolve() == path.resolve() for path in inputs):
        shell.fail("cli-output-is-input", path=output)


def _read_region(
    paths: Sequence[Path], output: Path | None, least: int, **reading: Any
) -> list[Located]:
    """The plans with where their actions stand, one per municipality; exit 2 when a file
    cannot be read, the plans are not of *least* municipalities, one plan each, or
    *output* would replace one of them."""
    from uvp.region import one_plan_each

    batch = shell.Batch(shell.plan_files(paths))
    read = partial(read_located, **reading)
    sources = [s for path in batch if (s := batch.run(path, partial(read, path))) is not None]
    batch.finish(code_if_failed=2)
    shell.or_exit(partial(one_plan_each, sources, least=least))
    _not_an_input(output, [source.path for source in sources])
    return sources


def _print(
    fmt: shell.OutputFormat, data: Callable[[], object], lines: Callable[[], list[Line]]
) -> None:
    """The result as JSON for programs, or as lines of text for people."""
    if fmt is shell.OutputFormat.json:
        shell.print_json(data())
    else:
        shell.say(shell.console(), lines())


@shell.app.command(help=render("nl", "cli-help-compare"))
def compare(
    paths: shell.Paths,
    fmt: shell.Format = shell.OutputFormat.text,
    output: Annotated[Path | None, shell.option("--output", "-o", key="compare-output")] = None,
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """Compare the joint actions of several municipalities' plans; exit 1 on differences."""
    from uvp.region import compare as compare_plans
    from uvp.region import comparison_lines, write_region_workbook

    sources = _read_region(
        paths, output, 2, municipality=gemeente, year=jaar, vocabulary=woordenlijst
    )
    out = shell.console()
    comparison = compare_plans([source.plan for source in sources])
    _print(
        fmt, partial(comparison.to_dict, sources), partial(comparison_lines, comparison, sources)
    )
    if output is not None:
        shell.or_exit(partial(write_region_workbook, comparison, output, sources))
        out.print(shell.nl("cli-compare-written", path=output))
    if not comparison.ok:
        raise typer.Exit(1)


@shell.app.command(help=render("nl", "cli-help-agenda"))
def agenda(
    paths: shell.Paths,
    partner: Annotated[str, shell.option("--partner")],
    fmt: shell.Format = shell.OutputFormat.text,
    output: Annotated[Path | None, shell.option("--output", "-o", key="agenda-output")] = None,
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """What one partner leads or takes part in across the plans, per quarter."""
    from uvp.region import agenda as partner_agenda
    from uvp.region import agenda_lines, write_agenda_workbook

    sources = _read_region(
        paths, output, 1, municipality=gemeente, year=jaar, vocabulary=woordenlijst
    )
    out = shell.console()
    plans = [source.plan for source in sources]
    result = shell.or_exit(partial(partner_agenda, plans, partner, strict=True))
    _print(fmt, partial(result.to_dict, sources), partial(agenda_lines, result))
    if output is not None:
        shell.or_exit(partial(write_agenda_workbook, result, output, sources))
        out.print(shell.nl("cli-agenda-written", path=output))


_REPORT_SUFFIXES = (".html", ".htm", ".xlsx")


@shell.app.command(help=render("nl", "cli-help-report"))
def report(
    path: Annotated[Path, shell.argument("report-path")],
    peildatum: shell.Peildatum = None,
    output: Annotated[Path | None, shell.option("--output", "-o", key="report-output")] = None,
    fmt: shell.Format = shell.OutputFormat.text,
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """The quarterly report for the driehoeksoverleg; exit 0 also when actions are late."""
    from uvp.region import quarterly_report, report_lines, write_report_html, write_report_workbook

    date = shell.date_option(peildatum) or dt.date.today()
    if output is not None and output.suffix.lower() not in _REPORT_SUFFIXES:
        shell.fail("cli-report-bad-output", path=output)
    files = shell.plan_files([path])
    if len(files) > 1:
        shell.fail("cli-report-one-plan", path=path, count=len(files))
    source = files[0]
    _not_an_input(output, [source])
    batch = shell.Batch(files)
    plan = batch.run(
        source, partial(read_plan, source, **shell.reading(gemeente, jaar, woordenlijst))
    )
    batch.finish(code_if_failed=2)
    assert plan is not None  # batch.finish exits when reading failed
    result = quarterly_report(plan, date)
    _print(fmt, lambda: {"source": str(source), **result.to_dict()}, partial(report_lines, result))
    if output is not None:
        write = write_report_workbook if output.suffix.lower() == ".xlsx" else write_report_html
        shell.or_exit(partial(write, result, output))
        note = shell.nl("cli-report-written", path=output)  # to stderr beside JSON on stdout
        (batch.err if fmt is shell.OutputFormat.json else batch.out).print(note)


@shell.app.command(help=render("nl", "cli-help-diff"))
def diff(
    old: Annotated[Path, shell.argument("diff-old")],
    new: Annotated[Path, shell.argument("diff-new")],
    fmt: shell.Format = shell.OutputFormat.text,
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """What changed between two versions of one plan; exit 1 on differences."""
    from uvp.region import diff_lines, diff_plans

    batch = shell.Batch([old, new])
    read = partial(read_located, **shell.reading(gemeente, jaar, woordenlijst))
    sources = [batch.run(path, partial(read, path)) for path in batch]
    batch.finish(code_if_failed=2)
    before, after = (source for source in sources if source is not None)
    result = shell.or_exit(partial(diff_plans, before.plan, after.plan))
    data = {"old": str(old), "new": str(new), **result.to_dict(before, after)}
    _print(fmt, lambda: data, partial(diff_lines, result, before, after))
    if not result.ok:
        raise typer.Exit(1)


@shell.app.command(name="next-year", help=render("nl", "cli-help-next-year"))
def next_year(
    path: Annotated[Path, shell.argument("next-year-path")],
    output: Annotated[Path | None, shell.option("--output", "-o", key="next-year-output")] = None,
    overwrite: shell.Overwrite = False,
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """Draft next year's plan from an evaluated plan, as a new workbook or JSON file."""
    from uvp.region import draft_next_year, next_year_lines

    if output is not None and output.suffix.lower() not in (".xlsx", ".json"):
        raise typer.BadParameter(shell.nl("cli-next-year-bad-output", path=output))
    batch = shell.Batch([path])
    how = shell.reading(gemeente, jaar, woordenlijst)
    draft_one = partial(draft_next_year, overwrite=overwrite, **how)
    draft = batch.run(path, partial(draft_one, path, output))
    batch.finish(code_if_failed=2)
    assert draft is not None  # batch.finish exits when the step failed
    said, warned = next_year_lines(draft)
    shell.say(batch.out, said)
    shell.say(batch.err, warned)
