"""Every exception publisher raises on purpose, in one tree.

    PublisherError
    ├── ConfigError            config.yaml is missing, unreadable or invalid (exit status 2)
    ├── SourceError            one source or one item of it could not be read
    │   ├── FetchError         an HTTP fetch failed (status, timeout, size cap, refused address)
    │   └── DocumentError      one file, entry or page is empty, binary, badly encoded or too big
    ├── StoreError             the state database cannot be opened, migrated or written
    ├── RenderError            an output file could not be written
    ├── DeliveryError          a webhook or channel delivery failed (retried later)
    └── LockError              another publisher already runs on the same state

Each error names the thing it is about and the reason, so the message alone tells a user what to
fix. Per-item errors are caught by the pipeline and recorded as problems while the run goes on.
"""

from __future__ import annotations


class PublisherError(Exception):
    """Base of everything publisher raises on purpose."""


class ConfigError(PublisherError):
    """The configuration is invalid; `problems` lists every (key path, message) at once."""

    def __init__(self, message: str, problems: list[tuple[str, str]] | None = None) -> None:
        self.problems = problems or []
        lines = [message] + [f"  {path}: {reason}" for path, reason in self.problems]
        super().__init__("\n".join(lines))


class SourceError(PublisherError):
    """A source, or one item of it, could not be read."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


class FetchError(SourceError):
    """An HTTP fetch failed."""


class DocumentError(SourceError):
    """One document could not be turned into an announcement."""


class StoreError(PublisherError):
    """The state database failed."""


class RenderError(PublisherError):
    """An output file could not be written."""


class DeliveryError(PublisherError):
    """A delivery attempt failed; `retry_after` is the wait the receiver asked for, in seconds."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None,
                 disable: bool = False) -> None:
        self.status = status
        self.retry_after = retry_after
        self.disable = disable
        super().__init__(message)


class LockError(PublisherError):
    """Another publisher process holds the state lock."""
