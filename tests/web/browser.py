"""Headless Chromium from the system's packages, driven by Playwright (its own browser
download is never used), against ``marsad serve`` in a subprocess on loopback.

Without Chromium or Playwright the browser tests skip locally, and fail under ``CI=true``.
Screenshots of each page go to ``tests/artifacts/screenshots/`` (or ``$MARSAD_ARTIFACTS``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("MARSAD_ARTIFACTS") or ROOT / "tests" / "artifacts") / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str:
    """The system's Chromium, or skip (fail under CI) with the reason."""
    found = (
        os.environ.get("MARSAD_CHROMIUM")
        or shutil.which("chromium")
        or ("/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None)
    )
    reason = ""
    if not found:
        reason = "Chromium is not installed: apt-get install -y chromium (see .ci/run)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "Playwright is not installed: pip install -e '.[dev]'"
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests need Chromium and Playwright under CI: {reason}")
        pytest.skip(reason)
    assert found is not None
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"marsad serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"marsad serve did not answer {url} within {seconds:g} s")


def serve(db: Path) -> Iterator[str]:
    """``marsad serve`` on a free loopback port; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-c", "import sys; from marsad.cli import main; sys.exit(main())"]
    process = subprocess.Popen(
        [*command, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/api/stats", process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()
