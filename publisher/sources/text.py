"""Bytes to announcement text: decoding checks, front matter and HTML main-text extraction.

Shared by every source kind so that a file, a feed entry and a page give the same text for the
same content, and every bad input is refused with the same clear reasons.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass
from typing import Any

import yaml

from publisher.codec import parse_published
from publisher.errors import DocumentError

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
HTML_HINT = re.compile(rb"<\s*(!doctype\s+html|html|body|article|p|div)\b", re.I)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FRONT_KEYS = {"published", "title", "url", "source", "timezone"}


@dataclass(frozen=True)
class Document:
    text: str
    published: dt.datetime | None = None
    title: str | None = None
    url: str | None = None
    timezone: str | None = None
    basis: str | None = None
    origin: str | None = None


def decode(data: bytes, where: str, max_bytes: int) -> str:
    """Strict UTF-8 (a BOM is allowed); empty, binary, oversized or mis-encoded input is refused."""
    if len(data) > max_bytes:
        raise DocumentError(where, f"{len(data):,} bytes is over the {max_bytes:,}-byte limit (max_bytes)")
    if not data.strip():
        raise DocumentError(where, "empty: no text to read")
    if b"\x00" in data[:65536]:
        raise DocumentError(where, "binary content (NUL bytes): not a text, Markdown or HTML file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(where, f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                                   "save the file as UTF-8") from exc
    if len(CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536) + 8:
        raise DocumentError(where, "binary content (control characters): not a text file")
    return text


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """YAML between leading `---` lines; returns (metadata, body)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise DocumentError(where, f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise DocumentError(where, "front matter must be a YAML mapping (published, title, url)")
    unknown = sorted(set(map(str, meta)) - FRONT_KEYS)
    if unknown:
        raise DocumentError(where, f"unknown front matter key(s) {', '.join(unknown)}; "
                                   f"known: {', '.join(sorted(FRONT_KEYS))}")
    return meta, text[match.end():]


def read_front_matter(meta: dict[str, Any], where: str) -> dict[str, Any]:
    """Typed front matter values; a bad `published` is an error, not a silent guess."""
    out: dict[str, Any] = {}
    if meta.get("published") is not None:
        try:
            out["published"] = parse_published(meta["published"])
        except (TypeError, ValueError) as exc:
            raise DocumentError(where, f"front matter published: {meta['published']!r} is not an ISO date "
                                       "or datetime (2025-11-28 or 2025-11-28T09:30:00+05:30)") from exc
    for key in ("title", "url", "source", "timezone"):
        if meta.get(key) is not None:
            out[key] = str(meta[key])
    return out


def looks_like_html(data: bytes | str) -> bool:
    head = data[:4096] if isinstance(data, bytes) else data[:4096].encode("utf-8", "ignore")
    return bool(HTML_HINT.search(head))


def html_to_document(html: str, url: str | None = None) -> Document:
    """Main text, title and publication date of an HTML page, via trafilatura and htmldate."""
    import trafilatura
    from htmldate import find_date

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                                   favor_recall=True) or ""
        meta = trafilatura.extract_metadata(html, default_url=url)
        found = None
        try:
            found = find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d")
        except Exception:  # htmldate raises assorted errors on odd markup; a date is optional
            found = None
    if not text.strip():
        text = strip_tags(html)
    title = getattr(meta, "title", None) if meta else None
    published = parse_published(found) if found else None
    return Document(text=normalise(text), title=title, published=published,
                    basis="html" if published else None, origin=getattr(meta, "sitename", None) if meta else None)


