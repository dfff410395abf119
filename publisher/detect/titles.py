"""Event triggers, categories, participants and short calendar titles.

A calendar title is what a person would type: who, what, where in a few words ("Putin state visit
to India", "RMT nationwide rail strike", "Apple special event"). It is built from the sentence
that states the event: the event word (the trigger), a proper-noun name around it ("G7 Leaders'
Summit"), the actor (the first proper name of the sentence, people by surname) and, for a visit,
the destination.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from publisher.detect.places import US_STATE_ABBREVIATIONS, VENUE_HEADS
from publisher.detect.temporal import ZONE_ABBREVIATIONS
from publisher.detect.wordscan import FOLDS_TO_ASCII, Hints, lowered, trie_pattern

# (category, pattern): the first pattern that matches a sentence decides its category.
CATEGORY_PATTERNS: list[tuple[str, str]] = [
    ("earnings call", r"(?:earnings|conference|investor|analyst)\s+call|(?:quarter|annual|fiscal)\w*\s+(?:\w+\s+){0,4}"
                      r"results|results\s+(?:for|of)\s+the\s+\w+\s+quarter|"
                      r"(?:(?<=\ba\s)|(?<=\bthe\s))call\b(?!\s+(?:for|to|on|from|by|of|off|up|out|its|their)\b)"),
    ("webinar", r"webinar|virtual\s+(?:program|programme|event|session|panel|meeting|conference|summit)|"
                r"(?<!be\s)webcast|"
                r"livestream|live\s+stream|online\s+(?:event|session|panel)"),
    ("strike", r"strikes?\b|walk-?outs?|walk(?:s|ing)?\s+out\b|industrial\s+action|stay-?away|protests?\b|"
               r"demonstrations?\b|(?:work\s+)?stoppages?\b|bandh\b|boycott(?:s|ing)?\b|hartal\b|walk(?:s|ing)?\s+off\s+the\s+job\b|down(?:s|ed|ing)?\s+(?:their\s+)?tools\b|go-?slow\b|"
               r"sit-?ins?\b"),
    ("election", r"elections?|polls?\b|polling|by-?elections?|referendum|"
                 r"(?:votes?|ballots?)\s+(?:will\s+be\s+|to\s+be\s+|are\s+to\s+be\s+|shall\s+be\s+)counted|"
                 r"vote\b|voting|counting\s+of\s+votes|counting|ballot"),
    ("holiday", r"(?:public|bank|national|special|federal|school)\s+holidays?|holidays?\b|\b[A-Z]\w+\s+Day\b|"
                r"(?i:half[\s-]term)\b|INSET(?:\s+days?)?\b|"
                r"(?:special\s+)?non-working\s+(?:holi)?days?\b"),
    ("closure", r"\bclos(?:ed|ure|ing|es)\b|(?<=\sto\s)close\b|(?<=\swill\s)close\b|"
                r"shut(?:\s+down|down)?\b|suspend(?:ed)?\s+(?:operations|services|classes)|curfew|lockdown|"
                r"(?:water|power|supply|service)?\s?interruptions?\b|outages?\b|detours?\b|diversions?\b|"
                r"no\s+(?:[\w-]+\s+){0,2}(?:service|trains|buses)\b|engineering\s+works|power\s+cuts?\b|sailings?\b|"
                r"crossings?\b"),
    ("visit", r"(?:state|official|working|royal|two-day|three-day|\w+-day)\s+visit|visits?\b|visiting|trip\b|"
              r"(?<!world\s)(?<!concert\s)(?<!stadium\s)(?<!arena\s)(?<!farewell\s)(?<!reunion\s)(?<!comedy\s)"
              r"(?<!book\s)(?<!music\s)(?<!european\s)(?<!american\s)(?<!australian\s)(?<!asian\s)(?<!uk\s)"
              r"(?<!summer\s)(?<!autumn\s)(?<!spring\s)(?<!winter\s)(?<!headline\s)tour\b|travels?\b|travel(?:l)?ing"),
    ("summit", r"summits?\b"),
    ("match", r"\bvs\.?\b|\bODIs?\b|\bT20Is?\b|(?<=\d[snrt][tdh]\s)Test\b|"
              r"(?i:(?:first|second|third|free|final)\s+practice|qualifying\b(?!\s+(?:round|period|criteria))|"
              r"sprint\s+race)|(?<=[\w.'’]\s)v\.?(?=\s[A-Z0-9])|"
              r"\bversus\b|\baway\s+(?:at|to)\b|\bat\s+home\s+(?:to|against)\b|\bmatch(?:es)?\b|"
              r"\bgame\b|fixture|derby|kick(?:s|ed|ing)?[\s-]?off|(?:grand|semi|quarter)[\s-]?finals?\b|"
              r"semifinals?\b|quarterfinals?\b|\bfinal\b|tournament|"
              r"championship|\bclash\b|encounter|\b[Rr]ace\b|grand\s+prix|\bleague\b|\bTests?\b|"
              r"(?i:reserve\s+days?)|(?i:ties)(?=\s+(?:will|are|to|shall)\s+be\s+played)|"
              r"(?i:(?<=round\s)ties\b|(?<=cup\s)ties\b)|(?i:draw)(?=\s+(?:for|of)\s+the\s+[\w\s-]{0,30}"
              r"(?:round|Cup|cup|stage|finals?|tournament|competition|championship))"),
    ("hearing", r"hearings?\b|verdict|judg(?:e)?ment\b|(?<=\sbe\s)mentioned\b|(?<=for\s)mention\b|"
                r"sentencing|(?<=\sbe\s)sentenced\b|"
                r"trial\b|arraignment|court\s+date|adjourn(?:ed|s|ment)?\b|(?<=will\s)hear\b|"
                r"(?<=to\s)hear\b"),
    ("launch", r"launch(?:es|ed|ing)?(?!\s+(?:vehicle|pad|site|complex|rocket|facility|tower|window)s?\b)|"
               r"unveil(?:s|ed|ing)?|unpacked|keynote|special\s+event|media\s+event|"
               r"product\s+event|\bevent\b|listing\s+(?:date|day|ceremony)|(?<=will\s)list\b|(?<=to\s)list\b|"
               r"(?<=be\s)listed\s+on"),
    ("meeting", r"meetings?\b|(?-i:town\s+hall)|"
                r"\bAGM\b|general\s+meeting|\btalks\b|\bmeet\b|\bgather\b|session|sitting|(?<=\swill\s)sit\b|"
                r"(?<=\snow\s)sit\b|"
                r"assembly|roundtable|round\s+table|briefing|press\s+conference|news\s+conference"),
    ("conference", r"conferences?\b|congress|convention|forum|symposium|expo\b|exhibition|fair\b|trade\s+show|"
                   r"\bshow\b|festival|ceremony|celebrations?|banquet|reception|parade|inauguration|concert|"
                   r"lectures?\b|seminar|workshop|(?:world|concert|stadium|arena|farewell|reunion|comedy|music|european|"
                   r"american|australian|asian|uk|summer|autumn|spring|winter|headline)\s+tour\b|program(?:me)?\b|premiere|screening|auction|marathon|gigs?\b|funeral|"
                   r"memorial\s+service|requiem|burial|oath\s+of\s+office|swearing[\s-]in|(?<=be\s)sworn\s+in|"
                   r"private\s+view(?:ing)?|preview\b|vernissage|performances?\b|(?-i:LIVE|[Ll]ive)(?=\s+(?:at|in)\s+(?:the\s+)?[A-Z])|"
                   r"doors\s+(?:open\s+)?(?:at\s+)?(?=\d)|colloquium|masterclass|"
                   r"(?:farmers['’]?|christmas|night|craft)\s+market\b"),
    ("deadline", r"deadline|registration\s+(?:closes|ends)"),
]
CASE_SENSITIVE = ("holiday", "match")
TRIGGER_PATTERN = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(f"(?P<c{index}>{pattern})" if name in CASE_SENSITIVE else f"(?P<c{index}>(?i:{pattern}))"
               for index, (name, pattern) in enumerate(CATEGORY_PATTERNS))
    + ")")
CATEGORY_BY_GROUP = {f"c{index}": name for index, (name, _) in enumerate(CATEGORY_PATTERNS)}
CASELESS_MATCH = re.compile(dict(CATEGORY_PATTERNS)["match"], re.I)

EVENT_VERBS = re.compile(
    r"\b(?:take\s+place|takes\s+place|be\s+held|is\s+held|are\s+held|will\s+hold|to\s+hold|(?-i:hosts?|hosting)|"
    r"to\s+host|will\s+host|kicks?\s+off|open(?:s|ing)?|begin|begins|start|starts|commence[sd]?|"
    r"run\b|runs\b|will\s+(?:attend|meet|address|speak|perform|play|face|visit|travel|join|tour|participate|"
    r"receive|welcome|inaugurate|unveil|launch|announce|release|report|present|deliver|lead|open|close)|"
    r"to\s+(?:attend|meet|address|speak|perform|play|face|visit|travel|join|vote|strike|announce|report|release)|"
    r"plans?\s+a|fixed\s+for|set\s+for|scheduled\s+(?:for|on)|slated\s+for|declared|observed?|"
    r"welcomed|hosted\s+to)\b", re.I)
# A word one of which every EVENT_VERBS match holds.
EVENT_VERB_HINTS = Hints("place", "held", "hold", "host", "kick", "open", "begin", "start", "commence", "run", "will",
                         "attend", "meet", "address", "speak", "perform", "play", "face", "visit", "travel", "join",
                         "vote", "strike", "announce", "report", "release", "plan", "fixed", "set", "scheduled",
                         "slated", "declared", "observe", "welcomed")
PARENTHESES = re.compile(r"\([^()]{0,80}\)|\[[^\[\]]{0,80}\]")
TITLE_WORDS = (r"President|Prime\s+Minister|PM|Premier|Chancellor|King|Queen|Prince|Princess|Minister|Secretary|"
               r"Senator|Sen\.|Governor|Gov\.|Mayor|Chairman|Chairwoman|Chair|CEO|Chief|Judge|Justice|Pope|Sheikh|"
               r"Emir|Crown\s+Prince|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Professor|Prof\.?|General|Gen\.|Commissioner|Speaker|"
               r"Vice\s+President|Ambassador|Magistrate|Director|Spokesperson|Spokesman|Spokeswoman")
# The rest of a name after its capital: lower-case letters of any Latin script ("Tomás", "Dvořák").
_NAME_TAIL = r"[a-zß-öø-ÿ\u0100-\u017f'’-]+"
PERSON = re.compile(
    rf"\b(?:(?:[A-Z][a-z]+\s+){{0,3}}(?:{TITLE_WORDS})\s+(?:of\s+(?:the\s+)?[A-Z][\w]+(?:\s+[A-Z]\w+){{0,2}}\s+)?)"
    rf"((?:[A-Z]{_NAME_TAIL}|[A-Z]\.)(?:\s+(?:[A-Z]{_NAME_TAIL}|[A-Z]\.|de|van|von|bin|al-\w+)){{0,3}})")
# A title word (as spelled in TITLE_WORDS) that every PERSON match holds.
PERSON_HINTS = Hints("President", "Prime", "PM", "Premier", "Chancellor", "King", "Queen", "Prince", "Minister",
                     "Secretary", "Sen", "Gov", "Mayor", "Chair", "CEO", "Chief", "Judge", "Justice", "Pope", "Sheikh",
                     "Emir", "Crown", "Mr", "Ms", "Dr", "Prof", "Gen", "Commissioner", "Speaker", "Vice", "Ambassador",
                     "Magistrate", "Director", "Spokes", exact=True)
# The first capital comes before the look-behinds (which check the characters before it), so the
# engine jumps from capital to capital.
PROPER_RUN = re.compile(r"[A-Z](?<![\w'’&.][A-Z])(?<!\w-[A-Z])[\w'’&.-]*(?:(?:\s{1,2}|[–-](?=[A-Z]))"
                        r"(?:[A-Z][\w'’&.-]*|of|for|"
                        r"and|&|on|the|de|\d+(?:st|nd|rd|th)?)(?![\w'’])){0,7}")
STOP_RUN_WORDS = {
    "The", "A", "An", "In", "On", "At", "For", "From", "With", "As", "By", "To", "Of", "And", "But", "If", "It",
    "This", "That", "These", "Those", "He", "She", "They", "We", "I", "You", "His", "Her", "Its", "Their",
    "Our", "My", "Your", "There", "Here", "When", "While", "After", "Before", "During", "Meanwhile", "However",
    "Also", "Accordingly", "Thereafter", "Prior", "According", "Following", "Today", "Tomorrow", "Tonight",
    "Update", "UPDATE", "Update:", "Citing", "Amidst", "Amid", "Due", "Saturday", "Sunday", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Said", "Once", "Now", "Later", "Earlier", "So",
    "Thank", "Thanks", "Please", "Join", "Tune", "Watch", "Kick-off", "Kick", "Time", "Including", "Included",
    "Even", "Immediately", "Under", "Since", "Until", "Despite", "Although", "Though", "Because",
    "What", "Who", "Where", "Why", "How", "Which", "Not", "No", "Yes", "All", "Any", "Each", "Every", "Both",
    "Given", "Regarding", "Considering", "Announcing", "Speaking", "Asked",
    "Replying", "Hosts", "Host", "Several", "Many", "Some", "Other", "Another", "Only", "Just", "First", "Last",
    "Apart", "Members", "Member", "Additionally", "Furthermore", "Moreover", "Recall", "Besides",
    "Then", "Still", "Yet", "Instead", "Otherwise", "Thus", "Hence", "Whether", "Should", "Will",
}
LEADING_JUNK = re.compile(r"^(?:[\"“”‘’'(\[*#\s-]|\*\*)+")
ORG_HEADS = re.compile(r"\b(?:Commission|Committee|Council|Ministry|Department|Union|Congress|Party|Government|"
                       r"Corporation|Company|Inc|Ltd|Group|Association|Federation|Board|Agency|Authority|Office|"
                       r"University|College|School|Forum|Organisation|Organization|Institute|Bank|Court|Club|FC|"
                       r"Society|League|Parliament|Senate|Assembly)\b")


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    word: str
    category: str


def find_trigger(sentence: str, anchor: int | None = None,
                 cache: dict[str, tuple[Trigger, ...]] | None = None) -> Trigger | None:
    """The event word of a sentence and its category, or None when nothing happens in it.

    With `anchor` (the date's offset in the sentence) the event word nearest the date wins,
    words before it a little more readily (the verb and its object usually precede the date);
    otherwise the earliest. Calls and webinars name the whole happening and outrank the rest.
    """
    if cache is None:
        found = all_triggers(sentence)
    else:
        if sentence not in cache:
            cache[sentence] = all_triggers(sentence)
        found = cache[sentence]
    if found:
        priority = [t for t in found if t.category == "earnings call"] or \
            [t for t in found if t.category == "webinar"]  # "a conference call and webcast": the call
        candidates = priority or list(found)
        if anchor is None:
            chosen = min(candidates, key=lambda t: t.start)
        else:
            chosen = min(candidates, key=lambda t: trigger_distance(sentence, t, anchor))
        return head_of(chosen, candidates)
    verb = EVENT_VERBS.search(sentence) if EVENT_VERB_HINTS.present(sentence) else None
    if verb:
        return Trigger(verb.start(), verb.end(), verb.group(0), "event")
    return None


EVE_OF = re.compile(r"\beve\s+of\s+(?:the\s+|its\s+)?$", re.I)
RUN_OPENS = re.compile(r"\b(?:opens|begins|starts|runs)\b")
ORDINAL_BEFORE = re.compile(r"\d(?:st|nd|rd|th)\s$")


def all_triggers(sentence: str) -> tuple[Trigger, ...]:
    """Every event word in a sentence with its category (computed once per sentence)."""
    found: list[Trigger] = []
    masked = PARENTHESES.sub(lambda m: " " * len(m.group(0)), sentence) if "(" in sentence or "[" in sentence \
        else sentence
    context: list[bool] = []  # whether MATCH_CONTEXT finds the sentence a sport's, once asked

    def sporting() -> bool:
        if not context:
            context.append((MATCH_CONTEXT_HINTS.present(sentence) and MATCH_CONTEXT.search(sentence) is not None)
                           or bool(match_sides(sentence)))  # "She will meet Emma Clarke in Saturday's final"
        return context[0]

    for match in scan_triggers(masked):
        group = match.lastgroup or ""
        name = CATEGORY_BY_GROUP.get(group, "event")
        word = match.group(0)
        if name == "match" and word.lower() in ("final", "race", "league", "tests", "test", "game", "clash") \
                and not sporting() and not ORDINAL_BEFORE.search(masked, max(0, match.start() - 6), match.start()):
            continue  # "the final report": not a match; "the 2nd Test" is one
        if word[:1].isupper() and (IN_VENUE_NAME.match(masked, match.end()) or IN_ORG_NAME.match(masked, match.end())):
            continue  # "Cape Town International Convention Centre", "Election Commission": not happenings
        if name == "closure" and word.lower() in ("closes", "closing") and RUN_OPENS.search(masked, 0, match.start()):
            continue  # "which opens on 11 January and closes on 29 January": the end of a run
        if EVE_OF.search(masked, max(0, match.start() - 24), match.start()):
            continue  # "the main celebration ... on the eve of the holiday": the holiday only dates it
        found.append(Trigger(match.start(), match.end(), word, name))
    if not any(t.category == "match" for t in found):
        for match in scan_caseless(sentence):
            word = match.group(0)
            if word.lower() in ("final", "race", "league", "tests", "test", "game", "clash") and not sporting():
                continue
            found.append(Trigger(match.start(), match.end(), word, "match"))
    for hints, pattern, name in EXTRA_TRIGGERS:
        if any(hint in masked for hint in hints):
            for match in pattern.finditer(masked):
                if not any(t.start < match.end() and match.start() < t.end for t in found):
                    found.append(Trigger(match.start(), match.end(), match.group(0), name))
            found.sort(key=lambda t: t.start)
    if not any(t.category == "hearing" for t in found) and COURT_CASE_HINTS.present(masked) and \
            COURT_WORD.search(masked):
        for match in COURT_CASE.finditer(masked):  # "the case was postponed to 14 August in the Magistrate's Court"
            if not any(t.start < match.end() and match.start() < t.end for t in found):
                found.append(Trigger(match.start(), match.end(), match.group(0), "hearing"))
        found.sort(key=lambda t: t.start)
    if any(t.category == "election" for t in found):
        for body in ELECTED_BODY.finditer(masked):
            found = [t for t in found if not (t.category == "meeting" and body.start(1) <= t.start < body.end(1))]
        for match in RESULTS.finditer(masked):
            found.append(Trigger(match.start(), match.end(), match.group(0), "election"))
    return tuple(found)


IN_VENUE_NAME = re.compile(rf"(?:\s{{1,2}}(?:[A-Z][\w'’&-]*|and|&)){{0,3}}\s{{1,2}}(?:{VENUE_HEADS})\b")
IN_ORG_NAME = re.compile(r"(?:\s{1,2}[A-Z][\w'’&-]*){0,2}\s{1,2}(?:Commission|Committee|Board|Authority|Office|"
                         r"Department|Tribunal|Ministry|Agency|Secretariat|Bureau)\b")
EXTRA_TRIGGERS: list[tuple[tuple[str, ...], re.Pattern[str], str]] = [
    (("results", "figures", "earnings"),  # "full-year results", "Q1 FY27 results", "interim figures"
     re.compile(r"\b(?:Q[1-4]\s{0,2}(?:FY\s{0,2})?['’]?\d{2,4}|(?:full|half|first|second|third|fourth|nine)[\s-]"
                r"(?:year|half|quarter|month)s?|interim|preliminary|quarterly)\s+(?:[\w-]+\s+){0,2}"
                r"(?:results|figures|earnings)\b", re.I), "earnings call"),
    (("take", "taking", "lock"), re.compile(r"\b(?:takes?\s+on|taking\s+on|locks?\s+horns)\b"), "match"),
]
RESULTS = re.compile(r"\b(?:election\s+)?results\b", re.I)
COURT_CASE = re.compile(r"\b(?:case|matter|inquest|bail\s+(?:application|hearing))\b")
COURT_CASE_HINTS = Hints("case", "matter", "inquest", "bail", exact=True)
COURT_WORD = re.compile(r"\b(?:[Cc]ourt|[Mm]agistrate|[Tt]ribunal|[Jj]udge|[Bb]ench|[Jj]ustice)\b")
WORD = re.compile(r"\w+")
# The first four letters of every word that can open an event word; TRIGGER_PATTERN is only
# tried where one starts (plus "<Name> Day" and "<n>-day"), which keeps the scan cheap.
TRIGGER_STEMS = frozenset(
    ["earn", "conf", "inve", "anal", "quar", "annu", "fisc", "resu", "call", "webi", "virt", "webc",
     "live", "onli", "stri", "walk", "indu", "stay", "elec", "poll", "byel", "refe", "vote", "voti",
     "coun", "ball", "publ", "bank", "nati", "spec", "fede", "scho", "holi", "clos", "shut", "susp",
     "stat", "offi", "work", "roya", "visi", "trip", "tour", "trav", "summ", "vs", "v", "odi", "t20i", "vers",
     "away", "at",
     "matc", "game", "fixt", "derb", "kick", "fina", "tour", "cham", "clas", "enco", "race", "gran",
     "leag", "test", "hear", "sent", "tria", "arra", "cour", "laun", "unve", "unpa", "keyn", "medi",
     "prod", "even", "meet", "agm", "adjo", "gene", "talk", "boar", "sess", "sitt", "asse", "roun", "brie",
     "pres", "news", "cong", "conv", "foru", "symp", "expo", "exhi", "fair", "trad", "show", "fest",
     "cere", "cele", "banq", "rece", "para", "inau", "conc", "lect", "semi", "prog", "prem", "scre",
     "auct", "mara", "dead", "regi", "priv", "by", "gran", "semi", "quar", "prot", "demo", "full", "half",
     "gath", "gig", "gigs", "adjo", "rese", "stop", "down", "go", "sit", "ties", "draw", "town", "band",
     "hart", "non", "worl", "stad", "aren", "fare", "reun", "come", "musi", "fune", "memo", "requ", "buri", "oath",
     "swea", "swor", "list", "curf", "lock", "boyc", "verd", "judg", "firs", "seco", "thir", "free", "qual", "spri",
     "prev", "vern", "inte", "outa", "deto", "dive", "no", "engi", "powe", "wate", "supp", "serv", "sail", "cros",
     "door", "coll", "mast", "farm", "chri", "nigh", "craf", "half", "inse", "euro", "amer", "aust", "asia", "uk",
     "autu", "wint", "head", "ment", "perf"])


_STEMS = trie_pattern(stem for stem in TRIGGER_STEMS if len(stem) == 4)
_SHORT_STEMS = trie_pattern(stem for stem in TRIGGER_STEMS if len(stem) < 4)
# Where an event word may start, found on the lower-cased text in one scan: a word opening with
# a stem (a short stem is the whole word). TRIGGER_PATTERN is also tried at a word before " Day"
# or "-day" (day_word_starts). A superset of the words the scanners try; each is checked as before.
STEM_SCAN = re.compile(rf"(?<!\w)(?:{_STEMS}|{_SHORT_STEMS}(?!\w))")


def day_word_starts(low: str) -> list[int]:
    """The start of every word followed by spaces and "day", or by "-day", in the lower-cased
    text: where "<Name> Day" (a holiday) or "<n>-day visit" may start, whatever the word."""
    starts = []
    at = low.find("day")
    while at != -1:
        end = at
        if at > 0 and low[at - 1] == "-":
            end = at - 1
        else:
            while end > 0 and low[end - 1].isspace():
                end -= 1
        if end < at:
            begin = end
            while begin > 0 and (low[begin - 1].isalnum() or low[begin - 1] == "_"):
                begin -= 1
            if begin < end:
                starts.append(begin)
        at = low.find("day", at + 1)
    return starts


# The first letters every alternative of each category's pattern opens with (a prefix of its first
# word: "strike" for "strikes?", "walk" for "walk-?outs?"), so an event word can start only at a
# word opening with one of them, or at a word before " Day" or "-day" (day_word_starts). A
# case-insensitive pattern also matches "ſ", "ı", "İ" and the Kelvin sign to ASCII letters; a text
# holding one is scanned by stems instead (see trigger_starts).
MATCH_OPENERS = ("vs", "v", "odi", "t20i", "versus", "away", "at", "match", "game", "fixture", "derby", "kick", "grand",
                 "semi",
                 "quarter", "final", "tournament", "championship", "clash", "encounter", "race", "league", "test",
                 "reserve", "ties", "draw", "first", "second", "third", "free", "qualifying", "sprint")
TRIGGER_OPENERS = (*MATCH_OPENERS,
    "earnings", "conference", "investor", "analyst", "annual", "fiscal", "results", "call", "webinar", "virtual",
    "webcast", "live", "online", "strike", "bandh", "hartal", "walk", "industrial", "stay", "protest",
    "demonstration", "election",
    "poll", "by", "referendum", "vote", "voting", "counting", "ballot", "public", "bank", "national", "special",
    "federal", "school", "holiday", "non", "clos", "shut", "suspend", "state", "official", "working", "royal", "visit",
    "trip", "tour", "travel", "summit", "hear", "sentencing", "sentenced", "trial", "arraignment", "court", "adjourn",
    "launch",
    "unveil", "unpacked", "keynote", "media", "product", "event", "meeting", "agm", "general", "talks", "meet",
    "gather", "town", "session", "sitting", "assembly", "round", "briefing", "press", "news", "congress", "convention",
    "forum", "symposium", "expo", "exhibition", "fair", "trade", "show", "festival", "ceremony", "celebration",
    "banquet", "reception", "parade", "inauguration", "concert", "lecture", "seminar", "workshop", "program",
    "premiere", "screening", "auction", "marathon", "gig", "world", "stadium", "arena", "farewell", "reunion",
    "comedy", "music", "funeral", "memorial", "requiem", "burial", "oath", "swearing", "sworn", "list", "curfew",
    "lockdown", "boycott", "verdict", "judg", "mention", "performance", "private", "preview", "vernissage",
    "interruption", "outage",
    "detour", "diversion", "no", "engineering", "power", "water", "supply", "service", "sailing", "crossing", "doors",
    "colloquium", "masterclass", "european", "american", "australian", "asian", "uk", "summer", "autumn", "spring",
    "winter", "headline", "farmers", "christmas", "night", "craft", "half", "inset",
    "deadline", "registration",
    "stoppage", "work", "down",
    "go", "sit")
# Openers that are common words count only before what their patterns need after them ("at
# home", "by-election", "public holiday", "state visit", "results for the third quarter").
GATED_OPENERS: dict[str, str] = {
    "at": r"\s+home\s", "by": r"-?election", "public": r"\s+holiday", "bank": r"\s+holiday", "national": r"\s+holiday",
    "federal": r"\s+holiday", "school": r"\s+holiday", "special": r"\s+(?:event|holiday|non-working)",
    "non": r"-working", "farmers": r"['’]?\s+market", "christmas": r"\s+market", "night": r"\s+market",
    "craft": r"\s+market", "no": r"\s", "engineering": r"\s+works", "power": r"\s+(?:cut|interrupt)",
    "water": r"\s+interrupt", "supply": r"\s+interrupt", "service": r"\s+interrupt", "first": r"\s+practice",
    "second": r"\s+practice", "third": r"\s+practice",
    "free": r"\s+practice", "state": r"\s+visit",
    "official": r"\s+visit", "working": r"\s+visit", "royal": r"\s+visit", "results": r"\s+(?:for|of)\s",
    "trade": r"\s+show", "kick": r"(?:s|ed|ing)?[\s-]?off", "annual": r"\w*\s+(?:\w+\s+){0,4}results",
    "fiscal": r"\w*\s+(?:\w+\s+){0,4}results", "quarter": r"\w*\s+(?:\w+\s+){0,4}results|[\s-]?final",
    "work": r"\s+stoppage", "down": r"(?:s|ed|ing)?\s+(?:their\s+)?tools", "go": r"-?slow", "sit": r"(?:-?ins?)?\b",
}


def _opening(openers: tuple[str, ...]) -> re.Pattern[str]:
    plain = trie_pattern(word for word in openers if word not in GATED_OPENERS)
    gated = "".join(f"|{word}(?={GATED_OPENERS[word]})" for word in openers if word in GATED_OPENERS)
    return re.compile(rf"(?<!\w)(?:{plain}{gated})")


MATCH_OPENING = _opening(MATCH_OPENERS)
TRIGGER_OPENING = _opening(TRIGGER_OPENERS)


def trigger_starts(text: str, low: str | None, match_only: bool = False) -> list[int] | None:
    """Where scan_triggers (or, `match_only`, scan_caseless) need try: the words opening with an
    opener, and for scan_triggers the words before a "day"; None (every word) when lower-casing
    `text` would move offsets (`low`, from `lowered`, is None)."""
    if low is None:
        return None
    exact = text.isascii() or FOLDS_TO_ASCII.search(text) is None
    starts = [hit.start() for hit in (STEM_SCAN if not exact else MATCH_OPENING if match_only else
                                      TRIGGER_OPENING).finditer(low)]
    if match_only or "day" not in low:
        return starts
    days = day_word_starts(low)
    return sorted(set(starts).union(days)) if days else starts


def candidate_words(text: str, low: str | None, starts: list[int] | None) -> Iterator[re.Match[str] | None]:
    """The words (WORD matches) of `text` at `starts`; every word when lower-casing would move
    offsets (`low` is None)."""
    if low is None or starts is None:
        return WORD.finditer(text)
    return (WORD.match(text, start) for start in starts)


def scan_caseless(text: str) -> Iterator[re.Match[str]]:
    """Like CASELESS_MATCH.finditer(text), tried only at words that can open a match word."""
    low = lowered(text)
    position = 0
    for word in candidate_words(text, low, trigger_starts(text, low, match_only=True)):
        if word is None:
            continue
        start = word.start()
        if start < position or word.group(0)[:4].lower() not in TRIGGER_STEMS:
            continue
        match = CASELESS_MATCH.match(text, start)
        if match is not None and match.end() > start and (start == 0 or not text[start - 1].isalpha()):
            position = match.end()
            yield match


# The categories whose pattern can match at a word opening with each stem. "holiday" ("<Name>
# Day") and "visit" ("<n>-day visit") can match at any word, so every subset keeps them. Trying
# only these (in the same order, so the same one wins) gives TRIGGER_PATTERN's match.
STEM_CATEGORIES: dict[str, tuple[str, ...]] = {
    "earnings call": ("earn", "conf", "inve", "anal", "quar", "annu", "fisc", "resu", "call"),
    "webinar": ("webi", "virt", "webc", "live", "onli"),
    "strike": ("stri", "walk", "indu", "stay", "prot", "demo", "work", "stop", "down", "go", "sit", "band", "hart",
               "boyc"),
    "election": ("elec", "poll", "by", "byel", "refe", "vote", "voti", "coun", "ball"),
    "closure": ("clos", "shut", "susp", "curf", "lock", "inte", "outa", "deto", "dive", "no", "engi", "powe", "wate",
                "supp", "serv", "sail", "cros"),
    "summit": ("summ",),
    "match": ("vs", "v", "odi", "t20i", "vers", "away", "at", "matc", "game", "fixt", "derb", "kick", "gran", "semi",
              "quar", "fina",
              "tour", "cham", "clas", "enco", "race", "leag", "test", "rese", "ties", "draw", "firs", "seco", "thir",
              "free", "qual", "spri"),
    "hearing": ("hear", "verd", "judg", "ment", "sent", "tria", "arra", "cour", "adjo"),
    "launch": ("laun", "unve", "unpa", "keyn", "spec", "medi", "prod", "even", "list"),
    "meeting": ("meet", "town", "sit", "agm", "gene", "talk", "gath", "sess", "sitt", "asse", "roun", "brie", "pres",
                "news"),
    "conference": ("conf", "cong", "conv", "foru", "symp", "expo", "exhi", "fair", "trad", "show", "fest", "cere",
                   "work", "cele", "banq", "rece", "para", "inau", "conc", "lect", "semi", "prog", "prem", "scre",
                   "auct", "mara", "gig", "gigs", "worl", "stad", "aren", "fare", "reun", "come", "musi", "fune",
                   "memo", "requ", "buri", "oath", "swea", "swor", "priv", "prev", "vern", "live", "door", "coll",
                   "mast", "farm", "chri", "nigh", "craf", "euro", "amer", "aust", "asia", "uk", "spri", "autu",
                   "wint", "head", "summ", "perf"),
    "deadline": ("dead", "regi"),
}
ANY_WORD_CATEGORIES = ("holiday", "visit")


def _triggers_for(names: set[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![A-Za-z])(?:"
        + "|".join(f"(?P<c{index}>{pattern})" if name in CASE_SENSITIVE else f"(?P<c{index}>(?i:{pattern}))"
                   for index, (name, pattern) in enumerate(CATEGORY_PATTERNS) if name in names)
        + ")")


_TRIGGERS_BY_NAMES: dict[frozenset[str], re.Pattern[str]] = {}
TRIGGERS_BY_STEM: dict[str, re.Pattern[str]] = {}
for _stem in TRIGGER_STEMS:
    _names = frozenset({name for name, stems in STEM_CATEGORIES.items() if _stem in stems} | set(ANY_WORD_CATEGORIES))
    if _names not in _TRIGGERS_BY_NAMES:
        _TRIGGERS_BY_NAMES[_names] = _triggers_for(set(_names))
    TRIGGERS_BY_STEM[_stem] = _TRIGGERS_BY_NAMES[_names]


def scan_triggers(text: str) -> Iterator[re.Match[str]]:
    """Like TRIGGER_PATTERN.finditer(text), tried only at words that can open an event word."""
    low = lowered(text)
    position = 0
    for word in candidate_words(text, low, trigger_starts(text, low)):
        if word is None:
            continue
        start = word.start()
        if start < position:
            continue
        token = word.group(0)
        after = text[word.end():word.end() + 4]
        pattern = TRIGGERS_BY_STEM.get(token[:4].lower())
        if pattern is None:
            if not after.startswith((" Day", "-day", "-Day")) and not (token[0].isdigit() and after.startswith("-day")):
                continue
            pattern = TRIGGER_PATTERN
        match = pattern.match(text, start)
        if match is not None and match.end() > start:
            position = match.end()
            yield match


MATCH_CONTEXT = re.compile(r"\b(?:play\w*|kick\w*|team|score|fans?|stadium|match|cup|against|tickets?|contest|"
                           r"competition|take\s+place|takes\s+place|be\s+held|live|semi-?finals?|circuit|laps?|"
                           r"grid|podium|lights\s+go\s+out|riders?|drivers|runners|course|track|seeds?|seeded|"
                           r"starts?|finish(?:es)?)\b", re.I)
MATCH_CONTEXT_HINTS = Hints("play", "kick", "team", "score", "fan", "stadium", "match", "cup", "against", "ticket",
                            "contest", "competition", "place", "held", "live", "semi", "circuit", "lap", "grid",
                            "podium", "lights", "rider", "drivers", "runners", "course", "track", "seed", "start",
                            "finish")  # what it needs


def head_of(trigger: Trigger, found: list[Trigger]) -> Trigger:
    """In "Area Council elections" the last event word is the head: "elections"."""
    for other in sorted(found, key=lambda t: t.start):
        if other.start > trigger.start and 0 <= other.start - trigger.end <= 2 and other.category != trigger.category:
            return head_of(other, found)
    return trigger


PRENOMINAL = re.compile(r"[\w,]*?(?:['’]s?)?(?:\s{1,2}(?:\d{4}|[a-z][\w-]*)){0,3}\s{1,2}")
PLACE_COMMA = re.compile(r",\s(?=[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?(?:\s|$|[,.]))")  # "Suva, Fiji on": no break
CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[—–]\s|\bwhile\b|\bwhereas\b|\bbut\b")
# What every CLAUSE_BREAK match holds (PLACE_COMMA, which only turns ", " into " ", adds none).
CLAUSE_BREAK_HINTS = Hints(",", ";", ":", "—", "–", "while", "whereas", "but", exact=True)


def trigger_distance(sentence: str, trigger: Trigger, anchor: int) -> float:
    """How far an event word is from the date: words after the date cost more, a clause break
    between them costs a lot, a capitalised event name ("NATO Summit") costs less."""
    if trigger.end <= anchor:
        distance = float(anchor - trigger.end)
        between = sentence[trigger.end:anchor]
    else:
        distance = (trigger.start - anchor) * 1.5 + 5
        between = sentence[anchor:trigger.start]
        if PRENOMINAL.fullmatch(between):
            return 1.0  # "the February 25 presidential election": the date modifies the event noun
    if CLAUSE_BREAK_HINTS.present(between) and CLAUSE_BREAK.search(PLACE_COMMA.sub(" ", between)):
        distance += 30 if trigger.end <= anchor else 80  # a later clause is about something else
    if trigger.word[:1].isupper() and trigger.start > 0:
        distance *= 0.6
    return distance


def category_of(sentence: str) -> str | None:
    trigger = find_trigger(sentence)
    return trigger.category if trigger else None


def participants(sentence: str) -> tuple[str, ...]:
    """People named with a title in the sentence ("President Vladimir Putin" -> "Vladimir Putin")."""
    names: list[str] = []
    for match in PERSON.finditer(sentence) if PERSON_HINTS.present(sentence) else ():
        name = match.group(1).strip()
        if name and name.split()[0] not in STOP_RUN_WORDS and name not in names:
            names.append(name)
    return tuple(names[:6])


@lru_cache(maxsize=256)
def proper_runs(sentence: str) -> tuple[re.Match[str], ...]:
    """Runs of capitalised words ("Prime Minister Narendra Modi"), but not a lone function word
    or a short capitalised word opening the sentence; remembered, as titles look at a sentence
    several times (cleared with find_actor for each announcement)."""
    runs = []
    for match in PROPER_RUN.finditer(sentence):
        text = match.group(0)
        words = text.split()
        if len(words) == 1 and (words[0] in STOP_RUN_WORDS or (match.start() == 0 and words[0].istitle()
                                and not ORG_HEADS.search(text) and len(words[0]) < 4)):
            continue
        runs.append(match)
    return tuple(runs)


def actor(sentence: str, trigger: Trigger | None = None, place_names: list[str] | None = None) -> str | None:
    """Who does it (see `find_actor`); remembered, as titles ask about a sentence more than once."""
    return find_actor(sentence, trigger, tuple(place_names or ()))


@lru_cache(maxsize=2048)
def find_actor(sentence: str, trigger: Trigger | None, place_names: tuple[str, ...]) -> str | None:
    """Who does it: the titled person or proper name nearest before the event word (people by
    surname), else the first one after it. Parenthesised asides ("(NYSE: MCS)"), places, names
    used as modifiers ("the Covid-19 wave") and platforms ("on YouTube") never count; a name
    followed by its acronym ("Rail and Transport (RMT) union") is given by the acronym."""
    masked = PARENTHESES.sub(lambda m: " " * len(m.group(0)), sentence)
    limit = trigger.start if trigger is not None else len(masked)
    runs = proper_runs(masked)
    named = named_span(masked, trigger, runs)
    if named is not None:
        limit = min(limit, named[0])
    avoid = {n.lower() for n in place_names or ()}
    options: list[tuple[int, int, str]] = []
    weak: list[tuple[int, int, str]] = []
    for match in PERSON.finditer(masked) if PERSON_HINTS.present(masked) else ():
        if JUDGE.search(match.group(0)[:match.start(1) - match.start()]):
            options.append((match.start(), match.start(1) + len(match.group(1)), ""))  # the judge hears, not acts
            continue
        options.append((match.start(), match.start(1) + len(match.group(1)), person_name(match.group(1))))
    for match in runs:
        text = strip_run(match.group(0))
        if not text or any(s <= match.start() < e or match.start() <= s < match.end() for s, e, _ in options) \
                or text.rstrip(".") in CORPORATE_SUFFIXES or (trigger is not None and text == trigger.word):
            continue  # "Polling will be held": the event word opening a sentence is no one's name
        followed_by_lower = bool(SPACE_LOWER.match(masked, match.end(), match.end() + 2)) and \
            not FOLLOWED_BY_VERB.match(masked, match.end())
        single_adjective = len(text.split()) == 1 and followed_by_lower and match.start() > 0 and \
            bool(LOWER_SPACE_END.search(masked[max(0, match.start() - 3):match.start()]))
        if text.lower() in avoid or single_adjective or f"{text}." in US_STATE_ABBREVIATIONS \
                or (MODIFIER_BEFORE.search(masked[max(0, match.start() - 8):match.start()]) and followed_by_lower) \
                or PLATFORM_BEFORE.search(masked[max(0, match.start() - 6):match.start()]):
            continue
        acronym = ACRONYM_AFTER.match(sentence[match.end():match.end() + 12])
        text = acronym.group(1) if acronym else initials(text)
        if len(text.split()) > 5:
            text = " ".join(text.split()[:5])
        if match.start() == 0 and " " not in text and followed_by_lower and not text.isupper():
            weak.append((match.start(), match.end(), text))  # "Resident doctors", "Foreign ministers"
            continue
        options.append((match.start(), match.end(), text))
    options = [o for o in options if o[2] and can_act(o[2])]
    if weak and not any(o[2].isupper() or ORG_HEADS.fullmatch(o[2].split()[-1]) for o in options):
        options += [o for o in weak if o[2].endswith("s")]  # "Nurses strike", but not "Resident strike"
    if not options:
        return None
    before = [o for o in options if o[1] <= limit + 1]
    if before:
        return max(before, key=lambda o: o[1])[2]
    return min(options, key=lambda o: o[0])[2]


@lru_cache(maxsize=4096)
def can_act(name: str) -> bool:
    """Whether a name may be the actor: not a generic noun, a clock word or a seat of office."""
    return name.lower() not in GENERIC_ACTORS and not CLOCK_WORDS.fullmatch(name) and not VENUE_END.search(name)


CORPORATE_SUFFIXES = {"Inc", "Ltd", "Corp", "Corporation", "Co", "Plc", "plc", "PLC", "AG", "SA", "LLC", "NV", "SE",
                      "Limited", "Incorporated"}


@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    """An organisation of three or more capitalised words by its initials, as outlets mostly write
    it ("British Medical Association" -> "BMA"), so that reports agree on the name."""
    words = [w for w in name.split() if w not in ("of", "for", "and", "&", "the", "on")]
    if len(words) >= 2 and words[-1].rstrip(".") in CORPORATE_SUFFIXES:
        return " ".join(name.split()[:-1])  # "Halvorsen Systems Inc." -> "Halvorsen Systems"
    if any(w.endswith(("'", "’", "'s", "’s")) for w in words):
        return name
    if len(words) < 3 or len(words) > 6 or not all(w[:1].isupper() and w[1:].islower() for w in words) \
            or not ORG_HEADS.fullmatch(words[-1]) or words[-1] == "Court":  # "Delhi High Court" in full
        return name
    return "".join(w[0] for w in words)


MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|over|of|amid|amidst)\s{1,2}$", re.I)
PLATFORM_BEFORE = re.compile(r"\b(?:on|via|at|in|to)\s{1,2}$", re.I)
FOLLOWED_BY_VERB = re.compile(r"\s(?:will|shall|would|is|are|was|were|has|have|had|said|says|announced|plans?|"
                              r"to\s+(?:hold|host|stage|meet|visit|attend|travel|tour|address|lead|launch|open|"
                              r"inaugurate|join|head|fly|skip|play|face))\b")
VENUE_END = re.compile(rf"\s(?:{VENUE_HEADS})$")  # "State House said": a seat of office, not the actor
JUDGE = re.compile(r"\b(?:Judge|Justice|Magistrate)\s*$")
CLOCK_WORDS = re.compile(r"(?:(?:[AP]\.?M\.?|" + "|".join(ZONE_ABBREVIATIONS) + r"|Noon|Midday|Midnight)\s?){1,3}")
GENERIC_ACTORS = {"company", "the company", "corporation", "group", "government", "president", "officials", "he", "she",
                  "they", "it", "we", "you", "i", "his", "her", "their", "its"}


def person_name(name: str) -> str:
    """A person as a calendar title names them: by surname, but "Xi Jinping" in full."""
    parts = [p for p in name.split() if p[0].isupper() and not p.endswith(".")]
    if len(parts) >= 2 and len(parts[0]) <= 2:
        return " ".join(parts[:2])
    return parts[-1] if parts else name


SPACE_LOWER = re.compile(r"\s[a-z]")
LOWER_SPACE_END = re.compile(r"[a-z]\s{1,2}$")
ACRONYM_AFTER = re.compile(r"\s{0,2}\(([A-Z]{2,6})\)")


def named_span(sentence: str, trigger: Trigger | None,
               runs: tuple[re.Match[str], ...] | None = None) -> tuple[int, int] | None:
    if trigger is None:
        return None
    for match in proper_runs(sentence) if runs is None else runs:
        if match.start() <= trigger.start < match.end() + 2 or (0 <= trigger.start - match.end() <= 1):
            return match.start(), match.end()
    return None


DATE_WORDS = {w.lower() for w in STOP_RUN_WORDS if w[:3] in (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu",
    "Fri", "Sat", "Sun")}


def dated(word: str) -> bool:
    """A month or weekday name, possibly possessive ("Saturday's")."""
    if word[:3].lower() not in DATE_PREFIXES:
        return False
    key = word.lower().rstrip(".,")
    if key.endswith(("'s", "’s")):
        key = key[:-2]
    elif key.endswith(("'", "’")):
        key = key[:-1]
    return key in DATE_WORDS


DATE_PREFIXES = frozenset(w[:3] for w in DATE_WORDS)


PLURAL_NAME = re.compile(r"[A-Z][a-z]+s")
BASED_IN = re.compile(r"[a-z]-(?:based|headquartered|listed)$")
POSSESSIVE_END = re.compile(r"(?:['’]s)$")


@lru_cache(maxsize=4096)
def strip_run(text: str) -> str:
    """A proper-noun run without leading function words, dates, numbers or a possessive."""
    words = text.split()

    while words and dated(words[0]):
        words.pop(0)
    for index, word in enumerate(words):
        if dated(word) or (word.lower() in ("on", "of", "from") and index + 1 < len(words)
                           and words[index + 1][:1].isdigit()):
            words = words[:index]  # "Northern Robotics Conference on 24 June 2026": the name ends at the date
            break
    fillers = ("of", "for", "and", "on", "the", "de")
    while words and BASED_IN.search(words[0]):
        words.pop(0)  # "Lagos-based Oduduwa Bank": the bank
    while words and (words[0] in STOP_RUN_WORDS or words[0].lower() in fillers or words[0][0].isdigit()):
        words.pop(0)
    if len(words) > 2 and words[1] == "of" and PLURAL_NAME.fullmatch(words[0]):
        words = words[2:]  # "Leaders of the Pacific Islands Forum": the forum
        while words and words[0].lower() in fillers:
            words.pop(0)
    while words and (words[-1].lower() in fillers or (words[-1].rstrip(".,")[:1].isdigit()
                     and len(words[-1].rstrip(".,")) < 4)):
        words.pop()
    cleaned = " ".join(words)
    cleaned = POSSESSIVE_END.sub("", cleaned)
    return cleaned.strip(" ,.:;")


def named_event(sentence: str, trigger: Trigger | None, place_names: tuple[str, ...] | list[str] = ()) -> str | None:
    """A proper-noun name containing or right before the trigger ("G7 Leaders' Summit", "Galaxy
    Unpacked", "MWC Barcelona 2020", "Jamhuri Day")."""
    if trigger is None:
        return None
    for match in proper_runs(sentence):
        if match.start() <= trigger.start < match.end() + 2 or (0 <= trigger.start - match.end() <= 1):
            text = strip_run(match.group(0))
            lead = re.match(r"(.+?)\s(?:for|of)\s(?:the\s)?(?=[A-Z])", text)
            if lead and lead.group(1) in place_names:
                text = text[lead.end():]  # "Addis Ababa for the African Union summit": the summit's name
            if text and len(text.split()) <= 8 and text.lower() != trigger.word.lower():
                if match.end() < trigger.start and (trigger.category == "event"
                                                    or re.sub(r"\s+", " ", trigger.word.lower()) in VERB_NOUNS) \
                        and not EVENT_NAME_HEAD.search(text):
                    continue  # "Mumbai Indians will play": a subject and its verb, not a name
                if match.end() < trigger.start and len(text.split()) <= 6 and not EVENT_NAME_WORD.search(text):
                    text = f"{text} {trigger.word.lower()}"
                return text
    return None


GOING_TO = re.compile(r"\b(?:visit|visits|visiting|trip|travel|travels|travell?ing|tour|arrive|arrives|proceed|"
                      r"proceeds|proceeding|head|heading|going\s+on|"
                      r"heads|fly|flies|go|goes|continue\s+on|move\s+on|leave\s+for|leaves\s+for|depart\s+for|"
                      r"departs\s+for)\s+(?:on\s+)?(?:to\s+|in\s+)?(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")
EARLIER_LEG = re.compile(r"(?i)\b(?:following|after|since|from)\s+(?:his|her|their|its|the|a)?\s*"
                         r"(?:[\w-]+\s+)?$")


def destination(sentence: str, trigger: Trigger | None, place_names: list[str]) -> str | None:
    """Where a visit goes: the place after "visit to", "travel to", "proceed to", nearest the
    visit's own word; not an earlier leg ("Following his visit to Moscow, he will proceed to
    Austria for a two-day visit")."""
    options: list[tuple[int, str]] = []
    for match in GOING_TO.finditer(sentence):
        name = place_for(match.group(1), place_names)
        if name is None or EARLIER_LEG.search(sentence[max(0, match.start() - 30):match.start()]):
            continue
        distance = abs(match.start() - trigger.start) if trigger is not None else match.start()
        options.append((distance, name))
    return min(options)[1] if options else None


def place_for(candidate: str, place_names: list[str]) -> str | None:
    for name in place_names:
        if candidate.startswith(name) or name.startswith(candidate) or name in candidate:
            return name
    return candidate if candidate.split()[0] not in STOP_RUN_WORDS else None


BORROW_ACTOR = {"earnings call", "webinar", "launch", "meeting", "conference", "hearing", "strike", "summit"}


QUOTED = re.compile(r"[\"“‘']([A-Z][^\"“”‘’']{2,70}?)[\"”’'](?![a-z])")
NAMED_HAPPENING = re.compile(r"(?:Meeting|Summit|Conference|Congress|Convention|Forum|Festival|Expo|Symposium|"
                             r"Assembly|Dialogue|Retreat|Week|Night|Nights|Weekend|Run|Ride|Walk|Gala|Fest)$")


def quoted_name(sentence: str, trigger: Trigger | None) -> str | None:
    """"Our next webinar, 'Pensions and the 2027 Budget', runs ...": "Webinar: Pensions and the 2027 Budget"."""
    if trigger is None:
        return None
    for match in QUOTED.finditer(sentence):
        after = match.start() >= trigger.end
        gap = sentence[trigger.end:match.start()] if after else sentence[match.end():trigger.start]
        if (len(gap) <= 3 or (after and gap.strip() == "of")) and not re.search(r"[.;:]", gap):
            title = match.group(1).strip(" ,.")
            if after:
                return f"{trigger.word[:1].upper()}{trigger.word[1:].lower()}: {title}"
            return f"{title} {trigger.word.lower()}"
    return None


VENUE_RUN = re.compile(rf"\s(?:{VENUE_HEADS})$")


def sentence_event_name(sentence: str, trigger: Trigger | None) -> str | None:
    """A proper name of a happening anywhere in the sentence ("the annual ASEAN Foreign Ministers'
    Meeting") for a sentence whose event word is a verb ("will gather") or the same noun."""
    if trigger is None:
        return None
    verb = re.sub(r"\s+", " ", trigger.word.lower()) in VERB_NOUNS or trigger.category == "event"
    for match in proper_runs(sentence):
        text = strip_run(match.group(0))
        head = text.split()[-1].lower() if text else ""
        if IN_VENUE_NAME.match(sentence, match.start() + len(text)) or VENUE_RUN.search(match.group(0)):
            continue  # "the Eko Convention Centre": a place, not a happening
        named = NAMED_HAPPENING.search(text) or (trigger.category == "event" and EVENT_NAME_HEAD.search(text))
        if len(text.split()) >= 2 and named and len(text.split()) <= 8 and \
                (verb or head.rstrip("s") == trigger.word.lower().rstrip("s")):
            return text
    return None


OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|on))*)")
QUOTABLE = ("meeting", "summit", "conference", "webinar", "launch", "event")


