"""Date and time expressions: find them in text and resolve them against a reference date.

The grammar is a handful of bounded regular expressions (every repetition has a small upper
limit, so a hostile 5 MB text is scanned in linear time) that find *primitive* expressions
(a day-level date or date range, a month, a year, a weekday, a relative word, a clock time),
then a second pass glues neighbours together ("Tuesday" + "at 10 am", "today" + "to Thursday").
Resolution needs the reference date (the publication day) and, for words such as "Friday" or
"in July", the direction the sentence looks in; the caller passes that as `tense_at(offset)`.

Values follow TIMEX3: "2025-12-04", "2025-12", "2025", "2025-W48", "2025-Q1", "2025-SU",
"2025-12-04T10:00", "PRESENT_REF", "PAST_REF", "FUTURE_REF".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from publisher.detect.wordscan import lowered, trie_pattern

TenseAt = Callable[[int], int]

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS: dict[str, int] = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3,
    "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6,
    "sunday": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "few": 3, "several": 3, "couple": 2,
}
ORDINAL_WORDS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                                 "3rd": 3, "4th": 4}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Zone words and abbreviations -> IANA zone (or a fixed "UTC+hh:mm" offset).
ZONE_ABBREVIATIONS: dict[str, str] = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "AST": "America/Halifax", "ADT": "America/Halifax", "NST": "America/St_Johns",
    "GMT": "UTC", "UTC": "UTC", "Z": "UTC", "BST": "Europe/London", "IST": "Asia/Kolkata",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "MSK": "Europe/Moscow", "SAST": "Africa/Johannesburg",
    "WAT": "Africa/Lagos", "CAT": "Africa/Maputo", "EAT": "Africa/Nairobi", "PKT": "Asia/Karachi",
    "GST": "Asia/Dubai", "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta", "PHT": "Asia/Manila",
    "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AEST": "Australia/Brisbane", "AEDT": "Australia/Sydney", "ACST": "Australia/Darwin",
    "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth", "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
}
ZONE_NAMES: dict[str, str] = {
    "eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
    "pacific": "America/Los_Angeles", "atlantic": "America/Halifax", "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu", "british": "Europe/London", "irish": "Europe/Dublin",
    "greenwich mean": "UTC", "universal": "UTC", "coordinated universal": "UTC",
    "central european": "Europe/Paris", "eastern european": "Europe/Athens",
    "western european": "Europe/Lisbon", "indian": "Asia/Kolkata", "india": "Asia/Kolkata",
    "japan": "Asia/Tokyo", "korea": "Asia/Seoul", "korean": "Asia/Seoul", "china": "Asia/Shanghai",
    "beijing": "Asia/Shanghai", "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong",
    "australian eastern": "Australia/Sydney", "moscow": "Europe/Moscow",
    "south africa": "Africa/Johannesburg", "south african": "Africa/Johannesburg",
    "gulf": "Asia/Dubai", "arabia": "Asia/Riyadh", "west africa": "Africa/Lagos",
    "east africa": "Africa/Nairobi", "spanish peninsular": "Europe/Madrid", "peninsular": "Europe/Madrid",
    "pakistan": "Asia/Karachi", "new zealand": "Pacific/Auckland",
}

_SP = r"\s{1,3}"
_SP0 = r"\s{0,3}"


def _month_alternation() -> str:
    """Month names, full and short, in Title and UPPER case ("may" the verb is never Title-less)."""
    forms = ["Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?", "July?",
             "Aug(?:ust)?", "Sep(?:t(?:ember)?)?", "Oct(?:ober)?", "Nov(?:ember)?", "Dec(?:ember)?"]
    upper = ["JAN(?:UARY)?", "FEB(?:RUARY)?", "MAR(?:CH)?", "APR(?:IL)?", "MAY", "JUNE?", "JULY?",
             "AUG(?:UST)?", "SEP(?:T(?:EMBER)?)?", "OCT(?:OBER)?", "NOV(?:EMBER)?", "DEC(?:EMBER)?"]
    return "(?:" + "|".join(forms + upper) + r")(?![A-Za-z])\.?"


_M = _month_alternation()
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?!\.\d)(?![A-Za-z])(?!\s?[ap]\.?m\b)(?!\s?[ap]\.m\.)"
_Y = r"(?:1[89]\d\d|20\d\d)(?![\d])"
_WD_FULL = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY)"
            r"(?![A-Za-z])")
_WD = rf"(?:{_WD_FULL}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:\.|(?=,)|(?=\s{{1,2}}\d)))"
_WDP = rf"(?:{_WD},?{_SP}(?:the{_SP})?)"
_LIST = rf"(?:{_SP0},{_SP0}(?:and{_SP})?|{_SP}(?:and|&){_SP})"
_RSEP = rf"(?:{_SP0}[-–—]{_SP0}|{_SP}(?:to|through|thru|until|till){_SP})"

_MDY = (rf"(?:{_WDP})?{_M}{_SP0}{_D}(?:{_LIST}{_D}){{0,8}}(?:,?{_SP}{_Y})?"
        rf"(?:{_RSEP}(?:{_WDP})?(?:{_M}{_SP0})?{_D}(?:,?{_SP}{_Y})?)?")
_DMY = (rf"(?:{_WDP})?(?:the{_SP})?{_D}(?:{_LIST}(?:{_WDP})?{_D}){{0,8}}(?:{_RSEP}(?:{_WDP})?{_D})?{_SP0}"
        rf"(?:of{_SP})?{_M}"
        rf"(?:,?{_SP0}{_Y})?(?:{_RSEP}(?:{_WDP})?{_D}{_SP0}(?:of{_SP})?{_M}(?:,?{_SP0}{_Y})?)?")
_ISO = r"(?<![\d.-])(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d])"
_NUM = (r"(?<![\d/.-])(?:(?:\d{1,2})(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})"
        r"|(?:1[89]|20)\d\d/\d{1,2}/\d{1,2})(?![\d/]|[.-]\d)")
_NUM_MONTH = r"(?<![\d/.-])(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])"
# "will be mentioned on the 20th": a day of the month alone, the next one (or the last, told in the past).
_ORD_DAY = (r"(?<=\bon\s)the\s(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![\w-])(?!\s+(?:of\b|century|centuries|"
            r"anniversary|birthday|floor|minute|edition|round|place|percentile|amendment|annual|straight|"
            r"consecutive|time|day|hole|lap|over|inning|ballot|[A-Z]))")
# "Fri 13/11", "Saturday 05/12": a day and month without a year, which the weekday places.
_WD_NUM = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:[a-z]*day)?\.?,?\s{1,2}\d{1,2}/\d{1,2}(?![\d/])"
_MONTH_X = (rf"(?:(?:(?:early|mid|late|end|the{_SP}(?:end|beginning|start|middle){_SP}of)[\s-]{{1,3}})?"
            rf"(?:(?:last|next|this|coming|past){_SP})?{_M}(?:{_SP0}[-–/]{_SP0}{_M})?(?:,?{_SP0}{_Y})?)")
_YEAR_X = (rf"(?:(?:fiscal(?:{_SP}year)?{_SP0}|FY{_SP0})?(?<![\d$£€#.,/:-])(?:1[5-9]\d\d|20\d\d)"
           rf"(?:[-–/](?:\d\d|(?:1[5-9]|20)\d\d)(?!\d))?(?![\d%-]|[.,:]\d))")
_DECADE = r"(?:(?:the|The)\s{1,3})?(?:(?:1[5-9]|20)\d0s|['’]\d0s)(?![A-Za-z])"
_CENTURY = (r"(?:(?:the|The)\s{1,3})?(?:1\d|2[01])(?:st|nd|rd|th)[\s-]{1,3}[Cc]entury")
_WEEKDAY_X = (rf"(?:(?:(?:this|next|last|coming|past|This|Next|Last){_SP})?{_WD_FULL}(?:'s|’s)?"
              rf"(?:{_SP}(?:morning|afternoon|evening|night))?"
              rf"(?:{_SP}(?:next|last|this){_SP}week|{_SP}week)?"
              rf"(?:{_SP0}\({_SP0}(?:{_D}|{_WD_FULL}){_SP0}\))?)")
_NUMW = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|\d{1,3})"
_REL = (
    r"(?i:"
    rf"(?:the{_SP}day{_SP}(?:after{_SP}tomorrow|before{_SP}yesterday))"
    rf"|(?:(?:today|tonight|tomorrow|yesterday)(?:['’]s)?(?![\w'’])(?:{_SP}(?:morning|afternoon|evening|night))?"
    rf"(?:{_SP0}\({_SP0}(?:{_D}|{_WD_FULL}){_SP0}\))?)"
    rf"|(?:this{_SP}(?:morning|afternoon|evening))"
    rf"|(?:(?:(?:earlier|later|early|late){_SP}(?:in{_SP})?|(?:the{_SP})?(?:end|beginning|start|middle){_SP}of{_SP})?"
    rf"(?:this|next|last|the{_SP}(?:past|last|previous|coming|next|current|same|following)|past|coming|current|"
    rf"previous|following)"
    rf"{_SP}(?:fiscal{_SP})?(?:week(?:end)?|month|year|quarter|spring|summer|autumn|fall|winter|decade|century))"
    rf"|(?:{_NUMW}(?:{_SP}|-)(?:days?|weeks?|months?|years?|decades?){_SP}(?:ago|earlier|later|from{_SP}now|hence))"
    rf"|(?:(?:at|for){_SP}(?:the{_SP})?(?:present|moment)|at{_SP}the{_SP}time|(?:in{_SP})?the{_SP}(?:past|future)"
    rf"|nowadays|currently|presently|recently|now)"
    r")(?![\w'’])"
)
_SEASON = (rf"(?:(?:(?:this|next|last|early|late|the){_SP}|(?:early|late|mid)-)(?:spring|summer|autumn|fall|winter)"
           rf"(?:{_SP}(?:of{_SP})?{_Y})?|(?:Spring|Summer|Autumn|Fall|Winter|spring|summer|autumn|winter){_SP}"
           rf"(?:of{_SP})?{_Y})")
_QUARTER = (rf"(?:(?:the{_SP})?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
            rf"(?:{_SP}(?:fiscal|calendar))?{_SP}(?:quarter(?:{_SP}of{_SP}(?:fiscal{_SP})?{_Y})?"
            rf"|half{_SP}of{_SP}(?:(?:fiscal{_SP})?{_Y}|(?:the|this|next|last){_SP}year))"
            rf"|(?<![A-Za-z])Q[1-4]{_SP0}(?:FY)?['’]?(?:\d{{4}}|\d\d)(?!\d)"
            rf"|(?<![A-Za-z])(?:H[12]|Q[1-4])(?![A-Za-z\d]))")

_H12 = r"(?:1[0-2]|0?[1-9])"
_MIN = r"(?:[:.][0-5]\d)"
_AMPM = r"(?:[AaPp]\.?\s?[Mm]\.?)(?![A-Za-z])"
_T12 = rf"(?:{_H12}{_MIN}?{_SP0}{_AMPM})"
_T24 = (r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])(?:\s?(?:hrs|hours|h)\b)?|(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs|hours)\b"
        r"|(?:[01]?\d|2[0-3])[hH][0-5]\d(?![\w:]))")  # "15h00", as written in French and southern Africa
_NOON = rf"(?:(?:12{_SP0})?(?:noon|midday|midnight)(?![A-Za-z]))"
_TPOINT = rf"(?:{_T12}|{_T24}|{_NOON})"
_TRANGE = (rf"(?:(?:{_H12}{_MIN}?(?:{_SP0}{_AMPM})?|{_T24}|{_NOON}){_SP0}(?:-|–|—|to|until|till|and){_SP0}{_TPOINT})")
_ZONE_ABBR = "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True)).replace("|Z", "")
_ZONE_WORD = "|".join(sorted((re.escape(k) for k in ZONE_NAMES), key=len, reverse=True))
_ZONE = (rf"(?:\(?(?:(?:UTC|GMT){_SP0}[+−-]{_SP0}\d{{1,2}}(?::?\d\d)?"
         rf"|(?:{_ZONE_ABBR})(?![A-Za-z])"
         rf"|(?i:(?:{_ZONE_WORD}))(?:{_SP}(?:[Ss]tandard|[Dd]aylight|[Ss]ummer))?(?:{_SP}[Tt]ime)?(?![A-Za-z])"
         rf"|local{_SP}time)\)?(?:{_SP0}\((?:{_ZONE_ABBR})\))?)")
_TIME = rf"(?:(?:{_TRANGE}|{_TPOINT})(?:{_SP0}{_ZONE})?)"

PRIMITIVE_PARTS: list[tuple[str, str]] = [
    ("iso", _ISO), ("num", _NUM), ("nummonth", _NUM_MONTH), ("wdnum", _WD_NUM), ("mdy", _MDY), ("dmy", _DMY),
    ("ordday", _ORD_DAY), ("time", _TIME),
    ("quarter", _QUARTER), ("season", _SEASON), ("century", _CENTURY), ("decade", _DECADE), ("month", _MONTH_X),
    ("year", _YEAR_X), ("weekday", _WEEKDAY_X), ("rel", _REL),
]
PRIMITIVE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in PRIMITIVE_PARTS))
TOKEN = re.compile(r"[A-Za-z]+|\d+|[-–—&,()/:.']")
YEAR_NOUNS = re.compile(
    r"\s{1,3}(?:people|persons|residents|members|workers|jobs|troops|soldiers|km|kilometres|kilometers|miles|"
    r"metres|meters|feet|ft|votes|tons|tonnes|units|times|cases|deaths|students|employees|seats|hours|pages|"
    r"words|points|homes|acres|square|cars|vehicles|rooms|passengers|calories|rpm|mph|mg|kg|lb|lbs|yards|"
    r"screens|hotels|stores|shares|copies|pounds|dollars|euros|rupees|naira)\b", re.I)
MONTH_CUE = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|early|mid|late|last|next|this|before|after|during|from|through|"
    r"throughout|end|beginning|start|middle|since|to|and)|-)\s{0,3}$", re.I)
GAP_DATE_TIME = re.compile(r"\s{0,3}(?:,|\s(?:at|from|starting at|beginning at|by|@|around|about|-|–)\s|\s)\s{0,3}"
                           r"|\s{0,3},?\s{1,3}(?:at|from|starting\s+at|beginning\s+at|@)\s{1,3}")
GAP_TIME_DATE = re.compile(r"\s{0,3}(?:,\s{0,3})?(?:on\s{1,3}|this\s{1,3})?")
GAP_RANGE = re.compile(r"\s{0,3}(?:-|–|—|to|through|thru|until|till|and|&)\s{0,3}", re.I)
GENERIC_BEFORE = re.compile(r"\b(?:a|every|each|any|one)\s{1,3}$", re.I)
BEFORE_RANGE = re.compile(r"\b(?:from|between|starting|beginning)\s{1,3}$", re.I)


@dataclass
class Timex:
    """One temporal expression and what it resolves to.

    `kind` is "date" (day level: a day, a range or a list of days, maybe with a clock time), "time"
    (a clock time with no day), or a coarser grain ("month", "year", "week", "quarter", "season",
    "decade", "century", "ref"). `days` holds every start day (a list has several); `last` the last
    day of a range. `parts` are the sub-spans reported as mentions (a range gives two).
    """

    start: int
    end: int
    text: str
    kind: str
    value: str | None
    days: tuple[dt.date, ...] = ()
    last: dt.date | None = None
    time: dt.time | None = None
    end_time: dt.time | None = None
    zone: str | None = None
    explicit_year: bool = False
    relative: bool = False
    vague: bool = False
    granularity: str = "day"
    parts: list[tuple[int, int, str | None]] = field(default_factory=list)
    is_range: bool = False
    is_list: bool = False
    part_of_day: str | None = None

    @property
    def first(self) -> dt.date | None:
        return self.days[0] if self.days else None

    @property
    def final(self) -> dt.date | None:
        """The last day the expression covers."""
        if self.last is not None:
            return self.last
        return self.days[-1] if self.days else None


# ---------------------------------------------------------------------------------------------
# Small calendar helpers


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None for impossible ones (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def nearest_year(month: int, day: int, ref: dt.date, weekday: int | None, direction: int) -> dt.date | None:
    """The year for a day written without one: the stated weekday decides when given, else the
    candidate nearest the reference, leaning the way the sentence looks when it is far off."""
    candidates = [d for d in (safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    if weekday is not None:
        matching = [d for d in candidates if d.weekday() == weekday]
        if matching:
            candidates = matching
    if not candidates:
        return None

    def cost(d: dt.date) -> float:
        delta = (d - ref).days
        penalty = 0.0
        if (direction > 0 and delta < -14) or (direction < 0 and delta > 14):
            penalty = 120.0
        return abs(delta) + penalty

    return min(candidates, key=cost)


def resolve_weekday(weekday: int, ref: dt.date, direction: int, modifier: str | None) -> dt.date:
    """A weekday name as a date: "last"/"next"/"this" modifiers, else the sentence's direction;
    with no direction, the nearer of the previous and the coming one."""
    ahead = (weekday - ref.weekday()) % 7
    behind = (ref.weekday() - weekday) % 7
    if modifier == "next":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7)
        return monday + dt.timedelta(days=weekday)
    if modifier == "last" or modifier == "past":
        return ref - dt.timedelta(days=behind or 7)
    if modifier in ("this", "coming"):
        return ref + dt.timedelta(days=ahead)
    if direction > 0:
        return ref + dt.timedelta(days=ahead)
    if direction < 0:
        return ref - dt.timedelta(days=behind)
    if ahead <= behind:
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=behind)


def closest_day_number(day_number: int, around: dt.date) -> dt.date | None:
    """The date with this day of month nearest to `around` (for "tomorrow (17)")."""
    best: dt.date | None = None
    for delta in (0, -1, 1):
        year, month = add_months(around.year, around.month, delta)
        candidate = safe_date(year, month, day_number)
        if candidate and (best is None or abs((candidate - around).days) < abs((best - around).days)):
            best = candidate
    return best


def year_value(year: int) -> str:
    return f"{year:04d}"


def day_value(day: dt.date) -> str:
    return day.isoformat()


def time_value(day: dt.date | None, moment: dt.time) -> str:
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return f"{prefix}T{moment.hour:02d}:{moment.minute:02d}"


# ---------------------------------------------------------------------------------------------
# Parsing primitives


def parse_zone(text: str) -> str | None:
    """A zone written after a time as an IANA name or a fixed "UTC+hh:mm" offset."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    if not text:
        return None
    offset = re.match(r"(?:UTC|GMT)\s{0,3}([+−-])\s{0,3}(\d{1,2})(?::?(\d\d))?", text)
    if offset:
        sign = "-" if offset.group(1) in "-−" else "+"
        hours, minutes = int(offset.group(2)), int(offset.group(3) or 0)
        if hours > 14:
            return None
        return f"UTC{sign}{hours:02d}:{minutes:02d}"
    abbr = re.match(r"[A-Z]{1,5}\b", text)
    if abbr and abbr.group(0) in ZONE_ABBREVIATIONS:
        return ZONE_ABBREVIATIONS[abbr.group(0)]
    lowered = re.sub(r"\s+", " ", text.lower())
    lowered = re.sub(r"\b(?:standard|daylight|summer|time)\b", "", lowered).strip()
    lowered = re.sub(r"\s*\([a-z]+\)$", "", lowered).strip()
    if lowered in ZONE_NAMES:
        return ZONE_NAMES[lowered]
    return None


