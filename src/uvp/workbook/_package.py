"""A workbook file opened as what it is: a zip package of parts, edited part by part.

uvp writes into a user's workbook by changing only the parts it must change
(the sheets that hold plan tables, ``styles.xml``, the workbook's sheet list,
its relationships and content types) and copying every other part byte for
byte: pictures, charts, VBA, comments, pivot caches, rich data, extensions —
whatever Excel or another program put there, modelled by uvp or not.

:class:`Package` holds the parts; it reads the package's relationships and
content types and keeps them consistent when a part is added or removed.
Transitional and Strict Open XML packages are both handled: uvp's own parts
are written in the namespaces the package uses.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Final

from lxml import etree

__all__ = [
    "NS",
    "STRICT",
    "DamagedPartError",
    "Package",
    "Relationship",
    "parse_xml",
    "serialize_xml",
]

PACKAGE_RELS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"

NS: Final = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
"""Transitional Open XML namespaces (what openpyxl and nearly every workbook use)."""

STRICT: Final = {
    "main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "xdr": "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
    "c": "http://purl.oclc.org/ooxml/drawingml/chart",
    "a": "http://purl.oclc.org/ooxml/drawingml/main",
}
"""The same namespaces in Strict Open XML (Excel's "Strict Open XML Spreadsheet")."""

_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False
)


class DamagedPartError(ValueError):
    """A part of the package is missing or not what it must be: the catalogue's text
    for what is wrong (``package-part-missing``, ``package-part-not-xml``), and the part."""

    def __init__(self, reason: str, part: str) -> None:
        super().__init__(f"{part}: {reason}")
        self.part = part
        self.reason = reason


def parse_xml(data: bytes) -> etree._Element:
    """An XML part as an lxml tree (no entities resolved, nothing fetched)."""
    return etree.fromstring(data, _PARSER)


def _canonical(data: bytes) -> bytes | None:
    """An XML part in canonical form (C14N: attributes in one order), ``None`` if not XML."""
    try:
        return etree.tostring(parse_xml(data), method="c14n")
    except etree.XMLSyntaxError:
        return None


