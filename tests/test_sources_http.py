"""The shared fetch (`publisher.sources.http`) and the loopback test server it is tested against.

The server is reused by the service and webhook tests, so its own behaviour (304 rules, reply
queues, recorded bodies, prompt shutdown) is pinned here too.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from publisher.config import Config, validate
from publisher.errors import FetchError
from publisher.sources.http import PAGE_ACCEPT, fetch
from tests.httpserver import LoopbackServer, Reply


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def config(tmp_path: Path, **fetch_settings: object) -> Config:
    return validate({"version": 1, "fetch": fetch_settings} if fetch_settings else {"version": 1}, tmp_path)


def test_fetch_returns_body_headers_final_url_and_cursor(tmp_path: Path, server: LoopbackServer) -> None:
    modified = dt.datetime(2025, 11, 28, 10, 0, tzinfo=dt.UTC)
    url = server.serve("/a", "hello", content_type="text/plain; charset=utf-8", last_modified=modified)
    fetched = fetch(url, cursor=None, config=config(tmp_path), accept=PAGE_ACCEPT)
    assert (fetched.status, fetched.body, fetched.url) == (200, b"hello", url)
    assert fetched.content_type == "text/plain" and fetched.charset == "utf-8"
    assert fetched.cursor == {"url": url, "etag": fetched.headers["etag"],
                              "last_modified": "Fri, 28 Nov 2025 10:00:00 GMT"}
    request = server.requests_to("/a")[0]
    assert request.header("If-None-Match") is None and request.header("If-Modified-Since") is None
    assert request.header("Accept") == PAGE_ACCEPT
    assert (request.header("User-Agent") or "").startswith("publisher/")


def test_last_modified_alone_gives_a_304(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/a", "hello", etag=None, last_modified=dt.datetime(2025, 11, 28, tzinfo=dt.UTC))
    first = fetch(url, cursor=None, config=config(tmp_path))
    assert "etag" not in first.cursor
    second = fetch(url, cursor=first.cursor, config=config(tmp_path))
    assert second.not_modified and second.body == b"" and second.cursor == first.cursor


def test_a_304_without_validators_keeps_the_old_ones(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.reply("/a", Reply(status=304, content_type=None, etag=None, last_modified=None))
    cursor = {"url": url, "etag": '"v1"', "last_modified": "Fri, 28 Nov 2025 10:00:00 GMT"}
    fetched = fetch(url, cursor=cursor, config=config(tmp_path))
    assert fetched.not_modified and fetched.cursor == cursor
    assert server.requests_to("/a")[0].header("If-None-Match") == '"v1"'


def test_changed_content_is_a_200_despite_the_old_etag(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/a", "one")
    first = fetch(url, cursor=None, config=config(tmp_path))
    server.serve("/a", "two")
    second = fetch(url, cursor=first.cursor, config=config(tmp_path))
    assert (second.status, second.body) == (200, b"two") and second.cursor["etag"] != first.cursor["etag"]


def test_timeout_message_uses_the_configured_seconds(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.slow("/slow", 3)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(url, cursor=None, config=config(tmp_path, timeout="1s"))
    assert str(caught.value) == f"{url}: timed out after 1s"
    assert time.monotonic() - started < 2.5
    assert len(server.requests_to("/slow")) == 1  # recorded even though it never got an answer


def test_server_reply_queue_and_request_bodies(server: LoopbackServer) -> None:
    """What the webhook tests need: a sequence of answers and the exact bytes that were sent."""
    url = server.reply("/hook", Reply(status=500, body=b"down"), Reply(status=503, headers={"Retry-After": "7"}),
                       Reply(status=204, body=b""))
    statuses = [requests.post(url, data=b'{"n": 1}', headers={"webhook-id": "msg_1"}, timeout=5).status_code
                for _ in range(4)]
    assert statuses == [500, 503, 204, 204]
    hooks = server.requests_to("/hook")
    assert [(r.method, r.body, r.header("Webhook-Id")) for r in hooks] == [("POST", b'{"n": 1}', "msg_1")] * 4
    assert server.errors == []


def test_unknown_paths_are_404_and_head_has_no_body(server: LoopbackServer) -> None:
    assert requests.get(server.url("/nothing"), timeout=5).status_code == 404
    server.serve("/a", "hello")
    head = requests.head(server.url("/a"), timeout=5)
    assert head.status_code == 200 and head.content == b"" and head.headers["Content-Length"] == "5"


def test_stop_is_prompt_even_with_a_sleeping_handler() -> None:
    with LoopbackServer() as server:
        url = server.slow("/slow", 30)
        with pytest.raises(requests.exceptions.ReadTimeout):
            requests.get(url, timeout=0.3)
        started = time.monotonic()
    assert time.monotonic() - started < 3
