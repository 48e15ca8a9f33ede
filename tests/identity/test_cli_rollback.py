"""A whole laptop rolled back (database and state folder together), found out from peers.

The clock is frozen (``faketime``) so the rolled-back laptop writes again under the very
stamps its lost edits had: only what the other laptop sends back can show it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SRC

FAKETIME = shutil.which("faketime")
FROZEN = "2026-03-02 10:00:00"


def _run(db: Path, *args: str, state: Path) -> str:
    if FAKETIME is None:
        pytest.fail("faketime is needed for this test: apt-get install faketime")
    result = subprocess.run(
        [FAKETIME, FROZEN, sys.executable, "-m", "plantui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "PLANTUI_STATE_DIR": str(state)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


def _records(db: Path, state: Path, name: str) -> list:
    out = db.parent / f"{name}.plantui.json"
    _run(db, "export", str(out), state=state)
    return json.loads(out.read_text())["records"]


def _values(records: list, rid: str, field: str) -> set[str]:
    found = next(r for r in records if r["id"] == rid)
    return {sib["v"] for sib in found["fields"][field]}


def _copy(source: Path, target: Path) -> None:
    subprocess.run(["cp", "-a", str(source), str(target)], check=True)


@pytest.mark.slow
def test_a_laptop_restored_from_a_snapshot_keeps_its_new_edits_and_its_lost_ones(
    tmp_path: Path,
) -> None:
    a, b, shared = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "shared"
    a_state, b_state, snap = tmp_path / "a-state", tmp_path / "b-state", tmp_path / "snap"
    shared.mkdir()
    snap.mkdir()
    _run(a, "add", "plan", "title=Plan", state=a_state)
    ask = _last_line(_run(a, "add", "ask", "title=Original", "rank=a0", state=a_state))
    org = _last_line(_run(a, "add", "organisation", "name=Forum", state=a_state))
    for db, state in ((a, a_state), (b, b_state), (a, a_state)):
        _run(db, "sync", str(shared), state=state)
    first_id = _last_line(_run(a, "label", state=a_state))

    _copy(a, snap / "a.db")  # the snapshot of the whole laptop: database and state folder
    _copy(a_state, snap / "state")
    _run(a, "set", ask, "title=Lost on A", state=a_state)
    _run(a, "set", org, "name=Forum, renamed on A", state=a_state)
    _run(a, "sync", str(shared), state=a_state)
    _run(b, "sync", str(shared), state=b_state)  # B now holds the edits A is about to lose

    _copy(snap / "a.db", a)  # restored in place: same path, same inode, same ledger
    shutil.rmtree(a_state)
    _copy(snap / "state", a_state)
    assert _last_line(_run(a, "label", state=a_state)) == first_id  # nothing local can tell
    fresh = _last_line(_run(a, "add", "ask", "title=New on A", "rank=a1", state=a_state))
    _run(a, "set", ask, "title=Mine on A", state=a_state)
    _run(b, "set", org, "notes=Written on B", state=b_state)

    said = _run(a, "sync", str(shared), state=a_state)
    assert "rolled back" in said and "new replica" in said
    assert _last_line(_run(a, "label", state=a_state)) != first_id
    for db, state in ((b, b_state), (a, a_state), (b, b_state)):
        _run(db, "sync", str(shared), state=state)

    on_a, on_b = _records(a, a_state, "a-final"), _records(b, b_state, "b-final")
    assert on_a == on_b
    assert _values(on_a, ask, "title") == {"Lost on A", "Mine on A"}  # a conflict, both kept
    assert _values(on_a, org, "name") == {"Forum, renamed on A"}
    assert _values(on_a, org, "notes") == {"Written on B"}
    assert _values(on_a, fresh, "title") == {"New on A"}
