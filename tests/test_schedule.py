"""The scheduler's jobs, driven by hand with a fixed clock: backoff, serialised passes, stopping, delivery.

The detector is replaced by the scripted one (tests/scripted.py) so these tests are about
scheduling only; tests/test_serve.py runs the whole service with the real detector.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from apscheduler.jobstores.memory import MemoryJobStore

from publisher import pipeline, schedule
from publisher.config import Config
from publisher.schedule import Service, backoff_delay, grace, jitter_for
from publisher.store import open_store
from tests.conftest import Workspace
from tests.httpserver import LoopbackServer
from tests.scripted import scripted_detect

T0 = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime = T0) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def scripted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "detect", scripted_detect)


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        yield server


def rss(*lines: str) -> str:
    items = "".join(f"<item><guid>g{i}</guid><title>t{i}</title><description>{line}</description></item>"
                    for i, line in enumerate(lines))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'


def feeds_config(workspace: Workspace, loopback: LoopbackServer, **overrides: Any) -> Config:
    return workspace.config(sources=[
        {"name": "good", "kind": "feed", "url": loopback.url("/good.xml"), "every": "2s"},
        {"name": "bad", "kind": "feed", "url": loopback.url("/bad.xml"), "every": "2s"},
    ], **overrides)


@pytest.fixture
def service_for() -> Iterator[Callable[..., Service]]:
    made: list[Service] = []

    def make(config: Config, clock: Clock | None = None, *, scheduler: bool = False) -> Service:
        service = Service(config, clock=clock or Clock())
        made.append(service)
        service.start(scheduler=scheduler)
        return service

    yield make
    for service in made:
        service.stop()


def test_backoff_doubles_and_is_capped() -> None:
    every = dt.timedelta(seconds=2)
    assert [backoff_delay(every, n).total_seconds() for n in range(6)] == [0, 4, 8, 16, 32, 64]
    assert backoff_delay(every, 40) == dt.timedelta(hours=1)
    assert backoff_delay(dt.timedelta(minutes=15), 3) == dt.timedelta(hours=1)
    assert backoff_delay(dt.timedelta(days=1), 5) == dt.timedelta(days=1), "never beyond a long interval"


def test_jitter_and_grace() -> None:
    assert jitter_for(dt.timedelta(seconds=2)) == pytest.approx(0.2)
    assert jitter_for(dt.timedelta(hours=6)) == 60
    assert grace(dt.timedelta(seconds=2)) == 60
    assert grace(dt.timedelta(hours=1)) == 3600


def test_jobs_are_rebuilt_from_config_in_memory(workspace: Workspace, loopback: LoopbackServer,
                                                service_for: Callable[..., Service]) -> None:
    sources: list[dict[str, Any]] = [
        {"name": f"s{i}", "kind": "feed", "url": loopback.url(f"/s{i}.xml"), "every": "15m"} for i in range(100)]
    sources.append({"name": "off", "kind": "feed", "url": loopback.url("/off.xml"), "enabled": False})
    sources.append({"name": "docs", "kind": "files", "path": "docs"})
    config = workspace.config(sources=sources, serve={"files_every": "5m"})
    service = service_for(config)
    service.scheduler.start(paused=True)  # applies the job defaults without running anything
    assert isinstance(service.scheduler._jobstores["default"], MemoryJobStore)
    jobs = {job.id: job for job in service.scheduler.get_jobs()}
    expected = {f"poll:s{i}" for i in range(100)} | {"poll:docs", "remind"}
    assert set(jobs) - {"deliver"} == expected
    assert ("deliver" in jobs) == (schedule.find_deliverer() is not None)
    for job in (jobs[name] for name in expected):
        assert job.coalesce is True and job.max_instances == 1 and job.misfire_grace_time >= 60
        assert job.executor == "pipeline"
    polls = [jobs[f"poll:s{i}"] for i in range(100)]
    assert {job.trigger.interval for job in polls} == {dt.timedelta(minutes=15)}
    assert all(job.trigger.jitter == 60 for job in polls)
    starts = sorted(job.trigger.start_date for job in polls)
    assert starts[-1] - starts[0] > dt.timedelta(seconds=30), "first polls are spread, not all at once"
    assert len(set(starts)) == 100
    assert jobs["poll:docs"].trigger.interval == dt.timedelta(minutes=5), "files sources poll at serve.files_every"


def test_a_failing_source_backs_off_without_slowing_the_others(
        workspace: Workspace, loopback: LoopbackServer, service_for: Callable[..., Service]) -> None:
    loopback.serve("/good.xml", rss("EVENT 2027-03-14 | Conference | Lyon"), content_type="application/rss+xml")
    loopback.error("/bad.xml", 503)
    clock = Clock()
    service = service_for(feeds_config(workspace, loopback), clock)

    service.poll("bad")
    service.poll("good")
    assert len(loopback.requests_to("/bad.xml")) == 1
    status = {s["name"]: s for s in service.status()["sources"]}
    assert "503" in status["bad"]["last_error"] and status["bad"]["failures"] == 1
    assert status["bad"]["last_success"] is None
    assert status["good"]["last_error"] is None and status["good"]["last_success"]
    assert service.status()["events"] == 1

    for step in range(1, 4):  # within the 4 s backoff: skipped, while "good" keeps its pace
        clock.advance(1)
        service.poll("bad")
        service.poll("good")
        assert len(loopback.requests_to("/bad.xml")) == 1, step
    assert len(loopback.requests_to("/good.xml")) == 4
    clock.advance(2)
    service.poll("bad")
    assert len(loopback.requests_to("/bad.xml")) == 2
    assert service.health["bad"].failures == 2
    assert service.health["bad"].not_before == clock.now + dt.timedelta(seconds=8)

    loopback.serve("/bad.xml", rss(), content_type="application/rss+xml")
    clock.advance(8)
    service.poll("bad")
    assert service.health["bad"].failures == 0 and service.health["bad"].not_before is None
    assert service.health["bad"].last_error is None


def test_backoff_survives_a_restart(workspace: Workspace, loopback: LoopbackServer,
                                    service_for: Callable[..., Service]) -> None:
    loopback.error("/bad.xml", 500)
    loopback.serve("/good.xml", rss(), content_type="application/rss+xml")
    clock = Clock()
    config = feeds_config(workspace, loopback)
    first = service_for(config, clock)
    first.poll("bad")
    clock.advance(5)
    first.poll("bad")
    first.stop()
    second = service_for(config, clock)
    assert second.health["bad"].failures == 2
    assert second.health["bad"].not_before == clock.now + dt.timedelta(seconds=8)
    second.poll("bad")
    assert len(loopback.requests_to("/bad.xml")) == 2, "the restarted service still waits"


def test_passes_never_overlap(workspace: Workspace, loopback: LoopbackServer, service_for: Callable[..., Service],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    loopback.serve("/good.xml", rss(), content_type="application/rss+xml")
    loopback.serve("/bad.xml", rss(), content_type="application/rss+xml")
    service = service_for(feeds_config(workspace, loopback))
    running, most = [0], [0]
    guard = threading.Lock()
    real = pipeline.run_once

    def slow_pass(*args: Any, **kwargs: Any) -> Any:
        with guard:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        try:
            return real(*args, **kwargs)
        finally:
            with guard:
                running[0] -= 1

    monkeypatch.setattr(pipeline, "run_once", slow_pass)
    calls = [lambda: service.poll("good"), lambda: service.poll("bad"), service.remind] * 3
    threads = [threading.Thread(target=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1


def test_stop_finishes_the_pass_in_progress(workspace: Workspace, loopback: LoopbackServer,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    loopback.serve("/good.xml", rss(), content_type="application/rss+xml")
    loopback.serve("/bad.xml", rss(), content_type="application/rss+xml")
    service = Service(feeds_config(workspace, loopback))
    service.start()
    began, finished = threading.Event(), threading.Event()
    real = pipeline.run_once

    def slow_pass(*args: Any, **kwargs: Any) -> Any:
        began.set()
        time.sleep(0.5)
        result = real(*args, **kwargs)
        finished.set()
        return result

    monkeypatch.setattr(pipeline, "run_once", slow_pass)
    service.scheduler.modify_job("remind", next_run_time=dt.datetime.now(dt.UTC))
    assert began.wait(10)
    service.stop()
    assert finished.is_set(), "stop returned before the pass in progress ended"
    assert not service.scheduler.running


def test_queued_jobs_are_skipped_once_stopping(workspace: Workspace, loopback: LoopbackServer,
                                               service_for: Callable[..., Service],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    loopback.serve("/good.xml", rss(), content_type="application/rss+xml")
    service = service_for(feeds_config(workspace, loopback))
    service.stopping.set()
    service.poll("good")
    service.remind()
    assert loopback.requests_to("/good.xml") == []


def test_index_page_and_counts_after_each_pass(workspace: Workspace, service_for: Callable[..., Service]) -> None:
    workspace.add("a.md", "EVENT 2026-12-10 | Summit in Paris | Paris")
    workspace.add("b.md", "EVENT 2026-10-01 | Old fair | Lyon")
    service = service_for(workspace.config(), Clock())
    index = workspace.root / "feeds" / "index.html"
    page = index.read_text(encoding="utf-8")
    assert "Summit in Paris" in page and "Old fair" in page
    assert page.index("Summit in Paris") < page.index("Recently ended") < page.index("Old fair")
    assert service.status()["events"] == 2 and service.status()["upcoming"] == 1
    stamp = index.stat().st_mtime_ns
    service.remind()
    assert index.stat().st_mtime_ns == stamp, "unchanged page, untouched file"


def test_reminders_are_written_when_due(workspace: Workspace, service_for: Callable[..., Service]) -> None:
    workspace.add("a.md", "EVENT 2026-11-26T09:00Z | Launch | Kourou")
    clock = Clock()
    service = service_for(workspace.config(reminders=["1d"]), clock)
    assert service.status()["alerts"] == 1  # new
    clock.now = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
    service.remind()
    assert service.status()["alerts"] == 2
    assert b"<category>reminder</category>" in (workspace.root / "feeds" / "alerts.xml").read_bytes()
    service.remind()
    assert service.status()["alerts"] == 2, "each reminder once"


def test_delivery_runs_when_the_deliver_module_provides_it(workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                            service_for: Callable[..., Service]) -> None:
    calls: list[dt.datetime] = []
    stores: list[Any] = []

    def deliver_due(config: Config, store: Any, *, now: dt.datetime) -> None:
        calls.append(now)
        stores.append(store)

    module = types.ModuleType("publisher.deliver")
    module.deliver_due = deliver_due  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "publisher.deliver", module)
    workspace.add("a.md", "EVENT 2026-12-10 | Summit | Paris")
    service = service_for(workspace.config(), Clock(), scheduler=True)
    job = service.scheduler.get_job("deliver")
    assert job is not None and job.executor == "deliver"
    deadline = time.monotonic() + 10
    while not calls and time.monotonic() < deadline:
        time.sleep(0.05)
    assert calls, "delivery ran at start"
    assert stores[0] is not service._store, "delivery has its own connection"
    assert service.status()["webhooks"] is True


def test_no_delivery_job_without_deliver_due(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "publisher.deliver", types.ModuleType("publisher.deliver"))
    assert schedule.find_deliverer() is None


def test_a_store_error_in_a_pass_does_not_stop_the_service(workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                            service_for: Callable[..., Service],
                                                            caplog: pytest.LogCaptureFixture) -> None:
    from publisher.errors import StoreError

    service = service_for(workspace.config())

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise StoreError("database is locked")

    monkeypatch.setattr(pipeline, "run_once", broken)
    assert service.run_pass([], "reminders") is None
    assert "database is locked" in caplog.text
    monkeypatch.undo()
    monkeypatch.setattr(pipeline, "detect", scripted_detect)
    assert service.run_pass([], "reminders") is not None


def test_files_sources_are_read_at_start(workspace: Workspace, tmp_path: Path) -> None:
    workspace.add("a.md", "EVENT 2026-12-10 | Summit | Paris")
    config = workspace.config()
    service = Service(config, clock=Clock())
    service.start(scheduler=False)
    try:
        with open_store(config) as store:
            assert len(store.events()) == 1
    finally:
        service.stop()
