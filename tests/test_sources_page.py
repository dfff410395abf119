"""The `page` source against a real loopback HTTP server: one announcement per page, with the
page's main text (no navigation, scripts or footer), its date, conditional GET and clear errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from publisher.config import Config, PageSource, validate
from publisher.errors import FetchError, SourceError
from publisher.sources import Harvest
from publisher.sources import page as page_source
from tests.httpserver import LoopbackServer

NOW = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.UTC)

ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour festival returns in June | Riverside Gazette</title>
  <meta property="og:site_name" content="Riverside Gazette">
  <meta property="og:title" content="Harbour festival returns in June">
  <meta property="article:published_time" content="2025-11-28T07:45:00+00:00">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = [{"event": "pageview", "secret": "ANALYTICS-SCRIPT-TEXT"}];</script>
  <style>.banner { color: red } /* STYLE-TEXT */</style>
</head>
<body>
  <header class="site-header">
    <a href="/" class="logo">Riverside Gazette</a>
    <nav class="main-nav">
      <ul>
        <li><a href="/news">News</a></li>
        <li><a href="/sport">Sport</a></li>
        <li><a href="/subscribe">NAVIGATION-SUBSCRIBE-LINK</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <article class="story">
      <h1>Harbour festival returns in June</h1>
      <p class="byline">By Ana Ortiz · <time datetime="2025-11-28T07:45:00Z">28 November 2025</time></p>
      <p>The Riverside Harbour Festival will return for its tenth edition from 12 to 14 June 2026,
      the organisers announced on Friday. Three stages will be set up along the old quay, and the
      boat parade that closed last year's festival moves to the Saturday evening.</p>
      <p>Tickets go on sale on Monday, 8 December, at the harbour office and online. Children under
      twelve enter free of charge, and residents of the old town receive a discount on weekend passes.</p>
      <p>The council confirmed that the quay will be closed to traffic from 10 June while the stages
      are built, and that extra buses will run from the railway station during the three festival days.</p>
      <blockquote>"We want the tenth edition to be the biggest yet," said festival director Marta Lind.</blockquote>
    </article>
    <aside class="related">
      <h2>Most read</h2>
      <ul><li><a href="/a">RELATED-STORY-ONE about parking fees</a></li>
          <li><a href="/b">RELATED-STORY-TWO about the football club</a></li></ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>FOOTER-TEXT © 2025 Riverside Gazette. All rights reserved. Cookie settings. Privacy policy.</p>
  </footer>
  <script src="/static/app.js"></script>
  <script>document.querySelector(".banner").textContent = "INLINE-SCRIPT-TEXT";</script>
</body>
</html>
"""

UNDATED = """<!DOCTYPE html><html><head><title>Opening hours</title></head><body>
<nav><a href="/">Home</a></nav>
<main><h1>Opening hours over the holidays</h1>
<p>The town library closes at noon on the last working day before the holidays and opens again on the
first Monday of the new year. Books may be returned at the drop box outside the main entrance at any time,
and loans that fall due while the library is closed are extended automatically.</p>
<p>The reading room stays open for exam students by appointment; please ask at the front desk before the
holidays begin so that a key can be arranged for you.</p></main></body></html>"""


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def page_config(tmp_path: Path, url: str, **fetch: Any) -> tuple[Config, PageSource]:
    data: dict[str, Any] = {"version": 1, "sources": [{"name": "gazette", "kind": "page", "url": url,
                                                       "timezone": "Europe/Oslo"}]}
    if fetch:
        data["fetch"] = fetch
    config = validate(data, tmp_path)
    source = config.sources[0]
    assert isinstance(source, PageSource)
    return config, source


def read(tmp_path: Path, url: str, state: dict[str, Any] | None = None, now: dt.datetime = NOW,
         **fetch: Any) -> Harvest:
    config, source = page_config(tmp_path, url, **fetch)
    return page_source.read(source, config=config, state=state or {}, now=now)


def test_article_page_is_one_announcement_with_its_main_text_and_date(tmp_path: Path,
                                                                     server: LoopbackServer) -> None:
    url = server.serve("/news/harbour-festival", ARTICLE, content_type="text/html; charset=utf-8")
    harvest = read(tmp_path, url)
    assert harvest.problems == [] and harvest.notes == []
    (item,) = harvest.announcements
    assert item.id == url and item.url == url and item.source == "gazette"
    assert item.published == dt.datetime(2025, 11, 28, tzinfo=dt.UTC)
    assert item.published_basis == "page"
    assert item.title == "Harbour festival returns in June"
    assert item.origin == "Riverside Gazette"
    assert (item.timezone, item.fetched_at) == ("Europe/Oslo", NOW)
    for sentence in ("from 12 to 14 June 2026", "Tickets go on sale on Monday, 8 December",
                     "closed to traffic from 10 June", "the biggest yet"):
        assert sentence in item.text
    for junk in ("ANALYTICS-SCRIPT-TEXT", "INLINE-SCRIPT-TEXT", "STYLE-TEXT", "NAVIGATION-SUBSCRIBE-LINK",
                 "FOOTER-TEXT", "RELATED-STORY", "<p>", "window.dataLayer"):
        assert junk not in item.text
    assert "tenth edition from 12 to 14 June 2026, the organisers" in item.text  # lines joined as prose


