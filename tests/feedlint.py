"""Our own lint for the feeds, by the rules in shared/FEEDS.md.

The parsers we could borrow (icalendar, vobject, ical.js, feedparser) accept files that Outlook,
calcurse or a feed reader then get wrong, so this reads the bytes itself and says in plain words
what a real client would trip on. `lint_ics` and `lint_rss` return a list of problems; an empty
list means clean. It reads bytes only (no network, no entity expansion) and never raises on bad input.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

from lxml import etree

ALERT_KINDS = ("new", "updated", "postponed", "cancelled", "reminder")
EVENT_STATUSES = ("TENTATIVE", "CONFIRMED", "CANCELLED")
MAX_OCTETS = 75

DURATION = re.compile(r"[+-]?P(?:\d+W|(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)")
DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
DATE_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)")
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
NAME = re.compile(r"[A-Za-z0-9-]+")

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
RFC822 = re.compile(
    r"(?:(?P<day>[A-Z][a-z]{2}), )?(?P<date>\d{1,2}) (?P<month>[A-Z][a-z]{2}) (?P<year>\d+) "
    r"\d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT|[ECMP][SD]T|Z)")
URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")
DANGEROUS_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"})
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


# ---------------------------------------------------------------------------------------------
# iCalendar


@dataclass
class Line:
    """One content line after unfolding, with the physical line it started on (for messages)."""

    number: int
    name: str
    params: dict[str, str]
    value: str


@dataclass
class Component:
    name: str
    number: int
    lines: list[Line] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def all(self, name: str) -> list[Line]:
        return [line for line in self.lines if line.name == name]

    def first(self, name: str) -> Line | None:
        found = self.all(name)
        return found[0] if found else None

    def label(self) -> str:
        uid = self.first("UID")
        return f"{self.name} {uid.value!r}" if uid else f"{self.name} at line {self.number}"


def lint_ics(data: bytes, *, alarms_allowed: bool = False) -> list[str]:
    """Every problem a calendar client could have with this .ics (empty: clean)."""
    problems = check_physical_lines(data)
    text = data.decode("utf-8", errors="replace")
    lines, parse_problems = parse_lines(text)
    problems += parse_problems
    root, tree_problems = build_tree(lines)
    problems += tree_problems
    if root is None:
        return problems
    problems += check_calendar(root)
    zones = {line.value for tz in root.children if tz.name == "VTIMEZONE" for line in tz.all("TZID")}
    problems += check_timezones(root)
    problems += check_uids(root)
    for event in (c for c in root.children if c.name == "VEVENT"):
        problems += check_event(event, zones, alarms_allowed=alarms_allowed)
    return problems


def check_physical_lines(data: bytes) -> list[str]:
    """CRLF everywhere, 75 octets at most, and no fold that cuts a UTF-8 sequence in two."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("file does not end with CRLF")
    for number, raw in enumerate(data.split(b"\r\n"), start=1):
        if b"\n" in raw or b"\r" in raw:
            problems.append(f"line {number}: line end is not CRLF (bare LF or CR)")
        if len(raw) > MAX_OCTETS:
            problems.append(f"line {number}: {len(raw)} octets, longer than {MAX_OCTETS} (fold it)")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not valid UTF-8 on its own (folded inside a UTF-8 sequence?)")
    return problems


def unfold(text: str) -> Iterator[tuple[int, str]]:
    """Content lines with their first physical line number; a line starting with space or tab continues."""
    current: str | None = None
    start = 0
    for number, raw in enumerate(re.split(r"\r\n|\n|\r", text), start=1):
        if raw[:1] in (" ", "\t") and current is not None:
            current += raw[1:]
            continue
        if current is not None:
            yield start, current
        current, start = raw, number
    if current:
        yield start, current


