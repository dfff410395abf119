"""The delivery job: fan alerts out into the outbox, and send what is due.

`enqueue` runs inside the transaction that stores an alert and adds one delivery per endpoint
whose filters the alert passes. `deliver_due` sends every due delivery once: a failure is
recorded on that delivery (with its next attempt, or dead when none is left) and the loop goes
on, so one bad endpoint or one bad message never stops the others.

When an endpoint times out or says it is overloaded (429, or 503 with Retry-After), the rest of
its deliveries in this pass are postponed to the same moment without spending an attempt: a
slow endpoint must not cost a timeout per queued message, and a throttling one asked us to wait.
A delivery postponed for longer than its endpoint's lifetime (twice the retry schedule) is dead.

Times: `now` is the pass's moment and advances with the real time the pass takes, so waits and
claims stay right in a long pass and reproducible in tests; the `webhook-timestamp` header alone
is the wall clock, as receivers compare it with theirs.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from urllib3.poolmanager import PoolManager

from publisher.config import Config
from publisher.deliver import outbox, webhooks
from publisher.deliver.apprise import AppriseSender
from publisher.deliver.endpoints import MAX_RETRY_AFTER, Busy, Destination, destinations, redact_all
from publisher.deliver.payload import encode, human_message, message_id, webhook_payload
from publisher.errors import DeliveryError
from publisher.model import Alert, Event, Problem, content_hash
from publisher.netguard import pool as guarded_pool
from publisher.store import Store

log = logging.getLogger(__name__)
URLLIB3_LOG = "urllib3.connectionpool"
LEASE_MARGIN = dt.timedelta(seconds=30)  # beyond the timeout, before a silent attempt counts as lost
REPLAY_CHUNK = 500  # ids per pass, well under any database's limit on bound parameters


@dataclass
class DeliveryReport:
    """What one pass of the delivery job did; `results` maps delivery id -> state after it."""

    delivered: int = 0
    failed: int = 0
    postponed: int = 0
    dead: int = 0
    disabled: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    results: dict[str, str] = field(default_factory=dict)
    dead_by_endpoint: Counter[str] = field(default_factory=Counter)
    failed_by_endpoint: Counter[str] = field(default_factory=Counter)
    last_error: dict[str, str] = field(default_factory=dict)

    @property
    def attempted(self) -> int:
        return self.delivered + self.failed + self.dead

    def summary(self) -> str:
        return (f"deliveries: {self.delivered} delivered, {self.failed} failed (will retry), "
                f"{self.postponed} postponed, {self.dead} dead")

    def finish(self, known: dict[str, Destination]) -> DeliveryReport:
        """Fold per-delivery failures into one problem or note per endpoint."""
        for name, count in sorted(self.dead_by_endpoint.items()):
            where = f"{known[name].channel} {name}" if name in known else f"endpoint {name}"
            self.problems.append(Problem(where, f"{count} delivery(ies) dead; last error: {self.last_error[name]}; "
                                                "see publisher deliveries --state dead"))
        for name, count in sorted(self.failed_by_endpoint.items()):
            self.notes.append(f"{name}: {count} delivery attempt(s) failed and will be retried; "
                              f"last error: {self.last_error[name]}")
        return self


class Scrubber(logging.Filter):
    """Hides URL tokens in urllib3's debug lines (`POST /hooks/TOKEN`) while a pass runs."""

    def __init__(self, known: dict[str, Destination]) -> None:
        super().__init__()
        self.known = known

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        clean = redact_all(text, self.known)
        if clean != text:
            record.msg, record.args = clean, ()
        return True


@dataclass(frozen=True)
class Hold:
    """An endpoint that must not be tried again in this pass before `until`."""

    until: dt.datetime
    reason: str


