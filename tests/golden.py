"""Golden files: every output uvp writes for the two bundled examples, in a canonical form.

:func:`run_case` drives the command line in-process (``typer.testing.CliRunner`` on
``uvp.cli.app``) on fresh copies of the examples and returns what the run produced:
the console output of each command (``cli.json``) and one canonical dump per file it
wrote. A workbook is dumped with openpyxl (cells with value, type and style, links,
merged ranges, widths, panes, validations, conditional formats, print setup, defined
names) and its charts from the file's XML, since openpyxl does not load charts.
``tests/test_golden.py`` compares the dumps with the files in ``tests/golden/``.

Only ``uvp.cli`` is imported from uvp: the golden files pin what users get, whatever
the modules behind the command line look like.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import posixpath
import re
import shutil
import traceback
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.colors import Color
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

from uvp.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"

PEILDATUM = "2024-10-01"
PLACEHOLDER = "<TMP>"
# The examples by short name: the stem of their .xlsx and .json files.
PLANS = {"nijkerk": "nijkerk-2024", "scherpenzeel": "scherpenzeel-2024"}


# -- the cases -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """Commands run one after another in a folder holding fresh copies of the examples.

    ``{dir}`` in an argument is that folder; files written to ``{dir}/out`` are dumped.
    """

    runs: tuple[tuple[str, ...], ...]


def _cases() -> dict[str, Case]:
    d = PEILDATUM
    cases: dict[str, Case] = {}
    for short, stem in PLANS.items():
        xlsx, js = f"{{dir}}/{stem}.xlsx", f"{{dir}}/{stem}.json"
        copy = f"{{dir}}/out/{stem}.xlsx"
        cases[f"fill-{short}"] = Case((("fill", xlsx, "-o", "{dir}/out"),))
        cases[f"validate-write-{short}"] = Case(
            (("validate", xlsx, "--write", "--peildatum", d, "-o", "{dir}/out"),)
        )
        cases[f"evaluate-{short}"] = Case(
            (("evaluate", xlsx, "--peildatum", d, "-o", "{dir}/out"),)
        )
        cases[f"fill-evaluate-{short}"] = Case(
            (
                ("fill", xlsx, "-o", "{dir}/out"),
                ("evaluate", copy, "--peildatum", d),
            )
        )
        for layout in ("goal", "quarter"):
            cases[f"convert-{layout}-{short}"] = Case(
                (("convert", js, "--layout", layout, "-o", "{dir}/out"),)
            )
        cases[f"convert-json-{short}"] = Case((("convert", xlsx, "-o", "{dir}/out"),))
        cases[f"report-{short}"] = Case(
            (
                ("report", xlsx, "--peildatum", d),
                ("report", xlsx, "--peildatum", d, "-o", "{dir}/out/rapport.xlsx"),
                ("report", xlsx, "--peildatum", d, "-o", "{dir}/out/rapport.html"),
                ("report", xlsx, "--peildatum", d, "--format", "json"),
            )
        )
        cases[f"next-year-{short}"] = Case(
            (
                ("next-year", xlsx, "-o", "{dir}/out/plan-2025.xlsx"),
                ("next-year", xlsx, "-o", "{dir}/out/plan-2025.json"),
                ("next-year", js, "-o", "{dir}/out/uit-json-2025.xlsx"),
                # What the draft changed: quarters cleared, notes of where actions came from.
                ("diff", xlsx, "{dir}/out/plan-2025.xlsx"),
                ("diff", xlsx, "{dir}/out/plan-2025.xlsx", "--format", "json"),
            )
        )
        cases[f"diff-{short}"] = Case(
            (
                ("diff", js, xlsx),
                ("diff", js, xlsx, "--format", "json"),
            )
        )
    cases["new-nijkerk"] = Case(
        (("new", "{dir}/out/nijkerk-2024.xlsx", "--gemeente", "Nijkerk", "--jaar", "2024"),)
    )
    workbooks = tuple(f"{{dir}}/{stem}.xlsx" for stem in PLANS.values())
    everything = tuple(
        f"{{dir}}/{stem}{suffix}" for stem in PLANS.values() for suffix in (".json", ".xlsx")
    )
    cases["compare"] = Case(
        (
            ("compare", *workbooks, "-o", "{dir}/out/regio.xlsx"),
            ("compare", *workbooks, "--format", "json"),
        )
    )
    cases["agenda-politie"] = Case(
        (
            ("agenda", "--partner", "Politie", *workbooks, "-o", "{dir}/out/agenda.xlsx"),
            ("agenda", "--partner", "Politie", *workbooks, "--format", "json"),
        )
    )
    cases["show"] = Case((("show", *everything), ("show", *everything, "--format", "json")))
    cases["validate"] = Case(
        (
            ("validate", *everything, "--peildatum", d),
            ("validate", *everything, "--peildatum", d, "--format", "json"),
        )
    )
    return dict(sorted(cases.items()))


CASES = _cases()


# -- running -------------------------------------------------------------------------------

# Rich colours its output when these say so; the golden output is plain text.
_ENV: dict[str, str | None] = {
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "NO_COLOR": "1",
    "COLUMNS": "120",
}
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_case(name: str, folder: Path) -> dict[str, Any]:
    """Run case *name* in a new subfolder of *folder*; its golden data by relative file name:
    ``cli.json`` for the console output, ``<file>.json`` for each file written."""
    work = folder / name
    work.mkdir(parents=True)
    for source in EXAMPLES.iterdir():
        if source.suffix in (".xlsx", ".json"):
            shutil.copy(source, work / source.name)
    inputs = {path.name: path.read_bytes() for path in work.iterdir()}
    # The output folder exists, as it would for staff: next-year does not make one.
    (work / "out").mkdir()
    runner = CliRunner(env=_ENV)
    runs = []
    for template in CASES[name].runs:
        argv = [part.replace("{dir}", str(work)) for part in template]
        result = runner.invoke(app, argv, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            trace = "".join(traceback.format_exception(result.exception))
            raise AssertionError(f"uvp {' '.join(argv)} raised:\n{trace}")
        runs.append(
            {
                "argv": argv,
                "exit_code": result.exit_code,
                **_console_output("stdout", result.stdout),
                **_console_output("stderr", result.stderr),
            }
        )
    out = work / "out"
    written = sorted(p for p in out.rglob("*") if p.is_file())
    # A command that works on copies (-o) leaves the plans it read as they were.
    changed = sorted(
        path.name
        for path in work.iterdir()
        if path.is_file() and inputs.get(path.name) != path.read_bytes()
    )
    data: dict[str, Any] = {
        "cli.json": {"runs": runs, "changed_outside_out": changed},
        **{f"{p.relative_to(out).as_posix()}.json": dump_file(p) for p in written},
    }
    return _normalise(data, work)


def _console_output(stream: str, text: str) -> dict[str, Any]:
    text = _ANSI.sub("", text)
    if text.lstrip().startswith(("{", "[")):
        try:
            return {f"{stream}_json": json.loads(text)}
        except ValueError:
            pass
    return {stream: text.splitlines()}


def _normalise(data: Any, work: Path) -> Any:
    """Every path of the case's folder written as ``<TMP>``, in every string."""
    prefixes = sorted({str(work.resolve()), str(work)}, key=len, reverse=True)

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            for prefix in prefixes:
                value = value.replace(prefix, PLACEHOLDER)
            return value
        if isinstance(value, dict):
            return {fix(k): fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    return fix(data)


# -- dumping files ---------------------------------------------------------------------------


def dump_file(path: Path) -> dict[str, Any]:
    """A written file as canonical data: a workbook's dump, a JSON file's content, text lines."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return {"kind": "xlsx", "workbook": dump_xlsx(path)}
    if suffix == ".json":
        return {"kind": "json", "data": json.loads(path.read_text(encoding="utf-8"))}
    return {"kind": "text", "lines": path.read_text(encoding="utf-8").splitlines()}


def dump_xlsx(path: Path) -> dict[str, Any]:
    """A workbook as deterministic JSON-able data: what a user of the file sees in Excel.

    Style attributes at their default (see ``_FONT_DEFAULT``) are left out, so that a
    cell shows only what sets it apart; timestamps in the document properties are left out.
    """
    wb = openpyxl.load_workbook(path)
    charts = _charts(path)
    sheets = []
    for ws in wb._sheets:
        sheet: dict[str, Any] = {"name": ws.title, "state": ws.sheet_state}
        if isinstance(ws, openpyxl.worksheet.worksheet.Worksheet):
            sheet.update(_worksheet(ws))
        sheet["charts"] = charts.get(ws.title, {}).get("charts", [])
        sheet["images"] = charts.get(ws.title, {}).get("images", [])
        sheets.append(sheet)
    props = wb.properties
    return {
        "sheets": sheets,
        "active_sheet": wb.active.title if wb.active is not None else None,
        "defined_names": {
            name: {"value": dn.attr_text, "hidden": bool(dn.hidden)}
            for name, dn in sorted(wb.defined_names.items())
        },
        "properties": {
            key: getattr(props, key)
            for key in ("title", "subject", "creator", "description", "keywords", "category")
        },
    }


def _worksheet(ws: Any) -> dict[str, Any]:
    cells = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell, MergedCell):
                continue
            if cell.value is not None or cell.has_style or cell.hyperlink or cell.comment:
                cells[cell.coordinate] = _cell(cell)
    view = ws.sheet_view
    setup = ws.page_setup
    page_props = ws.sheet_properties.pageSetUpPr
    return {
        "dimensions": ws.dimensions,
        "cells": cells,
        "merged": sorted(
            (str(r) for r in ws.merged_cells.ranges),
            key=lambda ref: openpyxl.utils.range_boundaries(ref)[1::-1],
        ),
        "columns": _columns(ws),
        "rows": _rows(ws),
        "freeze_panes": ws.freeze_panes,
        "view": {
            "show_grid_lines": view.showGridLines,
            "zoom": view.zoomScale,
            "right_to_left": view.rightToLeft,
        },
        "tab_color": _color(ws.sheet_properties.tabColor),
        "data_validations": _validations(ws),
        "conditional_formatting": _conditional_formats(ws),
        "print": {
            "orientation": setup.orientation,
            "paper_size": setup.paperSize,
            "fit_to_width": setup.fitToWidth,
            "fit_to_height": setup.fitToHeight,
            "scale": setup.scale,
            "fit_to_page": page_props.fitToPage if page_props is not None else None,
            "title_rows": ws.print_title_rows,
            "title_cols": ws.print_title_cols,
            "area": ws.print_area,
            "grid_lines": ws.print_options.gridLines,
            "centered": [ws.print_options.horizontalCentered, ws.print_options.verticalCentered],
            "margins": [
                getattr(ws.page_margins, side)
                for side in ("left", "right", "top", "bottom", "header", "footer")
            ],
            "header": _header_footer(ws.oddHeader),
            "footer": _header_footer(ws.oddFooter),
        },
        "auto_filter": ws.auto_filter.ref,
        "tables": {
            name: {
                "ref": table.ref,
                "style": table.tableStyleInfo.name if table.tableStyleInfo else None,
            }
            for name, table in sorted(ws.tables.items())
        },
        "protected": bool(ws.protection.sheet),
        "defined_names": {name: dn.attr_text for name, dn in sorted(ws.defined_names.items())},
    }


def _value(value: Any) -> Any:
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return f"timedelta:{value.total_seconds()}"
    text = getattr(value, "text", None)  # an array or data-table formula
    return {type(value).__name__: text if text is not None else str(value)}


def _color(color: Color | None) -> str | None:
    if color is None:
        return None
    if color.type == "rgb":
        text = str(color.rgb)
    elif color.type == "theme":
        text = f"theme:{color.theme}"
    elif color.type == "indexed":
        text = f"indexed:{color.indexed}"
    else:
        text = str(color.type)
    return f"{text}{color.tint:+}" if color.tint else text


# A cell's font is given where it differs from this (openpyxl's and Excel's default).
_FONT_DEFAULT: dict[str, Any] = {
    "name": "Calibri",
    "size": 11.0,
    "bold": False,
    "italic": False,
    "underline": None,
    "strike": False,
    "color": "theme:1",
    "vert_align": None,
}


def _font(font: Any) -> dict[str, Any]:
    if font is None:
        return {}
    got = {
        "name": font.name,
        "size": float(font.sz) if font.sz is not None else None,
        "bold": bool(font.b),
        "italic": bool(font.i),
        "underline": font.u,
        "strike": bool(font.strike),
        "color": _color(font.color),
        "vert_align": font.vertAlign,
    }
    return {k: v for k, v in got.items() if v != _FONT_DEFAULT.get(k)}


def _fill(fill: Any) -> dict[str, Any] | None:
    if fill is None:
        return None
    if getattr(fill, "fill_type", None) is None and not hasattr(fill, "stop"):
        return None
    if hasattr(fill, "stop"):
        return {
            "type": f"gradient:{fill.type}",
            "degree": fill.degree,
            "stops": [[stop.position, _color(stop.color)] for stop in fill.stop],
        }
    return {"type": fill.fill_type, "fg": _color(fill.fgColor), "bg": _color(fill.bgColor)}


def _alignment(alignment: Any) -> dict[str, Any]:
    got = {
        "horizontal": alignment.horizontal,
        "vertical": alignment.vertical,
        "wrap": bool(alignment.wrap_text),
        "indent": alignment.indent,
        "rotation": alignment.text_rotation,
        "shrink": bool(alignment.shrink_to_fit),
    }
    default = {"wrap": False, "indent": 0, "rotation": 0, "shrink": False}
    return {k: v for k, v in got.items() if v != default.get(k)}


def _border(border: Any) -> dict[str, Any]:
    got: dict[str, Any] = {}
    for side in ("left", "right", "top", "bottom", "diagonal", "vertical", "horizontal"):
        edge = getattr(border, side, None)
        if edge is not None and edge.style is not None:
            got[side] = {"style": edge.style, "color": _color(edge.color)}
    if got.get("diagonal"):
        got["diagonal"]["up"] = bool(border.diagonalUp)
        got["diagonal"]["down"] = bool(border.diagonalDown)
    return got


def _cell(cell: Cell) -> dict[str, Any]:
    got: dict[str, Any] = {"type": cell.data_type, "value": _value(cell.value)}
    if cell.number_format != "General":
        got["number_format"] = cell.number_format
    styles = {
        "font": _font(cell.font),
        "fill": _fill(cell.fill),
        "alignment": _alignment(cell.alignment),
        "border": _border(cell.border),
    }
    got.update({k: v for k, v in styles.items() if v})
    if not cell.protection.locked or cell.protection.hidden:
        got["protection"] = {"locked": cell.protection.locked, "hidden": cell.protection.hidden}
    if cell.hyperlink is not None:
        link = cell.hyperlink
        got["hyperlink"] = {
            "target": link.target,
            "location": link.location,
            "tooltip": link.tooltip,
            "display": link.display,
        }
    if cell.comment is not None:
        got["comment"] = {"text": cell.comment.text, "author": cell.comment.author}
    return got


def _columns(ws: Any) -> dict[str, Any]:
    got = {}
    for dim in sorted(ws.column_dimensions.values(), key=lambda d: d.min or 0):
        entry = {
            "width": dim.width if dim.customWidth else None,
            "hidden": bool(dim.hidden),
            "outline_level": dim.outlineLevel or 0,
        }
        if entry["width"] is None and not entry["hidden"] and not entry["outline_level"]:
            continue
        first, last = get_column_letter(dim.min), get_column_letter(dim.max)
        got[first if first == last else f"{first}:{last}"] = entry
    return got


def _rows(ws: Any) -> dict[str, Any]:
    got = {}
    for index, dim in sorted(ws.row_dimensions.items()):
        entry = {
            "height": dim.ht if dim.customHeight else None,
            "hidden": bool(dim.hidden),
            "outline_level": dim.outlineLevel or 0,
        }
        if entry["height"] is not None or entry["hidden"] or entry["outline_level"]:
            got[str(index)] = entry
    return got


def _sqref(sqref: Any) -> str:
    return " ".join(sorted(str(sqref).split()))


def _validations(ws: Any) -> list[dict[str, Any]]:
    got = [
        {
            "ranges": _sqref(dv.sqref),
            "type": dv.type,
            "operator": dv.operator,
            "formula1": dv.formula1,
            "formula2": dv.formula2,
            "allow_blank": bool(dv.allow_blank),
            # openpyxl's showDropDown is Excel's: true *hides* the arrow.
            "hide_drop_down": bool(dv.showDropDown),
            "show_error": bool(dv.showErrorMessage),
            "show_input": bool(dv.showInputMessage),
            "error_style": dv.errorStyle,
            "error_title": dv.errorTitle,
            "error": dv.error,
            "prompt_title": dv.promptTitle,
            "prompt": dv.prompt,
        }
        for dv in ws.data_validations.dataValidation
    ]
    return sorted(got, key=lambda v: json.dumps(v, sort_keys=True))


def _conditional_formats(ws: Any) -> list[dict[str, Any]]:
    got = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            dxf = rule.dxf
            got.append(
                {
                    "ranges": _sqref(cf.sqref),
                    "type": rule.type,
                    "operator": rule.operator,
                    "formula": list(rule.formula or ()),
                    "text": rule.text,
                    "priority": rule.priority,
                    "stop_if_true": bool(rule.stopIfTrue),
                    "fill": _fill(dxf.fill) if dxf is not None else None,
                    "font": _font(dxf.font) if dxf is not None and dxf.font else None,
                    "border": _border(dxf.border) if dxf is not None and dxf.border else None,
                    "scale": bool(rule.colorScale or rule.dataBar or rule.iconSet),
                }
            )
    return sorted(got, key=lambda r: (r["ranges"], r["priority"] or 0))


def _header_footer(part: Any) -> list[str | None]:
    return [getattr(part, side).text for side in ("left", "center", "right")]


# -- charts, from the file's XML -------------------------------------------------------------

_NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
_R_ID = f"{{{_NS['r']}}}id"
_R_EMBED = f"{{{_NS['r']}}}embed"


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationships: id to the target part's name in the archive."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive.namelist():
        return {}
    got = {}
    for rel in ET.fromstring(archive.read(rels)).findall("rel:Relationship", _NS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        got[rel.get("Id", "")] = posixpath.normpath(full)
    return got


def _charts(path: Path) -> dict[str, dict[str, list[Any]]]:
    """Per sheet name its charts and pictures, read from the drawings the sheet refers to."""
    got: dict[str, dict[str, list[Any]]] = {}
    with zipfile.ZipFile(path) as archive:
        book = "xl/workbook.xml"
        book_rels = _rels(archive, book)
        for sheet in ET.fromstring(archive.read(book)).iterfind("main:sheets/main:sheet", _NS):
            part = book_rels.get(sheet.get(_R_ID, ""))
            if part is None or part not in archive.namelist():
                continue
            charts: list[Any] = []
            images: list[Any] = []
            sheet_rels = _rels(archive, part)
            for drawing in ET.fromstring(archive.read(part)).iterfind("main:drawing", _NS):
                drawing_part = sheet_rels[drawing.get(_R_ID, "")]
                drawing_rels = _rels(archive, drawing_part)
                for anchor in ET.fromstring(archive.read(drawing_part)):
                    where = _anchor(anchor)
                    chart = anchor.find(".//c:chart", _NS)
                    if chart is not None:
                        chart_part = drawing_rels[chart.get(_R_ID, "")]
                        root = ET.fromstring(archive.read(chart_part))
                        charts.append({"anchor": where, **_chart(root), "xml": _tree(root)})
                    blip = anchor.find(".//a:blip", _NS)
                    if blip is not None:
                        image = archive.read(drawing_rels[blip.get(_R_EMBED, "")])
                        images.append({"anchor": where, "bytes": len(image)})
            got[sheet.get("name", "")] = {"charts": charts, "images": images}
    return got


def _anchor(anchor: ET.Element) -> dict[str, Any]:
    got: dict[str, Any] = {"kind": _local(anchor.tag)}
    for end in ("from", "to"):
        point = anchor.find(f"xdr:{end}", _NS)
        if point is not None:
            got[end] = {_local(child.tag): int(child.text or 0) for child in point}
    ext = anchor.find("xdr:ext", _NS)
    if ext is not None:
        got["size"] = [int(ext.get("cx", 0)), int(ext.get("cy", 0))]
    return got


def _text(element: ET.Element | None) -> str | None:
    """A title's text: its rich text runs, or the formula of the cell it shows."""
    if element is None:
        return None
    runs = [t.text or "" for t in element.iter(f"{{{_NS['a']}}}t")]
    if runs:
        return "".join(runs)
    ref = element.find(".//c:f", _NS)
    return f"={ref.text}" if ref is not None else None


def _val(element: ET.Element | None, path: str) -> str | None:
    return _attribute(element, path, "val") if element is not None else None


def _attribute(element: ET.Element, path: str, name: str) -> str | None:
    found = element.find(path, _NS)
    return found.get(name) if found is not None else None


def _colours(element: ET.Element | None) -> list[str]:
    if element is None:
        return []
    return [
        f"{_local(colour.tag)}:{colour.get('val')}"
        for colour in element.iter()
        if _local(colour.tag) in ("srgbClr", "schemeClr", "prstClr", "sysClr")
    ]


def _ref(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    formula = element.find(".//c:f", _NS)
    if formula is not None:
        return formula.text
    value = element.find(".//c:v", _NS)
    return f"value:{value.text}" if value is not None else None


def _chart(root: ET.Element) -> dict[str, Any]:
    """What a reader sees of a chart: kind, title, series and their colours, axes, legend."""
    chart = root.find("c:chart", _NS)
    assert chart is not None
    plots = []
    plot_area = chart.find("c:plotArea", _NS)
    for plot in plot_area if plot_area is not None else ():
        if not _local(plot.tag).endswith("Chart"):
            continue
        plots.append(
            {
                "type": _local(plot.tag),
                "direction": _val(plot, "c:barDir"),
                "grouping": _val(plot, "c:grouping"),
                "overlap": _val(plot, "c:overlap"),
                "gap_width": _val(plot, "c:gapWidth"),
                "series": [
                    {
                        "title": _ref(ser.find("c:tx", _NS)),
                        "categories": _ref(ser.find("c:cat", _NS)),
                        "values": _ref(ser.find("c:val", _NS)),
                        "colours": _colours(ser.find("c:spPr", _NS)),
                        "labels": _val(ser, "c:dLbls/c:showVal"),
                    }
                    for ser in plot.findall("c:ser", _NS)
                ],
            }
        )
    axes = [
        {
            "type": _local(axis.tag),
            "title": _text(axis.find("c:title", _NS)),
            "deleted": _val(axis, "c:delete"),
            "position": _val(axis, "c:axPos"),
            "number_format": _attribute(axis, "c:numFmt", "formatCode"),
        }
        for axis in (plot_area if plot_area is not None else ())
        if _local(axis.tag).endswith("Ax")
    ]
    return {
        "title": _text(chart.find("c:title", _NS)),
        "plots": plots,
        "axes": axes,
        "legend": _val(chart, "c:legend/c:legendPos"),
        "style": _val(root, "c:style"),
    }


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _tree(element: ET.Element) -> Any:
    """The whole chart part as nested data by local names, for changes the summary misses.

    An element with just a ``val`` attribute is that value; attributes get ``@``, repeated
    children become a list, text is ``#text``.
    """
    attributes = {f"@{_local(k)}": v for k, v in sorted(element.attrib.items())}
    children = list(element)
    if not children and set(attributes) == {"@val"}:
        return attributes["@val"]
    got: dict[str, Any] = dict(attributes)
    names = [_local(child.tag) for child in children]
    for name, child in zip(names, children, strict=True):
        if names.count(name) > 1:
            got.setdefault(name, []).append(_tree(child))
        else:
            got[name] = _tree(child)
    if element.text and element.text.strip():
        got["#text"] = element.text
    return got


# -- storing and comparing -----------------------------------------------------------------


def to_text(data: Any) -> str:
    """The stored form of golden data: pretty JSON with sorted keys, one trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def stored(name: str) -> dict[str, Path]:
    """The golden files of case *name*, by relative name."""
    folder = GOLDEN / name
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.json"))}


def load(path: Path) -> Any:
    """A stored golden file's data."""
    return json.loads(path.read_text(encoding="utf-8"))


def write(name: str, data: Mapping[str, Any]) -> None:
    """Store *data* as case *name*'s golden files, dropping files it no longer has."""
    folder = GOLDEN / name
    for relative, path in stored(name).items():
        if relative not in data:
            path.unlink()
    for relative, value in data.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        text = to_text(value)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def differences(expected: Any, got: Any, where: str = "") -> Iterator[str]:
    """Where *got* differs from *expected*, one readable line (or diff) per difference."""
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in sorted(expected.keys() | got.keys(), key=_natural):
            here = f"{where}.{key}" if where else str(key)
            if key not in got:
                yield f"{here}: missing (expected {_short(expected[key])})"
            elif key not in expected:
                yield f"{here}: unexpected {_short(got[key])}"
            else:
                yield from differences(expected[key], got[key], here)
    elif _is_lines(expected) and _is_lines(got):
        if expected != got:
            diff = difflib.unified_diff(expected, got, "expected", "got", n=1, lineterm="")
            yield f"{where}: lines differ\n    " + "\n    ".join(list(diff)[2:40])
    elif isinstance(expected, list) and isinstance(got, list):
        if len(expected) != len(got):
            yield f"{where}: {len(expected)} items expected, got {len(got)}"
        for index, (old, new) in enumerate(zip(expected, got, strict=False)):
            label = _label(old, new)
            yield from differences(old, new, f"{where}[{label if label else index}]")
    elif expected != got or type(expected) is not type(got):
        yield f"{where}: expected {_short(expected)}, got {_short(got)}"


def _is_lines(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _label(old: Any, new: Any) -> str | None:
    """A list entry named after its sheet (``sheets['Evaluatie']``) rather than its index."""
    if isinstance(old, dict) and isinstance(new, dict) and "name" in old:
        return repr(old["name"]) if old.get("name") == new.get("name") else None
    return None


def _natural(key: str) -> list[Any]:
    """Cells in reading order: A2 before A10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", str(key))]


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 200 else text[:199] + "…"
