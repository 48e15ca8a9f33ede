"""Backups from the Sync screen: F6 lists them, Enter restores one after a question."""

from __future__ import annotations

import pytest

from plantui.storage.backups import keep_backup, list_backups
from plantui.tui.app import PlanApp
from plantui.tui.backups_dialog import BackupsDialog
from plantui.tui.screens.sync import SyncScreen
from tests.tui.conftest import wait_for


@pytest.fixture(autouse=True)
def _own_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


async def test_f6_on_sync_restores_a_backup_and_keeps_the_state_it_replaces(plan_service):
    ask = plan_service.create("ask", {"title": "As it was"}).record_id
    keep_backup(plan_service.db)
    plan_service.update(ask, {"title": "Changed later"})
    app = PlanApp(plan_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        assert isinstance(app.screen, SyncScreen)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, BackupsDialog)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#confirm")
        assert await wait_for(pilot, lambda: plan_service.get(ask).values["title"] == "As it was")
        assert not isinstance(app.screen, BackupsDialog)
    kept = list_backups(plan_service.db.path)
    assert len(kept) == 2 and kept[0].path.name.endswith("-before-restore.db")


async def test_the_palette_offers_backups_and_an_empty_list_says_so(plan_service):
    from textual.widgets import Static

    from plantui.tui.commands import PlanCommands

    app = PlanApp(plan_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        provider = PlanCommands(app.screen)
        callback = next(cb for text, cb, _ in provider._commands() if text == "Backups")
        callback()
        await pilot.pause()
        assert isinstance(app.screen, BackupsDialog)
        intro = str(app.screen.query_one("#backups-intro", Static).render())
        assert intro.startswith("No backups yet")
