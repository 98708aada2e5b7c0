"""The quarterly report for the driehoeksoverleg: per priority, what is done, late and next.

The mayors, the police chief and the public prosecutor meet each quarter.
:func:`quarterly_report` tells them, on a *peildatum*, per priority of the plan:

- **Gereed**: the actions with status *done*;
- **Te laat**: the actions that are overdue (:func:`uvp.core.is_overdue`:
  not done nor cancelled while their last quarter has ended);
- **Volgend kwartaal**: the actions not done nor cancelled that the plan puts in
  the quarter after the peildatum's quarter; on a peildatum in the plan's last
  quarter (Q4), whose next quarter is in next year's plan, **Dit kwartaal**: the
  actions not done, cancelled nor late that the plan puts in Q4 itself, what is
  still due before the year ends.

What "in the next quarter" means per notation (see ``docs/notations.md``):

- a range (``Q2-Q4``) or moments (``Q1 en Q4``): when the next quarter is one of
  its quarters;
- a window (``Q3/Q4``, once in one of them): when the next quarter is one of
  the quarters it may fall in, so that it is not forgotten;
- *Doorlopend*: never: an ongoing action has no moment that falls due;
- an action with several leads counts when any lead's part falls in the next
  quarter; the item names those leads only.

The counts are a :class:`uvp.core.Tally`, the same count as the Evaluatie
sheet's: each action once, a late running action as late (*te laat*), not as
running (*loopt*).

A quarter is always within the plan's year: on a peildatum in Q4 the next
quarter is Q1 of the following year, in next year's plan, so
:attr:`QuarterlyReport.next_quarter` is ``None`` and the report looks at the
quarter it is in (:attr:`QuarterlyReport.ahead` is 4); the text says that the
next quarter is in next year's plan.

:func:`write_report_workbook` writes the report as a new workbook with a chart;
:func:`render_report_html` and :func:`write_report_html` as one standalone web
page that prints well on A4.

>>> import datetime as dt, uvp
>>> plan = uvp.load("examples/nijkerk-2024.json")
>>> report = quarterly_report(plan, dt.date(2024, 7, 1))
>>> report.quarter, report.next_quarter
(3, 4)
>>> first = report.priorities[0]
>>> first.title, first.tally.actions, len(first.overdue), len(first.upcoming)
('Ondermijnende criminaliteit', 19, 10, 5)
>>> q4 = quarterly_report(plan, dt.date(2024, 10, 1))
>>> q4.next_quarter, q4.ahead, len(q4.priorities[0].upcoming)
(None, 4, 5)
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any, Final

import attrs

from uvp.core import (
    STATUS_LABELS,
    Action,
    Plan,
    PriorityKind,
    Status,
    Tally,
    distinct_names,
    due_date,
    is_overdue,
    quarter_of,
    schedules_text,
)
from uvp.messages import render
from uvp.workbook import (
    HEADER,
    SEGMENT_COLOURS,
    TITLE,
    WRAP,
    BarChart,
    PageSetup,
    Series,
    Sheet,
    Style,
    write_new_workbook,
)

__all__ = [
    "PriorityReport",
    "QuarterlyReport",
    "ReportItem",
    "quarterly_report",
    "report_sheet",
    "write_report_workbook",
]

SHEET: Final = "Kwartaalrapportage"
"""The name of the report workbook's sheet."""

# The chart's segments, in order: code, fill (uvp's one palette; "te laat" is also
# hatched in the web page).
SEGMENTS: Final = tuple((code, SEGMENT_COLOURS[code]) for code, _ in Tally().segments())


def nl(code: str, **params: object) -> str:
    return render("nl", code, **params)


