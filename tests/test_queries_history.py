"""A record's history and the laptop behind a stamp, read through plantui.queries.history."""

from __future__ import annotations

from plantui.queries.history import Change, changes_of, changes_since, laptop_of
from plantui.service import PlanService
from tests.conftest import ANOTHER_LAPTOP, edit_from_another_laptop


def test_changes_name_references_by_label_and_say_who(plan_service: PlanService) -> None:
    s = plan_service
    old = s.create("organisation", {"name": "Old Trust"}).record_id
    new = s.create("organisation", {"name": "New Trust"}).record_id
    amir = s.create("person", {"name": "Amir"}).record_id
    s.by = amir
    pledge = s.create("pledge", {"title": "Fund it", "made_by": old}).record_id
    s.update(pledge, {"made_by": new, "title": "Fund it all"})

    changes = changes_of(s.db, pledge)

    moved = [c for c in changes if c.field == "made_by"]
    assert [(c.before, c.after) for c in moved] == [(None, "Old Trust"), ("Old Trust", "New Trust")]
    retitled = next(c for c in changes if c.field == "title" and c.before is not None)
    assert (retitled.before, retitled.after, retitled.who) == ("Fund it", "Fund it all", "Amir")
    assert not retitled.imported
    assert all(isinstance(c, Change) for c in changes)


def test_an_unknown_record_has_no_history(plan_service: PlanService) -> None:
    assert changes_of(plan_service.db, "0" * 32) == []


def test_the_laptop_of_a_stamp(plan_service: PlanService) -> None:
    s = plan_service
    ask = s.create("ask", {"title": "Mine"}).record_id
    mine = s.db.replica_id
    label = s.db.replica_label or "this laptop"
    assert laptop_of(s.db, f"1733000000000.0000@{mine}") == f"{label} (this laptop)"
    assert laptop_of(s.db, f"1733000000000.0000@{ANOTHER_LAPTOP}") == "laptop 00000000"
    with s.db.raw_write() as con:
        s.db.set_meta(con, f"replica_label:{ANOTHER_LAPTOP}", "Office PC")
    assert laptop_of(s.db, f"1733000000000.0000@{ANOTHER_LAPTOP}") == "Office PC"
    assert laptop_of(s.db, "1733000000000.0000") == "unknown"
    edit_from_another_laptop(s.db, ask, {"title": "Theirs"})
    changes = changes_of(s.db, ask)
    assert changes[-1].laptop == "Office PC"


def test_changes_since_a_moment_grouped_by_ask_then_the_rest(plan_service, clock) -> None:
    s = plan_service
    ask = s.create("ask", {"title": "Fair pay", "ref_code": "A1"}).record_id
    org = s.create("organisation", {"name": "Carers Trust"}).record_id
    quiet = s.create("ask", {"title": "Untouched", "ref_code": "A2"}).record_id
    clock.advance(86_400_000)
    since = f"{clock.now:013d}"
    amir = s.create("person", {"name": "Amir"}).record_id
    s.by = amir
    s.update(ask, {"title": "Fair pay for carers"})
    action = s.create("action", {"title": "Survey", "ask": ask}).record_id
    s.update(org, {"name": "Carers Trust UK"})

    groups = changes_since(s.db, since)

    assert [(g.ask, g.heading) for g in groups] == [
        (ask, "A1 Fair pay for carers"),
        (None, "Not about one ask"),
    ]
    assert [(c.record_id, c.what, c.fields, c.who) for c in groups[0].changes] == [
        (ask, "changed", ("title",), ("Amir",)),
        (action, "added", ("ask", "title"), ("Amir",)),
    ]
    assert {c.record_id for c in groups[1].changes} == {amir, org}
    assert quiet not in {c.record_id for g in groups for c in g.changes}
