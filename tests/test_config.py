from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from publisher.config import load, parse_duration, parse_window, validate
from publisher.errors import ConfigError


def minimal(**extra: object) -> dict[str, object]:
    return {"version": 1, "sources": [{"name": "seeds", "kind": "files", "path": "seeds"}], **extra}


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("15m", 900), ("2h", 7200), ("7d", 604800),
                                               ("1w", 604800), ("2s", 2), (30, 30)])
def test_durations_read_units(text: object, seconds: int) -> None:
    assert parse_duration(text) == dt.timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["15", "fifteen minutes", "5y", "-3m", ""])
def test_bad_durations_explain_the_form(text: str) -> None:
    with pytest.raises(ValueError, match="90s, 15m, 2h or 7d"):
        parse_duration(text)


def test_window_all_means_no_limit() -> None:
    assert parse_window("all") is None
    assert parse_window("30d") == dt.timedelta(days=30)


def test_shipped_config_is_valid(folders: type) -> None:
    config = load(folders.config)
    assert config.sources[0].kind == "files"
    assert config.path(config.sources[0].path) == folders.repo / "seeds"
    assert config.database_url.startswith("sqlite:///")


def test_relative_paths_follow_the_config_file(tmp_path: Path) -> None:
    config = validate(minimal(state="db/x.db", output={"dir": "out"}), tmp_path)
    assert config.output_dir == tmp_path / "out"
    assert config.database_url == f"sqlite:///{tmp_path / 'db/x.db'}"


def test_database_url_is_kept_as_given(tmp_path: Path) -> None:
    config = validate(minimal(state="postgresql://u:p@localhost/pub"), tmp_path)
    assert config.database_url == "postgresql://u:p@localhost/pub"


def test_every_problem_is_reported_at_once_with_its_key_path(tmp_path: Path) -> None:
    data = {
        "version": 1,
        "timezone": "Mars/Olympus",
        "output": {"base_url": "ftp://x", "colour": "red"},
        "sources": [
            {"name": "a", "kind": "feed", "url": "https://example.org/f.xml", "every": "soon"},
            {"name": "b", "kind": "telepathy"},
            {"name": "c", "kind": "files"},
        ],
    }
    with pytest.raises(ConfigError) as caught:
        validate(data, tmp_path)
    paths = dict(caught.value.problems)
    assert "IANA time zone" in paths["timezone"]
    assert "http(s) URL" in paths["output.base_url"]
    assert "unknown key" in paths["output.colour"]
    assert "90s, 15m" in paths["sources[0].every"]
    assert "files, feed, page" in paths["sources[1]"]
    assert "missing" in paths["sources[2].path"]
    assert len(caught.value.problems) == 6


def test_duplicate_source_names_are_refused(tmp_path: Path) -> None:
    data = minimal()
    data["sources"] = [{"name": "x", "kind": "files", "path": "a"}, {"name": "x", "kind": "files", "path": "b"}]
    with pytest.raises(ConfigError, match="repeated: x"):
        validate(data, tmp_path)


def test_environment_variables_are_substituted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUB_TEST_TOKEN", "s3cret")
    config = validate(minimal(serve={"token": "${PUB_TEST_TOKEN}"}), tmp_path)
    assert config.serve.token == "s3cret"


def test_missing_environment_variable_names_key_and_variable(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PUB_TEST_MISSING", raising=False)
    with pytest.raises(ConfigError) as caught:
        validate(minimal(serve={"token": "${PUB_TEST_MISSING}"}), tmp_path)
    assert ("serve.token", "environment variable PUB_TEST_MISSING is not set") in caught.value.problems


def test_version_is_required(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        validate({"sources": []}, tmp_path)
    assert "version" in dict(caught.value.problems)


def test_unreadable_files_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load(tmp_path / "absent.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nsources: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load(broken)
    listing = tmp_path / "list.yaml"
    listing.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="YAML mapping"):
        load(listing)


def test_reminders_and_alarm(tmp_path: Path) -> None:
    config = validate(minimal(reminders=["1d", "2h"], calendar={"alarm": "30m"}), tmp_path)
    assert config.reminders == [dt.timedelta(days=1), dt.timedelta(hours=2)]
    assert config.calendar.alarm == dt.timedelta(minutes=30)
    assert validate(minimal(reminders=[]), tmp_path).reminders == []
