"""Publishing at scale: render and write calendar.ics and alerts.xml for N stored events.

    .venv/bin/python bench/publish.py [--sizes 1000 10000 100000]

For each size, in a fresh SQLite store of N events (a mix of all-day, multi-day and timed events
in four zones, some cancelled) and 200 alerts, it times:
  - cold:   the first publish, every VEVENT rendered (and kept in the store);
  - full:   a publish from the store in a new process's state (rendered blocks reused);
  - one:    a publish after one event of N changed;
  - naive:  the same calendar built as one icalendar.Calendar of N Event components, as a
            straightforward implementation would, and serialised.
Peak memory (tracemalloc) is given for each. Timings are wall-clock on this machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import tempfile
import time
import tracemalloc
import zoneinfo
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from publisher import pipeline
from publisher import publish as publishing
from publisher.alerts import make_alert
from publisher.config import validate
from publisher.model import Event, Evidence, SourceRef
from publisher.render.ics import calendar_header, vevent
from publisher.store import open_store

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
ZONES = ["Asia/Kolkata", "America/New_York", "Europe/London", "Africa/Lagos"]


def make_event(i: int) -> Event:
    day = dt.date(2026, 1, 1) + dt.timedelta(days=i % 900)
    ref = SourceRef("news", f"a{i}.md", f"Announcement {i}", f"https://example.org/news/{i}", NOW, "Agency")
    common: dict[str, Any] = {
        "uid": f"{i:08d}@publisher", "sequence": i % 3, "summary": f"Event {i}: summit of the northern league",
        "first_seen": NOW, "last_modified": NOW, "location": "Conference Centre, Springfield",
        "participants": ("Alpha Org", "Beta Union"), "category": "summit", "sources": (ref,),
        "status": "cancelled" if i % 17 == 0 else "scheduled",
        "evidence": Evidence(f"The summit {i} will be held on the day at the Conference Centre.", 0, 60),
    }
    if i % 3 == 0:
        zone = zoneinfo.ZoneInfo(ZONES[i % len(ZONES)])
        start = dt.datetime.combine(day, dt.time(10, 30), zone)
        return Event(start=start, end=start + dt.timedelta(hours=2), all_day=False, timezone=zone.key, **common)
    return Event(start=day, end=day + dt.timedelta(days=i % 3), all_day=True, **common)


def measure(action: Callable[[], Any], *, memory: bool = True) -> tuple[float, float]:
    """Wall time of one run, then peak traced memory of a second run (tracing slows it down)."""
    gc.collect()
    began = time.perf_counter()
    action()
    seconds = time.perf_counter() - began
    if not memory:
        return seconds, float("nan")
    gc.collect()
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak


def naive(events: list[Event], config: Any) -> bytes:
    info = publishing.calendar_info(config, "bench", "calendar.ics")
    cal = calendar_header(info)
    for event in events:
        cal.add_component(vevent(event, info))
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def bench(n: int) -> dict[str, tuple[float, float]]:
    events = [make_event(i) for i in range(n)]
    results: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        config = validate({"version": 1, "sources": [], "calendar": {"past": "all", "cancelled": "all"},
                           "reminders": []}, Path(tmp))
        with open_store(config) as store:
            store.save_events(events)
            for event in events[:200]:
                store.add_alert(make_alert("new", event, (), now=NOW))

            def publish() -> None:
                pipeline.publish(config, store, now=NOW, report=pipeline.RunReport())

            results["cold"] = measure(publish, memory=False)
            (config.output_dir / "calendar.ics").unlink()
            publishing.LISTINGS.clear()  # as a new process: every stored block read back
            results["full"] = measure(lambda: (publishing.LISTINGS.clear(), publish()))
            changed = replace(events[n // 2], sequence=9, summary="Moved summit", last_modified=NOW)
            store.save_events([changed])
            results["one"] = measure(publish)
            size = (config.output_dir / "calendar.ics").stat().st_size
        results["naive"] = measure(lambda: naive(events, config))
    print(f"  calendar.ics: {size / 2**20:.1f} MiB")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        print(f"{n:,} events ...", flush=True)
        rows.append((n, bench(n)))
    print(f"\n{'events':>8} | {'cold s':>7} | {'full s':>7} | {'one changed s':>13} | {'naive icalendar s':>17} | "
          f"{'peak MiB (full / naive)':>23}")
    for n, r in rows:
        print(f"{n:>8,} | {r['cold'][0]:>7.3f} | {r['full'][0]:>7.3f} | {r['one'][0]:>13.3f} | "
              f"{r['naive'][0]:>17.3f} | "
              f"{r['full'][1]:>10.0f} / {r['naive'][1]:<10.0f}")


if __name__ == "__main__":
    main()
