"""plantui.queries.records: records as ``show`` and ``list`` print them, read from a real
database written through the service."""

from __future__ import annotations

import dataclasses

import pytest

from plantui.errors import PlanError
from plantui.queries import records
from plantui.storage.records import load_state, save_states
from tests.conftest import ANOTHER_LAPTOP, edit_from_another_laptop


def _org(service, name: str = "Hall trust") -> str:
    return service.create("organisation", {"name": name}).record_id


def _add_sibling(db, record_id: str, name: str, value: object) -> None:
    """A second value for ``name`` from another laptop, as a merge of concurrent edits leaves."""
    with db.read() as session:
        state = load_state(session, record_id)
    assert state is not None
    state.fields[name].append({"v": value, "at": f"1733000000500.0000@{ANOTHER_LAPTOP}"})
    state.vv[ANOTHER_LAPTOP] = "1733000000500.0000"
    with db.write() as session:
        save_states(session, [state])


def test_a_record_holds_what_was_written_in_field_order(db, plan_service):
    org = _org(plan_service)
    pledge = plan_service.create(
        "pledge", {"title": "Open the hall", "ref_code": "P1", "made_by": org, "due": "2025-03-01"}
    ).record_id

    item = records.record(db, pledge)

    assert (item.id, item.type, item.label) == (pledge, "pledge", "Open the hall")
    assert list(item.values) == list(plan_service.get(pledge).values)
    assert item.values["made_by"] == org
    assert item.values["due"] == "2025-03-01"
    assert item.values["commitment"] is None
    assert (item.deleted, item.conflicts, item.delete_conflict) == (False, (), False)
    assert dict(item.siblings) == {}


def test_a_missing_record_is_one_plain_sentence(db, plan_service):
    with pytest.raises(PlanError, match="There is no record with id nothing-here"):
        records.record(db, "nothing-here")


def test_a_conflict_shows_every_value_with_its_stamp(db, plan_service):
    ask = plan_service.create("ask", {"title": "Here"}).record_id
    _add_sibling(db, ask, "title", "There")

    item = records.record(db, ask)

    assert item.conflicts == ("title",)
    assert [s.value for s in item.siblings["title"]] == ["Here", "There"]
    assert item.siblings["title"][1].at == f"1733000000500.0000@{ANOTHER_LAPTOP}"
    assert item.values["title"] == "There"  # the larger stamp is the one shown


def test_a_delete_that_missed_an_edit_is_flagged(db, plan_service):
    ask = plan_service.create("ask", {"title": "Gone"}).record_id
    plan_service.delete(ask)
    edit_from_another_laptop(db, ask, {"statement": "Written elsewhere"})

    item = records.record(db, ask)

    assert item.deleted and item.delete_conflict


def test_views_are_frozen(db, plan_service):
    item = records.record(db, _org(plan_service))
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.deleted = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        item.values["name"] = "Other"  # type: ignore[index]


def test_a_list_holds_live_records_unless_asked_for_all(db, plan_service):
    kept = _org(plan_service, "Kept")
    deleted = _org(plan_service, "Deleted")
    merged = _org(plan_service, "Merged")
    plan_service.delete(deleted)
    plan_service.update(merged, {"merged_into": kept})

    assert [i.id for i in records.records(db, "organisation")] == [kept]
    every = {i.id: i.deleted for i in records.records(db, "organisation", include_deleted=True)}
    assert every == {kept: False, deleted: True, merged: False}


def test_asks_are_listed_by_rank(db, plan_service):
    first, second, third = (
        plan_service.create("ask", {"title": t, "ref_code": c}).record_id
        for t, c in (("One", "A1"), ("Two", "A2"), ("Three", "A3"))
    )
    plan_service.move_ask(third, -1)

    assert [i.id for i in records.records(db, "ask")] == [first, third, second]


@pytest.mark.parametrize("type_name", ["pledge"])
def test_records_with_ref_codes_are_listed_in_natural_order(db, plan_service, type_name):
    org = _org(plan_service)
    # Dated against the codes, so an order by date would put them the other way round.
    made = {
        code: plan_service.create(
            type_name,
            {"title": f"Item {code or 'uncoded'}", "ref_code": code}
            | ({"made_by": org, "due": due} if type_name == "pledge" else {"start": due}),
        ).record_id
        for code, due in (("X10", "2025-01-01"), (None, "2025-01-02"), ("X2", "2025-01-03"))
    }

    assert [i.id for i in records.records(db, type_name)] == [made["X2"], made["X10"], made[None]]


def test_events_are_listed_by_when_they_start(db, plan_service):
    late = plan_service.create("event", {"title": "Late", "starts_at": "2025-05-01"}).record_id
    early = plan_service.create("event", {"title": "Early", "starts_at": "2025-02-01"}).record_id

    assert [i.id for i in records.records(db, "event")] == [early, late]


def test_an_unknown_type_is_one_plain_sentence(db, plan_service):
    with pytest.raises(PlanError, match="unknown record type 'bogus'"):
        records.records(db, "bogus")


def test_the_cli_lists_actions_by_when_they_start_as_the_plan_reads(cli):
    assert cli("add", "plan", "title=Test plan").code == 0
    for code, start in (("M10", "2025-01-01"), ("M2", "2025-02-01")):
        assert (
            cli("add", "action", f"title=Step {code}", f"ref_code={code}", f"start={start}").code
            == 0
        )

    listed = [line.split("  ", 1)[1] for line in cli("list", "action").out.splitlines()]

    assert listed == ["Step M10", "Step M2"]
