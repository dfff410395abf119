from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from publisher import store as store_module
from publisher.errors import StoreError
from publisher.model import Alert, Announcement, Change, Claim, Detection, Event, Evidence, SourceRef
from publisher.store import SCHEMA_VERSION, Store, create_engine, migrate, safe_url, schema_version

NOW = dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    engine = create_engine(f"sqlite:///{tmp_path / 'state' / 'p.db'}")
    migrate(engine)
    return Store(engine)


def event(uid: str = "u1@publisher", **changes: object) -> Event:
    base = Event(uid=uid, sequence=0, summary="Summit", start=dt.date(2026, 12, 4), end=dt.date(2026, 12, 5),
                 all_day=True, first_seen=NOW, last_modified=NOW, location="Paris", participants=("A", "B"),
                 evidence=Evidence("will meet", 3, 12),
                 sources=(SourceRef("news", "a.md", "Title", "https://x/a", NOW, "AFP"),))
    return base.__class__(**{**base.__dict__, **changes})


def test_migrate_creates_every_table_and_records_the_version(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert migrate(engine) == SCHEMA_VERSION
    with engine.connect() as conn:
        assert schema_version(conn) == SCHEMA_VERSION
        names = set(sa.inspect(conn).get_table_names())
    assert {"meta", "source_state", "announcements", "claims", "events", "alerts"} <= names


def test_migrate_is_idempotent_and_keeps_data(store: Store) -> None:
    store.save_event(event())
    migrate(store.engine)
    assert store.event("u1@publisher") == event()


def test_later_migrations_run_on_an_older_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine)
    added: list[int] = []

    def migration_next(conn: sa.Connection) -> None:
        conn.execute(sa.text("CREATE TABLE extra (x INTEGER)"))
        added.append(1)

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, migration_next])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    assert store_module.migrate(engine) == SCHEMA_VERSION + 1
    assert store_module.migrate(engine) == SCHEMA_VERSION + 1
    assert added == [1]


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'future.db'}")
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(sa.update(store_module.meta).values(value=str(SCHEMA_VERSION + 5)))
    with pytest.raises(StoreError, match="newer than this publisher"):
        migrate(engine)


def test_events_round_trip_and_filter_by_day(store: Store) -> None:
    timed = event("u2@publisher", start=dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC), end=None, all_day=False)
    store.save_event(event())
    store.save_event(timed)
    assert store.events() == [timed, event()]
    assert store.events(since=dt.date(2026, 12, 3)) == [event()]
    store.save_event(event(sequence=1, status="cancelled"))
    assert store.event("u1@publisher").status == "cancelled"  # type: ignore[union-attr]


def test_claims_are_replaced_per_announcement(store: Store) -> None:
    found = Claim(Detection(summary="Summit", start=dt.date(2026, 12, 4), end=None, all_day=True),
                  SourceRef("news", "a.md", "Title", None, NOW, "AFP"))
    store.replace_claims("news:a.md", NOW, [("u1", found), ("u2", found)])
    store.replace_claims("news:a.md", NOW, [("u3", found)])
    assert [uid for uid, _ in store.claims_of("news:a.md")] == ["u3"]
    assert store.claims_for(["u1", "u3"]) == {"u1": [], "u3": [found]}


def test_alerts_are_written_once_and_listed_newest_first(store: Store) -> None:
    first = Alert("a1", "u1", "new", NOW, "New: x", "body")
    later = Alert("a2", "u1", "updated", NOW + dt.timedelta(hours=1), "Updated: x", "body",
                  changes=(Change("start", "2026-12-04", "2026-12-05"),))
    assert store.add_alert(first) and store.add_alert(later)
    assert not store.add_alert(first)
    assert store.alerts() == [later, first]
    assert store.alerts(limit=1) == [later]


def test_announcements_and_poll_state(store: Store) -> None:
    item = Announcement(source="news", id="a.md", text="t", published=NOW, fetched_at=NOW, origin="AFP")
    store.save_announcement(item, "1")
    assert store.announcement_versions("news") == {"news:a.md": (item.hash, "1")}
    assert store.announcement("news:a.md") == item
    store.record_poll("feed", now=NOW, cursor={"etag": '"x"'})
    store.record_poll("feed", now=NOW, error="HTTP 500")
    assert store.source_cursor("feed") == {"etag": '"x"'}
    [status] = store.source_status()
    assert (status["failures"], status["last_error"]) == (1, "HTTP 500")


def test_passwords_are_hidden_in_messages() -> None:
    assert "s3cret" not in safe_url("postgresql://user:s3cret@db/pub")


def test_alerts_are_added_in_batches_once(store: Store) -> None:
    first = Alert("a1", "u1", "new", NOW, "New: x", "body")
    second = Alert("a2", "u2", "new", NOW, "New: y", "body")
    assert store.add_alerts([first, second]) == {"a1", "a2"}
    assert store.add_alerts([first, Alert("a3", "u3", "new", NOW, "New: z", "body")]) == {"a3"}
    assert store.count_alerts() == 3
