"""Writing a plan as a new workbook, in the layout staff know.

``build_workbook`` makes the openpyxl workbook; ``write_workbook`` saves it
atomically. What it writes, the reader reads back as the same plan (the
``Plan``, ``Doelen`` and ``Definities`` sheets carry what planning tables do
not: priorities' kinds, ambitions, goals and the glossary).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

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
from uvp.workbook._open import save_workbook
from uvp.workbook._reader import DEFINITIONS_SHEET, GOALS_SHEET, PLAN_SHEET, Layout

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["build_workbook", "default_layout", "put", "sheet_title", "write_workbook"]

_INVALID_SHEET_CHARS: Final = re.compile(r"[\[\]:*?/\\]")
_KIND_LABEL: Final = {"joint": "gezamenlijke prioriteit", "local": "lokale prioriteit"}
_WIDTHS: Final = {
    "text": 70,
    "lead": 24,
    "quarter": 14,
    "note": 40,
    "status": 14,
    "id": 12,
    "subtheme": 10,
}
_PLAN_WIDTHS: Final = (34, 14, 26, 40, 10, 80)
_GOAL_WIDTHS: Final = (30, 36, 7, 36, 60, 60)
_DEFINITION_WIDTHS: Final = (30, 100, 30)
_HEADERS: Final = {
    "goal": {
        "text": "Acties",
        "lead": "Trekker",
        "quarter": "Kwartaal",
        "note": "Toelichting",
        "status": "Status",
        "id": "ID",
    },
    "quarter": {
        "subtheme": "Subthema",
        "text": "Activiteit",
        "lead": "Trekker",
        "quarter": "Kwartaal",
        "note": "Toelichting",
        "status": "Status",
        "id": "ID",
    },
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


CellValue = str | int | float | None


def put(ws: Worksheet, row: int, column: int, value: CellValue) -> None:
    """Write a value into a cell; text is always stored as text, never as a formula.

    A text such as ``=HYPERLINK(...)`` from a plan file stays that text in the
    workbook: uvp never lets data become a formula.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        if ILLEGAL_CHARACTERS_RE.search(value):
            raise WorkbookError(
                "workbook-illegal-character", source=ws.title, cell=cell.coordinate, sheet=ws.title
            )
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value


def _put_row(ws: Worksheet, row: int, values: Sequence[CellValue], widths: Sequence[float]) -> None:
    """A row of a uvp sheet: the values that are there, wrapped to the columns' widths."""
    for column, value in enumerate(values, 1):
        if value is not None:
            put(ws, row, column, value)
    _wrap(ws, row, len(values), widths)


def _style_title(ws: Worksheet, row: int, size: int = 14) -> None:
    from openpyxl.styles import Font

    ws.cell(row=row, column=1).font = Font(bold=True, size=size)


