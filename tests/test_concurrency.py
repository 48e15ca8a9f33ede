"""Two processes writing one database at once: both succeed, nothing is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from tests.conftest import SRC, run_process

pytestmark = pytest.mark.slow

WRITER = textwrap.dedent(
    """
    import sys
    from plantui.service import PlanService
    from plantui.storage.database import open_database
    db = open_database(sys.argv[1])
    service = PlanService(db)
    for i in range(int(sys.argv[3])):
        service.create("organisation", {"name": f"{sys.argv[2]}-{i}"})
    print("ok")
    """
)

HOLDER = textwrap.dedent(
    """
    import sys, time
    from sqlalchemy import text
    from plantui.storage.database import open_database
    db = open_database(sys.argv[1])
    with db.write() as session:  # a long import-like transaction holding the write lock
        session.execute(text("INSERT INTO meta (key, value) VALUES ('held', 'yes')"))
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
    print("released", flush=True)
    """
)


def _spawn(script: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_two_processes_writing_at_once_both_succeed_and_lose_nothing(db_path):
    assert run_process("--db", str(db_path), "add", "plan", "title=P").returncode == 0
    procs = [_spawn(WRITER, str(db_path), name, "150") for name in ("left", "right")]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    with sqlite3.connect(db_path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM organisation")}
        stamps = [r[0] for r in conn.execute("SELECT fields FROM record WHERE type='organisation'")]
    assert len(names) == 300
    assert len(set(stamps)) == 300  # every write got its own stamp


def test_the_cli_waits_for_a_long_transaction_instead_of_failing(db_path):
    assert run_process("--db", str(db_path), "add", "plan", "title=P").returncode == 0
    holder = _spawn(HOLDER, str(db_path), "2.0")
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    started = time.monotonic()
    result = run_process("--db", str(db_path), "add", "organisation", "name=Waited")
    waited = time.monotonic() - started
    holder.communicate(timeout=60)
    assert result.returncode == 0, result.stderr
    assert waited >= 1.0  # it really did wait for the lock
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='held'").fetchone() == ("yes",)
        assert conn.execute("SELECT name FROM organisation").fetchall() == [("Waited",)]
