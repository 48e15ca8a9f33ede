"""Copies and restores by hand (``cp``, ``rm`` + ``cp``, ``cat >``) take a new replica id."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_process


def _ok(db: Path, *args: str, state: Path) -> str:
    result = run_process("--db", str(db), *args, env={"PLANTUI_STATE_DIR": str(state)})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def _replica(db: Path, state: Path) -> str:
    return _ok(db, "label", state=state).rsplit("replica ", 1)[1].rstrip(")")


@pytest.mark.slow
@pytest.mark.parametrize("how", ["cp", "rm+cp", "cat"])
def test_a_backup_put_back_by_hand_takes_a_new_replica_id(tmp_path: Path, how: str) -> None:
    state, db, saved = tmp_path / "state", tmp_path / "plan.db", tmp_path / "saved.db"
    _ok(db, "add", "plan", "title=Plan", state=state)
    first = _replica(db, state)
    shutil.copy(db, saved)  # the database is closed: this is a whole copy
    _ok(db, "add", "ask", "title=Later", "rank=a0", state=state)
    if how == "cp":
        subprocess.run(["cp", str(saved), str(db)], check=True)
    elif how == "rm+cp":
        db.unlink()
        subprocess.run(["cp", str(saved), str(db)], check=True)
    else:
        subprocess.run(f"cat '{saved}' > '{db}'", shell=True, check=True)
    assert _replica(db, state) != first


@pytest.mark.slow
def test_a_copy_for_a_second_laptop_made_with_cp_takes_a_new_id_and_the_original_keeps_its_own(
    tmp_path: Path,
) -> None:
    state, a, e = tmp_path / "state", tmp_path / "a.db", tmp_path / "e.db"
    _ok(a, "add", "plan", "title=Plan", state=state)
    first = _replica(a, state)
    subprocess.run(["cp", str(a), str(e)], check=True)
    assert _replica(e, state) != first
    assert _replica(a, state) == first


@pytest.mark.slow
def test_an_unchanged_database_keeps_its_replica_id(tmp_path: Path) -> None:
    state, db = tmp_path / "state", tmp_path / "plan.db"
    _ok(db, "add", "plan", "title=Plan", state=state)
    first = _replica(db, state)
    _ok(db, "add", "ask", "title=More", "rank=a0", state=state)
    assert _replica(db, state) == first
