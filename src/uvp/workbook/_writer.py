"""Writing a plan as a new workbook, in the layout staff know.

:func:`plan_sheets` builds the plan's sheets as data; :func:`write_workbook`
writes them as a new workbook (:func:`~uvp.workbook.write_new_workbook`). What
it writes, the reader reads back as the same plan (the ``Plan``, ``Doelen`` and
``Definities`` sheets carry what planning tables do not: priorities' kinds,
ambitions, goals and the glossary).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from uvp.core import (
    STATUS_LABELS,
    Action,
    NotationError,
    Plan,
    Priority,
    Theme,
    WorkbookError,
    format_assignments,
)
from uvp.workbook._headers import normal
from uvp.workbook._read_result import Layout
from uvp.workbook._reader import DEFINITIONS_SHEET, GOALS_SHEET, PLAN_SHEET
from uvp.workbook._sheet import TITLE, WRAP, CellValue, PageSetup, Sheet, Style
from uvp.workbook._target import write_new_workbook

__all__ = ["default_layout", "plan_sheets", "sheet_title", "write_workbook"]

_INVALID_SHEET_CHARS: Final = re.compile(r"[\[\]:*?/\\]")
_KIND_LABEL: Final = {"joint": "gezamenlijke prioriteit", "local": "lokale prioriteit"}
# Column widths, in characters: wide enough for their headers, narrow enough that a
# planning table prints on A4 across at a readable size.
_WIDTHS: Final = {
    "text": 60,
    "lead": 22,
    "quarter": 12,
    "note": 36,
    "status": 13,
    "id": 10,
    "subtheme": 11,
    "order": 11,
    "partners": 24,
    "result": 36,
    "indicator": 28,
    "target_value": 14,
}
# Columns written only when an action of the plan fills them, after Status and ID.
_RESULT_FIELDS: Final = ("partners", "result", "indicator", "target_value")
_RESULT_HEADERS: Final = {
    "partners": "Partners",
    "result": "Resultaat",
    "indicator": "Indicator",
    "target_value": "Streefwaarde",
}
_PLAN_WIDTHS: Final = (30, 12, 24, 30, 11, 60)
_GOAL_WIDTHS: Final = (24, 28, 7, 30, 50, 50)
_DEFINITION_WIDTHS: Final = (28, 90, 24)
_HEADERS: Final = {
    "goal": {
        "text": "Acties",
        "lead": "Trekker",
        "quarter": "Kwartaal",
        "note": "Toelichting",
        "status": "Status",
        "id": "ID",
    }
    | _RESULT_HEADERS,
    "quarter": {
        "subtheme": "Subthema",
        "text": "Activiteit",
        "lead": "Trekker",
        "quarter": "Kwartaal",
        "note": "Toelichting",
        "status": "Status",
        "id": "ID",
        "order": "Volgorde",
    }
    | _RESULT_HEADERS,
}


def default_layout(plan: Plan) -> Layout:
    """The layout a plan most likely came from: per quarter when every theme has a
    Subthema letter and no action is grouped under a goal, else per goal.

    >>> import uvp
    >>> default_layout(uvp.load("examples/nijkerk-2024.json"))
    'quarter'
    """
    themes = plan.themes
    if themes and all(t.letter for t in themes) and not any(a.goal for a in plan.actions):
        return "quarter"
    return "goal"


def sheet_title(title: str, taken: set[str]) -> str:
    """A valid, unused Excel sheet name for *title* (at most 31 characters, no ``[]:*?/\\``).

    >>> sheet_title("Jongerenoverlast en criminaliteit", set())
    'Jongerenoverlast en criminalite'
    >>> sheet_title("Plan", {"plan"})
    'Plan (2)'
    """
    base = _INVALID_SHEET_CHARS.sub(" ", title).strip().strip("'") or "Blad"
    name = base[:31]
    number = 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(name.casefold())
    return name


_PRINT: Final = PageSetup(repeat_rows=(1, 1))  # a sheet with its header row on top
_PLANNING_PRINT: Final = PageSetup(repeat_rows=(4, 4))  # the first table's header row


def _widths(fields: Sequence[str]) -> list[float]:
    return [_WIDTHS.get(field, 12) for field in fields]


def _priority_heading(priority: Priority) -> str:
    return f"{priority.title} ({_KIND_LABEL[priority.kind]})"


def plan_sheets(
    plan: Plan, layout: Layout | None = None, *, status_column: bool = False
) -> list[Sheet]:
    """The plan's sheets in *layout* (default: :func:`default_layout`): ``Plan``,
    ``Doelen``, ``Definities`` and one planning sheet per priority.

    The action tables get a Status column when an action has a status, or
    with *status_column*; an ID column when an action has an id.

    >>> import uvp
    >>> [sheet.name for sheet in plan_sheets(uvp.load("examples/nijkerk-2024.json"))][:4]
    ['Plan', 'Doelen', 'Definities', 'Ondermijnende criminaliteit']
    """
    layout = layout or default_layout(plan)
    taken = {PLAN_SHEET.casefold(), GOALS_SHEET.casefold(), DEFINITIONS_SHEET.casefold()}
    names = {id(p): sheet_title(p.title, taken) for p in plan.priorities}
    letters = _theme_letters(plan) if layout == "quarter" else {}
    sheets = [
        _plan_sheet(plan, names, letters),
        _goals_sheet(plan),
        _definitions_sheet(plan),
    ]
    show_status = status_column or any(a.status for a in plan.actions)
    show_id = any(a.id for a in plan.actions)
    extra = tuple(f for f in _RESULT_FIELDS if any(getattr(a, f) for a in plan.actions))
    for priority in plan.priorities:
        name = names[id(priority)]
        if layout == "quarter":
            sheets.append(_per_quarter_sheet(name, priority, letters, show_status, show_id, extra))
        else:
            sheets.append(_per_goal_sheet(name, priority, show_status, show_id, extra))
    return sheets


def _theme_letters(plan: Plan) -> dict[int, str]:
    """Every theme's Subthema letter; themes without one get the next free letter."""
    letters: dict[int, str] = {}
    for priority in plan.priorities:
        used = {t.letter for t in priority.themes if t.letter}
        free = (chr(c) for c in range(ord("A"), ord("Z") + 1) if chr(c) not in used)
        for theme in priority.themes:
            letters[id(theme)] = theme.letter or next(free)
    return letters


