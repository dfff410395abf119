"""Webhooks and notifications: signing, payload, filters, outbox, retries, guards, CLI.

Every request goes to a real receiver on 127.0.0.1 that verifies it with the `standardwebhooks`
library; `now` is passed in, so retry waits are crossed by moving it, not by sleeping.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import requests
import sqlalchemy as sa
from click.testing import CliRunner

from publisher import cli, deliver
from publisher.alerts import make_alert
from publisher.codec import event_to_json
from publisher.config import Config, validate
from publisher.deliver import outbox
from publisher.deliver.endpoints import destinations
from publisher.deliver.payload import message_id, webhook_payload
from publisher.deliver.webhooks import retry_after, signature_headers
from publisher.model import Alert, Change, Event, Evidence, SourceRef
from publisher.netguard import is_public
from publisher.store import Store, alerts, open_store
from tests.conftest import NOW, Folders, Workspace
from tests.receiver import Answer, Receiver, fail_every_other, gone, new_secret, slow_every, throttle

SCHEMA = json.loads((Folders.repo / "schema" / "webhook-payload.v1.json").read_text(encoding="utf-8"))
SECRET = new_secret()
FAST = ["0s", "1s", "1s"]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


def settings(tmp_path: Path, **extra: Any) -> Config:
    data = {"version": 1, "state": "state.db", "reminders": [], "sources": [],
            "delivery": {"timeout": "2s", "retry": FAST}, **extra}
    return validate(data, tmp_path)


def hook(name: str, url: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "url": url, "secret": SECRET, "allow_private": True, **extra}


def event(i: int = 0, *, category: str | None = "summit", location: str | None = "Paris, France",
          start: dt.date = dt.date(2026, 12, 4)) -> Event:
    return Event(uid=f"event-{i}@publisher", sequence=0, summary=f"Summit number {i}", start=start,
                 end=start + dt.timedelta(days=1), all_day=True, first_seen=NOW, last_modified=NOW,
                 timezone="Europe/Paris", location=location, participants=("Ada", "Bo"), category=category,
                 evidence=Evidence("The summit opens on 4 December.", 0, 31),
                 sources=(SourceRef("news", "a.md", "Summit announced", "https://example.org/a", NOW, "PTI"),))


def write_alert(config: Config, store: Store, item: Event, kind: str = "new", tag: str = "",
                changes: tuple[Change, ...] = ()) -> Alert:
    """Store an event and its alert and enqueue it, in one transaction, as the pipeline does."""
    alert = make_alert(kind, item, changes, now=NOW, tag=tag)
    with store.transaction():
        store.save_event(item)
        assert store.add_alert(alert)
        deliver.enqueue(config, store, alert, now=NOW, event=item)
    return alert


def rows(store: Store) -> dict[str, outbox.Row]:
    return {row.endpoint + ":" + row.alert_id: row for row in outbox.listing(store)}


def later(seconds: float) -> dt.datetime:
    return NOW + dt.timedelta(seconds=seconds)


# signing and payload -------------------------------------------------------------------------
def test_signature_verifies_and_tampering_or_a_wrong_secret_fails(receiver: Receiver) -> None:
    url = receiver.route("/hook", secret=SECRET)
    body = json.dumps({"type": "event.created"})
    timestamp = int(dt.datetime.now(dt.UTC).timestamp())
    good = signature_headers(SECRET, "msg_1", body, timestamp)
    forged = signature_headers(new_secret(), "msg_2", body, timestamp)
    with requests.Session() as session:
        session.trust_env = False
        assert session.post(url, data=body, headers=good, timeout=5).status_code == 204
        assert session.post(url, data=body.replace("created", "deleted"), headers=good, timeout=5).status_code == 401
        assert session.post(url, data=body, headers=forged, timeout=5).status_code == 401
    verified = [r.verified for r in receiver.at("/hook")]
    assert verified == [True, False, False]
    assert "No matching signature" in (receiver.unverified()[0].error or "")


def test_payload_validates_against_the_schema_for_every_kind() -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    timed = Event(uid="t@publisher", sequence=2, summary="Launch", first_seen=NOW, last_modified=NOW,
                  start=dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC), end=None, all_day=False)
    for kind, item in [("new", event()), ("updated", event(1)), ("postponed", timed), ("cancelled", timed),
                       ("reminder", event(2, category=None, location=None))]:
        alert = make_alert(kind, item, (Change("start", "2026-12-04", "2026-12-11"),), now=NOW)
        payload = webhook_payload(alert, item)
        validator.validate(payload)
        assert payload["type"] == f"event.{'created' if kind == 'new' else kind}"
        assert payload["data"]["event"]["uid"] == item.uid
    validator.validate(webhook_payload(make_alert("new", event(), (), now=NOW), None))


def test_every_payload_key_is_described_in_the_schema() -> None:
    """The schema lets receivers accept new keys, so this is what keeps it complete."""
    payload = webhook_payload(make_alert("updated", event(), (Change("start", "a", "b"),), now=NOW), event())
    defs = SCHEMA["$defs"]
    assert set(payload) == set(SCHEMA["properties"])
    assert set(payload["data"]["alert"]) == set(defs["alert"]["properties"])
    assert set(payload["data"]["event"]) == set(defs["event"]["properties"])
    source_keys = defs["event"]["properties"]["sources"]["items"]["properties"]
    assert set(payload["data"]["event"]["sources"][0]) == set(source_keys)


def test_delivered_payload_is_signed_valid_and_names_the_alert(tmp_path: Path, receiver: Receiver) -> None:
    config = settings(tmp_path, webhooks=[hook("ops", receiver.route("/ops", secret=SECRET))])
    with open_store(config) as store:
        alert = write_alert(config, store, event())
        report = deliver.deliver_due(config, store, now=NOW)
    assert (report.delivered, report.problems) == (1, [])
    [request] = receiver.at("/ops")
    assert request.verified and request.webhook_id == message_id(alert)
    assert request.headers["content-type"] == "application/json"
    body = request.json()
    jsonschema.validate(body, SCHEMA)
    assert (body["type"], body["data"]["alert"]["id"], body["data"]["alert"]["title"]) == (
        "event.created", alert.id, alert.title)


# outbox and filters --------------------------------------------------------------------------
def test_enqueue_adds_one_delivery_per_matching_endpoint(tmp_path: Path) -> None:
    views = [{"name": "paris", "places": ["Paris"]}]
    config = settings(tmp_path, views=views, webhooks=[
        hook("all", "https://hooks.example.org/a"),
        hook("news", "https://hooks.example.org/b", kinds=["new", "cancelled"]),
        hook("strikes", "https://hooks.example.org/c", categories=["strike"]),
        hook("in-paris", "https://hooks.example.org/d", views=["paris"])],
        notify=[{"name": "chat", "apprise": "json://hooks.example.org/chat", "kinds": ["cancelled"]}])
    with open_store(config) as store:
        summit = write_alert(config, store, event(1), "new")
        strike = write_alert(config, store, event(2, category="strike", location="Lyon"), "updated")
        cancelled = write_alert(config, store, event(3, location="Berlin"), "cancelled")
        got = {(r.endpoint, r.alert_id) for r in outbox.listing(store)}
    assert got == {("all", summit.id), ("news", summit.id), ("in-paris", summit.id),
                   ("all", strike.id), ("strikes", strike.id),
                   ("all", cancelled.id), ("news", cancelled.id), ("chat", cancelled.id)}


def test_an_alert_and_its_deliveries_are_stored_together_or_not_at_all(tmp_path: Path) -> None:
    config = settings(tmp_path, webhooks=[hook("ops", "https://hooks.example.org/a")])
    with open_store(config) as store:
        with pytest.raises(RuntimeError), store.transaction():
            alert = make_alert("new", event(), (), now=NOW)
            store.add_alert(alert)
            deliver.enqueue(config, store, alert, now=NOW, event=event())
            raise RuntimeError("killed between the alert and the feed")
        assert outbox.listing(store) == []
        with store.transaction() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(alerts)).scalar() == 0
        write_alert(config, store, event())
        assert len(outbox.listing(store)) == 1
        deliver.enqueue(config, store, make_alert("new", event(), (), now=NOW), now=NOW)  # a rerun adds nothing
        assert len(outbox.listing(store)) == 1


# retries ----------------------------------------------------------------------------------------
def test_failures_are_retried_on_the_schedule_then_dead_then_replayed(tmp_path: Path, receiver: Receiver) -> None:
    url = receiver.route("/ops", secret=SECRET, policy=lambda _in: Answer(500, body=b"broken"))
    config = settings(tmp_path, webhooks=[hook("ops", url)])
    with open_store(config) as store:
        alert = write_alert(config, store, event())
        states = []
        for step in range(6):  # attempts at 0s, then waits 0s, 1s, 1s (each within +-20 %)
            deliver.deliver_due(config, store, now=later(step * 1.5))
            [row] = outbox.listing(store)
            states.append((row.state, row.attempts))
        assert states[-1] == ("dead", 4)
        assert states[:3] == [("failed", 1), ("failed", 2), ("failed", 3)]
        assert row.last_status == 500 and "broken" in (row.last_error or "")
        report = deliver.deliver_due(config, store, now=later(3600))
        assert report.attempted == 0  # dead stays dead
        receiver.route("/ops", secret=SECRET)  # fixed
        replayed, _ = deliver.replay(config, store, row.id, now=later(7200))
    assert (replayed.state, replayed.attempts) == ("delivered", 1)
    ids = [r.webhook_id for r in receiver.at("/ops")]
    assert ids == [message_id(alert)] * 5 and all(r.verified for r in receiver.at("/ops"))
    assert len({r.body for r in receiver.at("/ops")}) == 1  # the same bytes every time


def test_wait_between_attempts_has_jitter_within_twenty_percent(tmp_path: Path, receiver: Receiver) -> None:
    url = receiver.route("/ops", secret=SECRET, policy=lambda _in: Answer(500))
    config = settings(tmp_path, delivery={"retry": ["100s"], "timeout": "2s"}, webhooks=[hook("ops", url)])
    waits = []
    with open_store(config) as store:
        for i in range(20):
            write_alert(config, store, event(i), tag=str(i))
        deliver.deliver_due(config, store, now=NOW)
        for row in outbox.listing(store):
            assert row.next_attempt_at is not None and row.last_attempt_at is not None
            waits.append((row.next_attempt_at - row.last_attempt_at).total_seconds())
    assert all(79 <= w <= 121 for w in waits), waits
    assert len({round(w) for w in waits}) > 3  # spread out, not one thundering herd


def test_a_redirect_is_a_failure_and_is_not_followed(tmp_path: Path, receiver: Receiver) -> None:
    target = receiver.route("/target", secret=SECRET)
    url = receiver.route("/old", secret=SECRET, policy=lambda _in: Answer(301, headers={"Location": target}))
    config = settings(tmp_path, webhooks=[hook("ops", url)])
    with open_store(config) as store:
        write_alert(config, store, event())
        deliver.deliver_due(config, store, now=NOW)
        [row] = outbox.listing(store)
    assert (row.state, row.last_status) == ("failed", 301)
    assert "redirects are not followed" in (row.last_error or "")
    assert receiver.at("/target") == []


def test_410_disables_the_endpoint_and_its_other_deliveries_die(tmp_path: Path, receiver: Receiver) -> None:
    config = settings(tmp_path, delivery={"timeout": "2s", "retry": FAST, "workers": 1},
                      webhooks=[hook("old", receiver.route("/old", secret=SECRET, policy=gone())),
                                hook("ops", receiver.route("/ops", secret=SECRET))])
    with open_store(config) as store:
        for i in range(5):
            write_alert(config, store, event(i), tag=str(i))
        report = deliver.deliver_due(config, store, now=NOW)
        assert (report.delivered, report.dead, report.disabled) == (5, 5, ["old"])
        assert list(outbox.disabled(store)) == ["old"]
        assert all(r.state == "dead" for r in outbox.listing(store, endpoint="old"))
        write_alert(config, store, event(9), tag="9")  # still written, and dies at once: visible, replayable
        report = deliver.deliver_due(config, store, now=later(60))
        assert (report.dead, report.attempted) == (1, 2)
        assert "disabled" in report.problems[0].message
        # A new URL under the same name is a new endpoint: it starts enabled.
        moved = settings(tmp_path, webhooks=[hook("old", receiver.route("/new", secret=SECRET)),
                                             hook("ops", receiver.url("/ops"))])
        write_alert(moved, store, event(10), tag="10")
        assert deliver.deliver_due(moved, store, now=later(120)).delivered == 2
    assert len(receiver.at("/old")) == 1  # one 410, then never again


def test_retry_after_on_429_is_honoured_and_holds_the_endpoint(tmp_path: Path, receiver: Receiver) -> None:
    url = receiver.route("/ops", secret=SECRET, policy=throttle(1, "120"))
    config = settings(tmp_path, delivery={"timeout": "2s", "retry": FAST, "workers": 1}, webhooks=[hook("ops", url)])
    with open_store(config) as store:
        for i in range(3):
            write_alert(config, store, event(i), tag=str(i))
        report = deliver.deliver_due(config, store, now=NOW)
        assert (report.failed, report.postponed) == (1, 2)
        listed = outbox.listing(store)
        assert sorted(r.attempts for r in listed) == [0, 0, 1]  # held ones spent no attempt
        for row in listed:
            assert row.next_attempt_at is not None and row.next_attempt_at >= later(119)
        assert deliver.deliver_due(config, store, now=later(60)).attempted == 0
        assert deliver.deliver_due(config, store, now=later(130)).delivered == 3


def test_attempts_run_in_parallel_on_the_workers(tmp_path: Path, receiver: Receiver) -> None:
    """A receiver a network round trip away must not cap an endpoint at one message per round trip."""
    url = receiver.route("/far", secret=SECRET, policy=lambda _in: Answer(204, delay=0.25))
    config = settings(tmp_path, delivery={"timeout": "5s", "retry": FAST, "workers": 8}, webhooks=[hook("far", url)])
    with open_store(config) as store:
        for i in range(16):
            write_alert(config, store, event(i), tag=str(i))
        began = time.monotonic()
        report = deliver.deliver_due(config, store, now=NOW)
        took = time.monotonic() - began
    assert report.delivered == 16
    assert took < 2.0, took  # one at a time takes 16 x 0.25 s = 4 s; eight at a time about 0.5 s
    arrivals = sorted(r.at for r in receiver.at("/far"))
    assert arrivals[7] - arrivals[0] < 0.2  # the first eight went out together


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert retry_after("30") == 30.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", clock=lambda: 1445412480.0 - 60) == 60.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_a_receiver_slower_than_the_timeout_fails_fast_and_holds_the_rest(tmp_path: Path,
                                                                          receiver: Receiver) -> None:
    url = receiver.route("/slow", secret=SECRET, policy=slow_every(1, 3.0))
    config = settings(tmp_path, delivery={"timeout": "2s", "retry": FAST, "workers": 1},
                      webhooks=[hook("slow", url, timeout="0.3s")])
    with open_store(config) as store:
        for i in range(10):
            write_alert(config, store, event(i), tag=str(i))
        report = deliver.deliver_due(config, store, now=NOW)
        assert (report.failed, report.postponed) == (1, 9)
        [failed] = outbox.listing(store, states=["failed"])
        assert failed.last_error == "timed out after 0.3s"
        receiver.route("/slow", secret=SECRET)
        assert deliver.deliver_due(config, store, now=later(5)).delivered == 10
    assert len(receiver.at("/slow")) == 11


def test_an_attempt_cut_off_by_a_crash_is_retried_after_its_lease(tmp_path: Path, receiver: Receiver) -> None:
    config = settings(tmp_path, webhooks=[hook("ops", receiver.route("/ops", secret=SECRET))])
    with open_store(config) as store:
        alert = write_alert(config, store, event())
        [row] = outbox.listing(store)
        claimed = outbox.claim(store, row, moment=NOW, lease=dt.timedelta(seconds=32))  # ... and the process dies
        assert claimed is not None
        assert outbox.claim(store, row, moment=NOW, lease=dt.timedelta(seconds=32)) is None  # nobody else takes it
        assert deliver.deliver_due(config, store, now=later(10)).attempted == 0  # still leased
        [row] = outbox.listing(store)
        assert "interrupted" in (row.last_error or "")
        report = deliver.deliver_due(config, store, now=later(40))
        [row] = outbox.listing(store)
    assert (report.delivered, row.state, row.attempts) == (1, "delivered", 2)
    assert [r.webhook_id for r in receiver.at("/ops")] == [message_id(alert)]


def test_an_endpoint_removed_from_the_config_leaves_dead_replayable_deliveries(tmp_path: Path) -> None:
    config = settings(tmp_path, webhooks=[hook("ops", "https://hooks.example.org/a")])
    with open_store(config) as store:
        write_alert(config, store, event())
        report = deliver.deliver_due(settings(tmp_path), store, now=NOW)
        [row] = outbox.listing(store)
    assert (report.dead, row.state) == (1, "dead")
    assert "no webhook endpoint named ops" in (row.last_error or "")


# private addresses ---------------------------------------------------------------------------
def test_private_and_loopback_endpoints_are_refused_by_their_resolved_address(tmp_path: Path,
                                                                             receiver: Receiver) -> None:
    receiver.route("/ops", secret=SECRET)
    by_name = f"http://localhost:{receiver.port}/ops"  # the text is no IP: the resolved address decides
    config = settings(tmp_path, webhooks=[hook("ip", receiver.url("/ops"), allow_private=False),
                                          hook("name", by_name, allow_private=False)])
    with open_store(config) as store:
        write_alert(config, store, event())
        report = deliver.deliver_due(config, store, now=NOW)
        errors = {r.endpoint: r.last_error or "" for r in outbox.listing(store)}
    assert report.failed == 2 and receiver.received == []
    assert "127.0.0.1, a private, loopback or link-local address" in errors["ip"]
    assert "localhost resolves to" in errors["name"] and "allow_private" in errors["name"]


def test_a_public_name_that_resolves_to_a_private_address_is_refused_at_send_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo
    asked: list[str] = []

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "hooks.example.org":
            asked.append(host)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", port))]
        return real(host, port, *args, **kwargs)

    def no_connect(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("connected to a refused address")

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(socket.socket, "connect", no_connect)
    config = settings(tmp_path, webhooks=[hook("ops", "http://hooks.example.org/x", allow_private=False)])
    with open_store(config) as store:
        write_alert(config, store, event())
        deliver.deliver_due(config, store, now=NOW)
        [row] = outbox.listing(store)
    assert asked and "169.254.169.254" in (row.last_error or "") and row.state == "failed"


def test_the_guard_covers_https_too(tmp_path: Path) -> None:
    config = settings(tmp_path, webhooks=[hook("tls", "https://localhost:1/hook", allow_private=False)])
    with open_store(config) as store:
        write_alert(config, store, event())
        deliver.deliver_due(config, store, now=NOW)
        [row] = outbox.listing(store)
    assert "refused: localhost resolves to" in (row.last_error or "")


def test_public_addresses_are_told_from_private_ones() -> None:
    for address in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                    "0.0.0.0", "::1", "fe80::1%eth0", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1"):
        assert not is_public(address), address
    for address in ("8.8.8.8", "93.184.215.14", "2606:4700::1111"):
        assert is_public(address), address


# secrets ------------------------------------------------------------------------------------
def test_secrets_never_appear_in_reprs_errors_logs_or_listings(tmp_path: Path, receiver: Receiver,
                                                                caplog: pytest.LogCaptureFixture,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    token = "T0kenInThePath9876"
    url = receiver.route(f"/hooks/{token}", secret=SECRET, policy=lambda _in: Answer(500, body=SECRET.encode()))
    chat_password = "hunter2-chat-password"
    monkeypatch.setenv("OPS_SECRET", SECRET)
    data = {"version": 1, "state": "state.db", "reminders": [], "sources": [],
            "delivery": {"timeout": "2s", "retry": FAST},
            "webhooks": [{"name": "ops", "url": url + "?key=querysecret", "secret": "${OPS_SECRET}",
                          "allow_private": True}],
            "notify": [{"name": "chat", "apprise": f"json://user:{chat_password}@127.0.0.1:9/x"}]}
    (tmp_path / "config.yaml").write_text(json.dumps(data), encoding="utf-8")
    config = validate(data, tmp_path)
    caplog.set_level(logging.DEBUG)
    with open_store(config) as store:
        write_alert(config, store, event())
        deliver.deliver_due(config, store, now=NOW)
        stored = [r.last_error or "" for r in outbox.listing(store)]
    listed = CliRunner().invoke(cli.cli, ["deliveries", "--config", str(tmp_path / "config.yaml")])
    as_json = CliRunner().invoke(cli.cli, ["deliveries", "--json", "--config", str(tmp_path / "config.yaml")])
    shown = [repr(config), str(config.model_dump()), repr(destinations(config)), caplog.text, *stored,
             listed.output, as_json.output]
    for secret in (SECRET, SECRET.removeprefix("whsec_"), token, "querysecret", chat_password):
        for text in shown[2:]:
            assert secret not in text
    for text in shown[:2]:  # the config keeps the webhook URL (out of its repr), not the secrets
        assert SECRET.removeprefix("whsec_") not in text and chat_password not in text
    assert token not in repr(config)
    assert "HTTP 500" in " ".join(stored) and "***" in " ".join(stored)


# apprise ------------------------------------------------------------------------------------
def test_an_apprise_json_target_on_loopback_receives_the_human_message(tmp_path: Path,
                                                                       receiver: Receiver) -> None:
    receiver.route("/chat")
    target = f"json://127.0.0.1:{receiver.port}/chat"
    config = settings(tmp_path, notify=[{"name": "chat", "apprise": target, "allow_private": True,
                                         "kinds": ["new", "cancelled"]}])
    with open_store(config) as store:
        alert = write_alert(config, store, event(), "new")
        write_alert(config, store, event(1), "updated")  # filtered out
        report = deliver.deliver_due(config, store, now=NOW)
    assert (report.delivered, report.problems) == (1, [])
    [request] = receiver.at("/chat")
    message = request.json()
    assert (message["title"], message["message"]) == (alert.title, alert.body)
    assert message["type"] == "info"


def test_an_apprise_target_is_guarded_and_retried_like_a_webhook(tmp_path: Path, receiver: Receiver) -> None:
    receiver.route("/chat", policy=fail_every_other(503))
    target = f"json://127.0.0.1:{receiver.port}/chat"
    guarded = settings(tmp_path, notify=[{"name": "chat", "apprise": target}])
    with open_store(guarded) as store:
        write_alert(guarded, store, event(), "cancelled")
        deliver.deliver_due(guarded, store, now=NOW)
        [row] = outbox.listing(store)
        assert row.state == "failed" and "private" in (row.last_error or "") and receiver.received == []
        allowed = settings(tmp_path, notify=[{"name": "chat", "apprise": target, "allow_private": True}])
        deliver.deliver_due(allowed, store, now=later(60))
        [row] = outbox.listing(store)
        assert row.state == "failed" and "503" in (row.last_error or "")
        deliver.deliver_due(allowed, store, now=later(120))
        [row] = outbox.listing(store)
    assert row.state == "delivered"
    assert receiver.at("/chat")[-1].json()["type"] == "warning"


# the pipeline and the command line ------------------------------------------------------------
def test_a_run_with_a_webhook_sends_the_seed_alert(workspace: Workspace, receiver: Receiver,
                                                   run_publisher: Any) -> None:
    workspace.copy_seeds()
    url = receiver.route("/ops", secret=SECRET)
    report = run_publisher(now=dt.datetime(2025, 11, 28, 12, tzinfo=dt.UTC), webhooks=[hook("ops", url)],
                           delivery={"timeout": "5s", "retry": FAST})
    assert report.alerts and report.deliveries.delivered == len(report.alerts)
    assert [r.verified for r in receiver.at("/ops")] == [True] * len(report.alerts)
    body = receiver.at("/ops")[0].json()
    jsonschema.validate(body, SCHEMA)
    assert body["type"] == "event.created" and "Putin" in body["data"]["alert"]["title"]
    with open_store(workspace.config()) as store:
        stored = store.event(body["data"]["alert"]["event_uid"])
    assert stored is not None and body["data"]["event"] == json.loads(json.dumps(event_to_json(stored)))
    rerun = run_publisher(now=dt.datetime(2025, 11, 28, 13, tzinfo=dt.UTC), webhooks=[hook("ops", url)],
                          delivery={"timeout": "5s", "retry": FAST})
    assert rerun.deliveries is None, "nothing due: the outbox is not even opened"
    assert len(receiver.at("/ops")) == len(report.alerts)


def test_cli_lists_deliveries_and_replays_one(tmp_path: Path, receiver: Receiver,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPS_SECRET", SECRET)
    url = receiver.route("/ops", secret=SECRET, policy=lambda _in: Answer(500))
    data = {"version": 1, "state": "state.db", "reminders": [], "sources": [],
            "delivery": {"timeout": "2s", "retry": []},
            "webhooks": [{"name": "ops", "url": url, "secret": "${OPS_SECRET}", "allow_private": True}]}
    path = tmp_path / "config.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    config = validate(data, tmp_path)
    with open_store(config) as store:
        write_alert(config, store, event())
        deliver.deliver_due(config, store, now=NOW)
        [row] = outbox.listing(store)
    assert row.state == "dead"
    runner = CliRunner()
    table = runner.invoke(cli.cli, ["deliveries", "--config", str(path), "--state", "dead"])
    assert table.exit_code == 0 and row.id in table.output and "HTTP 500" in table.output
    lines = runner.invoke(cli.cli, ["deliveries", "--config", str(path), "--json"]).output.splitlines()
    listed = json.loads(lines[0])
    assert (listed["id"], listed["state"], listed["attempts"], listed["webhook_id"]) == (
        row.id, "dead", 1, row.message_id)
    failing = runner.invoke(cli.cli, ["deliveries", "replay", row.id, "--config", str(path)])
    assert failing.exit_code == 1 and "dead" in failing.output
    receiver.route("/ops", secret=SECRET)
    replayed = runner.invoke(cli.cli, ["deliveries", "--config", str(path), "replay", row.id])
    assert replayed.exit_code == 0 and "delivered" in replayed.output
    assert runner.invoke(cli.cli, ["deliveries", "replay", "dlv_nope", "--config", str(path)]).exit_code == 2
    assert [r.webhook_id for r in receiver.at("/ops")] == [row.message_id] * 3


def test_config_validates_webhooks_and_notify(tmp_path: Path) -> None:
    from publisher.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        validate({"version": 1, "views": [{"name": "paris"}],
                  "webhooks": [{"name": "a", "url": "ftp://x", "secret": "not-a-secret", "kinds": ["deleted"]},
                               {"name": "b", "url": "https://x.example", "secret": SECRET, "retry": "often"}],
                  "notify": [{"name": "c", "apprise": "no url"}],
                  "delivery": {"timeout": "0s"}}, tmp_path)
    paths = {path for path, _ in caught.value.problems}
    assert {"webhooks[0].url", "webhooks[0].secret", "webhooks[0].kinds[0]", "webhooks[1].retry",
            "notify[0].apprise", "delivery.timeout"} <= paths
    assert "not-a-secret" not in str(caught.value)
    with pytest.raises(ConfigError, match="unique together"):
        validate({"version": 1, "webhooks": [hook("x", "https://a.example")],
                  "notify": [{"name": "x", "apprise": "json://a.example"}]}, tmp_path)
    with pytest.raises(ConfigError, match="views that do not exist: nowhere"):
        validate({"version": 1, "webhooks": [hook("x", "https://a.example", views=["nowhere"])]}, tmp_path)
    config = validate({"version": 1, "delivery": {"retry": ["1s"]},
                       "webhooks": [hook("x", "https://a.example", retry=["2s", "3s"], timeout="4s"),
                                    hook("y", "https://b.example")]}, tmp_path)
    known = destinations(config)
    assert (known["x"].retry, known["x"].timeout, known["y"].retry, known["y"].timeout) == ((2.0, 3.0), 4.0,
                                                                                             (1.0,), 15.0)


def test_cli_replays_every_dead_delivery_of_an_endpoint(tmp_path: Path, receiver: Receiver) -> None:
    broken = receiver.route("/ops", secret=SECRET, policy=lambda _in: Answer(503))
    data = {"version": 1, "state": "state.db", "reminders": [], "sources": [],
            "delivery": {"timeout": "2s", "retry": []},
            "webhooks": [hook("ops", broken), hook("other", receiver.route("/other", secret=SECRET,
                                                                            policy=lambda _in: Answer(500)))]}
    path = tmp_path / "config.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    config = validate(data, tmp_path)
    with open_store(config) as store:
        for i in range(3):
            write_alert(config, store, event(i), tag=str(i))
        deliver.deliver_due(config, store, now=NOW)
        assert outbox.counts(store) == {"dead": 6}
    receiver.route("/ops", secret=SECRET)
    runner = CliRunner()
    result = runner.invoke(cli.cli, ["deliveries", "replay", "--dead", "--endpoint", "ops", "--config", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.count("delivered (webhook-id msg_") == 3
    with open_store(config) as store:
        assert outbox.counts(store) == {"dead": 3, "delivered": 3}
        assert {r.endpoint for r in outbox.listing(store, states=["dead"])} == {"other"}
    assert runner.invoke(cli.cli, ["deliveries", "replay", "--config", str(path)]).exit_code == 2


def test_an_update_sends_the_event_as_the_alert_describes_it(workspace: Workspace, receiver: Receiver,
                                                            run_publisher: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from publisher import pipeline
    from tests.scripted import scripted_detect

    monkeypatch.setattr(pipeline, "detect", scripted_detect)
    url = receiver.route("/ops", secret=SECRET)
    extra = {"webhooks": [hook("ops", url)], "delivery": {"timeout": "5s", "retry": FAST}}
    workspace.add("a.md", "EVENT 2026-12-04 | Cup final | Leeds", published="2026-11-20")
    run_publisher(now=dt.datetime(2026, 11, 20, tzinfo=dt.UTC), **extra)
    workspace.add("b.md", "EVENT 2026-12-11 | Cup final | Leeds | postponed | original=2026-12-04",
                  published="2026-11-25")
    run_publisher(now=dt.datetime(2026, 11, 25, tzinfo=dt.UTC), **extra)
    first, moved = (r.json() for r in receiver.at("/ops"))
    assert (first["type"], moved["type"]) == ("event.created", "event.postponed")
    assert first["data"]["event"]["start"] == "2026-12-04"
    assert (moved["data"]["event"]["start"], moved["data"]["event"]["original_start"]) == ("2026-12-11", "2026-12-04")
    assert moved["data"]["event"]["sequence"] == first["data"]["event"]["sequence"] + 1
    assert moved["data"]["alert"]["changes"]
