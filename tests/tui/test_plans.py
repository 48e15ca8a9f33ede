"""The plans of the library in the terminal app, driven with keys, checked in the files.

Welcome (start a plan and its first ask, open the example, import a file), Ctrl+O to
switch plans, roll-over and archive from the chooser, and the header naming the plan.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DirectoryTree, Header, Input, OptionList, Static

from plantui.cli.main import main
from plantui.library import Library, PlanEntry
from plantui.new_plan import check_start, create_in_library
from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.tui.app import PlanApp
from plantui.tui.dialogs.import_file import ImportDialog, removable_drives
from plantui.tui.dialogs.new_plan import NewPlanDialog
from plantui.tui.forms import RecordForm
from plantui.tui.screens.plans import PlansScreen, describe
from tests.tui.conftest import TODAY, record_notifications, run_from_palette, type_text, wait_for

SIZE = (120, 40)


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(sql).fetchall()


def plan_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.db"))


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "plans")


def start_plan(library: Library, title: str) -> Path:
    return create_in_library(library, check_start(title, start="2026-01-01"), PlanService)[1]


def app_on(library: Library, path: Path | None = None) -> PlanApp:
    db = open_database(path) if path is not None else None
    return PlanApp(db, today=TODAY, watch=False, preload=False, library=library)


def header_text(app: PlanApp) -> str:
    """What the header of the screen on top shows (a dialog's: the screen under it)."""
    screen = next(s for s in reversed(app.screen_stack) if s.query(Header))
    return str(screen.query_one("HeaderTitle").render())


async def add_ask_with_keys(pilot, app: PlanApp, title: str) -> None:
    """On Asks (2), a new ask (a) with ``title`` typed and saved (Ctrl+S)."""
    await pilot.press("2", "a")
    assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
    await pilot.press("tab")
    await type_text(pilot, title)
    await pilot.press("ctrl+s")
    assert await wait_for(pilot, lambda: not isinstance(app.screen, RecordForm))


@pytest.mark.slow
async def test_start_a_plan_from_an_empty_library_with_keys_only_then_its_first_ask(library):
    app = app_on(library)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PlansScreen)
        assert "Welcome" in str(app.screen.query_one("#plans-intro", Static).render())
        await pilot.press("enter")  # Start a new plan
        assert await wait_for(pilot, lambda: isinstance(app.screen, NewPlanDialog))
        for text in ("Lambeth [b]plan", "Lambeth", "2026-04-01", "", "Europe/London"):
            await type_text(pilot, text)
            await pilot.press("enter")
        # straight to the first ask: the Asks screen with a new ask's form open
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        assert app.current_mode == "asks"
        await type_text(pilot, "A1")
        await pilot.press("tab")
        await type_text(pilot, "Mental health support")
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: not isinstance(app.screen, RecordForm))
        assert "Lambeth [b]plan" in header_text(app)
    (path,) = plan_files(library.folder)
    assert rows(path, "SELECT title, area, period_start, period_end, timezone FROM plan") == [
        ("Lambeth [b]plan", "Lambeth", "2026-04-01", "2027-03-31", "Europe/London")
    ]
    assert rows(path, "SELECT ref_code, title FROM ask") == [("A1", "Mental health support")]


