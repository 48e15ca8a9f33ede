"""Undo after settling a conflict opens it again, here and on every copy that saw the settle."""

from __future__ import annotations

import pytest

from plantui.editor import Editor
from tests.exchange.helpers import make_replica


@pytest.fixture
def pair(tmp_path):
    """Two laptops whose concurrent titles are a conflict on both."""
    a = make_replica(tmp_path, "a")
    b = make_replica(tmp_path, "b")
    a.service.create("plan", {"title": "Plan"})
    ask = a.service.create("ask", {"title": "Original", "rank": "a0"}).record_id
    b.receive(a.export())
    a.clock.advance(1000)
    a.service.update(ask, {"title": "From A"})
    b.clock.advance(2000)
    b.service.update(ask, {"title": "From B"})
    fa, fb = a.export(), b.export()
    a.receive(fb)
    b.receive(fa)
    assert a.service.get(ask).conflicts == ["title"]
    return a, b, ask


def titles(replica, ask) -> list[str]:
    return sorted(s["v"] for s in replica.service.get(ask).state.fields["title"])


def test_undo_of_keep_reopens_the_conflict_with_both_values(pair) -> None:
    a, b, ask = pair
    shown = a.service.get(ask).values["title"]
    other = next(s for s in a.service.get(ask).state.fields["title"] if s["v"] != shown)
    editor = Editor(a.service)
    editor.resolve(ask, "title", other["at"])
    assert a.service.get(ask).conflicts == []
    b.receive(a.export())  # the other laptop sees the settle
    assert b.service.get(ask).conflicts == []
    editor.undo()
    view = a.service.get(ask)
    assert view.conflicts == ["title"]
    assert titles(a, ask) == ["From A", "From B"]
    assert view.values["title"] == shown  # the value shown before the settle, not the other
    b.receive(a.export())
    assert b.service.get(ask).conflicts == ["title"]
    assert titles(b, ask) == ["From A", "From B"]
    assert a.canonical() == b.canonical()


def test_undo_of_a_typed_value_reopens_the_conflict(pair) -> None:
    a, _b, ask = pair
    editor = Editor(a.service)
    editor.update(ask, {"title": "Both, merged by hand"})
    assert a.service.get(ask).conflicts == []
    editor.undo()
    assert a.service.get(ask).conflicts == ["title"]
    assert titles(a, ask) == ["From A", "From B"]


def test_undo_of_restore_flags_the_delete_edit_conflict_again(tmp_path) -> None:
    a = make_replica(tmp_path, "a")
    b = make_replica(tmp_path, "b")
    a.service.create("plan", {"title": "Plan"})
    ask = a.service.create("ask", {"title": "Original", "rank": "a0"}).record_id
    b.receive(a.export())
    a.clock.advance(1000)
    a.service.delete(ask)
    b.clock.advance(1000)
    b.service.update(ask, {"theme": "Edited meanwhile"})
    a.receive(b.export())
    assert a.service.get(ask).delete_conflict
    editor = Editor(a.service)
    editor.restore(ask)
    assert not a.service.get(ask).deleted
    editor.undo()
    view = a.service.get(ask)
    assert view.deleted and view.delete_conflict
    assert view.values["theme"] == "Edited meanwhile"
