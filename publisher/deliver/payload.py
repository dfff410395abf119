"""What a delivery carries: the versioned webhook payload, and the short human message for chats.

The payload is built once, when the alert is written, and stored in the outbox: every retry and
replay then sends the same bytes under the same `webhook-id`, so a receiver can deduplicate, and
the event is shown as it stood when the alert was written, not as it is when a retry finally
gets through. `schema/webhook-payload.v1.json` describes version 1; a change that removes or
renames a key needs version 2, while adding keys does not.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from publisher.codec import event_to_json
from publisher.model import Alert, Event, content_hash
from publisher.store import alert_to_json

PAYLOAD_VERSION = 1
EVENT_TYPES = {"new": "event.created", "updated": "event.updated", "postponed": "event.postponed",
               "cancelled": "event.cancelled", "reminder": "event.reminder"}
# Apprise's notify types colour a chat message: bad news stands out.
NOTIFY_TYPES = {"new": "info", "updated": "info", "postponed": "warning", "cancelled": "warning",
                "reminder": "info"}


def message_id(alert: Alert) -> str:
    """The `webhook-id`: one per alert, the same on every retry, replay and endpoint."""
    return "msg_" + content_hash("webhook", alert.id)[:26]


def utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def webhook_payload(alert: Alert, event: Event | None) -> dict[str, Any]:
    """The Standard Webhooks envelope: type, timestamp (when the alert was written), data."""
    return {
        "type": EVENT_TYPES[alert.kind],
        "timestamp": utc_text(alert.created_at),
        "version": PAYLOAD_VERSION,
        "data": {"alert": alert_to_json(alert), "event": event_to_json(event) if event is not None else None},
    }


def human_message(alert: Alert) -> dict[str, str]:
    """What a chat room or mailbox shows: the alert's title and body, and how loud to be."""
    return {"title": alert.title, "body": alert.body, "type": NOTIFY_TYPES[alert.kind]}


def encode(document: dict[str, Any]) -> str:
    """Compact, key-sorted JSON: the exact text that is signed, stored and sent."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
