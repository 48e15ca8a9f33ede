"""Is the database file whole, and is the ``-wal`` beside it its own? Checked at open.

A file-sync tool or a hand-made backup can leave a ``-wal`` from another moment or another
database next to the file; SQLite would then quietly replay it over the plan. A truncated
file shows in its header. Both are refused before anything is read or written, in one
sentence that names the file and the latest backup to go back to.
"""

from __future__ import annotations

import json
import sqlite3
import struct
from pathlib import Path

from plantui.errors import PlanError

WAL_MAGIC = (0x377F0682, 0x377F0683)


def latest_backup_hint(db_path: Path) -> str:
    folder = db_path.parent / f"{db_path.name}.backups"
    found = sorted(folder.glob("*.db")) if folder.is_dir() else []
    if not found:
        return "there is no backup of it"
    return f"the latest backup is {found[-1]}"


def refuse_damaged(db_path: Path, what: str) -> PlanError:
    return PlanError(
        f"{db_path} {what}; nothing was written to it, and {latest_backup_hint(db_path)}."
    )


def _page_size(raw: int) -> int:
    return 65536 if raw == 1 else raw


def check_file(db_path: Path) -> None:
    """Refuse a truncated database or a ``-wal`` that is not its own."""
    try:
        with db_path.open("rb") as handle:
            header = handle.read(100)
        size = db_path.stat().st_size
    except OSError:
        return  # SQLite says what is wrong with a file it cannot read
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return
    page_size = _page_size(struct.unpack(">H", header[16:18])[0])
    changes, pages, valid_for = (
        struct.unpack(">I", header[24:28])[0],
        struct.unpack(">I", header[28:32])[0],
        struct.unpack(">I", header[92:96])[0],
    )
    if changes == valid_for and size < pages * page_size:
        raise refuse_damaged(db_path, "is cut short (damaged)")
    _check_wal(db_path, page_size)


def _check_wal(db_path: Path, page_size: int) -> None:
    wal = Path(f"{db_path}-wal")
    try:
        with wal.open("rb") as handle:
            head = handle.read(32)
    except OSError:
        return
    if len(head) < 32:
        return
    magic, _version, wal_page_size = struct.unpack(">III", head[:12])
    if magic not in WAL_MAGIC or _page_size(wal_page_size) != page_size:
        raise refuse_damaged(db_path, f"has a {wal.name} beside it that is not its own")
    before, after = _meta(db_path, immutable=True), _meta(db_path, immutable=False)
    mine = before.get("replica_id")
    theirs = after.get("replica_id")
    if mine and mine != theirs and mine not in json.loads(after.get("former_replica_ids", "[]")):
        raise refuse_damaged(db_path, f"has a {wal.name} beside it from another database")


def _meta(db_path: Path, immutable: bool) -> dict[str, str]:
    """The copy's facts as the main file alone says them, or as main file plus ``-wal``."""
    uri = db_path.resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            return dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return {}
