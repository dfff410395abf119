"""The `files` source: front matter, the modification-time fallback, .txt/.md/.html, and bad files
(empty, binary, mis-encoded, huge) that each become one clear problem while the rest is read."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from publisher.config import FilesSource
from publisher.model import Announcement
from publisher.sources import Harvest
from publisher.sources import files as files_source
from tests.conftest import Workspace

NOW = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.UTC)
MTIME = dt.datetime(2025, 11, 20, 6, 30, tzinfo=dt.UTC)

HTML_NOTICE = """<!DOCTYPE html><html><head><title>Pool closed for maintenance</title>
<script>trackVisit("SCRIPT-TEXT")</script></head><body>
<nav><a href="/">Home</a> <a href="/pools">NAV-POOLS</a></nav>
<article><h1>Pool closed for maintenance</h1>
<p>The municipal swimming pool will be closed from 15 December to 19 December for the yearly
maintenance of its filters and heating. The sauna and the gym remain open as usual during this week.</p>
<p>Season tickets are extended by five days. Swimming lessons planned during the closure move to the
following week at the same times, and teachers will contact the families concerned.</p>
</article><footer>FOOTER-TEXT</footer></body></html>"""


def read(workspace: Workspace, **source: Any) -> Harvest:
    settings = {"name": "news", "kind": "files", "path": "docs", **source}
    config = workspace.config(sources=[settings])
    files = config.sources[0]
    assert isinstance(files, FilesSource)
    return files_source.read(files, config=config, state={}, now=NOW)


def by_id(harvest: Harvest) -> dict[str, Announcement]:
    return {a.id: a for a in harvest.announcements}


def set_mtime(path: Path, moment: dt.datetime = MTIME) -> None:
    os.utime(path, (moment.timestamp(), moment.timestamp()))


def test_front_matter_sets_published_title_url_and_source(workspace: Workspace) -> None:
    workspace.add("visit.txt", "The minister will visit the port on December 4.", published="2025-11-28",
                  title="Minister to visit the port", url="https://news.example/visit", source="PTI")
    workspace.add("sub/launch.md", "The launch is planned for **next Friday** at 10:00.",
                  published="2025-11-27T09:30:00+05:30")
    harvest = read(workspace, timezone="Asia/Kolkata", dayfirst=True)
    items = by_id(harvest)
    visit = items["visit.txt"]
    assert visit.published == dt.datetime(2025, 11, 28, tzinfo=dt.UTC)
    assert visit.published_basis == "front-matter"
    assert (visit.title, visit.url, visit.origin) == ("Minister to visit the port", "https://news.example/visit", "PTI")
    assert visit.text == "The minister will visit the port on December 4."
    assert (visit.source, visit.timezone, visit.dayfirst, visit.fetched_at) == ("news", "Asia/Kolkata", True, NOW)
    launch = items["sub/launch.md"]  # ids are paths relative to the source folder
    assert launch.published == dt.datetime(2025, 11, 27, 4, 0, tzinfo=dt.UTC)
    assert launch.text == "The launch is planned for **next Friday** at 10:00."
    assert harvest.problems == [] and harvest.notes == []


def test_without_front_matter_the_modification_time_is_the_reference(workspace: Workspace) -> None:
    path = workspace.add("plain.txt", "Road works on Main Street start next Monday.")
    set_mtime(path)
    harvest = read(workspace)
    (item,) = harvest.announcements
    assert (item.published, item.published_basis) == (MTIME, "mtime")
    assert item.title is None and item.url is None
    assert harvest.notes == ["news: plain.txt has no published date; using its modification time as the reference"]


def test_txt_md_and_html_files(workspace: Workspace) -> None:
    workspace.add("a.txt", "Plain text notice.", published="2025-11-28")
    workspace.add("b.md", "# Heading\n\nMarkdown notice on *December 5*.", published="2025-11-28")
    (workspace.docs / "c.html").write_text(HTML_NOTICE, encoding="utf-8")
    set_mtime(workspace.docs / "c.html")
    (workspace.docs / "ignored.pdf").write_bytes(b"%PDF-1.4")
    (workspace.docs / "_drafts").mkdir()
    workspace.add("_drafts/draft.txt", "Not published yet.")
    workspace.add(".hidden.txt", "Hidden.")
    harvest = read(workspace)
    items = by_id(harvest)
    assert sorted(items) == ["a.txt", "b.md", "c.html"]
    assert items["b.md"].text == "# Heading\n\nMarkdown notice on *December 5*."
    pool = items["c.html"]
    assert pool.title == "Pool closed for maintenance"
    assert "closed from 15 December to 19 December" in pool.text and "Season tickets" in pool.text
    for junk in ("SCRIPT-TEXT", "NAV-POOLS", "FOOTER-TEXT", "<p>"):
        assert junk not in pool.text
    assert (pool.published, pool.published_basis) == (MTIME, "mtime")  # the page states no date


def test_html_file_with_front_matter(workspace: Workspace) -> None:
    (workspace.docs / "notice.html").write_text(
        "---\npublished: 2025-11-29\ntitle: From front matter\n---\n" + HTML_NOTICE, encoding="utf-8")
    (item,) = read(workspace).announcements
    assert (item.title, item.published_basis) == ("From front matter", "front-matter")
    assert item.published == dt.datetime(2025, 11, 29, tzinfo=dt.UTC)
    assert "Season tickets are extended" in item.text


def test_bad_files_are_clear_problems_and_the_others_are_read(workspace: Workspace) -> None:
    workspace.add("good.txt", "The harbour festival opens on 12 June.", published="2025-11-28")
    docs = workspace.docs
    (docs / "empty.txt").write_bytes(b"")
    (docs / "blank.md").write_bytes(b"  \n\n\t\n")
    (docs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (docs / "latin1.txt").write_bytes("Réunion le 4 décembre à la mairie.".encode("latin-1"))
    with (docs / "huge.txt").open("wb") as handle:
        line = b"A line of a very long announcement that nobody should ever have to read in full.\n"
        handle.write(line * (20_000_000 // len(line) + 1))
    (docs / "bad-front.md").write_text("---\npublished: [not a date\n---\nBody.", encoding="utf-8")
    (docs / "bad-date.md").write_text("---\npublished: next tuesday\n---\nBody.", encoding="utf-8")
    (docs / "unknown-key.md").write_text("---\nauthor: someone\n---\nBody.", encoding="utf-8")
    (docs / "only-front.md").write_text("---\ntitle: Nothing else\n---\n", encoding="utf-8")
    huge_size = (docs / "huge.txt").stat().st_size
    harvest = read(workspace)

    assert [a.id for a in harvest.announcements] == ["good.txt"]
    problems = {Path(p.where.removeprefix("news: ")).name: p.message for p in harvest.problems}
    assert all(p.where.startswith(f"news: {docs}") for p in harvest.problems)  # the full path of each file
    assert problems["empty.txt"] == "empty: no text to read"
    assert problems["blank.md"] == "empty: no text to read"
    assert problems["image.txt"] == "binary content (NUL bytes): not a text, Markdown or HTML file"
    assert problems["latin1.txt"] == "not valid UTF-8 (byte 1: b'\\xe9'); save the file as UTF-8"
    assert problems["huge.txt"] == f"{huge_size:,} bytes is over the 5,000,000-byte limit (max_bytes)"
    assert problems["bad-front.md"].startswith("front matter is not valid YAML")
    assert problems["bad-date.md"].startswith("front matter published: 'next tuesday' is not an ISO date")
    assert problems["unknown-key.md"].startswith("unknown front matter key(s) author; known: ")
    assert problems["only-front.md"] == "no text left after removing markup and front matter"
    assert len(problems) == 9


def test_max_bytes_is_per_source(workspace: Workspace) -> None:
    workspace.add("long.txt", "x" * 2_000, published="2025-11-28")
    harvest = read(workspace, max_bytes=1_000)
    assert harvest.announcements == []
    assert harvest.problems[0].message.endswith("is over the 1,000-byte limit (max_bytes)")


def test_bad_files_do_not_stop_a_pipeline_run(workspace: Workspace, run_publisher: Callable[..., Any]) -> None:
    workspace.add("good.txt", "The harbour festival opens on 12 June.", published="2025-11-28")
    (workspace.docs / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    report = run_publisher(NOW)
    assert report.announcements == 1
    assert [p.message for p in report.problems] == ["binary content (NUL bytes): not a text, Markdown or HTML file"]
    assert workspace.calendar.exists() and workspace.alerts.exists()


def test_a_single_file_or_a_glob_as_path(workspace: Workspace) -> None:
    workspace.add("one.txt", "First.", published="2025-11-28")
    workspace.add("two.md", "Second.", published="2025-11-28")
    assert [a.id for a in read(workspace, path="docs/one.txt").announcements] == ["one.txt"]
    assert [a.id for a in read(workspace, path="docs/*.md").announcements] == ["two.md"]
