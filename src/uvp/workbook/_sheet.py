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

import math
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
    "SEGMENT_COLOURS",
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
    "line_height",
    "text_lines",
    "wrap_text",
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
HEADER: Final = Style(bold=True, fill="DDEBF7", bottom_border="5B9BD5", wrap=True, vertical="top")
"""A table's header row in the sheets uvp makes: a header wraps in its column."""
WRAP: Final = Style(wrap=True, vertical="top")
"""Text wrapped within its column, from the top of the row."""
LINK: Final = Style(color="0563C1", underline=True)
"""A hyperlink, as Excel shows one."""
_PLAIN: Final = Style()

SEGMENT_COLOURS: Final = {
    "done": "14532D",
    "running": "5B9BD5",
    "at-risk": "F39C12",
    "overdue": "D64541",
    "other": "D9D9D9",
}
"""The colour of each segment of progress (:meth:`uvp.core.Tally.segments`) in every
chart uvp draws, in a workbook or a web page: *Gereed* green, *Loopt* blue,
*Aandacht* orange, *Te laat* red, *Overig* grey; dark to light, so that they stay
apart in grey print. A Status cell's fill is a light tint of the same colour."""


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
    """How a sheet prints: landscape A4 with narrow margins, fit to the page's width
    (as many pages down as it takes), no grid lines; the rows *repeat_rows* (first,
    last) at the top of every page: a table's header row, or the sheet's title where
    a sheet has tables of different columns."""

    repeat_rows: tuple[int, int] | None = None


# How wide characters are, in units of a digit of the standard font (the unit of a
# column's width): per class of character, the wider of Calibri (Excel) and DejaVu
# Sans (LibreOffice without Calibri), measured from the fonts' own metrics.
_CHARACTER_CLASSES: Final = (
    (" ", 0.5),
    ("ijlI.,:;'!|‘’", 0.55),
    ("frt()[]-/", 0.65),
    ("mwMW", 1.6),
    ("ABCDEFGHJKLNOPQRSTUVXYZ", 1.15),
)
_CHARACTER_WIDTHS: Final = {c: w for chars, w in _CHARACTER_CLASSES for c in chars}
_SLACK: Final = 1.05  # printers and zoom levels lay text out a little wider
_BOLD_WIDTH: Final = 1.1  # bold DejaVu Sans is a tenth wider; bold Calibri hardly
_PADDING: Final = 0.8  # the cell's margins, in digits
STANDARD_SIZE: Final = 11.0
"""The font size of Excel's standard font (Calibri 11), which column widths count in."""
ROW_HEIGHT: Final = 15.0
"""The height of one line of text of the standard size in a row, in points."""
DEFAULT_WIDTH: Final = 8.43
"""The width of a column whose width is not set, in characters."""


def text_width(text: str, *, size: float = STANDARD_SIZE, bold: bool = False) -> float:
    """How wide *text* is on one line, in units of a column's width.

    >>> text_width("0000000000"), round(text_width("Illi"), 2), text_width("0", size=22)
    (10.5, 2.31, 2.1)
    """
    scale = _SLACK * size / STANDARD_SIZE * (_BOLD_WIDTH if bold else 1.0)
    return scale * sum(_CHARACTER_WIDTHS.get(c, 1.0 if c.isalnum() else 1.2) for c in text)


def text_lines(text: str, width: float, *, size: float = STANDARD_SIZE, bold: bool = False) -> int:
    """How many lines *text* takes wrapped in a column *width* characters wide.

    The one estimate of text height for every sheet uvp writes, as Excel and
    LibreOffice wrap: at spaces, a word too long for a line broken where the line
    is full, each line of the text (``\\n``) on a line of its own. Character
    widths, font *size* and *bold* count; the estimate errs on the side of a
    line too many, for the program that lays text out widest.

    >>> text_lines("kort", 10), text_lines("een\\ntwee", 70)
    (1, 2)
    >>> text_lines("Nijkerk: trekker en kwartaal", 24), text_lines("Nijkerk: trekker en kwartaal", 24, size=14)
    (2, 2)
    >>> text_lines("Ondermijningsbestrijdingsprogramma", 10)
    4
    """
    return len(wrap_text(text, width, size=size, bold=bold))