TIME_PART = re.compile(
    rf"(?P<h>\d{{1,2}})(?:[:.h](?P<m>[0-5]\d))?(?:{_SP0}(?P<ap>{_AMPM}))?|(?P<word>noon|midday|midnight)",
    re.I)


def parse_clock(text: str) -> tuple[dt.time | None, dt.time | None, str | None]:
    """(start, end, zone) of a clock expression such as "12-1 p.m. ET" or "17:30"."""
    zone_match = re.search(rf"{_ZONE}\s*$", text)
    zone = parse_zone(zone_match.group(0)) if zone_match and zone_match.group(0).strip() else None
    core = text[: zone_match.start()] if zone_match and zone_match.group(0).strip() else text
    pieces: list[tuple[int, int, str | None]] = []
    for m in TIME_PART.finditer(core):
        if m.group("word"):
            word = m.group("word").lower()
            pieces.append((0 if word == "midnight" else 12, 0, "word"))
            continue
        hour = int(m.group("h"))
        minute = int(m.group("m") or 0)
        ap = m.group("ap")
        marker = None
        if ap:
            marker = "p" if ap.strip().lower().startswith("p") else "a"
        pieces.append((hour, minute, marker))
        if len(pieces) == 2:
            break
    if not pieces:
        return None, None, zone
    if len(pieces) == 2 and pieces[0][2] is None and pieces[1][2] in ("a", "p"):
        # "12-1 p.m.", "10-11am": the first half borrows the marker unless that makes it later.
        h0, m0, _ = pieces[0]
        borrowed = to_24h(h0, pieces[1][2])
        end_hour = to_24h(pieces[1][0], pieces[1][2])
        if borrowed > end_hour and pieces[1][2] == "p":
            borrowed = to_24h(h0, "a")
        pieces[0] = (borrowed, m0, "24")
    times: list[dt.time] = []
    for hour, minute, marker in pieces:
        if marker in ("a", "p"):
            hour = to_24h(hour, marker)
        if not 0 <= hour <= 23:
            return None, None, zone
        times.append(dt.time(hour, minute))
    return times[0], (times[1] if len(times) > 1 else None), zone


