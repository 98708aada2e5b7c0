"""The web server behind the UVP ribbon: Excel's buttons without Python on the user's PC.

Excel (Windows, macOS, Excel on the web) loads the add-in's manifest, which
puts a tab **UVP** on the ribbon: four buttons in the group *Uitvoeringsplan*,
two in the group *Regio*. A button runs the small
JavaScript client in ``static/uvp.js``: it collects the workbook the
way xlwings' Office.js client does (the book's name, every sheet's values
anchored at A1 with ``""`` for an empty cell, the defined names), posts it to
this server at ``POST /xlwings/custom-scripts-call/{script_name}``, and
applies the actions of the answer, ``book.json()``, in Excel. That is the
route and the payload of xlwings Server; the scripts are the entry points of
:mod:`uvp.addin`, run on xlwings' remote engine.

*Vergelijken* (``compare_region``) also needs the region's other plans: the
user picks their files in the task pane (``static/regio.html``), and the
client sends them along in ``args``, each as a name and its bytes in base64
(:class:`PlanUpload`), within the same body limit. The server reads them with
the command line's reader from a private temporary folder; a name is only a
label, never a path. The server has no folder of plans and reads no file a
request names: it keeps nothing between requests.

The server also hands out the add-in's files: the client under ``/static/``
and the manifest at ``/manifest.xml`` with this server's address filled in.

What a request may be: JSON (``Content-Type: application/json``) of at most
:data:`MAX_BODY` bytes, shaped like the Office.js payload, with every cell
address in it an address on Excel's grid. Anything else is a 4xx answer with a
Dutch ``detail``; a workbook that is simply not a UVP plan is an ordinary
answer whose only action is a Dutch message box. No answer carries a traceback
or an English framework text (404, 405, 500 and the rest are Dutch too). The
client is served from this server itself, so no cross-origin (CORS) access is
granted to anyone.

What a stranger cannot do (see :class:`Limits`): hold a connection open
without finishing a request (each request must come in full within
``request_timeout`` seconds, see :mod:`uvp.addin._http`), crowd out real users
with idle connections (the limit is on requests in progress, not on
connections), or queue work without bound (at most ``max_requests`` requests
in progress per worker, one script running at a time; beyond that a Dutch 503
with ``Retry-After``). The manifest's address comes from ``--public-url`` or
from a request whose host is on the allow-list, never from just any ``Host``
header.

Start it with ``uvp serve`` (see docs/addin-server.md); this module needs the
``server`` extra (FastAPI and uvicorn) and, like :mod:`uvp.addin`,
``XLWINGS_LICENSE_KEY`` set before xlwings is first imported.
"""

from __future__ import annotations

import asyncio
import binascii
import contextlib
import copy
import dataclasses
import json
import logging
import math
import os
import re
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Final, Literal
from xml.sax.saxutils import escape

import uvicorn
import xlwings as xw
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.config import LOGGING_CONFIG
from uvicorn.supervisors import Multiprocess

from uvp import addin
from uvp.addin._http import MAX_CONNECTIONS, REQUEST_TIMEOUT, RETRY_AFTER, ServeConfig
from uvp.messages import render

__all__ = [
    "DEFAULT_PUBLIC_URL",
    "LOOPBACK_HOSTS",
    "MANIFEST",
    "MAX_BODY",
    "SCRIPTS",
    "STATIC",
    "Limits",
    "Payload",
    "PlanInfo",
    "PlanUpload",
    "RegionInfo",
    "app_from_environment",
    "create_app",
    "manifest_for",
    "run",
    "uvicorn_config",
]

log = logging.getLogger("uvp.server")

#: The scripts a ribbon button may call, by the name in the route. Each takes the book,
#: and the ``municipality`` and ``year`` the user gave where the workbook does not say them.
SCRIPTS: Final[Mapping[str, Callable[..., object]]] = {
    "validate": addin.validate,
    "fill_quarters": addin.fill_quarters,
    "write_evaluation": addin.write_evaluation,
    "export_json": addin.export_json,
    "quarterly_report": addin.quarterly_report,
    "compare_region": addin.compare_region,
}

