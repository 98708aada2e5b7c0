"""The ``uvp`` command line: batch work on plans, with Dutch output for staff.

A thin shell: each command parses its arguments, calls the library and prints.
"""

from uvp.cli._app import app, main

__all__ = ["app", "main"]
