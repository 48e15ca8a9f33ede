"""Building replicas and exchange files for the exchange tests."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plantui.exchange import export_file, import_files
from plantui.service import PlanService
from plantui.storage.database import Database, open_database
from tests.conftest import FakeClock, copy_of, new_file


@dataclass
class Replica:
    """One laptop: its own database file and its own (fake) wall clock."""

    name: str
    db: Database
    clock: FakeClock
    service: PlanService
    folder: Path

    def export(self, delta_since: Path | None = None, name: str | None = None) -> Path:
        path = self.folder / (name or f"{self.name}-{self.clock.now}.plantui.json")
        export_file(self.service, path, delta_since)
        return path

    def receive(self, *paths: Path):
        return import_files(self.service, list(paths))

    def canonical(self) -> list[dict[str, Any]]:
        """The records of a full export, which must be equal on converged copies."""
        path = self.export(name=f"canonical-{self.name}.plantui.json")
        return json.loads(path.read_text())["records"]


def make_replica(
    tmp: Path, name: str, start_ms: int = 1_733_000_000_000, template: Path | None = None
) -> Replica:
    """A laptop with a new database, or a copy of ``template`` (which takes its own replica id
    when opened, as a copied file does)."""
    folder = tmp / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.db"
    db = open_database(copy_of(template, path) if template else new_file(path))
    clock = FakeClock(start_ms)
    return Replica(name, db, clock, PlanService(db, wall=clock), folder)


def rehash(doc: dict[str, Any]) -> dict[str, Any]:
    """Recompute integrity after a test edits a document on purpose."""
    body = {k: v for k, v in doc.items() if k != "integrity"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    doc["integrity"] = {
        "record_count": len(doc["records"]),
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
    }
    return doc
