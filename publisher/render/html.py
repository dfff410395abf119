"""The HTML index: upcoming events and a subscribe link for every calendar and alert feed.

Server-rendered and self-contained (the stylesheet is inlined, no script, no outside request), so
it works without JavaScript and a static host can serve the written `index.html` as it is. Every
piece of text from a source is escaped, and only http(s) links become hrefs: an announcement's
markup must never reach the page. Like the other renderers it is a pure function from values to
bytes with no clock in it, so the page is byte-stable while its events do not change.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.resources
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from publisher.alerts import format_when
from publisher.model import Event, SourceRef

INDEX_FILE = "index.html"

STATUS_LABELS = {"scheduled": "scheduled", "postponed": "postponed", "cancelled": "cancelled",
                 "rescheduled": "rescheduled"}
LINK_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class FeedLinks:
    """One calendar and its alert feed, by file name."""

    title: str
    calendar: str
    alerts: str


@dataclass(frozen=True)
class IndexPage:
    """What the page shows. `base_url` is where the feeds are (ends with `/`)."""

    title: str
    base_url: str
    feeds: Sequence[FeedLinks]
    events: Sequence[Event]
    updated: dt.datetime | None = None
    past: Sequence[Event] = field(default_factory=tuple)
    notes: Sequence[str] = field(default_factory=tuple)


def feed_links(config: Any) -> list[FeedLinks]:
    """Every published calendar with its alert feed, the default first (names as the pipeline writes them)."""
    links = [FeedLinks(config.output.title, "calendar.ics", "alerts.xml")]
    links.extend(FeedLinks(v.title or v.name, f"{v.name}.ics", f"{v.name}.xml") for v in config.views)
    return links


def index_page(config: Any, events: Iterable[Event], *, now: dt.datetime,
               updated: dt.datetime | None = None) -> IndexPage:
    """The page for the events the default calendar holds (`events`: already in its window) as of `now`."""
    kept = list(events)
    return IndexPage(title=config.output.title, base_url=config.output.base_url, feeds=tuple(feed_links(config)),
                     events=tuple(upcoming(kept, now=now)), updated=updated, past=tuple(recent(kept, now=now)))


def esc(text: object) -> str:
    """Escape for text and attribute values alike (quotes included)."""
    return html.escape(str(text), quote=True)


def web_url(url: str | None) -> str | None:
    """A link that may become an href: http(s) only, so no `javascript:` or `data:` reaches the page."""
    if not url:
        return None
    return url if urllib.parse.urlsplit(url.strip()).scheme.lower() in LINK_SCHEMES else None


def webcal_url(url: str) -> str:
    """The `webcal://` form of an http(s) URL: what iOS and macOS open as a subscription."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(("webcal", *parts[1:]))


def stylesheet() -> str:
    return importlib.resources.files("publisher.render").joinpath("index.css").read_text(encoding="utf-8")


def feed_card(feed: FeedLinks, base_url: str) -> str:
    calendar = base_url + urllib.parse.quote(feed.calendar)
    alerts = base_url + urllib.parse.quote(feed.alerts)
    return (
        "<li>"
        f"<h3>{esc(feed.title)}</h3>"
        '<p class="links">'
        f'<a class="button primary" href="{esc(webcal_url(calendar))}">Subscribe (webcal)</a>'
        f'<a class="button" href="{esc(calendar)}">Calendar (.ics)</a>'
        f'<a class="button" href="{esc(alerts)}">Alerts (RSS)</a>'
        "</p>"
        f'<p class="url">Calendar URL: <code>{esc(calendar)}</code><br>Alerts URL: <code>{esc(alerts)}</code></p>'
        "</li>"
    )


def source_item(ref: SourceRef) -> str:
    label = ref.title or ref.announcement
    if ref.origin:
        label = f"{label} ({ref.origin})"
    url = web_url(ref.url)
    body = f'<a href="{esc(url)}" rel="nofollow noopener">{esc(label)}</a>' if url else esc(label)
    return f"<li>{body} <small>· {esc(ref.source)}</small></li>"


