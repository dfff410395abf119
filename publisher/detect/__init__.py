"""Find the scheduled events an announcement announces.

`detect(announcement, *, now)` is the only entry point the rest of publisher uses. The reference
for relative dates is the announcement's publication time, or `now` when it has none; nothing
here reads the clock.

The pipeline: sentences -> temporal expressions (temporal.py), resolved against the reference
day with each sentence's tense (cues.py) -> each day-level expression becomes a candidate when
its sentence names a happening (titles.py) that is still to come -> candidates about the same
happening merge -> each survivor gets a title, place and zone (places.py) and becomes a
Detection. Every expression also becomes a Mention saying whether it was used and, if not, why.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from publisher.detect import cues, places, titles
from publisher.detect.sentences import Sentence, SentenceIndex, split_sentences
from publisher.detect.temporal import Timex, find_timexes
from publisher.detect.wordscan import Hints
from publisher.model import Announcement, Detection, DetectResult, Evidence, Mention, Status

DETECTOR_VERSION = "1.4"

MAX_EVENTS = 50
DURATION = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\b", re.I)
DURATION_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10}
OPEN_START = re.compile(r"\b(?:from|starting|beginning|begins?|starts?|commenc\w+|kicks?\s+off|opens?|"
                        r"to\s+begin|to\s+start|will\s+begin|will\s+start)\b(?:\s+\w+){0,3}\s+$", re.I)
FIELD_LINE = re.compile(r"^\s*(?:\*\*)?(?P<key>time\s+and\s+(?:location|place|venue)|date\s*(?:and|&)\s*time|time|when|"
                        r"date|location|"
                        r"venue|where|place|room|address)\s*(?:\*\*)?\s*[:–—-]\s*(?P<value>.+)$", re.I | re.M)
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,20}))?"
                      r"\s*(?:\(|:|—|–|-{1,2}\s|,\s*(?=[A-Z][a-z]{2}\.? \d))", re.M)


@dataclass
class Candidate:
    """A day (or range) that a sentence presents as a coming happening."""

    first: dt.date
    last: dt.date
    sentence: Sentence
    timex: Timex | None
    trigger: titles.Trigger | None
    time: dt.time | None = None
    end_time: dt.time | None = None
    zone: str | None = None
    status: Status = "scheduled"
    original: dt.date | None = None
    anaphoric: bool = False
    future_cue: bool = False
    relative: bool = False
    order: int = 0
    members: list[Timex] = field(default_factory=list)
    anchor: Timex | None = None
    title: str | None = None
    part_index: int | None = None
    named: Sentence | None = None  # the heading that names the happening of a "Date:" line
    timed_by: Candidate | None = None  # the candidate whose clock time this one took
    standalone: bool = False  # a happening of its own on another's day: its sentence names it


@dataclass
class Document:
    """What the detector knows about the whole announcement."""

    announcement: Announcement
    text: str
    ref: dt.date
    sentences: list[Sentence]
    index: SentenceIndex
    tense: cues.TenseIndex
    url_country: str | None
    fates: dict[int, tuple[bool, str | None]] = field(default_factory=dict)
    place_cache: dict[int, list[places.Place]] = field(default_factory=dict)
    all_places: list[places.Place] | None = None
    trigger_cache: dict[str, tuple[titles.Trigger, ...]] = field(default_factory=dict)
    place_starts: list[int] = field(default_factory=list)
    first_event_order: int = -1
    default_time: tuple[dt.time, dt.time | None, str | None] | None = None
    default_place: str | None = None
    timexes: list[Timex] = field(default_factory=list)
    timex_starts: list[int] = field(default_factory=list)  # for timexes_within
    lead: tuple[str, str | None] | None = None
    principal: tuple[str, dict[int, str]] | bool | None = False
    raw: str = ""
    offsets: list[int] | None = None
    field_times: list[tuple[Timex, dt.date]] = field(default_factory=list)
    country: tuple[str | None] | None = None  # dominant_country, once known

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """A span of the cleaned text as offsets into the announcement's own text, and that text."""
        if self.offsets is None:
            return start, end, self.raw[start:end]
        begin = self.offsets[start]
        finish = self.offsets[end - 1] + 1 if end > start else begin
        return begin, finish, self.raw[begin:finish]


def detect(announcement: Announcement, *, now: dt.datetime) -> DetectResult:
    """Events announced by `announcement`, and the fate of every date or time it mentions."""
    raw = announcement.text or ""
    titles.find_actor.cache_clear()  # remembered within one announcement only
    titles.proper_runs.cache_clear()
    text, offsets = strip_markup(raw)
    reference = announcement.published or now
    ref = reference_day(reference, announcement.timezone)
    sentences = split_sentences(text)
    doc = Document(announcement=announcement, text=text, ref=ref, sentences=sentences,
                   index=SentenceIndex(sentences), tense=cues.TenseIndex(text, sentences),
                   url_country=places.country_from_url(announcement.url), raw=raw, offsets=offsets)
    dayfirst = announcement.dayfirst if announcement.dayfirst is not None else infer_dayfirst(doc)
    timexes = find_timexes(text, ref, dayfirst=dayfirst, tense_at=lambda start: resolve_direction(doc, start))
    timexes = drop_echoed_days(timexes)
    order_subparts(doc, timexes)
    doc.timexes = timexes
    doc.timex_starts = [t.start for t in timexes]
    doc.lead = lead_status(doc)
    read_field_lines(doc, timexes)
    candidates = join_closures(doc, collect_candidates(doc, timexes))
    merged = merge_candidates(candidates)
    for c in merged:
        if c.time is None and c.first == c.last:
            stated = next((t for t, day in doc.field_times if day == c.first), None)
            if stated is not None:  # a field line gives the clock time of the day named in the prose
                c.time, c.end_time, c.zone = stated.time, stated.end_time, stated.zone
                doc.fates[id(stated)] = (True, None)
    doc.first_event_order = merged[0].order if merged else -1
    detections = [to_detection(doc, c) for c in merged[:MAX_EVENTS]]
    mentions = build_mentions(doc, timexes)
    notes: list[str] = []
    if announcement.published is None:
        notes.append(f"no publication date: relative dates read from {ref.isoformat()}")
    return DetectResult(events=tuple(detections), mentions=tuple(mentions), notes=tuple(notes))


MARKUP = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,10})\b[^<>]{0,300}>|<!--[^>]{0,2000}?-->|"
                    r"&(amp|nbsp|quot|apos|lt|gt|rsquo|lsquo|rdquo|ldquo|ndash|mdash|#\d{1,5}|#x[0-9a-fA-F]{1,4});")
BLOCK_TAGS = frozenset(["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
                        "table", "section", "article", "blockquote", "hr", "header", "footer", "dd", "dt"])
ENTITIES = {"amp": "&", "nbsp": " ", "quot": '"', "apos": "'", "lt": "<", "gt": ">", "rsquo": "’", "lsquo": "‘",
            "rdquo": "”", "ldquo": "“", "ndash": "–", "mdash": "—"}


def timexes_within(doc: Document, start: int, end: int) -> list[Timex]:
    """The mentions that start in [start, end), found by bisection: rules ask this per mention,
    and a scan from the top of a long document each time would be quadratic."""
    return doc.timexes[bisect.bisect_left(doc.timex_starts, start):bisect.bisect_left(doc.timex_starts, end)]


def drop_echoed_days(timexes: list[Timex]) -> list[Timex]:
    """"the vote on the 23rd" after "Mon., Nov. 23": a bare day of the month that repeats a day the
    text gives in full refers back to it, and says nothing new."""
    stated = {t.first.day for t in timexes if t.first is not None and not (t.relative and t.text.startswith("the "))}
    return [t for t in timexes if not (t.relative and t.text.startswith("the ") and t.first is not None
                                       and t.first.day in stated)]


def strip_markup(raw: str) -> tuple[str, list[int] | None]:
    """HTML tags and entities out of the text ("<b>summit</b>" -> "summit"; a paragraph or line
    break tag becomes a line break), with the offset in `raw` of every character kept (None when
    there was nothing to strip)."""
    if "<" not in raw and "&" not in raw:
        return raw, None
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in MARKUP.finditer(raw):
        pieces.append(raw[position:match.start()])
        offsets.extend(range(position, match.start()))
        entity = match.group(3)
        if entity is not None:
            if entity.startswith("#x"):
                code = int(entity[2:], 16)
            elif entity.startswith("#"):
                code = int(entity[1:])
            else:
                code = -1
            replacement = ENTITIES.get(entity, chr(code) if 0 < code < 0x110000 else " ")
        elif match.group(2) is not None and match.group(2).lower() in BLOCK_TAGS:
            replacement = "\n"
        else:
            replacement = ""
        pieces.append(replacement)
        offsets.extend([match.start()] * len(replacement))
        position = match.end()
    if position == 0:
        return raw, None
    pieces.append(raw[position:])
    offsets.extend(range(position, len(raw)))
    offsets.append(len(raw))
    return "".join(pieces), offsets


ORDINAL_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
PART_BEFORE = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s{1,3}((?:semi|quarter)[\s-]?finals?|"
                         r"semifinals?|quarterfinals?|qualifiers?|heats?|rounds?|legs?|tests?|days?|stages?|phases?)"
                         r"\b[^.;:]{0,12}?\s(?:on|this|next|last)?\s{0,3}$", re.I)
ORDINAL_HINTS = Hints("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th")  # PART_BEFORE needs one
PART_AFTER = re.compile(r"^(?:['’]s?)?\s{1,3}(first|second|third|fourth|1st|2nd|3rd|4th)\s{1,3}"
                        r"((?:semi|quarter)[\s-]?finals?|"
                        r"semifinals?|quarterfinals?|qualifiers?|heats?|rounds?|legs?|tests?|stages?|phases?)\b", re.I)


def order_subparts(doc: Document, timexes: list[Timex]) -> None:
    """Numbered parts come in order: "joining those from the first semi-final on Tuesday" in a text
    that puts the second semi-final tonight means the Tuesday just gone, whatever the tense says."""
    found: list[tuple[int, str, Timex]] = []
    lowered = doc.text.lower()
    if not any(word in lowered for word in ("first", "1st", "second", "2nd", "third", "3rd")):
        return
    for timex in timexes:
        if timex.kind != "date" or timex.first is None or timex.is_range or timex.is_list:
            continue
        window = doc.text[max(0, timex.start - 40):timex.start]
        before = PART_BEFORE.search(window) if ORDINAL_HINTS.present(window) else None
        after = PART_AFTER.match(doc.text[timex.end:timex.end + 40]) if before is None else None
        match = before or after
        if match is not None:
            part = re.sub(r"[\s-]", "", match.group(2).lower()).rstrip("s")
            found.append((ORDINAL_NUMBERS[match.group(1).lower()], part, timex))
    if len(found) < 2:
        return
    for number, part, timex in found:
        if not WEEKDAY_WORD.search(timex.text) or timex.first is None:
            continue
        for other_number, other_part, other in found:
            if other is timex or other_part != part or other.first is None or other_number == number:
                continue
            shift = 0
            if number < other_number and timex.first > other.first:
                shift = -7
            elif number > other_number and timex.first < other.first:
                shift = 7
            if shift:
                day = timex.first + dt.timedelta(days=shift)
                value = day.isoformat() + (timex.value[10:] if timex.value else "")
                timex.days = (day,)
                timex.value = value
                timex.parts = [(start, end, value) for start, end, _ in timex.parts]
                break


WEEKDAY_WORD = re.compile(r"(?i:mon|tues|wednes|thurs|fri|satur|sun)day")


def resolve_direction(doc: Document, start: int, end: int | None = None) -> int:
    """Which way to resolve a bare weekday: the day somebody said or stated something ("according
    to a statement on Friday", "said on Friday") is the past one, whatever the sentence's tense."""
    before = doc.text[max(0, start - 90):start]
    reported = cues.REPORT_HINTS.present(before) and bool(cues.REPORT_HINT.search(before)) \
        and bool(cues.REPORT_NOUN_BEFORE.search(before))
    if reported or (cues.SPEECH_HINTS.present(before[-40:]) and cues.SPEECH_BEFORE.search(before[-40:])
                    and not cues.FUTURE_AUX_BEFORE.search(before[-60:])):
        return -1
    direction = doc.tense.direction(start, end)
    if direction <= 0:
        sentence = doc.index.at(start)
        if PLAN_FOR_BEFORE.search(before[-40:]) or (cues.NEW_DATE_HINTS.present(before[-120:])
                                                    and cues.NEW_DATE_BEFORE.search(before[-120:])):
            return 1  # "the match scheduled for Sunday", "postponed to Friday"
        if sentence is not None and cues.status_of(sentence.text) is not None:
            # "Saturday's match has been postponed": news of a change is about a coming day; "was
            # postponed" may report an old one, so the nearer day.
            if PAST_STATUS.search(sentence.text):
                return 0
            if PERFECT_STATUS.search(sentence.text):
                return 1
    return direction


