"""The command line: every command, exit statuses, output forms."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from publisher import cli
from tests.conftest import Workspace


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_run_prints_a_summary_and_exits_0(workspace: Workspace, runner: CliRunner) -> None:
    workspace.add("a.md", "The fair opens on Saturday.", published="2026-11-20")
    workspace.config()
    result = runner.invoke(cli.cli, ["run", "--config", str(workspace.root / "config.yaml"),
                                     "--now", "2026-11-24T12:00:00Z"])
    assert result.exit_code == 0, result.output
    assert "sources read: 1" in result.output
    assert "alerts written:" in result.output
    assert workspace.calendar.exists() and workspace.alerts.exists()


def test_quiet_prints_nothing_on_success(workspace: Workspace, runner: CliRunner) -> None:
    workspace.add("a.md", "Nothing planned.", published="2026-11-20")
    workspace.config()
    result = runner.invoke(cli.cli, ["run", "-q", "--config", str(workspace.root / "config.yaml")])
    assert (result.exit_code, result.output) == (0, "")


def test_run_exits_1_when_an_item_failed(workspace: Workspace, runner: CliRunner) -> None:
    workspace.add("a.md", "Nothing planned.", published="2026-11-20")
    (workspace.docs / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    workspace.config()
    result = runner.invoke(cli.cli, ["run", "--config", str(workspace.root / "config.yaml")])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "binary" in result.output


def test_config_errors_exit_2_and_list_key_paths(tmp_path: Path, runner: CliRunner,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config.yaml").write_text("version: 2\nsources:\n  - {name: x, kind: feed}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli.cli, ["check-config"])
    assert result.exit_code == 2
    assert "version" in result.output and "sources[0].url" in result.output


def test_check_config_accepts_the_shipped_config(folders: type, runner: CliRunner) -> None:
    result = runner.invoke(cli.cli, ["check-config", "--config", str(folders.config)])
    assert result.exit_code == 0 and "valid" in result.output


def test_bad_now_is_a_usage_error(workspace: Workspace, runner: CliRunner) -> None:
    workspace.config()
    result = runner.invoke(cli.cli, ["run", "--config", str(workspace.root / "config.yaml"), "--now", "soon"])
    assert result.exit_code == 2 and "--now" in result.output


def test_events_lists_stored_events(workspace: Workspace, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from publisher import pipeline
    from tests.scripted import scripted_detect

    monkeypatch.setattr(pipeline, "detect", scripted_detect)
    workspace.add("a.md", "EVENT 2026-12-04 | Fair in Lyon | Lyon", published="2026-11-20")
    workspace.config()
    config = str(workspace.root / "config.yaml")
    assert runner.invoke(cli.cli, ["run", "--config", config, "--now", "2026-11-20"]).exit_code == 0
    table = runner.invoke(cli.cli, ["events", "--config", config, "--now", "2026-11-20"])
    assert "Fair in Lyon" in table.output
    lines = runner.invoke(cli.cli, ["events", "--config", config, "--all", "--json"]).output.splitlines()
    assert json.loads(lines[0])["summary"] == "Fair in Lyon"
    later = runner.invoke(cli.cli, ["events", "--config", config, "--now", "2027-01-01"])
    assert "no events" in later.output


def test_detect_jsonl_answers_every_line_even_bad_ones() -> None:
    given = io.StringIO('{"id": "a", "text": "The fair opens on 4 December 2026.", "published": "2026-11-20"}\n'
                        "not json\n"
                        '{"id": "b", "text": "x", "published": "yesterday"}\n')
    out = io.StringIO()
    cli.detect_jsonl(given, out, None)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a["id"] for a in answers] == ["a", None, "b"]
    assert {"events", "mentions"} <= set(answers[0])
    assert "not a JSON object" in answers[1]["error"]
    assert "error" in answers[2]


def test_detect_reads_files(tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("---\npublished: 2026-11-20\n---\nThe fair opens on 4 December 2026.\n",
                                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    human = runner.invoke(cli.cli, ["detect", "a.txt"])
    machine = runner.invoke(cli.cli, ["detect", "--json", "a.txt"])
    missing = runner.invoke(cli.cli, ["detect", "absent.txt"])
    assert human.exit_code == 0 and "a.txt" in human.output and "2026-11-20" in human.output
    assert json.loads(machine.output)[0]["published"].startswith("2026-11-20")
    assert missing.exit_code == 1 and "absent.txt" in missing.output


def test_python_dash_m_works() -> None:
    done = subprocess.run([sys.executable, "-m", "publisher", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    for command in ("run", "detect", "check-config", "events"):
        assert command in done.stdout


def test_run_refuses_to_work_beside_another_process(workspace: Workspace, runner: CliRunner) -> None:
    from publisher.lock import StateLock, lock_path_for

    config = workspace.config()
    with StateLock(lock_path_for(config)):
        result = runner.invoke(cli.cli, ["run", "--config", str(workspace.root / "config.yaml")])
    assert result.exit_code == 3
    assert "already working on this state" in result.output and str(lock_path_for(config)) in result.output
    assert runner.invoke(cli.cli, ["run", "--config", str(workspace.root / "config.yaml")]).exit_code == 0
