"""Identity and change decisions: which event a detection belongs to, and what changed.

Pure functions with `now` passed in, no I/O, so every rule can be tested with plain values.

The model: every detection an announcement makes is a *claim* about one event. An event's state
is a fold of its claims in publication order, so the result does not depend on the order in
which announcements are read: an older report read late lands before the newer ones and cannot
undo them. Alerts come from comparing an event's state before and after a run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from publisher.model import Change, Claim, Detection, Event, Status, When, content_hash

STOP = frozenset((
    "a", "an", "the", "of", "to", "for", "in", "on", "at", "and", "or", "by", "with", "from",
    "as", "is", "be", "will", "its", "his", "her", "their", "this", "that", "into", "over", "after", "before",
    "during", "new", "first", "second", "third", "annual",
))
SIGNIFICANT = ("start", "end", "all_day", "location", "status")
MOVE_WINDOW = dt.timedelta(days=120)


def words(*texts: str | None) -> set[str]:
    found: set[str] = set()
    for text in texts:
        found.update(t for t in re.findall(r"[a-z0-9]+", (text or "").lower()) if t not in STOP and len(t) > 1)
    return found


def day(value: When) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def days_of(start: When, end: When | None) -> tuple[dt.date, dt.date]:
    first = day(start)
    last = day(end) if end is not None else first
    return first, max(first, last)


def overlaps(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def likeness(detection: Detection, event: Event) -> float:
    """How much the words of two descriptions agree (0..1): title, place, people and category."""
    mine = words(detection.summary, detection.location, detection.category, *detection.participants)
    theirs = words(event.summary, event.location, event.category, *event.participants)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / min(len(mine), len(theirs))


def same_event(detection: Detection, event: Event) -> float:
    """A score > 0 when the detection describes the stored event; 0 when it is another one."""
    mine = days_of(detection.start, detection.end)
    theirs = days_of(event.start, event.end)
    alike = likeness(detection, event)
    if overlaps(mine, theirs):
        return alike if alike >= 0.34 else 0.0
    originals = [o for o in (detection.original_start, event.original_start) if o is not None]
    if any(overlaps(days_of(o, None), theirs) or overlaps(days_of(o, None), mine) for o in originals):
        return alike if alike >= 0.25 else 0.0
    moved = detection.status != "scheduled" or event.status != "scheduled"
    near = abs(mine[0] - theirs[0]) <= MOVE_WINDOW
    if moved and near and alike >= 0.6:
        return alike * 0.9
    return 0.0


def choose_event(detection: Detection, candidates: Iterable[Event]) -> Event | None:
    """The best-matching event, or None for a new one; ties go to the earliest UID for stability."""
    best: tuple[float, str] | None = None
    chosen = None
    for event in candidates:
        score = same_event(detection, event)
        if score <= 0:
            continue
        key = (-score, event.uid)
        if best is None or key < best:
            best, chosen = key, event
    return chosen


class Index:
    """Events by day and by title word, so a detection is compared with a few candidates, not all.

    Days cover each event's span and its original date; words serve moved events, whose new date
    overlaps nothing stored.
    """

    def __init__(self, events: Iterable[Event] = ()) -> None:
        self.events: dict[str, Event] = {}
        self.by_day: dict[dt.date, set[str]] = {}
        self.by_word: dict[str, set[str]] = {}
        for event in events:
            self.put(event)

    @staticmethod
    def days(event: Event | Detection) -> list[dt.date]:
        first, last = days_of(event.start, event.end)
        span = [first + dt.timedelta(days=i) for i in range(min((last - first).days, 366) + 1)]
        if event.original_start is not None:
            span.append(day(event.original_start))
        return span

    def put(self, event: Event) -> None:
        self.drop(event.uid)
        self.events[event.uid] = event
        for d in self.days(event):
            self.by_day.setdefault(d, set()).add(event.uid)
        for word in words(event.summary):
            self.by_word.setdefault(word, set()).add(event.uid)

    def drop(self, uid: str) -> None:
        old = self.events.pop(uid, None)
        if old is None:
            return
        for d in self.days(old):
            self.by_day.get(d, set()).discard(uid)
        for word in words(old.summary):
            self.by_word.get(word, set()).discard(uid)

    def candidates(self, detection: Detection) -> list[Event]:
        """Events that could be the same: sharing a day, or a title word when something moved."""
        uids: set[str] = set()
        for d in self.days(detection):
            uids |= self.by_day.get(d, set())
        for word in words(detection.summary):
            for uid in self.by_word.get(word, ()):
                event = self.events[uid]
                if detection.status != "scheduled" or event.status != "scheduled":
                    uids.add(uid)
        return [self.events[uid] for uid in sorted(uids)]


def new_uid(claim: Claim, position: int) -> str:
    """Derived from the announcing claim, never random, so a replay gives the same UID."""
    digest = content_hash(claim.ref.source, claim.ref.announcement, str(position),
                          claim.detection.start.isoformat(), claim.detection.summary)
    return f"{digest[:24]}@publisher"


def fold(uid: str, claims: Sequence[Claim], previous: Event | None, *, now: dt.datetime) -> Event:
    """The event's state from all its claims, read in publication order."""
    ordered = sorted(claims, key=lambda c: c.order)
    first, latest = ordered[0].detection, ordered[-1].detection
    timing = pick_timing(ordered)
    status = pick_status(ordered)
    location = pick_location(ordered)
    state = Event(
        uid=uid,
        sequence=previous.sequence if previous else 0,
        summary=first.summary,
        start=timing.start,
        end=timing.end,
        all_day=timing.all_day,
        timezone=timing.timezone,
        location=location,
        participants=tuple(dict.fromkeys(p for c in ordered for p in c.detection.participants)),
        category=first.category or latest.category,
        status=status,
        original_start=pick_original(ordered, timing),
        confidence=max(c.detection.confidence for c in ordered),
        evidence=latest.evidence,
        first_seen=previous.first_seen if previous else now,
        last_modified=previous.last_modified if previous else now,
        sources=tuple(dict.fromkeys(c.ref for c in ordered)),
    )
    if previous is not None and significant_changes(previous, state):
        state = replace(state, sequence=previous.sequence + 1, last_modified=now)
    elif previous is not None and state != previous:
        state = replace(state, last_modified=previous.last_modified)
    return state


