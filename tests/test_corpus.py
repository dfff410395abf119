"""feedparser's own test corpus (about 2,100 real, odd and broken feeds) through the feed source.

Every file must end as a Harvest or a SourceError with a clear reason, never as another exception;
what is read must satisfy the announcement invariants (aware UTC dates, non-empty unique ids, text
without markup, only http(s) links). Every file goes through `parse_feed`, the exact bytes-to-
harvest step `feed.read` uses, with the HTTP headers the file's comment declares; a sample is also
served from a loopback server and read through `read`, to show the fetch path agrees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from publisher.config import FeedSource, validate
from publisher.errors import SourceError
from publisher.sources import Harvest
from publisher.sources import feed as feed_source
from tests.httpserver import LoopbackServer

CORPUS = Path(__file__).parents[2] / "shared/corpora/feedparser-tests"
NOW = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.UTC)
HEADER = re.compile(rb"^Header:\s*([A-Za-z][A-Za-z-]*):[ \t]*(.*?)\s*$", re.M)
SAMPLE_EVERY = 20
SOURCE = FeedSource(name="corpus", kind="feed", url="http://corpus.example/feed")


@dataclass
class Tally:
    """What the corpus gave, for the summary line and the floors that catch silent regressions."""

    counts: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        c = self.counts
        return (f"corpus: {c['files']} files, {c['harvests']} read ({c['with_entries']} with entries, "
                f"{c['announcements']} announcements, {c['bozo_read']} malformed but read), "
                f"{c['errors']} clean SourceErrors ({c['bozo_errors']} malformed with no entries), "
                f"{c['problems']} per-entry problems")


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (the shared corpora live beside the repository)")
    return sorted(CORPUS.rglob("*.xml"))


def declared_headers(data: bytes) -> dict[str, str]:
    """The HTTP headers a corpus file says it was served with (its `Header:` comment lines)."""
    return {name.decode("ascii").lower(): value.decode("latin-1") for name, value in HEADER.findall(data[:4096])}


def check_harvest(harvest: Harvest, where: str) -> Iterator[str]:
    """Invariants every announcement from any feed must keep; yields what is wrong."""
    ids = [a.id for a in harvest.announcements]
    if len(set(ids)) != len(ids):
        yield f"{where}: duplicate ids {ids}"
    for item in harvest.announcements:
        if not item.id.strip() or len(item.id) > feed_source.MAX_ID_LENGTH:
            yield f"{where}: bad id {item.id!r}"
        if item.published is None or item.published.utcoffset() != dt.timedelta(0):
            yield f"{where}: published {item.published!r} is not aware UTC"
        if item.published_basis not in ("feed", "fetched"):
            yield f"{where}: basis {item.published_basis!r}"
        if not item.text.strip():
            yield f"{where}: {item.id}: empty text"
        if re.search(r"<\s*(script|iframe|style)\b", item.text, re.I):
            yield f"{where}: {item.id}: markup left in the text"
        if item.url is not None and not item.url.startswith(("http://", "https://")):
            yield f"{where}: {item.id}: unsafe link {item.url!r}"
    for problem in harvest.problems:
        if problem.message.startswith("unexpected"):
            yield f"{where}: {problem}"


def ingest(path: Path, tally: Tally) -> tuple[str, int]:
    """Parse one corpus file as the feed source would; returns (outcome, announcements)."""
    data = path.read_bytes()
    url = f"http://corpus.example/{path.relative_to(CORPUS).as_posix()}"
    where = path.relative_to(CORPUS).as_posix()
    tally.counts["files"] += 1
    try:
        harvest = feed_source.parse_feed(data, source=SOURCE, url=url, headers=declared_headers(data), now=NOW)
    except SourceError as exc:
        tally.counts["errors"] += 1
        tally.counts["bozo_errors"] += exc.reason.startswith("not a readable feed")
        tally.reasons[re.sub(r"line \d+, column \d+", "line N, column N", exc.reason)[:60]] += 1
        if not str(exc).startswith(f"{url}: ") or not exc.reason.strip():
            tally.failures.append(f"{where}: unclear error {exc}")
        return "error", 0
    except Exception as exc:  # the point of the test: nothing else may escape
        tally.failures.append(f"{where}: unhandled {exc.__class__.__name__}: {exc}")
        return "crash", 0
    tally.counts["harvests"] += 1
    tally.counts["with_entries"] += bool(harvest.announcements)
    tally.counts["announcements"] += len(harvest.announcements)
    tally.counts["bozo_read"] += any(" is malformed (" in note for note in harvest.notes)
    tally.counts["problems"] += len(harvest.problems)
    tally.failures.extend(check_harvest(harvest, where))
    return "harvest", len(harvest.announcements)


def test_every_corpus_feed_gives_a_harvest_or_a_clean_source_error(capsys: pytest.CaptureFixture[str]) -> None:
    tally = Tally()
    for path in corpus_files():
        ingest(path, tally)
    with capsys.disabled():
        print("\n" + tally.summary())
        print("  most common errors: " + "; ".join(f"{n}x {r}" for r, n in tally.reasons.most_common(4)))
    assert tally.failures == []
    counts = tally.counts
    assert counts["files"] == counts["harvests"] + counts["errors"]
    # floors a little under today's numbers: a change that quietly turns feeds into errors fails here
    assert counts["files"] > 2000
    assert counts["harvests"] > 1700 and counts["with_entries"] > 450 and counts["announcements"] > 480


def test_a_sample_served_over_http_reads_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = corpus_files()[::SAMPLE_EVERY]
    config = validate({"version": 1, "fetch": {"timeout": "5s"}}, tmp_path)
    outcomes: Counter[str] = Counter()
    mismatches: list[str] = []
    with LoopbackServer() as server:
        for position, path in enumerate(files):
            data = path.read_bytes()
            headers = declared_headers(data)
            kind = headers.pop("content-type", "application/xml")
            url = server.serve(f"/{position}/{path.name}", data, content_type=kind, headers=headers)
            source = FeedSource(name="corpus", kind="feed", url=url)
            direct = ingest(path, Tally())
            try:
                harvest = feed_source.read(source, config=config, state={}, now=NOW)
                served = ("harvest", len(harvest.announcements))
            except SourceError:
                served = ("error", 0)
            outcomes[served[0]] += 1
            if served != direct:
                mismatches.append(f"{path.name}: direct {direct}, served {served}")
    with capsys.disabled():
        print(f"\ncorpus over http: {len(files)} files, {outcomes['harvest']} read, {outcomes['error']} SourceErrors")
    assert mismatches == []
    assert len(files) > 100

