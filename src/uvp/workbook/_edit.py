"""The file implementation of :class:`~uvp.workbook.Target`: a workbook edited as a package.

:class:`PackageTarget` writes into the sheets of a user's workbook by editing
their worksheet parts in place (:mod:`uvp.workbook._sheetxml`). The sheets uvp
owns (``Controle``, ``Evaluatie``) are built whole with openpyxl in a workbook
of their own — the same :class:`~uvp.workbook.OpenpyxlTarget` that writes new
workbooks — and then grafted in: their worksheet part, drawing and chart become
new parts of the user's package, their formats are added to its
``styles.xml``, their texts become inline strings. A sheet uvp owns that is
already there is replaced in its place, with every part only it used.
Every part uvp does not touch is copied byte for byte when the package is saved.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from lxml import etree

from uvp.core import WorkbookError, cell_name
from uvp.workbook._package import NS, STRICT, Package, parse_xml, serialize_xml
from uvp.workbook._sheet import (
    BarChart,
    CellValue,
    FillRule,
    Link,
    ListValidation,
    PageSetup,
    Style,
)
from uvp.workbook._sheetxml import SheetEditor, Styles, _insert_in_order, drop, formula_cells
from uvp.workbook._target import OpenpyxlTarget

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["PackageTarget"]

_WORKSHEET_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_PENDING: Final = "xl/worksheets/.uvp-pending.xml"  # no part: a sheet's place while it is replaced
_STYLES_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
_CALC_CHAIN: Final = "calcChain"
# CT_Workbook's sequence, for a <definedNames> uvp adds.
_WORKBOOK_ORDER: Final = (
    "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
    "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
    "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
    "fileRecoveryPr", "webPublishObjects", "extLst",
)  # fmt: skip
_MINIMAL_STYLES: Final = (
    '<styleSheet xmlns="{ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font>'
    '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
    '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/>'
    '<right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf '
    'numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf '
    'numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>'
)


class PackageTarget:
    """:class:`~uvp.workbook.Target` on a workbook package, changing only what uvp owns.

    >>> from uvp.workbook._package import Package
    >>> target = PackageTarget(Package.open("examples/nijkerk-2024.xlsx"))
    >>> target.replace_sheet("Controle")
    >>> target.set_value("Controle", 1, 1, "=1+1")
    >>> target.commit()
    >>> [name for name, _ in target.package.sheets()][-1]
    'Controle'
    """

    def __init__(self, package: Package, *, source: str = "") -> None:
        self.package = package
        self.source = source  # the file, for messages
        self._styles: Styles | None = None
        self._editors: dict[str, SheetEditor] = {}
        # The sheets uvp builds afresh, by name: each in a workbook of its own.
        self._owned: dict[str, OpenpyxlTarget] = {}

    # -- where a call goes -----------------------------------------------------------------

    @property
    def styles(self) -> Styles:
        """The package's ``styles.xml``, appended to."""
        if self._styles is None:
            package = self.package
            rel = next((r for r in package.rels(package.workbook_part) if r.type == "styles"), None)
            if rel is None or rel.target not in package:
                part = package.free_name("xl/styles{}.xml").replace("styles1", "styles")
                package.write(part, _MINIMAL_STYLES.format(ns=package.main_ns).encode())
                package.relate(package.workbook_part, "styles", part)
                package.set_content_type(part, _STYLES_TYPE)
            else:
                part = rel.target
            self._styles = Styles(package.edit(part))
        return self._styles

    def _editor(self, sheet: str) -> SheetEditor:
        editor = self._editors.get(sheet)
        if editor is None:
            part = self.package.sheet_part(sheet)
            if part is None or part not in self.package:
                raise WorkbookError(
                    "workbook-corrupt",
                    source=self.source,
                    detail=f"sheet {sheet!r} has no worksheet part",
                )
            editor = SheetEditor(self.package.edit(part), self.styles)
            self._editors[sheet] = editor
        return editor

    def formula_cells(self, sheet: str) -> list[tuple[int, int]]:
        """(row, column) of the cells of *sheet* that hold a formula (read, not edited)."""
        editor = self._editors.get(sheet)
        if editor is not None:
            return editor.formula_cells()
        part = self.package.sheet_part(sheet)
        if part is None or part not in self.package:
            return []
        return formula_cells(self.package.tree(part))

    def _own(self, sheet: str) -> OpenpyxlTarget | None:
        return self._owned.get(sheet)

    # -- Target ----------------------------------------------------------------------------

    def set_value(self, sheet: str, row: int, column: int, value: CellValue) -> None:
        """Put *value* in a cell (text stays text)."""
        own = self._own(sheet)
        if own is not None:
            own.set_value(sheet, row, column, value)
            return
        try:
            self._editor(sheet).set_value(row, column, value)
        except WorkbookError as error:
            raise WorkbookError(
                "workbook-illegal-character",
                source=sheet,
                cell=cell_name(row, column),
                sheet=sheet,
            ) from error

    def set_style(self, sheet: str, row: int, column: int, style: Style) -> None:
        """Format a cell: a format like the cell's own, with what *style* says."""
        own = self._own(sheet)
        if own is not None:
            own.set_style(sheet, row, column, style)
            return
        editor = self._editor(sheet)
        index = self.styles.derive(
            editor.style(row, column),
            bold=style.bold,
            italic=style.italic,
            underline=style.underline,
            size=style.size,
            color=style.color,
            fill=style.fill,
            bottom_border=style.bottom_border,
            wrap=style.wrap,
            horizontal=style.horizontal,
            vertical=style.vertical,
            number_format=style.number_format,
        )
        editor.set_style(row, column, index)

    def replace_sheet(self, name: str) -> None:
        """Start sheet *name* afresh (a sheet uvp owns); it takes the old one's place."""
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = name
        self._owned[name] = OpenpyxlTarget(book)

    def add_list_validation(self, sheet: str, validation: ListValidation) -> None:
        """A drop-down list on a column's rows."""
        own = self._own(sheet)
        if own is not None:
            own.add_list_validation(sheet, validation)
            return
        column = validation.column
        ref = f"{cell_name(validation.first_row, column)}:{cell_name(validation.last_row, column)}"
        self._editor(sheet).add_list_validation(
            ref, validation.options, validation.error_title or "", validation.error or ""
        )

    def add_fill_rule(self, sheet: str, rule: FillRule) -> None:
        """Conditional formatting: a fill for the cells whose text equals a value."""
        own = self._own(sheet)
        if own is not None:
            own.add_fill_rule(sheet, rule)
            return
        ref = f"{cell_name(rule.first_row, rule.column)}:{cell_name(rule.last_row, rule.column)}"
        self._editor(sheet).add_equals_rule(ref, rule.equals, self.styles.fill_dxf(rule.fill))

    def link(self, sheet: str, row: int, column: int, link: Link) -> None:
        """Make a cell a hyperlink (to another file only on a sheet uvp owns)."""
        own = self._own(sheet)
        if own is not None:
            own.link(sheet, row, column, link)
            return
        if link.file is not None:
            raise NotImplementedError("uvp links to other files only from the sheets it owns")
        self._editor(sheet).link(row, column, link.location)

    def bar_chart(self, sheet: str, chart: BarChart) -> None:
        """A native Excel bar chart (on a sheet uvp owns)."""
        own = self._own(sheet)
        if own is None:
            raise NotImplementedError("uvp draws charts only on the sheets it owns")
        own.bar_chart(sheet, chart)

    def column_width(self, sheet: str, column: int, width: float) -> None:
        """Set a column's width (in characters)."""
        own = self._own(sheet)
        if own is not None:
            own.column_width(sheet, column, width)
            return
        self._editor(sheet).column_width(column, width)

    def row_height(self, sheet: str, row: int, height: float) -> None:
        """Set a row's height (in points)."""
        own = self._own(sheet)
        if own is not None:
            own.row_height(sheet, row, height)
            return
        self._editor(sheet).row_height(row, height)

    def hide_column(self, sheet: str, column: int) -> None:
        """Hide a column (on a sheet uvp owns)."""
        own = self._own(sheet)
        if own is None:
            raise NotImplementedError("uvp hides columns only on the sheets it owns")
        own.hide_column(sheet, column)

    def freeze(self, sheet: str, cell: str) -> None:
        """Freeze panes (on a sheet uvp owns)."""
        own = self._own(sheet)
        if own is None:
            raise NotImplementedError("uvp freezes panes only on the sheets it owns")
        own.freeze(sheet, cell)

    def page_setup(self, sheet: str, setup: PageSetup) -> None:
        """How the sheet prints (on a sheet uvp owns)."""
        own = self._own(sheet)
        if own is None:
            raise NotImplementedError("uvp sets printing only on the sheets it owns")
        own.page_setup(sheet, setup)

    # -- finishing ---------------------------------------------------------------------------

    def commit(self) -> None:
        """Put what was written into the package: grafts, formats, calculation chain."""
        stale: list[tuple[int, str | None]] = []  # (sheetId, cell or None for the whole sheet)
        for name, own in self._owned.items():
            stale.extend(_graft(self.package, self.styles, name, own.book))
        self._owned.clear()
        sheet_ids = self._sheet_ids()
        for name, editor in self._editors.items():
            editor.finish()
            stale.extend((sheet_ids[name], ref) for ref in editor.overwritten_formulas)
        if stale:
            _prune_calc_chain(self.package, stale)

    def _sheet_ids(self) -> dict[str, int]:
        return {
            e.get("name", ""): int(e.get("sheetId", "0")) for e in self.package.sheet_elements()
        }


