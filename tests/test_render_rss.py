"""The RSS alert feed renderer on alerts we build: one item per message, nothing unsafe, stable bytes.

Every rendered feed also goes through our lint (tests/feedlint.py).
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from dataclasses import replace
from typing import Any

import feedparser
import pytest
from lxml import etree

from publisher.alerts import make_alert
from publisher.model import Alert, Change, Event, Evidence, SourceRef
from publisher.render.rss import FeedInfo, render_alerts
from tests.feedlint import lint_rss

UTC = dt.UTC
KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")
T0 = dt.datetime(2025, 11, 28, 9, 0, tzinfo=UTC)
INFO = FeedInfo(title="publisher alerts", link="http://localhost:8080/",
                self_url="http://localhost:8080/alerts.xml", description="New, changed and cancelled events")
ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = '<script>alert("x")</script> <img src=x onerror=alert(1)> <a href="javascript:alert(2)">y</a>'


def make_event(**fields: Any) -> Event:
    values: dict[str, Any] = {
        "uid": "visit@publisher", "sequence": 0, "summary": "Putin's State visit to India",
        "start": dt.date(2025, 12, 4), "end": dt.date(2025, 12, 5), "all_day": True, "first_seen": T0,
        "last_modified": T0, "location": "New Delhi",
        "sources": (SourceRef("seeds", "visit", "Putin to visit India", "https://example.org/visit?a=1&b=2",
                              T0, "PTI"),)}
    values.update(fields)
    return Event(**values)


def alert(ident: str, kind: str = "new", created: dt.datetime = T0, **fields: Any) -> Alert:
    values: dict[str, Any] = {"id": ident, "event_uid": "visit@publisher", "kind": kind, "created_at": created,
                              "title": f"{kind.title()}: State visit", "body": "What: State visit"}
    values.update(fields)
    return Alert(**values)


def render(*alerts: Alert, info: FeedInfo = INFO) -> bytes:
    """Render and insist the output passes the lint, so every test also checks the rules."""
    data = render_alerts(alerts, info)
    assert lint_rss(data) == []
    return data


def items(data: bytes) -> list[etree._Element]:
    return etree.fromstring(data).findall("channel/item")


def story() -> list[Alert]:
    """The life of one event as the pipeline writes it: new, updated, postponed, reminder, cancelled."""
    first = make_event(evidence=Evidence(f"Putin will visit India {SCRIPT}", 0, 10))
    moved = replace(first, sequence=1, start=dt.date(2025, 12, 5), end=dt.date(2025, 12, 6))
    later = replace(moved, sequence=2, status="postponed")
    gone = replace(later, sequence=3, status="cancelled")
    change = Change("start", "Thu 4 Dec 2025", "Fri 5 Dec 2025")
    return [
        make_alert("new", first, (), now=T0),
        make_alert("updated", moved, (change,), now=T0 + dt.timedelta(days=1)),
        make_alert("postponed", later, (Change("status", "scheduled", "postponed"),), now=T0 + dt.timedelta(days=2)),
        make_alert("reminder", moved, (), now=T0 + dt.timedelta(days=3), tag="reminder:86400"),
        make_alert("cancelled", gone, (Change("status", "postponed", "cancelled"),),
                   now=T0 + dt.timedelta(days=4)),
    ]


def test_story_passes_the_lint_with_one_item_per_alert() -> None:
    alerts = story()
    data = render(*alerts)
    found = items(data)
    assert len(found) == len(alerts)
    assert [node.findtext("category") for node in found] == ["cancelled", "reminder", "postponed", "updated",
                                                            "new"]


def test_channel_elements() -> None:
    channel = etree.fromstring(render(*story())).find("channel")
    assert channel is not None
    assert channel.findtext("title") == "publisher alerts"
    assert channel.findtext("link") == "http://localhost:8080/"
    assert channel.findtext("ttl") == "60"
    self_link = channel.find(f"{ATOM}link")
    assert self_link is not None
    assert (self_link.get("href"), self_link.get("rel"), self_link.get("type")) == (
        "http://localhost:8080/alerts.xml", "self", "application/rss+xml")
    assert channel.findtext("lastBuildDate") == "Tue, 02 Dec 2025 09:00:00 +0000"


def test_guid_is_the_alert_id_and_not_a_permalink() -> None:
    alerts = story()
    for node, sent in zip(items(render(*alerts)), sorted(alerts, key=lambda a: a.created_at, reverse=True),
                          strict=True):
        guid = node.find("guid")
        assert guid is not None
        assert guid.text == sent.id
        assert guid.get("isPermaLink") == "false"


@pytest.mark.parametrize(("ttl", "minutes"), [(dt.timedelta(hours=1), "60"), (dt.timedelta(minutes=90), "90"),
                                              (dt.timedelta(seconds=30), "1"), (dt.timedelta(0), "1")])
def test_ttl_is_a_positive_number_of_minutes(ttl: dt.timedelta, minutes: str) -> None:
    assert etree.fromstring(render(alert("a"), info=replace(INFO, ttl=ttl))).findtext("channel/ttl") == minutes


def test_dates_are_rfc822_in_utc_with_four_digit_years() -> None:
    data = render(alert("a", created=dt.datetime(2025, 12, 4, 10, 0, 59, 999, tzinfo=KOLKATA)),
                  alert("b", created=dt.datetime(999, 1, 1, 0, 0, tzinfo=UTC)))
    assert [node.findtext("pubDate") for node in items(data)] == ["Thu, 04 Dec 2025 04:30:59 +0000",
                                                                  "Tue, 01 Jan 0999 00:00:00 +0000"]


def test_markup_from_sources_is_escaped() -> None:
    """A quote with <script>, handlers and javascript: reaches the reader as text, never as markup."""
    data = render(*story())
    first = items(data)[-1]
    html = first.findtext("description") or ""
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript' not in html
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0
    shown = parsed.entries[-1].summary
    assert "&lt;script&gt;" in shown
    assert "<script" not in shown


def test_title_markup_is_text() -> None:
    data = render(alert("a", title="New: <b>bold</b> & <script>x</script>"))
    assert b"<b>" not in data
    assert items(data)[0].findtext("title") == "New: <b>bold</b> & <script>x</script>"


def test_source_links_become_anchors() -> None:
    data = render(*story())
    html = items(data)[-1].findtext("description") or ""
    assert '<a href="https://example.org/visit?a=1&amp;b=2">' in html
    assert items(data)[-1].findtext("link") == "https://example.org/visit?a=1&b=2"


def test_script_links_never_become_links() -> None:
    bad = alert("a", body="Source: x <javascript:alert(1)>", links=("javascript:alert(1)",))
    data = render(bad)
    node = items(data)[0]
    assert node.findtext("link") == INFO.link
    assert "<a " not in (node.findtext("description") or "")


def test_web_link_after_a_script_link_is_used() -> None:
    node = items(render(alert("a", links=("javascript:alert(1)", "https://example.org/ok"))))[0]
    assert node.findtext("link") == "https://example.org/ok"


def test_each_alert_id_appears_once() -> None:
    data = render(alert("a"), alert("a"), alert("b", created=T0 + dt.timedelta(hours=1)))
    assert [node.findtext("guid") for node in items(data)] == ["b", "a"]


def test_control_characters_and_lone_surrogates_are_dropped() -> None:
    data = render(alert("a\x00", title="New:\x0b visit \ud800now", body="line\x1b one\r\nline two\ufffe"))
    node = items(data)[0]
    assert node.findtext("title") == "New: visit now"
    assert node.findtext("guid") == "a"


def test_unicode_and_very_long_text() -> None:
    title = "Визит Путина – राजकीय यात्रा – 🇮🇳🇷🇺 " * 40
    data = render(alert("a", title=title, body=title))
    assert items(data)[0].findtext("title") == title
    assert feedparser.parse(data).entries[0].title == title.strip()


def test_empty_feed_is_valid() -> None:
    channel = etree.fromstring(render()).find("channel")
    assert channel is not None
    assert channel.find("item") is None
    assert channel.find("lastBuildDate") is None


def test_same_input_gives_identical_bytes() -> None:
    assert render(*story()) == render(*story())


def test_input_order_does_not_matter() -> None:
    alerts = story()
    expected = render(*alerts)
    for order in itertools.permutations(alerts):
        assert render(*order) == expected


def test_alerts_at_the_same_moment_are_ordered_by_id() -> None:
    data = render(alert("a"), alert("c"), alert("b"))
    assert [node.findtext("guid") for node in items(data)] == ["c", "b", "a"]


def test_feedparser_reads_guids_and_categories() -> None:
    alerts = story()
    parsed = feedparser.parse(render(*alerts))
    assert parsed.bozo == 0
    assert parsed.version == "rss20"
    newest_first = sorted(alerts, key=lambda a: a.created_at, reverse=True)
    assert [entry.id for entry in parsed.entries] == [a.id for a in newest_first]
    assert [entry.tags[0].term for entry in parsed.entries] == [a.kind for a in newest_first]
    assert all(entry.guidislink is False for entry in parsed.entries)
