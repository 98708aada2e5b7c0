"""The ``uvp`` command line: batch work on plans, with Dutch output for staff.

Here: the commands and the options they share, batches of files, printing, the
commands on one plan file at a time and ``uvp serve``; the region's commands
are in :mod:`uvp.cli._region`. A command parses its arguments, calls the
library and prints what the library says (lines of :class:`uvp.core.Span`),
choosing a style per tone.

Start-up is kept short (issue 16): this module loads neither typer nor rich. A
command's parameters are declared once (:func:`option`, :func:`argument`);
:func:`main` parses a plain command line itself (:func:`quick`) and hands
anything else — help, ``--version``, a usage error — to the typer app built
from the same declarations (:mod:`uvp.cli._dutch`), which answers as it always
did. Output to a pipe or file is written as plain text; rich is loaded for a
terminal (styles, wrapping, a progress bar).

Exit codes: 0 done; 1 the result says something is wrong (findings of severity
error from ``validate``, differences from ``compare`` and ``diff``, quarter
columns that disagree from ``fill``); 2 a usage error, or a file that cannot be
read or written (in a batch: any such file, after the others are done); 3 an
internal error (never a traceback). Where ``-o`` writes and when a file is
replaced is decided in :mod:`uvp.workbook` (``output_paths``, ``output_file``).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import (
    Annotated,
    Any,
    Literal,
    TypeVar,
    get_args,
)

from uvp.cli._parse import argument, command, option, quick
from uvp.core import (
    Line,
    Span,
    Tone,
    UvpError,
    Vocabulary,
    findings_lines,
    parse_date,
    plan_lines,
    summarise_plan,
)
from uvp.messages import render
from uvp.workbook import (
    CONVERTS_TO,
    PLAN_SUFFIXES,
    WORKBOOK_SUFFIXES,
    Layout,
    check_plan_file,
    convert_plan,
    converted_suffix,
    find_plans,
    inspect_plan,
    output_paths,
    writable,
)

__all__ = ["main"]

T = TypeVar("T")

# -- printing -------------------------------------------------------------------------------

# The rich style of each tone, in the order uvp.core.Tone lists them.
_STYLES: dict[Tone, str] = dict(
    zip(get_args(Tone), ("", "bold", "dim", "green", "blue", "yellow", "red"), strict=True)
)
_RICH_ONLY = str.maketrans("", "", "\t\x07\x08\x0b\x0c\r")  # rich expands or drops these


class Console:
    """stdout or stderr: rich (styles, wrapping) on a terminal or where the environment
    asks for colour, else plain text, as rich would write it there."""

    def __init__(self, *, stderr: bool = False) -> None:
        self.stderr = stderr
        tty = self.stream.isatty()
        forced = {"FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"} & os.environ.keys()
        self.rich = _rich(stderr, tty) if tty or forced else None
        self.is_terminal = bool(self.rich and self.rich.is_terminal)

    @property
    def stream(self) -> Any:
        return sys.stderr if self.stderr else sys.stdout

    def print(self, *parts: tuple[str, str]) -> None:
        """One line, each part in its rich style (``"bold red"``)."""
        text = "".join(part for part, _ in parts)
        if self.rich is None and text.translate(_RICH_ONLY) == text:
            self.stream.write(text + "\n")
            self.stream.flush()
        else:
            from rich.text import Text

            rich = self.rich or _rich(self.stderr, False)
            rich.print(Text.assemble(*parts))


def _rich(stderr: bool, tty: bool) -> Any:
    from rich.console import Console as Rich

    # Wide enough for the overview table when output goes to a file or a pipe.
    return Rich(stderr=stderr, highlight=False, width=None if tty else 120, soft_wrap=not tty)


def console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr)


def say(to: Console, lines: Iterable[Line]) -> None:
    """Print what the library says, each part of a line in the style of its tone."""
    for line in lines:
        to.print(*((span.text, _STYLES[span.tone]) for span in line))


def print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def nl(code: str, **params: object) -> str:
    return render("nl", code, **params)


def words_of(text: str) -> Vocabulary:
    """The words of ``--woordenlijst FILE``; rows that cannot be used are said on stderr."""
    from uvp.workbook import read_vocabulary

    vocabulary, report = or_exit(partial(read_vocabulary, text))
    if report.findings:
        say(console(stderr=True), [(Span(text, "strong"),), *findings_lines(report)])
    return vocabulary


def reading(gemeente: str | None, jaar: int | None, words: Vocabulary | None) -> dict[str, Any]:
    """How plan files are read: the municipality, year and words a workbook may not say."""
    return {"municipality": gemeente, "year": jaar, "vocabulary": words}


# Options shared by the commands: the plan's year as the model takes it.
Paths = Annotated[list[Path], argument("paths")]
Words = Annotated[Vocabulary | None, option("--woordenlijst", parser=words_of)]
Municipality = Annotated[str | None, option("--gemeente")]
Year = Annotated[int | None, option("--jaar", min=1900, max=2999)]
Format = Annotated[Literal["text", "json"], option("--format")]
Output = Annotated[Path | None, option("--output", "-o")]
Peildatum = Annotated[dt.date | None, option("--peildatum", parser=parse_date)]
Overwrite = Annotated[bool, option("--overwrite", flag=True)]


class Batch:
    """Runs a step over many files: a progress bar on a terminal, failures listed at the end;
    a workbook edited goes where ``-o`` (*output*) says (see :func:`uvp.workbook.output_paths`)."""

    def __init__(
        self,
        files: Sequence[Path],
        output: Path | None = None,
        overwrite: bool = False,
        fmt: str = "text",
    ) -> None:
        self.files, self.overwrite, self.fmt = files, overwrite, fmt
        self.failed: list[tuple[Path, str]] = []
        self.results: list[object] = []  # for --format json, printed at the end
        self.out = console()
        self.err = console(stderr=True)
        writes = tuple({path.suffix.lower() for path in files})
        targets = or_exit(partial(output_paths, files, output, writes=writes))
        self.targets = dict(zip(files, targets, strict=True))

    def __iter__(self) -> Iterator[Path]:
        if len(self.files) > 1 and self.err.is_terminal:
            from rich.progress import track

            yield from track(
                self.files, description="Bezig…", console=self.err.rich, transient=True
            )
        else:
            yield from self.files

    def run(self, path: Path, step: Callable[[], T]) -> T | None:
        try:
            return step()
        except UvpError as error:
            self.failed.append((path, error.message("nl")))
            self.err.print((self.failed[-1][1], "red"))
            return None

    def edit(self, path: Path, step: Callable[..., T]) -> T | None:
        """Run *step* on the workbook *path*, in place or into its copy (which replaces a
        file only with *overwrite*)."""
        target = self.targets[path]
        copy = None if target == path else partial(writable, target, overwrite=self.overwrite)
        return self.run(path, lambda: step(path, output=copy() if copy else None))

    def tell(self, data: object, lines: Sequence[Line]) -> None:
        """A file's result: as data for the JSON printed at the end, or said now."""
        if self.fmt == "json":
            self.results.append(data)
        else:
            say(self.out, lines)

    def finish(self) -> None:
        """Print the JSON; exit 2 when a file failed, after listing them (see the module's
        exit codes)."""
        if self.fmt == "json":
            print_json(self.results)
        if self.failed and len(self.files) > 1:
            self.err.print(
                (nl("cli-failed", count=len(self.failed), total=len(self.files)), "bold red")
            )
            for path, _ in self.failed:
                self.err.print((f"  {path}", ""))
        if self.failed:
            raise SystemExit(2)


