"""The iCalendar feed, by the rules real calendar apps need (see FEEDS.md in the design notes).

Nothing here reads the clock: DTSTAMP is the event's last change, so the same events always
give the same bytes. Timed events carry their zone with a matching VTIMEZONE, bounded to the
years the events span so the file stays small and stable.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar

from publisher.model import Event

PRODID = "-//publisher//publisher calendar 1.0//EN"
STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "postponed": "TENTATIVE",
          "cancelled": "CANCELLED"}
DEFAULT_LENGTH = dt.timedelta(hours=1)


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
    """In the event's named zone when known (TZID + VTIMEZONE), else in UTC (`Z`)."""
    return value.astimezone(zone) if zone is not None else value.astimezone(dt.UTC)


def timing(event: Event) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND; all-day DTEND is the day after the last day, timed DTEND defaults to an hour."""
    if event.all_day or not isinstance(event.start, dt.datetime):
        start = event.start.date() if isinstance(event.start, dt.datetime) else event.start
        return start, event.last_day() + dt.timedelta(days=1)
    zone = zone_for(event)
    start_at = localise(event.start, zone)
    end_at = event.end if isinstance(event.end, dt.datetime) and event.end > event.start else None
    return start_at, localise(end_at, zone) if end_at else start_at + DEFAULT_LENGTH


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
            lines.append(f"- {ref.source}: {label}{when}" + (f" {ref.url}" if ref.url else ""))
    return "\n".join(lines)


def vevent(event: Event, info: CalendarInfo) -> icalendar.Event:
    start, end = timing(event)
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.last_modified.astimezone(dt.UTC))
    component.add("created", event.first_seen.astimezone(dt.UTC))
    component.add("last-modified", event.last_modified.astimezone(dt.UTC))
    component.add("sequence", event.sequence)
    component.add("summary", event.summary)
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("status", STATUS.get(event.status, "CONFIRMED"))
    component.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    if event.location:
        component.add("location", event.location)
    if event.category:
        component.add("categories", [event.category])
    text = description(event)
    if text:
        component.add("description", text)
    url = next((ref.url for ref in event.sources if ref.url), None)
    if url:
        component.add("url", url)
    if info.alarm is not None and event.status != "cancelled":
        component.add_component(alarm(event, info.alarm))
    return component


def alarm(event: Event, before: dt.timedelta) -> icalendar.Alarm:
    component = icalendar.Alarm()
    component.add("action", "DISPLAY")
    component.add("description", event.summary)
    component.add("trigger", -before)
    return component


def calendar_header(info: CalendarInfo) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", info.name)
    cal.add("x-wr-calname", info.name)
    cal.add("description", info.description)
    cal.add("x-wr-caldesc", info.description)
    if info.timezone:
        cal.add("x-wr-timezone", info.timezone)
    if info.url:
        cal.add("url", info.url)
    cal.add("refresh-interval", info.refresh, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(info.refresh))
    return cal


def year_span(events: list[Event]) -> tuple[dt.date, dt.date]:
    """Whole years around the timed events, so VTIMEZONE does not change with every new event."""
    days = [e.start.date() for e in events if isinstance(e.start, dt.datetime)]
    return dt.date(min(days).year, 1, 1), dt.date(max(days).year + 1, 12, 31)


def render_calendar(events: Iterable[Event], info: CalendarInfo) -> bytes:
    """The whole .ics as bytes: events sorted by start then UID, so input order never matters."""
    ordered = sorted(events, key=lambda e: (sort_key(e), e.uid))
    cal = calendar_header(info)
    for event in ordered:
        cal.add_component(vevent(event, info))
    if any(isinstance(e.start, dt.datetime) and zone_for(e) for e in ordered):
        first, last = year_span(ordered)
        cal.add_missing_timezones(first_date=first, last_date=last)
    data: bytes = cal.to_ical()
    return data


def sort_key(event: Event) -> str:
    start = event.start
    if isinstance(start, dt.datetime):
        return start.astimezone(dt.UTC).isoformat()
    return dt.datetime.combine(start, dt.time(0), dt.UTC).isoformat()
