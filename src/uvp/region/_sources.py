"""The plans a region command reads: one plan per municipality.

Comparing or gathering the region's plans makes sense only with one plan of
each municipality: two versions of one plan in the input would be compared
with each other as if they were two municipalities' plans. One plan kept both
as a workbook and as JSON (as ``examples/`` does) is one plan: the workbook is
read, the JSON left out, and the lines say so.

>>> from uvp.core import plain
>>> from uvp.workbook import read_located
>>> sources = [read_located("examples/nijkerk-2024.json"), read_located("examples/nijkerk-2024.xlsx")]
>>> kept, said = one_plan_each(sources)
>>> [str(source.path) for source in kept], [plain(line) for line in said]
(['examples/nijkerk-2024.xlsx'], ['Nijkerk 2024 staat als werkmap en als JSON in de invoer: uvp leest de werkmap examples/nijkerk-2024.xlsx en laat examples/nijkerk-2024.json weg.'])
"""

from __future__ import annotations

from collections.abc import Sequence

from uvp.core import Line, Span, UvpError
from uvp.messages import Language, render
from uvp.workbook import WORKBOOK_SUFFIXES, Located

__all__ = ["one_plan_each"]


def _is_workbook(source: Located) -> bool:
    return source.path.suffix.lower() in WORKBOOK_SUFFIXES


def _same_plan_twice(first: Located, second: Located) -> bool:
    """Whether two files of one municipality are one plan: the same year, one of them a
    workbook and the other JSON (the workbook exported, or the JSON converted)."""
    return first.plan.year == second.plan.year and _is_workbook(first) != _is_workbook(second)


def one_plan_each(
    sources: Sequence[Located], *, least: int = 1, language: Language = "nl"
) -> tuple[list[Located], list[Line]]:
    """One plan of each municipality in *sources*, in their order, and lines that say
    which files were left out.

    A file given twice counts once; a plan given as a workbook and as JSON (same
    municipality and year) is read from the workbook. Other plans of one
    municipality are refused (``duplicate-plan``), as are the plans of fewer than
    *least* municipalities (``compare-needs-two``, for two).

    >>> from uvp.workbook import read_located
    >>> one_plan_each([read_located("examples/nijkerk-2024.json")], least=2)
    Traceback (most recent call last):
    ...
    uvp.UvpError: Comparing needs the plans of at least two municipalities.
    """
    kept: dict[str, Located] = {}
    said: list[Line] = []
    for source in sources:
        municipality = source.plan.municipality
        first = kept.setdefault(municipality, source)
        if first.path.resolve() == source.path.resolve():
            continue
        if not _same_plan_twice(first, source):
            raise UvpError(
                "duplicate-plan",
                municipality=municipality,
                first=str(first.path),
                second=str(source.path),
            )
        workbook, other = (first, source) if _is_workbook(first) else (source, first)
        kept[municipality] = workbook
        text = render(
            language,
            "region-same-plan-twice",
            municipality=municipality,
            year=workbook.plan.year,
            workbook=str(workbook.path),
            other=str(other.path),
        )
        said.append((Span(text, "muted"),))
    if least > 1 and len(kept) < least:
        raise UvpError("compare-needs-two")
    return list(kept.values()), said
