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
from dataclasses import dataclass, field

import requests

from publisher.config import Config
from publisher.deliver import outbox, webhooks
from publisher.deliver.apprise import AppriseSender
from publisher.deliver.endpoints import MAX_RETRY_AFTER, Busy, Destination, destinations
from publisher.deliver.netguard import session as guarded_session
from publisher.deliver.payload import encode, human_message, message_id, webhook_payload
from publisher.errors import DeliveryError
from publisher.model import Alert, Event, Problem, content_hash
from publisher.store import Store

log = logging.getLogger(__name__)
LEASE_MARGIN = dt.timedelta(seconds=30)  # beyond the timeout, before a silent attempt counts as lost


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
    rows = [delivery_row(d, alert, event, now=now) for d in known.values() if d.wants(alert, event)]
    return outbox.insert(store, rows)


def delivery_row(destination: Destination, alert: Alert, event: Event | None, *, now: dt.datetime) -> dict[str, object]:
    body = webhook_payload(alert, event) if destination.channel == "webhook" else human_message(alert)
    stamp = outbox.moment_text(now)
    return {"id": "dlv_" + content_hash(alert.id, destination.name)[:20], "alert_id": alert.id,
            "event_uid": alert.event_uid, "kind": alert.kind, "endpoint": destination.name,
            "channel": destination.channel, "message_id": message_id(alert), "state": "pending", "attempts": 0,
            "created_at": stamp, "next_attempt_at": stamp, "payload": encode(body)}


class Job:
    """One pass: the endpoints, their sessions and holds, and the report."""

    def __init__(self, config: Config, store: Store, *, now: dt.datetime, rng: random.Random,
                 clock: Callable[[], float]) -> None:
        self.config, self.store, self.now, self.rng, self.clock = config, store, now, rng, clock
        self.started = time.monotonic()
        self.known = destinations(config)
        self.disabled = outbox.disabled(store)
        self.holds: dict[str, Hold] = {}
        self.sessions: dict[bool, requests.Session] = {}
        self.senders: dict[str, AppriseSender] = {}
        self.report = DeliveryReport()

    def moment(self) -> dt.datetime:
        """The pass's `now`, advanced by the real time the pass has taken so far."""
        return self.now + dt.timedelta(seconds=time.monotonic() - self.started)

    def close(self) -> None:
        for made in self.sessions.values():
            made.close()

    def run(self, only: Iterable[str] | None = None) -> DeliveryReport:
        seen: set[str] = set()
        for row in outbox.due(self.store, self.moment(), only=only):
            if row.id not in seen:
                seen.add(row.id)
                self.handle(row)
        return self.report.finish(self.known)

    def handle(self, row: outbox.Row) -> None:
        """Settle one due delivery: bury it, hold it back, or attempt it."""
        destination = self.known.get(row.endpoint)
        if destination is None or destination.channel != row.channel:
            self.bury(row, f"no {row.channel} endpoint named {row.endpoint} in the config")
            return
        disabled = self.disabled.get(destination.name)
        if disabled and disabled[0] == destination.fingerprint:
            self.bury(row, f"the endpoint is disabled: {disabled[1]}")
            return
        hold = self.holds.get(destination.name)
        if hold is not None:
            self.hold_back(row, destination, hold)
            return
        if row.attempts >= destination.max_attempts:
            self.bury(row, f"out of attempts: attempt {row.attempts} was interrupted before its result "
                           "was recorded")
            return
        claimed = outbox.claim(self.store, row, moment=self.moment(),
                               lease=dt.timedelta(seconds=destination.timeout) + LEASE_MARGIN)
        if claimed is not None:
            self.attempt(claimed, destination)

    def attempt(self, row: outbox.Row, destination: Destination) -> None:
        try:
            status = self.send(row, destination)
        except DeliveryError as exc:
            self.failed(row, destination, exc)
            return
        outbox.mark_delivered(self.store, row, moment=self.moment(), status=status)
        self.report.delivered += 1
        self.report.results[row.id] = "delivered"

    def send(self, row: outbox.Row, destination: Destination) -> int | None:
        """One attempt through the right channel; any surprise becomes a DeliveryError."""
        try:
            if destination.channel == "webhook":
                return webhooks.send(destination, self.session(destination.allow_private), row.message_id,
                                     row.payload, user_agent=self.config.fetch.user_agent, clock=self.clock)
            self.sender(destination).send(json.loads(row.payload))
            return None
        except DeliveryError:
            raise
        except Exception as exc:  # a bug must fail this delivery, not the pass
            log.exception("delivery %s to %s failed unexpectedly", row.id, destination.name)
            raise DeliveryError(destination.redact(f"unexpected {exc.__class__.__name__}: {exc}")[:500]) from None

    def session(self, allow_private: bool) -> requests.Session:
        if allow_private not in self.sessions:
            self.sessions[allow_private] = guarded_session(allow_private=allow_private)
        return self.sessions[allow_private]

    def sender(self, destination: Destination) -> AppriseSender:
        if destination.name not in self.senders:
            self.senders[destination.name] = AppriseSender(destination)
        return self.senders[destination.name]

    def failed(self, row: outbox.Row, destination: Destination, exc: DeliveryError) -> None:
        """Record a failed attempt: retry on the schedule (or after Retry-After), or dead."""
        error = destination.redact(str(exc))
        moment = self.moment()
        log.info("delivery %s to %s failed (attempt %d): %s", row.id, destination.name, row.attempts, error)
        if exc.disable:
            self.disable(destination, error, moment)
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
    """Send one delivery again now, with a fresh set of attempts, under the same webhook-id.

    Replaying a delivery of a disabled endpoint enables the endpoint again: asking for it is
    the user saying the receiver is back. Raises KeyError for an unknown id.
    """
    row = outbox.find(store, ident)
    if row is None:
        raise KeyError(ident)
    outbox.enable(store, row.endpoint)
    outbox.revive(store, ident, moment=now)
    report = deliver_due(config, store, now=now, only=[ident], rng=rng, clock=clock)
    after = outbox.find(store, ident)
    assert after is not None
    return after, report
