"""queries.plan: the plan file's title and facts, and SQLite failures as one plain sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from plantui.errors import PlanError
from plantui.queries import Plan
from plantui.queries import plan as plan_file
from plantui.storage.backups import keep_backup


def test_the_title_is_one_line_and_shortened_for_a_header(plan_service):
    plan = plan_service.db
    assert plan_file.plan_title(plan) == "Test plan"
    (record,) = plan_service.list("plan")
    plan_service.update(record.id, {"title": "Northside\x1b[31m plan " + "x" * 80})
    title = plan_file.plan_title(plan)
    assert len(title) == plan_file.TITLE_WIDTH and title.endswith("…")
    assert title.startswith("Northside") and "\x1b" not in title


def test_a_file_without_a_plan_record_has_a_placeholder_title(db):
    assert plan_file.plan_title(db) == "A plan without a title"


def test_facts_of_this_copy(db):
    with db.raw_write() as con:
        db.set_meta(con, "replica_label", "Office\nlaptop")
    assert plan_file.replica_label(db) == "Office laptop"
    assert plan_file.meta(db, "replica_id") == db.replica_id
    assert plan_file.meta(db, "no such fact") is None


def test_the_data_version_moves_when_the_file_changes(plan_service):
    plan = plan_service.db
    before = plan_file.data_version(plan)
    plan_service.create("ask", {"title": "New"})
    assert plan_file.data_version(plan) != before


def test_a_plan_whose_folder_went_away_is_a_plan_error(tmp_path: Path):
    gone = Plan(tmp_path / "gone" / "plan.db")
    with pytest.raises(PlanError, match="could not be read"):
        plan_file.data_version(gone)


def test_opening_a_file_that_is_not_a_plan_is_a_plan_error(tmp_path: Path):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n" * 200)
    with pytest.raises(PlanError):
        plan_file.open_plan(notes)


def test_opening_a_plan_gives_a_plan_to_read(db_path: Path):
    plan = plan_file.open_plan(db_path)
    try:
        assert isinstance(plan, Plan) and plan_file.meta(plan, "replica_id")
    finally:
        plan.close()


def test_copying_a_plan_whose_file_was_removed_is_a_plan_error(plan_service, tmp_path: Path):
    plan = plan_service.db
    for path in plan.path.parent.glob(plan.path.name + "*"):
        path.unlink()
    with pytest.raises(PlanError, match="could not be copied"):
        plan_file.copy_plan(plan, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()


def test_a_copy_is_a_plan_of_its_own(plan_service, tmp_path: Path):
    target = tmp_path / "copy.db"
    new_id = plan_file.copy_plan(plan_service.db, target)
    copy = plan_file.open_plan(target)
    try:
        assert plan_file.plan_title(copy) == "Test plan"
        assert new_id != plan_service.db.replica_id
    finally:
        copy.close()


def test_backups_are_listed_and_restored(plan_service):
    plan = plan_service.db
    assert plan_file.backups(plan) == []
    kept = keep_backup(plan, "before-import")
    (record,) = plan_service.list("plan")
    plan_service.update(record.id, {"title": "Changed since"})
    assert [b.path for b in plan_file.backups(plan)] == [kept]
    chosen, _saved = plan_file.restore(plan, 1)
    assert chosen.path == kept
    assert plan_file.plan_title(plan) == "Test plan"
    with pytest.raises(PlanError):
        plan_file.restore(plan, 9)
