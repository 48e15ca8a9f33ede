"""Opening a plan database: location, permissions, pragmas, migrations and replica identity.

SQLite runs in WAL mode with foreign keys on and a long busy timeout, and every write
transaction starts with ``BEGIN IMMEDIATE``: a second process (the CLI importing while the
TUI is open) then waits its turn instead of failing with "database is locked" half-way.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from plantui.errors import PlanError

SCHEMA_HEAD = "0002"
"""The newest Alembic revision; checked against the scripts by a test, so opening an
up-to-date database never has to import Alembic."""

BUSY_TIMEOUT_S = 60.0
ENV_VAR = "PLANTUI_DB"


def default_db_path() -> Path:
    """The plan database in the user's data folder (platformdirs), not created here."""
    from platformdirs import user_data_path

    return user_data_path("plantui", appauthor=False) / "plan.db"


def resolve_db_path(option: str | None = None) -> Path:
    """``--db`` wins, then ``$PLANTUI_DB``, then the platform's user data folder."""
    chosen = option or os.environ.get(ENV_VAR) or None
    return Path(chosen).expanduser() if chosen else default_db_path()


def _prepare_file(path: Path) -> None:
    """Create the folder (0700) and the file (0600) before SQLite does: plans name people."""
    if path.is_dir():
        raise PlanError(f"{path} is a folder, not a plan database.")
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        path.parent.chmod(0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        path.chmod(0o600)


def _machine_id() -> str:
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            return Path(candidate).read_text().strip()
        except OSError:
            continue
    return f"{socket.gethostname()}-{uuid.getnode():x}"


def home_of(path: Path) -> str:
    """Where this file lives: machine, path and inode. A copy anywhere else differs."""
    real = path.resolve()
    return f"{_machine_id()}|{real}|{real.stat().st_ino}"


class Database:
    """An open plan database: sessions for reading and for writing, and this copy's facts."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._watch: sqlite3.Connection | None = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session over one consistent snapshot."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work commits at the end, or not at all; holds the write lock."""
        with Session(self.write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    def meta(self, key: str, session: Session | None = None) -> str | None:
        stmt = text("SELECT value FROM meta WHERE key = :k")
        if session is not None:
            return session.execute(stmt, {"k": key}).scalar()
        with self.read() as s:
            return s.execute(stmt, {"k": key}).scalar()

    @staticmethod
    def set_meta(session: Session, key: str, value: str) -> None:
        session.execute(
            text("INSERT OR REPLACE INTO meta (key, value) VALUES (:k, :v)"),
            {"k": key, "v": value},
        )

    @property
    def replica_id(self) -> str:
        value = self.meta("replica_id")
        assert value is not None, "open_database always sets a replica id"
        return value

    @property
    def replica_label(self) -> str:
        return self.meta("replica_label") or ""

    @property
    def plan_id(self) -> str | None:
        return self.meta("plan_id")

    def data_version(self) -> int:
        """A number that changes whenever anything else commits to the file.

        PRAGMA data_version counts commits made by *other* connections, so it is read on a
        connection of its own that never writes: edits by this process count too.
        """
        if self._watch is None:
            self._watch = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
            )
        return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the database (SQLite's online backup), even mid-use."""
        target.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        target.chmod(0o600)

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self.engine.dispose()


def _make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module, so BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _schema_revision(session: Session) -> str | None:
    try:
        return session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:
        return None


def _migrate(db: Database) -> None:
    """Bring the schema to SCHEMA_HEAD in one transaction (Alembic), if it is behind."""
    from alembic import command
    from alembic.config import Config

    with db.write_engine.begin() as conn:
        if _schema_revision_conn(conn) == SCHEMA_HEAD:
            return  # another process migrated while we waited for the lock
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _schema_revision_conn(conn: Any) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:
        return None


def _settle_identity(db: Database) -> None:
    """Give a new or copied database its own replica id (SYNC.md "Identities")."""
    home = home_of(db.path)
    if db.meta("home") == home and db.meta("replica_id"):
        return
    with db.write() as session:
        old = db.meta("replica_id", session)
        if db.meta("home", session) == home and old:
            return
        if old:
            former = json.loads(db.meta("former_replica_ids", session) or "[]")
            db.set_meta(session, "former_replica_ids", json.dumps([*former, old]))
        else:
            db.set_meta(session, "replica_label", socket.gethostname() or "this laptop")
            db.set_meta(session, "clock", "0000000000000.0000")
        db.set_meta(session, "replica_id", str(uuid.uuid4()))
        db.set_meta(session, "home", home)


def open_database(path: Path | str) -> Database:
    """Open (creating if need be) and migrate the plan database at ``path``."""
    path = Path(path)
    _prepare_file(path)
    db = Database(path, _make_engine(path))
    try:
        with db.read() as session:
            revision = _schema_revision(session)
        if revision != SCHEMA_HEAD:
            if revision is not None and revision > SCHEMA_HEAD:
                raise PlanError(
                    f"{path} was made by a newer plantui (schema {revision}); please upgrade."
                )
            _migrate(db)
        _settle_identity(db)
    except DatabaseError as exc:
        db.close()
        raise PlanError(f"{path} is not a plantui database ({_reason(exc)}).") from None
    except PlanError:
        db.close()
        raise
    return db


def _reason(exc: DatabaseError) -> str:
    return str(exc.orig) if exc.orig is not None else str(exc)