def plan_files(paths: Sequence[Path], suffixes: tuple[str, ...] = PLAN_SUFFIXES) -> list[Path]:
    return or_exit(partial(find_plans, paths, suffixes, required=True))


def or_exit(step: Callable[[], T]) -> T:
    """Run *step*; a :class:`UvpError` becomes its Dutch message and exit code 2."""
    try:
        return step()
    except UvpError as error:
        console(stderr=True).print((error.message("nl"), "red"))
        raise SystemExit(2) from None


# -- show, validate ----------------------------------------------------------------------


@command("show")
def show(
    paths: Paths,
    output: Format = "text",
    gemeente: Municipality = None,
    jaar: Year = None,
    woordenlijst: Words = None,
) -> None:
    """Print each plan's summary and findings."""
    batch = Batch(plan_files(paths), fmt=output)
    inspect = partial(inspect_plan, **reading(gemeente, jaar, woordenlijst))
    for path in batch:
        found = batch.run(path, partial(inspect, path))
        if found is None:
            batch.tell({"source": str(path), "error": batch.failed[-1][1]}, ())
        else:
            data = {"source": str(path), **summarise_plan(found[0]), "report": found[1].to_dict()}
            batch.tell(data, plan_lines(found[0], str(path), found[1]))
    batch.finish()


@command("validate")
def validate(
    paths: Paths,
    peildatum: Peildatum = None,
    write: Annotated[bool, option("--write", flag=True)] = False,
    output: Output = None,
    overwrite: Overwrite = False,
    fmt: Format = "text",
    gemeente: Municipality = None,
    jaar: Year = None,
    woordenlijst: Words = None,
) -> None:
    """Check plans; exit 1 when any has a finding of severity error."""
    check = partial(check_plan_file, peildatum=peildatum, **reading(gemeente, jaar, woordenlijst))
    batch = Batch(plan_files(paths), output, overwrite, fmt)
    errors = False
    for path in batch:
        if write and path.suffix.lower() in WORKBOOK_SUFFIXES:  # into the workbook or its copy
            report = batch.edit(path, partial(check, write=True))
        else:
            report = batch.run(path, partial(check, path))
        if report is not None:
            errors = errors or not report.ok
            lines = [(Span(str(path), "strong"),), *findings_lines(report)]
            batch.tell({**report.to_dict(), "source": str(path)}, lines)
    batch.finish()
    if errors:
        raise SystemExit(1)


