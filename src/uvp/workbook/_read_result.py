"""What reading a workbook gives: the plan's parts, where each action stands in the
workbook (its sheet, rows, table and columns), and the findings met on the way.

The reader (:mod:`uvp.workbook._reader`) makes these; the checks, the commands and
the add-in use them to put a finding on the right cell.

>>> table = TableSource("Blad1", "goal", 3, {"text": 1, "quarter": 3}, 4, 9)
>>> ActionSource("Blad1", (5,), table).cell("quarter")
'C5'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

import attrs

from uvp.core import (
    Action,
    Definition,
    Finding,
    Location,
    Plan,
    PlanPath,
    Priority,
    Vocabulary,
    WorkbookError,
    cell_name,
)
from uvp.workbook._headers import OWN_WORDS, normal

__all__ = ["ActionSource", "Layout", "ReadAction", "ReadResult", "Rows", "TableSource"]

Layout = Literal["goal", "quarter"]
"""``"goal"``: the per-goal layout (Scherpenzeel); ``"quarter"``: per quarter (Nijkerk)."""

Rows = Sequence[Sequence[object]]
"""A sheet's cell values, row by row (an empty cell is ``None``)."""


@attrs.frozen
class TableSource:
    """One action table in a sheet: its header row and columns (1-based).

    ``headings`` holds each field's header as staff wrote it (``Planning`` for
    the quarter, ``Wie?`` for the lead).
    """

    sheet: str
    layout: Layout
    header_row: int
    columns: Mapping[str, int]
    first_row: int
    last_row: int
    headings: Mapping[str, str] = attrs.field(factory=dict, eq=False)

    def heading(self, field: str) -> str | None:
        """The header of *field*'s column where staff named it otherwise than uvp does
        (``Planning`` for Kwartaal), else ``None``: a finding then names the column.

        >>> table = TableSource("Blad1", "goal", 3, {"quarter": 4}, 4, 9, {"quarter": "Planning:"})
        >>> table.heading("quarter"), table.heading("lead")
        ('Planning', None)
        """
        written = self.headings.get(field)
        if written is None or normal(written) in OWN_WORDS.get(field, ()):
            return None
        return written.strip().rstrip(":").strip()

    def named(self, field: str, default: str) -> str:
        """The header of *field*'s column as staff wrote it, else *default*."""
        written = self.headings.get(field)
        return written.strip().rstrip(":").strip() if written else default


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

    >>> from uvp.workbook import read_values
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
    ``actions`` holds every action in plan order, each with its source;
    ``vocabulary`` the words the cells were read with (the built-in ones, and a
    Woordenlijst's).

    >>> from uvp.workbook import read_values
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
    vocabulary: Vocabulary = attrs.field(factory=Vocabulary, repr=False)
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

        >>> from uvp.workbook import read_values
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
