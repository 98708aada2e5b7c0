"""Reading a plan from a workbook's cell values, in the layouts staff already use.

The reader works on values only: a mapping of sheet name to rows of cell
values. Where those values come from (openpyxl, python-calamine, a live Excel
through xlwings) is the caller's business, so one reader serves the CLI and
the add-in alike.

Two layouts are read, in any mix of sheets (see ``docs/workbooks.md``):

* **per goal** (Scherpenzeel): ``Kwartaalplanning <thema>`` titles, a header
  ``Acties | Trekker | Kwartaal | Toelichting``, goal rows ``A. <titel>`` (or
  numbered, ``2.1 <titel>``, or a goal column such as *Speerpunt*);
* **per quarter** (Nijkerk): sections ``Q1``..``Q4``, each with a header
  ``Subthema | Activiteit | Trekker``.

Headers are found by name in the words of many municipalities (``Maatregel``,
``Wie?``, ``Planning``, ``Stand van zaken``, ``Partners``, ...). A title that
stands above the table on every sheet is the plan's title; each sheet is then a
priority of its own, named by the sheet.

Optional sheets carry what the planning tables do not: ``Plan`` (municipality,
year, partners, priorities and themes), ``Doelen`` (goals), ``Definities`` and
``Woordenlijst`` (staff's own words for quarters, leads and statuses).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final, TypeVar

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
    Note,
    NoteField,
    Param,
    PlanPath,
    Priority,
    PriorityKind,
    Reading,
    Report,
    Schedule,
    Status,
    Theme,
    Vocabulary,
    Word,
    WorkbookError,
    column_letter,
    parse_status,
    parse_word,
    read_assignments,
    read_leads,
)
from uvp.workbook._headers import (
    GOAL_NUMBER,
    GOAL_ROW,
    NO_QUARTER_HEADING,
    NUMBERED_GOAL_ROW,
    PLAN_TITLE,
    PLANNING_TITLE,
    QUARTER_HEADING,
    field_of,
    header_fields,
    heading_key,
    normal,
)
from uvp.workbook._plan_names import (
    RECURRING_TITLE,
    municipality_in_file_name,
    municipality_in_title,
    year_in_title,
    year_of,
)
from uvp.workbook._read_result import (
    ActionSource,
    Layout,
    ReadAction,
    ReadResult,
    Rows,
    TableSource,
)
from uvp.workbook._sheetinfo import CellRange, SheetInfo

__all__ = ["OWNED_SHEETS", "read_values", "read_vocabulary_values", "text_of"]

P = TypeVar("P")

TextRow = Sequence[str | None]
TextRows = Sequence[TextRow]

OWNED_SHEETS: Final = frozenset({"Controle", "Evaluatie", "Kwartaalrapportage", "Regio"})
"""Sheets uvp writes and owns; the reader skips them (the ribbon writes each of them into
the plan's own workbook, and their tables must not be read as the plan's actions)."""

PLAN_SHEET: Final = "Plan"
GOALS_SHEET: Final = "Doelen"
DEFINITIONS_SHEET: Final = "Definities"
VOCABULARY_SHEET: Final = "Woordenlijst"
"""The sheet of staff's own words (:class:`uvp.core.Vocabulary`): ``Term | Soort | Betekenis``."""

# The Woordenlijst's columns: what staff write, for which cells, and what it means.
_VOCABULARY_HEADERS: Final = {
    "term": ("term", "woord", "begrip", "afkorting", "wat staat er", "staat er"),
    "kind": ("soort", "kolom", "type", "voor"),
    "meaning": ("betekenis", "lees als", "uvp leest", "bedoeld", "betekent"),
}

_MATRIX_BLANKS: Final = frozenset({"", "-", "0", "nee", "n", "false", "onwaar"})


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
    # text_of's common cases inline: an empty cell, a one-line text.
    return [
        [
            None
            if value is None
            else (value.strip() or None)
            if value.__class__ is str
            and "\n" not in value
            and "\r" not in value
            and "\xa0" not in value
            else text_of(value)
            for value in row
        ]
        if row
        else []
        for row in rows
    ]


# -- building ----------------------------------------------------------------------------


@attrs.define
class _Theme:
    title: str | None
    letter: str | None = None
    ambition: str | None = None
    goals: list[Goal] = attrs.field(factory=list)
    actions: list[_Action] = attrs.field(factory=list)

    def add_goal(
        self, letter: str | None = None, number: str | None = None, title: str | None = None
    ) -> str | None:
        """The key of the goal with this letter, number or title (added when new)."""
        key = letter or number or title
        if key is None:
            return None
        for index, goal in enumerate(self.goals):
            if goal.key == key:
                if goal.title is None and title and title != key:
                    self.goals[index] = attrs.evolve(goal, title=title)
                return key
        self.goals.append(Goal(letter, title, number=number))
        return key


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
    partners: tuple[str, ...] = ()
    result: str | None = None
    indicator: str | None = None
    target_value: str | None = None
    # Per-quarter layout: the action's place in its theme (the Volgorde column), if given.
    order: int | None = None
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
            self.text,
            assignments,
            note=self.note,
            goal=self.goal,
            status=self.status,
            id=self.id,
            partners=self.partners,
            result=self.result,
            indicator=self.indicator,
            target_value=self.target_value,
        )


@attrs.define
class _Table:
    """A table being read: its source, its columns (0-based), and how its cells of a
    field fared, to tell a column uvp cannot read from a few cells it cannot."""

    source: TableSource
    columns: dict[str, int]
    unknown: dict[int, str] = attrs.field(factory=dict)  # header cells naming no field
    rows: list[int] = attrs.field(factory=list)
    goal: str | None = None  # the goal column's value, carried down to empty cells
    cells: dict[str, int] = attrs.field(factory=dict)  # field -> rows with a value
    failed: dict[str, dict[int, list[int]]] = attrs.field(factory=dict)  # row -> findings

    def count(self, field: str, text: str | None) -> None:
        if text is not None:
            self.cells[field] = self.cells.get(field, 0) + 1


