"""The one choose-one dialog: filters as you type, natural ref-code order, fits 80x24."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from plantui.service import PlanService
from plantui.tui.forms import PickRecord
from plantui.tui.widgets.choose import ChooseOne
from tests.tui.conftest import type_text
from tests.tui.helpers_t2 import Host

SMALL = (80, 24)


def _listed(app) -> list[str]:
    listed = app.screen.query_one("#choose-list", OptionList)
    return [str(listed.get_option_at_index(i).id) for i in range(listed.option_count)]


async def test_pledges_come_in_natural_ref_order_then_by_title(plan_service: PlanService) -> None:
    """P2 before P10 (not "P10" before "P2" as text sorts), records without a code last."""
    council = plan_service.create("organisation", {"name": "Council"}).record_id
    ids = {}
    with plan_service.transaction() as writer:
        for code, title in (("P10", "Ten"), ("P2", "Two"), ("p1", "One"), (None, "Bravo")):
            values = {"title": title, "made_by": council, "ref_code": code}
            ids[title] = writer.create("pledge", values).record_id
        ids["Alpha"] = writer.create("pledge", {"title": "Alpha", "made_by": council}).record_id
    app = Host(plan_service, PickRecord(("pledge",), "Choose a pledge"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert _listed(app) == [ids[t] for t in ("One", "Two", "Ten", "Alpha", "Bravo")]


async def test_typing_filters_the_owners_and_enter_picks(plan_service: PlanService) -> None:
    """Type "south" and only the Southwark organisations are left; Down and Enter pick the
    second of them while the focus stays in the filter box."""
    with plan_service.transaction() as writer:
        names = ["Southwark Council", "Age UK Lewisham", "South London Listens", "Groundswell"]
        ids = {n: writer.create("organisation", {"name": n}).record_id for n in names}
    app = Host(plan_service, PickRecord(("organisation",), "Choose the public owner"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert len(_listed(app)) == 4
        await type_text(pilot, "south")
        await pilot.pause()
        assert _listed(app) == [ids["South London Listens"], ids["Southwark Council"]]
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == [ids["Southwark Council"]]


@pytest.mark.parametrize("title", ["Choose one", "2.3 Bid-writing support sessions " * 5])
async def test_a_long_list_fits_80x24_and_the_highlight_stays_inside_the_border(
    plan_service: PlanService, title: str
) -> None:
    """Forty offers in a 24-row terminal, under a short or a long title: the dialog stays on
    screen, and after every press of Down the highlighted row is drawn inside the list,
    never on or under the border."""
    offers = [(f"k{i}", f"Option {i}") for i in range(40)]
    app = Host(plan_service, ChooseOne(title, offers))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#choose-box")
        assert box.region.y >= 0 and box.region.bottom <= SMALL[1]
        shown_title = app.screen.query_one("#choose-title").region
        assert shown_title.height == (1 if len(title) < 76 else 3)  # the whole title shows
        listed = app.screen.query_one("#choose-list", OptionList)
        inner = listed.content_region
        assert inner.bottom < box.region.bottom  # the bottom border is below the list
        for presses in range(1, 40):
            await pilot.press("down")  # the press waits until the app has handled it
            assert listed.highlighted == presses
            row = inner.y + presses - int(listed.scroll_y)
            assert inner.y <= row < inner.bottom, presses
        assert isinstance(app.focused, Input)
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == ["k39"]


async def test_a_few_fixed_offers_filter_too_and_escape_chooses_nothing(
    plan_service: PlanService,
) -> None:
    kinds = [("FS", "starts after it finishes"), ("SS", "starts after it starts")]
    app = Host(plan_service, ChooseOne("Which kind?", kinds))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await type_text(pilot, "after it st")
        await pilot.pause()
        assert _listed(app) == ["SS"]
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
