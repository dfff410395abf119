"""The state lock: one `publisher serve` per state, released by the kernel however the holder ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from publisher.config import validate
from publisher.errors import LockError
from publisher.lock import LockHeld, StateLock, lock_path_for


def test_a_second_holder_is_refused_with_the_file_and_pid(tmp_path: Path) -> None:
    path = tmp_path / "state" / "publisher.db.lock"
    with StateLock(path) as first:
        assert first.held
        with pytest.raises(LockHeld) as caught:
            StateLock(path).acquire()
    assert isinstance(caught.value, LockError)
    assert caught.value.pid == os.getpid()
    assert caught.value.path == path
    assert str(path) in str(caught.value) and str(os.getpid()) in str(caught.value)


def test_released_lock_can_be_taken_again(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    lock = StateLock(path)
    lock.acquire()
    lock.release()
    lock.release()  # twice is harmless
    with StateLock(path) as again:
        assert again.held


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    """kill -9 cannot clean up: the kernel drops a flock with its process, so a restart just works."""
    path = tmp_path / "held.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from publisher.lock import StateLock
            StateLock(Path({str(path)!r})).acquire()
            print("held", flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld) as caught:
            StateLock(path).acquire()
        assert caught.value.pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()
    with StateLock(path) as lock:
        assert lock.held


def test_lock_sits_beside_the_sqlite_state(tmp_path: Path) -> None:
    config = validate({"version": 1, "state": "state/p.db"}, tmp_path)
    assert lock_path_for(config) == tmp_path / "state" / "p.db.lock"


def test_database_urls_share_one_lock_per_url(tmp_path: Path) -> None:
    first = validate({"version": 1, "state": "postgresql+psycopg://u:p@db/x"}, tmp_path)
    second = validate({"version": 1, "state": "postgresql+psycopg://u:p@db/x"}, tmp_path / "elsewhere")
    other = validate({"version": 1, "state": "postgresql+psycopg://u:p@db/y"}, tmp_path)
    assert lock_path_for(first) == lock_path_for(second) != lock_path_for(other)
    assert "p@db" not in str(lock_path_for(first))  # no credentials in a file name
