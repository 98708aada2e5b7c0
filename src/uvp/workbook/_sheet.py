"""A sheet as data: what uvp writes, before it is written anywhere.

Every sheet uvp writes is first built as a :class:`Sheet` by the layer that
knows what goes in it (the plan writer, Controle, Evaluatie, the quarter
matrix, the region's Regio and Agenda, the quarterly report), and then written
by :func:`write_sheet` through a :class:`~uvp.workbook.Target`: into a new or
existing file through openpyxl, or into the workbook open in Excel through
xlwings. A sheet holds no library's objects, so the same sheet goes to either.

Formatting is a :class:`Style`, a small frozen value built once and shared by
every cell that looks alike. Rows and columns are 1-based, as in Excel.

>>> sheet = Sheet("Agenda")
>>> sheet.put(1, 1, "Agenda Politie 2024", TITLE)
>>> sheet.header(3, ["Kwartaal", "Actie"])
>>> sheet.values[3, 2], sheet.styles[3, 2] == HEADER
('Actie', True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from uvp.core import sheet_reference

if TYPE_CHECKING:
    from uvp.workbook._target import Target

__all__ = [
    "HEADER",
    "LINK",
    "TITLE",
    "WRAP",
    "BarChart",
    "CellValue",
    "FillRule",
    "Link",
    "ListValidation",
    "PageSetup",
    "Series",
    "Sheet",
    "Style",
    "text_lines",
    "write_sheet",
]

CellValue = str | int | float | None
"""What a cell holds. Text is always stored as text, never as a formula; ``None``
empties the cell."""

Horizontal = Literal["left", "center", "right"]
Vertical = Literal["top", "center", "bottom"]

_COLOUR: Final = re.compile(r"[0-9A-F]{6}")


def _colour(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _COLOUR.fullmatch(value):
        raise ValueError(f"{attribute.name} must be six upper-case hex digits, not {value!r}")


def _fill(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value != "":
        _colour(_, attribute, value)


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _series(values: Iterable[Series]) -> tuple[Series, ...]:
    return tuple(values)


@attrs.frozen
class Style:
    """How a cell looks: font, fill, border, alignment and number format.

    Colours are hex RGB (``"C6EFCE"``). Only what a style says is applied: an
    attribute at its default leaves that part of the cell as it is (a user's
    font stays where uvp only centres a cell). ``fill=""`` clears the fill;
    ``size=None`` leaves the font size to Excel's default; ``bottom_border`` is
    the colour of a thin line under the cell.

    Styles combine with ``|``: what the right one says wins.

    >>> Style(bold=True) | Style(fill="DDEBF7", bold=False)
    Style(bold=True, italic=False, underline=False, size=None, color=None, fill='DDEBF7', bottom_border=None, wrap=False, horizontal=None, vertical=None, number_format=None)
    >>> Style(fill="c6efce")
    Traceback (most recent call last):
    ValueError: fill must be six upper-case hex digits, not 'c6efce'
    """

    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None
    color: str | None = attrs.field(default=None, validator=_colour)
    fill: str | None = attrs.field(default=None, validator=_fill)
    bottom_border: str | None = attrs.field(default=None, validator=_colour)
    wrap: bool = False
    horizontal: Horizontal | None = None
    vertical: Vertical | None = None
    number_format: str | None = None

    @property
    def sets_font(self) -> bool:
        """Whether the style gives the cell a font of its own."""
        return bool(self.bold or self.italic or self.underline or self.size or self.color)

    @property
    def sets_alignment(self) -> bool:
        """Whether the style aligns the cell (or wraps its text)."""
        return bool(self.wrap or self.horizontal or self.vertical)

    def __or__(self, other: Style) -> Style:
        changes = {
            field.name: getattr(other, field.name)
            for field in attrs.fields(Style)
            if getattr(other, field.name) not in (field.default, False)
        }
        return attrs.evolve(self, **changes)


TITLE: Final = Style(bold=True, size=14)
"""A sheet's title in A1."""
HEADER: Final = Style(bold=True, fill="DDEBF7", bottom_border="5B9BD5", vertical="top")
"""A table's header row in the sheets uvp makes."""
WRAP: Final = Style(wrap=True, vertical="top")
"""Text wrapped within its column, from the top of the row."""
LINK: Final = Style(color="0563C1", underline=True)
"""A hyperlink, as Excel shows one."""


