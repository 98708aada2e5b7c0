"""``uvp serve``'s settings, checked before the server starts.

What the command line takes (host, port, certificate, public address, allowed
host names) is checked here, each with a Dutch message for the person starting
the server, so that the shell only parses options and prints; :func:`serve_settings`
also loads the server (which needs the ``server`` extra) with xlwings' licence
key set.

>>> settings = serve_settings("127.0.0.1", 8000)
>>> settings.url
'http://127.0.0.1:8000'
>>> serve_settings("0.0.0.0", 8000, cert="geen.pem", key="geen.pem")
Traceback (most recent call last):
...
uvp.UvpError: geen.pem does not exist.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import attrs

from uvp.core import Line, Span, UvpError
from uvp.messages import Language, render

__all__ = ["LOOPBACK", "ServeSettings", "serve_settings"]

LOOPBACK: Final = ("127.0.0.1", "localhost", "::1")
"""Hosts that only this computer reaches: no HTTPS needed there."""


@attrs.frozen
class ServeSettings:
    """What ``uvp serve`` runs with, checked: see :func:`serve_settings`."""

    host: str
    port: int
    certfile: str | None = None
    keyfile: str | None = None
    public_url: str | None = None
    allowed_hosts: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        """The address the server listens on, as a browser writes it."""
        scheme = "https" if self.certfile else "http"
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{shown}:{self.port}"

    def lines(self, language: Language = "nl") -> list[Line]:
        """What the server says when it starts: where, and a warning when it listens
        beyond this computer without HTTPS (Excel loads add-ins over https only)."""
        said: list[Line] = [(Span(render(language, "serve-start", url=self.url)),)]
        if not self.certfile and self.host not in LOOPBACK:
            warning = render(language, "serve-no-https", host=self.host)
            said.append((Span(warning, "warning"),))
        return said

    def run(self, *, workers: int = 1, request_timeout: float, max_requests: int) -> None:
        """Serve until stopped (Ctrl+C): see :func:`uvp.addin.server.run`."""
        from uvp.addin import server

        limits = server.Limits(request_timeout=request_timeout, max_requests=max_requests)
        server.run(
            self.host,
            self.port,
            certfile=self.certfile,
            keyfile=self.keyfile,
            public_url=self.public_url,
            allowed_hosts=self.allowed_hosts,
            limits=limits,
            workers=workers,
        )


def _pem(path: str | os.PathLike[str] | None) -> str | None:
    if path is None:
        return None
    if not Path(path).is_file():
        raise UvpError("serve-missing-file", path=str(path))
    return str(path)


def serve_settings(
    host: str,
    port: int,
    *,
    cert: str | os.PathLike[str] | None = None,
    key: str | os.PathLike[str] | None = None,
    public_url: str | None = None,
    allowed_hosts: Sequence[str] = (),
) -> ServeSettings:
    """Check ``uvp serve``'s options and load the server; a :class:`~uvp.UvpError` with a
    Dutch message for what is wrong.

    Both *cert* and *key* or neither, and files that exist; *public_url* an https
    address; each of *allowed_hosts* a host name, several in one value separated
    by commas or spaces (as ``UVP_ALLOWED_HOSTS`` holds them). Without the server
    extra installed, says how to install it.
    """
    if (cert is None) != (key is None):
        raise UvpError("serve-cert-key")
    certfile, keyfile = _pem(cert), _pem(key)
    hosts = tuple(h for value in allowed_hosts for h in value.replace(",", " ").split())
    # xlwings' remote engine (what the ribbon's scripts run on) is under the PolyForm
    # Noncommercial License 1.0.0, which permits use by government institutions such as
    # a municipality. xlwings reads the key when it is first imported, so set it first;
    # a key set by IT (an xlwings PRO licence) is kept.
    if not os.environ.get("XLWINGS_LICENSE_KEY"):
        os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
    try:
        from uvp.addin import server
    except ImportError as error:
        raise UvpError("serve-needs-extra", detail=error.name or str(error)) from None
    if public_url is not None:
        try:
            server.manifest_for(public_url)
        except ValueError:
            raise UvpError("serve-bad-url", url=public_url) from None
    for allowed in hosts:
        try:
            server.create_app(allowed_hosts=[allowed])
        except ValueError:
            raise UvpError("serve-bad-host", host=allowed) from None
    return ServeSettings(host, port, certfile, keyfile, public_url, hosts)
