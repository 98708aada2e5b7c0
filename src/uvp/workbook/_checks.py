"""The checks of a read workbook: the plan's findings placed in the cells they are
about, and the quarter matrix held against the quarters staff wrote.

Apart from the writers (:mod:`uvp.workbook._commands`), so that checking a
workbook loads none of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import attrs

from uvp.core import Assignment, Finding, Location, Report, check_plan, schedules_text
from uvp.workbook._open import collection_paused
from uvp.workbook._read_result import ReadResult

__all__ = ["matrix_findings", "quarters_text", "validate_result"]


# -- checks --------------------------------------------------------------------------


def matrix_findings(result: ReadResult) -> list[Finding]:
    findings = []
    for read in result.actions:
        source = read.source
        if not source.matrix or "quarter" in read.unreadable:
            continue
        quarters = _in_year(read.action.assignments, result.year)
        if quarters and quarters != source.matrix:
            kwartaal = schedules_text(read.action.assignments)
            findings.append(
                Finding(
                    "quarter-matrix-mismatch",
                    params={
                        "kwartaal": kwartaal,
                        "quarters": quarters_text(quarters),
                        "marked": quarters_text(source.matrix),
                    },
                    location=Location(
                        source.sheet, source.row, source.table.columns["q1"], read.path, "q1"
                    ),
                )
            )
    return findings


def quarters_text(quarters: frozenset[int]) -> str:
    """Quarters as staff read them: ``Q1, Q3``."""
    return ", ".join(f"Q{q}" for q in sorted(quarters))


# What the reader already said of a cell, as staff wrote it: the plan's checks need not.
_SAID_BY_THE_READER: Final = frozenset({"unplanned", "other-year"})


def validate_result(result: ReadResult, *, peildatum: dt.date | None = None) -> Report:
    """Every finding about a read workbook, each with its sheet and cell.

    A finding about a field whose column staff headed otherwise than uvp
    (``Planning``, ``Wie?``) names that column.
    """
    with collection_paused():  # findings are kept: nothing for the collector to free
        return _validate_result(result, peildatum)


def _validate_result(result: ReadResult, peildatum: dt.date | None) -> Report:
    findings = list(result.findings)
    at = {read.path: read for read in result.actions}
    for finding in check_plan(result.plan, peildatum=peildatum):
        read = at.get(finding.location.path) if finding.location.path else None
        if read is None:
            findings.append(finding)
        elif finding.code in _SAID_BY_THE_READER:
            continue
        elif finding.location.field not in read.unreadable:
            # Not a cell that could not be read: that finding is there already.
            field = finding.location.field
            location = read.source.location(field, read.path)
            heading = read.source.table.heading(field) if field else None
            if heading is not None and finding.code in ("missing-lead", "missing-quarter"):
                finding = attrs.evolve(finding, params={**finding.params, "column": heading})
            findings.append(attrs.evolve(finding, location=location))
    findings.extend(matrix_findings(result))
    return Report(tuple(findings), plan=result.plan)


def _in_year(assignments: Sequence[Assignment], year: int | None) -> frozenset[int]:
    """The quarters of the plan's year the assignments name (not those of another year)."""
    return frozenset(
        q
        for a in assignments
        if a.schedule is not None and (year is None or a.schedule.in_year(year))
        for q in a.schedule.quarters
    )
