"""The pipeline with a scripted detector: merging, alerts, windows, reruns and order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import feedparser
import icalendar
import pytest

from publisher import pipeline
from tests.conftest import NOW, Workspace
from tests.scripted import scripted_detect

Run = Callable[..., Any]


@pytest.fixture(autouse=True)
def scripted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "detect", scripted_detect)


def vevents(ws: Workspace) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(ws.calendar.read_bytes()).walk("VEVENT"))


def items(ws: Workspace) -> list[Any]:
    return list(feedparser.parse(ws.alerts.read_bytes()).entries)


def kinds(ws: Workspace) -> list[str]:
    return [entry.tags[0].term for entry in items(ws)]


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)


def test_new_event_gives_one_entry_and_one_alert(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-04..2026-12-05 | Summit in Paris | Paris", published="2026-11-20")
    report = run_publisher(now=at("2026-11-20"))
    assert (report.new_events, len(report.alerts), report.problems) == (1, 1, [])
    [event] = vevents(workspace)
    assert event.decoded("DTSTART") == dt.date(2026, 12, 4)
    assert event.decoded("DTEND") == dt.date(2026, 12, 6)
    assert kinds(workspace) == ["new"]


def test_rerun_changes_no_byte_and_writes_no_alert(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-04 | Launch | Berlin", published="2026-11-20")
    run_publisher(now=at("2026-11-20"))
    before = (workspace.calendar.read_bytes(), workspace.alerts.read_bytes(), workspace.calendar.stat().st_mtime_ns)
    report = run_publisher(now=at("2026-11-21"))
    assert (report.alerts, report.written, report.new_events, report.updated_events) == ([], [], 0, 0)
    assert (workspace.calendar.read_bytes(), workspace.alerts.read_bytes(),
            workspace.calendar.stat().st_mtime_ns) == before


def test_postponement_updates_the_same_entry(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-04 | Cup final | Leeds", published="2026-11-20")
    run_publisher(now=at("2026-11-20"))
    [first] = vevents(workspace)
    workspace.add("b.md", "EVENT 2026-12-11 | Cup final | Leeds | postponed | original=2026-12-04",
                  published="2026-11-25")
    report = run_publisher(now=at("2026-11-25"))
    [moved] = vevents(workspace)
    assert moved["UID"] == first["UID"]
    assert moved["SEQUENCE"] == first["SEQUENCE"] + 1
    assert moved.decoded("DTSTART") == dt.date(2026, 12, 11)
    assert [a.kind for a in report.alerts] == ["postponed"]
    assert "2026-12-04 → 2026-12-11" in report.alerts[0].body


def test_cancellation_keeps_uid_and_marks_cancelled(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-04 | Rail strike | London", published="2026-11-20")
    run_publisher(now=at("2026-11-20"))
    workspace.add("b.md", "EVENT 2026-12-04 | Rail strike | London | cancelled", published="2026-11-28")
    report = run_publisher(now=at("2026-11-28"))
    [event] = vevents(workspace)
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert [a.kind for a in report.alerts] == ["cancelled"]


def test_older_report_read_late_does_not_undo_a_newer_one(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("late.md", "EVENT 2026-12-11 | Cup final | Leeds | rescheduled | original=2026-12-04",
                  published="2026-11-25")
    run_publisher(now=at("2026-11-26"))
    workspace.add("early.md", "EVENT 2026-12-04 | Cup final | Leeds", published="2026-11-20")
    report = run_publisher(now=at("2026-11-26"))
    [event] = vevents(workspace)
    assert event.decoded("DTSTART") == dt.date(2026, 12, 11)
    assert report.alerts == []


def test_repeat_from_another_source_adds_a_source_not_an_alert(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-04 | Summit in Paris | Paris", published="2026-11-20", title="First")
    run_publisher(now=at("2026-11-20"))
    workspace.add("b.md", "EVENT 2026-12-04 | Paris summit | Paris", published="2026-11-21", title="Second")
    report = run_publisher(now=at("2026-11-21"))
    [event] = vevents(workspace)
    assert report.alerts == []
    assert "First" in str(event["DESCRIPTION"]) and "Second" in str(event["DESCRIPTION"])


def test_lookalikes_on_other_days_stay_apart(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-04 | Leeds v York | Leeds\nEVENT 2026-12-18 | Leeds v York | Leeds",
                  published="2026-11-20")
    run_publisher(now=at("2026-11-20"))
    assert len(vevents(workspace)) == 2


def test_source_order_does_not_change_the_output(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from publisher.pipeline import run_once
    from publisher.store import open_store

    outputs = []
    for order in ((0, 1), (1, 0)):
        ws = Workspace(tmp_path / f"ws{order[0]}")
        (ws.root / "other").mkdir(parents=True)
        ws.add("a.md", "EVENT 2026-12-04 | Summit in Paris | Paris", published="2026-11-20")
        (ws.root / "other" / "b.md").write_text("---\npublished: 2026-11-21\n---\nEVENT 2026-12-09 | Expo | Lyon\n")
        sources = [{"name": "news", "kind": "files", "path": "docs"},
                   {"name": "more", "kind": "files", "path": "other"}]
        config = ws.config(sources=[sources[i] for i in order])
        with open_store(config) as store:
            run_once(config, store, now=NOW)
        outputs.append((ws.calendar.read_bytes(), ws.alerts.read_bytes()))
    assert outputs[0] == outputs[1]


def test_a_broken_file_is_reported_and_the_rest_published(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("good.md", "EVENT 2026-12-04 | Launch | Berlin", published="2026-11-20")
    (workspace.docs / "empty.txt").write_bytes(b"")
    (workspace.docs / "latin1.txt").write_bytes("Caf\xe9 opening".encode("latin-1"))
    report = run_publisher(now=at("2026-11-20"))
    messages = [str(p) for p in report.problems]
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("latin1.txt" in m and "UTF-8" in m for m in messages)
    assert len(vevents(workspace)) == 1


def test_window_drops_old_events_and_expired_cancellations(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("old.md", "EVENT 2026-01-10 | Old fair | Lyon", published="2026-01-01")
    workspace.add("new.md", "EVENT 2026-12-10 | New fair | Lyon", published="2026-11-01")
    workspace.add("off.md", "EVENT 2026-12-12 | Concert | Nice | cancelled", published="2026-11-01")
    run_publisher(now=at("2026-11-02"), calendar={"past": "30d", "cancelled": "14d"})
    assert sorted(str(e["SUMMARY"]) for e in vevents(workspace)) == ["Concert", "New fair"]
    run_publisher(now=at("2026-11-30"), calendar={"past": "30d", "cancelled": "14d"})
    assert [str(e["SUMMARY"]) for e in vevents(workspace)] == ["New fair"]


def test_reminder_written_once_when_due_and_never_for_past(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-10 | Fair | Lyon", published="2026-11-01")
    workspace.add("b.md", "EVENT 2026-11-05 | Past show | Nice", published="2026-11-01")
    run_publisher(now=at("2026-11-01"), reminders=["1d"])
    run_publisher(now=at("2026-11-20"), reminders=["1d"])
    assert kinds(workspace).count("reminder") == 0
    report = run_publisher(now=dt.datetime(2026, 12, 9, 6, tzinfo=dt.UTC), reminders=["1d"])
    assert [a.kind for a in report.alerts] == ["reminder"]
    again = run_publisher(now=dt.datetime(2026, 12, 9, 18, tzinfo=dt.UTC), reminders=["1d"])
    assert again.alerts == []
    assert kinds(workspace).count("reminder") == 1


def test_reminder_catches_up_after_downtime(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-10T18:00+01:00 | Gala | Paris", published="2026-11-01")
    run_publisher(now=at("2026-11-01"), reminders=["2d"])
    report = run_publisher(now=dt.datetime(2026, 12, 10, 9, tzinfo=dt.UTC), reminders=["2d"])
    assert [a.kind for a in report.alerts] == ["reminder"]


def test_edited_announcement_replaces_its_claims(workspace: Workspace, run_publisher: Run) -> None:
    path = workspace.add("a.md", "EVENT 2026-12-04 | Launch | Berlin", published="2026-11-20")
    run_publisher(now=at("2026-11-20"))
    path.write_text("---\npublished: 2026-11-20\n---\nEVENT 2026-12-05 | Launch | Berlin | rescheduled\n")
    report = run_publisher(now=at("2026-11-21"))
    [event] = vevents(workspace)
    assert event.decoded("DTSTART") == dt.date(2026, 12, 5)
    assert [a.kind for a in report.alerts] == ["updated"]


def test_views_are_published_beside_the_default_feeds(workspace: Workspace, run_publisher: Run) -> None:
    workspace.add("a.md", "EVENT 2026-12-04 | General strike | Paris\nEVENT 2026-12-05 | Cup final | Leeds",
                  published="2026-11-20")
    run_publisher(now=at("2026-11-20"), views=[{"name": "france", "title": "France", "places": ["Paris"]}])
    feeds = workspace.root / "feeds"
    [strike] = icalendar.Calendar.from_ical((feeds / "france.ics").read_bytes()).walk("VEVENT")
    assert str(strike["SUMMARY"]) == "General strike"
    view_items = feedparser.parse((feeds / "france.xml").read_bytes()).entries
    assert [e.title.split(" · ")[0] for e in view_items] == ["New: General strike"]
    assert len(vevents(workspace)) == 2


def test_a_detector_failure_on_one_text_is_reported_and_retried(workspace: Workspace, run_publisher: Run,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def fragile(item: Any, *, now: dt.datetime) -> Any:
        if "BOOM" in item.text:
            raise IndexError("list index out of range")
        return scripted_detect(item, now=now)

    monkeypatch.setattr(pipeline, "detect", fragile)
    workspace.add("a.md", "EVENT 2026-12-04 | Launch | Berlin", published="2026-11-20")
    workspace.add("b.md", "BOOM", published="2026-11-20")
    report = run_publisher(now=at("2026-11-20"))
    assert [str(p) for p in report.problems] == [
        "news:b.md: detection failed: IndexError: list index out of range; it is read again on the next run"]
    assert len(vevents(workspace)) == 1
    monkeypatch.setattr(pipeline, "detect", scripted_detect)
    again = run_publisher(now=at("2026-11-21"))
    assert (again.changed_announcements, again.problems) == (1, [])
