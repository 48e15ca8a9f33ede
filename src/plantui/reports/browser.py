"""Printing an HTML report to PDF with headless Chromium (Debian's ``chromium`` package).

Used by the tests that check how the report prints and by scripts/make_report_example.py;
plantui itself never needs a browser to make a report.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from plantui.errors import PlanError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of a Chromium-like browser on PATH, or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_to_pdf(html: Path, pdf: Path, timeout: float = 120) -> None:
    """Print ``html`` to ``pdf`` as Chromium would for a person pressing Print (no headers)."""
    browser = find_chromium()
    if browser is None:
        raise PlanError("Chromium is not installed (Debian: apt-get install -y chromium).")
    with tempfile.TemporaryDirectory(prefix="plantui-chromium-") as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                html.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise PlanError(f"Chromium did not write {pdf}.")
