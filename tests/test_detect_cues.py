"""Tense, date roles and status cues."""

from __future__ import annotations

import pytest

from publisher.detect import cues
from publisher.detect.sentences import split_sentences


def direction_at(text: str, needle: str) -> int:
    sentences = split_sentences(text)
    index = cues.TenseIndex(text, sentences)
    offset = text.index(needle)
    return index.direction(offset, offset + len(needle))


@pytest.mark.parametrize(("text", "needle", "expected"), [
    ("The council will meet on Tuesday.", "Tuesday", 1),
    ("The festival is scheduled for Saturday.", "Saturday", 1),
    ("The union is set to strike on Monday.", "Monday", 1),
    ("The upcoming summit opens on Monday.", "Monday", 1),
    ("The council met on Tuesday.", "Tuesday", -1),
    ("The concert took place on Saturday.", "Saturday", -1),
    ("The mayor had visited the site on Monday.", "Monday", -1),
])
def test_direction(text: str, needle: str, expected: int) -> None:
    assert direction_at(text, needle) == expected


def test_speech_verb_far_away_does_not_decide() -> None:
    text = "The ministers will sign the accord on Thursday in Oslo, a spokesman said."
    assert direction_at(text, "Thursday") == 1


def role(text: str, needle: str) -> str | None:
    sentence = split_sentences(text)[0]
    start = text.index(needle)
    return cues.date_role(text, start, start + len(needle), sentence)


@pytest.mark.parametrize(("text", "needle", "expected"), [
    ("The ministry said Friday that the road will reopen.", "Friday", "report"),
    ("The agency on Monday announced a new tender.", "Monday", "report"),
    ("Results will be declared on March 2.", "March 2", None),
    ("A replay will be available through May 12.", "May 12", "boundary"),
    ("Holders of record as of June 1 may vote.", "June 1", "boundary"),
    ("Packs will be mailed on or about June 3.", "June 3", "approximate"),
    ("The vote, originally scheduled for May 13, moves.", "May 13", "original"),
    ("The hearing has been postponed until June 20.", "June 20", "new"),
    ("The derby will be played on Sunday.", "Sunday", None),
])
def test_date_role(text: str, needle: str, expected: str | None) -> None:
    assert role(text, needle) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The regatta has been cancelled because of storms.", "cancelled"),
    ("Organisers called off the parade.", "cancelled"),
    ("The election was postponed by a week.", "postponed"),
    ("The meeting has been rescheduled to 9 June.", "rescheduled"),
    ("The meeting will go ahead as planned.", None),
])
def test_status(text: str, expected: str | None) -> None:
    assert cues.status_of(text) == expected


def test_hedges() -> None:
    assert cues.is_hedged("The company could reportedly unveil a phone in May.")
    assert not cues.is_hedged("The company will unveil a phone on May 4.")


def test_conversion_after_a_time() -> None:
    text = "It starts at 4 pm ET, which translates to 1:30 am IST on the next day."
    first_end = text.index("ET") + 2
    assert cues.is_conversion(text, text.index("1:30"), first_end)
    assert not cues.is_conversion(text, text.index("1:30"), None)


def test_sentences_keep_abbreviations() -> None:
    text = "Talks open Dec. 4 at 10 a.m. The Rev. Smith will attend.\nAgenda: budget."
    parts = [s.text for s in split_sentences(text)]
    assert parts == ["Talks open Dec. 4 at 10 a.m. The Rev. Smith will attend.", "Agenda: budget."] or \
        parts == ["Talks open Dec. 4 at 10 a.m.", "The Rev. Smith will attend.", "Agenda: budget."]
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
