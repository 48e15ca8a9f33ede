"""Batches that must be refused whole, and deltas that must not overstate what they bring."""

from __future__ import annotations

import json

import pytest

from plantui.errors import PlanError
from tests.exchange.helpers import make_replica, rehash


@pytest.fixture
def pair(tmp_path):
    a = make_replica(tmp_path, "a")
    b = make_replica(tmp_path, "b")
    a.service.create("plan", {"title": "Plan"})
    ask = a.service.create("ask", {"title": "Original", "rank": "a0"}).record_id
    return a, b, ask, a.export(name="a.plantui.json")


def _altered(path, name, change) -> object:
    doc = json.loads(path.read_text())
    for rec in doc["records"]:
        change(rec)
    target = path.with_name(name)
    target.write_text(json.dumps(rehash(doc)))
    return target


def _retype(ask):
    def change(rec):
        if rec["id"] == ask:
            rec["type"] = "widget"

    return change


def test_one_id_with_two_types_in_one_batch_is_refused_whole(pair):
    _a, b, ask, good = pair
    other = _altered(good, "other.plantui.json", _retype(ask))
    with pytest.raises(PlanError) as err:
        b.receive(good, other)
    assert "a.plantui.json" in str(err.value) and "other.plantui.json" in str(err.value)
    assert "an ask" in str(err.value) and "a widget" in str(err.value)
    with b.db.read() as session:
        assert b.db.meta("plan_id", session) is None  # nothing was written


def test_a_type_other_than_the_stored_one_is_refused(pair):
    _a, b, ask, good = pair
    b.receive(good)
    other = _altered(good, "other.plantui.json", _retype(ask))
    with pytest.raises(PlanError, match=r"a widget in other\.plantui\.json but an ask in this"):
        b.receive(other)


def _rewrite_title(ask):
    def change(rec):
        if rec["id"] == ask:
            rec["fields"]["title"][0]["v"] = "Another value under the same stamp"

    return change


def test_two_values_under_one_stamp_are_refused_against_this_copy(pair):
    _a, b, ask, good = pair
    b.receive(good)
    forked = _altered(good, "forked.plantui.json", _rewrite_title(ask))
    with pytest.raises(PlanError) as err:
        b.receive(forked)
    text = str(err.value)
    assert "forked.plantui.json" in text and "copied or restored" in text
    assert b.service.get(ask).values["title"] == "Original"


def test_two_values_under_one_stamp_within_a_batch_are_refused(pair):
    _a, b, ask, good = pair
    forked = _altered(good, "forked.plantui.json", _rewrite_title(ask))
    with pytest.raises(PlanError, match="copied or restored"):
        b.receive(good, forked)


def test_a_relayed_delta_does_not_make_a_later_delta_leave_records_out(tmp_path):
    a = make_replica(tmp_path, "a")
    b = make_replica(tmp_path, "b")
    c = make_replica(tmp_path, "c")
    a.service.create("plan", {"title": "Plan"})
    c.receive(a.export(name="first.plantui.json"))
    a.clock.advance(1000)
    older = a.service.create("ask", {"title": "Older", "rank": "a0"}).record_id
    b_state = a.export(name="to-b.plantui.json")
    b.receive(b_state)
    a.clock.advance(1000)
    newer = a.service.create("ask", {"title": "Newer", "rank": "a1"}).record_id
    c.receive(a.export(b_state, name="delta-for-b.plantui.json"))  # carried on to c
    c_file = c.export(name="c.plantui.json")
    c.receive(a.export(c_file, name="delta-for-c.plantui.json"))
    assert c.service.get(newer).values["title"] == "Newer"
    assert c.service.get(older).values["title"] == "Older"


def test_names_from_a_file_reach_the_terminal_without_escape_codes(pair, cli, tmp_path):
    _a, _b, ask, good = pair

    def change(rec):
        if rec["id"] == ask:
            rec["type"] = "\x1b]0;owned\x07thing"
            rec["fields"]["\x1b[2Jwiped"] = "not a list"

    bad = _altered(good, "bad.plantui.json", change)
    result = cli("import", str(bad))
    assert result.code == 1
    assert "wiped has no list of values" in result.err
    assert "\x1b" not in result.err and "\x07" not in result.err
