"""The Excel add-in: what the UVP ribbon buttons run on the open workbook.

Each entry point takes an ``xlwings.Book`` (from xlwings Server, xlwings Lite
or classic xlwings) and runs the same reader, checks and writers as the
``uvp`` command line, writing through :class:`uvp.workbook.XlwingsTarget`.
:mod:`uvp.addin.server` is the web server behind the ribbon (``uvp serve``).
"""

from uvp.addin._scripts import (
    JSON_SHEET,
    NEEDS,
    export_json,
    fill_quarters,
    missing,
    peildatum_of,
    read_book,
    validate,
    write_evaluation,
)

__all__ = [
    "JSON_SHEET",
    "NEEDS",
    "export_json",
    "fill_quarters",
    "missing",
    "peildatum_of",
    "read_book",
    "validate",
    "write_evaluation",
]
