"""Opening databases: location, permissions, pragmas, migrations, replica identity."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from plantui.errors import PlanError
from plantui.search.index import is_index_table
from plantui.storage import database as database_module
from plantui.storage.database import SCHEMA_HEAD, open_database, resolve_db_path
from plantui.storage.models import Base
from tests.conftest import SRC

MIGRATIONS = Path(database_module.__file__).parent / "migrations"


def alembic_config(connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def test_schema_head_constant_matches_the_migration_scripts():
    script = ScriptDirectory.from_config(alembic_config(None))
    assert script.get_current_head() == SCHEMA_HEAD


def test_migrations_build_exactly_the_models_schema(tmp_path):
    db = open_database(tmp_path / "new.db")  # every migration, run here (not the template)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, kind, _: not is_index_table(name)}
        )
        diff = compare_metadata(context, Base.metadata)
    db.close()
    assert diff == []


def _as_opened(path: Path) -> tuple[list, dict[str, str], int]:
    """Schema, facts (ids and home left out: each file has its own) and mode of a plan file."""
    with closing(sqlite3.connect(path)) as con:
        schema = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        facts = dict(con.execute("SELECT * FROM meta WHERE key NOT IN ('replica_id', 'home')"))
    return schema, facts, stat.S_IMODE(path.stat().st_mode)


def test_the_db_fixture_opens_as_a_new_file_does(db, tmp_path):
    """The test database is a copy of a template migrated once: it must be what
    ``open_database`` makes of a new file, so that no test sees anything else."""
    new = open_database(tmp_path / "new.db")
    assert new.replica_id != db.replica_id
    new.close()
    db.close()
    assert _as_opened(db.path) == _as_opened(new.path)


def test_a_database_made_by_the_first_migration_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.exec_driver_sql(
            "INSERT INTO record (id, type, vv, fields, deleted, conflicts, delete_conflict)"
            " VALUES ('00000000-0000-4000-8000-000000000001', 'plan',"
            " '{\"r\":\"0000000000005.0000\"}', '{}', 0, '', 0)"
        )
    engine.dispose()

    db = open_database(path)
    with db.engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_HEAD
        )
        max_clock = conn.exec_driver_sql("SELECT max_clock FROM record").scalar()
    assert max_clock == "0000000000005.0000"  # filled in by migration 0002 from the vv
    db.close()


def test_second_round_fields_relayed_to_an_older_schema_are_projected_on_upgrade(tmp_path):
    """A copy at 0002 kept a person and a note's kind only in ``record``; 0003 shows them."""
    path = tmp_path / "older.db"
    engine = create_engine(f"sqlite:///{path}")
    person = '{"name":[{"v":"Jess Brayne","at":"s"}],"consent":[{"v":"named_in_reports","at":"s"}]}'
    note = '{"headline":[{"v":"Agreed","at":"s"}],"kind":[{"v":"decision","at":"s"}]}'
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
        for rid, rtype, fields in (("p1", "person", person), ("n1", "note", note)):
            conn.exec_driver_sql(
                "INSERT INTO record (id, type, vv, fields, deleted, conflicts, delete_conflict,"
                " max_clock) VALUES (?, ?, '{}', ?, 0, '', 0, '')",
                (rid, rtype, fields),
            )
        conn.exec_driver_sql("INSERT INTO note (id, deleted, headline) VALUES ('n1', 0, 'Agreed')")
    engine.dispose()

    db = open_database(path)
    with db.engine.connect() as conn:
        people = conn.exec_driver_sql("SELECT id, name, consent FROM person").all()
        kinds = conn.exec_driver_sql("SELECT id, kind FROM note").all()
    db.close()
    assert people == [("p1", "Jess Brayne", "named_in_reports")]
    assert kinds == [("n1", "decision")]


def test_a_database_from_a_newer_plantui_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = open_database(path)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    with pytest.raises(PlanError, match="newer plantui"):
        open_database(path)


