"""Send one signed message to one Standard Webhooks endpoint.

One attempt, one verdict: success returns the HTTP status, every failure raises DeliveryError
with a message fit for people (never the URL's tokens or the secret), the status, a Retry-After
the receiver asked for, and whether the endpoint asked to be disabled (410 Gone). Retrying is
the outbox's business, not this module's: it keeps no state between attempts.

The signature is `v1,` + base64(HMAC-SHA256(secret, "{webhook-id}.{webhook-timestamp}.{body}"))
computed by the `standardwebhooks` library, over exactly the bytes sent.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import math
import time
from collections.abc import Callable

import requests
from standardwebhooks.webhooks import Webhook as Signer

from publisher.deliver.endpoints import Busy, Destination
from publisher.deliver.netguard import causes, refusal_in
from publisher.errors import DeliveryError

EXCERPT = 300  # how much of an error response body is kept for `publisher deliveries`
READ_LIMIT = 65536  # a longer reply is not read: the connection is dropped instead


def signature_headers(secret: str, message_id: str, body: str, timestamp: int) -> dict[str, str]:
    """The three Standard Webhooks headers for one attempt."""
    moment = dt.datetime.fromtimestamp(timestamp, dt.UTC)
    return {"webhook-id": message_id, "webhook-timestamp": str(timestamp),
            "webhook-signature": Signer(secret).sign(message_id, moment, body)}


def retry_after(value: str | None, *, clock: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - clock())


def read_excerpt(response: requests.Response) -> str:
    """The start of a reply body, for the error message; the rest is not read."""
    data = b""
    for chunk in response.iter_content(4096):
        data += chunk
        if len(data) > READ_LIMIT:
            break
    return " ".join(data[:EXCERPT].decode("utf-8", "replace").split())


def judge(response: requests.Response, destination: Destination, excerpt: str) -> int:
    """2xx is success; anything else raises DeliveryError saying why and what to do next."""
    status = response.status_code
    if 200 <= status < 300:
        return status
    reason = f"HTTP {status} {response.reason or ''}".rstrip()
    detail = f": {destination.redact(excerpt)}" if excerpt else ""
    if status == 410:
        raise DeliveryError(f"{reason}: the receiver is gone; the endpoint is disabled", status=status,
                            disable=True)
    if 300 <= status < 400:
        raise DeliveryError(f"{reason}: redirects are not followed; put the final URL in the config",
                            status=status)
    wait = retry_after(response.headers.get("Retry-After")) if status in (429, 503) else None
    if status == 429 or wait is not None:
        raise Busy(f"{reason}{detail}", status=status, retry_after=wait)
    raise DeliveryError(f"{reason}{detail}", status=status)


def transport_error(exc: requests.RequestException, destination: Destination) -> DeliveryError:
    """A failure before any status line, told in a few words (no pool reprs, no URL)."""
    refused = refusal_in(exc)
    if refused is not None:
        return DeliveryError(f"refused: {refused}")
    if isinstance(exc, requests.Timeout) or any(isinstance(c, TimeoutError) for c in causes(exc)):
        return Busy(f"timed out after {destination.timeout:g}s")
    errors = [c for c in causes(exc) if isinstance(c, OSError) and c.strerror]
    if errors:
        return DeliveryError(f"connection failed: {errors[-1].strerror}")
    text = destination.redact(str(exc).split(": ", 1)[-1])
    return DeliveryError(f"connection failed: {exc.__class__.__name__}: {text[:EXCERPT]}")


def send(destination: Destination, session: requests.Session, message_id: str, body: str, *,
         user_agent: str, clock: Callable[[], float] = time.time) -> int:
    """POST one signed message; return the 2xx status or raise DeliveryError.

    `webhook-timestamp` is the wall clock of this attempt, not the pass's `now`: receivers check
    it against their own clock (within five minutes) to refuse replayed requests.
    """
    timestamp = math.floor(clock())
    headers = {**signature_headers(destination.secret, message_id, body, timestamp),
               "Content-Type": "application/json", "User-Agent": user_agent}
    try:
        with session.post(destination.address, data=body.encode("utf-8"), headers=headers,
                          timeout=(destination.timeout, destination.timeout), allow_redirects=False,
                          stream=True) as response:
            excerpt = read_excerpt(response)  # also drains it, so the connection goes back to the pool
            return judge(response, destination, excerpt)
    except requests.RequestException as exc:
        raise transport_error(exc, destination) from None