def serialize_xml(root: etree._Element) -> bytes:
    """An XML part as bytes, with the declaration Excel writes."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class Relationship:
    """One relationship of a part: its id, type (last word), target part, and element."""

    __slots__ = ("element", "external", "id", "target", "type")

    def __init__(self, element: etree._Element, source: str) -> None:
        self.element = element
        self.id = element.get("Id", "")
        self.type = element.get("Type", "").rsplit("/", 1)[-1]
        self.external = element.get("TargetMode") == "External"
        target = element.get("Target", "")
        if self.external:
            self.target = target
        elif target.startswith("/"):
            self.target = target.lstrip("/")
        else:
            folder = posixpath.dirname(source)
            self.target = posixpath.normpath(posixpath.join(folder, target))


def rels_name(part: str) -> str:
    """The relationships part of *part* (``xl/_rels/workbook.xml.rels``)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def relative(source: str, target: str) -> str:
    """*target* as a path relative to *source*'s folder, as relationships write it."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


class Package:
    """The parts of a workbook file, read once; changed parts are kept apart.

    >>> from uvp.workbook._package import Package
    >>> package = Package.open("examples/nijkerk-2024.xlsx")
    >>> package.main_ns == NS["main"], package.workbook_part
    (True, 'xl/workbook.xml')
    >>> [name for name, _ in package.sheets()][:2]
    ['Plan', 'Doelen']
    """

    def __init__(self, infos: list[zipfile.ZipInfo], data: dict[str, bytes]) -> None:
        self._infos = infos
        self._data = data  # every part's bytes, as read
        self._changed: dict[str, bytes] = {}  # new or rewritten parts
        self._removed: set[str] = set()
        self._trees: dict[str, etree._Element] = {}  # parsed XML parts
        self._dirty: set[str] = set()  # parsed parts that were edited
        self.workbook_part = self._office_document()
        root = self.tree(self.workbook_part)
        self.main_ns = etree.QName(root).namespace or NS["main"]
        self.strict = self.main_ns == STRICT["main"]
        self.ns = STRICT if self.strict else NS

    @classmethod
    def open(cls, path: str | Path | IO[bytes]) -> Package:
        """Read every part of the package at *path* (checked beforehand by the caller)."""
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            data = {info.filename: archive.read(info) for info in infos}
        return cls(infos, data)

    # -- parts ------------------------------------------------------------------------------

    def names(self) -> list[str]:
        """Every part's name, in the package's order, new parts last."""
        kept = [i.filename for i in self._infos if i.filename not in self._removed]
        return kept + [n for n in self._changed if n not in self._data]

    def __contains__(self, name: str) -> bool:
        return name not in self._removed and (name in self._data or name in self._changed)

    def read(self, name: str) -> bytes:
        """The bytes of a part (as changed, if it was)."""
        if name in self._dirty:
            return serialize_xml(self._trees[name])
        if name in self._changed:
            return self._changed[name]
        if name in self._removed or name not in self._data:
            raise DamagedPartError("package-part-missing", name)
        return self._data[name]

    def tree(self, name: str) -> etree._Element:
        """A part's XML, to read: see :meth:`edit` to change it."""
        if name not in self._trees:
            try:
                self._trees[name] = parse_xml(self.read(name))
            except etree.XMLSyntaxError as error:
                raise DamagedPartError("package-part-not-xml", name) from error
        return self._trees[name]

    def edit(self, name: str) -> etree._Element:
        """A part's XML, to change: it is written back when the package is saved."""
        tree = self.tree(name)
        self._dirty.add(name)
        return tree

    def write(self, name: str, data: bytes) -> None:
        """Add or replace a part."""
        self._trees.pop(name, None)
        self._dirty.discard(name)
        self._removed.discard(name)
        self._changed[name] = data

    def remove(self, name: str) -> None:
        """Remove a part, its relationships part and its content type override."""
        for part in (name, rels_name(name)):
            self._trees.pop(part, None)
            self._dirty.discard(part)
            self._changed.pop(part, None)
            if part in self._data:
                self._removed.add(part)
        types = self.edit("[Content_Types].xml")
        for override in types.findall(f"{{{CONTENT_TYPES_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == name:
                types.remove(override)

    def free_name(self, pattern: str) -> str:
        """A part name from *pattern* (with ``{}`` for a number) that no part has."""
        taken = {n.lower() for n in self.names()}
        number = 1
        while pattern.format(number).lower() in taken:
            number += 1
        return pattern.format(number)

    def unchanged(self) -> bool:
        """Whether the package, as it would be saved, says what it said when read: no part
        added or removed, and every part edited has the bytes it had, or XML that is the
        same in canonical form (attributes in another order, say). Saving it would change
        nothing that matters, so an edit need not replace the file.

        >>> package = Package.open("examples/nijkerk-2024.xlsx")
        >>> _ = package.edit(package.workbook_part)
        >>> package.unchanged()
        True
        >>> package.write("xl/nieuw.xml", b"<nieuw/>")
        >>> package.unchanged()
        False
        """
        if self._removed or any(name not in self._data for name in self._changed):
            return False
        for name in {*self._changed, *self._dirty}:
            new, old = self.read(name), self._data[name]
            if new != old and _canonical(new) != _canonical(old):
                return False
        return True

    def to_bytes(self) -> bytes:
        """The package as a file's bytes (see :meth:`save`), made in memory: a disk that
        fills up meets the writer, not a half-written zip."""
        buffer = io.BytesIO()
        self.save(buffer)
        return buffer.getvalue()

    def save(self, path: str | Path | IO[bytes]) -> None:
        """Write the package: changed parts anew, every other part as it was read."""
        for name in self._dirty:
            self._changed[name] = serialize_xml(self._trees[name])
        self._dirty.clear()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for info in self._infos:
                name = info.filename
                if name in self._removed:
                    continue
                if name in self._changed:
                    archive.writestr(_fresh_info(info), self._changed[name])
                else:
                    archive.writestr(_fresh_info(info), self._data[name])
            for name, data in self._changed.items():
                if name not in self._data:
                    archive.writestr(_fresh_info(zipfile.ZipInfo(name)), data)

    # -- relationships and content types --------------------------------------------------

    def rels(self, part: str) -> list[Relationship]:
        """The relationships of *part* (none if it has no relationships part)."""
        name = rels_name(part)
        if name not in self:
            return []
        root = self.tree(name)
        return [Relationship(e, part) for e in root.findall(f"{{{PACKAGE_RELS}}}Relationship")]

    def relate(
        self, source: str, kind: str, target: str, *, external: bool = False, rid: str = ""
    ) -> str:
        """Add a relationship of type *kind* (its last word) from *source*; its id."""
        name = rels_name(source)
        if name not in self:
            self.write(
                name,
                serialize_xml(etree.fromstring(f'<Relationships xmlns="{PACKAGE_RELS}"/>')),
            )
        root = self.edit(name)
        taken = {e.get("Id") for e in root}
        if not rid:
            number = len(taken) + 1
            while f"rId{number}" in taken:
                number += 1
            rid = f"rId{number}"
        element = etree.SubElement(root, f"{{{PACKAGE_RELS}}}Relationship")
        element.set("Id", rid)
        element.set("Type", self.relationship_type(kind))
        element.set("Target", target if external else relative(source, target))
        if external:
            element.set("TargetMode", "External")
        return rid

    def relationship_type(self, kind: str) -> str:
        """The full relationship type for its last word, in the package's flavour."""
        if self.strict:
            return f"http://purl.oclc.org/ooxml/officeDocument/relationships/{kind}"
        return f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"

    def unrelate(self, source: str, rid: str) -> None:
        """Remove relationship *rid* of *source*."""
        for rel in self.rels(source):
            if rel.id == rid:
                self.edit(rels_name(source)).remove(rel.element)

    def retarget(self, source: str, rid: str, kind: str, target: str) -> None:
        """Point relationship *rid* of *source* at another part (of type *kind*)."""
        for rel in self.rels(source):
            if rel.id == rid:
                self.edit(rels_name(source))
                rel.element.set("Type", self.relationship_type(kind))
                rel.element.set("Target", relative(source, target))

    def set_content_type(self, part: str, content_type: str) -> None:
        """Declare *part*'s content type (an override)."""
        types = self.edit("[Content_Types].xml")
        for override in types.findall(f"{{{CONTENT_TYPES_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == part:
                override.set("ContentType", content_type)
                return
        element = etree.SubElement(types, f"{{{CONTENT_TYPES_NS}}}Override")
        element.set("PartName", "/" + part)
        element.set("ContentType", content_type)

    def content_type(self, part: str) -> str | None:
        """*part*'s declared content type."""
        types = self.tree("[Content_Types].xml")
        for override in types.findall(f"{{{CONTENT_TYPES_NS}}}Override"):
            if override.get("PartName", "").lstrip("/").lower() == part.lower():
                return override.get("ContentType")
        extension = part.rsplit(".", 1)[-1].lower()
        for default in types.findall(f"{{{CONTENT_TYPES_NS}}}Default"):
            if default.get("Extension", "").lower() == extension:
                return default.get("ContentType")
        return None

    def ensure_default(self, extension: str, content_type: str) -> None:
        """Declare a content type for every part with *extension*, unless one is."""
        types = self.tree("[Content_Types].xml")
        for default in types.findall(f"{{{CONTENT_TYPES_NS}}}Default"):
            if default.get("Extension", "").lower() == extension:
                return
        types = self.edit("[Content_Types].xml")
        element = etree.Element(f"{{{CONTENT_TYPES_NS}}}Default")
        element.set("Extension", extension)
        element.set("ContentType", content_type)
        types.insert(0, element)

    def _office_document(self) -> str:
        root = self.tree("_rels/.rels") if "_rels/.rels" in self._data else None
        if root is not None:
            for element in root.findall(f"{{{PACKAGE_RELS}}}Relationship"):
                rel = Relationship(element, "")
                if rel.type == "officeDocument" and rel.target in self._data:
                    return rel.target
        if "xl/workbook.xml" in self._data:
            return "xl/workbook.xml"
        raise DamagedPartError("package-part-missing", "xl/workbook.xml")

    # -- the workbook ------------------------------------------------------------------------

    def q(self, local: str) -> str:
        """A SpreadsheetML element name in the package's namespace."""
        return f"{{{self.main_ns}}}{local}"

    def sheet_elements(self) -> list[etree._Element]:
        """The workbook's ``<sheet>`` elements, in tab order."""
        sheets = self.tree(self.workbook_part).find(self.q("sheets"))
        return [] if sheets is None else list(sheets.iter(self.q("sheet")))

    def sheets(self) -> Iterator[tuple[str, str | None]]:
        """(sheet name, its part) for every sheet, in tab order; chart sheets included."""
        rels = {r.id: r for r in self.rels(self.workbook_part)}
        rid = f"{{{self.ns['r']}}}id"
        for element in self.sheet_elements():
            rel = rels.get(element.get(rid, ""))
            yield element.get("name", ""), (None if rel is None or rel.external else rel.target)

    def sheet_part(self, name: str) -> str | None:
        """The worksheet part of sheet *name* (``None`` if there is no such sheet)."""
        return next((part for sheet, part in self.sheets() if sheet == name), None)

    def reachable(self, roots: Iterable[str]) -> set[str]:
        """Every part reached from *roots* through internal relationships."""
        seen: set[str] = set()
        todo = [r for r in roots if r in self]
        while todo:
            part = todo.pop()
            if part in seen:
                continue
            seen.add(part)
            todo.extend(
                r.target
                for r in self.rels(part)
                if not r.external and r.target in self and r.target not in seen
            )
        return seen

    def top_parts(self) -> list[str]:
        """The parts the package's root relationships name (workbook, properties, ...)."""
        return [rel.target for rel in self.rels("") if not rel.external and rel.target in self]


def _fresh_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A zip entry for a part: its name and date kept, packed with deflate."""
    fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    fresh.compress_type = zipfile.ZIP_DEFLATED
    fresh.external_attr = info.external_attr
    return fresh