def to_24h(hour: int, marker: str | None) -> int:
    if marker == "p" and hour < 12:
        return hour + 12
    if marker == "a" and hour == 12:
        return 0
    return hour


@dataclass
class Side:
    """One side of a day-level expression: day numbers, month, year, weekday and their spans."""

    days: list[tuple[int, int, int]] = field(default_factory=list)  # (day, start, end)
    month: int | None = None
    month_span: tuple[int, int] | None = None
    year: int | None = None
    year_span: tuple[int, int] | None = None
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None


def split_sides(text: str, base: int) -> list[Side]:
    """Read a day-level expression ("Thursday, December 4-5, 2025", "21, 23 and 25 June") into
    one or two sides around the range connector."""
    sides = [Side()]
    tokens = list(TOKEN.finditer(text))
    for index, tok in enumerate(tokens):
        word = tok.group(0)
        lower = word.lower()
        span = (base + tok.start(), base + tok.end())
        side = sides[-1]
        if lower in ("to", "through", "thru", "until", "till", "-", "–", "—"):
            if len(sides) == 1:
                sides.append(Side())
            continue
        if word.isdigit():
            nxt = tokens[index + 1].group(0).lower() if index + 1 < len(tokens) else ""
            if len(word) == 4:
                side.year = int(word)
                side.year_span = span
            elif len(word) <= 2 and 1 <= int(word) <= 31:
                end = span[1] + (len(nxt) if nxt in ("st", "nd", "rd", "th") else 0)
                side.days.append((int(word), span[0], end))
            continue
        if lower in MONTHS and (word[0].isupper()):
            side.month = MONTHS[lower]
            side.month_span = span
        elif lower in WEEKDAYS and word[0].isupper() and side.weekday is None:
            side.weekday = WEEKDAYS[lower]  # the first day's ("Saturday 7 and Sunday 8 November")
            side.weekday_span = span
    return [s for s in sides if s.days or s.month]


