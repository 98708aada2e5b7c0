"""The plans a region command reads: one plan per municipality.

Comparing or gathering the region's plans makes sense only with one plan of
each municipality: two versions of one plan in the input would be compared
with each other as if they were two municipalities' plans.

>>> import uvp
>>> from uvp.workbook import read_located
>>> sources = [read_located("examples/nijkerk-2024.json"), read_located("examples/nijkerk-2024.xlsx")]
>>> one_plan_each(sources)
Traceback (most recent call last):
...
uvp.UvpError: The plan of Nijkerk is in the input twice (examples/nijkerk-2024.json and examples/nijkerk-2024.xlsx): give one file per municipality.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from uvp.core import UvpError
from uvp.workbook import Located

__all__ = ["one_plan_each"]


def one_plan_each(sources: Sequence[Located], *, least: int = 1) -> None:
    """Refuse *sources* that hold two plans of one municipality (``duplicate-plan``) or
    the plans of fewer than *least* municipalities (``compare-needs-two``, for two).

    >>> from uvp.workbook import read_located
    >>> one_plan_each([read_located("examples/nijkerk-2024.json")], least=2)
    Traceback (most recent call last):
    ...
    uvp.UvpError: Comparing needs the plans of at least two municipalities.
    """
    seen: dict[str, Path] = {}
    for source in sources:
        first = seen.setdefault(source.plan.municipality, source.path)
        if first != source.path:
            raise UvpError(
                "duplicate-plan",
                municipality=source.plan.municipality,
                first=str(first),
                second=str(source.path),
            )
    if least > 1 and len(seen) < least:
        raise UvpError("compare-needs-two")
