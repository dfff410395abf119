"""Real clients read our feeds: khal, calcurse, ical.js (Thunderbird's parser), vdirsyncer, newsboat, feedparser.

Each check asserts what the client shows (summaries, dates, counts), not only that it ran. Two sets
of feeds are read: one rendered from events and alerts built here (all-day, multi-day, timed in
Asia/Kolkata and America/New_York across DST, UTC, cancelled, postponed), with the expected
view written out by hand; and the real output of `publisher run` on the project's seeds with the
shipped config.yaml, where the expected view comes from the file itself.

A missing client skips its test with the reason, unless PUBLISHER_REQUIRE_CLIENTS=1 (CI), which
turns a skip into a failure. `scripts/install-test-deps` installs them all. Every client runs in
a temp HOME with its own config, in UTC, and talks to nothing but files and 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zoneinfo
from calendar import timegm
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import feedparser
import icalendar
import pytest

from publisher.alerts import make_alert
from publisher.model import Alert, Change, Event, Evidence, SourceRef
from publisher.render.ics import CalendarInfo, render_calendar
from publisher.render.rss import FeedInfo, render_alerts
from tests.feedlint import lint_ics, lint_rss
from tests.httpserver import LoopbackServer

pytestmark = pytest.mark.clients

REPO = Path(__file__).resolve().parents[1]
CLIENTS = REPO / "tests" / "clients"
PIPELINE_NOW = "2026-11-24T12:00:00Z"
UTC = dt.UTC
KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
SEEN = dt.datetime(2025, 11, 28, 9, 0, tzinfo=UTC)
TIMEOUT = 120
When = dt.date | dt.datetime


# --------------------------------------------------------------------------------------------------
# clients present or not


def clients_required() -> bool:
    """CI sets PUBLISHER_REQUIRE_CLIENTS=1: there a missing client is a failure, not a skip."""
    return os.environ.get("PUBLISHER_REQUIRE_CLIENTS") == "1"


def missing(reason: str) -> NoReturn:
    hint = " (run scripts/install-test-deps)"
    if clients_required():
        pytest.fail(reason + hint + "; PUBLISHER_REQUIRE_CLIENTS=1 makes this a failure")
    pytest.skip(reason + hint)


def need(binary: str) -> str:
    """The client's path, or a skip (a failure under PUBLISHER_REQUIRE_CLIENTS=1) naming what is missing."""
    path = shutil.which(binary)
    if path is None:
        missing(f"{binary} is not installed")
    return path


def need_icaljs() -> str:
    node = need("node")
    if not (CLIENTS / "node_modules" / "ical.js" / "package.json").is_file():
        missing(f"ical.js is not installed in {CLIENTS} (npm ci there)")
    return node


# --------------------------------------------------------------------------------------------------
# what a calendar should show


