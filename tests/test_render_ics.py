"""The iCalendar renderer on events we build: what real calendar apps need, byte for byte.

Every rendered file also goes through our lint (tests/feedlint.py), and is read back with
icalendar to check that the instants survive zones and DST.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
import zoneinfo
from dataclasses import replace
from typing import Any

import icalendar
import pytest

from publisher.model import Event, Evidence, SourceRef
from publisher.render.ics import CalendarInfo, render_calendar
from tests.feedlint import lint_ics

UTC = dt.UTC
KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
SEEN = dt.datetime(2025, 11, 28, 9, 0, tzinfo=UTC)
CHANGED = dt.datetime(2025, 11, 30, 18, 45, 12, tzinfo=UTC)
INFO = CalendarInfo(name="publisher", description="Events announced to publisher",
                    url="http://localhost:8080/calendar.ics", timezone="UTC")


def make_event(uid: str = "visit@publisher", **fields: Any) -> Event:
    """An all-day event on 4 Dec 2025 unless told otherwise."""
    values: dict[str, Any] = {"uid": uid, "sequence": 0, "summary": "State visit", "start": dt.date(2025, 12, 4),
                              "end": dt.date(2025, 12, 4), "all_day": True, "first_seen": SEEN,
                              "last_modified": SEEN}
    values.update(fields)
    return Event(**values)


def timed(uid: str, start: dt.datetime, end: dt.datetime | None = None, zone: str | None = None,
          **fields: Any) -> Event:
    return make_event(uid, start=start, end=end, all_day=False, timezone=zone, **fields)


def render(*events: Event, info: CalendarInfo = INFO) -> bytes:
    """Render and insist the output passes the lint, so every test also checks the rules."""
    data = render_calendar(events, info)
    assert lint_ics(data, alarms_allowed=info.alarm is not None) == []
    return data


def lines(data: bytes) -> list[str]:
    """Content lines after unfolding."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def vevents(data: bytes) -> dict[str, icalendar.Component]:
    """The events as icalendar reads them back, by UID."""
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def instant(component: icalendar.Component, name: str) -> dt.datetime:
    """A date-time property as a UTC instant (same-zone Python arithmetic would ignore DST)."""
    value = component.decoded(name)
    assert isinstance(value, dt.datetime)
    return value.astimezone(UTC)


def event_lines(data: bytes, uid: str) -> list[str]:
    """The unfolded content lines of one VEVENT."""
    block: list[str] = []
    for line in lines(data):
        if line == "BEGIN:VEVENT":
            block = []
        block.append(line)
        if line == "END:VEVENT" and f"UID:{uid}" in block:
            return block
    raise AssertionError(f"no VEVENT {uid}")


VARIED = (
    make_event("one-day@publisher", summary="One day"),
    make_event("multi-day@publisher", summary="Summit", start=dt.date(2025, 12, 4), end=dt.date(2025, 12, 5),
               location="New Delhi", participants=("Putin", "Modi"), category="diplomacy",
               sources=(SourceRef("seeds", "visit", "Putin to visit", "https://example.org/visit", SEEN, "PTI"),)),
    timed("kolkata@publisher", dt.datetime(2025, 12, 4, 19, 30, tzinfo=KOLKATA),
          dt.datetime(2025, 12, 4, 22, 0, tzinfo=KOLKATA), "Asia/Kolkata", summary="Banquet"),
    timed("new-york@publisher", dt.datetime(2026, 3, 7, 20, 0, tzinfo=NEW_YORK),
          dt.datetime(2026, 3, 8, 10, 0, tzinfo=NEW_YORK), "America/New_York", summary="Across spring forward"),
    timed("utc@publisher", dt.datetime(2026, 1, 15, 9, 0, tzinfo=UTC), None, None, summary="Call"),
    make_event("cancelled@publisher", summary="Called off", status="cancelled", sequence=3,
               start=dt.date(2025, 12, 6), end=dt.date(2025, 12, 6), last_modified=CHANGED),
    make_event("postponed@publisher", summary="Later", status="postponed", sequence=1,
               start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 1), original_start=dt.date(2025, 12, 7)),
)


def test_varied_events_pass_the_lint() -> None:
    data = render(*VARIED)
    assert set(vevents(data)) == {e.uid for e in VARIED}


