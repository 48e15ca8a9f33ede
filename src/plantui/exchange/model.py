"""The exchange file of docs/exchange-format.md as pydantic models: the source of its JSON Schema.

Import checks files with a hand-written single pass (``reader``) because a plan of tens of
thousands of records must import at close to the speed of plain ``json``; a test holds the
two to the same files, so the schema never drifts from what plantui writes and reads.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FORMAT = "plantui.exchange"
FORMAT_VERSION = 1
SUFFIX = ".plantui.json"

Uuid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
Clock = Annotated[str, StringConstraints(pattern=r"^\d{13}\.\d{4}$")]
Stamp = Annotated[
    str,
    StringConstraints(
        pattern=r"^\d{13}\.\d{4}@[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    ),
]
VersionVector = dict[Uuid, Clock]
JsonValue = str | int | bool | None | list[Any] | dict[str, Any]


class Sibling(BaseModel):
    """One value of a field with the stamp of the write that made it."""

    model_config = ConfigDict(extra="forbid", strict=True)
    v: JsonValue = Field(description="the value (no floats)")
    at: Stamp
    ctx: VersionVector | None = Field(
        default=None, description="on a `_deleted: true` sibling: the record's vv before it"
    )
    by: Uuid | None = Field(
        default=None,
        description="the person id who wrote it (optional; older readers ignore it, every"
        " reader relays it)",
    )


class ExchangeRecord(BaseModel):
    """A record whole: type, id, version vector and every field's siblings."""

    model_config = ConfigDict(extra="allow", strict=True)
    type: Annotated[str, StringConstraints(min_length=1)]
    id: Uuid
    vv: VersionVector
    fields: dict[str, Annotated[list[Sibling], Field(min_length=1)]]


class Exporter(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)
    replica_id: Uuid
    label: str = ""


class Integrity(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    record_count: Annotated[int, Field(ge=0)]
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None


class ExchangeFile(BaseModel):
    """A ``.plantui.json`` file: a full or delta export of one plan from one replica."""

    model_config = ConfigDict(
        extra="allow",
        strict=True,
        title="plantui exchange file",
    )
    format: Literal["plantui.exchange"]
    format_version: Annotated[int, Field(ge=1)]
    app_version: str
    plan_id: Uuid
    export_id: Uuid
    kind: Literal["full", "delta"]
    exporter: Exporter
    exported_at: Stamp
    state_vv: VersionVector
    since: VersionVector | None = Field(
        default=None, description="delta files: records whose vv this covers are left out"
    )
    records: list[ExchangeRecord]
    integrity: Integrity | None = None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the exchange file (``plantui schema``)."""
    schema = ExchangeFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
