"""Linguistic cues: which way a sentence looks in time, what role a date plays, event status.

A date is an event only when the sentence announces something to come. English marks that with
auxiliaries and fixed phrases ("will", "is to", "is scheduled", "set to", "upcoming"), and marks a
report with past forms ("visited", "took place", "had"). A date can also be the day somebody
spoke ("said Friday"), the end of a window ("available until", "as of"), the superseded plan
("originally scheduled for") or a time-zone conversion ("which translates to"): none of these
are the happening itself.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from publisher.detect.sentences import Sentence
from publisher.detect.wordscan import Hints, folded, lowered, trie_pattern

FUTURE_PATTERN = re.compile(
    r"\b(?:will|shall|won['’]t|going\s+to|is\s+to|are\s+to|am\s+to|was\s+to\s+be|were\s+to\s+be|"
    r"(?:is|are|be|been)\s+(?:scheduled|slated|set|due|expected|planned|billed|fixed|earmarked|poised|likely|"
    r"tipped|penciled|pencilled)|"
    r"set\s+to|due\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b|concerns?\b|fears?\b)|plans?\s+to|"
    r"plans?\s+(?:a|an)\b|planning|intends?\s+to|expects?\s+to|would|upcoming|forthcoming|"
    r"to\s+be\s+(?:held|hosted|staged|played|launched|opened|inaugurated|unveiled|closed|observed|announced)|"
    r"to\s+(?:host|hold|visit|attend|meet|strike|vote|launch|open|unveil|stage|play|take\s+place|kick\s+off|"
    r"begin|start|commence|travel|go\s+ahead|address|speak|lead|face|clash|perform)|"
    r"kicks?\s+off|gets?\s+underway|is\s+hosting|are\s+hosting|is\s+holding|are\s+holding|is\s+playing|"
    r"are\s+playing|is\s+taking\s+place|takes\s+place|starts|begins|opens|commences|tune\s+in|"
    r"next|coming|tomorrow|tonight|later\s+today|(?:is|are)\s+(?:being\s+)?(?:held|hosted|staged|closed)|"
    r"remains?\s+(?:on|scheduled)|invit(?:e|es|ed|ation)|registration|register|tickets?)\b",
    re.I)
PAST_PATTERN = re.compile(
    r"\b(?:was|were|had|did|has\s+(?:been|had|held|hosted|visited)|have\s+(?:been|had|held|hosted|visited)|"
    r"took\s+place|ago|last|yesterday|previously|formerly|former|earlier|"
    r"went|came|took|met|held|gave|made|began|saw|won|lost|beat|left|spoke|wrote|became|rose|fell|found|"
    r"brought|thought|sold|bought|paid|sent|kept|led|ran|drew|struck|hit|shut|cut|put|set\s+up|"
    r"[a-z]{3,}ed)\b",
    re.I)
NOT_PAST_ED = {
    "scheduled", "rescheduled", "expected", "planned", "proposed", "based", "related", "united", "limited",
    "need", "speed", "feed", "indeed", "bed", "seed", "breed", "red", "shed", "hundred", "advanced", "detailed",
    "dedicated", "designated", "qualified", "interested", "concerned", "supposed", "required", "needed",
    "closed", "canceled", "cancelled", "postponed", "delayed", "invited", "committed", "anticipated",
    "televised", "ticketed", "licensed", "registered", "organised", "organized", "sponsored", "hosted",
    "themed", "titled", "entitled", "named", "called", "listed", "located", "situated", "featured",
    "reserved", "allowed", "permitted", "prohibited", "banned", "restricted", "extended", "confirmed",
    "advised", "encouraged", "urged", "asked", "requested", "informed", "reminded", "pleased", "delighted",
    "excited", "honored", "honoured", "privileged", "prepared", "equipped", "increased", "reduced",
    "updated", "revised", "amended", "added", "edited", "streamed", "recorded", "billed",
    "slated", "fixed", "earmarked", "poised", "tipped", "penciled", "pencilled", "mixed", "used", "tired",
    "aged", "talked", "embed", "biased", "skilled", "unlimited", "followed", "continued",
}
IRREGULAR_PARTICIPLES = frozenset(["held", "made", "set", "put", "shut", "cut", "hit", "kept", "brought", "sent",
                                   "paid", "sold", "found", "led", "run", "drawn", "given", "taken", "seen"])
PARTICIPLE_OPENING = re.compile(r"\s{1,3}(?:in|at|on|by|for|with|from|under|near|inside|outside)\b", re.I)
PASSIVE_AUX = re.compile(r"\b(?:be|been|being|is|are|will\s+be|to\s+be|remain|remains|get|gets)\s{1,3}$", re.I)
SPEECH_VERBS = (r"said|says|told|tells|announced|announces|confirmed|confirms|stated|added|reported|revealed|"
                r"disclosed|declared|unveiled|released|issued|noted|explained|insisted|warned|tweeted|wrote|"
                r"posted|published|informed|indicated|claimed|admitted|argued|acknowledged|agreed|decided|"
                r"approved|agreed|voted|ruled|filed|launched|reported|posted|reports|published")
SPEECH_BEFORE = re.compile(
    rf"\b(?:{SPEECH_VERBS})(?:\s{{1,3}}(?:in\s+a\s+statement|in\s+a\s+release|late|early|on|this|last|"
    rf"earlier|here|there|at\s+a\s+\w+(?:\s+\w+)?|to\s+reporters|to\s+\w+)){{0,3}}\s{{1,3}}(?:on\s{{1,3}})?$",
    re.I)
SPEECH_AFTER = re.compile(
    rf"^(?:\s{{1,3}}(?:morning|afternoon|evening|night))?\s{{1,3}}(?:{SPEECH_VERBS})\b")
DECLARED_AS = re.compile(
    r",?\s{0,3}(?:(?:and|&)\s[^.;]{0,30}?\s)?(?:as\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:holidays?|work-free\s+days?|non-working\s+days?|rest\s+days?|days?\s+of\s+(?:national\s+)?"
    r"(?:mourning|prayer|rest))\b", re.I)
FUTURE_AUX_BEFORE = re.compile(r"\b(?:will|would|shall|to|is\s+to|are\s+to)\s{1,3}(?:be\s{1,3})?\w+\s{0,3}$", re.I)
BOUNDARY_BEFORE = re.compile(
    r"\b(?:until|till|til|through|thru|by|before|after|since|as\s+of|prior\s+to|no\s+later\s+than|"
    r"deadline(?:\s+\w+){0,4}|expir(?:es|ing|e)(?:\s+on)?|valid\s+(?:until|through)|up\s+to|"
    r"ends?\s+on|(?<!market\s)(?<!markets\s)closes?\s+on|available\s+(?:until|through|from)|effective|beyond|ahead\s+of|"
    r"(?:days?|weeks?|months?|years?)\s+(?:away\s+)?from|away\s+from|counting\s+from)"
    r"(?:\s{1,3}(?:the\s+)?(?:end\s+of|close\s+of|on))?\s{1,3}$", re.I)
NEW_DATE_BEFORE = re.compile(
    r"\b(?:postponed|adjourned|deferred|delayed|moved|pushed\s+back|pushed|rescheduled|shifted|brought\s+forward|"
    r"changed|slipped|slips|slid)\b[^.;]{0,100}?\b(?:until|till|to|for)\s{1,3}(?:the\s+)?$", re.I)
REPORT_HINT = re.compile(r"statement|announcement|release|communiq|notice|circular|notification|report|interview|"
                         r"post|tweet|letter|filing|memo", re.I)
REPORT_NOUN_BEFORE = re.compile(
    r"\b(?:according\s+to|in|via|through|quoted\s+in)\s{1,3}(?:a|an|the|its|their|his|her)\s{1,3}(?:[\w-]+\s{1,3}){0,2}"
    r"(?:statement|announcement|release|communiqu\w+|notice|circular|notification|report|interview|post|tweet|"
    r"letter|filing|memo)\b(?:(?!\b(?:that|will|would|shall|to|is|are|was)\b)[^.;:]){0,60}?\b(?:on|dated|of)\s{1,3}$",
    re.I)
AVAILABLE_HINT = re.compile(r"(?i)sale|availab|order|ship|book|open|start|begin")
AVAILABLE_BEFORE = re.compile(
    r"\b(?:on\s+(?:general\s+|pre-?)?sale|available(?:\s+(?:to\s+(?:buy|order|pre-?order|download|stream|book)|"
    r"for\s+(?:pre-?order|purchase|download|booking)|in\s+(?:stores|shops)))?|pre-?orders?\s+(?:open|start|begin)s?|"
    r"(?:bookings?|ticket\s+sales|sales)\s+(?:open|opens|start|starts|begin|begins)|ships?|shipping)"
    r"(?:\s+(?!(?:and|but|while)\b)[\w,£$€.-]+){0,6}?\s{1,3}(?:from|on|at)?\s{0,3}(?:\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m\.?"
    r"\s{1,3}(?:on\s{1,3})?)?$", re.I)
APPROX_BEFORE = re.compile(r"\b(?:on\s+or\s+about|on\s+or\s+around|around|approximately|circa|about|roughly|"
                           r"sometime\s+(?:in|on)?|as\s+early\s+as|as\s+soon\s+as)\s{1,3}$", re.I)
ORIGINAL_BEFORE = re.compile(
    r"\b(?:originally|initially|previously|first|earlier|had\s+been|was|were)\s{1,3}(?:been\s{1,3})?"
    r"(?:scheduled|planned|set|slated|due|expected|meant|supposed)(?:\s{1,3}to\s{1,3}\w+(?:\s{1,3}\w+)?)?"
    r"(?:\s{1,3}(?:for|on|from|in))?\s{1,3}(?:the\s+)?$",
    re.I)
MOVED_FROM_BEFORE = re.compile(
    r"\b(?:moved|shifted|postponed|pushed\s+back|put\s+back|brought\s+forward|rescheduled|changed|switched|delayed|"
    r"deferred|adjourned)\b[^;]{0,60}?\bto\b[^;]{1,60}?\bfrom\s{1,3}(?:the\s{1,3}|its\s{1,3}|their\s{1,3})?"
    r"(?:original(?:ly)?\s{1,3}(?:scheduled\s{1,3}|planned\s{1,3})?(?:date\s{1,3}(?:of\s{1,3})?)?)?$", re.I)
ORIGINAL_PHRASE = re.compile(ORIGINAL_BEFORE.pattern.removesuffix("$"), re.I)
INSTEAD_BEFORE = re.compile(r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|(?:a\s+(?:day|week|month)\s+)?"
                            r"(?:earlier|later|sooner)\s+than)\s{1,3}(?:the\s{1,3})?"
                            r"(?:(?:original(?:ly)?|planned|scheduled)\s{1,3}(?:date\s{1,3}(?:of\s{1,3})?)?)?$", re.I)
INSTEAD_HINTS = Hints("instead", "rather", "place", "than")
CONVERSION_BEFORE = re.compile(r"(?:\btranslates?\s+(?:in)?to|\bwhich\s+is|\bthat\s+is|\bi\.e\.|\bequivalent\s+to|"
                               r"\bor|[/(])\s{0,3}$", re.I)
CANCEL = re.compile(r"\b(?:cancel(?:l)?ed|cancel(?:l)?ing|cancels|cancel|cancellation|called\s+off|calls?\s+off|"
                    r"calling\s+off|scrapped|scraps|axed|abandoned|will\s+not\s+(?:take\s+place|go\s+ahead|be\s+held)|"
                    r"won['’]t\s+(?:take\s+place|go\s+ahead|be\s+held)|has\s+been\s+dropped|"
                    r"suspend(?:ed|s)?\s+(?:the|its|their|a|an|this|next\s+week['’]s)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:strike|walk-?out|industrial\s+action|protest|shutdown|bandh|boycott))\b", re.I)
POSTPONE = re.compile(r"\b(?:postpone(?:d|s|ment)?|postponing|deferred|defers?|put\s+off|pushed\s+back|"
                      r"delayed\s+(?:until|till|to)|adjourned|suspended\s+until)\b", re.I)
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}"
RESCHEDULE = re.compile(r"\b(?:reschedul(?:ed|es|ing|e)|moved\s+(?:indoors\s+|inside\s+|online\s+|back\s+)?to|"
                        r"(?:moved|switched|relocated|transferred|shifted|move|moves|moving|switch|switches|relocates?)"
                        r"\s+from\b[^.;]{1,60}?\bto\b|(?:switched|relocated|transferred)\s+to|pushed\s+to|shifted\s+to|"
                        r"brought\s+forward|(?:slipped|slips|slid)\s+(?:back\s+)?(?:to|until)|"
                        r"(?:new|fresh|revised)\s+date|now\s+(?:be\s+held|take\s+place)|will\s+now|"
                        r"venue\b[^.;]{0,80}?\b(?:has\s+|have\s+|was\s+|been\s+)?(?:changed|moved|switched)\s+to|"
                        r"(?:shifted|moved|pushed|switched)\s[^.;]{1,120}?\bto\s{1,3}(?:(?:Mon|Tues|Wednes|Thurs|Fri|"
                        r"Satur|Sun)day,?\s{1,3})?(?:\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?" + _MONTH_WORD + "|"
                        + _MONTH_WORD + r"\.?\s{1,3}\d{1,2}))\b", re.I)
DATE_TO_COME = re.compile(r"\s+(?:will\s+be|is\s+to\s+be|to\s+be|has\s+(?:yet|not)|is\s+(?:yet|not))\b", re.I)
NO_NEW_DATE = re.compile(r"\b(?:no|without(?:\s+\w+)?(?:\s+a)?|yet\s+to\s+(?:set|announce|give)(?:\s+a)?|not\s+"
                         r"(?:set|given|announced)(?:\s+a)?)\s*$", re.I)
HEDGE = re.compile(r"\b(?:(?<!-)rumou?r(?:s|ed)?|reportedly|speculat(?:ed|ion|es)|unconfirmed|could|might|may\s+be|"
                   r"possibly|if\b|hint(?:s|ed)?|whether|tentative(?:ly)?)", re.I)
RUMOUR = re.compile(r"(?<!\bdenied\s)(?<!\bdismissed\s)(?<!\bdespite\s)(?<!\bquashed\s)(?<!\bdenies\s)"
                    r"(?<!\bdismisses\s)\b(?:(?<!-)rumou?r(?:s|ed)?|reportedly|speculat(?:ed|ion|es|ing)|unconfirmed)\b",
                    re.I)
NEGATED = re.compile(r"\b(?:no|not|never|without)\b", re.I)
QUOTE_OR_CLAUSE = re.compile(r"[;:]|\s[—–]\s|\bbut\b|\bwhile\b|\bwhereas\b|\bafter\b|\bbefore\b", re.I)
SPEECH_WORD = re.compile(SPEECH_VERBS)

# Words (or signs) at least one of which each pattern needs; see wordscan.Hints.
CLAUSE_HINTS = Hints(";", ":", "—", "–", "but", "while", "whereas", "after", "before")
SPEECH_HINTS = Hints(*SPEECH_VERBS.split("|"))
REPORT_HINTS = Hints(*REPORT_HINT.pattern.split("|"))  # REPORT_HINT itself: any of them, anywhere
NEW_DATE_HINTS = Hints("postponed", "adjourned", "deferred", "delayed", "moved", "pushed", "rescheduled", "shifted",
                       "brought", "changed", "slipped", "slips", "slid")
ORIGINAL_HINTS = Hints("scheduled", "planned", "set", "slated", "due", "expected", "meant", "supposed")
APPROX_HINTS = Hints("about", "around", "approximately", "circa", "roughly", "sometime", "early", "soon")
BOUNDARY_HINTS = Hints("til", "thr", "by", "before", "after", "since", "of", "prior", "later", "deadline", "expir",
                       "valid", "up", "end", "clos", "available", "effective", "beyond", "ahead", "from")
RESCHEDULE_HINTS = Hints("reschedul", "move", "switch", "relocat", "transferred", "shifted", "pushed", "brought",
                         "date", "now", "venue", "slip", "slid")
POSTPONE_HINTS = Hints("postpon", "defer", "put", "pushed", "delayed", "adjourned", "suspended")
CANCEL_HINTS = Hints("cancel", "call", "scrap", "axed", "abandoned", "not", "won", "dropped", "suspend")
AVAILABLE_HINTS = Hints("sale", "availab", "order", "ship", "book", "open", "start", "begin")  # AVAILABLE_HINT's
HEDGE_HINTS = Hints("rumo", "reportedly", "speculat", "unconfirmed", "could", "might", "may", "possibly", "if", "hint",
                    "whether", "tentative")


@lru_cache(maxsize=1024)
def is_speech_verb(word: str) -> bool:
    """Whether a cue word is a verb of saying ("said", "announced")."""
    return SPEECH_WORD.fullmatch(word) is not None


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    direction: int  # +1 future, -1 past
    word: str


FUTURE_FIRST = frozenset(
    ["will", "shall", "won", "going", "is", "are", "am", "was", "were", "be", "been", "set", "due",
     "plans", "plan", "planning", "intends", "intend", "expects", "expect", "would", "upcoming",
     "forthcoming", "to", "kicks", "kick", "gets", "get", "takes", "starts", "begins", "opens",
     "commences", "tune", "next", "coming", "tomorrow", "tonight", "later", "remains", "remain",
     "invite", "invites", "invited", "invitation", "registration", "register", "ticket", "tickets"])
PAST_FIRST = frozenset(
    ["was", "were", "had", "did", "has", "have", "took", "ago", "last", "yesterday", "previously",
     "formerly", "former", "earlier", "went", "came", "met", "held", "gave", "made", "began", "saw",
     "won", "lost", "beat", "left", "spoke", "wrote", "became", "rose", "fell", "found", "brought",
     "thought", "sold", "bought", "paid", "sent", "kept", "led", "ran", "drew", "struck", "hit", "shut",
     "cut", "put", "set"])
WORD = re.compile(r"[A-Za-z']+")
TO_NEXT = re.compile(r"\s{1,3}(?:be|host|hold|visit|attend|meet|strike|vote|launch|open|unveil|stage|play|take|kick|"
                     r"begin|start|commence|travel|go|address|speak|lead|face|clash|perform)\b", re.I)


# Where a cue may start, found on the lower-cased text in one scan: a word of FUTURE_FIRST or
# PAST_FIRST ("to" only before a verb) or a word of five letters or more ending in -ed. A superset
# of the words find_cues tries; each is checked as before.
CUE_SCAN = re.compile(
    rf"(?<![a-z'])(?:{trie_pattern((FUTURE_FIRST | PAST_FIRST) - {'to'})}|to(?=\s{{1,3}}[^\W\d_])|[a-z']{{3,}}ed)"
    r"(?![a-z'])")


def find_cues(text: str, begin: int = 0, finish: int | None = None, low: str | None = None) -> list[Cue]:
    """Tense cues (future and past) in document order (the words in [begin, finish) only; `low`
    is the text lower-cased by `lowered`, when the caller has it).

    The cue patterns are tried only at words that can open one (and at words ending in -ed), so
    the scan costs one cheap tokenizer pass.
    """
    cues: list[Cue] = []
    finish = len(text) if finish is None else finish
    if low is None:
        low = lowered(text)
    # The scan may look a few characters past `finish` (the verb after "to"), no further.
    limit = min(len(text), finish + 8)
    words = WORD.finditer(text, begin, limit) if low is None else CUE_SCAN.finditer(low, begin, limit)
    for word in words:
        start = word.start()
        if start >= finish:
            break
        lower = word.group(0) if low is not None else word.group(0).lower()
        if lower in FUTURE_FIRST and (lower != "to" or TO_NEXT.match(text, word.end())):
            match = FUTURE_PATTERN.match(text, start)
            if match is not None:
                cues.append(Cue(match.start(), match.end(), 1, match.group(0).lower()))
                continue
        if lower in PAST_FIRST or (lower.endswith("ed") and len(lower) >= 5):
            match = PAST_PATTERN.match(text, start)
            if match is not None and past_cue_counts(text, match):
                cues.append(Cue(match.start(), match.end(), -1, match.group(0).lower()))
    return cues


def past_cue_counts(text: str, match: re.Match[str]) -> bool:
    """Whether a past-looking word really reports the past (not "is scheduled", "Red", "Based in")."""
    word = match.group(0).lower()
    if " " not in word and word in IRREGULAR_PARTICIPLES and \
            PASSIVE_AUX.search(text[max(0, match.start() - 12):match.start()]):
        return False  # "will be held", "is set": a passive, not a report
    if not (word.endswith("ed") and " " not in word):
        return True
    if word in NOT_PAST_ED:
        return False
    if PASSIVE_AUX.search(text[max(0, match.start() - 12):match.start()]):
        return False
    if match.start() > 0 and text[match.start() - 1] == "-":
        return False
    if re.match(r"\s{1,3}by\b", text[match.end():match.end() + 5]):
        return False  # "accompanied by", "hosted by": a participle, not the main verb
    if match.group(0)[0].isupper():
        lead = text[max(0, match.start() - 2):match.start()].strip()
        if lead not in ("", "."):
            return False  # a proper noun such as "Red" or "Ted" inside a sentence
        if PARTICIPLE_OPENING.match(text, match.end()):
            return False  # "Included in ...", "Based at ...": a participle, not a past verb
    return True


class TenseIndex:
    """Answers "does the sentence around this offset look forward or back?" from the nearest cue in
    the same sentence; cues after a clause break weigh less.

    Cues are found sentence by sentence, when a sentence is first asked about (most hold no date
    and are never asked about). A cue word never spans two sentences, and each cue is matched
    against the whole text, so a sentence's cues are exactly those find_cues(text) gives inside it.
    """

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self._by_sentence: dict[int, list[Cue]] = {}
        self._all: list[Cue] | None = None
        self._low = lowered(text) if sentences else None

    @property
    def cues(self) -> list[Cue]:
        """Every cue of the text, in order."""
        if self._all is None:
            self._all = find_cues(self.text)
        return self._all

    def sentence_cues(self, index: int) -> list[Cue]:
        """The cues inside sentence `index`, in order."""
        found = self._by_sentence.get(index)
        if found is None:
            sentence = self.sentences[index]
            found = find_cues(self.text, sentence.start, sentence.end, self._low)
            self._by_sentence[index] = found
        return found

    def cues_at(self, offset: int) -> list[Cue]:
        """The cues of the sentence holding `offset` (every cue when there are no sentences)."""
        if not self.sentences:
            return self.cues
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_cues(max(0, index))

    def cues_between(self, begin: int, finish: int) -> list[Cue]:
        """The cues starting in [begin, finish)."""
        if not self.sentences:
            return [c for c in self.cues if begin <= c.start < finish]
        first = max(0, bisect.bisect_right(self.sentence_starts, begin) - 1)
        last = bisect.bisect_left(self.sentence_starts, finish)
        found: list[Cue] = []
        for index in range(first, last):
            found.extend(c for c in self.sentence_cues(index) if begin <= c.start < finish)
        return found

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index < 0 or not self.sentences:
            return 0, len(self.text)
        sentence = self.sentences[index]
        return sentence.start, max(sentence.end, offset)

    def direction(self, offset: int, end: int | None = None) -> int:
        """+1 future, -1 past, 0 unknown for the expression starting at `offset`."""
        begin, finish = self.sentence_bounds(offset)
        end = end if end is not None else offset
        best: tuple[float, int] | None = None
        for cue in self.cues_between(begin, finish):
            if offset <= cue.start < end:
                continue
            distance = offset - cue.end if cue.end <= offset else cue.start - end
            between = self.text[min(cue.end, end):max(cue.start, offset)]
            weight = float(max(distance, 0))
            if cue.start >= end:
                weight += 8
                if "," in between:
                    weight += 60  # "... on Tuesday, with tickets on sale": a later clause
            if best is not None and weight >= best[0]:
                continue  # what follows only adds weight: this cue cannot win
            if CLAUSE_HINTS.present(between) and QUOTE_OR_CLAUSE.search(between):
                weight += 60
            if is_speech_verb(cue.word):
                weight += 40
            if cue.word in ("next", "coming", "last", "earlier", "former", "formerly"):
                weight += 30
            if best is None or weight < best[0]:
                best = (weight, cue.direction)
        return best[1] if best else 0

    def sentence_direction(self, begin: int, finish: int) -> tuple[int, int]:
        """(future cues, past cues) counted over a span."""
        found = self.cues_between(begin, finish)
        future = sum(1 for c in found if c.direction > 0)
        past = sum(1 for c in found if c.direction < 0)
        return future, past


def date_role(text: str, start: int, end: int, sentence: Sentence) -> str | None:
    """Why the date at [start, end) is not the happening itself, or None when it may be.

    "report" the day somebody spoke; "boundary" the edge of a window; "approximate" hedged day;
    "original" a superseded plan; "new" the new date of a moved event (kept, marked).
    """
    before = text[max(sentence.start, start - 80):start]
    wide = text[max(sentence.start, start - 120):start]  # "adjourned the hearing on <a long matter> to"
    after = text[end:min(sentence.end, end + 60)]
    low = folded(before)  # for the hints: each pattern is tried only when its words are there
    low30 = low[-30:] if low is not None else None
    low40 = low[-40:] if low is not None else None
    if ORIGINAL_HINTS.in_lower(low) and ORIGINAL_BEFORE.search(before):
        return "original"  # "shifted the festival, earlier slated for 9 May, to 23 May": the plan's day
    if NEW_DATE_HINTS.in_lower(folded(wide)) and NEW_DATE_BEFORE.search(wide):
        return "new"
    if (INSTEAD_HINTS.in_lower(low30) and INSTEAD_BEFORE.search(before[-30:])) or (
            "from" in before[-30:] and re.search(r"\bfrom\s", before[-30:])
            and MOVED_FROM_BEFORE.search(text[max(sentence.start, start - 160):start])):
        return "original"
    tail = before[-40:]
    speech = SPEECH_BEFORE.search(tail) if SPEECH_HINTS.in_lower(low40) else None
    if speech and DECLARED_AS.match(after):
        speech = None  # "declared Monday, 12 October a public holiday": the day declared, not the declaring
    if speech:
        verb_start = len(before) - len(tail) + speech.start()
        lead = before[max(0, verb_start - 20):verb_start + len(speech.group(0).split()[0])]
        if not FUTURE_AUX_BEFORE.search(lead):
            return "report"
    if SPEECH_AFTER.match(after) or (REPORT_HINTS.in_lower(low) and REPORT_HINT.search(before)
                                     and REPORT_NOUN_BEFORE.search(before)):
        return "report"
    if APPROX_HINTS.in_lower(low30) and APPROX_BEFORE.search(before[-30:]):
        return "approximate"
    if (BOUNDARY_HINTS.in_lower(low40) and BOUNDARY_BEFORE.search(before[-40:])) or (
            (AVAILABLE_HINTS.in_lower(low) if low is not None else AVAILABLE_HINT.search(before))
            and AVAILABLE_BEFORE.search(before)):
        return "boundary"
    return None


@lru_cache(maxsize=4096)
def status_of(sentence_text: str) -> str | None:
    """Postponed, cancelled or rescheduled, from the words of a sentence."""
    if ("ahead" in sentence_text or "reinstat" in sentence_text) and REINSTATED.search(sentence_text):
        return None  # "cancelled last month ..., will now go ahead on 25 and 26 July": on again, as planned
    if RESCHEDULE_HINTS.present(sentence_text):
        for found in RESCHEDULE.finditer(sentence_text):
            if "date" in found.group(0) and (NO_NEW_DATE.search(sentence_text[max(0, found.start() - 30):found.start()])
                                             or DATE_TO_COME.match(sentence_text, found.end())):
                continue  # "without giving a new date", "no new date has been set", "a new date will be announced"
            if not conditional(sentence_text, found.start()):
                return "rescheduled"
    for kind, pattern, hints in (("postponed", POSTPONE, POSTPONE_HINTS), ("cancelled", CANCEL, CANCEL_HINTS)):
        if hints.absent(sentence_text):
            continue
        for found in pattern.finditer(sentence_text):
            if not conditional(sentence_text, found.start()):
                return kind
    return None


REINSTATED = re.compile(r"\b(?:will\s+now\s+go\s+ahead|will\s+go\s+ahead\s+after\s+all|(?:has|have)\s+been\s+"
                        r"reinstated|is\s+back\s+on|are\s+back\s+on)\b", re.I)
CONDITIONAL_BEFORE = re.compile(r"\b(?:if|should|in\s+case|in\s+the\s+event|unless|whether|were\s+(?:it|\w+)\s+to)\b"
                                r"[^.;,]{0,60}$", re.I)


def conditional(text: str, start: int) -> bool:
    """"will be used if play is called off", "should rain force the game to be abandoned": a
    status word inside a condition says what may happen, not what has."""
    return bool(CONDITIONAL_BEFORE.search(text[max(0, start - 70):start]))


def is_hedged(sentence_text: str) -> bool:
    """Rumours, speculation and conditionals do not make calendar entries."""
    return HEDGE_HINTS.present(sentence_text) and bool(HEDGE.search(sentence_text))


def is_rumour(text_before: str) -> bool:
    """"Rumours are swirling that the band will announce ...": hearsay governs what follows it."""
    lowered = text_before.lower()
    if "rumo" not in lowered and "report" not in lowered and "specul" not in lowered and "unconfirm" not in lowered:
        return False
    return bool(RUMOUR.search(text_before))


def is_conversion(text: str, start: int, previous_time_end: int | None) -> bool:
    """A time restated in another zone right after the real one ("4 pm ET, which translates to ...")."""
    if previous_time_end is None or start - previous_time_end > 60:
        return False
    between = text[previous_time_end:start]
    return bool(CONVERSION_BEFORE.search(between)) or "translat" in between.lower()
