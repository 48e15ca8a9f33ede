"""Writing exchange files: canonical JSON, written to a temporary file and renamed into place.

Stored record state is already canonical JSON (sorted keys, compact), so the file is
assembled from it without parsing every record again, and hashed as it is assembled.
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from pathlib import Path
from typing import IO

from sqlalchemy import select

from plantui import __version__
from plantui import clock as hlc
from plantui.errors import PlanError
from plantui.exchange.forks import remember_claim
from plantui.exchange.model import FORMAT, FORMAT_VERSION
from plantui.exchange.state import claim, own_ids, stored_state
from plantui.files import write_private
from plantui.merge import covered
from plantui.service import PlanService
from plantui.storage.models import Record
from plantui.storage.records import dumps


def _covers(since: dict[str, str], vv: dict[str, str]) -> bool:
    return all(covered(f"{clock}@{replica}", since) for replica, clock in vv.items())


def build_export(service: PlanService, since: dict[str, str] | None = None) -> tuple[bytes, int]:
    """The bytes of a full export (or a delta of records ``since`` does not cover).

    The claim it makes for this replica is noted in the database (see
    :func:`plantui.exchange.forks.remember_claim`)."""
    db = service.db
    with db.read() as session:
        plan_id = db.meta("plan_id", session)
        if not plan_id:
            raise PlanError("This database holds no plan yet, so there is nothing to export.")
        replica = db.meta("replica_id", session) or ""
        label = db.meta("replica_label", session) or ""
        last = db.meta("clock", session) or hlc.ZERO_CLOCK
        rows = session.execute(
            select(Record.id, Record.type, Record.vv, Record.fields).order_by(Record.id)
        ).all()
        stored = stored_state(db, session)
        own = own_ids(db, session)
    state_vv: dict[str, str] = {}
    parts: list[str] = []
    for rid, rtype, vv_text, fields_text in rows:
        vv = json.loads(vv_text)
        for rep, clk in vv.items():
            if state_vv.get(rep, "") < clk:
                state_vv[rep] = clk
        if since is not None and _covers(since, vv):
            continue
        parts.append(
            f'{{"fields":{fields_text},"id":"{rid}","type":{dumps(rtype)},"vv":{vv_text}}}'
        )
    state_vv = claim(stored, state_vv, own)
    header: dict[str, object] = {
        "app_version": __version__,
        "exported_at": hlc.stamp(hlc.tick(last, service.wall()), replica),
        "export_id": str(uuid.uuid4()),
        "exporter": {"label": label, "replica_id": replica},
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": "full" if since is None else "delta",
        "plan_id": plan_id,
        "state_vv": state_vv,
    }
    if since is not None:
        header["since"] = since
    placeholder = f"records-{uuid.uuid4()}"
    body = dumps({**header, "records": placeholder})
    body = body.replace(f'"{placeholder}"', "[" + ",".join(parts) + "]", 1)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    integrity = dumps({"record_count": len(parts), "sha256": digest})
    # "integrity" sorts between "format_version" and "kind": splice it in canonically.
    marker = ',"kind":'
    cut = body.index(marker)
    text = f'{body[:cut]},"integrity":{integrity}{body[cut:]}'
    if replica in state_vv:
        remember_claim(db, state_vv[replica])
    return text.encode("utf-8"), len(parts)


def write_atomically(target: Path, data: bytes) -> None:
    """Write the exchange file whole and private (see :func:`plantui.files.write_private`)."""
    target = Path(target)
    if target.is_dir():
        raise PlanError(f"{target} is a folder; give a file name ending in .plantui.json.")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PlanError(f"The folder {folder} does not exist.")
    write_private(target, data)


def export_file(service: PlanService, target: Path | str, delta_since: Path | None = None) -> int:
    """Export to ``target`` ("-" for standard output); returns the number of records."""
    since = _since_of(delta_since) if delta_since is not None else None
    data, count = build_export(service, since)
    if str(target) == "-":
        out: IO[bytes] = sys.stdout.buffer
        out.write(data + b"\n")
        out.flush()
    else:
        write_atomically(Path(target), data)
    return count


def _since_of(path: Path) -> dict[str, str]:
    """The state a delta builds on: the ``state_vv`` of a file the other side sent or has."""
    from plantui.exchange.reader import load_json

    doc = load_json(Path(path))
    vv = doc.get("state_vv") if isinstance(doc, dict) else None
    if not isinstance(vv, dict):
        raise PlanError(f"{path} has no state_vv to make a delta from.")
    return vv
