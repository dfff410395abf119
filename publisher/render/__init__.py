"""Feeds out: iCalendar, RSS and the HTML index.

Every renderer is a pure function from values to bytes; `write_atomic` puts the bytes in place.
A file whose bytes did not change is not touched, so its modification time (Last-Modified) and
hash (ETag) stay the same and clients get 304.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from publisher.errors import RenderError


def write_atomic(path: Path, data: bytes) -> bool:
    """Write via a temporary file and rename; return False when the file already held these bytes."""
    try:
        if path.exists() and path.read_bytes() == data:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise RenderError(f"{path}: cannot be written: {exc.strerror or exc}") from exc
    return True
