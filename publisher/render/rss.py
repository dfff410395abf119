"""The RSS 2.0 alert feed: one item per alert, never edited once published.

Written with lxml so every text is escaped by the serializer: nothing from a source's markup can
reach a reader as markup. The description is a small HTML fragment built from our own plain text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import format_datetime

from lxml import etree

from publisher.model import Alert

ATOM = "http://www.w3.org/2005/Atom"
# XML 1.0 cannot carry most control characters, U+FFFE/U+FFFF or lone surrogates (lxml refuses them).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
WEB_URL = re.compile(r"https?://[^\s]+", re.IGNORECASE)


@dataclass(frozen=True)
class FeedInfo:
    title: str
    link: str
    self_url: str
    description: str
    ttl: dt.timedelta = dt.timedelta(hours=1)


def rfc822(moment: dt.datetime) -> str:
    """`Wed, 03 Dec 2025 10:00:00 +0000`: RFC 822 with a four-digit year, in UTC."""
    return format_datetime(moment.astimezone(dt.UTC).replace(microsecond=0))


def web_url(url: str | None) -> str | None:
    """Only http(s) links become clickable: a `javascript:` URL from a source never reaches a reader."""
    return url if url and WEB_URL.fullmatch(url) else None


def description_html(alert: Alert) -> str:
    """Our plain text as escaped HTML lines; http(s) links become anchors."""
    links = [url for url in alert.links if web_url(url)]
    lines = []
    for line in alert.body.split("\n"):
        escaped = html.escape(line)
        for url in links:
            quoted = html.escape(url)
            escaped = escaped.replace(f"&lt;{quoted}&gt;", f'&lt;<a href="{quoted}">{quoted}</a>&gt;')
        lines.append(f"<p>{escaped}</p>")
    return "\n".join(lines)


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    node = etree.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = clean(text)
    return node


def clean(text: str) -> str:
    """Drop what XML 1.0 cannot carry rather than write a broken feed (or fail the render)."""
    return NOT_XML.sub("", text)


def item(channel: etree._Element, alert: Alert, fallback_link: str) -> None:
    """One alert; the guid is the alert id, so a reader shows each message once and never again."""
    node = sub(channel, "item")
    sub(node, "title", alert.title)
    sub(node, "link", next((url for url in alert.links if web_url(url)), fallback_link))
    sub(node, "guid", alert.id, isPermaLink="false")
    sub(node, "pubDate", rfc822(alert.created_at))
    sub(node, "category", alert.kind)
    sub(node, "description", description_html(alert))


def newest_first(alerts: Iterable[Alert]) -> list[Alert]:
    """Newest first, one item per alert id: a guid twice in a feed makes readers drop or merge items."""
    unique = {alert.id: alert for alert in sorted(alerts, key=lambda a: (a.created_at, a.id))}
    return sorted(unique.values(), key=lambda a: (a.created_at, a.id), reverse=True)


def render_alerts(alerts: Iterable[Alert], info: FeedInfo) -> bytes:
    """Newest first; lastBuildDate is the newest alert, so the bytes only change with the alerts."""
    ordered = newest_first(alerts)
    rss = etree.Element("rss", version="2.0", nsmap={"atom": ATOM})
    channel = sub(rss, "channel")
    sub(channel, "title", info.title)
    sub(channel, "link", info.link)
    sub(channel, "description", info.description)
    etree.SubElement(channel, f"{{{ATOM}}}link", href=info.self_url, rel="self", type="application/rss+xml")
    sub(channel, "generator", "publisher")
    sub(channel, "ttl", str(max(1, int(info.ttl.total_seconds() // 60))))
    if ordered:
        sub(channel, "lastBuildDate", rfc822(ordered[0].created_at))
    for alert in ordered:
        item(channel, alert, info.link)
    data: bytes = etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
