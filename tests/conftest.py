"""Shared fixtures: the repository's folders as attributes, and throwaway workspaces."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from publisher.config import Config, validate

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


class Folders:
    """The project's folders, so tests name them instead of building paths."""

    repo = REPO
    seeds = REPO / "seeds"
    config = REPO / "config.yaml"
    readme = REPO / "README.md"
    shared = SHARED
    corpora = SHARED / "corpora"


@pytest.fixture
def folders() -> type[Folders]:
    return Folders


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (the shared corpora and eval sets live beside the repository)")
    return SHARED


def article(text: str, *, published: str | None = None, title: str | None = None, url: str | None = None,
            source: str | None = None) -> str:
    """An announcement file body with optional front matter."""
    meta = {k: v for k, v in {"published": published, "title": title, "url": url, "source": source}.items() if v}
    body = textwrap.dedent(text).strip() + "\n"
    if not meta:
        return body
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body


class Workspace:
    """A temp folder with a config, a `docs` files source, state and feeds."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.docs.mkdir(parents=True, exist_ok=True)
        self.settings: dict[str, Any] = {
            "version": 1, "state": "state/publisher.db",
            "output": {"dir": "feeds", "base_url": "http://localhost:8080/"},
            "timezone": "UTC", "calendar": {"past": "all", "cancelled": "all"}, "reminders": [],
            "sources": [{"name": "news", "kind": "files", "path": "docs"}],
        }

    def add(self, name: str, text: str, **meta: str) -> Path:
        path = self.docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(text, **meta), encoding="utf-8")
        return path

    def config(self, **overrides: Any) -> Config:
        data = {**self.settings, **overrides}
        (self.root / "config.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return validate(data, self.root)

    @property
    def calendar(self) -> Path:
        return self.root / "feeds" / "calendar.ics"

    @property
    def alerts(self) -> Path:
        return self.root / "feeds" / "alerts.xml"

    def copy_seeds(self) -> None:
        shutil.copytree(REPO / "seeds", self.docs, dirs_exist_ok=True)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws")


@pytest.fixture
def run_publisher(workspace: Workspace) -> Callable[..., Any]:
    """Run one pipeline pass in the workspace as of `now`."""
    from publisher.pipeline import run_once
    from publisher.store import open_store

    def run(now: dt.datetime = NOW, **overrides: Any) -> Any:
        config = workspace.config(**overrides)
        with open_store(config) as store:
            return run_once(config, store, now=now)

    return run


def require_clients() -> bool:
    return os.environ.get("PUBLISHER_REQUIRE_CLIENTS") == "1"
