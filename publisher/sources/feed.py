"""An RSS, Atom or JSON Feed: each entry is one announcement.

The feed is fetched through `http.fetch` with conditional GET; on 304 the harvest says
`not_modified` and the pipeline keeps what it stored before. RSS and Atom are parsed by feedparser
from the fetched bytes (never from a URL or path: feedparser would fetch or open those itself),
with the response headers so declared encodings resolve; JSON Feed, which feedparser does not
read, is parsed here. Both end as `Entry` values, and one function turns an entry into an
announcement, so ids, dates and text follow the same rules whatever the format.

`parse_feed` is the whole bytes-to-harvest step; the corpus test drives it directly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import json
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import requests

from publisher.config import Config, FeedSource
from publisher.errors import SourceError
from publisher.model import Announcement, Problem, content_hash
from publisher.netguard import RefusedAddress, check_host
from publisher.sources import Harvest
from publisher.sources.http import FEED_ACCEPT, PAGE_ACCEPT, fetch, make_session
from publisher.sources.page import moved_note, page_document
from publisher.sources.text import fragment_to_text, normalise

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"}
HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}
JSON_FEED_VERSION = "https://jsonfeed.org/version/"
MAX_ID_LENGTH = 400
LINK_SCHEMES = {"http", "https"}
BOM = b"\xef\xbb\xbf"
HTML_PAGE = re.compile(rb"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html)\b", re.I | re.S)


@dataclass(frozen=True)
class Entry:
    """One feed item, format-neutral: text already reduced to plain text, date already aware UTC.

    `date_text` keeps a date the parser could not read, so the note can quote it.
    """

    id: str | None
    title: str | None
    link: str | None
    text: str
    published: dt.datetime | None = None
    date_text: str | None = None


@dataclass
class Parsed:
    """A feed's entries, title and whether it was malformed (`bozo`, with the parser's reason)."""

    entries: list[Entry] = field(default_factory=list)
    title: str | None = None
    bozo: str | None = None
    version: str = ""


def read(source: FeedSource, *, config: Config, state: dict[str, Any], now: dt.datetime) -> Harvest:
    """Fetch, parse and (with full_text) enrich one feed; the cursor keeps validators and page marks."""
    fetched = fetch(source.url, cursor=state, config=config, accept=FEED_ACCEPT)
    if fetched.not_modified:
        return Harvest(not_modified=True, state={**state, **fetched.cursor})
    harvest = parse_feed(fetched.body, source=source, url=fetched.url, headers=fetched.headers, now=now)
    if fetched.moved_to:
        harvest.notes.append(moved_note(source.name, source.url, fetched.moved_to))
    cursor: dict[str, Any] = dict(fetched.cursor)
    undated = keep_first_seen(harvest, state.get("undated") or {})
    if undated:
        cursor["undated"] = undated
    if source.full_text:
        cursor["pages"] = add_full_text(harvest, source=source, config=config,
                                        done=state.get("pages") or {})
    harvest.state = cursor
    return harvest


def keep_first_seen(harvest: Harvest, seen: Mapping[str, str]) -> dict[str, str]:
    """Give each undated entry the moment it was first fetched, not this poll's, and remember it.

    Without this an undated entry would change (and be detected again) on every poll that
    returns 200; the first-seen time is also the better reference for its relative dates.
    """
    kept: dict[str, str] = {}
    for position, item in enumerate(harvest.announcements):
        if item.published_basis != "fetched" or item.published is None:
            continue
        first = parse_stamp(seen.get(item.id)) or item.published
        kept[item.id] = first.isoformat()
        if first != item.published:
            harvest.announcements[position] = replace(item, published=first)
    return kept


def parse_stamp(value: Any) -> dt.datetime | None:
    """An aware datetime from the cursor's ISO text; anything else (old or hand-edited state) is None."""
    try:
        moment = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