STATUS_VERBS = (r"postponed|cancel(?:l)?ed|called\s+off|scrapped|moved|rescheduled|pushed(?:\s+back)?|"
                r"brought\s+forward|"
                r"switched|relocated|shifted|axed|delayed|deferred|suspended|put\s+off")
PERFECT_STATUS = re.compile(rf"\b(?:(?:has|have|is|are)\s+(?:now\s+|also\s+)?(?:been\s+|being\s+)?(?:{STATUS_VERBS})|"
                            r"postpones|cancels|calls\s+off|scraps|moves|reschedules)\b", re.I)
PAST_STATUS = re.compile(rf"\b(?:was|were)\s+(?:(?:later|then|eventually)\s+)?(?:{STATUS_VERBS})\b", re.I)
PLAN_FOR_BEFORE = re.compile(r"\b(?:scheduled|set|planned|slated|due|fixed|earmarked|penciled|pencilled)\s{1,3}"
                             r"(?:for|on)\s{1,3}(?:this\s{1,3}|next\s{1,3}|the\s{1,3})?$", re.I)


def reference_day(moment: dt.datetime, zone: str | None) -> dt.date:
    """The publication day in the source's zone when it is known (else as stamped)."""
    if zone and moment.tzinfo is not None and (moment.hour or moment.minute):
        tz = zone_info(zone)
        if tz is not None:
            return moment.astimezone(tz).date()
    return moment.date()


def infer_dayfirst(doc: Document) -> bool:
    """Numeric dates are month-first only for US-looking sources (US address, American zone or
    places); everyone else writes the day first."""
    if doc.url_country:
        return doc.url_country != "US"
    zone = doc.announcement.timezone or ""
    if zone.startswith("America/") or zone.startswith("US/"):
        return False
    if zone:
        return True
    found = [p for p in document_places(doc) if p.start < 2000]
    if any(p.country == "US" for p in found):
        return False
    return not re.search(r"\b(?:[A-Z][a-z]+ \d{1,2}, \d{4})\b", doc.text[:2000])


def read_field_lines(doc: Document, timexes: list[Timex]) -> None:
    """"Time and location: 1.15-1.55pm, Darwin Lecture Theatre" lines give defaults to a listing."""
    for match in FIELD_LINE.finditer(doc.text):
        key = re.sub(r"\s+", " ", match.group("key").lower())
        value_start, value_end = match.span("value")
        if "time" in key or key == "when":
            for timex in timexes:
                if value_start <= timex.start < value_end and timex.kind == "time" and timex.time:
                    doc.default_time = (timex.time, timex.end_time, timex.zone)
                    doc.fates[id(timex)] = (True, None)
                    break
        if key.startswith("date") or key == "when":
            for timex in timexes:  # "Date and Time: September 2 2023, Saturday, 3 pm IST"
                if value_start <= timex.start < value_end and timex.kind == "date" and timex.time \
                        and timex.first is not None:
                    doc.field_times.append((timex, timex.first))
        if key != "time" and key not in ("when", "date") and not key.startswith("date"):
            value = match.group("value")
            value = re.sub(r"^[^A-Za-z]*?(?:\d[\d.:–-]*\s*(?:[ap]\.?m\.?)?\s*,\s*)", "", value).strip()
            value = re.sub(r"\s+[A-Z]{1,2}\d[\dA-Z]?\s*\d[A-Z]{2}\.?$", "", value).strip(" .")
            value = re.sub(r"\.\s.*$", "", value)
            if value:
                doc.default_place = value[:120]


# ---------------------------------------------------------------------------------------------
# Candidates


def collect_candidates(doc: Document, timexes: list[Timex]) -> list[Candidate]:
    candidates: list[Candidate] = []
    last_time_end: int | None = None
    last_time_sentence: int | None = None
    for order, timex in enumerate(timexes):
        sentence_index = doc.index.index_of(timex.start)
        sentence = doc.sentences[sentence_index] if doc.sentences else Sentence(0, len(doc.text), doc.text)
        conversion = (timex.time is not None and last_time_sentence == sentence_index
                      and cues.is_conversion(doc.text, timex.start, last_time_end))
        if timex.time is not None:
            last_time_end, last_time_sentence = timex.end, sentence_index
        if conversion:
            doc.fates[id(timex)] = (False, "conversion of a time already given")
            continue
        if timex.kind == "date":
            found = date_candidates(doc, timex, sentence, order)
            candidates.extend(found)
        elif timex.kind == "time":
            found = time_candidates(doc, timex, sentence, order, candidates, timexes)
            candidates.extend(found)
        elif id(timex) not in doc.fates:
            doc.fates[id(timex)] = (False, coarse_reason(doc, timex))
    return candidates


def coarse_reason(doc: Document, timex: Timex) -> str:
    """Why a month, year, week or deictic mention makes no entry: past, or too vague."""
    if timex.kind == "ref":
        return "not a date (reference to now, past or future)"
    value = timex.value or ""
    year_month = re.match(r"(\d{4})(?:-(\d{2}))?$", value)
    if year_month:
        year = int(year_month.group(1))
        month = int(year_month.group(2) or 12)
        if (year, month) < (doc.ref.year, doc.ref.month):
            return "past"
    return f"vague ({timex.granularity}, no day)"


DATELINE_LEAD = re.compile(r"[\s*#>•-]*(?:[A-Z][A-Za-z.'’-]*\.?,?\s{1,3}){0,4}[(\[]?\s*")
LISTING_REST = re.compile(r"\s*[:–—-]?\s*([\"“‘'(]?[A-Z0-9][^\n]{6,})")
RESUME = re.compile(r"\b(?:resum\w+|reopen\w*|re-open\w*|return\w*\s+to\s+normal|back\s+to\s+normal|"
                    r"until|till|through)\b", re.I)


def date_candidates(doc: Document, timex: Timex, sentence: Sentence, order: int) -> list[Candidate]:
    """Zero or more candidates for a day-level expression, recording the mention's fate."""
    role = cues.date_role(doc.text, timex.start, timex.end, sentence)
    if timex.is_range and role == "boundary" and re.search(r"\b(?:from|between)\s+$",
                                                           doc.text[max(0, timex.start - 10):timex.start]):
        role = None
    status_words = cues.status_of(sentence.text)
    if role == "original" and status_words in ("postponed", "cancelled") and \
            not NEW_DAY_AFTER.search(sentence.text[timex.end - sentence.start:]) \
            and not cues.MOVED_FROM_BEFORE.search(doc.text[sentence.start:timex.start]):
        role = None  # "the hearing that had been scheduled for April 14 has been postponed": that day, postponed
    reject = {"report": "the day it was said or reported, not an event",
              "boundary": "edge of a window (until, through, as of), not an event",
              "approximate": "vague (approximate day)",
              "original": "superseded original date"}
    lasting_from = LASTING_FROM.search(doc.text[max(sentence.start, timex.start - 40):timex.start])
    if role == "boundary" and lasting_from is not None:
        role = None  # "over three days from 16 February": the first of them
    if role is None and status_words in ("rescheduled", "postponed") and superseded_plan(doc, sentence, timex):
        role = "original"  # "the T20I, scheduled for Friday, has been moved to Saturday, 14 November"
    if role in reject:
        doc.fates[id(timex)] = (False, reject[role])
        return []
    moved_from: dt.date | None = None
    if timex.is_range and timex.last is not None and MOVE_FROM.search(
            doc.text[max(sentence.start, timex.start - 70):timex.start]):
        moved_from = timex.first  # "shifted from 2 March to 9 March": a move, not a span
        spans = [(timex.last, timex.last)]
        role = "new"
    else:
        spans = day_spans(doc, timex)
    hours_end: dt.time | None = None
    if lasting_from is not None and len(spans) == 1 and spans[0][0] == spans[0][1]:
        count_text = lasting_from.group(1).lower()
        count = int(count_text) if count_text.isdigit() else DURATION_WORDS.get(count_text, 1)
        unit = lasting_from.group(2).lower()
        if unit.startswith("hour") and timex.time is not None and 1 <= count <= 240:
            moment = dt.datetime.combine(spans[0][0], timex.time) + dt.timedelta(hours=count)
            spans, hours_end = [(spans[0][0], moment.date())], moment.time()  # "for 24 hours from 7am on ..."
        else:
            days = count * (7 if unit.startswith("week") else 1 if unit.startswith("day") else 0)
            if 1 < days <= 31:
                spans = [(spans[0][0], spans[0][0] + dt.timedelta(days=days - 1))]
    final = max(last for _, last in spans)
    first_day = min(first for first, _ in spans)
    if timex.relative and FOLLOWING_PAST.search(doc.text[max(sentence.start, timex.start - 80):timex.start]):
        doc.fates[id(timex)] = (False, "past (what the announcement followed)")
        return []  # "will be staged in Kuala Lumpur ..., following a unanimous vote of its Board on Monday"
    if past_year_sentence(doc, sentence, timex):
        doc.fates[id(timex)] = (False, "past (its sentence is about an earlier year)")
        return []
    if final < doc.ref:
        doc.fates[id(timex)] = (False, "past")
        return []
    if first_day <= doc.ref and is_dateline(doc, timex):
        doc.fates[id(timex)] = (False, "dateline (publication date), not an event")
        return []
    if timex.part_of_day == "MO" and first_day == doc.ref and timex.relative:
        doc.fates[id(timex)] = (False, "past (earlier today)")
        return []
    trigger = titles.find_trigger(sentence.text, timex.start - sentence.start, doc.trigger_cache)
    title = None
    if trigger is None:
        elliptic = elliptic_part(doc, sentence, timex)
        if elliptic is not None:
            trigger, title = elliptic
    named: Sentence | None = None
    if trigger is None:
        heading = field_heading(doc, sentence, timex)
        if heading is not None:
            trigger, title, named = heading
    if trigger is None and status_words is not None:
        trigger = named_happening(sentence)  # "have postponed the Skogheim Cup ... from March 15 to March 22"
    heading_name = named_heading(doc, timex) if trigger is None else None
    if heading_name is not None:  # "Agriculture and Fisheries Council, 14–15 June"
        title, named = heading_name, None
        trigger = titles.Trigger(timex.start - sentence.start, timex.end - sentence.start, "heading", "event")
    if trigger is None:
        listing = listing_title(doc, timex)
        if listing is None:
            doc.fates[id(timex)] = (False, "not an event (nothing happens in its sentence)")
            return []
        title = listing
        headline = titles.find_trigger(doc.announcement.title or "")
        trigger = titles.Trigger(timex.end - sentence.start, timex.end - sentence.start, "listing",
                                 headline.category if headline else "event")
    if in_passing(doc, sentence, timex):
        doc.fates[id(timex)] = (False, "not an event (named in passing as the subject of another statement)")
        return []
    reserve = next((t for t in doc.trigger_cache.get(sentence.text) or titles.all_triggers(sentence.text)
                    if t.word.lower().startswith("reserve") and names_day(sentence, t, timex)),
                   None) if "eserve" in sentence.text else None
    if reserve is not None:
        trigger = reserve  # "the reserve day for the final is Tuesday": the reserve day, not the final
    contingency = reserve is not None  # a reserve day is set aside whatever happens
    if cues.is_rumour(doc.text[sentence.start:timex.start]) or (
            cues.is_hedged(sentence.text) and not contingency
            and not cues.FUTURE_PATTERN.search(sentence.text[:timex.start - sentence.start])):
        doc.fates[id(timex)] = (False, "not an event (hedged or conditional)")
        return []
    direction = doc.tense.direction(timex.start, timex.end)
    future, past = doc.tense.sentence_direction(sentence.start, sentence.end)
    if first_day > doc.ref and role != "new" and told_as_past(doc, sentence, timex, future):
        doc.fates[id(timex)] = (False, "past (told in the past tense: an earlier year)")
        return []
    if first_day <= doc.ref and final <= doc.ref:
        after = doc.text[timex.end:min(sentence.end, timex.end + 70)]
        speech = SPEECH_SOON_AFTER.match(after)
        if speech and not cues.FUTURE_PATTERN.search(after[:speech.start(1)]):
            doc.fates[id(timex)] = (False, "the day it was said or reported, not an event")
            return []  # "the exchange on Friday (November 8) through a circular announced that ..."
        if timex.relative and trigger.start > timex.end - sentence.start and \
                titles.CLAUSE_BREAK.search(sentence.text[timex.end - sentence.start:trigger.start]):
            doc.fates[id(timex)] = (False, "not an event (its event word belongs to another clause)")
            return []
        if trigger.end <= timex.start - sentence.start and \
                PAST_SUBCLAUSE.search(sentence.text[trigger.end:timex.start - sentence.start]):
            doc.fates[id(timex)] = (False, "past (a clause of what was done, after the event word)")
            return []  # "will head to the polls on June 4, after the premier asked ... on Wednesday"
        present = bool(PRESENT.search(sentence.text)) and past == 0
        if direction < 0 or (direction == 0 and past > 0) or (future == 0 and not present and not timex.time) \
                or reported_before(doc, sentence, timex):
            doc.fates[id(timex)] = (False, "past (reported as done)")
            return []
        if is_transcript(doc):
            doc.fates[id(timex)] = (False, "a transcript records the day itself, not an upcoming event")
            return []
    if title is None and not future and direction <= 0 and trigger.category in WEAK_CATEGORIES \
            and not timex.is_range and role != "new" and status_words is None \
            and not (titles.EVENT_VERB_HINTS.present(sentence.text) and titles.EVENT_VERBS.search(sentence.text)) \
            and not (first_day > doc.ref and (FIXTURE_PRESENT.search(sentence.text) or (past == 0 and (
                trigger.word[:1].isupper() or titles.match_title(sentence.text))))):
        doc.fates[id(timex)] = (False, "not an event (no sign it is still to come)")
        return []
    end_time: dt.time | None = hours_end
    if len(spans) == 1 and spans[0][0] == spans[0][1] and not timex.is_range:
        length = lasting(doc, sentence, timex)
        if length:  # "on Thursday, October 15, for a two-day working visit": two days from that one
            count_text = (length.group(1) or "1").lower()
            count = int(count_text) if count_text.isdigit() else DURATION_WORDS.get(count_text, 1)
            unit = (length.group(2) or "week").lower()
            if unit == "hour" and timex.time is not None and timex.end_time is None and 24 <= count <= 240:
                # "a 48-hour strike from 6am on Tuesday": until 6am on Thursday
                moment = dt.datetime.combine(spans[0][0], timex.time) + dt.timedelta(hours=count)
                spans = [(spans[0][0], moment.date())]
                end_time = moment.time()
            else:
                days = count * 7 if unit == "week" else count // 24 if unit == "hour" and count % 24 == 0 else \
                    count if unit == "day" else 0
                if 1 < days <= 31:
                    spans = [(spans[0][0], spans[0][0] + dt.timedelta(days=days - 1))]
        closing = runs_until(doc, sentence, timex)
        if closing is not None and closing > spans[0][1] and (closing - spans[0][0]).days <= 400:
            spans = [(spans[0][0], closing)]  # "opens on 4 March and runs until 27 June"
    status, original = sentence_status(doc, sentence, timex, role)
    if moved_from is not None:
        status, original = "rescheduled", moved_from
    elif status == "scheduled" and doc.lead is not None and role != "new" \
            and doc.lead[1] == trigger.category:
        status = doc.lead[0]  # type: ignore[assignment]  # "X postponed" in the headline: its dates are X's
    found: list[Candidate] = []
    for index, (first, last) in enumerate(spans):
        if last < doc.ref:
            continue
        found.append(Candidate(first=first, last=last, sentence=sentence, timex=timex, trigger=trigger,
                               time=timex.time, end_time=end_time or timex.end_time, zone=timex.zone, status=status,
                               original=original, future_cue=future > 0 or direction > 0, relative=timex.relative,
                               order=order, members=[timex], title=title,
                               part_index=index if len(spans) > 1 else None, named=named))
    if found:
        doc.fates[id(timex)] = (True, None)
    else:
        doc.fates[id(timex)] = (False, "past")
    return found


