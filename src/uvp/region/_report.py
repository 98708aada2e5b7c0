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
import html
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from uvp.core import (
    STATUS_LABELS,
    Action,
    Plan,
    PriorityKind,
    Status,
    Tally,
    WorkbookError,
    distinct_names,
    due_date,
    is_overdue,
    quarter_of,
    schedules_text,
)
from uvp.messages import render

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "PriorityReport",
    "QuarterlyReport",
    "ReportItem",
    "quarterly_report",
    "render_report_html",
    "write_report_html",
    "write_report_workbook",
]

SHEET: Final = "Kwartaalrapportage"
"""The name of the report workbook's sheet."""

# The chart's segments, in order: code, fill (grey-scale safe: each a clearly
# different lightness, dark to light, and "te laat" hatched in the web page).
_SEGMENTS: Final = (
    ("done", "14532D"),
    ("running", "7FB3D5"),
    ("overdue", "D64541"),
    ("other", "E6E6E6"),
)


def _nl(code: str, **params: object) -> str:
    return render("nl", code, **params)


def _date_nl(day: dt.date) -> str:
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
        return _nl("report-title", year=self.year, municipality=self.municipality)

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
            return _nl("report-next", quarter=quarter, year=year)
        code = "report-next-in-next-plan" if self.ahead else "report-next-outside"
        return _nl(code, quarter=quarter, next_year=year, year=self.year)

    @property
    def upcoming_label(self) -> str:
        """The heading of the *upcoming* lists: *Volgend kwartaal* or *Dit kwartaal*."""
        if self.ahead is None:
            return _nl("report-list-upcoming-none")
        code = "report-list-upcoming" if self.next_quarter else "report-list-current"
        return _nl(code, quarter=self.ahead)

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


def _lists(
    report: QuarterlyReport, priority: PriorityReport
) -> list[tuple[str, tuple[ReportItem, ...]]]:
    return [
        (_nl("report-list-done"), priority.done),
        (_nl("report-list-overdue"), priority.overdue),
        (report.upcoming_label, priority.upcoming),
    ]


def _count_headers(report: QuarterlyReport) -> list[str]:
    upcoming = (
        "report-col-upcoming" if report.next_quarter or not report.ahead else "report-col-current"
    )
    return [
        _nl("report-col-priority"),
        _nl("report-col-actions"),
        _nl("report-segment-done"),
        _nl("report-segment-running"),
        _nl("report-segment-overdue"),
        _nl("report-segment-other"),
        _nl("report-col-cancelled"),
        _nl(upcoming),
        _nl("report-col-percent"),
    ]


def _count_row(label: str, tally: Tally, upcoming: int) -> list[Any]:
    return [
        label,
        tally.actions,
        tally.done,
        tally.running,
        tally.overdue,
        tally.other,
        tally.cancelled,
        upcoming,
        tally.percent_done,
    ]


def _priority_label(number: int, priority: PriorityReport) -> str:
    kind = _nl("kind-joint" if priority.kind == "joint" else "kind-local")
    return f"{number}. {priority.title} ({kind})"


# -- the workbook -----------------------------------------------------------------------------

_WIDTHS: Final = (60, 26, 16, 30, 11, 11, 11, 16, 10)
_ITEM_COLUMNS: Final = 5


