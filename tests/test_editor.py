"""Undo: each undo is itself an edit that puts back what was shown before."""

from __future__ import annotations

from plantui.editor import Editor


def test_undo_walks_back_updates_deletes_and_creations(plan_service):
    editor = Editor(plan_service)
    seen: list[str] = []
    editor.listeners.append(seen.append)
    ask = editor.create("ask", {"title": "First"}).record_id
    editor.update(ask, {"title": "Second", "theme": "care"})
    editor.delete(ask)

    editor.undo()
    assert not plan_service.get(ask).deleted
    editor.undo()
    assert plan_service.get(ask).values["title"] == "First"
    assert plan_service.get(ask).values["theme"] is None
    editor.undo()
    assert plan_service.get(ask).deleted
    assert editor.undo() is None
    assert not editor.can_undo
    assert seen == [ask] * 6


def test_undo_is_stamped_like_any_edit(plan_service):
    editor = Editor(plan_service)
    ask = editor.create("ask", {"title": "a"}).record_id
    editor.update(ask, {"title": "b"})
    before = plan_service.get(ask).state.fields["title"][0]["at"]
    editor.undo()
    after = plan_service.get(ask).state.fields["title"][0]
    assert after["v"] == "a" and after["at"] > before


def test_update_many_is_one_transaction_and_one_undo(plan_service):
    editor = Editor(plan_service)
    a = editor.create("action", {"title": "a", "start": "2025-01-01"}).record_id
    b = editor.create("action", {"title": "b", "start": "2025-02-01"}).record_id
    editor.update_many(
        [(a, {"baseline_start": "2025-01-01"}), (b, {"baseline_start": "2025-02-01"})]
    )
    assert plan_service.get(b).values["baseline_start"] == "2025-02-01"
    editor.undo()
    assert plan_service.get(a).values["baseline_start"] is None
    assert plan_service.get(b).values["baseline_start"] is None
    assert not plan_service.get(b).deleted  # the creations are still on the stack below


def test_undo_survives_closing_the_app(db_path, clock):
    from plantui.service import PlanService
    from plantui.storage.database import open_database

    db = open_database(db_path)
    service = PlanService(db, wall=clock)
    service.create("plan", {"title": "Plan", "period_start": "2024-12-01"})
    editor = Editor(service)
    ask = editor.create("ask", {"title": "First"}).record_id
    editor.update(ask, {"title": "Second"})
    db.close()

    clock.advance(60_000)
    db = open_database(db_path)
    service = PlanService(db, wall=clock)
    again = Editor(service)
    assert again.can_undo
    assert again.undo().record_id == ask
    assert service.get(ask).values["title"] == "First"
    again.undo()
    assert service.get(ask).deleted
    assert again.undo() is None  # the plan itself was not made through the editor
    db.close()


def test_redo_makes_the_undone_edits_again_and_a_new_edit_forgets_them(plan_service):
    editor = Editor(plan_service)
    ask = editor.create("ask", {"title": "First"}).record_id
    editor.update(ask, {"title": "Second", "theme": "care"})
    editor.delete(ask)
    editor.undo()
    editor.undo()
    editor.undo()
    assert plan_service.get(ask).deleted
    assert editor.can_redo

    editor.redo()
    assert not plan_service.get(ask).deleted
    assert plan_service.get(ask).values["title"] == "First"
    editor.redo()
    assert plan_service.get(ask).values["theme"] == "care"
    editor.undo()
    editor.redo()
    assert plan_service.get(ask).values["title"] == "Second"

    editor.update(ask, {"title": "Third"})
    assert not editor.can_redo
    assert editor.redo() is None
    assert not plan_service.get(ask).deleted


def test_undo_and_redo_carry_the_person_at_the_keyboard(plan_service):
    rebecca = plan_service.create("person", {"name": "Rebecca"}).record_id
    plan_service.by = rebecca
    editor = Editor(plan_service)
    ask = editor.create("ask", {"title": "a"}).record_id
    editor.update(ask, {"title": "b"})
    editor.undo()
    assert plan_service.get(ask).state.fields["title"][0]["by"] == rebecca