def test_calendar_properties() -> None:
    text = lines(render(*VARIED))
    for expected in ("VERSION:2.0", "PRODID:-//publisher//publisher calendar 1.0//EN", "NAME:publisher",
                     "X-WR-CALNAME:publisher", "X-WR-TIMEZONE:UTC", "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
                     "X-PUBLISHED-TTL:PT1H"):
        assert expected in text
    assert not any(line.startswith("METHOD") for line in text)


@pytest.mark.parametrize(("refresh", "written"), [
    (dt.timedelta(hours=1), "PT1H"), (dt.timedelta(minutes=90), "PT1H30M"), (dt.timedelta(days=1), "P1D"),
    (dt.timedelta(seconds=0), "PT1M"), (dt.timedelta(seconds=20), "PT1M"),
])
def test_refresh_hints_are_durations(refresh: dt.timedelta, written: str) -> None:
    """X-PUBLISHED-TTL is a duration like PT1H (Apple and Outlook ignore a number of minutes)."""
    text = lines(render(make_event(), info=replace(INFO, refresh=refresh)))
    assert f"X-PUBLISHED-TTL:{written}" in text
    assert f"REFRESH-INTERVAL;VALUE=DURATION:{written}" in text


def test_one_day_event_ends_the_next_day() -> None:
    block = event_lines(render(make_event()), "visit@publisher")
    assert "DTSTART;VALUE=DATE:20251204" in block
    assert "DTEND;VALUE=DATE:20251205" in block
    assert "TRANSP:TRANSPARENT" in block


def test_multi_day_event_ends_the_day_after_its_last_day() -> None:
    block = event_lines(render(*VARIED), "multi-day@publisher")
    assert "DTSTART;VALUE=DATE:20251204" in block
    assert "DTEND;VALUE=DATE:20251206" in block
    assert "LOCATION:New Delhi" in block
    assert "CATEGORIES:diplomacy" in block
    assert "URL:https://example.org/visit" in block


def test_all_day_event_without_end_still_has_dtend() -> None:
    block = event_lines(render(make_event(end=None)), "visit@publisher")
    assert "DTEND;VALUE=DATE:20251205" in block


def test_all_day_end_before_start_still_ends_after_it() -> None:
    """A detector slip (end before start) must not make calcurse reject the file."""
    block = event_lines(render(make_event(start=dt.date(2025, 12, 5), end=dt.date(2025, 12, 4))),
                        "visit@publisher")
    assert "DTSTART;VALUE=DATE:20251205" in block
    assert "DTEND;VALUE=DATE:20251206" in block


def test_all_day_event_given_datetimes_is_written_as_dates() -> None:
    event = make_event(start=dt.datetime(2025, 12, 4, 10, tzinfo=KOLKATA),
                       end=dt.datetime(2025, 12, 5, 12, tzinfo=KOLKATA), timezone="Asia/Kolkata")
    data = render(event)
    block = event_lines(data, "visit@publisher")
    assert "DTSTART;VALUE=DATE:20251204" in block
    assert "DTEND;VALUE=DATE:20251206" in block
    assert b"BEGIN:VTIMEZONE" not in data


def test_timed_event_in_a_zone_carries_tzid_and_vtimezone() -> None:
    data = render(*VARIED)
    block = event_lines(data, "kolkata@publisher")
    assert "DTSTART;TZID=Asia/Kolkata:20251204T193000" in block
    assert "DTEND;TZID=Asia/Kolkata:20251204T220000" in block
    assert "TZID:Asia/Kolkata" in lines(data)
    read = vevents(data)["kolkata@publisher"]
    assert instant(read, "DTSTART") == dt.datetime(2025, 12, 4, 14, 0, tzinfo=UTC)


def test_timed_event_across_dst_keeps_both_instants() -> None:
    """20:00 EST on 7 March to 10:00 EDT on 8 March 2026: 13 hours, not 14."""
    data = render(*VARIED)
    read = vevents(data)["new-york@publisher"]
    start, end = instant(read, "DTSTART"), instant(read, "DTEND")
    assert start == dt.datetime(2026, 3, 8, 1, 0, tzinfo=UTC)
    assert end == dt.datetime(2026, 3, 8, 14, 0, tzinfo=UTC)
    assert end - start == dt.timedelta(hours=13)
    text = lines(data)
    begin = text.index("TZID:America/New_York")
    assert "TZOFFSETTO:-0400" in text[begin:text.index("END:VTIMEZONE", begin)]


