from __future__ import annotations

import datetime as dt

from publisher.config import View
from publisher.model import Event, SourceRef
from publisher.views import matches, select

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


def event(summary: str, **extra: object) -> Event:
    return Event(uid=summary, sequence=0, summary=summary, start=dt.date(2026, 12, 4), end=None, all_day=True,
                 first_seen=NOW, last_modified=NOW, **extra)  # type: ignore[arg-type]


def test_empty_view_keeps_everything() -> None:
    assert matches(View(name="all"), event("Anything"))


def test_every_filter_must_pass_and_any_value_in_one_is_enough() -> None:
    view = View(name="v", categories=["visit", "summit"], places=["Delhi"])
    assert matches(view, event("Putin visit", category="visit", location="New Delhi, India"))
    assert not matches(view, event("Putin visit", category="visit", location="Moscow"))
    assert not matches(view, event("Strike", category="strike", location="New Delhi"))


def test_words_match_whole_and_in_any_case() -> None:
    assert matches(View(name="v", keywords=["UNPACKED"]), event("Samsung Galaxy Unpacked"))
    assert not matches(View(name="v", keywords=["art"]), event("Race start"))
    assert matches(View(name="v", places=["new delhi"]), event("x", location="Hyderabad House, New Delhi"))


def test_sources_and_participants() -> None:
    ref = SourceRef("mea", "a", None, None, NOW)
    e = event("Visit", sources=(ref,), participants=("Narendra Modi",))
    assert matches(View(name="v", sources=["mea"], participants=["Modi"]), e)
    assert select(View(name="v", sources=["other"]), [e]) == []
