#!/usr/bin/env python3
"""Run every benchmark of plantui and print their figures (not a test: numbers vary by machine).

* exchange: import/export of a 20,000-action plan against plain json + sqlite3
* timeline: frames of a 10,000-action timeline against a 100-action one
* search:   searches on a 20,000-action plan, from a rare word to one in every action
* tui:      every screen's first frame (headless and for real in a pseudo-terminal), forms,
            switches, filter and timeline against bare-Textual twins (``bench_tui.py``, the
            table of README's "Speed")
* history:  what keeping history adds to that import and to one edit; history of one record
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    "bench_exchange.py",
    "bench_timeline.py",
    "bench_search.py",
    "bench_tui.py",
    "bench_history.py",
]


def main() -> int:
    status = 0
    for name in BENCHES:
        script = HERE / name
        if not script.exists():
            continue
        print(f"== {name}", flush=True)
        status |= subprocess.call(
            [
                sys.executable,
                str(script),
            ]
        )
        print(flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
