"""The `publisher` command line.

Exit status: 0 when all went well, 1 when some item failed (the rest was still published),
2 for a usage or configuration error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from publisher.codec import detection_to_json, mention_to_json, parse_published
from publisher.errors import ConfigError, PublisherError

DEFAULT_CONFIG = "config.yaml"
log = logging.getLogger("publisher")


def parse_now(value: str | None) -> dt.datetime:
    """`--now` as an aware datetime; naive values are UTC, a bare date is its midnight UTC."""
    if not value:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        moment = parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date or datetime", param_hint="--now") from exc
    assert moment is not None
    return moment


def common(func: Callable[..., Any]) -> Callable[..., Any]:
    """--config, --quiet and --verbose, the same on every command."""
    func = click.option("--verbose", "-v", is_flag=True, help="Say more: every item and decision.")(func)
    func = click.option("--quiet", "-q", is_flag=True, help="Print only problems.")(func)
    return click.option("--config", "config_path", default=DEFAULT_CONFIG, show_default=True,
                        envvar="PUBLISHER_CONFIG", type=click.Path(dir_okay=False, path_type=Path),
                        help="The config file (or set PUBLISHER_CONFIG).")(func)


def setup_logging(quiet: bool, verbose: bool) -> None:
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr, force=True)


def load_config(path: Path) -> Any:
    from publisher import config as config_module

    try:
        return config_module.load(path)
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="publisher")
def cli() -> None:
    """Watch announcement sources, detect scheduled events, publish a calendar and alerts."""


@cli.command()
@common
@click.option("--now", "now_text", metavar="ISO-8601", help="Run as of this moment (default: the clock).")
def run(config_path: Path, quiet: bool, verbose: bool, now_text: str | None) -> None:
    """Do one pass: read sources, detect, store, publish the feeds, deliver."""
    from publisher.lock import LockHeld, StateLock, lock_path_for
    from publisher.pipeline import run_once
    from publisher.progress import Reporter
    from publisher.store import open_store

    setup_logging(quiet, verbose)
    now = parse_now(now_text)
    config = load_config(config_path)
    reporter = Reporter(quiet=quiet, verbose=verbose)
    try:
        with StateLock(lock_path_for(config)), open_store(config) as store:
            report = run_once(config, store, now=now, progress=reporter)
    except LockHeld as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(3)
    except PublisherError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    reporter.summary(report)
    sys.exit(1 if report.problems else 0)


@cli.command()
@common
@click.option("--host", metavar="HOST", help="Address to listen on (default: serve.host, 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), metavar="PORT",
              help="Port to listen on (default: serve.port, 8080; 0 picks a free one).")
def serve(config_path: Path, quiet: bool, verbose: bool, host: str | None, port: int | None) -> None:
    """Run for real: poll, publish, remind and deliver on a schedule, and serve the feeds over HTTP.

    Exit status 3 when another `publisher serve` already runs on the same state.
    """
    from publisher.serve import run_server

    setup_logging(quiet, verbose)
    if not verbose:
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    config = load_config(config_path)
    sys.exit(run_server(config, host=host, port=port))


@cli.command("check-config")
@common
def check_config(config_path: Path, quiet: bool, verbose: bool) -> None:
    """Validate the config file and list every problem with its key path."""
    config = load_config(config_path)
    if not quiet:
        click.echo(f"{config_path}: valid ({len(config.sources)} source(s), state {config.database_url})")


@cli.command()
@common
@click.option("--all", "show_all", is_flag=True, help="Include ended and cancelled events.")
@click.option("--now", "now_text", metavar="ISO-8601", help="What counts as past (default: the clock).")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def events(config_path: Path, quiet: bool, verbose: bool, show_all: bool, now_text: str | None,
           as_json: bool) -> None:
    """List stored events in a table."""
    from publisher.codec import event_to_json
    from publisher.progress import events_table
    from publisher.store import open_store

    config = load_config(config_path)
    now = parse_now(now_text)
    with open_store(config) as store:
        rows = store.events() if show_all else [e for e in store.events() if e.last_day() >= now.date()]
    if as_json:
        for event in rows:
            click.echo(json.dumps(event_to_json(event), ensure_ascii=False))
    else:
        events_table(rows)


@cli.group(invoke_without_command=True)
@common
@click.option("--state", "states", multiple=True, type=click.Choice(["pending", "failed", "delivered", "dead"]),
              help="Only deliveries in this state (repeat for several).")
@click.option("--endpoint", metavar="NAME", help="Only deliveries to this webhook or notify endpoint.")
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True, help="Show at most this many.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
@click.pass_context
def deliveries(ctx: click.Context, config_path: Path, quiet: bool, verbose: bool, states: tuple[str, ...],
               endpoint: str | None, limit: int, as_json: bool) -> None:
    """List webhook and notification deliveries: state, attempts, next attempt, last error."""
    ctx.obj = config_path
    if ctx.invoked_subcommand is not None:
        return
    from publisher.deliver import listing, outbox
    from publisher.deliver.endpoints import destinations
    from publisher.store import open_store

    config = load_config(config_path)
    try:
        with open_store(config) as store:
            rows = outbox.listing(store, states=states, endpoint=endpoint, limit=limit)
            counts = outbox.counts(store)
    except PublisherError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    known = destinations(config)
    if as_json:
        listing.print_json(rows, known)
    else:
        listing.print_table(rows, known, counts)


@deliveries.command("replay")
@common
@click.argument("idents", metavar="ID...", nargs=-1)
@click.option("--dead", "all_dead", is_flag=True, help="Replay every dead delivery (of --endpoint, if given).")
@click.option("--endpoint", metavar="NAME", help="With --dead: only this endpoint's dead deliveries.")
@click.option("--now", "now_text", metavar="ISO-8601", help="Send as of this moment (default: the clock).")
@click.pass_context
def deliveries_replay(ctx: click.Context, config_path: Path, quiet: bool, verbose: bool, idents: tuple[str, ...],
                      all_dead: bool, endpoint: str | None, now_text: str | None) -> None:
    """Send deliveries again now (dead or delivered ones too), under their same webhook-ids."""
    from click.core import ParameterSource

    from publisher.deliver import outbox, replay_many
    from publisher.deliver.endpoints import destinations, redact_all
    from publisher.store import open_store

    if not idents and not all_dead:
        raise click.UsageError("give the IDs to replay (see publisher deliveries), or --dead")
    setup_logging(quiet, verbose)
    if ctx.get_parameter_source("config_path") == ParameterSource.DEFAULT and isinstance(ctx.obj, Path):
        config_path = ctx.obj  # `publisher deliveries --config X replay ID`
    config = load_config(config_path)
    now = parse_now(now_text)
    try:
        with open_store(config) as store:
            wanted = list(idents)
            if all_dead:
                wanted += [row.id for row in outbox.listing(store, states=["dead"], endpoint=endpoint)]
            rows, _report = replay_many(config, store, wanted, now=now)
    except PublisherError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    known = destinations(config)
    for row in rows:
        if row.state == "delivered":
            if not quiet:
                click.echo(f"{row.id} to {row.endpoint}: delivered (webhook-id {row.message_id})")
            continue
        later = f"; next attempt {row.next_attempt_at.isoformat()}" if row.next_attempt_at else ""
        click.echo(f"{row.id} to {row.endpoint}: {row.state}: {redact_all(row.last_error or '', known)}{later}",
                   err=True)
    missing = sorted(set(idents) - {row.id for row in rows})
    for ident in missing:
        click.echo(f"error: no delivery {ident} (list them with publisher deliveries)", err=True)
    if missing or not rows:
        if not rows and all_dead and not missing:
            click.echo("no dead deliveries to replay", err=True)
            sys.exit(0)
        sys.exit(2)
    sys.exit(0 if all(row.state == "delivered" for row in rows) else 1)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON document for all files.")
@click.option("--jsonl", "jsonl", metavar="PATH", type=click.File("r", encoding="utf-8"),
              help="Read JSON lines {id, text, published, title, source_url} ('-' for stdin); write JSON lines.")
@click.option("--published", metavar="ISO-8601", help="Reference date for FILES without front matter.")
@click.option("--timezone", "zone", metavar="ZONE", help="Zone for times stated without one (default UTC).")
def detect(files: tuple[Path, ...], as_json: bool, jsonl: TextIO | None, published: str | None,
           zone: str | None) -> None:
    """Show what the detector finds in FILES: events, and every date mention with its fate."""
    if jsonl is not None:
        detect_jsonl(jsonl, sys.stdout, zone)
        return
    if not files:
        raise click.UsageError("give FILES to read, or --jsonl - for JSON lines on stdin")
    from publisher.detect import detect as run_detector
    from publisher.progress import explain
    from publisher.sources.files import read_file

    now = dt.datetime.now(dt.UTC)
    failed = False
    results = []
    for path in files:
        try:
            item = read_file(path, source="cli", ident=path.name, max_bytes=20_000_000, now=now, timezone=zone)
        except PublisherError as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
            continue
        if published:
            item = replace_published(item, parse_now(published))
        result = run_detector(item, now=now)
        results.append((path, item, result))
    if as_json:
        click.echo(json.dumps([{"file": str(p), "published": a.published.isoformat() if a.published else None,
                                "events": [detection_to_json(e) for e in r.events],
                                "mentions": [mention_to_json(m) for m in r.mentions],
                                "notes": list(r.notes)} for p, a, r in results], indent=2, ensure_ascii=False))
    else:
        for path, item, result in results:
            explain(path, item, result)
    sys.exit(1 if failed else 0)


def replace_published(item: Any, published: dt.datetime) -> Any:
    from dataclasses import replace

    return replace(item, published=published, published_basis="option")


def read_jsonl(stream: TextIO) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(stream, 1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, exc


def detect_jsonl(stream: TextIO, out: TextIO, zone: str | None) -> None:
    """The batch contract of DESIGN.md: one JSON object in, one out, per line; never stop early."""
    from publisher.detect import detect as run_detector
    from publisher.model import Announcement

    now = dt.datetime.now(dt.UTC)
    for number, record in read_jsonl(stream):
        if isinstance(record, Exception) or not isinstance(record, dict):
            out.write(json.dumps({"id": None, "line": number, "events": [], "mentions": [],
                                  "error": f"line {number} is not a JSON object"}) + "\n")
            continue
        ident = record.get("id")
        try:
            published = parse_published(record.get("published"))
            item = Announcement(source="jsonl", id=str(ident), text=str(record.get("text") or ""),
                                published=published, fetched_at=now, url=record.get("source_url"),
                                title=record.get("title"), published_basis="input",
                                timezone=record.get("timezone") or zone)
            result = run_detector(item, now=published or now)
            payload = {"id": ident, "events": [detection_to_json(e) for e in result.events],
                       "mentions": [mention_to_json(m) for m in result.mentions]}
        except (ValueError, TypeError, PublisherError) as exc:
            payload = {"id": ident, "events": [], "mentions": [], "error": str(exc)}
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
        out.flush()


def main(argv: Iterable[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="publisher")
