"""Importing exchange files: check all in memory, then merge in one transaction.

A rejected file writes nothing; an accepted one is applied whole or not at all, after a
backup of the database (the last five are kept beside it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from plantui import clock as hlc
from plantui import derived, merge
from plantui.errors import PlanError
from plantui.exchange.reader import DEFAULT_MAX_SIZE, ExchangeData, read_exchange_file
from plantui.service import PlanService
from plantui.storage.database import Database
from plantui.storage.models import Plan, Record
from plantui.storage.records import RecordState, save_states

BACKUPS_KEPT = 5
Progress = Callable[[str], None]


@dataclass(slots=True)
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    files: list[str] = field(default_factory=list)
    new: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: int = 0
    findings: int = 0
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    backup: Path | None = None

    @property
    def wrote(self) -> bool:
        return not self.dry_run and bool(self.new or self.changed)

    def text(self) -> str:
        """The summary people read, a few short lines."""
        lines = [
            f"{'Checked' if self.dry_run else 'Imported'} {', '.join(self.files)}.",
            f"Records: {self.new} new, {self.changed} changed, {self.deleted} deleted,"
            f" {self.unchanged} unchanged.",
            f"Conflicts open: {self.conflicts}. Findings: {self.findings}."
            f" Warnings: {len(self.warnings)}.",
        ]
        lines += [f"Warning: {w}" for w in self.warnings]
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        elif self.backup is not None:
            lines.append(f"Backup of the database before the import: {self.backup}")
        return "\n".join(lines)


def read_files(
    paths: Sequence[Path], *, now_ms: int, max_size: int = DEFAULT_MAX_SIZE
) -> list[ExchangeData]:
    """Check every file first; any refusal stops everything before a write."""
    return [read_exchange_file(Path(p), now_ms=now_ms, max_size=max_size) for p in paths]


def _check_plan(db: Database, session: Session, files: list[ExchangeData]) -> str:
    """The plan these files belong to, refusing files of another plan (naming both)."""
    ours = db.meta("plan_id", session)
    for data in files:
        target = ours or files[0].plan_id
        if data.plan_id != target:
            mine = _plan_name(session, ours) if ours else f"plan {target}"
            theirs = f"'{data.plan_title}' ({data.plan_id})" if data.plan_title else data.plan_id
            raise PlanError(
                f"{data.path} holds another plan, {theirs}; this database holds {mine}."
            )
    return ours or files[0].plan_id


def _plan_name(session: Session, plan_id: str) -> str:
    title = session.execute(select(Plan.title).where(Plan.id == plan_id)).scalar()
    return f"'{title}' ({plan_id})" if title else plan_id


def _combine(files: list[ExchangeData]) -> dict[str, RecordState]:
    """Merge the incoming records among themselves first (the merge is associative)."""
    incoming: dict[str, RecordState] = {}
    for data in files:
        for rec in data.records:
            have = incoming.get(rec.id)
            if have is None:
                incoming[rec.id] = rec
            else:
                have.fields = merge.merge_fields(have.fields, have.vv, rec.fields, rec.vv)
                have.vv = merge.merge_vv(have.vv, rec.vv)
    return incoming


def _vv_covers(mine: dict[str, str], theirs: dict[str, str]) -> bool:
    return all(mine.get(replica, "") >= clock for replica, clock in theirs.items())


def _local_rows(session: Session, ids: list[str]) -> dict[str, tuple[str, str, str]]:
    """id -> (type, vv JSON, fields JSON) for the ids this copy already holds."""
    out: dict[str, tuple[str, str, str]] = {}
    cols = (Record.id, Record.type, Record.vv, Record.fields)
    for i in range(0, len(ids), 900):
        for rid, rtype, vv, fields in session.execute(
            select(*cols).where(Record.id.in_(ids[i : i + 900]))
        ):
            out[rid] = (rtype, vv, fields)
    return out


def _apply(session: Session, incoming: dict[str, RecordState], summary: ImportSummary) -> None:
    """Merge incoming records into this copy's; count what happened."""
    known = session.execute(select(func.count()).select_from(Record)).scalar() or 0
    local = _local_rows(session, list(incoming)) if known else {}
    fresh: list[RecordState] = []
    changed: list[RecordState] = []
    for rid, rec in incoming.items():
        row = local.get(rid)
        if row is None:
            fresh.append(rec)
            summary.deleted += rec.deleted
            continue
        mine_type, vv_text, fields_text = row
        mine_vv = json.loads(vv_text)
        if _vv_covers(mine_vv, rec.vv):
            # Everything the file knows of this record, this copy has already seen: the
            # merge would return this copy's state unchanged, so skip the work.
            summary.unchanged += 1
            continue
        if mine_type != rec.type:
            raise PlanError(f"Record {rid} is a {rec.type} in the file but a {mine_type} here.")
        mine = RecordState(rid, mine_type, mine_vv, json.loads(fields_text))
        fields = merge.merge_fields(mine.fields, mine.vv, rec.fields, rec.vv)
        merged = RecordState(rid, mine_type, merge.merge_vv(mine.vv, rec.vv), fields)
        summary.deleted += merged.deleted and not mine.deleted
        changed.append(merged)
    summary.new += len(fresh)
    summary.changed += len(changed)
    save_states(session, fresh, new=True, imported=True)
    save_states(session, changed, imported=True)


