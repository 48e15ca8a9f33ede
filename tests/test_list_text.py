"""``list_text``: the folded text the list filters look in, stored at write time, matches
exactly as folding each searched field at read time did, and follows every kind of write."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

from plantui.domain import TYPES
from plantui.merging import merge_records
from plantui.queries import lists
from plantui.queries.lists import ListQuery
from plantui.search.folding import SQL_FOLD, fold
from plantui.search.list_text import FIELDS, SEPARATOR, TABLE, list_row
from plantui.service import PlanService
from plantui.storage.database import Database, open_database
from tests.conftest import FakeClock, downgrade
from tests.exchange.helpers import make_replica

TODAY = dt.date(2025, 3, 1)

NAMES = [
    "LUCÍA Fernández",
    "Straße ÉCOLE ﬁn",
    "100% Volunteers",
    "under_score \\ back",
    "Tab\there",
    f"split{SEPARATOR}field",
    "ΣΊΣΥΦΟΣ",
    "nul\0hidden tail",
    "plain name",
]
"""Names that stress folding and LIKE: accents, ligatures, wildcards, escapes, control
characters (the separator itself, a NUL), final sigma."""

NEEDLES = [
    "lucia",
    "FERNANDEZ",
    "strasse",
    "ecole fin",
    "%",
    "0% v",
    "_",
    "r_s",
    "\\",
    "\\ b",
    "\t",
    "split",
    SEPARATOR,
    f"t{SEPARATOR}f",
    f"fin{SEPARATOR}s1",
    "hidden",
    "nul",
    "nul\0",
    "\0",
    "σισυφοσ",
    "ς",
    "name",
    "e",
    "n\u0301",
    "\u0301",
    "other",
    "community",
    "name other",
    "zzz",
]


def _reference(db: Database, type_name: str, text: str) -> set[str]:
    """The ids each searched field, folded at read time, matches (the filter before
    ``list_text``), among all records of the type, deleted and merged included."""
    folded = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    columns = FIELDS[type_name]
    where = " OR ".join(f"{SQL_FOLD}(\"{c}\") LIKE ? ESCAPE '\\'" for c in columns)
    with db.snapshot() as con:
        rows = con.execute(
            f'SELECT id FROM "{type_name}" WHERE {where}', [f"%{folded}%"] * len(columns)
        )
        return {row[0] for row in rows}


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


def test_the_stored_text_matches_exactly_as_folding_each_field_did(plan_service):
    s = plan_service
    for n, name in enumerate(NAMES):
        values = {"name": name, "sector": "other"}
        if n % 2:
            values |= {"short_name": f"S{n}", "notes": NAMES[-1 - n], "role": "community_lead"}
        s.create("organisation", values)
    gone = s.create("organisation", {"name": "Deleted name"}).record_id
    s.delete(gone)
    for needle in [*NEEDLES, "deleted"]:
        expected = _reference(s.db, "organisation", needle)
        assert _filtered(s.db, "organisation", needle) == expected, repr(needle)
    assert _reference(s.db, "organisation", "lucia") and _reference(s.db, "organisation", "%")
    assert not _reference(s.db, "organisation", f"fin{SEPARATOR}s1")  # never across two fields
    assert len(_reference(s.db, "organisation", "strasse")) == 2  # a field after a NUL too
    assert not _reference(s.db, "organisation", "hidden")  # LIKE stops at a NUL
    assert _reference(s.db, "organisation", "deleted") == {gone}


def test_every_list_type_matches_as_folding_each_field_did(plan_service):
    s = plan_service
    org = s.create("organisation", {"name": "Órg"}).record_id
    s.create("ask", {"title": "Ask for LUCÍA", "ref_code": "A1", "theme": "Health"})
    s.create("pledge", {"title": "Pledge", "made_by": org, "target": "Ñandú 50%"})
    s.create("event", {"title": "Event", "starts_at": "2025-01-10", "location": "Café"})
    s.create("person", {"name": "Zoë", "languages": "Español"})
    for type_name in FIELDS:
        for needle in ("lucia", "a1", "health", "nandu", "50%", "cafe", "2025-01", "zoe", "o"):
            expected = _reference(s.db, type_name, needle)
            assert _filtered(s.db, type_name, needle) == expected, (type_name, needle)


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
    downgrade(path, "0008")
    with closing(sqlite3.connect(path)) as con:  # as an older plantui left it: no table
        assert con.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = ?", [TABLE]
        ).fetchone() == (0,)

    db = open_database(path)
    try:
        assert _filtered(db, "organisation", "interpretes") == {rid, gone}
        assert _stored_rows(db) == _expected_rows(db)
        with db.snapshot() as con:  # the rows carry no rowid: one lookup per id
            sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", [TABLE]).fetchone()
        assert "WITHOUT ROWID" in sql[0]
    finally:
        db.close()


def test_a_page_is_the_first_matches_in_list_order_and_counts_every_match(plan_service):
    """Pages smaller and larger than the matches (found from the list's order or from the
    matching texts), with and without deleted records and a facet."""
    s = plan_service
    made = [s.create("ask", {"title": f"Ask {n:02d}", "rank": f"r{n:02d}"}) for n in range(12)]
    ids = [change.record_id for change in made]
    s.delete(ids[3])
    s.update(ids[5], {"status": "agreed"})
    s.update(ids[8], {"status": "agreed"})
    queries = [
        ListQuery("ask", "ask 0"),
        ListQuery("ask", "ASK", show_deleted=True),
        ListQuery("ask", "1"),
        ListQuery("ask", "ask", facets={"status": "agreed"}),
    ]
    wanted = [
        [ids[n] for n in (0, 1, 2, 4, 5, 6, 7, 8, 9)],
        ids,
        [ids[1], ids[10], ids[11]],
        [ids[5], ids[8]],
    ]
    for query, expected in zip(queries, wanted, strict=True):
        for limit in (1, 2, 3, 20):
            page = lists.page(s.db, query._replace(limit=limit), TODAY)
            assert [row.id for row in page.rows] == expected[:limit], (query, limit)
            assert page.total == len(expected), (query, limit)
