"""Whole announcements in, events and mentions out.

Each case is a short announcement written for this suite in the style of real press releases and
news items, one family of behaviour per test.
"""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publisher.codec import detection_to_json, mention_to_json
from publisher.detect import DETECTOR_VERSION, detect
from publisher.model import Announcement, Detection, DetectResult

NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def run(text: str, published: str | None = "2025-11-28", *, url: str | None = None, title: str | None = None,
        timezone: str | None = None, dayfirst: bool | None = None) -> DetectResult:
    stamp = dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC) if published else None
    item = Announcement(source="test", id="1", text=text, published=stamp, fetched_at=NOW, url=url, title=title,
                        timezone=timezone, dayfirst=dayfirst)
    return detect(item, now=NOW)


def events(text: str, published: str | None = "2025-11-28", **kwargs: object) -> list[Detection]:
    return list(run(text, published, **kwargs).events)  # type: ignore[arg-type]


def test_version_is_a_string() -> None:
    assert isinstance(DETECTOR_VERSION, str) and DETECTOR_VERSION


def test_state_visit_one_event_and_past_context_ignored() -> None:
    text = (
        "Nairobi: Prime Minister Ana Kova will undertake a three-day visit to Kenya from January 12.\n\n"
        "The foreign ministry, announcing the visit, said Friday that the trip would deepen trade ties.\n\n"
        "\"Prime Minister Ana Kova will pay a State visit to Kenya from January 12 to 14,\" it said.\n\n"
        "The upcoming visit is expected to produce several agreements.\n\n"
        "She had last visited Nairobi in 2019.\n\n"
        "In March last year, the Kenyan president travelled to her capital."
    )
    found = events(text)
    assert len(found) == 1
    event = found[0]
    assert (event.start, event.end, event.all_day) == (dt.date(2026, 1, 12), dt.date(2026, 1, 14), True)
    assert "Kova" in event.summary and "visit" in event.summary.lower() and "Kenya" in event.summary
    assert event.location is not None and "Kenya" in event.location
    assert event.status == "scheduled"
    assert event.evidence is not None and text[event.evidence.start:event.evidence.end] == event.evidence.text
    mentions = run(text).mentions
    past = [m for m in mentions if m.text in ("2019", "March", "last year")]
    assert past and not any(m.used for m in past)
    friday = next(m for m in mentions if m.text == "Friday")
    assert not friday.used and friday.reason and "said" in friday.reason


def test_timed_event_gets_zone_from_explicit_abbreviation() -> None:
    text = "Acme Corp. will host a conference call on Tuesday, February 10, 2026 at 10:00 a.m. ET to discuss results."
    found = events(text)
    assert len(found) == 1
    assert found[0].start == dt.datetime(2026, 2, 10, 10, tzinfo=ZoneInfo("America/New_York"))
    assert not found[0].all_day
    assert found[0].category == "earnings call"


def test_zone_from_place_when_none_given() -> None:
    text = "The Harbour Jazz Festival will open at the Opera House in Sydney, Australia on 6 March 2026 at 7pm."
    found = events(text)
    assert len(found) == 1
    start = found[0].start
    assert isinstance(start, dt.datetime)
    assert start.utcoffset() == dt.timedelta(hours=11)


def test_zone_from_source_configuration() -> None:
    text = "The library board will meet on December 9 at 6:30 pm in the reading room."
    found = events(text, timezone="America/Denver")
    assert len(found) == 1
    assert found[0].start == dt.datetime(2025, 12, 9, 18, 30, tzinfo=ZoneInfo("America/Denver"))


def test_utc_when_nothing_says_otherwise() -> None:
    found = events("The board will meet on December 9 at 18:00.")
    assert found and isinstance(found[0].start, dt.datetime)
    assert found[0].start.utcoffset() == dt.timedelta(0)


def test_conversion_to_another_zone_is_not_a_second_event() -> None:
    text = ("Nova will unveil its new handset at a launch event on August 7 at 4 pm ET, which translates to "
            "1:30 am IST on August 8 for viewers in India.")
    found = events(text, "2025-07-02")
    assert len(found) == 1
    assert isinstance(found[0].start, dt.datetime) and found[0].start.date() == dt.date(2025, 8, 7)


def test_past_events_are_not_reported() -> None:
    text = ("The annual regatta took place on November 2 and drew large crowds. "
            "Organisers said the 2024 edition was smaller.")
    assert events(text) == []


def test_report_of_today_is_not_an_event() -> None:
    text = "Globex released its third-quarter results on Friday, posting a loss of $2 million."
    assert events(text) == []


def test_dateline_is_not_an_event() -> None:
    text = "LIMA, Nov. 28 -- The transport ministry will hold a tender for new buses on December 15."
    found = events(text)
    assert [e.start for e in found] == [dt.date(2025, 12, 15)]


def test_vague_dates_give_no_event_and_say_why() -> None:
    result = run("The council will vote on the plan later this month.")
    assert result.events == ()
    mention = result.mentions[0]
    assert mention.value == "2025-11" and not mention.used and mention.reason and "vague" in mention.reason