PASSING_VERB = re.compile(r"(?:\s{0,3}\([^()]{0,40}\))?,?\s{1,3}(?:means|meant|leaves|left|forced|forces|gives|gave|"
                          r"follows|followed|comes|came|makes|made|saw|sees|proved|proves|showed|shows|ended|"
                          r"clashes|clashed|coincides|coincided|overlaps|overlapped)\b", re.I)


def in_passing(doc: Document, sentence: Sentence, timex: Timex) -> bool:
    """"Rangers' Europa League tie in Lisbon on Thursday means they will have had two days' rest":
    a happening named inside the subject of a statement about something else is background."""
    if not PASSING_VERB.match(doc.text, timex.end):
        return False
    before = doc.text[sentence.start:timex.start]
    return not doc.tense.sentence_direction(sentence.start, timex.start)[0] and not EVENT_OR_STATUS.search(before)


EVENT_OR_STATUS = re.compile(r"\b(?:will|shall|to\s+be|is\s+to|are\s+to|takes?\s+place|postpon\w+|cancel\w+|"
                             r"called\s+off|moved|rescheduled)\b", re.I)
FOLLOWING_PAST = re.compile(r"(?i)\b(?:following|after)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,6}?"
                            r"(?:vote|decision|meeting|ruling|review|talks|consultation|announcement|request)"
                            r"(?:\s+(?:of|by)(?:\s+[\w'’-]+){1,5})?\s+(?:on\s+|last\s+)?$")
LASTING_FROM = re.compile(r"(?i)\b(?:over|for|across)\s+(\w+)\s+(days?|weeks?|hours?)\s+(?:starting\s+|beginning\s+)?"
                          r"(?:from|on|at)\s+(?:the\s+)?$")
NEW_DAY_AFTER = re.compile(r"\b(?:to|until|till|for)\s+(?:[\w.]+,?\s+){0,2}\d{1,2}"
                           r"(?!\d|\s*(?:[CF]\b|°|%|degrees\b|per\b))")  # "to reach 43C" is no new day
SPEECH_SOON_AFTER = re.compile(rf"[^.;:]{{0,60}}?\b({cues.SPEECH_VERBS})\b")
FIXTURE_PRESENT = re.compile(r"\b(?:face|faces|host|hosts|play|plays|meet|meets|takes?\s+on|tackle|tackles|welcome|"
                             r"follows?\s+on|"
                             r"welcomes|travel\s+to|travels\s+to|go\s+head\s+to\s+head|clash|locks?\s+horns|"
                             r"squares?\s+off|entertains?|visits?|battle|renew\s+(?:their\s+)?rivalry)\b")
WEAK_CATEGORIES = {"match", "event", "conference", "deadline"}
PRESENT = re.compile(r"\b(?:is|are|opens|starts|begins|takes\s+place|kicks\s+off|gets\s+underway)\b", re.I)
TRANSCRIPT = re.compile(r"\btranscript\b", re.I)


def is_transcript(doc: Document) -> bool:
    """A transcript records the happening itself, so its own day is not an upcoming event."""
    head = (doc.announcement.title or "") + " " + doc.text[:400]
    return bool(TRANSCRIPT.search(head))


def is_dateline(doc: Document, timex: Timex) -> bool:
    """A publication stamp: the date opens the text or a line, led at most by a place name."""
    line_start = doc.text.rfind("\n", 0, timex.start) + 1
    lead = doc.text[line_start:timex.start]
    if not DATELINE_LEAD.fullmatch(lead):
        return False
    return line_start == 0 or timex.start < 400 or not doc.text[timex.end:doc.text.find("\n", timex.end)].strip()


ELLIPTIC = re.compile(r"(?:^|[,;]\s{1,3}(?:and|while|with)\s{1,3}|\band\s{1,3})(?:the\s{1,3})"
                      r"(first|second|third|fourth|"
                      r"final|last|other|latter)\s{1,3}(?:one\s{1,3})?(?:will|is|takes|would|follows|comes)\b", re.I)
PLURAL_PART = re.compile(r"(?i)(?:semi[\s-]?finals|semifinals|quarter[\s-]?finals|quarterfinals|matches|games|"
                         r"fixtures|rounds|legs|tests|phases|debates|sessions|heats|qualifiers|stages|days)$")


RESERVE_THEN_DAY = re.compile(r"(?:\s{1,3}(?:for|of)\s[^.;,()]{0,40}?)?\s{0,3}(?:is|will\s+be|falls\s+on|on|:|,)"
                              r"\s{0,3}(?:on\s{1,3})?$", re.I)
DAY_THEN_RESERVE = re.compile(r"[,)]?\s{1,3}(?:has\s+been\s+|is\s+|will\s+be\s+)?(?:set\s+aside\s+|kept\s+|named\s+|"
                              r"designated\s+|added\s+)?(?:as\s+)?(?:a|the)\s+(?:\w+\s+)?$", re.I)


def names_day(sentence: Sentence, reserve: titles.Trigger, timex: Timex) -> bool:
    """Whether a "reserve day" phrase names this day ("the reserve day for the final is Tuesday,
    June 16"; "Monday has been set aside as a reserve day"), not a day it merely stands near."""
    offset, finish = timex.start - sentence.start, timex.end - sentence.start
    if reserve.end <= offset:
        return bool(RESERVE_THEN_DAY.fullmatch(sentence.text[reserve.end:offset]))
    if finish <= reserve.start:
        return bool(DAY_THEN_RESERVE.fullmatch(sentence.text[finish:reserve.start]))
    return False


def elliptic_part(doc: Document, sentence: Sentence, timex: Timex) -> tuple[titles.Trigger, str] | None:
    """"There are two semi-finals ... The first will be on Tuesday, May 9, and the second will be on
    Thursday, May 11": each ordinal stands for one of the parts the sentence before names."""
    offset = timex.start - sentence.start
    found = None
    for match in ELLIPTIC.finditer(sentence.text, 0, offset):
        found = match
    if found is None or offset - found.end() > 40:
        return None
    index = doc.index.index_of(sentence.start)
    if index == 0:
        return None
    previous = doc.sentences[index - 1]
    plural = next((t for t in titles.all_triggers(previous.text) if PLURAL_PART.search(t.word)), None)
    if plural is None:
        return None
    part = re.sub(r"\s+", " ", plural.word.lower())
    part = part[:-2] if part.endswith("ches") else part[:-1]
    ordinal = found.group(1).lower()
    named = principal(doc)
    if named is not None and timex.first is not None:
        name, years = named
        year = years.get(timex.first.year)
        full = f"{name} {year}" if year and year not in name else name
        title = f"{full} {ordinal} {part}"
    else:
        title = f"{ordinal.capitalize()} {part}"
    trigger = titles.Trigger(found.start(1), found.end(1), part, plural.category)
    return trigger, title


LISTING_TIME_TAIL = re.compile(r"(?i),?\s*(?:at\s+|from\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h)"
                               r"(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))?\s*$")


def listing_heading(doc: Document, c: Candidate) -> Sentence | None:
    """The line over a listing: the nearest one ending in a colon, else the first line above the
    block of dated lines ("Kestrel Moon – European Tour 2027" over "12.03.2027 – Berlin, ...")."""
    index = doc.index.index_of(c.sentence.start)
    above = None
    for back in range(index - 1, max(-1, index - BLOCK_LINES), -1):
        text = doc.sentences[back].text.rstrip()
        if text.endswith(":"):
            return doc.sentences[back]
        if above is None and not starts_with_date(doc, doc.sentences[back]):
            above = doc.sentences[back]
    return above if above is not None and len(above.text) <= 100 else None


def starts_with_date(doc: Document, sentence: Sentence) -> bool:
    first = next(iter(timexes_within(doc, sentence.start, sentence.end)), None)
    return first is not None and not doc.text[sentence.start:first.start].strip(" \t*#>•-")


BILLED_HEADING = re.compile(r"([A-Z][^–—:\n]{1,40}?)\s[–—]\s([^\n]{3,60})")


def heading_title(doc: Document, c: Candidate) -> str | None:
    """"Thu 18 February – Riverstage, Brisbane" under "The Velvet Comets have added three shows to
    their world tour:": a line that names only where takes its title from the heading."""
    if c.timex is None or not c.title:
        return None
    line_end = doc.text.find("\n", c.timex.end)
    line = doc.text[c.timex.end:len(doc.text) if line_end < 0 else line_end]
    rest = line
    for place in sentence_places(doc, c.sentence):
        if c.timex.end <= place.start < c.timex.end + len(line):
            rest = rest.replace(doc.text[place.start:place.end], " ")
    rest = re.sub(r"\b(?:the|at|in)\b", " ", rest)
    venue_like = rest != line and re.fullmatch(r"\W*(?:[A-Z][\w'’-]+\s?){1,4}\W*", rest)  # "Riverstage, Brisbane"
    if re.search(r"[A-Za-z]{2}", rest) and not venue_like:
        return None  # the line names its own happening
    heading = listing_heading(doc, c)
    trigger = titles.find_trigger(heading.text, None, doc.trigger_cache) if heading is not None else None
    if heading is None or trigger is None:
        return None
    billed = BILLED_HEADING.match(heading.text.strip())
    if billed is not None:  # "Kestrel Moon – European Tour 2027"
        return titles.tidy(f"{billed.group(1)}: {billed.group(2)}", 10)
    return titles.make_title(heading.text, trigger, place_names_of(doc, heading))


def listing_heading_places(doc: Document, c: Candidate) -> list[places.Place]:
    """The places of the lines that head a listing ("Coming up at the Usher Hall, Edinburgh:",
    "What's on at The Lantern, Bristol" over "Our November jazz nights:")."""
    index = doc.index.index_of(c.sentence.start)
    for back in range(index - 1, max(-1, index - BLOCK_LINES), -1):
        if starts_with_date(doc, doc.sentences[back]):
            continue
        found = [p for p in sentence_places(doc, doc.sentences[back]) if not is_dateline_place(doc, p)]
        if found:
            return found
    return []


