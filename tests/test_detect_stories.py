"""Rules that keep one outlet's report of a story consistent with another's: no background events,
statuses attached, sub-parts folded, titles from the happening the story is about.

Every text here was written for this suite in the style of news items and press releases.
"""

from __future__ import annotations

import datetime as dt

from publisher.detect import detect
from publisher.detect.temporal import find_timexes
from publisher.model import Announcement, Detection, DetectResult

NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def run(text: str, published: str = "2026-03-07", *, url: str | None = None, title: str | None = None) -> DetectResult:
    stamp = dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC)
    item = Announcement(source="test", id="1", text=text, published=stamp, fetched_at=NOW, url=url, title=title)
    return detect(item, now=NOW)


def events(text: str, published: str = "2026-03-07", **kwargs: str) -> list[Detection]:
    return list(run(text, published, **kwargs).events)


def spans(found: list[Detection]) -> list[tuple[object, object]]:
    return [(e.start, e.end) for e in found]


def test_between_two_days_of_a_month_is_a_span() -> None:
    found = find_timexes("The delegation will tour Chile between 14 and 17 April.", dt.date(2026, 3, 7))
    assert [(t.first, t.last, t.is_range) for t in found] == [(dt.date(2026, 4, 14), dt.date(2026, 4, 17), True)]


def test_weekday_of_a_statement_is_the_past_one() -> None:
    # Published on a Saturday: "a statement on Friday" is yesterday, not next Friday.
    result = run("The governor will open the new bridge on March 20, according to a statement by the transport "
                 "ministry on Friday.", "2026-03-07")
    assert spans(list(result.events)) == [(dt.date(2026, 3, 20), dt.date(2026, 3, 20))]
    friday = next(m for m in result.mentions if m.text == "Friday")
    assert friday.value == "2026-03-06" and not friday.used


def test_day_named_inside_a_visit_for_that_purpose_folds_into_it() -> None:
    found = events("President Ana Costa will pay a state visit to Kenya from April 2 to 3 for the annual trade "
                   "summit. The summit itself will be held on April 3 in Nairobi.")
    assert spans(found) == [(dt.date(2026, 4, 2), dt.date(2026, 4, 3))]


def test_separate_happening_during_a_visit_stays_separate() -> None:
    found = events("President Ana Costa will pay a state visit to Kenya from April 2 to 4. She will attend a "
                   "state banquet on April 3.")
    assert len(found) == 2


def test_headline_postponement_marks_the_dates_given_below() -> None:
    found = events("Officials said on Friday that new dates would be found later in the year.\n\nThe prime minister "
                   "had been due to make a state visit to Norway from 15 to 18 March, with talks in Oslo.",
                   title="Prime minister's Norway visit postponed amid strike")
    assert [(e.start, e.end, e.status) for e in found] == [(dt.date(2026, 3, 15), dt.date(2026, 3, 18), "postponed")]


def test_moved_from_one_day_to_another_is_one_rescheduled_event() -> None:
    found = events("The electoral board said the regional council elections have been shifted from 21 March "
                   "to 28 March.")
    assert [(e.start, e.status, e.original_start) for e in found] == \
        [(dt.date(2026, 3, 28), "rescheduled", dt.date(2026, 3, 21))]


def test_postponed_to_a_new_day_remembers_the_day_named_before() -> None:
    found = events("The federation has postponed Saturday's cup final to March 21 because of flooding.")
    assert [(e.start, e.status, e.original_start) for e in found] == \
        [(dt.date(2026, 3, 21), "rescheduled", dt.date(2026, 3, 7))]


def test_recalled_precedent_from_an_earlier_year_is_not_an_event() -> None:
    found = events("It will be recalled that in 2019, the runoff scheduled for 28 March was moved back by a week.")
    assert found == []


def test_day_without_year_governed_by_a_past_verb_is_not_an_event() -> None:
    found = events("The previous expedition ended in failure early on September 7 when contact was lost.")
    assert found == []


def test_date_before_the_event_noun_binds_to_it() -> None:
    found = events("The Supreme Council on Saturday approved the list of candidates for the April 26 presidential "
                   "election.", "2026-03-08")
    assert [(e.start, e.category) for e in found] == [(dt.date(2026, 4, 26), "election")]
    assert "election" in found[0].summary.lower()