def _plan_sheet(plan: Plan, names: dict[int, str], letters: dict[int, str]) -> Sheet:
    sheet = Sheet(PLAN_SHEET, page=PageSetup(repeat_rows=(7, 7)))
    sheet.set_widths(_PLAN_WIDTHS)
    sheet.put(1, 1, f"Uitvoeringsplan Veiligheid {plan.year} — gemeente {plan.municipality}", TITLE)
    sheet.put(3, 1, "Gemeente")
    sheet.put(3, 2, plan.municipality)
    sheet.put(4, 1, "Jaar")
    sheet.put(4, 2, plan.year, Style(horizontal="left"))  # a label, under the municipality
    sheet.put(5, 1, "Partners")
    for column, partner in enumerate(plan.partners, 2):
        sheet.put(5, column, partner)
    sheet.header(7, ["Prioriteit", "Soort", "Blad", "Thema", "Subthema", "Ambitie"])
    row = 8
    for priority in plan.priorities:
        for theme in priority.themes or (None,):
            values = [
                priority.title,
                "gezamenlijk" if priority.is_joint else "lokaal",
                names[id(priority)],
                theme.title if theme else None,
                (letters.get(id(theme)) or theme.letter) if theme else None,
                theme.ambition if theme else None,
            ]
            _wrapped_row(sheet, row, values)
            row += 1
    sheet.fit_rows()
    return sheet


def _wrapped_row(sheet: Sheet, row: int, values: Sequence[CellValue]) -> None:
    """A row of a uvp sheet: the values that are there, wrapped to the columns' widths
    (the rows' heights follow from :meth:`Sheet.fit_rows`)."""
    sheet.put_row(row, values, WRAP)