def named_happening(sentence: Sentence) -> titles.Trigger | None:
    """The named competition, festival or show of a sentence that has no event word of its own."""
    for match in titles.proper_runs(sentence.text):
        name = titles.strip_run(match.group(0))
        if name and len(name.split()) >= 2 and titles.EVENT_NAME_HEAD.search(name):
            start = match.start() + match.group(0).find(name)
            return titles.Trigger(start, start + len(name), name.split()[-1], "event")
    return None


def named_heading(doc: Document, timex: Timex) -> str | None:
    """A heading line that is a name and its dates ("Agriculture and Fisheries Council, 14–15 June 2027",
    "Lakeside Folk Festival – 25 and 26 July"): the name is the happening's."""
    line_start = doc.text.rfind("\n", 0, timex.start) + 1
    line_end = doc.text.find("\n", timex.end)
    if doc.text[timex.end:len(doc.text) if line_end < 0 else line_end].strip(" .:"):
        return None
    found = NAME_THEN_DATE.fullmatch(doc.text[line_start:timex.start])
    if found is None or titles.dated(found.group(1).split()[-1]):
        return None
    return titles.tidy(found.group(1), 10)


NAME_THEN_DATE = re.compile(r"\s*(?:\*\*)?([A-Z][\w'’&.-]*(?:\s(?:[A-Z][\w'’&.-]*|and|of|for|on|the|&|\d{4})){1,9})"
                            r"(?:\*\*)?\s?(?:,|:|[–—-])\s+")


def listing_day(doc: Document, timex: Timex) -> Timex | None:
    """The date that opens the line of a listing which ends in this clock time."""
    line_start = doc.text.rfind("\n", 0, timex.start) + 1
    first = next((t for t in timexes_within(doc, line_start, timex.start) if t.kind == "date"), None)
    if first is None or doc.text[line_start:first.start].strip(" \t*#>•-") or listing_title(doc, first) is None:
        return None
    return first


def listing_title(doc: Document, timex: Timex) -> str | None:
    """A listing line: "Thursday 11 October  Lousy Tale of the Naked Ape" names its event after
    the date; the title is the rest of the line."""
    line_start = doc.text.rfind("\n", 0, timex.start) + 1
    if doc.text[line_start:timex.start].strip(" \t*#>•-"):
        return None
    line_end = doc.text.find("\n", timex.end)
    rest = doc.text[timex.end:line_end if line_end >= 0 else len(doc.text)]
    match = LISTING_REST.match(rest)
    if match is None or len(rest.strip()) < 8:
        return None
    title = re.split(r":\s|\s[–—-]\s", match.group(1))[0]
    title = LISTING_TIME_TAIL.sub("", title)  # "The Lighthouse Keepers, 8pm"
    return titles.tidy(title, 10)


NAME_FIELD = re.compile(r"(?i)\s*(?:\*\*)?(?:event|what|name|event\s+name)(?:\*\*)?\s?:\s+(\S.{2,100})$")
ANY_FIELD = re.compile(r"\s*(?:\*\*)?[A-Z][A-Za-z]{1,15}(?:\s[a-z]{1,10})?(?:\*\*)?\s?:\s+\S")
HEADED = re.compile(r"\s{0,3}[:–—|-]\s{1,3}([A-Z\"“‘'][^\n]{3,90})$")
FIELD_BLOCK = 4


def field_heading(doc: Document, sentence: Sentence,
                  timex: Timex) -> tuple[titles.Trigger, str, Sentence] | None:
    """A "Date: Thursday, February 26" line under a heading ("Conference Call Details", "Webinar:
    Pensions and the Budget") dates the happening the heading names: the title comes from the
    heading, and a "Time:" line of the block gives its clock time."""
    field = FIELD_LINE.match(sentence.text)
    if field is None or not re.match(r"(?i)date|when", field.group("key")):
        return None
    index = doc.index.index_of(sentence.start)
    for back in range(index - 1, max(-1, index - 1 - FIELD_BLOCK), -1):
        other = doc.sentences[back]
        named_field = NAME_FIELD.match(other.text)
        if named_field is not None:  # "Event: Oslo Athletics Gala"
            return titles.Trigger(0, 0, "event", "event"), titles.tidy(named_field.group(1), 12), other
        if FIELD_LINE.match(other.text):
            continue
        found = titles.find_trigger(other.text, None, doc.trigger_cache)
        if (found is None or found.category == "event") and ANY_FIELD.match(other.text):
            continue  # "Speaker: ...", "Title: ..." lines of the same block
        if found is None or found.category == "event":
            return None
        headed = HEADED.match(other.text, found.end) if found.start <= 2 else None
        if headed is not None:
            name = f"{found.word[:1].upper()}{found.word[1:].lower()}: {headed.group(1)}"
            return found, titles.tidy(name, 12), other
        if HEADING_ONLY.fullmatch(other.text.strip()):  # "Conference Call Details": the call of the company
            owner = titles.actor(doc.sentences[0].text) if doc.sentences else None
            title = f"{owner} {found.word.lower()}" if owner else found.word
        else:
            earlier = doc.sentences[back - 1].text if back > 0 else ""
            title = titles.make_title(other.text, found, place_names_of(doc, other), earlier=earlier)
        return found, titles.tidy(title, 10), other
    return None


HEADING_ONLY = re.compile(r"(?:[A-Z][\w'’&-]*\s{1,3}){0,3}[A-Z][\w'’&-]*(?:\s{1,3}(?:[Dd]etails|[Ii]nformation|"
                          r"[Ii]nfo))?:?")


def superseded_plan(doc: Document, sentence: Sentence, timex: Timex) -> bool:
    """"scheduled for Friday, has been moved to Saturday": a day the plan named, when a later day
    of the same sentence is the one the happening moved to."""
    possessive = doc.text[timex.start:timex.end].endswith(("'s", "’s")) or \
        doc.text.startswith(("'s", "’s"), timex.end)  # "Saturday's final ... has been pushed to Sunday"
    if not possessive and not PLAN_FOR_BEFORE.search(doc.text[max(sentence.start, timex.start - 40):timex.start]):
        return False
    for other in timexes_within(doc, timex.end + 1, sentence.end):
        if other.kind == "date" and other.first is not None and \
                cues.NEW_DATE_BEFORE.search(doc.text[max(sentence.start, other.start - 80):other.start]):
            return True
    return False


def reported_before(doc: Document, sentence: Sentence, timex: Timex) -> bool:
    """"Ford released its results on Tuesday": a past verb governs today's date when no future
    cue stands between it and the date."""
    last_past = last_future = -1
    for cue in doc.tense.cues_at(sentence.start):
        if cue.start < sentence.start:
            continue
        if cue.start >= timex.start:
            break
        if cue.direction < 0:
            last_past = cue.start
        else:
            last_future = cue.start
    return last_past > last_future


MOVE_FROM = re.compile(r"\b(?:shifted|moved|postponed|pushed\s+back|rescheduled|changed|brought\s+forward|"
                       r"delayed|deferred|put\s+back|switched)\b[^.;]{0,40}?\bfrom\s{1,3}(?:the\s{1,3})?$", re.I)
YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d{2}\b")


DAY_HINTS = Hints("day", "week", "hour")
DURATION_EVENT = re.compile(
    r"\b(?:(two|three|four|five|six|seven|eight|nine|ten|\d{1,3})[- ](day|week|hour)|week[- ]?long)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|summit|work\s+stoppage|stoppage|"
    r"strike|walkout|conference|festival|meeting|event|holiday|shutdown|closure|talks|session|workshop|forum|congress|"
    r"convention|fair|show|celebrations?|retreat|camp|expo|exhibition)\b", re.I)


RUNS_UNTIL = re.compile(r"(?i)^[^.;]{0,80}?\b(?:and\s+)?(?:(?:runs?|running|continues?|continuing|lasts?|"
                        r"remains?\s+open|stays?\s+open|is\s+on\s+show|will\s+run|on\s+show|on\s+view)\s+"
                        r"(?:until|till|through|to)|(?:closes?|ends?|concludes?|finish(?:es)?|will\s+close|will\s+end)"
                        r"\s+on)\s+$")


def runs_until(doc: Document, sentence: Sentence, timex: Timex) -> dt.date | None:
    """The last day of a run that the sentence gives after its opening day ("opens at the
    Fundació Joan Miró on 4 March and runs until 27 June")."""
    following = [t for t in timexes_within(doc, timex.end + 1, sentence.end) if t.kind == "date" and t.first]
    if following and RUNS_UNTIL.search(doc.text[timex.end:following[0].start]):
        return following[0].last or following[0].first
    return None


def lasting(doc: Document, sentence: Sentence, timex: Timex) -> re.Match[str] | None:
    """An "N-day <happening>" in the date's own clause ("will travel to Nairobi on Thursday,
    October 15, for a two-day working visit")."""
    if DAY_HINTS.absent(sentence.text):
        return None  # DURATION_EVENT needs "day", "week" or "hour"
    for match in DURATION_EVENT.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if start >= timex.end:
            between = doc.text[timex.end:start]
        elif end <= timex.start:
            between = doc.text[end:timex.start]
        else:
            continue
        if len(between) <= 60 and not CLAUSE_SPLIT.search(between) and not titles.CLAUSE_BREAK.search(
                between.replace(",", "")):
            return match
    return None


def past_year_sentence(doc: Document, sentence: Sentence, timex: Timex) -> bool:
    """"It will be recalled that in 2015, the elections scheduled for 28 February were shifted":
    a day without a year in a sentence that names only earlier years, with nothing to come."""
    if timex.explicit_year or timex.relative:
        return False
    years = [(m.start(), int(m.group(0))) for m in YEAR_IN_TEXT.finditer(sentence.text)]
    if not years or max(y for _, y in years) >= doc.ref.year:
        return False
    first_year = sentence.start + years[0][0]
    if first_year > timex.start:
        future, _past = doc.tense.sentence_direction(sentence.start, sentence.end)
    else:
        future, _past = doc.tense.sentence_direction(first_year, timex.start)
    return future == 0


def told_as_past(doc: Document, sentence: Sentence, timex: Timex, future: int) -> bool:
    """"The mission ended in a tragedy early on September 7": a day without a year that a past
    verb right before it governs, in a sentence with nothing to come, happened in an earlier year."""
    if timex.explicit_year or timex.relative or future > 0 or timex.kind != "date":
        return False
    for cue in reversed(doc.tense.cues_at(sentence.start)):
        if cue.start >= timex.start or cue.start < sentence.start:
            continue
        if cue.direction > 0:
            return False
        between = doc.text[cue.end:timex.start]
        return cue.direction < 0 and len(between) <= 40 and not cues.QUOTE_OR_CLAUSE.search(between) \
            and not re.fullmatch(cues.SPEECH_VERBS, cue.word) and " " not in cue.word.strip()
    return False


LEAD_SENTENCES = 2


def lead_status(doc: Document) -> tuple[str, str | None] | None:
    """"King's France visit postponed": a headline or opening sentence that calls the main
    happening postponed or cancelled (without giving a new date) says so for the dates of that
    kind of happening given further down. Returns (status, category or None)."""
    texts = [doc.announcement.title or ""] + [s.text for s in doc.sentences[:LEAD_SENTENCES]]
    for text in texts:
        if not text:
            continue
        status = cues.status_of(text)
        if status not in ("postponed", "cancelled"):
            continue
        if NEW_DATE_AFTER.search(text) or cues.is_hedged(text) or cues.NEGATED.search(text):
            continue
        trigger = titles.find_trigger(text)
        if trigger is None or trigger.category == "event":
            continue
        return status, trigger.category
    return None


NEW_DATE_AFTER = re.compile(r"\b(?:to|until|till|for)\s+(?:\w+\s+){0,2}\d|\bnew\s+date", re.I)


def day_spans(doc: Document, timex: Timex) -> list[tuple[dt.date, dt.date]]:
    """(first, last) per happening: a list gives one per day (two days in a row joined by "and"
    are one two-day span); a lone start with "N-day" in its sentence gets its length."""
    assert timex.first is not None
    if timex.is_list:
        days = list(timex.days)
        if len(days) >= 2 and all((b - a).days == 1 for a, b in itertools.pairwise(days)) and \
                re.search(r"\s(?:and|&)\s", timex.text):
            return [(days[0], days[-1])]  # "on 21, 22 and 23 September": one three-day happening
        return [(day, day) for day in days]
    first = timex.first
    last = timex.last or first
    if timex.last is None:
        sentence = doc.index.at(timex.start)
        if sentence is not None:
            before = doc.text[sentence.start:timex.start]
            duration = DURATION.search(sentence.text) if "from" in before[-8:] else None
            if duration and re.search(r"\bfrom\s+$", before[-8:]):
                count_text = duration.group(1).lower()
                count = int(count_text) if count_text.isdigit() else DURATION_WORDS.get(count_text, 1)
                if 1 < count <= 31:
                    last = first + dt.timedelta(days=count - 1)
    return [(first, last)]