@attrs.frozen
class Link:
    """Where a cell's hyperlink goes: a cell of this workbook, or of another file.

    *location* is an Excel reference (``'Ondermijning'!C14``); *file* the other
    workbook, as a path relative to the one with the link (or a ``file:`` URI).

    >>> Link.to("Ondermijning", "C14")
    Link(location="'Ondermijning'!C14", file=None)
    """

    location: str
    file: str | None = None

    @classmethod
    def to(cls, sheet: str, cell: str) -> Link:
        """A link to *cell* on *sheet* of this workbook."""
        return cls(sheet_reference(sheet, cell))


@attrs.frozen
class ListValidation:
    """A drop-down with *options* on a column's rows; anything else is refused with
    *error* (titled *error_title*)."""

    first_row: int
    last_row: int
    column: int
    options: tuple[str, ...] = attrs.field(converter=_texts)
    error_title: str | None = None
    error: str | None = None


@attrs.frozen
class FillRule:
    """Conditional formatting: fill a cell of a column's rows with *fill* when its
    text equals *equals*."""

    first_row: int
    last_row: int
    column: int
    equals: str
    fill: str = attrs.field(validator=_colour)


@attrs.frozen
class Series:
    """A chart series: the column its name (in the header row) and values stand in,
    and its colour (Excel's own where ``None``)."""

    column: int
    colour: str | None = attrs.field(default=None, validator=_colour)


@attrs.frozen
class BarChart:
    """A native Excel chart of horizontal stacked bars, one bar per row.

    The series' names stand in *header_row*, their values and the bars' labels
    (in *category_column*) in the rows below it to *last_row*. *width* is in
    centimetres; the height follows from the number of bars (:attr:`height`).
    *first_on_top* shows the first row's bar at the top, as the table reads;
    *outline* draws the segments' edges in that colour.
    """

    title: str
    anchor: str
    header_row: int
    last_row: int
    category_column: int
    series: tuple[Series, ...] = attrs.field(converter=_series)
    width: float = 18
    first_on_top: bool = False
    legend: Literal["right", "bottom"] = "right"
    outline: str | None = attrs.field(default=None, validator=_colour)

    @property
    def height(self) -> float:
        """The chart's height in centimetres: room for every bar.

        >>> BarChart("Voortgang", "J4", 4, 8, 1, [Series(2)]).height
        7.5
        """
        return max(7.5, 0.8 * (self.last_row - self.header_row) + 3)


@attrs.frozen
class PageSetup:
    """How a sheet prints: landscape A4, one page wide, no grid lines; the rows
    *repeat_rows* (first, last) on every page."""

    repeat_rows: tuple[int, int] | None = None