#: The largest request body accepted (the example plans send about 30 kB).
MAX_BODY: Final = 20 * 1024 * 1024
#: The files of the Office.js client, the add-in pages and the icons.
STATIC: Final = Path(__file__).resolve().parent / "static"
#: The manifest as shipped (the same file as excel/manifest.xml in the repository).
MANIFEST: Final = Path(__file__).resolve().parent / "manifest.xml"
#: The address written in the shipped manifest; the served one has the server's own.
DEFAULT_PUBLIC_URL: Final = "https://localhost:8000"
#: Hosts the manifest may always take its address from: this machine (any port).
LOOPBACK_HOSTS: Final = ("localhost", "127.0.0.1", "[::1]")

_TITLE: Final = "UVP"
_HOST: Final = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?"
)
_PUBLIC_URL: Final = re.compile(r"https://" + _HOST.pattern + r"(?:/[A-Za-z0-9._~/-]*)?")
# The environment variable through which `uvp serve --workers N` hands its settings
# to the worker processes (each builds its app with app_from_environment).
_SETTINGS_ENV: Final = "UVP_SERVE_SETTINGS"

# xlwings' remote engine keeps its books in one process-wide app, and a script's
# message box goes to the app's newest book: one script at a time keeps each
# answer to its own workbook. A script takes milliseconds.
_ENGINE = threading.Lock()


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one worker of ``uvp serve`` takes on at once, and how long it waits.

    * *request_timeout*: seconds in which a request's header and body must have
      come in full; a connection that stalls is closed (a Dutch 408 if part of a
      request had come).
    * *max_requests*: button requests in progress per worker (coming in, waiting
      for their turn, or running; one runs at a time). One more gets a Dutch 503
      with ``Retry-After``. Idle connections do not count.
    * *queue_timeout*: seconds a request may wait for its turn before it gets
      that 503.
    * *max_connections*: open connections per worker; at the cap the connection
      that has waited longest without a request in progress is closed.
    * *max_buffered*: bytes of request bodies held per worker at once (the
      bodies of requests that wait for their turn); beyond, a 503.

    >>> Limits().request_timeout <= 30
    True
    >>> Limits(max_requests=0)
    Traceback (most recent call last):
    ...
    ValueError: max_requests must be at least 1, not 0
    """

    request_timeout: float = REQUEST_TIMEOUT
    max_requests: int = 64
    queue_timeout: float = 60.0
    max_connections: int = MAX_CONNECTIONS
    max_buffered: int = 256 * 1024 * 1024

    def __post_init__(self) -> None:
        for name in ("request_timeout", "queue_timeout"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and 0 < value < math.inf):
                raise ValueError(f"{name} must be a positive number of seconds, not {value!r}")
        for name in ("max_requests", "max_connections", "max_buffered"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be at least 1, not {value!r}")


# -- the payload -------------------------------------------------------------------------

_MAX_ROWS: Final = 1_048_576
_MAX_COLUMNS: Final = 16_384
_PART: Final = re.compile(r"\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _reference_problem(address: str) -> str | None:
    """Why *address* is not a reference on Excel's grid (``B3``, ``A1:D20``, ``A:C``,
    ``1:4``, with or without ``$``), or None when it is one."""
    parts = address.split(":")
    if not 1 <= len(parts) <= 2:
        return render("nl", "server-bad-address", address=address[:40])
    kinds = set()
    for part in parts:
        match = _PART.fullmatch(part)
        if match is None or not part.strip("$"):
            return render("nl", "server-bad-address", address=address[:40])
        letters, digits = match.groups()
        if letters is not None and _column_number(letters) > _MAX_COLUMNS:
            return render("nl", "server-bad-address", address=address[:40])
        if digits is not None and not 1 <= int(digits) <= _MAX_ROWS:
            return render("nl", "server-bad-address", address=address[:40])
        kinds.add((letters is None, digits is None))
    # B3 or B3:D9 (cells), A:C (columns), 1:4 (rows); not a lone column or row, not mixed
    if len(kinds) != 1 or (len(parts) == 1 and kinds != {(False, False)}):
        return render("nl", "server-bad-address", address=address[:40])
    return None


# The error type of uvp's own checks in pydantic's errors; their message is Dutch already.
_OWN_CHECK: Final = "uvp"


def _problem(message: str) -> PydanticCustomError:
    return PydanticCustomError(_OWN_CHECK, "{message}", {"message": message})


def _checked_reference(address: str | None) -> str | None:
    if address is not None and (problem := _reference_problem(address)) is not None:
        raise _problem(problem)
    return address


def _invalid(code: str, **params: object) -> PydanticCustomError:
    return _problem(render("nl", code, **params))


Cell = str | int | float | StrictBool | None


class _Part(BaseModel):
    # Keys uvp does not use are dropped here, before xlwings sees the payload: among
    # them each sheet's used_range_address (uvp reads values anchored at A1) and the
    # addresses in pictures, tables, charts, notes and shapes (uvp's client sends
    # none; book_json passes empty lists).
    model_config = ConfigDict(extra="ignore")


class _BookInfo(_Part):
    name: Annotated[str, Field(min_length=1, max_length=1024)]
    active_sheet_index: Annotated[int, Field(ge=0)] = 0
    selection: Annotated[str, Field(max_length=64)] | None = None

    _selection = field_validator("selection")(_checked_reference)


class _Name(_Part):
    name: Annotated[str, Field(min_length=1, max_length=255)]
    sheet_index: Annotated[int, Field(ge=0)] | None = None
    address: Annotated[str, Field(max_length=64)] | None = None
    book_scope: StrictBool = True
    scope_sheet_name: Annotated[str, Field(max_length=31)] | None = None
    scope_sheet_index: Annotated[int, Field(ge=0)] | None = None

    _address = field_validator("address")(_checked_reference)


class _Sheet(_Part):
    name: Annotated[str, Field(min_length=1, max_length=31)]
    values: list[list[Cell]]


_UNUSED_SHEET_PARTS: Final = ("pictures", "tables", "charts", "notes", "shapes", "pivot_tables")


class PlanInfo(BaseModel):
    """What the user typed when a button asked (the workbook did not say it): the plan's
    municipality (``gemeente``) and year (``jaar``), sent as the payload's one ``args``."""

    model_config = ConfigDict(extra="forbid")

    gemeente: (
        Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[^\x00-\x1f]+$")] | None
    ) = None
    jaar: Annotated[int, Field(ge=1900, le=2999)] | None = None


