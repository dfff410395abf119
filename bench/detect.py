"""Throughput of the detector on the dev announcements, against dateparser's search_dates.

    .venv/bin/python bench/detect.py [--rounds N]

Reads ../shared/eval/dev.jsonl at run time (skips with a message when it is absent), warms the
gazetteer once, then times `detect` in process over every text, and dateparser's `search_dates`
over the same texts. Prints milliseconds per document (best and median of
the rounds, wall clock and process CPU time) and the ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from publisher.codec import parse_published
from publisher.detect import detect
from publisher.model import Announcement

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"
NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def load(path: Path) -> list[Announcement]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        record = json.loads(line)
        published = parse_published(record.get("published"))
        items.append(Announcement(source="bench", id=str(record.get("id", number)), text=record.get("text") or "",
                                  published=published, fetched_at=NOW, url=record.get("source_url"),
                                  title=record.get("title")))
    return items


Timing = tuple[float, float]  # seconds per document: wall (perf_counter), CPU (process_time)


def time_rounds(run: Callable[[], None], count: int, rounds: int) -> list[Timing]:
    """Wall and CPU seconds per document of `rounds` runs of `run` over `count` documents."""
    found: list[Timing] = []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        found.append(((time.perf_counter() - wall) / count, (time.process_time() - cpu) / count))
    return found


def time_detector(items: list[Announcement], rounds: int) -> list[Timing]:
    """Seconds per document for publisher's detector, one (wall, CPU) pair per round."""

    def run() -> None:
        for item in items:
            detect(item, now=item.published or NOW)

    return time_rounds(run, len(items), rounds)


def time_dateparser(items: list[Announcement], languages: list[str] | None, rounds: int) -> list[Timing] | None:
    """Seconds per document for dateparser.search.search_dates, or None when it is not installed.

    `languages=None` is the call as documented and as most code makes it (dateparser detects the
    language of each text); `["en"]` pins English, dateparser's fastest setting for these texts.
    """
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run() -> None:
        for item in items:
            base = (item.published or NOW).replace(tzinfo=None)
            search_dates(item.text, languages=languages, settings={"RELATIVE_BASE": base})

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search_dates("warm up on December 4", languages=languages)
        return time_rounds(run, len(items), rounds)


def summary(timings: list[Timing]) -> str:
    walls = [w for w, _ in timings]
    cpus = [c for _, c in timings]
    return (f"wall best {1000 * min(walls):.3f} median {1000 * statistics.median(walls):.3f}, "
            f"CPU best {1000 * min(cpus):.3f} median {1000 * statistics.median(cpus):.3f} ms/document")


def ratios(theirs: list[Timing], ours: list[Timing]) -> str:
    best = min(w for w, _ in theirs) / min(w for w, _ in ours)
    median = statistics.median(w for w, _ in theirs) / statistics.median(w for w, _ in ours)
    cpu = min(c for _, c in theirs) / min(c for _, c in ours)
    return f"publisher is {best:.1f}x faster (wall best/best; median/median {median:.1f}x, CPU best/best {cpu:.1f}x)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dateparser-rounds", type=int, default=3,
                        help="rounds of English-pinned dateparser (language detection: one)")
    args = parser.parse_args()
    if not args.dev.exists():
        print(f"skipped: {args.dev} not found")
        return 0
    items = load(args.dev)
    began = time.perf_counter()
    detect(items[0], now=NOW)  # loads the gazetteer once
    print(f"first call (gazetteer load): {1000 * (time.perf_counter() - began):.0f} ms")
    ours = time_detector(items, args.rounds)
    chars = sum(len(i.text) for i in items) / len(items)
    print(f"documents: {len(items)} (mean {chars:.0f} characters), {args.rounds} rounds")
    print(f"publisher.detect: {summary(ours)}")
    for label, languages, rounds in (("languages=['en']", ["en"], args.dateparser_rounds),
                                     ("default (language detection)", None, 1)):
        theirs = time_dateparser(items, languages, rounds)
        if theirs is None:
            print("dateparser not installed: no comparison")
            return 0
        print(f"dateparser.search_dates, {label}: {summary(theirs)}; {ratios(theirs, ours)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
