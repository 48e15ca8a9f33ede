"""Regenerate the example agenda and minutes in screenshots/ (md and html).

Run from the repository root: ``python scripts/meeting_examples.py``. The example plan is
written as of 14 June 2025 (as the plan stands in the README); a short meeting is then run
at the 17 July 2025 task-and-finish meeting so its minutes show attendance and a decision.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from plantui.demo import load_demo  # noqa: E402
from plantui.meetings.record import check_in, record_decision  # noqa: E402
from plantui.queries.events import find_event  # noqa: E402
from plantui.service import PlanService  # noqa: E402
from plantui.storage.database import open_database  # noqa: E402

MEETING = "Commissioning task-and-finish"


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def main() -> int:
    out = ROOT / "screenshots"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PLANTUI_TODAY": "2025-06-15"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        db = open_database(path)
        written = PlanService(db, wall=lambda: _ms(dt.datetime(2025, 6, 14, tzinfo=dt.UTC)))
        load_demo(written)
        during = PlanService(
            db, wall=lambda: _ms(dt.datetime(2025, 7, 17, 13, 30, tzinfo=dt.UTC)), clock_ok=True
        )
        with db.snapshot() as con:
            event = find_event(con, MEETING)
            orgs = [r for (r,) in con.execute("SELECT id FROM organisation ORDER BY name LIMIT 3")]
        for fmt in ("md", "html"):
            run = [sys.executable, "-m", "plantui", "--db", str(path), "agenda", MEETING]
            subprocess.run(
                [*run, "--format", fmt, "--output", str(out / f"agenda.{fmt}")], check=True, env=env
            )
        for org in orgs:
            check_in(during, event, org)
        record_decision(
            during,
            event,
            "Three-year grants proposal agreed\nIt goes into the"
            " council's budget round in September.",
            "2025-07-17",
        )
        db.close()
        for fmt in ("md", "html"):
            run = [
                sys.executable,
                "-m",
                "plantui",
                "--db",
                str(path),
                "--clock-ok",
                "minutes",
                MEETING,
            ]
            subprocess.run(
                [*run, "--format", fmt, "--output", str(out / f"minutes.{fmt}")],
                check=True,
                env=env,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
