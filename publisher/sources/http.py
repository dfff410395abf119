"""One way to fetch a source URL, shared by the feed and page sources and by full-text fetches.

Every fetch goes through `fetch`, so timeouts, the size cap, the user agent, redirects, conditional
GET and the wording of errors are the same for a feed, a page and an entry's linked article. An
error message always starts with the URL and ends with a reason a user can act on
("https://x/feed.xml: HTTP 404 Not Found", "...: timed out after 20s").

The cursor is the small dict the pipeline stores between polls: the URL it belongs to and the
validators the server gave (ETag, Last-Modified). Validators are only sent back to the URL that
gave them, so editing a source's URL in config never turns into a wrong 304.
"""

from __future__ import annotations

import hashlib
import http
import socket
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from publisher.config import Config
from publisher.errors import FetchError

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
               "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
MAX_REDIRECTS = 10
CHUNK = 65536
PERMANENT = {301, 308}
FILE_TYPES = {".json": "application/json", ".html": "text/html", ".htm": "text/html",
              ".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml"}


@dataclass(frozen=True)
class Fetched:
    """What one fetch gave: `status` 304 means "unchanged since the cursor" and `body` is empty.

    `url` is where the body came from after redirects (the base for relative links); `moved_to`
    is set when the first hop was a permanent redirect, so the source can suggest a config edit.
    Header names are lower case.
    """

    url: str
    status: int
    body: bytes
    headers: dict[str, str]
    cursor: dict[str, Any]
    moved_to: str | None = None
    elapsed: float = 0.0
    history: tuple[str, ...] = field(default=())

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ("" when the server sent none)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset parameter of Content-Type, if any."""
        for param in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def fetch(url: str, *, cursor: Mapping[str, Any] | None, config: Config, accept: str = FEED_ACCEPT,
          session: requests.Session | None = None) -> Fetched:
    """GET `url` (http, https or file) with the configured limits; raise FetchError naming URL and reason.

    Pass the previous cursor to make the request conditional; a 304 comes back as a Fetched with
    status 304 and the cursor unchanged. Pass a session to reuse connections across many fetches
    (full-text pages of one feed).
    """
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme == "file":
        return fetch_file(url, cursor=cursor or {}, max_bytes=config.fetch.max_bytes)
    if scheme not in ("http", "https"):
        raise FetchError(url, f"unsupported URL scheme {scheme or '(none)'!r}; use http, https or file")
    own = session is None
    active = session or make_session(config)
    try:
        return fetch_http(url, cursor=cursor or {}, config=config, accept=accept, session=active)
    finally:
        if own:
            active.close()


def make_session(config: Config) -> requests.Session:
    """A session with the user agent and redirect limit every fetch uses."""
    session = requests.Session()
    session.headers["User-Agent"] = config.fetch.user_agent
    session.max_redirects = MAX_REDIRECTS
    return session


def conditional_headers(url: str, cursor: Mapping[str, Any]) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from a cursor, only when the cursor belongs to this URL."""
    if cursor.get("url") not in (None, url):
        return {}
    headers: dict[str, str] = {}
    if cursor.get("etag"):
        headers["If-None-Match"] = str(cursor["etag"])
    if cursor.get("last_modified"):
        headers["If-Modified-Since"] = str(cursor["last_modified"])
    return headers