def _schedule_of(quarters: list[int]) -> Schedule | None:
    return _schedule_of_distinct(tuple(sorted(set(quarters))))


@functools.lru_cache(maxsize=64)  # at most 15 sets of quarters, and the empty one
def _schedule_of_distinct(distinct: tuple[int, ...]) -> Schedule | None:
    if not distinct:
        return None
    if len(distinct) == 1:
        return Schedule.range(distinct[0])
    return Schedule("moments", distinct)


def _goal_reference(text: str) -> tuple[str | None, str | None, str | None]:
    """(letter, number, title) of a goal as a goal column names it: ``A. Titel``,
    ``2.1 Titel``, ``2.1``, ``A`` or a title alone."""
    if re.fullmatch(r"[A-Z]", text):
        return text, None, None
    if GOAL_NUMBER.fullmatch(text):
        return None, text, None
    if len(text) <= 160 and (letter := GOAL_ROW.fullmatch(text)):
        return letter.group(1), None, letter.group(2).strip() or None
    if len(text) <= 160 and (number := NUMBERED_GOAL_ROW.fullmatch(text)):
        return None, number.group(1), number.group(2).strip()
    return None, None, text


_MATRIX_FIELDS: Final = ("q1", "q2", "q3", "q4")
_ONE_LETTER: Final = re.compile(r"[A-Za-z]")
_FIELDS_OF_A_ROW: Final = ("lead", "quarter", "status", "partners")
"""A row with a value under any of these is an action, not a goal heading."""
_COLUMN_FIELDS: Final = ("quarter", "lead", "status")
"""Fields whose column, when no cell of it reads, is reported as one unreadable column."""
_FIELD_WORDS: Final = {"quarter": "field-quarter", "lead": "field-lead", "status": "field-status"}


