"""Find the scheduled events an announcement announces.

`detect(announcement, *, now)` is the only entry point the rest of publisher uses. The reference
for relative dates is the announcement's publication time, or `now` when it has none.
"""

from __future__ import annotations

import datetime as dt

from publisher.model import Announcement, DetectResult

DETECTOR_VERSION = "0"


def detect(announcement: Announcement, *, now: dt.datetime) -> DetectResult:
    """Placeholder until the detector lands: finds nothing."""
    return DetectResult(events=(), mentions=())