def date_nl(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


# -- the report -------------------------------------------------------------------------------


@attrs.frozen
class ReportItem:
    """One action in a list of the report: what it is, where it stands, who and when.

    ``leads`` are the leads the list concerns: in *Volgend kwartaal*, only the
    leads whose part falls in the next quarter; elsewhere all of them.
    ``schedule`` is the action's quarter(s) as the plan writes them (per lead
    where the leads have different quarters); ``due`` the end of its last quarter.

    >>> import datetime as dt, uvp
    >>> report = quarterly_report(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 7, 1))
    >>> item = report.priorities[0].upcoming[0]
    >>> item.schedule, item.leads, item.due
    ('Q4', ('Nijkerk (Bibob-medewerker)',), datetime.date(2024, 12, 31))
    """

    priority: str
    theme: str
    action: Action
    leads: tuple[str, ...]
    schedule: str
    due: dt.date | None

    @property
    def text(self) -> str:
        """The action's text."""
        return self.action.text

    @property
    def status(self) -> Status | None:
        """The action's status (``None`` when nobody tracks it)."""
        return self.action.status

    @property
    def status_label(self) -> str:
        """The status as staff see it (*Gereed*, *Loopt*, …), or an empty text."""
        return STATUS_LABELS[self.action.status] if self.action.status else ""

    def to_dict(self) -> dict[str, Any]:
        """The item as JSON-ready data."""
        return {
            "text": self.text,
            "theme": self.theme,
            "leads": list(self.leads),
            "schedule": self.schedule,
            "status": self.status,
            "due": self.due.isoformat() if self.due else None,
        }


@attrs.frozen
class PriorityReport:
    """One priority of the report: its counts and its three lists of actions.

    >>> import datetime as dt, uvp
    >>> report = quarterly_report(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 7, 1))
    >>> [(p.title, p.tally.overdue, len(p.upcoming)) for p in report.priorities][:2]
    [('Ondermijnende criminaliteit', 10, 5), ('Digitale veiligheid', 2, 4)]
    """

    title: str
    kind: PriorityKind
    tally: Tally
    done: tuple[ReportItem, ...]
    overdue: tuple[ReportItem, ...]
    upcoming: tuple[ReportItem, ...]

    def to_dict(self) -> dict[str, Any]:
        """The priority's part of the report as JSON-ready data."""
        return {
            "title": self.title,
            "kind": self.kind,
            "counts": _counts(self.tally, len(self.upcoming)),
            "chart": dict(self.tally.segments()),
            "done": [item.to_dict() for item in self.done],
            "overdue": [item.to_dict() for item in self.overdue],
            "upcoming": [item.to_dict() for item in self.upcoming],
        }


@attrs.frozen
class QuarterlyReport:
    """The quarterly report of one plan on a peildatum.

    ``quarter`` is the peildatum's quarter; ``following`` the (year, quarter)
    after it; ``next_quarter`` that quarter when it lies in the plan's year,
    else ``None``. The *upcoming* lists are about :attr:`ahead`.

    >>> import datetime as dt, uvp
    >>> report = quarterly_report(uvp.load("examples/scherpenzeel-2024.json"), dt.date(2024, 11, 5))
    >>> report.quarter, report.following, report.next_quarter, report.ahead
    (4, (2025, 1), None, 4)
    >>> sum(len(p.upcoming) for p in report.priorities)
    34
    """

    municipality: str
    year: int
    peildatum: dt.date
    quarter: int
    following: tuple[int, int]
    next_quarter: int | None
    priorities: tuple[PriorityReport, ...]
    total: Tally

    @property
    def title(self) -> str:
        """The report's title, in Dutch."""
        return nl("report-title", year=self.year, municipality=self.municipality)

    @property
    def ahead(self) -> int | None:
        """The quarter the *upcoming* lists are about: the next quarter, or on a peildatum
        in the plan's Q4 that quarter itself (the next one is in next year's plan);
        ``None`` on a peildatum outside the plan's year."""
        return _ahead(self.year, self.peildatum, self.next_quarter)

    @property
    def next_quarter_text(self) -> str:
        """What the next quarter is, in Dutch; in next year's plan, or outside the plan."""
        year, quarter = self.following
        if self.next_quarter is not None:
            return nl("report-next", quarter=quarter, year=year)
        code = "report-next-in-next-plan" if self.ahead else "report-next-outside"
        return nl(code, quarter=quarter, next_year=year, year=self.year)

    @property
    def upcoming_label(self) -> str:
        """The heading of the *upcoming* lists: *Volgend kwartaal* or *Dit kwartaal*."""
        if self.ahead is None:
            return nl("report-list-upcoming-none")
        code = "report-list-upcoming" if self.next_quarter else "report-list-current"
        return nl(code, quarter=self.ahead)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "municipality": self.municipality,
            "year": self.year,
            "peildatum": self.peildatum.isoformat(),
            "quarter": self.quarter,
            "next_quarter": self.next_quarter,
            "upcoming_quarter": self.ahead,
            "following": {"year": self.following[0], "quarter": self.following[1]},
            "total": _counts(self.total, sum(len(p.upcoming) for p in self.priorities)),
            "chart": dict(self.total.segments()),
            "priorities": [priority.to_dict() for priority in self.priorities],
        }


def _counts(tally: Tally, upcoming: int) -> dict[str, int]:
    """The counts in the report's JSON (the chart's ``other`` is under ``chart``)."""
    return {
        "actions": tally.actions,
        "done": tally.done,
        "running": tally.running,
        "overdue": tally.overdue,
        "cancelled": tally.cancelled,
        "at_risk": tally.at_risk,
        "upcoming": upcoming,
        "percent_done": round(100 * tally.percent_done),
    }


