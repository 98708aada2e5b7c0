"""What a result says on a text display, line by line, with a tone for each part.

The library decides what to say about a plan, its findings or a region's
result: which lines, in which words, which parts stand out. A shell (the
``uvp`` command line) only decides how: a tone becomes a colour on a
terminal, or nothing in a file. A :data:`Line` is a tuple of :class:`Span`\\ s;
an empty line is a blank line.

>>> lines = findings_lines(Report(()))
>>> [plain(line) for line in lines]
['Geen bevindingen.']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from uvp.core._findings import Report
from uvp.core._model import Action, Plan
from uvp.core._overview import BUCKETS, Bucket, bucket_counts, summarise_plan
from uvp.messages import Language, Severity, render

__all__ = [
    "Line",
    "OverviewRow",
    "Span",
    "Tone",
    "findings_lines",
    "overview_rows",
    "plain",
    "plan_lines",
]

Tone = Literal["plain", "strong", "muted", "good", "info", "warning", "bad"]
"""How a part of a line stands out: ``strong`` (a heading), ``muted`` (a detail such as
a file or a cell), ``good``, ``info``, ``warning``, ``bad`` (a verdict)."""


@attrs.frozen
class Span:
    """A part of a line of text, and how it stands out.

    >>> Span("te laat", "bad")
    Span(text='te laat', tone='bad')
    """

    text: str
    tone: Tone = "plain"


Line = tuple[Span, ...]
"""One line of text on a display: its parts in order."""


def plain(line: Line) -> str:
    """The text of *line*, without its tones.

    >>> plain((Span("fout", "bad"), Span("  missing-lead")))
    'fout  missing-lead'
    """
    return "".join(span.text for span in line)


_SEVERITY_TONES: dict[Severity, Tone] = {"error": "bad", "warning": "warning", "info": "info"}


def findings_lines(report: Report, language: Language = "nl") -> list[Line]:
    """The findings of *report*: how many of each severity, then each finding with its
    severity, code and place, and its message indented below.

    >>> import uvp
    >>> plan = uvp.Plan("Ede", 2024, priorities=(uvp.Priority("Drugs", "joint", (
    ...     uvp.Theme("Drugs", actions=(uvp.Action("We houden bijeenkomsten."),)),)),))
    >>> for line in findings_lines(uvp.validate_plan(plan))[:3]:
    ...     print(plain(line))
    Bevindingen: 2 fouten, 0 waarschuwingen, 0 info
      fout  missing-lead  Drugs › actie 1
          Actie "We houden bijeenkomsten." heeft geen trekker: vul in wie de actie trekt.
    """
    if not report.findings:
        return [(Span(render(language, "findings-none")),)]
    counts = report.counts()
    lines: list[Line] = [
        (
            Span(
                render(
                    language,
                    "findings-summary",
                    errors=counts["error"],
                    warnings=counts["warning"],
                    infos=counts["info"],
                )
            ),
        )
    ]
    for finding in report.findings:
        severity = render(language, f"severity-{finding.severity}")
        lines.append(
            (
                Span("  "),
                Span(severity, _SEVERITY_TONES[finding.severity]),
                Span(f"  {finding.code}  "),
                Span(report.where(finding, language) or "", "muted"),
            )
        )
        lines.append((Span(f"      {finding.message(language)}"),))
    return lines


@attrs.frozen
class OverviewRow:
    """A row of a plan's overview: a priority (``strong``) or one of its themes, its
    number of actions and how many stand in each bucket (see :func:`uvp.core.bucket_counts`)."""

    label: str
    strong: bool
    actions: int
    buckets: dict[Bucket, int]


def _row(label: str, strong: bool, actions: Sequence[Action]) -> OverviewRow:
    return OverviewRow(label, strong, len(actions), bucket_counts(actions))


def overview_rows(plan: Plan, language: Language = "nl") -> list[OverviewRow]:
    """The plan's priorities, each followed by its themes, with their actions per quarter.

    >>> import uvp
    >>> first, theme = overview_rows(uvp.load("examples/nijkerk-2024.json"))[:2]
    >>> first.label, first.actions, first.buckets[1]
    ('1. Ondermijnende criminaliteit (gezamenlijke prioriteit)', 19, 5)
    >>> theme.label, theme.strong
    ('   A Productie en handel in drugs', False)
    """
    rows = []
    for number, priority in enumerate(plan.priorities, 1):
        kind = render(language, "kind-joint" if priority.is_joint else "kind-local")
        rows.append(_row(f"{number}. {priority.title} ({kind})", True, priority.actions))
        for theme in priority.themes:
            letter = f"{theme.letter} " if theme.letter else ""
            rows.append(_row(f"   {letter}{theme.title}", False, theme.actions))
    return rows


def plan_lines(plan: Plan, source: str, report: Report, language: Language = "nl") -> list[Line]:
    """A plan at a glance: its title and file, its counts, a table of its priorities and
    themes with their actions per quarter (:func:`overview_rows`), and its findings.

    >>> import uvp
    >>> plan = uvp.load("examples/nijkerk-2024.json")
    >>> for line in plan_lines(plan, "nijkerk.json", uvp.validate_plan(plan))[2:5]:
    ...     print(plain(line))
    5 prioriteiten, 8 thema's, 42 acties (24 gezamenlijk, 18 lokaal)
    Prioriteit / thema                                        Acties  Q1  Q2  Q3  Q4  Doorlopend
    1. Ondermijnende criminaliteit (gezamenlijke prioriteit)      19   5   5   4   5           ·
    """
    rows = overview_rows(plan, language)
    headers = [render(language, "column-priority-theme"), render(language, "column-actions")]
    headers += ["Q1", "Q2", "Q3", "Q4", render(language, "ongoing")]
    table = [[row.label, str(row.actions)] for row in rows]
    for cells, row in zip(table, rows, strict=True):
        cells += [str(row.buckets[b]) if row.buckets[b] else "·" for b in BUCKETS[:5]]
    widths = [max(len(cells[i]) for cells in [headers, *table]) for i in range(len(headers))]

    def aligned(cells: Sequence[str]) -> str:
        numbers = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([cells[0].ljust(widths[0]), *numbers])

    title = render(language, "plan-title", year=plan.year, municipality=plan.municipality)
    lines: list[Line] = [(Span(title, "strong"),), (Span(source, "muted"),)]
    lines.append((Span(render(language, "plan-summary", **summarise_plan(plan))),))
    lines.append((Span(aligned(headers), "strong"),))
    lines += [
        (Span(aligned(cells), "strong" if row.strong else "plain"),)
        for cells, row in zip(table, rows, strict=True)
    ]
    return [*lines, *findings_lines(report, language), ()]
