"""`publisher serve`: the scheduled service and the feeds over HTTP, in one process.

The HTTP side is Starlette on uvicorn. It answers only for the files publisher publishes
(`calendar.ics`, `alerts.xml`, each view's `NAME.ics` and `NAME.xml`, the index page) plus
`/healthz` and `/status`: names are looked up in that fixed set, never joined to a folder, so no
path outside the feeds can be reached however it is spelt or encoded.

Feeds are read from the output folder and kept in memory with their gzip form, strong ETag (a hash
of the bytes) and Last-Modified (the file's mtime, which `write_atomic` moves only when the bytes
change), so a conditional request is answered 304 without reading the file again.

With `serve.token` set, everything but `/healthz` needs the token, in the path (`/t/TOKEN/...`,
what the index page links to) or as `?token=...`: calendar apps can send nothing but a URL. It
is compared in constant time and never logged (the access log shows `/t/***/...`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import gzip
import hashlib
import hmac
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from publisher.config import Config
from publisher.errors import PublisherError
from publisher.lock import LockHeld, StateLock, lock_path_for
from publisher.render.html import INDEX_FILE, render_index
from publisher.schedule import Service, Snapshot, published_names

log = logging.getLogger(__name__)
access_log = logging.getLogger("publisher.http")

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_LOCKED = 3
CONTENT_TYPES = {".ics": "text/calendar; charset=utf-8", ".xml": "application/rss+xml; charset=utf-8",
                 ".html": "text/html; charset=utf-8"}
PAGE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
               "form-action 'none'; frame-ancestors 'none'")
GRACEFUL_SECONDS = 5

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Backend(Protocol):
    """What the server asks the scheduler for: the index page's content and the status."""

    snapshot: Snapshot

    def status(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Representation:
    """One published file, ready to send: plain and gzip bodies with their validators."""

    body: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    modified: int
    content_type: str

    @property
    def last_modified(self) -> str:
        return email.utils.formatdate(self.modified, usegmt=True)


def represent(body: bytes, modified: float, content_type: str) -> Representation:
    """Hash and compress once per content; the gzip form gets its own strong ETag, as RFC 9110 asks."""
    digest = hashlib.sha256(body).hexdigest()[:32]
    return Representation(body=body, gzipped=gzip.compress(body, compresslevel=9, mtime=0),
                          etag=f'"{digest}"', gzip_etag=f'"{digest}-gz"', modified=int(modified),
                          content_type=content_type)


class FileCache:
    """The published files of one output folder, re-read only when their stat changes."""

    def __init__(self, folder: Path, names: set[str]) -> None:
        self.folder = folder
        self.names = frozenset(names)
        self._paths = {name: os.fspath(folder / name) for name in self.names}
        self._cache: dict[str, tuple[tuple[int, int, int], Representation]] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> Representation | None:
        """The file's current representation, or None when it is not published (or not yet written)."""
        path = self._paths.get(name)
        if path is None:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        key = (info.st_mtime_ns, info.st_size, info.st_ino)
        cached = self._cache.get(name)
        if cached is not None and cached[0] == key:
            return cached[1]
        try:
            with open(path, "rb") as handle:
                body = handle.read()
        except OSError:
            return None
        rep = represent(body, info.st_mtime, content_type_of(name))
        with self._lock:
            self._cache[name] = (key, rep)
        return rep


def content_type_of(name: str) -> str:
    return CONTENT_TYPES.get(Path(name).suffix, "application/octet-stream")


def accepts_gzip(header: str | None) -> bool:
    """Whether Accept-Encoding allows gzip (a `q=0` refuses it)."""
    if not header:
        return False
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            quality = params.strip().lower().removeprefix("q=")
            try:
                return not params or float(quality) > 0
            except ValueError:
                return True
    return False


def not_modified(headers: Any, rep: Representation) -> bool:
    """RFC 9110 13.2.2: If-None-Match decides when present (weak comparison); else If-Modified-Since."""
    match = headers.get("if-none-match")
    if match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in tags or rep.etag in tags or rep.gzip_etag in tags
    since = headers.get("if-modified-since")
    if not since:
        return False
    try:
        moment = email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError, IndexError):
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return rep.modified <= moment.timestamp()


