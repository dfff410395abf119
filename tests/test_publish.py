"""Publishing from stored VEVENT blocks gives the same bytes as rendering every event afresh."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import replace
from pathlib import Path

import pytest

from publisher import publish
from publisher.config import Config, validate
from publisher.model import Event, SourceRef
from publisher.render import ics
from publisher.store import Store, open_store

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


def events() -> list[Event]:
    ref = SourceRef("news", "a.md", "Title", "https://example.org/a", NOW, "Agency")
    kolkata = zoneinfo.ZoneInfo("Asia/Kolkata")
    return [
        Event(uid="a@p", sequence=0, summary="Summit", start=dt.date(2026, 12, 4), end=dt.date(2026, 12, 5),
              all_day=True, first_seen=NOW, last_modified=NOW, sources=(ref,)),
        Event(uid="b@p", sequence=2, summary="Launch", start=dt.datetime(2026, 12, 1, 10, tzinfo=kolkata), end=None,
              all_day=False, timezone="Asia/Kolkata", first_seen=NOW, last_modified=NOW),
        Event(uid="c@p", sequence=1, summary="Strike", start=dt.date(2026, 11, 30), end=dt.date(2026, 11, 30),
              all_day=True, status="cancelled", first_seen=NOW, last_modified=NOW),
    ]


def configure(tmp_path: Path, **calendar: object) -> Config:
    return validate({"version": 1, "sources": [], "reminders": [],
                     "calendar": {"past": "all", "cancelled": "all", **calendar}}, tmp_path)


def fresh_render(config: Config, stored: list[Event]) -> bytes:
    return ics.render_calendar(stored, publish.calendar_info(config, config.output.title, "calendar.ics"))


def publish_once(config: Config, store: Store) -> bytes:
    _, problems = publish.publish(config, store, now=NOW)
    assert problems == []
    return (config.output_dir / "calendar.ics").read_bytes()


@pytest.fixture(autouse=True)
def cold_process() -> None:
    publish.LISTINGS.clear()


def test_stored_blocks_give_the_bytes_of_a_fresh_render(tmp_path: Path) -> None:
    config = configure(tmp_path)
    with open_store(config) as store:
        store.save_events(events())
        first = publish_once(config, store)
        publish.LISTINGS.clear()
        assert publish_once(config, store) == first == fresh_render(config, events())


def test_a_changed_event_is_rendered_again_and_only_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = configure(tmp_path)
    rendered: list[str] = []
    original = publish.entry
    monkeypatch.setattr(publish, "entry", lambda e, info: rendered.append(e.uid) or original(e, info))
    with open_store(config) as store:
        store.save_events(events())
        publish_once(config, store)
        assert sorted(rendered) == ["a@p", "b@p", "c@p"]
        rendered.clear()
        moved = replace(events()[0], start=dt.date(2026, 12, 6), end=dt.date(2026, 12, 7), sequence=1)
        store.save_events([moved])
        data = publish_once(config, store)
        assert rendered == ["a@p"]
        assert data == fresh_render(config, [moved, *events()[1:]])


def test_an_alarm_setting_renders_every_block_again(tmp_path: Path) -> None:
    with open_store(configure(tmp_path)) as store:
        store.save_events(events())
        publish_once(configure(tmp_path), store)
        with_alarm = configure(tmp_path, alarm="30m")
        data = publish_once(with_alarm, store)
    assert data.count(b"BEGIN:VALARM") == 2  # not for the cancelled one
    assert data == fresh_render(with_alarm, events())


def test_the_window_applies_in_the_database_as_in_python(tmp_path: Path) -> None:
    config = configure(tmp_path, past="3d", cancelled="1d")
    later = NOW + dt.timedelta(days=5)
    with open_store(config) as store:
        store.save_events(events())
        publish.publish(config, store, now=later)
    data = (config.output_dir / "calendar.ics").read_bytes()
    kept = [e for e in events() if publish.in_window(e, config, now=later)]
    assert [e.uid for e in kept] == ["a@p", "b@p"]  # the cancelled one has gone
    assert data == fresh_render(config, kept)


def test_a_deleted_event_leaves_the_calendar_and_new_ones_join_it(tmp_path: Path) -> None:
    config = configure(tmp_path)
    with open_store(config) as store:
        store.save_events(events())
        publish_once(config, store)
        store.delete_event("b@p")
        assert publish_once(config, store) == fresh_render(config, [events()[0], events()[2]])
        extra = replace(events()[0], uid="d@p", summary="Expo")
        store.save_events([extra])
        assert publish_once(config, store) == fresh_render(config, [events()[0], events()[2], extra])
        assert store.revisions()[0] > store.revisions()[1] > 0
