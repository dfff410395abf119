"""A real webhook receiver on 127.0.0.1 that verifies every request as a receiver would.

Each route has its own Standard Webhooks secret (or none, for Apprise json:// targets) and a
policy that answers each request: 204 at once, an error, a delay past the client's timeout,
410 Gone, 429 with Retry-After. Every request is recorded with its webhook-id and whether
`standardwebhooks` verified it, so a test can check that each message arrived, and that every
duplicate is a retry under the same webhook-id.

    with Receiver() as receiver:
        url = receiver.route("/ops", secret=SECRET, policy=fail_every_other())
        ...                                   # deliver
        assert receiver.unverified() == []
        assert receiver.ids("/ops") == expected_ids

`down()` closes the port (connections are refused) and `up()` opens the same port again.
Run as a script (`python -m tests.receiver --secret whsec_...`) it serves one route, `/hook`,
until stdin closes, for benchmarks that want the receiver on another core.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def new_secret() -> str:
    """A Standard Webhooks secret: whsec_ and the base64 of 32 random bytes."""
    return "whsec_" + base64.b64encode(os.urandom(32)).decode()


@dataclass(frozen=True)
class Incoming:
    """What a policy sees: the path, the webhook-id, and how many requests came before."""

    path: str
    webhook_id: str | None
    number: int  # 1 for the first request to this path
    attempt: int  # 1 for the first request with this webhook-id to this path


@dataclass(frozen=True)
class Answer:
    status: int = 204
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    body: bytes = b""


Policy = Callable[[Incoming], Answer]


@dataclass(frozen=True)
class Received:
    """One request as the receiver saw it and what it answered; header names are lower case."""

    path: str
    headers: dict[str, str]
    body: bytes
    webhook_id: str | None
    verified: bool
    error: str | None
    status: int
    at: float

    def json(self) -> Any:
        return json.loads(self.body)


def ok() -> Policy:
    return lambda _incoming: Answer(204)


def fail_every_other(status: int = 500) -> Policy:
    """Half the requests fail: the 1st, 3rd, 5th... to the route."""
    return lambda incoming: Answer(status, body=b"try later") if incoming.number % 2 else Answer(200)


def slow_every(every: int, seconds: float) -> Policy:
    """Every `every`-th request waits `seconds` before answering (past the client's timeout)."""
    return lambda incoming: Answer(200, delay=seconds) if incoming.number % every == 0 else Answer(200)


def gone() -> Policy:
    return lambda _incoming: Answer(410, body=b"unsubscribed")


def throttle(first: int, retry_after: str) -> Policy:
    """The first `first` requests get 429 with this Retry-After; then success."""
    return lambda incoming: (Answer(429, headers={"Retry-After": retry_after}) if incoming.number <= first
                             else Answer(204))


def stall_from(number: int, seconds: float) -> Policy:
    """From the `number`-th request on, hang (a receiver that stops answering mid-run)."""
    return lambda incoming: Answer(204, delay=seconds) if incoming.number >= number else Answer(204)


class Receiver:
    """A threaded HTTP/1.1 receiver on a free 127.0.0.1 port; use as a context manager."""

    def __init__(self, port: int = 0) -> None:
        self._routes: dict[str, tuple[str | None, Policy]] = {}
        self._received: list[Received] = []
        self._counts: Counter[str] = Counter()
        self._attempts: Counter[tuple[str, str | None]] = Counter()
        self._lock = threading.Lock()
        self.closing = threading.Event()
        self.cut_off = 0  # requests whose body never fully arrived (the sender was killed)
        self._port = port
        self._server: ReceiverServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Receiver:
        self.up()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.closing.set()
        self.down()

    # lifecycle ----------------------------------------------------------------------------------
    def up(self) -> None:
        """Listen (again) on the same port."""
        server = ReceiverServer(("127.0.0.1", self._port), Handler)
        server.owner = self
        self._port = int(server.server_address[1])
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="webhook-receiver", daemon=True)
        self._thread.start()

    def down(self) -> None:
        """Stop listening: new connections are refused until `up()`."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server.cut_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def port(self) -> int:
        return self._port

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._port}{path}"

    def route(self, path: str, *, secret: str | None = None, policy: Policy | None = None) -> str:
        """Accept requests at `path`, verified with `secret` (None: not verified); returns the URL."""
        with self._lock:
            self._routes[path] = (secret, policy or ok())
        return self.url(path)

    # what arrived -------------------------------------------------------------------------------
    @property
    def received(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    def at(self, path: str) -> list[Received]:
        return [r for r in self.received if r.path == path]

    def ids(self, path: str, *, status: range = range(200, 300)) -> Counter[str]:
        """How often each webhook-id was verified and answered with a success at `path`."""
        return Counter(r.webhook_id for r in self.at(path) if r.verified and r.status in status and r.webhook_id)

    def unverified(self) -> list[Received]:
        """Requests to secret-holding routes whose signature did not verify."""
        with self._lock:
            signed = {p for p, (secret, _) in self._routes.items() if secret}
        return [r for r in self.received if r.path in signed and not r.verified]

    def wait_for(self, count: int, *, path: str | None = None, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.at(path) if path else self.received) >= count:
                return True
            time.sleep(0.01)
        return False

    # handling -----------------------------------------------------------------------------------
    def answer(self, path: str, headers: dict[str, str], body: bytes) -> tuple[Answer, Received]:
        with self._lock:
            route = self._routes.get(path)
            self._counts[path] += 1
            webhook_id = headers.get("webhook-id")
            self._attempts[(path, webhook_id)] += 1
            incoming = Incoming(path, webhook_id, self._counts[path], self._attempts[(path, webhook_id)])
        error: str | None = "no such route"
        if route is None:
            answer, verified = Answer(404), False
        else:
            secret, policy = route
            verified, error = verify(secret, headers, body)
            answer = policy(incoming) if verified or secret is None else Answer(401, body=b"bad signature")
        record = Received(path, headers, body, webhook_id, verified, error, answer.status, time.monotonic())
        with self._lock:
            self._received.append(record)
        return answer, record


def verify(secret: str | None, headers: dict[str, str], body: bytes) -> tuple[bool, str | None]:
    """Check the signature exactly as a receiver using the `standardwebhooks` library would."""
    if secret is None:
        return False, None
    try:
        Webhook(secret).verify(body, headers, json_parse=False)
    except (WebhookVerificationError, ValueError) as exc:
        return False, str(exc)
    return True, None


class ReceiverServer(ThreadingHTTPServer):
    """Tracks open connections, so `down()` can cut kept-alive ones too (a real outage)."""

    daemon_threads = True
    allow_reuse_address = True
    owner: Receiver

    def server_activate(self) -> None:
        self.open: set[socket.socket] = set()
        self.open_lock = threading.Lock()
        super().server_activate()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.open_lock:
            self.open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.open_lock:
            self.open.discard(request)
        super().shutdown_request(request)

    def cut_connections(self) -> None:
        with self.open_lock:
            for sock in list(self.open):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (timeout) closes its end; that is expected here, not an error."""


