"""`publisher serve`: the feeds over real HTTP, and the service run for real as a subprocess.

The HTTP tests run the real stack (uvicorn + Starlette) in a thread on a free 127.0.0.1 port over
feeds a real pipeline pass wrote. The service tests start `python -m publisher serve` against a
`feed` source served by the loopback test server, and watch what a subscriber would see.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import http.client
import json
import logging
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn
from xml.sax.saxutils import escape

import feedparser
import pytest
import requests
import yaml

from publisher.alerts import format_day
from publisher.config import Config
from publisher.render import write_atomic
from publisher.render.html import FeedLinks, IndexPage, render_index
from publisher.schedule import Service
from publisher.serve import accepts_gzip, bind, make_app, redact
from tests.conftest import Workspace, require_clients
from tests.httpserver import LoopbackServer
from tests.test_clients import client_env, vdirsyncer_config

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "k3y-For-Private_feeds.0123456789"
STARTUP_SECONDS = 60.0


# --------------------------------------------------------------------------------------------------
# helpers shared with test_schedule and test_browser


def spoken(day: dt.date) -> str:
    """`14 March 2027`: a plain explicit date any detector reads."""
    return f"{day.day} {day:%B %Y}"


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@dataclass(frozen=True)
class Entry:
    guid: str
    title: str
    text: str
    published: dt.datetime


def rss(entries: list[Entry], title: str = "Press releases") -> bytes:
    """A small RSS 2.0 document, as a source would publish it."""
    items = "".join(
        f"<item><guid isPermaLink=\"false\">{escape(e.guid)}</guid><title>{escape(e.title)}</title>"
        f"<link>https://example.org/{escape(e.guid)}</link>"
        f"<pubDate>{email.utils.format_datetime(e.published)}</pubDate>"
        f"<description>{escape(e.text)}</description></item>" for e in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>https://example.org/</link><description>news</description>{items}</channel></rss>").encode()


def announcement(guid: str, what: str, day: dt.date, place: str) -> Entry:
    """An entry announcing `what` on `day` in `place`, published yesterday."""
    published = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=1)
    return Entry(guid, f"{what} in {place}", f"The {what} will be held on {spoken(day)} in {place}.", published)


class ServerThread:
    """The real uvicorn server in a thread on a free 127.0.0.1 port."""

    def __init__(self, app: Any) -> None:
        self.app = Recorder(app)
        self.server: Any = None
        self.thread: threading.Thread | None = None
        self.url = ""

    def __enter__(self) -> ServerThread:
        import uvicorn

        sock = bind("127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_config=None, access_log=False, lifespan="off",
                                                    server_header=False))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        self.sock = sock
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.server.should_exit = True
        assert self.thread is not None
        self.thread.join(timeout=10)
        self.sock.close()


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    status: int = 0


class Recorder:
    """ASGI middleware that keeps every request and the status it got, for client tests."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seen: list[Seen] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen = Seen(scope["method"], scope["path"], {k.decode().lower(): v.decode() for k, v in scope["headers"]})
        self.seen.append(seen)

        async def record(message: Any) -> None:
            if message["type"] == "http.response.start":
                seen.status = message["status"]
            await send(message)

        await self.app(scope, receive, record)

    def to(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]