def _style_header(ws: Worksheet, row: int, columns: int) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    fill = PatternFill("solid", fgColor="DDEBF7")
    bottom = Border(bottom=Side(style="thin", color="5B9BD5"))
    for column in range(1, columns + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.border = bottom
        cell.alignment = Alignment(vertical="top")


def _wrap(ws: Worksheet, row: int, columns: int, widths: Sequence[float] | None = None) -> None:
    """Wrap a row's cells, and make the row tall enough for its longest text.

    Excel does not grow a row for wrapped text in a file it did not write
    itself, so the height is set here from the text and the column widths.
    """
    from openpyxl.styles import Alignment

    lines = 1
    for column in range(1, columns + 1):
        cell = ws.cell(row=row, column=column)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(cell.value, str) and widths and column <= len(widths):
            per_line = max(int(widths[column - 1] * 1.15), 8)
            needed = sum(max(1, -(-len(line) // per_line)) for line in cell.value.split("\n"))
            lines = max(lines, needed)
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines


def new_sheet(sheet: str, title: str) -> tuple[Workbook, Worksheet]:
    """A new workbook of uvp's own (a report, not a plan) with one sheet named *sheet*
    and *title* in A1, bold.

    >>> book, ws = new_sheet("Agenda", "Agenda Politie 2024")
    >>> book.sheetnames, ws["A1"].value
    (['Agenda'], 'Agenda Politie 2024')
    """
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    put(ws, 1, 1, title)
    _style_title(ws, 1)
    return book, ws


def header(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    """A table's header row: *labels* from column A, bold on light blue."""
    for column, label in enumerate(labels, 1):
        put(ws, row, column, label)
    _style_header(ws, row, len(labels))


def save_new(book: Workbook, path: str | os.PathLike[str]) -> Path:
    """Save a workbook of uvp's own atomically, creating its folder; a file already at
    *path* is kept as ``name.bak.xlsx``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    save_workbook(book, target, backup=target.exists())
    return target


def print_setup(ws: Worksheet) -> None:
    """Landscape A4, one page wide, as staff print their planning."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = False


def _set_widths(ws: Worksheet, fields: Sequence[str]) -> None:
    from openpyxl.utils import get_column_letter

    for index, field in enumerate(fields, 1):
        ws.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(field, 12)


def _priority_heading(priority: Priority) -> str:
    return f"{priority.title} ({_KIND_LABEL[priority.kind]})"


def build_workbook(
    plan: Plan, layout: Layout | None = None, *, status_column: bool = False
) -> Workbook:
    """The plan as a new openpyxl workbook in *layout* (default: :func:`default_layout`).

    The action tables get a Status column when an action has a status, or
    with *status_column*; an ID column when an action has an id.
    """
    from openpyxl import Workbook

    layout = layout or default_layout(plan)
    book = Workbook()
    taken = {PLAN_SHEET.casefold(), GOALS_SHEET.casefold(), DEFINITIONS_SHEET.casefold()}
    sheets = {id(p): sheet_title(p.title, taken) for p in plan.priorities}
    letters = _theme_letters(plan) if layout == "quarter" else {}
    plan_sheet = book.active
    assert plan_sheet is not None
    plan_sheet.title = PLAN_SHEET
    _write_plan_sheet(plan_sheet, plan, sheets, letters)
    _write_goals_sheet(book.create_sheet(GOALS_SHEET), plan)
    _write_definitions_sheet(book.create_sheet(DEFINITIONS_SHEET), plan)
    show_status = status_column or any(a.status for a in plan.actions)
    show_id = any(a.id for a in plan.actions)
    for priority in plan.priorities:
        ws = book.create_sheet(sheets[id(priority)])
        if layout == "quarter":
            _write_per_quarter(ws, priority, letters, show_status, show_id)
        else:
            _write_per_goal(ws, priority, show_status, show_id)
        print_setup(ws)
    return book


def _theme_letters(plan: Plan) -> dict[int, str]:
    """Every theme's Subthema letter; themes without one get the next free letter."""
    letters: dict[int, str] = {}
    for priority in plan.priorities:
        used = {t.letter for t in priority.themes if t.letter}
        free = (chr(c) for c in range(ord("A"), ord("Z") + 1) if chr(c) not in used)
        for theme in priority.themes:
            letters[id(theme)] = theme.letter or next(free)
    return letters


def _write_plan_sheet(
    ws: Worksheet, plan: Plan, sheets: dict[int, str], letters: dict[int, str]
) -> None:
    put(ws, 1, 1, f"Uitvoeringsplan Veiligheid {plan.year} — gemeente {plan.municipality}")
    _style_title(ws, 1)
    put(ws, 3, 1, "Gemeente")
    put(ws, 3, 2, plan.municipality)
    put(ws, 4, 1, "Jaar")
    put(ws, 4, 2, plan.year)
    put(ws, 5, 1, "Partners")
    for column, partner in enumerate(plan.partners, 2):
        put(ws, 5, column, partner)
    headers = ["Prioriteit", "Soort", "Blad", "Thema", "Subthema", "Ambitie"]
    for column, header in enumerate(headers, 1):
        put(ws, 7, column, header)
    _style_header(ws, 7, len(headers))
    row = 8
    for priority in plan.priorities:
        for theme in priority.themes or (None,):
            values = [
                priority.title,
                "gezamenlijk" if priority.is_joint else "lokaal",
                sheets[id(priority)],
                theme.title if theme else None,
                (letters.get(id(theme)) or theme.letter) if theme else None,
                theme.ambition if theme else None,
            ]
            _put_row(ws, row, values, _PLAN_WIDTHS)
            row += 1
    for letter, width in zip("ABCDEF", _PLAN_WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    print_setup(ws)


def _write_goals_sheet(ws: Worksheet, plan: Plan) -> None:
    headers = [
        "Prioriteit",
        "Thema",
        "Doel",
        "Titel",
        "Strategische doelstelling",
        f"Doelstelling {plan.year}",
    ]
    for column, header in enumerate(headers, 1):
        put(ws, 1, column, header)
    _style_header(ws, 1, len(headers))
    row = 2
    for priority in plan.priorities:
        for theme in priority.themes:
            for goal in theme.goals:
                values = [
                    priority.title,
                    theme.title,
                    goal.letter,
                    goal.title,
                    goal.strategic_goal,
                    goal.objective,
                ]
                _put_row(ws, row, values, _GOAL_WIDTHS)
                row += 1
    for letter, width in zip("ABCDEF", _GOAL_WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    print_setup(ws)


def _write_definitions_sheet(ws: Worksheet, plan: Plan) -> None:
    for column, header in enumerate(["Begrip", "Omschrijving", "Onderwerp"], 1):
        put(ws, 1, column, header)
    _style_header(ws, 1, 3)
    for row, definition in enumerate(plan.definitions, 2):
        put(ws, row, 1, definition.term)
        put(ws, row, 2, definition.text)
        if definition.topic:
            put(ws, row, 3, definition.topic)
        _wrap(ws, row, 3, _DEFINITION_WIDTHS)
    for letter, width in zip("ABC", _DEFINITION_WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    print_setup(ws)


def _fields(
    layout: Layout, *, note: bool, status: bool, id_: bool, quarter: bool = True
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
    return fields


def _write_header(ws: Worksheet, row: int, layout: Layout, fields: Sequence[str]) -> None:
    for column, field in enumerate(fields, 1):
        put(ws, row, column, _HEADERS[layout][field])
    _style_header(ws, row, len(fields))


def _write_action(
    ws: Worksheet,
    row: int,
    fields: Sequence[str],
    action: Action,
    trekker: str | None,
    kwartaal: str | None,
    letter: str | None = None,
) -> None:
    values = {
        "subtheme": letter,
        "text": action.text,
        "lead": trekker,
        "quarter": kwartaal,
        "note": action.note,
        "status": STATUS_LABELS[action.status] if action.status else None,
        "id": action.id,
    }
    for column, field in enumerate(fields, 1):
        value = values[field]
        if value is not None:
            put(ws, row, column, value)
    _wrap(ws, row, len(fields), [_WIDTHS.get(f, 12) for f in fields])


def _cells(action: Action) -> tuple[str | None, str | None]:
    try:
        return format_assignments(action.assignments)
    except NotationError as error:
        raise WorkbookError(
            "workbook-unwritable-action", source=action.text[:60], reason=error.message("en")
        ) from error


def _write_per_goal(ws: Worksheet, priority: Priority, status: bool, id_: bool) -> None:
    put(ws, 1, 1, _priority_heading(priority))
    _style_title(ws, 1)
    # The per-goal layout always has its Toelichting column, even when empty.
    fields = _fields("goal", note=True, status=status, id_=id_)
    row = 3
    for theme in priority.themes:
        put(ws, row, 1, f"Kwartaalplanning {theme.title}")
        _style_title(ws, row, 12)
        _write_header(ws, row + 1, "goal", fields)
        row += 2
        current: str | None = None
        for action in theme.actions:
            if action.goal != current and action.goal is not None:
                goal = theme.goal(action.goal)
                put(
                    ws,
                    row,
                    1,
                    f"{action.goal}. {goal.title}" if goal and goal.title else f"{action.goal}.",
                )
                _style_title(ws, row, 11)
                row += 1
            current = action.goal
            trekker, kwartaal = _cells(action)
            _write_action(ws, row, fields, action, trekker, kwartaal)
            row += 1
        row += 1
    _set_widths(ws, fields)


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


def _write_per_quarter(
    ws: Worksheet, priority: Priority, letters: dict[int, str], status: bool, id_: bool
) -> None:
    put(ws, 1, 1, _priority_heading(priority))
    _style_title(ws, 1)
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
                explicit = explicit or kwartaal is not None
                sections.setdefault(min(quarters) if quarters else 0, []).append(
                    (theme, action, trekker, kwartaal)
                )
    note = any(a.note for a in priority.actions)
    fields = _fields("quarter", note=note, status=status, id_=id_, quarter=explicit)
    # Rows under a heading keep plan order.
    order = {id(a): i for i, a in enumerate(priority.actions)}
    row = 3
    for quarter in sorted(sections, key=lambda q: (q == 0, q)):
        put(ws, row, 1, f"Q{quarter}" if quarter else "Geen kwartaal")
        _style_title(ws, row, 12)
        _write_header(ws, row + 1, "quarter", fields)
        row += 2
        for theme, action, trekker, kwartaal in sorted(
            sections[quarter], key=lambda s: order[id(s[1])]
        ):
            _write_action(ws, row, fields, action, trekker, kwartaal, letters[id(theme)])
            row += 1
        row += 1
    _set_widths(ws, fields)


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
    path = Path(path)
    if path.exists() and not overwrite:
        raise WorkbookError("workbook-exists", source=str(path))
    save_workbook(build_workbook(plan, layout), path, backup=path.exists())
    return path
