"""A web page whose main text is one announcement (a notice, a press release, an events page).

The page is fetched through `http.fetch` (conditional GET, so an unchanged page costs a 304 and no
re-detection), its main text is extracted with trafilatura and its date with htmldate. The id is
the configured URL, so a redirect to a new address does not make the page a new announcement.
`page_document` is shared with the feed source's `full_text` option.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from typing import Any

from publisher.config import Config, PageSource
from publisher.errors import DocumentError
from publisher.model import Announcement
from publisher.sources import Harvest
from publisher.sources.http import PAGE_ACCEPT, Fetched, fetch
from publisher.sources.text import Document, decode_html, html_to_document, normalise

TEXT_TYPES = {"", "text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"}


def read(source: PageSource, *, config: Config, state: dict[str, Any], now: dt.datetime) -> Harvest:
    """The page as one announcement, or not_modified when the server answers 304."""
    fetched = fetch(source.url, cursor=state, config=config, accept=PAGE_ACCEPT)
    if fetched.not_modified:
        return Harvest(not_modified=True, state={**state, **fetched.cursor})
    doc = page_document(fetched, where=source.url)
    harvest = Harvest(state=fetched.cursor)
    published, basis = doc.published, "page"
    if published is None:
        published, basis = first_seen(state, source.url) or now, "fetched"
        harvest.state["first_seen"] = published.isoformat()
        harvest.notes.append(f"{source.name}: {source.url} shows no publication date; "
                             "using the time it was first fetched as the reference for relative dates")
    if fetched.moved_to:
        harvest.notes.append(moved_note(source.name, source.url, fetched.moved_to))
    harvest.announcements.append(Announcement(
        source=source.name, id=source.url, text=doc.text, published=published, fetched_at=now,
        url=fetched.url, title=doc.title, published_basis=basis, timezone=source.timezone,
        dayfirst=source.dayfirst, origin=doc.origin or host_of(fetched.url)))
    return harvest


def page_document(fetched: Fetched, *, where: str) -> Document:
    """Main text, title, date and site name of a fetched page; DocumentError says why there is none."""
    kind = fetched.content_type
    if kind not in TEXT_TYPES and not kind.startswith("text/"):
        raise DocumentError(where, f"not an HTML page (Content-Type: {kind})")
    if not fetched.body.strip():
        raise DocumentError(where, "empty page: no text to read")
    if b"\x00" in fetched.body[:65536] and not fetched.body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(where, "binary content (NUL bytes), not an HTML page")
    markup = decode_html(fetched.body, fetched.charset)
    plain = kind == "text/plain"
    doc = Document(text=normalise(markup)) if plain else html_to_document(markup, url=fetched.url)
    if not doc.text.strip():
        raise DocumentError(where, "no text found in the page")
    return doc


def first_seen(state: dict[str, Any], url: str) -> dt.datetime | None:
    """When this undated page was first fetched, so that a 200 with the same text is no change."""
    if state.get("url") != url or not state.get("first_seen"):
        return None
    try:
        moment = dt.datetime.fromisoformat(str(state["first_seen"]))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def moved_note(name: str, url: str, target: str) -> str:
    return f"{name}: {url} has moved permanently to {target}; update the source's url in the config"


def host_of(url: str) -> str | None:
    return urllib.parse.urlsplit(url).hostname or None