class _Reader:
    def __init__(
        self,
        sheets: Mapping[str, Rows],
        source: str,
        vocabulary: Vocabulary,
        info: Mapping[str, SheetInfo] | None = None,
    ) -> None:
        self.values = sheets
        self.sheets = {name: _text_grid(rows) for name, rows in sheets.items()}
        self.info = info or {}
        # Cells read into the plan or reported, per sheet (1-based row, 0-based column):
        # every other non-empty cell of a planning sheet is reported as not read.
        self.used: dict[str, set[tuple[int, int]]] = {}
        # Columns whose heading names no field, per sheet: (header row, end row, column).
        self.unknown_columns: dict[str, list[tuple[int, int, int]]] = {}
        # Rows whose merged cells hide a table's header: no table is read below them.
        self.broken: dict[str, set[int]] = {}
        # Rows under a header that name its Q1..Q4 columns (a two-row header).
        self.subheaders: dict[str, set[int]] = {}
        # Cells a vertical merge spans below its first row: row -> the merge, per sheet.
        self.merged_rows: dict[str, dict[tuple[int, int], CellRange]] = {}
        self.source = source
        self.findings: list[Finding] = []
        self.dropped: set[int] = set()  # findings replaced by one about their whole column
        self.priorities: list[_Priority] = []
        self.tables: list[TableSource] = []
        self.municipality: str | None = None
        self.year: int | None = None
        self.partners: tuple[str, ...] = ()
        self.definitions: list[Definition] = []
        self.vocabulary = vocabulary
        self.headers: dict[str, list[tuple[int, dict[str, int]]]] = {}
        self.plan_titles: set[str] = set()

    # findings -----------------------------------------------------------------------

    def finding(self, code: str, sheet: str, row: int, column: int, /, **params: Param) -> int:
        """Add a finding at a cell (a text param quoted at most :data:`QUOTE_LENGTH`
        characters long); its index in :attr:`findings`."""
        quoted = {k: _quote(v) if isinstance(v, str) else v for k, v in params.items()}
        self.findings.append(Finding(code, params=quoted, location=Location(sheet, row, column)))
        return len(self.findings) - 1

    def use(self, sheet: str, row: int, column: int) -> None:
        """Mark a cell (1-based row, 0-based column) as read or reported."""
        used = self.used.get(sheet)
        if used is None:
            used = self.used[sheet] = set()
        used.add((row, column))

    def use_fields(self, sheet: str, row: int, texts: TextRow, columns: Mapping[str, int]) -> None:
        """Mark the cells of a row that are read: those in the table's fields' columns."""
        used = self.used.get(sheet)
        if used is None:
            used = self.used[sheet] = set()
        length = len(texts)
        for column in columns.values():
            if column < length and texts[column] is not None:
                used.add((row, column))

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

    def read_plan_sheet(self, name: str, rows: TextRows) -> None:
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
                    self.year = year_of(value)
                    if self.year is None:
                        self.finding("invalid-year", name, index, texts[1][0] + 1, text=value)
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

    def read_goals_sheet(self, name: str, rows: TextRows) -> None:
        for row, header in _rows_below_header(rows, {"prioriteit", "thema", "doel"}):
            get = _getter(row, header)
            priority_title, theme_title = get("prioriteit"), get("thema")
            if not priority_title or not theme_title:
                continue
            theme = self.theme(self.priority(priority_title), title=theme_title)
            key = get("doel")
            letter = key if key and re.fullmatch(r"[A-Z]", key) else None
            number = key if key and not letter and GOAL_NUMBER.fullmatch(key) else None
            theme.goals.append(
                Goal(
                    letter,
                    get("titel"),
                    get("strategische doelstelling"),
                    get("doelstelling") or _startswith(row, header, "doelstelling"),
                    number=number,
                )
            )

    def read_definitions_sheet(self, name: str, rows: TextRows) -> None:
        for row, header in _rows_below_header(rows, {"begrip"}):
            get = _getter(row, header)
            term, text = get("begrip"), get("omschrijving") or get("definitie")
            if term and text:
                self.definitions.append(Definition(term, text, get("onderwerp")))

    def read_vocabulary_sheet(self, name: str, rows: TextRows) -> bool:
        """The Woordenlijst: ``Term | Soort | Betekenis`` below any explanation; False
        when the sheet has no such header."""
        header: dict[str, int] | None = None
        words: list[Word] = []
        seen: dict[tuple[str, str], tuple[int, str]] = {}  # (kind, term) -> row, meaning
        for index, row in enumerate(rows, 1):
            texts = _row_texts(row)
            if not texts:
                continue
            if header is None:
                found: dict[str, int] = {}
                for column, text in texts:
                    key = heading_key(text)
                    for field, names in _VOCABULARY_HEADERS.items():
                        if key in names and field not in found:
                            found[field] = column
                if found.keys() >= _VOCABULARY_HEADERS.keys():
                    header = found
                continue  # the explanation above the table
            get = _getter(row, header)
            term, kind, meaning = get("term"), get("kind"), get("meaning")
            if term is None and kind is None and meaning is None:
                continue
            try:
                word = parse_word(term or "", kind or "", meaning or "")
            except NotationError as error:
                field = {"vocabulary-kind": "kind", "vocabulary-no-term": "term"}.get(
                    error.code, "meaning"
                )
                reason = {f"reason_{k}": _param(v) for k, v in error.params.items()}
                self.finding(
                    "invalid-vocabulary",
                    name,
                    index,
                    header[field] + 1,
                    reason=error.code,
                    **reason,
                )
                continue
            known = (str(word.kind), normal(word.term))
            if known in seen and seen[known][1] != word.meaning:
                self.finding(
                    "invalid-vocabulary",
                    name,
                    index,
                    header["term"] + 1,
                    reason="vocabulary-duplicate",
                    reason_term=word.term,
                    reason_row=seen[known][0],
                )
            seen[known] = (index, word.meaning)
            words.append(word)
        self.vocabulary = self.vocabulary.extended(Vocabulary(tuple(words)))
        return header is not None

    # planning sheets ------------------------------------------------------------------

    def find_headers(self, name: str, rows: TextRows) -> None:
        """Where the sheet's action tables start: their header rows."""
        found = [
            (i, f) for i, row in enumerate(rows) if row and (f := header_fields(row)) is not None
        ]
        if found:
            self.headers[name] = found

    def read_merges(self, name: str) -> None:
        """Read merged cells by their value, as staff see them: a merge down a column
        gives each row it spans its value; a merged header names the first column it
        spans (and a *Kwartaal* over four columns, the columns Q1..Q4). A merged cell
        that hides a table's header, or a block over a table, is an error at its range."""
        merged = self.info[name].merged if name in self.info else ()
        if not merged:
            return
        rows = self.sheets[name]
        headers = dict(self.headers.get(name, []))
        first_header = min(headers) + 1 if headers else None
        for cells in merged:
            r0, c0 = cells.first_row, cells.first_column - 1
            top = _cell(rows, r0, c0)
            if cells.columns == 1 and cells.rows > 1:
                if (r0 - 1) in headers or top is None:
                    continue
                spans = self.merged_rows.setdefault(name, {})
                for row in range(r0, min(cells.last_row, len(rows)) + 1):
                    spans[row, c0] = cells
                    if row > r0 and _cell(rows, row, c0) is None:
                        _set_cell(rows, row, c0, top)
                continue
            heading = top is not None and len(top) <= 40 and field_of(top) is not None
            if cells.rows == 1 and (r0 - 1) in headers:
                self._merged_header(name, headers[r0 - 1], cells)
            elif cells.rows == 1 and heading:
                # The header's other cells are under the merge: the table cannot be read.
                self.broken.setdefault(name, set()).add(r0)
                self.use(name, r0, c0)
                self.finding(
                    "merged-cells",
                    name,
                    r0,
                    c0 + 1,
                    range=cells.ref,
                    text=top,
                    what="merged-header",
                )
            elif cells.rows > 1 and not (
                top is not None
                and not heading
                and cells.rows <= 3
                and (first_header is None or cells.last_row < first_header)
            ):  # a block over rows and columns that is not a title above the tables
                self.use(name, r0, c0)
                self.finding(
                    "merged-cells", name, r0, c0 + 1, range=cells.ref, text=top, what="merged-block"
                )

    def _merged_header(self, name: str, fields: dict[str, int], cells: CellRange) -> None:
        """A header cell merged over several columns: *Kwartaal* over four is Q1..Q4
        (named so or not in the row below); any other names its first column."""
        c0 = cells.first_column - 1
        if cells.columns != 4 or fields.get("quarter") != c0 or "q1" in fields:
            return
        rows = self.sheets[name]
        below = cells.first_row + 1
        named = [field_of(_cell(rows, below, c0 + q)) for q in range(4)]
        if named == ["q1", "q2", "q3", "q4"]:
            self.subheaders.setdefault(name, set()).add(below)
            for q in range(4):
                self.use(name, below, c0 + q)
        del fields["quarter"]
        fields.update({f"q{q + 1}": c0 + q for q in range(4)})

    def find_plan_titles(self) -> None:
        """A title that stands above the first table of every planning sheet is the plan's
        own title (*Jaarplan Veiligheid 2024 gemeente Heerlen*), not a priority."""
        firsts: list[str] = []
        for name, headers in self.headers.items():
            rows = self.sheets[name]
            titles = [t for row in rows[: headers[0][0]] for _, t in _row_texts(row)[:1]]
            if titles:
                firsts.append(titles[0])
        if len(self.headers) < 2 or len(firsts) < len(self.headers):
            return
        if len({normal(t) for t in firsts}) == 1 and RECURRING_TITLE.search(firsts[0]):
            self.plan_titles.add(normal(firsts[0]))

    def is_plan_title(self, text: str) -> bool:
        return PLAN_TITLE.search(text) is not None or normal(text) in self.plan_titles

    def read_planning_sheet(self, name: str, rows: TextRows) -> bool:
        """Read a sheet's action tables; False when the sheet has none."""
        headers = self.headers.get(name)
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
                and not self.is_plan_title(t)
            ]
            planning = [m.group(1) for t in titles if (m := PLANNING_TITLE.fullmatch(t))]
            layout_is_quarter = "subtheme" in headers[0][1] or any(
                QUARTER_HEADING.fullmatch(t) for t in titles
            )
            title = plain[0] if plain else (planning[0] if planning and layout_is_quarter else name)
            priority = self.priority(title, sheet=name)
            priority.sheet = name
        self._use_titles(name, rows[:first_header])
        titles_above = [t for row in rows[:first_header] for _, t in _row_texts(row)]
        per_quarter = "subtheme" in headers[0][1] or any(
            QUARTER_HEADING.fullmatch(t) for t in titles_above
        )
        self._read_tables(name, rows, headers, priority, per_quarter)
        return True

    def _use_titles(self, name: str, rows: TextRows) -> None:
        """The titles above a sheet's first table that say something: the plan's title,
        the sheet's first title (its priority's), planning titles and quarter headings."""
        first = True
        for index, row in enumerate(rows, 1):
            texts = _row_texts(row)
            if not texts:
                continue
            column, text = texts[0]
            said = (
                self.is_plan_title(text)
                or PLANNING_TITLE.fullmatch(text) is not None
                or QUARTER_HEADING.fullmatch(text) is not None
                or normal(text) in NO_QUARTER_HEADING
            )
            if said or first:
                self.use(name, index, column)
            first = first and said

    def _read_tables(
        self,
        name: str,
        rows: TextRows,
        headers: list[tuple[int, dict[str, int]]],
        priority: _Priority,
        per_quarter: bool,
    ) -> None:
        header_at = dict(headers)
        table: _Table | None = None
        quarter: int | None = None
        theme: _Theme | None = None
        goal: str | None = None
        merged: dict[tuple[int, str, int | None], _Action] = {}
        # An action whose text is merged down over several rows: one action, a lead a row.
        spanned: dict[CellRange, _Action] = {}
        broken = self.broken.get(name, set())
        subheaders = self.subheaders.get(name, set())
        spans = self.merged_rows.get(name)  # filled by read_merges, before the tables

        for index, row in enumerate(rows):
            if not row:
                continue  # the many empty rows above a value far down cost nothing more
            excel_row = index + 1
            if excel_row in broken or excel_row in subheaders:
                if excel_row in broken and table is not None:
                    self._close(table, excel_row - 1)
                    table = None  # what stands under a header that cannot be read is not read
                continue
            if index in header_at:
                if table is not None:
                    self._close(table, excel_row - 1)
                columns = header_at[index]
                layout: Layout = (
                    "quarter" if ("subtheme" in columns or quarter is not None) else "goal"
                )
                source = TableSource(
                    name,
                    layout,
                    excel_row,
                    {f: c + 1 for f, c in columns.items()},
                    excel_row,
                    excel_row,
                    {f: row[c] or f.upper() for f, c in columns.items() if c < len(row)},
                )
                table = _Table(source, columns)
                table.unknown = {c: t for c, t in _row_texts(row) if c not in set(columns.values())}
                self.use_fields(name, excel_row, row, columns)
                if layout == "goal" and theme is None:
                    theme = self.theme(priority)
                continue
            filled = len(row) - row.count(None)  # at C speed: no list of the row's texts
            if not filled:
                continue
            if filled == 1:
                only_column = next(c for c, t in enumerate(row) if t is not None)
                only = row[only_column]
                assert only is not None
                heading = QUARTER_HEADING.fullmatch(only)
                title = PLANNING_TITLE.fullmatch(only)
                if heading or title or normal(only) in NO_QUARTER_HEADING:
                    self.use(name, excel_row, only_column)
                if heading:
                    quarter = int(heading.group(1))
                    continue
                if normal(only) in NO_QUARTER_HEADING:
                    quarter = 0
                    continue
                if title:
                    if not per_quarter:  # per goal, a planning title starts a theme
                        theme = self.theme(priority, title=title.group(1).strip())
                        goal = None
                    continue
            if table is None:
                continue  # titles and notes above the first table
            get = _getter(row, table.columns)
            text = get("text")
            layout = table.source.layout
            if layout == "goal" and text is not None and theme is not None:
                goal_heading = self._goal_heading(table, rows, index, text, get)
                if goal_heading is not None:
                    goal = theme.add_goal(*goal_heading)
                    self.use_fields(name, excel_row, row, table.columns)
                    continue
            if text is None:
                if get("lead") or get("quarter"):
                    column = table.columns.get("text", 0) + 1
                    self.finding(
                        "missing-text",
                        name,
                        excel_row,
                        column,
                        lead=get("lead") or "",
                        quarter=get("quarter") or "",
                    )
                    self.use_fields(name, excel_row, row, table.columns)
                continue
            table.rows.append(excel_row)
            self.use_fields(name, excel_row, row, table.columns)
            span = spans.get((excel_row, table.columns.get("text", 0))) if spans else None
            if layout == "quarter":
                self._quarter_row(table, row, excel_row, priority, quarter, merged, get)
            elif span is not None and span in spanned:
                self._more_of(spanned[span], table, row, excel_row, get)
            else:
                assert theme is not None
                action = self._goal_row(table, row, excel_row, theme, goal, get)
                theme.actions.append(action)
                if span is not None:
                    spanned[span] = action
        if table is not None:
            self._close(table, len(rows))

    def _goal_heading(
        self, table: _Table, rows: TextRows, index: int, text: str, get: Get
    ) -> tuple[str | None, str | None, str | None] | None:
        """(letter, number, title) when the row heads a goal's group: ``A. Titel``,
        ``2.1 Titel``, or a number in the Nr. column that the next actions' numbers
        start with (``2.1`` above ``2.1.1``); else ``None``."""
        if any(get(field) for field in _FIELDS_OF_A_ROW) or len(text) > 160:
            return None
        if letter := GOAL_ROW.fullmatch(text):
            return letter.group(1), None, letter.group(2).strip() or None
        if number := NUMBERED_GOAL_ROW.fullmatch(text):
            return None, number.group(1), number.group(2).strip()
        own = get("id")
        if own is None or not GOAL_NUMBER.fullmatch(own) or "id" not in table.columns:
            return None
        column = table.columns["id"]
        for later in rows[index + 1 :]:
            if header_fields(later) is not None:
                break
            other = _at(later, column)
            if other is not None and other.startswith(own + "."):
                return None, own, text
        return None

    def _close(self, table: _Table, end: int) -> None:
        """Record a finished table (its rows end at *end*); a column none of whose cells
        read is one finding."""
        source = table.source
        if table.rows:
            source = attrs.evolve(source, first_row=table.rows[0], last_row=table.rows[-1])
        self.tables.append(source)
        unknown = self.unknown_columns.setdefault(source.sheet, [])
        unknown.extend((source.header_row, end, column) for column in table.unknown)
        for field in _COLUMN_FIELDS:
            failed = table.failed.get(field, {})
            count = table.cells.get(field, 0)
            if count < 2 or len(failed) < count:
                continue
            indices = [i for found in failed.values() for i in found]
            example = self.findings[indices[0]].params.get("text")
            self.dropped.update(indices)
            self.finding(
                "unreadable-column",
                source.sheet,
                source.header_row,
                source.columns[field],
                column=source.named(field, field),
                what=_FIELD_WORDS[field],
                count=count,
                example=_quote(str(example or "")),
            )

    def _common(
        self, action: _Action, table: _Table, row: TextRow, excel_row: int, get: Get
    ) -> None:
        columns = table.columns
        action.note = action.note or get("note")
        action.id = action.id or get("id")
        action.result = action.result or get("result")
        action.indicator = action.indicator or get("indicator")
        action.target_value = action.target_value or get("target_value")
        if partners := get("partners"):
            action.partners = tuple(dict.fromkeys(action.partners + self._partners(partners)))
        status_text = get("status")
        table.count("status", status_text)
        if status_text is not None:
            status = parse_status(
                status_text,
                heading=table.source.headings.get("status"),
                vocabulary=self.vocabulary,
            )
            if status is None:
                found = self.finding(
                    "invalid-status",
                    action.sheet,
                    excel_row,
                    columns["status"] + 1,
                    text=status_text,
                    **_column(table, "status"),
                )
                table.failed.setdefault("status", {}).setdefault(excel_row, []).append(found)
                action.unreadable.add("status")
            action.status = action.status or status
        if "q1" in columns and all(q in columns for q in _MATRIX_FIELDS):
            marked = frozenset(q for q in range(1, 5) if _marked(_at(row, columns[f"q{q}"])))
            action.matrix = (action.matrix or frozenset()) | marked

    def _partners(self, text: str) -> tuple[str, ...]:
        """The organisations a Partners cell names, one per organisation."""
        names: list[str] = []
        for line in text.split("\n"):
            if not line.strip():
                continue
            try:
                leads = read_leads(
                    line, municipality=self.municipality, vocabulary=self.vocabulary
                ).value
            except NotationError:
                names.append(" ".join(line.split()))  # kept as written
            else:
                names.extend(str(lead) for lead in leads)
        return tuple(names)

    def _goal_of(self, table: _Table, row: TextRow, theme: _Theme, goal: str | None) -> str | None:
        """The goal an action stands under: its goal column (an empty cell: the one
        above), else the goal row above it."""
        if "goal" not in table.columns:
            return goal
        written = _at(row, table.columns["goal"])
        if written is not None:
            table.goal = theme.add_goal(*_goal_reference(written))
        return table.goal or goal

    def _goal_row(
        self,
        table: _Table,
        row: TextRow,
        excel_row: int,
        theme: _Theme,
        goal: str | None,
        get: Get,
    ) -> _Action:
        text = get("text")
        assert text is not None
        action = _Action(
            text,
            table.source.sheet,
            table.source,
            [excel_row],
            self._goal_of(table, row, theme, goal),
        )
        action.assignments = self._assignments(
            action, table, get("lead"), get("quarter"), excel_row
        )
        self._common(action, table, row, excel_row, get)
        return action

    def _more_of(
        self, action: _Action, table: _Table, row: TextRow, excel_row: int, get: Get
    ) -> None:
        """A row of an action whose text cell is merged over several rows: its lead and
        quarter are more of that action's assignments."""
        action.rows.append(excel_row)
        action.assignments += self._assignments(
            action, table, get("lead"), get("quarter"), excel_row
        )
        self._common(action, table, row, excel_row, get)

    def _assignments(
        self,
        action: _Action,
        table: _Table,
        trekker: str | None,
        kwartaal: str | None,
        excel_row: int,
    ) -> tuple[Assignment, ...]:
        columns = table.columns
        table.count("lead", trekker)
        table.count("quarter", kwartaal)
        try:
            reading = read_assignments(
                trekker,
                kwartaal,
                municipality=self.municipality,
                year=self.year,
                vocabulary=self.vocabulary,
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
                lead_column=table.source.named("lead", "Trekker"),
                quarter_column=table.source.named("quarter", "Kwartaal"),
            )
            action.unreadable.update({"lead", "quarter"})
            aligned = False
        except NotationError:
            aligned = True
        else:
            # How the cells were read, where that is worth knowing: each note a finding
            # at its cell (approximate or other-year quarters, several leads, ...).
            for note in reading.notes:
                self._note(note, action, table, excel_row)
            return reading.value
        # Read what can be read, line by line, and report the rest.
        lead_lines = self._lines(
            action,
            table,
            trekker,
            functools.partial(
                read_leads, municipality=self.municipality, vocabulary=self.vocabulary
            ),
            "lead",
            excel_row,
            code="invalid-lead",
        )
        schedules = self._lines(
            action,
            table,
            kwartaal,
            functools.partial(Schedule.read, year=self.year, vocabulary=self.vocabulary),
            "quarter",
            excel_row,
            code="invalid-quarter",
            notes=aligned,
        )
        if "quarter" in action.unreadable or len(schedules) not in (0, 1, len(lead_lines)):
            schedules = []
        leads = [lead for line in lead_lines for lead in line]
        if not leads:
            return tuple(Assignment(None, s) for s in schedules[:1])
        if len(schedules) == 1:
            return tuple(Assignment(lead, schedules[0]) for lead in leads)
        if len(schedules) == len(lead_lines):
            return tuple(
                Assignment(lead, schedule)
                for line, schedule in zip(lead_lines, schedules, strict=True)
                for lead in line
            )
        return tuple(Assignment(lead, None) for lead in leads)

    def _note(self, note: Note, action: _Action, table: _Table, excel_row: int) -> None:
        """A note on how a cell was read, as a finding at that cell."""
        columns = table.columns
        column = columns.get(note.field or "quarter", columns.get("text", 0)) + 1
        params = {k: _quote(v) if isinstance(v, str) else v for k, v in note.params.items()}
        note = attrs.evolve(note, params=params)
        self.findings.append(note.to_finding(Location(action.sheet, excel_row, column)))

    def _lines(
        self,
        action: _Action,
        table: _Table,
        text: str | None,
        read: Callable[[str], Reading[P]],
        field: NoteField,
        excel_row: int,
        *,
        code: str,
        notes: bool = True,
    ) -> list[P]:
        """Each line of a cell that *read* reads; a finding for each line it cannot."""
        parsed: list[P] = []
        for number, line in enumerate((text or "").split("\n"), 1):
            if not line.strip():
                continue
            try:
                reading = read(line)
            except NotationError as error:
                # Why, as the notation's own message: its code and params, prefixed.
                reason = {f"reason_{k}": _param(v) for k, v in error.params.items()}
                found = self.finding(
                    code,
                    action.sheet,
                    excel_row,
                    table.columns[field] + 1,
                    text=line.strip(),
                    reason=error.code,
                    **reason,
                    **_column(table, field),
                )
                table.failed.setdefault(field, {}).setdefault(excel_row, []).append(found)
                action.unreadable.add(field)
                continue
            parsed.append(reading.value)
            if notes:
                for note in reading.notes:
                    note = attrs.evolve(note, field=field, line=number)
                    self._note(note, action, table, excel_row)
        return parsed

    def _quarter_row(
        self,
        table: _Table,
        row: TextRow,
        excel_row: int,
        priority: _Priority,
        quarter: int | None,
        merged: dict[tuple[int, str, int | None], _Action],
        get: Get,
    ) -> None:
        name = table.source.sheet
        text = get("text")
        assert text is not None
        letter_text = get("subtheme")
        letter = letter_text.upper() if letter_text and _ONE_LETTER.fullmatch(letter_text) else None
        if letter_text and letter is None:
            self.finding(
                "invalid-subtheme",
                name,
                excel_row,
                table.columns["subtheme"] + 1,
                text=letter_text,
            )
        theme = self.theme(priority, letter=letter) if letter else self.theme(priority)
        if theme.letter is None and letter is not None:
            theme.letter = letter
        order_text = get("order")
        order = (
            None if order_text is None else self._order(name, table.columns, order_text, excel_row)
        )
        # The rows of one action under several headings: same theme, text and place.
        key = (id(theme), normal(text), order)
        action = merged.get(key)
        if action is None:
            action = _Action(
                text, name, table.source, [], self._goal_of(table, row, theme, None), order=order
            )
            merged[key] = action
            theme.actions.append(action)
        action.rows.append(excel_row)
        explicit = get("quarter")
        read = self._assignments(action, table, get("lead"), explicit, excel_row)
        by_lead = action.by_lead
        if not read:
            quarters = by_lead.setdefault(None, [])
            if quarter:  # no lead, no schedule: under its heading's quarter, if any
                quarters.append(quarter)
        for assignment in read:
            lead, schedule = assignment.lead, assignment.schedule
            quarters = by_lead.setdefault(lead, [])
            if explicit and schedule is not None:
                action.explicit[lead] = schedule
            elif quarter:
                quarters.append(quarter)
        self._common(action, table, row, excel_row, get)

    def _order(
        self, name: str, columns: Mapping[str, int], text: str | None, excel_row: int
    ) -> int | None:
        """The Volgorde cell's number; a finding when it holds something else."""
        if text is None:
            return None
        if re.fullmatch(r"\d{1,6}", text):
            return int(text)
        self.finding("invalid-order", name, excel_row, columns["order"] + 1, text=text)
        return None

    # the whole workbook ---------------------------------------------------------------

    def read(self, municipality: str | None, year: int | None, path: str | None) -> ReadResult:
        by_name = {normal(name): name for name in self.sheets}
        for sheet, reader in (
            (VOCABULARY_SHEET, self.read_vocabulary_sheet),
            (PLAN_SHEET, self.read_plan_sheet),
            (GOALS_SHEET, self.read_goals_sheet),
            (DEFINITIONS_SHEET, self.read_definitions_sheet),
        ):
            if normal(sheet) in by_name:
                reader(by_name[normal(sheet)], self.sheets[by_name[normal(sheet)]])
        special = {normal(s) for s in (*SPECIAL_SHEETS, *OWNED_SHEETS)}
        others = [name for name in self.sheets if normal(name) not in special]
        for name in others:
            self.find_headers(name, self.sheets[name])
        for name in others:
            self.read_merges(name)
        self.find_plan_titles()
        # Whose plan, for which year: the context in which "Gemeente" and "Q1 2025" are read.
        self._municipality_and_year(municipality, year, path)
        planning = [
            name for name in self.headers if self.read_planning_sheet(name, self.sheets[name])
        ]
        for name in others:
            if name in self.headers or self._looks_like_planning(name):
                self._report_unread(name)
        read = [*planning, *(by_name[normal(s)] for s in SPECIAL_SHEETS if normal(s) in by_name)]
        for name in read:
            self._report_hidden(name)
        priorities, actions = self._build()
        if not planning and not self.priorities:
            self.findings.append(Finding("no-action-table", params={"source": self.source}))
        findings = tuple(f for i, f in enumerate(self.findings) if i not in self.dropped)
        return ReadResult(
            self.municipality,
            self.year,
            actions,
            tuple(self.tables),
            findings,
            priorities,
            self.partners,
            tuple(self.definitions),
            self.source,
            self.values,
            self.vocabulary,
        )

    def _looks_like_planning(self, name: str) -> bool:
        """A sheet without an action table whose merged cells were said to hide one, or
        with a row that names an action column and another column of a plan (*Nr |
        Maatregel | Toelichting*): what it holds is reported, not dropped in silence."""
        if name in self.broken or name in self.used:
            return True
        for row in self.sheets[name]:
            named = {field_of(text) for text in row if text is not None and len(text) <= 40} - {
                None
            }
            if "text" in named and len(named) > 1:
                return True
        return False

    def _report_unread(self, name: str) -> None:
        """Every non-empty cell of a planning sheet that was neither read nor reported:
        a column whose heading names no field once, any other cell a row at a time."""
        rows = self.sheets[name]
        used = self.used.setdefault(name, set())
        for header_row, end, column in self.unknown_columns.get(name, ()):
            below = [
                r
                for r in range(header_row + 1, min(end, len(rows)) + 1)
                if _cell(rows, r, column) is not None and (r, column) not in used
            ]
            heading = _cell(rows, header_row, column) or ""
            self.finding(
                "unread-column", name, header_row, column + 1, column=heading, count=len(below)
            )
            used.add((header_row, column))
            used.update((r, column) for r in below)
        for index, row in enumerate(rows, 1):
            if not row:
                continue
            unread = [(c, t) for c, t in enumerate(row) if t is not None and (index, c) not in used]
            if unread:
                column, text = unread[0]
                more = len(unread) - 1
                self.finding("unread-cell", name, index, column + 1, text=text, more=more or None)

    def _report_hidden(self, name: str) -> None:
        """A hidden sheet, and hidden rows and columns that hold values, read all the same."""
        info = self.info.get(name)
        if info is None:
            return
        if info.hidden:
            self.findings.append(Finding("hidden-sheet", location=Location(name)))
        rows = self.sheets[name]
        filled = [r for r in sorted(info.hidden_rows) if r <= len(rows) and any(rows[r - 1])]
        if filled:
            self.finding("hidden-rows", name, filled[0], 1, rows=_spans(filled))
        if info.hidden_columns:
            held = {c + 1 for row in rows for c, _ in _row_texts(row)}
            columns = sorted(info.hidden_columns & held)
            if columns:
                letters = _spans(columns, column_letter)
                self.finding("hidden-columns", name, 1, columns[0], columns=letters)

    def _municipality_and_year(
        self, municipality: str | None, year: int | None, path: str | None
    ) -> None:
        owned = {normal(s) for s in OWNED_SHEETS}
        for name, rows in self.sheets.items():
            if normal(name) in owned:
                continue
            for row in rows[:6]:
                for _, text in _row_texts(row):
                    if not self.is_plan_title(text):
                        continue
                    if self.year is None:
                        self.year = year_in_title(text)
                    if self.municipality is None:
                        self.municipality = municipality_in_title(text)
        self.municipality = self.municipality or municipality
        self.year = self.year or year
        if path is not None:
            stem = Path(path).stem
            if self.year is None and (found := re.search(r"(?<!\d)(2\d{3})(?!\d)", stem)):
                self.year = int(found.group(1))
            self.municipality = self.municipality or municipality_in_file_name(stem)

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
                # Per quarter, the actions stand by quarter: the Volgorde column, where
                # there is one, puts them back in the plan's order (stably).
                drafts = theme.actions
                if any(d.order is not None for d in drafts):
                    drafts = sorted(drafts, key=lambda d: (d.order is None, d.order or 0))
                for a, draft in enumerate(drafts):
                    action = draft.build()
                    actions.append(action)
                    source = ActionSource(draft.sheet, tuple(draft.rows), draft.table, draft.matrix)
                    read.append(
                        ReadAction(
                            action,
                            source,
                            PlanPath(p, t, a),
                            frozenset(draft.unreadable) if draft.unreadable else _READ_ALL,
                        )
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

SPECIAL_SHEETS: Final = (PLAN_SHEET, GOALS_SHEET, DEFINITIONS_SHEET, VOCABULARY_SHEET)
"""Sheets that hold what the planning tables do not say: read as such, not as planning."""

QUOTE_LENGTH: Final = 100
"""How much of a cell a message quotes at most."""


def _quote(text: str) -> str:
    """At most the first :data:`QUOTE_LENGTH` characters of a cell, an ellipsis after.

    >>> _quote("Q2"), len(_quote("x" * 1_000_000))
    ('Q2', 101)
    """
    return text if len(text) <= QUOTE_LENGTH else text[:QUOTE_LENGTH] + "…"


def _column(table: _Table, field: str) -> dict[str, Param]:
    """The ``column`` param of a finding about *field*'s cell: the column's header
    where staff named it otherwise than uvp does, else nothing."""
    heading = table.source.heading(field)
    return {"column": heading} if heading is not None else {}


def _cell(rows: TextRows, row: int, column: int) -> str | None:
    """The text of a cell (1-based *row*, 0-based *column*), or ``None``."""
    return _at(rows[row - 1], column) if 0 < row <= len(rows) else None


def _set_cell(rows: TextRows, row: int, column: int, text: str | None) -> None:
    cells = rows[row - 1]
    assert isinstance(cells, list)
    cells.extend([None] * (column + 1 - len(cells)))
    cells[column] = text


def _spans(numbers: Sequence[int], name: Callable[[int], str] = str) -> str:
    """Sorted numbers as ranges: ``5-7, 12`` (rows) or ``C-D, F`` (columns).

    >>> _spans([5, 6, 7, 12]), _spans([3, 4, 6], column_letter)
    ('5-7, 12', 'C-D, F')
    """
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(name(start) if start == previous else f"{name(start)}-{name(previous)}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def _param(value: object) -> Param:
    """A value for a finding's params: as it is when JSON-ready, else its text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _at(row: TextRow, column: int) -> str | None:
    return row[column] if column < len(row) else None


Get = Callable[[str], "str | None"]
"""A row's text of a field (``None`` for an empty cell or no such column): see _getter."""


_READ_ALL: Final[frozenset[str]] = frozenset()
"""The unreadable fields of an action whose every cell read (one set for them all)."""


def _getter(row: TextRow, columns: Mapping[str, int]) -> Get:
    """A function of a field's name: its text in *row* (``None`` for no such column)."""
    length = len(row)
    return {f: row[c] for f, c in columns.items() if c < length}.get


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


def read_vocabulary_values(
    sheets: Mapping[str, Rows], *, source: str = "<werkmap>"
) -> tuple[Vocabulary, Report]:
    """The words of a Woordenlijst shared by a region: its sheet ``Woordenlijst``, else
    the first sheet with a header ``Term | Soort | Betekenis``; and the findings about
    rows that cannot be used.

    >>> words, report = read_vocabulary_values({"Blad1": [["Term", "Soort", "Betekenis"],
    ...     ["Sinterklaas", "Kwartaal", "Q4"], ["blauw", "Kleur", "Gereed"]]})
    >>> [w.term for w in words.words], [(f.code, f.location.cell) for f in report.findings]
    (['Sinterklaas'], [('invalid-vocabulary', 'B3')])
    """
    reader = _Reader(sheets, source, Vocabulary())
    by_name = {normal(name): name for name in reader.sheets}
    first = by_name.get(normal(VOCABULARY_SHEET))
    names = [first] if first is not None else list(reader.sheets)
    if not any(reader.read_vocabulary_sheet(name, reader.sheets[name]) for name in names):
        raise WorkbookError("workbook-no-vocabulary", source=source)
    return reader.vocabulary, Report(tuple(reader.findings), source=source)


def read_values(
    sheets: Mapping[str, Rows],
    *,
    municipality: str | None = None,
    year: int | None = None,
    source: str = "<werkmap>",
    path: str | None = None,
    vocabulary: Vocabulary | None = None,
    info: Mapping[str, SheetInfo] | None = None,
) -> ReadResult:
    """Read a plan from cell values: sheet name -> rows of values (in sheet order).

    *municipality* and *year* are used where the workbook does not say them;
    *path* lets the file name say them as a last resort. *vocabulary* holds
    words staff taught uvp in a shared file; a ``Woordenlijst`` sheet in the
    workbook adds its own (and wins where both define a word). *info* says, per
    sheet, what the values do not: hidden sheets, rows and columns and merged
    cells (:func:`uvp.workbook.load_sheet_info`; a live workbook has none).

    >>> rows = [["Kwartaalplanning Mensenhandel"], ["Acties", "Trekker", "Kwartaal"],
    ...         ["A. Wet goed verhuurderschap"], ["We richten een meldpunt in.", "Scherpenzeel", "Q1"]]
    >>> result = read_values({"Ondermijning": rows}, municipality="Scherpenzeel", year=2024)
    >>> (read,) = result.actions
    >>> read.action.goal, [str(a) for a in read.action.assignments], read.source.cell("quarter")
    ('A', ['Scherpenzeel: Q1'], 'C4')
    >>> read.action == result.plan.actions[0], read.path
    (True, PlanPath(priority=0, theme=0, action=0))
    """
    reader = _Reader(sheets, source, vocabulary or Vocabulary(), info)
    return reader.read(municipality, year, path)
