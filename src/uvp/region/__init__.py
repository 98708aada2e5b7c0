"""The region: several plans side by side, and one plan over time.

:func:`compare` matches the joint actions of the region's plans and lists
where they disagree; :func:`agenda` gathers one partner's part across the
plans; :func:`quarterly_report` is the report for the driehoeksoverleg;
:func:`diff_plans` and :func:`next_year` compare two versions of one plan and
draft next year's. Workbooks are written through :mod:`uvp.workbook`. Each
result also says itself as lines of text (``*_lines``) for a terminal, and
:func:`one_plan_each` guards the input of the commands on several plans.

>>> import uvp
>>> plans = [uvp.load("examples/nijkerk-2024.json"), uvp.load("examples/scherpenzeel-2024.json")]
>>> compare(plans).municipalities
('Nijkerk', 'Scherpenzeel')
"""

from uvp.core import BUCKETS, Bucket  # where agenda lines stand; the core decides
from uvp.region._agenda import (
    Agenda,
    AgendaItem,
    Involvement,
    Role,
    agenda,
    agenda_sheet,
    bucket_label,
    named_organisations,
    role_label,
    write_agenda_workbook,
)
from uvp.region._compare import (
    Comparison,
    Difference,
    DifferenceField,
    Item,
    ItemKind,
    compare,
    describe,
    region_sheet,
    similarity,
    write_region_workbook,
)
from uvp.region._history import (
    CHANGE_KINDS,
    CarryOver,
    Change,
    ChangeKind,
    NextYearDraft,
    PlanDiff,
    carry_over,
    default_target,
    describe_change,
    diff_plans,
    draft_next_year,
    next_year,
    replace_action,
    status_label,
)
from uvp.region._html import render_report_html, write_report, write_report_html
from uvp.region._lines import (
    agenda_lines,
    comparison_lines,
    diff_lines,
    next_year_lines,
    report_lines,
)
from uvp.region._report import (
    SHEET,
    PriorityReport,
    QuarterlyReport,
    ReportItem,
    quarterly_report,
    report_sheet,
    write_report_workbook,
)
from uvp.region._sources import one_plan_each

__all__ = [
    "BUCKETS",
    "CHANGE_KINDS",
    "SHEET",
    "Agenda",
    "AgendaItem",
    "Bucket",
    "CarryOver",
    "Change",
    "ChangeKind",
    "Comparison",
    "Difference",
    "DifferenceField",
    "Involvement",
    "Item",
    "ItemKind",
    "NextYearDraft",
    "PlanDiff",
    "PriorityReport",
    "QuarterlyReport",
    "ReportItem",
    "Role",
    "agenda",
    "agenda_lines",
    "agenda_sheet",
    "bucket_label",
    "carry_over",
    "compare",
    "comparison_lines",
    "default_target",
    "describe",
    "describe_change",
    "diff_lines",
    "diff_plans",
    "draft_next_year",
    "named_organisations",
    "next_year",
    "next_year_lines",
    "one_plan_each",
    "quarterly_report",
    "region_sheet",
    "render_report_html",
    "replace_action",
    "report_lines",
    "report_sheet",
    "role_label",
    "similarity",
    "status_label",
    "write_agenda_workbook",
    "write_region_workbook",
    "write_report",
    "write_report_html",
    "write_report_workbook",
]