def _ahead(year: int, peildatum: dt.date, next_quarter: int | None) -> int | None:
    if next_quarter is not None:
        return next_quarter
    return 4 if (peildatum.year, quarter_of(peildatum)) == (year, 4) else None


def _in_quarter(action: Action, quarter: int) -> tuple[str, ...] | None:
    """The leads whose (non-ongoing) part of *action* falls in *quarter*; None when none does."""
    parts = [
        a
        for a in action.assignments
        if a.schedule is not None
        and a.schedule.kind != "ongoing"
        and quarter in a.schedule.quarters
    ]
    if not parts:
        return None
    return distinct_names(str(a.lead) for a in parts if a.lead is not None)


def _item(
    plan: Plan, priority: str, theme: str, action: Action, leads: tuple[str, ...]
) -> ReportItem:
    return ReportItem(
        priority,
        theme,
        action,
        leads,
        schedules_text(action.assignments, "; ", by_lead=True) or "",
        due_date(action, plan.year),
    )


def quarterly_report(plan: Plan, peildatum: dt.date) -> QuarterlyReport:
    """The quarterly report of *plan* on *peildatum*, priority by priority in plan order.

    >>> import datetime as dt, uvp
    >>> report = quarterly_report(uvp.load("examples/scherpenzeel-2024.json"), dt.date(2024, 4, 1))
    >>> report.total.actions, report.total.overdue, report.next_quarter
    (80, 16, 3)
    """
    quarter = quarter_of(peildatum)
    following = (peildatum.year, quarter + 1) if quarter < 4 else (peildatum.year + 1, 1)
    next_quarter = following[1] if following[0] == plan.year else None
    ahead = _ahead(plan.year, peildatum, next_quarter)
    priorities: list[PriorityReport] = []
    for priority in plan.priorities:
        done: list[ReportItem] = []
        overdue: list[ReportItem] = []
        upcoming: list[ReportItem] = []
        for theme in priority.themes:
            for action in theme.actions:
                everyone = distinct_names(str(lead) for lead in action.leads)
                if action.status == "done":
                    done.append(_item(plan, priority.title, theme.title, action, everyone))
                elif is_overdue(action, plan.year, peildatum):
                    overdue.append(_item(plan, priority.title, theme.title, action, everyone))
                elif action.status != "cancelled" and ahead is not None:
                    leads = _in_quarter(action, ahead)
                    if leads is not None:
                        upcoming.append(_item(plan, priority.title, theme.title, action, leads))
        priorities.append(
            PriorityReport(
                priority.title,
                priority.kind,
                Tally.of(priority.actions, plan.year, peildatum),
                tuple(done),
                tuple(overdue),
                tuple(upcoming),
            )
        )
    return QuarterlyReport(
        plan.municipality,
        plan.year,
        peildatum,
        quarter,
        following,
        next_quarter,
        tuple(priorities),
        Tally.of(plan.actions, plan.year, peildatum),
    )


# -- shared by both renderings ----------------------------------------------------------------


def report_lists(
    report: QuarterlyReport, priority: PriorityReport
) -> list[tuple[str, tuple[ReportItem, ...]]]:
    return [
        (nl("report-list-done"), priority.done),
        (nl("report-list-overdue"), priority.overdue),
        (report.upcoming_label, priority.upcoming),
    ]


def count_headers(report: QuarterlyReport) -> list[str]:
    """The count table's headers: the priority, then a column per figure (the upcoming
    column says this quarter when the plan has no next one)."""
    upcoming = (
        "report-col-upcoming" if report.next_quarter or not report.ahead else "report-col-current"
    )
    return [
        nl("report-col-priority"),
        nl("report-col-actions"),
        *(nl(f"report-segment-{code}") for code, _ in SEGMENTS),
        nl("report-col-cancelled"),
        nl(upcoming),
        nl("report-col-percent"),
    ]


def count_row(label: str, tally: Tally, upcoming: int) -> list[Any]:
    """A row of the count table (see :func:`count_headers`); the share done last."""
    return [
        label,
        tally.actions,
        *(count for _, count in tally.segments()),
        tally.cancelled,
        upcoming,
        tally.percent_done,
    ]


def priority_label(number: int, priority: PriorityReport) -> str:
    kind = nl("kind-joint" if priority.kind == "joint" else "kind-local")
    return f"{number}. {priority.title} ({kind})"


# -- the workbook -----------------------------------------------------------------------------

# The columns serve two kinds of table: the counts (a label, then figures, their
# headers right-aligned over them) and the lists of actions (Actie, Trekker,
# Kwartaal, Thema, Status).
_WIDTHS: Final = (60, 26, 16, 30, 12, 11, 11, 11, 11, 10)