def enqueue(config: Config, store: Store, alert: Alert, *, now: dt.datetime, event: Event | None = None) -> int:
    """Add one delivery per endpoint that wants the alert; call inside the alert's transaction.

    The payload is fixed now, so every retry sends the same bytes about the event as it stood
    when the alert was written. Returns how many deliveries were added.
    """
    known = destinations(config)
    if not known:
        return 0
    if event is None:
        event = store.event(alert.event_uid)
    wanted = [d for d in known.values() if d.wants(alert, event)]
    bodies = {channel: encode(webhook_payload(alert, event) if channel == "webhook" else human_message(alert))
              for channel in {d.channel for d in wanted}}
    return outbox.insert(store, [delivery_row(d, alert, bodies[d.channel], now=now) for d in wanted])


def delivery_row(destination: Destination, alert: Alert, body: str, *, now: dt.datetime) -> dict[str, object]:
    stamp = outbox.moment_text(now)
    return {"id": "dlv_" + content_hash(alert.id, destination.name)[:20], "alert_id": alert.id,
            "event_uid": alert.event_uid, "kind": alert.kind, "endpoint": destination.name,
            "channel": destination.channel, "message_id": message_id(alert), "state": "pending", "attempts": 0,
            "created_at": stamp, "next_attempt_at": stamp, "payload": body}


