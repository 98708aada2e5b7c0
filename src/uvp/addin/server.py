"""The web server behind the UVP ribbon: Excel's buttons without Python on the user's PC.

Excel (Windows, macOS, Excel on the web) loads the add-in's manifest, which
puts a tab **UVP** with four buttons on the ribbon. A button runs the small
JavaScript client in ``static/uvp.js``: it collects the workbook the
way xlwings' Office.js client does (the book's name, every sheet's values
anchored at A1 with ``""`` for an empty cell, the defined names), posts it to
this server at ``POST /xlwings/custom-scripts-call/{script_name}``, and
applies the actions of the answer, ``book.json()``, in Excel. That is the
route and the payload of xlwings Server; the scripts are the entry points of
:mod:`uvp.addin`, run on xlwings' remote engine.

The server also hands out the add-in's files: the client under ``/static/``
and the manifest at ``/manifest.xml`` with this server's address filled in.

What a request may be: JSON (``Content-Type: application/json``) of at most
:data:`MAX_BODY` bytes, shaped like the Office.js payload. Anything else is a
4xx answer with a Dutch ``detail``; a workbook that is simply not a UVP plan
is an ordinary answer whose only action is a Dutch message box. No answer
carries a traceback. The client is served from this server itself, so no
cross-origin (CORS) access is granted to anyone.

Start it with ``uvp serve`` (see docs/addin-server.md); this module needs the
``server`` extra (FastAPI and uvicorn) and, like :mod:`uvp.addin`,
``XLWINGS_LICENSE_KEY`` set before xlwings is first imported.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Final, Literal
from xml.sax.saxutils import escape

import uvicorn
import xlwings as xw
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, model_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.config import LOGGING_CONFIG

from uvp import addin
from uvp.messages import render

__all__ = [
    "DEFAULT_PUBLIC_URL",
    "MANIFEST",
    "MAX_BODY",
    "SCRIPTS",
    "STATIC",
    "Payload",
    "create_app",
    "manifest_for",
    "run",
    "uvicorn_config",
]

log = logging.getLogger("uvp.server")

#: The scripts a ribbon button may call, by the name in the route.
SCRIPTS: Final[Mapping[str, Callable[[xw.Book], object]]] = {
    "validate": addin.validate,
    "fill_quarters": addin.fill_quarters,
    "write_evaluation": addin.write_evaluation,
    "export_json": addin.export_json,
}

#: The largest request body accepted (the example plans send about 30 kB).
MAX_BODY: Final = 20 * 1024 * 1024
#: The files of the Office.js client, the add-in pages and the icons.
STATIC: Final = Path(__file__).resolve().parent / "static"
#: The manifest as shipped (the same file as excel/manifest.xml in the repository).
MANIFEST: Final = Path(__file__).resolve().parent / "manifest.xml"
#: The address written in the shipped manifest; the served one has the server's own.
DEFAULT_PUBLIC_URL: Final = "https://localhost:8000"

_TITLE: Final = "UVP"
_HOST: Final = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?"
)
_PUBLIC_URL: Final = re.compile(r"https://" + _HOST.pattern + r"(?:/[A-Za-z0-9._~/-]*)?")

# xlwings' remote engine keeps its books in one process-wide app, and a script's
# message box goes to the app's newest book: one script at a time keeps each
# answer to its own workbook. A script takes milliseconds.
_ENGINE = threading.Lock()


# -- the payload -------------------------------------------------------------------------


Cell = str | int | float | StrictBool | None


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _BookInfo(_Part):
    name: Annotated[str, Field(min_length=1, max_length=1024)]
    active_sheet_index: Annotated[int, Field(ge=0)] = 0
    selection: str | None = None


class _Name(_Part):
    name: Annotated[str, Field(min_length=1, max_length=255)]
    sheet_index: Annotated[int, Field(ge=0)] | None = None
    address: Annotated[str, Field(max_length=255)] | None = None
    book_scope: bool = True
    scope_sheet_name: str | None = None
    scope_sheet_index: int | None = None


class _Sheet(_Part):
    name: Annotated[str, Field(min_length=1, max_length=31)]
    values: list[list[Cell]]
    pictures: list[Any] = []
    tables: list[Any] = []
    charts: list[Any] = []
    notes: list[Any] = []
    shapes: list[Any] = []
    pivot_tables: list[Any] = []


class Payload(_Part):
    """What the Office.js client sends: xlwings' book payload, and optional ``args``."""

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
            raise ValueError(f"active_sheet_index {self.book.active_sheet_index} >= {count} sheets")
        for name in self.names:
            if name.sheet_index is not None and name.sheet_index >= count:
                raise ValueError(f"name {name.name!r}: sheet_index {name.sheet_index} >= {count}")
        for sheet in self.sheets:
            if len({len(row) for row in sheet.values}) > 1:
                raise ValueError(f"sheet {sheet.name!r}: rows of different lengths")
        return self

    def book_json(self) -> dict[str, Any]:
        """The payload as :class:`xlwings.Book` takes it (without ``args``)."""
        return self.model_dump(exclude={"args"})


# -- answers -----------------------------------------------------------------------------


class _RefusedError(Exception):
    """A request this server does not run: answered with *status* and a Dutch detail."""

    def __init__(self, status: int, code: str, **params: object) -> None:
        super().__init__(code)
        self.status = status
        self.detail = render("nl", code, **params)