def sentence_status(doc: Document, sentence: Sentence, timex: Timex, role: str | None) -> tuple[Status, dt.date | None]:
    """Status words in the sentence (or, for a "had been due" plan, its neighbours), and the
    superseded date when the sentence names one."""
    status = cues.status_of(sentence.text)
    if status is None and PLAN_HINTS.present(sentence.text) and PLANNED.search(sentence.text):
        index = doc.index.index_of(sentence.start)
        for neighbour in doc.sentences[max(0, index - 1):index + 2]:
            status = cues.status_of(neighbour.text)
            if status:
                break
    original = None
    if status in ("rescheduled", "postponed") and role == "new":
        status = "rescheduled"
    if status == "rescheduled":
        original = original_date(doc, sentence, timex) or superseded_in_sentence(doc, sentence, timex)
        if original is None and role == "new":
            original = earlier_date_in_sentence(doc, sentence, timex)
    if status == "postponed" and role == "new":
        status = "rescheduled"
    return (status or "scheduled"), original  # type: ignore[return-value]


PLANNED = re.compile(r"\b(?:had\s+been|was|were)\s+(?:due|scheduled|set|slated|planned)\b", re.I)
PLAN_HINTS = Hints("due", "scheduled", "set", "slated", "planned")  # what a PLANNED match holds


def original_date(doc: Document, sentence: Sentence, timex: Timex) -> dt.date | None:
    """The superseded date ("originally scheduled for May 13") anywhere in the document."""
    for match in cues.ORIGINAL_PHRASE.finditer(doc.text):
        stated = next((t for t in timexes_within(doc, match.end(), match.end() + 4) if t.kind == "date"
                       and t.first is not None), None)
        if stated is not None and stated.first is not None:
            return stated.first  # "originally planned for Wednesday": the Wednesday the text resolved
        after = doc.text[match.end():match.end() + 40]
        found = find_timexes(after, doc.ref, tense_at=lambda _o: -1)
        for candidate in found:
            if candidate.start < 3 and candidate.first is not None:
                return candidate.first
    return None


def superseded_in_sentence(doc: Document, sentence: Sentence, timex: Timex) -> dt.date | None:
    """"moved to 22 April from 15 April": the day the sentence says the happening moved from."""
    for other in timexes_within(doc, sentence.start, sentence.end):
        if other is timex or other.kind != "date" or other.first is None:
            continue
        if cues.MOVED_FROM_BEFORE.search(doc.text[max(sentence.start, other.start - 140):other.start]) or \
                cues.INSTEAD_BEFORE.search(doc.text[max(sentence.start, other.start - 30):other.start]):
            return other.first  # "moved to 22 April from 15 April", "on October 18, instead of October 25"
    return None


def main_verb_future(doc: Document, sentence: Sentence, timex: Timex) -> bool:
    """"ISRO will launch the mission, perched on its rocket, at 2.35 pm": the first tense cue of
    the sentence (its main verb) looks ahead and no clause break parts it from the time."""
    for cue in doc.tense.cues_at(sentence.start):
        if cue.start < sentence.start:
            continue
        if cue.start >= timex.start:
            return False
        return cue.direction > 0 and not cues.QUOTE_OR_CLAUSE.search(doc.text[cue.end:timex.start])
    return False


def earlier_date_in_sentence(doc: Document, sentence: Sentence, timex: Timex) -> dt.date | None:
    """"postponed Saturday's elections to February 23": the day named before the new one."""
    found = None
    for other in timexes_within(doc, sentence.start, timex.start):
        if other.kind == "date" and other.first is not None \
                and timex.first is not None and other.first < timex.first and not other.is_list:
            found = other.first
    return found


def time_candidates(doc: Document, timex: Timex, sentence: Sentence, order: int, earlier: list[Candidate],
                    timexes: list[Timex]) -> list[Candidate]:
    """A clock time with no day: it belongs to the day of the happening just announced (or to the
    publication day when a present-tense sentence gives no other)."""
    if id(timex) in doc.fates:
        return []
    trigger = titles.find_trigger(sentence.text, timex.start - sentence.start, doc.trigger_cache)
    role = cues.date_role(doc.text, timex.start, timex.end, sentence)
    if role in ("report", "boundary", "approximate", "original"):
        doc.fates[id(timex)] = (False, "edge of a window or reported time, not an event")
        return []
    if trigger is None and listing_day(doc, timex) is not None:  # "Sat 14 Nov – The Lighthouse Keepers, 8pm"
        trigger = titles.Trigger(timex.start - sentence.start, timex.end - sentence.start, "listing", "event")
    if trigger is None:
        doc.fates[id(timex)] = (False, "not an event (nothing happens in its sentence)")
        return []
    if CLOSED_AT.search(doc.text[max(sentence.start, timex.start - 40):timex.start]):
        doc.fates[id(timex)] = (False, "past (when a meeting closed)")
        return []  # "The meeting closed at 9.12pm": minutes, not an announcement
    if DAILY.search(doc.text[max(sentence.start, timex.start - 30):min(sentence.end, timex.end + 20)]):
        doc.fates[id(timex)] = (False, "opening hours (daily), not the start of an event")
        return []
    direction = doc.tense.direction(timex.start, timex.end)
    future, past = doc.tense.sentence_direction(sentence.start, sentence.end)
    changed = cues.status_of(sentence.text) in ("rescheduled", "postponed")  # "has moved to ..., same time (11:00)"
    if not changed and ((direction < 0 and not main_verb_future(doc, sentence, timex)) or (past > 0 and future == 0)):
        doc.fates[id(timex)] = (False, "past (reported as done)")
        return []
    anchor, anchor_timex = previous_day(doc, timex, earlier, timexes)
    if anchor is None:
        doc.fates[id(timex)] = (False, "no day for this time")
        return []
    if anchor < doc.ref:
        doc.fates[id(timex)] = (False, "past")
        return []
    status, original = sentence_status(doc, sentence, timex, role)
    doc.fates[id(timex)] = (True, None)
    return [Candidate(first=anchor, last=anchor, sentence=sentence, timex=timex, trigger=trigger, time=timex.time,
                      end_time=timex.end_time, zone=timex.zone, status=status, original=original, anaphoric=True,
                      future_cue=future > 0 or direction > 0, order=order, members=[timex], anchor=anchor_timex)]


CLOSED_AT = re.compile(r"(?i)\b(?:meeting|session|sitting|hearing|proceedings)\s+(?:was\s+)?(?:closed|ended|"
                       r"adjourned|concluded|finished)\s+at\s+$")
DAILY = re.compile(r"(?i)\b(?:daily|each\s+day|every\s+day|nightly|every\s+night)\b")


def previous_day(doc: Document, timex: Timex, earlier: list[Candidate],
                 timexes: list[Timex]) -> tuple[dt.date | None, Timex | None]:
    """The day a bare time refers to: the last day-level date within three sentences before it,
    else the publication day when the text names no day before it."""
    sentence_index = doc.index.index_of(timex.start)
    fallback: tuple[dt.date | None, Timex | None] | None = None
    for other in reversed(timexes):
        if other.end > timex.start or other.kind != "date" or other.first is None:
            continue
        if doc.index.index_of(other.start) < sentence_index - 3 and not heads_block(doc, other, timex):
            break
        fate = doc.fates.get(id(other))
        if fate is not None and not fate[0] and (fate[1] or "").startswith("the day it was said"):
            continue  # "..., the Chief of Staff said on Wednesday. It will begin at 10am": not that day
        if other.first >= doc.ref or doc.fates.get(id(other), (False, None))[0]:
            return other.first, other
        fallback = fallback or (other.first, other)  # "the quarter ended June 30": a past day in between
    if fallback is not None:
        return fallback
    has_day = any(t.kind == "date" and t.start < timex.start and not t.relative for t in timexes)
    sentence = doc.index.at(timex.start)
    later = next((t for t in timexes_within(doc, timex.end, sentence.end) if t.kind == "date" and t.first is not None
                  and ";" not in doc.text[timex.end:t.start]), None) if sentence is not None else None
    if later is not None and later.first is not None and later.first >= doc.ref:
        return later.first, later  # "starts at 9am and ends at 5pm on Tuesday 12 May": that Tuesday
    if not has_day:
        return doc.ref, None
    return None, None


def heads_block(doc: Document, heading: Timex, timex: Timex) -> bool:
    """Whether a date standing alone on its line heads a list of short lines that holds `timex`
    ("Saturday 19 September" over one line per fixture): its day reaches the whole list."""
    line_start = doc.text.rfind("\n", 0, heading.start) + 1
    line_end = doc.text.find("\n", heading.end)
    if line_end < 0 or doc.text[line_start:heading.start].strip() or doc.text[heading.end:line_end].strip(" :"):
        return False
    lines = doc.text[line_end + 1:timex.start].split("\n")
    return len(lines) <= BLOCK_LINES and all(len(line) <= 120 for line in lines)


BLOCK_LINES = 40


def join_closures(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """"Closing the campus at 10 pm on Tuesday ... to resume operations on Thursday at noon" is
    one closure from the first moment to the second."""
    result: list[Candidate] = []
    for cand in candidates:
        previous = result[-1] if result else None
        if previous is not None and previous.sentence is cand.sentence and category(previous) == "closure" \
                and previous.last < cand.first and previous.timex is not None and cand.timex is not None:
            between = doc.text[previous.timex.end:cand.timex.start]
            if RESUME.search(between):
                if cand.time is not None and previous.time is not None:
                    previous.last = cand.first
                    previous.end_time = cand.time
                else:  # "closed from 24 to 26 December and will reopen on 27 December": open again that day
                    previous.last = max(previous.last, cand.first - dt.timedelta(days=1))
                previous.members.extend(cand.members)
                continue
        result.append(cand)
    return result


# ---------------------------------------------------------------------------------------------
# Merging


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """One entry per happening: same days (and compatible kind and time) merge; a lone start day
    said to begin a range joins it; a bare time joins the day it was anchored to."""
    events: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.anaphoric, c.order)):
        target = find_partner(events, cand)
        if target is None:
            events.append(cand)
        else:
            absorb(target, cand)
    events.sort(key=lambda c: c.order)
    return fold_parts(events)


def fold_parts(events: list[Candidate]) -> list[Candidate]:
    """A day inside a multi-day happening of a compatible kind is part of it ("the summit on
    December 5" during a visit from December 4 to 5), not a second entry."""
    kept: list[Candidate] = []
    for cand in events:
        host = next((e for e in events if e is not cand and e.last > e.first and e.first <= cand.first
                     and cand.last <= e.last and (cand.first, cand.last) != (e.first, e.last)
                     and compatible_part(e, cand)), None)
        if host is None:
            kept.append(cand)
            continue
        host.members.extend(cand.members)
        if host.status == "scheduled" and cand.status != "scheduled":
            host.status, host.original = cand.status, cand.original
    return kept


def compatible_part(host: Candidate, part: Candidate) -> bool:
    """Whether `part` is what `host` is for: a visit "for the annual summit" holds the summit; a
    banquet or an address on one day of a state visit is a happening of its own."""
    if host.time is not None and part.time is not None:
        return False
    ch, cp = category(host), category(part)
    if ch is None or cp is None or ch == cp or frozenset({ch, cp}) not in COMPATIBLE:
        return False
    purposes = titles.all_triggers(host.sentence.text)
    return any(t.category == cp for t in purposes)


def category(c: Candidate) -> str | None:
    return c.trigger.category if c.trigger else None


def find_partner(events: list[Candidate], cand: Candidate) -> Candidate | None:
    if cand.anaphoric:
        for event in events:
            if cand.anchor is not None and any(m is cand.anchor for m in event.members):
                if own_happening(event, cand):
                    cand.standalone = True  # titled by its own sentence
                    return None
                return None if split_parallel(event, cand) else event
        for event in events:
            same_day = (event.first, event.last) == (cand.first, cand.last)
            if same_day and (event.time == cand.time or cand.anchor is not None) and not other_fixture(event, cand):
                return None if split_parallel(event, cand) else event
        return None
    for event in events:
        if category(event) == "closure" and event.last > event.first and cand.first == event.last \
                and cand.trigger is not None and re.search(r"(?i)re-?open|\bopen|resum", cand.trigger.word):
            return event
    for event in events:
        if (event.first, event.last) == (cand.first, cand.last):
            if event.time and cand.time and event.time != cand.time and not cand.anaphoric:
                continue
            if cand.anaphoric and event.time and cand.time and event.time != cand.time:
                return event
            if (distinct_categories(event, cand) or other_parties(event, cand)) and not cand.anaphoric:
                continue
            return event
    for event in events:
        if (event.first, event.last) == (cand.first, cand.last) and (event.time is None) != (cand.time is None) \
                and shared_name(event.sentence.text, cand.sentence.text):
            return event  # "Chandrayaan-3 will take off at 2.35 pm" and "Chandrayaan-3 will embark tomorrow"
    for event in events:
        if cand.first == cand.last and event.first == cand.first and event.last > event.first:
            before = cand.sentence.text[: max(0, (cand.timex.start if cand.timex else 0) - cand.sentence.start)]
            if OPEN_START.search(before[-40:]) and not distinct_categories(event, cand):
                return event
        if cand.first == event.first and cand.last > cand.first and event.last == event.first \
                and not distinct_categories(event, cand) and event.time is None:
            return event
    return None


