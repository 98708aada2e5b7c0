"""The connections of ``uvp serve``: uvicorn's h11 protocol with a deadline per request.

uvicorn closes a keep-alive connection that stays idle after an answer, but has
no timer while a request comes in: a client that opens a connection and sends
nothing, half a header, or a body shorter than its ``Content-Length`` holds the
connection for ever (slowloris). And its ``limit_concurrency`` counts open
connections, so a few dozen such connections turned every real request into a
503. (An ASGI middleware cannot help: the app is called only once the header is
complete.)

:class:`GuardedH11Protocol` arms a deadline whenever a connection waits for a
request (from the moment it is opened, and again after each answer) and
disarms it once the request's header and body have come in full; at the
deadline the connection is closed, with a Dutch 408 if part of a request had
come. Open connections are capped per worker, but a connection that is only
waiting never keeps a new one out: at the cap, the connection that has waited
longest without a request in progress is closed to make room. The number of
requests in progress is limited by the app (see :mod:`uvp.addin.server`), not
here. Answers this layer writes itself (400, 408, 503) are Dutch JSON, like the
app's.

This leans on uvicorn's ``H11Protocol`` internals (``conn``, ``cycle``,
``on_response_complete``, ``send_400_response``); ``tests/test_server.py``
runs every behaviour on a real server, so an uvicorn upgrade that moves them
fails there.
"""

from __future__ import annotations

import asyncio
import http
import json
import logging
from typing import Any, Final

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from uvp.messages import render

__all__ = [
    "MAX_CONNECTIONS",
    "REQUEST_TIMEOUT",
    "RETRY_AFTER",
    "GuardedH11Protocol",
    "ServeConfig",
    "raw_answer",
]

log = logging.getLogger("uvp.server")

#: Seconds in which a request's header and body must have come in full.
REQUEST_TIMEOUT: Final = 30.0
#: Open connections per worker; at the cap, the longest-waiting idle one is closed.
MAX_CONNECTIONS: Final = 500
#: The seconds a busy server asks a client to wait before trying again (``Retry-After``).
RETRY_AFTER: Final = 5


class ServeConfig(uvicorn.Config):
    """uvicorn's configuration with :class:`GuardedH11Protocol` and its two settings.

    No websockets (uvp has none), and uvicorn's own ``limit_concurrency`` stays off:
    it counts open connections, idle ones included.
    """

    def __init__(
        self,
        app: Any,
        *,
        request_timeout: float = REQUEST_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
        **options: Any,
    ) -> None:
        if request_timeout <= 0:
            raise ValueError(f"request_timeout must be positive, not {request_timeout}")
        if max_connections < 1:
            raise ValueError(f"max_connections must be at least 1, not {max_connections}")
        super().__init__(app, http=GuardedH11Protocol, ws="none", **options)
        self.request_timeout = request_timeout
        self.max_connections = max_connections


def raw_answer(status: int, detail: str, *, retry_after: int | None = None) -> bytes:
    """A complete HTTP/1.1 answer with a JSON ``detail``, closing the connection."""
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    retry = f"retry-after: {retry_after}\r\n" if retry_after is not None else ""
    head = (
        f"HTTP/1.1 {status} {http.HTTPStatus(status).phrase}\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        "x-content-type-options: nosniff\r\n"
        "cache-control: no-store\r\n"
        f"{retry}connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class GuardedH11Protocol(H11Protocol):
    """One HTTP/1.1 connection, closed when a request does not come in full in time."""

    def __init__(
        self,
        config: uvicorn.Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.request_timeout: float = getattr(config, "request_timeout", REQUEST_TIMEOUT)
        self.max_connections: int = getattr(config, "max_connections", MAX_CONNECTIONS)
        self._deadline: asyncio.TimerHandle | None = None
        # loop.time() when the connection began to wait for the request it waits for now
        self._waiting_since = 0.0

    # -- asyncio.Protocol ----------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._watch()
        if len(self.connections) > self.max_connections:
            self._make_room()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    # -- uvicorn's hooks -----------------------------------------------------------------

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch()

    def send_400_response(self, msg: str) -> None:
        # h11 found no valid request (a broken request line, a header over 16 kB, ...).
        log.info("invalid HTTP request: %s", msg)
        self._close(raw_answer(400, render("nl", "server-bad-request")))

    # -- the deadline --------------------------------------------------------------------

    def _awaiting_request(self) -> bool:
        """Whether the connection waits for (the rest of) a request from the client."""
        if self.transport is None or self.transport.is_closing():
            return False
        return self.conn.their_state in (h11.IDLE, h11.SEND_BODY)

    def _idle(self) -> bool:
        """Waiting for a request to start, with none in progress: safe to close."""
        if not self._awaiting_request() or self.conn.their_state is not h11.IDLE:
            return False
        return self.cycle is None or self.cycle.response_complete

    def _watch(self) -> None:
        if not self._awaiting_request():
            self._disarm()
        elif self._deadline is None:
            self._waiting_since = self.loop.time()
            self._deadline = self.loop.call_later(self.request_timeout, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if not self._awaiting_request():
            return
        in_body = self.conn.their_state is h11.SEND_BODY
        partial = in_body or bool(self.conn.trailing_data[0])
        # In the body, the request may have had its answer already (a 413, say): then
        # there is nothing to say. Before a header is complete, self.cycle is the last one.
        answered = in_body and self.cycle is not None and self.cycle.response_started
        if partial and not answered:
            log.info("closing a connection whose request did not come in time")
            self._close(
                raw_answer(
                    408, render("nl", "server-request-timeout", seconds=round(self.request_timeout))
                )
            )
        else:
            self._close()

    def _close(self, answer: bytes = b"") -> None:
        self._disarm()
        if not self.transport.is_closing():
            if answer:
                self.transport.write(answer)
            self.transport.close()

    # -- the cap on connections ----------------------------------------------------------

    def _make_room(self) -> None:
        """Over the cap: close the connection that has waited longest for a request."""
        waiting = [
            other
            for other in self.connections
            if isinstance(other, GuardedH11Protocol) and other is not self and other._idle()
        ]
        if waiting:
            min(waiting, key=lambda other: other._waiting_since)._close()
        else:
            log.warning("%d connections, all with a request in progress", len(self.connections))
            answer = render("nl", "server-too-many-connections")
            self._close(raw_answer(503, answer, retry_after=RETRY_AFTER))