@dataclass(frozen=True)
class Shown:
    """One event as a person should see it: all-day as dates (end inclusive), timed as UTC instants."""

    uid: str
    summary: str
    start: When
    last: When
    status: str = "CONFIRMED"

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    def days(self) -> list[dt.date]:
        """The days (in UTC) the event touches: khal and calcurse list it on each."""
        first, last = as_date(self.start), as_date(self.last)
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def as_date(value: When) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def utc(year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def shown_in_file(data: bytes) -> list[Shown]:
    """The events of an .ics read with icalendar, as a person should see them (for the pipeline's feed)."""
    found = []
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if isinstance(start, dt.datetime):
            start, last = start.astimezone(UTC), end.astimezone(UTC)
        else:
            last = end - dt.timedelta(days=1)
        found.append(Shown(str(event["UID"]), str(event["SUMMARY"]), start, last,
                           str(event.get("STATUS", "CONFIRMED"))))
    return sorted(found, key=lambda s: s.uid)


# --------------------------------------------------------------------------------------------------
# the feeds built here


LONG_SUMMARY = ("India–Russia annual summit: talks on defence, trade and civil nuclear energy, "
                "with a joint statement – राजकीय यात्रा (state visit), Визит Путина в Индию")


def make_event(uid: str, summary: str, start: When, end: When | None, **fields: Any) -> Event:
    values: dict[str, Any] = {"uid": uid, "sequence": 0, "summary": summary, "start": start, "end": end,
                              "all_day": not isinstance(start, dt.datetime), "first_seen": SEEN,
                              "last_modified": SEEN}
    values.update(fields)
    return Event(**values)


EVENTS = (
    make_event("parade@publisher", "Republic Day parade", dt.date(2026, 1, 26), dt.date(2026, 1, 26),
               location="Kartavya Path, New Delhi"),
    make_event("visit@publisher", LONG_SUMMARY, dt.date(2025, 12, 4), dt.date(2025, 12, 5),
               location="New Delhi", participants=("Vladimir Putin", "Narendra Modi"),
               evidence=Evidence('<script>alert("x")</script> will pay a State visit', 0, 40),
               sources=(SourceRef("seeds", "visit", "Putin to visit", "https://example.org/visit", SEEN, "PTI"),)),
    make_event("banquet@publisher", "Banquet at Rashtrapati Bhavan",
               dt.datetime(2025, 12, 4, 19, 30, tzinfo=KOLKATA), dt.datetime(2025, 12, 4, 22, 0, tzinfo=KOLKATA),
               timezone="Asia/Kolkata"),
    make_event("hackathon@publisher", "Overnight hackathon (spring forward)",
               dt.datetime(2026, 3, 7, 20, 0, tzinfo=NEW_YORK), dt.datetime(2026, 3, 8, 10, 0, tzinfo=NEW_YORK),
               timezone="America/New_York"),
    make_event("unga@publisher", "UN General Assembly address",
               dt.datetime(2026, 9, 22, 10, 0, tzinfo=NEW_YORK), None, timezone="America/New_York"),
    make_event("late-show@publisher", "Late show (second 01:30 of fall back)",
               dt.datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NEW_YORK),
               dt.datetime(2026, 11, 1, 3, 0, tzinfo=NEW_YORK), timezone="America/New_York"),
    make_event("call@publisher", "Press call", utc(2026, 1, 15, 9, 0), utc(2026, 1, 15, 9, 45)),
    make_event("presser@publisher", "Joint press conference", dt.date(2025, 12, 5), dt.date(2025, 12, 5),
               status="cancelled", sequence=2),
    make_event("forum@publisher", "Business forum", dt.date(2026, 2, 10), dt.date(2026, 2, 11),
               status="postponed", sequence=1, original_start=dt.date(2025, 12, 6)),
)

EXPECTED_EVENTS = sorted([
    Shown("parade@publisher", "Republic Day parade", dt.date(2026, 1, 26), dt.date(2026, 1, 26)),
    Shown("visit@publisher", LONG_SUMMARY, dt.date(2025, 12, 4), dt.date(2025, 12, 5)),
    Shown("banquet@publisher", "Banquet at Rashtrapati Bhavan", utc(2025, 12, 4, 14, 0), utc(2025, 12, 4, 16, 30)),
    Shown("hackathon@publisher", "Overnight hackathon (spring forward)", utc(2026, 3, 8, 1, 0),
          utc(2026, 3, 8, 14, 0)),
    Shown("unga@publisher", "UN General Assembly address", utc(2026, 9, 22, 14, 0), utc(2026, 9, 22, 15, 0)),
    Shown("late-show@publisher", "Late show (second 01:30 of fall back)", utc(2026, 11, 1, 6, 30),
          utc(2026, 11, 1, 8, 0)),
    Shown("call@publisher", "Press call", utc(2026, 1, 15, 9, 0), utc(2026, 1, 15, 9, 45)),
    Shown("presser@publisher", "Joint press conference", dt.date(2025, 12, 5), dt.date(2025, 12, 5), "CANCELLED"),
    Shown("forum@publisher", "Business forum", dt.date(2026, 2, 10), dt.date(2026, 2, 11), "TENTATIVE"),
], key=lambda s: s.uid)