# parsing ------------------------------------------------------------------------------------------
def parse_feed(data: bytes, *, source: FeedSource, url: str, headers: Mapping[str, str] | None,
               now: dt.datetime) -> Harvest:
    """Bytes of an RSS, Atom or JSON feed to announcements; SourceError when nothing can be read."""
    lower = {k.lower(): v for k, v in (headers or {}).items()}
    if not data.strip():
        raise SourceError(url, "empty response: no feed to read")
    parsed = parse_json_feed(data, url) if is_json(data, lower) else parse_xml_feed(data, url, lower)
    if not parsed.entries and is_html_page(data):
        raise SourceError(url, html_instead_of_feed(data, url))
    if not parsed.entries and parsed.bozo:
        raise SourceError(url, f"not a readable feed: {parsed.bozo}")
    if not parsed.entries and not parsed.version:
        kind = lower.get("content-type", "").split(";")[0].strip()
        raise SourceError(url, "not an RSS, Atom or JSON feed" + (f" (Content-Type: {kind})" if kind else ""))
    harvest = Harvest()
    if parsed.bozo:
        harvest.notes.append(f"{source.name}: {url} is malformed ({parsed.bozo}); "
                             f"read its {plural(len(parsed.entries), 'entry', 'entries')} anyway")
    add_announcements(harvest, parsed, source=source, now=now)
    return harvest


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def is_html_page(data: bytes) -> bool:
    """An HTML document (doctype or <html> first), not a feed that merely carries HTML inside."""
    return bool(HTML_PAGE.match(data.removeprefix(BOM)[:4096]))


def html_instead_of_feed(data: bytes, url: str) -> str:
    """The reason for a web page given as a feed, naming the feeds the page advertises, if any."""
    links = advertised_feeds(data, url)
    if links:
        return f"an HTML page, not a feed; the page links to {' and '.join(links[:3])}: use one of those as url"
    return "an HTML page, not a feed; use the site's RSS/Atom/JSON feed URL, or kind: page for the page itself"


def advertised_feeds(data: bytes, url: str) -> list[str]:
    """Feed URLs from <link rel="alternate" type="application/rss+xml" href="..."> in a page's head."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(data[:1_000_000])
    except (lxml.etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for link in root.iter("link"):
        rels = str(link.get("rel") or "").lower().split()
        kind = str(link.get("type") or "").lower()
        href = str(link.get("href") or "").strip()
        if "alternate" in rels and href and kind in FEED_TYPES:
            absolute = urllib.parse.urljoin(url, href)
            if absolute not in found:
                found.append(absolute)
    return found


def is_json(data: bytes, headers: Mapping[str, str]) -> bool:
    """JSON Feed by media type or by its first character (servers often send it as text/plain)."""
    head = data.removeprefix(BOM).lstrip()[:1]
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    return head == b"{" or (kind in ("application/feed+json", "application/json") and head in (b"{", b"["))


def parse_xml_feed(data: bytes, url: str, headers: dict[str, str]) -> Parsed:
    """RSS/Atom/RDF through feedparser, from bytes; relative links resolve against the feed URL."""
    import feedparser

    # feedparser calls a response without Content-Type malformed; application/xml means "trust the
    # XML declaration", which is what a file or a bare string should get
    response_headers = {"content-type": "application/xml", **headers,
                        "content-location": urllib.parse.urljoin(url, headers.get("content-location", ""))}
    try:
        result = feedparser.parse(io.BytesIO(data), response_headers=response_headers,
                                  sanitize_html=True, resolve_relative_uris=True)
    except Exception as exc:  # feedparser on hostile bytes: anything it raises means "unreadable"
        raise SourceError(url, f"could not be parsed: {exc.__class__.__name__}: {exc}") from exc
    feed = result.get("feed") or {}
    return Parsed(entries=[feedparser_entry(item) for item in result.get("entries") or []],
                  title=one_line(feed.get("title"), feed.get("title_detail")),
                  bozo=bozo_reason(result.get("bozo_exception")) if result.get("bozo") else None,
                  version=str(result.get("version") or ""))


def bozo_reason(exc: Any) -> str:
    """The parser's complaint in one line, e.g. "line 6, column 0: mismatched tag"."""
    if exc is None:
        return "malformed"
    message = " ".join(str(exc).split())
    getline = getattr(exc, "getLineNumber", None)
    if callable(getline) and getattr(exc, "getMessage", None):
        message = f"line {getline()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    return message or exc.__class__.__name__


def feedparser_entry(item: Mapping[str, Any]) -> Entry:
    """One feedparser entry as an Entry: the richest body (content, else summary) reduced to text."""
    published = struct_to_utc(item.get("published_parsed")) or struct_to_utc(item.get("updated_parsed"))
    raw_date = item.get("published") or item.get("updated")
    return Entry(id=clean_id(item.get("id")), title=one_line(item.get("title"), item.get("title_detail")),
                 link=clean_link(item.get("link")), text=entry_body(item), published=published,
                 date_text=None if published else (str(raw_date) if raw_date else None))


def entry_body(item: Mapping[str, Any]) -> str:
    """Plain text of the entry's content, falling back to its summary."""
    candidates: list[tuple[str, str]] = []
    for content in item.get("content") or []:
        candidates.append((str(content.get("value") or ""), str(content.get("type") or "")))
    detail = item.get("summary_detail") or {}
    candidates.append((str(item.get("summary") or ""), str(detail.get("type") or "text/html")))
    for value, kind in candidates:
        text = to_text(value, kind)
        if text:
            return text
    return ""


