"""Regenerate screenshots/report-example.html and .png: the HTML report of the example plan
on 15 June 2025, and its first printed page (A4 landscape) as Chromium prints it; and
screenshots/org-pack-example.html, one public body's own pack (`report --org`).

Needs Debian's chromium and poppler-utils (pdftoppm). Run from the repository root:
    python scripts/make_report_example.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ["PLANTUI_TODAY"] = "2025-06-15"

from plantui.demo import load_demo  # noqa: E402
from plantui.reports import export  # noqa: E402
from plantui.reports.browser import print_to_pdf  # noqa: E402
from plantui.service import PlanService  # noqa: E402
from plantui.storage.database import open_database  # noqa: E402


def main() -> int:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    html = out / "report-example.html"
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.db")
        try:
            load_demo(PlanService(db))
            print(export(db, "html", html).message)
            pack = out / "org-pack-example.html"
            print(export(db, "html", pack, org="SEL ICB").message)
        finally:
            db.close()
        pdf = Path(tmp) / "report.pdf"
        print_to_pdf(html, pdf)
        stem = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "110",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        (out / "report-example.png").write_bytes(stem.with_suffix(".png").read_bytes())
    print(f"Wrote {out / 'report-example.png'} (first page).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
