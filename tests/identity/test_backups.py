"""``plantui backups``, ``backups restore N`` and ``copy FILE``, as real processes on real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from plantui.storage.backups import BACKUPS_KEPT, backup_folder, copy_database, keep_backup
from plantui.storage.database import open_database
from tests.conftest import run_process


def _run(db: Path, *args: str, state: Path, code: int = 0):
    result = run_process("--db", str(db), *args, env={"PLANTUI_STATE_DIR": str(state)})
    assert result.returncode == code, result.stderr
    return result


def _replica(db: Path, state: Path) -> str:
    return _run(db, "label", state=state).stdout.strip().rsplit("replica ", 1)[1].rstrip(")")


def _titles(db: Path, state: Path) -> list[str]:
    out = db.parent / f"{db.stem}-titles.plantui.json"
    _run(db, "export", str(out), state=state)
    records = json.loads(out.read_text())["records"]
    return sorted(r["fields"]["title"][0]["v"] for r in records if r["type"] == "ask")


@pytest.mark.slow
def test_restore_goes_back_under_a_new_id_and_later_edits_flow_back_from_the_old_one(
    tmp_path: Path,
) -> None:
    state, a, b = tmp_path / "state", tmp_path / "a.db", tmp_path / "b.db"
    _run(a, "add", "plan", "title=Plan", state=state)
    _run(a, "add", "ask", "title=First", "rank=a0", state=state)
    seed = tmp_path / "seed.plantui.json"
    _run(a, "export", str(seed), state=state)
    _run(b, "import", str(seed), state=state)
    _run(b, "add", "ask", "title=From B", "rank=a1", state=state)
    b_file = tmp_path / "b.plantui.json"
    _run(b, "export", str(b_file), state=state)
    _run(a, "import", str(b_file), state=state)  # keeps a backup of A before B's ask
    _run(a, "add", "ask", "title=Later on A", "rank=a2", state=state)
    later = tmp_path / "a-later.plantui.json"
    _run(a, "export", str(later), state=state)
    first_id = _replica(a, state)

    listing = _run(a, "backups", state=state).stdout.splitlines()
    assert listing[0].startswith("1  ") and "before-import" in listing[0]
    _run(a, "backups", "restore", "1", state=state)
    assert _replica(a, state) != first_id
    assert _titles(a, state) == ["First"]
    # The backup of the state it replaced is now the newest.
    assert "before-restore" in _run(a, "backups", state=state).stdout.splitlines()[0]
    # The old id's file is a peer's now: its edits and B's come back.
    _run(a, "import", str(later), str(b_file), state=state)
    assert _titles(a, state) == ["First", "From B", "Later on A"]
    _run(a, "add", "ask", "title=After restore", "rank=a3", state=state)
    after = tmp_path / "a-after.plantui.json"
    _run(a, "export", str(after), state=state)
    _run(b, "import", str(later), str(after), state=state)
    assert _titles(b, state) == _titles(a, state)


@pytest.mark.slow
def test_restore_of_a_missing_number_is_one_sentence(tmp_path: Path) -> None:
    state, a = tmp_path / "state", tmp_path / "a.db"
    _run(a, "add", "plan", "title=Plan", state=state)
    result = _run(a, "backups", "restore", "3", state=state, code=1)
    assert result.stderr.strip() == (
        "plantui: There is no backup number 3; plantui backups lists them."
    )


def test_only_whole_backups_are_kept_and_a_leftover_temporary_file_is_not_counted(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "plan.db")
    try:
        folder = backup_folder(db.path)
        folder.mkdir(mode=0o700)
        leftover = folder / ".20990101T000000000000Z-before-import.db.123.tmp"
        leftover.write_bytes(b"half a backup")
        for _ in range(BACKUPS_KEPT + 2):
            kept = keep_backup(db)
        whole = sorted(folder.glob("*.db"))
        assert len(whole) == BACKUPS_KEPT and whole[-1] == kept
        assert kept.stat().st_mode & 0o777 == 0o600
    finally:
        db.close()


def test_copy_made_while_another_connection_holds_wal_data_has_every_committed_edit(
    tmp_path: Path,
) -> None:
    from plantui.service import PlanService

    db = open_database(tmp_path / "plan.db")
    try:
        service = PlanService(db)
        service.create("plan", {"title": "Plan"})
        holder = sqlite3.connect(db.path, isolation_level=None)
        holder.execute("PRAGMA wal_autocheckpoint=0")
        holder.execute("BEGIN")  # a reader holding a snapshot stops any checkpoint
        holder.execute("SELECT count(*) FROM meta").fetchone()
        for n in range(20):
            service.create("ask", {"title": f"Ask {n}", "rank": f"a{n:02d}"})
        assert Path(f"{db.path}-wal").stat().st_size > 0
        new_id = copy_database(db, tmp_path / "copy.db", "Hall laptop")
        holder.execute("COMMIT")
        holder.close()
        assert new_id != db.replica_id
    finally:
        db.close()
    copy = open_database(tmp_path / "copy.db")
    try:
        assert copy.replica_id == new_id and copy.replica_label == "Hall laptop"
        assert len(PlanService(copy).list("ask")) == 20
        assert (tmp_path / "copy.db").stat().st_mode & 0o777 == 0o600
    finally:
        copy.close()


@pytest.mark.slow
def test_copy_command_makes_a_second_laptop_that_syncs_both_ways(tmp_path: Path) -> None:
    state, a, e = tmp_path / "state", tmp_path / "a.db", tmp_path / "e.db"
    folder = tmp_path / "shared"
    folder.mkdir()
    _run(a, "add", "plan", "title=Plan", state=state)
    _run(a, "copy", str(e), "--label", "Second laptop", state=state)
    assert _replica(e, state) != _replica(a, state)
    _run(a, "add", "ask", "title=On A", "rank=a0", state=state)
    _run(e, "add", "ask", "title=On E", "rank=a1", state=state)
    for db in (a, e, a, e):
        _run(db, "sync", str(folder), state=state)
    assert _titles(a, state) == _titles(e, state) == ["On A", "On E"]


@pytest.mark.slow
def test_restoring_the_oldest_kept_backup_brings_it_back_whole(tmp_path: Path) -> None:
    """Going back keeps a backup of the state it leaves; that must not rotate away the one
    being restored (which then read as an empty database put over the plan)."""
    state, a = tmp_path / "state", tmp_path / "a.db"
    _run(a, "add", "plan", "title=Plan", state=state)
    _run(a, "add", "ask", "title=Oldest", "rank=a0", state=state)
    db = open_database(a)
    try:
        keep_backup(db, "manual")
    finally:
        db.close()
    _run(a, "add", "ask", "title=Newer", "rank=a1", state=state)
    db = open_database(a)
    try:
        for _ in range(BACKUPS_KEPT - 1):
            keep_backup(db, "manual")
    finally:
        db.close()
    _run(a, "backups", "restore", str(BACKUPS_KEPT), state=state)
    assert _titles(a, state) == ["Oldest"]