def _graft(
    package: Package, styles: Styles, name: str, book: Workbook
) -> list[tuple[int, str | None]]:
    """Put sheet *name* of *book* into *package*, in place of a sheet of that name."""
    buffer = io.BytesIO()
    book.save(buffer)
    donor = Package.open(buffer)
    donor_part = donor.sheet_part(name)
    assert donor_part is not None
    sheet = _as_package(package, donor.read(donor_part))
    _inline_strings(donor, sheet)
    _restyle(sheet, Styles(donor.tree(_styles_part(donor))), styles)
    for view in sheet.iter(f"{{{package.main_ns}}}sheetView"):
        drop(view, "tabSelected")  # the user's selected sheet stays the selected one

    if sheet.find(f".//{{{package.main_ns}}}f") is not None:
        _calculate_on_load(package)  # a formula of uvp's has no value until Excel computes it

    workbook = package.edit(package.workbook_part)
    r_id = f"{{{package.ns['r']}}}id"
    elements = package.sheet_elements()
    old = next((e for e in elements if e.get("name") == name), None)
    rid = old.get(r_id, "") if old is not None else ""
    related = any(r.id == rid for r in package.rels(package.workbook_part))
    if old is not None:
        # The old sheet's parts (and what only they lead to) go first, so that the new
        # sheet takes their names: the same command run twice writes the same file.
        old_part = next((p for n, p in package.sheets() if n == name), None)
        closure = package.reachable([old_part]) if old_part else set()
        if related:
            package.retarget(package.workbook_part, rid, "worksheet", _PENDING)
        alive = package.reachable(package.top_parts())
        for gone in sorted(closure - alive):
            package.remove(gone)
    part = package.free_name("xl/worksheets/sheet{}.xml")
    package.write(part, serialize_xml(sheet))
    package.set_content_type(part, _WORKSHEET_TYPE)
    _copy_rels(donor, donor_part, package, part)

    stale: list[tuple[int, str | None]] = []
    if old is not None:
        index = elements.index(old)
        if related:
            package.retarget(package.workbook_part, rid, "worksheet", part)
        else:
            old.set(r_id, package.relate(package.workbook_part, "worksheet", part))
        _drop_local_names(package, index)
        stale.append((int(old.get("sheetId", "0")), None))
    else:
        index = len(elements)
        sheets = workbook.find(package.q("sheets"))
        assert sheets is not None
        element = etree.SubElement(sheets, package.q("sheet"))
        element.set("name", name)
        element.set(
            "sheetId", str(max((int(e.get("sheetId", "0")) for e in elements), default=0) + 1)
        )
        element.set(r_id, package.relate(package.workbook_part, "worksheet", part))
    _copy_local_names(donor, package, index)
    return stale


