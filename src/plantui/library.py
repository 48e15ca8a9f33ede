"""The plan library: a folder of plans, one SQLite database per plan.

One database per plan keeps every single-plan rule of the write path and the exchange
intact; the library only finds, names, creates, archives and moves those files. Listing
reads each file with plain ``sqlite3`` (read-only), so ``plantui plans`` never migrates,
forks or writes anything.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from plantui.errors import PlanError
from plantui.text import one_line

ENV_VAR = "PLANTUI_LIBRARY"
DB_SUFFIX = ".db"
ARCHIVED = "archived"
"""The meta key marking a plan archived on this laptop (local: never exchanged)."""


def default_library_path() -> Path:
    """``<user data folder>/plans``, beside today's single ``plan.db``."""
    from platformdirs import user_data_path

    return user_data_path("plantui", appauthor=False) / "plans"


def resolve_library(option: str | None = None) -> Path:
    """``--library`` wins, then ``$PLANTUI_LIBRARY``, then the user data folder."""
    chosen = option or os.environ.get(ENV_VAR) or None
    return Path(chosen).expanduser() if chosen else default_library_path()


def slug(text: str) -> str:
    """A file-name-safe lower-case form of a title: letters, digits and single dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")


@dataclass(slots=True)
class PlanEntry:
    """One plan of the library as ``plantui plans`` shows it."""

    id: str
    title: str
    area: str | None
    period_start: str | None
    period_end: str | None
    status: str | None
    path: Path
    changed: str | None
    """When the plan was last edited (UTC, from the newest stamp), or None."""
    open_conflicts: int
    archived: bool
    rag: dict[str, int]
    """How many asks are green, amber and red (the worst RAG of each ask's actions)."""

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["path"] = str(self.path)
        return out

    def name(self) -> str:
        return f"'{one_line(self.title)}' ({self.id})"


def _changed(clock: str | None) -> str | None:
    if not clock:
        return None
    millis = int(clock.split(".")[0])
    when = dt.datetime.fromtimestamp(millis / 1000, tz=dt.UTC).replace(microsecond=0)
    return when.isoformat().replace("+00:00", "Z")


def read_entry(path: Path) -> PlanEntry | None:
    """The plan held in ``path``, or None for a database without a plan yet."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error:
        return None
    try:
        meta = dict(con.execute("SELECT key, value FROM meta"))
        plan_id = meta.get("plan_id")
        if not plan_id:
            return None
        row = con.execute(
            "SELECT title, area, period_start, period_end, status FROM plan WHERE id = ?",
            (plan_id,),
        ).fetchone()
        newest = con.execute("SELECT max(max_clock) FROM record").fetchone()[0]
        conflicts = con.execute(
            "SELECT count(*) FROM record WHERE conflicts != '' OR delete_conflict = 1"
        ).fetchone()[0]
        rag = _rag_summary(con)
    except sqlite3.Error:
        return None  # not a plantui database (or one being created): not a plan of ours
    finally:
        con.close()
    title, area, start, end, status = row or (None, None, None, None, None)
    return PlanEntry(
        plan_id,
        title or plan_id,
        area,
        start,
        end,
        status,
        path,
        _changed(newest),
        int(conflicts),
        meta.get(ARCHIVED) == "1",
        rag,
    )


def _rag_summary(con: sqlite3.Connection) -> dict[str, int]:
    from plantui.queries.rollups import ask_rollups

    counts = {"green": 0, "amber": 0, "red": 0}
    for roll in ask_rollups(con).values():
        if roll.rag in counts:
            counts[roll.rag] += 1
    return counts


class Library:
    """The folder of plan databases (created 0700 on first write, never on a read)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def paths(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"*{DB_SUFFIX}"))

    def entries(self, include_archived: bool = False) -> list[PlanEntry]:
        """Every plan, by title; archived ones only when asked for."""
        found = [e for e in map(read_entry, self.paths()) if e is not None]
        found = [e for e in found if include_archived or not e.archived]
        return sorted(found, key=lambda e: (e.title.casefold(), e.id))

    def by_plan_id(self, plan_id: str) -> PlanEntry | None:
        return next((e for e in self.entries(True) if e.id == plan_id), None)

    def find(self, text: str) -> PlanEntry:
        """A plan by id, unique id prefix or unique title prefix (any case)."""
        wanted = text.strip()
        everything = self.entries(include_archived=True)
        for match in (
            lambda e: e.id == wanted.lower(),
            lambda e: e.id.startswith(wanted.lower()),
            lambda e: e.title.casefold().startswith(wanted.casefold()),
        ):
            hits = [e for e in everything if wanted and match(e)]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                raise PlanError(
                    f"'{text}' matches several plans: {_names(hits)}; give more of the id or title."
                )
        raise PlanError(f"No plan in {self.folder} matches '{text}'{_known(everything)}.")

    def default(self) -> PlanEntry | None:
        """The plan to use when none is named: the only one, or None in an empty library."""
        active = self.entries()
        if len(active) > 1:
            raise PlanError(
                f"This library holds {len(active)} plans, so choose one with --plan:"
                f" {_names(active)}."
            )
        return active[0] if active else None

    def new_path(self, title: str) -> Path:
        """A fresh, unused file name for a new plan (the folder is created 0700)."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self.folder / f"{slug(title) or 'plan'}-{uuid.uuid4().hex[:8]}{DB_SUFFIX}"

    def empty_path(self) -> Path:
        """A database without a plan yet, reused so that opening twice leaves one file."""
        for path in self.paths():
            if read_entry(path) is None and _is_plantui_or_empty(path):
                return path
        return self.new_path("plan")


def _is_plantui_or_empty(path: Path) -> bool:
    if path.stat().st_size == 0:
        return True
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM meta").fetchone()
            return True
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _names(entries: list[PlanEntry]) -> str:
    return ", ".join(e.name() for e in entries)


def _known(entries: list[PlanEntry]) -> str:
    return f" (it holds {_names(entries)})" if entries else " (it holds no plan yet)"


def remove_database(path: Path) -> None:
    """Delete a database this run created, with its WAL and shared-memory files."""
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def set_archived(path: Path, archived: bool) -> None:
    """Mark a plan archived (or not) on this laptop; a local fact, never a record edit."""
    from plantui.storage.database import connect

    con = connect(path)
    try:
        con.execute("BEGIN IMMEDIATE")
        if archived:
            con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (ARCHIVED,))
        else:
            con.execute("DELETE FROM meta WHERE key = ?", (ARCHIVED,))
        con.execute("COMMIT")
    finally:
        con.close()


def refuse_if_archived(archived_flag: str | None, path: Path) -> None:
    """Archived plans are read-only until ``plantui plan unarchive``."""
    if archived_flag == "1":
        entry = read_entry(path)
        name = entry.name() if entry else str(path)
        raise PlanError(
            f"The plan {name} is archived; run `plantui plan unarchive"
            f" {entry.id if entry else path}` before changing it."
        )


def adopt_legacy_database(library: Library, legacy: Path) -> Path | None:
    """Move today's single ``plan.db`` into the library, once, keeping its replica id.

    The WAL is checkpointed into the main file first (refusing while another process holds
    it), then the file moves with any leftover ``-wal``/``-shm`` and its backups folder.
    The database's ``home`` (machine, path, inode: what fork detection compares) is then
    rewritten for the new place, but only when it matched the old place: a file that was
    already a copy still forks, as it would have where it was.
    """
    from plantui.storage.database import configure, home_of

    if not legacy.is_file():
        return None
    con = sqlite3.connect(legacy, timeout=60)
    try:
        configure(con)
        busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise PlanError(
                f"{legacy} is in use by another plantui; close it, then run the command again."
            )
        meta = dict(con.execute("SELECT key, value FROM meta"))
        title = ""
        if meta.get("plan_id"):
            row = con.execute("SELECT title FROM plan WHERE id = ?", (meta["plan_id"],)).fetchone()
            title = row[0] if row and row[0] else ""
    except sqlite3.Error:
        return None  # not a plantui database: leave it where it is
    finally:
        con.close()
    old_home = home_of(legacy)
    was_home = meta.get("home") == old_home
    target = library.new_path(title or "plan")
    for extra in ("-wal", "-shm"):  # move the sidecars first: the main file marks "done"
        side = Path(f"{legacy}{extra}")
        if side.exists():
            shutil.move(side, f"{target}{extra}")
    shutil.move(legacy, target)
    backups = Path(f"{legacy}.backups")
    if backups.is_dir():
        shutil.move(backups, f"{target}.backups")
    if was_home:
        con = sqlite3.connect(target, timeout=60)
        try:
            configure(con)
            con.execute("BEGIN IMMEDIATE")
            con.execute("UPDATE meta SET value = ? WHERE key = 'home'", (home_of(target),))
            con.execute("COMMIT")
        finally:
            con.close()
        _move_ledger_home(meta.get("replica_id", ""), old_home, home_of(target))
    return target


def _move_ledger_home(replica: str, old_home: str, new_home: str) -> None:
    """The ledger follows the move too, or the next open would take it for a copy."""
    from plantui.storage import ledger

    known = ledger.entry(replica) if replica else None
    if known is not None and known["home"] == old_home:
        ledger.record(replica, known["clock"], new_home)
