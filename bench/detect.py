"""Throughput of the detector on the dev announcements, against dateparser's search_dates.

    .venv/bin/python bench/detect.py [--rounds N]

Reads ../shared/eval/dev.jsonl at run time (skips with a message when it is absent), warms the
gazetteer once, then times `detect` in process over every text, and dateparser's `search_dates`
over the same texts. Prints documents per second, milliseconds per document and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import warnings
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


def time_detector(items: list[Announcement], rounds: int) -> float:
    """Seconds per document for publisher's detector (best of `rounds`)."""
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        for item in items:
            detect(item, now=item.published or NOW)
        best = min(best, (time.perf_counter() - began) / len(items))
    return best


def time_dateparser(items: list[Announcement], languages: list[str] | None) -> float | None:
    """Seconds per document for dateparser.search.search_dates, or None when it is not installed.

    `languages=None` is the call as documented and as most code makes it (dateparser detects the
    language of each text); `["en"]` pins English, dateparser's fastest setting for these texts.
    """
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search_dates("warm up on December 4", languages=languages)
        began = time.perf_counter()
        for item in items:
            base = (item.published or NOW).replace(tzinfo=None)
            search_dates(item.text, languages=languages, settings={"RELATIVE_BASE": base})
        return (time.perf_counter() - began) / len(items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--rounds", type=int, default=5)
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
    print(f"documents: {len(items)} (mean {chars:.0f} characters)")
    print(f"publisher.detect: {1000 * ours:.3f} ms/document, {1 / ours:.0f} documents/s")
    for label, languages in (("languages=['en']", ["en"]), ("default (language detection)", None)):
        theirs = time_dateparser(items, languages)
        if theirs is None:
            print("dateparser not installed: no comparison")
            return 0
        print(f"dateparser.search_dates, {label}: {1000 * theirs:.3f} ms/document, {1 / theirs:.1f} documents/s"
              f"; publisher is {theirs / ours:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
