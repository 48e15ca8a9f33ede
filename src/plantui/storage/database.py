"""Opening a plan database: location, permissions, pragmas, migrations and replica identity.

SQLite runs in WAL mode with foreign keys on and a long busy timeout, and every write
transaction starts with ``BEGIN IMMEDIATE``: a second process (the CLI importing while the
TUI is open) then waits its turn instead of failing with "database is locked" half-way.

Opening needs only the standard ``sqlite3`` module. SQLAlchemy (the ORM sessions of the
write path and most screens) is imported the first time a session is asked for, so the app
can draw its first screen from :meth:`Database.snapshot` before that import has happened.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantui.errors import PlanError
from plantui.search.folding import SQL_FOLD, fold_sql

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

SCHEMA_HEAD = "0009"
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


def home_of(path: Path, inode: int | None = None) -> str:
    """Where this file lives: machine, path and inode. A copy anywhere else differs."""
    real = path.resolve()
    return f"{_machine_id()}|{real}|{real.stat().st_ino if inode is None else inode}"


def configure(con: sqlite3.Connection) -> None:
    """Settings every connection gets; transactions are ours to begin (``BEGIN ...``).
    ``plantui_fold`` is the search's case and accent folding, for list filters."""
    con.isolation_level = None
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA synchronous=FULL")
    con.create_function(SQL_FOLD, 1, fold_sql, deterministic=True)


