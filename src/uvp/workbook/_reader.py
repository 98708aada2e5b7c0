"""Reading a plan from a workbook's cell values, in the layouts staff already use.

The reader works on values only: a mapping of sheet name to rows of cell
values. Where those values come from (openpyxl, python-calamine, a live Excel
through xlwings) is the caller's business, so one reader serves the CLI and
the add-in alike.

Two layouts are read, in any mix of sheets (see ``docs/workbooks.md``):

* **per goal** (Scherpenzeel): ``Kwartaalplanning <thema>`` titles, a header
  ``Acties | Trekker | Kwartaal | Toelichting``, goal rows ``A. <titel>``;
* **per quarter** (Nijkerk): sections ``Q1``..``Q4``, each with a header
  ``Subthema | Activiteit | Trekker``.

Optional sheets carry what the planning tables do not: ``Plan`` (municipality,
year, partners, priorities and themes), ``Doelen`` (goals) and ``Definities``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

import attrs

from uvp.core import (
    Action,
    AlignmentError,
    Assignment,
    Definition,
    Finding,
    Goal,
    Lead,
    Location,
    NotationError,
    Param,
    Plan,
    PlanPath,
    Priority,
    PriorityKind,
    Schedule,
    Status,
    Theme,
    WorkbookError,
    cell_name,
    municipalities,
    parse_status,
    read_assignments,
)
from uvp.workbook._headers import (
    GOAL_ROW,
    NO_QUARTER_HEADING,
    PLANNING_TITLE,
    QUARTER_HEADING,
    header_fields,
    normal,
)

__all__ = [
    "OWNED_SHEETS",
    "ActionSource",
    "Layout",
    "ReadAction",
    "ReadResult",
    "TableSource",
    "read_values",
]

P = TypeVar("P")

Layout = Literal["goal", "quarter"]
"""``"goal"``: the per-goal layout (Scherpenzeel); ``"quarter"``: per quarter (Nijkerk)."""

Rows = Sequence[Sequence[object]]
TextRow = Sequence[str | None]
TextRows = Sequence[TextRow]

OWNED_SHEETS: Final = frozenset({"Controle", "Evaluatie", "Kwartaalrapportage", "Regio"})
"""Sheets uvp writes and owns; the reader skips them (the ribbon writes each of them into
the plan's own workbook, and their tables must not be read as the plan's actions)."""

PLAN_SHEET: Final = "Plan"
GOALS_SHEET: Final = "Doelen"
DEFINITIONS_SHEET: Final = "Definities"

_MATRIX_BLANKS: Final = frozenset({"", "-", "0", "nee", "n", "false", "onwaar"})


@attrs.frozen
class TableSource:
    """One action table in a sheet: its header row and columns (1-based)."""

    sheet: str
    layout: Layout
    header_row: int
    columns: Mapping[str, int]
    first_row: int
    last_row: int


@attrs.frozen
class ActionSource:
    """Where an action stands in the workbook (1-based rows and columns).

    An action of the per-quarter layout that appears under several quarter
    headings has several rows. ``matrix`` holds the quarters marked in its
    Q1..Q4 columns, or ``None`` where the table has none.
    """

    sheet: str
    rows: tuple[int, ...]
    table: TableSource
    matrix: frozenset[int] | None = None

    @property
    def row(self) -> int:
        """The action's first row."""
        return self.rows[0]

    def cell(self, field: str) -> str | None:
        """The cell of *field* (``lead``, ``quarter``, ...) in the first row, if it has a column."""
        column = self.table.columns.get(field)
        return cell_name(self.row, column) if column else None

    def location(self, field: str | None, path: PlanPath | None = None) -> Location:
        """Where *field* of the action is: its cell in the first row (the text's cell
        when the table has no column for *field*), with the action's place in the plan."""
        columns = self.table.columns
        column = columns.get(field or "text") or columns.get("text")
        return Location(self.sheet, self.row, column, path, field)


