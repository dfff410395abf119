"""Load and validate config.yaml.

Validation reports every problem at once, each with its key path and a hint, because a user
fixing a config one error per run gives up. `${VAR}` is replaced from the environment before
validation, so secrets need not sit in the file; relative paths are resolved against the
config file's folder, so a run works from any working directory.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import os
import re
import zoneinfo
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from publisher.errors import ConfigError

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
ENV_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


def parse_duration(value: Any) -> dt.timedelta:
    """Read `90s`, `15m`, `2h`, `7d`, `1w` (or a number of seconds)."""
    if isinstance(value, dt.timedelta):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return dt.timedelta(seconds=float(value))
    match = DURATION.match(str(value))
    if not match:
        raise ValueError(f"{value!r} is not a duration; write it like 90s, 15m, 2h or 7d")
    return dt.timedelta(seconds=float(match.group(1)) * UNITS[match.group(2)])


def parse_window(value: Any) -> dt.timedelta | None:
    """A duration, or `all` (None) for no limit."""
    if isinstance(value, str) and value.strip().lower() == "all":
        return None
    return parse_duration(value)


def parse_alarm(value: Any) -> dt.timedelta | None:
    """A duration before the start, or off (`off`, `false` or nothing)."""
    return None if value in (None, False, "off") else parse_duration(value)


def parse_offsets(value: Any) -> list[dt.timedelta]:
    """Reminder offsets: a list of durations (nothing: none)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError("write reminders as a list of durations, such as [1d, 2h], or [] for none")
    return [parse_duration(v) for v in value]


# Config value types: each reads the text form users write (`15m`, `all`, `off`) once, for every key.
Duration = Annotated[dt.timedelta, BeforeValidator(parse_duration)]
Window = Annotated[dt.timedelta | None, BeforeValidator(parse_window)]
Alarm = Annotated[dt.timedelta | None, BeforeValidator(parse_alarm)]
Offsets = Annotated[list[dt.timedelta], BeforeValidator(parse_offsets)]


def check_zone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{value!r} is not an IANA time zone (such as UTC or Europe/Paris)") from exc
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Output(Strict):
    dir: Path = Path("feeds")
    base_url: str = "http://localhost:8080/"
    title: str = "publisher"
    max_alerts: int = Field(default=200, gt=0)
    ttl: Duration = dt.timedelta(hours=1)

    @field_validator("base_url")
    @classmethod
    def _slash(cls, value: str) -> str:
        if not re.match(r"^https?://", value):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value if value.endswith("/") else value + "/"


class CalendarWindow(Strict):
    past: Window = dt.timedelta(days=30)
    cancelled: Window = dt.timedelta(days=14)
    alarm: Alarm = None


class Fetch(Strict):
    timeout: Duration = dt.timedelta(seconds=20)
    max_bytes: int = Field(default=10_000_000, gt=0)
    user_agent: str = "publisher/0.1 (+https://github.com/publisher/publisher)"


class SourceBase(Strict):
    name: Annotated[str, Field(pattern=NAME)]
    timezone: str | None = None
    dayfirst: bool | None = None
    enabled: bool = True

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        return check_zone(value) if value else value


class FilesSource(SourceBase):
    kind: Literal["files"]
    path: str
    max_bytes: int = Field(default=5_000_000, gt=0)


class PolledSource(SourceBase):
    url: Annotated[str, Field(pattern=r"^(https?|file)://")]
    every: Duration = dt.timedelta(minutes=15)


class FeedSource(PolledSource):
    kind: Literal["feed"]
    full_text: bool = False
    allow_private_links: bool = False


class PageSource(PolledSource):
    kind: Literal["page"]


Source = Annotated[FilesSource | FeedSource | PageSource, Field(discriminator="kind")]


class View(Strict):
    """A named calendar and alert feed holding the events that pass every given filter."""

    name: Annotated[str, Field(pattern=NAME)]
    title: str | None = None
    categories: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)


class Serve(Strict):
    """`publisher serve`: where it listens, the optional feed token, how often files sources are read."""

    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    token: str | None = None
    files_every: Duration = dt.timedelta(minutes=1)

    @field_validator("token")
    @classmethod
    def _token(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_.~-]+", value):
            raise ValueError("the token goes in URLs: use only letters, digits and _.~- ; make one with "
                             "python -c 'import secrets; print(secrets.token_urlsafe())'")
        return value