def make_title(sentence: str, trigger: Trigger | None, place_names: list[str], *, headline: str | None = None,
               max_words: int = 9, context: str = "", earlier: str = "") -> str:
    """A short calendar title for the event a sentence states (`context`: nearby text, used for
    details such as the quarter of an earnings call; `earlier`: the sentence before, whose actor
    a sentence without one ("The management will hold an earnings call") refers to)."""
    clean = LEADING_JUNK.sub("", sentence)
    shift = len(sentence) - len(clean)
    if trigger is not None and shift:
        trigger = Trigger(max(0, trigger.start - shift), max(0, trigger.end - shift), trigger.word, trigger.category)
    who = actor(clean, trigger, place_names)
    if who is None and earlier and trigger is not None and trigger.category in BORROW_ACTOR and \
            re.match(r"[\"“‘']?(?:The|This|That|Its|Their|It|They|An|A)\b", clean):
        who = actor(LEADING_JUNK.sub("", earlier), None, place_names)
    category = trigger.category if trigger else None
    quoted = quoted_name(clean, trigger) if category in QUOTABLE else None
    leading = quoted if quoted and trigger and quoted.lower().endswith(trigger.word.lower()) else None
    name = leading or named_event(clean, trigger, place_names) or quoted  # "the 'Exporting to Europe' webinar"
    if name is None and category in QUOTABLE and trigger is not None:
        owner = OF_NAME.match(clean, trigger.end)  # "a meeting of the Executive Council": its meeting
        if owner is not None and strip_run(owner.group(1)) and trigger.word[:1].islower():
            name = f"{strip_run(owner.group(1))} {trigger.word.lower()}"
    if name is None and category in QUOTABLE:
        name = sentence_event_name(clean, trigger)
    builder = TITLE_BUILDERS.get(category or "")
    title = builder(clean, trigger, who, name, place_names, context) if builder else None
    if not title:
        if name:
            title = name if (who is None or len(name.split()) >= 3 or who.lower() in name.lower()
                             or name.lower() in who.lower()) else f"{who} {name}"
        elif category in (None, "event"):
            title = match_title(clean) or with_actor(who, noun_phrase(clean, trigger)) \
                if trigger is not None else (who or "")
        elif trigger is not None:
            title = with_actor(who, noun_phrase(clean, trigger))
        else:
            title = who or ""
    if category == "hearing" and trigger is not None and re.fullmatch(r"(?i)verdict|judg(?:e)?ment", trigger.word):
        title = trigger.word.capitalize()  # "the verdict would be delivered on 14 December": the verdict
    if category == "hearing" and re.search(r"(?i)\b(?:sentencing|arraignment)$", title or ""):
        title = f"{title} hearing"
    title = tidy(title, max_words)
    if not title or title.lower() in ("event", "visit", "match", "strike", "meeting", "holiday", "call"):
        cleaned = headline_title(headline) if headline else ""
        return cleaned or title or "Event"
    return title