def next_cursor(url: str, headers: Mapping[str, str], previous: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The validators to send next time; on 304 a server may omit them, so the old ones stay."""
    cursor: dict[str, Any] = {"url": url}
    old = dict(previous or {}) if (previous or {}).get("url") in (None, url) else {}
    etag = headers.get("etag") or old.get("etag")
    modified = headers.get("last-modified") or old.get("last_modified")
    if etag:
        cursor["etag"] = etag
    if modified:
        cursor["last_modified"] = modified
    return cursor


def fetch_http(url: str, *, cursor: Mapping[str, Any], config: Config, accept: str,
               session: requests.Session) -> Fetched:
    """The HTTP(S) fetch itself: one overall deadline, the size cap enforced while streaming."""
    seconds = config.fetch.timeout.total_seconds()
    started = time.monotonic()
    headers = {"Accept": accept, **conditional_headers(url, cursor)}
    try:
        response = session.get(url, headers=headers, timeout=(seconds, seconds), stream=True)
    except requests.RequestException as exc:
        raise FetchError(url, describe_request_error(exc, seconds)) from exc
    with response:
        final = response.url or url
        moved = moved_to(response)
        history = tuple(r.url for r in response.history)
        lower = {k.lower(): v for k, v in response.headers.items()}
        if response.status_code == 304:
            return Fetched(url=final, status=304, body=b"", headers=lower, cursor=next_cursor(url, lower, cursor),
                           moved_to=moved, elapsed=time.monotonic() - started, history=history)
        if response.status_code >= 300 or response.status_code < 200:
            raise FetchError(url, describe_status(response, final))
        body = read_capped(response, url=url, max_bytes=config.fetch.max_bytes,
                           deadline=started + seconds, seconds=seconds)
    return Fetched(url=final, status=response.status_code, body=body, headers=lower,
                   cursor=next_cursor(url, lower), moved_to=moved, elapsed=time.monotonic() - started,
                   history=history)


def read_capped(response: requests.Response, *, url: str, max_bytes: int, deadline: float,
                seconds: float) -> bytes:
    """The decoded body, refused as soon as it passes `max_bytes` or the deadline.

    A declared Content-Length over the cap is refused before reading; the count also runs while
    streaming because servers may omit or understate the length, and gzip can expand.
    """
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, over_limit(max_bytes))
    chunks: list[bytes] = []
    total = 0
    try:
        for chunk in stream(response):
            total += len(chunk)
            if total > max_bytes:
                raise FetchError(url, over_limit(max_bytes))
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {seconds:g}s")
            chunks.append(chunk)
    except requests.RequestException as exc:
        raise FetchError(url, describe_request_error(exc, seconds)) from exc
    except (OSError, ValueError) as exc:  # urllib3 surfaces broken streams as these too
        raise FetchError(url, f"connection broken while reading the response: {exc}") from exc
    return b"".join(chunks)


def stream(response: requests.Response) -> Iterator[bytes]:
    """Body chunks as soon as they arrive (read1), decoded from gzip/deflate.

    `iter_content` waits for whole chunks, so a server trickling bytes could hold a fetch far past
    its deadline; read1 returns what the socket has, and the caller checks the clock in between.
    """
    import urllib3.exceptions

    raw = response.raw
    while True:
        try:
            chunk = raw.read1(CHUNK, decode_content=True)
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise requests.exceptions.ReadTimeout(exc) from exc
        except urllib3.exceptions.DecodeError as exc:
            raise requests.exceptions.ContentDecodingError(exc) from exc
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.SSLError) as exc:
            raise requests.exceptions.ChunkedEncodingError(exc) from exc
        if not chunk:
            return
        yield chunk


def over_limit(max_bytes: int) -> str:
    return f"response over the {max_bytes:,}-byte limit (fetch.max_bytes)"


def moved_to(response: requests.Response) -> str | None:
    """The new address when the first hop was a permanent redirect (301/308)."""
    if response.history and response.history[0].status_code in PERMANENT:
        return response.url
    return None


def describe_status(response: requests.Response, final: str) -> str:
    """`HTTP 404 Not Found`, plus where a redirect led and any Retry-After the server asked for."""
    code = response.status_code
    phrase = response.reason or status_phrase(code)
    reason = f"HTTP {code} {phrase}".rstrip()
    if response.history:
        reason += f" (after redirect to {final})"
    retry = response.headers.get("Retry-After")
    if retry and code in (429, 503):
        reason += f" (retry after {retry}{'s' if retry.isdigit() else ''})"
    return reason


def status_phrase(code: int) -> str:
    try:
        return http.HTTPStatus(code).phrase
    except ValueError:
        return ""


def describe_request_error(exc: BaseException, seconds: float) -> str:
    """A short, actionable reason for a requests failure (not urllib3's nested reprs)."""
    if isinstance(exc, requests.exceptions.Timeout):
        return f"timed out after {seconds:g}s"
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return f"more than {MAX_REDIRECTS} redirects (a redirect loop?)"
    if isinstance(exc, requests.exceptions.SSLError):
        return f"TLS error: {innermost(exc)}"
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema
                  | requests.exceptions.InvalidSchema):
        return f"not a valid URL: {exc}"
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return "response could not be decoded (bad Content-Encoding)"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "connection broken while reading the response"
    if isinstance(exc, requests.exceptions.ConnectionError):
        return describe_connection_error(exc)
    return f"{exc.__class__.__name__}: {exc}"


def describe_connection_error(exc: BaseException) -> str:
    """Connection refused, unknown host, reset: found by walking urllib3's wrapped causes."""
    causes = list(chain(exc))
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "Connection refused" in str(exc):
        return "connection refused"
    if any(isinstance(c, socket.gaierror) for c in causes) or "NameResolutionError" in str(exc):
        return "cannot resolve the host name (no DNS entry, or no network)"
    if any(isinstance(c, ConnectionResetError) for c in causes):
        return "connection reset by the server"
    return f"cannot connect: {innermost(exc)}"


def chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, its causes, contexts, `reason`s and args that are exceptions (no cycles)."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = [current.__cause__, current.__context__, getattr(current, "reason", None), *current.args]
        todo.extend(item for item in linked if isinstance(item, BaseException))


def innermost(exc: BaseException) -> str:
    """The message of the deepest cause, which is usually the one that says what happened."""
    last = exc
    for item in chain(exc):
        last = item
    return str(last) or last.__class__.__name__


def fetch_file(url: str, *, cursor: Mapping[str, Any], max_bytes: int) -> Fetched:
    """A `file://` URL read from disk, with a content-hash ETag so repeated reads act like 304s."""
    path = file_path(url)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError(url, f"file over the {max_bytes:,}-byte limit (fetch.max_bytes)")
        body = path.read_bytes()
    except FileNotFoundError as exc:
        raise FetchError(url, "no such file") from exc
    except IsADirectoryError as exc:
        raise FetchError(url, "is a folder, not a file") from exc
    except OSError as exc:
        raise FetchError(url, f"cannot be read: {exc.strerror or exc}") from exc
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"etag": etag}
    kind = FILE_TYPES.get(path.suffix.lower())
    if kind:
        headers["content-type"] = kind
    if cursor.get("url") == url and cursor.get("etag") == etag:
        return Fetched(url=url, status=304, body=b"", headers=headers, cursor=dict(cursor))
    return Fetched(url=url, status=200, body=body, headers=headers, cursor={"url": url, "etag": etag})


def file_path(url: str) -> Path:
    """The local path of a `file:///abs/path` (or `file://localhost/abs/path`) URL."""
    parts = urllib.parse.urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchError(url, "a file URL needs an absolute path: file:///path/to/feed.xml")
    return Path(urllib.request.url2pathname(parts.path))
