"""The date and time grammar: forms, ranges, relative words, times and zones, resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from publisher.detect.temporal import find_timexes, parse_clock, parse_zone, resolve_weekday

REF = dt.date(2025, 11, 28)  # a Friday


def values(text: str, ref: dt.date = REF, **kwargs: object) -> list[str | None]:
    return [t.value for t in find_timexes(text, ref, **kwargs)]  # type: ignore[arg-type]


def only(text: str, ref: dt.date = REF, **kwargs: object):  # type: ignore[no-untyped-def]
    found = find_timexes(text, ref, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, [t.text for t in found]
    return found[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("The gala is on December 4.", "2025-12-04"),
    ("The gala is on Dec. 4, 2026.", "2026-12-04"),
    ("The gala is on 4 December.", "2025-12-04"),
    ("The gala is on the 4th of December.", "2025-12-04"),
    ("The gala is on 4th Dec.", "2025-12-04"),
    ("The gala is on Thursday, December 4.", "2025-12-04"),
    ("The gala is on 2025-12-04.", "2025-12-04"),
    ("The gala is on DECEMBER 4.", "2025-12-04"),
    ("Doors open on January 9.", "2026-01-09"),
    ("Sales fell on October 2.", "2025-10-02"),
])
def test_day_forms(text: str, expected: str) -> None:
    assert values(text) == [expected]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("The fair runs from December 4 to 5.", "2025-12-04", "2025-12-05"),
    ("The fair runs Dec 4-5.", "2025-12-04", "2025-12-05"),
    ("The fair runs 4-5 December 2025.", "2025-12-04", "2025-12-05"),
    ("The fair runs October 22-24, 2026.", "2026-10-22", "2026-10-24"),
    ("The fair runs Oct. 30 to Nov. 1.", "2025-10-30", "2025-11-01"),
    ("The fair runs 25 Dec - 2 Jan.", "2025-12-25", "2026-01-02"),
    ("The fair runs July 15, 2026 to April 30, 2027.", "2026-07-15", "2027-04-30"),
])
def test_ranges(text: str, first: str, last: str) -> None:
    timex = only(text)
    assert timex.is_range
    assert timex.first is not None and timex.first.isoformat() == first
    assert timex.last is not None and timex.last.isoformat() == last


def test_range_parts_are_reported_separately() -> None:
    timex = only("from December 4 to 5")
    assert [value for _, _, value in timex.parts] == ["2025-12-04", "2025-12-05"]


@pytest.mark.parametrize("text", ["Ballots on December 9, 11, and 13.", "Ballots on 9, 11 and 13 December."])
def test_lists(text: str) -> None:
    timex = only(text)
    assert timex.is_list
    assert [d.isoformat() for d in timex.days] == ["2025-12-09", "2025-12-11", "2025-12-13"]


def test_between_and_is_a_range() -> None:
    timex = only("The office is shut between Monday and Wednesday.", tense_at=lambda _o: 1)
    assert timex.first == dt.date(2025, 12, 1)
    assert timex.last == dt.date(2025, 12, 3)


def test_relative_range_from_today_to_weekday() -> None:
    timex = only("closed from today (Friday) to Sunday")
    assert timex.first == REF
    assert timex.last == dt.date(2025, 11, 30)


def test_parenthesised_day_number_fixes_relative_day() -> None:
    # Written the day before publication: "tomorrow (28)" is the 28th, not the 29th.
    timex = only("open from tomorrow (28) until Sunday (30)")
    assert timex.first == dt.date(2025, 11, 28)
    assert timex.last == dt.date(2025, 11, 30)


@pytest.mark.parametrize(("text", "expected"), [
    ("today", "2025-11-28"),
    ("tonight", "2025-11-28TNI"),
    ("tomorrow", "2025-11-29"),
    ("yesterday", "2025-11-27"),
    ("next Tuesday", "2025-12-02"),
    ("last Tuesday", "2025-11-25"),
    ("this Sunday", "2025-11-30"),
    ("Monday next week", "2025-12-01"),
    ("this week", "2025-W48"),
    ("next month", "2025-12"),
    ("later this month", "2025-11"),
    ("last year", "2024"),
    ("two years ago", "2023"),
    ("three days ago", "2025-11-25"),
    ("now", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("this summer", "2025-SU"),
    ("Q4 2008", "2008-Q4"),
    ("the 1990s", "199"),
    ("Friday morning", "2025-11-28TMO"),
])
def test_relative_words(text: str, expected: str) -> None:
    assert values(f"It happens {text}.") == [expected]


def test_weekday_follows_sentence_direction() -> None:
    past = only("The minister spoke Tuesday.", tense_at=lambda _o: -1)
    future = only("The minister will speak Tuesday.", tense_at=lambda _o: 1)
    assert past.first == dt.date(2025, 11, 25)
    assert future.first == dt.date(2025, 12, 2)


def test_resolve_weekday_without_direction_picks_nearer() -> None:
    assert resolve_weekday(6, REF, 0, None) == dt.date(2025, 11, 30)  # Sunday: two days ahead
    assert resolve_weekday(2, REF, 0, None) == dt.date(2025, 11, 26)  # Wednesday: two days back


def test_stated_weekday_fixes_the_year() -> None:
    # 23 February fell on a Saturday in 2019; the reference is early 2018.
    timex = only("The final is on Saturday, February 23.", ref=dt.date(2018, 12, 1))
    assert timex.first == dt.date(2019, 2, 23)


def test_month_alone_follows_direction() -> None:
    assert values("The review ended in July.", tense_at=lambda _o: -1) == ["2025-07"]
    assert values("The review starts in March.", tense_at=lambda _o: 1) == ["2026-03"]


@pytest.mark.parametrize("text", [
    "You may attend if you wish.",
    "It was the 23rd summit between the two.",
    "He scored 2-1 in the second half.",
    "Call 1-855-859-2056 for details.",
    "More than 2000 people came.",
])
def test_not_dates(text: str) -> None:
    assert find_timexes(text, REF) == []


def test_years_and_year_ranges() -> None:
    assert values("It was founded in 1953.") == ["1953"]
    parts = [value for timex in find_timexes("the 2009-2010 season", REF) for _, _, value in timex.parts]
    assert parts == ["2009", "2010"]
    assert values("in the second half of the match") == []


@pytest.mark.parametrize(("text", "dayfirst", "expected"), [
    ("due 04/12/2025", True, "2025-12-04"),
    ("due 04/12/2025", False, "2025-04-12"),
    ("due 25/12/2025", False, "2025-12-25"),
    ("due 1/30/19", True, "2019-01-30"),
])
def test_numeric_dates_follow_convention(text: str, dayfirst: bool, expected: str) -> None:
    assert values(text, dayfirst=dayfirst) == [expected]


@pytest.mark.parametrize(("text", "start", "end", "zone"), [
    ("10:00 am", dt.time(10), None, None),
    ("10am PDT", dt.time(10), None, "America/Los_Angeles"),
    ("12-1 p.m.", dt.time(12), dt.time(13), None),
    ("17:30", dt.time(17, 30), None, None),
    ("noon", dt.time(12), None, None),
    ("8am-8pm", dt.time(8), dt.time(20), None),
    ("4:00 p.m. Central European Summer Time (CEST)", dt.time(16), None, "Europe/Paris"),
    ("9 a.m. Spanish peninsular time", dt.time(9), None, "Europe/Madrid"),
    ("3 pm UTC+2", dt.time(15), None, "UTC+02:00"),
])
def test_clock_times(text: str, start: dt.time, end: dt.time | None, zone: str | None) -> None:
    assert parse_clock(text) == (start, end, zone)


def test_date_and_time_glue_both_ways() -> None:
    assert values("at 11 a.m. Friday") == ["2025-11-28T11:00"]
    assert values("on Tuesday, December 2 at 4:30 pm") == ["2025-12-02T16:30"]


def test_zone_words() -> None:
    assert parse_zone("Eastern time") == "America/New_York"
    assert parse_zone("GMT") == "UTC"
    assert parse_zone("(IST)") == "Asia/Kolkata"
    assert parse_zone("Narnia time") is None


def test_offsets_are_inside_text() -> None:
    text = "Registration closes on March 3, 2026 at 5pm and the event is on 5 March."
    for timex in find_timexes(text, REF):
        for start, end, _ in timex.parts:
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]
