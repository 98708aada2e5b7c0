"""The quarterly report as one standalone web page, rendered from a template.

The page's markup is the Jinja2 template ``templates/report.html.j2``, with
autoescaping on: every text from the plan is HTML-escaped there. This module
only works out what the template shows: the texts (from the catalogue), the
counts, and the bar charts' geometry.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from uvp.core import Tally, WorkbookError, write_text
from uvp.region._report import (
    SEGMENTS,
    QuarterlyReport,
    count_headers,
    count_row,
    date_nl,
    nl,
    priority_label,
    report_lists,
    write_report_workbook,
)
from uvp.workbook import keep_backup

if TYPE_CHECKING:
    import jinja2

__all__ = ["render_report_html", "write_report", "write_report_html"]

_TEMPLATE: Final = "report.html.j2"
_WIDTH: Final = 640  # the bar's width in the SVG's own units
_LIGHT_TEXT: Final = frozenset({"done"})  # segments dark enough for white figures


@functools.cache
def _template() -> jinja2.Template:
    import jinja2

    source = resources.files("uvp.region").joinpath("templates", _TEMPLATE).read_text("utf-8")
    environment = jinja2.Environment(
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.from_string(source)


@attrs.frozen
class _Segment:
    """One segment of a bar: where it stands and, if it is wide enough, its count."""

    x: str
    width: str
    fill: str
    middle: str
    label: int | None
    colour: str
    strong: bool


@attrs.frozen
class _Bar:
    """A horizontal stacked bar: its title (also read aloud), its hatch pattern's id,
    its segments, and the text shown when it has nothing to show."""

    title: str
    hatch: str
    segments: tuple[_Segment, ...]
    empty: str | None


def _figures(progress: Tally, label: str) -> str:
    counts = ", ".join(
        f"{nl(f'report-segment-{code}').lower()} {count}" for code, count in progress.segments()
    )
    cancelled = (
        "; " + nl("report-cancelled", count=progress.cancelled) if progress.cancelled else ""
    )
    return f"{label}: {counts}{cancelled}"


def _bar(progress: Tally, label: str, number: int) -> _Bar:
    """The bar of *progress*, with the count written in each segment wide enough for it."""
    hatch = f"hatch-{number}"
    colours = dict(SEGMENTS)
    total = progress.counted
    segments = []
    x = 0.0
    for code, count in progress.segments() if total else ():
        if not count:
            continue
        width = (_WIDTH - 1) * count / total
        segments.append(
            _Segment(
                x=f"{x + 0.5:.1f}",
                width=f"{width:.1f}",
                fill=f"url(#{hatch})" if code == "overdue" else f"#{colours[code]}",
                middle=f"{x + 0.5 + width / 2:.1f}",
                label=count if width >= 22 else None,
                colour="#FFFFFF" if code in _LIGHT_TEXT else "#000000",
                strong=code == "overdue",
            )
        )
        x += width
    empty = None if total else nl("report-chart-empty")
    return _Bar(_figures(progress, label), hatch, tuple(segments), empty)


def _counts(report: QuarterlyReport) -> list[dict[str, Any]]:
    rows = [
        (False, count_row(priority_label(n, p), p.tally, len(p.upcoming)))
        for n, p in enumerate(report.priorities, 1)
    ]
    upcoming = sum(len(p.upcoming) for p in report.priorities)
    rows.append((True, count_row(nl("report-total"), report.total, upcoming)))
    counts = []
    for total, (label, *numbers, share) in rows:
        counts.append(
            {"total": total, "label": label, "numbers": numbers, "percent": round(100 * share)}
        )
    return counts


def _texts() -> dict[str, Any]:
    return {
        "overview": nl("report-overview"),
        "item_headings": [
            nl(code)
            for code in (
                "report-col-action",
                "report-col-lead",
                "report-col-quarter",
                "report-col-status",
            )
        ],
        "empty": nl("report-list-empty"),
        "legend_note": nl("report-legend-note"),
    }


def _legend() -> list[dict[str, Any]]:
    return [
        {
            "hatched": code == "overdue",
            "fill": "url(#hatch-legend)" if code == "overdue" else f"#{colour}",
            "label": nl(f"report-segment-{code}"),
        }
        for code, colour in SEGMENTS
    ]


def _sections(report: QuarterlyReport) -> Sequence[dict[str, Any]]:
    sections = []
    for number, priority in enumerate(report.priorities, 1):
        sections.append(
            {
                "number": number,
                "label": priority_label(number, priority),
                "chart": _bar(priority.tally, priority.title, number),
                "figures": _figures(priority.tally, nl("report-col-actions")),
                "total": nl("report-actions-total", count=priority.tally.actions),
                "lists": [
                    {"heading": heading, "actions": items}
                    for heading, items in report_lists(report, priority)
                ],
            }
        )
    return sections


def render_report_html(report: QuarterlyReport) -> str:
    """*report* as one standalone web page (Dutch, ``lang="nl"``) that prints well on A4.

    Everything is in the page: the styles (with ``@page`` and ``@media print``)
    and a bar chart per priority as inline SVG; no scripts, no links, no files
    beside it. Every text from the plan is HTML-escaped.

    >>> import datetime as dt, uvp
    >>> from uvp.region import quarterly_report
    >>> page = render_report_html(quarterly_report(uvp.load("examples/nijkerk-2024.json"),
    ...                                            dt.date(2024, 7, 1)))
    >>> page.startswith("<!DOCTYPE html>"), '<html lang="nl">' in page, "<script" in page
    (True, True, False)
    """
    text = {
        **_texts(),
        "count_headings": count_headers(report),
        "title": report.title,
        "peildatum": nl("report-peildatum", date=date_nl(report.peildatum), quarter=report.quarter),
        "next_quarter": report.next_quarter_text,
        "footer": nl("report-footer", date=date_nl(report.peildatum)),
    }
    return _template().render(
        text=text,
        counts=_counts(report),
        total=_bar(report.total, nl("report-total"), 0),
        legend=_legend(),
        sections=_sections(report),
    )


def write_report_html(report: QuarterlyReport, path: str | Path) -> Path:
    """Write *report* as a standalone web page (see :func:`render_report_html`) to *path*.

    All or nothing: the page goes to a temporary file beside *path* that then
    replaces it; a page it replaces is kept as ``name.bak.html``.

    >>> import datetime as dt, tempfile, uvp
    >>> from uvp.region import quarterly_report
    >>> report = quarterly_report(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 7, 1))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = write_report_html(report, f"{folder}/rapport.html").read_text(encoding="utf-8")
    >>> "Kwartaalrapportage" in page
    True
    """
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


def write_report(report: QuarterlyReport, path: str | Path) -> Path:
    """Write *report* as what *path*'s suffix says: a workbook (``.xlsx``, see
    :func:`uvp.region.write_report_workbook`) or a web page (any other, see
    :func:`write_report_html`)."""
    if Path(path).suffix.lower() == ".xlsx":
        return write_report_workbook(report, path)
    return write_report_html(report, path)
