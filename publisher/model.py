"""The values that flow between stages.

Plain frozen dataclasses with no I/O, so that every stage can be tested on its own and the
pipeline can compare, hash and sort them. Datetimes are always timezone-aware; dates stand for
all-day values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

When = dt.date | dt.datetime
Status = Literal["scheduled", "postponed", "cancelled", "rescheduled"]
AlertKind = Literal["new", "updated", "postponed", "cancelled", "reminder"]

STATUSES: tuple[Status, ...] = ("scheduled", "postponed", "cancelled", "rescheduled")
ALERT_KINDS: tuple[AlertKind, ...] = ("new", "updated", "postponed", "cancelled", "reminder")


def content_hash(*parts: str | None) -> str:
    """A short, stable digest: identical inputs must give identical outputs across runs."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class Announcement:
    """One published text that may announce events (a file, a feed entry, a page).

    `published` is the reference for relative dates ("on Friday"); `published_basis` says where it
    came from (front-matter, feed, page, mtime, fetched) so that a guessed reference can be reported.
    """

    source: str
    id: str
    text: str
    published: dt.datetime | None
    fetched_at: dt.datetime
    url: str | None = None
    title: str | None = None
    published_basis: str = "unknown"
    timezone: str | None = None
    dayfirst: bool | None = None
    origin: str | None = None

    @property
    def hash(self) -> str:
        return content_hash(self.source, self.id, self.url, self.title, self.origin, self.text,
                            self.published.isoformat() if self.published else None)

    @property
    def key(self) -> str:
        return f"{self.source}:{self.id}"


@dataclass(frozen=True)
class Evidence:
    """The sentence that states the event, with character offsets into the announcement text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A date or time expression found in a text, and what the detector made of it.

    `value` is TIMEX3-style ("2025-12-04", "2025-12", "2025-12-04T10:00"); `reason` says why an
    unused mention was dropped (past, vague, not an event, ...).
    """

    start: int
    end: int
    text: str
    value: str | None
    used: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class Detection:
    """One scheduled happening found in one announcement.

    For all-day events `start` and `end` are dates and `end` is the last day, inclusive; for timed
    events they are aware datetimes and `end` may be None.
    """

    summary: str
    start: When
    end: When | None
    all_day: bool
    timezone: str | None = None
    location: str | None = None
    participants: tuple[str, ...] = ()
    category: str | None = None
    status: Status = "scheduled"
    original_start: When | None = None
    confidence: float = 0.5
    evidence: Evidence | None = None


@dataclass(frozen=True)
class DetectResult:
    events: tuple[Detection, ...]
    mentions: tuple[Mention, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceRef:
    """An announcement that supports an event, as the feeds link to it (`origin`: the outlet)."""

    source: str
    announcement: str
    title: str | None
    url: str | None
    published: dt.datetime | None
    origin: str | None = None


@dataclass(frozen=True)
class Claim:
    """A detection together with the announcement that made it: one report about one event."""

    detection: Detection
    ref: SourceRef

    @property
    def order(self) -> tuple[str, str]:
        """Publication order (then source and id): the order in which reports are folded."""
        published = self.ref.published.astimezone(dt.UTC).isoformat() if self.ref.published else ""
        return published, f"{self.ref.source}:{self.ref.announcement}"


@dataclass(frozen=True)
class Event:
    """A calendar entry: the current state of one real-world happening."""

    uid: str
    sequence: int
    summary: str
    start: When
    end: When | None
    all_day: bool
    first_seen: dt.datetime
    last_modified: dt.datetime
    timezone: str | None = None
    location: str | None = None
    participants: tuple[str, ...] = ()
    category: str | None = None
    status: Status = "scheduled"
    original_start: When | None = None
    confidence: float = 0.5
    evidence: Evidence | None = None
    sources: tuple[SourceRef, ...] = ()

    def last_day(self) -> dt.date:
        """The last day the event covers, in its own terms (all-day: inclusive)."""
        end = self.end or self.start
        return end if not isinstance(end, dt.datetime) else end.date()


@dataclass(frozen=True)
class Change:
    """One field that moved from `old` to `new`, as text for people."""

    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Alert:
    """A message for people about an event: new, updated, postponed, cancelled or reminder."""

    id: str
    event_uid: str
    kind: AlertKind
    created_at: dt.datetime
    title: str
    body: str
    changes: tuple[Change, ...] = ()
    links: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Problem:
    """Something that went wrong with one item while the rest went on."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
