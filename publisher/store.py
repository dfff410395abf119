"""The state database: SQLAlchemy Core, SQLite by default, PostgreSQL by URL.

The schema is versioned: `MIGRATIONS` is a numbered list of steps and a database records the
number it has reached, so an older database is brought forward on open and never rebuilt.
Values that the model already describes are stored as JSON through `publisher.codec`, with the
columns that queries sort or filter on kept beside them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from publisher.codec import (
    change_from_json,
    change_to_json,
    detection_from_json,
    detection_to_json,
    event_from_json,
    event_to_json,
    moment_from_json,
    source_ref_from_json,
    source_ref_to_json,
)
from publisher.errors import StoreError
from publisher.model import Alert, Announcement, Claim, Event

metadata = sa.MetaData()

meta = sa.Table("meta", metadata, sa.Column("key", sa.String(64), primary_key=True),
                sa.Column("value", sa.Text, nullable=False))

source_state = sa.Table(
    "source_state", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("cursor", sa.Text, nullable=False, default="{}"),
    sa.Column("last_poll", sa.String(40)),
    sa.Column("last_success", sa.String(40)),
    sa.Column("last_error", sa.Text),
    sa.Column("failures", sa.Integer, nullable=False, default=0),
)

announcements = sa.Table(
    "announcements", metadata,
    sa.Column("key", sa.String(1000), primary_key=True),
    sa.Column("source", sa.String(200), nullable=False, index=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("timezone", sa.String(64)),
    sa.Column("published", sa.String(40)),
    sa.Column("basis", sa.String(40)),
    sa.Column("fetched_at", sa.String(40), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("detector", sa.String(40), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("announcement", sa.String(1000), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("event_uid", sa.String(200), nullable=False, index=True),
    sa.Column("published", sa.String(40)),
    sa.Column("data", sa.Text, nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("uid", sa.String(200), primary_key=True),
    sa.Column("start_day", sa.String(10), nullable=False, index=True),
    sa.Column("last_day", sa.String(10), nullable=False, index=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("last_modified", sa.String(40), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    # the event's rendered VEVENT and what the calendar needs to place it, kept until it changes
    sa.Column("sort_key", sa.String(40)),
    sa.Column("tzid", sa.String(64)),
    sa.Column("zone_years", sa.String(20)),
    sa.Column("ics_key", sa.String(40)),
    sa.Column("ics", sa.LargeBinary),
    sa.Column("revision", sa.Integer, index=True),  # when the row last changed (see Store.revisions)
)

alerts = sa.Table(
    "alerts", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("event_uid", sa.String(200), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False, index=True),
    sa.Column("data", sa.Text, nullable=False),
)


def migration_1(conn: Connection) -> None:
    """The first schema: sources, announcements, claims, events, alerts."""
    for table in (source_state, announcements, claims, events, alerts):
        table.create(conn, checkfirst=True)


# The delivery outbox (publisher.deliver.outbox runs the queries). One row per alert and endpoint,
# written in the alert's transaction; `next_attempt_at` is NULL once a row is delivered or dead, so
# the due index holds only live rows. `claim` is the token of the attempt in flight.
deliveries = sa.Table(
    "deliveries", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("alert_id", sa.String(200), nullable=False, index=True),
    sa.Column("event_uid", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("endpoint", sa.String(200), nullable=False, index=True),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("message_id", sa.String(64), nullable=False),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("next_attempt_at", sa.String(40), index=True),
    sa.Column("last_attempt_at", sa.String(40)),
    sa.Column("delivered_at", sa.String(40)),
    sa.Column("last_status", sa.Integer),
    sa.Column("last_error", sa.Text),
    sa.Column("claim", sa.String(40)),
    sa.Column("payload", sa.Text, nullable=False),
)

# Endpoints a receiver disabled (410 Gone); `fingerprint` is a hash of the URL, so a new URL
# under the same name starts enabled again without the URL (which may hold tokens) being stored.
endpoint_state = sa.Table(
    "endpoint_state", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("disabled_at", sa.String(40)),
    sa.Column("reason", sa.Text),
)


def migration_2(conn: Connection) -> None:
    """The delivery outbox for webhooks and notifications, and disabled endpoints."""
    for table in (deliveries, endpoint_state):
        table.create(conn, checkfirst=True)


def add_missing_column(conn: Connection, table: sa.Table, name: str) -> None:
    """ALTER TABLE ADD COLUMN unless it is there: a new database gets it from the table definition."""
    present = {column["name"] for column in sa.inspect(conn).get_columns(table.name)}
    if name not in present:
        column = table.c[name]
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(sa.text(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {kind}'))


def migration_3(conn: Connection) -> None:
    """Announcements keep the zone their front matter or source gave, for re-detection later."""
    add_missing_column(conn, announcements, "timezone")


def migration_4(conn: Connection) -> None:
    """Events keep their rendered VEVENT, so a publish joins stored bytes."""
    for name in ("sort_key", "tzid", "zone_years", "ics_key", "ics"):
        add_missing_column(conn, events, name)


def migration_5(conn: Connection) -> None:
    """Events record the revision they last changed in, so a publish reads only what changed."""
    add_missing_column(conn, events, "revision")
    if "ix_events_revision" not in {index["name"] for index in sa.inspect(conn).get_indexes("events")}:
        conn.execute(sa.text("CREATE INDEX ix_events_revision ON events (revision)"))


MIGRATIONS: list[Callable[[Connection], None]] = [migration_1, migration_2, migration_3, migration_4,
                                                  migration_5]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(engine: Engine) -> int:
    """Apply every migration the database has not seen, each in its own transaction."""
    with engine.begin() as conn:
        meta.create(conn, checkfirst=True)
        current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(f"the database is at schema version {current}, newer than this publisher "
                         f"({SCHEMA_VERSION}); upgrade publisher")
    for number in range(current + 1, SCHEMA_VERSION + 1):
        with engine.begin() as conn:
            MIGRATIONS[number - 1](conn)
            conn.execute(sa.delete(meta).where(meta.c.key == "schema_version"))
            conn.execute(sa.insert(meta).values(key="schema_version", value=str(number)))
    return SCHEMA_VERSION


def stamp(moment: dt.datetime | None) -> str | None:
    """UTC ISO text: sorts chronologically as a string in every database."""
    if moment is None:
        return None
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def day_text(value: dt.date | dt.datetime) -> str:
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


class Store:
    """Reads and writes publisher's state; one instance per process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction; nested calls join the outer one. Database errors become StoreError."""
        if self._conn is not None:
            yield self._conn
            return
        try:
            with self.engine.begin() as conn:
                self._conn = conn
                try:
                    yield conn
                finally:
                    self._conn = None
        except sa.exc.SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"state database {safe_url(str(self.engine.url))}: {reason}") from exc

    def close(self) -> None:
        self.engine.dispose()

    # sources ---------------------------------------------------------------------------------
    def source_cursor(self, name: str) -> dict[str, Any]:
        with self.transaction() as conn:
            row = conn.execute(sa.select(source_state.c.cursor).where(source_state.c.name == name)).first()
        return json.loads(row[0]) if row else {}

    def source_status(self) -> list[dict[str, Any]]:
        with self.transaction() as conn:
            rows = conn.execute(sa.select(source_state).order_by(source_state.c.name)).mappings().all()
        return [{k: v for k, v in row.items() if k != "cursor"} for row in rows]

    def record_poll(self, name: str, *, now: dt.datetime, cursor: dict[str, Any] | None = None,
                    error: str | None = None) -> None:
        """Remember a poll: the new cursor on success, the error and failure count otherwise."""
        with self.transaction() as conn:
            row = conn.execute(sa.select(source_state).where(source_state.c.name == name)).mappings().first()
            values: dict[str, Any] = {"last_poll": stamp(now)}
            if error is None:
                values.update(last_success=stamp(now), last_error=None, failures=0)
                if cursor is not None:
                    values["cursor"] = json.dumps(cursor, sort_keys=True)
            else:
                values.update(last_error=error, failures=(row["failures"] if row else 0) + 1)
            if row is None:
                values.setdefault("cursor", "{}")
                values.setdefault("failures", 0)
                conn.execute(sa.insert(source_state).values(name=name, **values))
            else:
                conn.execute(sa.update(source_state).where(source_state.c.name == name).values(**values))

    # announcements ---------------------------------------------------------------------------
    def announcement_versions(self, source: str) -> dict[str, tuple[str, str]]:
        """key -> (content hash, detector version) for one source."""
        with self.transaction() as conn:
            rows = conn.execute(sa.select(announcements.c.key, announcements.c.hash, announcements.c.detector)
                                .where(announcements.c.source == source)).all()
        return {row[0]: (row[1], row[2]) for row in rows}

    def save_announcement(self, item: Announcement, detector: str) -> None:
        self.save_announcements([item], detector)

    def save_announcements(self, items: Iterable[Announcement], detector: str) -> None:
        """Insert or replace, in batches: one statement per 500 rows, not one per row."""
        rows = [{"key": item.key, "source": item.source, "url": item.url, "title": item.title,
                 "origin": item.origin, "timezone": item.timezone, "published": stamp(item.published),
                 "basis": item.published_basis,
                 "fetched_at": stamp(item.fetched_at), "hash": item.hash, "detector": detector, "text": item.text}
                for item in items]
        self.replace_rows(announcements, announcements.c.key, rows, "key")

    def announcement(self, key: str) -> Announcement | None:
        with self.transaction() as conn:
            row = conn.execute(sa.select(announcements).where(announcements.c.key == key)).mappings().first()
        return row_to_announcement(row) if row is not None else None

    def stale_announcements(self, sources: Iterable[str], detector: str) -> list[Announcement]:
        """Stored announcements last read by another detector version: they must be read again."""
        query = (sa.select(announcements).where(announcements.c.source.in_(sorted(set(sources))))
                 .where(announcements.c.detector != detector).order_by(announcements.c.key))
        with self.transaction() as conn:
            return [row_to_announcement(row) for row in conn.execute(query).mappings()]

    def replace_rows(self, table: sa.Table, key: sa.Column[Any], rows: list[dict[str, Any]], name: str) -> None:
        """Delete the rows with these keys, then insert the new ones with executemany."""
        if not rows:
            return
        with self.transaction() as conn:
            for chunk in chunks([row[name] for row in rows]):
                conn.execute(sa.delete(table).where(key.in_(chunk)))
            conn.execute(sa.insert(table), rows)

    # claims ----------------------------------------------------------------------------------
    def claims_of(self, announcement_key: str) -> list[tuple[str, Claim]]:
        """(event uid, claim) for each detection one announcement made, in its order."""
        return self.claims_of_many([announcement_key])[announcement_key]

    def claims_of_many(self, keys: Iterable[str]) -> dict[str, list[tuple[str, Claim]]]:
        wanted = sorted(set(keys))
        found: dict[str, list[tuple[str, Claim]]] = {key: [] for key in wanted}
        with self.transaction() as conn:
            for chunk in chunks(wanted):
                rows = conn.execute(sa.select(claims.c.announcement, claims.c.event_uid, claims.c.data)
                                    .where(claims.c.announcement.in_(chunk))
                                    .order_by(claims.c.announcement, claims.c.position)).all()
                for row in rows:
                    found[row[0]].append((row[1], claim_from_json(json.loads(row[2]))))
        return found

    def claims_for(self, uids: Iterable[str] | None) -> dict[str, list[Claim]]:
        """Every claim supporting each of the events (all events: None), in publication order."""
        order = (claims.c.published, claims.c.announcement, claims.c.position)
        query = sa.select(claims.c.event_uid, claims.c.data).order_by(*order)
        wanted = sorted(set(uids)) if uids is not None else None
        found: dict[str, list[Claim]] = {uid: [] for uid in wanted or ()}
        with self.transaction() as conn:
            for chunk in chunks(wanted) if wanted is not None else [None]:
                selected = query if chunk is None else query.where(claims.c.event_uid.in_(chunk))
                for row in conn.execute(selected):
                    found.setdefault(row[0], []).append(claim_from_json(json.loads(row[1])))
        return found

    def replace_claims(self, announcement_key: str, published: dt.datetime | None,
                       found: list[tuple[str, Claim]]) -> None:
        self.replace_claims_many({announcement_key: (published, found)})

    def replace_claims_many(self, by_key: dict[str, tuple[dt.datetime | None, list[tuple[str, Claim]]]]) -> None:
        """Each announcement's claims replaced by its new ones (none: the announcement claims nothing)."""
        rows = [{"announcement": key, "position": position, "event_uid": uid, "published": stamp(published),
                 "data": json.dumps(claim_to_json(claim), sort_keys=True, ensure_ascii=False)}
                for key, (published, found) in by_key.items() for position, (uid, claim) in enumerate(found)]
        with self.transaction() as conn:
            for chunk in chunks(sorted(by_key)):
                conn.execute(sa.delete(claims).where(claims.c.announcement.in_(chunk)))
            if rows:
                conn.execute(sa.insert(claims), rows)

    # events ----------------------------------------------------------------------------------
    def events(self, *, since: dt.date | None = None, before: dt.date | None = None, limit: int | None = None,
               latest_first: bool = False) -> list[Event]:
        """Events by start (or latest first) that have not ended before `since`, nor after `before`."""
        order = (events.c.start_day.desc(), events.c.uid.desc()) if latest_first else (events.c.start_day,
                                                                                      events.c.uid)
        query = sa.select(events.c.data).order_by(*order).limit(limit)
        if since is not None:
            query = query.where(events.c.last_day >= since.isoformat())
        if before is not None:
            query = query.where(events.c.last_day < before.isoformat())
        with self.transaction() as conn:
            rows = conn.execute(query).all()
        return [event_from_json(json.loads(row[0])) for row in rows]

    def any_delivery_due(self, now: dt.datetime) -> bool:
        """Whether the outbox holds a delivery to attempt by `now` (cheap: a pass without one never
        loads the HTTP clients)."""
        moment = now.astimezone(dt.UTC).isoformat(timespec="milliseconds")
        with self.transaction() as conn:
            row = conn.execute(sa.select(deliveries.c.id).where(deliveries.c.next_attempt_at <= moment).limit(1))
            return row.first() is not None

    def count_alerts(self) -> int:
        with self.transaction() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(alerts)).scalar_one())

    def count_events(self) -> int:
        with self.transaction() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one())

    def event(self, uid: str) -> Event | None:
        with self.transaction() as conn:
            row = conn.execute(sa.select(events.c.data).where(events.c.uid == uid)).first()
        return event_from_json(json.loads(row[0])) if row else None

    def save_event(self, event: Event) -> None:
        self.save_events([event])

    def save_events(self, items: Iterable[Event]) -> None:
        rows = [{"uid": event.uid, "start_day": day_text(event.start), "last_day": event.last_day().isoformat(),
                 "status": event.status, "last_modified": stamp(event.last_modified),
                 "data": json.dumps(event_to_json(event), sort_keys=True, ensure_ascii=False)} for event in items]
        if not rows:
            return
        with self.transaction():
            revision = self.bump_revision()
            self.replace_rows(events, events.c.uid, [{**row, "revision": revision} for row in rows], "uid")

    def revisions(self) -> tuple[int, int]:
        """(the last revision events changed in, the last revision an event was deleted in)."""
        with self.transaction() as conn:
            values: dict[str, str] = dict(conn.execute(sa.select(meta.c.key, meta.c.value)
                                       .where(meta.c.key.in_(["events_revision", "events_deleted"]))).all())
        return int(values.get("events_revision", 0)), int(values.get("events_deleted", 0))

    def bump_revision(self, *, deleted: bool = False) -> int:
        """A new revision number for a batch of event changes (and deletions)."""
        with self.transaction() as conn:
            revision = self.revisions()[0] + 1
            keys = ["events_revision", "events_deleted"] if deleted else ["events_revision"]
            conn.execute(sa.delete(meta).where(meta.c.key.in_(keys)))
            conn.execute(sa.insert(meta), [{"key": key, "value": str(revision)} for key in keys])
        return revision

    def calendar_rows(self, *, since: dt.date | None = None, cancelled_since: dt.datetime | None = None,
                      after: int | None = None) -> list[tuple[Any, ...]]:
        """(uid, last_day, status, last_modified, sort_key, tzid, zone_years, ics_key) of the events
        a calendar holds: not ended before `since`, not cancelled before `cancelled_since`, and
        changed after revision `after`.

        No event data and no rendered bytes: a publish reads those only for what changed.
        """
        columns = [events.c[n] for n in ("uid", "last_day", "status", "last_modified", "sort_key", "tzid",
                                          "zone_years", "ics_key")]
        query = sa.select(*columns)
        if after is not None:
            query = query.where(events.c.revision > after)
        if since is not None:
            query = query.where(events.c.last_day >= since.isoformat())
        if cancelled_since is not None:
            query = query.where(sa.or_(events.c.status != "cancelled",
                                       events.c.last_modified >= stamp(cancelled_since)))
        with self.transaction() as conn:
            return list(conn.execute(query).all())

    def blocks(self, uids: Iterable[str]) -> dict[str, bytes]:
        """Stored VEVENT bytes by uid."""
        found: dict[str, bytes] = {}
        with self.transaction() as conn:
            for chunk in chunks(sorted(set(uids))):
                query = sa.select(events.c.uid, events.c.ics).where(events.c.uid.in_(chunk))
                for row in conn.execute(query):
                    if row.ics is not None:
                        found[str(row.uid)] = bytes(row.ics)
        return found

    def events_by_uid(self, uids: Iterable[str]) -> list[Event]:
        found: list[Event] = []
        with self.transaction() as conn:
            for chunk in chunks(sorted(set(uids))):
                rows = conn.execute(sa.select(events.c.data).where(events.c.uid.in_(chunk))).all()
                found.extend(event_from_json(json.loads(row[0])) for row in rows)
        return found

    def save_blocks(self, blocks: list[dict[str, Any]]) -> None:
        """Keep rendered VEVENTs: dicts of uid, key, sort_key, tzid, zone_years and ics.

        Saving an event replaces its row, which drops its block: a stored block is always current.
        """
        if not blocks:
            return
        statement = (sa.update(events).where(events.c.uid == sa.bindparam("b_uid"))
                     .values(sort_key=sa.bindparam("b_sort"), tzid=sa.bindparam("b_tzid"),
                             zone_years=sa.bindparam("b_years"), ics=sa.bindparam("b_ics"),
                             ics_key=sa.bindparam("b_key")))
        with self.transaction() as conn:
            conn.execute(statement, [{"b_uid": b["uid"], "b_key": b["key"], "b_sort": b["sort_key"],
                                      "b_tzid": b["tzid"], "b_years": b["zone_years"], "b_ics": b["ics"]}
                                     for b in blocks])

    def delete_event(self, uid: str) -> None:
        with self.transaction() as conn:
            conn.execute(sa.delete(events).where(events.c.uid == uid))
            self.bump_revision(deleted=True)

    # alerts ----------------------------------------------------------------------------------
    def add_alerts(self, items: list[Alert]) -> set[str]:
        """Store the alerts not stored yet (alerts are never rewritten); returns the ids added."""
        fresh = {alert.id: alert for alert in items}
        with self.transaction() as conn:
            for chunk in chunks(sorted(fresh)):
                for row in conn.execute(sa.select(alerts.c.id).where(alerts.c.id.in_(chunk))):
                    fresh.pop(row.id, None)
            if fresh:
                conn.execute(sa.insert(alerts), [
                    {"id": a.id, "event_uid": a.event_uid, "kind": a.kind, "created_at": stamp(a.created_at),
                     "data": json.dumps(alert_to_json(a), sort_keys=True, ensure_ascii=False)}
                    for a in fresh.values()])
        return set(fresh)

    def add_alert(self, alert: Alert) -> bool:
        """Store one alert once; False when its id is already there."""
        return alert.id in self.add_alerts([alert])

    def alerts(self, *, limit: int | None = None) -> list[Alert]:
        """Newest first."""
        query = sa.select(alerts.c.data).order_by(alerts.c.created_at.desc(), alerts.c.id.desc())
        if limit is not None:
            query = query.limit(limit)
        with self.transaction() as conn:
            rows = conn.execute(query).all()
        return [alert_from_json(json.loads(row[0])) for row in rows]

    def alert_ids(self, event_uid: str) -> set[str]:
        with self.transaction() as conn:
            rows = conn.execute(sa.select(alerts.c.id).where(alerts.c.event_uid == event_uid)).all()
        return {row[0] for row in rows}


