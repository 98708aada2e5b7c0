"""The core: the plan model and the rules about it, with no Excel, web or terminal in it.

Everything here is pure Python on the plan's data: quarter schedules, leads
and organisations, the model, validation findings, where actions stand on a date
(one overdue rule, one :class:`Tally`), the evaluation, the plan at a glance
(quarter buckets), what a result says as lines of text, and the plan's JSON form. The other layers (``uvp.workbook``, ``uvp.region``, the
shells ``uvp.cli`` and ``uvp.addin``) build on these names; none of them reaches
into the private modules behind this face.

>>> from uvp.core import Schedule
>>> str(Schedule.parse("q2 t/m q4"))
'Q2-Q4'
"""

from typing import TYPE_CHECKING, Any

from uvp._lazy import attach

if TYPE_CHECKING:  # type checkers see every name; at run time each loads on first use
    from uvp.core._assignments import (
        Assignment,
        distinct_names,
        format_assignments,
        leads_text,
        parse_assignments,
        read_assignments,
        schedules_text,
    )
    from uvp.core._atomic import (
        TEMP_PREFIX,
        Snapshot,
        backup_path,
        check_writable,
        os_reason,
        remove_leftovers,
        write_bytes,
        write_text,
        write_with,
    )
    from uvp.core._catalogue import Catalogue, catalogue, municipalities
    from uvp.core._dates import format_date, parse_date
    from uvp.core._errors import (
        AlignmentError,
        NotationError,
        PlanDataError,
        UvpError,
        WorkbookError,
    )
    from uvp.core._evaluation import Evaluation, GoalResult, evaluate_plan
    from uvp.core._findings import Finding, Param, Report, Severity
    from uvp.core._json import SCHEMA_VERSION, dump, from_json, json_schema, load, to_json
    from uvp.core._leads import (
        Lead,
        LeadKind,
        Organisation,
        identify,
        organisation_name,
        parse_leads,
        parse_participants,
        read_leads,
    )
    from uvp.core._location import Location, PlanPath, cell_name, column_letter, sheet_reference
    from uvp.core._lock import LOCK_PREFIX, LockHolder, lock_holder, lock_path, write_lock
    from uvp.core._model import Action, Definition, Goal, Plan, Priority, PriorityKind, Theme
    from uvp.core._outline import (
        Line,
        OverviewRow,
        Span,
        Tone,
        findings_lines,
        overview_rows,
        plain,
        plan_lines,
    )
    from uvp.core._overview import BUCKETS, Bucket, bucket_counts, quarter_buckets, summarise_plan
    from uvp.core._progress import RUNNING, Segment, Tally, due_date, is_overdue
    from uvp.core._quarters import QUARTERS, UNPLANNED, Schedule, ScheduleKind, quarter_of
    from uvp.core._reading import Note, NoteField, Reading
    from uvp.core._status import STATUS_LABELS, STATUSES, Status, parse_status
    from uvp.core._validation import check_plan, excerpt, validate_plan, where
    from uvp.core._vocabulary import Vocabulary, Word, WordKind, parse_word