def with_actor(who: str | None, phrase: str) -> str:
    """"NATO" + "NATO defence ministers meeting" is the phrase alone."""
    if who and phrase and (who.lower() in phrase.lower() or phrase[:1].isupper()):
        return phrase  # "NATO foreign ministers meeting" names itself
    return " ".join(x for x in (who, phrase) if x)


def visit_title(clean: str, trigger: Trigger | None, who: str | None, name: str | None, place_names: list[str],
                context: str) -> str:
    kind = "visit"
    adjective = re.search(r"\b(state|official|working|royal|private)\s+visit", clean, re.I)
    if adjective:
        kind = f"{adjective.group(1).lower()} visit"
    where = destination(clean, trigger, place_names)
    if where is None or where[0].islower():
        where = place_names[-1] if place_names else None
    return " ".join(x for x in (who, kind, f"to {where}" if where else None) if x)


MATCH_SUBJECT = re.compile(r"(?:The\s+)?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|de|\d{4}))*)\s+(?:will\s+be\s+played|"
                           r"is\s+played|will\s+take\s+place|takes\s+place|kicks\s+off|will\s+kick\s+off|"
                           r"gets\s+underway|will\s+be\s+staged|is\s+set\s+for|will\s+be\s+held)\b")


DRAW_FOR = re.compile(r"(?i:draw)\s+(?:for|of)\s+the\s+([\w\s-]{0,30}?(?:round|[Cc]up|stage|finals?|tournament|"
                      r"competition|championship)(?:\s+of\s+the\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?)")


