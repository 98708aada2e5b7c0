"""The ribbon's Regio group: the quarterly report and the region view of the open plan.

*Kwartaalrapportage* writes the sheet of ``uvp report`` into the open
workbook, on the peildatum of *Evaluatie* (:func:`peildatum_of`).
*Vergelijken* compares the open plan with the other plans of the region that
the user picked (in the task pane, ``static/regio.html``), as ``uvp compare``
does, and writes the ``Regio`` sheet. Both build their sheet with
:mod:`uvp.region`'s own builders and write it through the one writer
(:func:`uvp.workbook.write_sheet`), so they give the cells the command line gives.

A picked plan arrives as a :class:`PlanFile`: a name and bytes. The name labels
the plan and its reader is chosen by its ending; it is never a path. The bytes
are read by the command line's own reader (:func:`uvp.workbook.read_located`,
with the safe check of every workbook) from a private temporary folder that is
gone afterwards.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Final

import attrs
import xlwings as xw

from uvp.addin._scripts import NEEDS, _run, peildatum_of
from uvp.core import PlanDataError, UvpError, WorkbookError
from uvp.messages import render
from uvp.region import (
    Comparison,
    QuarterlyReport,
    compare,
    one_plan_each,
    region_sheet,
    report_sheet,
)
from uvp.region import quarterly_report as report_of
from uvp.workbook import (
    PLAN_SUFFIXES,
    Located,
    ReadResult,
    XlwingsTarget,
    read_located,
    write_sheet,
)

__all__ = ["MAX_PLAN_FILES", "PlanFile", "compare_region", "quarterly_report", "read_plan_file"]

#: The most plans *Vergelijken* takes at once besides the open one (a region has a handful).
MAX_PLAN_FILES: Final = 20
_LABEL_LENGTH: Final = 120
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")
# What the reader says of a plan file that does not say whose plan or which year, with
# the command line's advice (--gemeente, --jaar), and what to say in Excel instead.
_IN_EXCEL: Final = {
    "workbook-unknown-municipality": "addin-plan-file-unknown-municipality",
    "workbook-unknown-year": "addin-plan-file-unknown-year",
}


def _label(name: str) -> str:
    """The file name a user's computer gave, as a label: its last part only (no folders,
    whichever separator), without control characters, at most 120 characters.

    >>> _label("C:\\\\Users\\\\jan\\\\Barneveld 2024.xlsx"), _label("../../etc/passwd"), _label("..")
    ('Barneveld 2024.xlsx', 'passwd', '..')
    """
    last = re.split(r"[\\/]", _CONTROL.sub("", name))[-1].strip()
    if len(last) > _LABEL_LENGTH:
        suffix = PurePath(last).suffix[:10]
        last = last[: _LABEL_LENGTH - len(suffix)] + suffix
    return last or "plan"


@attrs.frozen
class PlanFile:
    """A plan file the user picked: the name their computer gave it, and its bytes.

    The name only labels the plan (in messages and on the ``Regio`` sheet) and
    says which reader reads it, by its ending (``.xlsx``, ``.xlsm``, ``.json``);
    it is never used as a path.

    >>> PlanFile("../Barneveld.xlsx", b"PK").label
    'Barneveld.xlsx'
    """

    name: str
    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")

    @property
    def label(self) -> str:
        """The name without folders or control characters (see :func:`_label`)."""
        return _label(self.name)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> PlanFile:
        """The plan file at *path* (for classic xlwings, where the plans are on the PC).

        >>> PlanFile.read("examples/nijkerk-2024.json").name
        'nijkerk-2024.json'
        """
        path = Path(path)
        return cls(path.name, path.read_bytes())


def _relabelled(error: UvpError, path: Path, label: str) -> UvpError:
    """*error* with the temporary file's path replaced by the plan's label, and the
    command line's advice by Excel's."""
    params = {
        key: value.replace(str(path), label).replace(str(path.parent), "")
        if isinstance(value, str)
        else value
        for key, value in error.params.items()
    }
    params["source"] = label
    code = _IN_EXCEL.get(error.code, error.code)
    return type(error)(code, sheet=error.sheet, cell=error.cell, **params)


def read_plan_file(plan: PlanFile) -> Located:
    """Read a picked plan with the reader of the command line, from a private temporary
    folder; the :class:`Located` plan carries the plan's label as its path.

    >>> located = read_plan_file(PlanFile.read("examples/scherpenzeel-2024.xlsx"))
    >>> located.plan.municipality, str(located.path), located.cell(0)
    ('Scherpenzeel', 'scherpenzeel-2024.xlsx', "'Ondermijning'!A6")
    >>> read_plan_file(PlanFile("adressen.csv", b"naam;adres"))
    Traceback (most recent call last):
    ...
    uvp.WorkbookError: adressen.csv: uvp reads plans in .xlsx, .xlsm and .json files only
    """
    label = plan.label
    suffix = PurePath(label).suffix.lower()
    if suffix not in PLAN_SUFFIXES:
        raise WorkbookError("addin-plan-file-kind", source=label)
    with tempfile.TemporaryDirectory(prefix="uvp-plan-") as folder:
        # The file's name is uvp's own: only its ending comes from the user.
        path = Path(folder) / f"plan{suffix}"
        path.write_bytes(plan.data)
        try:
            located = read_located(path)
        except UvpError as error:
            raise _relabelled(error, path, label) from None
        except RecursionError:  # JSON nested beyond what Python reads
            raise PlanDataError("not-a-plan", source=label, detail="nested too deeply") from None
    return attrs.evolve(located, path=Path(label))


def quarterly_report(
    book: xw.Book, *, municipality: str | None = None, year: int | None = None
) -> QuarterlyReport | None:
    """Kwartaalrapportage: the sheet ``Kwartaalrapportage`` of ``uvp report``, on the peildatum.

    The peildatum is the one *Evaluatie* takes (:func:`uvp.addin.peildatum_of`).
    """

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[QuarterlyReport, str]:
        report = report_of(result.plan, peildatum_of(book, result))
        write_sheet(target, report_sheet(report))
        total = report.total
        return report, render(
            "nl",
            "addin-reported",
            peildatum=report.peildatum.strftime("%d-%m-%Y"),
            quarter=report.quarter,
            actions=total.actions,
            done=total.done,
            overdue=total.overdue,
            upcoming=sum(len(p.upcoming) for p in report.priorities),
        )

    def check_peildatum(result: ReadResult) -> None:  # before anything is written
        peildatum_of(book, result)

    return _run(book, step, NEEDS["quarterly_report"], municipality, year, check_peildatum)


def compare_region(
    book: xw.Book,
    plans: Sequence[PlanFile] = (),
    *,
    municipality: str | None = None,
    year: int | None = None,
) -> Comparison | None:
    """Vergelijken: the open plan beside the region's other *plans*, on the sheet ``Regio``.

    The comparison of ``uvp compare`` with the open plan first and *plans* in the
    order given. A picked plan of the open plan's own municipality is left out
    (the open workbook is the plan compared) and the message says so; two picked
    plans of one other municipality are refused, as on the command line. On the
    sheet, the open plan's actions link to their cells in the workbook; where the
    picked files are on the user's computer is unknown, so theirs name the file
    and cell without a link.
    """

    picked: list[Located] = []

    def read_picked(_: ReadResult) -> None:  # before anything is written into the workbook
        if len(plans) > MAX_PLAN_FILES:
            raise UvpError("addin-too-many-plans", count=len(plans), most=MAX_PLAN_FILES)
        picked.extend(read_plan_file(plan) for plan in plans)

    def step(target: XlwingsTarget, result: ReadResult) -> tuple[Comparison, str]:
        here = Located(result.plan, Path(_label(book.name)), result.actions)
        sources: list[Located] = [here]
        own: list[Located] = []
        for source in picked:
            mine = source.plan.municipality == here.plan.municipality
            (own if mine else sources).append(source)
        one_plan_each(sources, least=2)
        comparison = compare([source.plan for source in sources])
        sheet = region_sheet(comparison, sources, None, within=here.plan.municipality)
        write_sheet(target, sheet)
        message = render(
            "nl",
            "addin-compared",
            municipalities=", ".join(comparison.municipalities),
            matches=len(comparison.of_kind("match")),
            mismatches=len(comparison.of_kind("mismatch")),
            missing=len(comparison.of_kind("missing")),
        )
        if own:
            message += "\n" + render(
                "nl",
                "addin-compared-own",
                files=", ".join(str(source.path) for source in own),
                municipality=here.plan.municipality,
            )
        return comparison, message

    return _run(book, step, NEEDS["compare_region"], municipality, year, read_picked)
