"""One pass: read sources, detect, merge, store, alert, publish.

The only module that wires the stages together; stages never import each other. `now` is passed
in, so a pass is reproducible and an archive can be replayed as of any day. Errors of one source
or one item are recorded as problems and the pass goes on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from publisher import alerts as alerts_module
from publisher import merge
from publisher import publish as publishing
from publisher.config import Config
from publisher.detect import DETECTOR_VERSION, detect
from publisher.errors import SourceError
from publisher.model import Alert, Announcement, Claim, DetectResult, Event, Problem, SourceRef
from publisher.sources import Harvest, reader
from publisher.store import Store

if TYPE_CHECKING:
    from publisher.deliver import DeliveryReport

log = logging.getLogger(__name__)
BULK = 200  # announcements in one pass above which all claims are read in one query


class Progress(Protocol):
    def start(self, label: str, total: int) -> None: ...
    def advance(self, detail: str = "") -> None: ...
    def note(self, message: str) -> None: ...


class Silent:
    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, detail: str = "") -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass
class RunReport:
    sources: int = 0
    announcements: int = 0
    changed_announcements: int = 0
    new_events: int = 0
    updated_events: int = 0
    unchanged_events: int = 0
    alerts: list[Alert] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    deliveries: DeliveryReport | None = None


@dataclass
class Working:
    """Events as this pass leaves them, beside their state when it began (for diffs).

    Claims are loaded once per touched event and kept here, so folding an event again after each
    new report costs no query.
    """

    before: dict[str, Event]
    index: merge.Index
    claims: dict[str, list[Claim]] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)
    complete: bool = False  # every stored claim is already in `claims`

    def claims_of(self, store: Store, uids: Iterable[str]) -> None:
        missing = [uid for uid in uids if uid not in self.claims]
        if missing and not self.complete:
            self.claims.update(store.claims_for(missing))


def run_once(config: Config, store: Store, *, now: dt.datetime, progress: Progress | None = None,
             only: Iterable[str] | None = None, deliveries: bool = True) -> RunReport:
    """One pass over every enabled source (or only the named ones); returns what happened.

    `only=[]` reads no source and just writes due reminders and the feeds, which is what a
    scheduler runs between polls. `deliveries=False` leaves sending to a scheduler's own worker.
    """
    progress = progress or Silent()
    report = RunReport()
    fresh, cursors = harvest_all(config, store, now=now, report=report, progress=progress, only=only)
    merge_announcements(fresh, store, now=now, report=report, progress=progress, config=config)
    for name, cursor in cursors.items():  # only now: a pass that died before merging polls again in full
        store.record_poll(name, now=now, cursor=cursor)
    remind(config, store, now=now, report=report)
    publish(config, store, now=now, report=report)
    if deliveries:
        send_due(config, store, now=now, report=report)
    return report


def send_due(config: Config, store: Store, *, now: dt.datetime, report: RunReport) -> None:
    """Deliver the webhooks and notifications that are due, last, so a slow receiver delays no feed."""
    if not store.any_delivery_due(now):
        return
    from publisher import deliver  # the HTTP clients load only for a pass that sends

    report.deliveries = deliver.deliver_due(config, store, now=now)
    report.problems.extend(report.deliveries.problems)
    report.notes.extend(report.deliveries.notes)


def harvest_all(config: Config, store: Store, *, now: dt.datetime, report: RunReport, progress: Progress,
                only: Iterable[str] | None = None) -> tuple[list[Announcement], dict[str, dict[str, Any]]]:
    """Read every enabled source (or the named ones).

    Returns the announcements that are new, changed, or were last read by an older detector
    (those behind a 304 come from the store), and each source's next cursor.
    """
    wanted = None if only is None else set(only)
    sources = [s for s in config.sources if s.enabled and (wanted is None or s.name in wanted)]
    progress.start("reading sources", len(sources))
    fresh: dict[str, Announcement] = {}
    cursors: dict[str, dict[str, Any]] = {}
    for source in sources:
        harvest = harvest_one(source, config, store, now=now, report=report)
        progress.advance(source.name)
        if harvest is None:
            continue
        cursors[source.name] = harvest.state
        known = store.announcement_versions(source.name)
        for item in harvest.announcements:
            report.announcements += 1
            if known.get(item.key) != (item.hash, DETECTOR_VERSION):
                fresh[item.key] = item
    for item in store.stale_announcements(cursors, DETECTOR_VERSION):
        fresh.setdefault(item.key, item)
    report.sources = len(sources)
    return list(fresh.values()), cursors


def harvest_one(source: Any, config: Config, store: Store, *, now: dt.datetime,
                report: RunReport) -> Harvest | None:
    """Read one source; a failure is recorded against it and the pass goes on."""
    try:
        harvest = reader(source.kind)(source, config=config, state=store.source_cursor(source.name), now=now)
    except SourceError as exc:
        report.problems.append(Problem(source.name, str(exc)))
        store.record_poll(source.name, now=now, error=str(exc))
        return None
    except Exception as exc:  # a bug in one reader must not stop the other sources
        log.exception("source %s failed", source.name)
        report.problems.append(Problem(source.name, f"unexpected {exc.__class__.__name__}: {exc}"))
        store.record_poll(source.name, now=now, error=f"{exc.__class__.__name__}: {exc}")
        return None
    report.problems.extend(harvest.problems)
    report.notes.extend(harvest.notes)
    return harvest


def reading_order(item: Announcement) -> tuple[str, str]:
    """Publication order, then key: the same set of announcements always merges the same way."""
    return (item.published.astimezone(dt.UTC).isoformat() if item.published else "", item.key)


def merge_announcements(fresh: list[Announcement], store: Store, *, now: dt.datetime, report: RunReport,
                        progress: Progress, config: Config) -> None:
    """Detect events in each new or changed announcement and fold them into the stored events.

    Reads and writes go to the database in batches (claims of every fresh announcement up front,
    announcements, claims and events at the end), so a pass costs a few statements, not several
    per announcement.
    """
    if not fresh:
        report.unchanged_events = store.count_events()
        return
    before = {e.uid: e for e in store.events()}
    working = Working(before=before, index=merge.Index(before.values()))
    if len(fresh) > BULK:  # many reports: read every claim at once rather than event by event
        working.claims, working.complete = store.claims_for(None), True
    ordered = sorted(fresh, key=reading_order)
    previous = store.claims_of_many(item.key for item in ordered)
    replaced: dict[str, tuple[dt.datetime | None, list[tuple[str, Claim]]]] = {}
    progress.start("detecting events", len(ordered))
    with store.transaction():
        for item in ordered:
            progress.advance(item.id)
            try:
                result = detect(item, now=now)
            except Exception as exc:  # a detector bug on one text must not stop the others
                log.exception("detecting events in %s failed", item.key)
                report.problems.append(Problem(item.key, f"detection failed: {exc.__class__.__name__}: {exc}; "
                                                         "it is read again on the next run"))
                continue
            replaced[item.key] = (item.published, merge_one(item, result, previous[item.key], store, working,
                                                            now=now))
        store.save_announcements([item for item in ordered if item.key in replaced], DETECTOR_VERSION)
        store.replace_claims_many(replaced)
        outcomes = [(uid, *record_event(uid, store, working, now=now, report=report))
                    for uid in sorted(working.touched)]
        store.save_events(working.index.events[uid] for uid, save, _ in outcomes if save)
        keep_alerts([(alert, working.index.events[uid]) for uid, _, alert in outcomes if alert], store, report,
                    config, now=now)
    report.changed_announcements = len(fresh)
    report.unchanged_events = len(working.before) - report.updated_events


def merge_one(item: Announcement, result: DetectResult, previous: list[tuple[str, Claim]], store: Store,
              working: Working, *, now: dt.datetime) -> list[tuple[str, Claim]]:
    """This announcement's new claims, each assigned to an event; the events are refolded."""
    ref = reference(item)
    working.claims_of(store, [uid for uid, _ in previous])
    for uid, _ in previous:
        working.claims[uid] = [c for c in working.claims[uid] if (c.ref.source, c.ref.announcement)
                               != (item.source, item.id)]
    assigned: list[tuple[str, Claim]] = []
    for position, detection in enumerate(result.events):
        match = working.index.choose(detection, {uid for uid, _ in assigned})
        claim = Claim(detection, ref)
        uid = match.uid if match else merge.new_uid(claim, position)
        working.claims_of(store, [uid])
        working.claims.setdefault(uid, []).append(claim)
        assigned.append((uid, claim))
        refold(uid, working, now=now)
    for uid in {uid for uid, _ in previous} - {uid for uid, _ in assigned}:
        refold(uid, working, now=now)
    return assigned


