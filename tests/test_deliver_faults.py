"""Delivery under faults, at scale: 1,000 alerts to receivers that fail, stall, vanish or leave,
and a publisher killed with SIGKILL in the middle of a delivery and started again.

What must hold: every alert reaches every endpoint whose filters it passes at least once,
verified by the `standardwebhooks` library; a message that arrives twice arrives under the same
webhook-id with the same bytes (a retry, never a new message); nothing is dead that should not
be. Waits are crossed by moving `now`, so the file runs in well under a minute.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from publisher import deliver
from publisher.alerts import make_alert
from publisher.config import Config, validate
from publisher.deliver import outbox
from publisher.deliver.payload import message_id
from publisher.model import Alert, Event
from publisher.store import Store, open_store
from tests.conftest import NOW, REPO
from tests.receiver import Receiver, fail_every_other, gone, new_secret, ok, slow_every, stall_from

KINDS = ("new", "updated", "postponed", "cancelled", "reminder")
CATEGORIES = ("summit", "strike", "match", "launch")
PLACES = ("Paris, France", "Lagos", "Lima, Peru", "Osaka")
# Thirteen attempts: a receiver that fails every other request halves the failures each round.
RETRY = ["0s"] * 12


def synthetic_event(i: int) -> Event:
    start = dt.date(2026, 12, 1) + dt.timedelta(days=i % 90)
    return Event(uid=f"e{i}@publisher", sequence=0, summary=f"Event number {i}", start=start, end=start,
                 all_day=True, first_seen=NOW, last_modified=NOW, location=PLACES[i % len(PLACES)],
                 category=CATEGORIES[(i // 5) % len(CATEGORIES)])


def write_alerts(config: Config, store: Store, count: int) -> list[tuple[Alert, Event]]:
    """`count` alerts of every kind, each with its deliveries, as the pipeline writes them."""
    made = []
    with store.transaction():
        for i in range(count):
            item = synthetic_event(i)
            alert = make_alert(KINDS[i % len(KINDS)], item, (), now=NOW, tag=str(i))
            store.save_event(item)
            assert store.add_alert(alert)
            deliver.enqueue(config, store, alert, now=NOW, event=item)
            made.append((alert, item))
    return made


def drain(config: Config, store: Store, *, start: dt.datetime, rounds: int = 40,
          between: Any = None) -> dt.datetime:
    """Run the delivery job until nothing is live, a minute of `now` apart; returns the last `now`."""
    now = start
    for number in range(rounds):
        deliver.deliver_due(config, store, now=now)
        if between is not None:
            between(number)
        counts = outbox.counts(store)
        if not counts.get("pending") and not counts.get("failed"):
            return now
        now += dt.timedelta(minutes=1)
    raise AssertionError(f"still live after {rounds} rounds: {outbox.counts(store)}")


def check_at_least_once(receiver: Receiver, path: str, expected: set[str], bodies: bool = True) -> Counter[str]:
    """Every expected message arrived verified; anything seen twice is the same message again."""
    got = receiver.ids(path)
    assert set(got) == expected, (len(set(got)), len(expected))
    if bodies:
        seen: dict[str, bytes] = {}
        for request in receiver.at(path):
            assert request.webhook_id is not None
            assert seen.setdefault(request.webhook_id, request.body) == request.body
    return got


@pytest.fixture
def receivers() -> Iterator[tuple[Receiver, Receiver]]:
    with Receiver() as steady, Receiver() as flaky_host:
        yield steady, flaky_host


@pytest.mark.slow
def test_a_thousand_alerts_survive_failing_slow_down_and_gone_receivers(
        tmp_path: Path, receivers: tuple[Receiver, Receiver]) -> None:
    steady, outage = receivers
    secrets = {name: new_secret() for name in ("half", "slow", "down", "gone", "news", "strikes", "paris")}
    routes = {"half": fail_every_other(), "slow": slow_every(150, 1.0), "gone": gone(),
              "news": ok(), "strikes": ok(), "paris": ok()}
    urls = {name: steady.route(f"/{name}", secret=secrets[name], policy=policy) for name, policy in routes.items()}
    urls["down"] = outage.route("/down", secret=secrets["down"])
    filters: dict[str, dict[str, Any]] = {"news": {"kinds": ["new", "cancelled"]}, "paris": {"views": ["paris"]},
                                          "strikes": {"categories": ["strike"]}, "slow": {"timeout": "0.25s"}}
    config = validate({
        "version": 1, "state": "state.db", "sources": [], "reminders": [],
        "views": [{"name": "paris", "places": ["Paris"]}],
        "delivery": {"timeout": "5s", "retry": RETRY},
        "webhooks": [{"name": name, "url": urls[name], "secret": secrets[name], "allow_private": True,
                      **filters.get(name, {})} for name in secrets]}, tmp_path)
    with open_store(config) as store:
        made = write_alerts(config, store, 1000)
        outage.down()

        def outage_ends(number: int) -> None:
            if number == 1:
                outage.up()  # down for the first two rounds, then back

        drain(config, store, start=NOW, between=outage_ends)
        states = {(r.endpoint, r.state) for r in outbox.listing(store)}
        dead = Counter(r.endpoint for r in outbox.listing(store, states=["dead"]))

    every = {message_id(a) for a, _ in made}
    expected = {
        "half": every, "slow": every, "down": every,
        "news": {message_id(a) for a, _ in made if a.kind in ("new", "cancelled")},
        "strikes": {message_id(a) for a, e in made if e.category == "strike"},
        "paris": {message_id(a) for a, e in made if "Paris" in (e.location or "")},
    }
    assert 0 < len(expected["news"]) < 1000 and 0 < len(expected["strikes"]) < 1000
    for name, wanted in expected.items():
        check_at_least_once(outage if name == "down" else steady, f"/{name}", wanted)
    assert dead == {"gone": 1000}, dead  # the only dead: the endpoint that said 410 Gone
    assert ("gone", "dead") in states and 1 <= len(steady.at("/gone")) <= 8  # 410, then only those in flight
    half = steady.at("/half")
    assert sum(r.status >= 500 for r in half) >= 900  # it really did fail about half its requests
    slow_dupes = check_at_least_once(steady, "/slow", expected["slow"])
    assert max(slow_dupes.values()) <= 3  # a timed-out request the receiver did get, then its retry
    assert steady.unverified() == [] and outage.unverified() == []


def publisher_run(config_path: Path, now: dt.datetime) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "publisher", "run", "-q", "--config", str(config_path),
                             "--now", now.isoformat()], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_publisher_killed_mid_delivery_delivers_everything_after_restart(tmp_path: Path) -> None:
    secret = new_secret()
    with Receiver() as receiver:
        url = receiver.route("/ops", secret=secret, policy=stall_from(400, 60.0))
        data = {"version": 1, "state": "state.db", "sources": [], "reminders": [],
                "output": {"dir": "feeds", "max_alerts": 5},
                "delivery": {"timeout": "30s", "retry": ["5s", "5m"]},
                "webhooks": [{"name": "ops", "url": url, "secret": secret, "allow_private": True}]}
        path = tmp_path / "config.yaml"
        path.write_text(json.dumps(data), encoding="utf-8")
        config = validate(data, tmp_path)
        with open_store(config) as store:
            made = write_alerts(config, store, 1000)

        first = publisher_run(path, NOW)
        try:
            assert receiver.wait_for(400, path="/ops", timeout=60), "the first run did not get far enough"
            first.send_signal(signal.SIGKILL)  # in the middle of request 400, which never gets an answer
        finally:
            first.communicate(timeout=30)
        assert first.returncode == -signal.SIGKILL

        receiver.route("/ops", secret=secret)  # answers at once again
        with open_store(config) as store:
            live = outbox.counts(store)
            assert live.get("delivered", 0) >= 399 - 8 and live.get("dead", 0) == 0  # up to 8 in flight
        # Started again later than the attempt's lease (timeout 30s + 30s): the cut one is retried.
        second = publisher_run(path, NOW + dt.timedelta(minutes=2))
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, (out, err)
        with open_store(config) as store:
            assert outbox.counts(store) == {"delivered": 1000}
            cut = {r.message_id for r in outbox.listing(store, limit=None) if r.attempts == 2}

    got = check_at_least_once(receiver, "/ops", {message_id(a) for a, _ in made})
    assert 1 <= len(cut) <= 8  # the attempts in flight on the workers when the process died
    assert {i for i, n in got.items() if n > 1} <= cut  # the only duplicates: retries of cut attempts
    assert receiver.unverified() == []
