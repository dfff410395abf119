"""The `feed` source against a real loopback HTTP server: RSS 2.0, Atom, JSON Feed, conditional
GET through the whole pipeline, clear errors, full_text, size cap, timeout and redirects."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from publisher.config import Config, FeedSource, validate
from publisher.errors import FetchError, SourceError
from publisher.sources import Harvest
from publisher.sources import feed as feed_source
from publisher.sources.http import fetch
from tests.httpserver import LoopbackServer, Reply, closed_port_url

NOW = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.UTC)

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Riverside Council &amp; Friends</title>
  <link>https://council.example/</link>
  <description>News from the council</description>
  <item>
    <title>Budget meeting on December 4</title>
    <link>https://council.example/news/budget-meeting</link>
    <guid isPermaLink="false">council-2025-117</guid>
    <pubDate>Fri, 28 Nov 2025 10:30:00 +0100</pubDate>
    <description>Short version.</description>
    <content:encoded><![CDATA[<p>The council will hold its <b>budget meeting</b>
      on Thursday, December 4 at 18:00 in the town hall.</p>
      <script>document.write("tracking")</script>
      <p>Residents may speak for three minutes.</p>]]></content:encoded>
  </item>
  <item>
    <title>Library closed for repairs</title>
    <link>/news/library-closed</link>
    <pubDate>Thu, 27 Nov 2025 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;The library is closed from December 8 to December 12.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Undated notice</title>
    <description>Winter market opens next Saturday.</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://festival.example/">
  <title type="html">Jazz &lt;em&gt;Festival&lt;/em&gt; news</title>
  <id>tag:festival.example,2025:feed</id>
  <updated>2025-11-30T12:00:00Z</updated>
  <entry>
    <title>Line-up announced</title>
    <id>tag:festival.example,2025:lineup</id>
    <link rel="alternate" href="news/lineup.html"/>
    <published>2025-11-29T18:00:00+01:00</published>
    <updated>2025-11-30T12:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>The festival runs from 12 to 14 June 2026.</p><p>Tickets go on sale Monday.</p></div></content>
  </entry>
  <entry>
    <title>Venue change</title>
    <id>tag:festival.example,2025:venue</id>
    <updated>2025-11-30T09:15:00Z</updated>
    <summary type="html">&lt;p&gt;The opening concert moves to the &lt;i&gt;Old Harbour&lt;/i&gt;.&lt;/p&gt;</summary>
  </entry>
</feed>
"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Observatory",
    "home_page_url": "https://observatory.example/",
    "items": [
        {"id": "2025-11-29-open-night", "url": "https://observatory.example/open-night",
         "title": "Open night", "date_published": "2025-11-29T20:00:00-05:00",
         "content_html": "<p>Telescopes open to the public on <strong>December 6</strong>.</p>"},
        {"id": 42, "url": "/eclipse", "title": "Eclipse talk", "date_modified": "2025-11-30T10:00:00Z",
         "content_text": "A talk about the 2026 eclipse on January 15."},
        {"url": "https://observatory.example/no-id", "summary": "An item without an id."},
    ],
}


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def make_config(tmp_path: Path, *sources: dict[str, Any], **fetch: Any) -> Config:
    data: dict[str, Any] = {"version": 1, "state": "state/publisher.db", "output": {"dir": "feeds"},
                            "calendar": {"past": "all", "cancelled": "all"}, "reminders": [],
                            "sources": list(sources)}
    if fetch:
        data["fetch"] = fetch
    return validate(data, tmp_path)


def feed_config(tmp_path: Path, url: str, **options: Any) -> tuple[Config, FeedSource]:
    fetch_options = {k: options.pop(k) for k in ("timeout", "max_bytes", "user_agent") if k in options}
    config = make_config(tmp_path, {"name": "news", "kind": "feed", "url": url, "every": "2s", **options},
                         **fetch_options)
    source = config.sources[0]
    assert isinstance(source, FeedSource)
    return config, source


def read(tmp_path: Path, url: str, state: dict[str, Any] | None = None, **options: Any) -> Harvest:
    config, source = feed_config(tmp_path, url, **options)
    return feed_source.read(source, config=config, state=state or {}, now=NOW)


def by_id(harvest: Harvest) -> dict[str, Any]:
    return {a.id: a for a in harvest.announcements}


# formats ------------------------------------------------------------------------------------------
def test_rss_entries_become_announcements(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/feed.xml", RSS, content_type="application/rss+xml; charset=utf-8")
    harvest = read(tmp_path, url, timezone="Europe/London", dayfirst=True)
    items = by_id(harvest)
    assert list(items) == ["council-2025-117", server.url("/news/library-closed"),
                           "sha256:" + feed_source.content_hash("Undated notice", None)]
    budget = items["council-2025-117"]
    assert budget.title == "Budget meeting on December 4"
    assert budget.url == "https://council.example/news/budget-meeting"
    assert budget.published == dt.datetime(2025, 11, 28, 9, 30, tzinfo=dt.UTC)
    assert budget.published_basis == "feed"
    assert budget.origin == "Riverside Council & Friends"
    assert budget.text == ("The council will hold its budget meeting on Thursday, December 4 at 18:00 "
                           "in the town hall.\n\nResidents may speak for three minutes.")
    assert "tracking" not in budget.text and "<" not in budget.text
    assert (budget.source, budget.fetched_at, budget.timezone, budget.dayfirst) == ("news", NOW, "Europe/London", True)
    library = items[server.url("/news/library-closed")]
    assert library.url == server.url("/news/library-closed")  # relative link resolved against the feed URL
    assert library.text == "The library is closed from December 8 to December 12."
    assert harvest.problems == []


def test_entry_without_date_uses_fetch_time_with_a_note(tmp_path: Path, server: LoopbackServer) -> None:
    harvest = read(tmp_path, server.serve("/feed.xml", RSS, content_type="application/rss+xml"))
    undated = harvest.announcements[-1]
    assert (undated.published, undated.published_basis) == (NOW, "fetched")
    assert undated.text == "Winter market opens next Saturday."
    assert any("1 entry has no date" in note and undated.id in note for note in harvest.notes)


def test_atom_feed(tmp_path: Path, server: LoopbackServer) -> None:
    harvest = read(tmp_path, server.serve("/atom", ATOM, content_type="application/atom+xml"))
    items = by_id(harvest)
    lineup = items["tag:festival.example,2025:lineup"]
    assert lineup.url == "https://festival.example/news/lineup.html"  # xml:base applies
    assert lineup.published == dt.datetime(2025, 11, 29, 17, 0, tzinfo=dt.UTC)  # published beats updated
    assert lineup.text == "The festival runs from 12 to 14 June 2026.\n\nTickets go on sale Monday."
    assert lineup.origin == "Jazz Festival news"
    venue = items["tag:festival.example,2025:venue"]
    assert venue.published == dt.datetime(2025, 11, 30, 9, 15, tzinfo=dt.UTC)  # only updated: used
    assert venue.url is None
    assert venue.text == "The opening concert moves to the Old Harbour."
    assert harvest.notes == [] and harvest.problems == []


def test_json_feed(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/feed.json", json.dumps(JSON_FEED), content_type="application/feed+json")
    harvest = read(tmp_path, url)
    items = by_id(harvest)
    assert list(items) == ["2025-11-29-open-night", "42", "https://observatory.example/no-id"]
    night = items["2025-11-29-open-night"]
    assert night.published == dt.datetime(2025, 11, 30, 1, 0, tzinfo=dt.UTC)
    assert night.text == "Telescopes open to the public on December 6."
    assert (night.origin, night.title, night.published_basis) == ("Observatory", "Open night", "feed")
    talk = items["42"]
    assert talk.url == server.url("/eclipse")
    assert talk.published == dt.datetime(2025, 11, 30, 10, 0, tzinfo=dt.UTC)
    assert items["https://observatory.example/no-id"].text == "An item without an id."


def test_json_feed_served_as_text_plain_is_still_json(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/feed", json.dumps(JSON_FEED), content_type="text/plain")
    assert len(read(tmp_path, url).announcements) == 3


def test_gzip_response_is_decoded(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.reply("/feed.xml", Reply(body=gzip.compress(RSS.encode()), content_type="application/rss+xml",
                                          headers={"Content-Encoding": "gzip"}))
    assert len(read(tmp_path, url).announcements) == 3


def test_declared_encoding_from_http_header(tmp_path: Path, server: LoopbackServer) -> None:
    body = RSS.replace('encoding="utf-8"', "").replace("Budget meeting", "Réunion budgétaire").encode("latin-1")
    url = server.serve("/feed.xml", body, content_type="text/xml; charset=iso-8859-1")
    assert read(tmp_path, url).announcements[0].title == "Réunion budgétaire on December 4"


def test_request_identifies_itself(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/feed.xml", RSS, content_type="application/rss+xml")
    read(tmp_path, url, user_agent="publisher-test/1.0 (+mailto:ops@example.org)")
    request = server.requests_to("/feed.xml")[0]
    assert request.header("User-Agent") == "publisher-test/1.0 (+mailto:ops@example.org)"
    assert "application/rss+xml" in (request.header("Accept") or "")


def test_file_url_is_read_from_disk_and_unchanged_file_is_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    first = read(tmp_path, path.as_uri())
    assert len(first.announcements) == 3 and first.state["etag"]
    second = read(tmp_path, path.as_uri(), state=first.state)
    assert second.not_modified and second.state == first.state and second.announcements == []
    with pytest.raises(FetchError, match=r"feed\.xml: no such file"):
        read(tmp_path, (tmp_path / "gone" / "feed.xml").as_uri())


# conditional GET ----------------------------------------------------------------------------------
def test_second_poll_is_conditional_and_not_modified(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/feed.xml", RSS, content_type="application/rss+xml")
    first = read(tmp_path, url)
    assert first.state["etag"] and first.state["last_modified"] and first.state["url"] == url
    second = read(tmp_path, url, state=first.state)
    sent = server.requests_to("/feed.xml")[1]
    assert sent.header("If-None-Match") == first.state["etag"]
    assert sent.header("If-Modified-Since") == first.state["last_modified"]
    assert second.not_modified and second.state == first.state and second.announcements == []


def test_cursor_of_another_url_is_not_sent(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/feed.xml", RSS, content_type="application/rss+xml")
    first = read(tmp_path, url)
    moved = server.serve("/other.xml", RSS, content_type="application/rss+xml")
    again = read(tmp_path, moved, state=first.state)
    assert not again.not_modified and len(again.announcements) == 3
    assert server.requests_to("/other.xml")[0].header("If-None-Match") is None


def test_pipeline_keeps_every_entry_after_a_304(tmp_path: Path, server: LoopbackServer) -> None:
    from publisher.pipeline import run_once
    from publisher.store import open_store

    url = server.serve("/feed.xml", RSS, content_type="application/rss+xml")
    config, _ = feed_config(tmp_path, url)
    with open_store(config) as store:
        first = run_once(config, store, now=NOW)
        assert first.problems == [] and first.announcements == 3
        stored = store.announcement_versions("news")
        assert len(stored) == 3
        second = run_once(config, store, now=NOW + dt.timedelta(minutes=15))
        assert second.problems == [] and second.announcements == 0
        assert store.announcement_versions("news") == stored
        assert store.announcement("news:council-2025-117") is not None
    replies = server.requests_to("/feed.xml")
    assert len(replies) == 2 and replies[1].header("If-None-Match")

    changed = RSS.replace("<item>", """<item><title>Extra session on December 18</title>
        <guid isPermaLink="false">council-2025-120</guid><pubDate>Mon, 01 Dec 2025 08:00:00 GMT</pubDate>
        <description>The council meets again on December 18.</description></item><item>""", 1)
    server.serve("/feed.xml", changed, content_type="application/rss+xml")
    with open_store(config) as store:
        third = run_once(config, store, now=NOW + dt.timedelta(minutes=30))
        assert third.announcements == 4 and third.changed_announcements == 1
        assert set(store.announcement_versions("news")) == {f"news:{key}" for key in stored_ids(stored)} | {
            "news:council-2025-120"}


def stored_ids(stored: dict[str, Any]) -> set[str]:
    return {key.split(":", 1)[1] for key in stored}


def test_pipeline_records_a_failing_feed_and_goes_on(tmp_path: Path, server: LoopbackServer) -> None:
    from publisher.pipeline import run_once
    from publisher.store import open_store

    missing = server.error("/gone.xml", 404)
    config = make_config(tmp_path, {"name": "gone", "kind": "feed", "url": missing},
                         {"name": "news", "kind": "feed", "url": server.serve("/feed.xml", RSS)})
    with open_store(config) as store:
        report = run_once(config, store, now=NOW)
        assert [str(p) for p in report.problems] == [f"gone: {missing}: HTTP 404 Not Found"]
        assert len(store.announcement_versions("news")) == 3


# errors -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"),
                                                (410, "HTTP 410 Gone")])
def test_http_errors_name_url_and_status(tmp_path: Path, server: LoopbackServer, status: int, reason: str) -> None:
    url = server.error("/feed.xml", status)
    with pytest.raises(FetchError) as caught:
        read(tmp_path, url)
    assert str(caught.value) == f"{url}: {reason}"


def test_retry_after_is_reported(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.error("/feed.xml", 429, headers={"Retry-After": "120"})
    with pytest.raises(FetchError, match=r"HTTP 429 Too Many Requests \(retry after 120s\)$"):
        read(tmp_path, url)


def test_connection_refused(tmp_path: Path) -> None:
    url = closed_port_url("/feed.xml")
    with pytest.raises(FetchError) as caught:
        read(tmp_path, url)
    assert str(caught.value) == f"{url}: connection refused"


def test_slow_server_times_out(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.slow("/feed.xml", 5, RSS)
    with pytest.raises(FetchError) as caught:
        read(tmp_path, url, timeout="0.3s")
    assert str(caught.value) == f"{url}: timed out after 0.3s"


def test_trickling_server_hits_the_overall_deadline(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.trickle("/feed.xml", RSS, every=0.1, chunk=8)  # ~25 s to send it all
    started = dt.datetime.now(dt.UTC)
    with pytest.raises(FetchError, match=r"timed out after 0\.5s$"):
        read(tmp_path, url, timeout="0.5s")
    assert dt.datetime.now(dt.UTC) - started < dt.timedelta(seconds=3)


@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "chunked"])
def test_size_cap(tmp_path: Path, server: LoopbackServer, declare_length: bool) -> None:
    url = server.huge("/feed.xml", 50_000_000, declare_length=declare_length, content_type="application/rss+xml")
    with pytest.raises(FetchError) as caught:
        read(tmp_path, url, max_bytes=100_000)
    assert str(caught.value) == f"{url}: response over the 100,000-byte limit (fetch.max_bytes)"


def test_size_cap_counts_decompressed_bytes(tmp_path: Path, server: LoopbackServer) -> None:
    bomb = gzip.compress(b" " * 5_000_000)  # ~5 KB on the wire
    url = server.reply("/feed.xml", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError, match="over the 1,000,000-byte limit"):
        read(tmp_path, url, max_bytes=1_000_000)


def test_redirect_is_followed_and_links_resolve_against_the_final_url(tmp_path: Path,
                                                                       server: LoopbackServer) -> None:
    server.serve("/new/feed.xml", RSS.replace("/news/library-closed", "news/library-closed"),
                 content_type="application/rss+xml")
    url = server.redirect("/feed.xml", "/new/feed.xml", status=302)
    harvest = read(tmp_path, url)
    assert server.url("/new/news/library-closed") in by_id(harvest)
    assert not any("moved permanently" in note for note in harvest.notes)


def test_permanent_redirect_suggests_a_config_edit(tmp_path: Path, server: LoopbackServer) -> None:
    server.serve("/new/feed.xml", RSS, content_type="application/rss+xml")
    url = server.redirect("/feed.xml", "/new/feed.xml", status=301)
    harvest = read(tmp_path, url)
    assert f"news: {url} has moved permanently to {server.url('/new/feed.xml')}; " \
           "update the source's url in the config" in harvest.notes
    assert len(harvest.announcements) == 3


def test_redirect_loop(tmp_path: Path, server: LoopbackServer) -> None:
    server.redirect("/a", "/b")
    url = server.redirect("/b", "/a")
    with pytest.raises(FetchError, match=r"/b: more than 10 redirects \(a redirect loop\?\)$"):
        read(tmp_path, url)


def test_error_after_redirect_names_both_urls(tmp_path: Path, server: LoopbackServer) -> None:
    server.error("/new.xml", 404)
    url = server.redirect("/feed.xml", "/new.xml")
    with pytest.raises(FetchError) as caught:
        read(tmp_path, url)
    assert str(caught.value) == f"{url}: HTTP 404 Not Found (after redirect to {server.url('/new.xml')})"


@pytest.mark.parametrize(("body", "content_type", "reason"), [
    (b"", "application/rss+xml", "empty response: no feed to read"),
    (b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", "text/html",
     "an HTML page, not a feed; use the site's RSS/Atom/JSON feed URL, or kind: page for the page itself"),
    (b"<?xml version='1.0'?><root><child/></root>", "application/xml", "not an RSS, Atom or JSON feed "
     "(Content-Type: application/xml)"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "application/feed+json",
     "not valid JSON: Expecting value at line 1, column 59"),
    (b'{"hello": "world"}', "application/json", 'JSON but not a JSON Feed (no "items" list)'),
    (b"<rss version='2.0'><channel><title>x</title></chanel>", "application/rss+xml",
     "not a readable feed: line 2, column 46: mismatched tag"),
])
def test_unreadable_feeds_raise_source_error(tmp_path: Path, server: LoopbackServer, body: bytes,
                                             content_type: str, reason: str) -> None:
    url = server.serve("/feed", body, content_type=content_type)
    with pytest.raises(SourceError) as caught:
        read(tmp_path, url)
    assert str(caught.value) == f"{url}: {reason}"


def test_malformed_feed_with_entries_is_read_with_a_note(tmp_path: Path, server: LoopbackServer) -> None:
    broken = RSS.replace("</channel>", "").replace("Riverside Council &amp;", "Riverside Council &")
    url = server.serve("/feed.xml", broken, content_type="application/rss+xml")
    harvest = read(tmp_path, url)
    assert len(harvest.announcements) == 3
    assert any(note.startswith(f"news: {url} is malformed (") and "read its 3 entries anyway" in note
               for note in harvest.notes)


def test_entries_without_text_or_title_are_problems_and_duplicates_are_notes(tmp_path: Path,
                                                                           server: LoopbackServer) -> None:
    rss = """<rss version="2.0"><channel><title>t</title>
      <item><guid isPermaLink="false">a</guid><title>First</title></item>
      <item><guid isPermaLink="false">a</guid><title>First again</title></item>
      <item><guid isPermaLink="false">empty</guid><pubDate>Fri, 28 Nov 2025 10:30:00 GMT</pubDate></item>
      <item><guid isPermaLink="false">b</guid><description>Body only</description></item>
    </channel></rss>"""
    harvest = read(tmp_path, server.serve("/feed.xml", rss))
    assert [(a.id, a.text) for a in harvest.announcements] == [("a", "First"), ("b", "Body only")]
    assert [str(p) for p in harvest.problems] == ["news: empty: entry has no title and no text; skipped"]
    assert "news: a: appears twice in the feed; the first one is kept" in harvest.notes


def test_html_page_given_as_a_feed_names_the_feeds_it_advertises(tmp_path: Path,
                                                                  server: LoopbackServer) -> None:
    page = """<!doctype html><html><head><title>Council</title>
      <link rel="alternate" type="application/rss+xml" title="News" href="/news.rss">
      <link rel="alternate" type="application/atom+xml" href="https://council.example/events.atom">
      <link rel="stylesheet" href="/site.css"></head><body><p>Welcome</p></body></html>"""
    url = server.serve("/", page, content_type="text/html")
    with pytest.raises(SourceError) as caught:
        read(tmp_path, url)
    assert caught.value.reason == (f"an HTML page, not a feed; the page links to {server.url('/news.rss')} and "
                                   "https://council.example/events.atom: use one of those as url")


def test_permalink_guids_are_resolved_like_links(tmp_path: Path, server: LoopbackServer) -> None:
    """feedparser reads a guid without isPermaLink="false" as a URL; a relative one resolves against
    the feed's (final) URL, which stays stable after the user follows a permanent redirect note."""
    rss = """<rss version="2.0"><channel><title>t</title>
      <item><guid>item-7</guid><title>Seven</title></item></channel></rss>"""
    harvest = read(tmp_path, server.serve("/feeds/main.xml", rss))
    assert [a.id for a in harvest.announcements] == [server.url("/feeds/item-7")]