def to_text(value: str, kind: str) -> str:
    """Plain text of a body whose type the feed declared (html, xhtml, text) or, if not, by sniffing."""
    if not value.strip():
        return ""
    html = kind.lower() in HTML_TYPES if kind else bool(re.search(r"<[A-Za-z!/]", value))
    return fragment_to_text(value) if html else normalise(value)


def one_line(value: Any, detail: Mapping[str, Any] | None = None) -> str | None:
    """A title as one line of plain text (titles may be HTML in Atom and in the wild)."""
    if not value:
        return None
    text = " ".join(to_text(str(value), str((detail or {}).get("type") or "")).split())
    return text or None


def struct_to_utc(value: Any) -> dt.datetime | None:
    """feedparser's UTC struct_time as an aware datetime; impossible values give None."""
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def clean_id(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def clean_link(value: Any) -> str | None:
    """An http(s) link, or None: a feed's `javascript:` or `data:` link must not reach the feeds."""
    text = str(value).strip() if value else ""
    if urllib.parse.urlsplit(text).scheme.lower() not in LINK_SCHEMES:
        return None
    return text


# JSON Feed -----------------------------------------------------------------------------------------
def parse_json_feed(data: bytes, url: str) -> Parsed:
    """A JSON Feed (https://jsonfeed.org/version/1.1) as Parsed; SourceError when it is not one."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SourceError(url, f"JSON Feed is not valid UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise SourceError(url, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    except RecursionError as exc:
        raise SourceError(url, "not a JSON Feed: nested too deeply") from exc
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise SourceError(url, 'JSON but not a JSON Feed (no "items" list)')
    version = str(document.get("version") or "")
    bozo = None if version.startswith(JSON_FEED_VERSION) else f'no JSON Feed "version" ({version or "missing"})'
    entries = [json_entry(item, url) for item in document["items"] if isinstance(item, dict)]
    skipped = len(document["items"]) - len(entries)
    if skipped:
        bozo = (bozo + "; " if bozo else "") + f"{skipped} item(s) are not objects"
    return Parsed(entries=entries, title=one_line(document.get("title")) if isinstance(document.get("title"), str)
                  else None, bozo=bozo, version=f"json{version.removeprefix(JSON_FEED_VERSION)}")


def json_entry(item: Mapping[str, Any], base: str) -> Entry:
    """One JSON Feed item: content_html, else content_text, else summary; dates are RFC 3339."""
    link = text_field(item, "url") or text_field(item, "external_url")
    raw_date = text_field(item, "date_published") or text_field(item, "date_modified")
    published = parse_json_date(text_field(item, "date_published")) or \
        parse_json_date(text_field(item, "date_modified"))
    html, plain, summary = (text_field(item, k) for k in ("content_html", "content_text", "summary"))
    text = (fragment_to_text(html) if html else "") or normalise(plain or "") or to_text(summary or "", "")
    ident = item.get("id")
    return Entry(id=clean_id(ident) if isinstance(ident, str | int) and not isinstance(ident, bool) else None,
                 title=one_line(text_field(item, "title")), link=clean_link(urllib.parse.urljoin(base, link))
                 if link else None, text=text, published=published,
                 date_text=None if published else raw_date)


def text_field(item: Mapping[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) and value.strip() else None


def parse_json_date(value: str | None) -> dt.datetime | None:
    """RFC 3339 (what JSON Feed requires), else any format feedparser knows; aware UTC."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        from feedparser.datetimes import _parse_date

        return struct_to_utc(_parse_date(value))
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


# announcements ------------------------------------------------------------------------------------
def add_announcements(harvest: Harvest, parsed: Parsed, *, source: FeedSource, now: dt.datetime) -> None:
    """Every entry as an announcement; duplicates and empty entries become notes and problems."""
    seen: set[str] = set()
    undated: list[str] = []
    for entry in parsed.entries:
        ident = entry_id(entry)
        where = f"{source.name}: {ident}"
        try:
            item = announcement(entry, ident, source=source, origin=parsed.title, now=now)
        except ValueError as exc:
            harvest.problems.append(Problem(where, str(exc)))
            continue
        except Exception as exc:  # one odd entry must not cost the feed its other entries
            harvest.problems.append(Problem(where, f"unexpected {exc.__class__.__name__}: {exc}"))
            continue
        if item.id in seen:
            harvest.notes.append(f"{where}: appears twice in the feed; the first one is kept")
            continue
        seen.add(item.id)
        if item.published_basis == "fetched":
            undated.append(item.id + (f" (unreadable date {entry.date_text!r})" if entry.date_text else ""))
        harvest.announcements.append(item)
    if undated:
        shown = ", ".join(undated[:5]) + (f" and {len(undated) - 5} more" if len(undated) > 5 else "")
        harvest.notes.append(f"{source.name}: {plural(len(undated), 'entry has', 'entries have')} no date; "
                             f"using the time first fetched as the reference: {shown}")


def entry_id(entry: Entry) -> str:
    """The entry's id, else its link, else a hash of title and link; long ids are hashed."""
    ident = entry.id or entry.link
    if not ident:
        ident = "sha256:" + (content_hash(entry.title, entry.link) if entry.title else content_hash(entry.text))
    if len(ident) > MAX_ID_LENGTH:
        ident = "sha256:" + content_hash(ident)
    return ident


def announcement(entry: Entry, ident: str, *, source: FeedSource, origin: str | None,
                 now: dt.datetime) -> Announcement:
    """One entry as an announcement; ValueError when it has neither text nor title."""
    text = entry.text or entry.title or ""
    if not text.strip() and not (source.full_text and entry.link):  # full_text may still fill it
        raise ValueError("entry has no title and no text; skipped")
    published, basis = (entry.published, "feed") if entry.published else (now, "fetched")
    return Announcement(source=source.name, id=ident, text=text, published=published, fetched_at=now,
                        url=entry.link, title=entry.title, published_basis=basis, timezone=source.timezone,
                        dayfirst=source.dayfirst, origin=origin)


# full text ----------------------------------------------------------------------------------------
def add_full_text(harvest: Harvest, *, source: FeedSource, config: Config, done: Mapping[str, str]) -> dict[str, str]:
    """Replace each entry's text by its linked page's main text; returns the marks for the cursor.

    An entry whose page was read on an earlier poll and that has not changed since (same mark) is
    left out of the harvest: the store already holds its full text, and re-reading every linked
    page on every poll would hammer the site. A page that fails leaves the entry with the feed's
    own text and a problem; it is tried again on the next poll. After a connection-level failure
    the remaining pages of that host are skipped for this poll, so one dead site costs one timeout.
    """
    marks: dict[str, str] = {}
    kept: list[Announcement] = []
    dead_hosts: dict[str, str] = {}
    with make_session(config) as session:
        for item in harvest.announcements:
            mark = content_hash(item.url, item.title, item.text, item.published.isoformat()
                                if item.published else None)
            if done.get(item.id) == mark:
                marks[item.id] = mark
                continue
            enriched, problem = full_text(item, config=config, session=session, dead_hosts=dead_hosts,
                                          allow_private=source.allow_private_links)
            has_text = bool(enriched.text.strip())
            if problem:
                fallback = "using the feed's text" if has_text else "the entry has no text of its own; skipped"
                harvest.problems.append(Problem(f"{source.name}: {item.id}", f"{problem}; {fallback}"))
            else:
                marks[item.id] = mark
            if has_text:
                kept.append(enriched)
    harvest.announcements = kept
    return marks


def full_text(item: Announcement, *, config: Config, session: requests.Session,
              dead_hosts: dict[str, str], allow_private: bool = False) -> tuple[Announcement, str | None]:
    """(announcement with the page's main text, None) or (unchanged announcement, the reason)."""
    if not item.url:  # nothing to fetch: the feed's own text is all there is
        return item, None
    parts = urllib.parse.urlsplit(item.url)
    host = parts.netloc
    if host in dead_hosts:
        return item, f"{item.url}: not fetched ({dead_hosts[host]} earlier in this poll)"
    try:
        if not allow_private:
            check_host(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
    except RefusedAddress as exc:
        dead_hosts[host] = "refused"
        return item, f"{item.url}: not fetched: {exc}".replace("set allow_private: true on the endpoint",
                                                                 "set allow_private_links: true on the source")
    try:
        fetched = fetch(item.url, cursor=None, config=config, accept=PAGE_ACCEPT, session=session)
        doc = page_document(fetched, where=item.url)
    except SourceError as exc:
        if is_connection_failure(exc.reason):
            dead_hosts[host] = exc.reason
        return item, str(exc)
    return replace(item, text=doc.text, title=item.title or doc.title), None


def is_connection_failure(reason: str) -> bool:
    return bool(re.match(r"(timed out|connection refused|cannot connect|cannot resolve|TLS error)", reason))