def parse_lines(text: str) -> tuple[list[Line], list[str]]:
    """Split each content line into name, parameters and value (quoted parameter values respected)."""
    lines, problems = [], []
    for number, content in unfold(text):
        if not content:
            continue
        parsed = parse_line(number, content)
        if isinstance(parsed, str):
            problems.append(parsed)
            continue
        if CONTROL.search(parsed.value):
            problems.append(f"line {number}: {parsed.name} holds a control character")
        lines.append(parsed)
    return lines, problems


def parse_line(number: int, content: str) -> Line | str:
    head, value, in_quotes = "", None, False
    for index, char in enumerate(content):
        if char == '"':
            in_quotes = not in_quotes
        elif char == ":" and not in_quotes:
            head, value = content[:index], content[index + 1:]
            break
    if value is None:
        return f"line {number}: not a content line (no ':'): {content[:40]!r}"
    name, *raw_params = split_params(head)
    if not NAME.fullmatch(name):
        return f"line {number}: bad property name {name!r}"
    params = {}
    for raw in raw_params:
        key, sep, param_value = raw.partition("=")
        if not sep:
            return f"line {number}: parameter without '=': {raw!r}"
        params[key.upper()] = param_value.strip('"')
    return Line(number, name.upper(), params, value)


def split_params(head: str) -> list[str]:
    parts, current, in_quotes = [], "", False
    for char in head:
        if char == '"':
            in_quotes = not in_quotes
        if char == ";" and not in_quotes:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def build_tree(lines: list[Line]) -> tuple[Component | None, list[str]]:
    """BEGIN/END nesting into components; exactly one VCALENDAR must hold everything."""
    problems: list[str] = []
    stack: list[Component] = []
    roots: list[Component] = []
    for line in lines:
        if line.name == "BEGIN":
            component = Component(line.value.upper(), line.number)
            (stack[-1].children if stack else roots).append(component)
            stack.append(component)
        elif line.name == "END":
            if not stack or stack[-1].name != line.value.upper():
                problems.append(f"line {line.number}: END:{line.value} does not close "
                                f"{stack[-1].name if stack else 'anything'}")
                continue
            stack.pop()
        elif stack:
            stack[-1].lines.append(line)
        else:
            problems.append(f"line {line.number}: {line.name} outside any component")
    problems += [f"line {c.number}: BEGIN:{c.name} never ends" for c in stack]
    calendars = [r for r in roots if r.name == "VCALENDAR"]
    if len(roots) != 1 or len(calendars) != 1:
        problems.append(f"expected exactly one VCALENDAR at the top, found {[r.name for r in roots]}")
    return (calendars[0] if calendars else None), problems