def build_alerts() -> list[Alert]:
    """The messages of a few events' lives: new, updated, postponed, reminder, cancelled."""
    by_uid = {event.uid: event for event in EVENTS}
    visit, presser, forum = by_uid["visit@publisher"], by_uid["presser@publisher"], by_uid["forum@publisher"]
    day = dt.timedelta(days=1)
    return [
        make_alert("new", visit, (), now=SEEN),
        make_alert("new", presser, (), now=SEEN + dt.timedelta(minutes=5)),
        make_alert("updated", visit, (Change("location", None, "New Delhi"),), now=SEEN + day, tag="1"),
        make_alert("postponed", forum, (Change("status", "scheduled", "postponed"),), now=SEEN + 2 * day),
        make_alert("reminder", visit, (), now=SEEN + 5 * day, tag="reminder:86400"),
        make_alert("cancelled", presser, (Change("status", "scheduled", "cancelled"),), now=SEEN + 6 * day),
    ]


ALERTS = build_alerts()


@dataclass(frozen=True)
class Feeds:
    """A pair of feed files and what a person should see in them."""

    name: str
    calendar: Path
    alerts: Path
    events: list[Shown]
    alert_ids: list[str]

    def window(self) -> tuple[dt.date, dt.date]:
        """Days around all events, for the clients' list ranges."""
        days = [as_date(s.start) for s in self.events] + [as_date(s.last) for s in self.events]
        if not days:
            return dt.date(2025, 1, 1), dt.date(2027, 12, 31)
        return min(days) - dt.timedelta(days=2), max(days) + dt.timedelta(days=2)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Feeds:
    """Feeds rendered from the events and alerts above; the lint must pass them."""
    folder = tmp_path_factory.mktemp("built")
    info = CalendarInfo(name="publisher test", description="Client test calendar",
                        url="http://127.0.0.1/calendar.ics", timezone="UTC")
    feed = FeedInfo(title="publisher test alerts", link="http://127.0.0.1/", self_url="http://127.0.0.1/alerts.xml",
                    description="Client test alerts")
    calendar, alerts = folder / "calendar.ics", folder / "alerts.xml"
    calendar.write_bytes(render_calendar(EVENTS, info))
    alerts.write_bytes(render_alerts(ALERTS, feed))
    assert lint_ics(calendar.read_bytes()) == []
    assert lint_rss(alerts.read_bytes()) == []
    assert shown_in_file(calendar.read_bytes()) == EXPECTED_EVENTS
    newest_first = sorted(ALERTS, key=lambda a: (a.created_at, a.id), reverse=True)
    return Feeds("built", calendar, alerts, EXPECTED_EVENTS, [a.id for a in newest_first])


def publisher_command() -> list[str]:
    """The installed `publisher` script beside this Python (the venv's), else `python -m publisher`."""
    script = Path(sys.executable).with_name("publisher")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "publisher"]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Feeds:
    """`publisher run` on the project's seeds with the shipped config.yaml, in a temp copy."""
    folder = tmp_path_factory.mktemp("pipeline")
    shutil.copy(REPO / "config.yaml", folder / "config.yaml")
    shutil.copytree(REPO / "seeds", folder / "seeds")
    done = subprocess.run([*publisher_command(), "run", "--config", str(folder / "config.yaml"),
                           "--now", PIPELINE_NOW], capture_output=True, text=True, timeout=600, cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr
    calendar, alerts = folder / "feeds" / "calendar.ics", folder / "feeds" / "alerts.xml"
    assert lint_ics(calendar.read_bytes()) == []
    assert lint_rss(alerts.read_bytes()) == []
    ids = [entry.id for entry in feedparser.parse(alerts.read_bytes()).entries]
    return Feeds("pipeline", calendar, alerts, shown_in_file(calendar.read_bytes()), ids)


@pytest.fixture(params=["built", "pipeline"])
def feeds(request: pytest.FixtureRequest) -> Feeds:
    value: Feeds = request.getfixturevalue(request.param)
    return value


def seed_visit(events: list[Shown]) -> Shown | None:
    """The seed article's event (Putin's State visit to India), if the detector found it."""
    return next((s for s in events if re.search(r"putin|india|russia", s.summary, re.I)), None)


def test_pipeline_seed_event(pipeline: Feeds) -> None:
    """The seed announces a visit on 4-5 December 2025, and the feed holds exactly that."""
    visit = seed_visit(pipeline.events)
    assert visit is not None, f"no seed event in the feed ({len(pipeline.events)} events)"
    assert len(pipeline.events) == 1
    assert visit.all_day
    assert (visit.start, visit.last) == (dt.date(2025, 12, 4), dt.date(2025, 12, 5))


# --------------------------------------------------------------------------------------------------
# running a client


def client_env(home: Path) -> dict[str, str]:
    """A private HOME and XDG dirs, UTC, UTF-8: nothing of the user's is read or written."""
    for name in ("config", "data", "cache", "tmp"):
        (home / name).mkdir(parents=True, exist_ok=True)
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "TZ": "UTC",
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
            "TMPDIR": str(home / "tmp"), "NO_COLOR": "1"}


