"""Every kind of workbook uvp writes, printed by a real spreadsheet program and checked.

:func:`build_workbooks` writes, from both examples, each kind of workbook uvp
writes (a plan filled, checked and evaluated; a new plan; both layouts of both
plans; next year's drafts; the region view, a partner's agenda, the quarterly
reports). :func:`render` has headless LibreOffice Calc print them all to PDF in
one run (it is slow to start), reads the PDFs' text boxes with ``pdftotext
-bbox-layout`` and draws each page as a PNG. The checks read the text boxes:

- :func:`overlapping_lines`: no two lines of text on a page overlap (a row too
  low for its wrapped text, a text running into its neighbour);
- :func:`stray_words`: every word printed is a word of a cell (a header or a link
  cut off at its column's edge prints as part of a word, or runs into the next);
- :func:`missing_words`: every word of every printed cell is printed;
- :func:`misplaced_figures`: in a table of figures, each figure stands under its
  own header.

``python -m tests.render [folder]`` writes the workbooks, PDFs and pages to
*folder* (default ``bench/render/``, not in git) for a developer to look at.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
from openpyxl.utils import get_column_letter

import uvp
from uvp.region import (
    agenda,
    compare,
    draft_next_year,
    quarterly_report,
    write_agenda_workbook,
    write_region_workbook,
    write_report_workbook,
)
from uvp.workbook import (
    evaluate_workbook,
    fill_workbook,
    new_workbook,
    read_located,
    validate_workbook,
    write_plan,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FOLDER = ROOT / "bench" / "render"
PEILDATUM = dt.date(2024, 10, 1)
PLANS = ("nijkerk", "scherpenzeel")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")

# Two lines overlap when they share this much of the lower one's height: lines of
# one wrapped text touch by a tenth of their height, text over text shares half.
_OVERLAP = 0.35
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?%?")
_XHTML = "{http://www.w3.org/1999/xhtml}"


# -- the workbooks ---------------------------------------------------------------------------


def build_workbooks(folder: Path) -> list[Path]:
    """Every kind of workbook uvp writes, from both examples, in *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for short in PLANS:
        source = EXAMPLES / f"{short}-2024.xlsx"
        plan = uvp.load(EXAMPLES / f"{short}-2024.json")
        # The user's own plan, with what fill, validate --write and evaluate add to it.
        path = folder / f"{short}-bijgewerkt.xlsx"
        shutil.copy(source, path)
        fill_workbook(path, backup=False)
        validate_workbook(path, write=True, peildatum=PEILDATUM, backup=False)
        evaluate_workbook(path, PEILDATUM, backup=False)
        written.append(path)
        for layout in ("goal", "quarter"):
            target = folder / f"{short}-{layout}.xlsx"
            written.append(write_plan(plan, target, layout=layout, overwrite=True))
        target = folder / f"{short}-2025.xlsx"
        target.unlink(missing_ok=True)
        written.append(draft_next_year(source, target).target)
        report = quarterly_report(plan, PEILDATUM)
        written.append(write_report_workbook(report, folder / f"{short}-rapport.xlsx"))
    written.append(new_workbook(folder / "nieuw.xlsx", "Nijkerk", 2024, overwrite=True))
    located = [read_located(EXAMPLES / f"{short}-2024.xlsx") for short in PLANS]
    plans = [source.plan for source in located]
    written.append(write_region_workbook(compare(plans), folder / "regio.xlsx", located))
    agenda_of = agenda(plans, "Politie")
    written.append(write_agenda_workbook(agenda_of, folder / "agenda.xlsx", located))
    for path in folder.glob("*.bak.xlsx"):
        path.unlink()
    return written


# -- printing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A word or a line of text on a page, in points from the top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        """Whether the two overlap, across by a point and down by :data:`_OVERLAP`."""
        across = min(self.x1, other.x1) - max(self.x0, other.x0)
        down = min(self.y1, other.y1) - max(self.y0, other.y0)
        height = min(self.y1 - self.y0, other.y1 - other.y0)
        return across > 1 and down > _OVERLAP * height


@dataclass
class Page:
    """A printed page: its lines and words."""

    number: int
    lines: list[Box] = field(default_factory=list)
    words: list[Box] = field(default_factory=list)