@attrs.frozen
class ReadAction:
    """One action as read from a workbook: the action, where it stands, and the fields
    whose cells could not be read (``lead``, ``quarter``, ``status``).

    ``path`` is its place in the plan read; findings about a field in
    ``unreadable`` were made while reading, so checks of the plan skip them.

    >>> rows = [["Drugs (lokale prioriteit)"], ["Acties", "Trekker", "Kwartaal"],
    ...         ["We richten een meldpunt in.", "Nijkerk", "Q5"]]
    >>> (read,) = read_values({"Ondermijning": rows}, municipality="Nijkerk", year=2024).actions
    >>> read.source.cell("quarter"), read.path, read.unreadable
    ('C3', PlanPath(priority=0, theme=0, action=0), frozenset({'quarter'}))
    """

    action: Action
    source: ActionSource
    path: PlanPath
    unreadable: frozenset[str] = frozenset()


@attrs.frozen
class ReadResult:
    """What reading a workbook gives: what the plan holds, where each action stands,
    and the findings met while reading (a row that cannot be read is a finding,
    not a crash).

    ``municipality`` and ``year`` are ``None`` where neither the workbook nor the
    caller says them; :attr:`plan` is the plan once both are known.
    ``actions`` holds every action in plan order, each with its source.

    >>> rows = [["Drugs"], ["Acties", "Trekker", "Kwartaal"], ["Iets.", "Nijkerk", "Q1"]]
    >>> result = read_values({"Blad1": rows}, year=2024, source="plan.xlsx")
    >>> result.municipality, result.year, len(result.actions)
    (None, 2024, 1)
    >>> result.plan
    Traceback (most recent call last):
    ...
    uvp.WorkbookError: plan.xlsx: the workbook does not say which municipality's plan it is; give it with --gemeente
    """

    municipality: str | None
    year: int | None
    actions: tuple[ReadAction, ...]
    tables: tuple[TableSource, ...]
    findings: tuple[Finding, ...]
    priorities: tuple[Priority, ...] = ()
    partners: tuple[str, ...] = ()
    definitions: tuple[Definition, ...] = ()
    source: str = "<werkmap>"
    values: Mapping[str, Rows] = attrs.field(factory=dict, repr=False)
    _plan: Plan | None = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        plan = None
        if self.municipality is not None and self.year is not None:
            plan = Plan(
                self.municipality, self.year, self.partners, self.priorities, self.definitions
            )
        object.__setattr__(self, "_plan", plan)

    @property
    def plan(self) -> Plan:
        """The plan read; a :class:`~uvp.WorkbookError` when its municipality or year
        is unknown (see :func:`uvp.workbook.checked`)."""
        if self._plan is None:
            code = "municipality" if self.municipality is None else "year"
            raise WorkbookError(f"workbook-unknown-{code}", source=self.source)
        return self._plan

    @property
    def layout(self) -> Layout | None:
        """The layout most of the workbook's action tables are in (the first met on a
        tie), ``None`` without tables: the layout to write a plan from this one in.

        >>> rows = [["Drugs"], ["Acties", "Trekker", "Kwartaal"], ["Iets.", "Nijkerk", "Q1"]]
        >>> read_values({"Blad1": rows}, year=2024).layout
        'goal'
        """
        layouts = Counter(table.layout for table in self.tables)
        return layouts.most_common(1)[0][0] if layouts else None

    def value(self, sheet: str, row: int, column: int) -> object:
        """The value of a cell (1-based) as read, or ``None``."""
        rows = self.values.get(sheet, ())
        if row - 1 < len(rows) and column - 1 < len(rows[row - 1]):
            return rows[row - 1][column - 1]
        return None


# -- cell values -------------------------------------------------------------------------


def text_of(value: object) -> str | None:
    """A cell value as text, or ``None`` for an empty cell.

    >>> text_of(2024.0), text_of("  Q2 "), text_of(""), text_of(None)
    ('2024', 'Q2', None, None)
    """
    if value is None:
        return None
    if value.__class__ is str:  # the common case, kept fast
        if "\r" not in value and "\xa0" not in value and "\n" not in value:
            return value.strip() or None
    elif isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float):
        value = int(value) if value.is_integer() else value
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date | dt.time) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip()
    return text or None


