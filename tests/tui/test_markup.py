"""User text is never markup and control characters never reach the terminal.

Every text field of every record type holds text that Textual markup would eat or choke on
(``Close [/] gap``, ``[draft]``, ``[bold]x``, a lone ``[``) plus an ESC sequence; every one of
the eight screens must open, show the text as typed, and show no ESC.
"""

from __future__ import annotations

import pytest

from plantui.domain import EMAIL_FIELDS, TYPES
from plantui.service import PlanService
from plantui.tui.app import SCREENS, PlanApp
from tests.tui.conftest import TODAY, add_conflict, screen_text, wait_for

TYPED = "Close [/] gap [draft] [bold]x [ \x1b[31mred\x1b[0m"
SHOWN = "Close [/] gap [draft] [bold]x [ red"


def nasty(label: str) -> str:
    return f"{label} {TYPED}"


def fill(service: PlanService) -> dict[str, str]:
    """One record of every type with every text field set; returns type -> id."""

    def texts(type_name: str, tag: str) -> dict[str, str]:
        return {
            name: nasty(tag)
            for name, spec in TYPES[type_name].fields.items()
            if spec.kind == "text" and name not in ("rank", "timezone", *EMAIL_FIELDS)
        }  # an e-mail or a time zone must look like one at this door; files bring the rest

    ids: dict[str, str] = {}
    ids["plan"] = service.create(
        "plan", {**texts("plan", "P"), "period_start": "2025-01-01", "period_end": "2025-12-31"}
    ).record_id
    ids["organisation"] = service.create("organisation", texts("organisation", "O")).record_id
    ids["event"] = service.create(
        "event", {**texts("event", "E"), "starts_at": "2025-03-01"}
    ).record_id
    ids["ask"] = service.create(
        "ask", {**texts("ask", "K"), "rank": "a0", "raised_at": ids["event"]}
    ).record_id
    ids["pledge"] = service.create(
        "pledge", {**texts("pledge", "G"), "made_by": ids["organisation"], "due": "2025-01-02"}
    ).record_id
    ids["action"] = service.create(
        "action",
        {
            **texts("action", "T"),
            "ask": ids["ask"],
            "pledge": ids["pledge"],
            "start": "2025-02-01",
            "end": "2025-07-01",
            "rag": "red",
            "progress": 30,
            "milestone": False,
        },
    ).record_id
    service.create("link", {"role": "responds_to", "from": ids["pledge"], "to": ids["ask"]})
    service.create("link", {"role": "raised_by", "from": ids["ask"], "to": ids["organisation"]})
    service.create("link", {"role": "hosts", "from": ids["event"], "to": ids["organisation"]})
    ids["note"] = service.create(
        "note", {**texts("note", "N"), "about": ids["ask"], "date": "2025-05-01"}
    ).record_id
    add_conflict(service, ids["ask"], "title", nasty("K2"))
    return ids


async def test_every_screen_shows_user_text_as_typed(plan_service_empty) -> None:
    """All eight screens, one after another in one app, as a person would visit them."""
    service = plan_service_empty
    fill(service)
    app = PlanApp(service, today=TODAY, watch=False)
    async with app.run_test(size=(200, 60)) as pilot:
        for n, screen in enumerate(SCREENS, start=1):
            await pilot.press(str(n))
            assert await wait_for(pilot, lambda screen=screen: app.current_mode == screen)
            await app.workers.wait_for_complete()
            await pilot.pause()
            text = screen_text(app)
            assert "\x1b" not in text, screen
            if screen in ("overview", "asks", "pledges", "organisations", "events"):
                assert SHOWN in text, f"{screen}: {text}"
        assert app.return_code is None  # nothing crashed the app


@pytest.mark.slow
async def test_detail_panes_and_forms_show_every_field_as_typed(plan_service_empty) -> None:
    service = plan_service_empty
    ids = fill(service)
    app = PlanApp(service, today=TODAY, watch=False)
    screens = [
        ("asks", "ask", "K"),
        ("pledges", "pledge", "G"),
        ("organisations", "organisation", "O"),
        ("events", "event", "E"),
    ]
    async with app.run_test(size=(200, 80)) as pilot:
        for screen, type_name, tag in screens:
            app.action_show(screen)
            assert await wait_for(pilot, lambda s=screen: app.current_mode == s)
            await pilot.pause()
            text = screen_text(app)
            assert "\x1b" not in text
            lines = [line for line in text.splitlines() if f"{tag} Close [/] gap" in line]
            fields = [n for n, s in TYPES[type_name].fields.items() if s.kind == "text"]
            assert len(lines) >= min(3, len(fields)), text
            await pilot.press("e")
            assert await wait_for(pilot, lambda: type(app.screen).__name__ == "RecordForm")
            form_text = screen_text(app)
            assert "\x1b" not in form_text
            assert f"{tag} {SHOWN}"[:30] in form_text
            before = service.get(ids[type_name]).values
            await pilot.press("escape")
            await pilot.pause()
            assert service.get(ids[type_name]).values == before


@pytest.fixture
def plan_service_empty(service: PlanService) -> PlanService:
    """An empty database (the plan itself is made by ``fill``)."""
    return service