def test_undated_entries_keep_the_time_they_were_first_seen(tmp_path: Path, server: LoopbackServer) -> None:
    url = server.serve("/feed.xml", RSS, content_type="application/rss+xml", etag=None, last_modified=None)
    config, source = feed_config(tmp_path, url)
    first = feed_source.read(source, config=config, state={}, now=NOW)
    later = feed_source.read(source, config=config, state=first.state, now=NOW + dt.timedelta(hours=1))
    assert not later.not_modified  # no validators: every poll is a 200
    assert [a.hash for a in later.announcements] == [a.hash for a in first.announcements]
    assert later.announcements[-1].published == NOW


def test_unsafe_links_are_dropped_and_never_fetched(tmp_path: Path, server: LoopbackServer) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<p>SECRET-FILE-CONTENT</p>", encoding="utf-8")
    rss = f"""<rss version="2.0"><channel><title>t</title>
      <item><title>Click</title><link>javascript:alert(1)</link><guid isPermaLink="false">x</guid></item>
      <item><title>Local</title><link>{secret.as_uri()}</link><guid isPermaLink="false">y</guid></item>
    </channel></rss>"""
    harvest = read(tmp_path, server.serve("/feed.xml", rss), full_text=True, allow_private_links=True)
    assert [(a.url, a.text) for a in harvest.announcements] == [(None, "Click"), (None, "Local")]
    assert harvest.problems == []


