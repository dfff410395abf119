"""Named views: filtered calendars and alert feeds defined in config.

A view keeps an event when it passes every filter the view sets (an empty filter passes all);
within one filter any listed value is enough. Matching is on whole words, case-insensitive, so
`places: [Delhi]` keeps "New Delhi, India" but `keywords: [art]` does not keep "start".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from publisher.config import View
from publisher.model import Event


def folded(text: str | None) -> str:
    return " " + " ".join(re.findall(r"\w+", (text or "").casefold())) + " "


def mentions(haystack: Iterable[str | None], needles: Iterable[str]) -> bool:
    text = "".join(folded(h) for h in haystack)
    return any(folded(n) in text for n in needles)


def matches(view: View, event: Event) -> bool:
    """Whether the event belongs in the view."""
    checks = (
        (view.categories, [event.category]),
        (view.sources, [ref.source for ref in event.sources]),
        (view.places, [event.location]),
        (view.participants, list(event.participants)),
        (view.keywords, [event.summary, event.location, event.category, *event.participants,
                         event.evidence.text if event.evidence else None]),
    )
    return all(not wanted or mentions(values, wanted) for wanted, values in checks)


def select(view: View, events: Iterable[Event]) -> list[Event]:
    return [event for event in events if matches(view, event)]
