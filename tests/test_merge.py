"""Identity and change rules, on plain values."""

from __future__ import annotations

import datetime as dt
import itertools

from publisher import merge
from publisher.model import Claim, Detection, Event, SourceRef

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


def found(summary: str, start: dt.date | dt.datetime, end: dt.date | None = None, **extra: object) -> Detection:
    return Detection(summary=summary, start=start, end=end or (None if isinstance(start, dt.datetime) else start),
                     all_day=not isinstance(start, dt.datetime), **extra)  # type: ignore[arg-type]


def claim(detection: Detection, day: int, name: str = "a") -> Claim:
    published = dt.datetime(2026, 11, day, tzinfo=dt.UTC)
    return Claim(detection, SourceRef("news", f"{name}{day}.md", None, None, published))


def stored(detection: Detection, uid: str = "e1") -> Event:
    return merge.fold(uid, [claim(detection, 1)], None, now=NOW)


def test_same_event_with_other_words_is_matched() -> None:
    event = stored(found("Putin state visit to India", dt.date(2026, 12, 4), dt.date(2026, 12, 5),
                         location="New Delhi, India", participants=("Vladimir Putin",)))
    again = found("Russian president Putin to visit India", dt.date(2026, 12, 4), location="India")
    assert merge.choose_event(again, [event]) is event


def test_lookalike_a_year_apart_is_another_event() -> None:
    event = stored(found("Putin state visit to India", dt.date(2025, 12, 4)))
    assert merge.choose_event(found("Putin state visit to India", dt.date(2026, 12, 4)), [event]) is None


def test_same_day_unrelated_event_is_another_event() -> None:
    event = stored(found("Leeds v York", dt.date(2026, 12, 4), location="Elland Road, Leeds"))
    assert merge.choose_event(found("Budget vote", dt.date(2026, 12, 4), location="Westminster"), [event]) is None


def test_postponement_matches_through_the_original_date() -> None:
    event = stored(found("Cup final", dt.date(2026, 12, 4), location="Wembley"))
    moved = found("Cup final", dt.date(2027, 1, 15), status="postponed", original_start=dt.date(2026, 12, 4))
    assert merge.choose_event(moved, [event]) is event


def test_fold_follows_publication_order_whatever_the_reading_order() -> None:
    claims = [
        claim(found("Cup final", dt.date(2026, 12, 4), location="Wembley"), 1, "x"),
        claim(found("Cup final", dt.date(2026, 12, 11), status="postponed", original_start=dt.date(2026, 12, 4)), 5),
        claim(found("Cup final", dt.date(2026, 12, 4)), 3, "y"),
    ]
    results = {merge.fold("e1", list(order), None, now=NOW) for order in itertools.permutations(claims)}
    [event] = results
    assert (event.start, event.status, event.original_start, event.location) == (
        dt.date(2026, 12, 11), "postponed", dt.date(2026, 12, 4), "Wembley")


def test_a_later_all_day_report_keeps_an_earlier_clock_time() -> None:
    timed = found("Launch", dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC))
    plain = found("Launch", dt.date(2026, 12, 4))
    event = merge.fold("e1", [claim(timed, 1), claim(plain, 2)], None, now=NOW)
    assert event.start == timed.start and not event.all_day


def test_stale_repeat_does_not_revive_a_cancelled_event() -> None:
    base = found("Strike", dt.date(2026, 12, 4))
    event = merge.fold("e1", [claim(base, 1), claim(found("Strike", dt.date(2026, 12, 4), status="cancelled"), 2),
                              claim(base, 3, "late")], None, now=NOW)
    assert event.status == "cancelled"