def connect(path: Path) -> sqlite3.Connection:
    """A configured ``sqlite3`` connection to the plan file, usable from any one thread."""
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        configure(con)
    except sqlite3.Error:
        con.close()
        raise
    return con


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` at ``target``, 0600, made with SQLite's online backup
    API: correct while another process writes, where a raw copy of a WAL database is not."""
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def as_sqlite(source: sqlite3.Connection | Session) -> sqlite3.Connection:
    """The ``sqlite3`` connection under a session (inside its transaction), or ``source``."""
    if isinstance(source, sqlite3.Connection):
        return source
    return source.connection().connection.driver_connection  # type: ignore[return-value]


class Database:
    """An open plan database: plain snapshots, ORM sessions, and this copy's facts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._raw: sqlite3.Connection | None = None
        self._watch: sqlite3.Connection | None = None
        self.home = ""
        self._committed: dict[str, str] = {}
        """Per replica id, the highest clock known committed (this process and the ledger)."""

    # Plain sqlite3: opening, the first screen, meta facts

    def _connection(self) -> sqlite3.Connection:
        if self._raw is None:
            self._raw = connect(self.path)
        return self._raw

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One consistent read of the file over plain ``sqlite3``: no ORM, nothing to import."""
        with self._lock:
            con = self._connection()
            outer = not con.in_transaction
            if outer:
                con.execute("BEGIN")
            try:
                yield con
            finally:
                if outer:
                    con.execute("COMMIT")

    @contextmanager
    def raw_write(self) -> Iterator[sqlite3.Connection]:
        """A plain write transaction holding the write lock; commits at the end or not at all."""
        with self._lock:
            con = self._connection()
            con.execute("BEGIN IMMEDIATE")
            try:
                self._guard(con)
                yield con
                facts = self._facts(con)
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        self._remember(facts)

    def meta(self, key: str, source: sqlite3.Connection | Session | None = None) -> str | None:
        """A fact about this copy, read inside ``source``'s transaction if one is given."""
        sql = "SELECT value FROM meta WHERE key = ?"
        if source is not None:
            row = as_sqlite(source).execute(sql, (key,)).fetchone()
        else:
            with self.snapshot() as con:
                row = con.execute(sql, (key,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def set_meta(source: sqlite3.Connection | Session, key: str, value: str) -> None:
        as_sqlite(source).execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
        )

    def schema_revision(self) -> str | None:
        """The Alembic revision the file is at, or None before the first migration."""
        with self.snapshot() as con:
            try:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.OperationalError as exc:
                if "no such table" in str(exc):
                    return None
                raise
        return row[0] if row else None

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
        sqlite_copy(self.path, target)

    def quick_check(self) -> list[str]:
        """SQLite's own ``PRAGMA quick_check``: what it finds wrong, or nothing."""
        with self.snapshot() as con:
            rows = [str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall()]
        return [] if rows == ["ok"] else rows

    def restore_from(self, source: Path) -> None:
        """Replace the whole content with ``source``'s, through SQLite (safe mid-use); a
        missing ``source`` is an error, never an empty database put over the plan."""
        uri = f"{source.resolve().as_uri()}?mode=ro"
        src = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            with self._lock:
                src.backup(self._connection())
        finally:
            src.close()

    # SQLAlchemy: the write path and the screens' queries

    @cached_property
    def engine(self) -> Engine:
        return _make_engine(self.path)

    @cached_property
    def write_engine(self) -> Engine:
        return self.engine.execution_options(sqlite_begin="IMMEDIATE")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session over one consistent snapshot."""
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work commits at the end, or not at all; holds the write lock."""
        from sqlalchemy.orm import Session

        with Session(self.write_engine, expire_on_commit=False) as session, session.begin():
            con = as_sqlite(session)
            self._guard(con)
            yield session
            facts = self._facts(con) if session.in_transaction() else None
        if facts is not None:
            self._remember(facts)

    # Replica identity (docs/exchange-format.md "Identities")

    @staticmethod
    def _facts(con: sqlite3.Connection) -> tuple[str, str]:
        rows = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('replica_id', 'clock')"))
        return rows.get("replica_id", ""), rows.get("clock", "")

    def _guard(self, con: sqlite3.Connection) -> None:
        """Fork before writing if the file was rolled back under this open database."""
        replica, clock = self._facts(con)
        if replica and self._committed.get(replica, "") > clock:
            fork_identity(self, con)

    def _remember(self, facts: tuple[str, str]) -> None:
        replica, clock = facts
        if not replica or not self.home or self._committed.get(replica) == clock:
            return
        self._committed[replica] = max(clock, self._committed.get(replica, ""))
        from plantui.storage import ledger

        ledger.record(replica, self._committed[replica], self.home)

    def close(self) -> None:
        with self._lock:
            for con in (self._raw, self._watch):
                if con is not None:
                    con.close()
            self._raw = self._watch = None
        if "engine" in self.__dict__:
            self.engine.dispose()


def _make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        configure(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _migrate(db: Database) -> None:
    """Bring the schema to SCHEMA_HEAD in one transaction (Alembic), if it is behind."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy.exc import DBAPIError

    try:
        with db.write_engine.begin() as conn:
            if conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name = 'alembic_version'"
            ).scalar() and (
                conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                == SCHEMA_HEAD
            ):
                return  # another process migrated while we waited for the lock
            cfg = Config()
            cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except DBAPIError as exc:
        if isinstance(exc.orig, sqlite3.Error):
            raise exc.orig from None
        raise


def fork_identity(db: Database, con: sqlite3.Connection) -> str:
    """Take a new replica id inside ``con``'s write transaction; the old one is a peer's now."""
    old = db.meta("replica_id", con)
    if old:
        former = json.loads(db.meta("former_replica_ids", con) or "[]")
        db.set_meta(con, "former_replica_ids", json.dumps([*former, old]))
    else:
        db.set_meta(con, "replica_label", socket.gethostname() or "this laptop")
        db.set_meta(con, "clock", "0000000000000.0000")
    new = str(uuid.uuid4())
    db.set_meta(con, "replica_id", new)
    db.set_meta(con, "home", db.home)
    return new


def _forked(db: Database, meta: dict[str, str]) -> bool:
    """Is this file not where its replica id last committed, or behind what it committed?"""
    from plantui.storage import ledger

    replica = meta.get("replica_id")
    if not replica or meta.get("home") != db.home:
        return True
    known = ledger.entry(replica)
    if known is None:
        return False
    db._committed[replica] = known["clock"]
    return known["home"] != db.home or known["clock"] > meta.get("clock", "")


def _settle_identity(db: Database) -> None:
    """Give a new, copied, moved or rolled-back database its own replica id."""
    db.home = home_of(db.path)
    sql = "SELECT key, value FROM meta WHERE key IN ('replica_id', 'home', 'clock')"
    with db.snapshot() as con:
        meta = dict(con.execute(sql).fetchall())
    if not _forked(db, meta):
        return
    before = meta.get("replica_id")
    with db.raw_write() as con:  # may fork already, if the ledger says it was rolled back
        meta = dict(con.execute(sql).fetchall())
        if meta.get("replica_id") == before and _forked(db, meta):
            fork_identity(db, con)


def open_database(path: Path | str) -> Database:
    """Open (creating if need be) and migrate the plan database at ``path``."""
    path = Path(path)
    _prepare_file(path)
    from plantui.storage.file_check import check_file, refuse_damaged

    check_file(path)
    db = Database(path)
    try:
        revision = db.schema_revision()
        if revision != SCHEMA_HEAD:
            if revision is not None and revision > SCHEMA_HEAD:
                raise PlanError(
                    f"{path} was made by a newer plantui (schema {revision}); please upgrade."
                )
            _migrate(db)
        _settle_identity(db)
    except sqlite3.OperationalError as exc:
        db.close()
        raise PlanError(f"{path} could not be opened ({exc}).") from None
    except sqlite3.DatabaseError as exc:
        db.close()
        if "malformed" in str(exc):
            raise refuse_damaged(path, f"is damaged ({exc})") from None
        raise PlanError(f"{path} is not a plantui database ({exc}).") from None
    except BaseException:
        db.close()
        raise
    return db
