"""The ``uvp`` command line: batch work on plans, with Dutch output for staff.

A thin shell: each command parses its arguments, calls the library and prints.
The commands on one plan file and ``uvp serve`` are in ``_app``, the region's
commands in ``_region``; importing this package registers them all.
"""

from uvp.cli import _region  # noqa: F401  (registers the region's commands)
from uvp.cli._app import app, main

__all__ = ["app", "main"]