def text_lines(text: str, width: float, *, density: float = 1.15, longest: bool = False) -> int:
    """How many lines *text* takes wrapped in a column *width* characters wide.

    *density* is how many characters of plan text fit in one unit of Excel's
    column width (a little more than one: the unit is the width of a digit).
    Each line of the text (``\\n``) starts a new one; with *longest*, only the
    longest line is counted (the quarterly report's estimate, which leaves the
    other lines to the row's lead count).

    >>> text_lines("kort", 10), text_lines("a" * 30, 10), text_lines("een\\ntwee", 70)
    (1, 3, 2)
    >>> text_lines("een\\ntwee", 70, longest=True)
    1
    """
    per_line = max(int(width * density), 8)
    counts = [max(1, -(-len(line) // per_line)) for line in text.split("\n")]
    return max(counts) if longest else sum(counts)


ROW_HEIGHT: Final = 15
"""The height of one line of text in a row, in points."""


@attrs.define
class Sheet:
    """A sheet to write: its cells' values, styles and links, and what the sheet has
    besides (column widths, row heights, drop-downs, colour rules, charts, frozen
    panes, print setup).

    With *replace* (a sheet uvp owns) the sheet is made afresh at the end of the
    workbook; without, the cells are written into the existing sheet of that
    name and nothing else of it changes. ``values`` holds the cells to write
    (``None`` empties one), ``styles`` the cells to format: a cell can be in
    either or both.
    """

    name: str
    replace: bool = True
    values: dict[tuple[int, int], CellValue] = attrs.field(factory=dict)
    styles: dict[tuple[int, int], Style] = attrs.field(factory=dict)
    links: dict[tuple[int, int], Link] = attrs.field(factory=dict)
    widths: dict[int, float] = attrs.field(factory=dict)
    heights: dict[int, float] = attrs.field(factory=dict)
    validations: list[ListValidation] = attrs.field(factory=list)
    rules: list[FillRule] = attrs.field(factory=list)
    charts: list[BarChart] = attrs.field(factory=list)
    freeze: str | None = None
    page: PageSetup | None = None

    def put(self, row: int, column: int, value: CellValue, style: Style | None = None) -> None:
        """Write *value* into a cell, formatted with *style* (added to what it has)."""
        self.values[row, column] = value
        if style is not None:
            self.style(row, column, style)

    def style(self, row: int, column: int, style: Style) -> None:
        """Format a cell with *style*, on top of the style it has in this sheet."""
        had = self.styles.get((row, column))
        self.styles[row, column] = style if had is None else had | style

    def put_row(self, row: int, values: Sequence[CellValue], style: Style | None = None) -> None:
        """A row from column A: the values that are not ``None``; with *style*, every
        one of the row's columns formatted, empty ones too."""
        for column, value in enumerate(values, 1):
            if value is not None:
                self.values[row, column] = value
            if style is not None:
                self.style(row, column, style)

    def header(self, row: int, labels: Sequence[str], style: Style = HEADER) -> None:
        """A table's header row: *labels* from column A, in *style*."""
        for column, label in enumerate(labels, 1):
            self.put(row, column, label, style)

    def link(self, row: int, column: int, link: Link) -> None:
        """Make a cell a hyperlink (its text and style are the cell's own)."""
        self.links[row, column] = link

    def set_widths(self, widths: Iterable[float], first: int = 1) -> None:
        """The widths of the columns from *first* on, in characters."""
        for column, width in enumerate(widths, first):
            self.widths[column] = width

    def fit_row(
        self, row: int, *, density: float = 1.15, longest: bool = False, at_least: int = 1
    ) -> None:
        """Make *row* tall enough for its texts wrapped in their columns' widths
        (:func:`text_lines`, with *density* and *longest*), and at least *at_least* lines.

        Excel does not grow a row for wrapped text in a file it did not write
        itself, so the height is set from the text and the column widths.
        """
        lines = at_least
        for column, width in self.widths.items():
            value = self.values.get((row, column))
            if isinstance(value, str):
                lines = max(lines, text_lines(value, width, density=density, longest=longest))
        if lines > 1:
            self.heights[row] = ROW_HEIGHT * lines

    def rows(self) -> list[list[CellValue]]:
        """The values as rows from A1, ``None`` where nothing is written.

        >>> sheet = Sheet("Blad")
        >>> sheet.put(2, 2, "x")
        >>> sheet.rows()
        [[None, None], [None, 'x']]
        """
        if not self.values:
            return []
        height = max(r for r, _ in self.values)
        width = max(c for _, c in self.values)
        rows: list[list[CellValue]] = [[None] * width for _ in range(height)]
        for (row, column), value in self.values.items():
            rows[row - 1][column - 1] = value
        return rows


def write_sheet(target: Target, sheet: Sheet) -> None:
    """Write *sheet* through *target*: into a file, or into the workbook open in Excel."""
    name = sheet.name
    if sheet.replace:
        target.replace_sheet(name)
    for (row, column), value in sheet.values.items():
        target.set_value(name, row, column, value)
    for (row, column), style in sheet.styles.items():
        target.set_style(name, row, column, style)
    for (row, column), link in sheet.links.items():
        target.link(name, row, column, link)
    for column, width in sheet.widths.items():
        target.column_width(name, column, width)
    for row, height in sheet.heights.items():
        target.row_height(name, row, height)
    for validation in sheet.validations:
        target.add_list_validation(name, validation)
    for rule in sheet.rules:
        target.add_fill_rule(name, rule)
    for chart in sheet.charts:
        target.bar_chart(name, chart)
    if sheet.freeze is not None:
        target.freeze(name, sheet.freeze)
    if sheet.page is not None:
        target.page_setup(name, sheet.page)
