"""Stories told by several announcements, through the real detector, merge and feeds.

Each story is a list of (published, text) written in the style of real reports. The tests read
them one by one in publication order (like a service polling), all at once, and newest first,
and check the final calendar, the UIDs, SEQUENCE, and the alerts each reading adds.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import feedparser
import icalendar
import pytest

from publisher.pipeline import run_once
from publisher.store import open_store
from tests.conftest import Workspace

Story = list[tuple[str, str]]

SAME_VISIT: Story = [
    ("2026-03-02", "Ottawa: The Prime Minister of Norway, Jonas Lund, will pay an official visit to Canada from "
                   "March 16 to 18, the Prime Minister's Office announced on Monday. Lund will hold talks with "
                   "Prime Minister Claire Dubois in Ottawa on trade and Arctic cooperation."),
    ("2026-03-03", "Norwegian Prime Minister Jonas Lund is set to visit Canada on 16-18 March, officials said. "
                   "It will be his first trip to Ottawa since taking office."),
    ("2026-03-05", "Jonas Lund's visit to Canada, scheduled for March 16-18, is expected to focus on energy and "
                   "Arctic security, according to diplomats."),
]

POSTPONED: Story = [
    ("2026-04-01", "The Riverside Music Festival will take place on Saturday, May 9, 2026 at Harbour Park in "
                   "Portsmouth, organisers announced."),
    ("2026-04-20", "Organisers have postponed the Riverside Music Festival, which was scheduled for May 9, to "
                   "June 13, 2026 because of construction work at Harbour Park in Portsmouth."),
]

CANCELLED: Story = [
    ("2026-05-04", "The Transport Workers Union announced that its members will strike on Thursday, May 21, 2026, "
                   "halting bus services across Melbourne."),
    ("2026-05-18", "The Transport Workers Union has called off the strike planned for May 21 after reaching a pay "
                   "deal with operators in Melbourne."),
]

MOVED_VENUE: Story = [
    ("2026-06-01", "The annual Northern Robotics Conference will be held on 24 June 2026 at the Civic Hall in "
                   "Leeds, the organisers said."),
    ("2026-06-10", "The Northern Robotics Conference on 24 June 2026 has been moved to the Royal Armouries in "
                   "Leeds because of demand for tickets, the organisers said."),
]

LOOKALIKES: Story = [
    ("2026-02-02", "Harbour City will host Lakeside Rovers in a league match on Saturday, February 14, 2026 at "
                   "Harbour Stadium."),
    ("2026-02-16", "Harbour City will host Lakeside Rovers again in the cup on Saturday, February 28, 2026 at "
                   "Harbour Stadium."),
]


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)


class Reader:
    """One workspace reading a story's files and running publisher after each batch."""

    def __init__(self, root: Path) -> None:
        self.ws = Workspace(root)
        self.config = self.ws.config()

    def add(self, index: int, published: str, text: str) -> None:
        self.ws.add(f"{index:02d}.md", text, published=published)  # a file: no headline, as most have none

    def run(self, now: dt.datetime) -> tuple[list[icalendar.Event], set[str]]:
        with open_store(self.config) as store:
            report = run_once(self.config, store, now=now)
        assert report.problems == []
        events = list(icalendar.Calendar.from_ical(self.ws.calendar.read_bytes()).walk("VEVENT"))
        alerts = {e.id for e in feedparser.parse(self.ws.alerts.read_bytes()).entries}
        return events, alerts


def signature(events: list[icalendar.Event]) -> list[tuple[str, str, str]]:
    return sorted((str(e.decoded("DTSTART")), str(e.decoded("DTEND")), str(e.get("STATUS"))) for e in events)


def in_order(story: Story, root: Path) -> tuple[list[list[icalendar.Event]], list[int]]:
    """Each report read in turn: the calendars after each run and the alerts each run added."""
    reader, seen, history, added = Reader(root), set(), [], []
    for index, (published, text) in enumerate(story):
        reader.add(index, published, text)
        events, alerts = reader.run(at(published))
        history.append(events)
        added.append(len(alerts - seen))
        seen |= alerts
    return history, added


def test_one_visit_from_three_outlets_is_one_entry_and_one_alert(tmp_path: Path) -> None:
    history, added = in_order(SAME_VISIT, tmp_path)
    [event] = history[-1]
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (dt.date(2026, 3, 16), dt.date(2026, 3, 19))
    assert added == [1, 0, 0]
    assert event["SEQUENCE"] == 0


def test_postponement_moves_the_entry_and_alerts_once(tmp_path: Path) -> None:
    history, added = in_order(POSTPONED, tmp_path)
    [first], [last] = history[0], history[-1]
    assert last["UID"] == first["UID"] and last["SEQUENCE"] > first["SEQUENCE"]
    assert last.decoded("DTSTART") == dt.date(2026, 6, 13)
    assert added == [1, 1]


def test_cancellation_marks_the_entry_cancelled_and_alerts_once(tmp_path: Path) -> None:
    history, added = in_order(CANCELLED, tmp_path)
    [first], [last] = history[0], history[-1]
    assert last["UID"] == first["UID"] and last["SEQUENCE"] > first["SEQUENCE"]
    assert str(last["STATUS"]) == "CANCELLED"
    assert last.decoded("DTSTART") == dt.date(2026, 5, 21)
    assert added == [1, 1]


def test_venue_change_updates_the_place_and_alerts_once(tmp_path: Path) -> None:
    history, added = in_order(MOVED_VENUE, tmp_path)
    [first], [last] = history[0], history[-1]
    assert last["UID"] == first["UID"] and last["SEQUENCE"] > first["SEQUENCE"]
    assert "Royal Armouries" in str(last["LOCATION"])
    assert last.decoded("DTSTART") == dt.date(2026, 6, 24)
    assert added == [1, 1]


def test_lookalikes_stay_apart(tmp_path: Path) -> None:
    history, added = in_order(LOOKALIKES, tmp_path)
    assert [e.decoded("DTSTART") for e in sorted(history[-1], key=lambda e: e.decoded("DTSTART"))] == [
        dt.date(2026, 2, 14), dt.date(2026, 2, 28)]
    assert added == [1, 1]


@pytest.mark.parametrize("story", [SAME_VISIT, POSTPONED, CANCELLED, MOVED_VENUE, LOOKALIKES],
                         ids=["same", "postponed", "cancelled", "venue", "lookalikes"])
def test_any_reading_order_gives_the_same_calendar(story: Story, tmp_path: Path) -> None:
    final, _ = in_order(story, tmp_path / "in-order")
    last = at(max(published for published, _ in story))
    for number, order in enumerate(itertools.islice(itertools.permutations(range(len(story))), 1, 4)):
        reader = Reader(tmp_path / f"order-{number}")
        for index in order:
            reader.add(index, *story[index])
            events, _ = reader.run(last)
        assert signature(events) == signature(final[-1]), order
    at_once = Reader(tmp_path / "at-once")
    for index, item in enumerate(story):
        at_once.add(index, *item)
    assert signature(at_once.run(last)[0]) == signature(final[-1])


def test_a_rerun_changes_nothing(tmp_path: Path) -> None:
    reader = Reader(tmp_path)
    for index, item in enumerate(POSTPONED):
        reader.add(index, *item)
    reader.run(at("2026-04-21"))
    before = (reader.ws.calendar.read_bytes(), reader.ws.alerts.read_bytes())
    reader.run(at("2026-04-22"))
    assert (reader.ws.calendar.read_bytes(), reader.ws.alerts.read_bytes()) == before