def test_fetch_refuses_other_schemes(tmp_path: Path) -> None:
    config, _ = feed_config(tmp_path, "https://example.org/feed.xml")
    with pytest.raises(FetchError, match=r"^ftp://example.org/feed: unsupported URL scheme 'ftp'"):
        fetch("ftp://example.org/feed", cursor=None, config=config)


# full text ----------------------------------------------------------------------------------------
ARTICLE = """<!doctype html><html><head><title>{title} | Council</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact the council office</a></nav>
<article><h1>{title}</h1>
<p>{body} The agenda and the minutes of the previous session are published on the notice board of
the town hall and in the library, where printed copies can be collected during opening hours.</p>
<p>Members of the public who wish to speak must register with the clerk before noon on the day of
the meeting, giving their name and the agenda item they want to address.</p>
</article>
<footer>Copyright Riverside Council. Cookie settings.</footer>
<script>var tracking = "do not read me";</script>
</body></html>"""


def full_text_feed(server: LoopbackServer) -> str:
    items = "".join(f"""<item><title>{title}</title><link>{server.url(path)}</link>
        <guid isPermaLink="false">{guid}</guid><pubDate>Fri, 28 Nov 2025 10:30:00 GMT</pubDate>
        <description>Summary of {guid}.</description></item>"""
                    for guid, title, path in [("one", "Budget meeting", "/news/one"),
                                              ("two", "Road works", "/news/two")])
    return f'<rss version="2.0"><channel><title>Council</title>{items}</channel></rss>'