def is_draw(trigger: Trigger) -> bool:
    return trigger.word.lower() == "draw"


GENERIC_MATCH_WORD = re.compile(r"(?i)match(?:es)?|games?|fixtures?|vs\.?|v\.?|versus|clash|encounter|"
                                r"kick[\s-]?offs?|kicks?\s+off|derby|away\s+(?:at|to)|at\s+home\s+(?:to|against)|"
                                r"league|championship|tournament|ties|reserve\s+days?")


def match_or_named(clean: str, trigger: Trigger | None, who: str | None, name: str | None,
                   place_names: list[str], context: str) -> str:
    away = re.search(r"\baway\s+(?:at|to)\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})", clean)
    if away and who:
        return f"{strip_run(away.group(1))} vs {who}"
    if trigger is not None and is_draw(trigger):
        drawn = DRAW_FOR.match(clean, trigger.start)
        return f"Draw for the {drawn.group(1)}" if drawn else "Draw"
    fixture = match_title(clean) or name
    if trigger is not None and trigger.word.lower().startswith("reserve"):
        fixture = fixture or match_title(context)
        return f"Reserve day ({fixture})" if fixture else "Reserve day"
    if fixture:
        return fixture
    subject = MATCH_SUBJECT.match(clean)
    if subject is not None:
        named = strip_run(subject.group(1))
        if named and named not in place_names and len(named.split()) <= 6:
            return named  # "Super Bowl LXI will be played ...": the sentence names its match
    if trigger is not None:
        part = None
        for found in SUBPART.finditer(clean[max(0, trigger.start - 24):trigger.end]):
            part = found
        if part is not None:  # "tonight's second semi-final": the part is the name
            return " ".join(x for x in (part.group("ordinal"), re.sub(r"\s+", " ", part.group("part"))) if x)
    if trigger is not None and not GENERIC_MATCH_WORD.fullmatch(trigger.word):
        return with_actor(who, noun_phrase(clean, trigger))  # "first practice", "the 53-lap race", "1st Test"
    return " ".join(x for x in (who, "match") if x)