def run(args: list[str], home: Path, *, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=client_env(home), capture_output=True, text=True, timeout=TIMEOUT,
                          stdin=subprocess.DEVNULL, cwd=home)
    assert done.returncode in ok, f"{args[0]} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def stamp(value: When) -> str:
    """How khal shows a start or end with our config: dates as days, times in UTC."""
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else value.isoformat()


# --------------------------------------------------------------------------------------------------
# khal


KHAL_FORMAT = "{uid}|{start}|{end}|{title}|{status}"


def khal_config(home: Path, calendar_dir: Path) -> Path:
    calendar_dir.mkdir(parents=True, exist_ok=True)
    config = home / "khal.conf"
    config.write_text(f"""[calendars]
[[feed]]
path = {calendar_dir}
type = calendar

[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M

[default]
default_calendar = feed

[sqlite]
path = {home / "khal.db"}
""", encoding="utf-8")
    return config


def khal_view(output: str) -> dict[str, tuple[str, str, str, str]]:
    """khal lines `uid|start|end|title|status`, one entry per UID (multi-day events repeat per day)."""
    view = {}
    for line in output.splitlines():
        if line.count("|") >= 4:
            uid, start, end, rest = line.split("|", 3)
            title, _, status = rest.rpartition("|")
            view[uid] = (start, end, title, status.strip() or "CONFIRMED")
    return view


def khal_expected(events: list[Shown]) -> dict[str, tuple[str, str, str, str]]:
    return {s.uid: (stamp(s.start), stamp(s.last), s.summary, s.status) for s in events}


def test_khal_printics(feeds: Feeds, tmp_path: Path) -> None:
    khal = need("khal")
    config = khal_config(tmp_path, tmp_path / "calendar")
    done = run([khal, "-c", str(config), "printics", "-f", KHAL_FORMAT, str(feeds.calendar)], tmp_path)
    assert done.stdout.splitlines()[0] == f"{len(feeds.events)} events found in {feeds.calendar}"
    assert khal_view(done.stdout) == khal_expected(feeds.events)
    assert "error" not in done.stderr.lower()


def test_khal_import_and_list(feeds: Feeds, tmp_path: Path) -> None:
    khal = need("khal")
    calendar_dir = tmp_path / "calendar"
    config = khal_config(tmp_path, calendar_dir)
    imported = run([khal, "-c", str(config), "import", "--batch", "-a", "feed", str(feeds.calendar)], tmp_path)
    assert "error" not in imported.stderr.lower()
    assert len(list(calendar_dir.glob("*.ics"))) == len(feeds.events)
    first, last = feeds.window()
    listed = run([khal, "-c", str(config), "list", "--day-format", "", "--format", KHAL_FORMAT,
                  first.isoformat(), last.isoformat()], tmp_path)
    assert khal_view(listed.stdout) == khal_expected(feeds.events)
    lines = [line for line in listed.stdout.splitlines() if line.strip()]
    assert len(lines) == sum(len(s.days()) for s in feeds.events), listed.stdout


def test_khal_multi_day_event_spans_exactly_its_days(built: Feeds, tmp_path: Path) -> None:
    """The two-day visit shows on 4 and 5 December, not on the 6th (DTEND is exclusive)."""
    khal = need("khal")
    config = khal_config(tmp_path, tmp_path / "calendar")
    run([khal, "-c", str(config), "import", "--batch", "-a", "feed", str(built.calendar)], tmp_path)
    days = {}
    for day in ("2025-12-03", "2025-12-04", "2025-12-05", "2025-12-06"):
        out = run([khal, "-c", str(config), "list", "--day-format", "", "--format", "{uid}", day, "1d"], tmp_path)
        days[day] = "visit@publisher" in out.stdout.split()
    assert days == {"2025-12-03": False, "2025-12-04": True, "2025-12-05": True, "2025-12-06": False}