def render(workbooks: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """Print *workbooks* to PDF with LibreOffice in one run (in *folder*/pdf); the PDF
    of each workbook."""
    return soffice_convert(workbooks, folder / "pdf", folder / "profile", "pdf")


def soffice_convert(
    workbooks: Sequence[Path], out: Path, profile: Path, to: str
) -> dict[Path, Path]:
    """Convert *workbooks* with headless LibreOffice in one run into *out* as *to*
    (``pdf``, ``xlsx``), with its settings in *profile*; the file made of each
    workbook. Raises RuntimeError, with LibreOffice's words, if one is not made."""
    assert SOFFICE is not None
    shutil.rmtree(out, ignore_errors=True)
    made = {path: out / f"{path.stem}.{to}" for path in workbooks}
    # Under pytest-xdist a batch run of LibreOffice now and then skips a file without a
    # word (no output, exit 0): what is missing is converted again, a file at a time.
    todo, result = list(workbooks), None
    for _ in range(3):
        result = subprocess.run(
            [SOFFICE, "--headless", f"-env:UserInstallation={profile.resolve().as_uri()}",
             "--convert-to", to, "--outdir", str(out), *map(str, todo)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )  # fmt: skip
        todo = [path for path, file in made.items() if not file.exists()][:1]
        if result.returncode != 0 or not todo:
            break
    missing = [path.name for path, file in made.items() if not file.exists()]
    if result is None or result.returncode != 0 or missing:
        detail = result.stderr if result else ""
        raise RuntimeError(f"LibreOffice made no {to} of {missing}: {detail}")
    return made


def draw_pages(pdfs: Iterable[Path], folder: Path) -> list[subprocess.Popen[bytes]]:
    """Start drawing every page of *pdfs* as a PNG in *folder* (``name-03.png``); the
    drawing processes, to wait for."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if PDFTOPPM is None:
        return []
    return [
        subprocess.Popen([PDFTOPPM, "-r", "60", "-png", str(pdf), str(folder / pdf.stem)])
        for pdf in pdfs
    ]


def read_pages(pdf: Path) -> list[Page]:
    """The pages of *pdf* with their text boxes (``pdftotext -bbox-layout``)."""
    assert PDFTOTEXT is not None
    html = pdf.with_suffix(".html")
    subprocess.run([PDFTOTEXT, "-bbox-layout", str(pdf), str(html)], check=True, timeout=120)
    pages = []
    for number, element in enumerate(ET.parse(html).iter(f"{_XHTML}page"), 1):
        page = Page(number)
        for line in element.iter(f"{_XHTML}line"):
            words = [_box(word, word.text or "") for word in line.iter(f"{_XHTML}word")]
            page.words += words
            page.lines.append(_box(line, " ".join(w.text for w in words)))
        pages.append(page)
    return pages


def _box(element: ET.Element, text: str) -> Box:
    x0, y0, x1, y1 = (float(element.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax"))
    return Box(text, x0, y0, x1, y1)


# -- what the workbook holds -----------------------------------------------------------------


def _shown(value: object, number_format: str) -> str:
    """A cell's value as a spreadsheet program prints it (the formats uvp uses)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float) and "%" in number_format:
        return f"{round(value * 100)}%"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def printed_texts(workbook: Path) -> list[str]:
    """The texts of every cell that prints: of each sheet, the cells not in hidden columns."""
    book = openpyxl.load_workbook(workbook)
    texts = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        hidden = {
            letter for letter, dimension in sheet.column_dimensions.items() if dimension.hidden
        }
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or get_column_letter(cell.column) in hidden:
                    continue
                texts.append(_shown(cell.value, cell.number_format))
    return texts


def chart_texts(workbook: Path) -> list[str]:
    """The titles of the workbook's charts (their other texts are cells' or figures)."""
    with zipfile.ZipFile(workbook) as package:
        names = [n for n in package.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        texts = []
        for name in names:
            root = ET.fromstring(package.read(name))
            texts += [t.text or "" for t in root.iter() if t.tag.endswith("}t")]
    return texts


def atoms(text: str) -> list[str]:
    """The words of *text*, each split after its hyphens (where a line may break)."""
    return [atom for word in text.split() for atom in re.findall(r"[^-]*-|[^-]+", word)]


# -- the checks ------------------------------------------------------------------------------


def overlapping_lines(pages: Iterable[Page]) -> list[str]:
    """Pairs of lines of text on one page that overlap."""
    problems = []
    for page in pages:
        lines = sorted(page.lines, key=lambda b: b.y0)
        for index, line in enumerate(lines):
            for other in lines[index + 1 :]:
                if other.y0 > line.y1:
                    break
                if line.overlaps(other):
                    problems.append(f"page {page.number}: {line.text!r} over {other.text!r}")
    return problems


def stray_words(pages: Iterable[Page], texts: Iterable[str]) -> list[str]:
    """Words printed that are no word of a cell or a chart's title, nor a figure: what is
    left of a text cut at its column's edge, or two texts run together."""
    known = {atom for text in texts for atom in atoms(text)}
    problems = []
    for page in pages:
        for word in page.words:
            for atom in atoms(word.text):
                if atom not in known and not _NUMBER.fullmatch(atom):
                    problems.append(f"page {page.number}: {word.text!r}")
    return problems


def missing_words(pages: Iterable[Page], texts: Iterable[str]) -> list[str]:
    """Words of the printed cells that are printed fewer times than the cells hold them."""
    printed = Counter(atom for page in pages for word in page.words for atom in atoms(word.text))
    wanted = Counter(atom for text in texts for atom in atoms(text))
    return [f"{atom!r}: {printed[atom]} of {count}" for atom, count in wanted.items()
            if printed[atom] < count]  # fmt: skip


def misplaced_figures(pages: Iterable[Page], headers: Sequence[str], last: str) -> list[str]:
    """In the table whose headers are *headers* (a label, then a column of figures each)
    and whose last row starts with *last*: figures not under their own header (their
    boxes must overlap across with their header's and no other)."""
    for page in pages:
        found = _figure_table(page, headers, last)
        if found is None:
            continue
        columns, rows = found
        problems = []
        for y, figures in rows:
            if len(figures) != len(columns):
                problems.append(f"page {page.number}, y {y:.0f}: {len(figures)} figures")
                continue
            for figure, (header, box) in zip(figures, columns, strict=True):
                under = [h for h, b in columns if min(figure.x1, b.x1) > max(figure.x0, b.x0)]
                if under != [header]:
                    problems.append(
                        f"page {page.number}: {figure.text} ({header}) under {under or 'nothing'}"
                        f" ({figure.x0:.0f}-{figure.x1:.0f} against {box.x0:.0f}-{box.x1:.0f})"
                    )
        return problems
    return [f"no table with the headers {list(headers)}"]


def _figure_table(
    page: Page, headers: Sequence[str], last: str
) -> tuple[list[tuple[str, Box]], list[tuple[float, list[Box]]]] | None:
    """The figure headers' boxes and the rows of figures under them, if *page* has the table."""
    second = headers[1].split()[0]
    for anchor in page.words:
        if anchor.text != second:
            continue
        top = anchor.y0 - 1
        band = [w for w in page.words if top <= w.y0 < top + 4 * (anchor.y1 - anchor.y0)]
        columns = []
        for header in headers[1:]:
            words = header.split()
            boxes = [w for w in band if w.text in words and w.x0 >= anchor.x0 - 1]
            if not boxes:
                break
            columns.append(
                (
                    header,
                    Box(
                        header,
                        min(b.x0 for b in boxes),
                        min(b.y0 for b in boxes),
                        max(b.x1 for b in boxes),
                        max(b.y1 for b in boxes),
                    ),
                )
            )
        if len(columns) != len(headers) - 1:
            continue
        bottom = max(b.y1 for _, b in columns)
        below = sorted((w for w in page.words if w.y0 > bottom), key=lambda w: (w.y0, w.x0))
        rows: list[tuple[float, list[Box]]] = []
        for word in below:
            if rows and abs(rows[-1][0] - word.y0) < 2:
                rows[-1][1].append(word)
            else:
                if rows and any(w.text == last for w in rows[-1][1]):
                    break
                rows.append((word.y0, [word]))
        figures = [
            (y, sorted((w for w in words if _NUMBER.fullmatch(w.text)), key=lambda w: w.x0))
            for y, words in rows
        ]
        return columns, [(y, f) for y, f in figures if f]
    return None


# The tables of figures uvp writes: sheet, header row (a label, then the figures' headers).
FIGURE_TABLES = {"Evaluatie": 4, "Kwartaalrapportage": 5}


def figure_headers(workbook: Path) -> list[list[str]]:
    """The headers of the tables of figures in *workbook*."""
    book = openpyxl.load_workbook(workbook, read_only=True)
    found = []
    for name, row in FIGURE_TABLES.items():
        if name in book.sheetnames:
            cells = next(book[name].iter_rows(min_row=row, max_row=row, values_only=True))
            headers = []
            for value in cells:  # the table's, up to the first empty cell
                if value is None:
                    break
                headers.append(str(value))
            found.append(headers)
    return found


def problems_of(workbook: Path, pdf: Path) -> dict[str, list[str]]:
    """Every check on the PDF of *workbook*, by name: what is wrong (nothing when fine)."""
    pages = read_pages(pdf)
    texts = printed_texts(workbook)
    figures = [
        problem
        for headers in figure_headers(workbook)
        for problem in misplaced_figures(pages, headers, "Totaal")
    ]
    return {
        "overlapping lines": overlapping_lines(pages),
        "cut or run-together words": stray_words(pages, texts + chart_texts(workbook)),
        "words not printed": missing_words(pages, texts),
        "figures not under their header": figures,
    }


def main(argv: Sequence[str]) -> int:
    """Write, print and check every kind of workbook into a folder for a developer."""
    folder = Path(argv[0]) if argv else FOLDER
    if SOFFICE is None or PDFTOTEXT is None:
        print("needs LibreOffice (soffice) and poppler-utils (pdftotext, pdftoppm)")
        return 2
    workbooks = build_workbooks(folder / "xlsx")
    pdfs = render(workbooks, folder)
    drawing = draw_pages(pdfs.values(), folder / "png")
    bad = 0
    for workbook, pdf in pdfs.items():
        for check, found in problems_of(workbook, pdf).items():
            for problem in found:
                bad += 1
                print(f"{workbook.name}: {check}: {problem}")
    for process in drawing:
        process.wait(timeout=300)
    print(f"{len(workbooks)} workbooks, {bad} problems; pages in {folder / 'png'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
