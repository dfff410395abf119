"""A scripted stand-in for the detector, for tests of the stages after it.

Lines of the form

    EVENT 2025-12-04..2025-12-05 | Summit in Paris | Paris | scheduled | original=2025-12-01
    EVENT 2025-12-04T10:00+01:00 | Launch | Berlin

become detections, so pipeline and merge tests state exactly what was "found" and test only what
happens next. The real detector has its own tests.
"""

from __future__ import annotations

import datetime as dt
import re

from publisher.codec import when_from_json
from publisher.model import Announcement, Detection, DetectResult, Evidence

LINE = re.compile(r"^EVENT (\S+?)(?:\.\.(\S+))? \| ([^|]+?)(?: \| ([^|]*?))?(?: \| (\w+))?(?: \| original=(\S+))?\s*$",
                  re.M)


def scripted_detect(item: Announcement, *, now: dt.datetime) -> DetectResult:
    found = []
    for match in LINE.finditer(item.text):
        start = when_from_json(match.group(1))
        assert start is not None
        end = when_from_json(match.group(2)) if match.group(2) else None
        found.append(Detection(
            summary=match.group(3).strip(), start=start,
            end=end or (start if not isinstance(start, dt.datetime) else None),
            all_day=not isinstance(start, dt.datetime), location=(match.group(4) or "").strip() or None,
            status=(match.group(5) or "scheduled"),  # type: ignore[arg-type]
            original_start=when_from_json(match.group(6)) if match.group(6) else None,
            timezone="Europe/Paris" if isinstance(start, dt.datetime) else None,
            evidence=Evidence(match.group(0), match.start(), match.end())))
    return DetectResult(events=tuple(found), mentions=())