def test_full_text_uses_the_linked_pages(tmp_path: Path, server: LoopbackServer) -> None:
    server.serve("/news/one", ARTICLE.format(title="Budget meeting", body="The budget meeting is on December 4."),
                 content_type="text/html; charset=utf-8")
    server.error("/news/two", 404)
    url = server.serve("/feed.xml", full_text_feed(server), content_type="application/rss+xml")
    harvest = read(tmp_path, url, full_text=True, allow_private_links=True)
    one, two = harvest.announcements
    assert "The budget meeting is on December 4." in one.text
    assert "register with the clerk" in one.text
    assert "tracking" not in one.text and "Cookie settings" not in one.text and "Contact the council" not in one.text
    assert one.published == dt.datetime(2025, 11, 28, 10, 30, tzinfo=dt.UTC)  # the entry's date, not the page's
    assert two.text == "Summary of two."
    assert [str(p) for p in harvest.problems] == [
        f"news: two: {server.url('/news/two')}: HTTP 404 Not Found; using the feed's text"]
    assert set(harvest.state["pages"]) == {"one"}


def test_full_text_does_not_refetch_unchanged_entries(tmp_path: Path, server: LoopbackServer) -> None:
    page = ARTICLE.format(title="Budget meeting", body="The budget meeting is on December 4.")
    server.serve("/news/one", page, content_type="text/html")
    server.serve("/news/two", page.replace("Budget meeting", "Road works"), content_type="text/html")
    url = server.serve("/feed.xml", full_text_feed(server), content_type="application/rss+xml")
    first = read(tmp_path, url, full_text=True, allow_private_links=True)
    assert len(first.announcements) == 2 and set(first.state["pages"]) == {"one", "two"}
    # the feed changes (so no 304), but only entry two changed: only its page is fetched again
    server.serve("/feed.xml", full_text_feed(server).replace("Summary of two", "New summary of two"),
                 content_type="application/rss+xml")
    second = read(tmp_path, url, state=first.state, full_text=True, allow_private_links=True)
    assert [a.id for a in second.announcements] == ["two"]
    assert len(server.requests_to("/news/one")) == 1 and len(server.requests_to("/news/two")) == 2
    assert set(second.state["pages"]) == {"one", "two"}


