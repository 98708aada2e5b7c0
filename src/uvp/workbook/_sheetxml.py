"""Editing a worksheet part and the styles part in place, element by element.

:class:`SheetEditor` changes cells, column widths, data validations and
conditional formats of one worksheet and leaves every other element as it was,
in its place (the worksheet's elements keep the order the schema demands).
Text goes in as inline strings, so the shared-string table is never touched and
its indexes stay what they were. :class:`Styles` appends the fonts, fills, cell
formats and differential formats uvp needs to ``styles.xml`` and never
renumbers or changes an existing one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from lxml import etree

from uvp.core import WorkbookError

__all__ = ["SheetEditor", "Styles", "drop", "escape_text"]

# CT_Worksheet's sequence: an element uvp adds goes after every element before it here.
WORKSHEET_ORDER: Final = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
    "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
    "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
    "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
    "controls", "webPublishItems", "tableParts", "extLst",
)  # fmt: skip
# CT_Stylesheet's sequence.
STYLESHEET_ORDER: Final = (
    "numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
    "tableStyles", "colors", "extLst",
)  # fmt: skip

_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPE_LIKE: Final = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_CELL_REF: Final = re.compile(r"([A-Z]{1,3})([0-9]+)")
_BUILTIN_FORMATS: Final = {
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10,
    "0.00E+00": 11, "# ?/?": 12, "# ??/??": 13, "mm-dd-yy": 14, "d-mmm-yy": 15, "d-mmm": 16,
    "mmm-yy": 17, "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21,
    "m/d/yy h:mm": 22, "@": 49,
}  # fmt: skip
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"


def escape_text(text: str) -> str:
    """Text as Excel stores it: a literal ``_x000D_`` would read back as a control
    character, so its underscore is escaped.

    >>> escape_text("a_x000D_b"), escape_text("plain_text")
    ('a_x005F_x000D_b', 'plain_text')
    """
    return _ESCAPE_LIKE.sub(r"_x005F_\1", text)


def column_number(letters: str) -> int:
    """1 for A, 28 for AB.

    >>> column_number("AB")
    28
    """
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(column: int) -> str:
    """A for 1, AB for 28.

    >>> column_letters(28)
    'AB'
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _insert_in_order(parent: etree._Element, element: etree._Element, order: Sequence[str]) -> None:
    """Insert *element* after the last child that comes before or with it in *order*."""
    rank = order.index(etree.QName(element).localname)
    position = 0
    for index, child in enumerate(parent):
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name in order and order.index(name) <= rank:
            position = index + 1
    parent.insert(position, element)


