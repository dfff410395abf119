"""A real headless Chromium loads the index page from the real server.

The page has no script and its Content-Security-Policy forbids any (`default-src 'none'`), so
what Chromium shows is what a browser with JavaScript off shows. (Chromium's own switch for that,
`--blink-settings=scriptEnabled=false`, cannot be used: headless `--dump-dom` and `--screenshot`
need scripting to do their work, and produce nothing with it off.)

It checks what a person would: the upcoming events with their dates and places, and a subscribe
link (webcal:// and http://) for every calendar and feed. The screenshot is kept in the test's
tmp folder (its path is printed) for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from publisher.alerts import format_day
from publisher.config import Config
from publisher.schedule import Service
from publisher.serve import make_app
from tests.conftest import Workspace
from tests.test_serve import ServerThread, client_env, need, spoken, today

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars"]


@pytest.fixture
def page_site(workspace: Workspace, run_publisher: Callable[..., Any]) -> Iterator[tuple[str, Config, list[dt.date]]]:
    days = [today() + dt.timedelta(days=n) for n in (45, 75)]
    workspace.add("lyon.md", f"The conference will be held on {spoken(days[0])} in Lyon.",
                  published=(today() - dt.timedelta(days=1)).isoformat(), title="Conference in Lyon",
                  url="https://example.org/lyon")
    workspace.add("berlin.md", f"The summit will take place on {spoken(days[1])} in Berlin.",
                  published=(today() - dt.timedelta(days=2)).isoformat(), title="Berlin summit <announced>",
                  url="https://example.org/berlin")
    settings = {"views": [{"name": "germany", "title": "Germany", "places": ["Germany"]}]}
    config = workspace.config(**settings)
    service = Service(config)
    service.start(scheduler=False)
    try:
        with ServerThread(make_app(config, service)) as server:
            yield server.url + "/", config, days
    finally:
        service.stop()


def chromium(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """Run Chromium with a fresh profile; its temp folder is short, as its singleton socket path must be."""
    binary = need("chromium")
    with tempfile.TemporaryDirectory(prefix="pub-chromium-") as short:
        env = {**client_env(home), "TMPDIR": short}
        done = subprocess.run([binary, *FLAGS, f"--user-data-dir={short}/profile", *args], env=env,
                              capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=home)
    assert done.returncode == 0, f"chromium exited {done.returncode}\n{done.stderr[-3000:]}"
    return done


def test_chromium_shows_events_and_subscribe_links_without_javascript(
        page_site: tuple[str, Config, list[dt.date]], tmp_path: Path) -> None:
    url, config, days = page_site
    dom = chromium(["--dump-dom", url], tmp_path / "dom").stdout
    assert "<h1>publisher</h1>" in dom
    for day in days:
        assert format_day(day) in dom, f"{format_day(day)} is not on the page"
    assert "Lyon" in dom and "Berlin" in dom
    assert "Berlin summit &lt;announced&gt;" in dom, "source titles are shown escaped"
    base = config.output.base_url
    webcal = base.replace("http://", "webcal://")
    for name in ("calendar.ics", "germany.ics"):
        assert f'href="{webcal}{name}"' in dom and f'href="{base}{name}"' in dom
    for name in ("alerts.xml", "germany.xml"):
        assert f'href="{base}{name}"' in dom
    assert dom.index(format_day(days[0])) < dom.index(format_day(days[1])), "soonest first"
    assert "<script" not in dom


def test_chromium_screenshot(page_site: tuple[str, Config, list[dt.date]], tmp_path: Path) -> None:
    url, _, _ = page_site
    shot = tmp_path / "index.png"
    chromium(["--window-size=1100,1300", f"--screenshot={shot}", url], tmp_path / "shot")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1100, 1300)
    assert len(data) > 30_000, "a page with text and cards, not a blank one"
    print(f"screenshot: {shot}")
