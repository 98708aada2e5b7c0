"""The Excel add-in's Python side: what the UVP ribbon buttons run on the open workbook.

Each entry point takes an
``xlwings.Book`` (from xlwings Server, xlwings Lite or classic xlwings) and
runs the very same reader, checks and writers as the ``uvp`` command line:
the workbook's values are read through :func:`uvp.workbook.read_values`, and
what uvp writes goes through :class:`XlwingsTarget`, the xlwings home of
:class:`uvp.workbook.Target`. Errors reach the user as a Dutch
message box, never as a traceback.

The peildatum (the date the evaluation and the overdue check look at) is the
cell named ``Peildatum``, else a ``Peildatum`` row on the ``Plan`` sheet,
else today.

A button does what it can with what the workbook says (:data:`NEEDS`):
*Kwartalen vullen* needs neither the municipality nor the year, *Controleren*
without a year checks all but the overdue actions and says so. Where a button
needs what the workbook does not say, :func:`missing` tells the caller: the
server's client then asks the user and calls again with ``municipality`` and
``year``, which the button writes on the ``Plan`` sheet
(:func:`uvp.workbook.write_plan_info`) before its work.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Final, TypeVar

import attrs
import xlwings as xw

from uvp.core import (
    Evaluation,
    Report,
    UvpError,
    WorkbookError,
    evaluate_plan,
    format_date,
    parse_date,
    to_json,
)
from uvp.messages import render
from uvp.workbook import (
    PLAN_SHEET,
    FillResult,
    ReadResult,
    Sheet,
    XlwingsTarget,
    book_values,
    checked,
    read_values,
    text_of,
    title_of,
    unknown_of,
    validate_result,
    write_controle,
    write_plan_info,
    write_sheet,
)
from uvp.workbook import fill_quarters as fill_into
from uvp.workbook import write_evaluation as write_evaluation_into

__all__ = [
    "NEEDS",
    "export_json",
    "fill_quarters",
    "missing",
    "peildatum_of",
    "read_book",
    "validate",
    "write_evaluation",
]

T = TypeVar("T")

JSON_SHEET: Final = "JSON"
_TITLE: Final = "UVP"
_NO_MUNICIPALITY: Final = "(gemeente niet vermeld)"
_IN_EXCEL: Final = {
    "workbook-unknown-municipality": "addin-unknown-municipality",
    "workbook-unknown-year": "addin-unknown-year",
}


# -- reading the open workbook -------------------------------------------------------------


#: What each button needs the workbook to say, by the entry point's name.
NEEDS: Final[Mapping[str, tuple[str, ...]]] = {
    "validate": (),
    "fill_quarters": (),
    "write_evaluation": ("municipality", "year"),
    "export_json": ("municipality", "year"),
    "quarterly_report": ("municipality", "year"),
    "compare_region": ("municipality", "year"),
}


def _read(book: xw.Book) -> ReadResult:
    return read_values(book_values(book), source=book.name, path=book.name)


def _checked(result: ReadResult, source: str, need: Sequence[str]) -> ReadResult:
    try:
        return checked(result, source, need)
    except WorkbookError as error:
        # In Excel there is no --gemeente or --jaar to give: say where to write it instead.
        code = _IN_EXCEL.get(error.code)
        if code is not None:
            raise WorkbookError(code, source=source) from error
        raise


def read_book(book: xw.Book) -> ReadResult:
    """Read the plan in the open workbook (the same reader as ``uvp`` on a file); a
    Dutch WorkbookError where it does not say whose plan or which year it is."""
    return _checked(_read(book), book.name, ("municipality", "year"))


def missing(
    book: xw.Book,
    need: Sequence[str],
    *,
    municipality: str | None = None,
    year: int | None = None,
) -> tuple[str, ...]:
    """What of *need* (``"municipality"``, ``"year"``) neither the open workbook says nor
    *municipality* and *year* give; ``()`` also for a workbook that is no plan at all
    (the button itself says so)."""
    result = _read(book)
    if not result.tables and not result.priorities:
        return ()
    given = {"municipality": municipality, "year": year}
    return tuple(what for what in unknown_of(result) if what in need and not given[what])


_ISO_START: Final = re.compile(r"\d{4}-")


def _date_of(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 2_958_466:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))  # an Excel date number
    text = text_of(value)
    if text is None:
        return None
    try:  # an ISO date may carry a time after it (2024-10-01T00:00:00)
        return parse_date(text[:10] if _ISO_START.match(text) else text)
    except ValueError:
        return None


def _peildatum_cell(book: xw.Book, name: xw.Name) -> xw.Range:
    """The one cell the name Peildatum refers to; its size is checked before any value is
    read (a name on A1:XFD1048576 would make xlwings build 17 billion cells)."""
    try:
        cell = name.refers_to_range
        rows, columns = cell.shape
    except Exception:  # a name on a constant, a formula, #REF! or several areas
        raise WorkbookError("addin-peildatum-no-cell", source=book.name) from None
    if (rows, columns) != (1, 1):
        address = str(cell.get_address(False, False))[:40]
        raise WorkbookError(
            "addin-peildatum-not-one-cell",
            source=book.name,
            address=address,
            rows=rows,
            columns=columns,
        )
    return cell


def peildatum_of(book: xw.Book, result: ReadResult) -> dt.date:
    """The date to evaluate on: the cell named Peildatum, a Peildatum row on the Plan
    sheet, or today."""
    for name in book.names:
        if name.name.casefold() == "peildatum":
            value = _peildatum_cell(book, name).value
            found = _date_of(value)
            if found is None:
                raise WorkbookError(
                    "addin-bad-peildatum", source=book.name, text=text_of(value) or ""
                )
            return found
    for row in result.values.get(PLAN_SHEET, ()):
        texts = [text_of(v) for v in row]
        present = [t for t in texts if t]
        if present and present[0].casefold() == "peildatum" and len(row) > 1:
            value = next(
                (v for v, t in zip(row, texts, strict=True) if t and t != present[0]), None
            )
            found = _date_of(value)
            if found is None:
                raise WorkbookError("addin-bad-peildatum", source=book.name, text=present[-1])
            return found
    return dt.date.today()


# -- the ribbon buttons ---------------------------------------------------------------------


def _run(
    book: xw.Book,
    step: Callable[[XlwingsTarget, ReadResult], tuple[T, str | None]],
    need: Sequence[str],
    municipality: str | None,
    year: int | None,
    first: Callable[[ReadResult], object] | None = None,
) -> T | None:
    """Run a button's work, then tell the user in a message box (Dutch) what it did.

    The *municipality* and *year* the user gave are written on the Plan sheet where the
    workbook does not say them, and used. *first*, if given, runs on what was read
    before anything is written: what can still fail there (a peildatum that is no
    date, a picked file that is no plan) then leaves the workbook as it was. Any
    problem becomes a Dutch message box too, never a traceback.
    """
    try:
        result = _read(book)
        if first is not None:
            first(result)
        target = XlwingsTarget(book)
        written = write_plan_info(
            target, result, municipality=municipality, year=year, source=book.name
        )
        if "municipality" in written:
            result = attrs.evolve(result, municipality=municipality)
        if "year" in written:
            result = attrs.evolve(result, year=year)
        result = _checked(result, book.name, need)
        outcome, message = step(target, result)
        if written:
            what = " en ".join(
                f"{'Gemeente' if w == 'municipality' else 'Jaar'} "
                f"{municipality if w == 'municipality' else year}"
                for w in written
            )
            message = render("nl", "addin-written-plan-info", what=what) + "\n" + (message or "")
        target.flush()
        if message:
            book.app.alert(message, title=_TITLE)
        return outcome
    except UvpError as error:
        book.app.alert(error.message("nl"), title=_TITLE, mode="critical")
    except Exception as error:  # the last resort: staff never see a traceback
        book.app.alert(
            render("nl", "internal-error", kind=type(error).__name__, detail=error),
            title=_TITLE,
            mode="critical",
        )
    return None


def _checkable(result: ReadResult) -> ReadResult:
    """*result* with stand-ins for a municipality and year the workbook does not say,
    for the checks that need neither: the overdue check, which needs the year, is left
    out by giving no peildatum; the municipality only adds a name to those that may
    lead, and the stand-in is no organisation's name."""
    return attrs.evolve(
        result,
        municipality=result.municipality or _NO_MUNICIPALITY,
        year=result.year or dt.date.today().year,
    )


