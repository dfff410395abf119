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
import http
import math
import time
from collections.abc import Callable, Mapping

import urllib3
from standardwebhooks.webhooks import Webhook as Signer
from urllib3.poolmanager import PoolManager
from urllib3.response import BaseHTTPResponse

from publisher.deliver.endpoints import Busy, Destination
from publisher.errors import DeliveryError
from publisher.netguard import causes, refusal_in

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


def read_excerpt(response: BaseHTTPResponse) -> str:
    """The start of a reply body, for the error message.

    A reply read to its end hands its connection back for the next message; a longer one is
    cut off and its connection closed, so a receiver cannot stall us with an endless body.
    """
    try:
        data = response.read(READ_LIMIT, decode_content=False)
    finally:
        if not response.closed:
            response.close()
        response.release_conn()
    return " ".join(data[:EXCERPT].decode("utf-8", "replace").split())


def judge(status: int, headers: Mapping[str, str], destination: Destination, excerpt: str) -> int:
    """2xx is success; anything else raises DeliveryError saying why and what to do next."""
    if 200 <= status < 300:
        return status
    reason = f"HTTP {status} {phrase(status)}".rstrip()
    detail = f": {destination.redact(excerpt)}" if excerpt else ""
    if status == 410:
        raise DeliveryError(f"{reason}: the receiver is gone; the endpoint is disabled", status=status,
                            disable=True)
    if 300 <= status < 400:
        raise DeliveryError(f"{reason}: redirects are not followed; put the final URL in the config",
                            status=status)
    wait = retry_after(headers.get("Retry-After")) if status in (429, 503) else None
    if status == 429 or wait is not None:
        raise Busy(f"{reason}{detail}", status=status, retry_after=wait)
    raise DeliveryError(f"{reason}{detail}", status=status)


def phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def transport_error(exc: Exception, destination: Destination) -> DeliveryError:
    """A failure before (or while reading) the reply, told in a few words (no pool reprs, no URL)."""
    refused = refusal_in(exc)
    if refused is not None:
        return DeliveryError(f"refused: {refused}")
    found = causes(exc)
    if any(isinstance(c, TimeoutError | urllib3.exceptions.TimeoutError) for c in found):
        return Busy(f"timed out after {destination.timeout:g}s")
    if any(isinstance(c, urllib3.exceptions.NameResolutionError) for c in found):
        return DeliveryError("connection failed: the host name cannot be resolved")
    errors = [c for c in found if isinstance(c, OSError) and c.strerror]
    if errors:
        return DeliveryError(f"connection failed: {errors[-1].strerror}")
    text = destination.redact(str(exc).split(": ", 1)[-1])
    return DeliveryError(f"connection failed: {exc.__class__.__name__}: {text[:EXCERPT]}")


def send(destination: Destination, pool: PoolManager, message_id: str, body: str, *,
         user_agent: str, clock: Callable[[], float] = time.time) -> int:
    """POST one signed message; return the 2xx status or raise DeliveryError.

    `webhook-timestamp` is the wall clock of this attempt, not the pass's `now`: receivers check
    it against their own clock (within five minutes) to refuse replayed requests.
    """
    timestamp = math.floor(clock())
    headers = {**signature_headers(destination.secret, message_id, body, timestamp),
               "Content-Type": "application/json", "User-Agent": user_agent}
    timeout = urllib3.Timeout(connect=destination.timeout, read=destination.timeout)
    try:
        response = pool.request("POST", destination.address, body=body.encode("utf-8"), headers=headers,
                                timeout=timeout, redirect=False, retries=False, preload_content=False)
        excerpt = read_excerpt(response)
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise transport_error(exc, destination) from None
    return judge(response.status, response.headers, destination, excerpt)