def test_page_without_a_date_uses_the_first_fetch_time_with_a_note(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/hours", UNDATED, content_type="text/html", etag=None, last_modified=None)
    first = read(tmp_path, url)
    (item,) = first.announcements
    assert (item.published, item.published_basis) == (NOW, "fetched")
    assert "drop box outside the main entrance" in item.text and "Home" not in item.text
    assert first.notes == [f"gazette: {url} shows no publication date; "
                           "using the time it was first fetched as the reference for relative dates"]
    later = read(tmp_path, url, state=first.state, now=NOW + dt.timedelta(hours=2))
    assert later.announcements[0].hash == item.hash  # the same page is the same announcement


def test_second_poll_is_conditional_and_not_modified(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/news/harbour-festival", ARTICLE, content_type="text/html")
    first = read(tmp_path, url)
    second = read(tmp_path, url, state=first.state)
    request = server.requests_to("/news/harbour-festival")[1]
    assert request.header("If-None-Match") == first.state["etag"]
    assert request.header("If-Modified-Since") == first.state["last_modified"]
    assert "text/html" in (request.header("Accept") or "")
    assert second.not_modified and second.announcements == [] and second.state == first.state


def test_pipeline_keeps_the_page_after_a_304(tmp_path: Path, server: LoopbackServer) -> None:
    from publisher.pipeline import run_once
    from publisher.store import open_store

    url = server.serve("/news/harbour-festival", ARTICLE, content_type="text/html")
    config, _ = page_config(tmp_path, url)
    with open_store(config) as store:
        assert run_once(config, store, now=NOW).problems == []
        stored = store.announcement_versions("gazette")
        assert list(stored) == [f"gazette:{url}"]
        again = run_once(config, store, now=NOW + dt.timedelta(minutes=15))
        assert again.problems == [] and again.announcements == 0
        assert store.announcement_versions("gazette") == stored


def test_legacy_encoding_declared_in_meta(tmp_path: Path, server: LoopbackServer) -> None:
    html = ARTICLE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; '
                           'charset=windows-1252">').replace("Marta Lind", "Marta Lindén Ørsted")
    url = server.serve("/news/festival", html.encode("cp1252", "replace"), content_type="text/html")
    assert "Marta Lindén Ørsted" in read(tmp_path, url).announcements[0].text


def test_plain_text_page(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/notice.txt", "Water supply interrupted on 3 December from 09:00 to 13:00.\n")
    (item,) = read(tmp_path, url).announcements
    assert item.text == "Water supply interrupted on 3 December from 09:00 to 13:00."


@pytest.mark.parametrize(("body", "content_type", "reason"), [
    (b"%PDF-1.7 binary", "application/pdf", "not an HTML page (Content-Type: application/pdf)"),
    (b"   \n", "text/html", "empty page: no text to read"),
    (b"<html>\x00\x01\x02</html>", "text/html", "binary content (NUL bytes), not an HTML page"),
])
def test_unreadable_pages_raise_a_clear_error(tmp_path: Path, server: LoopbackServer, body: bytes,
                                              content_type: str, reason: str) -> None:
    url = server.serve("/page", body, content_type=content_type)
    with pytest.raises(SourceError) as caught:
        read(tmp_path, url)
    assert str(caught.value) == f"{url}: {reason}"


def test_http_error_names_the_url(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.error("/missing", 404)
    with pytest.raises(FetchError) as caught:
        read(tmp_path, url)
    assert str(caught.value) == f"{url}: HTTP 404 Not Found"


def test_size_cap_applies_to_pages(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.huge("/big", 3_000_000, declare_length=False, content_type="text/html")
    with pytest.raises(FetchError, match=r"response over the 1,000,000-byte limit \(fetch\.max_bytes\)$"):
        read(tmp_path, url, max_bytes=1_000_000)


def test_redirected_page_keeps_its_configured_id(tmp_path: Path, server: LoopbackServer) -> None:
    target = server.serve("/2025/11/harbour-festival", ARTICLE, content_type="text/html")
    url = server.redirect("/latest", "/2025/11/harbour-festival", status=301)
    harvest = read(tmp_path, url)
    (item,) = harvest.announcements
    assert (item.id, item.url) == (url, target)
    assert any("has moved permanently" in note for note in harvest.notes)