@pytest.mark.parametrize(
    "typed, words",
    [
        (["x" * 501], "at most 500"),
        (["Plan", "", "2026-05-01", "2026-04-30"], "before it starts"),
        (["Plan", "", "", "", "Mars/Olympus"], "time zone"),
    ],
)
async def test_bad_input_in_the_new_plan_dialog_is_one_sentence_and_writes_nothing(
    library, typed, words
):
    app = app_on(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert await wait_for(pilot, lambda: isinstance(app.screen, NewPlanDialog))
        dialog = app.screen
        for name, text in zip(("title", "area", "start", "end", "timezone"), typed, strict=False):
            dialog.query_one(f"#plan-{name}", Input).value = text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        shown = str(dialog.query_one("#new-plan-error", Static).render())
        assert words in shown and "\n" not in shown.strip()
    assert plan_files(library.folder) == []


@pytest.mark.slow
async def test_the_welcome_opens_the_example_plan(library):
    app = app_on(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")  # Open the example plan
        assert await wait_for(pilot, lambda: app.current_mode == "overview", 30)
        assert "Journey to better health outcomes" in header_text(app)
    (entry,) = library.entries()
    assert entry.title.startswith("Journey to better health outcomes")
    assert app.db is not None and app.db.path == entry.path
    assert rows(entry.path, "SELECT count(*) FROM ask")[0][0] == 8


@pytest.mark.slow
async def test_ctrl_o_switches_plans_and_edits_land_in_the_plan_chosen(library):
    first = start_plan(library, "Alpha plan")
    second = start_plan(library, "Beta plan")
    app = app_on(library, first)
    async with app.run_test(size=SIZE) as pilot:
        assert "Alpha plan" in header_text(app)
        await pilot.press("ctrl+o")
        assert await wait_for(pilot, lambda: isinstance(app.screen, PlansScreen))
        listed = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert "Alpha plan" in listed[0] and "Beta plan" in listed[1]
        assert "asks 0 green, 0 amber, 0 red" in listed[1]
        await pilot.press("down", "enter")
        assert await wait_for(pilot, lambda: app.current_mode == "overview")
        assert app.db is not None and app.db.path == second
        assert "Beta plan" in header_text(app)
        await add_ask_with_keys(pilot, app, "Only in Beta")
    assert rows(second, "SELECT title FROM ask") == [("Only in Beta",)]
    assert rows(first, "SELECT title FROM ask") == []


async def test_a_plan_opened_with_ctrl_o_asks_who_is_editing_and_drops_the_last_plans_person(
    library, monkeypatch
):
    from plantui.tui.dialogs.who import WhoIsEditing, remember

    monkeypatch.setenv("XDG_CONFIG_HOME", str(library.folder.parent / "config"))
    first, second = start_plan(library, "Alpha plan"), start_plan(library, "Beta plan")
    alpha = PlanService(open_database(first))
    alpha.by = alpha.create("person", {"name": "Jess Brayne"}).record_id
    remember(first, alpha.by)
    alpha.db.close()
    beta = PlanService(open_database(second))
    for name in ("Amara Okafor", "Rebecca"):  # two people have edited Beta on this laptop
        beta.by = beta.create("person", {"name": name}).record_id
        beta.create("ask", {"title": f"Raised by {name}"})
    beta.db.close()
    app = app_on(library, first)
    async with app.run_test(size=SIZE) as pilot:
        assert await wait_for(pilot, lambda: "editing as Jess Brayne" in header_text(app))
        await pilot.press("ctrl+o")
        assert await wait_for(pilot, lambda: isinstance(app.screen, PlansScreen))
        await pilot.press("down", "enter")
        assert await wait_for(pilot, lambda: isinstance(app.screen, WhoIsEditing))
        assert "Beta plan" in header_text(app) and "Jess" not in header_text(app)
        await type_text(pilot, "Rebec")
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: "editing as Rebecca" in header_text(app))
        await add_ask_with_keys(pilot, app, "Asked by Rebecca")
    rebecca = rows(second, "SELECT id FROM person WHERE name = 'Rebecca'")[0][0]
    (stamp,) = rows(
        second,
        "SELECT fields FROM record WHERE id ="
        " (SELECT id FROM ask WHERE title = 'Asked by Rebecca')",
    )[0]
    assert rebecca in stamp  # the new ask's stamps carry the person chosen


@pytest.mark.slow
async def test_escape_or_the_open_plan_goes_back_where_one_was_or_leaves_with_none_open(
    library,
):
    first = start_plan(library, "Alpha plan")
    app = app_on(library, first)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "ctrl+o")
        assert await wait_for(pilot, lambda: isinstance(app.screen, PlansScreen))
        await pilot.press("escape")
        assert await wait_for(pilot, lambda: app.current_mode == "pledges")
        pledges = app.screen
        await pilot.press("ctrl+o", "enter")  # the plan already open: the same screens
        assert await wait_for(pilot, lambda: app.current_mode == "pledges")
        assert app.screen is pledges
    app = app_on(Library(library.folder.parent / "empty"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@pytest.fixture
def example_in_library(library: Library, demo_template: Path) -> PlanEntry:
    """The example plan, built once per test process, as a plan of this library."""
    library.folder.mkdir(parents=True)
    shutil.copyfile(demo_template, library.folder / "example.db")
    (entry,) = library.entries()
    return entry


@pytest.mark.slow
async def test_roll_over_from_the_chooser_starts_next_years_plan(library, example_in_library):
    old = example_in_library
    before = rows(old.path, "SELECT id, vv, fields FROM record ORDER BY id")
    app = app_on(library)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PlansScreen)
        await pilot.press("r")
        assert await wait_for(pilot, lambda: isinstance(app.screen, NewPlanDialog))
        await type_text(pilot, "Southwark 2025-26")
        await pilot.press("enter", "enter")
        await type_text(pilot, "2025-12-01")
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: app.current_mode == "overview", 30)
        assert "Southwark 2025-26" in header_text(app)
    (new,) = [e for e in library.entries() if e.id != old.id]
    assert app.db is not None and app.db.path == new.path
    assert rows(new.path, "SELECT previous_plan, period_start FROM plan") == [
        (old.id, "2025-12-01")
    ]
    open_asks = rows(
        old.path,
        "SELECT id FROM ask WHERE NOT deleted"
        " AND coalesce(status, '') NOT IN ('achieved', 'declined', 'withdrawn')",
    )
    assert sorted(rows(new.path, "SELECT carried_from FROM ask")) == sorted(open_asks)
    assert rows(old.path, "SELECT id, vv, fields FROM record ORDER BY id") == before