_BOLD: Final = Style(bold=True)
_FIGURE_HEADER: Final = HEADER | Style(horizontal="right")
_PRIORITY: Final = Style(bold=True, size=12)
_EMPTY: Final = Style(italic=True)
_PERCENT: Final = Style(number_format="0%")


def report_sheet(report: QuarterlyReport) -> Sheet:
    """The report as the sheet ``Kwartaalrapportage`` (see :func:`write_report_workbook`).

    >>> import datetime as dt, uvp
    >>> report = quarterly_report(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 7, 1))
    >>> sheet = report_sheet(report)
    >>> sheet.values[1, 1], sheet.values[5, 1], sheet.values[6, 2], len(sheet.charts)
    ('Kwartaalrapportage Uitvoeringsplan Veiligheid 2024 — Nijkerk', 'Prioriteit', 19, 1)
    """
    sheet = Sheet(SHEET, page=PageSetup())
    sheet.set_widths(_WIDTHS)
    sheet.put(1, 1, report.title, TITLE)
    sheet.put(2, 1, nl("report-peildatum", date=date_nl(report.peildatum), quarter=report.quarter))
    sheet.put(3, 1, report.next_quarter_text)
    table_header = 5
    headers = count_headers(report)
    sheet.header(table_header, headers)
    for column in range(2, len(headers) + 1):
        sheet.style(table_header, column, _FIGURE_HEADER)
    row = table_header + 1
    rows = [
        count_row(priority_label(n, p), p.tally, len(p.upcoming))
        for n, p in enumerate(report.priorities, 1)
    ]
    upcoming = sum(len(p.upcoming) for p in report.priorities)
    rows.append(count_row(nl("report-total"), report.total, upcoming))
    for values in rows:
        for column, value in enumerate(values, 1):
            sheet.put(row, column, value, WRAP)
        sheet.style(row, len(values), _PERCENT)
        row += 1
    for column in range(1, len(_WIDTHS) + 1):
        sheet.style(row - 1, column, _BOLD)
    last_priority = row - 2
    if report.priorities:
        chart = BarChart(
            nl("report-chart-title", date=date_nl(report.peildatum)),
            f"A{row + 1}",
            table_header,
            last_priority,
            1,
            [Series(3 + index, colour) for index, (_, colour) in enumerate(SEGMENTS)],
            width=24,
            first_on_top=True,  # the first priority on top, as in the table
            legend="bottom",
            outline="333333",
        )
        sheet.charts.append(chart)
        row += 3 + math.ceil(chart.height / 0.5)  # a row is 15 points, about half a centimetre
    else:
        row += 1
    for number, priority in enumerate(report.priorities, 1):
        sheet.put(row, 1, priority_label(number, priority), _PRIORITY)
        row += 1
        for label, items in report_lists(report, priority):
            sheet.put(row, 1, f"{label} ({len(items)})", _BOLD)
            row += 1
            if not items:
                sheet.put(row, 1, nl("report-list-empty"), _EMPTY)
                row += 2
                continue
            sheet.header(
                row,
                [
                    nl("report-col-action"),
                    nl("report-col-lead"),
                    nl("report-col-quarter"),
                    nl("report-col-theme"),
                    nl("report-col-status"),
                ],
            )
            row += 1
            for item in items:
                values = [
                    item.text,
                    "\n".join(item.leads) or None,
                    item.schedule or None,
                    item.theme,
                    item.status_label or None,
                ]
                for column, value in enumerate(values, 1):
                    sheet.put(row, column, value, WRAP)
                row += 1
            row += 1
    sheet.fit_rows()
    return sheet


def write_report_workbook(report: QuarterlyReport, path: str | Path) -> Path:
    """Write *report* as a new workbook at *path*, with one sheet ``Kwartaalrapportage``.

    The sheet has the title and peildatum, a table of counts per priority, a
    stacked bar chart (gereed / loopt / te laat / overig per priority) and per
    priority the lists *Gereed*, *Te laat* and *Volgend kwartaal*, each action
    with its lead(s), quarter(s), theme and status. The workbook is uvp's own: a
    file at *path* is replaced (kept as ``name.bak.xlsx``); it is never the plan.
    Plan text is written as text, never as a formula. Landscape A4, one page wide.

    >>> import datetime as dt, tempfile, uvp
    >>> from uvp.workbook import load_values
    >>> report = quarterly_report(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 7, 1))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     rows = load_values(write_report_workbook(report, f"{folder}/rapport.xlsx"))[SHEET]
    >>> rows[0][0], rows[4][0], int(rows[5][1])
    ('Kwartaalrapportage Uitvoeringsplan Veiligheid 2024 — Nijkerk', 'Prioriteit', 19)
    """
    return write_new_workbook(path, [report_sheet(report)], overwrite=True)
