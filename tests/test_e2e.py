"""End to end with the real detector: the shipped config and seeds, reruns, reading order."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import icalendar
import pytest

from publisher.sources import files as files_source
from tests.conftest import REPO, Workspace
from tests.feedlint import lint_ics, lint_rss


def ship(tmp_path: Path) -> Path:
    """The repository's config.yaml and seeds/ in a fresh folder."""
    root = tmp_path / "shipped"
    root.mkdir()
    shutil.copy(REPO / "config.yaml", root / "config.yaml")
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


def run_cli(root: Path, now: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "publisher", "run", "--config", str(root / "config.yaml"),
                           "--now", now], capture_output=True, text=True, check=False, timeout=120)


def calendar_events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def non_reminders(path: Path) -> list[feedparser.FeedParserDict]:
    entries = feedparser.parse(path.read_bytes()).entries
    return [e for e in entries if e.tags[0].term != "reminder"]


@pytest.mark.parametrize("now", ["2025-11-28T12:00:00Z", "2025-12-10T00:00:00Z", "2026-11-24T12:00:00Z",
                                 "2031-06-01T00:00:00Z"])
def test_the_seed_gives_one_entry_and_one_alert_whatever_the_date(tmp_path: Path, now: str) -> None:
    root = ship(tmp_path)
    done = run_cli(root, now)
    assert done.returncode == 0, done.stderr + done.stdout
    calendar, alerts = root / "feeds" / "calendar.ics", root / "feeds" / "alerts.xml"
    [event] = calendar_events(calendar)
    assert event.decoded("DTSTART") == dt.date(2025, 12, 4)
    assert event.decoded("DTEND") == dt.date(2025, 12, 6)
    assert b"DTSTART;VALUE=DATE:20251204" in calendar.read_bytes()
    assert b"DTEND;VALUE=DATE:20251206" in calendar.read_bytes()
    summary = str(event["SUMMARY"]).lower()
    assert "putin" in summary and "india" in summary and len(summary) < 60
    assert "delhi" in str(event["LOCATION"]).lower() or "india" in str(event["LOCATION"]).lower()
    [alert] = non_reminders(alerts)
    assert alert.tags[0].term == "new" and "Putin" in alert.title
    assert lint_ics(calendar.read_bytes()) == [] and lint_rss(alerts.read_bytes()) == []


def test_a_second_run_writes_no_alert_and_changes_no_byte(tmp_path: Path) -> None:
    root = ship(tmp_path)
    assert run_cli(root, "2026-11-24T12:00:00Z").returncode == 0
    feeds = sorted((root / "feeds").iterdir())
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in feeds}
    again = run_cli(root, "2026-11-25T12:00:00Z")
    assert again.returncode == 0
    assert "alerts written: 0" in again.stdout
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted((root / "feeds").iterdir())} == before


ANNOUNCEMENTS = {
    "strike.md": ("2026-11-02", "The union said its members will strike on Monday 16 November 2026 "
                                "across all bus depots in Leeds."),
    "launch.md": ("2026-11-05", "Acme will unveil its new tablet at an event in Berlin on 3 December 2026 "
                                "at 10:00 CET."),
    "holiday.md": ("2026-11-10", "The government declared Friday 27 November 2026 a public holiday "
                                 "in Kenya."),
}


def fill(ws: Workspace) -> None:
    ws.copy_seeds()
    for name, (published, text) in ANNOUNCEMENTS.items():
        ws.add(name, text, published=published)


def test_reading_order_does_not_change_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from publisher.pipeline import run_once
    from publisher.store import open_store

    listing = files_source.list_files
    outputs = []
    for flip in (False, True):
        ws = Workspace(tmp_path / f"ws-{flip}")
        fill(ws)

        def listed(pattern: Path, flip: bool = flip) -> tuple[Path, list[Path]]:
            root, paths = listing(pattern)
            return root, list(reversed(paths)) if flip else paths

        monkeypatch.setattr(files_source, "list_files", listed)
        config = ws.config()
        with open_store(config) as store:
            report = run_once(config, store, now=dt.datetime(2026, 11, 12, tzinfo=dt.UTC))
        assert report.problems == []
        outputs.append((ws.calendar.read_bytes(), ws.alerts.read_bytes()))
    assert outputs[0] == outputs[1]
    assert len(calendar_events(tmp_path / "ws-False" / "feeds" / "calendar.ics")) >= 3
