"""The ``uvp`` command line: batch work on plans, with Dutch output for staff.

A thin shell: each command parses its arguments, calls the library and prints.
The commands on one plan file and ``uvp serve`` are in ``_app``, the region's
commands in ``_region``; importing this package registers them all. The typer
app (``uvp.cli.app``: help pages, usage errors, ``--version``) is built from
them on first use, in ``_dutch``: a plain command line runs without it.
"""

from typing import TYPE_CHECKING

from uvp.cli import _region  # noqa: F401  (registers the region's commands)
from uvp.cli._app import main

if TYPE_CHECKING:
    from uvp.cli._dutch import app

__all__ = ["app", "main"]


def __getattr__(name: str) -> object:
    if name != "app":
        raise AttributeError(f"module 'uvp.cli' has no attribute {name!r}")
    from uvp.cli._dutch import app

    return app
