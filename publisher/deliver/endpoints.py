"""Configured destinations, as the delivery job needs them: filters, retry policy, redaction.

A `Destination` is one webhook or one notify target from config, reduced to plain values. Its
repr never shows the URL or the secret, and `redact` scrubs both (and the tokens an Apprise URL
carries) from any text before it is logged, stored as a delivery's last error or printed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Literal

from publisher import views
from publisher.config import Config, Notify, View, Webhook
from publisher.errors import DeliveryError
from publisher.model import Alert, Event, content_hash

Channel = Literal["webhook", "apprise"]
JITTER = 0.2  # each wait is stretched or shrunk by up to 20 %, so retries of a burst spread out
MAX_RETRY_AFTER = 86400.0  # a Retry-After of days is a receiver bug, not a plan
MIN_LIFETIME = 3600.0


class Busy(DeliveryError):
    """The endpoint cannot take more now (timeout, 429, 503 with Retry-After): hold the rest."""


@dataclass(frozen=True)
class Destination:
    """One configured endpoint; `address` and `secret` are kept out of the repr."""

    name: str
    channel: Channel
    address: str = field(repr=False)
    secret: str = field(default="", repr=False)
    kinds: frozenset[str] = frozenset()
    categories: tuple[str, ...] = ()
    views: tuple[View, ...] = ()
    allow_private: bool = False
    timeout: float = 15.0
    retry: tuple[float, ...] = ()

    @property
    def fingerprint(self) -> str:
        """Identifies the URL without storing it: a new URL under an old name is a new endpoint."""
        return content_hash(self.channel, self.address)

    @property
    def max_attempts(self) -> int:
        return len(self.retry) + 1

    @property
    def lifetime(self) -> dt.timedelta:
        """How long a delivery may wait in all: twice the retry schedule, at least an hour.

        Deliveries held back while their endpoint times out or throttles do not spend attempts,
        so this bounds how long they can linger before they are declared dead.
        """
        return dt.timedelta(seconds=max(2 * sum(self.retry), MIN_LIFETIME))

    def wants(self, alert: Alert, event: Event | None) -> bool:
        """Whether the alert passes every filter this endpoint sets (an empty filter passes all)."""
        if self.kinds and alert.kind not in self.kinds:
            return False
        if self.categories and (event is None or not views.mentions([event.category], self.categories)):
            return False
        return not self.views or (event is not None and any(views.matches(v, event) for v in self.views))

    def wait_after(self, attempts: int, rng: random.Random) -> float | None:
        """Seconds until the next attempt after `attempts` failed ones; None when none is left."""
        if attempts >= self.max_attempts:
            return None
        base = self.retry[attempts - 1] if attempts >= 1 else 0.0
        return base * rng.uniform(1 - JITTER, 1 + JITTER)

    def sensitive(self) -> list[str]:
        """Strings that must never be shown: the secret, and tokens inside the URL."""
        found = {self.secret, self.secret.removeprefix("whsec_")} if self.secret else set()
        found |= url_tokens(self.address, whole=self.channel == "apprise")
        return sorted((s for s in found if len(s) >= 4), key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.sensitive():
            text = text.replace(secret, "***")
        return text


def url_tokens(url: str, *, whole: bool) -> set[str]:
    """The parts of a URL that may be credentials: user info, long path segments, query values.

    For an Apprise URL (`whole`) every path segment counts, and so does a host without a dot,
    since services such as slack:// and discord:// put their tokens where a host would be.
    """
    parts = urllib.parse.urlsplit(url)
    found: set[str] = set()
    if whole:
        found.add(url)
    userinfo, _, hostport = parts.netloc.rpartition("@")
    found.update(p for p in re.split(r"[:]", userinfo) if p)
    for piece in re.split(r"[:]", hostport):
        if whole and piece and "." not in piece and piece != "localhost" and not piece.isdigit():
            found.add(piece)
    for segment in parts.path.split("/"):
        if segment and (whole or len(segment) >= 12):
            found.add(urllib.parse.unquote(segment))
            found.add(segment)
    for _key, value in urllib.parse.parse_qsl(parts.query + "&" + parts.fragment, keep_blank_values=False):
        found.add(value)
    if parts.query:
        found.add(parts.query)
    return found


def from_webhook(webhook: Webhook, config: Config) -> Destination:
    settings = config.delivery
    return Destination(
        name=webhook.name, channel="webhook", address=webhook.url, secret=webhook.secret.get_secret_value(),
        kinds=frozenset(webhook.kinds), categories=tuple(webhook.categories),
        views=tuple(v for v in config.views if v.name in webhook.views), allow_private=webhook.allow_private,
        timeout=(webhook.timeout or settings.timeout).total_seconds(),
        retry=tuple(w.total_seconds() for w in (webhook.retry if webhook.retry is not None else settings.retry)))


def from_notify(target: Notify, config: Config) -> Destination:
    settings = config.delivery
    return Destination(
        name=target.name, channel="apprise", address=target.apprise.get_secret_value().strip(),
        kinds=frozenset(target.kinds), categories=tuple(target.categories),
        views=tuple(v for v in config.views if v.name in target.views), allow_private=target.allow_private,
        timeout=(target.timeout or settings.timeout).total_seconds(),
        retry=tuple(w.total_seconds() for w in (target.retry if target.retry is not None else settings.retry)))


def destinations(config: Config) -> dict[str, Destination]:
    """Every configured endpoint by name (names are unique across webhooks and notify)."""
    found = [from_webhook(w, config) for w in config.webhooks] + [from_notify(n, config) for n in config.notify]
    return {d.name: d for d in found}


def redact_all(text: str, known: dict[str, Destination]) -> str:
    """Scrub every configured secret from a text (for listings that mix endpoints)."""
    for destination in known.values():
        text = destination.redact(text)
    return text