class Job:
    """One pass: the endpoints, their connection pools and holds, the attempts in flight, the report.

    Attempts run on `delivery.workers` threads, because a real receiver is a network round trip
    away and one at a time would cap an endpoint at a few messages a second. Only this object's
    own thread touches the database: it claims each delivery, hands the HTTP call to a worker
    and records the verdict when it comes back.
    """

    def __init__(self, config: Config, store: Store, *, now: dt.datetime, rng: random.Random,
                 clock: Callable[[], float]) -> None:
        self.config, self.store, self.now, self.rng, self.clock = config, store, now, rng, clock
        self.started = time.monotonic()
        self.known = destinations(config)
        self.disabled = outbox.disabled(store)
        self.workers = config.delivery.workers
        self.holds: dict[str, Hold] = {}
        self.pools: dict[bool, PoolManager] = {}
        self.senders: dict[str, AppriseSender] = {}
        self.in_flight: dict[Future[int | None], tuple[outbox.Row, Destination]] = {}
        self.report = DeliveryReport()
        self.scrubber = Scrubber(self.known)
        logging.getLogger(URLLIB3_LOG).addFilter(self.scrubber)

    def moment(self) -> dt.datetime:
        """The pass's `now`, advanced by the real time the pass has taken so far."""
        return self.now + dt.timedelta(seconds=time.monotonic() - self.started)

    def close(self) -> None:
        for made in self.pools.values():
            made.clear()
        logging.getLogger(URLLIB3_LOG).removeFilter(self.scrubber)

    def run(self, only: Iterable[str] | None = None) -> DeliveryReport:
        seen: set[str] = set()
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="deliver") as executor:
            for row in outbox.due(self.store, self.moment(), only=only):
                if row.id in seen:
                    continue
                seen.add(row.id)
                ready = self.prepare(row)
                if ready is not None:
                    self.in_flight[executor.submit(self.send, *ready)] = ready
                    if len(self.in_flight) >= self.workers:
                        self.settle(FIRST_COMPLETED)
            self.settle(ALL_COMPLETED)
        return self.report.finish(self.known)

    def prepare(self, row: outbox.Row) -> tuple[outbox.Row, Destination] | None:
        """Bury a due delivery, hold it back, or claim it for an attempt (returned)."""
        destination = self.known.get(row.endpoint)
        if destination is None or destination.channel != row.channel:
            self.bury(row, f"no {row.channel} endpoint named {row.endpoint} in the config")
            return None
        disabled = self.disabled.get(destination.name)
        if disabled and disabled[0] == destination.fingerprint:
            self.bury(row, f"the endpoint is disabled: {disabled[1]}")
            return None
        hold = self.holds.get(destination.name)
        if hold is not None:
            self.hold_back(row, destination, hold)
            return None
        if row.attempts >= destination.max_attempts:  # a crash in the last attempt, or a shorter schedule
            why = ("was interrupted before its result was recorded" if row.last_error == outbox.INTERRUPTED
                   else f"was the last the retry schedule allows ({destination.max_attempts})")
            self.bury(row, f"out of attempts: attempt {row.attempts} {why}; last error: {row.last_error}")
            return None
        claimed = outbox.claim(self.store, row, moment=self.moment(),
                               lease=dt.timedelta(seconds=destination.timeout) + LEASE_MARGIN)
        if claimed is None:
            return None
        if destination.channel == "webhook":
            self.pool(destination.allow_private)  # made here, on the thread that owns the job
        else:
            self.sender(destination)
        return claimed, destination

    def settle(self, mode: str) -> None:
        """Record the verdicts of finished attempts (the first to finish, or all of them)."""
        done, _ = wait(list(self.in_flight), return_when=mode)
        for future in done:
            row, destination = self.in_flight.pop(future)
            try:
                status = future.result()
            except DeliveryError as exc:
                self.failed(row, destination, exc)
                continue
            outbox.mark_delivered(self.store, row, moment=self.moment(), status=status)
            self.report.delivered += 1
            self.report.results[row.id] = "delivered"

    def send(self, row: outbox.Row, destination: Destination) -> int | None:
        """One attempt through the right channel (on a worker); any surprise becomes a DeliveryError."""
        try:
            if destination.channel == "webhook":
                return webhooks.send(destination, self.pools[destination.allow_private], row.message_id,
                                     row.payload, user_agent=self.config.fetch.user_agent, clock=self.clock)
            self.senders[destination.name].send(json.loads(row.payload))
            return None
        except DeliveryError:
            raise
        except Exception as exc:  # a bug must fail this delivery, not the pass
            log.exception("delivery %s to %s failed unexpectedly", row.id, destination.name)
            raise DeliveryError(destination.redact(f"unexpected {exc.__class__.__name__}: {exc}")[:500]) from None

    def pool(self, allow_private: bool) -> PoolManager:
        if allow_private not in self.pools:
            self.pools[allow_private] = guarded_pool(allow_private=allow_private, size=self.workers)
        return self.pools[allow_private]

    def sender(self, destination: Destination) -> AppriseSender:
        if destination.name not in self.senders:
            self.senders[destination.name] = AppriseSender(destination)
        return self.senders[destination.name]

    def failed(self, row: outbox.Row, destination: Destination, exc: DeliveryError) -> None:
        """Record a failed attempt: retry on the schedule (or after Retry-After), or dead."""
        error = destination.redact(str(exc))
        moment = self.moment()
        log.debug("delivery %s to %s failed (attempt %d): %s", row.id, destination.name, row.attempts, error)
        if exc.disable:
            if self.disabled.get(destination.name, ("",))[0] != destination.fingerprint:
                self.disable(destination, error, moment)  # once, though several attempts were in flight
            outbox.mark_failed(self.store, row, next_at=None, status=exc.status, error=error)
            self.count_dead(row, destination.name, error)
            return
        wait = destination.wait_after(row.attempts, self.rng)
        if wait is not None and exc.retry_after is not None:
            wait = max(wait, min(exc.retry_after, MAX_RETRY_AFTER))
        next_at = None if wait is None else moment + dt.timedelta(seconds=wait)
        outbox.mark_failed(self.store, row, next_at=next_at, status=exc.status, error=error)
        if isinstance(exc, Busy):
            until = next_at or moment + dt.timedelta(seconds=destination.timeout)
            self.holds[destination.name] = Hold(until=until, reason=f"{destination.name} {error}")
        if next_at is None:
            self.count_dead(row, destination.name, error)
        else:
            self.report.failed += 1
            self.report.failed_by_endpoint[destination.name] += 1
            self.report.last_error[destination.name] = error
            self.report.results[row.id] = "failed"

    def hold_back(self, row: outbox.Row, destination: Destination, hold: Hold) -> None:
        """Postpone a delivery whose endpoint is busy, without spending one of its attempts."""
        if hold.until - row.created_at > destination.lifetime:
            self.bury(row, f"gave up after {destination.lifetime} of waiting: {hold.reason}")
            return
        outbox.postpone(self.store, row, until=hold.until,
                        note=f"not sent: {hold.reason} earlier in the same pass; postponed")
        self.report.postponed += 1
        self.report.results[row.id] = "postponed"

    def disable(self, destination: Destination, error: str, moment: dt.datetime) -> None:
        reason = f"{error} (at {outbox.moment_text(moment)})"
        outbox.disable(self.store, destination.name, fingerprint=destination.fingerprint, reason=reason,
                       moment=moment)
        self.disabled[destination.name] = (destination.fingerprint, reason)
        self.report.disabled.append(destination.name)
        log.warning("%s %s disabled: %s", destination.channel, destination.name, error)

    def bury(self, row: outbox.Row, error: str) -> None:
        if outbox.bury(self.store, row, error=error):
            self.count_dead(row, row.endpoint, error)

    def count_dead(self, row: outbox.Row, name: str, error: str) -> None:
        self.report.dead += 1
        self.report.dead_by_endpoint[name] += 1
        self.report.last_error[name] = error
        self.report.results[row.id] = "dead"


