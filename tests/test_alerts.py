from __future__ import annotations

import datetime as dt
import zoneinfo

from publisher.alerts import due_reminders, format_when, make_alert
from publisher.model import Change, Event, Evidence, SourceRef

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


def event(**changes: object) -> Event:
    base = Event(uid="u1", sequence=0, summary="Samsung Galaxy Unpacked", start=dt.date(2026, 12, 4),
                 end=dt.date(2026, 12, 5), all_day=True, first_seen=NOW, last_modified=NOW,
                 location="Barclays Center, Brooklyn", participants=("Samsung",),
                 evidence=Evidence("Samsung will hold Unpacked", 0, 26),
                 sources=(SourceRef("news", "a.md", "Samsung sets date", "https://example.org/a", NOW, "AP"),))
    return base.__class__(**{**base.__dict__, **changes})


def test_all_day_range_reads_naturally() -> None:
    assert format_when(event()) == "Fri 4 Dec 2026 – Sat 5 Dec 2026"
    assert format_when(event(end=dt.date(2026, 12, 4))) == "Fri 4 Dec 2026"


def test_timed_event_is_shown_in_its_own_zone() -> None:
    start = dt.datetime(2026, 8, 7, 20, tzinfo=dt.UTC)
    timed = event(start=start, end=None, all_day=False, timezone="America/New_York")
    assert format_when(timed) == "Fri 7 Aug 2026, 16:00 EDT (America/New_York)"
    ends = event(start=start, end=start + dt.timedelta(hours=2), all_day=False, timezone="Asia/Kolkata")
    assert format_when(ends) == "Sat 8 Aug 2026, 01:30–03:30 IST (Asia/Kolkata)"


def test_message_says_what_when_where_who_sources_and_quote() -> None:
    alert = make_alert("updated", event(), [Change("start", "2026-12-03", "2026-12-04")], now=NOW)
    assert alert.title.startswith("Updated: Samsung Galaxy Unpacked · Fri 4 Dec 2026")
    for fact in ("When: ", "Where: Barclays Center", "Who: Samsung", "start: 2026-12-03 → 2026-12-04",
                 "Quote: “Samsung will hold Unpacked”", "Samsung sets date (AP) <https://example.org/a>"):
        assert fact in alert.body
    assert alert.links == ("https://example.org/a",)


def test_alert_ids_are_stable_per_event_kind_and_sequence() -> None:
    a = make_alert("new", event(), [], now=NOW)
    assert a.id == make_alert("new", event(), [], now=NOW + dt.timedelta(days=1)).id
    assert a.id != make_alert("updated", event(sequence=1), [], now=NOW).id


def test_reminders_are_due_inside_the_offset_only() -> None:
    kolkata = zoneinfo.ZoneInfo("Asia/Kolkata")
    timed = event(start=dt.datetime(2026, 12, 4, 10, tzinfo=kolkata), end=None, all_day=False,
                  timezone="Asia/Kolkata")
    day = dt.timedelta(days=1)
    assert due_reminders([timed], [day], now=dt.datetime(2026, 12, 3, 4, 29, tzinfo=dt.UTC)) == []
    [due] = due_reminders([timed], [day], now=dt.datetime(2026, 12, 3, 4, 31, tzinfo=dt.UTC))
    assert due.kind == "reminder"
    assert due_reminders([timed], [day], now=dt.datetime(2026, 12, 4, 5, tzinfo=dt.UTC)) == []
    assert due_reminders([event(status="cancelled")], [day], now=dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC)) == []