# --------------------------------------------------------------------------------------------------
# calcurse


IMPORT_REPORT = re.compile(r"(\d+) apps? / (\d+) events? / (\d+) todos? / (\d+) skipped")


def calcurse_import(calcurse: str, feeds: Feeds, home: Path) -> Path:
    """Import into a fresh data dir; calcurse skips (and exits 1 for) any event whose times it rejects."""
    data = home / "calcurse"
    data.mkdir()
    done = run([calcurse, "-D", str(data), "-C", str(data), "-i", str(feeds.calendar)], home)
    report = IMPORT_REPORT.search(done.stdout)
    assert report, done.stdout
    apps, events, todos, skipped = (int(n) for n in report.groups())
    assert (skipped, todos) == (0, 0), done.stdout + done.stderr
    assert apps + events == len(feeds.events)
    assert apps == sum(1 for s in feeds.events if not s.all_day)
    return data


def calcurse_query(calcurse: str, data: Path, feeds: Feeds, home: Path) -> dict[str, set[tuple[str, str]]]:
    """What `calcurse -Q` lists, by summary: (day, 'all day') for events, (day, 'start -> end') for appointments."""
    first, last = feeds.window()
    done = run([calcurse, "-D", str(data), "-C", str(data), "-Q", "--input-datefmt", "4",
                "--output-datefmt", "%Y-%m-%d", "--from", first.isoformat(), "--to", last.isoformat(),
                "--format-apt", "APT|%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|%m\n",
                "--format-recur-apt", "APT|%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|%m\n",
                "--format-event", "EVENT|%m\n", "--format-recur-event", "EVENT|%m\n"], home)
    seen: dict[str, set[tuple[str, str]]] = {}
    day = ""
    for line in done.stdout.splitlines():
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}:", line):
            day = line[:-1]
        elif line.startswith("EVENT|"):
            seen.setdefault(line[6:], set()).add((day, "all day"))
        elif line.startswith("APT|"):
            _, start, end, summary = line.split("|", 3)
            seen.setdefault(summary, set()).add((day, f"{start} -> {end}"))
    return seen


def calcurse_expected(events: list[Shown]) -> dict[str, set[tuple[str, str]]]:
    expected: dict[str, set[tuple[str, str]]] = {}
    for s in events:
        if s.all_day:
            expected.setdefault(s.summary, set()).update((day.isoformat(), "all day") for day in s.days())
        else:
            expected.setdefault(s.summary, set()).update(
                (day.isoformat(), f"{stamp(s.start)} -> {stamp(s.last)}") for day in s.days())
    return expected


def test_calcurse_imports_every_event_and_lists_the_right_days(feeds: Feeds, tmp_path: Path) -> None:
    calcurse = need("calcurse")
    data = calcurse_import(calcurse, feeds, tmp_path)
    assert calcurse_query(calcurse, data, feeds, tmp_path) == calcurse_expected(feeds.events)


def test_calcurse_rejects_what_the_lint_rejects(tmp_path: Path) -> None:
    """Guards the guard: an all-day DTEND on its DTSTART day is refused by calcurse and by our lint."""
    calcurse = need("calcurse")
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:x@t\r\n"
                    b"DTSTAMP:20251128T090000Z\r\nDTSTART;VALUE=DATE:20251204\r\nDTEND;VALUE=DATE:20251204\r\n"
                    b"SUMMARY:Same-day end\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert any("must be after DTSTART" in problem for problem in lint_ics(bad.read_bytes()))
    data = tmp_path / "calcurse"
    data.mkdir()
    done = run([calcurse, "-D", str(data), "-C", str(data), "-i", str(bad)], tmp_path, ok=(0, 1))
    report = IMPORT_REPORT.search(done.stdout)
    assert report and report.group(4) == "1", done.stdout


# --------------------------------------------------------------------------------------------------
# ical.js (Thunderbird's parser)


