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
from dataclasses import dataclass, replace
from functools import lru_cache

from publisher.model import Change, Claim, Detection, Event, Status, When, content_hash

STOP = frozenset((
    "a", "an", "the", "of", "to", "for", "in", "on", "at", "and", "or", "by", "with", "from",
    "as", "is", "be", "will", "its", "his", "her", "their", "this", "that", "into", "over", "after", "before",
    "during", "new", "first", "second", "third", "annual",
))
TOKEN = re.compile(r"[a-z0-9]+")
YEAR = re.compile(r"(19|20)\d\d")
NAME = re.compile(r"\b[A-Z][A-Za-z0-9-]*[A-Za-z0-9]|\b[A-Z]\b")
ACRONYM = re.compile(r"[A-Z0-9&-]{2,}")
# A market closed for a holiday, a summit of ministers who meet: one happening, however it is called.
KINDS = {"closure": "holiday", "summit": "meeting"}
SIGNIFICANT = ("start", "end", "all_day", "location", "status")
MOVE_WINDOW = dt.timedelta(days=120)


def stem(token: str) -> str:
    """A light suffix strip, so "launched", "launches" and "launch" or "strikes" and "strike" agree."""
    if len(token) > 4 and token.endswith("ies"):
        token = token[:-3] + "y"
    elif len(token) > 5 and token.endswith("ing"):
        token = token[:-3]
    elif len(token) > 4 and token.endswith(("ed", "ches", "shes", "xes", "sses", "zes")):
        token = token[:-2]
    elif len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        token = token[:-1]
    return token[:-1] if len(token) > 4 and token.endswith("e") else token


@lru_cache(maxsize=65536)
def text_words(text: str) -> frozenset[str]:
    """Lower-case content words, lightly stemmed."""
    found = set()
    for token in TOKEN.findall(text.lower()):
        if token in STOP or len(token) < 2:
            continue
        found.add(token if token[0].isdigit() or token.endswith("ss") else stem(token))
    return frozenset(found)


def words(*texts: str | None) -> frozenset[str]:
    found: frozenset[str] = frozenset()
    for text in texts:
        if text:
            found |= text_words(text)
    return found


def day(value: When) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def days_of(start: When, end: When | None) -> tuple[dt.date, dt.date]:
    first = day(start)
    last = day(end) if end is not None else first
    return first, max(first, last)


