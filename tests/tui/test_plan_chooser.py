"""The plan chooser: each plan's facts shown as plain text; Enter opens the one chosen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from plantui.library import PlanEntry
from plantui.tui.plan_chooser import PlanChooser


def entry(title: str, path: str, red: int = 0) -> PlanEntry:
    return PlanEntry(
        id=f"01a22f32-0000-7000-8000-00000000000{len(title) % 10}",
        title=title,
        area="Southwark",
        period_start="2025-12-01",
        period_end="2026-11-30",
        status="draft",
        path=Path(path),
        changed="2026-01-02T10:00:00Z",
        open_conflicts=0,
        archived=False,
        rag={"green": 2, "amber": 1, "red": red},
    )


async def test_arrows_and_enter_choose_a_plan_whose_title_is_not_markup():
    plans = [entry("Close [/] gap", "/plans/a.db"), entry("Second [bold]plan", "/plans/b.db", 3)]
    app = PlanChooser(plans)
    async with app.run_test() as pilot:
        shown = app.query_one(OptionList)
        first = str(shown.get_option_at_index(0).prompt)
        assert "Close [/] gap" in first and "2 green, 1 amber, 0 red" in first
        await pilot.press("down", "enter")
    assert app.return_value == Path("/plans/b.db")


async def test_escape_leaves_without_a_plan():
    app = PlanChooser([entry("One", "/plans/a.db"), entry("Two", "/plans/b.db")])
    async with app.run_test() as pilot:
        await pilot.press("escape")
    assert app.return_value is None
