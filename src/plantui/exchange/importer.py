"""Importing exchange files: check all in memory, then merge in one transaction.

A rejected file writes nothing; an accepted one is applied whole or not at all, after a
backup of the database (the last five are kept beside it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from plantui import clock as hlc
from plantui import merge
from plantui.duplicates import SIMILAR_TYPES
from plantui.errors import PlanError
from plantui.exchange import forks
from plantui.exchange.reader import DEFAULT_MAX_SIZE, ExchangeData, read_exchange_file
from plantui.exchange.state import STATE_KEY, import_base
from plantui.queries import derived
from plantui.queries.duplicates import duplicates_in
from plantui.service import PlanService
from plantui.storage.backups import keep_backup
from plantui.storage.database import Database, as_sqlite
from plantui.storage.models import Plan, Record
from plantui.storage.records import RecordState, dumps, save_states
from plantui.text import one_line, with_article

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
    duplicates: list[str] = field(default_factory=list)
    """Organisations and people that look the same after the import (to merge by hand)."""
    new_replica_id: str | None = None
    """Set when the files showed this copy had been rolled back, and it took this id."""

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
        if self.duplicates:
            lines.append(
                f"{len(self.duplicates)} pair(s) look the same (join with `plantui merge`):"
            )
            lines += [f"  {d}" for d in self.duplicates]
        if self.new_replica_id:
            lines.append(
                "This copy had been rolled back (restored from a snapshot, or copied): other"
                " laptops hold edits made under its replica id that it does not have, so it"
                f" {'would write' if self.dry_run else 'now writes'} as a new replica"
                f" ({self.new_replica_id}) and keeps those edits as another laptop's."
            )
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
            title = one_line(data.plan_title or "")
            theirs = f"'{title}' ({data.plan_id})" if title else data.plan_id
            raise PlanError(
                f"{one_line(str(data.path))} holds another plan, {theirs};"
                f" this database holds {mine}."
            )
    return ours or files[0].plan_id


def _plan_name(session: Session, plan_id: str) -> str:
    title = session.execute(select(Plan.title).where(Plan.id == plan_id)).scalar()
    return f"'{one_line(title)}' ({plan_id})" if title else plan_id


def _combine(files: list[ExchangeData]) -> tuple[dict[str, RecordState], dict[str, str]]:
    """Merge the incoming records among themselves first (the merge is associative),
    refusing the whole batch if two files give one id two types or one stamp two values."""
    incoming: dict[str, RecordState] = {}
    source: dict[str, ExchangeData] = {}
    for data in files:
        for rec in data.records:
            have = incoming.get(rec.id)
            if have is None:
                incoming[rec.id] = rec
                source[rec.id] = data
                continue
            first = source[rec.id]
            if have.type != rec.type:
                raise PlanError(
                    f"Record {rec.id} is {with_article(one_line(have.type))} in {_name(first)} but"
                    f" {with_article(one_line(rec.type))} in {_name(data)}; nothing was imported."
                )
            _same_stamp_same_value(rec.id, have.fields, _name(first), rec.fields, _name(data))
            have.fields = merge.merge_fields(have.fields, have.vv, rec.fields, rec.vv)
            have.vv = merge.merge_vv(have.vv, rec.vv)
    label = {id(data): _name(data) for data in files}
    return incoming, {rid: label[id(data)] for rid, data in source.items()}


def _name(data: ExchangeData) -> str:
    return one_line(data.name)


def _same_stamp_same_value(
    rid: str, mine: merge.Fields, where: str, theirs: merge.Fields, name_of: str
) -> None:
    """One stamp is one write: two values under it mean a copied or restored database."""
    for name, siblings in theirs.items():
        held = mine.get(name)
        if not held:
            continue
        values = {sib["at"]: sib["v"] for sib in held}
        for sib in siblings:
            at = sib["at"]
            if at in values and values[at] != sib["v"]:
                replica = at.partition("@")[2]
                raise PlanError(
                    f"{name_of} holds, for field {one_line(name)} of record {rid}, a value"
                    f" stamped {at} that differs from the one {where} holds under the same"
                    f" stamp: the database of replica {replica} was copied or restored; on"
                    " that laptop set the copy up again from a backup or an export so it takes"
                    " a new identity, then export again. Nothing was imported."
                )


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


def _apply(
    session: Session,
    incoming: dict[str, RecordState],
    names: dict[str, str],
    summary: ImportSummary,
) -> None:
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
        if mine_type != rec.type:
            raise PlanError(
                f"Record {rid} is {with_article(one_line(rec.type))} in {names[rid]}"
                f" but {with_article(one_line(mine_type))} in this database; nothing was imported."
            )
        if _vv_covers(mine_vv, rec.vv):
            # Everything the file knows of this record, this copy has already seen: the
            # merge would return this copy's state unchanged, so skip the work.
            summary.unchanged += 1
            continue
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
    """Check then merge exchange files into the database (docs/exchange-format.md "Import
    rules")."""
    note = progress or (lambda _msg: None)
    note(f"Reading {len(paths)} file(s)")
    with gc_paused():
        files = read_files(paths, now_ms=service.wall(), max_size=max_size)
        return import_data(service, files, dry_run=dry_run, progress=note)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Hold Python's cycle collector while a file's records are built and stored.

    A 5,000-action file makes hundreds of thousands of small containers, each of which
    counts towards the next collection; with the collector running, a third of an import
    went to scanning objects that are freed by reference counting anyway."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def import_data(
    service: PlanService,
    files: list[ExchangeData],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Merge files already read and checked: all of them in one transaction, or none."""
    note = progress or (lambda _msg: None)
    db = service.db
    summary = ImportSummary(files=[one_line(d.name) for d in files], dry_run=dry_run)
    for data in files:
        summary.warnings += data.warnings
    incoming, names = _combine(files)
    note(f"Merging {len(incoming)} record(s)")
    with db.read() as session:
        _check_plan(db, session, files)
        rolled_back = _first_lost_write(db, session, incoming) is not None
        if not rolled_back and not _would_change(session, incoming, names):
            # Nothing this copy has not seen: no backup, no write, just the summary.
            summary.unchanged = len(incoming)
            summary.conflicts = len(derived.open_conflicts(as_sqlite(session)))
            summary.findings = len(derived.integrity_findings(as_sqlite(session)))
            note("Done")
            return summary
    if not dry_run:
        summary.backup = keep_backup(db)
    with db.write() as session:
        plan_id = _check_plan(db, session, files)
        start = _first_lost_write(db, session, incoming)
        if start is not None:
            summary.new_replica_id = forks.split_off(db, session, start, incoming, service.wall())
        state = import_base(db, session)
        _apply(session, incoming, names, summary)
        if summary.new:
            likely = duplicates_in(as_sqlite(session), SIMILAR_TYPES)
            summary.duplicates = [pair.text() for pair in likely]
        summary.conflicts = len(derived.open_conflicts(as_sqlite(session)))
        summary.findings = len(derived.integrity_findings(as_sqlite(session)))
        if dry_run:
            session.rollback()
            return summary
        if not db.meta("plan_id", session):
            db.set_meta(session, "plan_id", plan_id)
        for data in files:  # so screens can say "Laptop at the library" rather than an id
            if data.exporter_label and data.exporter_id != db.meta("replica_id", session):
                db.set_meta(session, f"replica_label:{data.exporter_id}", data.exporter_label)
        for data in files:
            state = raise_state(state, data)
        db.set_meta(session, STATE_KEY, dumps(state))
        top = max(d.max_clock for d in files)
        last = db.meta("clock", session) or hlc.ZERO_CLOCK
        db.set_meta(session, "clock", hlc.observe(last, top))
    note("Done")
    return summary


def _first_lost_write(
    db: Database, session: Session, incoming: dict[str, RecordState]
) -> str | None:
    """Where the files show this copy's history forked, if they do (see :mod:`forks`)."""
    me = db.meta("replica_id", session) or ""
    mentioned = [rid for rid, rec in incoming.items() if me in rec.vv]
    if not mentioned:
        return None
    lost = forks.first_lost_write(
        me, (incoming[rid] for rid in mentioned), _local_rows(session, mentioned)
    )
    return None if lost is None else forks.fork_point(lost, forks.exported_claims(db, session))


def raise_state(state: dict[str, str], data: ExchangeData) -> dict[str, str]:
    """What this copy may claim to hold after taking ``data`` in (docs/exchange-format.md,
    ``kind``).

    A full file holds everything up to its ``state_vv``; so does a delta whose ``since``
    this copy already covered. Any other delta proves nothing about the records it leaves
    out, so it raises no claim: its records are held, and a later delta brings them again
    rather than leaving out records this copy never had."""
    if data.kind == "full" or (data.since is not None and _vv_covers(state, data.since)):
        return merge.merge_vv(state, data.state_vv)
    return state


def _would_change(
    session: Session, incoming: dict[str, RecordState], names: dict[str, str]
) -> bool:
    """A cheap look first: does the file hold anything this copy has not seen? (A value
    under a stamp this copy holds with another value is refused here too.)"""
    known = session.execute(select(func.count()).select_from(Record)).scalar() or 0
    if known == 0:
        return bool(incoming)
    local = _local_rows(session, list(incoming))
    change = False
    for rid, rec in incoming.items():
        row = local.get(rid)
        if row is None:
            change = True
            continue
        if row[0] != rec.type:
            raise PlanError(
                f"Record {rid} is {with_article(one_line(rec.type))} in {names[rid]}"
                f" but {with_article(one_line(row[0]))} in this database; nothing was imported."
            )
        _same_stamp_same_value(rid, json.loads(row[2]), "this database", rec.fields, names[rid])
        if not _vv_covers(json.loads(row[1]), rec.vv):
            change = True
    return change
