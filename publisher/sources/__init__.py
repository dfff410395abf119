"""Announcement sources. `kind` in config.yaml is the module name (files, feed, page).

Every kind exposes `read(source, *, config, state, now) -> Harvest`. `state` is the cursor the
pipeline stored after the previous read (ETag, Last-Modified, ...); the harvest returns the next
one. Per-item problems go into the harvest, so one bad item never hides the others; a failure of
the whole source raises SourceError.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from typing import Any, Protocol

from publisher.model import Announcement, Problem


@dataclass
class Harvest:
    announcements: list[Announcement] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)
    not_modified: bool = False


class Reader(Protocol):
    def __call__(self, source: Any, *, config: Any, state: dict[str, Any], now: dt.datetime) -> Harvest: ...


def reader(kind: str) -> Reader:
    module = importlib.import_module(f"publisher.sources.{kind}")
    read: Reader = module.read
    return read
