"""What the command line's parser says of a command typed wrong, in uvp's languages.

The ``uvp`` command line is built on typer, whose copy of click words its usage
errors in English, fixed in its code ("Missing option '--gemeente'."). Each
pattern here reads one such message back, and the catalogue says it again in
the language asked for: :func:`translate_usage`. A message no pattern knows is
shown as it is (``uvp.cli``'s tests make typos of every kind and look for English).

>>> from uvp.messages import translate_usage
>>> translate_usage("Missing option '--gemeente'.", "nl")
'Optie --gemeente ontbreekt.'
>>> translate_usage("Invalid value for '--jaar': Input should be greater than or equal to 1900", "nl")
'Ongeldige waarde voor --jaar: dit moet minstens 1900 zijn.'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["USAGE_TEXTS"]

# A parameter as typer names it: 'PLAN', or '-o' / '--output' (the last, long name kept).
_NAME: Final = r"(?:'[^']+' / )*'(?P<name>[^']+)'"

USAGE_TEXTS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), code)
    for pattern, code in (
        (rf"Missing argument {_NAME}\.", "usage-missing-argument"),
        (rf"Missing option {_NAME}\.", "usage-missing-option"),
        (
            r"No such option: (?P<name>\S+) \(Possible options: (?P<names>.+)\)",
            "usage-did-you-mean",
        ),
        (r"No such option: (?P<name>\S+)", "usage-no-option"),
        (r"Option '(?P<name>.+)' requires (?:an argument|\d+ arguments)\.", "usage-needs-value"),
        (r"Option '(?P<name>.+)' does not take a value\.", "usage-no-value"),
        (r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)", "usage-extra"),
        (r"No such command '(?P<name>.*)'\.", "usage-no-command"),
        (r"Missing command\.", "usage-missing-command"),
        (rf"Invalid value for {_NAME}: (?P<reason>.*)", "usage-bad-value"),
        (r"Input should be a valid integer.*", "usage-not-integer"),
        (r"Input should be a valid number.*", "usage-not-number"),
        (r"Input should be greater than or equal to (?P<limit>\S+)", "usage-too-small"),
        (r"Input should be less than or equal to (?P<limit>\S+)", "usage-too-large"),
        (r"Value error, '(?P<value>.*)' is not one of (?P<choices>.*)\.", "usage-choice"),
        (r"Value error, not a date: '(?P<text>.*)' \(.*\)", "usage-not-a-date"),
    )
)
"""typer's English usage errors: a pattern per message, and the catalogue code that
says it. A ``reason`` in a message is itself such a message."""