def test_availability_window_is_not_an_event() -> None:
    text = "A recording of the briefing will be available through Wednesday, December 10."
    assert events(text) == []


def test_rumour_is_not_an_event() -> None:
    text = "Rumours suggest the band could reportedly reunite for a show on December 20."
    assert events(text) == []


def test_cancelled_event_keeps_its_dates() -> None:
    text = ("Organisers said on Friday that the boat show, which had been due to run in Genoa from "
            "January 20-24, has been cancelled.")
    found = events(text)
    assert len(found) == 1
    assert found[0].status == "cancelled"
    assert (found[0].start, found[0].end) == (dt.date(2026, 1, 20), dt.date(2026, 1, 24))


def test_postponed_without_new_date() -> None:
    text = "The public hearing that had been scheduled for December 16 has been postponed until a later date."
    found = events(text)
    assert len(found) == 1
    assert found[0].status == "postponed" and found[0].start == dt.date(2025, 12, 16)


def test_rescheduled_with_original_start() -> None:
    text = ("Borealis Mining today announced that it has rescheduled its annual general meeting to "
            "Thursday, January 15, 2026 at 11:00 a.m. GMT. The meeting was originally scheduled for December 4, 2025.")
    found = events(text)
    assert len(found) == 1
    assert found[0].status == "rescheduled"
    assert found[0].original_start == dt.date(2025, 12, 4)
    assert found[0].start == dt.datetime(2026, 1, 15, 11, tzinfo=dt.UTC)


def test_list_of_strike_days_gives_one_event_each() -> None:
    text = "The drivers' union will strike on 2, 4 and 6 December over pay."
    found = events(text, url="https://www.example.co.uk/x")
    assert [e.start for e in found] == [dt.date(2025, 12, 2), dt.date(2025, 12, 4), dt.date(2025, 12, 6)]
    assert all(e.category == "strike" for e in found)


def test_relative_range_from_today() -> None:
    text = "The government has declared a three-day public holiday from today (Friday) to Sunday."
    found = events(text)
    assert len(found) == 1
    assert (found[0].start, found[0].end) == (dt.date(2025, 11, 28), dt.date(2025, 11, 30))
    assert found[0].category == "holiday"


def test_bare_time_joins_the_day_just_announced() -> None:
    text = ("Helix Inc. will report results on Wednesday, December 3, 2025. "
            "The release will be followed by a conference call at 9:00 a.m. Central time.")
    found = events(text)
    assert len(found) == 1
    assert found[0].start == dt.datetime(2025, 12, 3, 9, tzinfo=ZoneInfo("America/Chicago"))


def test_weekday_with_year_inference() -> None:
    text = "Rovers host City in the cup final on Saturday, May 23."
    found = events(text, "2026-04-01")
    assert [e.start for e in found] == [dt.date(2026, 5, 23)]


def test_numeric_dates_day_first_outside_us() -> None:
    text = "The council meeting will take place on 05/12/2025 in the town hall."
    assert [e.start for e in events(text, url="https://council.example.ie/news")] == [dt.date(2025, 12, 5)]
    assert [e.start for e in events(text, "2025-04-01", url="https://www.example.gov/news")] == [dt.date(2025, 5, 12)]
    assert [e.start for e in events(text, dayfirst=True)] == [dt.date(2025, 12, 5)]


def test_listing_lines_with_shared_time_and_place() -> None:
    text = ("Free evening talks\n"
            "Time and location: 6.00-7.00pm, Kelvin Lecture Theatre, Glasgow\n\n"
            "Tuesday 9 December  Why Bridges Stand Up\n"
            "Dr Ada Brown explains.\n\n"
            "Thursday 11 December  Stars Over the Clyde\n"
            "Prof Ian Gray talks.\n")
    found = events(text, url="https://blog.example.co.uk/talks")
    assert [e.start for e in found] == [
        dt.datetime(2025, 12, 9, 18, tzinfo=ZoneInfo("Europe/London")),
        dt.datetime(2025, 12, 11, 18, tzinfo=ZoneInfo("Europe/London")),
    ]
    assert "Bridges" in found[0].summary
    assert found[0].location is not None and "Kelvin" in found[0].location