STRIKING_GROUP = re.compile(r"(?:The\s+|All\s+)?((?:[A-Za-z][a-z-]*\s+){0,2}?[a-z]+(?:ers|ors|ists|ians|ants|ents|"
                            r"staff|pilots|nurses|doctors|guards|cleaners|porters|crews?))\s+(?:in|at|across|from|of|"
                            r"will|are|have|plan|to)\b")


def strike_title(clean: str, trigger: Trigger | None, who: str | None, name: str | None, place_names: list[str],
                 context: str) -> str:
    scope = re.search(r"\b(nationwide|national|general|indefinite|rail|tube|transport|warning|\w+-day)\s+strike",
                      clean, re.I)
    core = f"{scope.group(1).lower()} strike" if scope else "strike"
    if trigger is not None and re.match(r"(?i)protest|demonstration|rall", trigger.word):
        core = noun_phrase(clean, trigger)  # "a 10th day of pension protests": "pension protests"
    if who is None:
        workers = re.search(r"\b([a-z]+s)['’]\s+(?:[\w-]+\s+)?strike", clean)  # "the teachers' strike"
        who = f"{workers.group(1).capitalize()}'" if workers else None
    if who is None:
        group = STRIKING_GROUP.match(clean)  # "Bus drivers in Marseille will strike": the bus drivers
        if group is not None and not re.search(r"(?i)members|union", group.group(1)):
            who = group.group(1)[:1].upper() + group.group(1)[1:]
    return " ".join(x for x in (who, core) if x)