def test_sub_parts_of_a_named_contest_get_its_name_and_their_order() -> None:
    found = events("The city will host the Northern Lights Song Contest next spring.\n\nThe grand final will take "
                   "place at the harbour arena on Saturday 16 May, with the semi-finals taking place on 12 and 14 May.")
    titles = {e.start: e.summary for e in found}
    assert titles[dt.date(2026, 5, 16)] == "Northern Lights Song Contest Grand Final"
    assert titles[dt.date(2026, 5, 12)] == "Northern Lights Song Contest first semi-final"
    assert titles[dt.date(2026, 5, 14)] == "Northern Lights Song Contest second semi-final"


def test_common_noun_reference_takes_the_name_of_the_happening() -> None:
    found = events("The Global Robotics Congress drew 80,000 visitors last year. Organisers said a major robotics "
                   "fair in the city will go ahead as planned from March 23 to 26.")
    assert [e.summary for e in found] == ["Global Robotics Congress"]


def test_nationality_adjective_gives_the_zone_of_a_national_event() -> None:
    found = events("The Senegalese government has set March 29 as the fresh date for the delayed presidential "
                   "election.")
    assert len(found) == 1
    assert found[0].location == "Senegal" and found[0].timezone == "Africa/Dakar"
    assert found[0].status == "rescheduled"


def test_venue_named_after_a_city_gives_its_zone() -> None:
    found = events("The final concert will take place at the Manchester Arena on 20 March at 7pm.",
                   url="https://example.ua/news/1")
    assert found and found[0].timezone == "Europe/London"
    assert found[0].location is not None and "Manchester" in found[0].location


def test_state_named_in_the_source_address_locates_a_closure() -> None:
    found = events("In observance of the holiday, all public libraries will be closed on March 30.",
                   url="https://www.librariesoregon.org/news/closure")
    assert found and found[0].location == "Oregon, United States"


def test_main_verb_in_the_future_keeps_a_time_after_a_participle() -> None:
    found = events("The agency will launch its new weather satellite, perched on a heavy rocket, at 2.35 pm "
                   "from the coastal spaceport.", "2026-03-07")
    assert found and isinstance(found[0].start, dt.datetime) and found[0].start.hour == 14
    assert "satellite" in found[0].summary.lower() or "launch" in found[0].summary.lower()


def test_protest_day_is_an_event() -> None:
    found = events("Unions have called a national day of protests on Tuesday against the pension reform.")
    assert [(e.start, e.category) for e in found] == [(dt.date(2026, 3, 10), "strike")]


def test_day_an_organisation_announced_something_is_not_an_event() -> None:
    found = events("The port authority on Saturday (March 7) through a notice announced that it will remain closed "
                   "on Monday, March 16.")
    assert spans(found) == [(dt.date(2026, 3, 16), dt.date(2026, 3, 16))]


def test_today_with_the_event_word_in_another_clause_is_not_an_event() -> None:
    found = events("The second exchange is expected to make a similar announcement later today, as both share "
                   "their holiday schedules.")
    assert found == []


def test_long_organisation_names_are_given_by_their_initials() -> None:
    found = events("Members of the Northern Nurses Association will strike from 21 to 23 March over pay.")
    assert found and found[0].summary.startswith("NNA")


def test_a_date_heading_dates_every_fixture_line_below_it() -> None:
    lines = ["Saturday 19 September", "Arsenal v Everton, 12.30pm", "Brentford v Fulham, 3pm", "Burnley v Leeds, 3pm",
             "Chelsea v Wolves, 3pm", "Newcastle v Brighton, 3pm", "Liverpool v Aston Villa, 5.30pm", "",
             "Sunday 20 September", "Everton v Spurs, 4.30pm"]
    found = events("League fixtures\n\n" + "\n".join(lines), "2026-09-08", url="https://www.example.co.uk/sport")
    assert [(e.summary, e.start.isoformat()) for e in found] == [  # type: ignore[union-attr]
        ("Arsenal vs Everton", "2026-09-19T12:30:00+01:00"), ("Brentford vs Fulham", "2026-09-19T15:00:00+01:00"),
        ("Burnley vs Leeds", "2026-09-19T15:00:00+01:00"), ("Chelsea vs Wolves", "2026-09-19T15:00:00+01:00"),
        ("Newcastle vs Brighton", "2026-09-19T15:00:00+01:00"),
        ("Liverpool vs Aston Villa", "2026-09-19T17:30:00+01:00"), ("Everton vs Spurs", "2026-09-20T16:30:00+01:00")]
    assert all(e.location is None or "Leeds" not in e.location for e in found)  # a side, not a place


