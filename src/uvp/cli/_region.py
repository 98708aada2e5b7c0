"""The region's commands: ``compare``, ``agenda``, ``report``, ``diff`` and ``next-year``.

Each reads the plans, calls :mod:`uvp.region` once for the result, and prints
it as JSON or as the lines :mod:`uvp.region` says (``*_lines``); ``-o``
writes the result's workbook or page through :mod:`uvp.region` too, after
:func:`uvp.workbook.output_file` has checked it before anything is read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from uvp.cli import _app as shell
from uvp.cli._parse import argument, command, option
from uvp.core import Line, Span
from uvp.workbook import Located, output_file, read_located, read_plan

__all__: list[str] = []


def _checked(output: Path | None, writes: tuple[str, ...], overwrite: bool, *inputs: Path) -> None:
    """Exit 2, before anything is read or written, when ``-o`` cannot be written."""
    if output is not None:
        shell.or_exit(partial(output_file, output, writes, overwrite=overwrite, inputs=inputs))


def _read_region(paths: Sequence[Path], least: int, **reading: Any) -> list[Located]:
    """The plans with where their actions stand, one per municipality (a plan as workbook
    and JSON: the workbook, and a line that says so); exit 2 when a file cannot be read
    or the plans are not of *least* municipalities, one plan each."""
    from uvp.region import one_plan_each

    batch = shell.Batch(shell.plan_files(paths))
    read = partial(read_located, **reading)
    sources = [s for path in batch if (s := batch.run(path, partial(read, path))) is not None]
    batch.finish()
    kept, said = shell.or_exit(partial(one_plan_each, sources, least=least))
    shell.say(batch.err, said)
    return kept


def _print(fmt: str, data: Callable[[], object], lines: Callable[[], list[Line]]) -> None:
    """The result as JSON for programs, or as lines of text for people."""
    if fmt == "json":
        shell.print_json(data())
    else:
        shell.say(shell.console(), lines())


def _write(fmt: str, code: str, write: Callable[[], Path]) -> None:
    """Write the result's file, and say so: to stderr beside JSON on stdout."""
    said = shell.nl(code, path=shell.or_exit(write))
    shell.say(shell.console(stderr=fmt == "json"), [(Span(said),)])


@command("compare")
def compare(
    paths: shell.Paths,
    fmt: shell.Format = "text",
    output: Annotated[Path | None, option("--output", "-o", key="compare-output")] = None,
    overwrite: shell.Overwrite = False,
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """Compare the joint actions of several municipalities' plans; exit 1 on differences."""
    from uvp.region import compare as compare_plans
    from uvp.region import comparison_lines, write_region_workbook

    _checked(output, (".xlsx",), overwrite, *shell.plan_files(paths))
    sources = _read_region(paths, 2, **shell.reading(gemeente, jaar, woordenlijst))
    comparison = compare_plans([source.plan for source in sources])
    _print(
        fmt, partial(comparison.to_dict, sources), partial(comparison_lines, comparison, sources)
    )
    if output is not None:
        _write(
            fmt, "cli-compare-written", partial(write_region_workbook, comparison, output, sources)
        )
    if not comparison.ok:
        raise SystemExit(1)


@command("agenda")
def agenda(
    paths: shell.Paths,
    partner: Annotated[str, option("--partner")],
    fmt: shell.Format = "text",
    output: Annotated[Path | None, option("--output", "-o", key="agenda-output")] = None,
    overwrite: shell.Overwrite = False,
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """What one partner leads or takes part in across the plans, per quarter."""
    from uvp.region import agenda as partner_agenda
    from uvp.region import agenda_lines, write_agenda_workbook

    _checked(output, (".xlsx",), overwrite, *shell.plan_files(paths))
    sources = _read_region(paths, 1, **shell.reading(gemeente, jaar, woordenlijst))
    plans = [source.plan for source in sources]
    result = shell.or_exit(partial(partner_agenda, plans, partner, strict=True))
    _print(fmt, partial(result.to_dict, sources), partial(agenda_lines, result))
    if output is not None:
        _write(fmt, "cli-agenda-written", partial(write_agenda_workbook, result, output, sources))


@command("report")
def report(
    path: Annotated[Path, argument("report-path")],
    peildatum: shell.Peildatum = None,
    output: Annotated[Path | None, option("--output", "-o", key="report-output")] = None,
    overwrite: shell.Overwrite = False,
    fmt: shell.Format = "text",
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """The quarterly report for the driehoeksoverleg; exit 0 also when actions are late."""
    import datetime as dt

    from uvp.region import quarterly_report, report_lines, write_report

    _checked(output, (".html", ".htm", ".xlsx"), overwrite, path)
    plan = shell.or_exit(partial(read_plan, path, **shell.reading(gemeente, jaar, woordenlijst)))
    result = quarterly_report(plan, peildatum or dt.date.today())
    data = {"source": str(path), **result.to_dict()}
    _print(fmt, lambda: data, partial(report_lines, result))
    if output is not None:
        _write(fmt, "cli-report-written", partial(write_report, result, output))


@command("diff")
def diff(
    old: Annotated[Path, argument("diff-old", "diff-old")],
    new: Annotated[Path, argument("diff-new", "diff-new")],
    fmt: shell.Format = "text",
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """What changed between two versions of one plan; exit 1 on differences."""
    from uvp.region import diff_lines, diff_plans

    read = partial(read_located, **shell.reading(gemeente, jaar, woordenlijst))
    before, after = (shell.or_exit(partial(read, path)) for path in (old, new))
    result = shell.or_exit(partial(diff_plans, before.plan, after.plan))
    data = {"old": str(old), "new": str(new), **result.to_dict(before, after)}
    _print(fmt, lambda: data, partial(diff_lines, result, before, after))
    if not result.ok:
        raise SystemExit(1)


@command("next-year")
def next_year(
    path: Annotated[Path, argument("next-year-path")],
    output: Annotated[Path | None, option("--output", "-o", key="next-year-output")] = None,
    overwrite: shell.Overwrite = False,
    gemeente: shell.Municipality = None,
    jaar: shell.Year = None,
    woordenlijst: shell.Words = None,
) -> None:
    """Draft next year's plan from an evaluated plan, as a new workbook or JSON file."""
    from uvp.region import draft_next_year, next_year_lines

    _checked(output, (".xlsx", ".json"), overwrite, path)
    how = shell.reading(gemeente, jaar, woordenlijst)
    draft_one = partial(draft_next_year, overwrite=overwrite, **how)
    said, warned = next_year_lines(shell.or_exit(partial(draft_one, path, output)))
    shell.say(shell.console(), said)
    shell.say(shell.console(stderr=True), warned)
