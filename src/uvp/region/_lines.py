"""What the region's results say on a text display, line by line (see :mod:`uvp.core`'s
:class:`~uvp.core.Span`): the comparison, a partner's agenda, the quarterly report,
the changes between two versions of a plan, and next year's draft.

Each function decides what to say: which lists, which lines, which details,
cut where; a shell decides how to show the tones. Texts are Dutch, for staff.

>>> import datetime as dt, uvp
>>> from uvp.core import plain
>>> from uvp.region import quarterly_report
>>> report = quarterly_report(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 7, 1))
>>> [plain(line) for line in report_lines(report)[:3]]
['Kwartaalrapportage Uitvoeringsplan Veiligheid 2024 — Nijkerk', 'Peildatum 01-07-2024 (Q3)', 'Volgend kwartaal: Q4 2024.']
"""

from __future__ import annotations

from collections.abc import Sequence

from uvp.core import BUCKETS, Line, Span, Tone, excerpt, findings_lines, format_date
from uvp.messages import Language, render
from uvp.region._agenda import Agenda, bucket_label, role_label
from uvp.region._compare import Comparison, ItemKind, describe
from uvp.region._history import CHANGE_KINDS, NextYearDraft, PlanDiff, describe_change
from uvp.region._report import QuarterlyReport, ReportItem, priority_label
from uvp.workbook import Located

__all__ = ["agenda_lines", "comparison_lines", "diff_lines", "next_year_lines", "report_lines"]

_REPORT_TEXT = 80  # characters of an action's first line in the report
_AGENDA_TEXT = 80
_COMPARE_TEXT = 90
_KIND_TONES: dict[ItemKind, Tone] = {"match": "good", "mismatch": "warning", "missing": "bad"}


def _first_line(text: str) -> str:
    return text.split("\n")[0]


def _report_item(label: str, tone: Tone, item: ReportItem) -> Line:
    text = excerpt(_first_line(item.text), _REPORT_TEXT)
    said = "; ".join(x for x in (", ".join(item.leads), item.schedule) if x)
    return (Span(f"  {label:<9}", tone), Span(text), Span(f"  [{said}]" if said else "", "muted"))


def report_lines(report: QuarterlyReport, language: Language = "nl") -> list[Line]:
    """The quarterly report: title and peildatum, then per priority its counts, its late
    actions and the actions due in the quarter ahead (the next quarter, or on a
    peildatum in Q4 this quarter: see :attr:`QuarterlyReport.ahead`).

    A peildatum outside the plan's year is pointed out. Each action shows the
    first line of its text (cut at a word near 80 characters), its leads and its quarters.
    """
    peildatum = report.peildatum
    lines: list[Line] = [
        (Span(report.title, "strong"),),
        (
            Span(
                render(
                    language,
                    "report-peildatum",
                    date=format_date(peildatum),
                    quarter=report.quarter,
                )
            ),
        ),
        (Span(report.next_quarter_text),),
    ]
    if peildatum.year != report.year:
        said = render(language, "report-other-year", date=format_date(peildatum), year=report.year)
        lines.append((Span(said),))
    for number, priority in enumerate(report.priorities, 1):
        tally = priority.tally
        line = render(
            language,
            "report-priority-line",
            label=priority_label(number, priority),
            actions=tally.actions,
            done=tally.done,
            running=tally.running,
            overdue=tally.overdue,
            other=tally.other,
            cancelled=tally.cancelled,
            percent=round(100 * tally.percent_done),
        )
        lines += [(), (Span(line, "strong"),)]
        overdue = render(language, "report-list-overdue").lower()
        lines += [_report_item(overdue, "bad", item) for item in priority.overdue]
        if report.ahead is not None:
            label = f"Q{report.ahead}"
            lines += [_report_item(label, "plain", item) for item in priority.upcoming]
    return lines


def comparison_lines(
    comparison: Comparison, sources: Sequence[Located] = (), language: Language = "nl"
) -> list[Line]:
    """The region view: how many joint actions agree, then each action with its verdict
    and, where the plans differ, what differs and the cells of the action in each plan."""
    counts = {k: len(comparison.of_kind(k)) for k in ("match", "mismatch", "missing")}
    plans = ", ".join(comparison.municipalities)
    lines: list[Line] = [
        (Span(render(language, "compare-summary", plans=plans, **counts), "strong"),)
    ]
    for item in comparison.items:
        title = excerpt(_first_line(item.title), _COMPARE_TEXT)
        lines.append(
            (
                Span(render(language, f"compare-line-{item.kind}"), _KIND_TONES[item.kind]),
                Span(f"  {title}"),
            )
        )
        if item.kind == "match":
            continue
        lines.append((Span("      " + describe(item)),))
        cells = [
            f"{source.plan.municipality} {cell}"
            for source in sources
            if (index := item.positions.get(source.plan.municipality)) is not None
            and (cell := source.cell(index))
        ]
        if cells:
            lines.append((Span("      " + "; ".join(cells), "muted"),))
    return lines