# ---------------------------------------------------------------------------------------------
# The scanner


@dataclass
class Context:
    ref: dt.date
    dayfirst: bool
    tense_at: TenseAt


def find_timexes(text: str, ref: dt.date, *, dayfirst: bool = False,
                 tense_at: TenseAt | None = None) -> list[Timex]:
    """Every temporal expression in `text`, resolved against `ref`, neighbours glued together."""
    ctx = Context(ref=ref, dayfirst=dayfirst, tense_at=tense_at or (lambda _offset: 0))
    primitives = [t for t in (interpret(m, text, ctx) for m in scan_primitives(text)) if t is not None]
    glued = combine(primitives, text, ctx)
    if len(glued) < len(primitives):
        glued = combine(glued, text, ctx)  # "7am on Tuesday 14 April" + "to" + "7am on Saturday 18 April"
    return glued


# Words that can open a temporal expression; the big pattern is only tried where one starts,
# which keeps the scan fast (a cheap word tokenizer instead of a 14-way alternation at every
# character).
START_WORDS = frozenset(
    list(MONTHS) + list(WEEKDAYS) + list(NUMBER_WORDS) + list(SEASONS)
    + ["the", "this", "next", "last", "past", "coming", "current", "previous", "following", "early", "mid",
       "late", "end", "earlier", "later", "fiscal", "fy", "today", "tonight", "tomorrow", "yesterday", "now",
       "nowadays", "currently", "presently", "recently", "at", "for", "in", "noon", "midday", "midnight", "q1",
       "q2", "q3", "q4", "h1", "h2", "first", "second", "third", "fourth", "final", "1st", "2nd", "3rd", "4th"]
)
WORD = re.compile(r"\w+")


_UNIT_NEXT = re.compile(r"(?:\s{1,3}|-)(?:days?|weeks?|months?|years?|decades?)\b", re.I)
_PERIOD_NEXT = re.compile(r"\s{1,3}(?:(?:fiscal|calendar)\s{1,3})?(?:quarter|half)\b", re.I)
_THE_NEXT = re.compile(
    r"\s{1,3}(?:\d|(?:end|beginning|start|middle|day|past|last|previous|coming|next|current|same|following|first|"
    r"second|third|fourth|final|1st|2nd|3rd|4th|future|present|moment|time|spring|summer|autumn|fall|winter|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|['’]\d)", re.I)
_AT_NEXT = re.compile(r"\s{1,3}(?:the|present|moment)\b", re.I)
_IN_NEXT = re.compile(r"\s{1,3}the\b", re.I)
GATES: dict[str, re.Pattern[str]] = {
    "the": _THE_NEXT, "at": _AT_NEXT, "for": _AT_NEXT, "in": _IN_NEXT,
    **{word: _UNIT_NEXT for word in NUMBER_WORDS},
    **{word: _PERIOD_NEXT for word in ("first", "second", "third", "fourth", "final")},
}


def _start_scan() -> re.Pattern[str]:
    """Every word that may be one of START_WORDS (past its gate, if it has one) or starts with a
    digit, found whole on the lower-cased text in one scan. A gate is tried there as a
    case-insensitive look-ahead, which passes wherever it passes on the text itself; so this is a
    superset of the words scan_primitives wants, and it checks each one as before."""
    gated: dict[re.Pattern[str], list[str]] = {}
    for word, gate in GATES.items():
        gated.setdefault(gate, []).append(word)
    branches = [f"{trie_pattern(START_WORDS - set(GATES))}(?!\\w)"]
    branches += [f"{trie_pattern(words)}(?=(?i:{gate.pattern}))" for gate, words in gated.items()]
    return re.compile(rf"(?<!\w)(?:{'|'.join(branches)}|[^\W_a-z]\w*)")


START_SCAN = _start_scan()


# Which alternatives of PRIMITIVE can match at a word, by the word (lower-cased): a month name
# can open only "December 4" or "December"; a digit opens neither. Trying only those (in the same
# order, so the same one wins) gives the same match as PRIMITIVE for a fraction of the cost.
_WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_OPENERS: dict[str, set[str]] = {
    "wdnum": set(WEEKDAYS),
    "ordday": {"the"},
    "mdy": {*MONTHS, *WEEKDAYS},
    "dmy": {*WEEKDAYS, "the"},
    "time": {"noon", "midday", "midnight"},
    "quarter": {"the", "first", "second", "third", "fourth", "final", "last", "q1", "q2", "q3", "q4", "h1", "h2"},
    "season": {"this", "next", "last", "early", "late", "the", "mid", *SEASONS},
    "century": {"the"},
    "decade": {"the"},
    "month": {"early", "mid", "late", "end", "the", "last", "next", "this", "coming", "past", *MONTHS},
    "year": {"fiscal", "fy"},
    "weekday": {"this", "next", "last", "coming", "past", *(w for w in WEEKDAYS if w not in _WEEKDAY_ABBREVIATIONS)},
    "rel": {"the", "today", "tonight", "tomorrow", "yesterday", "this", "earlier", "later", "early", "late", "in",
            "end", "next", "last", "past", "coming", "current", "previous", "following", *NUMBER_WORDS, "at", "for",
            "nowadays", "currently", "presently", "recently", "now"},
}
_DIGIT_OPENED = ("iso", "num", "nummonth", "dmy", "time", "quarter", "century", "decade", "year", "rel")


