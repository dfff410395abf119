"""The scheduled service: poll each source on its interval, publish, remind and deliver.

APScheduler 3 runs the jobs in this process. Jobs live in memory only and are rebuilt from the
config at every start: the durable state (cursors, failures, events, alerts, deliveries) is in
publisher's own database, so a restart loses nothing and a changed config needs no migration of
pickled jobs.

Every pipeline pass (one source's poll, or the reminder pass that polls nothing) runs in a single
worker thread and under one lock, so passes never overlap on the store; `coalesce` and
`max_instances=1` keep a slow pass from piling up copies of itself. Webhook delivery, when
`publisher.deliver` provides `deliver_due`, runs in its own worker with its own store connection,
so a slow receiver never delays polling.

A source that fails backs off: after n failures in a row its next poll waits `every · 2ⁿ`, at
most an hour (or `every`, if that is longer). The failure count is the one the store keeps, so
the backoff survives a restart; the other sources keep their own pace.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import random
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from publisher import pipeline
from publisher import publish as publishing
from publisher import store as store_module
from publisher.config import Config
from publisher.errors import PublisherError
from publisher.render import write_atomic
from publisher.render.html import INDEX_FILE, IndexPage, feed_links, render_index
from publisher.store import Store

log = logging.getLogger(__name__)

BACKOFF_CAP = dt.timedelta(hours=1)
REMIND_EVERY = dt.timedelta(minutes=1)
DELIVER_EVERY = dt.timedelta(seconds=5)
FIRST_POLL_SPREAD = dt.timedelta(minutes=1)
JITTER_SHARE = 0.1
JITTER_CAP = dt.timedelta(minutes=1)
MIN_GRACE = dt.timedelta(minutes=1)

Clock = Callable[[], dt.datetime]
StoreOpener = Callable[[Config], AbstractContextManager[Store]]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def backoff_delay(every: dt.timedelta, failures: int) -> dt.timedelta:
    """How long a source that failed `failures` times in a row waits before its next poll."""
    if failures <= 0:
        return dt.timedelta(0)
    cap = max(every, BACKOFF_CAP)
    seconds = every.total_seconds() * 2 ** min(failures, 30)
    return min(dt.timedelta(seconds=seconds), cap)


def jitter_for(every: dt.timedelta) -> float:
    """Seconds of random delay per firing: a tenth of the interval, at most a minute."""
    return min(every.total_seconds() * JITTER_SHARE, JITTER_CAP.total_seconds())


def poll_interval(source: Any, config: Config) -> dt.timedelta:
    """A feed or page polls at its `every`; a files source at `serve.files_every`."""
    every = getattr(source, "every", None)
    return every if isinstance(every, dt.timedelta) else config.serve.files_every


def published_names(config: Config) -> set[str]:
    """The file names the service publishes: the only names the HTTP server answers for."""
    names = {INDEX_FILE}
    for link in feed_links(config):
        names.update((link.calendar, link.alerts))
    return names


def find_deliverer() -> Callable[..., Any] | None:
    """`publisher.deliver.deliver_due` when that module exists and provides it (checked at run time)."""
    try:
        module = importlib.import_module("publisher.deliver")
    except ImportError:
        return None
    except Exception:  # a broken deliver module must not stop the feeds from being served
        log.exception("publisher.deliver cannot be imported; webhooks will not be delivered")
        return None
    function = getattr(module, "deliver_due", None)
    return function if callable(function) else None


@dataclass
class SourceHealth:
    """What the service knows about one source between polls."""

    name: str
    kind: str
    every: dt.timedelta
    last_poll: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    failures: int = 0
    not_before: dt.datetime | None = None
    polls: int = 0

    def as_json(self, next_poll: dt.datetime | None) -> dict[str, Any]:
        backing_off = self.not_before is not None and next_poll is not None and self.not_before > next_poll
        return {"name": self.name, "kind": self.kind, "every_seconds": self.every.total_seconds(),
                "last_poll": self.last_poll, "last_success": self.last_success, "last_error": self.last_error,
                "failures": self.failures, "backing_off_until": stamp(self.not_before) if backing_off else None,
                "next_poll": stamp(max(filter(None, (next_poll, self.not_before)), default=None)),
                "polls_since_start": self.polls}


def stamp(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Snapshot:
    """What the HTTP server shows that is not a file: the index page's content and the counts.

    Built by the worker after each pass and swapped in whole, so the server never reads the
    database and never sees half an update.
    """

    page: IndexPage
    counts: dict[str, int] = field(default_factory=dict)
    last_pass: dt.datetime | None = None
    version: int = 0


class Service:
    """The scheduler and its jobs over one config and one state database."""

    def __init__(self, config: Config, *, clock: Clock = utc_now, opener: StoreOpener | None = None,
                 rng: random.Random | None = None) -> None:
        self.config = config
        self.clock = clock
        self.opener: StoreOpener = opener or store_module.open_store
        self.rng = rng or random.Random()
        self.stopping = threading.Event()
        self.pass_lock = threading.Lock()
        self.deliver_lock = threading.Lock()
        self.started_at = clock()
        self.health: dict[str, SourceHealth] = {}
        self.snapshot = Snapshot(page=IndexPage(config.output.title, config.output.base_url,
                                                tuple(feed_links(config)), ()))
        self.deliverer = find_deliverer()
        self._health_lock = threading.Lock()
        self._stack = ExitStack()
        self._store: Store | None = None
        self._deliver_store: Store | None = None
        self.scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"pipeline": ThreadPoolExecutor(1), "deliver": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": int(MIN_GRACE.total_seconds())},
            timezone=dt.UTC,
        )

    # lifecycle ------------------------------------------------------------------------------
    def start(self, *, scheduler: bool = True) -> None:
        """Open the state, read the local sources and publish, then start polling; raises PublisherError.

        `scheduler=False` leaves the jobs to be called by hand (tests drive them with their own clock).
        """
        self._store = self._stack.enter_context(self.opener(self.config))
        if self.deliverer is not None:
            self._deliver_store = self._stack.enter_context(self.opener(self.config))
        self.load_health(self._store)
        self.run_pass(self.local_sources(), "start")
        self.add_jobs(skip_first=set(self.local_sources()))
        if scheduler:
            self.scheduler.start()
        log.info("scheduler started: %d source(s)%s", len(self.health),
                 ", webhook delivery on" if self.deliverer else "")

    def stop(self) -> None:
        """Let the job in progress finish, skip the queued ones, then close the state."""
        self.stopping.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
        self._stack.close()
        self._store = self._deliver_store = None

    def __enter__(self) -> Service:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def local_sources(self) -> list[str]:
        """The enabled `files` sources: read at start, since they cost no one else anything."""
        return [s.name for s in self.config.sources if s.enabled and s.kind == "files"]

    # jobs -----------------------------------------------------------------------------------
    def add_jobs(self, *, skip_first: set[str] | None = None) -> None:
        """One polling job per enabled source, the reminder pass and, if present, delivery.

        First polls are spread at random over the first interval (at most a minute), so a hundred
        sources do not fire at once; sources already read at start wait one interval.
        """
        now = self.clock()
        for source in self.config.sources:
            if not source.enabled:
                continue
            every = poll_interval(source, self.config)
            spread = min(every, FIRST_POLL_SPREAD).total_seconds()
            delay = every.total_seconds() if source.name in (skip_first or ()) else self.rng.uniform(0, spread)
            first = now + dt.timedelta(seconds=delay)
            self.scheduler.add_job(self.poll, IntervalTrigger(seconds=every.total_seconds(), start_date=first,
                                                              jitter=jitter_for(every) or None, timezone=dt.UTC),
                                   args=[source.name], id=f"poll:{source.name}", name=f"poll {source.name}",
                                   executor="pipeline", misfire_grace_time=grace(every))
        self.scheduler.add_job(self.remind, IntervalTrigger(seconds=REMIND_EVERY.total_seconds(), timezone=dt.UTC),
                               id="remind", name="reminders and feeds", executor="pipeline")
        if self.deliverer is not None:
            self.scheduler.add_job(self.deliver, IntervalTrigger(seconds=DELIVER_EVERY.total_seconds(),
                                                                 timezone=dt.UTC),
                                   id="deliver", name="deliver webhooks", executor="deliver", next_run_time=now)

    def poll(self, name: str) -> None:
        """Poll one source, unless the service is stopping or the source is backing off."""
        if self.stopping.is_set():
            return
        health = self.health.get(name)
        if health is not None and health.not_before is not None and self.clock() < health.not_before:
            log.debug("source %s: backing off until %s", name, stamp(health.not_before))
            return
        self.run_pass([name], f"poll {name}")

    def remind(self) -> None:
        """A pass that reads no source: due reminders, the calendar window moving on, the feeds."""
        if not self.stopping.is_set():
            self.run_pass([], "reminders")

    def deliver(self) -> None:
        """Send what the webhook outbox holds that is due; never alongside another delivery run."""
        if self.stopping.is_set() or self.deliverer is None or self._deliver_store is None:
            return
        with self.deliver_lock:
            try:
                self.deliverer(self.config, self._deliver_store, now=self.clock())
            except Exception:
                log.exception("webhook delivery failed; it is retried at the next round")

    def wake_deliverer(self) -> None:
        """New alerts: deliver now instead of at the next round."""
        if self.deliverer is None or self.stopping.is_set():
            return
        job = self.scheduler.get_job("deliver")
        if job is not None:
            job.modify(next_run_time=self.clock())

    # the pass -------------------------------------------------------------------------------
    def run_pass(self, only: list[str] | None, label: str) -> pipeline.RunReport | None:
        """One pipeline pass under the pass lock, then the index page and the status refreshed."""
        store = self._store
        if store is None:
            return None
        with self.pass_lock:
            now = self.clock()
            try:
                report = pipeline.run_once(self.config, store, now=now, only=only,
                                           deliveries=self.deliverer is None)
            except PublisherError as exc:
                log.error("%s: %s", label, exc)
                return None
            except Exception:
                log.exception("%s failed unexpectedly", label)
                return None
            self.after_pass(store, report, only=only, now=now, label=label)
        return report

    def after_pass(self, store: Store, report: pipeline.RunReport, *, only: list[str] | None, now: dt.datetime,
                   label: str) -> None:
        for problem in report.problems:
            log.warning("%s: %s", label, problem)
        if report.alerts or report.written:
            log.info("%s: %d new alert(s); wrote %s", label, len(report.alerts), ", ".join(report.written) or "nothing")
        self.load_health(store, polled=only or (), now=now)
        try:
            self.refresh_site(store, now=now)
        except PublisherError as exc:
            log.error("%s: %s", label, exc)
        if report.alerts:
            self.wake_deliverer()

    def load_health(self, store: Store, *, polled: Iterable[str] = (),
                    now: dt.datetime | None = None) -> None:
        """Refresh every source's health from the store; set the backoff of those that failed."""
        rows = {row["name"]: row for row in store.source_status()}
        polled_names = set(polled)
        with self._health_lock:
            for source in self.config.sources:
                if not source.enabled:
                    continue
                every = poll_interval(source, self.config)
                health = self.health.setdefault(source.name, SourceHealth(source.name, source.kind, every))
                row = rows.get(source.name) or {}
                health.last_poll = row.get("last_poll")
                health.last_success = row.get("last_success")
                health.last_error = row.get("last_error")
                health.failures = int(row.get("failures") or 0)
                health.not_before = self.next_allowed(health)
                if source.name in polled_names:
                    health.polls += 1
                    if health.failures:
                        wait = backoff_delay(every, health.failures)
                        log.warning("source %s failed %d time(s) in a row: %s; next try in %s", source.name,
                                    health.failures, health.last_error, wait)

    def next_allowed(self, health: SourceHealth) -> dt.datetime | None:
        """The earliest moment a failing source may be polled again, from its last poll."""
        if not health.failures or not health.last_poll:
            return None
        last = dt.datetime.fromisoformat(health.last_poll)
        return last + backoff_delay(health.every, health.failures)

    def refresh_site(self, store: Store, *, now: dt.datetime) -> None:
        """Rebuild the index page (also written as index.html for static hosts) and the counts."""
        page = publishing.index_page_for(self.config, store, now=now)
        write_atomic(self.config.output_dir / INDEX_FILE, render_index(page))
        counts = {"events": store.count_events(), "upcoming": len(page.events), "alerts": store.count_alerts()}
        self.snapshot = Snapshot(page=page, counts=counts, last_pass=now, version=self.snapshot.version + 1)

    # status ---------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """Per-source health and counts, as `/status` shows them."""
        snapshot = self.snapshot
        with self._health_lock:
            sources = [h.as_json(self.next_run(f"poll:{h.name}")) for h in self.health.values()]
        return {"status": "ok", "started": stamp(self.started_at), "last_pass": stamp(snapshot.last_pass),
                "webhooks": self.deliverer is not None, **snapshot.counts, "sources": sources}

    def next_run(self, job_id: str) -> dt.datetime | None:
        job = self.scheduler.get_job(job_id) if self.scheduler.running else None
        return getattr(job, "next_run_time", None) if job is not None else None


def grace(every: dt.timedelta) -> int:
    """Misfire grace: a poll up to one interval late (at least a minute) still runs, once."""
    return int(max(every, MIN_GRACE).total_seconds())
