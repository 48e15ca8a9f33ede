"""A record's shown values through plantui.queries.labels.values_of."""

from __future__ import annotations

from plantui.queries.labels import values_of
from plantui.service import PlanService


def test_values_of_a_record_as_shown_now(plan_service: PlanService) -> None:
    s = plan_service
    action = s.create("action", {"title": "Book rooms", "status": "on_track", "progress": 20})
    s.update(action.record_id, {"progress": 60, "rag": "amber"})

    values = values_of(s.db, action.record_id)

    view = s.get(action.record_id).values
    assert {k: v for k, v in values.items() if k != "_deleted"} == {
        k: v for k, v in view.items() if v is not None
    }
    assert (values["status"], values["progress"], values["rag"]) == ("on_track", 60, "amber")
    assert values_of(s.db, "0" * 32) == {}
