"""Event words, categories, participants and calendar titles."""

from __future__ import annotations

import pytest

from publisher.detect import titles


@pytest.mark.parametrize(("sentence", "category"), [
    ("Prime Minister Jane Roe will pay an official visit to Chile next month.", "visit"),
    ("The bus drivers' union will strike on Monday.", "strike"),
    ("Voters go to the polls on 3 May.", "election"),
    ("Monday will be a public holiday.", "holiday"),
    ("All branches will be closed on Friday.", "closure"),
    ("Leeds host Hull in the derby on Sunday.", "match"),
    ("The firm will host a conference call at 9 am to discuss results.", "earnings call"),
    ("The free webinar starts at noon.", "webinar"),
    ("The sentencing hearing is set for June 3.", "hearing"),
    ("Acme will unveil its new tablet at a special event.", "launch"),
    ("The board will meet on Tuesday.", "meeting"),
    ("The annual jazz festival opens on Friday.", "conference"),
])
def test_categories(sentence: str, category: str) -> None:
    trigger = titles.find_trigger(sentence)
    assert trigger is not None and trigger.category == category


def test_no_trigger_in_plain_sentence() -> None:
    assert titles.find_trigger("Prices rose sharply on Tuesday.") is None


def test_nearest_trigger_to_the_date_wins() -> None:
    sentence = "The governor will make a visit to Lagos on May 2 ahead of the summit in Abuja."
    trigger = titles.find_trigger(sentence, sentence.index("May 2"))
    assert trigger is not None and trigger.category == "visit"


def test_visit_title_names_actor_and_destination() -> None:
    sentence = "Chancellor Maria Lopez will pay a state visit to Japan from 4 to 6 May."
    trigger = titles.find_trigger(sentence, sentence.index("from"))
    title = titles.make_title(sentence, trigger, ["Japan"])
    assert title == "Lopez state visit to Japan"


def test_strike_title() -> None:
    sentence = "The TWU said its members will stage a nationwide strike on 3 March."
    title = titles.make_title(sentence, titles.find_trigger(sentence), [])
    assert "strike" in title.lower() and "TWU" in title


def test_match_title_from_between() -> None:
    sentence = "The final between Riverside Rovers and Hill United kicks off at 3pm."
    assert titles.make_title(sentence, titles.find_trigger(sentence), []) == "Riverside Rovers vs Hill United"


def test_named_event_is_kept() -> None:
    sentence = "Officials confirmed the Northern Lights Festival will take place on 9 August."
    title = titles.make_title(sentence, titles.find_trigger(sentence), [])
    assert "Northern Lights Festival" in title


def test_title_is_short() -> None:
    sentence = ("The very long named Association of Independent Regional Commuter Rail Operators and Friends "
                "will hold its general meeting on Friday to discuss many many different things at length.")
    title = titles.make_title(sentence, titles.find_trigger(sentence), [])
    assert 0 < len(title.split()) <= 9
    assert title != sentence


def test_participants() -> None:
    sentence = "President Ana Silva will meet Prime Minister Tom Berg in Oslo."
    assert titles.participants(sentence) == ("Ana Silva", "Tom Berg")