def _calculate_on_load(package: Package) -> None:
    """Ask Excel to recalculate the whole workbook when it opens it."""
    workbook = package.edit(package.workbook_part)
    calc = workbook.find(package.q("calcPr"))
    if calc is None:
        calc = etree.Element(package.q("calcPr"))
        _insert_in_order(workbook, calc, _WORKBOOK_ORDER)
    calc.set("fullCalcOnLoad", "1")


def _as_package(package: Package, data: bytes) -> etree._Element:
    """A part openpyxl wrote, in the package's flavour of Open XML."""
    if package.strict:
        text = data.decode("utf-8")
        for key in ("main", "r", "xdr", "c", "a"):
            text = text.replace(f'"{NS[key]}', f'"{STRICT[key]}')
        data = text.encode("utf-8")
    return parse_xml(data)


def _styles_part(package: Package) -> str:
    return next(r.target for r in package.rels(package.workbook_part) if r.type == "styles")


def _inline_strings(donor: Package, sheet: etree._Element) -> None:
    """Cells that point into the donor's shared strings get their text inline."""
    ns = etree.QName(sheet).namespace
    rel = next((r for r in donor.rels(donor.workbook_part) if r.type == "sharedStrings"), None)
    if rel is None:
        return
    table = donor.tree(rel.target)
    strings = [si for si in table if isinstance(si.tag, str)]
    for cell in sheet.iter(f"{{{ns}}}c"):
        if cell.get("t") != "s":
            continue
        value = cell.find(f"{{{ns}}}v")
        assert value is not None
        assert value.text is not None
        cell.remove(value)
        cell.set("t", "inlineStr")
        inline = etree.SubElement(cell, f"{{{ns}}}is")
        for child in strings[int(value.text)]:
            copy = etree.fromstring(etree.tostring(child))
            for node in copy.iter():
                if isinstance(node.tag, str):
                    node.tag = f"{{{ns}}}{etree.QName(node).localname}"
            inline.append(copy)


