"""Merging at scale: N detections into a store of N events.

    .venv/bin/python bench/merge.py [--events 10000]

Builds a store of N events from N synthetic announcements (one event each, spread over two
years, with recurring title words so candidates collide), then merges N more announcements:
a third repeat stored events in other words, a third move one (postponed with the original
date), a third are new. The detector is replaced by a lookup, so this times merging, storing
and alerting only. Prints the time of each phase and the outcome counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from publisher import pipeline
from publisher.config import validate
from publisher.model import Announcement, Detection, DetectResult
from publisher.store import open_store

KINDS = ["summit", "strike", "match", "launch", "conference", "visit", "election", "festival"]
PLACES = ["Paris", "Delhi", "Lagos", "Lima", "Oslo", "Osaka", "Quito", "Accra", "Perth", "Turin"]
BASE = dt.date(2027, 1, 1)
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "ni", "qua", "bre", "zu"]


def name(i: int) -> str:
    """A distinct made-up proper name per number, as real titles name distinct organisers."""
    parts = []
    while True:
        i, rest = divmod(i, len(SYLLABLES))
        parts.append(SYLLABLES[rest])
        if not i:
            break
    return "".join(parts).capitalize()


def detection(i: int, rng: random.Random, *, start: dt.date | None = None, **extra: object) -> Detection:
    kind, place = KINDS[i % len(KINDS)], PLACES[(i // len(KINDS)) % len(PLACES)]
    first = start or BASE + dt.timedelta(days=rng.randrange(730))
    return Detection(summary=f"{kind.title()} of the {name(i)} league in {place}", start=first, end=first,
                     all_day=True,
                     location=place, category=kind, **extra)  # type: ignore[arg-type]


def announcements(found: dict[str, Detection], prefix: str) -> list[Announcement]:
    return [Announcement(source="bench", id=f"{prefix}{key}", text=key, published=NOW, fetched_at=NOW)
            for key in found]


def merge(store: object, config: object, items: list[Announcement],
          found: dict[str, Detection]) -> tuple[float, object]:
    pipeline.detect = lambda item, *, now: DetectResult(events=(found[item.text],), mentions=())  # type: ignore
    report = pipeline.RunReport()
    began = time.perf_counter()
    pipeline.merge_announcements(items, store, now=NOW, report=report, progress=pipeline.Silent(),  # type: ignore
                                 config=config)  # type: ignore[arg-type]
    return time.perf_counter() - began, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    n, rng = args.events, random.Random(7)
    first = {f"e{i}": detection(i, rng) for i in range(n)}
    second: dict[str, Detection] = {}
    for i in range(n):
        base = first[f"e{i % n}"]
        if i % 3 == 0:
            second[f"r{i}"] = Detection(summary=f"The {name(i)} league {base.category} confirmed",
                                        start=base.start, end=base.end, all_day=True, location=base.location,
                                        category=base.category)
        elif i % 3 == 1:
            moved = base.start + dt.timedelta(days=14)  # type: ignore[operator]
            second[f"m{i}"] = Detection(summary=base.summary, start=moved, end=moved, all_day=True,
                                        location=base.location, category=base.category, status="postponed",
                                        original_start=base.start)
        else:
            second[f"n{i}"] = detection(n + i, rng)
    with tempfile.TemporaryDirectory() as tmp:
        config = validate({"version": 1, "sources": []}, Path(tmp))
        with open_store(config) as store:
            seconds, report = merge(store, config, announcements(first, "a"), first)
            print(f"store {n:,} events from {n:,} announcements: {seconds:.2f} s "
                  f"({report.new_events:,} new, {len(report.alerts):,} alerts)")  # type: ignore[attr-defined]
            seconds, report = merge(store, config, announcements(second, "b"), second)
            print(f"merge {n:,} detections into {n:,} events: {seconds:.2f} s "
                  f"({report.new_events:,} new, {report.updated_events:,} updated, "  # type: ignore[attr-defined]
                  f"{len(report.alerts):,} alerts; expected ~{n // 3:,} new, ~{n // 3:,} updated)")  # type: ignore


if __name__ == "__main__":
    main()