def import_files(
    service: PlanService,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportSummary:
    """Check then merge exchange files into the database (SYNC.md "Import")."""
    note = progress or (lambda _msg: None)
    db = service.db
    note(f"Reading {len(paths)} file(s)")
    files = read_files(paths, now_ms=service.wall(), max_size=max_size)
    summary = ImportSummary(files=[d.name for d in files], dry_run=dry_run)
    for data in files:
        summary.warnings += data.warnings
    incoming = _combine(files)
    note(f"Merging {len(incoming)} record(s)")
    with db.read() as session:
        _check_plan(db, session, files)
        if not _would_change(session, incoming):
            # Nothing this copy has not seen: no backup, no write, just the summary.
            summary.unchanged = len(incoming)
            summary.conflicts = len(derived.open_conflicts(session))
            summary.findings = len(derived.integrity_findings(session))
            note("Done")
            return summary
    if not dry_run:
        summary.backup = keep_backup(db)
    with db.write() as session:
        plan_id = _check_plan(db, session, files)
        _apply(session, incoming, summary)
        summary.conflicts = len(derived.open_conflicts(session))
        summary.findings = len(derived.integrity_findings(session))
        if dry_run:
            session.rollback()
            return summary
        if not db.meta("plan_id", session):
            db.set_meta(session, "plan_id", plan_id)
        for data in files:  # so screens can say "Laptop at the library" rather than an id
            if data.exporter_label and data.exporter_id != db.meta("replica_id", session):
                db.set_meta(session, f"replica_label:{data.exporter_id}", data.exporter_label)
        top = max(d.max_clock for d in files)
        last = db.meta("clock", session) or hlc.ZERO_CLOCK
        db.set_meta(session, "clock", hlc.observe(last, top))
    note("Done")
    return summary


def _would_change(session: Session, incoming: dict[str, RecordState]) -> bool:
    """A cheap look first: does the file hold anything this copy has not seen?"""
    known = session.execute(select(func.count()).select_from(Record)).scalar() or 0
    if known == 0:
        return bool(incoming)
    local = _local_rows(session, list(incoming))
    for rid, rec in incoming.items():
        row = local.get(rid)
        if row is None or not _vv_covers(json.loads(row[1]), rec.vv):
            return True
    return False


def keep_backup(db: Database) -> Path:
    """Copy the database aside before an import changes it; keep the newest few."""
    folder = db.path.parent / f"{db.path.name}.backups"
    if not folder.exists():
        folder.mkdir(mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"before-import-{stamp}.db"
    db.backup_to(target)
    for old in sorted(folder.glob("before-import-*.db"))[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target
