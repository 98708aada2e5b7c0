"""Where actions stand on a date: when an action is due, whether it is late, and the tally.

One rule for *overdue* and one tally serve every place that counts progress:
validation (the ``overdue`` finding), the Evaluatie sheet for the council and
the quarterly report for the driehoeksoverleg. They agree on the same plan and
date because they count with the same :class:`Tally`.

>>> import datetime as dt, uvp
>>> plan = uvp.load("examples/nijkerk-2024.json")
>>> Tally.of(plan.actions, plan.year, dt.date(2024, 7, 1))
Tally(actions=42, done=0, running=0, overdue=21, other=21, cancelled=0, at_risk=0)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final, Literal

import attrs

from uvp.core._model import Action
from uvp.core._status import Status

__all__ = ["RUNNING", "Segment", "Tally", "due_date", "is_overdue"]

RUNNING: Final[frozenset[Status]] = frozenset({"running", "at-risk"})
"""The statuses of an action under way: running, and running with attention needed."""

Segment = Literal["done", "running", "at-risk", "overdue", "other"]
"""Where an action that is not cancelled stands: one segment of a progress bar
(``running`` there is under way and on time without needing attention)."""

_SEGMENTS: Final[tuple[Segment, ...]] = ("done", "running", "at-risk", "overdue", "other")


def due_date(action: Action, year: int) -> dt.date | None:
    """When an action is due: the end of the last quarter of any of its schedules.

    ``None`` when it has no schedule or only ongoing ones.

    >>> from uvp import parse_assignments
    >>> due_date(Action("Iets.", parse_assignments("Nijkerk\\nPolitie", "Q1\\nQ3")), 2024)
    datetime.date(2024, 9, 30)
    """
    dues = [d for a in action.assignments if a.schedule and (d := a.schedule.due(year))]
    return max(dues) if dues else None


def is_overdue(action: Action, year: int, peildatum: dt.date) -> bool:
    """Whether *action* is late on *peildatum*: not done nor cancelled while its last
    quarter ended before *peildatum*, whatever its status says (planned, running,
    at risk, postponed or none). An ongoing or unplanned action is never late.

    >>> from uvp import parse_assignments
    >>> late = Action("Iets.", parse_assignments("Nijkerk", "Q1"), status="running")
    >>> is_overdue(late, 2024, dt.date(2024, 4, 1)), is_overdue(late, 2024, dt.date(2024, 3, 31))
    (True, False)
    """
    due = due_date(action, year)
    return due is not None and due < peildatum and action.status not in ("done", "cancelled")


@attrs.frozen
class Tally:
    """How many actions stand where on a peildatum, each action counted exactly once.

    ``done`` and ``cancelled`` follow the status. Every other action is
    ``overdue`` when :func:`is_overdue` says so, whatever its status; of the
    rest, ``running`` are the actions under way (:data:`RUNNING`: *Loopt*, and
    *Aandacht* for those that need attention) and on time, and ``other`` those
    planned, postponed or without a status. So ``done + running + overdue +
    other + cancelled == actions``: a running action that is late counts as
    late, not as running too, in the Evaluatie sheet and the quarterly report
    alike. ``at_risk`` says how many of the ``running`` ones need attention
    (*Aandacht*); it is part of ``running``. Charts and tables show it as a
    segment of its own (:meth:`segments`), the running ones without it as *Loopt*.

    >>> t = Tally(actions=9, done=2, running=2, overdue=1, other=3, cancelled=1, at_risk=1)
    >>> t.counted, t.percent_done, t.segments()
    (8, 0.25, (('done', 2), ('running', 1), ('at-risk', 1), ('overdue', 1), ('other', 3)))
    >>> import uvp
    >>> actions = [uvp.Action("a", status="running"), uvp.Action("b", status="at-risk")]
    >>> t = Tally.of(actions, 2024, dt.date(2024, 6, 1))
    >>> t.running, t.at_risk
    (2, 1)
    """

    actions: int = 0
    done: int = 0
    running: int = 0
    overdue: int = 0
    other: int = 0
    cancelled: int = 0
    at_risk: int = 0

    @classmethod
    def of(cls, actions: Iterable[Action], year: int, peildatum: dt.date) -> Tally:
        """Count *actions* of a plan for *year* on *peildatum*."""
        counts = dict.fromkeys(("done", "running", "overdue", "other", "cancelled"), 0)
        at_risk = 0
        for action in actions:
            if action.status in ("done", "cancelled"):
                counts[action.status] += 1
            elif is_overdue(action, year, peildatum):
                counts["overdue"] += 1
            elif action.status in RUNNING:
                counts["running"] += 1
                at_risk += action.status == "at-risk"
            else:
                counts["other"] += 1
        return cls(actions=sum(counts.values()), at_risk=at_risk, **counts)

    @property
    def counted(self) -> int:
        """The actions that count for progress: all but the cancelled ones."""
        return self.actions - self.cancelled

    @property
    def percent_done(self) -> float:
        """Done as a share (0..1) of the actions that were not cancelled; 0 when there are none."""
        return self.done / self.counted if self.counted else 0.0

    def segments(self) -> tuple[tuple[Segment, int], ...]:
        """The counts of the actions that are not cancelled, each action in one of them:
        ``done``, ``running`` (on time, no attention needed), ``at-risk`` (running,
        needs attention), ``overdue``, ``other``; in the order charts and tables show them."""
        counts = {
            "done": self.done,
            "running": self.running - self.at_risk,
            "at-risk": self.at_risk,
            "overdue": self.overdue,
            "other": self.other,
        }
        return tuple((segment, counts[segment]) for segment in _SEGMENTS)
