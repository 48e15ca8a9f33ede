"""The write path: validation, stamps, version vectors, deletes and restores."""

from __future__ import annotations

import pytest

from plantui import merge
from plantui.errors import PlanError
from plantui.storage.records import load_state


def stamps_of(service, record_id):
    with service.db.read() as session:
        state = load_state(session, record_id)
    return state


def test_every_write_takes_a_fresh_stamp_and_moves_the_version_vector(plan_service, clock):
    ask = plan_service.create("ask", {"title": "Fund health checks"}).record_id
    first = stamps_of(plan_service, ask)
    clock.advance(-3_600_000)  # the wall clock jumps back an hour
    plan_service.update(ask, {"title": "Fund peer-led health checks"})
    second = stamps_of(plan_service, ask)
    replica = plan_service.db.replica_id
    assert second.fields["title"][0]["at"] > first.fields["title"][0]["at"]
    assert second.vv[replica] > first.vv[replica]
    assert merge.covered(second.fields["title"][0]["at"], second.vv)


def test_stamps_keep_increasing_across_processes_sharing_the_file(db_path, plan_service, clock):
    from plantui.service import PlanService
    from plantui.storage.database import open_database

    other_db = open_database(db_path)
    other = PlanService(other_db, wall=lambda: clock.now - 10_000)  # a slower clock
    a = plan_service.create("ask", {"title": "a"}).record_id
    b = other.create("ask", {"title": "b"}).record_id
    assert (
        stamps_of(plan_service, b).fields["title"][0]["at"]
        > (stamps_of(plan_service, a).fields["title"][0]["at"])
    )
    other_db.close()


def test_required_fields_and_references_are_checked(plan_service):
    with pytest.raises(PlanError, match="needs title"):
        plan_service.create("ask", {"theme": "x"})
    with pytest.raises(PlanError, match="no such record"):
        plan_service.create(
            "pledge", {"title": "p", "made_by": "00000000-0000-4000-8000-000000000000"}
        )
    ask = plan_service.create("ask", {"title": "a"}).record_id
    with pytest.raises(PlanError, match="must point to an organisation"):
        plan_service.create("pledge", {"title": "p", "made_by": ask})
    with pytest.raises(PlanError, match="cannot be empty"):
        plan_service.update(ask, {"title": None})


def test_a_database_holds_exactly_one_plan(plan_service):
    with pytest.raises(PlanError, match="already holds a plan"):
        plan_service.create("plan", {"title": "Second"})


def test_delete_keeps_the_record_and_its_context_and_restore_brings_it_back(plan_service):
    ask = plan_service.create("ask", {"title": "a"}).record_id
    before = stamps_of(plan_service, ask).vv
    plan_service.delete(ask)
    state = stamps_of(plan_service, ask)
    assert state.deleted
    assert state.fields["_deleted"][0]["ctx"] == before
    assert [v.id for v in plan_service.list("ask")] == []
    assert [v.id for v in plan_service.list("ask", include_deleted=True)] == [ask]
    with pytest.raises(PlanError, match="already deleted"):
        plan_service.delete(ask)
    plan_service.restore(ask)
    assert plan_service.get(ask).values["title"] == "a"
    with pytest.raises(PlanError, match="not deleted"):
        plan_service.restore(ask)


def test_relations_get_deterministic_ids_and_relinking_restores(plan_service):
    ask = plan_service.create("ask", {"title": "a"}).record_id
    org = plan_service.create("organisation", {"name": "o"}).record_id
    link = plan_service.create("link", {"role": "raised_by", "from": ask, "to": org}).record_id
    assert (
        plan_service.create("link", {"role": "raised_by", "from": ask, "to": org}).record_id == link
    )
    plan_service.delete(link)
    plan_service.create("link", {"role": "raised_by", "from": ask, "to": org})
    assert not plan_service.get(link).deleted
    with pytest.raises(PlanError, match="identity"):
        plan_service.update(link, {"to": ask})


def test_unchanged_values_take_no_stamp(plan_service):
    ask = plan_service.create("ask", {"title": "a"}).record_id
    before = stamps_of(plan_service, ask)
    change = plan_service.update(ask, {"title": "a"})
    assert change.before == {}
    assert stamps_of(plan_service, ask) == before


def test_resolve_keeps_the_chosen_sibling_as_a_new_edit(plan_service):
    from plantui.storage.records import RecordState, save_states

    ask = plan_service.create("ask", {"title": "a"}).record_id
    state = stamps_of(plan_service, ask)
    other = "00000000-0000-4000-8000-0000000000ff"
    theirs = {"v": "theirs", "at": f"0000000000001.0000@{other}"}
    state.fields["title"].append(theirs)
    state.vv[other] = "0000000000001.0000"
    with plan_service.db.write() as session:
        save_states(session, [RecordState(state.id, state.type, state.vv, state.fields)])
    assert plan_service.get(ask).conflicts == ["title"]
    with pytest.raises(PlanError, match="no value stamped"):
        plan_service.resolve(ask, "title", "nope")
    plan_service.resolve(ask, "title", theirs["at"])
    view = plan_service.get(ask)
    assert view.conflicts == []
    assert view.values["title"] == "theirs"
    assert view.state.fields["title"][0]["at"] > theirs["at"]


def test_projection_rows_follow_every_write(plan_service):
    from sqlalchemy import select

    from plantui.storage.models import Action

    action = plan_service.create(
        "action", {"title": "Clinic", "start": "2025-01-06", "progress": 10}
    ).record_id
    plan_service.update(action, {"progress": 50})
    plan_service.delete(action)
    with plan_service.db.read() as session:
        row = session.execute(select(Action).where(Action.id == action)).scalar_one()
    assert (row.progress, row.deleted, str(row.start)) == (50, True, "2025-01-06")