class Styles:
    """``styles.xml``: existing entries kept as they are, uvp's appended."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.ns = etree.QName(root).namespace or ""
        self._keys: dict[str, dict[str, int]] = {}
        self._derived: dict[tuple[object, ...], int] = {}

    def q(self, local: str) -> str:
        return f"{{{self.ns}}}{local}"

    def _list(self, name: str) -> etree._Element:
        element = self.root.find(self.q(name))
        if element is None:
            element = etree.Element(self.q(name))
            element.set("count", "0")
            _insert_in_order(self.root, element, STYLESHEET_ORDER)
        return element

    def _entries(self, name: str) -> list[etree._Element]:
        return [e for e in self._list(name) if isinstance(e.tag, str)]

    def _add(self, name: str, entry: etree._Element) -> int:
        """The index of an entry equal to *entry* in list *name*, appended if there is none."""
        key = _key(entry)
        keys = self._keys.get(name)
        if keys is None:
            keys = {}
            for index, existing in enumerate(self._entries(name)):
                keys.setdefault(_key(existing), index)
            self._keys[name] = keys
        if key in keys:
            return keys[key]
        parent = self._list(name)
        parent.append(entry)
        index = len(self._entries(name)) - 1
        parent.set("count", str(index + 1))
        keys[key] = index
        return index

    def _element(self, xml: str) -> etree._Element:
        element = etree.fromstring(f'<root xmlns="{self.ns}">{xml}</root>')[0]
        return _renamespace(element, self.ns)

    def xf(self, index: int) -> etree._Element:
        """Cell format *index* (format 0 where the list is shorter)."""
        entries = self._entries("cellXfs")
        if not entries:
            self._add(
                "cellXfs",
                self._element('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'),
            )
            entries = self._entries("cellXfs")
        return entries[index] if 0 <= index < len(entries) else entries[0]

    def derive(
        self,
        base: int,
        *,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        size: float | None = None,
        color: str | None = None,
        fill: str | None = None,
        bottom_border: str | None = None,
        wrap: bool = False,
        horizontal: str | None = None,
        vertical: str | None = None,
        number_format: str | None = None,
    ) -> int:
        """A cell format like *base* with these changes; its index.

        Only what is given changes: a font (when any of *bold*, *italic*,
        *underline*, *size* or *color* is given, the font is these), a solid
        *fill* (``""`` clears it), a thin bottom border of colour
        *bottom_border*, an alignment (when *wrap*, *horizontal* or *vertical*
        is given), a number format. Colours are hex RGB. The same request gives
        the same index; an equal format already in the list is used again.

        >>> from lxml import etree
        >>> styles = Styles(etree.fromstring(
        ...     '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        ...     '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        ...     "</cellXfs></styleSheet>"))
        >>> styles.derive(0, bold=True), styles.derive(0, bold=True), styles.derive(0)
        (1, 1, 0)
        """
        key = (
            base, bold, italic, underline, size, color, fill, bottom_border, wrap, horizontal,
            vertical, number_format,
        )  # fmt: skip
        if key not in self._derived:
            self._derived[key] = self._derive(base, *key[1:])
        return self._derived[key]

    def _derive(
        self,
        base: int,
        bold: bool,
        italic: bool,
        underline: bool,
        size: float | None,
        color: str | None,
        fill: str | None,
        bottom_border: str | None,
        wrap: bool,
        horizontal: str | None,
        vertical: str | None,
        number_format: str | None,
    ) -> int:
        xf = etree.fromstring(etree.tostring(self.xf(base)))
        if bold or italic or underline or size or color:
            parts = ['<b val="1"/>' if bold else "", '<i val="1"/>' if italic else ""]
            if color:
                parts.append(f'<color rgb="00{color.upper()}"/>')
            if size:
                parts.append(f'<sz val="{_number(size)}"/>')
            if underline:
                parts.append('<u val="single"/>')
            font = self._element(f"<font>{''.join(parts)}</font>")
            xf.set("fontId", str(self._add("fonts", font)))
            xf.set("applyFont", "1")
        if fill:
            pattern = (
                f'<fill><patternFill patternType="solid"><fgColor rgb="00{fill.upper()}"/>'
                "</patternFill></fill>"
            )
            xf.set("fillId", str(self._add("fills", self._element(pattern))))
            xf.set("applyFill", "1")
        elif fill == "":
            xf.set("fillId", str(self._add("fills", self._element("<fill><patternFill/></fill>"))))
            xf.set("applyFill", "1")
        if bottom_border:
            border = (
                f'<border><left/><right/><top/><bottom style="thin"><color rgb="00'
                f'{bottom_border.upper()}"/></bottom><diagonal/></border>'
            )
            xf.set("borderId", str(self._add("borders", self._element(border))))
            xf.set("applyBorder", "1")
        if wrap or horizontal or vertical:
            for old in xf.findall(self.q("alignment")):
                xf.remove(old)
            alignment = etree.Element(self.q("alignment"))
            if horizontal:
                alignment.set("horizontal", horizontal)
            if vertical:
                alignment.set("vertical", vertical)
            if wrap:
                alignment.set("wrapText", "1")
            xf.insert(0, alignment)
            xf.set("applyAlignment", "1")
        if number_format:
            xf.set("numFmtId", str(self.number_format(number_format)))
            xf.set("applyNumberFormat", "1")
        return self._add("cellXfs", xf)

    def number_format(self, code: str) -> int:
        """The id of a number format, a built-in one or one appended."""
        if code in _BUILTIN_FORMATS:
            return _BUILTIN_FORMATS[code]
        formats = self._entries("numFmts")
        for entry in formats:
            if entry.get("formatCode") == code:
                return int(entry.get("numFmtId", "0"))
        number = max([163, *(int(e.get("numFmtId", "0")) for e in formats)]) + 1
        element = etree.Element(self.q("numFmt"))
        element.set("numFmtId", str(number))
        element.set("formatCode", code)
        self._add("numFmts", element)
        return number

    def fill_dxf(self, color: str) -> int:
        """A differential format that fills a cell with *color* (for conditional formats)."""
        color = color.upper()
        dxf = self._element(
            f'<dxf><fill><patternFill patternType="solid"><fgColor rgb="00{color}"/>'
            f'<bgColor rgb="00{color}"/></patternFill></fill></dxf>'
        )
        return self._add("dxfs", dxf)

    def import_xf(self, other: Styles, index: int) -> int:
        """Cell format *index* of another styles part, added here with its font, fill,
        border and number format."""
        xf = etree.fromstring(etree.tostring(other.xf(index)))
        for attribute, name in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
            entries = other._entries(name)
            number = int(xf.get(attribute, "0"))
            if 0 <= number < len(entries):
                copy = etree.fromstring(etree.tostring(entries[number]))
                xf.set(attribute, str(self._add(name, _renamespace(copy, self.ns))))
        number = int(xf.get("numFmtId", "0"))
        code = next(
            (
                e.get("formatCode")
                for e in other._entries("numFmts")
                if e.get("numFmtId") == str(number)
            ),
            None,
        )
        if code is not None:
            xf.set("numFmtId", str(self.number_format(code)))
        xf.set("xfId", "0")
        return self._add("cellXfs", _renamespace(xf, self.ns))


def _key(element: etree._Element) -> str:
    """What makes two style entries the same, whatever prefixes their namespaces have."""
    children = "".join(_key(c) for c in element if isinstance(c.tag, str))
    attributes = sorted(element.attrib.items())
    return f"<{element.tag} {attributes!r} {(element.text or '').strip()!r}>{children}</>"


def formula_cells(root: etree._Element) -> list[tuple[int, int]]:
    """(row, column) of every cell of a worksheet that holds a formula."""
    found = []
    for f in root.iter(f"{{{etree.QName(root).namespace}}}f"):
        cell = f.getparent()
        match = _CELL_REF.fullmatch(cell.get("r", "")) if cell is not None else None
        if match:
            found.append((int(match.group(2)), column_number(match.group(1))))
    return found


def drop(element: etree._Element, attribute: str) -> None:
    """Remove an attribute, if the element has it."""
    if attribute in element.attrib:
        del element.attrib[attribute]


def _renamespace(element: etree._Element, ns: str) -> etree._Element:
    """*element* and its children moved into namespace *ns* (Strict or transitional)."""
    for node in element.iter():
        if isinstance(node.tag, str):
            node.tag = f"{{{ns}}}{etree.QName(node).localname}"
    etree.cleanup_namespaces(element)
    return element


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class SheetEditor:
    """One worksheet part, edited in place."""

    def __init__(self, root: etree._Element, styles: Styles) -> None:
        self.root = root
        self.ns = etree.QName(root).namespace or ""
        self.styles = styles
        data = root.find(self.q("sheetData"))
        if data is None:
            data = etree.Element(self.q("sheetData"))
            _insert_in_order(root, data, WORKSHEET_ORDER)
        self.data = data
        self._rows: dict[int, etree._Element] | None = None
        self._cells: dict[int, dict[int, etree._Element]] = {}
        self.overwritten_formulas: list[str] = []  # cells whose formula uvp replaced
        self._extent: list[int] = []  # rows of the cells uvp made
        self._columns: list[int] = []  # and their columns
        self._col_styles: list[tuple[int, int, int]] | None = None  # (min, max, style) of <col>s
        self._priority: int | None = None  # the highest conditional format priority
        self._used = self._used_columns()  # columns holding something before uvp wrote

    def q(self, local: str) -> str:
        return f"{{{self.ns}}}{local}"

    # -- rows and cells ----------------------------------------------------------------------

    def _index(self) -> dict[int, etree._Element]:
        if self._rows is None:
            rows: dict[int, etree._Element] = {}
            number = 0
            tag = self.q("row")
            for row in self.data.iterchildren(tag):
                r = row.get("r")
                number = int(r) if r else number + 1
                if not r:
                    row.set("r", str(number))  # a row Excel would number; needed to add beside it
                rows[number] = row
            self._rows = rows
        return self._rows

    def _row(self, number: int, *, create: bool) -> etree._Element | None:
        rows = self._index()
        row = rows.get(number)
        if row is None and create:
            row = etree.Element(self.q("row"))
            row.set("r", str(number))
            following = min((n for n in rows if n > number), default=None)
            if following is None:
                self.data.append(row)
            else:
                rows[following].addprevious(row)
            rows[number] = row
        return row

    def _row_cells(self, number: int, row: etree._Element) -> dict[int, etree._Element]:
        cells = self._cells.get(number)
        if cells is None:
            cells = {}
            column = 0
            for cell in row.iterchildren(self.q("c")):
                ref = cell.get("r")
                if ref:
                    match = _CELL_REF.fullmatch(ref)
                    column = column_number(match.group(1)) if match else column + 1
                else:
                    column += 1
                    cell.set("r", f"{column_letters(column)}{number}")
                cells[column] = cell
            self._cells[number] = cells
        return cells

    def cell(self, number: int, column: int, *, create: bool) -> etree._Element | None:
        """The ``<c>`` element of a cell, made (empty, in its place) if *create*."""
        row = self._row(number, create=create)
        if row is None:
            return None
        cells = self._row_cells(number, row)
        cell = cells.get(column)
        if cell is None and create:
            cell = etree.Element(self.q("c"))
            cell.set("r", f"{column_letters(column)}{number}")
            style = self._inherited_style(row, column)
            if style:
                cell.set("s", str(style))
            if not cells:
                row.insert(0, cell)
            elif column > (last := max(cells)):
                cells[last].addnext(cell)
            else:
                cells[min(c for c in cells if c > column)].addprevious(cell)
            cells[column] = cell
            self._extent.append(number)
            self._widen_row(row, column)
        return cell

    def _inherited_style(self, row: etree._Element, column: int) -> int:
        """The format a new cell shows: its row's, else its column's."""
        if row.get("customFormat") in ("1", "true") and row.get("s"):
            return int(row.get("s", "0"))
        return self._column_style(column)

    def _column_style(self, column: int) -> int:
        if self._col_styles is None:
            self._col_styles = []
            cols = self.root.find(self.q("cols"))
            if cols is not None:
                for col in cols.iterchildren(self.q("col")):
                    self._col_styles.append(
                        (
                            int(col.get("min", "0")),
                            int(col.get("max", "0")),
                            int(col.get("style", "0")),
                        )
                    )
        return next((s for low, high, s in self._col_styles if low <= column <= high), 0)

    def _widen_row(self, row: etree._Element, column: int) -> None:
        spans = row.get("spans")
        if spans and ":" in spans and " " not in spans:
            first, last = (int(x) for x in spans.split(":"))
            if not first <= column <= last:
                row.set("spans", f"{min(first, column)}:{max(last, column)}")
        self._columns.append(column)

    def set_value(self, number: int, column: int, value: str | int | float | None) -> None:
        """Put *value* in a cell: text as an inline string (never a formula), numbers as numbers."""
        cell = self.cell(number, column, create=value is not None)
        if cell is None:
            return
        for child in list(cell):
            if isinstance(child.tag, str) and etree.QName(child).localname == "f":
                self.overwritten_formulas.append(cell.get("r", ""))
            cell.remove(child)
        for attribute in ("t", "cm", "vm"):
            drop(cell, attribute)
        if value is None:
            return
        if isinstance(value, str):
            if _ILLEGAL.search(value):
                raise WorkbookError(
                    "workbook-illegal-character", source="", cell=cell.get("r"), sheet=""
                )
            cell.set("t", "inlineStr")
            inline = etree.SubElement(cell, self.q("is"))
            text = etree.SubElement(inline, self.q("t"))
            text.text = escape_text(value)
            if value != value.strip() or "\n" in value:
                text.set(_XML_SPACE, "preserve")
        else:
            etree.SubElement(cell, self.q("v")).text = (
                repr(value) if isinstance(value, float) else str(int(value))
            )

    def style(self, number: int, column: int) -> int:
        """A cell's format index (its row's or column's where the cell has none)."""
        cell = self.cell(number, column, create=False)
        if cell is not None:
            return int(cell.get("s", "0"))
        row = self._row(number, create=False)
        if row is not None:
            return self._inherited_style(row, column)
        return self._column_style(column)

    def set_style(self, number: int, column: int, index: int) -> None:
        """Give a cell format *index*."""
        cell = self.cell(number, column, create=True)
        assert cell is not None
        if index:
            cell.set("s", str(index))
        else:
            drop(cell, "s")

    def formula_cells(self) -> list[tuple[int, int]]:
        """(row, column) of every cell that holds a formula."""
        return formula_cells(self.root)

    # -- columns, validations, conditional formats -------------------------------------------

    def _used_columns(self) -> set[int]:
        used = set()
        content = {self.q("v"), self.q("f"), self.q("is")}
        for cell in self.data.iter(self.q("c")):
            if any(child.tag in content for child in cell):
                match = _CELL_REF.fullmatch(cell.get("r", ""))
                if match:
                    used.add(column_number(match.group(1)))
        return used

    def column_width(self, column: int, width: float) -> None:
        """Set the width of a column new to the sheet.

        A column that already holds something, or whose width was set, keeps its
        width: it is the user's layout (a ``<col>`` covering a range of columns
        with no width of its own is split).
        """
        if column in self._used:
            return
        self._col_styles = None
        cols = self.root.find(self.q("cols"))
        if cols is None:
            cols = etree.Element(self.q("cols"))
            _insert_in_order(self.root, cols, WORKSHEET_ORDER)
        for col in list(cols.iterchildren(self.q("col"))):
            low, high = int(col.get("min", "0")), int(col.get("max", "0"))
            if low <= column <= high:
                if col.get("customWidth") in ("1", "true") or col.get("hidden") in ("1", "true"):
                    return
                for first, last in ((low, column - 1), (column + 1, high)):
                    if first <= last:
                        piece = etree.fromstring(etree.tostring(col))
                        piece.set("min", str(first))
                        piece.set("max", str(last))
                        if first < column:
                            col.addprevious(piece)
                        else:
                            col.addnext(piece)
                col.set("min", str(column))
                col.set("max", str(column))
                col.set("width", _number(width))
                col.set("customWidth", "1")
                return
        col = etree.Element(self.q("col"))
        col.set("min", str(column))
        col.set("max", str(column))
        col.set("width", _number(width))
        col.set("customWidth", "1")
        following = next(
            (c for c in cols.iterchildren(self.q("col")) if int(c.get("min", "0")) > column), None
        )
        if following is None:
            cols.append(col)
        else:
            following.addprevious(col)

    def row_height(self, number: int, height: float) -> None:
        """Set a row's height (in points)."""
        row = self._row(number, create=True)
        assert row is not None
        row.set("ht", _number(height))
        row.set("customHeight", "1")

    def link(self, number: int, column: int, location: str) -> None:
        """Make a cell a hyperlink to *location* in the workbook (``'Blad'!C4``)."""
        cell = self.cell(number, column, create=True)
        assert cell is not None
        ref = cell.get("r", "")
        links = self.root.find(self.q("hyperlinks"))
        if links is None:
            links = etree.Element(self.q("hyperlinks"))
            _insert_in_order(self.root, links, WORKSHEET_ORDER)
        for old in links.findall(self.q("hyperlink")):
            if old.get("ref") == ref and not any(str(k).endswith("}id") for k in old.attrib):
                links.remove(old)  # uvp's own link of a rerun (a user's, with a target, stays)
        link = etree.SubElement(links, self.q("hyperlink"))
        link.set("ref", ref)
        link.set("location", location)

    def add_list_validation(self, ref: str, options: Sequence[str], title: str, error: str) -> None:
        """A drop-down list on the cells of *ref*."""
        validations = self.root.find(self.q("dataValidations"))
        if validations is None:
            validations = etree.Element(self.q("dataValidations"))
            _insert_in_order(self.root, validations, WORKSHEET_ORDER)
        validation = etree.SubElement(validations, self.q("dataValidation"))
        for key, value in (
            ("type", "list"),
            ("allowBlank", "1"),
            ("showErrorMessage", "1"),
            ("errorTitle", title),
            ("error", error),
            ("sqref", ref),
        ):
            validation.set(key, value)
        formula = etree.SubElement(validation, self.q("formula1"))
        formula.text = '"' + ",".join(options) + '"'
        validations.set("count", str(len(validations.findall(self.q("dataValidation")))))

    def add_equals_rule(self, ref: str, equals: str, dxf: int) -> None:
        """Conditional formatting: format *dxf* where a cell's text equals *equals*."""
        if self._priority is None:
            self._priority = max(
                (
                    int(p)
                    for rule in self.root.iter("{*}cfRule")
                    if (p := rule.get("priority", "")).isdigit()
                ),
                default=0,
            )
        self._priority += 1
        block = etree.Element(self.q("conditionalFormatting"))
        block.set("sqref", ref)
        rule = etree.SubElement(block, self.q("cfRule"))
        rule.set("type", "cellIs")
        rule.set("dxfId", str(dxf))
        rule.set("priority", str(self._priority))
        rule.set("operator", "equal")
        etree.SubElement(rule, self.q("formula")).text = '"' + equals.replace('"', '""') + '"'
        _insert_in_order(self.root, block, WORKSHEET_ORDER)

    def finish(self) -> None:
        """Widen ``<dimension>`` to the cells uvp wrote."""
        if not self._extent:
            return
        dimension = self.root.find(self.q("dimension"))
        if dimension is None:
            return
        ref = dimension.get("ref", "A1")
        first, _, last = ref.partition(":")
        last = last or first
        a, b = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last)
        if not a or not b:
            return
        top, left = int(a.group(2)), column_number(a.group(1))
        bottom, right = int(b.group(2)), column_number(b.group(1))
        new = (
            f"{column_letters(min(left, *self._columns))}{min(top, *self._extent)}:"
            f"{column_letters(max(right, *self._columns))}{max(bottom, *self._extent)}"
        )
        if new != ref:
            dimension.set("ref", new)
