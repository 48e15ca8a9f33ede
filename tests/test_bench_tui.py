"""The TUI benchmark runs end to end on a small subset and prints its table (not a timing test)."""

from __future__ import annotations

import importlib.util
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


def test_the_text_read_from_a_terminal_loses_its_escapes_and_keeps_a_styled_line_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = importlib.util.spec_from_file_location("bench_tui", SCRIPT)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_tui", bench)  # its dataclasses look it up
    spec.loader.exec_module(bench)
    drawn = (
        b"\x1b]0;plantui\x07\x1bP+q544e\x1b\\"  # a window title (OSC), a query (DCS)
        b"\x1b[?2026h\x1b[5;3H"  # synchronized output on, the cursor to row 5, column 3
        b"\x1b[1;38;2;255;255;255mA1\x1b[0m \x1b[38;5;245mCultur\xc3\xa9\x1b[0m"
        b"\x1b7\x1b8\x1b=\x1b[?2026l"  # cursor saved and restored, keypad mode, output shown
    )
    assert bench.visible_text(drawn) == "A1 Culturé"
