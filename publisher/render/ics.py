"""The iCalendar feed, by the rules real calendar apps need (see FEEDS.md in the design notes).

Nothing here reads the clock: DTSTAMP is the event's last change, so the same events always
give the same bytes. Timed events carry their zone with a matching VTIMEZONE, bounded to the
years the events span so the file stays small and stable.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import icalendar

from publisher.model import Event

PRODID = "-//publisher//publisher calendar 1.0//EN"
STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "postponed": "TENTATIVE",
          "cancelled": "CANCELLED"}
DEFAULT_LENGTH = dt.timedelta(hours=1)
RENDER_VERSION = "1"
END = b"END:VCALENDAR\r\n"
MIN_REFRESH = dt.timedelta(minutes=1)
# RFC 5545 TEXT allows no control character but HTAB (newlines are written escaped), and UTF-8
# cannot carry lone surrogates: either would break the file for every client, or the render itself.
NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
WEB_URL = re.compile(r"https?://[^\s]+", re.IGNORECASE)


@dataclass(frozen=True)
class CalendarInfo:
    name: str
    description: str
    url: str | None = None
    timezone: str | None = None
    refresh: dt.timedelta = dt.timedelta(hours=1)
    alarm: dt.timedelta | None = None


def zone_for(event: Event) -> zoneinfo.ZoneInfo | None:
    if not event.timezone:
        return None
    try:
        return zoneinfo.ZoneInfo(event.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def localise(value: dt.datetime, zone: zoneinfo.ZoneInfo | None) -> dt.datetime:
    """In the event's named zone when known (TZID + VTIMEZONE), else in UTC (`Z`).

    Going through UTC turns a wall time that does not exist (inside a spring-forward gap) into
    the real one. The second 01:30 of a fall-back night cannot be written as TZID local time
    (RFC 5545 reads an ambiguous local time as the first one), so that instant is written in UTC.
    """
    moment = value.astimezone(dt.UTC)
    if zone is None:
        return moment
    local = moment.astimezone(zone)
    if local.replace(fold=0).utcoffset() != local.utcoffset():
        return moment
    return local


def timing(event: Event) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND; all-day DTEND is the day after the last day, timed DTEND defaults to an hour."""
    if event.all_day or not isinstance(event.start, dt.datetime):
        start = event.start.date() if isinstance(event.start, dt.datetime) else event.start
        return start, max(event.last_day(), start) + dt.timedelta(days=1)
    zone = zone_for(event)
    start_at = localise(event.start, zone)
    end_at = event.end if isinstance(event.end, dt.datetime) and event.end > event.start else None
    return start_at, localise(end_at, zone) if end_at else start_at + DEFAULT_LENGTH


def text(value: str) -> str:
    """Plain text a content line can carry: CR and CRLF become LF, other control characters go."""
    return NOT_TEXT.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def web_url(url: str | None) -> str | None:
    """Only http(s) links reach a client that makes URL clickable (never `javascript:` from a source)."""
    return url if url and WEB_URL.fullmatch(url) else None


def description(event: Event) -> str:
    lines = []
    if event.status != "scheduled":
        lines.append(f"Status: {event.status}")
    if event.participants:
        lines.append(f"Who: {', '.join(event.participants)}")
    if event.evidence:
        lines.append(f"“{event.evidence.text.strip()}”")
    if event.sources:
        lines.append("Sources:")
        for ref in event.sources:
            label = ref.title or ref.announcement
            if ref.origin:
                label += f" ({ref.origin})"
            when = f" ({ref.published.date().isoformat()})" if ref.published else ""
            url = web_url(ref.url)
            lines.append(f"- {ref.source}: {label}{when}" + (f" {url}" if url else ""))
    return "\n".join(lines)


def vevent(event: Event, info: CalendarInfo) -> icalendar.Event:
    """One VEVENT; DTSTAMP is the last change (not the clock), so unchanged events keep their bytes."""
    start, end = timing(event)
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.last_modified.astimezone(dt.UTC))
    component.add("created", event.first_seen.astimezone(dt.UTC))
    component.add("last-modified", event.last_modified.astimezone(dt.UTC))
    component.add("sequence", event.sequence)
    component.add("summary", text(event.summary))
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("status", STATUS.get(event.status, "CONFIRMED"))
    component.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    if event.location:
        component.add("location", text(event.location))
    if event.category:
        component.add("categories", [text(event.category)])
    notes = text(description(event))
    if notes:
        component.add("description", notes)
    url = next((web_url(ref.url) for ref in event.sources if web_url(ref.url)), None)
    if url:
        component.add("url", url)
    if info.alarm is not None and event.status != "cancelled":
        component.add_component(alarm(event, info.alarm))
    return component