def _marked(text: str | None) -> bool:
    return text is not None and normal(text) not in _MATRIX_BLANKS


def _row_texts(row: TextRow) -> list[tuple[int, str]]:
    return [(c, t) for c, t in enumerate(row) if t is not None]


def _rows_below_header(rows: TextRows, names: set[str]) -> Iterator[tuple[TextRow, dict[str, int]]]:
    """The non-empty rows below a header row that has all *names*, with that header."""
    header: dict[str, int] | None = None
    for row in rows:
        texts = _row_texts(row)
        if not texts:
            continue
        found = {normal(t): c for c, t in texts}
        if names <= found.keys():
            header = found
        elif header is not None:
            yield row, header


def _text_grid(rows: Rows) -> list[list[str | None]]:
    """Every cell as text (or None), converted once: the reader reads texts only."""
    return [[text_of(value) for value in row] for row in rows]


# -- building ----------------------------------------------------------------------------


@attrs.define
class _Theme:
    title: str | None
    letter: str | None = None
    ambition: str | None = None
    goals: list[Goal] = attrs.field(factory=list)
    actions: list[_Action] = attrs.field(factory=list)


@attrs.define
class _Priority:
    title: str
    kind: PriorityKind | None = None
    sheet: str | None = None
    themes: list[_Theme] = attrs.field(factory=list)


@attrs.define
class _Action:
    text: str
    sheet: str
    table: TableSource
    rows: list[int]
    goal: str | None
    note: str | None = None
    status: Status | None = None
    id: str | None = None
    matrix: frozenset[int] | None = None
    # Per-goal layout: the assignments read from the row.
    assignments: tuple[Assignment, ...] = ()
    # Per-quarter layout: lead -> quarters under whose heading it stands, in order.
    by_lead: dict[Lead | None, list[int]] = attrs.field(factory=dict)
    explicit: dict[Lead | None, Schedule] = attrs.field(factory=dict)
    unreadable: set[str] = attrs.field(factory=set)

    def build(self) -> Action:
        assignments = self.assignments
        if self.table.layout == "quarter":
            built = []
            for lead, quarters in self.by_lead.items():
                schedule = self.explicit.get(lead) or _schedule_of(quarters)
                if lead is None and schedule is None:
                    continue
                built.append(Assignment(lead, schedule))
            assignments = tuple(built)
        return Action(
            self.text, assignments, note=self.note, goal=self.goal, status=self.status, id=self.id
        )


def _schedule_of(quarters: list[int]) -> Schedule | None:
    distinct = sorted(set(quarters))
    if not distinct:
        return None
    if len(distinct) == 1:
        return Schedule.range(distinct[0])
    return Schedule("moments", distinct)