def _restyle(sheet: etree._Element, donor: Styles, styles: Styles) -> None:
    """Style indexes of the donor's formats become those of the same formats in *styles*."""
    ns = etree.QName(sheet).namespace
    mapping: dict[int, int] = {}

    def mapped(value: str) -> str:
        index = int(value)
        if index not in mapping:
            mapping[index] = styles.import_xf(donor, index)
        return str(mapping[index])

    for tag, attribute in (("c", "s"), ("row", "s"), ("col", "style")):
        for element in sheet.iter(f"{{{ns}}}{tag}"):
            value = element.get(attribute)
            if value is not None:
                element.set(attribute, mapped(value))


def _copy_rels(donor: Package, donor_part: str, package: Package, part: str) -> None:
    """Copy *donor_part*'s relationships to *part*, and the donor's parts they lead to."""
    for rel in donor.rels(donor_part):
        if rel.external:
            package.relate(part, rel.type, rel.target, external=True, rid=rel.id)
            continue
        folder, base = posixpath.split(rel.target)
        pattern = posixpath.join(folder, re.sub(r"\d+(?=\.[^.]+$)", "{}", base))
        if "{}" not in pattern:
            stem, dot, extension = base.rpartition(".")
            pattern = posixpath.join(folder, f"{stem}{{}}{dot}{extension}")
        name = package.free_name(pattern)
        data = donor.read(rel.target)
        if rel.target.endswith(".xml"):
            data = serialize_xml(_as_package(package, data))
        package.write(name, data)
        content_type = donor.content_type(rel.target)
        if content_type is not None:
            package.set_content_type(name, content_type)
        package.relate(part, rel.type, name, rid=rel.id)
        _copy_rels(donor, rel.target, package, name)


def _defined_names(package: Package) -> etree._Element | None:
    return package.tree(package.workbook_part).find(package.q("definedNames"))


def _drop_local_names(package: Package, index: int) -> None:
    """Remove the defined names local to sheet number *index* (its print titles, ...)."""
    names = _defined_names(package)
    if names is None:
        return
    package.edit(package.workbook_part)
    for element in list(names):
        if isinstance(element.tag, str) and element.get("localSheetId") == str(index):
            names.remove(element)
    parent = names.getparent()
    if not len(names) and parent is not None:
        parent.remove(names)


def _copy_local_names(donor: Package, package: Package, index: int) -> None:
    """The donor's names local to its one sheet, local to sheet *index* of *package*."""
    names = donor.tree(donor.workbook_part).find(donor.q("definedNames"))
    if names is None:
        return
    workbook = package.edit(package.workbook_part)
    target = _defined_names(package)
    for element in names:
        if not isinstance(element.tag, str) or element.get("localSheetId") != "0":
            continue
        if target is None:
            target = etree.Element(package.q("definedNames"))
            _insert_in_order(workbook, target, _WORKBOOK_ORDER)
        copy = etree.SubElement(target, package.q("definedName"))
        for key, value in element.attrib.items():
            copy.set(key, value)
        copy.set("localSheetId", str(index))
        copy.text = element.text


def _prune_calc_chain(package: Package, stale: Sequence[tuple[int, str | None]]) -> None:
    """Take out of ``calcChain.xml`` the cells uvp overwrote and the sheets it replaced."""
    rel = next((r for r in package.rels(package.workbook_part) if r.type == _CALC_CHAIN), None)
    if rel is None or rel.target not in package:
        return
    sheets = {sheet for sheet, cell in stale if cell is None}
    cells = {(sheet, cell) for sheet, cell in stale if cell is not None}
    root = package.tree(rel.target)
    entries = [e for e in root if isinstance(e.tag, str)]
    current = "0"
    doomed = []
    for position, entry in enumerate(entries):
        current = entry.get("i", current)
        if int(current) in sheets or (int(current), entry.get("r")) in cells:
            doomed.append(entry)
            following = entries[position + 1] if position + 1 < len(entries) else None
            if following is not None and following.get("i") is None:
                following.set("i", current)
    if not doomed:
        return
    root = package.edit(rel.target)
    for entry in doomed:
        root.remove(entry)
    if not len(root):
        package.unrelate(package.workbook_part, rel.id)
        package.remove(rel.target)