class FeedApp:
    """The routes, over one config's output folder and one scheduler backend."""

    def __init__(self, config: Config, backend: Backend | None = None) -> None:
        self.config = config
        self.backend = backend
        self.token = config.serve.token
        self.files = FileCache(config.output_dir, published_names(config))
        self._page: tuple[int, Representation] | None = None
        self.cache_control = "private, no-cache" if self.token else "no-cache"

    def routes(self) -> list[Route]:
        methods = ["GET", "HEAD"]
        return [Route("/healthz", self.healthz, methods=methods),
                Route("/", self.index, methods=methods),
                Route("/status", self.status, methods=methods),
                Route("/t/{token}/", self.index, methods=methods),
                Route("/t/{token}/status", self.status, methods=methods),
                Route("/t/{token}/{name}", self.feed, methods=methods),
                Route("/{name}", self.feed, methods=methods)]

    # access ---------------------------------------------------------------------------------
    def allowed(self, request: Request) -> bool:
        """No token configured, or the right one in the path or the query (compared in constant time)."""
        if not self.token:
            return True
        given = request.path_params.get("token") or request.query_params.get("token") or ""
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    def public_base(self) -> str:
        """Where the index page's links point: the configured base URL, under the token when there is one."""
        base = self.config.output.base_url
        return f"{base}t/{self.token}/" if self.token else base

    # endpoints ------------------------------------------------------------------------------
    async def healthz(self, request: Request) -> Response:
        return PlainTextResponse("ok\n", headers={"Cache-Control": "no-store"})

    async def status(self, request: Request) -> Response:
        if "token" in request.path_params and not self.token:
            return not_found()
        if not self.allowed(request):
            return forbidden(request)
        body = self.backend.status() if self.backend is not None else {"status": "ok", "sources": []}
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    async def index(self, request: Request) -> Response:
        if "token" in request.path_params and not self.token:
            return not_found()
        if not self.allowed(request):
            return forbidden(request)
        rep = self.page()
        return send(request, rep, self.cache_control, page=True) if rep else not_found()

    async def feed(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in self.files.names or ("token" in request.path_params and not self.token):
            return not_found()
        if not self.allowed(request):
            return forbidden(request)
        if name == INDEX_FILE:
            return await self.index(request)
        rep = self.files.get(name)
        return send(request, rep, self.cache_control) if rep else not_found()

    def page(self) -> Representation | None:
        """The index page: the written index.html, or with a token, the same page linking under it."""
        written = self.files.get(INDEX_FILE)
        if not self.token or self.backend is None or written is None:
            return written
        snapshot = self.backend.snapshot
        cached = self._page
        if cached is not None and cached[0] == snapshot.version and cached[1].modified == written.modified:
            return cached[1]
        body = render_index(dataclasses.replace(snapshot.page, base_url=self.public_base()))
        rep = represent(body, written.modified, content_type_of(INDEX_FILE))
        self._page = (snapshot.version, rep)
        return rep


def send(request: Request, rep: Representation, cache_control: str, *, page: bool = False) -> Response:
    """200 with the right encoding, or 304 when the client's copy is current; HEAD gets headers only."""
    zipped = accepts_gzip(request.headers.get("accept-encoding")) and len(rep.gzipped) < len(rep.body)
    headers = {"ETag": rep.gzip_etag if zipped else rep.etag, "Last-Modified": rep.last_modified,
               "Cache-Control": cache_control, "Vary": "Accept-Encoding", "X-Content-Type-Options": "nosniff"}
    if page:
        headers.update({"Content-Security-Policy": PAGE_POLICY, "Referrer-Policy": "no-referrer"})
    if not_modified(request.headers, rep):
        return Response(status_code=304, headers=headers)
    headers["Content-Type"] = rep.content_type
    if zipped:
        headers["Content-Encoding"] = "gzip"
    return Response(rep.gzipped if zipped else rep.body, headers=headers)


def not_found() -> Response:
    return PlainTextResponse("Not found\n", status_code=404, headers={"X-Content-Type-Options": "nosniff"})


def forbidden(request: Request) -> Response:
    return PlainTextResponse("This feed needs its access token.\n", status_code=403,
                             headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})


