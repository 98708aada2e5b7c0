"""The Excel add-in: what the UVP ribbon buttons run on the open workbook.

Each entry point takes an ``xlwings.Book`` (from xlwings Server, xlwings Lite
or classic xlwings) and runs the same reader, checks and writers as the
``uvp`` command line, writing through :class:`uvp.workbook.XlwingsTarget`.
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
    "NEEDS",
    "ServeSettings",
    "export_json",
    "fill_quarters",
    "missing",
    "peildatum_of",
    "read_book",
    "serve_settings",
    "validate",
    "write_evaluation",
]

_SCRIPTS = frozenset(__all__) - {"LOOPBACK", "ServeSettings", "serve_settings"}


def __getattr__(name: str) -> object:
    if name not in _SCRIPTS:
        raise AttributeError(f"module 'uvp.addin' has no attribute {name!r}")
    return getattr(importlib.import_module("uvp.addin._scripts"), name)
