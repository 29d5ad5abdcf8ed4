"""The workbench's defences that do not depend on any route: who may send requests (host,
origin, a client header, a token), response headers and a cap on request bodies.

Article text, titles and actor names come from the open web, so the pages treat them as
hostile: the front end only ever sets them as text, and the Content-Security-Policy below
forbids inline scripts, so even a rendering mistake cannot run an injected ``<script>``.
Both are plain ASGI middleware (no per-request task switching, streaming responses kept).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])

HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class SecurityHeaders:
    """Add the headers above to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"error": "too_large",
                       "message": f"request body is larger than the {limit:,}-byte limit"
                       }).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with a 413 JSON error.

    The declared Content-Length is checked first; a body sent without one (chunked) is read
    up to the limit and then replayed to the app, so no route ever sees more than ``limit``
    bytes, and the multipart parser never spools a huge upload to disk.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.limit + 1
                if declared > self.limit:
                    await _too_large(send, self.limit)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _too_large(send, self.limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})
CLIENT_HEADER = "X-Tacitus-Client"
"""Sent by the workbench's own scripts with every request that changes state or costs work
(``POST``). A page on another site cannot send it without a CORS preflight, which this
server never approves, so it is a CSRF guard that needs no token."""
TOKEN_COOKIE = "tacitus_token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def split_host(value: str) -> tuple[str, int | None]:
    """``"127.0.0.1:8000"`` -> ``("127.0.0.1", 8000)``, ``"[::1]"`` -> ``("::1", None)``."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        port = rest.removeprefix(":")
    else:
        name, _, port = value.rpartition(":") if value.count(":") == 1 else (value, "", "")
    try:
        return name.rstrip("."), int(port) if port else None
    except ValueError:
        return name.rstrip("."), -1


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


async def _refuse(send: Send, status: int, kind: str, message: str,
                  headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": kind, "message": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """Only the user's own browser (and scripts given the token) reach the workbench.

    - ``Host`` must name this server (``hosts``: the loopback names, what ``--host`` named,
      ``--allow-host`` names), so a DNS-rebinding page, whose requests carry its own domain
      name, gets nothing. A server bound to every interface (``0.0.0.0``) also answers to
      IP addresses, which no rebinding page can present as its own name.
    - A request whose ``Origin`` is another site is refused, and one that changes state or
      costs work (any method but GET/HEAD/OPTIONS) needs the ``X-Tacitus-Client`` header,
      which a cross-site form cannot send.
    - With a ``token`` (required when listening beyond loopback), every request needs it: an
      ``Authorization: Bearer`` header, or the cookie set when the browser first opens the
      address with ``?token=...`` (HttpOnly, SameSite=Strict; the token then leaves the URL).
    """

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str], token: str | None = None,
                 any_ip: bool = False) -> None:
        self.app = app
        self.hosts = frozenset(split_host(h)[0] for h in hosts)
        self.token = token
        self.any_ip = any_ip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        name, port = split_host(host)
        if not (name in self.hosts or (self.any_ip and _is_ip(name))):
            await _refuse(send, 400, "bad_host",
                          f"this server does not answer to the host name {host!r} (it answers "
                          f"to {', '.join(sorted(self.hosts))}; see tacitus serve "
                          "--allow-host)")
            return
        origin = headers.get("origin")
        if origin is not None and not _same_origin(origin, name, port):
            await _refuse(send, 403, "cross_origin",
                          f"requests from another site ({origin[:100]!r}) are refused")
            return
        if scope["method"] not in _SAFE_METHODS and not headers.get(CLIENT_HEADER):
            await _refuse(send, 403, "missing_header",
                          f"{scope['method']} requests need the header {CLIENT_HEADER}: 1 "
                          "(the workbench's pages send it; a form on another site cannot)")
            return
        if self.token is not None and not await self._authorised(scope, headers, send):
            return
        await self.app(scope, receive, send)

    async def _authorised(self, scope: Scope, headers: Headers, send: Send) -> bool:
        """Whether the request carries the token; answers it (a redirect that sets the
        cookie, or a 401) when it does not go on."""
        assert self.token is not None
        bearer = headers.get("authorization", "")
        if bearer.lower().startswith("bearer ") and _same(bearer[7:].strip(), self.token):
            return True
        if _same(cookie_parser(headers.get("cookie", "")).get(TOKEN_COOKIE, ""), self.token):
            return True
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                          keep_blank_values=True)
        given = [v for k, v in query if k == "token"]
        if given and _same(given[-1], self.token) and scope["method"] in ("GET", "HEAD"):
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            location = scope.get("path", "/") + (f"?{rest}" if rest else "")
            cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", location.encode("latin-1", "replace")),
                                    (b"set-cookie", cookie.encode("latin-1")),
                                    (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return False
        await _refuse(send, 401, "unauthorized",
                      "this workbench needs its access token: open the address `tacitus "
                      "serve` printed (.../?token=...), or send Authorization: Bearer TOKEN")
        return False


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def _same_origin(origin: str, name: str, port: int | None) -> bool:
    """Whether ``origin`` (``scheme://host[:port]``) is this server as the ``Host`` header
    names it. ``null`` (a sandboxed or privacy-hidden origin) never is."""
    parsed = urlsplit(origin.strip().lower())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return False
    try:
        origin_port = parsed.port or {"http": 80, "https": 443}[parsed.scheme]
    except ValueError:
        return False
    if parsed.hostname.rstrip(".") != name:
        return False
    return origin_port == port if port is not None else origin_port in (80, 443)
