"""Progress of an ingest on stderr: a bar redrawn in place on a terminal, plain log lines
every few seconds otherwise (a log file, CI)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from marsad.corpus import CorpusTally
from marsad.ingest import Outcome

_REDRAW = 0.2  # seconds between redraws of the bar
_LOG_EVERY = 10.0  # seconds between log lines
_WIDTH = 20


class Progress:
    """Call ``update`` after each outcome, ``note`` to print a line, ``close`` at the end."""

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.total: int | None = None
        self.started = time.monotonic()
        # a bar shows at once; a log line only after one interval
        self._last = 0.0 if self.tty else self.started
        self._drawn = False
        self._tally = CorpusTally()
        self._seen = 0  # outcomes: articles coded or failed, and read failures

    def count_in_background(self, counter: Callable[[], int]) -> None:
        """Learn the total (for the ETA) from ``counter`` in a thread, on a terminal only."""
        if not self.tty:
            return

        def run() -> None:
            try:
                self.total = counter()
            except Exception:  # the count is a nicety: the run reports real failures
                self.total = None

        threading.Thread(target=run, name="marsad-count", daemon=True).start()

    def update(self, outcome: Outcome, tally: CorpusTally) -> None:
        self._tally = tally
        self._seen += 1
        now = time.monotonic()
        due = _REDRAW if self.tty else _LOG_EVERY
        if now - self._last >= due:
            self._last = now
            self._show()

    def note(self, line: str) -> None:
        """Print a line above the bar."""
        self._clear()
        print(line, file=self.stream)
        self._drawn = False

    def close(self) -> None:
        if self.tty:
            self._show()
            self.stream.write("\n")
        self.stream.flush()

    def line(self) -> str:
        tally = self._tally
        elapsed = max(time.monotonic() - self.started, 1e-9)
        done = self._seen
        rate = tally.articles / elapsed
        parts = [f"{tally.articles:,} articles", f"{rate:,.1f}/s"]
        if tally.skipped:
            parts.append(f"{tally.skipped:,} skipped")
        parts += [f"{tally.events:,} events", f"{tally.errors:,} errors"]
        total = self.total
        if total is not None and total > 0:
            left = max(total - done - tally.skipped, 0)
            eta = _clock(left / rate) if rate > 0 else "?"
            share = min((done + tally.skipped) / total, 1.0)
            bar = "#" * round(share * _WIDTH)
            return f"[{bar:<{_WIDTH}}] {share:4.0%} " + ", ".join(parts) + f", ETA {eta}"
        return ", ".join(parts) + f", {_clock(elapsed)} elapsed"

    def _show(self) -> None:
        if self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K")
            self._drawn = True
        else:
            print(f"marsad: {self.line()}", file=self.stream)
        self.stream.flush()

    def _clear(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\r\x1b[K")


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
