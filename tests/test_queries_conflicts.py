"""queries.conflicts: open conflicts with each value's author and time, on a plain snapshot."""

from __future__ import annotations

from plantui.queries.conflicts import open_conflicts
from tests.tui.helpers_t2 import OTHER, add_sibling, delete_while_edited


def test_a_field_conflict_lists_its_values_newest_first_with_their_authors(plan_service):
    s = plan_service
    ask = s.create("ask", {"title": "Youth hub", "ref_code": "A1"}).record_id
    with s.db.raw_write() as con:
        s.db.set_meta(con, "replica_label", "Office laptop")
        s.db.set_meta(con, f"replica_label:{OTHER}", "Hall laptop")
    at = add_sibling(s, ask, "title", "Youth centre")

    (view,) = open_conflicts(s.db)

    assert (view.record, view.type, view.kind, view.field) == (ask, "ask", "field", "title")
    assert view.key == f"{ask}:title"
    assert view.label == "Youth centre"  # the shown value: the newest stamp
    assert [w.value for w in view.values] == ["Youth centre", "Youth hub"]
    newest, ours = view.values
    assert newest.at == at and newest.who == "Hall laptop"
    assert ours.who == "Office laptop (this laptop)"
    assert ours.at.endswith(f"@{s.db.replica_id}")
    assert newest.when[:4] == "2024" and len(newest.when) == len("2024-11-30 20:53")


def test_an_unknown_laptop_is_named_by_its_short_id(plan_service):
    s = plan_service
    ask = s.create("ask", {"title": "Youth hub"}).record_id
    add_sibling(s, ask, "title", "Youth centre")
    (view,) = open_conflicts(s.db)
    assert view.values[0].who == f"laptop {OTHER[:8]}"


def test_a_deletion_that_missed_an_edit_comes_first_then_the_edit(plan_service):
    s = plan_service
    ask = s.create("ask", {"title": "Youth hub"}).record_id
    delete_while_edited(s, ask, "title", "Youth centre")

    (view,) = open_conflicts(s.db)

    assert (view.kind, view.field) == ("delete_edit", None)
    deletion, *edits = view.values
    assert deletion.value == "Deleted" and deletion.field is None
    assert deletion.at.endswith(f"@{s.db.replica_id}")
    assert [(e.field, e.value) for e in edits] == [("title", "Youth centre")]
    assert edits[0].who == f"laptop {OTHER[:8]}"


def test_no_conflict_no_view(plan_service):
    plan_service.create("ask", {"title": "Quiet"})
    assert open_conflicts(plan_service.db) == []
