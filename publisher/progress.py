"""What the command line shows people: progress on a terminal, summaries, tables, explanations."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from publisher.alerts import format_when
from publisher.model import Announcement, DetectResult, Event


class Reporter:
    """A progress bar when stderr is a terminal; silent otherwise, so logs and pipes stay clean."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.err = Console(stderr=True)
        self.out = Console(highlight=False, soft_wrap=True)
        self.bar: Progress | None = None
        self.task: Any = None

    def start(self, label: str, total: int) -> None:
        self.stop()
        if self.quiet or not sys.stderr.isatty() or total < 2:
            return
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=self.err, transient=True)
        self.bar.start()
        self.task = self.bar.add_task(label, total=total)

    def advance(self, detail: str = "") -> None:
        if self.bar is not None:
            self.bar.advance(self.task)
        if self.verbose and detail:
            self.err.print(f"  {detail}", markup=False)

    def note(self, message: str) -> None:
        if not self.quiet:
            self.err.print(message, markup=False)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def summary(self, report: Any) -> None:
        from publisher.pipeline import summarize

        self.stop()
        for problem in report.problems:
            self.err.print(f"problem: {problem}", markup=False)
        if self.quiet:
            return
        if self.verbose:
            for note in report.notes:
                self.err.print(f"note: {note}", markup=False)
            for alert in report.alerts:
                self.out.print(f"alert [{alert.kind}] {alert.title}", markup=False)
        elif report.notes:
            self.err.print(f"notes: {len(report.notes)} (see --verbose); first: {report.notes[0]}", markup=False)
        for line in summarize(report):
            self.out.print(line, markup=False)


def wide_console() -> Console:
    """The terminal's width on a terminal; wide when piped, so tables do not fold into slivers."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else 200)


def events_table(events: Sequence[Event]) -> None:
    console = wide_console()
    if not events:
        console.print("no events")
        return
    table = Table(show_lines=False)
    for column in ("when", "summary", "where", "status", "category", "seq", "uid"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(format_when(event), event.summary, event.location or "", event.status,
                      event.category or "", str(event.sequence), event.uid)
    console.print(table)


def explain(path: Path, item: Announcement, result: DetectResult) -> None:
    """Every event found, then every date mention with its value and why it was or was not used."""
    console = wide_console()
    reference = item.published.isoformat() if item.published else "none"
    console.print(f"[bold]{path}[/bold]  (reference date {reference}, from {item.published_basis})")
    if not result.events:
        console.print("  no events")
    for d in result.events:
        end = f" .. {d.end.isoformat()}" if d.end is not None and d.end != d.start else ""
        console.print(f"  EVENT {d.start.isoformat()}{end}  {d.summary}", markup=False)
        details = [f"status {d.status}", f"confidence {d.confidence:.2f}"]
        if d.location:
            details.append(f"at {d.location}")
        if d.timezone:
            details.append(f"zone {d.timezone}")
        if d.category:
            details.append(f"category {d.category}")
        if d.participants:
            details.append("with " + ", ".join(d.participants))
        console.print("        " + "; ".join(details), markup=False)
        if d.evidence:
            console.print(f"        “{d.evidence.text.strip()}” [{d.evidence.start}:{d.evidence.end}]", markup=False)
    if result.mentions:
        table = Table(title="date and time mentions", title_justify="left")
        for column in ("at", "text", "value", "used", "why not"):
            table.add_column(column, overflow="fold")
        for m in result.mentions:
            table.add_row(f"{m.start}-{m.end}", m.text, m.value or "", "yes" if m.used else "no", m.reason or "")
        console.print(table)
    for note in result.notes:
        console.print(f"  note: {note}", markup=False)