# Each name's module loads when the name is first used (uvp._lazy): a command loads
# only the part of the core it needs, and "import uvp" none of it.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "uvp.core._assignments": (
        "Assignment",
        "distinct_names",
        "format_assignments",
        "leads_text",
        "parse_assignments",
        "read_assignments",
        "schedules_text",
    ),
    "uvp.core._atomic": (
        "TEMP_PREFIX",
        "Snapshot",
        "backup_path",
        "check_writable",
        "os_reason",
        "remove_leftovers",
        "write_bytes",
        "write_text",
        "write_with",
    ),
    "uvp.core._catalogue": ("Catalogue", "catalogue", "municipalities"),
    "uvp.core._dates": ("format_date", "parse_date"),
    "uvp.core._errors": (
        "AlignmentError",
        "NotationError",
        "PlanDataError",
        "UvpError",
        "WorkbookError",
    ),
    "uvp.core._evaluation": ("Evaluation", "GoalResult", "evaluate_plan"),
    "uvp.core._findings": ("Finding", "Param", "Report", "Severity"),
    "uvp.core._json": ("SCHEMA_VERSION", "dump", "from_json", "json_schema", "load", "to_json"),
    "uvp.core._leads": (
        "Lead",
        "LeadKind",
        "Organisation",
        "identify",
        "organisation_name",
        "parse_leads",
        "parse_participants",
        "read_leads",
    ),
    "uvp.core._location": ("Location", "PlanPath", "cell_name", "column_letter", "sheet_reference"),
    "uvp.core._lock": ("LOCK_PREFIX", "LockHolder", "lock_holder", "lock_path", "write_lock"),
    "uvp.core._model": (
        "Action",
        "Definition",
        "Goal",
        "Plan",
        "Priority",
        "PriorityKind",
        "Theme",
    ),
    "uvp.core._outline": (
        "Line",
        "OverviewRow",
        "Span",
        "Tone",
        "findings_lines",
        "overview_rows",
        "plain",
        "plan_lines",
    ),
    "uvp.core._overview": (
        "BUCKETS",
        "Bucket",
        "bucket_counts",
        "quarter_buckets",
        "summarise_plan",
    ),
    "uvp.core._progress": ("RUNNING", "Segment", "Tally", "due_date", "is_overdue"),
    "uvp.core._quarters": ("QUARTERS", "UNPLANNED", "Schedule", "ScheduleKind", "quarter_of"),
    "uvp.core._reading": ("Note", "NoteField", "Reading"),
    "uvp.core._status": ("STATUS_LABELS", "STATUSES", "Status", "parse_status"),
    "uvp.core._validation": ("check_plan", "excerpt", "validate_plan", "where"),
    "uvp.core._vocabulary": ("Vocabulary", "Word", "WordKind", "parse_word"),
}

if TYPE_CHECKING:
    KNOWN_ORGANISATIONS: tuple[Organisation, ...]
else:  # type checkers see the names above, and flag a misspelt one
    _load, _names = attach(globals(), _EXPORTS)

    def __dir__() -> list[str]:
        return sorted({*_names(), "KNOWN_ORGANISATIONS"})

    def __getattr__(name: str) -> Any:
        # The catalogue is package data, read on first use: not on "import uvp".
        if name == "KNOWN_ORGANISATIONS":
            from uvp.core._catalogue import catalogue

            return catalogue().organisations
        return _load(name)


__all__ = [
    "BUCKETS",
    "KNOWN_ORGANISATIONS",
    "LOCK_PREFIX",
    "QUARTERS",
    "RUNNING",
    "SCHEMA_VERSION",
    "STATUSES",
    "STATUS_LABELS",
    "TEMP_PREFIX",
    "UNPLANNED",
    "Action",
    "AlignmentError",
    "Assignment",
    "Bucket",
    "Catalogue",
    "Definition",
    "Evaluation",
    "Finding",
    "Goal",
    "GoalResult",
    "Lead",
    "LeadKind",
    "Line",
    "Location",
    "LockHolder",
    "NotationError",
    "Note",
    "NoteField",
    "Organisation",
    "OverviewRow",
    "Param",
    "Plan",
    "PlanDataError",
    "PlanPath",
    "Priority",
    "PriorityKind",
    "Reading",
    "Report",
    "Schedule",
    "ScheduleKind",
    "Segment",
    "Severity",
    "Snapshot",
    "Span",
    "Status",
    "Tally",
    "Theme",
    "Tone",
    "UvpError",
    "Vocabulary",
    "Word",
    "WordKind",
    "WorkbookError",
    "backup_path",
    "bucket_counts",
    "catalogue",
    "cell_name",
    "check_plan",
    "check_writable",
    "column_letter",
    "distinct_names",
    "due_date",
    "dump",
    "evaluate_plan",
    "excerpt",
    "findings_lines",
    "format_assignments",
    "format_date",
    "from_json",
    "identify",
    "is_overdue",
    "json_schema",
    "leads_text",
    "load",
    "lock_holder",
    "lock_path",
    "municipalities",
    "organisation_name",
    "os_reason",
    "overview_rows",
    "parse_assignments",
    "parse_date",
    "parse_leads",
    "parse_participants",
    "parse_status",
    "parse_word",
    "plain",
    "plan_lines",
    "quarter_buckets",
    "quarter_of",
    "read_assignments",
    "read_leads",
    "remove_leftovers",
    "schedules_text",
    "sheet_reference",
    "summarise_plan",
    "to_json",
    "validate_plan",
    "where",
    "write_bytes",
    "write_lock",
    "write_text",
    "write_with",
]
