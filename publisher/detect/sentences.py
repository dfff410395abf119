"""Split an announcement into sentences with character offsets.

Announcements mix prose, headers, bullet lists and datelines, so a line break always ends a
sentence, and a full stop does only when it is not part of an abbreviation ("Dec.", "a.m.",
"Mr.", "U.S.") and the next word starts a new sentence.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep",
    "inc", "ltd", "co", "corp", "no", "vs", "v", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a.m",
    "p.m", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "est", "ft", "mt", "ave", "rd", "blvd", "hon", "rev",
    "calif", "va", "fla", "ill", "mass", "ariz", "colo", "conn", "tenn", "wash", "penn", "pa", "md", "mich",
    "minn", "wis", "okla", "ore", "nev", "la", "ky", "ga", "tex", "ala", "ind", "kan", "neb", "miss", "mo",
}
# A line break, or a full stop (!, ?) followed by spaces and a capital or digit, or directly by a
# capitalised word. The pattern starts with the break or the stop itself (not with a look-behind),
# so the engine skips ahead to those characters; the stop is consumed, then left out of the cut.
BOUNDARY = re.compile(r"\n[ \t]*\n?|[.!?](?:[\"”’)\]]{0,2}[ \t]{1,8}(?=[\"“‘(\[]?[A-Z0-9])"
                      r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=\d[.!?])(?=[A-Z][a-z]{2,}\s))")
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,8})\.[\"”’)\]]{0,2}$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in order, each with offsets into `text` (whitespace trimmed)."""
    cuts = [0]
    for match in BOUNDARY.finditer(text):
        if match.group(0)[0] == "\n":
            cuts.append(match.end())
            continue
        start = match.start() + 1  # after the stop
        if not is_abbreviation(text, start):
            cuts.append(start)
    cuts.append(len(text))
    sentences: list[Sentence] = []
    for begin, finish in itertools.pairwise(cuts):
        chunk = text[begin:finish]
        stripped_left = len(chunk) - len(chunk.lstrip())
        stripped = chunk.strip()
        if stripped:
            start = begin + stripped_left
            sentences.append(Sentence(start, start + len(stripped), stripped))
    return sentences


def is_abbreviation(text: str, position: int) -> bool:
    """Whether the full stop before `position` closes an abbreviation or an initial."""
    window = text[max(0, position - 12):position].rstrip("\"”’)] \t")
    match = WORD_BEFORE.search(window + ("" if window.endswith(".") else "."))
    if not window.endswith("."):
        return False
    if not match:
        return False
    word = match.group(1).lower()
    if len(word) == 1 and word.isalpha():
        return True
    return word.rstrip(".") in ABBREVIATIONS


class SentenceIndex:
    """Find the sentence holding an offset in O(log n)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def index_of(self, offset: int) -> int:
        position = bisect.bisect_right(self.starts, offset) - 1
        return max(0, position)

    def at(self, offset: int) -> Sentence | None:
        if not self.sentences:
            return None
        return self.sentences[self.index_of(offset)]
