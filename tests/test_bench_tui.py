"""The TUI benchmark runs end to end on a small subset and prints its table (not a timing test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "bench_tui.py"


@pytest.mark.slow
def test_bench_tui_prints_a_table_of_ratios_against_the_twins() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--runs", "1", "--parts", "forms,filter"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "| interaction | plantui median | twin median | ratio | goal |"
    rows = [line for line in lines if line.startswith("| ") and "x |" in line]
    names = [row.split(" | ")[0].removeprefix("| ") for row in rows]
    assert names == [
        "open an action's form",
        "filter keystroke on screen (1,000 organisations)",
        "filter applied after typing (1,000 organisations)",
    ]
    assert lines[-1].startswith("Goals missed:")
