"""Real clients see a change as a change: khal replaces the event, newsboat shows a new item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from publisher import pipeline
from publisher.pipeline import run_once
from publisher.store import open_store
from tests.conftest import Workspace
from tests.httpserver import LoopbackServer
from tests.scripted import scripted_detect
from tests.test_clients import KHAL_FORMAT, Newsboat, khal_config, khal_view, need, run

pytestmark = pytest.mark.clients


def announce_then_postpone(ws: Workspace) -> tuple[bytes, bytes, bytes, bytes]:
    """Feeds after an announcement, then after its postponement."""
    ws.add("a.md", "EVENT 2026-12-04 | Cup final | Leeds", published="2026-11-20")
    config = ws.config()
    with open_store(config) as store:
        run_once(config, store, now=dt.datetime(2026, 11, 20, tzinfo=dt.UTC))
    first = (ws.calendar.read_bytes(), ws.alerts.read_bytes())
    ws.add("b.md", "EVENT 2026-12-11 | Cup final | Leeds | postponed | original=2026-12-04", published="2026-11-25")
    with open_store(config) as store:
        run_once(config, store, now=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    return first[0], first[1], ws.calendar.read_bytes(), ws.alerts.read_bytes()


@pytest.fixture
def feeds(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes, bytes, bytes]:
    monkeypatch.setattr(pipeline, "detect", scripted_detect)
    return announce_then_postpone(workspace)


def test_khal_import_of_the_new_feed_replaces_the_event(feeds: tuple[bytes, bytes, bytes, bytes],
                                                        tmp_path: Path) -> None:
    khal = need("khal")
    calendar_dir = tmp_path / "calendar"
    config = khal_config(tmp_path, calendar_dir)
    before, after = tmp_path / "before.ics", tmp_path / "after.ics"
    before.write_bytes(feeds[0])
    after.write_bytes(feeds[2])
    [old] = icalendar.Calendar.from_ical(feeds[0]).walk("VEVENT")
    [new] = icalendar.Calendar.from_ical(feeds[2]).walk("VEVENT")
    assert (new["UID"], new["SEQUENCE"]) == (old["UID"], old["SEQUENCE"] + 1)
    for feed in (before, after):
        run([khal, "-c", str(config), "import", "--batch", "-a", "feed", str(feed)], tmp_path)
    assert len(list(calendar_dir.glob("*.ics"))) == 1
    listed = run([khal, "-c", str(config), "list", "--day-format", "", "--format", KHAL_FORMAT,
                  "2026-12-01", "2026-12-31"], tmp_path)
    view = khal_view(listed.stdout)
    assert list(view) == [str(old["UID"])]
    assert view[str(old["UID"])][0] == "2026-12-11"
    assert [line for line in listed.stdout.splitlines() if line.strip()] == [listed.stdout.splitlines()[0]]


def test_newsboat_shows_the_change_as_a_new_item(feeds: tuple[bytes, bytes, bytes, bytes], tmp_path: Path) -> None:
    binary = need("newsboat")
    (tmp_path / "newsboat.conf").write_text("", encoding="utf-8")
    with LoopbackServer() as server:
        url = server.serve("/alerts.xml", feeds[1], content_type="application/rss+xml; charset=utf-8")
        reader = Newsboat(binary, tmp_path, url)
        assert reader.reload() == 1
        server.serve("/alerts.xml", feeds[3], content_type="application/rss+xml; charset=utf-8")
        assert reader.reload() == 2
    titles = sorted(title for _, title, _, _ in reader.items())
    assert [t.split(":")[0] for t in titles] == ["New", "Postponed"]