def row_to_announcement(row: Any) -> Announcement:
    fetched = moment_from_json(row["fetched_at"])
    assert fetched is not None
    return Announcement(source=row["source"], id=row["key"].split(":", 1)[1], text=row["text"],
                        published=moment_from_json(row["published"]), fetched_at=fetched, url=row["url"],
                        title=row["title"], published_basis=row["basis"] or "unknown", origin=row["origin"],
                        timezone=row["timezone"])


def chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    """Slices small enough for any database's limit on bound parameters."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def claim_to_json(claim: Claim) -> dict[str, Any]:
    return {"detection": detection_to_json(claim.detection), "ref": source_ref_to_json(claim.ref)}


def claim_from_json(data: dict[str, Any]) -> Claim:
    return Claim(detection_from_json(data["detection"]), source_ref_from_json(data["ref"]))


def alert_to_json(alert: Alert) -> dict[str, Any]:
    return {"id": alert.id, "event_uid": alert.event_uid, "kind": alert.kind,
            "created_at": alert.created_at.isoformat(), "title": alert.title, "body": alert.body,
            "changes": [change_to_json(c) for c in alert.changes], "links": list(alert.links)}


def alert_from_json(data: dict[str, Any]) -> Alert:
    created = moment_from_json(data["created_at"])
    assert created is not None
    return Alert(id=data["id"], event_uid=data["event_uid"], kind=data["kind"], created_at=created,
                 title=data["title"], body=data["body"],
                 changes=tuple(change_from_json(c) for c in data.get("changes") or ()),
                 links=tuple(data.get("links") or ()))


def create_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path.parent}: cannot create the state folder: {exc.strerror}") from exc
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


@contextmanager
def open_store(config: Any) -> Iterator[Store]:
    """Open (and migrate) the configured database."""
    url = config.database_url
    try:
        engine = create_engine(url)
        migrate(engine)
    except sa.exc.SQLAlchemyError as exc:
        reason = exc.args[0] if exc.args else exc
        raise StoreError(f"state database {safe_url(url)}: {exc.__class__.__name__}: {reason}") from exc
    store = Store(engine)
    try:
        yield store
    finally:
        store.close()


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url
