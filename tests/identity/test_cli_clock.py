"""A clock years fast, under ``faketime``: refused at the source, and the way back after."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SRC

FAKETIME = shutil.which("faketime")


def _run(db: Path, *args: str, state: Path, ahead: str = "", code: int = 0):
    if ahead and FAKETIME is None:
        pytest.fail("faketime is needed for this test: apt-get install faketime")
    prefix = [FAKETIME, "-f", ahead] if ahead else []
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "plantui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "PLANTUI_STATE_DIR": str(state)},
        timeout=120,
    )
    assert result.returncode == code, result.stderr
    return result


def _titles(db: Path, state: Path) -> list[str]:
    out = db.parent / f"{db.stem}-now.plantui.json"
    _run(db, "export", str(out), state=state)
    records = json.loads(out.read_text())["records"]
    return sorted(r["fields"]["title"][0]["v"] for r in records if r["type"] == "ask")


@pytest.mark.slow
def test_a_write_under_a_clock_years_fast_is_refused_in_one_sentence(tmp_path: Path) -> None:
    state, a = tmp_path / "state", tmp_path / "a.db"
    _run(a, "add", "plan", "title=Plan", state=state)
    result = _run(a, "add", "ask", "title=X", "rank=a0", state=state, ahead="+10y", code=1)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "more than 30 days after" in lines[0] and "--clock-ok" in lines[0]
    assert str(int(lines[0].split("it is ")[1][:4])) >= "2035"
    assert _titles(a, state) == []


@pytest.mark.slow
def test_reset_clock_after_a_fast_clock_keeps_the_edits_and_peers_accept_the_file_again(
    tmp_path: Path,
) -> None:
    state, a, b = tmp_path / "state", tmp_path / "a.db", tmp_path / "b.db"
    _run(a, "add", "plan", "title=Plan", state=state)
    ask = _run(a, "add", "ask", "title=Before", "rank=a0", state=state).stdout.split()[-1]
    seed = tmp_path / "seed.plantui.json"
    _run(a, "export", str(seed), state=state)
    _run(b, "import", str(seed), state=state)

    _run(a, "--clock-ok", "add", "ask", "title=Future", "rank=a1", state=state, ahead="+10y")
    _run(a, "--clock-ok", "set", ask, "title=Edited ahead", state=state, ahead="+10y")
    ahead_file = tmp_path / "a-ahead.plantui.json"
    _run(a, "export", str(ahead_file), state=state)
    refused = _run(b, "import", str(ahead_file), state=state, code=1)
    assert "ahead" in refused.stderr

    reset = _run(a, "reset-clock", state=state)
    assert "Moved 2 stamp(s)" in reset.stdout
    _run(a, "add", "ask", "title=After", "rank=a2", state=state)  # no --clock-ok needed now
    back = tmp_path / "a-back.plantui.json"
    _run(a, "export", str(back), state=state)
    _run(b, "import", str(back), state=state)
    assert _titles(b, state) == _titles(a, state) == ["After", "Edited ahead", "Future"]
    _run(b, "set", ask, "title=From B", state=state)
    b_file = tmp_path / "b.plantui.json"
    _run(b, "export", str(b_file), state=state)
    _run(a, "import", str(b_file), state=state)
    assert _titles(a, state) == ["After", "From B", "Future"]