def overlaps(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@lru_cache(maxsize=65536)
def text_names(text: str) -> frozenset[str]:
    """Names that tell one happening from a lookalike: acronyms anywhere, capitalised words after
    the first (a title's first word is capitalised whatever it is)."""
    found = set()
    for match in NAME.finditer(text):
        word = match.group(0)
        if word.lower() in STOP or (match.start() == 0 and not ACRONYM.fullmatch(word)):
            continue
        found.add(stem(word.lower()))
    return frozenset(found)


@dataclass(frozen=True)
class Profile:
    """What identity compares, computed once per event or detection."""

    title: frozenset[str]
    context: frozenset[str]
    names: frozenset[str]
    every: frozenset[str]  # title, context and names together
    places: frozenset[str]
    numbers: frozenset[str]
    span: tuple[dt.date, dt.date]
    original: dt.date | None
    moved: bool
    kind: str | None  # the category, with near-synonyms folded together


def profile(item: Event | Detection) -> Profile:
    title = words(item.summary)
    names = text_names(item.summary).union(*(words(p) for p in item.participants))
    context = words(item.location, item.category, *item.participants)
    return Profile(
        title=title,
        context=context,
        names=names,
        every=title | context | names,
        places=words(item.location),
        numbers=frozenset(t for t in title if t[0].isdigit() and not YEAR.fullmatch(t)),
        span=days_of(item.start, item.end),
        original=day(item.original_start) if item.original_start is not None else None,
        moved=item.status != "scheduled",
        kind=KINDS.get(item.category or "", item.category),
    )


def names_conflict(a: Profile, b: Profile) -> bool:
    """Both name someone or something the other does not, and share no name but places.

    "Leeds v York" and "Leeds v Hull" at the same ground, or two summits in one city hosted by
    different people, are different happenings however alike the rest of the words are.
    """
    if not a.names or not b.names:
        return False
    places = a.places | b.places
    a_only, b_only = a.names - b.every - places, b.names - a.every - places
    if not a_only or not b_only:
        return False
    return not ((a.names & b.every) | (b.names & a.every)) - places


def overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def likeness(a: Profile, b: Profile) -> float:
    """How much two descriptions agree (0..1); numbers that disagree ("22nd" and "23rd") say no."""
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        return 0.0
    title = overlap(a.title, b.title) or 0.0
    context = overlap(a.context, b.context)
    score = title if context is None else 0.7 * title + 0.3 * context
    if score < 0.25 or names_conflict(a, b):  # below every threshold: no need to look at the names
        return 0.0
    return score


def same_event(mine: Profile, theirs: Profile) -> float:
    """A score > 0 when two profiles describe the same happening; 0 when they are different ones.

    The words decide whether it can be the same; how well the dates agree ranks the candidates, so
    a report of the 10th goes to the event of the 10th rather than to a lookalike on the 11th,
    whichever of them was stored first.
    """
    alike = likeness(mine, theirs)
    if mine.span == theirs.span:
        if alike >= 0.34:
            return alike
        if alike >= 0.25 and (mine.names & theirs.names) - mine.places - theirs.places:
            return 0.34  # "Aguiar state visit to Chile" and "Tomás Aguiar talks" on the same three days
        return 0.34 if same_kind_and_place(mine, theirs) else 0.0
    if overlaps(mine.span, theirs.span):
        factor = 0.95 if mine.span[0] == theirs.span[0] else 0.85
        return alike * factor if alike >= 0.34 else 0.0
    originals = [o for o in (mine.original, theirs.original) if o is not None]
    if any(overlaps((o, o), theirs.span) or overlaps((o, o), mine.span) for o in originals):
        return alike * 0.8 if alike >= 0.25 else 0.0
    near = abs(mine.span[0] - theirs.span[0]) <= MOVE_WINDOW
    if (mine.moved or theirs.moved) and near and alike >= 0.6:
        return alike * 0.6
    return 0.0


def same_kind_and_place(a: Profile, b: Profile) -> bool:
    """One kind of happening on the same days in the same place, named differently by two outlets
    ("Exchanges closed" and "NSE closure"), and no name that tells them apart."""
    if a.kind is None or a.kind != b.kind or not a.places or not b.places:
        return False
    return (overlap(a.places, b.places) or 0.0) >= 0.5 and not names_conflict(a, b)


def choose_event(detection: Detection, candidates: Iterable[Event]) -> Event | None:
    """The best-matching event, or None for a new one; ties go to the earliest UID for stability."""
    mine = profile(detection)
    scored = ((same_event(mine, profile(event)), event) for event in candidates)
    return best_of(scored)


def best_of(scored: Iterable[tuple[float, Event]]) -> Event | None:
    best: tuple[float, str] | None = None
    chosen = None
    for score, event in scored:
        if score <= 0:
            continue
        key = (-score, event.uid)
        if best is None or key < best:
            best, chosen = key, event
    return chosen


class Index:
    """Events by day and by title word, so a detection is compared with a few candidates, not all.

    Days cover each event's span and its original date; title words serve moved events, whose new
    date overlaps nothing stored (only the rarer words: a word shared by hundreds of events
    narrows nothing).
    """

    COMMON = 200

    def __init__(self, events: Iterable[Event] = ()) -> None:
        self.events: dict[str, Event] = {}
        self.profiles: dict[str, Profile] = {}
        self.by_day: dict[dt.date, set[str]] = {}
        self.by_word: dict[str, set[str]] = {}
        for event in events:
            self.put(event)

    @staticmethod
    def days(p: Profile) -> list[dt.date]:
        first, last = p.span
        span = [first + dt.timedelta(days=i) for i in range(min((last - first).days, 366) + 1)]
        return span + ([p.original] if p.original is not None else [])

    def put(self, event: Event) -> None:
        self.drop(event.uid)
        p = profile(event)
        self.events[event.uid], self.profiles[event.uid] = event, p
        for d in self.days(p):
            self.by_day.setdefault(d, set()).add(event.uid)
        for word in p.title:
            self.by_word.setdefault(word, set()).add(event.uid)

    def drop(self, uid: str) -> None:
        self.events.pop(uid, None)
        p = self.profiles.pop(uid, None)
        if p is None:
            return
        for d in self.days(p):
            self.by_day.get(d, set()).discard(uid)
        for word in p.title:
            self.by_word.get(word, set()).discard(uid)

    def candidates(self, mine: Profile) -> set[str]:
        """UIDs that could be the same: sharing a day, or a rarer title word when something moved."""
        uids: set[str] = set()
        for d in self.days(mine):
            uids |= self.by_day.get(d, set())
        postings = sorted((self.by_word.get(w, set()) for w in mine.title), key=len)
        for posting in [p for p in postings if len(p) <= self.COMMON] or postings[:1]:
            uids |= {uid for uid in posting if mine.moved or self.profiles[uid].moved}
        return uids

    def choose(self, detection: Detection, exclude: set[str]) -> Event | None:
        """The stored event this detection describes, or None."""
        mine = profile(detection)
        uids = sorted(self.candidates(mine) - exclude)
        return best_of((same_event(mine, self.profiles[uid]), self.events[uid]) for uid in uids)


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
    """The dates of the latest report of a change, or else of the first report; a clock time any
    later report gives for the same start day refines them.

    Outlets repeating an announcement disagree on details (one says "11-14 April", another "until
    April 15"): only a report that says the event moved (rescheduled, postponed, cancelled) moves
    it, so repeats never flip the calendar entry back and forth or alert anyone.
    """
    changes = [i for i, c in enumerate(ordered) if c.detection.status != "scheduled"]
    since = ordered[changes[-1] if changes else 0:]
    chosen = since[0].detection
    if chosen.all_day:
        first_day = day(chosen.start)
        chosen = next((c.detection for c in since if not c.detection.all_day and day(c.detection.start) == first_day),
                      chosen)
    return chosen


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
    """The first stated place, replaced by a report that moves or reschedules the event to another.

    A move report naming the same place in fewer words ("Leeds" for "Civic Hall, Leeds") keeps
    the fuller one; a repeat never moves the event.
    """
    location = None
    for claim in ordered:
        d = claim.detection
        if not d.location:
            continue
        moved = d.status in ("rescheduled", "postponed") and not words(d.location) <= words(location)
        if location is None or moved:
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


def refines_timing(old: Event, new: Event) -> bool:
    """An all-day entry given its clock time on its own first day ("Sat 2 Sep" -> "Sat 2 Sep, 15:00")."""
    if not old.all_day or new.all_day or day(new.start) != day(old.start):
        return False
    old_last = days_of(old.start, old.end)[1]
    return days_of(new.start, new.end)[1] <= old_last


def alert_kind(old: Event | None, new: Event) -> str | None:
    """new, cancelled, postponed or updated; None when nothing people care about changed.

    A place named for the first time, or a clock time given for a day that had none, completes the
    entry (its SEQUENCE still grows, so calendars show it) without an alert: nothing about the
    event changed, another report was just fuller.
    """
    if old is None:
        return "cancelled" if new.status == "cancelled" else "new"
    changes = significant_changes(old, new)
    timed = refines_timing(old, new)
    if all((c.field == "location" and c.old is None) or (timed and c.field in ("start", "end", "all_day"))
           for c in changes):
        return None
    if new.status != old.status and new.status in ("cancelled", "postponed"):
        return new.status
    return "updated"