def _alternatives(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in PRIMITIVE_PARTS if name in names))


_BY_DIGIT = _alternatives(_DIGIT_OPENED)
_BY_NAMES: dict[tuple[str, ...], re.Pattern[str]] = {}
_BY_WORD: dict[str, re.Pattern[str]] = {}
for _word in set().union(*_OPENERS.values()):
    _names = tuple(name for name, _ in PRIMITIVE_PARTS if _word in _OPENERS.get(name, ()))
    if _names not in _BY_NAMES:
        _BY_NAMES[_names] = _alternatives(_names)
    _BY_WORD[_word] = _BY_NAMES[_names]


# A number alone (ASCII digits) can open only some of those: one or two digits a day, a month, a
# clock time or a count ("3 weeks ago"); three a count; four a year, an ISO or year-first date,
# or a 24-hour time ("1430 hrs").
_BY_DIGITS = {1: _alternatives(("num", "nummonth", "dmy", "time", "rel")), 3: _alternatives(("rel",)),
              4: _alternatives(("iso", "num", "time", "year"))}
_BY_DIGITS[2] = _BY_DIGITS[1]


def primitive_at(text: str, start: int, token: str, lower: str) -> re.Match[str] | None:
    """PRIMITIVE.match(text, start) for a word `token` starting at `start` (`lower` its lower case)."""
    if token[0].isdigit():
        pattern = _BY_DIGITS.get(len(token)) if token.isascii() and token.isdigit() else None
        return (pattern or _BY_DIGIT).match(text, start)
    pattern = _BY_WORD.get(lower)
    return pattern.match(text, start) if pattern is not None else PRIMITIVE.match(text, start)


def scan_primitives(text: str) -> Iterator[re.Match[str]]:
    """Like PRIMITIVE.finditer(text), but trying the pattern only at word starts that can open a
    temporal expression (a digit, a month or weekday name, a deictic word)."""
    low = lowered(text)
    # START_SCAN's hits are whole words (offsets as in `text`); without `low`, every word.
    words = WORD.finditer(text) if low is None else START_SCAN.finditer(low)
    position = 0
    for word in words:
        start, end = word.span()
        if start < position:
            continue
        token = text[start:end]
        lower = token.lower()
        if not (token[0].isdigit() or lower in START_WORDS):
            continue
        gate = GATES.get(lower)
        if gate is not None and not gate.match(text, end):
            continue  # "the", "a", "in" ... open an expression only before certain words
        if start > 0 and text[start - 1] in "'’" and token[0].isdigit():
            match = PRIMITIVE.match(text, start - 1) or PRIMITIVE.match(text, start)
        else:
            match = primitive_at(text, start, token, lower)
        if match is not None and match.end() > match.start():
            position = match.end()
            yield match


def interpret(match: re.Match[str], text: str, ctx: Context) -> Timex | None:
    """One primitive match as a resolved Timex (None when it turns out not to be a date)."""
    kind = match.lastgroup or ""
    start, end = match.span()
    raw = match.group(0)
    # Trim trailing spaces/dots that the bounded patterns may have swallowed.
    stripped = trim_expression(raw)
    end = start + len(stripped)
    raw = stripped
    handler = HANDLERS.get(kind)
    if handler is None:
        return None
    return handler(raw, start, end, text, ctx)


FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"}


def trim_expression(raw: str) -> str:
    """Drop what the bounded patterns may swallow at the end: spaces, commas, a sentence's full
    stop after a full word ("in May."), an unbalanced closing parenthesis."""
    text = raw.rstrip(" \t\n,")
    if text.endswith(".") and not text.endswith(("a.m.", "p.m.", "A.M.", "P.M.")):
        word = re.search(r"([A-Za-z]+|\d+)\.$", text)
        if word and (word.group(1).isdigit() or word.group(1).lower() in FULL_MONTHS):
            text = text[:-1]
    if text.endswith(")") and text.count("(") < text.count(")"):
        text = text[:-1].rstrip()
    return text


