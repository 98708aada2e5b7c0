"""Every kind of workbook uvp writes reads well on paper, as LibreOffice Calc prints it.

The workbooks of both examples (see :mod:`tests.render`) are printed to PDF in
one LibreOffice run; every page is drawn as a PNG in ``bench/render/png/`` (not
in git) for a developer to look at. From the PDFs' text boxes each workbook must
have no overlapping lines, no word cut or run into another, every word of its
cells printed, and in its tables of figures each figure under its own header.
The checks themselves are tested first, on pages made up here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import render
from tests.render import Box, Page

KINDS = [
    "nijkerk-bijgewerkt",  # fill, validate --write, evaluate on the user's own plan
    "scherpenzeel-bijgewerkt",
    "nijkerk-goal",  # convert, both layouts
    "nijkerk-quarter",
    "scherpenzeel-goal",
    "scherpenzeel-quarter",
    "nijkerk-2025",  # next-year
    "scherpenzeel-2025",
    "nijkerk-rapport",  # report -o rapport.xlsx
    "scherpenzeel-rapport",
    "nieuw",  # new
    "regio",  # compare -o
    "agenda",  # agenda -o
]
# Every sheet uvp writes, in one workbook or another.
SHEETS = {
    "Plan",
    "Doelen",
    "Definities",
    "Controle",
    "Evaluatie",
    "Regio",
    "Agenda",
    "Kwartaalrapportage",
}

needs_libreoffice = pytest.mark.skipif(
    render.SOFFICE is None or render.PDFTOTEXT is None,
    reason="needs LibreOffice Calc and poppler-utils (bash .ci/run installs "
    "libreoffice-calc-nogui and poppler-utils where missing)",
)


@pytest.fixture(scope="module")
def printed() -> Iterator[dict[str, tuple[Path, Path]]]:
    """Every kind of workbook and its PDF, by name; the pages drawn meanwhile."""
    # A folder of each pytest-xdist worker's own: workers printing into one folder at
    # once overwrite each other's workbooks and PDFs.
    folder = render.FOLDER / os.environ.get("PYTEST_XDIST_WORKER", "")
    workbooks = render.build_workbooks(folder / "xlsx")
    pdfs = render.render(workbooks, folder)
    drawing = render.draw_pages(pdfs.values(), folder / "png")
    yield {workbook.stem: (workbook, pdf) for workbook, pdf in pdfs.items()}
    for process in drawing:
        process.wait(timeout=300)


@needs_libreoffice
def test_every_kind_of_workbook_is_printed(printed: dict[str, tuple[Path, Path]]) -> None:
    import openpyxl

    assert sorted(printed) == sorted(KINDS)
    sheets = {
        name
        for workbook, _ in printed.values()
        for name in openpyxl.load_workbook(workbook, read_only=True).sheetnames
    }
    assert sheets >= SHEETS


@needs_libreoffice
@pytest.mark.parametrize("kind", KINDS)
def test_workbook_reads_well_on_paper(kind: str, printed: dict[str, tuple[Path, Path]]) -> None:
    workbook, pdf = printed[kind]
    problems = {check: found for check, found in render.problems_of(workbook, pdf).items() if found}
    shown = "\n".join(
        f"  {check}: {len(found)}, e.g. {found[:3]}" for check, found in problems.items()
    )
    pages = render.FOLDER / os.environ.get("PYTEST_XDIST_WORKER", "") / "png"
    assert not problems, f"{workbook.name} prints badly (its pages: {pages}/{kind}-*.png):\n{shown}"


# -- the checks can fail ---------------------------------------------------------------------


def _line(text: str, x0: float, y0: float, width: float = 100, height: float = 14) -> Box:
    return Box(text, x0, y0, x0 + width, y0 + height)


def _page(*lines: Box) -> Page:
    words = []
    for line in lines:
        x = line.x0
        for word in line.text.split():
            words.append(Box(word, x, line.y0, x + 6 * len(word), line.y1))
            x += 6 * len(word) + 3
    return Page(1, list(lines), words)


@pytest.mark.parametrize(
    ("lines", "overlapping"),
    [
        ([_line("een", 0, 0), _line("twee", 0, 12.8)], False),  # lines of one text touch
        ([_line("een", 0, 0), _line("twee", 0, 6)], True),  # text over text
        ([_line("een", 0, 0), _line("twee", 101, 0)], False),  # side by side
        ([_line("een", 0, 0), _line("twee", 90, 0)], True),  # into the next column
    ],
    ids=["wrapped", "over", "beside", "into"],
)
def test_overlapping_lines_are_found(lines: list[Box], overlapping: bool) -> None:
    assert bool(render.overlapping_lines([_page(*lines)])) == overlapping


def test_a_cut_header_is_found() -> None:
    texts = ["Nijkerk: trekker en kwartaal", "Nijkerk: in het plan"]
    cut = _page(_line("Nijkerk: trekker en kwartaaNijkerk: in het plan", 0, 0))
    assert render.stray_words([cut], texts) == ["page 1: 'kwartaaNijkerk:'"]
    assert render.missing_words([cut], texts) == ["'Nijkerk:': 1 of 2", "'kwartaal': 0 of 1"]
    # Wrapped at a space or after a hyphen, nothing is missing nor stray.
    wrapped = _page(_line("Nijkerk: trekker en", 0, 0), _line("kwartaal Q1-", 0, 14))
    wrapped.words.append(Box("Q4", 0, 28, 12, 42))
    texts = ["Nijkerk: trekker en kwartaal Q1-Q4"]
    assert render.stray_words([wrapped], texts) == []
    assert render.missing_words([wrapped], texts) == []


def test_figures_not_under_their_headers_are_found() -> None:
    headers = ["Prioriteit", "Acties", "Gereed"]
    page = Page(
        1,
        [],
        [
            Box("Prioriteit", 0, 0, 50, 10),
            Box("Acties", 200, 0, 230, 10),
            Box("Gereed", 300, 0, 335, 10),
            Box("Drugs", 0, 12, 30, 22),
            Box("19", 222, 12, 230, 22),  # under Acties
            Box("4", 250, 12, 256, 22),  # between the two: under neither
            Box("Totaal", 0, 24, 30, 34),
            Box("19", 222, 24, 230, 34),
            Box("4", 329, 24, 335, 34),
        ],
    )
    assert render.misplaced_figures([page], headers, "Totaal") == [
        "page 1: 4 (Gereed) under nothing (250-256 against 300-335)"
    ]


def test_the_checks_read_a_real_pdf(tmp_path: Path) -> None:
    """pdftotext's boxes as the checks take them (skipped without poppler-utils)."""
    if render.PDFTOTEXT is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    pdf = tmp_path / "blad.pdf"
    pdf.write_bytes(_MINIMAL_PDF)
    (page,) = render.read_pages(pdf)
    assert [w.text for w in page.words] == ["Hallo", "wereld"]
    assert page.lines[0].text == "Hallo wereld"


_MINIMAL_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R
  /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 44 >> stream
BT /F1 12 Tf 20 50 Td (Hallo wereld) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""