def test_time_in_the_spring_gap_is_written_as_the_real_time() -> None:
    """02:30 on 8 March 2026 does not exist in New York; the event is written at 03:30 EDT."""
    gap = dt.datetime(2026, 3, 8, 2, 30, tzinfo=NEW_YORK)
    data = render(timed("gap@publisher", gap, None, "America/New_York"))
    assert "DTSTART;TZID=America/New_York:20260308T033000" in event_lines(data, "gap@publisher")
    assert instant(vevents(data)["gap@publisher"], "DTSTART") == gap.astimezone(UTC)


def test_second_time_of_a_fall_back_night_is_written_in_utc() -> None:
    """01:30 on 1 Nov 2026 happens twice; TZID local time would mean the first, an hour early."""
    second = dt.datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NEW_YORK)
    first = dt.datetime(2026, 11, 1, 1, 30, fold=0, tzinfo=NEW_YORK)
    data = render(timed("late@publisher", second, None, "America/New_York"),
                  timed("early@publisher", first, None, "America/New_York"))
    read = vevents(data)
    assert instant(read["late@publisher"], "DTSTART") == dt.datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
    assert instant(read["early@publisher"], "DTSTART") == dt.datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    assert "DTSTART:20261101T063000Z" in event_lines(data, "late@publisher")


def test_timed_event_without_zone_is_utc() -> None:
    data = render(*VARIED)
    block = event_lines(data, "utc@publisher")
    assert "DTSTART:20260115T090000Z" in block
    assert "DTEND:20260115T100000Z" in block


def test_unknown_zone_falls_back_to_utc_not_floating() -> None:
    start = dt.datetime(2025, 12, 4, 10, tzinfo=KOLKATA)
    data = render(timed("odd@publisher", start, None, "Mars/Olympus_Mons"))
    assert "DTSTART:20251204T043000Z" in event_lines(data, "odd@publisher")
    assert b"TZID" not in data


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC", "GMT"])
def test_utc_zone_names_are_written_with_z(zone: str) -> None:
    data = render(timed("utc@publisher", dt.datetime(2025, 12, 4, 10, tzinfo=zoneinfo.ZoneInfo(zone)),
                        None, zone))
    assert "DTSTART:20251204T100000Z" in event_lines(data, "utc@publisher")


def test_timed_end_not_after_start_gets_the_default_hour() -> None:
    start = dt.datetime(2025, 12, 4, 10, tzinfo=UTC)
    data = render(timed("t@publisher", start, start - dt.timedelta(hours=2)))
    assert "DTEND:20251204T110000Z" in event_lines(data, "t@publisher")


def test_cancelled_event_keeps_uid_and_sequence() -> None:
    block = event_lines(render(*VARIED), "cancelled@publisher")
    assert "STATUS:CANCELLED" in block
    assert "SEQUENCE:3" in block
    assert "DESCRIPTION:Status: cancelled" in block


def test_postponed_event_is_tentative() -> None:
    block = event_lines(render(*VARIED), "postponed@publisher")
    assert "STATUS:TENTATIVE" in block
    assert "SEQUENCE:1" in block


def test_dtstamp_is_the_last_change_in_utc_not_the_clock() -> None:
    changed = dt.datetime(2025, 12, 1, 9, 15, tzinfo=KOLKATA)
    block = event_lines(render(make_event(last_modified=changed)), "visit@publisher")
    assert "DTSTAMP:20251201T034500Z" in block
    assert "LAST-MODIFIED:20251201T034500Z" in block
    assert "CREATED:20251128T090000Z" in block


def test_unicode_and_very_long_summary_fold_and_read_back() -> None:
    summary = "Визит Путина в Индию – राजकीय यात्रा – 🇮🇳🇷🇺 " * 12
    data = render(make_event(summary=summary, location="नई दिल्ली, भारत; Hyderabad House"))
    assert max(len(raw) for raw in data.split(b"\r\n")) <= 75
    read = vevents(data)["visit@publisher"]
    assert str(read["SUMMARY"]) == summary
    assert str(read["LOCATION"]) == "नई दिल्ली, भारत; Hyderabad House"


def test_evidence_with_markup_stays_text() -> None:
    """The .ics DESCRIPTION is TEXT: markup is written as characters, escaped the iCalendar way."""
    quote = '<script>alert("x")</script>; <iframe src=//evil>, \\ done'
    event = make_event(evidence=Evidence(quote, 0, len(quote)))
    data = render(event)
    read = vevents(data)["visit@publisher"]
    assert quote in str(read["DESCRIPTION"])
    description = next(line for line in event_lines(data, "visit@publisher") if line.startswith("DESCRIPTION"))
    assert "\\;" in description
    assert "\\," in description
    assert "\\\\" in description