HOLIDAY_REASON = re.compile(r"\b(?:due\s+to|for|on\s+account\s+of|to\s+mark|in\s+observance\s+of|marking|"
                            r"because\s+of)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,3})")
DATE_WORDS_TITLE = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday"}


def holiday_title(clean: str, trigger: Trigger | None, who: str | None, name: str | None,
                  place_names: list[str], context: str) -> str:
    day_name = re.search(r"\b((?:[A-Z]\w+\s+){1,3}Day)\b", clean)
    kind = re.search(r"\b(public|bank|national|special|federal|school)\s+holiday", clean, re.I)
    if trigger is not None and trigger.word.endswith("Day") and day_name:
        celebrations = re.search(rf"{re.escape(day_name.group(1))}\s+(celebrations?|festivities|parade)", context)
        return f"{day_name.group(1)} {celebrations.group(1)}" if celebrations else day_name.group(1)
    base = f"{kind.group(1).capitalize()} holiday" if kind else "Holiday"
    if trigger is not None and re.match(r"(?i)half[\s-]term|INSET", trigger.word):
        return re.sub(r"\s+", " ", trigger.word).capitalize() if "half" in trigger.word.lower() else "INSET day"
    if trigger is not None and "non-working" in trigger.word.lower():
        base = re.sub(r"\s+", " ", trigger.word).capitalize()  # "Special non-working day"
    reasons = [r for r in HOLIDAY_REASON.finditer(clean) if r.group(1).split()[0] not in DATE_WORDS_TITLE]
    after = [r for r in reasons if trigger is not None and r.start() >= trigger.end]
    reason = next(iter(after or reasons), None)
    if reason and not day_name:
        return f"{base} ({strip_run(reason.group(1))})"  # "a holiday on November 15 due to Guru Nanak Jayanti"
    length = re.search(r"\b(\w+-day)\s+(?:\w+\s+)?holiday", clean, re.I)
    if length:
        base = f"{length.group(1).capitalize()} {base.lower()}"
    return f"{base} ({day_name.group(1)})" if day_name and day_name.group(1) != base else base


SUBJECT_CUT = {"in", "across", "at", "on", "of", "for", "from", "throughout", "around", "near", "within", "under",
               "and"}


CLOSING_SUBJECT = re.compile(r"\b(campus|schools?|offices?|librar(?:y|ies)|parks?|roads?|borders?|airports?|ports?|"
                             r"bridges?|stations?|centres?|centers?|museums?|courts?|shops|markets|banks|universities|"
                             r"colleges)\s+(?:to|will|shall|would)\s+(?:remain\s+)?close\b", re.I)


DISRUPTION = re.compile(r"(?i)interruption|outage|detour|diversion|^no\s|engineering|power\s+cut|sailing|crossing")


