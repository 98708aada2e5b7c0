"""``python -m uvp``: the same as the ``uvp`` command."""

from uvp.cli import main

main()