def own_happening(event: Candidate, cand: Candidate) -> bool:
    """"Roads will be closed from 5am to 4pm on Sunday ... The race starts at 8.45am": a time
    stated for another kind of happening on that day is that happening's, not the closure's."""
    if cand.time is None or cand.sentence is event.sentence:
        return False
    if event.time is None:  # "runs from 9 to 18 October. It opens with a premiere ... at 7pm": the premiere's
        return event.last > event.first and category(cand) not in (None, "event")
    if event.time == cand.time:
        return False
    if distinct_categories(event, cand) and category(cand) in STRONG:
        return True
    # "... take the oath of office at noon. An inaugural parade will follow at 1:30 p.m.": another word
    # for what comes after it, another happening.
    return event.trigger is not None and cand.trigger is not None and category(cand) not in (None, "event") \
        and event.trigger.word.lower() != cand.trigger.word.lower() and FOLLOWS.search(cand.sentence.text) is not None


BARE_TITLES = {"race", "match", "final", "game", "event", "the race", "the event", "festival", "show", "concert"}
FOLLOWS = re.compile(r"(?i)\b(?:will\s+follow|follows|to\s+follow|followed\s+by|afterwards|later\s+that\s+day)\b")


def split_parallel(event: Candidate, cand: Candidate) -> bool:
    """"The women's race starts at 1.21pm and the men's race at 2.16pm": a second time given to
    another subject in a coordinated clause of the same sentence is another happening, named by
    that subject."""
    timed = event.timed_by or event
    if event.time is None or cand.time is None or event.time == cand.time or timed.sentence is not cand.sentence \
            or timed.timex is None or cand.timex is None or timed.timex.end > cand.timex.start:
        return False
    between = cand.sentence.text[timed.timex.end - cand.sentence.start:cand.timex.start - cand.sentence.start]
    coordinated = COORDINATED_TIME.match(between)
    if coordinated is None or ENDING_WORD.search(coordinated.group(1)) or ";" in between:
        return False
    cand.title = titles.tidy(re.sub(r"(?i)^the\s+", "", coordinated.group(1)), 8)
    return True


COORDINATED_TIME = re.compile(r"[\s,]*(?:and|while|with|followed\s+by)\s+((?:the\s+)?[\w'’ -]{2,40}?)\s+"
                              r"(?:at|from)\s+$", re.I)
# The second clause leaves its verb out ("and the men's race at 2.16pm"); one with a verb, or
# about an end, is another part of the same happening ("and ends at 5pm", "and the show starts at").
ENDING_WORD = re.compile(r"(?i)\b(?:end|ends|finish|finishes|close|closes|conclude|concludes|wrap|wraps|until|"
                         r"doors?|gates?|starts?|begins?|opens?|is|are|will|kicks?|gets?|takes?|runs?|goes)\b")


def other_fixture(a: Candidate, b: Candidate) -> bool:
    """"Harlequins v Bath" and "Sale Sharks v Saracens" under one date heading are two matches."""
    return a.sentence is not b.sentence and category(a) == "match" and names_other_fixture(a.sentence, b)


def names_other_fixture(sentence: Sentence, c: Candidate) -> bool:
    """Whether a neighbouring line is about another match (its venue is not this one's)."""
    if category(c) != "match":
        return False
    ours, theirs = titles.match_sides(c.sentence.text), titles.match_sides(sentence.text)
    return len(ours) == 2 and len(theirs) == 2 and set(ours) != set(theirs)


def actor_of(c: Candidate) -> str | None:
    return titles.actor(c.sentence.text, c.trigger) if c.trigger is not None else None


def same_actor(a: Candidate, b: Candidate) -> bool:
    first, second = actor_of(a), actor_of(b)
    return first is not None and second is not None and surname(first) == surname(second)


def surname(name: str) -> str:
    return name.split()[-1].lower()


def other_parties(a: Candidate, b: Candidate) -> bool:
    """"Putin will visit on December 6" and "Lavrov and Shoigu will also visit ... on December 6":
    other people doing another thing the same day, each named in its own sentence."""
    if a.sentence is b.sentence:
        return False
    first, second = actor_of(a), actor_of(b)
    if first is None or second is None or surname(first) == surname(second):
        return False
    later = b if b.sentence.start > a.sentence.start else a
    if not ADDED_HAPPENING.search(later.sentence.text):
        return False
    people_a = {surname(p) for p in titles.participants(a.sentence.text)}
    people_b = {surname(p) for p in titles.participants(b.sentence.text)}
    return bool(people_a) and bool(people_b) and not people_a & people_b


ADDED_HAPPENING = re.compile(r"(?i)\b(?:also|meanwhile|separately|in\s+addition|as\s+well)\b")


def shared_name(a: str, b: str) -> bool:
    """Whether two sentences name the same thing with a coined name ("Chandrayaan-3", "Artemis II")."""
    def coined(text: str) -> set[str]:
        return {m.group(0) for m in COINED.finditer(text)}
    return bool(coined(a) & coined(b))


COINED = re.compile(r"\b[A-Z][A-Za-z]+-?\d+[A-Za-z]?\b|\b[A-Z][a-z]+\s(?:I{1,3}|IV|V|VI{1,3})\b")
STRONG = {"visit", "summit", "election", "strike", "holiday", "closure", "match", "hearing", "earnings call",
          "webinar", "conference", "launch", "meeting"}


def distinct_categories(a: Candidate, b: Candidate) -> bool:
    ca, cb = category(a), category(b)
    if ca is None or cb is None or ca == cb or "event" in (ca, cb):
        return False
    if a.sentence is not b.sentence and a.first == a.last:
        # "Putin will visit India for summit talks on December 6" and "Putin will pay an official
        # visit on December 6": one trip told twice; a banquet on a day of a visit is its own event.
        return frozenset({ca, cb}) not in COMPATIBLE or not same_actor(a, b)
    if frozenset({ca, cb}) in COMPATIBLE:
        return False
    return ca in STRONG and cb in STRONG


COMPATIBLE = {frozenset({"visit", "summit"}), frozenset({"visit", "meeting"}), frozenset({"summit", "meeting"}),
              frozenset({"launch", "conference"}), frozenset({"launch", "webinar"}),
              frozenset({"meeting", "hearing"}), frozenset({"holiday", "closure"}),
              frozenset({"conference", "meeting"}), frozenset({"earnings call", "launch"}),
              frozenset({"earnings call", "meeting"}), frozenset({"match", "conference"}),
              frozenset({"election", "meeting"})}


def absorb(event: Candidate, other: Candidate) -> None:
    """Fold `other` into `event`: keep the wider span, any clock time, a non-scheduled status."""
    if other.last > event.last and other.first == event.first:
        event.last = other.last
    if event.time is None and other.time is not None:
        event.time, event.end_time = other.time, other.end_time
        event.timed_by = other
        event.zone = event.zone or other.zone
        if other.anaphoric and category(other) in ("earnings call", "webinar") and category(event) != category(other) \
                and category(event) != "earnings call":
            event.trigger, event.sentence = other.trigger, other.sentence
        elif other.anaphoric and category(event) in (None, "event") and category(other) in STRONG \
                and event.title is None and not ANAPHORIC_OPENING.match(other.sentence.text):
            event.trigger, event.sentence = other.trigger, other.sentence  # "... will present its proposal on
            # 27 January. ... will hold a press conference at 12:30": the press conference
    if event.zone is None and other.zone is not None and event.time == other.time:
        event.zone = other.zone
    if event.status == "scheduled" and other.status != "scheduled":
        event.status = other.status
        event.original = other.original
    if better_evidence(other, event):
        event.sentence, event.trigger = other.sentence, other.trigger
    event.future_cue = event.future_cue or other.future_cue
    event.members.extend(other.members)


def better_evidence(a: Candidate, b: Candidate) -> bool:
    """Whether a's sentence states the happening better than b's (explicit range, named event)."""
    if a.anaphoric or b.trigger is None:
        return a.trigger is not None and b.trigger is None
    score_a = evidence_score(a)
    score_b = evidence_score(b)
    return score_a > score_b


def evidence_score(c: Candidate) -> float:
    score = 0.0
    if c.timex is not None and c.timex.is_range:
        score += 2
    if c.future_cue:
        score += 1
    if c.trigger is not None and c.trigger.category in STRONG:
        score += 1
    if c.timex is not None and not c.relative:
        score += 0.5
    return score


# ---------------------------------------------------------------------------------------------
# Detections


ANAPHORIC_OPENING = re.compile(r"^[\"“‘']?(?:The|This|That|These|Those|It|Its|The\s+\w+)\b", re.I)


PLACE_NAMED = ("election", "holiday", "closure", "strike")  # "the Kerala Assembly elections": named by the place
VOTING_STEP = re.compile(r"(?i)poll|voting|counting|(?:votes?|ballots?)\s.*counted")
# "announced the schedule for the Assembly elections": told in the past, about what is to come.
SCHEDULE_ANNOUNCED = re.compile(r"\b(?:announced|unveiled|released|published|declared|notified|issued|fixed|set)\s+"
                                r"(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:schedule|dates?|timetable|calendar|"
                                r"programme|program|fixtures?|fixture\s+list)\b", re.I)


def title_sentence(doc: Document, c: Candidate) -> tuple[Sentence, titles.Trigger | None]:
    """The sentence that names the happening: the evidence, or, when the evidence only refers
    back to it ("The event will take place on ..."), the nearest earlier sentence with an event
    word of the same kind."""
    trigger = c.trigger
    sentence = c.sentence
    if c.standalone:
        return sentence, trigger
    weak = trigger is None or trigger.category == "event" or c.anaphoric
    opening = sentence.text[: trigger.start] if trigger is not None else sentence.text
    refers_back = bool(ANAPHORIC_OPENING.match(opening.strip())) and len(opening.split()) <= 4
    own_places = place_names_of(doc, sentence)
    if trigger is not None and trigger.category == "election" and VOTING_STEP.match(trigger.word) \
            and not own_places and not titles.ELECTED_BODY.search(sentence.text):
        weak = True  # "Polling will be held in two phases": the sentence before says which election
    if titles.match_title(sentence.text) or (trigger is not None and trigger.word.lower().startswith("reserve")) \
            or (trigger is not None and trigger.category != "event" and titles.quoted_name(sentence.text, trigger)):
        return sentence, trigger  # "It opens with the world premiere of 'Salt Roads'": named in its own sentence
    if not (weak or refers_back) and (titles.actor(sentence.text, trigger, own_places) or (
            own_places and trigger is not None and trigger.category in PLACE_NAMED)):
        return sentence, trigger
    index = doc.index.index_of(sentence.start)
    for back in range(index - 1, max(-1, index - 4), -1):
        other = doc.sentences[back]
        found = titles.find_trigger(other.text, None, doc.trigger_cache)
        if found is None or found.category == "event":
            continue
        ahead, behind = doc.tense.sentence_direction(other.start, other.end)
        if behind and not ahead and not SCHEDULE_ANNOUNCED.search(other.text):
            continue  # a sentence telling of something done names another happening
        same_kind = trigger is None or found.category == trigger.category or weak
        if titles.is_draw(found) != (trigger is not None and titles.is_draw(trigger)):
            continue  # a cup draw names the draw, not the ties it decides
        other_places = place_names_of(doc, other)
        if same_kind and (titles.actor(other.text, found, other_places) or titles.match_title(other.text)
                          or (other_places and found.category in PLACE_NAMED)):
            return other, found
    return sentence, trigger


def place_names_of(doc: Document, sentence: Sentence) -> list[str]:
    return [p.name for p in sentence_places(doc, sentence) if p.kind != "venue"]


