"""SQLAlchemy models: the sync state of every record, and a typed projection per record type.

``Record`` holds what docs/exchange-format.md defines (siblings with stamps, the version vector,
deletion) as compact JSON, so import and export move each record as one row. The per-type tables
hold only the *shown* value of each field, rewritten by the single write path in the same
transaction, so screens and reports query ordinary typed columns. They are derived: ``rebuild``
can always make them again from ``record``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about this copy: plan id, replica id and label, the persisted clock."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Record(Base):
    """One record's full sync state; the truth from which everything else is derived."""

    __tablename__ = "record"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String, index=True)
    vv: Mapped[str] = mapped_column(Text)
    """JSON object replica_id -> clock."""
    fields: Mapped[str] = mapped_column(Text)
    """JSON object field -> list of siblings, sorted by stamp."""
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    conflicts: Mapped[str] = mapped_column(Text, default="")
    """Space-separated names of fields with more than one sibling."""
    delete_conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    max_clock: Mapped[str] = mapped_column(String, default="", server_default="", index=True)
    """The largest clock in ``vv``, so deltas can skip records nobody changed."""


class History(Base):
    """Append-only: one row per record and stamp this copy has seen, local or imported.

    ``changes`` is JSON ``{field: [shown before, value written]}``, or NULL for a record
    created whole by one stamp (see ``records.history_rows``); the laptop and the time are
    the stamp's (``at``), ``by`` the person id the write carried.
    """

    __tablename__ = "history"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String)
    at: Mapped[str] = mapped_column(String)
    by: Mapped[str | None] = mapped_column(String(36))
    imported: Mapped[bool] = mapped_column(Boolean)
    changes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_history_record_seq", "record_id", "seq"),
        Index("ix_history_by", "imported", "by", sqlite_where=text('"by" IS NOT NULL')),
    )


