"""uvp: plan, check and evaluate a municipality's Uitvoeringsplan Veiligheid.

>>> import uvp
>>> plan = uvp.load("examples/scherpenzeel-2024.json")
>>> plan.municipality, plan.year
('Scherpenzeel', 2024)
>>> damocles = next(a for a in plan.actions if "Damocles" in a.text)
>>> [str(a) for a in damocles.assignments]
['Barneveld: Q2', 'Scherpenzeel: Q3']
"""

from typing import TYPE_CHECKING

from uvp.core import (
    STATUS_LABELS,
    STATUSES,
    Action,
    AlignmentError,
    Assignment,
    Definition,
    Finding,
    Goal,
    Lead,
    LeadKind,
    Location,
    NotationError,
    Note,
    Organisation,
    Plan,
    PlanDataError,
    PlanPath,
    Priority,
    PriorityKind,
    Reading,
    Report,
    Schedule,
    ScheduleKind,
    Severity,
    Status,
    Theme,
    UvpError,
    Vocabulary,
    WorkbookError,
    format_assignments,
    identify,
    parse_assignments,
    parse_leads,
    parse_participants,
    parse_status,
    quarter_of,
    read_assignments,
    read_leads,
    validate_plan,
)

__version__ = "0.1.0"

if TYPE_CHECKING:  # type checkers see the lazy names below as what they are
    from uvp.core import SCHEMA_VERSION, dump, from_json, json_schema, load, to_json
    from uvp.region import compare, diff_plans, next_year, quarterly_report
    from uvp.workbook import read_workbook, validate_workbook, write_workbook

# Workbook functions load openpyxl and python-calamine, JSON loads cattrs: only when
# first used, so that "import uvp" stays light (an Excel click starts a fresh Python).
_LAZY = {
    "SCHEMA_VERSION": "uvp.core",
    "dump": "uvp.core",
    "from_json": "uvp.core",
    "json_schema": "uvp.core",
    "load": "uvp.core",
    "to_json": "uvp.core",
    "compare": "uvp.region",
    "diff_plans": "uvp.region",
    "next_year": "uvp.region",
    "quarterly_report": "uvp.region",
    "read_workbook": "uvp.workbook",
    "validate_workbook": "uvp.workbook",
    "write_workbook": "uvp.workbook",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'uvp' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "SCHEMA_VERSION",
    "STATUSES",
    "STATUS_LABELS",
    "Action",
    "AlignmentError",
    "Assignment",
    "Definition",
    "Finding",
    "Goal",
    "Lead",
    "LeadKind",
    "Location",
    "NotationError",
    "Note",
    "Organisation",
    "Plan",
    "PlanDataError",
    "PlanPath",
    "Priority",
    "PriorityKind",
    "Reading",
    "Report",
    "Schedule",
    "ScheduleKind",
    "Severity",
    "Status",
    "Theme",
    "UvpError",
    "Vocabulary",
    "WorkbookError",
    "__version__",
    "compare",
    "diff_plans",
    "dump",
    "format_assignments",
    "from_json",
    "identify",
    "json_schema",
    "load",
    "next_year",
    "parse_assignments",
    "parse_leads",
    "parse_participants",
    "parse_status",
    "quarter_of",
    "quarterly_report",
    "read_assignments",
    "read_leads",
    "read_workbook",
    "to_json",
    "validate_plan",
    "validate_workbook",
    "write_workbook",
]