def to_detection(doc: Document, c: Candidate) -> Detection:
    headline = doc.announcement.title
    named_sentence, named_trigger = (c.named, c.trigger) if c.named is not None else title_sentence(doc, c)
    index = doc.index.index_of(c.sentence.start)
    context = " ".join(s.text for s in doc.sentences[max(0, index - 1):index + 2])
    if c.title:
        summary = heading_title(doc, c) or c.title
    else:
        named_index = doc.index.index_of(named_sentence.start)
        earlier = doc.sentences[named_index - 1].text if named_index > 0 else ""
        summary = titles.make_title(named_sentence.text, named_trigger, place_names_of(doc, named_sentence),
                                    headline=headline, context=context, earlier=earlier)
        if named_sentence is c.sentence and named_trigger is not None and c.trigger is not None and \
                ANAPHORIC_OPENING.match(c.sentence.text) and headline and c.order == first_order(doc):
            summary = titles.headline_title(headline) or summary
    summary = principal_title(doc, c) or summary
    if summary.lower() in BARE_TITLES and principal(doc) is not None:
        summary = principal(doc)[0]  # type: ignore[index]  # "The race starts at 8.45am": the Liffey City Marathon
    elected = category(c) == "election" or (named_trigger is not None and named_trigger.category == "election")
    step = election_step(doc, c) if elected else None
    if step is not None and not re.search(STEP_IN_TITLE.get(step, re.escape(step)), summary, re.I):
        summary = f"{summary}: {step}"  # "Sabah state election: early voting", the day of one step of it
    location, place_zone = event_location(doc, c, named_sentence, summary)
    zone_name: str | None = c.zone or place_zone or document_zone(doc)
    if c.time is None and doc.default_time is not None and c.title is not None:
        c.time, c.end_time = doc.default_time[0], doc.default_time[1]
        zone_name = doc.default_time[2] or zone_name
    if (location is None or c.title is not None) and doc.default_place:
        location = doc.default_place
        default_zone = next((p.zone for p in places.find_places(doc.default_place) if p.zone), None)
        zone_name = c.zone or default_zone or zone_name
    tz = zone_info(zone_name) if zone_name else None
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    zone_out: str | None
    if c.time is not None:
        tzinfo = tz or dt.UTC
        start = dt.datetime.combine(c.first, c.time, tzinfo)
        if c.end_time is not None:
            end = dt.datetime.combine(c.last, c.end_time, tzinfo)
            if end <= start:
                end = None
        elif c.last != c.first:
            end = dt.datetime.combine(c.last, dt.time(23, 59), tzinfo)
        else:
            end = None
        all_day = False
        zone_out = zone_name or "UTC"
    else:
        start, end, all_day = c.first, c.last, True
        zone_out = zone_name
    ev_start, ev_end, ev_text = doc.span(c.sentence.start, c.sentence.end)
    evidence = Evidence(ev_text, ev_start, ev_end)
    return Detection(summary=summary, start=start, end=end, all_day=all_day, timezone=zone_out, location=location,
                     participants=titles.participants(c.sentence.text), category=category(c) or "event",
                     status=c.status, original_start=c.original, confidence=confidence(c), evidence=evidence)


ELECTION_STEP = re.compile(r"(?i)\b(?:(?P<nomination>nominations?(?:\s+of\s+candidates)?|nomination\s+day)|"
                           r"(?P<early>(?:early|advance|postal)\s+voting)|(?P<counting>counting(?:\s+of\s+votes)?|"
                           r"(?:votes?|ballots?)\s+(?:will\s+be\s+|to\s+be\s+|are\s+to\s+be\s+)?counted|results?)|"
                           r"(?P<runoff>run-?off)|(?P<vote>polling|polls?|elections?|vote|voting|by-?elections?))\b")
STEP_NAMES = {"nomination": "nomination", "counting": "counting", "runoff": "run-off"}
STEP_IN_TITLE = {"counting": r"count|result", "nomination": r"nominat", "run-off": r"run-?off"}


def election_step(doc: Document, c: Candidate) -> str | None:
    """Which step of an election a day is, by the step word that day is the nearest date to
    ("with early voting on Nov 11", "votes will be counted on May 2"); None for the vote itself."""
    if c.timex is None or not c.sentence.start <= c.timex.start < c.sentence.end:
        return None
    dates = [t for t in timexes_within(doc, c.sentence.start, c.sentence.end) if t.kind == "date"]
    base = c.sentence.start
    best: tuple[int, re.Match[str]] | None = None
    for found in ELECTION_STEP.finditer(c.sentence.text):
        start, end = base + found.start(), base + found.end()
        nearest = min(dates, key=lambda t: step_distance(doc, t, start, end))
        if nearest.start != c.timex.start:
            continue  # "votes will be counted on May 2": the count is May 2's, not April 16's
        distance = step_distance(doc, c.timex, start, end)
        if best is None or distance < best[0]:
            best = (distance, found)
    if best is None:
        return None
    if best[1].lastgroup == "early":
        return re.sub(r"\s+", " ", best[1].group(0).lower())  # "early voting", "postal voting"
    return STEP_NAMES.get(best[1].lastgroup or "")


def step_distance(doc: Document, timex: Timex, start: int, end: int) -> int:
    """How far a step word is from a date, in characters, farther across a clause break and when
    the word follows the date (a step is usually named before its day: "early voting on Nov 11")."""
    if end <= timex.start:
        between, extra = doc.text[end:timex.start], 0
    else:
        between, extra = doc.text[timex.end:start], 15
    return len(between) + extra + (40 if titles.CLAUSE_BREAK.search(between) else 0)


PAST_SUBCLAUSE = re.compile(r"\b(?:after|when|since|because|once)\s+(?:[\w'’.-]+\s+){1,5}?(?:[a-z]{3,}ed|went|made|"
                            r"said|took|gave|met|held|won|lost|told|wrote|spoke|sent)\b")
ORGANISER_VERB = re.compile(r"\b(?:hold|holds|holding|host|hosts|hosting|organi[sz]e|organi[sz]es|stage|stages|"
                            r"convene|convenes|call|calls)\b", re.I)
NAMED_SERIES = re.compile(r"(?:Cup|Championships?|Tournament|Trophy|Series|Games|Open|League|Shield|Plate)$")


def principal_title(doc: Document, c: Candidate) -> str | None:
    """A title from the happening the document is about, when the sentence names only a part of
    it ("the semi-finals", "the grand final") or refers to it by a common noun ("the annual show",
    "a major telecoms conference"); a fixture of a named tournament is prefixed with its name."""
    if c.title is not None or c.trigger is None:
        return None
    found = principal(doc)
    if found is None:
        return None
    name, years = found
    year = years.get(c.first.year)
    full = f"{name} {year}" if year and year not in name else name
    text = c.sentence.text
    if category(c) == "match":
        if c.trigger.word.lower().startswith("reserve"):
            return None
        fixture = titles.match_title(text)
        if fixture:
            return f"{full}: {fixture}" if NAMED_SERIES.search(name) and name not in fixture else None
        return titles.subpart_title(text, c.trigger, full, c.part_index)
    if category(c) in ("conference", "launch", "event", "summit"):
        inside = text.find(name)
        if inside >= 0 and inside + len(name) <= c.trigger.start and ORGANISER_VERB.search(
                text[inside + len(name):c.trigger.start]):
            return None  # "the Pacific Islands Forum will hold a summit": the name is the organiser's
        if titles.generic_reference(text, c.trigger) or 0 <= inside <= c.trigger.start < inside + len(name):
            return full
    return None


def principal(doc: Document) -> tuple[str, dict[int, str]] | None:
    """The named happening the document is about, and the years written next to its name."""
    if doc.principal is False:
        texts = [doc.announcement.title or ""] + [s.text for s in doc.sentences]
        ranked = titles.principal_names(texts)
        if not ranked:
            doc.principal = None
        else:
            name = ranked[0][0]
            years: dict[int, str] = {}
            pattern = re.compile(rf"(?:\b((?:19|20)\d\d)\s+{re.escape(name)}|{re.escape(name)}\s+((?:19|20)\d\d)\b)")
            for match in pattern.finditer(doc.text + " " + (doc.announcement.title or "")):
                value = match.group(1) or match.group(2)
                years[int(value)] = value
            doc.principal = (name, years)
    return doc.principal if isinstance(doc.principal, tuple) else None


def first_order(doc: Document) -> int:
    return doc.first_event_order


def confidence(c: Candidate) -> float:
    value = 0.45
    if c.future_cue:
        value += 0.2
    if c.timex is not None and c.timex.explicit_year:
        value += 0.1
    if c.trigger is not None and c.trigger.category in STRONG:
        value += 0.15
    if c.anaphoric:
        value -= 0.1
    return round(max(0.05, min(0.99, value)), 3)


def document_places(doc: Document) -> list[places.Place]:
    """Every place in the text, found once; a one-word region counts only in a document about its
    country ("Punjab" with India named, not "Maritime" in a union's name)."""
    if doc.all_places is None:
        found = places.find_places(doc.text)
        countries = {p.country for p in found if p.kind in ("country", "city", "state") and p.country}
        if doc.url_country:
            countries.add(doc.url_country)
        doc.all_places = [p for p in found if not (p.kind == "region" and p.population < 0
                                                   and p.country not in countries and not p.locative
                                                   and not REGION_BODY.match(doc.text, p.end))]
        doc.place_starts = [p.start for p in doc.all_places]
    return doc.all_places


REGION_BODY = re.compile(r"\s(?:Assembly|Legislative|[Ss]tate\b|[Gg]overnment|[Pp]olice|High\s+Court|Chief\s+Minister|"
                         r"[Gg]overnor|[Pp]olls?\b|[Ee]lections?|[Ll]egislature|House\s+of)")


def sentence_places(doc: Document, sentence: Sentence) -> list[places.Place]:
    key = sentence.start
    if key not in doc.place_cache:
        everything = document_places(doc)
        low = bisect.bisect_left(doc.place_starts, sentence.start)
        high = bisect.bisect_left(doc.place_starts, sentence.end)
        doc.place_cache[key] = everything[low:high]
    return doc.place_cache[key]


def event_location(doc: Document, c: Candidate, named: Sentence, summary: str = "") -> tuple[str | None, str | None]:
    """(location text, zone): venue, city and country from the evidence sentence (or the one that
    names the event), else from its neighbours, else the venue the document names most, the
    dateline, or, for national happenings, the country the document is about. A virtual event
    says where it streams."""
    index = doc.index.index_of(c.sentence.start)
    window = " ".join(s.text for s in doc.sentences[index:index + 3])
    online = places.online_location(c.sentence.text) or (
        places.online_location(window) if category(c) in ("earnings call", "webinar") else None) or (
        places.online_location(named.text) if named is not c.sentence else None)
    pool = [p for p in sentence_places(doc, c.sentence) if not is_dateline_place(doc, p) and not is_speaker(doc, p)]
    if named is not c.sentence:
        pool += [p for p in sentence_places(doc, named) if not is_dateline_place(doc, p) and not is_speaker(doc, p)]
    if category(c) == "match":
        pool = [p for p in pool if not is_team(doc, p)]
    if not any(p.kind in ("city", "state", "region") for p in pool) and category(c) in ("election", "holiday"):
        pool += places.resident_places(c.sentence.text, c.sentence.start)  # "Ontarians will head to the polls"
    listed = c.timex is not None and listing_title(doc, c.timex) is not None
    if listed and c.timex is not None:
        line_start = doc.text.rfind("\n", 0, c.timex.start) + 1
        line_end = doc.text.find("\n", c.timex.end)
        line_end = len(doc.text) if line_end < 0 else line_end
        pool = [p for p in pool if line_start <= p.start < line_end]  # a listing line's own places
        if not any(p.kind == "venue" for p in pool):
            pool += listing_heading_places(doc, c)  # "Coming up at the Usher Hall, Edinburgh:" over the lines
    whole = WHOLE_UNIT.search(c.sentence.text)
    if whole is not None and not [p for p in sentence_places(doc, c.sentence) if p.kind != "country"]:
        unit = [p for p in document_places(doc) if p.kind in UNIT_KINDS[whole.group(1).lower()]][:1]
        pool = unit or pool
    national = category(c) in NATIONAL
    if not [p for p in pool if p.kind != "country"] and not online and not national:
        for neighbour in (index + 1, index - 1, index + 2):
            if 0 <= neighbour < len(doc.sentences) and not names_other_fixture(doc.sentences[neighbour], c):
                extra = [p for p in sentence_places(doc, doc.sentences[neighbour]) if not is_dateline_place(doc, p)]
                if extra:
                    pool.extend(extra)
                    break
    dateline = dateline_places(doc)
    pool = [places.refine_city(p, pool + dateline) for p in pool]
    pool = [places.prefer_country(p, doc.url_country) for p in pool]
    pool = [p for p in pool if not stray_town(doc, p)]
    moved_to = moved_to_venue(doc, c)
    anchor_at = c.timex.start if c.timex is not None and c.sentence.start <= c.timex.start < c.sentence.end else None
    venue = moved_to or pick_venue(doc, pool, anchor_at)
    if venue is None and category(c) in ("match", "event") and not any(p.kind == "city" for p in pool):
        venue = ground_named(doc, c.sentence, summary)
    if venue is None and not online and not any(p.kind in ("city", "state", "region") for p in pool):
        venue = favourite_venue(doc)
    anchor = c.timex.start if c.timex is not None and c.sentence.start <= c.timex.start < c.sentence.end else None
    city = first_place(pool, "city", anchor=anchor, text=doc.text)
    region = first_place(pool, "state", "region", anchor=anchor, text=doc.text)
    country = first_place(pool, "country")
    if city is None and venue is not None:
        named_city = places.city_in_name(venue.name)
        if named_city is not None and (country is None or country.country == named_city.country):
            city = named_city
    visit_country = None
    if category(c) == "visit":
        target = titles.destination(c.sentence.text, c.trigger, [p.name for p in pool if p.kind != "venue"])
        chosen = next((p for p in pool if p.name == target), None)
        if chosen is not None and chosen.kind == "country":
            visit_country = country = chosen
            city = city if city is not None and city.country == chosen.country else None
            region = region if region is not None and region.country == chosen.country else None
        elif chosen is not None and chosen.kind == "city":
            city = chosen
    if city is None and region is None and country is None and not online and category(c) not in ("match", "visit"):
        first_word = re.match(r"[A-Z][\w'’-]+", summary)
        named_city = places.city_in_name(first_word.group(0), 200_000) if first_word else None
        if named_city is not None:
            city = named_city  # "Bengaluru Marathon", "Edinburgh Festival": the town it is named after
    if city is None and dateline and venue is None:
        dl_city = next((p for p in dateline if p.kind == "city"), None)
        if dl_city and (country is None or dl_city.country == country.country) and \
                (region is None or dl_city.country == region.country):
            city = dl_city
    parts: list[str] = []
    if venue:
        parts.append(venue.name)
    if city:
        parts.append(city.name)
    if region and (not city or region.name not in parts):
        parts.append(region.name)
    country_code = (city.country if city else None) or (region.country if region else None) or \
        (country.country if country else None)
    if visit_country is not None:
        country_code = visit_country.country
    country_label = places.country_name(country_code) if country_code else None
    if country_label and country_label not in parts and (city or region or country):
        parts.append(country_label)
    location: str | None
    if moved_to is not None:
        # A venue change is told by the new venue alone, so that it reads as a new place next to
        # the old "Civic Hall, Leeds, United Kingdom" (the town stays in the zone).
        zone_of = next((p.zone for p in (city, region, country) if p is not None and p.zone), None)
        return moved_to.name, zone_of or places.country_zone(country_code)
    if category(c) in NATIONAL and country_label and NATIONWIDE.search(summary):
        return country_label, places.country_zone(country_code) or next(
            (p.zone for p in (city, region, country) if p is not None and p.zone), None)
    if online and not (venue and venue in pool):
        location = online
    else:
        location = ", ".join(dict.fromkeys(parts)) if parts else None
    if location is None and category(c) in ("holiday", "strike", "election", "closure"):
        state = places.state_in_host(doc.announcement.url)
        code = dominant_country(doc)
        if state is not None and code in (None, "US"):
            location, country_code = f"{state.name}, United States", "US"
            if state.zone:
                return location, state.zone
        else:
            location = places.country_name(code) if code else None
            country_code = country_code or code
    elif location is not None and venue is not None and not (city or region or country) and location != online:
        code = dominant_country(doc)  # "Uhuru Gardens" in a document about Kenya: "Uhuru Gardens, Kenya"
        label = places.country_name(code) if code else None
        if label and label not in location:
            location = f"{location}, {label}"
            country_code = code
    zone = None
    for place in (city, region, country):
        if place is not None and place.zone:
            zone = place.zone
            break
    if zone is None and country_code:
        zone = places.country_zone(country_code)
    return location, zone


