"""Backups beside the database, going back to one, and clean copies for a new laptop.

Every file here is made with SQLite's own backup API or ``VACUUM INTO`` (never a raw copy of
a live WAL database), written 0600 under a temporary name and renamed into place, so a kill
half-way never leaves a partial file among the ones kept.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from plantui.errors import PlanError
from plantui.storage.database import (
    BUSY_TIMEOUT_S,
    Database,
    fork_identity,
    home_of,
    sqlite_copy,
)

BACKUPS_KEPT = 5


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: dt.datetime
    size: int


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.name}.backups"


def _temporary(target: Path) -> Path:
    return target.parent / f".{target.name}.{os.getpid()}.tmp"


def keep_backup(db: Database, reason: str = "before-import", spare: Path | None = None) -> Path:
    """Copy the database aside before it changes; keep the newest few (and ``spare``)."""
    folder = backup_folder(db.path)
    if not folder.exists():
        folder.mkdir(mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{stamp}-{reason}.db"
    tmp = _temporary(target)
    try:
        sqlite_copy(db.path, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    for old in sorted(folder.glob("*.db"))[:-BACKUPS_KEPT]:
        if old != spare:
            old.unlink(missing_ok=True)
    return target


def list_backups(db_path: Path) -> list[Backup]:
    """The kept backups, newest first."""
    folder = backup_folder(db_path)
    found = sorted(folder.glob("*.db"), reverse=True) if folder.is_dir() else []
    backups = []
    for path in found:
        info = path.stat()
        backups.append(Backup(path, dt.datetime.fromtimestamp(info.st_mtime, dt.UTC), info.st_size))
    return backups


def restore_backup(db: Database, number: int) -> tuple[Backup, Path]:
    """Put backup ``number`` (1 = newest) over the database under a new replica id.

    The state it replaces is kept as a backup first. The new id means no stamp is ever
    written twice; the edits made since the backup come back from peers' files as usual.
    """
    backups = list_backups(db.path)
    if not 1 <= number <= len(backups):
        raise PlanError(f"There is no backup number {number}; plantui backups lists them.")
    chosen = backups[number - 1]
    _check_whole(chosen.path)
    saved = keep_backup(db, "before-restore", spare=chosen.path)  # the oldest must stay
    last = db.meta("clock") or ""
    db.restore_from(chosen.path)
    with db.raw_write() as con:
        replica = db.meta("replica_id", con)
        if replica == _meta_of(chosen.path).get("replica_id"):
            fork_identity(db, con)
        db.set_meta(con, "clock", max(last, db.meta("clock", con) or ""))
    return chosen, saved


def _meta_of(path: Path) -> dict[str, str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return dict(con.execute("SELECT key, value FROM meta").fetchall())
    finally:
        con.close()


def _check_whole(path: Path) -> None:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            con.close()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise PlanError(f"The backup {path} is damaged; choose another one.")


def copy_database(db: Database, target: Path, label: str | None = None) -> str:
    """A clean copy for a new laptop, correct while the app is open; returns its replica id."""
    if target.exists():
        raise PlanError(f"{target} already exists; choose a new file name for the copy.")
    if not target.parent.is_dir():
        raise PlanError(f"The folder {target.parent} does not exist.")
    tmp = _temporary(target)
    new_id = str(uuid.uuid4())
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
        source = sqlite3.connect(db.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            source.execute("VACUUM INTO ?", (str(tmp),))
        finally:
            source.close()
        copy = sqlite3.connect(tmp, isolation_level=None)
        try:
            mine = db.replica_label or "this laptop"
            facts = {
                "replica_id": new_id,
                "replica_label": label or f"Copy of {mine}",
                "former_replica_ids": json.dumps([]),
                "home": home_of(target, tmp.stat().st_ino),
            }
            copy.execute("BEGIN IMMEDIATE")
            copy.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", facts.items()
            )
            copy.execute("COMMIT")
        finally:
            copy.close()
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return new_id