DELIVERY_KINDS = ("new", "updated", "postponed", "cancelled", "reminder")
SECRET = re.compile(r"^whsec_[A-Za-z0-9+/]+={0,2}$")


def parse_retry(value: Any) -> list[dt.timedelta]:
    """The waits between delivery attempts, as a list of durations."""
    if not isinstance(value, list):
        raise ValueError("write retry as a list of waits between attempts, such as [5s, 5m, 30m, 2h]")
    return [parse_duration(v) for v in value]


def secret_bytes(text: str) -> bytes:
    """The key inside a `whsec_` secret (empty when it is not valid base64)."""
    try:
        return base64.b64decode(text.removeprefix("whsec_"), validate=True)
    except (ValueError, binascii.Error):
        return b""


def parse_timeout(value: Any) -> dt.timedelta:
    """A delivery timeout: a duration longer than zero (zero would fail every attempt)."""
    moment = parse_duration(value)
    if moment.total_seconds() <= 0:
        raise ValueError("the timeout must be longer than 0s")
    return moment


Timeout = Annotated[dt.timedelta, BeforeValidator(parse_timeout)]
Waits = Annotated[list[dt.timedelta], BeforeValidator(parse_retry)]


class Delivery(Strict):
    """How webhooks and notifications are sent and retried (an endpoint may override each key)."""

    timeout: Timeout = dt.timedelta(seconds=15)
    retry: Waits = Field(default_factory=lambda: [
        dt.timedelta(seconds=5), dt.timedelta(minutes=5), dt.timedelta(minutes=30), dt.timedelta(hours=2),
        dt.timedelta(hours=5), dt.timedelta(hours=10), dt.timedelta(hours=10)])
    workers: int = Field(default=8, ge=1, le=64)


class Endpoint(Strict):
    """What webhooks and notify targets share: a name, filters, the private-address guard, overrides."""

    name: Annotated[str, Field(pattern=NAME)]
    kinds: list[Literal["new", "updated", "postponed", "cancelled", "reminder"]] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    views: list[str] = Field(default_factory=list)
    allow_private: bool = False
    timeout: Timeout | None = None
    retry: Waits | None = None


class Webhook(Endpoint):
    """A Standard Webhooks receiver; the secret is held as SecretStr so no repr or dump shows it."""

    url: Annotated[str, Field(pattern=r"^https?://[^/?#\s]+", repr=False)]  # its path may hold a token
    secret: SecretStr

    @field_validator("secret", mode="before")
    @classmethod
    def _secret(cls, value: Any) -> Any:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if not isinstance(text, str) or not SECRET.match(text) or not 24 <= len(secret_bytes(text)) <= 64:
            raise ValueError("must be a Standard Webhooks secret: whsec_ and the base64 of 24 to 64 random "
                             "bytes; make one with python -c 'import base64, os; "
                             "print(\"whsec_\" + base64.b64encode(os.urandom(32)).decode())'")
        return value


class Notify(Endpoint):
    """A chat room, mailbox or push service reached through an Apprise URL (which holds its tokens)."""

    apprise: SecretStr

    @field_validator("apprise", mode="before")
    @classmethod
    def _url(cls, value: Any) -> Any:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if not isinstance(text, str) or not re.match(r"^[a-z][a-z0-9+.-]*://\S+$", text.strip()):
            raise ValueError("must be an Apprise URL such as slack://..., discord://..., mailtos://..., "
                             "ntfys://TOPIC or json://HOST/PATH")
        return value