class PlanUpload(BaseModel):
    """A plan the user picked in the task pane for *Vergelijken*: the file's name
    (``naam``: a label that also says the kind, ``.xlsx``, ``.xlsm`` or ``.json``;
    never a path) and its bytes in base64 (``inhoud``)."""

    model_config = ConfigDict(extra="forbid")

    naam: Annotated[str, Field(min_length=1, max_length=255)]
    inhoud: Annotated[str, Field(max_length=MAX_BODY)]
    _data: bytes = PrivateAttr(b"")

    @model_validator(mode="after")
    def _decoded(self) -> PlanUpload:
        try:
            self._data = binascii.a2b_base64(self.inhoud, strict_mode=True)
        except (binascii.Error, ValueError):
            raise _invalid("server-bad-upload", name=self.naam[:80]) from None
        return self

    def plan_file(self) -> addin.PlanFile:
        """The picked plan as the entry point takes it."""
        return addin.PlanFile(self.naam, self._data)


class RegionInfo(PlanInfo):
    """The arguments of *Vergelijken*: what :class:`PlanInfo` holds, and the picked plans
    (``plannen``, at most :data:`uvp.addin.MAX_PLAN_FILES`)."""

    plannen: Annotated[list[PlanUpload], Field(max_length=addin.MAX_PLAN_FILES)] = []


