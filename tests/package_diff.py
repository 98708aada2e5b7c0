"""Compare a workbook package before and after uvp wrote into it, part by part.

:func:`losses` lists everything of the user's that is gone or changed; an
empty list means uvp kept it all. What uvp owns may change:

- the sheets it owns (``Controle``, ``Evaluatie``) and every part only they
  use, and the package bookkeeping that lists them (content types, the
  workbook's sheet list and relationships);
- in ``styles.xml``, entries appended to each list (existing entries stay
  where they are, unchanged);
- in ``calcChain.xml``, entries of cells that no longer hold a formula;
- in the worksheets it edits: cells that were empty (no value, no formula)
  may get a value and a format, rows may gain cells, ``<cols>`` may gain
  widths for columns that were unused, and ``<conditionalFormatting>`` and
  ``<dataValidations>`` may gain entries; ``<dimension>`` and a row's
  ``spans`` may widen. Every other element stays equal and in its order, and
  every cell that held something keeps its value, formula, type and format.

Every other part must be byte-identical. The comparison is written
independently of uvp's own package code (it reads the zips with zipfile and
lxml), so that it can judge it.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

OWNED = ("Controle", "Evaluatie")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_EDITABLE_SHEET_PARTS = {
    "sheetData",
    "dimension",
    "cols",
    "conditionalFormatting",
    "dataValidations",
}
_STYLE_LISTS = {
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
}
_REF = re.compile(r"([A-Z]+)([0-9]+)")


def _zip(source: Path | bytes) -> dict[str, bytes]:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def _c14n(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element) -> list[etree._Element]:
    return [c for c in element if isinstance(c.tag, str)]


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _rels(parts: dict[str, bytes], part: str) -> list[tuple[str, str, str, bool]]:
    """(id, type's last word, target part, external) of *part*'s relationships."""
    name = _rels_name(part)
    if name not in parts:
        return []
    found = []
    for rel in _children(_xml(parts[name])):
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target", "")
        if not external:
            if target.startswith("/"):
                target = target.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
        found.append((rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], target, external))
    return found


def _workbook_part(parts: dict[str, bytes]) -> str:
    for _, kind, target, _ in _rels(parts, ""):
        if kind == "officeDocument":
            return target
    return "xl/workbook.xml"


def _sheets(parts: dict[str, bytes]) -> list[tuple[str, str, etree._Element]]:
    """(name, part, <sheet> element) for every sheet, in tab order."""
    workbook = _workbook_part(parts)
    rels = {rid: target for rid, _, target, _ in _rels(parts, workbook)}
    root = _xml(parts[workbook])
    found = []
    for sheet in root.iter("{*}sheet"):
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), "")
        found.append((sheet.get("name", ""), rels.get(rid, ""), sheet))
    return found


def _reachable(parts: dict[str, bytes], roots: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = [r for r in roots if r in parts]
    while todo:
        part = todo.pop()
        if part in seen:
            continue
        seen.add(part)
        for _, _, target, external in _rels(parts, part):
            if not external and target in parts:
                todo.append(target)
    return seen


def losses(
    before: Path | bytes,
    after: Path | bytes,
    *,
    owned: Iterable[str] = OWNED,
    sheets_edited: bool = True,
) -> list[str]:
    """Everything of *before* that *after* lost or changed outside what uvp owns.

    Without *sheets_edited* (``validate --write``, ``evaluate``), the user's
    worksheets must be byte-identical too.
    """
    old, new = _zip(before), _zip(after)
    owned = set(owned)
    found: list[str] = []
    old_sheets = {name: part for name, part, _ in _sheets(old)}
    new_sheets = {name: part for name, part, _ in _sheets(new)}
    owned_old = _reachable(old, [p for n, p in old_sheets.items() if n in owned])
    user_roots = [p for n, p in old_sheets.items() if n not in owned]
    # A part the user's sheets reach stays the user's, even if an owned sheet reaches it too.
    owned_old -= _reachable(old, user_roots)
    workbook = _workbook_part(old)
    sheet_parts = {p: n for n, p in old_sheets.items() if n not in owned}
    structural = {
        "[Content_Types].xml": _content_types,
        workbook: _workbook,
        _rels_name(workbook): _workbook_rels,
    }
    styles = next((t for _, k, t, _ in _rels(old, workbook) if k == "styles"), None)
    chain = next((t for _, k, t, _ in _rels(old, workbook) if k == "calcChain"), None)
    for name, data in old.items():
        if name in owned_old or (name.endswith(".rels") and _rels_source(name) in owned_old):
            continue
        if name not in new:
            if name == chain and _chain_may_go(old, new, data):
                continue
            found.append(f"{name}: part lost")
            continue
        if new[name] == data:
            continue
        try:
            if name in structural:
                found.extend(structural[name](old, new, name, owned))
            elif name == styles:
                found.extend(_styles(data, new[name], name))
            elif name == chain:
                found.extend(_calc_chain(data, new[name], name, new))
            elif name in sheet_parts and sheets_edited:
                found.extend(_worksheet(data, new[name], name))
            else:
                found.append(f"{name}: part changed")
        except etree.XMLSyntaxError as error:
            found.append(f"{name}: no longer XML ({error})")
    for name, part in old_sheets.items():
        if name not in owned and new_sheets.get(name) != part:
            found.append(f"sheet {name!r}: moved from {part} to {new_sheets.get(name)}")
    return found


def _rels_source(rels: str) -> str:
    folder, name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), name.removesuffix(".rels"))


def _content_types(
    old: dict[str, bytes], new: dict[str, bytes], name: str, owned: set[str]
) -> list[str]:
    before, after = _xml(old[name]), _xml(new[name])
    kept = {_c14n(e) for e in _children(after)}
    found = []
    for entry in _children(before):
        part = entry.get("PartName", "").lstrip("/")
        if _local(entry) == "Override" and part not in new:
            continue  # the part went (an owned sheet's, checked above)
        if _c14n(entry) not in kept:
            found.append(f"{name}: {entry.get('PartName') or entry.get('Extension')} changed")
    return found


def _workbook(
    old: dict[str, bytes], new: dict[str, bytes], name: str, owned: set[str]
) -> list[str]:
    before, after = _xml(old[name]), _xml(new[name])
    found = []
    free = {"sheets", "definedNames", "bookViews"}
    b = [c for c in _children(before) if _local(c) not in free]
    a = [c for c in _children(after) if _local(c) not in free]
    if [_c14n(c) for c in b] != [_c14n(c) for c in a]:
        found.append(f"{name}: elements other than the sheet list changed")
    if before.attrib != after.attrib:
        found.append(f"{name}: workbook attributes changed")
    views_b, views_a = before.find("{*}bookViews"), after.find("{*}bookViews")
    if (views_b is None) != (views_a is None) or (
        views_b is not None and views_a is not None and _c14n(views_b) != _c14n(views_a)
    ):
        found.append(f"{name}: workbook views changed")
    old_list = [(n, e) for n, _, e in _sheets(old)]
    new_list = [(n, e) for n, _, e in _sheets(new)]
    new_by_name = dict(new_list)
    old_user = [n for n, _ in old_list if n not in owned]
    if [n for n, _ in new_list if n not in owned] != old_user:
        found.append(f"{name}: the user's sheets are not all there, in order")
    for sheet, element in old_list:
        if sheet in owned:
            continue
        if sheet in new_by_name and _c14n(new_by_name[sheet]) != _c14n(element):
            found.append(f"{name}: sheet {sheet!r} changed in the sheet list")
    # Defined names: every name not local to an owned sheet is still there, for the same sheet.
    old_index = [n for n, _ in old_list]
    new_index = [n for n, _ in new_list]

    def names(root: etree._Element, index: list[str]) -> set[tuple[object, ...]]:
        found_names = set()
        for element in root.iter("{*}definedName"):
            local = element.get("localSheetId")
            sheet = index[int(local)] if local is not None and int(local) < len(index) else None
            if sheet in owned:
                continue
            attributes = tuple(
                sorted((k, v) for k, v in element.attrib.items() if k != "localSheetId")
            )
            found_names.add((sheet, attributes, element.text))
        return found_names

    missing = names(before, old_index) - names(after, new_index)
    for sheet, attributes, text in sorted(missing, key=str):
        found.append(f"{name}: defined name {dict(attributes).get('name')} ({sheet}, {text}) lost")
    return found


def _workbook_rels(
    old: dict[str, bytes], new: dict[str, bytes], name: str, owned: set[str]
) -> list[str]:
    owner = _workbook_part(old)
    owned_ids = {
        next((v for k, v in e.attrib.items() if k.endswith("}id")), "")
        for n, _, e in _sheets(old)
        if n in owned
    }
    after = {rid: (kind, target) for rid, kind, target, _ in _rels(new, owner)}
    found = []
    for rid, kind, target, _ in _rels(old, owner):
        if rid in owned_ids or (kind == "calcChain" and target not in new):
            continue
        if after.get(rid) != (kind, target):
            found.append(f"{name}: relationship {rid} ({kind} -> {target}) lost or changed")
    return found


def _styles(old: bytes, new: bytes, name: str) -> list[str]:
    before, after = _xml(old), _xml(new)
    found = []
    b, a = _children(before), _children(after)
    a_by_name = {_local(c): c for c in a}
    for child in b:
        local = _local(child)
        other = a_by_name.get(local)
        if other is None:
            found.append(f"{name}: {local} lost")
        elif local in _STYLE_LISTS:
            entries_b, entries_a = _children(child), _children(other)
            if [_c14n(e) for e in entries_b] != [_c14n(e) for e in entries_a[: len(entries_b)]]:
                found.append(f"{name}: existing {local} entries changed or renumbered")
        elif _c14n(child) != _c14n(other):
            found.append(f"{name}: {local} changed")
    order_b = [_local(c) for c in b]
    order_a = [_local(c) for c in a if _local(c) in order_b]
    if order_a != order_b:
        found.append(f"{name}: elements reordered")
    return found


def _formula_cells(new: dict[str, bytes]) -> set[tuple[int, str]]:
    cells = set()
    for _, part, element in _sheets(new):
        if part not in new:
            continue
        sheet_id = int(element.get("sheetId", "0"))
        root = _xml(new[part])
        for f in root.iter("{*}f"):
            cell = f.getparent()
            if cell is not None:
                cells.add((sheet_id, cell.get("r", "")))
    return cells


def _chain(data: bytes) -> list[tuple[int, str]]:
    entries = []
    current = "0"
    for entry in _children(_xml(data)):
        current = entry.get("i", current)
        entries.append((int(current), entry.get("r", "")))
    return entries


def _chain_may_go(old: dict[str, bytes], new: dict[str, bytes], data: bytes) -> bool:
    formulas = _formula_cells(new)
    return not any(entry in formulas for entry in _chain(data))


def _calc_chain(old: bytes, new: bytes, name: str, parts: dict[str, bytes]) -> list[str]:
    kept = set(_chain(new))
    formulas = _formula_cells(parts)
    return [
        f"{name}: entry {entry} dropped while the cell holds a formula"
        for entry in _chain(old)
        if entry not in kept and entry in formulas
    ]


def _cell_content(cell: etree._Element) -> tuple[bytes, ...]:
    return tuple(_c14n(c) for c in _children(cell))


def _worksheet(old: bytes, new: bytes, name: str) -> list[str]:
    before, after = _xml(old), _xml(new)
    found = []
    if before.attrib != after.attrib or before.nsmap != after.nsmap:
        found.append(f"{name}: worksheet attributes or namespaces changed")
    # Every element uvp does not own: equal, and in the same order.
    b = [c for c in _children(before) if _local(c) not in _EDITABLE_SHEET_PARTS]
    a = [c for c in _children(after) if _local(c) not in _EDITABLE_SHEET_PARTS]
    if [_local(c) for c in b] != [_local(c) for c in a]:
        found.append(
            f"{name}: elements lost or reordered: {[_local(c) for c in b]} -> {[_local(c) for c in a]}"
        )
    else:
        for x, y in zip(b, a, strict=True):
            if _c14n(x) != _c14n(y):
                found.append(f"{name}: <{_local(x)}> changed")
    # The schema's order of every element, uvp's included.
    # (mc:AlternateContent, which wraps controls and objects, is left where Excel put it)
    order = [n for n in (_local(c) for c in _children(after)) if n in _WORKSHEET_ORDER]
    if order != sorted(order, key=_WORKSHEET_ORDER.index):
        found.append(f"{name}: elements out of the schema's order: {order}")
    # Conditional formats and validations: the old ones all there, in order.
    for local in ("conditionalFormatting", "dataValidation"):
        old_items = [_c14n(e) for e in before.iter(f"{{*}}{local}")]
        new_items = [_c14n(e) for e in after.iter(f"{{*}}{local}")]
        if not _subsequence(old_items, new_items):
            found.append(f"{name}: a {local} lost or changed")
    found.extend(_cols(before, after, name))
    found.extend(_cells(before, after, name))
    return found


def _subsequence(small: list[bytes], big: list[bytes]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


def _columns(root: etree._Element) -> dict[int, dict[str, str]]:
    found = {}
    for col in root.iter("{*}col"):
        attributes = {k: v for k, v in col.attrib.items() if k not in ("min", "max")}
        for number in range(int(col.get("min", "0")), int(col.get("max", "0")) + 1):
            found[number] = attributes
    return found


def _used_columns(root: etree._Element) -> set[int]:
    used = set()
    for cell in root.iter("{*}c"):
        match = _REF.fullmatch(cell.get("r", ""))
        if match and _children(cell):
            used.add(_column(match.group(1)))
    return used


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _cols(before: etree._Element, after: etree._Element, name: str) -> list[str]:
    old, new = _columns(before), _columns(after)
    used = _used_columns(before)
    found = []
    for number, attributes in old.items():
        if new.get(number) == attributes:
            continue
        if number in used:
            found.append(f"{name}: width or format of column {number} (in use) changed")
        elif (
            not {k: v for k, v in attributes.items() if k not in ("width", "customWidth")}.items()
            <= new.get(number, {}).items()
        ):
            found.append(f"{name}: column {number} lost its settings")
    return found


def _numbered(parent: etree._Element, tag: str, row: int = 0) -> dict[str, etree._Element]:
    """Rows (or a row's cells) by their number (or place), counting those without one."""
    found = {}
    number = 0
    for element in parent.iterchildren(f"{{*}}{tag}"):
        r = element.get("r")
        if tag == "row":
            number = int(r) if r else number + 1
            found[str(number)] = element
        else:
            match = _REF.fullmatch(r or "")
            number = _column(match.group(1)) if match else number + 1
            found[f"{number}:{row}"] = element
    return found


def _attributes(element: etree._Element, *ignored: str) -> dict[str, str]:
    """An element's attributes, but for its number (which may be written or implied)."""
    return {k: v for k, v in element.attrib.items() if k not in ("r", *ignored)}


def _cells(before: etree._Element, after: etree._Element, name: str) -> list[str]:
    found: list[str] = []
    old_data, new_data = before.find("{*}sheetData"), after.find("{*}sheetData")
    if old_data is None:
        return found
    if new_data is None:
        return [f"{name}: sheetData lost"]
    new_rows = _numbered(new_data, "row")
    for number, row in _numbered(old_data, "row").items():
        other = new_rows.get(number)
        if other is None:
            found.append(f"{name}: row {number} lost")
            continue
        if _attributes(row, "spans") != _attributes(other, "spans"):
            found.append(f"{name}: row {number} attributes changed")
        new_cells = _numbered(other, "c", int(number))
        for key, cell in _numbered(row, "c", int(number)).items():
            twin = new_cells.get(key)
            ref = cell.get("r") or key
            if twin is None:
                found.append(f"{name}: cell {ref} lost")
                continue
            content = _cell_content(cell)
            if not content:
                continue  # an empty cell: uvp may write into it
            if content != _cell_content(twin) or _attributes(cell) != _attributes(twin):
                found.append(f"{name}: cell {ref} changed")
    return found


_WORKSHEET_ORDER = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
    "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
    "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
    "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
    "controls", "webPublishItems", "tableParts", "extLst",
)  # fmt: skip