# -- fill, evaluate, new, convert -------------------------------------------------------------


@command("fill")
def fill(
    paths: Paths,
    no_status: Annotated[bool, option("--no-status", flag=True)] = False,
    output: Output = None,
    overwrite: Overwrite = False,
    gemeente: Municipality = None,
    jaar: Year = None,
    woordenlijst: Words = None,
) -> None:
    """Add or refresh the quarter matrix (and a Status column) in workbooks."""
    from uvp.workbook import fill_workbook

    batch = Batch(plan_files(paths, WORKBOOK_SUFFIXES), output, overwrite)
    mismatched = False
    fill_one = partial(fill_workbook, status=not no_status, **reading(gemeente, jaar, woordenlijst))
    for path in batch:
        if (result := batch.edit(path, fill_one)) is not None:
            say(batch.out, result.lines(batch.targets[path]))
            mismatched = mismatched or bool(result.findings)
    batch.finish()
    if mismatched:
        raise SystemExit(1)


@command("evaluate")
def evaluate(
    paths: Paths,
    peildatum: Peildatum = None,
    output: Output = None,
    overwrite: Overwrite = False,
    gemeente: Municipality = None,
    jaar: Year = None,
    woordenlijst: Words = None,
) -> None:
    """Write the Evaluatie sheet for the council into workbooks."""
    from uvp.workbook import evaluate_workbook

    date = peildatum or dt.date.today()
    batch = Batch(plan_files(paths, WORKBOOK_SUFFIXES), output, overwrite)
    how = reading(gemeente, jaar, woordenlijst)
    evaluate_one = partial(evaluate_workbook, peildatum=date, **how)
    for path in batch:
        if (evaluation := batch.edit(path, evaluate_one)) is not None:
            say(batch.out, evaluation.lines(batch.targets[path]))
    batch.finish()


@command("new")
def new(
    path: Annotated[Path, argument("new-path", "new-path")],
    gemeente: Annotated[str, option("--gemeente", key="new-gemeente")],
    jaar: Annotated[int, option("--jaar", key="new-jaar", min=1900, max=2999)],
    overwrite: Overwrite = False,
) -> None:
    """Create an empty plan workbook in the per-goal layout."""
    from uvp.workbook import new_workbook, output_file

    or_exit(partial(output_file, path, (".xlsx",), overwrite=overwrite))
    or_exit(partial(new_workbook, path, gemeente, jaar, overwrite=overwrite))
    console().print((nl("cli-created", path=path), ""))


@command("convert")
def convert(
    paths: Paths,
    output: Annotated[Path | None, option("--output", "-o", key="convert-output")] = None,
    layout: Annotated[Layout | None, option("--layout")] = None,
    overwrite: Overwrite = False,
    gemeente: Municipality = None,
    jaar: Year = None,
    woordenlijst: Words = None,
) -> None:
    """Workbooks to JSON and JSON to workbooks; continues past a bad file."""
    files = plan_files(paths)
    found = partial(output_paths, files, output, writes=CONVERTS_TO, suffix=converted_suffix)
    batch, targets = Batch(files), or_exit(found)
    how = reading(gemeente, jaar, woordenlijst)
    convert_one = partial(convert_plan, overwrite=overwrite, **how)
    for path, target in zip(batch, targets, strict=True):
        step = partial(convert_one, path, target, layout=layout)
        if (written := batch.run(path, step)) is not None:
            batch.out.print((nl("cli-converted", source=path, target=written), ""))
    batch.finish()


# -- serve -----------------------------------------------------------------------------------


@command("serve")
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
    from uvp.addin import serve_settings

    check = partial(serve_settings, host, port, cert=cert, key=key, public_url=public_url)
    settings = or_exit(partial(check, allowed_hosts=allowed_host or ()))
    say(console(stderr=True), settings.lines())
    settings.run(workers=workers, request_timeout=request_timeout, max_requests=max_requests)


def main() -> None:
    """Run the CLI; turn any unexpected error into a Dutch message, never a traceback."""
    args = sys.argv[1:]
    # On Windows typer expands wildcards, ~ and variables (cmd.exe does not): it runs those.
    expands = os.name == "nt" and any(set(arg) & set("*?[~$%") for arg in args)
    try:
        if (run := None if expands else quick(args)) is None:
            from uvp.cli._dutch import app

            app()  # Ctrl+C is exit code 130 there
        else:
            run()
            sys.exit(0)
    except KeyboardInterrupt:  # as typer ends: quietly, 130
        sys.exit(130)
    except BrokenPipeError:  # as typer ends: no more output, exit 1
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as error:  # the last resort: staff never see a traceback
        said = nl("internal-error", kind=type(error).__name__, detail=error)
        console(stderr=True).print((said, "red"))
        sys.exit(3)