def agenda_lines(agenda: Agenda, language: Language = "nl") -> list[Line]:
    """A partner's agenda: per quarter (then *Doorlopend*, *Zonder kwartaal*) each action
    with the partner's part, and each plan's quarters, marked where the plans differ."""
    if not agenda.items:
        return [(Span(render(language, "agenda-none", partner=agenda.partner)),)]
    title = render(
        language,
        "agenda-title",
        partner=agenda.partner,
        years="/".join(map(str, agenda.years)),
        count=len(agenda.items),
        plans=", ".join(agenda.municipalities),
    )
    lines: list[Line] = [(Span(title, "strong"),)]
    for bucket in BUCKETS:
        items = agenda.in_bucket(bucket)
        if not items:
            continue
        lines += [(), (Span(bucket_label(bucket, language), "strong"),)]
        for item in items:
            role = role_label(item.role, language)
            lines.append(
                (Span(f"  {role:<16}"), Span(excerpt(_first_line(item.title), _AGENDA_TEXT)))
            )
            said = f"{'':18}{item.schedules_text()} [{', '.join(item.municipalities)}]"
            if item.agrees:
                lines.append((Span(said, "muted"),))
            else:
                differs = render(language, "agenda-differs")
                lines.append((Span(f"{said}  ← {differs}", "warning"),))
    return lines


def diff_lines(
    diff: PlanDiff, before: Located, after: Located, language: Language = "nl"
) -> list[Line]:
    """The changes between two versions of a plan: how many, then kind by kind each
    changed action with what changed and its cell (in the old version for a removed one)."""
    summary = render(
        language,
        "history-diff-summary",
        municipality=diff.municipality,
        old=before.path,
        new=after.path,
        old_year=diff.old_year,
        new_year=diff.new_year,
        old_actions=diff.old_actions,
        new_actions=diff.new_actions,
        changes=len(diff.changes),
        actions=diff.changed_actions,
    )
    lines: list[Line] = [(Span(summary, "strong"),)]
    if diff.old_year != diff.new_year:
        years = render(
            language, "history-diff-years", old_year=diff.old_year, new_year=diff.new_year
        )
        lines.append((Span(years, "warning"),))
    if not diff.changes:
        lines.append((Span(render(language, "history-diff-none")),))
    for kind in CHANGE_KINDS:
        changes = diff.of_kind(kind)
        if not changes:
            continue
        label = render(language, f"history-kind-{kind}")
        heading = render(language, "history-diff-heading", label=label, count=len(changes))
        lines.append((Span(heading, "strong"),))
        for change in changes:
            lines.append((Span(f"  {change.where}: {change.action}"),))
            source, index = (
                (before, change.old_index) if kind == "removed" else (after, change.new_index)
            )
            cell = source.cell(index) if index is not None else None
            said = describe_change(change)
            if said or cell:
                where = f"  ({cell})" if said and cell else cell or ""
                lines.append((Span("      " + said), Span(where, "muted")))
    return lines


def next_year_lines(
    draft: NextYearDraft, language: Language = "nl"
) -> tuple[list[Line], list[Line]]:
    """What drafting next year's plan did, and the warnings about it, apart: what was
    written and carried over, what is left to do (quarters to plan, dates that name the
    old year, other findings); warned are errors met reading the source and a source
    that looks not evaluated (no action done or cancelled)."""
    carried, plan = draft.carried, draft.carried.plan
    said: list[Line] = [
        (
            Span(
                render(
                    language,
                    "history-next-year-written",
                    source=draft.source,
                    target=draft.target,
                    year=plan.year,
                    municipality=plan.municipality,
                )
            ),
        ),
        (
            Span(
                render(
                    language,
                    "history-next-year-summary",
                    kept=carried.kept,
                    done=carried.done,
                    cancelled=carried.cancelled,
                    goals=carried.goals,
                )
            ),
        ),
    ]
    warned: list[Line] = []
    if draft.read_findings.findings:
        read = render(language, "history-next-year-read-findings", source=draft.source)
        warned += [(Span(read, "warning"),), *findings_lines(draft.read_findings, language)]
    if not carried.evaluated and plan.actions:
        text = render(language, "history-next-year-not-evaluated", source=draft.source)
        warned.append((Span(text, "warning"),))
    if carried.unplanned:
        # A workbook is planned in its quarter matrix, which fill takes over.
        todo_text = (
            "history-next-year-todo"
            if draft.target.suffix.lower() == ".json"
            else "history-next-year-todo-workbook"
        )
        todo = render(language, todo_text, count=carried.unplanned, target=draft.target)
        said.append((Span(todo),))
    if carried.ongoing:
        ongoing = render(language, "history-next-year-ongoing", count=carried.ongoing)
        said.append((Span(ongoing),))
    if carried.dated:
        dated = render(
            language,
            "history-next-year-dated",
            count=len(carried.dated),
            year=carried.source_year,
        )
        said.append((Span(dated, "warning"),))
        said += [(Span(f"  {place}", "muted"),) for place in carried.dated]
    if draft.findings.findings:
        said.append((Span(render(language, "history-next-year-other-findings")),))
        said += findings_lines(draft.findings, language)
    return said, warned