def test_full_text_gives_up_on_a_dead_host_after_one_failure(tmp_path: Path, server: LoopbackServer) -> None:
    dead = closed_port_url()
    rss = f"""<rss version="2.0"><channel><title>t</title>
      <item><guid isPermaLink="false">a</guid><title>A</title><link>{dead}a</link></item>
      <item><guid isPermaLink="false">b</guid><title>B</title><link>{dead}b</link></item></channel></rss>"""
    harvest = read(tmp_path, server.serve("/feed.xml", rss), full_text=True, allow_private_links=True)
    assert [a.text for a in harvest.announcements] == ["A", "B"]
    assert [p.message for p in harvest.problems] == [
        f"{dead}a: connection refused; using the feed's text",
        f"{dead}b: not fetched (connection refused earlier in this poll); using the feed's text"]
    assert harvest.state["pages"] == {}


def test_full_text_refuses_links_into_a_private_network(tmp_path: Path, server: LoopbackServer) -> None:
    """A third-party feed must not make publisher read (and publish) pages of an internal network."""
    server.serve("/news/one", ARTICLE.format(title="Internal", body="Internal page."),
                 content_type="text/html; charset=utf-8")
    url = server.serve("/feed.xml", full_text_feed(server), content_type="application/rss+xml")
    harvest = read(tmp_path, url, full_text=True)
    assert all("Internal page." not in a.text for a in harvest.announcements)
    assert not server.requests_to("/news/one")
    assert any("allow_private_links: true" in str(p) for p in harvest.problems)
