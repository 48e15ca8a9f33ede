"""The shared-folder exchange (``plantui sync DIR``): each replica writes only its own file.

Every entry is read once, within the size limit and without blocking; one bad entry is
named and skipped so it never holds up the others (docs/exchange-format.md "A shared folder").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from plantui.errors import PlanError
from plantui.exchange.exporter import export_file
from plantui.exchange.forks import exported_claims
from plantui.exchange.importer import ImportSummary, gc_paused, import_data
from plantui.exchange.model import SUFFIX
from plantui.exchange.reader import (
    DEFAULT_MAX_SIZE,
    ExchangeData,
    peek_plan_and_state,
    read_exchange_file,
)
from plantui.exchange.state import import_base
from plantui.service import PlanService
from plantui.text import one_line


@dataclass(slots=True)
class SyncResult:
    imported: ImportSummary | None
    exported: Path
    records: int
    refused: list[str] = field(default_factory=list)
    skipped_own: int = 0
    other_plans: list[str] = field(default_factory=list)
    already_held: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = []
        if self.imported is not None:
            lines.append(self.imported.text())
        elif self.already_held:
            lines.append("Nothing new: this copy already holds every other file's content.")
        else:
            lines.append("No other copy's file to import.")
        lines += [f"Refused: {r}" for r in self.refused]
        lines += [f"Left alone: {o}" for o in self.other_plans]
        lines.append(f"Wrote {self.records} records to {one_line(str(self.exported))}.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", one_line(text).lower()).strip("-")[:40].strip("-")
    return slug or fallback


def own_file(service: PlanService, folder: Path) -> Path:
    """``<plan title>--<laptop label>--<first 8 of replica id>.plantui.json``."""
    db = service.db
    replica = db.replica_id
    with db.read() as session:
        plan_id = db.meta("plan_id", session)
    title = ""
    if plan_id:
        try:
            title = str(service.get(plan_id).values.get("title") or "")
        except PlanError:
            title = ""
    name = f"{_slug(title, 'plan')}--{_slug(db.replica_label, 'laptop')}--{replica[:8]}"
    return folder / f"{name}{SUFFIX}"


def _own_names(service: PlanService, folder: Path) -> set[Path]:
    """This replica's file under the current name and the older ``<replica id>`` name."""
    return {own_file(service, folder), folder / f"{service.db.replica_id}{SUFFIX}"}


def sync_folder(
    service: PlanService, folder: Path, *, max_size: int = DEFAULT_MAX_SIZE
) -> SyncResult:
    """Import every other replica's file in ``folder``, then write this replica's own."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PlanError(f"{one_line(str(folder))} is not a folder.")
    with gc_paused():
        return _sync(service, folder, max_size)


def _sync(service: PlanService, folder: Path, max_size: int) -> SyncResult:
    db = service.db
    me = db.replica_id
    own_paths = _own_names(service, folder)
    with db.read() as session:
        plan_id = db.meta("plan_id", session)
        state = import_base(db, session)
        echoed = exported_claims(db, session)
    refused: list[str] = []
    other_plans: list[str] = []
    held: list[str] = []
    good: list[ExchangeData] = []
    skipped = 0
    now = service.wall()
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path in own_paths:
            skipped += 1
            continue
        peek = peek_plan_and_state(path, max_size) if plan_id else None
        if peek is not None and peek[0] == plan_id and _held(state, peek[1], me, echoed):
            held.append(one_line(path.name))
            continue
        try:
            data = read_exchange_file(path, now_ms=now, max_size=max_size)
        except PlanError as exc:  # one bad file must not hold up the others
            refused.append(str(exc))
            continue
        plan_id = plan_id or data.plan_id
        if data.exporter_id == me:
            skipped += 1
        elif data.plan_id != plan_id:
            title = f"'{one_line(data.plan_title)}'" if data.plan_title else data.plan_id
            other_plans.append(f"{one_line(path.name)} holds another plan, {title}.")
        elif _held(state, data.state_vv, me, echoed):
            held.append(one_line(path.name))
        else:
            good.append(data)
    summary: ImportSummary | None = None
    if good:
        summary = _import_each(service, good, refused)
    target = own_file(service, folder)
    count = export_file(service, target)
    for old in own_paths - {target}:
        if old.is_file():
            old.unlink(missing_ok=True)  # the older name of this replica's own file
    return SyncResult(summary, target, count, refused, skipped, other_plans, held)


def _covers(mine: dict[str, str], theirs: dict[str, str]) -> bool:
    return all(mine.get(replica, "") >= clock for replica, clock in theirs.items())


def _held(mine: dict[str, str], theirs: dict[str, str], me: str, echoed: set[str]) -> bool:
    """Does this copy hold all the file holds? What a peer knows of this replica came from
    its exports, so a claim for it that none of them made may show a rollback
    (:mod:`plantui.exchange.forks`): such a file is read in full."""
    return _covers(mine, theirs) and theirs.get(me, "") in echoed | {""}


def _import_each(
    service: PlanService, good: list[ExchangeData], refused: list[str]
) -> ImportSummary | None:
    """All good files in one import; if the batch is refused, each on its own, so one file
    whose content clashes with the others does not hold them up."""
    try:
        return import_data(service, good)
    except PlanError:
        pass
    summary: ImportSummary | None = None
    for data in good:
        try:
            one = import_data(service, [data])
        except PlanError as exc:
            refused.append(str(exc))
            continue
        summary = one if summary is None else _add(summary, one)
    return summary


def _add(total: ImportSummary, one: ImportSummary) -> ImportSummary:
    total.files += one.files
    total.new += one.new
    total.changed += one.changed
    total.deleted += one.deleted
    total.unchanged += one.unchanged
    total.conflicts = one.conflicts
    total.findings = one.findings
    total.warnings += one.warnings
    total.backup = total.backup or one.backup
    return total
