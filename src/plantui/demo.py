"""Loading the example plan (``plantui demo``) through the ordinary write path.

The records themselves are package data, ``demo_plan.toml``, beside this module.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from plantui.errors import PlanError
from plantui.service import PlanService
from plantui.storage.models import Record

DemoRecord = tuple[str, str, dict[str, Any]]


@cache
def demo_records() -> tuple[DemoRecord, ...]:
    """The example plan as (key, type, fields) entries, in the order they are created."""
    text = resources.files("plantui").joinpath("demo_plan.toml").read_text(encoding="utf-8")
    return tuple(
        (entry["key"], entry["type"], entry["fields"]) for entry in tomllib.loads(text)["records"]
    )


def load_demo(service: PlanService) -> int:
    """Fill an empty database with the example plan in one transaction; returns the count."""
    with service.transaction() as writer:
        if writer.session.query(Record.id).limit(1).first() is not None:
            raise PlanError(
                f"{service.db.path} is not empty; the example plan goes only into an empty"
                " database (use --db to choose a new file)."
            )
        ids: dict[str, str] = {}
        for key, type_name, fields in demo_records():
            values = {name: _resolve(value, ids) for name, value in fields.items()}
            ids[key] = writer.create(type_name, values).record_id
    return len(ids)


def _resolve(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str) and value.startswith("@"):
        return ids[value[1:]]
    return value