def test_no_published_date_uses_now() -> None:
    item = Announcement(source="t", id="1", text="The fair will open on March 3.", published=None,
                        fetched_at=NOW, url=None)
    result = detect(item, now=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    assert [e.start for e in result.events] == [dt.date(2026, 3, 3)]
    assert result.notes


def test_mentions_have_offsets_values_and_reasons() -> None:
    text = "On Friday the minister said the bridge will reopen on 12 January 2026, a year after it closed in 2025."
    result = run(text)
    for mention in result.mentions:
        assert text[mention.start:mention.end] == mention.text
        assert mention.used or mention.reason
    values = {m.text: m.value for m in result.mentions}
    assert values["12 January 2026"] == "2026-01-12"
    assert values["2025"] == "2025"


def test_output_serialises() -> None:
    result = run("The ministers will meet in Rome on December 9 at 10am.")
    payload = {"events": [detection_to_json(e) for e in result.events],
               "mentions": [mention_to_json(m) for m in result.mentions]}
    assert json.loads(json.dumps(payload))["events"][0]["start"].startswith("2025-12-09T10:00")


def test_deterministic() -> None:
    text = "The ministers will meet in Rome on December 9 at 10am. The summit follows on December 10."
    assert run(text) == run(text)


# ---------------------------------------------------------------------------------------------
# Any text in, no crash


ANNOUNCEMENT_WORDS = st.sampled_from([
    "will", "be", "held", "on", "from", "to", "December", "4", "5", "2025", "Friday", "at", "10", "am", "pm",
    "PDT", "/", "-", "–", "(", ")", ",", ".", "the", "visit", "strike", "cancelled", "said", "today",
    "tomorrow", "next", "week", "May", "may", "23rd", "12:30", "noon", "in", "London", "India", "UTC+5",
    "between", "and", "Q4", "1990s", "31", "February", "30", "\n", "“", "”", "9999", "0", "00:00",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANNOUNCEMENT_WORDS, max_size=60).map(" ".join))
def test_any_announcement_like_text(text: str) -> None:
    check_result(text, run(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    check_result(text, run(text, None))


def check_result(text: str, result: DetectResult) -> None:
    for mention in result.mentions:
        assert 0 <= mention.start <= mention.end <= len(text)
    for event in result.events:
        assert event.summary
        if event.all_day:
            assert isinstance(event.start, dt.date) and not isinstance(event.start, dt.datetime)
            assert event.end is None or event.end >= event.start  # type: ignore[operator]
        else:
            assert isinstance(event.start, dt.datetime) and event.start.tzinfo is not None
        assert event.evidence is not None
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text


@pytest.mark.slow
def test_five_megabyte_document_completes() -> None:
    chunk = ("The council will meet on December 4, 2025 at 10:00 am in Leeds. 1, 2, 3, 4, 5, 6, 7, 8 "
             "Monday Tuesday 2000 2001 2002 ((((( ))))) 12-1 12-1 12-1 " + "9" * 50 + " " + "x" * 200 + "\n")
    text = chunk * (5_000_000 // len(chunk))
    result = run(text)
    assert len(result.mentions) > 1000


def test_generic_weekday_is_not_a_date() -> None:
    result = run("The harvest festival, which always falls on a Sunday, will be celebrated on 7 December.")
    assert [e.start for e in result.events] == [dt.date(2025, 12, 7)]
    assert not any(m.text == "Sunday" for m in result.mentions)


def test_transcript_day_is_not_an_event() -> None:
    text = ("Q3 2025 Earnings Call Transcript\n\nNovember 28, 2025 10:00 am ET\n\n"
            "Operator: Welcome to today's call. I will now turn the call over to our host for today.")
    assert events(text, title="Acme Q3 2025 Earnings Call Transcript") == []


def test_closure_until_reopening_is_one_timed_range() -> None:
    text = ("Because of the ice storm we will be closing the campus at 6 pm on Monday, December 1 and will "
            "resume normal operations on Wednesday, December 3 at 10 am.")
    found = events(text, timezone="America/Chicago")
    assert len(found) == 1
    assert found[0].start == dt.datetime(2025, 12, 1, 18, tzinfo=ZoneInfo("America/Chicago"))
    assert found[0].end == dt.datetime(2025, 12, 3, 10, tzinfo=ZoneInfo("America/Chicago"))
    assert "closure" in found[0].summary.lower()


def test_distinct_happenings_on_the_same_day_stay_apart() -> None:
    text = ("On Tuesday, December 2, the president will be welcomed at a ceremony at Kensington Palace.\n"
            "On Tuesday, December 2, the president will also address a joint sitting of parliament.")
    found = events(text)
    assert [e.start for e in found] == [dt.date(2025, 12, 2), dt.date(2025, 12, 2)]


def test_definite_reference_takes_its_title_from_the_earlier_sentence() -> None:
    text = ("Zenith Motors will unveil its new electric van at a special event in Turin. "
            "The event will take place on December 11 at 11:00 am.")
    found = events(text, url="https://www.example.it/news")
    assert len(found) == 1
    assert "Zenith" in found[0].summary
    assert found[0].start == dt.datetime(2025, 12, 11, 11, tzinfo=ZoneInfo("Europe/Rome"))


def test_countdown_reference_day_is_not_an_event() -> None:
    assert events("The general elections are exactly 400 days away from today.") == []


def test_postponement_with_new_date_is_rescheduled() -> None:
    text = "The county fair has been postponed until Saturday, December 13 because of flooding."
    found = events(text)
    assert len(found) == 1
    assert found[0].status == "rescheduled" and found[0].start == dt.date(2025, 12, 13)
