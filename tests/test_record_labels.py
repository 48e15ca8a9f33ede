"""One label rule: a record is named by its type's label field, else its title, else its id."""

from __future__ import annotations

from plantui.domain import record_label
from plantui.queries.labels import label, named


def test_the_label_field_wins_then_the_title_then_the_id():
    assert record_label("organisation", {"name": "Hope Trust", "title": "x"}, "o1") == "Hope Trust"
    assert record_label("note", {"headline": "Venue booked"}, "n1") == "Venue booked"
    assert record_label("ask", {"title": "Youth hub"}, "a1") == "Youth hub"
    assert record_label("organisation", {"name": ""}, "o1") == "o1"
    assert record_label("no-such-type", {}, "r9") == "r9"


def test_named_reads_labels_and_ref_codes_of_the_records_that_exist(plan_service):
    service, db = plan_service, plan_service.db
    ask = service.create("ask", {"title": "Close [/] gap", "ref_code": "A7"}).record_id
    org = service.create("organisation", {"name": "Hope Trust"}).record_id
    service.delete(org)
    found = named(db, [ask, org, "missing"])
    assert set(found) == {ask, org}
    assert found[ask].shown == "A7 Close [/] gap" and not found[ask].deleted
    assert found[org].label == "Hope Trust" and found[org].deleted
    assert label(db, ask) == "A7 Close [/] gap (ask)"
    assert label(db, "missing") == "missing"