def closure_title(clean: str, trigger: Trigger | None, who: str | None, name: str | None,
                  place_names: list[str], context: str) -> str:
    """"Campus closure" from "closing the campus"; "Public libraries closed" from "all public
    libraries will be closed"."""
    day_name = re.search(r"\b((?:[A-Z]\w+\s+){1,3}Day)\b", clean)
    suffix = f" ({day_name.group(1)})" if day_name else ""
    obj = re.search(r"\bclos(?:e|ing)\s+(?:down\s+)?(?:the\s+|our\s+|its\s+|all\s+)?((?:[a-zA-Z][\w'’-]*\s+){0,2}?"
                    r"(?:campus|school|schools|office|offices|library|libraries|park|parks|road|roads|border|"
                    r"airport|port|bridge|station|stations|centre|center|museum|courts?|[A-Z][\w'’-]+))\b", clean)
    closing = CLOSING_SUBJECT.search(clean)
    if closing:  # "directed all public schools to close from Friday": the schools
        return f"{closing.group(1).capitalize()} closure{suffix}"
    if obj and not re.match(r"(?i)(?:from|on|until|till|for|at|by)\s", obj.group(1)):
        return f"{obj.group(1)} closure{suffix}"
    subject = re.search(r"((?:[A-Za-z][\w'’.-]*\s+){1,6}?)(?:will\s+(?:all\s+)?(?:be|remain)|are|is|to\s+be)\s+"
                        r"(?:\w+\s+)?closed\b", clean)
    if subject:
        words = subject.group(1).split()
        if any(w.lower() in ("it", "they", "we", "that", "which", "this", "these", "he", "she") for w in words):
            words = []  # "announced that it will remain closed": the actor says what closes
        cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in SUBJECT_CUT), len(words))
        words = [w for w in words[:cut] if w.lower() not in ("all", "the", "our", "its", "be")]
        if len(words) > 3:
            words = words[-3:]
        if words:
            return f"{' '.join(words)} closed{suffix}"
    if trigger is not None and re.fullmatch(r"(?i)curfew|lockdown", trigger.word):
        return f"{who + ' ' if who else ''}{trigger.word.lower()}"
    route = re.search(r"(?i:sailings?|crossings?)\s+((?:[A-Z][\w'’]+[–-]?)+)", clean) if trigger is not None else None
    if route is not None and trigger is not None:  # "all sailings Oban–Craignure": the route's sailings
        return f"{trigger.word.capitalize()} {route.group(1)}"
    if trigger is not None and DISRUPTION.search(trigger.word):  # "planned water interruption", "Route 4 detour"
        return noun_phrase(clean, trigger) if not trigger.word.lower().startswith("no ") else trigger.word
    return f"{who + ' ' if who else ''}closure{suffix}"


ELECTED_BODY = re.compile(
    r"\b(?:polls?|polling|elections?|voting|vote)\s+(?:for|to)\s+(?:the\s+)?(?:[\d-]+[\s-](?:member|seat)\s+)?"
    r"((?:[A-Z][\w'’-]*\s+){0,3}(?:Assembly|Parliament|Council|Senate|House(?:\s+of\s+[A-Z]\w+)?|Lok\s+Sabha|"
    r"Rajya\s+Sabha|Legislature|Corporation|Municipality))\b")


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    from publisher.detect.places import gazetteer

    return frozenset(gazetteer().country_names.values())


def election_title(clean: str, trigger: Trigger | None, who: str | None, name: str | None,
                   place_names: list[str], context: str) -> str:
    body = ELECTED_BODY.search(clean)
    if body is not None and trigger is not None:
        if re.match(r"(?i)count|result", trigger.word):
            return f"{body.group(1)} election: {trigger.word.lower()}"
        return f"{body.group(1)} election"  # "polling for the 243-member Bihar Assembly"
    if trigger is not None and not re.match(r"(?i)(?:by-?)?elections?$|count|result", trigger.word):
        named = next((t for t in all_triggers(clean) if re.fullmatch(r"(?i)elections?", t.word)), None)
        trigger = named or trigger  # "go to the polls ... for a snap state election": the election
    phrase = name or (noun_phrase(clean, trigger) if trigger else "election")
    local = [p for p in place_names if p not in country_names()]
    where = ", ".join(local[:3]) if local else (place_names[0] if place_names else "")
    if re.search(r"(?i)\b(?:federal|general|national|presidential|parliamentary)\b", phrase):
        where = next((p for p in place_names if p in country_names()), "")  # a national vote: the country, not a town
    if where and where.lower() not in phrase.lower():
        return f"{where} {phrase}"
    return phrase


def call_title(clean: str, trigger: Trigger | None, who: str | None, name: str | None, place_names: list[str],
               context: str) -> str:
    quarter = QUARTER_PHRASE.search(context or clean)
    period = ""
    if quarter:
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(quarter.group(1).lower())
        year = quarter.group(3) or ""
        fiscal = "fiscal " if quarter.group(2) else ""
        period = f"Q{number} {fiscal}{year}".strip() if number else ""
    else:
        compact = re.search(r"\b(Q[1-4]\s*(?:FY)?\s*\d{2,4})\b", context or clean)
        period = compact.group(1) if compact else ""
    return " ".join(x for x in (who, period, "earnings call") if x)


LAUNCHED_NAME = r"([A-Z][\w'’-]*\d[\w-]*|[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})"


def launch_title(clean: str, trigger: Trigger | None, who: str | None, name: str | None, place_names: list[str],
                 context: str) -> str | None:
    """"Chandrayaan-3 launch" from "launch Chandrayaan-3", "the launch of Chandrayaan-3" or
    "the Chandrayaan-3 launch": what is launched names a launch better than who launches it."""
    if trigger is None or not trigger.word.lower().startswith("launch"):
        return None
    after = clean[trigger.end:trigger.end + 60]
    before = clean[max(0, trigger.start - 40):trigger.start]
    options: list[str] = []
    found = re.match(rf"\s+(?:of\s+)?(?:the\s+|its\s+|India['’]s\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{LAUNCHED_NAME}", after)
    if found is not None:
        options.append(found.group(1))
    found = re.search(rf"{LAUNCHED_NAME}\s+$", before)
    if found is not None:
        options.append(found.group(1))
    if re.search(r"\b(?:be|been|being|is|are|was|were)\s+$", before):
        named = list(re.finditer(r"[A-Z][\w'’-]*\d[\w-]*", clean[:trigger.start]))
        if named:
            options.append(named[-1].group(0))  # "the Chandrayaan-3 spacecraft ... is set to be launched"
    thing = ""
    for option in options:
        thing = strip_run(option)
        if thing and thing not in place_names and not (who and thing == who and not re.search(r"\d", thing)):
            break
        thing = ""
    if not thing:
        return None
    return f"{thing} launch"


QUARTER_PHRASE = re.compile(r"\b(first|second|third|fourth)[\s-]quarter(?:\s+(?:of\s+)?(fiscal\s+)?(?:year\s+)?"
                            r"(\d{4}))?", re.I)
TITLE_BUILDERS: dict[str, Callable[[str, Trigger | None, str | None, str | None, list[str], str], str | None]] = {
    "visit": visit_title, "match": match_or_named, "strike": strike_title, "holiday": holiday_title,
                  "closure": closure_title, "election": election_title, "earnings call": call_title,
                  "launch": launch_title}
HEADLINE_VERBS = re.compile(
    r"\b(?:announces?|announced|confirms?|confirmed|sets?|reveals?|unveils?|hosts?|holds?|to\s+host|to\s+hold|"
    r"will\s+host|will\s+hold|schedules?|scheduled|plans?|invites?|presents?|launches|date\s+for)\b", re.I)


def headline_title(headline: str | None) -> str:
    """A headline trimmed to a calendar title: no reporting verbs, dates or trailing venue."""
    if not headline:
        return ""
    text = re.sub(r"\s+(?i:on|for|from)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                  r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?", "", headline)
    text = re.sub(r"^[^:]{0,30}\b(?:Update|LIVE|Live|Breaking|BREAKING|Explainer)\s*[:|]\s*", "", text)
    text = re.sub(r"\s+(?:in|at)\s+[A-Z][\w'’ -]*$", "", text)
    text = HEADLINE_VERBS.sub("", text)
    return tidy(re.sub(r"\s{2,}", " ", text), 10)


_TEAM = r"((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3})"
# The fixture patterns, each with words one of which it needs (case-sensitive, as the patterns).
MATCH_PATTERNS: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (("between",), re.compile(rf"\bbetween\s+(?:the\s+)?{_TEAM}\s+and\s+(?:the\s+)?{_TEAM}")),
    (("v",), re.compile(rf"{_TEAM}\s+(?:vs\.?|v\.?|versus)\s+{_TEAM}")),
    (("host", "play", "face", "meet", "tak", "lock", "clash", "tackle"),
     re.compile(rf"{_TEAM}\s+(?:(?:are|is|will)(?:\s+be)?\s+)?(?:hosting|host|hosts|play|plays|face|faces|meet|meets|"
                rf"take\s+on|takes\s+on|taking\s+on|lock\s+horns\s+with|clash\s+with|tackle|tackles)\s+"
                rf"(?:the\s+|their\s+(?:[a-z-]+\s+){{0,2}})?{_TEAM}")),
    (("against",),
     re.compile(rf"{_TEAM}['’]s?\s+(?:\w+\s+){{0,3}}(?:game|match|clash)\s+against\s+(?:the\s+)?{_TEAM}")),
    (("against",), re.compile(rf"(?:game|match|clash)\s+against\s+(?:the\s+)?{_TEAM}")),
]


def match_title(sentence: str) -> str | None:
    """"A vs B" from "between A and B", "A vs B", "A against B", "A host B"."""
    sides = match_sides(sentence)
    if len(sides) == 2:
        return f"{sides[0]} vs {sides[1]}"
    if len(sides) == 1:
        return f"Match against {sides[0]}"
    return None


VENUE_SIDE = re.compile(rf"(?:['’]s\s|\s)(?:{VENUE_HEADS})$|^(?:{VENUE_HEADS})$")


def match_sides(sentence: str) -> tuple[str, ...]:
    """The sides a sentence pits against each other (one when it names only the opponent)."""
    for needs, pattern in MATCH_PATTERNS:
        if not any(word in sentence for word in needs):
            continue
        found = pattern.search(sentence)
        if found:
            groups = tuple(g for g in (strip_run(g) for g in found.groups()) if g)
            if any(VENUE_SIDE.search(g) for g in groups):
                continue  # "Marrowgate will play Dublin's Olympia Theatre": a venue is no opponent
            if 1 <= len(groups) <= 2:
                return groups
    return ()