def _goals_sheet(plan: Plan) -> Sheet:
    sheet = Sheet(GOALS_SHEET, freeze="A2", page=_PRINT)
    sheet.set_widths(_GOAL_WIDTHS)
    sheet.header(
        1,
        [
            "Prioriteit",
            "Thema",
            "Doel",
            "Titel",
            "Strategische doelstelling",
            f"Doelstelling {plan.year}",
        ],
    )
    row = 2
    for priority in plan.priorities:
        for theme in priority.themes:
            for goal in theme.goals:
                values = [
                    priority.title,
                    theme.title,
                    goal.letter or goal.number,
                    goal.title,
                    goal.strategic_goal,
                    goal.objective,
                ]
                _wrapped_row(sheet, row, values)
                row += 1
    sheet.fit_rows()
    return sheet


def _definitions_sheet(plan: Plan) -> Sheet:
    sheet = Sheet(DEFINITIONS_SHEET, freeze="A2", page=_PRINT)
    sheet.set_widths(_DEFINITION_WIDTHS)
    sheet.header(1, ["Begrip", "Omschrijving", "Onderwerp"])
    for row, definition in enumerate(plan.definitions, 2):
        _wrapped_row(sheet, row, [definition.term, definition.text, definition.topic])
    sheet.fit_rows()
    return sheet


def _fields(
    layout: Layout,
    *,
    note: bool,
    status: bool,
    id_: bool,
    quarter: bool = True,
    order: bool = False,
    extra: Sequence[str] = (),
) -> list[str]:
    fields = ["subtheme"] if layout == "quarter" else []
    fields += ["text", "lead"]
    if quarter:
        fields.append("quarter")
    if note:
        fields.append("note")
    if status:
        fields.append("status")
    if id_:
        fields.append("id")
    fields += extra
    if order:
        fields.append("order")
    return fields


def _action_row(
    sheet: Sheet,
    row: int,
    fields: Sequence[str],
    action: Action,
    trekker: str | None,
    kwartaal: str | None,
    letter: str | None = None,
    order: int | None = None,
) -> None:
    values = {
        "order": order,
        "subtheme": letter,
        "text": action.text,
        "lead": trekker,
        "quarter": kwartaal,
        "note": action.note,
        "status": STATUS_LABELS[action.status] if action.status else None,
        "id": action.id,
        "partners": "\n".join(action.partners) or None,
        "result": action.result,
        "indicator": action.indicator,
        "target_value": action.target_value,
    }
    _wrapped_row(sheet, row, [values[field] for field in fields])


def _cells(action: Action) -> tuple[str | None, str | None]:
    try:
        return format_assignments(action.assignments)
    except NotationError as error:
        raise WorkbookError(
            "workbook-unwritable-action", source=action.text[:60], reason=error.message("en")
        ) from error


_SECTION: Final = Style(bold=True, size=12)
_GOAL: Final = Style(bold=True, size=11)


def _per_goal_sheet(
    name: str, priority: Priority, status: bool, id_: bool, extra: Sequence[str]
) -> Sheet:
    # The per-goal layout always has its Toelichting column, even when empty.
    fields = _fields("goal", note=True, status=status, id_=id_, extra=extra)
    sheet = Sheet(name, page=_PLANNING_PRINT)
    sheet.set_widths(_widths(fields))
    sheet.put(1, 1, _priority_heading(priority), TITLE)
    row = 3
    for theme in priority.themes:
        sheet.put(row, 1, f"Kwartaalplanning {theme.title}", _SECTION)
        sheet.header(row + 1, [_HEADERS["goal"][field] for field in fields])
        row += 2
        current: str | None = None
        for action in theme.actions:
            if action.goal != current and action.goal is not None:
                goal = theme.goal(action.goal)
                title = f"{action.goal}. {goal.title}" if goal and goal.title else f"{action.goal}."
                sheet.put(row, 1, title, _GOAL)
                row += 1
            current = action.goal
            trekker, kwartaal = _cells(action)
            _action_row(sheet, row, fields, action, trekker, kwartaal)
            row += 1
        row += 1
    sheet.fit_rows()
    return sheet


