"""One `publisher serve` per state: an exclusive lock file held for the life of the process.

Two services on the same database would poll every source twice, write every reminder race and
deliver every webhook twice. The lock is an OS advisory lock (`flock`) on a small file, so it is
released by the kernel when the holder dies however it dies: there is no stale lock to clean up
after a crash or a `kill -9`. The file holds the holder's pid, so the refusal can name it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

from publisher.errors import LockError


class LockHeld(LockError):
    """Another process holds the lock on this state."""

    def __init__(self, path: Path, pid: int | None) -> None:
        holder = f"process {pid}" if pid else "another process"
        super().__init__(f"another publisher is already working on this state ({holder} holds {path}); "
                         "wait for it or stop it, or point this one at another state")
        self.path = path
        self.pid = pid


def lock_path_for(config: Any) -> Path:
    """Where the lock of this config's state lives.

    Beside the SQLite file when the state is one (so every config naming that file shares it);
    for a database URL, in the temp folder under a name derived from the URL, since a server
    database has no folder of its own here.
    """
    url: str = config.database_url
    if url.startswith("sqlite:///"):
        database = Path(url.removeprefix("sqlite:///"))
        return database.with_name(database.name + ".lock")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"publisher-{digest}.lock"


def read_pid(path: Path) -> int | None:
    """The pid a holder wrote into the lock file, if it is readable."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


class StateLock:
    """An exclusive, non-blocking lock on a file; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise LockHeld at once: waiting would only hide the second instance."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockHeld(self.path, read_pid(self.path)) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock; the file stays (removing it would race a starting process)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> StateLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()