class Payload(_Part):
    """What the Office.js client sends: xlwings' book payload, and optional ``args``
    (at most one: a :class:`PlanInfo`).

    Every address in it (the names', the selection) is a reference on Excel's
    grid; how large a range a name may span is for the script that reads it.
    """

    client: Literal["Office.js"]
    version: Annotated[str, Field(max_length=64)]
    book: _BookInfo
    names: list[_Name] = []
    sheets: Annotated[list[_Sheet], Field(min_length=1, max_length=1024)]
    args: list[Any] = []

    @model_validator(mode="after")
    def _consistent(self) -> Payload:
        count = len(self.sheets)
        if self.book.active_sheet_index >= count:
            raise _invalid("server-active-sheet", index=self.book.active_sheet_index, count=count)
        for name in self.names:
            for index in (name.sheet_index, name.scope_sheet_index):
                if index is not None and index >= count:
                    raise _invalid(
                        "server-name-sheet", name=name.name[:40], index=index, count=count
                    )
        for sheet in self.sheets:
            if len({len(row) for row in sheet.values}) > 1:
                raise _invalid("server-ragged-rows", sheet=sheet.name)
        return self

    def book_json(self) -> dict[str, Any]:
        """The payload as :class:`xlwings.Book` takes it (without ``args``)."""
        book = self.model_dump(exclude={"args"})
        for sheet in book["sheets"]:
            sheet.update({key: [] for key in _UNUSED_SHEET_PARTS})
        return book


# Pydantic's error types, by the Dutch words for them.
_PROBLEMS: Final = {
    "missing": "server-problem-missing",
    "too_long": "server-problem-too-long",
    "string_too_long": "server-problem-too-long",
    "too_short": "server-problem-too-short",
    "string_too_short": "server-problem-too-short",
    "greater_than": "server-problem-range",
    "greater_than_equal": "server-problem-range",
    "less_than": "server-problem-range",
    "less_than_equal": "server-problem-range",
    "literal_error": "server-problem-choice",
}
# The members of a union name themselves in an error's location: not a place in the payload.
_UNION_TAGS: Final = frozenset({"str", "int", "float", "bool", "none"})


def _problems(errors: Iterable[Mapping[str, Any]], most: int = 3) -> str:
    """Pydantic's errors as Dutch ``where: what`` lines (the first *most* distinct ones)."""
    found: list[str] = []
    for error in errors:
        kind = str(error.get("type", ""))
        if kind == _OWN_CHECK:
            what = str(error.get("msg", ""))
        elif kind in _PROBLEMS:
            what = render("nl", _PROBLEMS[kind])
        elif kind.endswith(("_type", "_parsing")) or kind.startswith("model_"):
            what = render("nl", "server-problem-type")
        else:
            what = render("nl", "server-problem-other")
        where = ".".join(
            str(part)
            for part in error.get("loc", ())
            if not (isinstance(part, str) and (part in _UNION_TAGS or "[" in part))
        )
        line = f"{where[:80]}: {what}" if where else what
        if line not in found:
            found.append(line)
        if len(found) == most:
            break
    return "; ".join(found)


# -- answers -----------------------------------------------------------------------------


class _RefusedError(Exception):
    """A request this server does not run: answered with *status* and a Dutch detail."""

    def __init__(
        self, status: int, code: str, *, headers: Mapping[str, str] | None = None, **params: object
    ) -> None:
        super().__init__(code)
        self.status = status
        self.detail = render("nl", code, **params)
        self.headers = dict(headers or {})


def _busy(code: str, **params: object) -> _RefusedError:
    return _RefusedError(
        503,
        code,
        headers={"Retry-After": str(RETRY_AFTER)},
        seconds=RETRY_AFTER,
        **params,
    )


def _refusal(error: _RefusedError) -> JSONResponse:
    return JSONResponse({"detail": error.detail}, status_code=error.status, headers=error.headers)


def _alert_answer(message: str) -> dict[str, Any]:
    """An answer whose only action is a message box, as ``book.app.alert`` makes one."""
    return {
        "actions": [
            {
                "func": "alert",
                "args": [message, _TITLE, "ok", "critical", ""],
                "values": None,
                "sheet_position": None,
                "start_row": None,
                "start_column": None,
                "row_count": None,
                "column_count": None,
            }
        ]
    }