def _refusal(error: _RefusedError) -> JSONResponse:
    return JSONResponse({"detail": error.detail}, status_code=error.status)


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


def _parse(body: bytes) -> Payload:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError) as error:
        raise _RefusedError(400, "server-not-json", detail=type(error).__name__) from None
    try:
        return Payload.model_validate(data)
    except ValidationError as error:
        problems = [
            ".".join(str(part) for part in problem["loc"]) + ": " + problem["msg"]
            for problem in error.errors(include_input=False, include_url=False)[:3]
        ]
        raise _RefusedError(422, "server-bad-payload", detail="; ".join(problems)) from None


def _call(script_name: str, body: bytes) -> bytes:
    """Run one script on one workbook; the answer as JSON bytes."""
    payload = _parse(body)
    if payload.args:
        raise _RefusedError(422, "server-no-args", name=script_name)
    script = SCRIPTS[script_name]
    try:
        with _ENGINE:
            book = xw.Book(json=payload.book_json())
            try:
                script(book)  # its problems become a Dutch message box in the answer
                answer = book.json()
            finally:
                book.close()
        return json.dumps(answer, ensure_ascii=False, allow_nan=False).encode()
    except Exception as error:  # the last resort: staff never see a traceback
        log.exception("script %s failed", script_name)
        message = render("nl", "internal-error", kind=type(error).__name__, detail=error)
        return json.dumps(_alert_answer(message), ensure_ascii=False).encode()


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise _RefusedError(400, "server-not-json", detail="Content-Length")
        if int(declared) > MAX_BODY:
            raise _RefusedError(413, "server-too-large", limit=MAX_BODY // (1024 * 1024))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise _RefusedError(413, "server-too-large", limit=MAX_BODY // (1024 * 1024))
        chunks.append(chunk)
    return b"".join(chunks)


# -- the manifest ------------------------------------------------------------------------


def manifest_for(public_url: str) -> str:
    """The add-in manifest with *public_url* (``https://host[:port][/path]``) as its address."""
    if not _PUBLIC_URL.fullmatch(public_url):
        raise ValueError(f"not an https address without query or fragment: {public_url!r}")
    text = MANIFEST.read_text(encoding="utf-8")
    return text.replace(DEFAULT_PUBLIC_URL, escape(public_url.rstrip("/")))


def _public_url_of(request: Request, configured: str | None) -> str:
    if configured:
        return configured
    # Office only loads add-ins over https; behind a proxy the Host header is the
    # address Excel used (uvicorn trusts X-Forwarded-* from 127.0.0.1 only).
    host = request.headers.get("host", "")
    if not _HOST.fullmatch(host):
        return DEFAULT_PUBLIC_URL
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


def create_app(public_url: str | None = None) -> FastAPI:
    """The web app: the four scripts, the client's files and the manifest.

    *public_url* is the https address Excel reaches the server at (as in
    ``https://uvp.gemeente.nl``); without it, the manifest takes the address
    from the request.
    """
    if public_url is not None and not _PUBLIC_URL.fullmatch(public_url):
        raise ValueError(f"not an https address without query or fragment: {public_url!r}")
    configured = public_url.rstrip("/") if public_url else None
    app = FastAPI(
        title="uvp",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.add_middleware(_Headers)

    @app.post("/xlwings/custom-scripts-call/{script_name}")
    async def custom_scripts_call(script_name: str, request: Request) -> Response:
        started = time.perf_counter()
        try:
            if script_name not in SCRIPTS:
                raise _RefusedError(
                    404,
                    "server-unknown-script",
                    name=script_name[:64],
                    known=", ".join(SCRIPTS),
                )
            media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media_type != "application/json":
                raise _RefusedError(415, "server-not-json-type")
            body = await _body(request)
            answer = await run_in_threadpool(_call, script_name, body)
        except _RefusedError as error:
            log.info("%r refused: %s", script_name[:64], error.status)
            return _refusal(error)
        log.info(
            "%s: %d bytes in, %.0f ms",
            script_name,
            len(body),
            1000 * (time.perf_counter() - started),
        )
        return Response(answer, media_type="application/json")

    @app.get("/manifest.xml")
    async def manifest(request: Request) -> Response:
        return Response(
            manifest_for(_public_url_of(request, configured)), media_type="application/xml"
        )

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/")
    async def root() -> RedirectResponse:
        return RedirectResponse("static/taskpane.html")  # relative: works under a path prefix

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def uvicorn_config(
    app: FastAPI,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    certfile: str | None = None,
    keyfile: str | None = None,
    log_level: str = "info",
) -> uvicorn.Config:
    """How ``uvp serve`` runs *app*: uvicorn, with uvp's log lines beside uvicorn's."""
    logging_config = copy.deepcopy(LOGGING_CONFIG)
    logging_config["loggers"]["uvp"] = {"handlers": ["default"], "level": log_level.upper()}
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        # X-Forwarded-Proto/-For are believed from a reverse proxy on this machine only.
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        server_header=False,
        limit_concurrency=32,
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
) -> None:
    """Serve :func:`create_app` with uvicorn until stopped (Ctrl+C)."""
    config = uvicorn_config(create_app(public_url), host, port, certfile=certfile, keyfile=keyfile)
    uvicorn.Server(config).run()