def validate(
    book: xw.Book, *, municipality: str | None = None, year: int | None = None
) -> Report | None:
    """Controleren: check the plan and write the findings into the ``Controle`` sheet.

    Without the plan's year, overdue actions cannot be told: everything else is
    checked, and the sheet and the message say so.
    """

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[Report, str]:
        without_year = result.year is None
        peildatum = None if without_year else peildatum_of(book, result)
        report = validate_result(_checkable(result), peildatum=peildatum)
        note = render("nl", "addin-not-checked-overdue") if without_year else None
        title = title_of("Controle", result, peildatum)
        write_controle(target, report, title=title, note=note)
        counts = report.counts()
        if not report.findings:
            message = render("nl", "findings-none")
        else:
            message = render(
                "nl", "addin-validated", errors=counts["error"], warnings=counts["warning"]
            )
        return report, message + (f"\n{note}" if note else "")

    return _run(book, step, NEEDS["validate"], municipality, year)


def fill_quarters(
    book: xw.Book, *, municipality: str | None = None, year: int | None = None
) -> FillResult | None:
    """Kwartalen vullen: the Q1..Q4 matrix beside each action table, and a Status column.

    Needs neither the municipality nor the year.
    """

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[FillResult, str]:
        filled = fill_into(target, result)
        message = render(
            "nl", "addin-filled", marked=filled.marked, written=filled.quarters_written
        )
        if filled.findings:
            message += "\n" + render(
                "nl",
                "addin-mismatches",
                count=len(filled.findings),
                cells=", ".join(f.location.cell or "" for f in filled.findings),
            )
        return filled, message

    return _run(book, step, NEEDS["fill_quarters"], municipality, year)