def pick_timing(ordered: Sequence[Claim]) -> Detection:
    """The latest claim's dates, keeping an earlier clock time for the same day(s).

    A later report that only names the day must not erase a start time another report gave.
    """
    latest = ordered[-1].detection
    if not latest.all_day:
        return latest
    span = days_of(latest.start, latest.end)
    for claim in reversed(ordered[:-1]):
        d = claim.detection
        if not d.all_day and day(d.start) == span[0]:
            return d
    return latest


def pick_status(ordered: Sequence[Claim]) -> Status:
    """The latest claim's status; a cancellation stands unless a later claim gives a new date."""
    status = ordered[0].detection.status
    dates = days_of(ordered[0].detection.start, ordered[0].detection.end)
    for claim in ordered[1:]:
        d = claim.detection
        new_dates = days_of(d.start, d.end)
        if status == "cancelled" and d.status == "scheduled" and new_dates == dates:
            continue
        status, dates = d.status, new_dates
    return status


def pick_location(ordered: Sequence[Claim]) -> str | None:
    """The first stated place, replaced only by a later claim that moves or reschedules the event."""
    location = None
    for claim in ordered:
        d = claim.detection
        if not d.location:
            continue
        if location is None or (d.status in ("rescheduled", "postponed") and not words(d.location) & words(location)):
            location = d.location
    return location


def pick_original(ordered: Sequence[Claim], timing: Detection) -> When | None:
    """Where the event was first set, once it has moved."""
    for claim in ordered:
        if claim.detection.original_start is not None:
            return claim.detection.original_start
    first = ordered[0].detection
    return first.start if day(first.start) != day(timing.start) else None


def significant_changes(old: Event, new: Event) -> list[Change]:
    """Changes people are told about and calendars must see (SEQUENCE grows)."""
    changes = []
    for name in SIGNIFICANT:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(Change(name, describe(before), describe(after)))
    return changes


def describe(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def alert_kind(old: Event | None, new: Event) -> str | None:
    """new, cancelled, postponed or updated; None when nothing people care about changed."""
    if old is None:
        return "cancelled" if new.status == "cancelled" else "new"
    if not significant_changes(old, new):
        return None
    if new.status != old.status and new.status in ("cancelled", "postponed"):
        return new.status
    return "updated"
