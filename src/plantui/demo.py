"""Loading the example plan (``plantui demo``) through the ordinary write path."""

from __future__ import annotations

from typing import Any

from plantui.demo_plan import DEMO_RECORDS
from plantui.errors import PlanError
from plantui.service import PlanService
from plantui.storage.models import Record


def load_demo(service: PlanService) -> int:
    """Fill an empty database with the example plan in one transaction; returns the count."""
    with service.transaction() as writer:
        if writer.session.query(Record.id).limit(1).first() is not None:
            raise PlanError(
                f"{service.db.path} is not empty; the example plan goes only into an empty"
                " database (use --db to choose a new file)."
            )
        ids: dict[str, str] = {}
        for key, type_name, fields in DEMO_RECORDS:
            values = {name: _resolve(value, ids) for name, value in fields.items()}
            ids[key] = writer.create(type_name, values).record_id
    return len(ids)


def _resolve(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str) and value.startswith("@"):
        return ids[value[1:]]
    return value