def redact(path: str, query: str) -> str:
    """The request target for logs, with any token hidden."""
    if path.startswith("/t/"):
        rest = path[3:].partition("/")[2]
        path = f"/t/***/{rest}"
    if query:
        parts = ["token=***" if p.split("=", 1)[0] == "token" else p for p in query.split("&")]
        path += "?" + "&".join(parts)
    return path


class AccessLog:
    """ASGI middleware: one line per request at debug level, token redacted."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not access_log.isEnabledFor(logging.DEBUG):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [0]

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        await self.app(scope, receive, record)
        query = scope.get("query_string", b"").decode("latin-1")
        client = (scope.get("client") or ("-", 0))[0]
        access_log.debug('%s "%s %s" %d %.1fms', client, scope["method"], redact(scope["path"], query), status[0],
                         (time.perf_counter() - started) * 1000)


class RedactTokens(logging.Filter):
    """For uvicorn's own access log, should anyone turn it on: the token never reaches a log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path, _, query = args[2].partition("?")
            record.args = (*args[:2], redact(path, query), *args[3:])
        return True


def guard_access_log() -> None:
    """Attach the redacting filter to `uvicorn.access` once."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactTokens) for f in logger.filters):
        logger.addFilter(RedactTokens())


def make_app(config: Config, backend: Backend | None = None) -> Starlette:
    """The ASGI application: feeds, index, health and status."""
    guard_access_log()
    feeds = FeedApp(config, backend)
    app = Starlette(routes=feeds.routes())
    app.router.redirect_slashes = False  # a redirect would answer for paths that are not feeds
    app.add_middleware(AccessLog)  # type: ignore[arg-type]
    return app


# running ------------------------------------------------------------------------------------------
def bind(host: str, port: int) -> socket.socket:
    """Listen before anything starts, so a taken port is a clear error and port 0 a known one."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(1024)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


class Stopper:
    """SIGTERM and Ctrl-C: ask the server to stop; a second Ctrl-C while stopping gives up waiting."""

    def __init__(self) -> None:
        self.requested = threading.Event()
        self.server: Any = None
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._previous[sig] = signal.signal(sig, self.handle)

    def restore(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def handle(self, sig: int, frame: FrameType | None) -> None:
        if self.requested.is_set() and sig == signal.SIGINT:
            log.warning("interrupted again: exiting without waiting for the job in progress")
            os._exit(130)
        self.requested.set()
        if self.server is not None:
            self.server.should_exit = True


def run_server(config: Config, *, host: str | None = None, port: int | None = None) -> int:
    """Lock the state, listen, start the scheduler, serve until a signal; return the exit status."""
    import uvicorn

    host = host or config.serve.host
    port = config.serve.port if port is None else port
    lock = StateLock(lock_path_for(config))
    try:
        lock.acquire()
    except LockHeld as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    stopper = Stopper()
    stopper.install()
    try:
        try:
            sock = bind(host, port)
        except OSError as exc:
            print(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
        with sock:
            return serve_on(config, sock, stopper, uvicorn)
    finally:
        stopper.restore()
        lock.release()


def serve_on(config: Config, sock: socket.socket, stopper: Stopper, uvicorn: Any) -> int:
    service = Service(config)
    try:
        service.start()
    except PublisherError as exc:
        service.stop()
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        server = uvicorn.Server(uvicorn.Config(make_app(config, service), log_config=None, access_log=False,
                                               server_header=False, lifespan="off",
                                               timeout_graceful_shutdown=GRACEFUL_SECONDS))
        stopper.server = server
        if config.serve.token:
            log.info("feeds need the access token (serve.token); links: %st/***/", config.output.base_url)
        log.info("listening on %s (feeds from %s); stop with Ctrl-C or SIGTERM", url_of(sock), config.output_dir)
        if not stopper.requested.is_set():
            server.run(sockets=[sock])
    finally:
        log.info("stopping: finishing the job in progress")
        service.stop()
        log.info("stopped")
    return EXIT_OK
