"""Concurrent edits, slow clocks and deletes: kept, flagged, resolved, converged."""

from __future__ import annotations

import pytest

from tests.exchange.helpers import make_replica


@pytest.fixture
def trio(tmp_path):
    """Three laptops sharing one plan; c's clock is three days slow."""
    a = make_replica(tmp_path, "a")
    b = make_replica(tmp_path, "b")
    c = make_replica(tmp_path, "c", start_ms=1_733_000_000_000 - 3 * 86_400_000)
    a.service.create("plan", {"title": "Plan"})
    ask = a.service.create("ask", {"title": "Original", "rank": "a0"}).record_id
    seed = a.export()
    b.receive(seed)
    c.receive(seed)
    return a, b, c, ask


def test_concurrent_edits_of_one_field_become_a_conflict_on_every_copy(trio):
    a, b, c, ask = trio
    a.clock.advance(1000)
    a.service.update(ask, {"title": "From A"})
    b.clock.advance(2000)
    b.service.update(ask, {"title": "From B"})
    fa, fb = a.export(), b.export()
    for replica in (a, b, c):
        replica.receive(fa, fb)
    for replica in (a, b, c):
        view = replica.service.get(ask)
        assert view.conflicts == ["title"]
        assert sorted(s["v"] for s in view.state.fields["title"]) == ["From A", "From B"]
    assert a.canonical() == b.canonical() == c.canonical()


def test_a_causally_later_edit_wins_despite_a_slow_clock(trio):
    a, _b, c, ask = trio
    a.clock.advance(1000)
    a.service.update(ask, {"title": "A's edit"})
    c.receive(a.export())  # c has now seen A's edit...
    c.service.update(ask, {"title": "C's later edit"})  # ...but its wall clock is days behind
    a.receive(c.export())
    for replica in (a, c):
        view = replica.service.get(ask)
        assert view.conflicts == []
        assert view.values["title"] == "C's later edit"


def test_a_delete_concurrent_with_an_edit_is_flagged_and_restore_ends_it(trio):
    a, b, _c, ask = trio
    a.clock.advance(1000)
    a.service.delete(ask)
    b.clock.advance(1000)
    b.service.update(ask, {"theme": "Edited meanwhile"})
    fa, fb = a.export(), b.export()
    a.receive(fb)
    b.receive(fa)
    for replica in (a, b):
        view = replica.service.get(ask)
        assert view.deleted and view.delete_conflict
        assert view.values["theme"] == "Edited meanwhile"  # the edit is not lost
    a.clock.advance(1000)
    a.service.restore(ask)
    b.receive(a.export())
    for replica in (a, b):
        view = replica.service.get(ask)
        assert not view.deleted and not view.delete_conflict


def test_a_new_delete_confirms_and_ends_a_delete_edit_conflict(trio):
    a, b, _c, ask = trio
    a.clock.advance(1000)
    a.service.delete(ask)
    b.clock.advance(1000)
    b.service.update(ask, {"theme": "x"})
    a.receive(b.export())
    assert a.service.get(ask).delete_conflict
    a.clock.advance(1000)
    a.service.delete(ask)
    view = a.service.get(ask)
    assert view.deleted and not view.delete_conflict


def test_cli_conflicts_json_and_resolve_and_set_end_a_conflict(trio, capsys):
    from plantui.cli.main import main

    a, b, _c, ask = trio
    a.clock.advance(1000)
    a.service.update(ask, {"title": "From A", "theme": "t-a"})
    b.clock.advance(1000)
    b.service.update(ask, {"title": "From B", "theme": "t-b"})
    a.receive(b.export())
    a.db.close()
    db = str(a.db.path)
    # The replicas' fake clocks are in 2024: the real date is confirmed as the CLI would be.
    db_ok = [db, "--clock-ok"]
    assert main(["--db", db, "conflicts", "--json"]) == 0
    import json

    items = json.loads(capsys.readouterr().out)
    assert {(i["record"], i["type"], i["kind"], i["field"]) for i in items} == {
        (ask, "ask", "field", "title"),
        (ask, "ask", "field", "theme"),
    }
    title = next(i for i in items if i["field"] == "title")
    assert sorted(v["v"] for v in title["values"]) == ["From A", "From B"]
    keep = next(v["at"] for v in title["values"] if v["v"] == "From B")
    assert main(["--db", *db_ok, "resolve", ask, "title", "--keep", keep]) == 0
    assert main(["--db", *db_ok, "set", ask, "theme=settled"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "conflicts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", db, "show", ask, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["title"], shown["theme"], shown["conflicts"]) == ("From B", "settled", [])
    assert main(["--db", db, "resolve", ask, "title", "--keep", "nope"]) == 1


def test_two_deletes_are_resolved_in_one_step_with_either_stamp(trio):
    a, b, _c, ask = trio
    a.clock.advance(1000)
    a.service.delete(ask)
    b.clock.advance(2000)
    b.service.delete(ask)
    a.receive(b.export())
    siblings = a.service.get(ask).state.fields["_deleted"]
    assert len(siblings) == 2
    a.clock.advance(1000)
    a.service.resolve(ask, "_deleted", siblings[0]["at"])  # the one not shown
    view = a.service.get(ask)
    assert view.deleted and view.conflicts == [] and not view.delete_conflict
    b.receive(a.export())
    assert b.service.get(ask).conflicts == []


def test_an_edit_of_a_deleted_record_keeps_it_deleted_and_flags_nothing(trio):
    a, b, _c, ask = trio
    a.clock.advance(1000)
    a.service.delete(ask)
    a.clock.advance(1000)
    a.service.update(ask, {"theme": "Noted after the delete"})
    b.receive(a.export())
    for replica in (a, b):
        view = replica.service.get(ask)
        assert view.deleted and not view.delete_conflict
        assert view.values["theme"] == "Noted after the delete"


def test_resolving_a_field_of_a_deleted_record_flags_no_delete_conflict(trio):
    a, b, _c, ask = trio
    a.clock.advance(1000)
    a.service.update(ask, {"title": "From A"})
    b.clock.advance(1000)
    b.service.update(ask, {"title": "From B"})
    b.clock.advance(1000)
    b.service.delete(ask)
    a.receive(b.export())
    view = a.service.get(ask)
    assert view.deleted and view.conflicts == ["title"]
    keep = next(s["at"] for s in view.state.fields["title"] if s["v"] == "From A")
    a.clock.advance(1000)
    a.service.resolve(ask, "title", keep)
    b.receive(a.export())
    for replica in (a, b):
        view = replica.service.get(ask)
        assert view.deleted and view.conflicts == [] and not view.delete_conflict
        assert view.values["title"] == "From A"


@pytest.mark.slow
def test_cli_resolve_of_a_delete_conflict_works_in_one_step(trio):
    import json

    from tests.conftest import run_process

    a, b, _c, ask = trio
    a.clock.advance(1000)
    a.service.delete(ask)
    b.clock.advance(2000)
    b.service.delete(ask)
    a.receive(b.export())
    a.db.close()
    db = str(a.db.path)
    items = json.loads(run_process("--db", db, "conflicts", "--json").stdout)
    stamps = [v["at"] for i in items if i["field"] == "_deleted" for v in i["values"]]
    assert len(stamps) == 2, items
    result = run_process("--db", db, "--clock-ok", "resolve", ask, "_deleted", "--keep", stamps[0])
    assert result.returncode == 0, result.stderr
    assert json.loads(run_process("--db", db, "conflicts", "--json").stdout) == []