async def test_archive_from_the_chooser_hides_the_plan_and_refuses_edits(
    library, example_in_library
):
    other = start_plan(library, "Zeta plan")
    app = app_on(library, other)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert await wait_for(pilot, lambda: isinstance(app.screen, PlansScreen))
        await pilot.press("a")  # the first plan: the example
        await pilot.pause()
        assert len(app.screen.query_one(OptionList).options) == 1
        assert rows(example_in_library.path, "SELECT value FROM meta WHERE key = 'archived'") == [
            ("1",)
        ]
        await pilot.press("x")  # show archived ones too, then unarchive it again
        await pilot.pause()
        assert "archived" in str(app.screen.query_one(OptionList).options[0].prompt)
        await pilot.press("a")
        await pilot.pause()
    assert len(library.entries()) == 2
    assert rows(example_in_library.path, "SELECT value FROM meta WHERE key = 'archived'") == []


async def test_import_from_the_welcome_joins_a_plan_from_a_file(library, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    other = tmp_path / "other-laptop"
    assert main(["--library", str(other), "new", "Shared plan"]) == 0
    assert main(["--library", str(other), "add", "ask", "title=From the other laptop"]) == 0
    assert main(["--library", str(other), "export", str(home / "shared.plantui.json")]) == 0
    app = app_on(library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "enter")  # Import a file
        assert await wait_for(pilot, lambda: isinstance(app.screen, ImportDialog))
        assert app.screen.query_one("#import-path", Input).value == f"{home}/"
        await type_text(pilot, "shared.plantui.json")
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: app.current_mode == "overview", 30)
        assert "Shared plan" in header_text(app)
    (entry,) = library.entries()
    assert entry.title == "Shared plan"
    assert rows(entry.path, "SELECT title FROM ask") == [("From the other laptop",)]


async def test_a_file_that_is_no_plan_is_refused_in_one_sentence(library, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "notes.txt").write_text("shopping list")
    app = app_on(library)
    async with app.run_test(size=SIZE) as pilot:
        seen = record_notifications(app)
        await pilot.press("i")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ImportDialog))
        await type_text(pilot, "notes.txt")
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: seen)
        assert isinstance(app.screen, PlansScreen)
        assert "not a plantui exchange file" in seen[-1]
        await pilot.press("i")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ImportDialog))
        await pilot.press("enter")  # the home folder itself
        assert await wait_for(pilot, lambda: len(seen) == 2)
    assert "is a folder" in seen[-1]
    assert plan_files(library.folder) == []


