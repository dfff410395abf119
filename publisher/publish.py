"""Publishing: the calendars, alert feeds and index page from the stored events and alerts.

Each event's VEVENT is rendered once per change and kept in the store (and in this process), so
a publish joins stored bytes: ten thousand events publish in a fraction of a second, and a
publish after one change renders one event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from publisher import views
from publisher.config import Config
from publisher.errors import PublisherError
from publisher.model import Event, Problem, content_hash
from publisher.render import write_atomic
from publisher.render.html import INDEX_FILE, RECENT_LIMIT, UPCOMING_LIMIT, IndexPage, index_page, render_index
from publisher.render.ics import CalendarInfo, Entry, assemble, block_key, entry
from publisher.render.rss import FeedInfo, render_alerts
from publisher.store import Store, stamp


def in_window(event: Event, config: Config, *, now: dt.datetime) -> bool:
    """The calendar keeps recent and upcoming events, and cancelled ones for a while
    (the same rule as `Store.calendar_rows` applies in the database)."""
    window = config.calendar
    if window.past is not None and event.last_day() < (now - window.past).date():
        return False
    return not (event.status == "cancelled" and window.cancelled is not None
                and event.last_modified < now - window.cancelled)


def calendar_info(config: Config, title: str, name: str) -> CalendarInfo:
    return CalendarInfo(name=title, description=f"Events announced to {title}", url=config.output.base_url + name,
                        timezone=config.timezone, refresh=config.output.ttl, alarm=config.calendar.alarm)


def feed_info(config: Config, title: str, name: str) -> FeedInfo:
    return FeedInfo(title=f"{title} alerts", link=config.output.base_url, self_url=config.output.base_url + name,
                    description=f"New, changed and cancelled events from {title}", ttl=config.output.ttl)


@dataclass
class Listing:
    """What this process knows of one database's calendar, kept between publishes.

    `rows` are the calendar columns of every event as of `revision`; `entries` the VEVENTs read or
    rendered, by uid, with the stored key they belong to. A publish reads only the rows changed
    since (a deletion reloads them all) and only the blocks it does not hold, so after one change
    in ten thousand events it reads one row and one block.
    """

    revision: int = -1
    deleted: int = -1
    rows: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    entries: dict[str, tuple[str, Entry]] = field(default_factory=dict)

    def refresh(self, store: Store) -> None:
        revision, deleted = store.revisions()
        if deleted != self.deleted or self.revision < 0:
            self.rows = {row[0]: row for row in store.calendar_rows()}
        elif revision != self.revision:
            self.rows.update((row[0], row) for row in store.calendar_rows(after=self.revision))
        self.revision, self.deleted = revision, deleted


LISTINGS: dict[str, Listing] = {}


def shown_rows(rows: Iterable[tuple[Any, ...]], config: Config, *, now: dt.datetime) -> list[tuple[Any, ...]]:
    """The window (`in_window`) on calendar rows, comparing their ISO text as stored."""
    window = config.calendar
    since = (now - window.past).date().isoformat() if window.past is not None else ""
    cutoff = stamp(now - window.cancelled) if window.cancelled is not None else ""
    return [r for r in rows if r[1] >= since and not (r[2] == "cancelled" and cutoff and r[3] < cutoff)]


def calendar_entries(config: Config, store: Store, *, now: dt.datetime) -> list[Entry]:
    """The VEVENTs of the events in the window, rendering (and keeping) only those that changed."""
    info = calendar_info(config, config.output.title, "calendar.ics")
    key = block_key(info)
    listing = LISTINGS.setdefault(config.database_url, Listing())
    listing.refresh(store)
    rows = shown_rows(listing.rows.values(), config, now=now)
    stale = [r[0] for r in rows if not r[7] or not r[7].startswith(key + ":")]
    rendered = [entry(e, info) for e in store.events_by_uid(stale)]
    blocks = [{"uid": e.uid, "key": f"{key}:{content_hash(e.block.decode('utf-8', 'replace'))}",
               "sort_key": e.sort_key, "tzid": e.tzid, "ics": e.block,
               "zone_years": f"{e.years[0]}-{e.years[1]}" if e.years else None} for e in rendered]
    store.save_blocks(blocks)
    for block, fresh in zip(blocks, rendered, strict=True):
        old = listing.rows[fresh.uid]
        listing.rows[fresh.uid] = (*old[:4], block["sort_key"], block["tzid"], block["zone_years"], block["key"])
        listing.entries[fresh.uid] = (str(block["key"]), fresh)
    by_uid = {r[0]: listing.rows[r[0]] for r in rows}
    unread = [uid for uid, r in by_uid.items() if listing.entries.get(uid, ("", None))[0] != r[7]]
    for uid, data in store.blocks(unread).items():
        listing.entries[uid] = (by_uid[uid][7], stored_entry(by_uid[uid], data))
    return [listing.entries[uid][1] for uid in by_uid if uid in listing.entries]


def stored_entry(row: tuple[Any, ...], block: bytes) -> Entry:
    years = tuple(int(y) for y in row[6].split("-")) if row[6] else ()
    return Entry(sort_key=row[4], uid=row[0], tzid=row[5], years=(years[0], years[1]) if len(years) == 2 else None,
                 block=block)


def index_page_for(config: Config, store: Store, *, now: dt.datetime) -> IndexPage:
    """The index page of the default calendar: upcoming and recently ended events, every feed.

    Only what the page shows is read (a few hundred events), however many the store holds.
    """
    today = now.date()
    ahead = store.events(since=today, limit=UPCOMING_LIMIT + RECENT_LIMIT)
    horizon = (now - config.calendar.past).date() if config.calendar.past is not None else None
    ended = store.events(since=horizon, before=today, limit=2 * RECENT_LIMIT, latest_first=True)
    kept = [e for e in ahead + ended if in_window(e, config, now=now)]
    newest = [e.last_modified for e in kept] + [a.created_at for a in store.alerts(limit=1)]
    return index_page(config, kept, now=now, updated=max(newest, default=None))


# The last index page this process rendered, by database: most publishes leave the page as it was.
INDEX_CACHE: dict[str, tuple[IndexPage, bytes]] = {}


def index_bytes(config: Config, page: IndexPage) -> bytes:
    cached = INDEX_CACHE.get(config.database_url)
    if cached is not None and cached[0] == page:
        return cached[1]
    data = render_index(page)
    INDEX_CACHE[config.database_url] = (page, data)
    return data


def render_all(config: Config, store: Store, *, now: dt.datetime) -> dict[str, bytes]:
    """Every published file: the default calendar and alerts, then each named view."""
    entries = calendar_entries(config, store, now=now)
    alerts = store.alerts(limit=config.output.max_alerts)
    title = config.output.title
    files = {"calendar.ics": assemble(calendar_info(config, title, "calendar.ics"), entries),
             "alerts.xml": render_alerts(alerts, feed_info(config, title, "alerts.xml")),
             INDEX_FILE: index_bytes(config, index_page_for(config, store, now=now))}
    if not config.views:
        return files
    every_event = store.events()
    every_alert = store.alerts()
    for view in config.views:
        kept = {e.uid for e in views.select(view, every_event)}
        view_title = view.title or view.name
        files[f"{view.name}.ics"] = assemble(calendar_info(config, view_title, f"{view.name}.ics"),
                                             [e for e in entries if e.uid in kept])
        view_alerts = [a for a in every_alert if a.event_uid in kept][: config.output.max_alerts]
        files[f"{view.name}.xml"] = render_alerts(view_alerts, feed_info(config, view_title, f"{view.name}.xml"))
    return files


def publish(config: Config, store: Store, *, now: dt.datetime) -> tuple[list[str], list[Problem]]:
    """Render and write every feed; returns the files written and the problems.

    Unchanged bytes leave a file untouched, so its ETag and Last-Modified stay valid.
    """
    written, problems = [], []
    for name, data in render_all(config, store, now=now).items():
        try:
            if write_atomic(config.output_dir / name, data):
                written.append(name)
        except PublisherError as exc:
            problems.append(Problem(name, str(exc)))
    return written, problems