def icaljs_events(node: str, calendar: Path, home: Path) -> dict[str, Any]:
    done = run([node, str(CLIENTS / "ics-events.mjs"), str(calendar)], home)
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def icaljs_view(event: dict[str, Any]) -> tuple[str, str, str, str]:
    """(summary, start, last, status) the way Shown writes them: dates, or UTC instants."""
    def moment(time: dict[str, Any], *, end: bool) -> str:
        if time["isDate"]:
            day = dt.date.fromisoformat(time["value"])
            return (day - dt.timedelta(days=1) if end else day).isoformat()
        assert time["zone"] != "floating", f"{event['uid']}: read as floating time"
        return dt.datetime.fromisoformat(time["utc"].replace("Z", "+00:00")).isoformat()
    return (event["summary"], moment(event["start"], end=False), moment(event["end"], end=True),
            event["status"] or "CONFIRMED")


def shown_view(s: Shown) -> tuple[str, str, str, str]:
    return (s.summary, s.start.isoformat(), s.last.isoformat(), s.status)


def test_icaljs_reads_every_event(feeds: Feeds, tmp_path: Path) -> None:
    node = need_icaljs()
    parsed = icaljs_events(node, feeds.calendar, tmp_path)
    assert parsed["version"] == "2.0"
    assert parsed["name"]
    assert {e["uid"]: icaljs_view(e) for e in parsed["events"]} == {s.uid: shown_view(s) for s in feeds.events}


def test_icaljs_sees_dst_lengths_and_sequences(built: Feeds, tmp_path: Path) -> None:
    """13 hours across spring forward; the cancelled event keeps its SEQUENCE."""
    node = need_icaljs()
    events = {e["uid"]: e for e in icaljs_events(node, built.calendar, tmp_path)["events"]}
    assert events["hackathon@publisher"]["durationSeconds"] == 13 * 3600
    assert events["hackathon@publisher"]["start"]["zone"] == "America/New_York"
    assert events["banquet@publisher"]["start"]["value"] == "2025-12-04T19:30:00"
    assert events["presser@publisher"]["sequence"] == 2
    assert events["visit@publisher"]["durationSeconds"] == 2 * 86400


# --------------------------------------------------------------------------------------------------
# vdirsyncer: a real subscription over HTTP (127.0.0.1), then khal on what it synced


def vdirsyncer_config(home: Path, url: str, local: Path) -> Path:
    """A subscription of `url` (http storage) synced into the folder `local`."""
    config = home / "vdirsyncer.conf"
    config.write_text(f"""[general]
status_path = "{home / 'status'}/"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null
conflict_resolution = "a wins"

[storage feed_remote]
type = "http"
url = "{url}"

[storage feed_local]
type = "filesystem"
path = "{local}/"
fileext = ".ics"
""", encoding="utf-8")
    return config


def test_vdirsyncer_subscribes_over_http(feeds: Feeds, tmp_path: Path) -> None:
    vdirsyncer = need("vdirsyncer")
    local = tmp_path / "synced"
    local.mkdir()
    with LoopbackServer() as server:
        url = server.serve("/calendar.ics", feeds.calendar.read_bytes(), content_type="text/calendar; charset=utf-8")
        config = vdirsyncer_config(tmp_path, url, local)
        run([vdirsyncer, "-c", str(config), "discover"], tmp_path)
        run([vdirsyncer, "-c", str(config), "sync"], tmp_path)
        assert server.requests_to("/calendar.ics")
    synced = sorted(local.glob("*.ics"))
    assert len(synced) == len(feeds.events)
    # vdirsyncer's http storage replaces every UID by a hash of the item (it distrusts remote UIDs),
    # so what it kept is compared without the UID.
    kept = sorted(without_uid(s) for item in synced for s in shown_in_file(item.read_bytes()))
    assert kept == sorted(without_uid(s) for s in feeds.events)
    if shutil.which("khal") and feeds.events:
        khal_config(tmp_path, local)
        first, last = feeds.window()
        listed = run(["khal", "-c", str(tmp_path / "khal.conf"), "list", "--day-format", "", "--format",
                      KHAL_FORMAT, first.isoformat(), last.isoformat()], tmp_path)
        assert sorted(khal_view(listed.stdout).values()) == sorted(khal_expected(feeds.events).values())


