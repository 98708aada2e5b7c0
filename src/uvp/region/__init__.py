"""The region: several plans side by side, and one plan over time.

:func:`compare` matches the joint actions of the region's plans and lists
where they disagree; :func:`agenda` gathers one partner's part across the
plans; :func:`quarterly_report` is the report for the driehoeksoverleg;
:func:`diff_plans` and :func:`next_year` compare two versions of one plan and
draft next year's. Workbooks are written through :mod:`uvp.workbook`.

>>> import uvp
>>> plans = [uvp.load("examples/nijkerk-2024.json"), uvp.load("examples/scherpenzeel-2024.json")]
>>> compare(plans).municipalities
('Nijkerk', 'Scherpenzeel')
"""

from uvp.region._agenda import (
    BUCKETS,
    Agenda,
    AgendaItem,
    Bucket,
    Involvement,
    Role,
    agenda,
    agenda_sheet,
    bucket_label,
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
    PlanDiff,
    carry_over,
    default_target,
    describe_change,
    diff_plans,
    next_year,
    replace_action,
    status_label,
)
from uvp.region._html import render_report_html, write_report_html
from uvp.region._report import (
    SHEET,
    PriorityReport,
    Progress,
    QuarterlyReport,
    ReportItem,
    quarterly_report,
    report_sheet,
    write_report_workbook,
)

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
    "PlanDiff",
    "PriorityReport",
    "Progress",
    "QuarterlyReport",
    "ReportItem",
    "Role",
    "agenda",
    "agenda_sheet",
    "bucket_label",
    "carry_over",
    "compare",
    "default_target",
    "describe",
    "describe_change",
    "diff_plans",
    "next_year",
    "quarterly_report",
    "region_sheet",
    "render_report_html",
    "replace_action",
    "report_sheet",
    "role_label",
    "similarity",
    "status_label",
    "write_agenda_workbook",
    "write_region_workbook",
    "write_report_html",
    "write_report_workbook",
]