def test_wal_foreign_keys_and_busy_timeout_are_on(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


def test_new_folder_and_file_are_private(tmp_path):
    path = tmp_path / "deep" / "folder" / "plan.db"
    open_database(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_default_path_comes_from_platformdirs_and_is_made_on_first_use(tmp_path, monkeypatch):
    monkeypatch.delenv("PLANTUI_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    path = resolve_db_path(None)
    assert path == tmp_path / "xdg" / "plantui" / "plan.db"
    assert not path.parent.exists()  # resolving a path creates nothing
    open_database(path).close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_db_option_beats_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANTUI_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    assert resolve_db_path(str(tmp_path / "opt.db")) == tmp_path / "opt.db"


@pytest.mark.slow
def test_importing_plantui_creates_no_files(tmp_path):
    from tests.conftest import run_process

    env = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "PLANTUI_DB": ""}
    result = run_process("--version", env=env)
    assert result.returncode == 0
    assert not (tmp_path / "xdg").exists()


def test_a_copied_database_takes_a_new_replica_id(db_path, db):
    original = db.replica_id
    copy = db_path.parent / "copy.db"
    db.close()
    shutil.copy(db_path, copy)
    copied = open_database(copy)
    assert copied.replica_id != original
    assert copied.meta("former_replica_ids") == f'["{original}"]'
    again = open_database(db_path)
    assert again.replica_id == original  # the original stays who it was
    copied.close()
    again.close()


def test_a_folder_or_a_non_database_file_is_refused_plainly(tmp_path):
    with pytest.raises(PlanError, match="is a folder"):
        open_database(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(PlanError, match="not a plantui database"):
        open_database(junk)
    assert junk.read_bytes() == b"this is not sqlite" * 100


def test_backup_is_a_consistent_private_copy(plan_service, tmp_path):
    target = tmp_path / "backups" / "b.db"
    plan_service.db.backup_to(target)
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM record").fetchone()[0] == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.slow
def test_data_version_changes_when_another_process_commits(db_path, plan_service):
    from tests.conftest import run_process

    before = plan_service.db.data_version()
    assert plan_service.db.data_version() == before  # nothing happened
    result = run_process(
        "--db", str(db_path), "--clock-ok", "add", "organisation", "name=From the CLI"
    )
    assert result.returncode == 0, result.stderr
    assert plan_service.db.data_version() != before


@pytest.mark.slow
def test_opening_an_up_to_date_database_needs_no_sqlalchemy(db_path, db):
    """The app's first frame is drawn before SQLAlchemy loads; opening must not load it."""
    db.close()
    script = (
        "import sys\n"
        "from plantui.storage.database import open_database\n"
        "db = open_database(sys.argv[1])\n"
        "with db.snapshot() as con:\n"
        "    assert con.execute('SELECT count(*) FROM meta').fetchone()[0] >= 3\n"
        "assert db.replica_id\n"
        "assert 'sqlalchemy' not in sys.modules, 'opening imported sqlalchemy'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(db_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0, result.stderr


def test_a_snapshot_reads_one_state_while_others_commit(plan_service):
    db = plan_service.db
    with db.snapshot() as con:
        before = con.execute("SELECT count(*) FROM record").fetchone()[0]
        other = sqlite3.connect(db.path)
        with other:
            other.execute("INSERT INTO meta (key, value) VALUES ('written', 'elsewhere')")
        other.close()
        assert con.execute("SELECT value FROM meta WHERE key = 'written'").fetchone() is None
        with db.snapshot() as inner:  # nested use shares the same snapshot
            assert inner.execute("SELECT count(*) FROM record").fetchone()[0] == before
    assert db.meta("written") == "elsewhere"


def test_a_failed_plain_write_leaves_nothing(db):
    with pytest.raises(RuntimeError), db.raw_write() as con:
        db.set_meta(con, "half", "done")
        raise RuntimeError("crash mid-write")
    assert db.meta("half") is None