class _Reader:
    def __init__(self, sheets: Mapping[str, Rows], source: str) -> None:
        self.values = sheets
        self.sheets = {name: _text_grid(rows) for name, rows in sheets.items()}
        self.source = source
        self.findings: list[Finding] = []
        self.priorities: list[_Priority] = []
        self.tables: list[TableSource] = []
        self.municipality: str | None = None
        self.year: int | None = None
        self.partners: tuple[str, ...] = ()
        self.definitions: list[Definition] = []

    # findings -----------------------------------------------------------------------

    def finding(self, code: str, sheet: str, row: int, column: int, **params: Param) -> None:
        self.findings.append(Finding(code, params=params, location=Location(sheet, row, column)))

    # priorities and themes ------------------------------------------------------------

    def priority(self, title: str, *, sheet: str | None = None) -> _Priority:
        title, kind = _split_kind(title)
        key = normal(title)
        for priority in self.priorities:
            if normal(priority.title) == key or (sheet is not None and priority.sheet == sheet):
                if priority.kind is None:
                    priority.kind = kind
                return priority
        priority = _Priority(title, kind, sheet)
        self.priorities.append(priority)
        return priority

    @staticmethod
    def theme(
        priority: _Priority, *, title: str | None = None, letter: str | None = None
    ) -> _Theme:
        for theme in priority.themes:
            if (
                title is not None
                and theme.title is not None
                and normal(theme.title) == normal(title)
            ):
                return theme
            if title is None and letter is not None and theme.letter == letter:
                return theme
        if title is None and letter is None and len(priority.themes) == 1:
            return priority.themes[0]
        theme = _Theme(title, letter)
        priority.themes.append(theme)
        return theme

    # the optional sheets --------------------------------------------------------------

    def read_plan_sheet(self, rows: TextRows) -> None:
        header: dict[str, int] | None = None
        for index, row in enumerate(rows, 1):
            texts = _row_texts(row)
            if not texts:
                continue
            names = {normal(t): c for c, t in texts}
            if {"prioriteit", "thema"} <= names.keys():
                header = names
                continue
            if header is None:
                key, value = normal(texts[0][1]), texts[1][1] if len(texts) > 1 else None
                if key == "gemeente" and value:
                    self.municipality = value
                elif key == "jaar" and value:
                    self.year = _year(value)
                    if self.year is None:
                        self.finding("invalid-year", PLAN_SHEET, index, texts[1][0] + 1, text=value)
                elif key == "partners" and value:
                    # One partner per cell, or several in one cell separated by , ; or lines.
                    self.partners = tuple(
                        p.strip()
                        for _, cell in texts[1:]
                        for p in re.split(r"[,;\n]", cell)
                        if p.strip()
                    )
                continue
            get = _getter(row, header)
            title = get("prioriteit")
            if not title:
                continue
            priority = self.priority(title, sheet=None)
            kind = _kind_word(get("soort"))
            if kind is not None:
                priority.kind = kind
            if get("blad"):
                priority.sheet = get("blad")
            theme_title = get("thema")
            if theme_title:
                theme = self.theme(priority, title=theme_title)
                letter = get("subthema")
                theme.letter = letter if letter and re.fullmatch(r"[A-Z]", letter) else None
                theme.ambition = get("ambitie")

    def read_goals_sheet(self, rows: TextRows) -> None:
        for row, header in _rows_below_header(rows, {"prioriteit", "thema", "doel"}):
            get = _getter(row, header)
            priority_title, theme_title = get("prioriteit"), get("thema")
            if not priority_title or not theme_title:
                continue
            theme = self.theme(self.priority(priority_title), title=theme_title)
            letter = get("doel")
            theme.goals.append(
                Goal(
                    letter if letter and re.fullmatch(r"[A-Z]", letter) else None,
                    get("titel"),
                    get("strategische doelstelling"),
                    get("doelstelling") or _startswith(row, header, "doelstelling"),
                )
            )

    def read_definitions_sheet(self, rows: TextRows) -> None:
        for row, header in _rows_below_header(rows, {"begrip"}):
            get = _getter(row, header)
            term, text = get("begrip"), get("omschrijving") or get("definitie")
            if term and text:
                self.definitions.append(Definition(term, text, get("onderwerp")))

    # planning sheets ------------------------------------------------------------------

    def read_planning_sheet(self, name: str, rows: TextRows) -> bool:
        """Read a sheet's action tables; False when the sheet has none."""
        headers = [(i, f) for i, row in enumerate(rows) if (f := header_fields(row)) is not None]
        if not headers:
            return False
        first_header = headers[0][0]
        # The priority: named by the Plan sheet, else by the first title above the tables.
        priority = next((p for p in self.priorities if p.sheet == name), None)
        if priority is None:
            titles = [t for row in rows[:first_header] for _, t in _row_texts(row)[:1]]
            plain = [
                t
                for t in titles
                if not PLANNING_TITLE.fullmatch(t)
                and not QUARTER_HEADING.fullmatch(t)
                and not _is_plan_title(t)
            ]
            planning = [m.group(1) for t in titles if (m := PLANNING_TITLE.fullmatch(t))]
            layout_is_quarter = "subtheme" in headers[0][1] or any(
                QUARTER_HEADING.fullmatch(t) for t in titles
            )
            title = plain[0] if plain else (planning[0] if planning and layout_is_quarter else name)
            priority = self.priority(title, sheet=name)
            priority.sheet = name
        titles_above = [t for row in rows[:first_header] for _, t in _row_texts(row)]
        per_quarter = "subtheme" in headers[0][1] or any(
            QUARTER_HEADING.fullmatch(t) for t in titles_above
        )
        self._read_tables(name, rows, headers, priority, per_quarter)
        return True

    def _read_tables(
        self,
        name: str,
        rows: TextRows,
        headers: list[tuple[int, dict[str, int]]],
        priority: _Priority,
        per_quarter: bool,
    ) -> None:
        header_at = dict(headers)
        columns: dict[str, int] | None = None
        table: TableSource | None = None
        layout: Layout = "goal"
        quarter: int | None = None
        theme: _Theme | None = None
        goal: str | None = None
        merged: dict[tuple[int, str], _Action] = {}
        table_rows: list[int] = []

        def close() -> None:
            if table is not None and table_rows:
                self.tables.append(
                    attrs.evolve(table, first_row=table_rows[0], last_row=table_rows[-1])
                )
            elif table is not None:
                self.tables.append(table)
            table_rows.clear()

        for index, row in enumerate(rows):
            excel_row = index + 1
            if index in header_at:
                close()
                columns = header_at[index]
                layout = "quarter" if ("subtheme" in columns or quarter is not None) else "goal"
                table = TableSource(
                    name,
                    layout,
                    excel_row,
                    {f: c + 1 for f, c in columns.items()},
                    excel_row,
                    excel_row,
                )
                if layout == "goal" and theme is None:
                    theme = self.theme(priority)
                continue
            texts = _row_texts(row)
            if not texts:
                continue
            only = texts[0][1] if len(texts) == 1 else None
            if only is not None:
                if heading := QUARTER_HEADING.fullmatch(only):
                    quarter = int(heading.group(1))
                    continue
                if normal(only) in NO_QUARTER_HEADING:
                    quarter = 0
                    continue
                if title := PLANNING_TITLE.fullmatch(only):
                    if not per_quarter:  # per goal, a planning title starts a theme
                        theme = self.theme(priority, title=title.group(1).strip())
                        goal = None
                    continue
            if columns is None or table is None:
                continue  # titles and notes above the first table
            get = _getter(row, columns)
            text = get("text")
            if (
                layout == "goal"
                and text is not None
                and not get("lead")
                and not get("quarter")
                and (goal_row := GOAL_ROW.fullmatch(text))
                and len(text) <= 160
            ):
                assert theme is not None
                goal = goal_row.group(1)
                title_text = goal_row.group(2).strip() or None
                existing = next((g for g in theme.goals if g.letter == goal), None)
                if existing is None:
                    theme.goals.append(Goal(goal, title_text))
                elif existing.title is None and title_text:
                    theme.goals[theme.goals.index(existing)] = attrs.evolve(
                        existing, title=title_text
                    )
                continue
            if text is None:
                column = columns.get("text", 0) + 1
                self.finding(
                    "missing-text",
                    name,
                    excel_row,
                    column,
                    lead=get("lead") or "",
                    quarter=get("quarter") or "",
                )
                continue
            table_rows.append(excel_row)
            if layout == "quarter":
                self._quarter_row(name, table, columns, row, excel_row, priority, quarter, merged)
            else:
                assert theme is not None
                theme.actions.append(self._goal_row(name, table, columns, row, excel_row, goal))
        close()

    def _common(
        self, action: _Action, columns: Mapping[str, int], row: TextRow, excel_row: int
    ) -> None:
        get = _getter(row, columns)
        action.note = action.note or get("note")
        action.id = action.id or get("id")
        status_text = get("status")
        if status_text is not None:
            status = parse_status(status_text)
            if status is None:
                self.finding(
                    "invalid-status",
                    action.sheet,
                    excel_row,
                    columns["status"] + 1,
                    text=status_text,
                )
                action.unreadable.add("status")
            action.status = action.status or status
        if all(f"q{q}" in columns for q in range(1, 5)):
            marked = frozenset(q for q in range(1, 5) if _marked(_at(row, columns[f"q{q}"])))
            action.matrix = (action.matrix or frozenset()) | marked

    def _goal_row(
        self,
        name: str,
        table: TableSource,
        columns: Mapping[str, int],
        row: TextRow,
        excel_row: int,
        goal: str | None,
    ) -> _Action:
        get = _getter(row, columns)
        text = get("text")
        assert text is not None
        action = _Action(text, name, table, [excel_row], goal)
        action.assignments = self._assignments(
            action, columns, get("lead"), get("quarter"), excel_row
        )
        self._common(action, columns, row, excel_row)
        return action

    def _assignments(
        self,
        action: _Action,
        columns: Mapping[str, int],
        trekker: str | None,
        kwartaal: str | None,
        excel_row: int,
    ) -> tuple[Assignment, ...]:
        try:
            reading = read_assignments(
                trekker, kwartaal, municipality=self.municipality, year=self.year
            )
        except AlignmentError as error:
            column = columns.get("quarter", columns.get("lead", 0)) + 1
            self.finding(
                "lead-quarter-mismatch",
                action.sheet,
                excel_row,
                column,
                trekker=trekker or "",
                kwartaal=kwartaal or "",
                leads=_param(error.params.get("leads", 0)),
                quarters=_param(error.params.get("quarters", 0)),
            )
            action.unreadable.update({"lead", "quarter"})
        except NotationError:
            pass
        else:
            # How the cells were read, where that is worth knowing: each note a finding
            # at its cell (approximate or other-year quarters, several leads, ...).
            for note in reading.notes:
                column = columns.get(note.field or "quarter", columns.get("text", 0)) + 1
                self.findings.append(note.to_finding(Location(action.sheet, excel_row, column)))
            return reading.value
        # Read what can be read, line by line, and report the rest.
        leads = self._lines(
            action,
            trekker,
            functools.partial(Lead.parse, municipality=self.municipality),
            "lead",
            columns,
            excel_row,
            code="invalid-lead",
        )
        schedules = self._lines(
            action,
            kwartaal,
            functools.partial(Schedule.parse, year=self.year),
            "quarter",
            columns,
            excel_row,
            code="invalid-quarter",
        )
        if "quarter" in action.unreadable or len(schedules) not in (0, 1, len(leads)):
            schedules = []
        if not leads:
            return tuple(Assignment(None, s) for s in schedules[:1])
        if len(schedules) == 1:
            return tuple(Assignment(lead, schedules[0]) for lead in leads)
        if len(schedules) == len(leads):
            return tuple(Assignment(lead, s) for lead, s in zip(leads, schedules, strict=True))
        return tuple(Assignment(lead, None) for lead in leads)

    def _lines(
        self,
        action: _Action,
        text: str | None,
        parse: Callable[[str], P],
        field: str,
        columns: Mapping[str, int],
        excel_row: int,
        *,
        code: str,
    ) -> list[P]:
        """Each line of a cell that *parse* reads; a finding for each line it cannot."""
        parsed: list[P] = []
        for line in (text or "").split("\n"):
            if not line.strip():
                continue
            try:
                parsed.append(parse(line))
            except NotationError as error:
                # Why, as the notation's own message: its code and params, prefixed.
                reason = {f"reason_{k}": _param(v) for k, v in error.params.items()}
                self.finding(
                    code,
                    action.sheet,
                    excel_row,
                    columns[field] + 1,
                    text=line.strip(),
                    reason=error.code,
                    **reason,
                )
                action.unreadable.add(field)
        return parsed

    def _quarter_row(
        self,
        name: str,
        table: TableSource,
        columns: Mapping[str, int],
        row: TextRow,
        excel_row: int,
        priority: _Priority,
        quarter: int | None,
        merged: dict[tuple[int, str], _Action],
    ) -> None:
        get = _getter(row, columns)
        text = get("text")
        assert text is not None
        letter_text = get("subtheme")
        letter = (
            letter_text.upper() if letter_text and re.fullmatch(r"[A-Za-z]", letter_text) else None
        )
        if letter_text and letter is None:
            self.finding(
                "invalid-subtheme",
                name,
                excel_row,
                columns["subtheme"] + 1,
                text=letter_text,
            )
        theme = self.theme(priority, letter=letter) if letter else self.theme(priority)
        if theme.letter is None and letter is not None:
            theme.letter = letter
        key = (id(theme), normal(text))
        action = merged.get(key)
        if action is None:
            action = _Action(text, name, table, [], None)
            merged[key] = action
            theme.actions.append(action)
        action.rows.append(excel_row)
        explicit = get("quarter")
        read = self._assignments(action, columns, get("lead"), explicit, excel_row)
        for lead, schedule in [(a.lead, a.schedule) for a in read] or [(None, None)]:
            quarters = action.by_lead.setdefault(lead, [])
            if explicit and schedule is not None:
                action.explicit[lead] = schedule
            elif quarter:
                quarters.append(quarter)
        self._common(action, columns, row, excel_row)

    # the whole workbook ---------------------------------------------------------------

    def read(self, municipality: str | None, year: int | None, path: str | None) -> ReadResult:
        by_name = {normal(name): name for name in self.sheets}
        for sheet, reader in (
            (PLAN_SHEET, self.read_plan_sheet),
            (GOALS_SHEET, self.read_goals_sheet),
            (DEFINITIONS_SHEET, self.read_definitions_sheet),
        ):
            if normal(sheet) in by_name:
                reader(self.sheets[by_name[normal(sheet)]])
        special = {normal(s) for s in (PLAN_SHEET, GOALS_SHEET, DEFINITIONS_SHEET, *OWNED_SHEETS)}
        # Whose plan, for which year: the context in which "Gemeente" and "Q1 2025" are read.
        self._municipality_and_year(municipality, year, path)
        planning = [
            name
            for name, rows in self.sheets.items()
            if normal(name) not in special and self.read_planning_sheet(name, rows)
        ]
        priorities, actions = self._build()
        if not planning and not self.priorities:
            self.findings.append(Finding("no-action-table", params={"source": self.source}))
        return ReadResult(
            self.municipality,
            self.year,
            actions,
            tuple(self.tables),
            tuple(self.findings),
            priorities,
            self.partners,
            tuple(self.definitions),
            self.source,
            self.values,
        )

    def _municipality_and_year(
        self, municipality: str | None, year: int | None, path: str | None
    ) -> None:
        for rows in self.sheets.values():
            for row in rows[:6]:
                for _, text in _row_texts(row):
                    if not _is_plan_title(text):
                        continue
                    if self.year is None:
                        found = re.search(r"\b(2\d{3})\b", text)
                        self.year = int(found.group(1)) if found else None
                    if self.municipality is None:
                        self.municipality = _municipality_in(text)
        self.municipality = self.municipality or municipality
        self.year = self.year or year
        if path is not None:
            stem = Path(path).stem
            if self.year is None and (found := re.search(r"(?<!\d)(2\d{3})(?!\d)", stem)):
                self.year = int(found.group(1))
            self.municipality = self.municipality or _municipality_in(
                stem.replace("-", " ").replace("_", " ")
            )

    def _build(self) -> tuple[tuple[Priority, ...], tuple[ReadAction, ...]]:
        priorities = []
        read: list[ReadAction] = []
        for p, priority in enumerate(self.priorities):
            themes = []
            for t, theme in enumerate(priority.themes):
                title = theme.title
                if title is None:
                    alone = len(priority.themes) == 1 or not theme.letter
                    title = priority.title if alone else f"Subthema {theme.letter}"
                actions = []
                for a, draft in enumerate(theme.actions):
                    action = draft.build()
                    actions.append(action)
                    source = ActionSource(draft.sheet, tuple(draft.rows), draft.table, draft.matrix)
                    read.append(
                        ReadAction(action, source, PlanPath(p, t, a), frozenset(draft.unreadable))
                    )
                themes.append(
                    Theme(title, theme.letter, theme.ambition, tuple(theme.goals), tuple(actions))
                )
            if priority.kind is None:
                self.findings.append(
                    Finding(
                        "unknown-priority-kind",
                        params={"priority": priority.title},
                        location=Location(priority.sheet, path=PlanPath(p)),
                    )
                )
            priorities.append(Priority(priority.title, priority.kind or "joint", tuple(themes)))
        return tuple(priorities), tuple(read)


