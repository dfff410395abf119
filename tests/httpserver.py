"""A real HTTP server on 127.0.0.1 for tests: fixed replies, conditional GET, recorded requests.

Tests that fetch (feeds, pages) or send (webhooks) talk to this server instead of mocking the
HTTP library, so redirects, timeouts, size caps, 304s and headers are exercised for real.

    with LoopbackServer() as server:
        url = server.serve("/feed.xml", rss_bytes, content_type="application/rss+xml")
        ...                                   # fetch url
        assert server.requests_to("/feed.xml")[-1].header("If-None-Match")

Every 200 reply carries a strong ETag (a hash of its body) and a Last-Modified (the moment it was
registered, unless given), and a GET or HEAD that presents them back gets 304 with no body.
`reply` queues several answers for one path (the last repeats), for retry tests: 500, 500, 200.
Errors are simulated with `error`, `slow`, `trickle`, `huge` and `redirect`. Every request is
recorded (method, path, headers, body) before the reply, so even a timed-out request is visible.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import http
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

AUTO = "auto"
IDLE_SECONDS = 5.0


@dataclass(frozen=True)
class Reply:
    """One answer. `etag`/`last_modified`: "auto" (derived), None (omit) or an explicit value.

    `delay` waits before the status line (a slow server: the client's read timeout fires);
    `trickle` waits between body chunks (a server that never quite stops sending); `size` streams
    a generated body of that many bytes without holding it in memory; `declare_length=False`
    sends the body chunked with no Content-Length, so a client must count while it reads.
    """

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = AUTO
    last_modified: dt.datetime | str | None = AUTO
    delay: float = 0.0
    trickle: float = 0.0
    size: int | None = None
    declare_length: bool = True
    chunk: int = 65536
    registered: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))

    def etag_value(self) -> str | None:
        if self.etag != AUTO:
            return self.etag
        if self.status != 200:
            return None
        seed = self.body if self.size is None else f"generated:{self.size}".encode()
        return '"' + hashlib.sha256(seed).hexdigest()[:20] + '"'

    def last_modified_value(self) -> str | None:
        value = self.registered if self.last_modified == AUTO else self.last_modified
        if value is None or self.status != 200:
            return None
        if isinstance(value, str):
            return value
        return email.utils.format_datetime(value.astimezone(dt.UTC), usegmt=True)

    def length(self) -> int:
        return self.size if self.size is not None else len(self.body)

    def chunks(self) -> Iterator[bytes]:
        """The body in pieces of `chunk` bytes (generated when `size` is set)."""
        if self.size is None:
            for start in range(0, len(self.body), self.chunk):
                yield self.body[start:start + self.chunk]
            return
        block = b"x" * self.chunk
        left = self.size
        while left > 0:
            yield block[:left]
            left -= len(block)


@dataclass(frozen=True)
class Request:
    """One request as the server saw it; header names are lower case."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class LoopbackServer:
    """A threaded HTTP/1.1 server on a free 127.0.0.1 port; use as a context manager."""

    def __init__(self) -> None:
        self._routes: dict[str, list[Reply]] = {}
        self._requests: list[Request] = []
        self._lock = threading.Lock()
        self.closing = threading.Event()
        self.errors: list[BaseException] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle ----------------------------------------------------------------------------------
    def __enter__(self) -> LoopbackServer:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()

    def start(self) -> None:
        server = QuietServer(("127.0.0.1", 0), Handler)
        server.owner = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="loopback-http", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.closing.set()  # wakes handlers sleeping in delay/trickle
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def port(self) -> int:
        assert self._server is not None, "the server is not running"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # routes -------------------------------------------------------------------------------------
    def reply(self, path: str, *replies: Reply) -> str:
        """Answer `path` with these replies in turn (the last one repeats); returns its URL."""
        if not replies:
            raise ValueError("give at least one Reply")
        with self._lock:
            self._routes[route_key(path)] = list(replies)
        return self.url(path)

    def serve(self, path: str, body: bytes | str, *, content_type: str | None = "text/plain; charset=utf-8",
              **options: Any) -> str:
        """Serve fixed content (str is sent as UTF-8) with ETag and Last-Modified."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.reply(path, Reply(body=data, content_type=content_type, **options))

    def serve_file(self, path: str, file: Path, *, content_type: str | None = None, **options: Any) -> str:
        return self.serve(path, file.read_bytes(), content_type=content_type or guess_type(file), **options)

    def error(self, path: str, status: int, body: bytes | str = b"", **options: Any) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.reply(path, Reply(body=data or http.HTTPStatus(status).phrase.encode(), status=status,
                                      **options))

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        """Redirect `path` to `to` (a path on this server or a full URL)."""
        target = to if "://" in to else self.url(to)
        return self.reply(path, Reply(status=status, headers={"Location": target}, content_type=None))

    def slow(self, path: str, seconds: float, body: bytes | str = b"late", **options: Any) -> str:
        """Wait `seconds` before answering at all."""
        return self.serve(path, body, delay=seconds, **options)

    def trickle(self, path: str, body: bytes | str, *, every: float, chunk: int = 16, **options: Any) -> str:
        """Send the body `chunk` bytes at a time, `every` seconds apart."""
        return self.serve(path, body, trickle=every, chunk=chunk, **options)

    def huge(self, path: str, size: int, *, declare_length: bool = True, **options: Any) -> str:
        """A generated body of `size` bytes; chunked without Content-Length if declare_length is False."""
        return self.reply(path, Reply(size=size, declare_length=declare_length, **options))

    def next_reply(self, path: str) -> Reply | None:
        with self._lock:
            queue = self._routes.get(route_key(path))
            if not queue:
                return None
            return queue.pop(0) if len(queue) > 1 else queue[0]

    # requests -----------------------------------------------------------------------------------
    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._requests)

    def requests_to(self, path: str) -> list[Request]:
        key = route_key(path)
        return [r for r in self.requests if route_key(r.path) == key]

    def record(self, request: Request) -> None:
        with self._lock:
            self._requests.append(request)

    def forget_requests(self) -> None:
        with self._lock:
            self._requests.clear()


class QuietServer(ThreadingHTTPServer):
    """Daemon handler threads; handler errors are kept for tests instead of printed."""

    daemon_threads = True
    owner: LoopbackServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, ConnectionError | TimeoutError):
            self.owner.errors.append(error)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: QuietServer
    timeout = IDLE_SECONDS  # idle keep-alive connections end on their own

    def do_GET(self) -> None:
        self.dispatch()

    def do_HEAD(self) -> None:
        self.dispatch()

    def do_POST(self) -> None:
        self.dispatch()

    def do_PUT(self) -> None:
        self.dispatch()

    def do_PATCH(self) -> None:
        self.dispatch()

    def do_DELETE(self) -> None:
        self.dispatch()

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: tests read `server.requests`, not stderr."""

    def dispatch(self) -> None:
        owner = self.server.owner
        parts = urllib.parse.urlsplit(self.path)
        owner.record(Request(method=self.command, path=parts.path, query=parts.query,
                             headers={k.lower(): v for k, v in self.headers.items()}, body=self.read_body()))
        reply = owner.next_reply(parts.path)
        if reply is None:
            reply = Reply(body=b"no such path on the test server", status=404)
        if reply.delay and owner.closing.wait(reply.delay):
            return
        try:
            self.answer(reply)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True  # the client gave up (size cap, timeout): expected

    def read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self.read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def read_chunked(self) -> bytes:
        parts: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()

    def answer(self, reply: Reply) -> None:
        etag, modified = reply.etag_value(), reply.last_modified_value()
        if self.command in ("GET", "HEAD") and reply.status == 200 and is_fresh(self.headers, etag, modified):
            self.send_response(304)
            self.send_validators(etag, modified)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        self.send_validators(etag, modified)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        chunked = not reply.declare_length
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(reply.length()))
        self.end_headers()
        if self.command != "HEAD":
            self.send_body(reply, chunked=chunked)

    def send_validators(self, etag: str | None, modified: str | None) -> None:
        if etag:
            self.send_header("ETag", etag)
        if modified:
            self.send_header("Last-Modified", modified)

    def send_body(self, reply: Reply, *, chunked: bool) -> None:
        closing = self.server.owner.closing
        for piece in reply.chunks():
            if reply.trickle and closing.wait(reply.trickle):
                return
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")


def is_fresh(headers: Any, etag: str | None, modified: str | None) -> bool:
    """RFC 9110 13.1: If-None-Match decides when present; otherwise If-Modified-Since."""
    match = headers.get("If-None-Match")
    if match is not None:
        if etag is None:
            return False
        wanted = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in wanted or etag.removeprefix("W/") in wanted
    since = headers.get("If-Modified-Since")
    if since is None or modified is None:
        return False
    try:
        return email.utils.parsedate_to_datetime(modified) <= email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def route_key(path: str) -> str:
    return urllib.parse.urlsplit(path).path or "/"


def guess_type(file: Path) -> str:
    types = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
             ".json": "application/feed+json", ".html": "text/html; charset=utf-8",
             ".htm": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}
    return types.get(file.suffix.lower(), "application/octet-stream")


def closed_port_url(path: str = "/") -> str:
    """A 127.0.0.1 URL where nothing listens, for "connection refused"."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"