def deliver_due(config: Config, store: Store, *, now: dt.datetime, only: Iterable[str] | None = None,
                rng: random.Random | None = None, clock: Callable[[], float] = time.time) -> DeliveryReport:
    """Send every delivery due by `now` once (or only the given ids); record each outcome."""
    job = Job(config, store, now=now, rng=rng or random.Random(), clock=clock)
    try:
        return job.run(only)
    finally:
        job.close()


def replay(config: Config, store: Store, ident: str, *, now: dt.datetime, rng: random.Random | None = None,
           clock: Callable[[], float] = time.time) -> tuple[outbox.Row, DeliveryReport]:
    """Send one delivery again now; raises KeyError for an unknown id (see `replay_many`)."""
    found, report = replay_many(config, store, [ident], now=now, rng=rng, clock=clock)
    if not found:
        raise KeyError(ident)
    return found[0], report


def replay_many(config: Config, store: Store, idents: Iterable[str], *, now: dt.datetime,
                rng: random.Random | None = None,
                clock: Callable[[], float] = time.time) -> tuple[list[outbox.Row], DeliveryReport]:
    """Send deliveries again now, with a fresh set of attempts, under their same webhook-ids.

    Replaying a delivery of a disabled endpoint enables the endpoint again: asking for it is
    the user saying the receiver is back. Unknown ids are skipped; returns the rows as they end.
    """
    rows = [row for ident in dict.fromkeys(idents) if (row := outbox.find(store, ident)) is not None]
    for endpoint in sorted({row.endpoint for row in rows}):
        outbox.enable(store, endpoint)
    for row in rows:
        outbox.revive(store, row.id, moment=now)
    report = DeliveryReport()
    for start in range(0, len(rows), REPLAY_CHUNK):
        chunk = [row.id for row in rows[start:start + REPLAY_CHUNK]]
        part = deliver_due(config, store, now=now, only=chunk, rng=rng, clock=clock)
        merge_reports(report, part)
    after = [outbox.find(store, row.id) for row in rows]
    return [row for row in after if row is not None], report


def merge_reports(into: DeliveryReport, part: DeliveryReport) -> None:
    into.delivered += part.delivered
    into.failed += part.failed
    into.postponed += part.postponed
    into.dead += part.dead
    into.disabled.extend(part.disabled)
    into.problems.extend(part.problems)
    into.notes.extend(part.notes)
    into.results.update(part.results)
