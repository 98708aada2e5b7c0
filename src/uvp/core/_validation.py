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
from typing import Final

from uvp.core._findings import Finding, Report
from uvp.core._leads import identify, organisation_name
from uvp.core._location import Location, PlanPath, place
from uvp.core._model import Action, Plan, Priority, Theme
from uvp.core._progress import due_date, is_overdue
from uvp.messages import Language

__all__ = ["check_plan", "excerpt", "validate_plan", "where"]

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


def where(
    priority: Priority, theme: Theme, action: Action | None = None, language: Language = "nl"
) -> str:
    """A place in the plan as staff name it: ``Ondermijning › Mensenhandel › actie 3``.

    A theme titled as its priority is named once.

    >>> import uvp
    >>> theme = uvp.Theme("Drugs", actions=(uvp.Action("Een."), uvp.Action("Twee.")))
    >>> where(uvp.Priority("Ondermijning", "joint", (theme,)), theme, theme.actions[1])
    'Ondermijning › Drugs › actie 2'
    """
    number = None
    if action is not None:
        number = _numbers(theme)[id(action)]
    return place([priority.title], theme.title, number, language)


# The numbers of the last theme asked about: callers go through a theme's actions in
# turn, so that each is numbered by a lookup rather than by counting up to it.
_numbered: tuple[Theme, dict[int, int]] | None = None


def _numbers(theme: Theme) -> dict[int, int]:
    """Each action of *theme* (by identity) -> its number in the theme, from 1."""
    global _numbered
    last = _numbered
    if last is not None and last[0] is theme:
        return last[1]
    numbers: dict[int, int] = {}
    for number, action in enumerate(theme.actions, 1):
        numbers.setdefault(id(action), number)  # one action twice: its first place
    _numbered = (theme, numbers)
    return numbers


_NOT_ALPHANUMERIC: Final = re.compile(r"[^0-9a-z]+")


def _normal(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub(" ", text.casefold()).strip()


def validate_plan(plan: Plan, *, peildatum: dt.date | None = None) -> Report:
    """Check a plan's content and return a :class:`~uvp.Report` of findings.

    Codes: ``missing-lead``, ``missing-quarter`` (errors); ``unknown-lead``,
    ``duplicate-action``, ``goal-without-actions``, ``other-year`` (warnings);
    ``unplanned`` (info, an action the plan says is not planned); with a
    *peildatum* (the date of the check), ``overdue`` (warning) for each action
    not done whose last quarter ended before it.
    """
    return Report(tuple(check_plan(plan, peildatum=peildatum)), plan=plan)


def _at(path: PlanPath, field: str) -> Location:
    return Location(path=path, field=field)


def check_plan(plan: Plan, *, peildatum: dt.date | None = None) -> Iterator[Finding]:
    """The findings of :func:`validate_plan`, in the order found.

    Each finding about an action is located by the action's place in the plan
    (``location.path``) and the field it is about (``location.field``:
    ``text``, ``lead``, ``quarter`` or ``status``), so that a reader of a
    workbook can tell its cell.
    """
    known = {organisation_name(name) for name in (plan.municipality, *plan.partners)}
    seen: dict[str, tuple[str, int]] = {}
    for p, priority in enumerate(plan.priorities):
        for t, theme in enumerate(priority.themes):
            for a, action in enumerate(theme.actions):
                yield from _check_action(
                    plan, PlanPath(p, t, a), priority, theme, action, known, seen, peildatum
                )
    for p, priority in enumerate(plan.priorities):
        for t, theme in enumerate(priority.themes):
            used = {a.goal for a in theme.actions if a.goal}
            if not used:
                continue  # this theme's actions are not grouped by goal
            for goal in theme.goals:
                if goal.key and goal.key not in used:
                    yield Finding(
                        "goal-without-actions",
                        params={"letter": goal.key, "theme": theme.title},
                        location=Location(path=PlanPath(p, t)),
                    )


def _schedule_notes(plan: Plan, path: PlanPath, action: Action) -> Iterator[Finding]:
    """What a plan's schedules say that staff should see, as a reader of their cells
    would note it: an action not planned (``unplanned``, info) and a quarter in
    another year than the plan's (``other-year``, warning). Once per schedule."""
    for schedule in dict.fromkeys(a.schedule for a in action.assignments if a.schedule):
        text = str(schedule)
        if not schedule.planned:
            yield Finding("unplanned", params={"text": text}, location=_at(path, "quarter"))
        elif not schedule.in_year(plan.year) and not (
            schedule.kind == "ongoing" and schedule.year is not None and schedule.year < plan.year
        ):  # an ongoing action that started in an earlier year runs on in this one
            params = {"text": text, "year": schedule.year, "plan_year": plan.year, "reading": text}
            yield Finding("other-year", params=params, location=_at(path, "quarter"))


def _check_action(
    plan: Plan,
    path: PlanPath,
    priority: Priority,
    theme: Theme,
    action: Action,
    known: set[str],
    seen: dict[str, tuple[str, int]],
    peildatum: dt.date | None,
) -> Iterator[Finding]:
    short = excerpt(action.text)
    leads = action.leads
    if not leads:
        yield Finding("missing-lead", params={"action": short}, location=_at(path, "lead"))
    for assignment in action.assignments:
        if assignment.schedule is None:
            lead = str(assignment.lead) if assignment.lead and len(leads) > 1 else None
            yield Finding(
                "missing-quarter",
                params={"action": short, "lead": lead},
                location=_at(path, "quarter"),
            )
    if not action.assignments:
        yield Finding(
            "missing-quarter", params={"action": short, "lead": None}, location=_at(path, "quarter")
        )
    yield from _schedule_notes(plan, path, action)
    for lead_ in leads:
        if identify(lead_.name) is None and lead_.organisation not in known:
            yield Finding(
                "unknown-lead",
                params={"lead": str(lead_), "action": short},
                location=_at(path, "lead"),
            )
    key = _normal(action.text)
    assert path.action is not None
    if key in seen:
        other_place, other_number = seen[key]
        yield Finding(
            "duplicate-action",
            params={"action": short, "other_place": other_place, "other_number": other_number},
            location=_at(path, "text"),
        )
    else:
        seen[key] = (where(priority, theme), path.action + 1)
    if peildatum is not None and is_overdue(action, plan.year, peildatum):
        due = due_date(action, plan.year)
        assert due is not None  # an overdue action has a due date
        yield Finding(
            "overdue",
            params={
                "action": short,
                "due": due.strftime("%d-%m-%Y"),
                "peildatum": peildatum.strftime("%d-%m-%Y"),
            },
            location=_at(path, "status"),
        )