VERB_NOUNS = {"take on": "match", "takes on": "match", "taking on": "match", "lock horns": "match",
              "locks horns": "match", "hear": "hearing", "adjourned": "hearing", "adjourns": "hearing",
              "adjourn": "hearing", "meet": "meeting", "gather": "meeting", "walk out": "strike",
              "walks out": "strike", "walking out": "strike", "launched": "launch", "unveiled": "launch",
              "sentenced": "sentencing", "close": "closure", "sit": "sitting", "mentioned": "mention"}
SUBJECT_BEFORE_VERB = re.compile(
    r"^(?:The\s+)?((?:[A-Za-z0-9][\w'’-]*\s+){1,6}?)(?:will|shall|are|is|to|would|plan\w*|expected|set|due|slated|"
    r"poised|likely|going|"
    r"scheduled|also|then|\s)+\s*$")


def noun_phrase(sentence: str, trigger: Trigger) -> str:
    """The trigger with up to three modifiers before it ("annual general meeting", "news conference")."""
    before = sentence[:trigger.start].split()
    modifiers: list[str] = []
    for word in reversed(before[-3:]):
        bare = word.strip(",.;:()\"“”'’")
        if not bare or re.sub(r"['’]s?$", "", bare.lower()) in DATE_WORDS or bare.lower() in ("today's", "tonight's",
                                                                                          "tomorrow's") \
                or bare.lower() in ("a", "an", "the", "its", "his", "her", "their", "our", "to", "will", "on",
                                        "at", "in", "for", "of", "and", "is", "are", "be", "was", "has", "have",
                                        "that", "which", "with", "by", "from") or bare[0].isdigit():
            break
        if bare.lower().endswith(("ly", "ed")) and not (bare.lower() == "scheduled" and len(modifiers) == 0
                                                        and re.search(r"\b(?:a|an|the)\s+scheduled\s*$",
                                                                      sentence[:trigger.start], re.I)):
            break
        modifiers.insert(0, bare)
    word = trigger.word
    noun = VERB_NOUNS.get(re.sub(r"\s+", " ", word.lower()))
    if noun is not None:
        subject = SUBJECT_BEFORE_VERB.match(sentence[:trigger.start])
        if subject is not None and noun == "meeting" and not re.search(r"[,;:]", subject.group(1)):
            return f"{subject.group(1).strip()} {noun}"  # "NATO defence ministers are to gather": their meeting
        heard = re.match(r"\s+(?:the\s+|a\s+)?((?:[a-z]+\s+)?(?:case|matter|petition|trial|appeal|suit))\b",
                         sentence[trigger.end:trigger.end + 40])
        if noun == "hearing" and heard is not None:
            return f"{heard.group(1)} hearing"  # "adjourned the fraud case until 14 May"
        return noun
    return " ".join([*modifiers, word]).strip()


VERB_TAIL = re.compile(r"(?:\s+(?:will|shall|would|is|are|was|were|be|being|been|to|now))+"
                       r"(?:\s+(?:held|set|scheduled|slated|due|run|played|staged|hosted|announce|release|report|"
                       r"publish|hold|host|stage|present|unveil|launch|open|close|begin|start|end|join|list|play|"
                       r"perform|headline|appear))?$|"
                       r"(?:\s+(?:will|shall|would|is|are|be|to|now))*\s+(?:take|takes|taking)\s+place$|"
                       r"\s+(?:opens|begins|starts|kicks\s+off|returns|arrives|gets\s+under\s?way)$")


def tidy(title: str | None, max_words: int) -> str:
    if not title:
        return ""
    title = re.sub(r"\s+", " ", title).strip(" ,.;:-—–\"“”'’")
    title = VERB_TAIL.sub("", title) or title  # "Global Fintech Fest 2026 be held": the name, not the verb
    words = title.split()
    if len(words) > max_words:
        words = words[:max_words]
    title = " ".join(words).strip(" ,.;:-—–")
    return title[:1].upper() + title[1:] if title else title


EVENT_NAME_HEAD = re.compile(
    r"(?:Contest|Cup|Championships?|Games|Festival|Summit|Congress|Conference|Expo|Show|Awards|Olympics|Open|"
    r"Grand\s+Prix|Marathon|Fair|Forum|Tournament|Series|Trophy|Carnival|Biennale|Convention|Jamboree|Gala|"
    r"Regatta|Classic|Exhibition|Symposium|Shield|Plate|Stakes)$")
EVENT_NAME_WORD = re.compile(
    r"\b(?:Contest|Cup|Championships?|Games|Festival|Summit|Congress|Conference|Expo|Show|Awards|Olympics|Open|"
    r"Prix|Marathon|Fair|Forum|Tournament|Series|Trophy|Carnival|Biennale|Convention|Jamboree|Gala|Regatta|Classic|"
    r"Exhibition|Symposium|Shield|Plate|Stakes)\b")
EVENT_NAME_WORDS = ("Contest", "Cup", "Championship", "Championships", "Games", "Festival", "Summit", "Congress",
                    "Conference", "Expo", "Show", "Awards", "Olympics", "Open", "Prix", "Marathon", "Fair", "Forum",
                    "Tournament", "Series", "Trophy", "Carnival", "Biennale", "Convention", "Jamboree", "Gala",
                    "Regatta", "Classic", "Exhibition", "Symposium", "Shield", "Plate",
                    "Stakes")  # EVENT_NAME_WORD's words
EVENT_NAME_SCAN = re.compile(trie_pattern(EVENT_NAME_WORDS))
# An event word inside a venue's name ("Eko Convention Centre", "Sands Expo and Convention Centre").
IN_VENUE_SPAN = re.compile(rf"(?:{'|'.join(EVENT_NAME_WORDS)})(?:\s(?:[A-Z][\w'’&-]*|and|&)){{0,3}}\s"
                           rf"(?:{VENUE_HEADS})\b")


def event_name_words(text: str) -> list[int]:
    """Where EVENT_NAME_WORD matches in `text`: the words found without the engine's \\b test at
    every character, then kept when they are whole words. (Each is a run of letters, so one that
    is not a whole word hides no other match.)"""
    found = []
    for hit in EVENT_NAME_SCAN.finditer(text):
        start, end = hit.span()
        if (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")) and \
                (end == len(text) or not (text[end].isalnum() or text[end] == "_")):
            found.append(start)
    return found


SUBPART = re.compile(
    r"\b(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:[A-Z][\w-]*\s+)?)?"
    r"(?P<part>(?:grand|semi|quarter)[\s-]?finals?|semifinals?|quarterfinals?|finals?|opening\s+ceremony|"
    r"closing\s+ceremony|qualifiers?|heats?)\b", re.I)
GENERIC_EVENT_NOUN = re.compile(
    r"(?i:conference|congress|convention|fair|trade\s+show|show|event|summit|festival|contest|competition|"
    r"expo|exhibition|tournament|championship|forum|ceremony|gala)s?$")
ORDINALS = ("first", "second", "third", "fourth", "fifth")


def principal_names(texts: list[str]) -> list[tuple[str, int]]:
    """Named happenings ("Eurovision Song Contest", "Mobile World Congress") in `texts`, most
    often named first, with a count each: a run of capitalised words ending in an event noun."""
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    position = 0
    # The texts naming an event word, from one scan of them all (a word lies within one text).
    joined = "\n".join(texts)
    ends = list(itertools.accumulate(len(text) + 1 for text in texts))
    named = {bisect.bisect_right(ends, start) for start in event_name_words(joined)}
    for index, text in enumerate(texts):
        if index not in named:
            continue
        for match in proper_runs(text):
            if not EVENT_NAME_WORD.search(match.group(0)) or IN_VENUE_SPAN.search(match.group(0)):
                continue  # "Eko Convention Centre", "Sands Expo and Convention Centre": places
            raw = match.group(0)
            if dated(raw.split()[0]):  # "Sunday 25 October for the Liffey City Marathon": the marathon
                raw = re.sub(r"^.*?\s(?:for|of|at|on)\s(?:the\s)?(?=[A-Z])", "", raw)
            name = strip_run(raw)
            words = name.split()
            heads = [i for i in range(len(words)) if EVENT_NAME_WORD.fullmatch(words[i])
                     or (i > 0 and EVENT_NAME_HEAD.search(" ".join(words[i - 1:i + 1])))]
            if not heads:
                continue
            cut = heads[-1] + 1
            if not (cut < len(words) - 1 and words[cut] in ("of", "on", "for")):
                words = words[:cut]  # "Conference on Trade and Development" keeps its complement
            name = " ".join(words)
            lead = re.split(r"\s(?:of|for)\s(?:the\s)?", name, maxsplit=1)
            if len(lead) == 2 and not EVENT_NAME_HEAD.search(lead[0]) and len(lead[1].split()) >= 2 \
                    and EVENT_NAME_HEAD.search(lead[1].split(" of ")[0].split(" on ")[0]):
                name = lead[1]  # "Organizers of the Mobile World Congress"
                words = name.split()
            if len(words) < 2 or words[0] in STOP_RUN_WORDS:
                continue
            counts[name] = counts.get(name, 0) + 1
            first_seen.setdefault(name, position)
            position += 1
    for short in list(counts):
        for longer in counts:
            if longer != short and longer.endswith(" " + short):
                counts[longer] += counts[short]  # "World Congress" is the "Mobile World Congress"
    ranked = sorted(counts.items(), key=lambda item: (-item[1], first_seen[item[0]]))
    return ranked


def subpart_title(sentence: str, trigger: Trigger | None, principal: str | None, index: int | None) -> str | None:
    """"Eurovision Song Contest first semi-final" for "the semi-finals on 9 and 11 May" (the
    index-th day of a list), "... Grand Final" for "the grand final"."""
    if trigger is None or principal is None:
        return None
    window = sentence[max(0, trigger.start - 24):trigger.end]
    found = None
    for match in SUBPART.finditer(window):
        found = match
    if found is None or found.end() != len(window):
        return None
    part = re.sub(r"\s+", " ", found.group("part")).lower()
    ordinal = found.group("ordinal")
    if part.endswith("s") and not part.endswith("ss"):
        part = part[:-1]
        if index is not None and index < len(ORDINALS):
            ordinal = ORDINALS[index]
    if part == "grand final":
        part = "Grand Final"
    return " ".join(x for x in (principal, ordinal.lower() if ordinal else None, part) if x)


def generic_reference(sentence: str, trigger: Trigger | None) -> bool:
    """Whether the event word is a common noun ("a major telecoms conference", "the annual show",
    "the event"), not part of a name."""
    if trigger is None or not GENERIC_EVENT_NOUN.search(trigger.word) or trigger.word[:1].isupper():
        return False
    before = sentence[max(0, trigger.start - 40):trigger.start]
    return bool(re.search(r"\b(?:the|a|an|this|that|its|their)\s+(?:[a-z][\w-]*\s+){0,3}$", before, re.I))
