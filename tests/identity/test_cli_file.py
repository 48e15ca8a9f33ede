"""A ``-wal`` that is not the database's own, or a cut-short file: refused at open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from plantui.storage.database import open_database
from tests.conftest import edit_from_another_laptop, run_process


def _run(db: Path, *args: str, state: Path, code: int = 0):
    result = run_process("--db", str(db), *args, env={"PLANTUI_STATE_DIR": str(state)})
    assert result.returncode == code, result.stderr
    return result


@pytest.mark.slow
def test_a_wal_from_another_database_planted_beside_the_file_is_refused(tmp_path: Path) -> None:
    state, a, b = tmp_path / "state", tmp_path / "a.db", tmp_path / "b.db"
    _run(a, "add", "plan", "title=Plan A", state=state)
    _run(a, "add", "ask", "title=Ask of A", "rank=a0", state=state)
    _run(b, "add", "plan", "title=Plan B", state=state)
    holder = sqlite3.connect(b, isolation_level=None)  # keeps b's -wal from being folded in
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM meta").fetchone()
    _run(b, "add", "organisation", "name=Org of B", state=state)
    shutil.copyfile(f"{b}-wal", f"{a}-wal")  # a sync tool copying the pair at two moments
    holder.execute("COMMIT")
    holder.close()
    before = a.read_bytes()

    result = _run(a, "add", "ask", "title=More", "rank=a1", state=state, code=1)
    assert result.stderr.count("\n") == 1
    assert f"{a}" in result.stderr and "a.db-wal" in result.stderr
    assert "nothing was written" in result.stderr
    assert _run(a, "check", state=state, code=1).returncode == 1
    assert a.read_bytes() == before


@pytest.mark.slow
def test_a_file_cut_short_is_refused_naming_the_latest_backup(tmp_path: Path) -> None:
    state, a, b = tmp_path / "state", tmp_path / "a.db", tmp_path / "b.db"
    _run(a, "demo", state=state)
    seed = tmp_path / "seed.plantui.json"
    _run(a, "export", str(seed), state=state)
    _run(b, "import", str(seed), state=state)  # keeps a backup of b first
    latest = _run(b, "backups", state=state).stdout.splitlines()[0].split()[-1]
    size = b.stat().st_size
    with b.open("r+b") as handle:
        handle.truncate(size // 2)
    result = _run(b, "add", "ask", "title=X", "rank=b0", state=state, code=1)
    assert result.stderr.count("\n") == 1
    assert str(b) in result.stderr and f"the latest backup is {b}.backups/{latest}" in result.stderr
    assert b.stat().st_size == size // 2


@pytest.mark.slow
def test_check_exits_1_on_findings_and_reports_sqlite_damage(tmp_path: Path) -> None:
    state, a = tmp_path / "state", tmp_path / "a.db"
    _run(a, "add", "plan", "title=P", state=state)
    action = _run(a, "add", "action", "title=A", "start=2025-03-01", state=state).stdout.split()[-1]
    database = open_database(a)
    edit_from_another_laptop(database, action, {"end": "2025-01-01"})  # refused if typed
    database.close()
    assert "end" in _run(a, "check", state=state, code=1).stdout
    _run(a, "set", action, "end=2025-04-01", state=state)
    assert _run(a, "check", state=state).stdout.strip() == "No integrity findings."
    # Break an index behind SQLite's back: only its own quick_check can see it.
    con = sqlite3.connect(a, isolation_level=None)
    con.execute("PRAGMA writable_schema=ON")
    index = con.execute("SELECT name FROM sqlite_master WHERE type='index' LIMIT 1").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (index,)).fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with a.open("r+b") as handle:
        handle.seek((root - 1) * page + 8)
        handle.write(b"\xff" * 64)
    result = _run(a, "check", state=state, code=1)
    assert "SQLite's quick_check" in result.stdout