def raw_get(url: str, target: str, headers: dict[str, str] | None = None,
            method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """One request with the target sent exactly as given (no client-side normalising)."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def missing(reason: str) -> NoReturn:
    if require_clients():
        pytest.fail(reason + "; PUBLISHER_REQUIRE_CLIENTS=1 makes this a failure")
    pytest.skip(reason)


def need(binary: str) -> str:
    path = shutil.which(binary)
    if path is None:
        missing(f"{binary} is not installed (run scripts/install-test-deps)")
    return path


def wait_for(check: Callable[[], Any], *, timeout: float, every: float = 0.1, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(every)


# --------------------------------------------------------------------------------------------------
# the HTTP server over published files


@pytest.fixture
def published(workspace: Workspace, run_publisher: Callable[..., Any]) -> Config:
    """Feeds written by a real pass over one announcement, with a view."""
    workspace.add("lyon.md", f"The conference will be held on {spoken(today() + dt.timedelta(days=90))} in Lyon.",
                  published=(today() - dt.timedelta(days=1)).isoformat(), title="Conference in Lyon")
    settings = {"views": [{"name": "france", "places": ["France"]}]}
    run_publisher(now=dt.datetime.now(dt.UTC), **settings)
    config = workspace.config(**settings)
    service = Service(config)
    service.start(scheduler=False)  # writes index.html too
    service.stop()
    return config


@pytest.fixture
def site(published: Config) -> Iterator[ServerThread]:
    with ServerThread(make_app(published)) as server:
        yield server


def test_feeds_are_served_with_type_validators_and_exact_bytes(site: ServerThread, published: Config) -> None:
    out = published.output_dir
    for name, kind in [("calendar.ics", "text/calendar; charset=utf-8"),
                       ("alerts.xml", "application/rss+xml; charset=utf-8"),
                       ("france.ics", "text/calendar; charset=utf-8"),
                       ("france.xml", "application/rss+xml; charset=utf-8"),
                       ("index.html", "text/html; charset=utf-8")]:
        status, headers, body = raw_get(site.url, f"/{name}")
        assert status == 200, name
        assert headers["content-type"] == kind
        assert body == (out / name).read_bytes()
        assert re.fullmatch(r'"[0-9a-f]{32}"', headers["etag"]), "a strong ETag from the content"
        modified = int((out / name).stat().st_mtime)
        assert headers["last-modified"] == email.utils.formatdate(modified, usegmt=True)
        assert headers["content-length"] == str(len(body))
        assert "accept-encoding" in headers["vary"].lower()


def test_conditional_requests_get_304_without_a_body(site: ServerThread) -> None:
    _, first, _ = raw_get(site.url, "/calendar.ics")
    etag, modified = first["etag"], first["last-modified"]
    status, headers, body = raw_get(site.url, "/calendar.ics", {"If-None-Match": etag})
    assert (status, body) == (304, b"")
    assert headers["etag"] == etag and headers["last-modified"] == modified
    assert raw_get(site.url, "/calendar.ics", {"If-None-Match": f'"other", {etag}'})[0] == 304
    assert raw_get(site.url, "/calendar.ics", {"If-None-Match": "W/" + etag})[0] == 304  # weak comparison
    assert raw_get(site.url, "/calendar.ics", {"If-Modified-Since": modified})[0] == 304
    later = email.utils.formatdate(time.time() + 3600, usegmt=True)
    assert raw_get(site.url, "/calendar.ics", {"If-Modified-Since": later})[0] == 304
    earlier = email.utils.formatdate(time.time() - 86400 * 400, usegmt=True)
    assert raw_get(site.url, "/calendar.ics", {"If-Modified-Since": earlier})[0] == 200
    assert raw_get(site.url, "/calendar.ics", {"If-None-Match": '"stale"'})[0] == 200
    # If-None-Match decides when present, even beside a fresh If-Modified-Since (RFC 9110 13.2.2)
    assert raw_get(site.url, "/calendar.ics", {"If-None-Match": '"stale"', "If-Modified-Since": later})[0] == 200
    assert raw_get(site.url, "/calendar.ics", {"If-Modified-Since": "not a date"})[0] == 200


def test_gzip_when_asked_with_its_own_etag(site: ServerThread, published: Config) -> None:
    plain = (published.output_dir / "calendar.ics").read_bytes()
    status, headers, body = raw_get(site.url, "/calendar.ics", {"Accept-Encoding": "gzip, deflate"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == plain
    assert len(body) < len(plain)
    _, identity, _ = raw_get(site.url, "/calendar.ics")
    assert "content-encoding" not in identity
    assert headers["etag"] != identity["etag"], "each encoding is its own representation"
    assert raw_get(site.url, "/calendar.ics", {"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]})[0] == 304
    assert "content-encoding" not in raw_get(site.url, "/calendar.ics", {"Accept-Encoding": "gzip;q=0"})[1]


def test_head_sends_the_headers_only(site: ServerThread) -> None:
    _, got, body = raw_get(site.url, "/alerts.xml")
    status, headers, empty = raw_get(site.url, "/alerts.xml", method="HEAD")
    assert (status, empty) == (200, b"")
    assert headers["content-length"] == str(len(body))
    assert headers["etag"] == got["etag"] and headers["content-type"] == got["content-type"]


def test_a_changed_feed_gets_a_new_etag(site: ServerThread, published: Config) -> None:
    _, before, _ = raw_get(site.url, "/alerts.xml")
    path = published.output_dir / "alerts.xml"
    time.sleep(0.01)
    write_atomic(path, path.read_bytes().replace(b"</channel>", b"<!-- changed --></channel>"))
    status, after, body = raw_get(site.url, "/alerts.xml", {"If-None-Match": before["etag"]})
    assert status == 200 and body == path.read_bytes()
    assert after["etag"] != before["etag"]


@pytest.mark.parametrize("target", [
    "/../config.yaml", "/%2e%2e/config.yaml", "/..%2fconfig.yaml", "/%2E%2E%2Fconfig.yaml", "/config.yaml",
    "/state/publisher.db", "/feeds/calendar.ics", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/../../../../etc/passwd",
    "//etc/passwd", "/.calendar.ics.tmp", "/calendar.ics/", "/calendar.ics%00.html", "/calendar.ics/..",
    "/./calendar.ics/../../config.yaml", "/t/anything/calendar.ics", "/t/../config.yaml", "/docs/lyon.md",
    "/..\\config.yaml", "/%5c..%5cconfig.yaml", "/index.htm", "/CALENDAR.ICS",
])
def test_nothing_outside_the_feeds_is_reachable(site: ServerThread, target: str) -> None:
    status, _, body = raw_get(site.url, target)
    assert status == 404, (target, status)
    assert b"version" not in body and b"root:" not in body


def test_only_get_and_head(site: ServerThread) -> None:
    for method in ("POST", "PUT", "DELETE"):
        status, headers, _ = raw_get(site.url, "/calendar.ics", method=method)
        assert status == 405 and "GET" in headers["allow"]


def test_health_and_status(site: ServerThread) -> None:
    status, _, body = raw_get(site.url, "/healthz")
    assert (status, body) == (200, b"ok\n")
    status, headers, body = raw_get(site.url, "/status")
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert json.loads(body)["status"] == "ok"


def test_index_page_at_the_root(site: ServerThread, published: Config) -> None:
    status, headers, body = raw_get(site.url, "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert body == (published.output_dir / "index.html").read_bytes()
    assert "script-src" not in headers["content-security-policy"] and "default-src 'none'" in \
        headers["content-security-policy"]
    page = body.decode()
    base = published.output.base_url
    for name in ("calendar.ics", "alerts.xml", "france.ics", "france.xml"):
        assert f'href="{base}{name}"' in page
    assert f'href="{base.replace("http://", "webcal://")}calendar.ics"' in page
    assert f'href="{base.replace("http://", "webcal://")}france.ics"' in page
    assert "Lyon" in page
    assert raw_get(site.url, "/", {"If-None-Match": headers["etag"]})[0] == 304


# --------------------------------------------------------------------------------------------------
# private feeds


@pytest.fixture
def private(published: Config, workspace: Workspace) -> Iterator[tuple[ServerThread, Config]]:
    config = workspace.config(views=[{"name": "france", "places": ["France"]}], serve={"token": TOKEN})
    service = Service(config)
    service.start(scheduler=False)
    try:
        with ServerThread(make_app(config, service)) as server:
            yield server, config
    finally:
        service.stop()


def test_private_feeds_need_the_token(private: tuple[ServerThread, Config], caplog: pytest.LogCaptureFixture) -> None:
    site, config = private
    caplog.set_level("DEBUG", logger="publisher.http")
    for target in ("/calendar.ics", "/alerts.xml", "/france.ics", "/", "/status", "/calendar.ics?token=wrong",
                   f"/calendar.ics?token={TOKEN[:-1]}", "/t/wrong/calendar.ics", f"/t/{TOKEN}x/calendar.ics",
                   f"/t/{TOKEN.upper()}/calendar.ics"):
        assert raw_get(site.url, target)[0] == 403, target
    body = (config.output_dir / "calendar.ics").read_bytes()
    for target in (f"/calendar.ics?token={TOKEN}", f"/t/{TOKEN}/calendar.ics", f"/t/{TOKEN}/france.xml",
                   f"/t/{TOKEN}/status", f"/status?token={TOKEN}"):
        status, headers, _ = raw_get(site.url, target)
        assert status == 200, target
        assert "private" in headers["cache-control"] or headers["cache-control"] == "no-store"
    assert raw_get(site.url, f"/t/{TOKEN}/calendar.ics")[2] == body
    assert raw_get(site.url, "/healthz")[0] == 200, "liveness needs no token"
    assert raw_get(site.url, f"/t/{TOKEN}/../config.yaml")[0] == 404
    assert raw_get(site.url, f"/t/{TOKEN}/config.yaml")[0] == 404
    assert TOKEN not in caplog.text, "the token must never be logged"
    assert "/t/***/calendar.ics" in caplog.text


def test_private_index_links_under_the_token(private: tuple[ServerThread, Config]) -> None:
    site, config = private
    status, headers, body = raw_get(site.url, f"/t/{TOKEN}/")
    assert status == 200 and headers["referrer-policy"] == "no-referrer"
    page = body.decode()
    base = config.output.base_url
    assert f'href="{base}t/{TOKEN}/calendar.ics"' in page
    assert f'href="{base.replace("http://", "webcal://")}t/{TOKEN}/france.ics"' in page
    assert TOKEN not in (config.output_dir / "index.html").read_text(encoding="utf-8"), \
        "the token never goes into a written file"
    assert raw_get(site.url, f"/t/{TOKEN}/", {"If-None-Match": headers["etag"]})[0] == 304


def test_redact_hides_tokens() -> None:
    assert redact(f"/t/{TOKEN}/calendar.ics", "") == "/t/***/calendar.ics"
    assert redact("/calendar.ics", f"a=1&token={TOKEN}") == "/calendar.ics?a=1&token=***"


def test_accept_encoding_parsing() -> None:
    assert accepts_gzip("gzip") and accepts_gzip("br, gzip;q=0.5") and accepts_gzip("*")
    assert not accepts_gzip(None) and not accepts_gzip("br") and not accepts_gzip("gzip;q=0")


# --------------------------------------------------------------------------------------------------
# the index page


def page_event(**fields: Any) -> Any:
    from publisher.model import Event, SourceRef

    values: dict[str, Any] = {
        "uid": "x@publisher", "sequence": 0, "summary": "Summit", "start": dt.date(2027, 2, 2),
        "end": dt.date(2027, 2, 3), "all_day": True, "first_seen": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        "last_modified": dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "location": "Berlin, Germany",
        "sources": (SourceRef("news", "a", "Summit announced", "https://example.org/a", None, "AFP"),)}
    values.update(fields)
    return Event(**values)


def test_index_page_escapes_everything_from_sources() -> None:
    from publisher.model import SourceRef

    hostile = page_event(summary='<script>alert(1)</script> "Summit"', location="<img src=x onerror=alert(1)>",
                         participants=("<b>A</b>",),
                         sources=(SourceRef("news", "a", "<iframe src=//evil>", "javascript:alert(1)", None),
                                  SourceRef("news", "b", "ok", "data:text/html,<script>", None)))
    page = render_index(IndexPage("My <feeds>", "https://example.org/cal/", [FeedLinks("A & B", "calendar.ics",
                                                                                        "alerts.xml")], [hostile]))
    text = page.decode()
    for bad in ("<script>", "<img", "<iframe", "javascript:", "data:text", "<b>A", "My <feeds>"):
        assert bad not in text, bad
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Summit&quot;" in text
    assert "A &amp; B" in text
    assert 'href="webcal://example.org/cal/calendar.ics"' in text
    assert 'href="https://example.org/cal/alerts.xml"' in text


def test_index_page_shows_when_where_status_and_sources() -> None:
    timed = page_event(uid="t@publisher", summary="Launch", start=dt.datetime(2027, 3, 1, 15, 0, tzinfo=dt.UTC),
                       end=None, all_day=False, timezone="America/New_York", status="postponed")
    text = render_index(IndexPage("feeds", "http://h/", [FeedLinks("feeds", "calendar.ics", "alerts.xml")],
                                  [page_event(), timed])).decode()
    assert "Tue 2 Feb 2027 – Wed 3 Feb 2027" in text
    assert "Mon 1 Mar 2027, 10:00 EST (America/New_York)" in text
    assert "Berlin, Germany" in text and "postponed" in text
    assert '<a href="https://example.org/a" rel="nofollow noopener">Summit announced (AFP)</a>' in text
    assert render_index(IndexPage("feeds", "http://h/", [], [])) == render_index(IndexPage("feeds", "http://h/", [],
                                                                                          [])), "byte-stable"


# --------------------------------------------------------------------------------------------------
# the service, run for real


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Running:
    """A `publisher serve` subprocess; its stderr is read in the background."""

    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    url: str = ""

    def text(self) -> str:
        return "".join(self.lines)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError("publisher serve did not stop:\n" + self.text()) from None

    def get(self, path: str, **headers: str) -> requests.Response:
        return requests.get(self.url.rstrip("/") + path, headers=headers, timeout=10)


class ServeWorkspace:
    """A folder with a config whose only source is a feed on the loopback test server."""

    def __init__(self, root: Path, feed_url: str, *, every: str = "2s", port: int | None = None,
                 **settings: Any) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.settings: dict[str, Any] = {
            "version": 1, "state": "state/publisher.db",
            "output": {"dir": "feeds", "base_url": f"http://127.0.0.1:{self.port}/"},
            "calendar": {"past": "all", "cancelled": "all"}, "reminders": [],
            "serve": {"host": "127.0.0.1", "port": self.port},
            "sources": [{"name": "press", "kind": "feed", "url": feed_url, "every": every}], **settings}
        self.path = root / "config.yaml"
        self.path.write_text(yaml.safe_dump(self.settings, sort_keys=False), encoding="utf-8")
        self.started: list[Running] = []

    def start(self, *extra: str, wait: bool = True) -> Running:
        process = subprocess.Popen([sys.executable, "-m", "publisher", "serve", "--config", str(self.path), *extra],
                                   cwd=self.root, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        running = Running(process)
        self.started.append(running)
        listening = threading.Event()

        def read() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                running.lines.append(line)
                found = re.search(r"listening on (http://\S+/)", line)
                if found:
                    running.url = found.group(1)
                    listening.set()
            process.stderr.close()

        threading.Thread(target=read, daemon=True).start()
        if wait:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not listening.wait(0.1):
                if process.poll() is not None or time.monotonic() > deadline:
                    time.sleep(0.2)
                    raise AssertionError(f"publisher serve did not start (exit {process.poll()}):\n{running.text()}")
        return running

    def stop_all(self) -> None:
        for running in self.started:
            if running.process.poll() is None:
                running.process.kill()
                running.process.wait()

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.root / "state" / "publisher.db")


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def serve_workspace(tmp_path: Path, loopback: LoopbackServer) -> Iterator[Callable[..., ServeWorkspace]]:
    made: list[ServeWorkspace] = []

    def make(path: str = "/press.xml", **options: Any) -> ServeWorkspace:
        space = ServeWorkspace(tmp_path / f"serve{len(made)}", loopback.url(path), **options)
        made.append(space)
        return space

    yield make
    for space in made:
        space.stop_all()


def publish_feed(server: LoopbackServer, entries: list[Entry], path: str = "/press.xml") -> None:
    server.serve(path, rss(entries), content_type="application/rss+xml; charset=utf-8")


def calendar_days(running: Running) -> set[str]:
    response = running.get("/calendar.ics")
    assert response.status_code == 200
    return set(re.findall(r"DTSTART;VALUE=DATE:(\d{8})", response.text))


def alert_titles(running: Running) -> list[str]:
    response = running.get("/alerts.xml")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return [entry.title for entry in parsed.entries]


def detector_finds(entry: Entry) -> None:
    """The service tests are about scheduling and serving: say so plainly if the detector misses the text."""
    from publisher.detect import detect
    from publisher.model import Announcement

    found = detect(Announcement("probe", entry.guid, entry.text, entry.published, entry.published,
                                title=entry.title), now=entry.published)
    if not found.events:
        pytest.skip(f"the detector finds no event in {entry.text!r} yet")


@pytest.mark.slow
def test_a_new_feed_entry_is_served_within_one_poll(loopback: LoopbackServer,
                                                    serve_workspace: Callable[..., ServeWorkspace]) -> None:
    first_day, second_day = today() + dt.timedelta(days=100), today() + dt.timedelta(days=130)
    first = announcement("conf-1", "conference", first_day, "Lyon")
    second = announcement("summit-2", "summit", second_day, "Berlin")
    detector_finds(first)
    detector_finds(second)
    publish_feed(loopback, [first])
    space = serve_workspace()
    running = space.start()
    assert running.url == f"http://127.0.0.1:{space.port}/", "binds where the config says, on loopback"
    wait_for(lambda: f"{first_day:%Y%m%d}" in calendar_days(running), timeout=15, what="the first event")
    assert any(format_day(first_day) in title for title in alert_titles(running))

    publish_feed(loopback, [second, first])
    added = time.monotonic()
    wait_for(lambda: f"{second_day:%Y%m%d}" in calendar_days(running), timeout=15, every=0.05,
             what="the new entry's event in calendar.ics")
    latency = time.monotonic() - added
    titles = alert_titles(running)
    assert any(format_day(second_day) in title for title in titles), titles
    assert latency < 2.0 + 0.2 + 1.5, f"took {latency:.1f}s for a source polled every 2s"
    print(f"new entry to calendar.ics over HTTP: {latency:.2f}s (every: 2s)")
    # /status is refreshed just after the feeds are written: it may trail them by a moment
    status = wait_for(lambda: (s := running.get("/status").json())["events"] == 2 and s, timeout=5,
                      what="the status to count both events")
    press = next(s for s in status["sources"] if s["name"] == "press")
    assert press["last_error"] is None and press["last_success"] and press["failures"] == 0
    assert status["alerts"] >= 2
    polls = loopback.requests_to("/press.xml")
    assert any(r.header("If-None-Match") for r in polls[1:]), "the source is polled with conditional GET"
    assert running.stop() == 0


@pytest.mark.slow
def test_sigterm_finishes_the_poll_in_progress(loopback: LoopbackServer,
                                               serve_workspace: Callable[..., ServeWorkspace]) -> None:
    day = today() + dt.timedelta(days=60)
    entry = announcement("conf-slow", "conference", day, "Lyon")
    detector_finds(entry)
    loopback.serve("/press.xml", rss([entry]), content_type="application/rss+xml", delay=2.0)
    space = serve_workspace()
    running = space.start()
    wait_for(lambda: loopback.requests_to("/press.xml"), timeout=10, every=0.02, what="the first poll")
    stopping = time.monotonic()
    assert running.stop(signal.SIGTERM) == 0, running.text()
    assert time.monotonic() - stopping >= 1.0, "it waited for the poll in progress"
    with space.db() as db:
        (success,) = db.execute("SELECT last_success FROM source_state WHERE name = 'press'").fetchone()
        events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert success and events == 1, "the poll under way was finished and stored"
    assert f"{day:%Y%m%d}" in (space.root / "feeds" / "calendar.ics").read_text(encoding="utf-8")
    assert "stopped" in running.text()


@pytest.mark.slow
def test_restart_loses_no_alert_and_a_second_instance_is_refused(
        loopback: LoopbackServer, serve_workspace: Callable[..., ServeWorkspace]) -> None:
    first_day, second_day = today() + dt.timedelta(days=40), today() + dt.timedelta(days=41)
    first = announcement("a", "conference", first_day, "Lyon")
    second = announcement("b", "summit", second_day, "Berlin")
    detector_finds(first)
    detector_finds(second)
    publish_feed(loopback, [first])
    space = serve_workspace()
    running = space.start()
    wait_for(lambda: len(alert_titles(running)) == 1, timeout=15, what="the first alert")
    before = feedparser.parse(running.get("/alerts.xml").content)
    assert running.stop(signal.SIGTERM) == 0

    publish_feed(loopback, [second, first])  # announced while the service was down
    again = space.start()
    wait_for(lambda: len(alert_titles(again)) == 2, timeout=15, what="the alert announced during downtime")

    refused = space.start(wait=False)
    assert refused.process.wait(timeout=STARTUP_SECONDS) == 3
    time.sleep(0.2)
    message = refused.text()
    assert "already working" in message and str(again.process.pid) in message
    assert str(space.root / "state" / "publisher.db.lock") in message

    after = feedparser.parse(again.get("/alerts.xml").content)
    guids = [e.id for e in after.entries]
    assert len(guids) == len(set(guids)) == 2, "no alert lost, none doubled"
    assert before.entries[0].id in guids
    assert {f"{first_day:%Y%m%d}", f"{second_day:%Y%m%d}"} <= calendar_days(again)
    assert again.stop(signal.SIGINT) == 0, again.text()


@pytest.mark.slow
def test_a_failing_source_backs_off_and_is_reported(loopback: LoopbackServer,
                                                    serve_workspace: Callable[..., ServeWorkspace]) -> None:
    loopback.error("/press.xml", 500)
    space = serve_workspace(every="1s")
    running = space.start()
    time.sleep(8)
    status = running.get("/status").json()
    press = next(s for s in status["sources"] if s["name"] == "press")
    assert "500" in press["last_error"] and press["last_success"] is None
    tries = len(loopback.requests_to("/press.xml"))
    # 1 s interval: without backoff ~8 polls; with it at t, t+2, t+6 (then t+14)
    assert 2 <= tries <= 4, tries
    assert press["failures"] == tries and press["backing_off_until"]
    assert running.get("/healthz").status_code == 200
    assert running.stop() == 0


def test_a_taken_port_is_a_clear_error(serve_workspace: Callable[..., ServeWorkspace]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        space = serve_workspace(port=taken.getsockname()[1])
        running = space.start(wait=False)
        assert running.process.wait(timeout=STARTUP_SECONDS) == 2
        time.sleep(0.2)
        assert f"cannot listen on 127.0.0.1:{space.port}" in running.text()


# --------------------------------------------------------------------------------------------------
# real clients subscribe over HTTP


def run_client(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=client_env(home), capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, cwd=home)
    assert done.returncode == 0, f"{args[0]} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.clients
def test_newsboat_subscribes_and_revalidates(site: ServerThread, published: Config, tmp_path: Path) -> None:
    newsboat = need("newsboat")
    home = tmp_path / "newsboat"
    home.mkdir()
    (home / "urls").write_text(site.url + "/alerts.xml\n", encoding="utf-8")
    (home / "newsboat.conf").write_text("", encoding="utf-8")
    counts = []
    for _ in range(3):
        done = run_client([newsboat, "-u", str(home / "urls"), "-c", str(home / "cache.db"), "-C",
                           str(home / "newsboat.conf"), "-x", "reload", "print-unread"], home)
        found = re.search(r"(\d+) unread articles", done.stdout)
        assert found, done.stdout + done.stderr
        counts.append(int(found.group(1)))
    alerts = len(feedparser.parse((published.output_dir / "alerts.xml").read_bytes()).entries)
    assert alerts >= 1 and counts == [alerts] * 3
    asked = site.app.to("/alerts.xml")
    assert asked[0].status == 200
    assert 304 in [s.status for s in asked[1:]], "newsboat's conditional GET is answered 304"


@pytest.mark.clients
def test_vdirsyncer_subscribes_over_http(site: ServerThread, published: Config, tmp_path: Path) -> None:
    vdirsyncer = need("vdirsyncer")
    home = tmp_path / "vdir"
    local = home / "synced"
    local.mkdir(parents=True)
    config = vdirsyncer_config(home, f"{site.url}/calendar.ics", local)
    run_client([vdirsyncer, "-c", str(config), "discover"], home)
    run_client([vdirsyncer, "-c", str(config), "sync"], home)
    synced = sorted(local.glob("*.ics"))
    served = (published.output_dir / "calendar.ics").read_text(encoding="utf-8")
    assert len(synced) == served.count("BEGIN:VEVENT") >= 1
    assert any("Lyon" in item.read_text(encoding="utf-8") for item in synced)
    run_client([vdirsyncer, "-c", str(config), "sync"], home)  # a second sync changes nothing
    assert sorted(local.glob("*.ics")) == synced
    assert all(s.status == 200 for s in site.app.to("/calendar.ics"))
    etag = requests.get(site.url + "/calendar.ics", timeout=10).headers["ETag"]
    assert requests.get(site.url + "/calendar.ics", headers={"If-None-Match": etag}, timeout=10).status_code == 304


def test_uvicorn_access_log_never_shows_the_token(caplog: pytest.LogCaptureFixture, published: Config) -> None:
    """Even if uvicorn's own access log were turned on, its lines go through the redacting filter."""
    make_app(published)
    access = logging.getLogger("uvicorn.access")
    with caplog.at_level("INFO", logger="uvicorn.access"):
        propagate, access.propagate = access.propagate, True
        try:
            access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:1", "GET", f"/t/{TOKEN}/calendar.ics?token={TOKEN}",
                        "1.1", 200)
        finally:
            access.propagate = propagate
    assert TOKEN not in caplog.text and "/t/***/calendar.ics?token=***" in caplog.text