def strip_tags(html: str) -> str:
    """A last resort for markup trafilatura finds no article in: drop scripts, styles and tags."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml refuses some fragments; fall back to a regex
        return re.sub(r"<[^>]+>", " ", html)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return str(root.text_content())


def normalise(text: str) -> str:
    """Unix line ends, no trailing blanks, at most one empty line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def parse_document(data: bytes, where: str, *, max_bytes: int, html: bool | None = None) -> Document:
    """Decode, split front matter, reduce HTML; raise DocumentError with the reason."""
    text = decode(data, where, max_bytes)
    meta, body = split_front_matter(text, where)
    values = read_front_matter(meta, where)
    if html is None:
        html = looks_like_html(body)
    doc = html_to_document(body, values.get("url")) if html else Document(text=normalise(body))
    if not doc.text.strip():
        raise DocumentError(where, "no text left after removing markup and front matter")
    return Document(
        text=doc.text,
        published=values.get("published") or doc.published,
        title=values.get("title") or doc.title,
        url=values.get("url") or doc.url,
        timezone=values.get("timezone"),
        origin=values.get("source"),
        basis="front-matter" if values.get("published") else doc.basis,
    )


BLOCK_BREAK = {"p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "pre",
               "table", "ul", "ol", "dl", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
               "address", "details", "summary", "form", "fieldset"}
LINE_BREAK = {"br", "li", "tr", "dt", "dd", "caption", "option"}
CELLS = {"td", "th"}
SCRIPT_BLOCK = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
DROPPED = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head"}


def fragment_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content or summary), keeping paragraph breaks.

    trafilatura looks for an article in a whole page and often throws a short fragment away, so
    fragments get this plain walk instead: scripts and styles dropped, blocks on their own lines,
    runs of inline whitespace collapsed as a browser would.
    """
    if not html.strip():
        return ""
    import lxml.etree
    import lxml.html

    cleaned = CONTROL.sub(" ", html)
    try:
        root = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    except (lxml.etree.ParserError, ValueError):  # an XML declaration or no content left
        root = None
    text = "".join(walk_text(root)) if root is not None else ""
    if not text.strip():  # unparseable, or nested past libxml2's depth limit: strip tags instead
        text = unescape(re.sub(r"<[^>]+>", " ", SCRIPT_BLOCK.sub(" ", cleaned)))
    return normalise(re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"[ \t]+", " ", text)))


def walk_text(root: Any) -> list[str]:
    """Text pieces of a parsed tree in document order, with line breaks for blocks.

    An explicit stack instead of recursion: feeds in the wild nest thousands of elements deep.
    Comments and processing instructions contribute only their tails.
    """
    pieces: list[str] = []
    stack: list[tuple[Any, bool, bool]] = [(root, False, False)]
    while stack:
        element, closing, pre = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if closing:
            pieces.append("\n\n" if tag in BLOCK_BREAK else " " if tag in CELLS else "")
            if element is not root:
                pieces.append(inline(element.tail, preformatted=pre))
            continue
        if not tag or tag in DROPPED:
            pieces.append(inline(element.tail, preformatted=pre))
            continue
        own_pre = pre or tag == "pre"
        pieces.append("\n\n" if tag in BLOCK_BREAK else "\n" if tag in LINE_BREAK else "")
        pieces.append(inline(element.text, preformatted=own_pre))
        stack.append((element, True, pre))
        stack.extend((child, False, own_pre) for child in reversed(element))
    return pieces


def inline(value: str | None, *, preformatted: bool) -> str:
    """Text as a browser lays it out: whitespace runs become one space, except inside <pre>."""
    if not value:
        return ""
    return value if preformatted else re.sub(r"\s+", " ", value)


def unescape(value: str) -> str:
    import html as html_module

    return html_module.unescape(value)


def decode_html(data: bytes, charset: str | None = None) -> str:
    """HTML bytes to text: BOM, then the HTTP charset, then <meta charset>, then UTF-8, then a guess.

    Pages lie about their encoding less often than they omit it; a declared charset that does not
    fit the bytes is skipped rather than trusted, and the last resort never fails.
    """
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    for candidate in (charset, meta_charset(data), "utf-8"):
        decoded = try_decode(data, candidate)
        if decoded is not None:
            return decoded
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, "replace")
    return data.decode("cp1252", "replace")


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
WEB_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
               "ascii": "cp1252"}


def meta_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def try_decode(data: bytes, charset: str | None) -> str | None:
    """Strict decode with a charset (web aliases applied), or None when it is unknown or does not fit."""
    if not charset:
        return None
    name = WEB_ALIASES.get(charset.strip().lower(), charset.strip())
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