def wrap_text(
    text: str, width: float, *, size: float = STANDARD_SIZE, bold: bool = False
) -> list[str]:
    """*text* broken into the lines it takes in a column *width* characters wide, as
    :func:`text_lines` counts them: for a text that must not run past a table's
    edge, written a line a row.

    >>> wrap_text("Zet ze hier: wat u schrijft", 16)
    ['Zet ze hier: wat', 'u schrijft']
    """
    room = max(width - _PADDING, 1.0)
    space = text_width(" ", size=size, bold=bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        used = 0.0
        for word in paragraph.split(" "):
            needed = text_width(word, size=size, bold=bold)
            if used and used + space + needed > room:
                lines.append(line)
                line, used = "", 0.0
            elif used:
                line += " "
                used += space
            if needed <= room:
                line += word
                used += needed
                continue
            for character in word:  # a word wider than the column breaks anywhere
                step = text_width(character, size=size, bold=bold)
                if used and used + step > room:
                    lines.append(line)
                    line, used = "", 0.0
                line += character
                used += step
        lines.append(line)
    return lines


def line_height(size: float | None = None) -> float:
    """The height in points of one line of text of font *size* in a row.

    >>> line_height(), line_height(14)
    (15.0, 19.09)
    """
    return round(ROW_HEIGHT * (size or STANDARD_SIZE) / STANDARD_SIZE, 2)


@attrs.define
class Sheet:
    """A sheet to write: its cells' values, styles and links, and what the sheet has
    besides (column widths, row heights, drop-downs, colour rules, charts, frozen
    panes, print setup).

    ``hidden`` columns hold what the sheet needs but does not show nor print (a
    chart's figures). With *replace* (a sheet uvp owns) the sheet is made afresh at the end of the
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
    hidden: set[int] = attrs.field(factory=set)
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

    def put_lines(
        self, row: int, column: int, text: str, width: float, style: Style | None = None
    ) -> int:
        """Write *text* a line a row from *row* down, each line short enough for *width*
        characters (:func:`wrap_text`): a text above a table that must print within the
        table's width; the next free row.

        >>> sheet = Sheet("Blad")
        >>> sheet.put_lines(2, 1, "Zet ze hier: wat u schrijft", 16)
        4
        >>> sheet.values[3, 1]
        'u schrijft'
        """
        size = (style.size if style else None) or STANDARD_SIZE
        bold = bool(style and style.bold)
        for line in wrap_text(text, width, size=size, bold=bold):
            self.put(row, column, line, style)
            row += 1
        return row

    def link(self, row: int, column: int, link: Link) -> None:
        """Make a cell a hyperlink (its text and style are the cell's own)."""
        self.links[row, column] = link

    def set_widths(self, widths: Iterable[float], first: int = 1) -> None:
        """The widths of the columns from *first* on, in characters."""
        for column, width in enumerate(widths, first):
            self.widths[column] = width

    def fit_row(self, row: int, *, at_least: int = 1) -> None:
        """Make *row* tall enough for its texts (:func:`text_lines` in their columns'
        widths, in their fonts), and at least *at_least* lines.

        Neither Excel nor LibreOffice reliably grows a row for wrapped text in a file
        it did not write itself, so the height is set from the text and the widths.
        A text that does not wrap takes one line.
        """
        height = line_height() * at_least
        for (cell_row, column), value in self.values.items():
            if cell_row != row or value is None:
                continue
            style = self.styles.get((row, column), _PLAIN)
            lines = 1
            if style.wrap and isinstance(value, str):
                width = self.widths.get(column, DEFAULT_WIDTH)
                lines = text_lines(value, width, size=style.size or STANDARD_SIZE, bold=style.bold)
            height = max(height, lines * line_height(style.size))
        if height > ROW_HEIGHT:
            self.heights[row] = height

    def fit_width(self, column: int, *, least: float = 0, most: float = 255) -> None:
        """Make *column* wide enough for the longest line of its texts on one line (a
        hyperlink, which LibreOffice does not wrap), within *least* and *most*.

        >>> sheet = Sheet("Blad")
        >>> sheet.put(2, 1, "Ondermijning!C14")
        >>> sheet.fit_width(1, least=8)
        >>> sheet.widths[1]
        17.0
        """
        widest = least
        for (row, cell_column), value in self.values.items():
            if cell_column != column or not isinstance(value, str):
                continue
            style = self.styles.get((row, column), _PLAIN)
            for line in value.split("\n"):
                size = style.size or STANDARD_SIZE
                needed = text_width(line, size=size, bold=style.bold) + _PADDING
                widest = max(widest, needed)
        self.widths[column] = min(float(math.ceil(widest)), most)

    def fit_rows(self) -> None:
        """:meth:`fit_row` for every row with a value: the last step of building a sheet."""
        for row in sorted({row for row, _ in self.values}):
            self.fit_row(row)

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
    for column in sorted(sheet.hidden):
        target.hide_column(name, column)
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
