"""Ask priority: new asks go to the bottom with a rank; moves work on unranked plans too."""

from __future__ import annotations

import pytest

from plantui.editor import Editor
from plantui.errors import PlanError


def order(service) -> list[str]:
    return [v.values["title"] for v in service.list("ask")]


def test_a_new_ask_goes_to_the_bottom_with_a_rank(plan_service) -> None:
    plan_service.create("ask", {"title": "first", "rank": "a5"})
    plan_service.create("ask", {"title": "second", "rank": "a1"})
    new = plan_service.create("ask", {"title": "new"}).record_id
    assert order(plan_service) == ["second", "first", "new"]
    assert plan_service.get(new).values["rank"] > "a5"


def test_a_new_ask_goes_below_a_rank_another_tool_wrote(plan_service) -> None:
    plan_service.create("ask", {"title": "odd", "rank": "zz top"})
    plan_service.create("ask", {"title": "new"})
    assert order(plan_service) == ["odd", "new"]


def unranked_plan(service) -> list[str]:
    ids = [service.create("ask", {"title": t}).record_id for t in ("one", "two", "three", "four")]
    for ask_id in ids:
        service.update(ask_id, {"rank": None})
    return ids


def test_moving_down_in_a_plan_without_ranks_moves_one_place(plan_service) -> None:
    ids = unranked_plan(plan_service)
    shown = order(plan_service)  # unranked asks are listed by id
    first = next(i for i in ids if plan_service.get(i).values["title"] == shown[0])
    plan_service.move_ask(first, 1)
    assert order(plan_service) == [shown[1], shown[0], shown[2], shown[3]]
    assert all(v.values["rank"] for v in plan_service.list("ask"))


def test_a_move_is_undone_in_one_step_and_the_ends_refuse(plan_service) -> None:
    unranked_plan(plan_service)
    shown = order(plan_service)
    editor = Editor(plan_service)
    last = plan_service.list("ask")[-1].id
    editor.move_ask(last, -1)
    assert order(plan_service) == [shown[0], shown[1], shown[3], shown[2]]
    editor.undo()
    assert order(plan_service) == shown
    assert not editor.can_undo
    with pytest.raises(PlanError, match="already at the bottom"):
        plan_service.move_ask(last, 1)
    with pytest.raises(PlanError, match="already at the top"):
        plan_service.move_ask(plan_service.list("ask")[0].id, -1)
