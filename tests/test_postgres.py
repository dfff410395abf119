"""The same pipeline on PostgreSQL: the state is a URL change away from SQLite.

Runs when PUBLISHER_TEST_POSTGRES names a server URL whose role may create databases (scripts/test
starts a local PostgreSQL and sets it); each test gets a fresh database, dropped afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator

import icalendar
import pytest
import sqlalchemy as sa

from publisher import pipeline
from publisher.pipeline import run_once
from publisher.store import SCHEMA_VERSION, open_store, schema_version
from tests.conftest import Workspace, require_clients
from tests.scripted import scripted_detect

ADMIN = os.environ.get("PUBLISHER_TEST_POSTGRES")


@pytest.fixture
def database() -> Iterator[str]:
    if not ADMIN:
        if require_clients():
            pytest.fail("PUBLISHER_TEST_POSTGRES is not set (scripts/test starts PostgreSQL and sets it)")
        pytest.skip("PUBLISHER_TEST_POSTGRES is not set: no PostgreSQL server to test against")
    name = f"publisher_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.engine.make_url(ADMIN).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_migrations_reach_the_current_schema(workspace: Workspace, database: str) -> None:
    config = workspace.config(state=database)
    with open_store(config) as store, store.engine.connect() as conn:
        assert schema_version(conn) == SCHEMA_VERSION


def test_the_seed_end_to_end(workspace: Workspace, database: str) -> None:
    workspace.copy_seeds()
    config = workspace.config(state=database)
    with open_store(config) as store:
        report = run_once(config, store, now=dt.datetime(2026, 11, 24, tzinfo=dt.UTC))
        again = run_once(config, store, now=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    assert (report.new_events, len(report.alerts), report.problems) == (1, 1, [])
    assert (again.new_events, again.alerts) == (0, [])
    [event] = icalendar.Calendar.from_ical(workspace.calendar.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2025, 12, 4)


def test_changes_and_views(workspace: Workspace, database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "detect", scripted_detect)
    workspace.add("a.md", "EVENT 2026-12-04 | Cup final | Leeds", published="2026-11-20")
    config = workspace.config(state=database, views=[{"name": "leeds", "places": ["Leeds"]}])
    with open_store(config) as store:
        run_once(config, store, now=dt.datetime(2026, 11, 20, tzinfo=dt.UTC))
        workspace.add("b.md", "EVENT 2026-12-11 | Cup final | Leeds | postponed | original=2026-12-04",
                      published="2026-11-25")
        report = run_once(config, store, now=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    assert [a.kind for a in report.alerts] == ["postponed"]
    [event] = icalendar.Calendar.from_ical((workspace.root / "feeds" / "leeds.ics").read_bytes()).walk("VEVENT")
    assert (event.decoded("DTSTART"), event["SEQUENCE"]) == (dt.date(2026, 12, 11), 1)