def test_control_characters_and_lone_surrogates_do_not_break_the_file() -> None:
    event = make_event(summary="Visit\x0b of\x00 the\r\nday \ud800here", location="Delhi\x1b")
    data = render(event)
    read = vevents(data)["visit@publisher"]
    assert str(read["SUMMARY"]) == "Visit of the\nday here"
    assert str(read["LOCATION"]) == "Delhi"


def test_only_web_links_are_written() -> None:
    ref = SourceRef("feed", "x", "Bad", "javascript:alert(1)", SEEN)
    data = render(make_event(sources=(ref,)))
    assert b"javascript" not in data
    assert not any(line.startswith("URL") for line in event_lines(data, "visit@publisher"))


def test_no_valarm_unless_asked() -> None:
    assert b"VALARM" not in render(*VARIED)


def test_valarm_when_asked_but_not_for_cancelled_events() -> None:
    data = render(*VARIED, info=replace(INFO, alarm=dt.timedelta(minutes=30)))
    assert "TRIGGER:-PT30M" in event_lines(data, "kolkata@publisher")
    assert "BEGIN:VALARM" not in event_lines(data, "cancelled@publisher")


def test_empty_calendar_is_valid() -> None:
    text = lines(render())
    assert text[0] == "BEGIN:VCALENDAR"
    assert "BEGIN:VEVENT" not in text


def test_same_input_gives_identical_bytes() -> None:
    assert render(*VARIED) == render(*VARIED)


def test_input_order_does_not_matter() -> None:
    expected = render(*VARIED)
    for order in itertools.islice(itertools.permutations(VARIED), 0, None, 97):
        assert render(*order) == expected
    assert render(*reversed(VARIED)) == expected


def test_events_at_the_same_time_are_ordered_by_uid() -> None:
    twins = [make_event(f"{name}@publisher") for name in ("b", "a", "c")]
    text = lines(render(*twins))
    assert [line for line in text if line.startswith("UID:")] == ["UID:a@publisher", "UID:b@publisher",
                                                                   "UID:c@publisher"]


RENDER_IN_CHILD = """
import sys
from tests.test_render_ics import VARIED, INFO
from publisher.render.ics import render_calendar
sys.stdout.buffer.write(render_calendar(VARIED, INFO))
"""


def test_bytes_do_not_depend_on_the_hash_seed() -> None:
    """VTIMEZONE blocks come out in one order whatever PYTHONHASHSEED a process has."""
    outputs = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", RENDER_IN_CHILD], env=env, capture_output=True,
                              check=True, cwd=os.path.dirname(os.path.dirname(__file__)), timeout=60)
        outputs.add(done.stdout)
    assert outputs == {render(*VARIED)}


def test_vtimezones_sorted_by_tzid() -> None:
    text = lines(render(*VARIED))
    tzids = [line for line in text if line.startswith("TZID:")]
    assert tzids == ["TZID:America/New_York", "TZID:Asia/Kolkata"]


def test_vtimezone_stays_the_same_when_an_event_is_added_in_the_same_year() -> None:
    """The zone data spans whole years, so a new event does not rewrite the VTIMEZONE block."""
    def zone_block(data: bytes) -> list[str]:
        text = lines(data)
        return text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE") + 1]

    one = timed("a@publisher", dt.datetime(2025, 12, 4, 10, tzinfo=KOLKATA), None, "Asia/Kolkata")
    two = timed("b@publisher", dt.datetime(2025, 3, 1, 10, tzinfo=KOLKATA), None, "Asia/Kolkata")
    assert zone_block(render(one)) == zone_block(render(one, two))


def test_vtimezone_covers_an_event_ending_years_later() -> None:
    long_one = timed("long@publisher", dt.datetime(2025, 6, 1, 10, tzinfo=NEW_YORK),
                     dt.datetime(2028, 7, 1, 10, tzinfo=NEW_YORK), "America/New_York")
    data = render(long_one)
    assert "COMMENT:This timezone only works from 2025-01-01 to 2029-12-31." in lines(data)
    assert instant(vevents(data)["long@publisher"], "DTEND") == dt.datetime(2028, 7, 1, 14, 0, tzinfo=UTC)
