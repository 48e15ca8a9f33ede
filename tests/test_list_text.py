"""``list_text``: the folded text the list filters look in, stored at write time, follows
every kind of write."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from alembic import command
from alembic.config import Config

from plantui.domain import TYPES
from plantui.merging import merge_records
from plantui.queries import lists
from plantui.queries.lists import ListQuery
from plantui.search.list_text import FIELDS, TABLE, list_row
from plantui.service import PlanService
from plantui.storage import database as database_module
from plantui.storage.database import Database, open_database
from tests.conftest import FakeClock
from tests.exchange.helpers import make_replica

TODAY = dt.date(2025, 3, 1)


def _filtered(db: Database, type_name: str, text: str) -> set[str]:
    query = ListQuery(type_name, text, show_deleted=True, limit=10_000)
    page = lists.page(db, query, TODAY)
    assert page.total == len(page.rows)
    return {row.id for row in page.rows}


def _stored_rows(db: Database) -> set[tuple[str, str, bool, str | None]]:
    with db.snapshot() as con:
        rows = con.execute(f"SELECT type, id, live, text FROM {TABLE}")
        return {(rtype, rid, bool(live), text) for rtype, rid, live, text in rows}


def _expected_rows(db: Database) -> set[tuple[str, str, bool, str | None]]:
    """The rows ``list_text`` should hold, made again from every record's sync state, and
    the projections agreeing on which records are live."""
    with db.snapshot() as con:
        records = con.execute("SELECT id, type, fields FROM record").fetchall()
        for type_name in FIELDS:
            live = con.execute(f'SELECT id FROM "{type_name}" p WHERE {lists.live(type_name)}')
            marked = con.execute(f"SELECT id FROM {TABLE} WHERE type = ? AND live", [type_name])
            assert set(live) == set(marked), type_name
    return {list_row(rid, rtype, json.loads(raw)) for rid, rtype, raw in records if rtype in FIELDS}


def test_every_searched_field_is_a_string_field_of_its_type():
    for type_name, names in FIELDS.items():
        kinds = {TYPES[type_name].fields[name].kind for name in names}
        assert kinds <= {"text", "enum", "when"}, type_name


def test_the_rows_follow_edits_deletes_restores_and_merges(plan_service):
    s = plan_service
    one = s.create("organisation", {"name": "Café Uno"}).record_id
    two = s.create("organisation", {"name": "Cafe uno"}).record_id
    ask = s.create("ask", {"title": "Interpreters"}).record_id
    assert _stored_rows(s.db) == _expected_rows(s.db)
    s.update(one, {"name": "Bar Uno", "notes": "Menú"})
    s.update(ask, {"statement": "Every clinic"})
    assert _stored_rows(s.db) == _expected_rows(s.db)
    assert _filtered(s.db, "organisation", "cafe") == {two}
    assert _filtered(s.db, "organisation", "menu") == {one}
    s.delete(one)
    assert _stored_rows(s.db) == _expected_rows(s.db)
    assert [r.id for r in lists.page(s.db, ListQuery("organisation", "uno"), TODAY).rows] == [two]
    s.restore(one)
    merge_records(s, two, one)
    assert _stored_rows(s.db) == _expected_rows(s.db)
    assert [r.id for r in lists.page(s.db, ListQuery("organisation", "uno"), TODAY).rows] == [one]
    assert _filtered(s.db, "organisation", "uno") == {one, two}


def test_an_imported_record_is_filtered_at_once(tmp_path: Path):
    first, second = make_replica(tmp_path, "a"), make_replica(tmp_path, "b", 1_733_000_100_000)
    first.service.create("plan", {"title": "Plan"})
    rid = first.service.create("organisation", {"name": "Réunion Trust"}).record_id
    second.receive(first.export())
    assert _filtered(second.db, "organisation", "reunion") == {rid}
    first.clock.advance(1000)
    first.service.update(rid, {"name": "Moved Trust"})
    second.receive(first.export())
    assert _filtered(second.db, "organisation", "reunion") == set()
    assert _filtered(second.db, "organisation", "moved") == {rid}
    assert _stored_rows(second.db) == _expected_rows(second.db)


def test_a_database_made_before_the_table_is_filled_when_opened(tmp_path: Path):
    path = tmp_path / "old.db"
    db = open_database(path)
    service = PlanService(db, wall=FakeClock())
    service.create("plan", {"title": "Plan"})
    rid = service.create("organisation", {"name": "Intérpretes"}).record_id
    gone = service.create("organisation", {"name": "Intérpretes borrados"}).record_id
    service.delete(gone)
    db.close()
    cfg = Config()
    cfg.set_main_option(
        "script_location", str(Path(database_module.__file__).parent / "migrations")
    )
    db = open_database(path)
    with db.write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        tables = conn.exec_driver_sql(
            f"SELECT count(*) FROM sqlite_master WHERE name = '{TABLE}'"
        ).scalar()
        assert tables == 0
    db.close()

    db = open_database(path)
    try:
        assert _filtered(db, "organisation", "interpretes") == {rid, gone}
        assert _stored_rows(db) == _expected_rows(db)
        with db.snapshot() as con:  # the rows carry no rowid: one lookup per id
            sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", [TABLE]).fetchone()
        assert "WITHOUT ROWID" in sql[0]
    finally:
        db.close()