def reference(item: Announcement) -> SourceRef:
    return SourceRef(source=item.source, announcement=item.id, title=item.title, url=item.url,
                     published=item.published, origin=item.origin)


def refold(uid: str, working: Working, *, now: dt.datetime) -> None:
    """Recompute one event from all its claims; an event with none left is dropped."""
    claims = working.claims.get(uid, [])
    working.touched.add(uid)
    if not claims:
        working.index.drop(uid)
        return
    working.index.put(merge.fold(uid, claims, working.before.get(uid), now=now))


def record_event(uid: str, store: Store, working: Working, *, now: dt.datetime,
                 report: RunReport) -> tuple[bool, Alert | None]:
    """Count the event's change; whether its state must be saved, and the alert it calls for."""
    old, new = working.before.get(uid), working.index.events.get(uid)
    if new is None:
        if old is not None:
            store.delete_event(uid)
        return False, None
    if new == old:
        return False, None
    kind = merge.alert_kind(old, new)
    if old is None:
        report.new_events += 1
    elif kind is not None:
        report.updated_events += 1
    if kind is None:
        return True, None
    changes = merge.significant_changes(old, new) if old else []
    return True, alerts_module.make_alert(kind, new, changes, now=now)


def keep_alerts(found: list[tuple[Alert, Event]], store: Store, report: RunReport, config: Config, *,
                now: dt.datetime) -> None:
    """Store the new alerts (once: ids are derived) with their deliveries, together or not at all.

    Each comes with the event as it describes it, so deliveries never read back a state that is
    being saved in the same batch.
    """
    with store.transaction():
        added = store.add_alerts([alert for alert, _ in found])
        for alert, event in found:
            if alert.id not in added:
                continue
            report.alerts.append(alert)
            if config.webhooks or config.notify:
                from publisher import deliver

                deliver.enqueue(config, store, alert, now=now, event=event)