def test_sequence_grows_once_per_significant_change() -> None:
    first = stored(found("Launch", dt.date(2026, 12, 4), location="Berlin"))
    same = merge.fold("e1", [claim(found("Launch", dt.date(2026, 12, 4), location="Berlin"), 1),
                             claim(found("Launch", dt.date(2026, 12, 4)), 2, "b")], first, now=NOW)
    assert same.sequence == 0 and merge.alert_kind(first, same) is None
    later = NOW + dt.timedelta(days=1)
    moved = merge.fold("e1", [claim(found("Launch", dt.date(2026, 12, 4), location="Berlin"), 1),
                              claim(found("Launch", dt.date(2026, 12, 6), status="rescheduled"), 2, "b")],
                       first, now=later)
    assert (moved.sequence, moved.last_modified) == (1, later)
    assert merge.alert_kind(first, moved) == "updated"
    assert [c.field for c in merge.significant_changes(first, moved)] == ["start", "end", "status"]


def test_alert_kinds() -> None:
    event = stored(found("Strike", dt.date(2026, 12, 4)))
    assert merge.alert_kind(None, event) == "new"
    cancelled = merge.fold("e1", [claim(found("Strike", dt.date(2026, 12, 4), status="cancelled"), 2)],
                           event, now=NOW)
    assert merge.alert_kind(event, cancelled) == "cancelled"
    assert merge.alert_kind(None, cancelled) == "cancelled"


def test_uids_are_derived_not_random() -> None:
    c = claim(found("Launch", dt.date(2026, 12, 4)), 1)
    assert merge.new_uid(c, 0) == merge.new_uid(c, 0) != merge.new_uid(c, 1)
    assert merge.new_uid(c, 0).endswith("@publisher")


def test_other_outlets_wording_of_one_strike_is_the_same_event() -> None:
    event = stored(found("Junior doctors four days of strikes", dt.date(2026, 4, 11), dt.date(2026, 4, 14),
                         location="United Kingdom", category="strike"))
    again = found("Members of the BMA strike", dt.date(2026, 4, 11), dt.date(2026, 4, 15),
                  location="United Kingdom", category="strike")
    assert merge.choose_event(again, [event]) is event


def test_inflections_agree() -> None:
    event = stored(found("Agency launches Lunar-4", dt.date(2026, 7, 14), category="launch"))
    assert merge.choose_event(found("Lunar-4 launched", dt.date(2026, 7, 14), category="launch"), [event]) is event


def test_same_ground_same_day_other_opponent_is_another_event() -> None:
    event = stored(found("Leeds v York", dt.date(2026, 12, 4), location="Leeds", category="match"))
    assert merge.choose_event(found("Leeds v Hull", dt.date(2026, 12, 4), location="Leeds", category="match"),
                              [event]) is None


def test_two_summits_in_one_city_hosted_by_different_people_stay_apart() -> None:
    event = stored(found("Summit of the Nordic Council", dt.date(2026, 5, 2), location="Oslo", category="summit"))
    other = found("Summit of the Arctic Forum", dt.date(2026, 5, 2), location="Oslo", category="summit")
    assert merge.choose_event(other, [event]) is None


def test_repeats_that_disagree_on_details_do_not_move_the_event() -> None:
    first = claim(found("Doctors strike", dt.date(2026, 4, 11), dt.date(2026, 4, 14)), 1)
    other = claim(found("Doctors walkout", dt.date(2026, 4, 11), dt.date(2026, 4, 15)), 2, "b")
    event = merge.fold("e1", [first, other], None, now=NOW)
    assert (event.start, event.end) == (dt.date(2026, 4, 11), dt.date(2026, 4, 14))
    moved = claim(found("Doctors strike", dt.date(2026, 4, 18), status="rescheduled"), 3, "c")
    event = merge.fold("e1", [first, other, moved], None, now=NOW)
    assert event.start == dt.date(2026, 4, 18)


def test_a_name_written_in_lower_case_or_possessive_elsewhere_is_still_shared() -> None:
    event = stored(found("Saturday's Presidential and National Assembly polls", dt.date(2027, 2, 23),
                         location="Nigeria", category="election"))
    again = found("Abuja, Nigeria's presidential election", dt.date(2027, 2, 23), location="Abuja, Nigeria",
                  category="election")
    assert merge.choose_event(again, [event]) is event