def _simple_rows(action: Action) -> dict[int, list[str]] | None:
    """Per quarter the leads whose row stands under that heading, if the action can be
    written that way (single quarters or moments, leads in order); else ``None``."""
    by_quarter: dict[int, list[str]] = {}
    seen: list[str] = []
    for assignment in action.assignments:
        schedule, lead = assignment.schedule, assignment.lead
        if lead is None or schedule is None or str(lead) in seen:
            return None
        if (
            schedule.kind not in ("moments", "range")
            or (schedule.kind == "range" and len(schedule.quarters) > 1)
            or schedule.year is not None
            or schedule.approximate
        ):
            return None  # a heading Q2 cannot say "2025" or "ca.": write the Kwartaal cell
        seen.append(str(lead))
        for quarter in schedule.quarters:
            by_quarter.setdefault(quarter, []).append(str(lead))
    first_seen = [lead for q in sorted(by_quarter) for lead in by_quarter[q]]
    if list(dict.fromkeys(first_seen)) != seen:
        return None  # reading back would give the leads in another order
    return by_quarter if by_quarter else None


def _per_quarter_sheet(
    name: str,
    priority: Priority,
    letters: dict[int, str],
    status: bool,
    id_: bool,
    extra: Sequence[str],
) -> Sheet:
    sections: dict[int, list[tuple[Theme, Action, str | None, str | None]]] = {}
    explicit = False
    for theme in priority.themes:
        for action in theme.actions:
            simple = _simple_rows(action)
            if simple is not None:
                for quarter, leads in simple.items():
                    sections.setdefault(quarter, []).append((theme, action, "\n".join(leads), None))
            else:
                trekker, kwartaal = _cells(action)
                quarters = [
                    q for a in action.assignments if a.schedule for q in a.schedule.quarters
                ]
                # An action without a quarter (next year's, still to plan) keeps an
                # empty Kwartaal cell: the quarter written there, or marked in the
                # matrix and taken over by fill, puts it under its heading.
                explicit = explicit or kwartaal is not None or not quarters
                sections.setdefault(min(quarters) if quarters else 0, []).append(
                    (theme, action, trekker, kwartaal)
                )
    # Rows under a heading keep plan order.
    order = {id(a): i for i, a in enumerate(priority.actions)}
    headings = sorted(sections, key=lambda q: (q == 0, q))
    for quarter in headings:
        sections[quarter].sort(key=lambda s: order[id(s[1])])
    note = any(a.note for a in priority.actions)
    fields = _fields(
        "quarter",
        note=note,
        status=status,
        id_=id_,
        quarter=explicit,
        order=_needs_order(priority, [sections[q] for q in headings]),
        extra=extra,
    )
    sheet = Sheet(name, page=_PLANNING_PRINT)
    sheet.set_widths(_widths(fields))
    sheet.put(1, 1, _priority_heading(priority), TITLE)
    row = 3
    for quarter in headings:
        sheet.put(row, 1, f"Q{quarter}" if quarter else "Geen kwartaal", _SECTION)
        sheet.header(row + 1, [_HEADERS["quarter"][field] for field in fields])
        if "order" in fields:  # a number's header over its right edge
            sheet.style(row + 1, fields.index("order") + 1, Style(horizontal="right"))
        row += 2
        for theme, action, trekker, kwartaal in sections[quarter]:
            number = order[id(action)] + 1
            _action_row(sheet, row, fields, action, trekker, kwartaal, letters[id(theme)], number)
            row += 1
        row += 1
    sheet.fit_rows()
    return sheet


def _needs_order(
    priority: Priority, sections: Sequence[Sequence[tuple[Theme, Action, object, object]]]
) -> bool:
    """Whether a per-quarter sheet needs its Volgorde column: when reading the sections in
    turn would give a theme's actions in another order than the plan's (an action in Q3
    before one in Q1), or two actions of a theme have the same text (one action's rows
    under several headings are told apart from another's by it)."""
    seen: dict[int, list[int]] = {}
    for section in sections:
        for theme, action, _, _ in section:
            placed = seen.setdefault(id(theme), [])
            if id(action) not in placed:
                placed.append(id(action))
    for theme in priority.themes:
        if seen.get(id(theme), []) != [id(a) for a in theme.actions]:
            return True
        if len({normal(a.text) for a in theme.actions}) < len(theme.actions):
            return True
    return False


def write_workbook(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    layout: Layout | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the plan as a new workbook at *path* (atomically).

    An existing file is only replaced with *overwrite* (its old version is
    kept as ``name.bak.xlsx``).
    """
    return write_new_workbook(path, plan_sheets(plan, layout), overwrite=overwrite)
