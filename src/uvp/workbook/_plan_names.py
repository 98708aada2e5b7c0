"""The plan's municipality and year, where a workbook says them in words: a plan's
title (*Uitvoeringsplan Veiligheid 2024 gemeente Scherpenzeel*), a year cell of the
``Plan`` sheet, or the file's name (``uvp-2024-nijkerk.xlsx``).

>>> municipality_in_title("Uitvoeringsplan Veiligheid 2024 gemeente Scherpenzeel")
'Scherpenzeel'
>>> year_in_title("Uitvoeringsplan 2025 bij het IVP 2024-2027")
2025
"""

from __future__ import annotations

import functools
import re
from typing import Final

from uvp.core import municipalities

__all__ = [
    "RECURRING_TITLE",
    "municipality_in_file_name",
    "municipality_in_title",
    "year_in_title",
    "year_of",
]


def year_of(text: str) -> int | None:
    """The year a cell says on its own (``2024``, ``2024.0``), else ``None``.

    >>> year_of("2024"), year_of(" 2024.0 "), year_of("24"), year_of("3024")
    (2024, 2024, None, None)
    """
    match = re.fullmatch(r"\s*(\d{4})(?:\.0+)?\s*", text)
    return int(match.group(1)) if match and 1900 <= int(match.group(1)) <= 2999 else None


# A title on every sheet is the plan's when it says a year, safety or a municipality.
RECURRING_TITLE: Final = re.compile(r"(?i)(?<!\d)(?:19|20)\d\d(?!\d)|veilig|gemeente")
_TITLE_YEAR: Final = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SPAN: Final = re.compile(r"(?<!\d)(?:19|20)\d\d\s*(?:[-–—/]|t/m|tot)\s*(?:19|20)\d\d(?!\d)")


def year_in_title(title: str) -> int | None:
    """The plan's year in its title: the first year that is not part of a span
    (*IVP 2024-2027* is the span of the IVP, not the year of this plan).

    >>> year_in_title("Uitvoeringsplan 2025 bij het IVP 2024-2027"), year_in_title("IVP 2024-2027")
    (2025, None)
    """
    spans = [m.span() for m in _SPAN.finditer(title)]
    for match in _TITLE_YEAR.finditer(title):
        if not any(start <= match.start() < end for start, end in spans):
            return int(match.group(1))
    return None


@functools.cache
def _title_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Patterns that find a municipality in a plan's title, and written name -> name."""
    written: dict[str, str] = {}
    for municipality in municipalities():
        for name in (municipality.name, *municipality.aliases):
            written[name.casefold()] = municipality.name
            written[name] = municipality.name
    names = sorted({n for n in written if n != n.casefold() or n[:1] == "'"}, key=len, reverse=True)
    any_case = "|".join(re.escape(n) for n in sorted(written, key=len, reverse=True))
    as_written = "|".join(re.escape(n) for n in names)
    end = r"(?![\w'’-])"
    after_gemeente = re.compile(rf"(?i)(?<![\w-])gemeente\s+({any_case}){end}")
    plan_words = (
        r"(?i:uitvoeringsplan|uitvoeringsprogramma|jaarplan|jaarprogramma|veiligheidsplan|"
        r"veiligheidsprogramma|jaarschijf|uvp|ivp)(?:\s+(?i:integrale\s+)?(?i:veiligheid))?"
    )
    year = r"(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?"
    # The name ends the title, or a year, a bracket or a dash follows it.
    alone = r"(?=\s*(?:$|[-–:(]|(?:19|20)\d\d))"
    beside_plan = re.compile(
        rf"(?<![\w-]){plan_words}{year}\s*[-–:,]?\s+({as_written}){end}{alone}"
        rf"|^\s*({as_written})\s*[-–:,]?\s+{plan_words}"
    )
    return after_gemeente, beside_plan, written


def municipality_in_title(title: str) -> str | None:
    """The municipality a plan's title names: after *gemeente* (any case), or written
    with its capital right after the words of the plan's name (and its year), ending the
    title or followed by a year, or right before those words.

    Ordinary words that are also a municipality's name (*beste*, *Best practices*,
    *buren*) are not read as one.

    >>> municipality_in_title("Uitvoeringsplan Veiligheid 2024 gemeente Scherpenzeel")
    'Scherpenzeel'
    >>> municipality_in_title("Jaarplan Veiligheid 2024 Heerlen"), municipality_in_title("UVP 2024: Best practices")
    ('Heerlen', None)
    """
    after_gemeente, beside_plan, written = _title_patterns()
    match = after_gemeente.search(title)
    if match is not None:
        return written[match.group(1).casefold()]
    match = beside_plan.search(title)
    if match is not None:
        name = match.group(1) or match.group(2)
        return written.get(name, written.get(name.casefold()))
    return None


@functools.cache
def _file_name_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for municipality in municipalities():
        for name in (municipality.name, *municipality.aliases):
            keys[re.sub(r"[^0-9a-z]", "", name.casefold())] = municipality.name
    return keys


def municipality_in_file_name(stem: str) -> str | None:
    """The municipality a file name names, as whole words (``uvp-2024-nijkerk``,
    ``UVP_Bergen_op_Zoom``); ``None`` when it names none, or more than one.

    >>> municipality_in_file_name("uvp-2024-nijkerk"), municipality_in_file_name("plan_Bergen_op_Zoom")
    ('Nijkerk', 'Bergen op Zoom')
    >>> municipality_in_file_name("ede-en-nijkerk") is None
    True
    """
    tokens = [t for t in re.split(r"[^0-9A-Za-zÀ-ÿ']+", stem) if t]
    keys = _file_name_keys()
    found: set[str] = set()
    used: set[int] = set()
    for size in range(min(5, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            if span & used:
                continue
            key = re.sub(r"[^0-9a-z]", "", " ".join(tokens[start : start + size]).casefold())
            if key in keys:
                found.add(keys[key])
                used |= span
    return found.pop() if len(found) == 1 else None