def write_evaluation(
    book: xw.Book, *, municipality: str | None = None, year: int | None = None
) -> Evaluation | None:
    """Evaluatie: the ``Evaluatie`` sheet for the council, on the peildatum."""

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[Evaluation, str]:
        evaluation = evaluate_plan(result.plan, peildatum_of(book, result))
        write_evaluation_into(target, evaluation)
        total = evaluation.total
        return evaluation, render(
            "nl",
            "addin-evaluated",
            peildatum=format_date(evaluation.peildatum),
            actions=total.actions,
            done=total.done,
            overdue=total.overdue,
            percent=round(100 * total.percent_done),
        )

    def check_peildatum(result: ReadResult) -> None:
        peildatum_of(book, result)

    return _run(book, step, NEEDS["write_evaluation"], municipality, year, check_peildatum)


def export_json(
    book: xw.Book, *, municipality: str | None = None, year: int | None = None
) -> str | None:
    """Exporteren: the plan as JSON, one line per row in the ``JSON`` sheet (to copy or save).

    Returns the JSON text, which xlwings Server also offers for download.
    """

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[str, str]:
        text = to_json(result.plan)
        sheet = Sheet(JSON_SHEET)
        lines = text.split("\n")
        for row, line in enumerate(lines, 1):
            sheet.put(row, 1, line)
        sheet.widths[1] = 120
        write_sheet(target, sheet)
        return text, render("nl", "addin-exported", lines=len(lines))

    return _run(book, step, NEEDS["export_json"], municipality, year)