def alarm(event: Event, before: dt.timedelta) -> icalendar.Alarm:
    component = icalendar.Alarm()
    component.add("action", "DISPLAY")
    component.add("description", text(event.summary))
    component.add("trigger", -before)
    return component


def calendar_header(info: CalendarInfo) -> icalendar.Calendar:
    """Calendar properties; the refresh hint goes out in both forms clients read (RFC 7986, Apple/Google)."""
    refresh = max(info.refresh, MIN_REFRESH)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", text(info.name))
    cal.add("x-wr-calname", text(info.name))
    cal.add("description", text(info.description))
    cal.add("x-wr-caldesc", text(info.description))
    if info.timezone:
        cal.add("x-wr-timezone", info.timezone)
    if info.url:
        cal.add("url", info.url)
    cal.add("refresh-interval", icalendar.vDuration(refresh), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(refresh))
    return cal


@dataclass(frozen=True)
class Entry:
    """One event as the calendar file needs it: where it sorts, the zone it uses, its VEVENT bytes.

    Blocks are rendered once per change of the event and kept (see `block_key`), so publishing
    ten thousand events joins bytes instead of building ten thousand icalendar objects.
    """

    sort_key: str
    uid: str
    tzid: str | None
    years: tuple[int, int] | None
    block: bytes


def block_key(info: CalendarInfo) -> str:
    """What a stored VEVENT block depends on besides the event: the renderer and the alarm setting."""
    alarm = "-" if info.alarm is None else str(int(info.alarm.total_seconds()))
    return f"{RENDER_VERSION}:{alarm}"


def vevent_block(event: Event, info: CalendarInfo) -> bytes:
    data: bytes = vevent(event, info).to_ical()
    return data


def zone_use(event: Event) -> tuple[str | None, tuple[int, int] | None]:
    """The TZID a timed event is written with, and the years its times fall in."""
    if event.all_day or not isinstance(event.start, dt.datetime) or zone_for(event) is None:
        return None, None
    years = [m.year for m in (event.start, event.end) if isinstance(m, dt.datetime)]
    return event.timezone, (min(years), max(years))


def entry(event: Event, info: CalendarInfo, block: bytes | None = None) -> Entry:
    tzid, years = zone_use(event)
    return Entry(sort_key(event), event.uid, tzid, years, block if block is not None else vevent_block(event, info))


@lru_cache(maxsize=256)
def timezone_block(tzid: str, first_year: int, last_year: int) -> bytes:
    """A VTIMEZONE covering whole years, so it does not change with every new event."""
    try:
        zone = icalendar.Timezone.from_tzid(tzid, first_date=dt.date(first_year, 1, 1),
                                            last_date=dt.date(last_year + 1, 12, 31))
    except ValueError:
        return b""
    data: bytes = zone.to_ical()
    return data


def header_bytes(info: CalendarInfo) -> bytes:
    data: bytes = calendar_header(info).to_ical()
    return data[: -len(END)]


def assemble(info: CalendarInfo, entries: Iterable[Entry]) -> bytes:
    """The whole .ics: header, one VTIMEZONE per TZID in use (in TZID order, whatever the hash
    seed), then the events by start and UID, so input order never matters."""
    ordered = sorted(entries, key=lambda e: (e.sort_key, e.uid))
    zoned = [e for e in ordered if e.tzid and e.years]
    parts = [header_bytes(info)]
    if zoned:
        first = min(e.years[0] for e in zoned if e.years)
        last = max(e.years[1] for e in zoned if e.years)
        parts.extend(timezone_block(tzid, first, last) for tzid in sorted({e.tzid for e in zoned if e.tzid}))
    parts.extend(e.block for e in ordered)
    parts.append(END)
    return b"".join(parts)


def render_calendar(events: Iterable[Event], info: CalendarInfo) -> bytes:
    """The whole .ics from events, every block rendered now."""
    return assemble(info, (entry(event, info) for event in events))


def sort_key(event: Event) -> str:
    """The start as a UTC instant (all-day: midnight UTC), comparable across zones and kinds."""
    start = event.start
    if isinstance(start, dt.datetime):
        return start.astimezone(dt.UTC).isoformat()
    return dt.datetime.combine(start, dt.time(0), dt.UTC).isoformat()
