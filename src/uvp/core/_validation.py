"""Checks on a plan's content, independent of where it was read from.

>>> import uvp
>>> plan = uvp.Plan("Scherpenzeel", 2024, priorities=(uvp.Priority("Ondermijning", "joint", (
...     uvp.Theme("Buitengebied", actions=(uvp.Action("We houden bijeenkomsten."),)),)),))
>>> validate_plan(plan).codes()
['missing-lead', 'missing-quarter']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from uvp.core._findings import Finding, Report, Severity
from uvp.core._leads import identify, organisation_name
from uvp.core._model import Action, Plan, Priority, Theme
from uvp.messages import render

__all__ = ["check_plan", "due_date", "validate_plan"]

_EXCERPT = 60


def excerpt(text: str, length: int = _EXCERPT) -> str:
    """The start of *text* on one line, cut at a word with an ellipsis when long.

    >>> excerpt("We organiseren vijf (thematische) integrale controles. Door georganiseerd", 30)
    'We organiseren vijf…'
    """
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


def where(priority: Priority, theme: Theme, action: Action | None = None) -> str:
    """A place in the plan as staff name it: ``Ondermijning › Mensenhandel › actie 3``."""
    parts = [priority.title]
    if theme.title != priority.title:
        parts.append(theme.title)
    if action is not None:
        number = next(i for i, a in enumerate(theme.actions, 1) if a is action)
        parts.append(f"actie {number}")
    return " › ".join(parts)


def _finding(code: str, severity: Severity, place: str, **params: object) -> Finding:
    return Finding(code, severity, render("nl", code, **params), where=place)


def _normal(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", text.casefold()).strip()


def validate_plan(plan: Plan, *, peildatum: dt.date | None = None) -> Report:
    """Check a plan's content and return a :class:`~uvp.Report` of findings.

    Codes: ``missing-lead``, ``missing-quarter`` (errors); ``unknown-lead``,
    ``duplicate-action``, ``goal-without-actions`` (warnings); with a
    *peildatum* (the date of the check), ``overdue`` (warning) for each action
    not done whose last quarter ended before it.
    """
    return Report(tuple(finding for finding, _, _ in check_plan(plan, peildatum=peildatum)))


PlanFinding = tuple[Finding, int | None, str | None]
"""A finding, the index in ``plan.actions`` of the action it is about, and the field."""


def check_plan(plan: Plan, *, peildatum: dt.date | None = None) -> Iterator[PlanFinding]:
    """The findings of :func:`validate_plan`, each with its action's index and field.

    Readers of workbooks use the index and field to say which cell a finding is about.
    """
    known = {organisation_name(name) for name in (plan.municipality, *plan.partners)}
    seen: dict[str, str] = {}
    for index, (priority, theme, action) in enumerate(plan.walk()):
        place = where(priority, theme, action)
        short = excerpt(action.text)
        leads = action.leads
        if not leads:
            yield _finding("missing-lead", "error", place, action=short), index, "lead"
        for assignment in action.assignments:
            if assignment.schedule is None:
                lead_part = f" voor {assignment.lead}" if assignment.lead and len(leads) > 1 else ""
                yield (
                    _finding("missing-quarter", "error", place, action=short, lead_part=lead_part),
                    index,
                    "quarter",
                )
        if not action.assignments:
            yield (
                _finding("missing-quarter", "error", place, action=short, lead_part=""),
                index,
                "quarter",
            )
        for lead in leads:
            org = identify(lead.name)
            if org is None and lead.organisation not in known:
                yield (
                    _finding("unknown-lead", "warning", place, lead=str(lead), action=short),
                    index,
                    "lead",
                )
        key = _normal(action.text)
        if key in seen:
            yield (
                _finding("duplicate-action", "warning", place, action=short, other=seen[key]),
                index,
                "text",
            )
        else:
            seen[key] = place
        if peildatum is not None:
            due = due_date(action, plan.year)
            if due is not None and due < peildatum and action.status not in ("done", "cancelled"):
                yield (
                    _finding(
                        "overdue",
                        "warning",
                        place,
                        action=short,
                        due=due.strftime("%d-%m-%Y"),
                        peildatum=peildatum.strftime("%d-%m-%Y"),
                    ),
                    index,
                    "status",
                )
    for priority in plan.priorities:
        for theme in priority.themes:
            used = {a.goal for a in theme.actions if a.goal}
            if not used:
                continue  # this theme's actions are not grouped by goal
            for goal in theme.goals:
                if goal.letter and goal.letter not in used:
                    finding = _finding(
                        "goal-without-actions",
                        "warning",
                        where(priority, theme),
                        letter=goal.letter,
                        theme=theme.title,
                    )
                    yield finding, None, None


def due_date(action: Action, year: int) -> dt.date | None:
    """When an action is due: the end of the last quarter of any of its schedules.

    ``None`` when it has no schedule or only ongoing ones.
    """
    dues = [d for a in action.assignments if a.schedule and (d := a.schedule.due(year))]
    return max(dues) if dues else None
