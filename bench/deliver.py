"""Delivery throughput: N queued alerts drained to a local receiver that answers at once.

    .venv/bin/python bench/deliver.py [--alerts 10000] [--endpoints 1] [--workers 8] [--latency 0]

Writes N alerts with their deliveries (one per endpoint) the way the pipeline does, in one
transaction, then runs the delivery job until the outbox is empty: every message is signed
(Standard Webhooks), claimed and recorded in the SQLite outbox, and POSTed over keep-alive HTTP
to `tests/receiver.py` running in its own process (so the receiver has the other core), which
verifies every signature. Prints the enqueue rate, the drain time and deliveries per second,
and what the receiver counted (requests, verified, distinct webhook-ids). `--latency` makes the
receiver wait before each answer, as a receiver across a network does; `--workers` is
`delivery.workers`, the attempts in flight at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from publisher import deliver  # noqa: E402
from publisher.alerts import make_alert  # noqa: E402
from publisher.config import validate  # noqa: E402
from publisher.deliver import outbox  # noqa: E402
from publisher.model import Event  # noqa: E402
from publisher.store import open_store  # noqa: E402
from tests.receiver import new_secret  # noqa: E402

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def start_receiver(secret: str, latency: float) -> tuple[subprocess.Popen[str], int]:
    process = subprocess.Popen([sys.executable, "-m", "tests.receiver", "--secret", secret, "--delay", str(latency)],
                               cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, int(process.stdout.readline())


def stop_receiver(process: subprocess.Popen[str]) -> dict[str, int]:
    out, _ = process.communicate("", timeout=60)
    return json.loads(out.strip().splitlines()[-1])


def event(i: int) -> Event:
    start = dt.date(2027, 1, 1) + dt.timedelta(days=i % 365)
    return Event(uid=f"bench-{i}@publisher", sequence=0, summary=f"Bench event {i}", start=start, end=start,
                 all_day=True, first_seen=NOW, last_modified=NOW, location="Paris, France", category="summit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alerts", type=int, default=10_000)
    parser.add_argument("--endpoints", type=int, default=1)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    secret = new_secret()
    receiver, port = start_receiver(secret, args.latency)
    try:
        with tempfile.TemporaryDirectory() as folder:
            config = validate({"version": 1, "state": "state.db", "sources": [], "reminders": [],
                               "delivery": {"workers": args.workers},
                               "webhooks": [{"name": f"hook{n}", "url": f"http://127.0.0.1:{port}/hook",
                                             "secret": secret, "allow_private": True}
                                            for n in range(args.endpoints)]}, Path(folder))
            with open_store(config) as store:
                began = time.perf_counter()
                with store.transaction():
                    for i in range(args.alerts):
                        item = event(i)
                        alert = make_alert("new", item, (), now=NOW)
                        store.save_event(item)
                        store.add_alert(alert)
                        deliver.enqueue(config, store, alert, now=NOW, event=item)
                queued = time.perf_counter() - began
                began = time.perf_counter()
                report = deliver.deliver_due(config, store, now=NOW)
                drained = time.perf_counter() - began
                counts = outbox.counts(store)
    finally:
        seen = stop_receiver(receiver)
    total = args.alerts * args.endpoints
    print(f"alerts: {args.alerts}, endpoints: {args.endpoints}, deliveries: {total}, workers: {args.workers}, "
          f"receiver latency: {args.latency * 1000:g} ms")
    print(f"enqueue (alert + event + deliveries, one transaction): {queued:.2f} s, "
          f"{args.alerts / queued:,.0f} alerts/s")
    print(f"drain: {drained:.2f} s, {report.delivered / drained:,.0f} deliveries/s "
          f"({report.delivered} delivered, {report.failed} failed, {report.dead} dead)")
    print(f"outbox after: {counts}; receiver: {seen}")


if __name__ == "__main__":
    main()