def check_calendar(cal: Component) -> list[str]:
    """Calendar properties subscription clients rely on; no METHOD in a published feed."""
    problems = []
    for name in ("PRODID", "VERSION", "NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        if len(cal.all(name)) != 1:
            problems.append(f"VCALENDAR: {name} must appear once (found {len(cal.all(name))})")
    version = cal.first("VERSION")
    if version and version.value != "2.0":
        problems.append(f"VCALENDAR: VERSION is {version.value!r}, not 2.0")
    if cal.first("METHOD"):
        problems.append("VCALENDAR: METHOD must not be written in a published calendar")
    refresh = cal.first("REFRESH-INTERVAL")
    if refresh:
        if refresh.params.get("VALUE", "").upper() != "DURATION":
            problems.append("VCALENDAR: REFRESH-INTERVAL needs the parameter VALUE=DURATION")
        problems += check_duration("REFRESH-INTERVAL", refresh.value)
    ttl = cal.first("X-PUBLISHED-TTL")
    if ttl:
        problems += check_duration("X-PUBLISHED-TTL", ttl.value)
    return problems


def check_duration(name: str, value: str) -> list[str]:
    """A positive RFC 5545 duration such as PT1H (a bare number of minutes is not one)."""
    if not DURATION.fullmatch(value) or value in ("P", "PT"):
        return [f"VCALENDAR: {name} {value!r} is not a duration like PT1H"]
    if value.startswith("-") or not re.search(r"[1-9]", value):
        return [f"VCALENDAR: {name} {value!r} must be a positive duration"]
    return []


def check_timezones(cal: Component) -> list[str]:
    problems = []
    seen: set[str] = set()
    for tz in (c for c in cal.children if c.name == "VTIMEZONE"):
        tzid = tz.first("TZID")
        if tzid is None:
            problems.append(f"line {tz.number}: VTIMEZONE without TZID")
            continue
        if tzid.value in seen:
            problems.append(f"VTIMEZONE {tzid.value!r} appears twice")
        seen.add(tzid.value)
        if not any(c.name in ("STANDARD", "DAYLIGHT") for c in tz.children):
            problems.append(f"VTIMEZONE {tzid.value!r} has no STANDARD or DAYLIGHT part")
    return problems


def check_uids(cal: Component) -> list[str]:
    """Every event has a UID, and no two share one (RECURRENCE-ID overrides aside)."""
    problems = []
    seen: set[str] = set()
    for event in (c for c in cal.children if c.name == "VEVENT"):
        uids = event.all("UID")
        if len(uids) != 1 or not uids[0].value.strip():
            problems.append(f"line {event.number}: VEVENT needs exactly one non-empty UID")
            continue
        if event.first("RECURRENCE-ID"):
            continue
        if uids[0].value in seen:
            problems.append(f"VEVENT {uids[0].value!r}: UID used by more than one event")
        seen.add(uids[0].value)
    return problems


def check_event(event: Component, zones: set[str], *, alarms_allowed: bool) -> list[str]:
    """One VEVENT: SEQUENCE, DTSTAMP, LAST-MODIFIED, start and end, STATUS, alarms."""
    where = event.label()
    problems = check_sequence(event, where)
    for name in ("DTSTAMP", "LAST-MODIFIED", "CREATED"):
        line = event.first(name)
        if line is None:
            if name != "CREATED":
                problems.append(f"{where}: {name} missing")
            continue
        if not DATE_TIME.fullmatch(line.value) or not line.value.endswith("Z") or line.params:
            problems.append(f"{where}: {name} {line.value!r} must be a UTC date-time (…Z)")
    problems += check_timing(event, where, zones)
    status = event.first("STATUS")
    if status and status.value.upper() not in EVENT_STATUSES:
        problems.append(f"{where}: STATUS {status.value!r} is not one of {', '.join(EVENT_STATUSES)}")
    if not alarms_allowed and any(c.name == "VALARM" for c in event.children):
        problems.append(f"{where}: VALARM present but alarms were not asked for")
    return problems


def check_sequence(event: Component, where: str) -> list[str]:
    sequence = event.first("SEQUENCE")
    if sequence is None:
        return [f"{where}: SEQUENCE missing (clients ignore changes without it)"]
    if not sequence.value.isdigit():
        return [f"{where}: SEQUENCE {sequence.value!r} is not a non-negative integer"]
    return []


def check_timing(event: Component, where: str, zones: set[str]) -> list[str]:
    """DTSTART and DTEND of one type; all-day DTEND the day after; timed values UTC or a known TZID."""
    start, end = event.first("DTSTART"), event.first("DTEND")
    if start is None:
        return [f"{where}: DTSTART missing"]
    if end is None:
        return [f"{where}: DTEND missing (khal shows 24 h, others guess)"]
    problems: list[str] = []
    first = read_when(start, where, zones, problems)
    last = read_when(end, where, zones, problems)
    for extra in ("RECURRENCE-ID", "EXDATE", "RDATE"):
        for line in event.all(extra):
            read_when(line, where, zones, problems)
    if first is None or last is None:
        return problems
    if isinstance(first, dt.datetime) != isinstance(last, dt.datetime):
        problems.append(f"{where}: DTSTART and DTEND are not both dates or both date-times")
    elif isinstance(first, dt.datetime) and isinstance(last, dt.datetime):
        if last < first:
            problems.append(f"{where}: DTEND is before DTSTART")
    elif last <= first:
        problems.append(f"{where}: all-day DTEND {end.value} must be after DTSTART {start.value} "
                        "(the day after the last day)")
    return problems


def read_when(line: Line, where: str, zones: set[str], problems: list[str]) -> dt.date | dt.datetime | None:
    """A DATE or DATE-TIME value as a Python value, with its problems noted; None when unreadable."""
    kind = line.params.get("VALUE", "DATE-TIME").upper()
    value = line.value.split(",")[0]
    if kind == "DATE":
        return read_date(line, value, where, problems)
    match = DATE_TIME.fullmatch(value)
    if kind != "DATE-TIME" or not match:
        problems.append(f"{where}: {line.name} {line.value!r} is not a {kind} value"
                        + ("; an all-day value needs VALUE=DATE" if DATE.fullmatch(value) else ""))
        return None
    tzid = line.params.get("TZID")
    if match.group(7) and tzid:
        problems.append(f"{where}: {line.name} has both TZID and a UTC 'Z'")
    if not match.group(7) and not tzid:
        problems.append(f"{where}: {line.name} {line.value} is a floating time (no Z, no TZID)")
    if tzid and tzid not in zones:
        problems.append(f"{where}: {line.name} TZID={tzid} has no VTIMEZONE in the file")
    try:
        return aware(match, tzid)
    except ValueError as exc:
        problems.append(f"{where}: {line.name} {line.value!r} is not a real date-time ({exc})")
        return None


def read_date(line: Line, value: str, where: str, problems: list[str]) -> dt.date | None:
    match = DATE.fullmatch(value)
    if not match:
        problems.append(f"{where}: {line.name} {line.value!r} is not a DATE (YYYYMMDD)")
        return None
    if "TZID" in line.params:
        problems.append(f"{where}: {line.name} is a DATE and must not carry TZID")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        problems.append(f"{where}: {line.name} {line.value!r} is not a real date ({exc})")
        return None


def aware(match: re.Match[str], tzid: str | None) -> dt.datetime:
    """The instant, for ordering: UTC, the named IANA zone, or UTC as a stand-in for an unknown zone."""
    zone: dt.tzinfo = dt.UTC
    if tzid:
        try:
            zone = zoneinfo.ZoneInfo(tzid)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = dt.UTC
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=zone)


