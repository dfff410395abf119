"""The fast scanners give exactly what the plain patterns give.

The detector finds candidate words with one regular-expression scan of the lower-cased text,
tries only the alternatives of a big pattern that can open at a given word, and skips a pattern
when a cheap test says the words it needs are absent. Each shortcut must agree with the plain
pattern everywhere; these tests compare them on generated text that mixes the patterns' own
words with the characters that are easy to get wrong ("ſ", "İ", the Kelvin sign, curly quotes).
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator

import pytest

from publisher.detect import cues, places, temporal, titles
from publisher.detect.sentences import split_sentences
from publisher.detect.wordscan import Hints, folded, lowered, trie_pattern

ODD = ["ſ", "ı", "İ", "\u212a", "’", "“", "é", "—", "\u00a0"]


def texts(words: list[str], count: int, seed: int) -> Iterator[str]:
    chooser = random.Random(seed)
    joins = ["", " ", "  ", "-", "/", ", ", ".", "\n", "'", "(", ")", *ODD]
    for _ in range(count):
        pieces = [chooser.choice(words) + chooser.choice(joins) for _ in range(chooser.randint(1, 9))]
        text = "".join(pieces)
        yield chooser.choice([text, text.upper(), text.title(), text.lower()])


def test_trie_pattern_matches_exactly_its_words() -> None:
    words = ["a", "an", "and", "the", "this", "th", "x.y"]
    pattern = re.compile(rf"(?:{trie_pattern(words)})\Z")
    for word in [*words, "t", "thi", "anda", "x", "xzy", ""]:
        assert bool(pattern.match(word)) == (word in words)


def test_lowered_refuses_texts_whose_offsets_or_letters_would_move() -> None:
    assert lowered("Monday, 4 May") == "monday, 4 may"
    assert lowered("İstanbul") is None
    assert lowered("5 \u212aelvin") is None
    assert folded("naïve café") == "naïve café"
    assert folded("poſtponed") is None


PRIMITIVE_WORDS = sorted(temporal.START_WORDS | {"beginning", "start", "middle", "day", "May", "Dec.", "2025", "4-5",
                                                 "10:30", "1430", "90s", "21st", "century", "weeks", "ago", "noon",
                                                 "IST", "GMT+1", "of", "to", "and", "'", "12", "123", "12345", "hrs",
                                                 "hours", "am", "pm", "1430 hrs", "2025-12-04", "4/5/2025"})


def test_primitive_at_agrees_with_the_whole_pattern() -> None:
    for text in texts(PRIMITIVE_WORDS, 6000, 1):
        for word in temporal.WORD.finditer(text):
            token, lower = word.group(0), word.group(0).lower()
            if not (token[0].isdigit() or lower in temporal.START_WORDS):
                continue
            plain = temporal.PRIMITIVE.match(text, word.start())
            fast = temporal.primitive_at(text, word.start(), token, lower)
            assert (plain and (plain.span(), plain.lastgroup)) == (fast and (fast.span(), fast.lastgroup)), text


def plain_primitives(text: str) -> Iterator[re.Match[str]]:
    position = 0
    for word in temporal.WORD.finditer(text):
        start, token = word.start(), word.group(0)
        lower = token.lower()
        if start < position or not (token[0].isdigit() or lower in temporal.START_WORDS):
            continue
        gate = temporal.GATES.get(lower)
        if gate is not None and not gate.match(text, word.end()):
            continue
        if start > 0 and text[start - 1] in "'’" and token[0].isdigit():
            match = temporal.PRIMITIVE.match(text, start - 1) or temporal.PRIMITIVE.match(text, start)
        else:
            match = temporal.PRIMITIVE.match(text, start)
        if match is not None and match.end() > match.start():
            position = match.end()
            yield match


def test_scan_primitives_agrees_with_a_plain_word_loop() -> None:
    for text in texts(PRIMITIVE_WORDS, 4000, 2):
        assert [(m.span(), m.lastgroup) for m in temporal.scan_primitives(text)] == \
            [(m.span(), m.lastgroup) for m in plain_primitives(text)], text


TRIGGER_WORDS = sorted({w.lower() for _, p in titles.CATEGORY_PATTERNS for w in re.findall(r"[a-zA-Z]{2,}", p)}
                       | set(titles.TRIGGER_STEMS) | {"Day", "day", "two", "3", "home", "event", "even", "the", "a",
                                                    "will", "x_y", "results", "stated", "president"})


def plain_triggers(text: str) -> Iterator[re.Match[str]]:
    position = 0
    for word in titles.WORD.finditer(text):
        start, token = word.start(), word.group(0)
        after = text[word.end():word.end() + 4]
        if start < position or (token[:4].lower() not in titles.TRIGGER_STEMS
                                and not after.startswith((" Day", "-day", "-Day"))
                                and not (token[0].isdigit() and after.startswith("-day"))):
            continue
        match = titles.TRIGGER_PATTERN.match(text, start)
        if match is not None and match.end() > start:
            position = match.end()
            yield match


def plain_caseless(text: str) -> Iterator[re.Match[str]]:
    position = 0
    for word in titles.WORD.finditer(text):
        start = word.start()
        if start < position or word.group(0)[:4].lower() not in titles.TRIGGER_STEMS:
            continue
        match = titles.CASELESS_MATCH.match(text, start)
        if match is not None and match.end() > start and (start == 0 or not text[start - 1].isalpha()):
            position = match.end()
            yield match


def test_event_word_scans_agree_with_plain_word_loops() -> None:
    for text in texts(TRIGGER_WORDS, 6000, 3):
        assert [(m.span(), m.lastgroup) for m in titles.scan_triggers(text)] == \
            [(m.span(), m.lastgroup) for m in plain_triggers(text)], text
        assert [m.span() for m in titles.scan_caseless(text)] == [m.span() for m in plain_caseless(text)], text


def test_every_stem_pattern_agrees_with_the_whole_pattern() -> None:
    tails = ["", "s", "ing", " Day", "-day visit", " call", " results", " visit", " event", " holiday", " off",
             " final", " at home to", " for the third quarter", " of votes", " stream"]
    for word, tail, head in itertools.product(TRIGGER_WORDS, tails, ["", "a ", "the ", "will ", "by-"]):
        text = f"x {head}{word}{tail} y"
        for found in titles.WORD.finditer(text):
            pattern = titles.TRIGGERS_BY_STEM.get(found.group(0)[:4].lower())
            if pattern is not None:
                plain = titles.TRIGGER_PATTERN.match(text, found.start())
                fast = pattern.match(text, found.start())
                assert (plain and (plain.span(), plain.lastgroup)) == (fast and (fast.span(), fast.lastgroup)), text


def test_event_name_words_agree_with_the_pattern() -> None:
    words = [*titles.EVENT_NAME_WORDS, "World", "Cupx", "ACup", "x", "_", "1"]
    for text in texts(words, 3000, 4):
        assert titles.event_name_words(text) == [m.start() for m in titles.EVENT_NAME_WORD.finditer(text)], text


def test_venue_matches_agree_with_the_pattern() -> None:
    words = [*places.VENUE_HEADS.split("|"), "Royal", "Albert", "the", "of", "and", "O'Neil", "St.", "A&B", "x",
             "said", "Day", "Road", "for", "de"]
    for text in texts(words, 4000, 5):
        assert [(m.span(), m.span(1)) for m in places.venue_matches(text)] == \
            [(m.span(), m.span(1)) for m in places.VENUE.finditer(text)], text


@pytest.mark.parametrize("text", [
    "We plan to\nbe there. He\nwill\nvisit Oslo. It was\nheld on Monday.\nwill",
    "The summit will be held on 4 May; it was postponed twice.\n\nTalks ended.",
    "Rumours say the band will tour.The tickets went on sale.",
])
def test_cues_found_sentence_by_sentence_are_those_of_the_whole_text(text: str) -> None:
    sentences = split_sentences(text)
    index = cues.TenseIndex(text, sentences)
    assert [c for i in range(len(sentences)) for c in index.sentence_cues(i)] == cues.find_cues(text)


HINTED: list[tuple[Hints, re.Pattern[str]]] = [
    (cues.CLAUSE_HINTS, cues.QUOTE_OR_CLAUSE), (cues.SPEECH_HINTS, cues.SPEECH_BEFORE),
    (cues.REPORT_HINTS, cues.REPORT_HINT), (cues.NEW_DATE_HINTS, cues.NEW_DATE_BEFORE),
    (cues.ORIGINAL_HINTS, cues.ORIGINAL_BEFORE), (cues.APPROX_HINTS, cues.APPROX_BEFORE),
    (cues.BOUNDARY_HINTS, cues.BOUNDARY_BEFORE), (cues.RESCHEDULE_HINTS, cues.RESCHEDULE),
    (cues.POSTPONE_HINTS, cues.POSTPONE), (cues.CANCEL_HINTS, cues.CANCEL), (cues.HEDGE_HINTS, cues.HEDGE),
    (cues.AVAILABLE_HINTS, cues.AVAILABLE_HINT), (titles.PERSON_HINTS, titles.PERSON),
    (titles.EVENT_VERB_HINTS, titles.EVENT_VERBS), (titles.CLAUSE_BREAK_HINTS, titles.CLAUSE_BREAK),
    (titles.MATCH_CONTEXT_HINTS, titles.MATCH_CONTEXT), (places.DIAL_IN_HINTS, places.DIAL_IN),
]


def test_hints_never_skip_a_pattern_that_matches() -> None:
    words = sorted({w for _, p in HINTED for w in re.findall(r"[A-Za-z]{2,}", p.pattern)} | {"on", "X", "said"})
    for text in texts(words, 3000, 6):
        for hints, pattern in HINTED:
            assert not (pattern.search(text) and hints.absent(text)), (pattern.pattern[:40], text)
