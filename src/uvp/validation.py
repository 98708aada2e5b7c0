"""Checks on a plan's content, independent of where it was read from.

>>> import uvp
>>> plan = uvp.Plan("Scherpenzeel", 2024, priorities=(uvp.Priority("Ondermijning", "joint", (
...     uvp.Theme("Buitengebied", actions=(uvp.Action("We houden bijeenkomsten."),)),)),))
>>> validate_plan(plan).codes()
['missing-lead', 'missing-quarter']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from uvp.findings import Finding, Report, Severity
from uvp.leads import identify, organisation_name
from uvp.messages import render
from uvp.model import Action, Plan, Priority, Theme

__all__ = ["validate_plan"]

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


def validate_plan(plan: Plan) -> Report:
    """Check a plan's content and return a :class:`~uvp.Report` of findings.

    Codes: ``missing-lead``, ``missing-quarter`` (errors); ``unknown-lead``,
    ``duplicate-action``, ``goal-without-actions`` (warnings).
    """
    return Report(tuple(_check(plan)))


def _check(plan: Plan) -> Iterator[Finding]:
    known = {organisation_name(name) for name in (plan.municipality, *plan.partners)}
    seen: dict[str, str] = {}
    for priority, theme, action in plan.walk():
        place = where(priority, theme, action)
        short = excerpt(action.text)
        leads = action.leads
        if not leads:
            yield _finding("missing-lead", "error", place, action=short)
        for assignment in action.assignments:
            if assignment.schedule is None:
                lead_part = f" voor {assignment.lead}" if assignment.lead and len(leads) > 1 else ""
                yield _finding("missing-quarter", "error", place, action=short, lead_part=lead_part)
        if not action.assignments:
            yield _finding("missing-quarter", "error", place, action=short, lead_part="")
        for lead in leads:
            org = identify(lead.name)
            if org is None and lead.organisation not in known:
                yield _finding("unknown-lead", "warning", place, lead=str(lead), action=short)
        key = _normal(action.text)
        if key in seen:
            yield _finding("duplicate-action", "warning", place, action=short, other=seen[key])
        else:
            seen[key] = place
    for priority in plan.priorities:
        for theme in priority.themes:
            used = {a.goal for a in theme.actions if a.goal}
            if not used:
                continue  # this theme's actions are not grouped by goal
            for goal in theme.goals:
                if goal.letter and goal.letter not in used:
                    yield _finding(
                        "goal-without-actions",
                        "warning",
                        where(priority, theme),
                        letter=goal.letter,
                        theme=theme.title,
                    )