def write_report_workbook(report: QuarterlyReport, path: str | Path) -> Path:
    """Write *report* as a new workbook at *path*, with one sheet ``Kwartaalrapportage``.

    The sheet has the title and peildatum, a table of counts per priority, a
    stacked bar chart (gereed / loopt / te laat / overig per priority) and per
    priority the lists *Gereed*, *Te laat* and *Volgend kwartaal*, each action
    with its lead(s), quarter(s), theme and status. The workbook is uvp's own: a
    file at *path* is replaced (kept as ``name.bak.xlsx``); it is never the plan.
    Plan text is written as text, never as a formula. Landscape A4, one page wide.

    >>> import datetime as dt, tempfile, uvp, openpyxl
    >>> report = quarterly_report(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 7, 1))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_report_workbook(report, f"{folder}/rapport.xlsx")
    ...     ws = openpyxl.load_workbook(path)["Kwartaalrapportage"]
    ...     ws["A1"].value, ws["A5"].value, ws["B6"].value
    ('Kwartaalrapportage Uitvoeringsplan Veiligheid 2024 — Nijkerk', 'Prioriteit', 19)
    """
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from uvp.workbook import header as put_header
    from uvp.workbook import new_sheet, print_setup, put, save_new

    target = Path(path)
    book, ws = new_sheet(SHEET, report.title)
    put(ws, 2, 1, _nl("report-peildatum", date=_date_nl(report.peildatum), quarter=report.quarter))
    put(ws, 3, 1, report.next_quarter_text)
    top = Alignment(wrap_text=True, vertical="top")

    def header(row: int, labels: Sequence[str]) -> None:
        put_header(ws, row, labels)

    table_header = 5
    header(table_header, _count_headers(report))
    row = table_header + 1
    rows = [
        _count_row(_priority_label(n, p), p.tally, len(p.upcoming))
        for n, p in enumerate(report.priorities, 1)
    ]
    upcoming = sum(len(p.upcoming) for p in report.priorities)
    rows.append(_count_row(_nl("report-total"), report.total, upcoming))
    for values in rows:
        for column, value in enumerate(values, 1):
            put(ws, row, column, value)
            ws.cell(row, column).alignment = top
        ws.cell(row, len(values)).number_format = "0%"
        row += 1
    for column in range(1, len(_WIDTHS) + 1):
        ws.cell(row - 1, column).font = Font(bold=True)
    last_priority = row - 2
    if report.priorities:
        height = _add_chart(ws, report, table_header, last_priority, f"A{row + 1}")
        row += 3 + math.ceil(height / 0.5)  # a row is 15 points, about half a centimetre
    else:
        row += 1
    for number, priority in enumerate(report.priorities, 1):
        put(ws, row, 1, _priority_label(number, priority))
        ws.cell(row, 1).font = Font(bold=True, size=12)
        row += 1
        for label, items in _lists(report, priority):
            put(ws, row, 1, f"{label} ({len(items)})")
            ws.cell(row, 1).font = Font(bold=True)
            row += 1
            if not items:
                put(ws, row, 1, _nl("report-list-empty"))
                ws.cell(row, 1).font = Font(italic=True)
                row += 2
                continue
            header(
                row,
                [
                    _nl("report-col-action"),
                    _nl("report-col-lead"),
                    _nl("report-col-quarter"),
                    _nl("report-col-theme"),
                    _nl("report-col-status"),
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
                    put(ws, row, column, value)
                    ws.cell(row, column).alignment = top
                lines = max(
                    max(1, -(-len(line) // int(_WIDTHS[c] * 1.1)))
                    for c, v in enumerate(values)
                    if isinstance(v, str)
                    for line in v.split("\n")
                )
                lines = max(lines, len(item.leads))
                if lines > 1:
                    ws.row_dimensions[row].height = 15 * lines
                row += 1
            row += 1
    for column, width in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(column)].width = width
    print_setup(ws)
    return save_new(book, target)


def _add_chart(
    ws: Worksheet, report: QuarterlyReport, header_row: int, last_row: int, anchor: str
) -> float:
    """Add the stacked bar chart of the counts table at *anchor*; return its height in cm."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = _nl("report-chart-title", date=_date_nl(report.peildatum))
    chart.height = max(7.5, 0.8 * len(report.priorities) + 3)
    chart.width = 24
    for index, (_, colour) in enumerate(_SEGMENTS):
        column = 3 + index
        data = Reference(ws, min_col=column, min_row=header_row, max_row=last_row)
        chart.add_data(data, titles_from_data=True)
        series = chart.series[-1]
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = "333333"
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    chart.x_axis.scaling.orientation = "maxMin"  # the first priority on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    ws.add_chart(chart, anchor)
    return float(chart.height)


# -- the web page -----------------------------------------------------------------------------

_CSS: Final = """
@page { size: A4; margin: 15mm 12mm 15mm 12mm; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Calibri, Arial, Helvetica, sans-serif; font-size: 11pt;
  line-height: 1.4; color: #111; background: #fff; max-width: 62em; margin: 2em auto;
  padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .2em 0; }
h2 { font-size: 14pt; margin: 1.4em 0 .4em 0; padding-bottom: .1em; border-bottom: 2px solid #333;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: .9em 0 .3em 0; break-after: avoid; page-break-after: avoid; }
p.meta { margin: .1em 0; color: #333; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #888; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #e4e4e4; font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 2px solid #333; }
td.text { width: 52%; }
.theme { display: block; color: #555; font-size: 9pt; }
.empty { color: #555; font-style: italic; margin: .2em 0 .6em 0; }
.chart { margin: .4em 0 .2em 0; }
.chart svg { display: block; width: 100%; height: auto; }
.figures { margin: 0 0 .6em 0; font-size: 10pt; }
.legend { margin: .6em 0; font-size: 10pt; }
.legend svg { vertical-align: middle; }
section.priority { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 2em; color: #555; font-size: 9pt; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { margin-top: 1em; }
  footer { position: static; }
}
"""

_HATCH: Final = (
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#D64541"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#7A1F1B" stroke-width="2"/></pattern>'
)
_LIGHT_TEXT: Final = frozenset({"done"})


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _fill(code: str, hatch: str) -> str:
    colour = dict(_SEGMENTS)[code]
    return f"url(#{hatch})" if code == "overdue" else f"#{colour}"


def _bar_svg(progress: Tally, label: str, number: int) -> str:
    """A horizontal stacked bar, with the count written in each segment wide enough for it."""
    width, height, bar = 640, 34, 26
    hatch = f"hatch-{number}"
    title = _e(_figures(progress, label))
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{title}">',
        f"<title>{title}</title>",
        f"<defs>{_HATCH.format(id=hatch)}</defs>",
    ]
    total = progress.counted
    if total == 0:
        parts.append(
            f'<rect x="0.5" y="4" width="{width - 1}" height="{bar}" fill="#FFFFFF" '
            'stroke="#333" stroke-dasharray="4 3"/>'
        )
        parts.append(
            f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="13" fill="#333">'
            f"{_e(_nl('report-chart-empty'))}</text>"
        )
    x = 0.0
    for code, count in progress.segments() if total else ():
        if not count:
            continue
        w = (width - 1) * count / total
        parts.append(
            f'<rect x="{x + 0.5:.1f}" y="4" width="{w:.1f}" height="{bar}" '
            f'fill="{_fill(code, hatch)}" stroke="#333" stroke-width="1"/>'
        )
        if w >= 22:
            colour = "#FFFFFF" if code in _LIGHT_TEXT else "#000000"
            weight = ' font-weight="700"' if code == "overdue" else ""
            halo = (
                ' stroke="#FFFFFF" stroke-width="3" paint-order="stroke"'
                if code == "overdue"
                else ""
            )
            parts.append(
                f'<text x="{x + 0.5 + w / 2:.1f}" y="22" text-anchor="middle" font-size="13" '
                f'fill="{colour}"{weight}{halo}>{count}</text>'
            )
        x += w
    parts.append("</svg>")
    return "".join(parts)


def _figures(progress: Tally, label: str) -> str:
    counts = ", ".join(
        f"{_nl(f'report-segment-{code}').lower()} {count}" for code, count in progress.segments()
    )
    cancelled = (
        "; " + _nl("report-cancelled", count=progress.cancelled) if progress.cancelled else ""
    )
    return f"{label}: {counts}{cancelled}"


def _legend() -> str:
    items = []
    for code, colour in _SEGMENTS:
        fill = "url(#hatch-legend)" if code == "overdue" else f"#{colour}"
        items.append(
            '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
            + (f"<defs>{_HATCH.format(id='hatch-legend')}</defs>" if code == "overdue" else "")
            + f'<rect x="0.5" y="0.5" width="15" height="15" fill="{fill}" stroke="#333"/></svg> '
            + _e(_nl(f"report-segment-{code}"))
        )
    return (
        '<p class="legend">'
        + " &nbsp; ".join(items)
        + f" &nbsp; <span>({_e(_nl('report-legend-note'))})</span></p>"
    )


def _items_table(items: Sequence[ReportItem]) -> str:
    if not items:
        return f'<p class="empty">{_e(_nl("report-list-empty"))}</p>'
    head = "".join(
        f"<th>{_e(_nl(code))}</th>"
        for code in (
            "report-col-action",
            "report-col-lead",
            "report-col-quarter",
            "report-col-status",
        )
    )
    rows = []
    for item in items:
        rows.append(
            "<tr>"
            f'<td class="text">{_e(item.text)}<span class="theme">{_e(item.theme)}</span></td>'
            f"<td>{'<br>'.join(_e(lead) for lead in item.leads) or '—'}</td>"
            f"<td>{_e(item.schedule) or '—'}</td>"
            f"<td>{_e(item.status_label) or '—'}</td>"
            "</tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render_report_html(report: QuarterlyReport) -> str:
    """*report* as one standalone web page (Dutch, ``lang="nl"``) that prints well on A4.

    Everything is in the page: the styles (with ``@page`` and ``@media print``)
    and a bar chart per priority as inline SVG; no scripts, no links, no files
    beside it. Every text from the plan is HTML-escaped.

    >>> import datetime as dt, uvp
    >>> page = render_report_html(quarterly_report(uvp.load("examples/nijkerk-2024.json"),
    ...                                            dt.date(2024, 7, 1)))
    >>> page.startswith("<!DOCTYPE html>"), '<html lang="nl">' in page, "<script" in page
    (True, True, False)
    """
    peildatum = _nl("report-peildatum", date=_date_nl(report.peildatum), quarter=report.quarter)
    upcoming = sum(len(p.upcoming) for p in report.priorities)
    numeric = ' class="n"'
    overview = [
        "<table><thead><tr>",
        "".join(
            f"<th{'' if i == 0 else numeric}>{_e(h)}</th>"
            for i, h in enumerate(_count_headers(report))
        ),
        "</tr></thead><tbody>",
    ]
    rows = [
        ("", _count_row(_priority_label(n, p), p.tally, len(p.upcoming)))
        for n, p in enumerate(report.priorities, 1)
    ]
    rows.append((' class="total"', _count_row(_nl("report-total"), report.total, upcoming)))
    for attributes, values in rows:
        label, *numbers, share = values
        cells = "".join(f'<td class="n">{n}</td>' for n in numbers)
        overview.append(
            f"<tr{attributes}><td>{_e(label)}</td>{cells}"
            f'<td class="n">{round(100 * share)}%</td></tr>'
        )
    overview.append("</tbody></table>")
    sections = []
    for number, priority in enumerate(report.priorities, 1):
        label = _priority_label(number, priority)
        parts = [
            f'<section class="priority" id="prioriteit-{number}">',
            f"<h2>{_e(label)}</h2>",
            f'<div class="chart">{_bar_svg(priority.tally, priority.title, number)}</div>',
            f'<p class="figures">{_e(_figures(priority.tally, _nl("report-col-actions")))}'
            f" ({_e(_nl('report-actions-total', count=priority.tally.actions))})</p>",
        ]
        for heading, items in _lists(report, priority):
            parts.append(f"<h3>{_e(heading)} ({len(items)})</h3>")
            parts.append(_items_table(items))
        parts.append("</section>")
        sections.append("\n".join(parts))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(report.title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{_e(report.title)}</h1>",
            f'<p class="meta">{_e(peildatum)}</p>',
            f'<p class="meta">{_e(report.next_quarter_text)}</p>',
            "</header>",
            "<main>",
            f"<h2>{_e(_nl('report-overview'))}</h2>",
            "".join(overview),
            f'<div class="chart">{_bar_svg(report.total, _nl("report-total"), 0)}</div>',
            _legend(),
            *sections,
            "</main>",
            f"<footer>{_e(_nl('report-footer', date=_date_nl(report.peildatum)))}</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def write_report_html(report: QuarterlyReport, path: str | Path) -> Path:
    """Write *report* as a standalone web page (see :func:`render_report_html`) to *path*.

    All or nothing: the page goes to a temporary file beside *path* that then
    replaces it; a page it replaces is kept as ``name.bak.html``.

    >>> import datetime as dt, tempfile, uvp
    >>> report = quarterly_report(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 7, 1))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = write_report_html(report, f"{folder}/rapport.html").read_text(encoding="utf-8")
    >>> "Kwartaalrapportage" in page
    True
    """
    from uvp.core import write_text
    from uvp.workbook import keep_backup

    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        keep_backup(target)
        write_text(target, render_report_html(report))
    except OSError as error:
        raise WorkbookError(
            "report-write-failed", source=str(target), detail=error.strerror or str(error)
        ) from error
    return target