# ---------------------------------------------------------------------------------------------
# RSS 2.0


def lint_rss(data: bytes) -> list[str]:
    """Every problem a feed reader could have with this RSS 2.0 alert feed (empty: clean)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"root is <{root.tag} version={root.get('version')!r}>, not <rss version=\"2.0\">"]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [f"expected one <channel>, found {len(channels)}"]
    channel = channels[0]
    problems = check_channel(channel)
    problems += check_items(channel.findall("item"))
    return problems


def text_of(node: etree._Element | None) -> str:
    return (node.text or "").strip() if node is not None else ""


def check_channel(channel: etree._Element) -> list[str]:
    """Title, link, description, the self link, ttl and lastBuildDate."""
    problems = [f"channel: <{name}> missing or empty" for name in ("title", "link", "description")
                if not text_of(channel.find(name))]
    problems += check_link("channel <link>", text_of(channel.find("link")))
    selves = [node for node in channel.findall(f"{{{ATOM}}}link") if node.get("rel") == "self"]
    if len(selves) != 1:
        problems.append(f"channel: needs one atom:link rel=\"self\" (found {len(selves)})")
    else:
        if selves[0].get("type") != "application/rss+xml":
            problems.append("channel: atom:link rel=\"self\" needs type=\"application/rss+xml\"")
        if not URL.fullmatch(selves[0].get("href") or ""):
            problems.append("channel: atom:link rel=\"self\" needs the feed's absolute URL in href")
    ttl = channel.find("ttl")
    if ttl is None:
        problems.append("channel: <ttl> missing (minutes between refreshes)")
    elif not text_of(ttl).isdigit() or int(text_of(ttl)) <= 0:
        problems.append(f"channel: <ttl> {text_of(ttl)!r} is not a positive integer of minutes")
    for name in ("lastBuildDate", "pubDate"):
        node = channel.find(name)
        if node is not None:
            problems += check_date(f"channel <{name}>", text_of(node))
    return problems


def check_items(items: list[etree._Element]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for position, node in enumerate(items, start=1):
        guid = node.find("guid")
        where = f"item {position}" + (f" ({text_of(guid)!r})" if text_of(guid) else "")
        problems += check_guid(where, guid, seen)
        problems += check_item(where, node)
    return problems


def check_guid(where: str, guid: etree._Element | None, seen: set[str]) -> list[str]:
    """Present, unique, and isPermaLink="false" unless it is a URL (readers take it for a link)."""
    value = text_of(guid)
    if guid is None or not value:
        return [f"{where}: <guid> missing (readers then show the item again after every change)"]
    problems = []
    if value in seen:
        problems.append(f"{where}: guid used by more than one item")
    seen.add(value)
    if not URL.fullmatch(value) and guid.get("isPermaLink") != "false":
        problems.append(f"{where}: guid is not a URL, so it needs isPermaLink=\"false\"")
    return problems


def check_item(where: str, node: etree._Element) -> list[str]:
    """Title or description, an RFC 822 pubDate, an alert-kind category, a safe description."""
    problems = []
    if not text_of(node.find("title")) and not text_of(node.find("description")):
        problems.append(f"{where}: needs a <title> or a <description>")
    date = node.find("pubDate")
    if date is None:
        problems.append(f"{where}: <pubDate> missing")
    else:
        problems += check_date(f"{where} <pubDate>", text_of(date))
    kinds = [text_of(c) for c in node.findall("category")]
    if not any(kind in ALERT_KINDS for kind in kinds):
        problems.append(f"{where}: no <category> naming the alert kind ({', '.join(ALERT_KINDS)}); "
                        f"found {kinds}")
    if node.find("link") is not None:
        problems += check_link(f"{where} <link>", text_of(node.find("link")))
    for name in ("description", f"{{{CONTENT}}}encoded"):
        for part in node.findall(name):
            problems += [f"{where}: {problem}" for problem in unsafe_markup(part.text or "")]
    return problems


def check_link(where: str, value: str) -> list[str]:
    if value and value.lower().startswith(DANGEROUS_SCHEMES):
        return [f"{where}: {value[:30]!r} is a script URL"]
    return []


def check_date(where: str, value: str) -> list[str]:
    """RFC 822 as RSS wants it, with a four-digit year and a weekday that fits the date."""
    match = RFC822.fullmatch(value)
    if not match or match.group("month") not in MONTHS or (match.group("day") or "Mon") not in DAYS:
        return [f"{where}: {value!r} is not an RFC 822 date like 'Wed, 03 Dec 2025 10:00:00 +0000'"]
    if len(match.group("year")) != 4:
        return [f"{where}: {value!r} needs a four-digit year"]
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return [f"{where}: {value!r} is not a real date"]
    if match.group("day") and DAYS[moment.weekday()] != match.group("day"):
        return [f"{where}: {value!r} names the wrong weekday ({DAYS[moment.weekday()]})"]
    return []


class MarkupScan(HTMLParser):
    """Collects what in an HTML fragment could run in a reader: script tags, handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}> in the markup")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"event handler {name}= on <{tag}>")
            squeezed = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if squeezed.startswith(DANGEROUS_SCHEMES):
                self.found.append(f"script URL in {name}= on <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def unsafe_markup(fragment: str) -> list[str]:
    """Problems in an element's text read as HTML, the way a reader renders it (XML already unescaped)."""
    scan = MarkupScan()
    scan.feed(fragment)
    scan.close()
    return [f"description carries {what}" for what in scan.found]