def remind(config: Config, store: Store, *, now: dt.datetime, report: RunReport) -> None:
    """Write the reminders that are due; each is written once (its id is fixed)."""
    if not config.reminders:
        return
    upcoming = store.events(since=now.date())
    by_uid = {event.uid: event for event in upcoming}
    due = alerts_module.due_reminders(upcoming, config.reminders, now=now)
    keep_alerts([(alert, by_uid[alert.event_uid]) for alert in due], store, report, config, now=now)


def publish(config: Config, store: Store, *, now: dt.datetime, report: RunReport) -> None:
    """Render and write every feed; unchanged bytes leave the files untouched."""
    written, problems = publishing.publish(config, store, now=now)
    report.written.extend(written)
    report.problems.extend(problems)


def summarize(report: RunReport) -> Iterable[str]:
    yield (f"sources read: {report.sources}; announcements: {report.announcements} "
           f"({report.changed_announcements} new or changed)")
    yield (f"events: {report.new_events} new, {report.updated_events} updated, "
           f"{report.unchanged_events} unchanged")
    yield f"alerts written: {len(report.alerts)}; files written: {', '.join(report.written) or 'none (unchanged)'}"
    if report.deliveries is not None and (report.deliveries.attempted or report.deliveries.postponed):
        yield report.deliveries.summary()
    yield f"problems: {len(report.problems)}"
