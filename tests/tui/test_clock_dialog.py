"""The TUI asks to confirm the date when the clock is far past the plan's newest change."""

from __future__ import annotations

from plantui.errors import PlanError
from plantui.service import PlanService
from plantui.storage.database import Database
from plantui.tui.app import PlanApp
from plantui.tui.dialogs.clock import ClockDialog
from tests.conftest import FakeClock

DAY_MS = 86_400_000


def _service(db: Database, clock: FakeClock) -> PlanService:
    service = PlanService(db, wall=clock)
    service.create("plan", {"title": "Plan"})
    clock.advance(400 * DAY_MS)
    return service


async def test_confirming_the_date_lets_edits_through(db: Database, clock: FakeClock) -> None:
    service = _service(db, clock)
    app = PlanApp(service, watch=False, preload=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ClockDialog)
        await pilot.click("#clock-right")
        await pilot.pause()
        assert app.screen is app.mode_screen("overview")  # asked over the first screen
    service.create("organisation", {"name": "After the date was confirmed"})


async def test_saying_the_date_is_wrong_keeps_edits_refused(db: Database, clock: FakeClock) -> None:
    service = _service(db, clock)
    app = PlanApp(service, watch=False, preload=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ClockDialog)
        await pilot.press("escape")
        await pilot.pause()
    try:
        service.create("organisation", {"name": "Refused"})
    except PlanError as exc:
        assert "more than 30 days after" in str(exc)
    else:
        raise AssertionError("a write under a clock far ahead was not refused")
