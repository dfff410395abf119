"""The durable outbox: the `deliveries` and `endpoint_state` tables, and every query on them.

An alert's deliveries are inserted in the alert's own transaction, so an alert is never stored
without them nor they without it. A delivery is claimed before each attempt by one conditional
UPDATE that moves its `next_attempt_at` past the attempt's timeout and bumps `attempts`: only one
process can win that UPDATE, and if the process dies mid-attempt the row simply falls due again
when that time passes, to be retried under the same webhook-id. Nothing else is needed to
recover from a crash, and nothing is lost.

States: pending (never tried), failed (tried, will be retried), delivered, dead (out of
attempts, or its endpoint is disabled or gone; `publisher deliveries replay` sends it again).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from publisher.store import Store, deliveries, endpoint_state

LIVE = ("pending", "failed")
STATES = ("pending", "failed", "delivered", "dead")
PAGE = 200
INTERRUPTED = "interrupted: no result was recorded (the process stopped during the attempt)"

# The statements run once per attempt are built once, with bind parameters: building one costs
# SQLAlchemy about a millisecond, eight times the cost of running it.
d = deliveries.c
IS_LIVE = sa.or_(d.state == "pending", d.state == "failed")
CLAIM = (sa.update(deliveries)
         .where(d.id == sa.bindparam("b_id"), IS_LIVE, d.next_attempt_at <= sa.bindparam("b_moment"))
         .values(attempts=d.attempts + 1, claim=sa.bindparam("b_claim"), last_attempt_at=sa.bindparam("b_moment"),
                 next_attempt_at=sa.bindparam("b_until"), last_error=INTERRUPTED))
DELIVERED = (sa.update(deliveries).where(d.id == sa.bindparam("b_id"))
             .values(state="delivered", delivered_at=sa.bindparam("b_moment"), next_attempt_at=None, claim=None,
                     last_status=sa.bindparam("b_status"), last_error=None))
FAILED = (sa.update(deliveries).where(d.id == sa.bindparam("b_id"), d.claim == sa.bindparam("b_claim"), IS_LIVE)
          .values(state=sa.bindparam("b_state"), next_attempt_at=sa.bindparam("b_next"), claim=None,
                  last_status=sa.bindparam("b_status"), last_error=sa.bindparam("b_error")))
POSTPONE = (sa.update(deliveries)
            .where(d.id == sa.bindparam("b_id"), IS_LIVE, d.next_attempt_at == sa.bindparam("b_was"))
            .values(next_attempt_at=sa.bindparam("b_until"), last_error=sa.bindparam("b_error")))
EXISTING = sa.select(d.id).where(d.id.in_(sa.bindparam("b_ids", expanding=True)))
INSERT = sa.insert(deliveries)
BURY = (sa.update(deliveries).where(d.id == sa.bindparam("b_id"), IS_LIVE)
        .values(state="dead", next_attempt_at=None, claim=None, last_error=sa.bindparam("b_error")))


def moment_text(moment: dt.datetime) -> str:
    """UTC ISO text to the millisecond: sorts as a string, and short retry waits stay distinct."""
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def moment_from(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Row:
    """One delivery as stored."""

    id: str
    alert_id: str
    event_uid: str
    kind: str
    endpoint: str
    channel: str
    message_id: str
    state: str
    attempts: int
    created_at: dt.datetime
    next_attempt_at: dt.datetime | None
    last_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None
    last_status: int | None
    last_error: str | None
    claim: str | None
    payload: str

    @classmethod
    def of(cls, data: Any) -> Row:
        created = moment_from(data["created_at"])
        assert created is not None
        return cls(id=data["id"], alert_id=data["alert_id"], event_uid=data["event_uid"], kind=data["kind"],
                   endpoint=data["endpoint"], channel=data["channel"], message_id=data["message_id"],
                   state=data["state"], attempts=int(data["attempts"]), created_at=created,
                   next_attempt_at=moment_from(data["next_attempt_at"]),
                   last_attempt_at=moment_from(data["last_attempt_at"]),
                   delivered_at=moment_from(data["delivered_at"]), last_status=data["last_status"],
                   last_error=data["last_error"], claim=data["claim"], payload=data["payload"])


def insert(store: Store, rows: Iterable[dict[str, Any]]) -> int:
    """Add deliveries that are not there yet (ids are derived, so a rerun adds nothing)."""
    wanted = {row["id"]: row for row in rows}
    if not wanted:
        return 0
    with store.transaction() as conn:
        there: set[str] = set(conn.execute(EXISTING, {"b_ids": list(wanted)}).scalars())
        fresh = [row for ident, row in wanted.items() if ident not in there]
        if fresh:
            conn.execute(INSERT, fresh)
    return len(fresh)


def due(store: Store, cutoff: dt.datetime, *, only: Iterable[str] | None = None) -> Iterator[Row]:
    """Live deliveries due by `cutoff`, oldest first, a page at a time (each page its own read)."""
    after: tuple[str, str] = ("", "")
    wanted = list(only) if only is not None else None
    while True:
        query = (sa.select(deliveries)
                 .where(deliveries.c.next_attempt_at <= moment_text(cutoff), deliveries.c.state.in_(LIVE),
                        sa.tuple_(deliveries.c.next_attempt_at, deliveries.c.id) > sa.tuple_(*after))
                 .order_by(deliveries.c.next_attempt_at, deliveries.c.id).limit(PAGE))
        if wanted is not None:
            query = query.where(deliveries.c.id.in_(wanted))
        with store.transaction() as conn:
            page = [Row.of(r) for r in conn.execute(query).mappings().all()]
        yield from page
        if len(page) < PAGE:
            return
        last = page[-1]
        assert last.next_attempt_at is not None
        after = (moment_text(last.next_attempt_at), last.id)


def claim(store: Store, row: Row, *, moment: dt.datetime, lease: dt.timedelta) -> Row | None:
    """Take a due delivery for one attempt; None when another process took it first."""
    token = uuid.uuid4().hex
    with store.transaction() as conn:
        done = conn.execute(CLAIM, {"b_id": row.id, "b_moment": moment_text(moment), "b_claim": token,
                                    "b_until": moment_text(moment + lease)})
    if done.rowcount != 1:
        return None
    return dataclasses.replace(row, attempts=row.attempts + 1, claim=token, last_attempt_at=moment,
                               next_attempt_at=moment + lease, last_error=INTERRUPTED)


def mark_delivered(store: Store, row: Row, *, moment: dt.datetime, status: int | None) -> None:
    """Delivered is final and true whoever claimed the row since, so no claim check here."""
    with store.transaction() as conn:
        conn.execute(DELIVERED, {"b_id": row.id, "b_moment": moment_text(moment), "b_status": status})


def mark_failed(store: Store, row: Row, *, next_at: dt.datetime | None, status: int | None, error: str) -> None:
    """Record a failed attempt: retry at `next_at`, or dead when it is None.

    Only the claim holder writes, so a late answer cannot undo a newer attempt's result.
    """
    values = {"b_id": row.id, "b_claim": row.claim, "b_state": "dead" if next_at is None else "failed",
              "b_next": moment_text(next_at) if next_at is not None else None, "b_status": status, "b_error": error}
    with store.transaction() as conn:
        conn.execute(FAILED, values)


def postpone(store: Store, row: Row, *, until: dt.datetime, note: str) -> None:
    """Push an unclaimed delivery back without spending an attempt (its endpoint is busy)."""
    if row.next_attempt_at is None:
        return
    with store.transaction() as conn:
        conn.execute(POSTPONE, {"b_id": row.id, "b_was": moment_text(row.next_attempt_at),
                                "b_until": moment_text(until), "b_error": note})


def bury(store: Store, row: Row, *, error: str) -> bool:
    """Declare a live delivery dead without an attempt (endpoint disabled, gone, or too old)."""
    with store.transaction() as conn:
        done = conn.execute(BURY, {"b_id": row.id, "b_error": error})
    return bool(done.rowcount)


def revive(store: Store, ident: str, *, moment: dt.datetime) -> Row | None:
    """Queue a delivery again as new: due now, a fresh set of attempts and a fresh lifetime (replay)."""
    with store.transaction() as conn:
        done = conn.execute(sa.update(deliveries).where(deliveries.c.id == ident).values(
            state="pending", attempts=0, created_at=moment_text(moment), next_attempt_at=moment_text(moment),
            claim=None, last_error=None))
        if done.rowcount != 1:
            return None
        fresh = conn.execute(sa.select(deliveries).where(deliveries.c.id == ident)).mappings().one()
    return Row.of(fresh)


def find(store: Store, ident: str) -> Row | None:
    with store.transaction() as conn:
        row = conn.execute(sa.select(deliveries).where(deliveries.c.id == ident)).mappings().first()
    return Row.of(row) if row else None


def listing(store: Store, *, states: Iterable[str] = (), endpoint: str | None = None,
            limit: int | None = None) -> list[Row]:
    """Deliveries, newest first."""
    query = sa.select(deliveries).order_by(deliveries.c.created_at.desc(), deliveries.c.id)
    wanted = list(states)
    if wanted:
        query = query.where(deliveries.c.state.in_(wanted))
    if endpoint:
        query = query.where(deliveries.c.endpoint == endpoint)
    if limit is not None:
        query = query.limit(limit)
    with store.transaction() as conn:
        return [Row.of(r) for r in conn.execute(query).mappings().all()]


def counts(store: Store) -> dict[str, int]:
    with store.transaction() as conn:
        rows = conn.execute(sa.select(deliveries.c.state, sa.func.count()).group_by(deliveries.c.state)).all()
    return {str(row[0]): int(row[1]) for row in rows}


# endpoint state ------------------------------------------------------------------------------
def disabled(store: Store) -> dict[str, tuple[str, str]]:
    """name -> (URL fingerprint, reason) for every endpoint a receiver disabled."""
    with store.transaction() as conn:
        rows = conn.execute(sa.select(endpoint_state).where(endpoint_state.c.disabled_at.is_not(None))).mappings()
        return {r["name"]: (r["fingerprint"], r["reason"] or "") for r in rows}


def disable(store: Store, name: str, *, fingerprint: str, reason: str, moment: dt.datetime) -> None:
    with store.transaction() as conn:
        conn.execute(sa.delete(endpoint_state).where(endpoint_state.c.name == name))
        conn.execute(sa.insert(endpoint_state).values(name=name, fingerprint=fingerprint,
                                                      disabled_at=moment_text(moment), reason=reason))


def enable(store: Store, name: str) -> bool:
    with store.transaction() as conn:
        done = conn.execute(sa.delete(endpoint_state).where(endpoint_state.c.name == name))
    return bool(done.rowcount)