class Config(Strict):
    version: Literal[1]
    state: str = "state/publisher.db"
    output: Output = Output()
    timezone: str = "UTC"
    calendar: CalendarWindow = CalendarWindow()
    fetch: Fetch = Fetch()
    serve: Serve = Serve()
    reminders: Offsets = Field(default_factory=lambda: [dt.timedelta(days=1)])
    sources: list[Source] = Field(default_factory=list)
    views: list[View] = Field(default_factory=list)
    webhooks: list[Webhook] = Field(default_factory=list)
    notify: list[Notify] = Field(default_factory=list)
    delivery: Delivery = Delivery()
    base_dir: Path = Path(".")

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_zone(value)

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        names = [s.name for s in self.sources]
        doubled = sorted({n for n in names if names.count(n) > 1})
        if doubled:
            raise ValueError(f"source names must be unique; repeated: {', '.join(doubled)}")
        views = [v.name for v in self.views]
        clashing = sorted({n for n in views if views.count(n) > 1 or n in ("calendar", "alerts")})
        if clashing:
            raise ValueError(f"view names must be unique and not 'calendar' or 'alerts'; check: {', '.join(clashing)}")
        unknown = sorted({s for v in self.views for s in v.sources} - set(names))
        if unknown:
            raise ValueError(f"views name sources that do not exist: {', '.join(unknown)}")
        return self

    @model_validator(mode="after")
    def _known_endpoints(self) -> Config:
        """Endpoint names key the outbox, so they must be unique across webhooks and notify."""
        names = [e.name for e in (*self.webhooks, *self.notify)]
        doubled = sorted({n for n in names if names.count(n) > 1})
        if doubled:
            raise ValueError(f"webhook and notify names must be unique together; repeated: {', '.join(doubled)}")
        views = {v.name for v in self.views}
        unknown = sorted({v for e in (*self.webhooks, *self.notify) for v in e.views} - views)
        if unknown:
            raise ValueError(f"webhooks or notify name views that do not exist: {', '.join(unknown)}")
        return self

    def path(self, value: str | Path) -> Path:
        """A path from the config, relative to the config file's folder."""
        candidate = Path(value).expanduser()
        return candidate if candidate.is_absolute() else self.base_dir / candidate

    @property
    def output_dir(self) -> Path:
        return self.path(self.output.dir)

    @property
    def database_url(self) -> str:
        if "://" in self.state:
            return self.state
        return f"sqlite:///{self.path(self.state)}"

    def source(self, name: str) -> FilesSource | FeedSource | PageSource:
        for source in self.sources:
            if source.name == name:
                return source
        raise KeyError(name)


def substitute_env(node: Any, path: str, problems: list[tuple[str, str]]) -> Any:
    """Replace `${VAR}` in every string; a missing variable is a problem at its key path."""
    if isinstance(node, dict):
        return {k: substitute_env(v, f"{path}.{k}" if path else str(k), problems) for k, v in node.items()}
    if isinstance(node, list):
        return [substitute_env(v, f"{path}[{i}]", problems) for i, v in enumerate(node)]
    if isinstance(node, str):
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in os.environ:
                problems.append((path, f"environment variable {name} is not set"))
                return ""
            return os.environ[name]
        return ENV_VAR.sub(replace, node)
    return node


def key_path(loc: tuple[int | str, ...], data: Any) -> str:
    """Turn a pydantic location into `sources[1].every`, naming sources by index."""
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item in ("files", "feed", "page") and parts and parts[-1].startswith("["):
            continue  # the discriminator tag pydantic inserts
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "(top level)"


def hint(error: Any) -> str:
    kind = error["type"]
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        return "unknown key; check its spelling against the README's list of settings"
    if kind == "union_tag_invalid":
        return "kind must be one of files, feed, page"
    if kind == "union_tag_not_found":
        return "every source needs a kind: files, feed or page"
    if kind == "missing":
        return "required key is missing"
    return message


def validate(data: Any, base_dir: Path, where: str = "config") -> Config:
    """Validate a parsed YAML document; raise ConfigError listing every problem."""
    problems: list[tuple[str, str]] = []
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the file must be a YAML mapping of settings", [])
    data = substitute_env(data, "", problems)
    if "base_dir" in data:
        problems.append(("base_dir", "unknown key; check its spelling against the README's list of settings"))
        data.pop("base_dir")
    config = None
    try:
        config = Config.model_validate({**data, "base_dir": base_dir})
    except ValidationError as exc:
        problems.extend((key_path(e["loc"], data), hint(e)) for e in exc.errors())
    if problems or config is None:
        raise ConfigError(f"{where}: {len(problems)} problem(s)", problems)
    return config


def load(path: str | Path) -> Config:
    """Read, substitute and validate a config file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such config file (give one with --config PATH)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    return validate(data, path.resolve().parent, str(path))