class _Projection(Base):
    """Columns every projection shares: the record id and whether it is deleted."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(
        String(36), ForeignKey("record.id", ondelete="CASCADE"), primary_key=True
    )
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    carried_from: Mapped[str | None] = mapped_column(Text)


class Plan(_Projection):
    __tablename__ = "plan"
    title: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    area: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String)
    previous_plan: Mapped[str | None] = mapped_column(Text)
    timezone: Mapped[str | None] = mapped_column(Text)


class Organisation(_Projection):
    __tablename__ = "organisation"
    name: Mapped[str | None] = mapped_column(Text, index=True)
    short_name: Mapped[str | None] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(String)
    role: Mapped[str | None] = mapped_column(String)
    contact_name: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(Text)
    contact_phone: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    merged_into: Mapped[str | None] = mapped_column(String(36))


class Event(_Projection):
    __tablename__ = "event"
    title: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String)
    starts_at: Mapped[str | None] = mapped_column(String, index=True)
    """ISO text: a date or a date-time with offset, as entered."""
    ends_at: Mapped[str | None] = mapped_column(String)
    location: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String)
    attendees_count: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    minutes: Mapped[str | None] = mapped_column(Text)
    series: Mapped[str | None] = mapped_column(String(36), index=True)
    date_confidence: Mapped[str | None] = mapped_column(String)
    agenda_order: Mapped[str | None] = mapped_column(Text)
    """Record ids of agenda items in the order the chair set, one a line."""


class Ask(_Projection):
    __tablename__ = "ask"
    ref_code: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(Text)
    statement: Mapped[str | None] = mapped_column(Text)
    problem: Mapped[str | None] = mapped_column(Text)
    rank: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)
    raised_at: Mapped[str | None] = mapped_column(String(36), index=True)
    response: Mapped[str | None] = mapped_column(Text)
    response_date: Mapped[dt.date | None] = mapped_column(Date)
    theme: Mapped[str | None] = mapped_column(Text)
    population_group: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_ask_rank_id", "rank", "id"),)


class Pledge(_Projection):
    __tablename__ = "pledge"
    ref_code: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(Text)
    commitment: Mapped[str | None] = mapped_column(Text)
    made_by: Mapped[str | None] = mapped_column(String(36), index=True)
    made_at: Mapped[str | None] = mapped_column(String(36), index=True)
    made_on: Mapped[dt.date | None] = mapped_column(Date)
    due: Mapped[dt.date | None] = mapped_column(Date)
    lifecycle: Mapped[str | None] = mapped_column(String)
    completion: Mapped[str | None] = mapped_column(String)
    target: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)
    next_steps: Mapped[str | None] = mapped_column(Text)


class Action(_Projection):
    __tablename__ = "action"
    ref_code: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    ask: Mapped[str | None] = mapped_column(String(36), index=True)
    pledge: Mapped[str | None] = mapped_column(String(36), index=True)
    parent: Mapped[str | None] = mapped_column(String(36))
    community_owner: Mapped[str | None] = mapped_column(String(36), index=True)
    public_owner: Mapped[str | None] = mapped_column(String(36), index=True)
    start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    end: Mapped[dt.date | None] = mapped_column(Date)
    baseline_start: Mapped[dt.date | None] = mapped_column(Date)
    baseline_end: Mapped[dt.date | None] = mapped_column(Date)
    date_confidence: Mapped[str | None] = mapped_column(String)
    status: Mapped[str | None] = mapped_column(String)
    progress: Mapped[int | None] = mapped_column(Integer)
    rag: Mapped[str | None] = mapped_column(String)
    milestone: Mapped[bool | None] = mapped_column(Boolean)
    deliverable: Mapped[str | None] = mapped_column(Text)


class Dependency(_Projection):
    __tablename__ = "dependency"
    from_: Mapped[str | None] = mapped_column("from", String(36), index=True)
    to: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str | None] = mapped_column(String)
    lag_days: Mapped[int | None] = mapped_column(Integer)


class Link(_Projection):
    __tablename__ = "link"
    role: Mapped[str | None] = mapped_column(String)
    from_: Mapped[str | None] = mapped_column("from", String(36), index=True)
    to: Mapped[str | None] = mapped_column(String(36), index=True)


class Note(_Projection):
    __tablename__ = "note"
    about: Mapped[str | None] = mapped_column(String(36), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    headline: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    rag: Mapped[str | None] = mapped_column(String)
    author: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String)
    author_person: Mapped[str | None] = mapped_column(String(36), index=True)


class Person(_Projection):
    __tablename__ = "person"
    name: Mapped[str | None] = mapped_column(Text, index=True)
    organisation: Mapped[str | None] = mapped_column(String(36), index=True)
    job_title: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    languages: Mapped[str | None] = mapped_column(Text)
    consent: Mapped[str | None] = mapped_column(String)
    notes: Mapped[str | None] = mapped_column(Text)
    merged_into: Mapped[str | None] = mapped_column(String(36))


PROJECTIONS: dict[str, type[_Projection]] = {
    cls.__tablename__: cls
    for cls in (Plan, Organisation, Event, Ask, Pledge, Action, Dependency, Link, Note, Person)
}
"""Record type name -> its projection model."""


class ListText(Base):
    """The searched fields of a listed record, folded and joined (``search.list_text``), so a
    list filter is one ``LIKE`` in SQLite. Derived like the projections, in the same write.
    Keyed by type first, without a rowid, so a list's filter reads only its own type's rows."""

    __tablename__ = "list_text"
    __table_args__ = ({"sqlite_with_rowid": False},)
    type: Mapped[str] = mapped_column(String, primary_key=True)
    id: Mapped[str] = mapped_column(
        String(36), ForeignKey("record.id", ondelete="CASCADE"), primary_key=True
    )
    live: Mapped[bool] = mapped_column(Boolean)
    """Neither deleted nor merged into another: what a list shows unless asked for more."""
    text: Mapped[str | None] = mapped_column(Text)
