"""Load on `publisher serve` next to nginx serving the same file, measured with wrk.

    .venv/bin/python bench/serve.py [--duration 10] [--connections 64] [--events 150]

Builds a workspace in a temp folder (announcements with future dates, so `calendar.ics` has real
events), starts `publisher serve` on a free loopback port and nginx with its own temp config on
another, checks both serve identical bytes, then runs wrk against `/calendar.ics` on each: plain
GET, GET with the file's If-None-Match (every answer a 304), and GET with Accept-Encoding: gzip
(as calendar apps send it; publisher compresses once per change, nginx on every request at its
default level). Prints requests per second and p99 latency in one table. Everything runs on
127.0.0.1, is bounded in time, and is stopped at the end. Needs wrk and nginx (Debian packages).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CITIES = ["Lyon", "Berlin", "Madrid", "Lisbon", "Vienna", "Prague", "Warsaw", "Dublin", "Oslo", "Athens"]
KINDS = ["conference", "summit", "festival", "trade fair", "congress"]


@dataclass
class Result:
    server: str
    request: str
    rps: float
    p99_ms: float
    errors: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_workspace(root: Path, events: int, port: int) -> Path:
    """Announcements of `events` future events, and a config whose state and feeds live in `root`."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    today = dt.datetime.now(dt.UTC).date()
    for n in range(events):
        day = today + dt.timedelta(days=7 + 3 * n)
        text = (f"---\npublished: {today.isoformat()}\ntitle: Announcement {n}\n---\n\n"
                f"The {KINDS[n % len(KINDS)]} will be held on {day.day} {day:%B %Y} in {CITIES[n % len(CITIES)]}.\n")
        (docs / f"a{n:04d}.md").write_text(text, encoding="utf-8")
    config = {"version": 1, "state": "state/publisher.db",
              "output": {"dir": "feeds", "base_url": f"http://127.0.0.1:{port}/"},
              "calendar": {"past": "all"}, "reminders": [],
              "serve": {"host": "127.0.0.1", "port": port, "files_every": "1h"},
              "sources": [{"name": "docs", "kind": "files", "path": "docs"}]}
    path = root / "config.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def wait_http(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"{url} did not come up")
        time.sleep(0.2)


def head(url: str) -> dict[str, str]:
    request = urllib.request.Request(url, method="HEAD")
    with urllib.request.urlopen(request, timeout=5) as response:
        return {k.lower(): v for k, v in response.headers.items()}


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return bytes(response.read())


def nginx_config(root: Path, feeds: Path, port: int, workers: int) -> Path:
    """A self-contained nginx config: its own pid, logs and temp paths, static files from `feeds`."""
    conf = root / f"nginx-{workers}.conf"
    temp = root / "nginx-temp"
    temp.mkdir(exist_ok=True)
    conf.write_text(f"""
worker_processes {workers};
pid {root}/nginx-{workers}.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    types {{ text/calendar ics; application/rss+xml xml; text/html html; }}
    charset utf-8;
    charset_types text/calendar application/rss+xml;
    sendfile on;
    etag on;
    gzip on;
    gzip_types text/calendar application/rss+xml;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {feeds};
        location ~ /\\. {{ return 404; }}
    }}
}}
""", encoding="utf-8")
    return conf


def run_wrk(url: str, *, seconds: int, connections: int, threads: int, header: str | None) -> tuple[float, float, str]:
    """Requests per second, p99 latency in ms, and wrk's error line (if any)."""
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if header:
        args[1:1] = ["-H", header]
    out = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    assert p99, out
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = " ".join(line.strip() for line in out.splitlines()
                      if "Socket errors" in line or "Non-2xx" in line)
    return rps, float(p99.group(1)) * scale, errors


def measure(name: str, url: str, args: argparse.Namespace, results: list[Result]) -> None:
    etag = head(url)["etag"]
    for label, header in (("GET", None), ("GET + If-None-Match", f"If-None-Match: {etag}"),
                          ("GET + gzip", "Accept-Encoding: gzip")):
        rps, p99, errors = run_wrk(url, seconds=args.duration, connections=args.connections, threads=args.threads,
                                   header=header)
        results.append(Result(name, label, rps, p99, errors))
        print(f"  {name:<24} {label:<20} {rps:>10.0f} req/s  p99 {p99:8.2f} ms {errors}", file=sys.stderr)


def print_table(results: list[Result], size: int, args: argparse.Namespace) -> None:
    print(f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s on /calendar.ics ({size} bytes), "
          f"{os.cpu_count()} cores, all on 127.0.0.1\n")
    print(f"| {'server':<26} | {'request':<20} | {'req/s':>9} | {'p99':>9} |")
    print(f"| {'-' * 26} | {'-' * 20} | {'-' * 9}:| {'-' * 9}:|")
    for r in results:
        print(f"| {r.server:<26} | {r.request:<20} | {r.rps:>9.0f} | {r.p99_ms:>6.2f} ms |")
    notes = [f"{r.server} / {r.request}: {r.errors}" for r in results if r.errors]
    if notes:
        print("\n" + "\n".join(notes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections (default 64)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--events", type=int, default=150, help="announcements to publish (default 150)")
    parser.add_argument("--nginx-workers", default="1,auto", help="nginx worker_processes to try (default 1,auto)")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None and not Path("/usr/sbin/nginx").exists():
            raise SystemExit(f"{tool} is not installed (Debian package {tool})")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    root = Path(tempfile.mkdtemp(prefix="publisher-bench-"))
    os.chmod(root, 0o755)  # nginx workers may run as another user
    processes: list[subprocess.Popen[bytes]] = []
    try:
        port = free_port()
        config = write_workspace(root, args.events, port)
        print(f"workspace {root}; starting publisher serve on 127.0.0.1:{port}", file=sys.stderr)
        serve = subprocess.Popen([sys.executable, "-m", "publisher", "serve", "--quiet", "--config", str(config)],
                                 cwd=root, stdin=subprocess.DEVNULL)
        processes.append(serve)
        base = f"http://127.0.0.1:{port}"
        wait_http(base + "/healthz")
        calendar = fetch(base + "/calendar.ics")
        print(f"calendar.ics: {len(calendar)} bytes, {calendar.count(b'BEGIN:VEVENT')} events", file=sys.stderr)

        results: list[Result] = []
        measure("publisher serve", base + "/calendar.ics", args, results)
        for workers in args.nginx_workers.split(","):
            nport = free_port()
            conf = nginx_config(root, root / "feeds", nport, workers)  # type: ignore[arg-type]
            proc = subprocess.Popen([nginx, "-p", str(root), "-c", str(conf), "-g", "daemon off;"],
                                    stdin=subprocess.DEVNULL)
            processes.append(proc)
            url = f"http://127.0.0.1:{nport}/calendar.ics"
            wait_http(url)
            assert fetch(url) == calendar, "nginx and publisher serve the same bytes"
            measure(f"nginx {workers} worker(s)", url, args, results)
            proc.send_signal(signal.SIGQUIT)
            proc.wait(timeout=30)
        print_table(results, len(calendar), args)
    finally:
        for proc in processes:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
