"""The Excel add-in: what the UVP ribbon buttons run on the open workbook.

Each entry point takes an ``xlwings.Book`` (from xlwings Server, xlwings Lite
or classic xlwings) and runs the same reader, checks and writers as the
``uvp`` command line, writing through :class:`uvp.workbook.XlwingsTarget`:
the group *Uitvoeringsplan* (:func:`validate`, :func:`fill_quarters`,
:func:`write_evaluation`, :func:`export_json`) and the group *Regio*
(:func:`quarterly_report`, :func:`compare_region`).
:mod:`uvp.addin.server` is the web server behind the ribbon (``uvp serve``).
"""

from uvp.addin._region import (
    MAX_PLAN_FILES,
    PlanFile,
    compare_region,
    quarterly_report,
    read_plan_file,
)
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
    "MAX_PLAN_FILES",
    "NEEDS",
    "PlanFile",
    "compare_region",
    "export_json",
    "fill_quarters",
    "missing",
    "peildatum_of",
    "quarterly_report",
    "read_book",
    "read_plan_file",
    "validate",
    "write_evaluation",
]