NATIONAL = {"holiday", "strike", "election"}
NATIONWIDE = re.compile(r"(?i)\b(?:federal|general|national|nationwide|presidential|parliamentary)\b")


VENUE_FROM = re.compile(r"\bfrom\s{1,3}(?:the\s{1,3})?$", re.I)
VENUE_TO = re.compile(r"\b(?:to|into)\s{1,3}(?:the\s{1,3})?$", re.I)
VENUE_AT = re.compile(r"\b(?:at|in|inside)\s{1,3}(?:the\s{1,3})?$", re.I)


NEW_VENUE = re.compile(r"\b(?:moved|switched|relocated|transferred|shifted|changed|moving|switching|relocating)\b"
                       r"[^.;]{0,60}?\b(?:to|into)\s{1,3}(?:the\s{1,3})?((?:[A-Z][\w'’.&-]*)(?:\s{1,2}(?:[A-Z][\w'’.&-]*|"
                       r"of|de|and|the)){0,5})")


AT_GROUND = re.compile(r"\bat\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})(?![\w'’-])")


def ground_named(doc: Document, sentence: Sentence, summary: str) -> places.Place | None:
    """"the match between Tusker and Bandari at Kasarani", "The Southern Cross Cup will be run at
    Flemington": a ground the gazetteer does not know, after the sides or a race's name, is where
    it is held."""
    sides = titles.match_sides(sentence.text)
    if len(sides) != 2 and not titles.EVENT_NAME_HEAD.search(summary):
        return None
    for found in AT_GROUND.finditer(sentence.text):
        name = titles.strip_run(found.group(1))
        if not name or name in sides or titles.dated(name.split()[0]) or titles.PERSON.match(name) \
                or titles.CLOCK_WORDS.fullmatch(name) or name in titles.STOP_RUN_WORDS:
            continue
        start = sentence.start + found.start(1)
        return places.Place(start, start + len(name), name, "venue", locative=True)
    return None


def is_team(doc: Document, place: places.Place) -> bool:
    """"Harlequins v Bath": a club named after its town is a side, not where the match is."""
    line_start = doc.text.rfind("\n", 0, place.start) + 1
    line_end = doc.text.find("\n", place.end)
    sides = titles.match_sides(doc.text[line_start:line_end if line_end >= 0 else len(doc.text)])
    return place.name in sides or any(side.startswith(f"{place.name} ") for side in sides)


# "Secondary teachers across the province will strike": the province the document names.
WHOLE_UNIT = re.compile(r"(?i)\b(?:across|throughout|in|around|all\s+over)\s+the\s+(province|state|region|county)\b")
UNIT_KINDS = {"province": ("region",), "state": ("state", "region"), "region": ("region",), "county": ("region",)}


def stray_town(doc: Document, place: places.Place) -> bool:
    """"Hyde Park", "Whitehall" on a British site: a small town abroad that shares a local name,
    in a country the document never names."""
    if place.kind != "city" or doc.url_country is None or place.country in (None, doc.url_country) \
            or place.population >= STRAY_TOWN_SIZE:
        return False
    return place.country not in {p.country for p in document_places(doc) if p.kind == "country"}


STRAY_TOWN_SIZE = 200_000


def moved_to_venue(doc: Document, c: Candidate) -> places.Place | None:
    """"has been moved to the Royal Armouries in Leeds": the new venue of a moved happening, named
    after "to" even when its name does not end like a venue's."""
    if c.status != "rescheduled":
        return None
    match = NEW_VENUE.search(c.sentence.text)
    if match is None:
        return None
    name = titles.strip_run(match.group(1))
    if not name or name.split()[0].lower() in titles.DATE_WORDS or re.match(r"\d", name):
        return None
    start = c.sentence.start + match.start(1) + match.group(1).find(name)
    found = [p for p in sentence_places(doc, c.sentence)
             if p.start <= start < p.end or start <= p.start < start + len(name)]
    if any(p.kind != "venue" for p in found):
        return None  # "moved to Leeds": a town, which the places below give
    if found:
        return found[0]
    return places.Place(start, start + len(name), name, "venue")


def pick_venue(doc: Document, pool: list[places.Place], anchor: int | None = None) -> places.Place | None:
    """The venue of the happening: a venue moved to ("moved from X to the Y Arena") rather than
    the one left, one named after "at" rather than a name that merely ends like a venue, and of
    several, the one nearest the date ("play the Olympia on 12 November and the Ulster Hall on 14")."""
    venues = [p for p in pool if p.kind == "venue"]
    if len(venues) < 2:
        return venues[0] if venues else None
    if anchor is not None and not any(VENUE_FROM.search(doc.text[max(0, p.start - 12):p.start]) for p in venues):
        def between(place: places.Place) -> str:
            return doc.text[place.end:anchor] if place.end <= anchor else doc.text[anchor:place.start]
        near = [p for p in venues if not CLAUSE_SPLIT.search(between(p)) and " and " not in between(p)
                and not re.search(r"[a-z]{3}[.!?]\s", between(p))]
        if len(near) < len(venues) and near:
            return min(near, key=lambda p: len(between(p)))

    def rank(place: places.Place) -> int:
        before = doc.text[max(0, place.start - 12):place.start]
        if VENUE_FROM.search(before):
            return 3
        if VENUE_TO.search(before):
            return 0
        if VENUE_AT.search(before):
            return 1
        return 2

    return min(venues, key=rank)


def first_place(pool: list[places.Place], *kinds: str, anchor: int | None = None,
                text: str = "") -> places.Place | None:
    """The first place of these kinds, preferring one named after a locative word ("in", "to");
    with an anchor (the date), one in the date's own clause ("travel to Nairobi on Thursday ...,
    before proceeding to Addis Ababa for the summit on October 17": Addis Ababa for the 17th)."""
    matching = [p for p in pool if p.kind in kinds]
    located = [p for p in matching if p.locative]
    chosen = located or matching
    if anchor is not None and len(chosen) > 1:
        same_clause = [p for p in chosen if not CLAUSE_SPLIT.search(text[min(p.end, anchor):max(p.start, anchor)])]
        if same_clause:
            chosen = same_clause
    return chosen[0] if chosen else None


CLAUSE_SPLIT = re.compile(r",\s{1,3}(?:before|then|and\s+then|while|after|with|where|followed\s+by|"
                          r"and\s+(?:those|then))\b|"
                          r";\s|\s[—–]\s")


SPEAKER_AFTER = re.compile(r"\s{1,3}(?:has\s+|have\s+)?(?:said|says|announced|confirmed|told|stated)\b")


def is_speaker(doc: Document, place: places.Place) -> bool:
    """"..., State House said": a seat of office that speaks is not where the happening is."""
    return place.kind == "venue" and bool(SPEAKER_AFTER.match(doc.text, place.end))


def is_dateline_place(doc: Document, place: places.Place) -> bool:
    """A place in the opening dateline ("WASHINGTON:") says where the story was filed."""
    if place.start > 60:
        return False
    after = doc.text[place.end:place.end + 4]
    return bool(re.match(r"\s*(?::|—|–|-{1,2}\s|,\s*[A-Z][a-z]{1,4}\.?[,\s(])", after)) and \
        not doc.text[:place.start].strip(" *#\n")


def favourite_venue(doc: Document) -> places.Place | None:
    """The venue a document names most often (at least twice)."""
    counts: dict[str, int] = {}
    first: dict[str, places.Place] = {}
    for place in document_places(doc):
        if place.kind == "venue":
            key = next((name for name in first if place.name.startswith(name) or name.startswith(place.name)),
                       place.name)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, place)
    if not counts:
        return None
    name, count = max(counts.items(), key=lambda item: item[1])
    return first[name] if count >= 2 else None


def dominant_country(doc: Document) -> str | None:
    """The country a document is about: the one its places point to most, else its address
    (worked out once per document)."""
    if doc.country is None:
        doc.country = (find_dominant_country(doc),)
    return doc.country[0]


def find_dominant_country(doc: Document) -> str | None:
    counts: dict[str, float] = {}
    for place in document_places(doc):
        if place.country and place.kind != "venue":
            counts[place.country] = counts.get(place.country, 0) + 1
    for code, count in places.demonym_countries(doc.text).items():
        counts[code] = counts.get(code, 0) + count
    if counts and doc.url_country:
        counts[doc.url_country] = counts.get(doc.url_country, 0) + 1.5  # the outlet's country breaks a tie
    if counts:
        return max(counts.items(), key=lambda item: item[1])[0]
    if doc.url_country:
        return doc.url_country
    return places.country_in_host(doc.announcement.url)


def dateline_places(doc: Document) -> list[places.Place]:
    """Places in the first line when it is a dateline ("NEW DELHI:", "IRVINE, Calif. (June 10)")."""
    key = -1
    if key in doc.place_cache:
        return doc.place_cache[key]
    head = doc.text[:160]
    found: list[places.Place] = []
    match = DATELINE.match(head)
    if match:
        segment = head[: match.end() + 20]
        titled = re.sub(r"\b([A-Z])([A-Z]+)\b", lambda m: m.group(1) + m.group(2).lower(), segment)
        found = places.find_places(titled)
        found = [p for p in found if p.kind in ("city", "state", "country", "region")]
    doc.place_cache[key] = found
    return found


def document_zone(doc: Document) -> str | None:
    """The zone for times the text gives without one: dateline place, source zone, source country."""
    for place in dateline_places(doc):
        if place.zone:
            return place.zone
    if doc.announcement.timezone:
        return doc.announcement.timezone
    zone = places.country_zone(doc.url_country)
    if zone:
        return zone
    for sentence in doc.sentences[:12]:
        for place in sentence_places(doc, sentence):
            if place.kind in ("city", "state") and place.zone:
                return place.zone
    return None


@lru_cache(maxsize=512)
def zone_info(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    offset = re.fullmatch(r"UTC([+-])(\d\d):(\d\d)", name)
    if offset:
        delta = dt.timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3)))
        return dt.timezone(delta if offset.group(1) == "+" else -delta)
    if name == "UTC":
        return dt.UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# Mentions


def build_mentions(doc: Document, timexes: list[Timex]) -> list[Mention]:
    mentions: list[Mention] = []
    for timex in timexes:
        used, reason = doc.fates.get(id(timex), (False, "not an event"))
        for start, end, value in timex.parts or [(timex.start, timex.end, timex.value)]:
            begin, finish, said = doc.span(start, end)
            mentions.append(Mention(start=begin, end=finish, text=said, value=value, used=used,
                                    reason=None if used else reason))
    return mentions