def event_item(event: Event, *, ended: bool = False) -> str:
    status = STATUS_LABELS.get(event.status, "scheduled")
    if ended and status == "scheduled":
        status = "ended"
    rows = [("When", esc(format_when(event)))]
    if event.location:
        rows.append(("Where", esc(event.location)))
    if event.participants:
        rows.append(("Who", esc(", ".join(event.participants))))
    if event.sources:
        rows.append(("Sources", '<ul class="sources">' + "".join(source_item(r) for r in event.sources) + "</ul>"))
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (
        f'<li class="event {status}" id="event-{esc(event.uid)}">'
        f'<h3><span class="summary">{esc(event.summary)}</span><span class="status {status}">{status}</span></h3>'
        f"<dl>{details}</dl>"
        "</li>"
    )


def events_section(events: Sequence[Event]) -> str:
    if not events:
        return '<p class="empty">No upcoming events yet. Subscribe and they will appear as they are announced.</p>'
    return '<ol class="events">' + "".join(event_item(e) for e in events) + "</ol>"


def past_section(events: Sequence[Event]) -> str:
    """Recently ended events still in the calendar, newest first; nothing when there are none."""
    if not events:
        return ""
    items = "".join(event_item(e, ended=True) for e in events)
    return (f'<section aria-labelledby="past"><h2 id="past">Recently ended ({len(events)})</h2>'
            f'<ol class="events past">{items}</ol></section>\n')


def footer(page: IndexPage) -> str:
    parts = ["Published by publisher."]
    if page.updated is not None:
        moment = page.updated.astimezone(dt.UTC).strftime("%a %d %b %Y, %H:%M UTC")
        parts.append(f"Last change: {esc(moment)}.")
    parts.extend(esc(note) for note in page.notes)
    return "<footer><p>" + " ".join(parts) + "</p></footer>"


def render_index(page: IndexPage) -> bytes:
    """The whole page as UTF-8 bytes."""
    feeds = "".join(feed_card(f, page.base_url) for f in page.feeds)
    count = len(page.events)
    heading = f"Upcoming events ({count})" if count else "Upcoming events"
    document = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(page.title)}</title>\n"
        f'<link rel="alternate" type="application/rss+xml" title="{esc(page.title)} alerts" '
        f'href="{esc(page.base_url + "alerts.xml")}">\n'
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n<main>\n"
        f"<header><h1>{esc(page.title)}</h1>"
        "<p>Scheduled events detected in announcements, as a calendar to subscribe to and a feed of alerts.</p>"
        "</header>\n"
        f'<section aria-labelledby="subscribe"><h2 id="subscribe">Subscribe</h2><ul class="feeds">{feeds}</ul>'
        "</section>\n"
        f'<section aria-labelledby="upcoming"><h2 id="upcoming">{heading}</h2>{events_section(page.events)}'
        "</section>\n"
        f"{past_section(page.past)}"
        f"{footer(page)}\n</main>\n</body>\n</html>\n"
    )
    return document.encode("utf-8")


UPCOMING_LIMIT = 200  # events the page lists ahead
RECENT_LIMIT = 20  # and recently ended


def upcoming(events: Iterable[Event], *, now: dt.datetime, limit: int = UPCOMING_LIMIT) -> list[Event]:
    """Events that have not ended as of `now`, soonest first (cancelled ones too, marked as such)."""
    today = now.date()
    kept = [e for e in events if e.last_day() >= today]
    kept.sort(key=lambda e: (sort_moment(e), e.uid))
    return kept[:limit]


def recent(events: Iterable[Event], *, now: dt.datetime, limit: int = RECENT_LIMIT) -> list[Event]:
    """Events that have ended as of `now`, the latest first."""
    today = now.date()
    ended = [e for e in events if e.last_day() < today]
    ended.sort(key=lambda e: (sort_moment(e), e.uid), reverse=True)
    return ended[:limit]


def sort_moment(event: Event) -> str:
    start = event.start
    if isinstance(start, dt.datetime):
        return start.astimezone(dt.UTC).isoformat()
    return dt.datetime.combine(start, dt.time(0), dt.UTC).isoformat()