def handle_iso(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    day = safe_date(int(raw[0:4]), int(raw[5:7]), int(raw[8:10]))
    if day is None:
        return None
    return Timex(start, end, raw, "date", day_value(day), days=(day,), explicit_year=True,
                 parts=[(start, end, day_value(day))])


def handle_num(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """Numeric dates: year-first, else day-first or month-first by the source's convention,
    unless a field over 12 settles it."""
    pieces = [int(p) for p in re.split(r"[/.-]", raw)]
    if len(pieces) != 3:
        return None
    if len(raw.split(re.split(r"\d+", raw)[1])[0]) == 4:
        year, month, day = pieces
    else:
        a, b, year = pieces
        if year < 100:
            year += 2000 if year < 70 else 1900
        if a > 12 and b <= 12:
            day, month = a, b
        elif b > 12 and a <= 12:
            month, day = a, b
        elif ctx.dayfirst:
            day, month = a, b
        else:
            month, day = a, b
    if "." in raw and year < 1900:
        return None
    parsed = safe_date(year, month, day)
    if parsed is None:
        return None
    return Timex(start, end, raw, "date", day_value(parsed), days=(parsed,), explicit_year=True,
                 parts=[(start, end, day_value(parsed))])


def handle_weekday_num(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """"Fri 13/11": of day/month and month/day, the reading whose coming date falls on the weekday
    (the source's convention when both do)."""
    weekday = WEEKDAYS.get(re.match(r"[A-Za-z]+", raw).group(0).lower())  # type: ignore[union-attr]
    a, b = (int(p) for p in re.findall(r"\d+", raw)[-2:])
    readings = [(a, b), (b, a)] if ctx.dayfirst else [(b, a), (a, b)]  # (day, month)
    for day, month in readings:
        if month > 12:
            continue
        found = nearest_year(month, day, ctx.ref, weekday, ctx.tense_at(start))
        if found is not None and found.weekday() == weekday:
            return Timex(start, end, raw, "date", day_value(found), days=(found,),
                         parts=[(start, end, day_value(found))])
    return None


def handle_ordinal_day(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """"on the 20th": this month's 20th if it is still ahead, else next month's (told in the past:
    the last one)."""
    number = int(re.search(r"\d+", raw).group(0))  # type: ignore[union-attr]
    ref = ctx.ref
    month_start = ref.replace(day=1)
    if ctx.tense_at(start) < 0:
        found = safe_date(ref.year, ref.month, number)
        if found is None or found > ref:
            previous = month_start - dt.timedelta(days=1)
            found = safe_date(previous.year, previous.month, number)
    else:
        found = safe_date(ref.year, ref.month, number)
        if found is None or found < ref:
            following = (month_start + dt.timedelta(days=32)).replace(day=1)
            found = safe_date(following.year, following.month, number)
    if found is None:
        return None
    return Timex(start, end, raw, "date", day_value(found), days=(found,), relative=True,
                 parts=[(start, end, day_value(found))])


def handle_nummonth(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    month, year = (int(p) for p in raw.split("/"))
    value = f"{year:04d}-{month:02d}"
    return Timex(start, end, raw, "month", value, granularity="month", explicit_year=True, vague=True,
                 parts=[(start, end, value)])


BETWEEN_BEFORE = re.compile(r"\bbetween\s{1,3}(?:the\s{1,3})?$", re.I)


def handle_day_level(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """"December 4", "Thursday, 4 Dec 2025", "Oct. 30 to Nov. 1", "21, 23 and 25 June"."""
    sides = split_sides(raw, start)
    if not sides or not sides[0].days:
        return None
    first, second = sides[0], (sides[1] if len(sides) > 1 else None)
    if second is not None and not second.days:
        second = None
    if second is not None:
        if first.month is None:
            first.month = second.month
        if second.month is None:
            second.month = first.month
    if first.month is None:
        return None
    # Years: the first side borrows the second's ("4-5 December 2025"), and vice versa.
    explicit = first.year is not None or (second is not None and second.year is not None)
    start_day = first.days[0][0]
    if first.year is None and second is not None and second.year is not None and second.month is not None:
        first.year = second.year
        if (first.month, start_day) > (second.month, second.days[0][0]):
            first.year -= 1
    if first.year is not None:
        anchor = safe_date(first.year, first.month, start_day)
    else:
        # The sentence's direction is asked for only here, where a day without a year needs it.
        anchor = nearest_year(first.month, start_day, ctx.ref, first.weekday, ctx.tense_at(start))
    if anchor is None:
        return None
    year = anchor.year
    days: list[dt.date] = []
    parts: list[tuple[int, int, str | None]] = []
    for number, s, e in first.days:
        day = safe_date(year, first.month, number)
        if day is None:
            return None
        days.append(day)
        parts.append((s, e, day_value(day)))
    last: dt.date | None = None
    if second is not None and second.month is not None:
        second_year = second.year if second.year is not None else year
        last = safe_date(second_year, second.month, second.days[-1][0])
        if last is not None and last < days[0] and second.year is None:
            last = safe_date(second_year + 1, second.month, second.days[-1][0])
        if last is None or last < days[0] or (last - days[0]).days > 800:
            return None
        s, e = second.days[-1][1], second.days[-1][2]
        parts.append((s, e, day_value(last)))
    # Widen each part to include its month/year/weekday words for readable mentions.
    parts = widen_parts(parts, first, second, start, end)
    if len(days) == 2 and last is None and BETWEEN_BEFORE.search(text[max(0, start - 12):start]):
        last = days[1]  # "between 26 and 29 March": a span, not two days
        days = days[:1]
    value = day_value(days[0])
    timex = Timex(start, end, raw, "date", value, days=tuple(days), last=last, explicit_year=explicit,
                  parts=parts, is_range=last is not None, is_list=len(days) > 1)
    return timex


def widen_parts(parts: list[tuple[int, int, str | None]], first: Side, second: Side | None,
                start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Report a range as "December 4" + "5" and a plain date as the whole expression."""
    if len(parts) == 1:
        return [(start, end, parts[0][2])]
    spans: list[tuple[int, int, str | None]] = []
    extra_first = [x for x in (first.month_span, first.weekday_span, first.year_span) if x]
    for index, (s, e, value) in enumerate(parts):
        if index == 0:
            s = min([s] + [x[0] for x in extra_first])
            e2 = e if second is None or len(parts) > 2 else max([e] + [x[1] for x in extra_first if x[0] < parts[1][0]])
            spans.append((s, e2, value))
        elif second is not None and index == len(parts) - 1:
            extra = [x for x in (second.month_span, second.weekday_span, second.year_span) if x]
            s2 = min([s] + [x[0] for x in extra if x[0] > parts[index - 1][1]])
            e2 = max([e] + [x[1] for x in extra])
            spans.append((s2, e2, value))
        else:
            spans.append((s, e, value))
    return spans


def handle_time(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    begin, finish, zone = parse_clock(raw)
    if begin is None:
        return None
    value = time_value(None, begin)
    return Timex(start, end, raw, "time", value, time=begin, end_time=finish, zone=zone, granularity="time",
                 parts=[(start, end, value)])


def handle_month(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """"July", "June 2021", "early December", "last July", "July-August 2019"."""
    words = [t.group(0) for t in TOKEN.finditer(raw)]
    months = [MONTHS[w.lower()] for w in words if w.lower() in MONTHS and w[0].isupper()]
    if not months:
        return None
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    lowered = [w.lower() for w in words]
    modifier = next((w for w in lowered if w in ("last", "next", "this", "coming", "past")), None)
    first_word = words[0]
    month_word = next(w for w in words if w.lower() in MONTHS)
    if not years and modifier is None and len(months) == 1:
        before = text[max(0, start - 20):start]
        # "May" (and short forms) standing alone are words, not months, unless a cue says otherwise.
        if (month_word.lower() in ("may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb",
                                   "apr", "sept") or month_word.upper() == month_word) and not MONTH_CUE.search(before):
            return None
        if month_word == first_word and not MONTH_CUE.search(before) and start > 0 \
                and sentence_start(text, start) and month_word.lower() in ("march", "may"):
            return None  # "March organisers said ..." at a sentence start: only a month with a cue.
    month = months[0]
    ref = ctx.ref
    if years:
        year = years[-1]
        if len(months) > 1 and months[0] > months[-1]:
            year -= 1
    elif modifier in ("last", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif modifier in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif modifier == "this":
        year = ref.year
    elif (direction := ctx.tense_at(start)) < 0:  # asked for only when nothing else decides
        year = ref.year if month <= ref.month else ref.year - 1
    elif direction > 0:
        year = ref.year if month >= ref.month else ref.year + 1
    else:
        year = ref.year
        if month - ref.month > 6:
            year -= 1
        elif ref.month - month > 6:
            year += 1
    value = f"{year:04d}-{month:02d}"
    return Timex(start, end, raw, "month", value, granularity="month", explicit_year=bool(years), vague=True,
                 parts=[(start, end, value)])


def sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3):offset]
    return not before.strip() or before.rstrip()[-1:] in ".!?\n\"“"


def handle_year(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """A bare year ("in 2021", "fiscal 2021", "2009-2010") unless it is a count ("2000 people")."""
    after = text[end:end + 16]
    if YEAR_NOUNS.match(after):
        return None
    before = text[max(0, start - 2):start]
    if before.endswith(("No", "No.", "#")):
        return None
    digits = re.findall(r"\d+", raw)
    year = int(digits[0])
    parts: list[tuple[int, int, str | None]] = []
    pos = raw.find(digits[0])
    parts.append((start + pos, start + pos + len(digits[0]), year_value(year)))
    if len(digits) > 1:
        tail = digits[1]
        tail_pos = raw.find(tail, pos + len(digits[0]))
        second = int(tail) if len(tail) == 4 else (year // 100) * 100 + int(tail)
        if second <= year:
            return Timex(start + pos, start + pos + len(digits[0]), digits[0], "year", year_value(year),
                         granularity="year", explicit_year=True, vague=True, parts=parts[:1])
        parts.append((start + tail_pos, start + tail_pos + len(tail), year_value(second)))
    return Timex(start, end, raw, "year", year_value(year), granularity="year", explicit_year=True, vague=True,
                 parts=parts)


def handle_decade(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    digits = re.search(r"\d+", raw)
    if not digits:
        return None
    number = digits.group(0)
    value = number[:3] if len(number) == 4 else ("19" + number[0])
    return Timex(start, end, raw, "decade", value, granularity="decade", vague=True, parts=[(start, end, value)])


def handle_century(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    number = int(re.search(r"\d+", raw).group(0))  # type: ignore[union-attr]
    value = f"{number - 1:02d}"
    return Timex(start, end, raw, "century", value, granularity="century", vague=True,
                 parts=[(start, end, value)])


def handle_weekday(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """"Friday", "this Friday", "next Tuesday", "Saturday’s", "Monday next week", "Thursday (19)"."""
    if GENERIC_BEFORE.search(text[max(0, start - 8):start]):
        return None  # "falls on a Sunday", "every Friday": no particular day
    words = [t.group(0).lower() for t in TOKEN.finditer(raw)]
    weekday = next(WEEKDAYS[w] for w in words if w in WEEKDAYS)
    modifier = words[0] if words[0] in ("this", "next", "last", "coming", "past") else None
    ref = ctx.ref
    if "week" in words:
        index = words.index("week")
        which = words[index - 1] if index > 0 else ""
        shift = {"next": 1, "last": -1, "this": 0}.get(which, 1)
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * shift)
        day = monday + dt.timedelta(days=weekday)
    else:
        # A "next", "last", "this" or "coming" decides alone; the sentence's direction is not needed.
        decided = modifier in ("next", "last", "past", "this", "coming")
        day = resolve_weekday(weekday, ref, 0 if decided else ctx.tense_at(start), modifier)
    numbers = [int(w) for w in words if w.isdigit()]
    if numbers:
        fixed = closest_day_number(numbers[0], day)
        if fixed is not None and abs((fixed - day).days) <= 7:
            day = fixed
    part = next((PARTS_OF_DAY[w] for w in words if w in PARTS_OF_DAY), None)
    value = day_value(day) + (f"T{part}" if part else "")
    return Timex(start, end, raw, "date", value, days=(day,), relative=True, part_of_day=part,
                 parts=[(start, end, value)])


def handle_rel(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """Deictic words: today, tomorrow, this week, next year, two years ago, now, recently..."""
    lower = re.sub(r"['’]s\b", "", re.sub(r"\s+", " ", raw.lower()))
    ref = ctx.ref
    words = lower.replace("(", " ").replace(")", " ").split()
    parts_of_day = next((PARTS_OF_DAY[w] for w in words if w in PARTS_OF_DAY), None)
    if words[0] in ("today", "tonight", "tomorrow", "yesterday") or lower.startswith("the day"):
        if words[0] == "tomorrow" or "after tomorrow" in lower:
            day = ref + dt.timedelta(days=2 if "after" in lower else 1)
        elif words[0] == "yesterday" or "before yesterday" in lower:
            day = ref - dt.timedelta(days=2 if "before" in lower else 1)
        else:
            day = ref
        if words[0] == "tonight":
            parts_of_day = "NI"
        numbers = [int(w) for w in words if w.isdigit()]
        if numbers:
            fixed = closest_day_number(numbers[0], day)
            if fixed is not None and abs((fixed - day).days) <= 3:
                day = fixed
        value = day_value(day) + (f"T{parts_of_day}" if parts_of_day else "")
        return Timex(start, end, raw, "date", value, days=(day,), relative=True, part_of_day=parts_of_day,
                     parts=[(start, end, value)])
    if lower.startswith("this ") and words[1] in PARTS_OF_DAY:
        value = f"{day_value(ref)}T{PARTS_OF_DAY[words[1]]}"
        return Timex(start, end, raw, "date", value, days=(ref,), relative=True, part_of_day=PARTS_OF_DAY[words[1]],
                     parts=[(start, end, value)])
    if words[-1] in ("ago", "earlier", "later", "now", "hence") and len(words) >= 3 and words[-2] != "the":
        return handle_offset(words, raw, start, end, ref)
    if lower in ("now", "currently", "presently", "nowadays", "at present", "at the moment", "for the moment",
                 "for the present", "at the present"):
        return Timex(start, end, raw, "ref", "PRESENT_REF", granularity="ref", vague=True,
                     parts=[(start, end, "PRESENT_REF")])
    if lower in ("recently", "the past", "in the past", "at the time"):
        return Timex(start, end, raw, "ref", "PAST_REF", granularity="ref", vague=True,
                     parts=[(start, end, "PAST_REF")])
    if lower in ("the future", "in the future"):
        return Timex(start, end, raw, "ref", "FUTURE_REF", granularity="ref", vague=True,
                     parts=[(start, end, "FUTURE_REF")])
    return handle_relative_unit(words, raw, start, end, ctx)


def handle_offset(words: list[str], raw: str, start: int, end: int, ref: dt.date) -> Timex | None:
    """"two years ago" -> the year two years back; "three days ago" -> that day."""
    count_word = words[0]
    count = int(count_word) if count_word.isdigit() else NUMBER_WORDS.get(count_word)
    if count is None:
        return None
    unit = words[1].split("-")[-1] if "-" in words[1] else words[1]
    if "-" in words[0]:
        return None
    sign = -1 if words[-1] in ("ago", "earlier") else 1
    if unit.startswith("day"):
        day = ref + dt.timedelta(days=sign * count)
        return Timex(start, end, raw, "date", day_value(day), days=(day,), relative=True,
                     parts=[(start, end, day_value(day))])
    if unit.startswith("week"):
        day = ref + dt.timedelta(days=7 * sign * count)
        value = iso_week(day)
        return Timex(start, end, raw, "week", value, granularity="week", vague=True, parts=[(start, end, value)])
    if unit.startswith("month"):
        year, month = add_months(ref.year, ref.month, sign * count)
        value = f"{year:04d}-{month:02d}"
        return Timex(start, end, raw, "month", value, granularity="month", vague=True, parts=[(start, end, value)])
    if unit.startswith("year"):
        value = year_value(ref.year + sign * count)
        return Timex(start, end, raw, "year", value, granularity="year", vague=True, parts=[(start, end, value)])
    if unit.startswith("decade"):
        value = str((ref.year + sign * 10 * count) // 10)
        return Timex(start, end, raw, "decade", value, granularity="decade", vague=True, parts=[(start, end, value)])
    return None


def handle_relative_unit(words: list[str], raw: str, start: int, end: int, ctx: Context) -> Timex | None:
    """"this week", "next month", "last year", "later this month", "the coming weekend"..."""
    ref = ctx.ref
    unit = words[-1]
    shift_words = {"this": 0, "current": 0, "same": 0, "next": 1, "coming": 1, "following": 1, "last": -1,
                   "past": -1, "previous": -1}
    shift = 0
    for word in words:
        if word in shift_words:
            shift = shift_words[word]
            break
    vague_prefix = words[0] in ("earlier", "later", "early", "late", "end", "beginning", "start", "middle",
                                "the") and words[1] not in shift_words
    if unit in ("week", "weekend"):
        day = ref + dt.timedelta(days=7 * shift)
        value = iso_week(day) + ("-WE" if unit == "weekend" else "")
        return Timex(start, end, raw, "week", value, granularity="week", vague=True, parts=[(start, end, value)])
    if unit == "month":
        year, month = add_months(ref.year, ref.month, shift)
        value = f"{year:04d}-{month:02d}"
        return Timex(start, end, raw, "month", value, granularity="month", vague=True, parts=[(start, end, value)])
    if unit == "year":
        value = year_value(ref.year + shift)
        return Timex(start, end, raw, "year", value, granularity="year", vague=True, parts=[(start, end, value)])
    if unit == "quarter":
        quarter = (ref.month - 1) // 3 + shift
        year = ref.year + quarter // 4
        value = f"{year:04d}-Q{quarter % 4 + 1}"
        return Timex(start, end, raw, "quarter", value, granularity="quarter", vague=True,
                     parts=[(start, end, value)])
    if unit in SEASONS:
        season = SEASONS[unit]
        year = ref.year + shift
        value = f"{year:04d}-{season}"
        return Timex(start, end, raw, "season", value, granularity="season", vague=True, parts=[(start, end, value)])
    if unit == "decade":
        value = str(ref.year // 10 + shift)
        return Timex(start, end, raw, "decade", value, granularity="decade", vague=True, parts=[(start, end, value)])
    if unit == "century":
        value = f"{ref.year // 100 + shift:02d}"
        return Timex(start, end, raw, "century", value, granularity="century", vague=True,
                     parts=[(start, end, value)])
    del vague_prefix
    return None


def handle_season(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    words = [t.group(0).lower() for t in TOKEN.finditer(raw)]
    season_word = next((w for w in words if w in SEASONS), None)
    if season_word is None:
        return None
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    ref = ctx.ref
    if years:
        year = years[0]
    elif "last" in words:
        year = ref.year - 1
    elif "next" in words:
        year = ref.year + 1
    else:
        year = ref.year
    value = f"{year:04d}-{SEASONS[season_word]}"
    return Timex(start, end, raw, "season", value, granularity="season", vague=True, parts=[(start, end, value)])


def handle_quarter(raw: str, start: int, end: int, text: str, ctx: Context) -> Timex | None:
    """"the first quarter", "Q4 2008", "the second half of 2025"."""
    words = [t.group(0).lower() for t in TOKEN.finditer(raw)]
    ref = ctx.ref
    compact = re.match(r"([QH])([1-4])\s{0,3}(?:FY)?['’]?(\d{4}|\d\d)?", raw.strip())
    if compact:
        kind_letter, number = compact.group(1), int(compact.group(2))
        year_text = compact.group(3)
        year = ref.year if year_text is None else int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        if kind_letter == "H" and number > 2:
            return None
    else:
        ordinal = next((ORDINAL_WORDS[w] for w in words if w in ORDINAL_WORDS), None)
        kind_letter = "H" if "half" in words else "Q"
        if ordinal is None:
            ordinal = 4 if kind_letter == "Q" else 2
        number = ordinal
        if kind_letter == "H" and number > 2:
            return None
        years = [int(w) for w in words if w.isdigit() and len(w) == 4]
        if years:
            year = years[0]
        else:
            current = (ref.month - 1) // 3 + 1 if kind_letter == "Q" else (ref.month - 1) // 6 + 1
            year = ref.year if number <= current or ctx.tense_at(start) > 0 else ref.year - 1
    value = f"{year:04d}-{kind_letter}{number}"
    return Timex(start, end, raw, "quarter", value, granularity="quarter", vague=True, parts=[(start, end, value)])


HANDLERS: dict[str, Callable[[str, int, int, str, Context], Timex | None]] = {
    "iso": handle_iso, "num": handle_num, "nummonth": handle_nummonth, "wdnum": handle_weekday_num,
    "ordday": handle_ordinal_day,
    "mdy": handle_day_level,
    "dmy": handle_day_level, "time": handle_time, "month": handle_month, "year": handle_year,
    "decade": handle_decade, "century": handle_century, "weekday": handle_weekday, "rel": handle_rel,
    "season": handle_season, "quarter": handle_quarter,
}


# ---------------------------------------------------------------------------------------------
# Gluing neighbours


def combine(items: list[Timex], text: str, ctx: Context) -> list[Timex]:
    """Glue a day and a clock time, a clock time and a day, and two days joined by a range word."""
    result: list[Timex] = []
    index = 0
    while index < len(items):
        current = items[index]
        while index + 1 < len(items):
            nxt = items[index + 1]
            gap = text[current.end:nxt.start]
            merged = glue(current, nxt, gap, text, ctx)
            if merged is None:
                break
            current = merged
            index += 1
        result.append(current)
        index += 1
    return result


def glue(a: Timex, b: Timex, gap: str, text: str, ctx: Context) -> Timex | None:
    if len(gap) > 24 or "\n\n" in gap:
        return None
    if a.kind == "date" and b.kind == "time" and a.time is None and not a.is_list and GAP_DATE_TIME.fullmatch(gap):
        return with_time(a, b, text)
    if a.kind == "time" and b.kind == "date" and b.time is None and not b.is_list and GAP_TIME_DATE.fullmatch(gap) \
            and ("\n" not in gap or "on" in gap or "," in gap):  # "7.30pm\nSat 14 Nov": the next line's day
        return with_time(b, a, text, time_first=True)
    if a.kind == "date" and b.kind == "date" and not a.is_range and not b.is_range and not a.is_list \
            and not b.is_list and a.first and b.first and GAP_RANGE.fullmatch(gap):
        return as_range(a, b, gap, text, ctx)
    return None


def with_time(day: Timex, clock: Timex, text: str, time_first: bool = False) -> Timex:
    start, end = min(day.start, clock.start), max(day.end, clock.end)
    first = day.first
    assert clock.time is not None
    value = time_value(first, clock.time)
    last = day.last
    return replace(day, start=start, end=end, text=text[start:end], value=value, time=clock.time,
                   end_time=clock.end_time, zone=clock.zone, last=last, granularity="time",
                   parts=[(start, end, value)] if not day.is_range else day.parts)


def as_range(a: Timex, b: Timex, gap: str, text: str, ctx: Context) -> Timex | None:
    """"from today (Tuesday) to Thursday", "between Monday and Wednesday", "Oct 30 - Nov 1"."""
    assert a.first is not None and b.first is not None
    word = gap.strip().lower()
    before = text[max(0, a.start - 12):a.start]
    if word in ("and", "&") and not re.search(r"\bbetween\s{1,3}$", before, re.I) and not (
            (b.first - a.first).days == 1 and a.time is None and b.time is None and a.last is None):
        return None  # "on Wednesday and Thursday", "May 27 and Thursday, May 28": one two-day span
    first, last = a.first, b.first
    if last < first and b.relative:
        last = last + dt.timedelta(days=7 * (((first - last).days // 7) + 1))
    if last <= first or (last - first).days > 400:
        return None
    start, end = a.start, b.end
    suffix = f"T{b.part_of_day}" if b.part_of_day else ""
    b_value = (b.value or day_value(last)) if b.time else day_value(last) + suffix
    return replace(a, start=start, end=end, text=text[start:end], last=last, is_range=True,
                   time=a.time, end_time=b.time if b.time else a.end_time, zone=a.zone or b.zone,
                   parts=[*list(a.parts), (b.start, b.end, b_value)], relative=a.relative or b.relative)


def iter_mentions(timexes: list[Timex]) -> Iterator[tuple[int, int, str | None, Timex]]:
    """Each reportable sub-span with its value and the Timex it belongs to."""
    for timex in timexes:
        if timex.parts:
            for start, end, value in timex.parts:
                yield start, end, value, timex
        else:
            yield timex.start, timex.end, timex.value, timex
