"""The Excel add-in: the ribbon's buttons as Python functions.

Each entry point takes an ``xlwings.Book`` (from xlwings Server, xlwings Lite
or classic xlwings) and runs the same reader, checks and writers as the
``uvp`` command line, writing through :class:`uvp.workbook.XlwingsTarget`:
the group *Uitvoeringsplan* (:func:`validate`, :func:`fill_quarters`,
:func:`write_evaluation`, :func:`export_json`) and the group *Regio*
(:func:`quarterly_report`, :func:`compare_region`).
:mod:`uvp.addin.server` is the web server behind the ribbon (``uvp serve``,
whose options :func:`serve_settings` checks).

The entry points load xlwings on first use, not on ``import uvp.addin``: xlwings
reads its licence key when it is imported, and ``uvp serve`` sets a default
key first (and says what to install when the ``server`` extra is missing).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from uvp.addin._serve import LOOPBACK, ServeSettings, serve_settings

if TYPE_CHECKING:
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
    "LOOPBACK",
    "MAX_PLAN_FILES",
    "NEEDS",
    "PlanFile",
    "ServeSettings",
    "compare_region",
    "export_json",
    "fill_quarters",
    "missing",
    "peildatum_of",
    "quarterly_report",
    "read_book",
    "read_plan_file",
    "serve_settings",
    "validate",
    "write_evaluation",
]

_REGION = frozenset(
    {"MAX_PLAN_FILES", "PlanFile", "compare_region", "quarterly_report", "read_plan_file"}
)
_SCRIPTS = frozenset(__all__) - {"LOOPBACK", "ServeSettings", "serve_settings"} - _REGION


def __getattr__(name: str) -> object:
    if name in _REGION:
        return getattr(importlib.import_module("uvp.addin._region"), name)
    if name not in _SCRIPTS:
        raise AttributeError(f"module 'uvp.addin' has no attribute {name!r}")
    return getattr(importlib.import_module("uvp.addin._scripts"), name)
