"""Turn model values into JSON-ready dicts and back.

One codec serves the store, `detect --json`, the webhook payloads and the tests, so a value
written anywhere reads back the same everywhere. Dates are ISO strings; a datetime keeps its
UTC offset, so the JSON alone says whether a value is all-day or timed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from publisher.model import Change, Detection, Event, Evidence, Mention, SourceRef, When


def when_to_json(value: When | None) -> str | None:
    if value is None:
        return None
    return value.isoformat()


def when_from_json(value: str | None) -> When | None:
    if value is None:
        return None
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def moment_from_json(value: str | None) -> dt.datetime | None:
    moment = when_from_json(value)
    if moment is None or isinstance(moment, dt.datetime):
        return moment
    return dt.datetime.combine(moment, dt.time(0), dt.UTC)


def parse_published(value: Any) -> dt.datetime | None:
    """A publication stamp from front matter or JSON: a date is read as midnight UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0), dt.UTC)
    return moment_from_json(str(value).strip())


def evidence_to_json(evidence: Evidence | None) -> dict[str, Any] | None:
    if evidence is None:
        return None
    return {"text": evidence.text, "start": evidence.start, "end": evidence.end}


def evidence_from_json(data: dict[str, Any] | None) -> Evidence | None:
    if not data:
        return None
    return Evidence(text=data["text"], start=int(data["start"]), end=int(data["end"]))


def detection_to_json(d: Detection) -> dict[str, Any]:
    return {
        "summary": d.summary,
        "start": when_to_json(d.start),
        "end": when_to_json(d.end),
        "all_day": d.all_day,
        "timezone": d.timezone,
        "location": d.location,
        "participants": list(d.participants),
        "category": d.category,
        "status": d.status,
        "original_start": when_to_json(d.original_start),
        "confidence": round(d.confidence, 3),
        "evidence": evidence_to_json(d.evidence),
    }


def detection_from_json(data: dict[str, Any]) -> Detection:
    start = when_from_json(data["start"])
    assert start is not None
    return Detection(
        summary=data["summary"],
        start=start,
        end=when_from_json(data.get("end")),
        all_day=bool(data.get("all_day", not isinstance(start, dt.datetime))),
        timezone=data.get("timezone"),
        location=data.get("location"),
        participants=tuple(data.get("participants") or ()),
        category=data.get("category"),
        status=data.get("status", "scheduled"),
        original_start=when_from_json(data.get("original_start")),
        confidence=float(data.get("confidence", 0.5)),
        evidence=evidence_from_json(data.get("evidence")),
    )


def mention_to_json(m: Mention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text, "value": m.value, "used": m.used, "reason": m.reason}


def source_ref_to_json(ref: SourceRef) -> dict[str, Any]:
    return {"source": ref.source, "announcement": ref.announcement, "title": ref.title, "url": ref.url,
            "published": ref.published.isoformat() if ref.published else None, "origin": ref.origin}


def source_ref_from_json(data: dict[str, Any]) -> SourceRef:
    return SourceRef(source=data["source"], announcement=data["announcement"], title=data.get("title"),
                     url=data.get("url"), published=moment_from_json(data.get("published")),
                     origin=data.get("origin"))


def event_to_json(e: Event) -> dict[str, Any]:
    return {
        "uid": e.uid,
        "sequence": e.sequence,
        "summary": e.summary,
        "start": when_to_json(e.start),
        "end": when_to_json(e.end),
        "all_day": e.all_day,
        "timezone": e.timezone,
        "location": e.location,
        "participants": list(e.participants),
        "category": e.category,
        "status": e.status,
        "original_start": when_to_json(e.original_start),
        "confidence": round(e.confidence, 3),
        "evidence": evidence_to_json(e.evidence),
        "first_seen": e.first_seen.isoformat(),
        "last_modified": e.last_modified.isoformat(),
        "sources": [source_ref_to_json(s) for s in e.sources],
    }


def event_from_json(data: dict[str, Any]) -> Event:
    start = when_from_json(data["start"])
    first_seen = moment_from_json(data["first_seen"])
    last_modified = moment_from_json(data["last_modified"])
    assert start is not None and first_seen is not None and last_modified is not None
    return Event(
        uid=data["uid"],
        sequence=int(data["sequence"]),
        summary=data["summary"],
        start=start,
        end=when_from_json(data.get("end")),
        all_day=bool(data["all_day"]),
        first_seen=first_seen,
        last_modified=last_modified,
        timezone=data.get("timezone"),
        location=data.get("location"),
        participants=tuple(data.get("participants") or ()),
        category=data.get("category"),
        status=data.get("status", "scheduled"),
        original_start=when_from_json(data.get("original_start")),
        confidence=float(data.get("confidence", 0.5)),
        evidence=evidence_from_json(data.get("evidence")),
        sources=tuple(source_ref_from_json(s) for s in data.get("sources") or ()),
    )


def change_to_json(c: Change) -> dict[str, Any]:
    return {"field": c.field, "old": c.old, "new": c.new}


def change_from_json(data: dict[str, Any]) -> Change:
    return Change(field=data["field"], old=data.get("old"), new=data.get("new"))
