"""Send one short human message through an Apprise URL (Slack, Discord, Teams, Telegram, ntfy, email...).

One attempt, one verdict, like `webhooks.send`: success returns, failure raises DeliveryError
with what Apprise said, scrubbed of the tokens the URL holds. Apprise reports failures through
its logger rather than exceptions, so each send captures that logger (and keeps it from reaching
publisher's own log, where tokens could leak).

The private-address guard cannot sit inside Apprise's sockets, so it resolves the host the URL
names just before the send (for services that take a host, such as json://, ntfy:// or
mailto://; hosted services such as slack:// put tokens there and talk to their own public host).
Redirects are not followed, so a redirect cannot lead around the guard either.
"""

from __future__ import annotations

import functools
import io
import logging
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from publisher.deliver.endpoints import Destination
from publisher.errors import DeliveryError
from publisher.netguard import RefusedAddress, check_host

LOGGER = "apprise"
SENDING = threading.Lock()


@functools.cache
def load_apprise() -> Any:
    """Import Apprise and its plugins once; some plugins import deprecated modules on load."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import apprise

        apprise.Apprise.instantiate("json://localhost")  # loads every plugin module now, warnings muted
    return apprise


@contextmanager
def captured() -> Iterator[io.StringIO]:
    """Apprise's log lines during a send, kept off publisher's own log."""
    logger = logging.getLogger(LOGGER)
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(message)s"))
    propagate, level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield buffer
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = propagate, level


class AppriseSender:
    """One notify endpoint; the Apprise plugin is built on first use and kept for the pass,
    so the plugin's own rate limit toward its service (a pause between messages) holds."""

    def __init__(self, destination: Destination) -> None:
        self.destination = destination
        self._plugin: Any = None

    def __repr__(self) -> str:
        return f"AppriseSender({self.destination.name!r})"

    def plugin(self) -> Any:
        if self._plugin is None:
            apprise = load_apprise()
            with captured():
                plugin = apprise.Apprise.instantiate(self.destination.address)
            if plugin is None:
                raise DeliveryError("the Apprise URL is not one Apprise understands (check its scheme and parts)")
            plugin.socket_connect_timeout = plugin.socket_read_timeout = self.destination.timeout
            plugin.redirects = False
            self._plugin = plugin
        return self._plugin

    def hosts(self, plugin: Any) -> list[str]:
        """The hosts the plugin will connect to, when the URL names them (not a hosted service)."""
        named = "host" in getattr(plugin, "template_tokens", {})
        found = [getattr(plugin, "host", None) if named else None, getattr(plugin, "smtp_host", None)]
        return [h for h in found if isinstance(h, str) and h]

    def guard(self, plugin: Any) -> None:
        if self.destination.allow_private:
            return
        for host in self.hosts(plugin):
            try:
                check_host(host, int(getattr(plugin, "port", None) or 443))
            except RefusedAddress as exc:
                raise DeliveryError(f"refused: {self.destination.redact(str(exc))}") from None

    def send(self, message: dict[str, str]) -> None:
        """Send the alert's title and body; raise DeliveryError with Apprise's reason on failure.

        One Apprise send at a time in the process: the log capture is per logger, not per
        thread, and a plugin instance keeps its own rate-limit clock.
        """
        with SENDING:
            self.send_now(message)

    def send_now(self, message: dict[str, str]) -> None:
        plugin = self.plugin()
        self.guard(plugin)
        with captured() as log:
            try:
                ok = plugin.notify(body=message["body"], title=message["title"],
                                   notify_type=message.get("type", "info"), body_format="text")
            except Exception as exc:  # a plugin bug must fail this delivery, not the whole pass
                ok = False
                logging.getLogger(LOGGER).warning("%s: %s", exc.__class__.__name__, exc)
        if not ok:
            lines = [line.strip() for line in log.getvalue().splitlines() if line.strip()]
            reason = "; ".join(lines[-2:]) or "Apprise reported a failure"
            raise DeliveryError(self.destination.redact(reason)[:500])
