"""Alert messages: what people read in a feed reader, a chat room or an email.

Pure: an alert is built from the event's state, the changes and `now`. Ids are derived from
what the alert is about (event, kind, sequence), so a rerun cannot write the same alert twice.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable

from publisher.model import Alert, Change, Event, When, content_hash

HEADINGS = {"new": "New", "updated": "Updated", "postponed": "Postponed", "cancelled": "Cancelled",
            "reminder": "Reminder"}
FIELD_NAMES = {"start": "start", "end": "end", "all_day": "all-day", "location": "place", "status": "status"}


def zone_of(event: Event) -> dt.tzinfo | None:
    if event.timezone:
        try:
            return zoneinfo.ZoneInfo(event.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
    return None


def local(value: When, zone: dt.tzinfo | None) -> When:
    if isinstance(value, dt.datetime) and zone is not None:
        return value.astimezone(zone)
    return value


def format_day(value: dt.date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def format_when(event: Event) -> str:
    """The event's dates in its own zone: `Thu 4 Dec 2025 – Fri 5 Dec 2025` or `Wed 7 Aug 2019, 16:00 EDT`."""
    zone = zone_of(event)
    start, end = local(event.start, zone), local(event.end, zone) if event.end else None
    if not isinstance(start, dt.datetime):
        last = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else start
        return format_day(start) if last == start else f"{format_day(start)} – {format_day(last)}"
    text = f"{format_day(start.date())}, {start:%H:%M}"
    if isinstance(end, dt.datetime):
        text += f"–{end:%H:%M}" if end.date() == start.date() else f" – {format_day(end.date())}, {end:%H:%M}"
    label = start.tzname() or ""
    if event.timezone and event.timezone != label:
        label = f"{label} ({event.timezone})" if label else event.timezone
    return f"{text} {label}".strip()


def title_for(kind: str, event: Event) -> str:
    bits = [event.summary, format_when(event)]
    if event.location:
        bits.append(event.location)
    return f"{HEADINGS[kind]}: " + " · ".join(bits)


def describe_change(change: Change) -> str:
    name = FIELD_NAMES.get(change.field, change.field)
    return f"{name}: {change.old or '(none)'} → {change.new or '(none)'}"


def body_for(kind: str, event: Event, changes: Iterable[Change] = ()) -> str:
    """Plain text, one fact a line; the renderers escape it."""
    lines = [f"What: {event.summary}", f"When: {format_when(event)}"]
    if event.location:
        lines.append(f"Where: {event.location}")
    if event.participants:
        lines.append(f"Who: {', '.join(event.participants)}")
    if event.status != "scheduled":
        lines.append(f"Status: {event.status}")
    changed = [describe_change(c) for c in changes]
    if changed:
        lines.append("Changed: " + "; ".join(changed))
    if event.evidence:
        lines.append(f"Quote: “{event.evidence.text.strip()}”")
    for ref in event.sources:
        label = ref.title or ref.announcement
        if ref.origin:
            label += f" ({ref.origin})"
        lines.append(f"Source: {ref.source} – {label}" + (f" <{ref.url}>" if ref.url else ""))
    return "\n".join(lines)


def make_alert(kind: str, event: Event, changes: Iterable[Change], *, now: dt.datetime, tag: str = "") -> Alert:
    changes = tuple(changes)
    ident = content_hash(event.uid, kind, tag or str(event.sequence))
    return Alert(id=f"{ident}@publisher", event_uid=event.uid, kind=kind,  # type: ignore[arg-type]
                 created_at=now, title=title_for(kind, event), body=body_for(kind, event, changes),
                 changes=changes, links=tuple(r.url for r in event.sources if r.url))


def start_moment(event: Event) -> dt.datetime:
    """When the event begins, as an aware datetime (all-day: midnight in its zone, else UTC)."""
    if isinstance(event.start, dt.datetime):
        return event.start
    return dt.datetime.combine(event.start, dt.time(0), zone_of(event) or dt.UTC)


def due_reminders(events: Iterable[Event], offsets: Iterable[dt.timedelta], *, now: dt.datetime) -> list[Alert]:
    """Reminders whose time has come and whose event has not begun.

    A run after downtime still writes a reminder it missed, as long as the event is ahead; the id
    names the offset and the start, so each is written once, and again only if the event moves.
    """
    found = []
    for event in events:
        if event.status == "cancelled":
            continue
        begins = start_moment(event)
        for offset in offsets:
            if begins - offset <= now < begins:
                tag = f"reminder:{offset.total_seconds():.0f}:{event.start.isoformat()}"
                found.append(make_alert("reminder", event, (), now=now, tag=tag))
                break
    return found
