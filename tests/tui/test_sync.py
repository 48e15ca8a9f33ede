"""Pilot tests of the Sync screen: import with preview, refusal, export, folder sync."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList, Static

from plantui.exchange import export_file
from plantui.exchange.folder import own_file
from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.tui.screens.sync import SyncScreen
from tests.conftest import FakeClock
from tests.tui.helpers_t2 import Host

SIZE = (100, 40)


def _text(widget: Static) -> str:
    return str(widget.render())


def _laptop(tmp_path: Path, name: str, start_ms: int = 1_733_000_000_000) -> PlanService:
    folder = tmp_path / name
    folder.mkdir()
    return PlanService(open_database(folder / "plan.db"), wall=FakeClock(start_ms))


def _with_plan(service: PlanService) -> list[str]:
    service.create("plan", {"title": "Southwark plan"})
    return [service.create("ask", {"title": f"Ask {i}"}).record_id for i in range(3)]


async def _settle(app: Host, pilot) -> None:
    """Wait until the screen's worker has finished and its result is on screen.

    (Not ``workers.wait_for_complete()``: the DirectoryTree's loader never completes.)"""
    await pilot.pause()
    for _ in range(500):
        if not app.screen.busy:
            break
        await pilot.pause(0.01)
    await pilot.pause()
    assert not app.screen.busy


async def _run(app: Host, pilot, button: str) -> None:
    await pilot.click(f"#{button}")
    await _settle(app, pilot)


@pytest.mark.slow
async def test_import_shows_the_dry_run_then_applies(tmp_path: Path) -> None:
    """Preview says what would change and writes nothing; Apply writes it all; the database
    then holds the other laptop's plan and asks."""
    other = _laptop(tmp_path, "library")
    asks = _with_plan(other)
    file = tmp_path / "library.plantui.json"
    export_file(other, file)
    here = _laptop(tmp_path, "hall")
    app = Host(here, SyncScreen(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#sync-path", Input).value = str(file)
        assert screen.query_one("#apply", Button).disabled
        await _run(app, pilot, "preview")
        result = _text(screen.query_one("#sync-result", Static))
        assert "Records: 4 new" in result
        assert "nothing was written" in result
        assert here.db.plan_id is None
        assert not screen.query_one("#apply", Button).disabled
        await _run(app, pilot, "apply")
        result = _text(screen.query_one("#sync-result", Static))
        assert result.startswith("Imported library.plantui.json")
        assert screen.query_one("#apply", Button).disabled
    assert here.db.plan_id == other.db.plan_id
    assert sorted(v.id for v in here.list("ask")) == sorted(asks)
    other.db.close()
    here.db.close()


async def test_changing_the_path_after_a_preview_withdraws_apply(tmp_path: Path) -> None:
    """Apply only ever writes the file whose preview is on screen."""
    other = _laptop(tmp_path, "library")
    _with_plan(other)
    file = tmp_path / "library.plantui.json"
    export_file(other, file)
    here = _laptop(tmp_path, "hall")
    app = Host(here, SyncScreen(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path = app.screen.query_one("#sync-path", Input)
        path.value = str(file)
        await _run(app, pilot, "preview")
        assert not app.screen.query_one("#apply", Button).disabled
        path.focus()
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#apply", Button).disabled
        await pilot.press("f3")
        await _settle(app, pilot)
    assert here.db.plan_id is None
    other.db.close()
    here.db.close()


async def test_a_refused_file_says_why_and_writes_nothing(tmp_path: Path) -> None:
    """A file that is not an exchange file is refused with one sentence naming it."""
    bad = tmp_path / "notes.plantui.json"
    bad.write_text(json.dumps({"format": "something else"}))
    here = _laptop(tmp_path, "hall")
    app = Host(here, SyncScreen(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path = app.screen.query_one("#sync-path", Input)
        path.value = str(bad)
        path.focus()
        await pilot.press("enter")
        await _settle(app, pilot)
        result = app.screen.query_one("#sync-result", Static)
        assert _text(result).startswith("Refused:")
        assert "notes.plantui.json" in _text(result)
        assert result.has_class("-error")
        assert app.screen.query_one("#apply", Button).disabled
    assert here.db.plan_id is None
    here.db.close()


@pytest.mark.slow
async def test_export_into_a_folder_then_another_laptop_syncs_from_it(tmp_path: Path) -> None:
    """Export writes this copy into a USB folder under its own name; on another laptop, Sync
    folder imports it and writes that laptop's own file beside it."""
    library = _laptop(tmp_path, "library")
    asks = _with_plan(library)
    usb = tmp_path / "usb"
    usb.mkdir()
    app = Host(library, SyncScreen(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#sync-path", Input).value = str(usb)
        await _run(app, pilot, "export")
        assert "Wrote 4 records" in _text(app.screen.query_one("#sync-result", Static))
    assert own_file(library, usb).exists()

    hall = _laptop(tmp_path, "hall", 1_733_000_001_000)
    app = Host(hall, SyncScreen(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#sync-path", Input).value = str(usb)
        await _run(app, pilot, "sync-folder")
        assert "4 new" in _text(app.screen.query_one("#sync-result", Static))
    assert sorted(v.id for v in hall.list("ask")) == sorted(asks)
    assert own_file(hall, usb).exists()
    library.db.close()
    hall.db.close()


async def test_export_refuses_a_name_without_the_suffix(tmp_path: Path) -> None:
    """Exporting to plan.json is refused plainly and no file appears."""
    here = _laptop(tmp_path, "hall")
    _with_plan(here)
    app = Host(here, SyncScreen(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#sync-path", Input).value = str(tmp_path / "plan.json")
        await _run(app, pilot, "export")
        assert "ending in .plantui.json" in _text(app.screen.query_one("#sync-result", Static))
    assert not (tmp_path / "plan.json").exists()
    here.db.close()


async def test_browse_to_a_file_fills_the_path(tmp_path: Path) -> None:
    """The folder list shows folders and exchange files only; Enter on a folder opens it,
    Enter on a file puts its path in the box ready to preview."""
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "library.plantui.json").write_text("{}")
    (usb / "holiday.jpg").write_text("")
    here = _laptop(tmp_path, "hall")
    app = Host(here, SyncScreen(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        folders = app.screen.query_one("#sync-tree", OptionList)
        names = [str(folders.get_option_at_index(i).prompt) for i in range(folders.option_count)]
        assert names[1:] == ["⬑ ..", "▸ hall/", "▸ usb/"]
        folders.focus()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#sync-path", Input).value == str(usb)
        names = [str(folders.get_option_at_index(i).prompt) for i in range(folders.option_count)]
        assert names[1:] == ["⬑ ..", "  library.plantui.json"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#sync-path", Input).value == str(usb / "library.plantui.json")
    here.db.close()


async def test_number_keys_still_switch_screens_from_sync(tmp_path):
    """Arriving on Sync leaves the path box alone, so 1 goes back to the Overview."""
    from plantui.demo import load_demo
    from plantui.service import PlanService
    from plantui.storage.database import open_database
    from plantui.tui.app import PlanApp

    db = open_database(tmp_path / "plan.db")
    load_demo(PlanService(db))
    app = PlanApp(PlanService(db), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        assert app.current_mode == "sync"
        await pilot.press("ctrl+l")
        await pilot.press("escape")
        await pilot.press("1")
        await pilot.pause()
        assert app.current_mode == "overview"
    db.close()


async def _on_sync_with_demo(tmp_path):
    from plantui.demo import load_demo
    from plantui.tui.app import PlanApp

    db = open_database(tmp_path / "plan.db")
    load_demo(PlanService(db))
    return db, PlanApp(PlanService(db), watch=False)


@pytest.mark.slow
async def test_seven_after_esc_switches_screens_and_types_nothing(tmp_path):
    db, app = await _on_sync_with_demo(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", "ctrl+l", "u", "s", "b", "escape", "7")
        await pilot.pause()
        assert app.current_mode == "conflicts"
        app.switch_mode("sync")
        await pilot.pause()
        assert app.screen.query_one("#sync-path", Input).value == "usb"
    db.close()


@pytest.mark.slow
async def test_enter_or_coming_back_leaves_the_path_box(tmp_path):
    """After Enter (a preview) the keys switch screens; so they do after the palette or a
    visit to another screen, even though the box had focus when Sync was left."""
    db, app = await _on_sync_with_demo(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", "ctrl+l", "x", "enter")
        await _settle(app, pilot)
        await pilot.press("7")
        await pilot.pause()
        assert app.current_mode == "conflicts"
        await pilot.press("8", "ctrl+l", "y")
        app.switch_mode("overview")
        await pilot.pause()
        await pilot.press("8", "6")
        await pilot.pause()
        assert app.current_mode == "events"
        app.switch_mode("sync")
        await pilot.pause()
        # Focusing the box selected its text, so "y" replaced the "x"; the "6" typed nothing.
        assert app.screen.query_one("#sync-path", Input).value == "y"
    db.close()


async def test_copy_for_a_laptop_writes_a_whole_copy_with_its_own_replica_id(
    tmp_path: Path,
) -> None:
    """F7 copies the open plan into a folder (its latest edits included, the app still
    running): the copy holds every record, has a replica id of its own, and another file
    with the same name is refused rather than overwritten."""
    library = _laptop(tmp_path, "library")
    asks = _with_plan(library)
    usb = tmp_path / "usb"
    usb.mkdir()
    app = Host(library, SyncScreen(start=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#sync-path", Input).value = str(usb)
        app.screen.query_one("#sync-tree").focus()
        await pilot.press("f7")
        await _settle(app, pilot)
        assert "Copied the plan" in _text(app.screen.query_one("#sync-result", Static))
        (copy,) = usb.glob("*.db")
        await pilot.press("f7")
        await _settle(app, pilot)
        assert "already exists" in _text(app.screen.query_one("#sync-result", Static))
    other = PlanService(open_database(copy), wall=FakeClock(1_733_000_002_000))
    assert sorted(v.id for v in other.list("ask")) == sorted(asks)
    assert other.db.meta("replica_id") != library.db.meta("replica_id")
    other.db.close()
    library.db.close()
