"""LibreOffice opens what uvp wrote into real Excel workbooks, without complaint.

A sample of the corpus (Strict Open XML, pictures in cells, VBA, pivot tables,
a chart, prefixed styles) is filled, checked and evaluated, then converted by
headless LibreOffice; the conversion must succeed and keep the user's sheets
and uvp's. Whether Excel itself would show a repair prompt can only be seen
in Excel.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_run import MUNICIPALITY, PEILDATUM, YEAR, with_plan
from tests.render import SOFFICE, soffice_convert
from uvp.workbook import evaluate_workbook, fill_workbook, load_values, validate_workbook

CORPUS = Path(__file__).parent / "corpus" / "files"
SAMPLE = [
    "poi-SimpleStrict.xlsx",
    "calamine-picture_richdata.xlsx",
    "calamine-vba.xlsm",
    "calamine-pivots.xlsx",
    "poi-WithChart.xlsx",
    "closedxml-output.xlsx",
]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_what_uvp_wrote(tmp_path: Path) -> None:
    written = []
    for name in SAMPLE:
        path = tmp_path / name
        path.write_bytes(with_plan((CORPUS / name).read_bytes(), into_first_sheet=False))
        options = {"municipality": MUNICIPALITY, "year": YEAR, "backup": False}
        fill_workbook(path, **options)  # type: ignore[arg-type]
        validate_workbook(path, write=True, **options)  # type: ignore[arg-type]
        evaluate_workbook(path, PEILDATUM, **options)  # type: ignore[arg-type]
        written.append(path)
    converted_of = soffice_convert(written, tmp_path / "out", tmp_path / "profile", "xlsx")
    for path in written:
        converted = converted_of[path]
        before, after = load_values(path), load_values(converted)
        assert list(after) == list(before), path.name
        assert after["Controle"][0][0] == before["Controle"][0][0]
        assert after["Evaluatie"][0][0] == before["Evaluatie"][0][0]
        assert after["UVP-acties"][2][3:7] == ["Q1", "Q2", "Q3", "Q4"]
