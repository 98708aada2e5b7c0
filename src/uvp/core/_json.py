"""Plans to and from JSON, through one cattrs converter.

The model never imports json: structuring and unstructuring live here.
Schedules and leads are stored as the text staff write (``"Q2-Q4"``,
``"Nijkerk (Bibob-medewerker)"``) and parsed again on load, so a JSON file is
readable and every notation in it is checked.

>>> import uvp
>>> plan = uvp.Plan("Nijkerk", 2024)
>>> uvp.from_json(uvp.to_json(plan)) == plan
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from uvp.core._assignments import Assignment
from uvp.core._errors import PlanDataError, UvpError, WorkbookError
from uvp.core._leads import Lead
from uvp.core._model import Action, Definition, Goal, Plan, Priority, Theme
from uvp.core._quarters import Schedule

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "dump",
    "from_json",
    "json_schema",
    "load",
    "structure_plan",
    "to_json",
    "unstructure_plan",
]

SCHEMA_VERSION: Final = 1
"""The version of the JSON format this uvp writes (and the newest it reads)."""


@cache
def converter() -> cattrs.Converter:
    """The cattrs converter between the model and JSON-ready data, made on first use
    (cattrs and the converter's functions are a third of ``import uvp`` otherwise)."""
    import cattrs
    from cattrs.cols import is_sequence
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    conv = cattrs.Converter(forbid_extra_keys=True)
    # cattrs would call str()/int() on whatever it gets: 2024.7 would become 2024
    # without a word. A plan file says exactly what it means, or is refused.
    conv.register_structure_hook(str, lambda value, _: _string(value))
    conv.register_structure_hook(int, lambda value, _: _integer(value))
    # Likewise a text is not a list of its letters: "partners": "Politie" is refused.
    conv.register_structure_hook_factory(is_sequence, partial(_array_hook, conv))
    conv.register_unstructure_hook(Schedule, str)
    conv.register_structure_hook(Schedule, lambda value, _: Schedule.parse(_string(value)))
    conv.register_unstructure_hook(Lead, str)
    conv.register_structure_hook(Lead, lambda value, _: Lead.parse(_string(value)))
    for cls in (Assignment, Action, Goal, Theme, Priority, Definition, Plan):
        conv.register_structure_hook(
            cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
        )
    # Fields added since the first plans: written only when they hold something, so a
    # plan that does not use them reads and writes as it always did.
    for optional, names in _OPTIONAL_FIELDS:
        omit: dict[str, Any] = {name: override(omit_if_default=True) for name in names}
        conv.register_unstructure_hook(optional, make_dict_unstructure_fn(optional, conv, **omit))
    return conv


_OPTIONAL_FIELDS: Final[tuple[tuple[type[Any], tuple[str, ...]], ...]] = (
    (Action, ("partners", "result", "indicator", "target_value")),
    (Goal, ("number",)),
)


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a text, got {type(value).__name__} {value!r}")
    return value


def _array_hook(conv: cattrs.Converter, type_: Any) -> Callable[[Any, Any], Any]:
    from cattrs.cols import homogenous_tuple_structure_factory

    items = homogenous_tuple_structure_factory(type_, conv)

    def structure(value: object, target: Any) -> Any:
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {type(value).__name__} {value!r}")
        return items(value, target)

    return structure


def _integer(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected a whole number, got {type(value).__name__} {value!r}")
    return value


def unstructure_plan(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data, with ``schema_version`` first.

    >>> unstructure_plan(Plan("Nijkerk", 2024))["schema_version"]
    1
    """
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(converter().unstructure(plan))
    return data


def structure_plan(data: object, *, source: str = "<data>") -> Plan:
    """Build a plan from JSON-ready data, checking every field and notation.

    Problems raise :class:`~uvp.PlanDataError` listing each one with its place
    in the data (``$.priorities[0].themes[1].actions[3].assignments[0].schedule``).

    >>> structure_plan({"schema_version": 1, "municipality": "Ede", "year": "2024"})
    Traceback (most recent call last):
    uvp.PlanDataError: <data>: 1 problem in the plan data:
      $.year: expected a whole number, got str '2024'
    """
    if not isinstance(data, dict):
        raise PlanDataError("not-a-plan", source=source, detail="the top level is not an object")
    if "schema_version" not in data:
        raise PlanDataError("schema-version-missing", source=source)
    version = data["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanDataError(
            "not-a-plan", source=source, detail=f"schema_version {version!r} is not a version"
        )
    if version > SCHEMA_VERSION:
        raise PlanDataError(
            "schema-version-newer", source=source, found=version, supported=SCHEMA_VERSION
        )
    body = {key: value for key, value in data.items() if key != "schema_version"}
    try:
        return converter().structure(body, Plan)
    except Exception as error:  # cattrs raises exception groups; report every leaf
        import cattrs

        details = [
            _place_first(d)
            for d in cattrs.transform_error(error, path="$", format_exception=_format_exception)
        ]
        raise PlanDataError(
            "bad-plan-data",
            source=source,
            count=len(details),
            details="\n".join(f"  {d}" for d in details),
        ) from error


def _place_first(detail: str) -> str:
    # cattrs says "message @ $.path"; people read the place first.
    message, separator, place = detail.rpartition(" @ ")
    return f"{place}: {message}" if separator else detail


def _format_exception(exc: BaseException, type_: type | None) -> str:
    import cattrs

    if isinstance(exc, UvpError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, TypeError) and str(exc).startswith("expected a"):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def to_json(plan: Plan, *, indent: int | None = 2) -> str:
    """The plan as JSON text (UTF-8 characters kept as they are).

    >>> print(to_json(Plan("Ede", 2025), indent=None))
    {"schema_version": 1, "municipality": "Ede", "year": 2025, "partners": [], "priorities": [], "definitions": []}
    """
    data = unstructure_plan(plan)
    if indent == 2:
        try:  # the fast path: orjson writes exactly what json.dumps does, 30x faster
            import orjson
        except ImportError:
            pass
        else:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    return json.dumps(data, ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, *, source: str = "<json>") -> Plan:
    """Read a plan from JSON text.

    >>> from_json('{"schema_version": 1, "municipality": "Ede", "year": 2025}').year
    2025
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise PlanDataError("bad-json", source=source, detail=str(error)) from error
    return structure_plan(data, source=source)


def dump(plan: Plan, path: str | os.PathLike[str], *, backup: bool = False) -> None:
    """Write the plan as JSON to *path*, all or nothing (with *backup*, a file it
    replaces is kept as ``name.bak.json``).

    The text goes to a temporary file beside *path* that then replaces it, so
    a crash never leaves half a file (see :func:`uvp.core.write_with`); a failure
    is a :class:`~uvp.WorkbookError` that says why in words. A missing folder is made.
    """
    from uvp.core._atomic import os_reason, write_text

    text = to_json(plan) + "\n"
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkbookError(
            "file-write-failed", source=str(path), detail=os_reason(error)
        ) from error
    write_text(path, text, backup=backup)


_MAX_JSON_BYTES: Final = 64 * 1024 * 1024


def load(path: str | os.PathLike[str]) -> Plan:
    """Read a plan from a JSON file written by :func:`dump` (or by hand)."""
    source = str(path)
    try:
        size = os.stat(path).st_size
        if size > _MAX_JSON_BYTES:
            raise PlanDataError(
                "file-unreadable", source=source, detail=f"{size} bytes is too large for a plan"
            )
        raw = Path(path).read_bytes()
    except FileNotFoundError as error:
        raise PlanDataError("file-not-found", source=source) from error
    except OSError as error:
        detail = error.strerror or type(error).__name__
        raise PlanDataError("file-unreadable", source=source, detail=detail) from error
    return from_json(raw, source=source)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every plan written by :func:`to_json` satisfies.

    >>> json_schema()["properties"]["schema_version"]["const"]
    1
    """
    from importlib import resources

    text = resources.files("uvp.core").joinpath("plan.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
