"""A folder, file or glob of announcement files (.txt, .md, .html).

Each file is one announcement; its id is its path relative to the source root, so renaming a
folder elsewhere does not change identities. Files without a `published` front matter use their
modification time as the reference date, and the harvest says so.
"""

from __future__ import annotations

import datetime as dt
import glob
from pathlib import Path
from typing import Any

from publisher.config import Config, FilesSource
from publisher.errors import DocumentError, SourceError
from publisher.model import Announcement, Problem
from publisher.sources import Harvest
from publisher.sources.text import parse_document

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def list_files(pattern: Path) -> tuple[Path, list[Path]]:
    """(root, files): a folder gives its files recursively, a glob its matches, a file itself."""
    if pattern.is_dir():
        found = [p for p in pattern.rglob("*") if p.is_file()]
        return pattern, sorted(p for p in found if p.suffix.lower() in SUFFIXES and not is_hidden(p, pattern))
    if any(ch in str(pattern) for ch in "*?["):
        matches = sorted(Path(p) for p in glob.glob(str(pattern), recursive=True) if Path(p).is_file())
        return static_root(pattern), matches
    if pattern.is_file():
        return pattern.parent, [pattern]
    raise SourceError(str(pattern), "no such file or folder")


def static_root(pattern: Path) -> Path:
    """The longest leading part of a glob without wildcards."""
    parts: list[str] = []
    for part in pattern.parts:
        if any(ch in part for ch in "*?["):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "_")) for part in path.relative_to(root).parts)


def read_file(path: Path, *, source: str, ident: str, max_bytes: int, now: dt.datetime,
              timezone: str | None = None, dayfirst: bool | None = None) -> Announcement:
    """One file as an announcement; DocumentError names the file and the reason."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(where, f"{size:,} bytes is over the {max_bytes:,}-byte limit (max_bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(where, f"cannot be read: {exc.strerror or exc}") from exc
    doc = parse_document(data, where, max_bytes=max_bytes, html=path.suffix.lower() in {".html", ".htm"} or None)
    published, basis = doc.published, doc.basis or "front-matter"
    if published is None:
        published = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(microsecond=0)
        basis = "mtime"
    return Announcement(source=source, id=ident, text=doc.text, published=published, fetched_at=now,
                        url=doc.url, title=doc.title, published_basis=basis,
                        timezone=doc.timezone or timezone, dayfirst=dayfirst, origin=doc.origin)


def read(source: FilesSource, *, config: Config, state: dict[str, Any], now: dt.datetime) -> Harvest:
    root, paths = list_files(config.path(source.path))
    harvest = Harvest(state={})
    for path in paths:
        ident = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        try:
            item = read_file(path, source=source.name, ident=ident, max_bytes=source.max_bytes, now=now,
                             timezone=source.timezone, dayfirst=source.dayfirst)
        except DocumentError as exc:
            harvest.problems.append(Problem(f"{source.name}: {exc.where}", exc.reason))
            continue
        if item.published_basis == "mtime":
            harvest.notes.append(f"{source.name}: {ident} has no published date; "
                                 "using its modification time as the reference")
        harvest.announcements.append(item)
    return harvest