# JSON's escape of a surrogate code point (U+D800..U+DFFF): only these can give a str
# with a lone surrogate (UTF-8 cannot carry one; json.loads pairs the proper pairs).
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any) -> Any:
    """*value* with each lone surrogate (text Excel can hold, UTF-8 cannot) as U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"number out of range: {text[:20]}")
    return number


def _no_constant(text: str) -> object:
    raise ValueError(f"not a JSON number: {text}")


def _parse(body: bytes) -> Payload:
    try:
        text = body.decode("utf-8")
        data = json.loads(text, parse_float=_finite, parse_constant=_no_constant)
        if _SURROGATE_ESCAPE.search(text):
            data = _without_lone_surrogates(data)
    except RecursionError:
        raise _RefusedError(400, "server-too-deep") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise _RefusedError(400, "server-not-json", detail=type(error).__name__) from None
    try:
        return Payload.model_validate(data)
    except ValidationError as error:
        detail = _problems(error.errors(include_input=False, include_url=False))
        raise _RefusedError(422, "server-bad-payload", detail=detail) from None
    except RecursionError:
        raise _RefusedError(400, "server-too-deep") from None


def _arguments(args: list[Any], script_name: str) -> dict[str, Any]:
    """The script's keyword arguments from the payload's ``args``: none, or one
    :class:`PlanInfo` (a :class:`RegionInfo` for *Vergelijken*)."""
    if not args:
        return {}
    region = script_name == "compare_region"
    try:
        (info,) = args
        given = (RegionInfo if region else PlanInfo).model_validate(info)
    except ValidationError as error:
        if not region:
            raise _RefusedError(422, "server-no-args", name=script_name) from None
        detail = _problems(error.errors(include_input=False, include_url=False))
        raise _RefusedError(
            422, "server-bad-region-args", name=script_name, detail=detail
        ) from None
    except ValueError:
        code = "server-bad-region-args" if region else "server-no-args"
        detail = "args: " + render("nl", "server-problem-too-long")  # more than one
        raise _RefusedError(422, code, name=script_name, detail=detail) from None
    found: dict[str, Any] = {
        key: value
        for key, value in (("municipality", given.gemeente), ("year", given.jaar))
        if value is not None
    }
    if isinstance(given, RegionInfo):
        found["plans"] = [upload.plan_file() for upload in given.plannen]
    return found


def _ask_answer(lacking: tuple[str, ...]) -> dict[str, Any]:
    """The answer that makes the client ask the user what the workbook does not say."""
    what = "both" if len(lacking) > 1 else lacking[0]
    prompt = render("nl", "addin-ask", what=render("nl", f"addin-ask-{what}"))
    return {"actions": [], "ask": {"fields": list(lacking), "prompt": prompt}}


def _call(script_name: str, body: bytes) -> bytes:
    """Run one script on one workbook; the answer as JSON bytes.

    Where the button needs the municipality or the year and neither the workbook nor
    the request says it, the answer has no actions but ``ask``: which fields, and a
    Dutch prompt; the client asks the user and posts again with them in ``args``.
    """
    payload = _parse(body)
    given = _arguments(payload.args, script_name)
    told = {key: value for key, value in given.items() if key in ("municipality", "year")}
    script = SCRIPTS[script_name]
    try:
        with _ENGINE:
            book = xw.Book(json=payload.book_json())
            try:
                lacking = addin.missing(book, addin.NEEDS.get(script_name, ()), **told)
                if lacking:
                    answer = _ask_answer(lacking)
                else:
                    script(book, **given)  # its problems become a Dutch message box
                    answer = book.json()
            finally:
                book.close()
        return json.dumps(answer, ensure_ascii=False, allow_nan=False).encode()
    except Exception as error:  # the last resort: staff never see a traceback
        log.exception("script %s failed", script_name)
        message = render("nl", "internal-error", kind=type(error).__name__, detail=error)
        return json.dumps(_alert_answer(message), ensure_ascii=False).encode()


# -- requests in progress ------------------------------------------------------------------


class _Gate:
    """The button requests in progress in one worker, the bytes they hold, and whose turn
    it is (one script at a time, first come first served)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.in_progress = 0
        self.buffered = 0
        self.turn = asyncio.Lock()

    @contextlib.contextmanager
    def admitted(self) -> Iterator[None]:
        if self.in_progress >= self.limits.max_requests:
            log.warning("busy: %d requests in progress", self.in_progress)
            raise _busy("server-busy", count=self.in_progress)
        self.in_progress += 1
        try:
            yield
        finally:
            self.in_progress -= 1

    @contextlib.asynccontextmanager
    async def body(self, request: Request) -> AsyncIterator[bytes]:
        """The request's body, counted against *max_buffered* until the request is done."""
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise _RefusedError(400, "server-not-json", detail="Content-Length")
            if int(declared) > MAX_BODY:
                raise _RefusedError(413, "server-too-large", limit=MAX_BODY // (1024 * 1024))
        chunks: list[bytes] = []
        size = 0
        try:
            async for chunk in request.stream():
                size += len(chunk)
                self.buffered += len(chunk)
                if size > MAX_BODY:
                    raise _RefusedError(413, "server-too-large", limit=MAX_BODY // (1024 * 1024))
                if self.buffered > self.limits.max_buffered:
                    log.warning("busy: %d bytes of requests held", self.buffered)
                    raise _busy("server-busy", count=self.in_progress)
                chunks.append(chunk)
            yield b"".join(chunks)
        finally:
            self.buffered -= size

    @contextlib.asynccontextmanager
    async def my_turn(self) -> AsyncIterator[None]:
        """Wait (at most *queue_timeout*) until no other script runs in this worker."""
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.limits.queue_timeout):
                await self.turn.acquire()
        except TimeoutError:
            log.warning("busy: waited %.0f s for a turn", self.limits.queue_timeout)
            raise _busy("server-busy-waited", waited=round(time.perf_counter() - started)) from None
        try:
            yield
        finally:
            self.turn.release()


# -- the manifest ------------------------------------------------------------------------


def manifest_for(public_url: str) -> str:
    """The add-in manifest with *public_url* (``https://host[:port][/path]``) as its address."""
    if not _PUBLIC_URL.fullmatch(public_url):
        raise ValueError(f"not an https address without query or fragment: {public_url!r}")
    text = MANIFEST.read_text(encoding="utf-8")
    return text.replace(DEFAULT_PUBLIC_URL, escape(public_url.rstrip("/")))


def _split_host(host: str) -> tuple[str, str | None]:
    """``("uvp.gemeente.nl", "8443")`` for ``uvp.gemeente.nl:8443``; IPv6 in brackets."""
    host = host.lower()
    if host.startswith("["):
        name, _, rest = host.partition("]")
        return name + "]", rest.removeprefix(":") or None
    name, _, port = host.partition(":")
    return name, port or None


def _host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """Whether the Host header *host* is on the allow-list (an entry without a port
    allows every port).

    >>> _host_allowed("uvp.gemeente.nl:8443", ["uvp.gemeente.nl"])
    True
    >>> _host_allowed("uvp.gemeente.nl:8443", ["uvp.gemeente.nl:443", "[::1]"])
    False
    """
    name, port = _split_host(host)
    for entry in allowed:
        entry_name, entry_port = _split_host(entry)
        if entry_name == name and entry_port in (None, port):
            return True
    return False


def _public_url_of(request: Request, configured: str | None, allowed: tuple[str, ...]) -> str:
    if configured:
        return configured
    # Office only loads add-ins over https; behind a proxy the Host header is the
    # address Excel used (uvicorn trusts X-Forwarded-* from 127.0.0.1 only). Anyone
    # can send any Host header, so only a host on the allow-list is believed.
    host = request.headers.get("host", "")
    if not (_HOST.fullmatch(host) and _host_allowed(host, allowed)):
        raise _RefusedError(400, "server-unknown-host", host=host[:100])
    return f"https://{host}"


# -- the app -----------------------------------------------------------------------------


class _Headers:
    """Headers for every answer: no sniffing, no referrer, and fresh add-in files.

    No X-Frame-Options: Excel shows the add-in's pages in a frame of its own.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope["path"]).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                # Office caches add-in files hard; "no-cache" makes it ask (ETag) each time.
                headers["Cache-Control"] = "no-cache" if static else "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _framework_error(request: Request, error: Exception) -> Response:
    """FastAPI's and Starlette's own answers (404, 405, ...), in Dutch."""
    status = getattr(error, "status_code", 500)
    headers = getattr(error, "headers", None)
    if status == 404:
        detail = render("nl", "server-not-found")
    elif status == 405:
        allowed = (headers or {}).get("Allow", "GET, HEAD")
        detail = render(
            "nl", "server-method-not-allowed", method=request.method[:16], allowed=allowed
        )
    else:
        detail = render("nl", "server-http-error", status=status)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


async def _invalid_request(request: Request, error: Exception) -> Response:
    errors = error.errors() if isinstance(error, RequestValidationError) else []
    detail = render("nl", "server-bad-payload", detail=_problems(errors))
    return JSONResponse({"detail": detail}, status_code=422)


async def _internal_error(request: Request, error: Exception) -> Response:
    # Starlette logs the exception itself once this answer is sent.
    detail = render("nl", "server-internal-error", kind=type(error).__name__)
    return JSONResponse({"detail": detail}, status_code=500)


def create_app(
    public_url: str | None = None,
    *,
    allowed_hosts: Iterable[str] = (),
    limits: Limits | None = None,
) -> FastAPI:
    """The web app: the ribbon's scripts, the client's files and the manifest.

    *public_url* is the https address Excel reaches the server at (as in
    ``https://uvp.gemeente.nl``); without it, the manifest takes the address
    from the request's ``Host`` if that is this machine (:data:`LOOPBACK_HOSTS`)
    or in *allowed_hosts* (``uvp.gemeente.nl``, or with a port,
    ``uvp.gemeente.nl:8443``), and any other host gets a Dutch 400.
    """
    if public_url is not None and not _PUBLIC_URL.fullmatch(public_url):
        raise ValueError(f"not an https address without query or fragment: {public_url!r}")
    hosts = tuple(host.strip().lower() for host in allowed_hosts)
    for host in hosts:
        if not _HOST.fullmatch(host):
            raise ValueError(f"not a host name (with an optional port): {host!r}")
    allowed = LOOPBACK_HOSTS + hosts
    configured = public_url.rstrip("/") if public_url else None
    gate = _Gate(limits or Limits())
    app = FastAPI(
        title="uvp",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        exception_handlers={
            StarletteHTTPException: _framework_error,
            RequestValidationError: _invalid_request,
            Exception: _internal_error,
        },
    )
    app.add_middleware(_Headers)

    @app.post("/xlwings/custom-scripts-call/{script_name}")
    async def custom_scripts_call(script_name: str, request: Request) -> Response:
        name = script_name[:64]
        try:
            if script_name not in SCRIPTS:
                raise _RefusedError(
                    404, "server-unknown-script", name=name, known=", ".join(SCRIPTS)
                )
            media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media_type != "application/json":
                raise _RefusedError(415, "server-not-json-type")
            with gate.admitted():
                async with gate.body(request) as body:
                    arrived = time.perf_counter()
                    async with gate.my_turn():
                        if await request.is_disconnected():
                            log.info("%s: the client left before its turn", name)
                            return Response(status_code=204)
                        started = time.perf_counter()
                        answer = await run_in_threadpool(_call, script_name, body)
                        ended = time.perf_counter()
        except _RefusedError as error:
            log.info("%r refused: %s", name, error.status)
            return _refusal(error)
        except ClientDisconnect:
            log.info("%s: the client left while sending", name)
            return Response(status_code=204)
        except Exception as error:  # the last resort: staff never see a traceback
            log.exception("%s failed outside its script", name)
            message = render("nl", "internal-error", kind=type(error).__name__, detail=error)
            return JSONResponse(_alert_answer(message))
        waited, ran = 1000 * (started - arrived), 1000 * (ended - started)
        log.info(
            "%s: %d bytes in, waited %.0f ms, ran %.0f ms (pid %d)",
            name,
            len(body),
            waited,
            ran,
            os.getpid(),
        )
        return Response(
            answer,
            media_type="application/json",
            headers={"Server-Timing": f"wait;dur={waited:.1f}, run;dur={ran:.1f}"},
        )

    @app.get("/manifest.xml")
    async def manifest(request: Request) -> Response:
        try:
            url = _public_url_of(request, configured, allowed)
        except _RefusedError as error:
            log.warning("manifest asked for an unknown host: %r", request.headers.get("host"))
            return _refusal(error)
        return Response(manifest_for(url), media_type="application/xml")

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/")
    async def root() -> RedirectResponse:
        return RedirectResponse("static/taskpane.html")  # relative: works under a path prefix

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def app_from_environment() -> FastAPI:
    """:func:`create_app` with the settings ``uvp serve --workers N`` left for its workers.

    uvicorn starts each worker as a new process that imports the app by name
    (``uvp.addin.server:app_from_environment``), so :func:`run` passes the
    settings in the environment variable ``UVP_SERVE_SETTINGS`` (JSON).
    """
    settings = json.loads(os.environ.get(_SETTINGS_ENV) or "{}")
    return create_app(
        settings.get("public_url"),
        allowed_hosts=settings.get("allowed_hosts", ()),
        limits=Limits(**settings.get("limits", {})),
    )


def uvicorn_config(
    app: FastAPI | str,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    certfile: str | None = None,
    keyfile: str | None = None,
    log_level: str = "info",
    limits: Limits | None = None,
    workers: int = 1,
) -> uvicorn.Config:
    """How ``uvp serve`` runs *app* (or, for workers, the name of an app factory):
    uvicorn with :class:`uvp.addin._http.GuardedH11Protocol`, uvp's log lines beside
    uvicorn's."""
    limits = limits or Limits()
    logging_config = copy.deepcopy(LOGGING_CONFIG)
    logging_config["loggers"]["uvp"] = {"handlers": ["default"], "level": log_level.upper()}
    return ServeConfig(
        app,
        request_timeout=limits.request_timeout,
        max_connections=limits.max_connections,
        factory=isinstance(app, str),
        workers=workers,
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        # X-Forwarded-Proto/-For are believed from a reverse proxy on this machine only.
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        server_header=False,
        # Not uvicorn's limit_concurrency: it counts open connections, idle ones too.
        # The app limits the requests in progress instead (Limits.max_requests).
        limit_concurrency=None,
        timeout_keep_alive=5,
        log_config=logging_config,
        log_level=log_level,
        lifespan="off",
    )


def run(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    certfile: str | None = None,
    keyfile: str | None = None,
    public_url: str | None = None,
    allowed_hosts: Iterable[str] = (),
    limits: Limits | None = None,
    workers: int = 1,
) -> None:
    """Serve :func:`create_app` with uvicorn until stopped (Ctrl+C), in *workers* processes.

    Each worker runs one script at a time; N workers serve N button presses at once.
    """
    limits = limits or Limits()
    hosts = tuple(allowed_hosts)
    if workers <= 1:
        app = create_app(public_url, allowed_hosts=hosts, limits=limits)
        config = uvicorn_config(app, host, port, certfile=certfile, keyfile=keyfile, limits=limits)
        uvicorn.Server(config).run()
        return
    create_app(public_url, allowed_hosts=hosts, limits=limits)  # refuse bad settings here
    os.environ[_SETTINGS_ENV] = json.dumps(
        {"public_url": public_url, "allowed_hosts": hosts, "limits": dataclasses.asdict(limits)}
    )
    config = uvicorn_config(
        f"{__name__}:app_from_environment",
        host,
        port,
        certfile=certfile,
        keyfile=keyfile,
        limits=limits,
        workers=workers,
    )
    Multiprocess(config, sockets=[config.bind_socket()]).run()
