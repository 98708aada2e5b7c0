"""A plan at a glance: its actions put in quarters, and the counts an overview shows.

Each action (or one organisation's part of it) stands in one or more
*buckets*: the quarters 1..4 its schedules name, ``"ongoing"`` for a
*Doorlopend* part (which has no quarter of its own), or ``"none"`` when the plan
gives no quarter. ``uvp show``, the partner's agenda and anything else that
lists actions per quarter put them in the same buckets.

>>> import uvp
>>> plan = uvp.load("examples/nijkerk-2024.json")
>>> summarise_plan(plan)["per_quarter"]
{'Q1': 12, 'Q2': 9, 'Q3': 8, 'Q4': 13, 'ongoing': 0, 'none': 0}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final, Literal

from uvp.core._assignments import Assignment
from uvp.core._model import Action, Plan

__all__ = ["BUCKETS", "Bucket", "bucket_counts", "quarter_buckets", "summarise_plan"]

Bucket = int | Literal["ongoing", "none"]
"""Where an action stands in the year: a quarter 1..4, ``"ongoing"`` (*Doorlopend*), or
``"none"`` (the plan gives no quarter)."""

BUCKETS: Final[tuple[Bucket, ...]] = (1, 2, 3, 4, "ongoing", "none")
"""Every bucket, in the order an overview lists them."""


def quarter_buckets(assignments: Iterable[Assignment]) -> frozenset[Bucket]:
    """The buckets *assignments* put an action in.

    A timed schedule puts it in each quarter it names (a window ``Q3/Q4`` in
    both, since it may fall in either); an ongoing one in ``"ongoing"`` only;
    with no quarter at all it is in ``"none"``.

    >>> from uvp import parse_assignments
    >>> sorted(quarter_buckets(parse_assignments("Nijkerk", "Q3/Q4")))
    [3, 4]
    >>> quarter_buckets(parse_assignments("Nijkerk\\nPolitie", "Q2\\nDoorlopend")) == {2, "ongoing"}
    True
    >>> quarter_buckets(parse_assignments("Nijkerk", None))
    frozenset({'none'})
    """
    found: set[Bucket] = set()
    for assignment in assignments:
        schedule = assignment.schedule
        if schedule is None:
            continue
        if schedule.kind == "ongoing":
            found.add("ongoing")
        else:
            found.update(schedule.quarters)
    return frozenset(found) or frozenset({"none"})


def bucket_counts(actions: Iterable[Action]) -> dict[Bucket, int]:
    """How many of *actions* stand in each bucket (every bucket, zeros included); an
    action in several quarters counts in each.

    >>> from uvp import parse_assignments
    >>> bucket_counts([Action("Iets.", parse_assignments("Nijkerk", "Q1 en Q4"))])
    {1: 1, 2: 0, 3: 0, 4: 1, 'ongoing': 0, 'none': 0}
    """
    counts: dict[Bucket, int] = dict.fromkeys(BUCKETS, 0)
    for action in actions:
        for bucket in quarter_buckets(action.assignments):
            counts[bucket] += 1
    return counts


def summarise_plan(plan: Plan) -> dict[str, Any]:
    """The plan in figures, as JSON-ready data: its size, joint and local actions, and
    the actions per quarter (``Q1``..``Q4``, ``ongoing``, ``none``; see :func:`bucket_counts`).

    >>> import uvp
    >>> summary = summarise_plan(uvp.load("examples/scherpenzeel-2024.json"))
    >>> summary["actions"], summary["joint"], summary["local"]
    (80, 35, 45)
    """
    joint = len(plan.joint_actions)
    counts = bucket_counts(plan.actions)
    return {
        "municipality": plan.municipality,
        "year": plan.year,
        "priorities": len(plan.priorities),
        "themes": len(plan.themes),
        "actions": len(plan.actions),
        "joint": joint,
        "local": len(plan.actions) - joint,
        "per_quarter": {
            (f"Q{bucket}" if isinstance(bucket, int) else bucket): count
            for bucket, count in counts.items()
        },
    }