def test_a_heading_far_above_a_prose_time_does_not_date_it() -> None:
    text = ("Saturday 19 September\n" + "A long paragraph about the club and its history goes on here. " * 3 + "\n") * 1
    text += "\n".join(["The club said the squad trains daily."] * 5) + "\nThe open day starts at 3pm."
    found = events(text, "2026-09-08")
    assert not any(isinstance(e.start, dt.datetime) and e.start.date() == dt.date(2026, 9, 19) for e in found)


def test_a_cup_draw_is_its_own_event() -> None:
    found = events("The draw for the third round of the County Cup will take place on Monday 4 January at 7pm. "
                   "Third-round ties will be played on Saturday 16 January.", "2026-12-28")
    assert [e.summary for e in found] == ["Draw for the third round of the County Cup", "Third-round ties"]


def test_a_venue_is_not_placed_by_an_old_name_of_a_far_town() -> None:
    found = events("Harlequins v Bath at Twickenham Stoop on Saturday 12 September at 3pm.", "2026-09-08",
                   url="https://www.example.co.uk/rugby")
    assert found and found[0].location == "Twickenham Stoop, United Kingdom"
    assert found[0].timezone == "Europe/London"


def test_people_of_a_province_place_its_election() -> None:
    found = events("Albertans will head to the polls on Monday, May 25, after the premier asked the lieutenant "
                   "governor to dissolve the legislature on Tuesday.", "2026-04-21")
    assert [(e.start, e.location) for e in found] == [(dt.date(2026, 5, 25), "Alberta, Canada")]


def test_a_voting_step_takes_its_title_from_the_election_named_before() -> None:
    found = events("The commission announced the schedule for the Kerala Assembly elections on Monday. Polling will "
                   "be held on April 6 and votes will be counted on May 2.", "2026-02-23")
    assert [(e.summary, e.location) for e in found] == [
        ("Kerala Assembly elections", "Kerala, India"), ("Kerala Assembly elections: counting", "Kerala, India")]


def test_a_title_does_not_end_in_its_verb() -> None:
    found = events("The two-day Harbour Lights Expo 2027 will be held at the Civic Centre from March 3.", "2027-01-10")
    assert found and found[0].summary == "Harbour Lights Expo 2027"


def test_the_next_leg_of_a_trip_goes_where_it_says() -> None:
    found = events("The chancellor will visit Ghana on 3 and 4 June. Following her visit to Accra, she will proceed "
                   "to Senegal for a two-day visit on June 5 and 6.", "2026-05-20")
    assert len(found) == 2 and found[0].summary.endswith("to Ghana")
    assert (found[1].summary, found[1].location) == ("Visit to Senegal", "Senegal")


def test_others_also_visiting_the_same_day_are_another_event() -> None:
    found = events("President Ana Ruiz will pay a state visit to Portugal on May 12. Meanwhile, Foreign Minister "
                   "Luis Prado and Defence Minister Marta Gil will also visit Lisbon on May 12 for talks with their "
                   "counterparts.", "2026-05-01")
    assert len(found) == 2 and "Ruiz" in found[0].summary and "Ruiz" not in found[1].summary


def test_one_trip_told_twice_is_one_event() -> None:
    found = events("President Ana Ruiz will visit Portugal for summit talks with Prime Minister Rui Costa on May 12. "
                   "A spokesperson said Ruiz will pay an official visit to Portugal on May 12 for the annual "
                   "summit.", "2026-05-01")
    assert len(found) == 1