class Handler(BaseHTTPRequestHandler):
    """Answers in one write with Nagle off, as production servers do (else each reply stalls)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = -1  # buffered: headers and body leave together when the request is done
    server: ReceiverServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        owner = self.server.owner
        if len(body) < length:  # the sender died mid-request: a real server drops it unread
            owner.cut_off += 1
            self.close_connection = True
            return
        answer, _ = owner.answer(self.path.split("?", 1)[0], headers, body)
        if answer.delay and owner.closing.wait(answer.delay):
            return
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if answer.body:
            self.wfile.write(answer.body)

    do_PUT = do_POST


def main() -> None:
    """Serve `/hook` for a benchmark until stdin closes; print the port on the first line."""
    parser = argparse.ArgumentParser(description="a verifying webhook receiver on 127.0.0.1")
    parser.add_argument("--secret", help="the whsec_ secret to verify with (default: no verification)")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each answer (latency)")
    args = parser.parse_args()
    with Receiver() as receiver:
        receiver.route("/hook", secret=args.secret, policy=lambda _in: Answer(204, delay=args.delay))
        print(receiver.port, flush=True)
        sys.stdin.read()
        results = receiver.received
        print(json.dumps({"requests": len(results), "verified": sum(r.verified for r in results),
                          "ids": len({r.webhook_id for r in results})}), flush=True)


if __name__ == "__main__":
    main()