# -- helpers -----------------------------------------------------------------------------


def _param(value: object) -> Param:
    """A value for a finding's params: as it is when JSON-ready, else its text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _at(row: TextRow, column: int) -> str | None:
    return row[column] if column < len(row) else None


def _getter(row: TextRow, columns: Mapping[str, int]) -> Any:
    def get(field: str) -> str | None:
        column = columns.get(field)
        return _at(row, column) if column is not None else None

    return get


def _startswith(row: TextRow, header: Mapping[str, int], prefix: str) -> str | None:
    for name, column in header.items():
        if name.startswith(prefix) and name != prefix:
            return _at(row, column)
    return None


_KIND_SUFFIX: Final = re.compile(r"\s*\(\s*(gezamenlijke|lokale)\s+prioriteit\s*\)\s*$", re.I)


def _split_kind(title: str) -> tuple[str, PriorityKind | None]:
    """'Vakantieparken (lokale prioriteit)' -> ('Vakantieparken', 'local')."""
    title = re.sub(r"^(?:prioriteit\s*)?\d+(?:\.\d+)*[.:]?\s+", "", title.strip(), flags=re.I)
    match = _KIND_SUFFIX.search(title)
    if match is None:
        return title, None
    kind: PriorityKind = "local" if match.group(1).casefold() == "lokale" else "joint"
    return title[: match.start()].strip(), kind


def _kind_word(text: str | None) -> PriorityKind | None:
    word = normal(text)
    if word.startswith(("gezamenlijk", "joint")):
        return "joint"
    if word.startswith(("lokaal", "lokale", "local")):
        return "local"
    return None


def _year(text: str) -> int | None:
    match = re.fullmatch(r"\s*(\d{4})(?:\.0+)?\s*", text)
    return int(match.group(1)) if match and 1900 <= int(match.group(1)) <= 2999 else None


def _is_plan_title(text: str) -> bool:
    lower = text.casefold()
    return "uitvoeringsplan" in lower or re.search(r"\buvp\b", lower) is not None


def _municipality_in(text: str) -> str | None:
    match = re.search(r"\bgemeente\s+([A-Z][\w'-]+)", text)
    if match:
        return match.group(1)
    lower = text.casefold()
    for name in _municipality_names():
        if re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", lower):
            return name
    return None


@functools.cache
def _municipality_names() -> tuple[str, ...]:
    # Longest first: "Bergen op Zoom" before "Bergen".
    return tuple(sorted((m.name for m in municipalities()), key=len, reverse=True))


def read_values(
    sheets: Mapping[str, Rows],
    *,
    municipality: str | None = None,
    year: int | None = None,
    source: str = "<werkmap>",
    path: str | None = None,
) -> ReadResult:
    """Read a plan from cell values: sheet name -> rows of values (in sheet order).

    *municipality* and *year* are used where the workbook does not say them;
    *path* lets the file name say them as a last resort.

    >>> rows = [["Kwartaalplanning Mensenhandel"], ["Acties", "Trekker", "Kwartaal"],
    ...         ["A. Wet goed verhuurderschap"], ["We richten een meldpunt in.", "Scherpenzeel", "Q1"]]
    >>> result = read_values({"Ondermijning": rows}, municipality="Scherpenzeel", year=2024)
    >>> (read,) = result.actions
    >>> read.action.goal, [str(a) for a in read.action.assignments], read.source.cell("quarter")
    ('A', ['Scherpenzeel: Q1'], 'C4')
    >>> read.action == result.plan.actions[0], read.path
    (True, PlanPath(priority=0, theme=0, action=0))
    """
    return _Reader(sheets, source).read(municipality, year, path)