def test_removable_drives_are_found_under_media_and_run_media(tmp_path):
    (tmp_path / "media" / "alice" / "USB STICK").mkdir(parents=True)
    (tmp_path / "run" / "media" / "bob" / "KEY").mkdir(parents=True)
    (tmp_path / "run" / "media" / "bob" / ".hidden").mkdir()
    found = removable_drives([tmp_path / "media", tmp_path / "run" / "media", tmp_path / "none"])
    assert [p.name for p in found] == ["USB STICK", "KEY"]


def test_the_chooser_shows_a_title_as_plain_text():
    entry = PlanEntry(
        id="01a22f32-0000-7000-8000-000000000001",
        title="Close [/] gap",
        area="Southwark",
        period_start="2025-12-01",
        period_end="2026-11-30",
        status="draft",
        path=Path("/plans/a.db"),
        changed="2026-01-02T10:00:00Z",
        open_conflicts=2,
        archived=False,
        rag={"green": 2, "amber": 1, "red": 0},
    )
    shown = describe(entry).plain
    assert "Close [/] gap" in shown and "2 green, 1 amber, 0 red" in shown
    assert "changed 2026-01-02T10:00:00Z" in shown and "2 open conflict(s)" in shown


async def test_ctrl_o_on_a_single_file_says_why_there_is_no_chooser(tmp_path):
    app = PlanApp(open_database(tmp_path / "one.db"), today=TODAY, watch=False, preload=False)
    async with app.run_test(size=SIZE) as pilot:
        seen = record_notifications(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
    assert "--db" in seen[-1]


async def test_the_file_chooser_hides_hidden_files_and_a_drive_re_roots_it(tmp_path):
    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    (home / "plan.plantui.json").write_text("{}")
    stick = tmp_path / "media" / "alice" / "STICK"
    stick.mkdir(parents=True)
    (stick / "from-the-hall.plantui.json").write_text("{}")

    class Host(App[Path | None]):
        def on_mount(self) -> None:
            self.push_screen(ImportDialog(home, [tmp_path / "media"]), self.exit)

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        tree = app.screen.query_one(DirectoryTree)
        assert await wait_for(pilot, lambda: len(tree.root.children) == 1)
        assert [str(c.label) for c in tree.root.children] == ["plan.plantui.json"]
        app.screen.query_one("#import-places", OptionList).focus()
        await pilot.press("down", "enter")  # the stick
        assert await wait_for(pilot, lambda: tree.path == stick)
        assert app.screen.query_one("#import-path", Input).value == f"{stick}/"
        app.screen.query_one("#import-path", Input).focus()
        await type_text(pilot, "from-the-hall.plantui.json")
        await pilot.press("enter")
    assert app.return_value == stick / "from-the-hall.plantui.json"


@pytest.mark.slow
async def test_the_command_palette_opens_the_plans(library):
    first = start_plan(library, "Alpha plan")
    start_plan(library, "Beta plan")
    app = app_on(library, first)
    async with app.run_test(size=SIZE) as pilot:
        await run_from_palette(pilot, "Plans: switch")
        assert await wait_for(pilot, lambda: isinstance(app.screen, PlansScreen))
        assert len(app.screen.query_one(OptionList).options) == 2
        assert "Alpha plan" in header_text(app)


async def test_the_header_follows_an_edit_of_the_plans_title(library):
    first = start_plan(library, "Alpha plan")
    app = app_on(library, first)
    async with app.run_test(size=SIZE) as pilot:
        assert "Alpha plan" in header_text(app)
        assert app.db is not None and app.db.plan_id is not None
        app.editor.update(app.db.plan_id, {"title": "Alpha plan, agreed"})
        assert await wait_for(pilot, lambda: "Alpha plan, agreed" in header_text(app))