def without_uid(s: Shown) -> tuple[str, str, str, str]:
    return (s.summary, s.start.isoformat(), s.last.isoformat(), s.status)


# --------------------------------------------------------------------------------------------------
# newsboat over HTTP (127.0.0.1)


@dataclass
class Newsboat:
    binary: str
    home: Path
    url: str

    def reload(self) -> int:
        """Reload and return the unread count newsboat prints."""
        urls = self.home / "urls"
        urls.write_text(self.url + "\n", encoding="utf-8")
        done = run([self.binary, "-u", str(urls), "-c", str(self.home / "cache.db"), "-C",
                    str(self.home / "newsboat.conf"), "-x", "reload", "print-unread"], self.home)
        count = re.search(r"(\d+) unread articles", done.stdout)
        assert count, done.stdout + done.stderr
        return int(count.group(1))

    def items(self) -> list[tuple[str, str, int, str]]:
        """(guid, title, pubDate, content) of every stored item, from newsboat's own cache."""
        with sqlite3.connect(self.home / "cache.db") as db:
            rows = db.execute("SELECT guid, title, pubDate, content FROM rss_item ORDER BY pubDate DESC, guid")
            return [(str(g), str(t), int(p), str(c)) for g, t, p, c in rows]


@pytest.fixture
def newsboat_for(tmp_path: Path) -> Iterator[Any]:
    binary = need("newsboat")
    with LoopbackServer() as server:
        def start(feeds: Feeds) -> tuple[Newsboat, LoopbackServer]:
            (tmp_path / "newsboat.conf").write_text("", encoding="utf-8")
            url = server.serve("/alerts.xml", feeds.alerts.read_bytes(),
                               content_type="application/rss+xml; charset=utf-8")
            return Newsboat(binary, tmp_path, url), server
        yield start


def test_newsboat_shows_each_alert_once(feeds: Feeds, newsboat_for: Any) -> None:
    reader, server = newsboat_for(feeds)
    assert reader.reload() == len(feeds.alert_ids)
    assert reader.reload() == len(feeds.alert_ids)
    assert reader.reload() == len(feeds.alert_ids)
    stored = reader.items()
    assert sorted(guid for guid, *_ in stored) == sorted(feeds.alert_ids)
    parsed = feedparser.parse(feeds.alerts.read_bytes())
    titles = {entry.id: entry.title for entry in parsed.entries}
    dates = {entry.id: timegm(entry.published_parsed) for entry in parsed.entries}
    assert {guid: (title, date) for guid, title, date, _ in stored} == {
        guid: (titles[guid], dates[guid]) for guid in feeds.alert_ids}
    assert all("<script" not in content for *_, content in stored)
    asked = server.requests_to("/alerts.xml")
    assert len(asked) == 3
    assert any(r.header("If-None-Match") or r.header("If-Modified-Since") for r in asked[1:]), \
        "newsboat never made a conditional GET"


def test_newsboat_shows_built_alert_titles(built: Feeds, newsboat_for: Any) -> None:
    reader, _ = newsboat_for(built)
    reader.reload()
    titles = [title for _, title, _, _ in reader.items()]
    assert titles[0].startswith("Cancelled: Joint press conference")
    assert titles[-1].startswith("New: India–Russia annual summit")
    assert sum(title.startswith("New: ") for title in titles) == 2


# --------------------------------------------------------------------------------------------------
# feedparser


def test_feedparser_reads_the_alerts(feeds: Feeds) -> None:
    parsed = feedparser.parse(feeds.alerts.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title
    assert [entry.id for entry in parsed.entries] == feeds.alert_ids
    for entry in parsed.entries:
        assert entry.guidislink is False
        assert entry.tags[0].term in ("new", "updated", "postponed", "cancelled", "reminder")
        assert "<script" not in entry.summary


def test_feedparser_sees_the_built_categories(built: Feeds) -> None:
    parsed = feedparser.parse(built.alerts.read_bytes())
    by_id = {alert.id: alert for alert in ALERTS}
    assert [(entry.tags[0].term, entry.title) for entry in parsed.entries] == [
        (by_id[ident].kind, by_id[ident].title) for ident in built.alert_ids]
    assert "&lt;script&gt;" in parsed.entries[-1].summary