def test_a_move_to_another_venue_in_the_same_city_changes_the_place() -> None:
    first = claim(found("Robotics conference", dt.date(2026, 6, 24), location="Civic Hall, Leeds"), 1)
    moved = claim(found("Robotics conference", dt.date(2026, 6, 24), location="Royal Armouries, Leeds",
                        status="rescheduled"), 5)
    vaguer = claim(found("Robotics conference", dt.date(2026, 6, 24), location="Leeds", status="rescheduled"), 6)
    assert merge.fold("e1", [first, moved], None, now=NOW).location == "Royal Armouries, Leeds"
    assert merge.fold("e1", [first, vaguer], None, now=NOW).location == "Civic Hall, Leeds"
    repeat = claim(found("Robotics conference", dt.date(2026, 6, 24), location="Town Hall, Leeds"), 7)
    assert merge.fold("e1", [first, repeat], None, now=NOW).location == "Civic Hall, Leeds"


def test_a_place_named_for_the_first_time_completes_the_entry_quietly() -> None:
    first = stored(found("Trade fair", dt.date(2026, 2, 24)))
    fuller = merge.fold("e1", [claim(found("Trade fair", dt.date(2026, 2, 24)), 1),
                               claim(found("Trade fair", dt.date(2026, 2, 24), location="Barcelona"), 2, "b")],
                        first, now=NOW)
    assert (fuller.location, fuller.sequence) == ("Barcelona", 1)
    assert merge.alert_kind(first, fuller) is None
    moved = merge.fold("e1", [claim(found("Trade fair", dt.date(2026, 2, 24), location="Madrid",
                                          status="rescheduled"), 3)], fuller, now=NOW)
    assert merge.alert_kind(fuller, moved) == "updated"


def test_one_kind_of_happening_on_the_same_day_and_place_named_differently_is_one_event() -> None:
    event = stored(found("NSE closure", dt.date(2026, 11, 20), location="Maharashtra, India", category="closure"))
    other = found("Exchanges shut", dt.date(2026, 11, 20), location="Mumbai, Maharashtra, India", category="holiday")
    assert merge.choose_event(other, [event]) is event
    match_day = stored(found("Leeds v York", dt.date(2026, 11, 21), location="Leeds", category="match"))
    assert merge.choose_event(found("Hull v Derby", dt.date(2026, 11, 21), location="Leeds", category="match"),
                              [match_day]) is None


def test_a_clock_time_for_a_day_that_had_none_completes_the_entry_quietly() -> None:
    first = stored(found("Cup semi-final", dt.date(2026, 9, 2)))
    kick_off = dt.datetime(2026, 9, 2, 15, 0, tzinfo=dt.UTC)
    fuller = merge.fold("e1", [claim(found("Cup semi-final", dt.date(2026, 9, 2)), 1),
                               claim(found("Cup semi-final", kick_off), 2, "b")], first, now=NOW)
    assert (fuller.start, fuller.sequence) == (kick_off, 1)
    assert merge.alert_kind(first, fuller) is None
    later = merge.fold("e1", [claim(found("Cup semi-final", kick_off.replace(hour=18)), 3)], fuller, now=NOW)
    assert merge.alert_kind(fuller, later) == "updated"  # a time that changes is news
    next_day = merge.fold("e1", [claim(found("Cup semi-final", kick_off + dt.timedelta(days=1)), 4)], first, now=NOW)
    assert merge.alert_kind(first, next_day) == "updated"  # so is another day


def test_reports_naming_the_same_person_on_the_same_days_are_one_event() -> None:
    visit = stored(found("Aguiar state visit to Chile", dt.date(2026, 11, 23), dt.date(2026, 11, 25), location="Chile",
                         category="visit", participants=("Tomás Aguiar",)))
    talks = found("Tomás Aguiar talks", dt.date(2026, 11, 23), dt.date(2026, 11, 25), location="Santiago, Chile",
                  category="meeting")
    assert merge.choose_event(talks, [visit]) is visit
    other = found("Rocha talks", dt.date(2026, 11, 23), dt.date(2026, 11, 25), location="Santiago, Chile",
                  category="meeting")
    assert merge.choose_event(other, [visit]) is None  # someone else's talks those days
