"""What openpyxl would lose when it saves a workbook, found before anything is written.

openpyxl keeps cells, formulas, styles, comments, merged ranges, defined
names, data validations, conditional formats, tables and frozen panes. It
drops pictures, shapes and charts (it cannot read them back), VBA, form
controls, threaded comments, slicers and timelines, and Excel 2010
extensions such as sparklines. uvp refuses to write a workbook that holds any
of those, rather than lose them; drawings on sheets uvp owns (its own chart on
``Evaluatie``) are replaced anyway and do not count.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

from uvp.workbook._reader import OWNED_SHEETS

__all__ = ["unsupported_content"]

# zip part prefix -> what the user would lose (Dutch, shown to staff)
_LOST_PARTS: Final = (
    ("xl/vbaProject.bin", "macro's (VBA)"),
    ("xl/activeX/", "ActiveX-besturingselementen"),
    ("xl/ctrlProps/", "formulierbesturingselementen (knoppen, keuzelijsten)"),
    ("xl/embeddings/", "ingesloten objecten"),
    ("xl/slicers/", "slicers"),
    ("xl/slicerCaches/", "slicers"),
    ("xl/timelines/", "tijdlijnen"),
    ("xl/threadedComments/", "opmerkingen met discussies (threaded comments)"),
    ("xl/model/", "een gegevensmodel (Power Pivot)"),
    ("xl/chartsheets/", "grafiekbladen"),
)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_EXTENSIONS: Final = (
    (b"x14:sparklineGroup", "sparklines"),
    (b"x14:conditionalFormatting", "voorwaardelijke opmaak uit Excel 2010 en later"),
    (b"x14:dataValidation", "gegevensvalidatie die naar een ander blad verwijst"),
)


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part) for *part*."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", name + ".rels")
    if rels_part not in archive.namelist():
        return {}
    root = ElementTree.fromstring(archive.read(rels_part))
    found = {}
    for rel in root.iter(_REL):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        resolved = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        found[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], resolved)
    return found


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its worksheet part."""
    rels = _rels(archive, "xl/workbook.xml")
    root = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    parts = {}
    for sheet in root.iter(f"{_MAIN}sheet"):
        rel = rels.get(sheet.get(_R_ID, ""))
        if rel is not None:
            parts[sheet.get("name", "")] = rel[1]
    return parts


def unsupported_content(path: str | Path) -> list[str]:
    """What writing this workbook with openpyxl would lose (Dutch, for staff), or ``[]``.

    Call :func:`uvp.workbook.check_workbook_file` first: this reads the zip's
    own XML and relies on the file being a safe workbook.
    """
    lost: list[str] = []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for prefix, what in _LOST_PARTS:
            if any(n.startswith(prefix) for n in names) and what not in lost:
                lost.append(what)
        for sheet, part in _sheet_parts(archive).items():
            if part not in names:
                continue
            owned = sheet in OWNED_SHEETS
            for kind, _target in _rels(archive, part).values():
                if kind == "drawing" and not owned:
                    what = f"afbeeldingen, vormen of grafieken op blad '{sheet}'"
                    if what not in lost:
                        lost.append(what)
            if owned:
                continue
            xml = archive.read(part)
            if b"<extLst" in xml:
                for marker, what in _EXTENSIONS:
                    if marker in xml and what not in lost:
                        lost.append(f"{what} op blad '{sheet}'")
            if re.search(rb"<legacyDrawing\b", xml) and not any(
                kind == "comments" for kind, _ in _rels(archive, part).values()
            ):
                lost.append(f"vormen (VML) op blad '{sheet}'")
    return lost
