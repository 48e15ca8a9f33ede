"""The plan library from the command line: plans, new, --plan, archive, import, sync, demo."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from plantui.cli.main import main
from tests.conftest import Result


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_files_from_template: None) -> Path:
    monkeypatch.delenv("PLANTUI_DB", raising=False)
    monkeypatch.delenv("PLANTUI_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # never the real one
    return tmp_path / "plans"


@pytest.fixture
def run(library: Path, capsys: pytest.CaptureFixture[str]):
    """``plantui --library <library> ARGS`` in-process; ``library=`` picks another laptop's."""

    def call(*args: str, lib: Path | None = None) -> Result:
        try:
            code = main(["--library", str(lib or library), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under the library with its bytes: 'nothing written' means this is equal.

    SQLite's shared-memory index and an empty WAL (left by a mere reader) hold no data.
    """
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith("-wal") and p.stat().st_size == 0)
    }


def records(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT id, vv, fields, deleted FROM record ORDER BY id").fetchall()


def test_new_prints_the_id_last_and_plans_lists_the_contract_fields(run, library):
    made = run("new", "Lambeth workshops", "--area", "Lambeth", "--start", "2026-01-01")
    assert made.code == 0, made.err
    plan_id = made.last_line
    listed = run("plans", "--json").json()
    assert [p["id"] for p in listed] == [plan_id]
    entry = listed[0]
    assert set(entry) >= {
        "id",
        "title",
        "area",
        "period_start",
        "period_end",
        "status",
        "path",
        "changed",
        "open_conflicts",
    }
    assert (entry["title"], entry["area"]) == ("Lambeth workshops", "Lambeth")
    assert (entry["period_start"], entry["period_end"]) == ("2026-01-01", "2026-12-31")
    assert entry["status"] == "draft" and entry["open_conflicts"] == 0
    assert Path(entry["path"]).parent == library and entry["changed"]
    assert plan_id in run("plans").out


def test_new_takes_an_end_and_a_time_zone(run):
    plan_id = run(
        "new",
        "Short",
        "--start",
        "2026-03-01",
        "--end",
        "2026-06-30",
        "--timezone",
        "Europe/London",
    ).last_line
    shown = run("show", plan_id, "--json").json()
    assert (shown["period_end"], shown["timezone"]) == ("2026-06-30", "Europe/London")


@pytest.mark.parametrize(
    "args, words",
    [
        (["x" * 501], "at most 500"),
        (["Plan", "--start", "2026-05-01", "--end", "2026-04-30"], "before it starts"),
        (["Plan", "--start", "1 May"], "not a date"),
        (["Plan", "--timezone", "Mars/Olympus"], "time zone"),
        (["   "], "needs a title"),
    ],
)
def test_new_refuses_bad_input_in_one_sentence_writing_nothing(run, library, args, words):
    run("new", "Kept plan")
    before = files_of(library)
    result = run("new", *args)
    assert result.code == 1
    assert words in result.err and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert files_of(library) == before


def test_a_title_of_500_characters_is_fine(run):
    assert run("new", "x" * 500).code == 0


@pytest.fixture
def three(run):
    """A library of three plans; returns their ids by title."""
    return {
        title: run("new", title, "--start", "2026-01-01").last_line
        for title in ("Southwark action plan", "Southwark workshops", "Lambeth plan")
    }


def test_plan_is_chosen_by_id_id_prefix_or_title_prefix(run, three):
    lambeth = three["Lambeth plan"]
    for text in (lambeth, lambeth[:-4], "lamb", "LAMBETH"):
        assert run("--plan", text, "show", lambeth).code == 0, text
    # after the command, too
    assert run("list", "plan", "--plan", "lambeth").out.startswith(lambeth)


def test_several_plans_and_none_named_refuses_listing_them(run, library, three):
    before = files_of(library)
    result = run("add", "ask", "title=Somewhere")
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
    assert all(title in result.err for title in three)
    assert "--plan" in result.err
    assert files_of(library) == before


@pytest.mark.parametrize("text, words", [("nowhere", "No plan"), ("southwark", "several")])
def test_unknown_or_ambiguous_plan_is_refused_writing_nothing(run, library, three, text, words):
    before = files_of(library)
    result = run("--plan", text, "add", "ask", "title=Somewhere")
    assert result.code == 1
    assert words in result.err and len(result.err.strip().splitlines()) == 1
    assert files_of(library) == before


def test_one_plan_is_the_default(run):
    plan_id = run("new", "Only plan").last_line
    ask = run("add", "ask", "title=Open late").last_line
    assert run("show", ask, "--json").json()["title"] == "Open late"
    assert run("list", "plan").out.startswith(plan_id)


def test_archived_plans_drop_out_and_refuse_edits_until_unarchived(run, library, three):
    lambeth = three["Lambeth plan"]
    assert run("plan", "archive", "lamb").code == 0
    assert lambeth not in [p["id"] for p in run("plans", "--json").json()]
    assert lambeth in [p["id"] for p in run("plans", "--all", "--json").json()]
    before = files_of(library)
    refused = run("--plan", "lamb", "add", "ask", "title=Not now")
    assert refused.code == 1 and "archived" in refused.err
    assert files_of(library) == before
    assert run("--plan", "lamb", "show", lambeth).code == 0  # still readable
    assert run("plan", "unarchive", "lamb").code == 0
    assert run("--plan", "lamb", "add", "ask", "title=Now").code == 0


def test_demo_adds_the_example_as_one_plan_among_others(run):
    run("new", "Our own plan")
    assert run("demo").code == 0
    titles = [p["title"] for p in run("plans", "--json").json()]
    assert len(titles) == 2 and "Our own plan" in titles
    assert run("demo", "--if-empty").code == 0
    assert len(run("plans", "--json").json()) == 2


def test_demo_if_empty_fills_an_empty_library_once(run):
    assert run("demo", "--if-empty").code == 0
    assert run("demo", "--if-empty").code == 0
    assert len(run("plans", "--json").json()) == 1


def test_import_of_a_new_plan_joins_it_and_of_a_held_plan_merges(run, tmp_path):
    other = tmp_path / "other-laptop"
    plan_id = run("new", "Shared plan", lib=other).last_line
    run("add", "ask", "title=First ask", lib=other)
    exported = tmp_path / "shared.plantui.json"
    assert run("export", str(exported), lib=other).code == 0

    run("new", "Local plan")
    joined = run("import", str(exported))
    assert joined.code == 0, joined.err
    assert {p["id"] for p in run("plans", "--json").json()} >= {plan_id}
    asks = run("--plan", "shared", "list", "ask").out
    assert "First ask" in asks

    run("add", "ask", "title=Second ask", lib=other)
    run("export", str(exported), lib=other)
    assert run("import", str(exported)).code == 0
    assert "Second ask" in run("--plan", "shared", "list", "ask").out
    assert len(run("plans", "--json").json()) == 2  # merged, not added again


def test_sync_of_the_whole_library_skips_files_of_plans_it_does_not_keep(run, tmp_path, three):
    stick = tmp_path / "stick"
    stick.mkdir()
    second = tmp_path / "second-laptop"
    for plan_id in three.values():  # the second laptop joins each plan, adds to it, syncs
        exported = tmp_path / f"{plan_id}.plantui.json"
        run("--plan", plan_id, "export", str(exported))
        assert run("import", str(exported), lib=second).code == 0
        assert (
            run("--plan", plan_id, "add", "ask", f"title=From afar {plan_id}", lib=second).code == 0
        )
    assert run("sync", str(stick), lib=second).code == 0
    stranger = tmp_path / "third-laptop"
    run("new", "Someone else's plan", lib=stranger)
    assert run("sync", str(stick), lib=stranger).code == 0
    assert len(list(stick.glob("*.plantui.json"))) == 4

    result = run("sync", str(stick))
    assert result.code == 0, result.err
    for plan_id in three.values():
        assert f"From afar {plan_id}" in run("--plan", plan_id, "list", "ask").out
    skipped = [line for line in result.out.splitlines() if "does not keep" in line]
    assert len(skipped) == 1
    assert len(list(stick.glob("*.plantui.json"))) == 7  # each of ours wrote its own


def test_db_keeps_working_for_one_file(tmp_path, run, library):
    one = tmp_path / "one.db"
    assert main(["--db", str(one), "demo", "--if-empty"]) == 0
    assert main(["--db", str(one), "demo", "--if-empty"]) == 0
    assert not library.exists()  # the library was never touched


@pytest.mark.slow
def test_legacy_plan_db_moves_into_the_library_once_keeping_its_replica(tmp_path, monkeypatch):
    from tests.conftest import run_process

    data = tmp_path / "data"
    env = {"XDG_DATA_HOME": str(data), "PLANTUI_DB": "", "PLANTUI_LIBRARY": ""}
    legacy = data / "plantui" / "plan.db"
    made = run_process("--db", str(legacy), "demo", env=env)
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(legacy) as con:
        replica = con.execute("SELECT value FROM meta WHERE key = 'replica_id'").fetchone()[0]
    before = records(legacy)

    listed = run_process("plans", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    moved = Path(entry["path"])
    assert moved.parent == data / "plantui" / "plans"
    assert not legacy.exists() and not Path(f"{legacy}-wal").exists()
    assert records(moved) == before

    edited = run_process("add", "ask", "title=After the move", env=env)
    assert edited.returncode == 0 and "copied or moved" not in edited.stderr, edited.stderr
    with sqlite3.connect(moved) as con:
        assert (
            con.execute("SELECT value FROM meta WHERE key = 'replica_id'").fetchone()[0] == replica
        )
    assert len(json.loads(run_process("plans", "--json", env=env).stdout)) == 1


def test_sync_of_the_library_still_refuses_a_broken_file(run, tmp_path):
    run("new", "Only plan")
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "torn.plantui.json").write_text('{"format": "plantui-exchange", ')
    result = run("sync", str(stick))
    assert result.code == 1
    assert "1 file(s)" in result.err


def test_plans_summarises_each_plans_asks_by_their_worst_action_rag(run):
    run("demo")
    (entry,) = run("plans", "--json").json()
    worst = query_worst_rag(Path(entry["path"]))
    assert entry["rag"] == {c: worst.count(c) for c in ("green", "amber", "red")}
    assert sum(entry["rag"].values()) > 0


def query_worst_rag(path: Path) -> list[str]:
    order = {"green": 0, "amber": 1, "red": 2}
    by_ask: dict[str, list[str]] = {}
    with sqlite3.connect(path) as con:
        for ask, rag in con.execute(
            "SELECT a.id, x.rag FROM ask a JOIN action x ON x.ask = a.id"
            " WHERE NOT a.deleted AND NOT x.deleted AND x.rag IS NOT NULL"
        ):
            by_ask.setdefault(ask, []).append(rag)
    return [max(rags, key=order.__getitem__) for rags in by_ask.values()]


def test_a_dry_run_import_of_a_new_plan_leaves_the_library_as_it_was(run, library, tmp_path):
    other = tmp_path / "other-laptop"
    run("new", "Shared plan", lib=other)
    exported = tmp_path / "shared.plantui.json"
    run("export", str(exported), lib=other)
    run("new", "Local plan")
    before = files_of(library)
    result = run("import", str(exported), "--dry-run")
    assert result.code == 0, result.err
    assert files_of(library) == before


def test_plan_and_db_together_are_refused(tmp_path, run):
    run("new", "Local plan")
    result = run("--db", str(tmp_path / "one.db"), "--plan", "local", "list", "ask")
    assert result.code == 1 and "either --db or --plan" in result.err


def test_an_edit_in_an_empty_library_says_how_to_start_a_plan(run):
    result = run("add", "ask", "title=Somewhere")
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1
    assert "plantui new TITLE" in result.err


def test_the_app_opens_the_only_plan_the_one_named_or_else_the_plans(run, library, tmp_path):
    from plantui.cli.main import Context, build_parser
    from plantui.cli.tui_command import plan_to_open

    def opened(*args: str) -> Path | None:
        ctx = Context(build_parser().parse_args(["--library", str(library), *args]))
        db = plan_to_open(ctx)
        if db is None:
            return None
        db.close()
        return db.path

    assert opened() is None  # an empty library: the welcome screen
    only = run("new", "Only plan").last_line
    (entry,) = run("plans", "--json").json()
    assert entry["id"] == only and opened() == Path(entry["path"])
    run("new", "Second plan")
    assert opened() is None  # several: the plan list
    second = next(p for p in run("plans", "--json").json() if p["title"] == "Second plan")
    assert opened("--plan", "second") == Path(second["path"])
    assert opened("--db", str(tmp_path / "one.db")) == tmp_path / "one.db"
