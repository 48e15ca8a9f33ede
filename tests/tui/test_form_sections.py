"""The record form builds its secondary fields ("More") only when that section is opened.

Each drives the form as a person would and checks the database afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from textual.widgets import Input, TextArea

from plantui.domain import DATE_ORDER, TYPES
from plantui.service import PlanService
from plantui.tui.forms import ConfirmDialog, RecordForm
from plantui.tui.forms.fields import HIDDEN
from plantui.tui.forms.sections import MORE, MoreFields
from tests.conftest import SRC
from tests.tui.conftest import type_text
from tests.tui.helpers_t2 import Host, add_sibling

SIZE = (100, 40)


async def _open_more(pilot, form: RecordForm) -> None:
    form.query_one(MoreFields).query_one("CollapsibleTitle").focus()
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.slow
async def test_folded_fields_are_built_only_when_more_is_opened(
    plan_service: PlanService,
) -> None:
    action = plan_service.create("action", {"title": "Hire a hall"}).record_id
    app = Host(plan_service, RecordForm("action", action))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert form.query_one("#in-title", Input).value == "Hire a hall"
        more = form.query_one(MoreFields)
        assert more.collapsed
        for name in MORE["action"]:
            assert not form.query(f"#in-{name}"), name
        assert not more.query(".field")
        await _open_more(pilot, form)
        assert not more.collapsed
        for name in MORE["action"]:
            assert form.query(f"#in-{name}"), name
        rows = list(more.query(".field"))
        await _open_more(pilot, form)  # folded again
        await _open_more(pilot, form)  # and opened: the same rows, not built twice
        assert list(more.query(".field")) == rows


@pytest.mark.slow
async def test_a_folded_field_is_edited_and_saved(plan_service: PlanService) -> None:
    action = plan_service.create("action", {"title": "Hire a hall", "ref_code": "M1"}).record_id
    app = Host(plan_service, RecordForm("action", action))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        await _open_more(pilot, form)
        form.query_one("#in-description", TextArea).focus()
        await type_text(pilot, "Seats 80")
        form.query_one("#in-baseline_end", Input).value = "2025-09-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
    values = plan_service.get(action).values
    assert values["description"] == "Seats 80"
    assert values["baseline_end"] == "2025-09-30"
    assert values["title"] == "Hire a hall" and values["ref_code"] == "M1"


async def test_saving_without_opening_more_keeps_the_folded_values(
    plan_service: PlanService,
) -> None:
    action = plan_service.create(
        "action", {"title": "Hire a hall", "description": "Seats 80", "date_confidence": "firm"}
    ).record_id
    app = Host(plan_service, RecordForm("action", action))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        form.query_one("#in-title", Input).value = "Hire the big hall"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
    values = plan_service.get(action).values
    assert values["title"] == "Hire the big hall"
    assert values["description"] == "Seats 80" and values["date_confidence"] == "firm"


async def test_a_new_record_keeps_a_folded_preset_and_shows_it(plan_service: PlanService) -> None:
    """A field the screen fills in (the ask an action is for) is shown at once, and saved."""
    ask = plan_service.create("ask", {"title": "Youth hub"}).record_id
    app = Host(plan_service, RecordForm("action", preset={"ask": ask}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert form.query("#in-ask")
        assert not form.query("#in-pledge")
        form.query_one("#in-title", Input).value = "Book a room"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = plan_service.list("action")
    assert saved.values["ask"] == ask and saved.values["title"] == "Book a room"


async def test_a_folded_field_in_conflict_is_shown_at_once(plan_service: PlanService) -> None:
    action = plan_service.create("action", {"title": "Hire a hall", "deliverable": "Ours"})
    add_sibling(plan_service, action.record_id, "deliverable", "Theirs")
    app = Host(plan_service, RecordForm("action", action.record_id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert form.query("#field-deliverable .conflict-values")
        assert not form.query_one(MoreFields).query("#field-deliverable")
        folded = len(MORE["action"]) - 1  # all but the one in conflict
        assert f"More fields ({folded})" in str(form.query_one(MoreFields).title)


@pytest.mark.slow
async def test_escape_asks_before_losing_text_typed_in_a_folded_field(
    plan_service: PlanService,
) -> None:
    action = plan_service.create("action", {"title": "Hire a hall"}).record_id
    app = Host(plan_service, RecordForm("action", action))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        await _open_more(pilot, form)
        await pilot.press("escape")  # More opened, nothing typed: closes at once
        await pilot.pause()
        assert app.results == [None]
    app = Host(plan_service, RecordForm("action", action))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        await _open_more(pilot, form)
        form.query_one("#in-deliverable", Input).focus()
        await type_text(pilot, "Hall")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
    assert plan_service.get(action).values["deliverable"] is None


def test_nothing_folded_is_required_and_no_date_pair_is_split() -> None:
    """So a folded field, never shown, is always valid as the form opened it."""
    for type_name, names in MORE.items():
        fields = TYPES[type_name].fields
        for name in names:
            assert name in fields, (type_name, name)
            assert not fields[name].required, (type_name, name)
        for start, end in DATE_ORDER.get(type_name, ()):
            assert (start in names) == (end in names), (type_name, start, end)


@pytest.mark.slow
def test_the_form_reads_without_importing_the_orm() -> None:
    """The form reads through plantui.queries: loading it leaves SQLAlchemy and the service
    (the write path) unimported, so the first form opened does not pay for them."""
    code = (
        "import sys, plantui.tui.forms.record_form\n"
        "print(sorted(m for m in ('sqlalchemy', 'plantui.service') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
async def test_every_types_form_opens_more_with_all_its_fields(plan_service: PlanService) -> None:
    """Each type's form shows its everyday fields, and after "More" every field it edits."""
    app = Host(plan_service)
    async with app.run_test(size=SIZE) as pilot:
        for type_name, folded in MORE.items():
            form = RecordForm(type_name)
            app.push_screen(form, app.results.append)
            await pilot.pause()
            assert app.screen is form
            assert not any(form.query(f"#in-{name}") for name in folded), type_name
            await _open_more(pilot, form)
            shown = [n for n in TYPES[type_name].fields if n not in HIDDEN]
            assert all(form.query(f"#in-{name}") for name in shown), type_name
            await pilot.press("escape")
            await pilot.pause()
            assert app.results == [None] and app.screen is not form, type_name
            app.results.clear()
