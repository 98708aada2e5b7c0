"""Where actions stand on a date: the one overdue rule and the one tally (uvp.core._progress).

Validation, the Evaluatie sheet and the quarterly report all count with them, so
they agree on the same plan and date.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import uvp
from tests.strategies import plans
from uvp.core import Status, Tally, due_date, evaluate_plan, is_overdue
from uvp.region import quarterly_report

APRIL = dt.date(2024, 4, 1)  # Q1 is over


def _action(quarter: str | None, status: Status | None) -> uvp.Action:
    return uvp.Action("Iets.", uvp.parse_assignments("Nijkerk", quarter), status=status)


@pytest.mark.parametrize(
    ("quarter", "status", "overdue", "segment"),
    [
        ("Q1", None, True, "overdue"),
        ("Q1", "planned", True, "overdue"),
        ("Q1", "running", True, "overdue"),
        ("Q1", "postponed", True, "overdue"),
        ("Q1", "done", False, "done"),
        ("Q1", "cancelled", False, "cancelled"),
        ("Q2", "running", False, "running"),
        ("Q1", "at-risk", True, "overdue"),
        ("Q2", "at-risk", False, "running"),
        ("Q2", None, False, "other"),
        ("Q2", "postponed", False, "other"),
        ("Q1/Q2", None, False, "other"),  # a window is due at the end of its last quarter
        ("Q1 en Q2", None, False, "other"),
        ("Doorlopend", "running", False, "running"),  # ongoing is never late
        ("Doorlopend", None, False, "other"),
        (None, None, False, "other"),  # no quarter, no due date
        ("n.v.t.", None, False, "other"),  # Niet gepland: no due date either
    ],
    ids=lambda v: str(v),
)
def test_each_action_is_counted_once_where_it_stands(
    quarter: str | None, status: Status | None, overdue: bool, segment: str
) -> None:
    action = _action(quarter, status)
    assert is_overdue(action, 2024, APRIL) is overdue
    tally = Tally.of([action], 2024, APRIL)
    counts = {name: getattr(tally, name) for name in ("done", "running", "overdue", "other")}
    counts["cancelled"] = tally.cancelled
    assert counts == {name: int(name == segment) for name in counts}
    assert tally.actions == 1
    assert tally.at_risk == int(status == "at-risk" and segment == "running")


def test_due_on_the_last_day_of_the_last_quarter() -> None:
    action = uvp.Action("Iets.", uvp.parse_assignments("Nijkerk\nPolitie", "Q1\nQ3"))
    assert due_date(action, 2024) == dt.date(2024, 9, 30)
    assert not is_overdue(action, 2024, dt.date(2024, 9, 30))
    assert is_overdue(action, 2024, dt.date(2024, 10, 1))


def test_percent_done_leaves_cancelled_actions_out() -> None:
    tally = Tally(actions=5, done=2, overdue=1, other=1, cancelled=1)
    assert (tally.counted, tally.percent_done) == (4, 0.5)
    assert Tally(actions=1, cancelled=1).percent_done == 0.0
    assert dict(tally.segments()) == {
        "done": 2,
        "running": 0,
        "at-risk": 0,
        "overdue": 1,
        "other": 1,
    }


def test_segments_count_each_action_once_attention_apart() -> None:
    """The charts' and tables' segments: running actions that need attention (Aandacht)
    are a segment of their own, not also under Loopt."""
    actions = [
        uvp.Action("a", status="running"),
        uvp.Action("b", status="at-risk"),
        uvp.Action("c", status="done"),
    ]
    tally = Tally.of(actions, 2024, dt.date(2024, 1, 1))
    assert dict(tally.segments()) == {
        "done": 1,
        "running": 1,
        "at-risk": 1,
        "overdue": 0,
        "other": 0,
    }
    assert sum(count for _, count in tally.segments()) == tally.counted


@settings(max_examples=60, deadline=None)
@given(plans, st.dates(dt.date(1899, 1, 1), dt.date(3000, 12, 31)))
def test_validation_evaluation_and_report_agree(plan: uvp.Plan, peildatum: dt.date) -> None:
    """The overdue findings, the Evaluatie figures and the report's counts and lists
    are one count of the same plan on the same date."""
    evaluation = evaluate_plan(plan, peildatum)
    report = quarterly_report(plan, peildatum)
    total = evaluation.total
    parts = total.done + total.running + total.overdue + total.other + total.cancelled
    assert parts == total.actions == len(plan.actions)
    assert report.total == total
    assert [p.tally for p in report.priorities] == [
        row.tally for row in evaluation.rows if row.theme is None
    ]
    assert sum(len(p.overdue) for p in report.priorities) == total.overdue
    overdue_findings = uvp.validate_plan(plan, peildatum=peildatum).codes().count("overdue")
    assert overdue_findings == total.overdue
