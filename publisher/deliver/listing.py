"""What `publisher deliveries` shows: a table or JSON lines, with every secret scrubbed.

Errors were redacted when they were stored; they are scrubbed again here against the current
config, so a secret that reached an old row some other way still never reaches a terminal.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rich.table import Table

from publisher.deliver.endpoints import Destination, redact_all
from publisher.deliver.outbox import Row, moment_text
from publisher.progress import wide_console


def row_json(row: Row, known: dict[str, Destination]) -> dict[str, Any]:
    """One delivery for `--json`: everything but the payload, which `alert_id` leads to."""
    def when(value: Any) -> str | None:
        return moment_text(value) if value is not None else None

    return {"id": row.id, "endpoint": row.endpoint, "channel": row.channel, "alert_id": row.alert_id,
            "event_uid": row.event_uid, "kind": row.kind, "webhook_id": row.message_id, "state": row.state,
            "attempts": row.attempts, "created_at": when(row.created_at),
            "next_attempt_at": when(row.next_attempt_at), "last_attempt_at": when(row.last_attempt_at),
            "delivered_at": when(row.delivered_at), "last_status": row.last_status,
            "last_error": redact_all(row.last_error, known) if row.last_error else None}


def short(value: Any) -> str:
    """A moment as `2026-11-24 12:00:05Z`, readable in a narrow column."""
    if value is None:
        return ""
    return moment_text(value)[:19].replace("T", " ") + "Z"


def print_json(rows: Sequence[Row], known: dict[str, Destination]) -> None:
    for row in rows:
        print(json.dumps(row_json(row, known), ensure_ascii=False))


def print_table(rows: Sequence[Row], known: dict[str, Destination], counts: dict[str, int]) -> None:
    console = wide_console()
    total = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("pending", "failed", "delivered", "dead"))
    if not rows:
        console.print(f"no deliveries to show ({total})", markup=False)
        return
    table = Table(title=f"deliveries: {total}", title_justify="left")
    for column in ("id", "endpoint", "alert", "state", "tries", "next attempt", "last", "last error"):
        table.add_column(column, overflow="fold")
    for row in rows:
        last = str(row.last_status) if row.last_status is not None else ""
        error = redact_all(row.last_error, known) if row.last_error else ""
        table.add_row(row.id, row.endpoint, row.kind, row.state, str(row.attempts), short(row.next_attempt_at),
                      last, error)
    console.print(table)
