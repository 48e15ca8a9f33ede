"""The shared-folder exchange (``plantui sync DIR``): each replica writes only its own file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from plantui.errors import PlanError
from plantui.exchange.exporter import export_file
from plantui.exchange.importer import ImportSummary, import_files
from plantui.exchange.model import SUFFIX
from plantui.service import PlanService


@dataclass(slots=True)
class SyncResult:
    imported: ImportSummary | None
    exported: Path
    records: int
    refused: list[str] = field(default_factory=list)
    skipped_own: int = 0

    def text(self) -> str:
        lines = []
        if self.imported is not None:
            lines.append(self.imported.text())
        else:
            lines.append("No other copy's file to import.")
        lines += [f"Refused: {r}" for r in self.refused]
        lines.append(f"Wrote {self.records} records to {self.exported}.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()


def own_file(service: PlanService, folder: Path) -> Path:
    return folder / f"{service.db.replica_id}{SUFFIX}"


def _exporter_of(path: Path) -> str | None:
    """Who wrote a file, read cheaply; None if it cannot be told (the import will say why)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
        marker = head.find('"replica_id":"')
        if marker >= 0:
            return head[marker + 14 : marker + 50]
        return json.loads(path.read_text("utf-8"))["exporter"]["replica_id"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def sync_folder(service: PlanService, folder: Path) -> SyncResult:
    """Import every other replica's file in ``folder``, then write this replica's own."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PlanError(f"{folder} is not a folder.")
    own = own_file(service, folder)
    mine = {service.db.replica_id, *_former_ids(service)}
    others: list[Path] = []
    skipped = 0
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path == own or _exporter_of(path) in mine:
            skipped += 1
            continue
        others.append(path)
    summary: ImportSummary | None = None
    refused: list[str] = []
    good: list[Path] = []
    for path in others:  # one bad file must not hold up the others
        try:
            import_files(service, [path], dry_run=True)
            good.append(path)
        except PlanError as exc:
            refused.append(str(exc))
    if good:
        summary = import_files(service, good)
    count = export_file(service, own)
    return SyncResult(summary, own, count, refused, skipped)


def _former_ids(service: PlanService) -> list[str]:
    raw = service.db.meta("former_replica_ids")
    return json.loads(raw) if raw else []
