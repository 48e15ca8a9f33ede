"""The record form refuses what the core refuses, beside the field, before anything is written:
an end before its start, a ref code already taken, a malformed e-mail; it reads event times as
people write them; a milestone's form says so; owners are chosen by typing."""

from __future__ import annotations

import pytest
from textual.events import Key
from textual.widgets import Button, Input, OptionList, Static

from plantui.service import PlanService
from plantui.tui.forms import ConfirmDialog, PickRecord, RecordForm
from plantui.tui.forms.record_form import RefChooser
from tests.tui.conftest import type_text, wait_for
from tests.tui.helpers_t2 import Host

SMALL = (80, 24)


def _text(widget: Static) -> str:
    return str(widget.render())


async def _type_into(pilot, form: RecordForm, name: str, text: str) -> None:
    box = form.query_one(f"#in-{name}", Input)
    box.focus()
    box.value = ""
    await type_text(pilot, text)
    await pilot.pause()


async def test_an_end_before_the_start_is_refused_beside_the_end(plan_service: PlanService):
    """An action starting 1 March given an end of 1 February: the end field says why, Save is
    off, ctrl+s writes nothing; moving the start earlier clears the message and saves."""
    action = plan_service.create("action", {"title": "Clinics", "start": "2025-03-01"}).record_id
    before = plan_service.get(action).state
    app = Host(plan_service, RecordForm("action", action))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        form = app.screen
        await _type_into(pilot, form, "end", "2025-02-01")
        error = form.query_one("#err-end", Static)
        assert error.display
        assert _text(error) == "End 2025-02-01 comes before the start, 2025-03-01."
        assert form.query_one("#field-end").has_class("-invalid")
        assert form.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert plan_service.get(action).state == before
        await _type_into(pilot, form, "start", "2025-01-15")
        assert not form.query_one("#err-end", Static).display
        await pilot.press("ctrl+s")
        await pilot.pause()
    values = plan_service.get(action).values
    assert (values["start"], values["end"]) == ("2025-01-15", "2025-02-01")


@pytest.mark.slow
async def test_event_times_typed_as_the_seeds_write_them(plan_service: PlanService) -> None:
    """A workshop at "2025-07-10 14:00" until "4.30pm" is stored with London's summer offset;
    reopened, it shows the local times; an end at "1pm" is refused beside the end."""
    app = Host(plan_service, RecordForm("event"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        form = app.screen
        await _type_into(pilot, form, "title", "Workshop")
        await _type_into(pilot, form, "starts_at", "2025-07-10 14:00")
        await _type_into(pilot, form, "ends_at", "1pm")
        assert _text(form.query_one("#err-ends_at", Static)) == (
            "End 2025-07-10 13:00 comes before the start, 2025-07-10 14:00."
        )
        await _type_into(pilot, form, "ends_at", "4.30pm")
        assert not form.query_one("#err-ends_at", Static).display
        await pilot.press("ctrl+s")
        await pilot.pause()
    (event,) = app.results
    values = plan_service.get(event).values
    assert (values["starts_at"], values["ends_at"]) == (
        "2025-07-10T14:00:00+01:00",
        "2025-07-10T16:30:00+01:00",
    )
    again = Host(plan_service, RecordForm("event", event))
    async with again.run_test(size=SMALL) as pilot:
        await pilot.pause()
        form = again.screen
        assert form.query_one("#in-starts_at", Input).value == "2025-07-10 14:00"
        assert form.query_one("#in-ends_at", Input).value == "2025-07-10 16:30"
        await _type_into(pilot, form, "starts_at", "2.15pm")  # on the event's own day
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert plan_service.get(event).values["starts_at"] == "2025-07-10T14:15:00+01:00"


async def test_a_time_alone_on_a_new_event_asks_for_the_date(plan_service: PlanService):
    app = Host(plan_service, RecordForm("event"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await _type_into(pilot, app.screen, "starts_at", "14:15")
        assert "needs a date too" in _text(app.screen.query_one("#err-starts_at", Static))


@pytest.mark.slow
async def test_a_ref_code_already_taken_is_refused_beside_it(plan_service: PlanService) -> None:
    """A second "M9" among live actions is named beside the field and not saved; the holder's
    own form keeps its code without complaint."""
    holder = plan_service.create("action", {"title": "Report to board", "ref_code": "M9"})
    app = Host(plan_service, RecordForm("action"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        form = app.screen
        await _type_into(pilot, form, "ref_code", "m9")
        await _type_into(pilot, form, "title", "Another")
        message = _text(form.query_one("#err-ref_code", Static))
        assert message == "Another action already has the ref code m9: Report to board."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
    assert [v.id for v in plan_service.list("action")] == [holder.record_id]
    own = Host(plan_service, RecordForm("action", holder.record_id))
    async with own.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await _type_into(pilot, own.screen, "title", "Report to the board")
        assert not own.screen.query_one("#err-ref_code", Static).display
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert plan_service.get(holder.record_id).values["title"] == "Report to the board"


async def test_a_malformed_email_is_refused_beside_it(plan_service: PlanService) -> None:
    app = Host(plan_service, RecordForm("organisation"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        form = app.screen
        await _type_into(pilot, form, "name", "Groundswell")
        await _type_into(pilot, form, "contact_email", "not-an-email")
        assert "is not an e-mail address" in _text(form.query_one("#err-contact_email", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert plan_service.list("organisation") == []
        await _type_into(pilot, form, "contact_email", "hello@groundswell.example.org")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (org,) = plan_service.list("organisation")
    assert org.values["contact_email"] == "hello@groundswell.example.org"


@pytest.mark.slow
async def test_the_milestone_key_opens_a_form_titled_new_milestone(make_app) -> None:
    app = make_app("timeline")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("m")
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        assert _text(app.screen.query_one("#form-title", Static)) == "New milestone"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        assert _text(app.screen.query_one("#form-title", Static)) == "New action"


@pytest.mark.slow
async def test_editing_a_milestone_says_so(plan_service: PlanService) -> None:
    values = {"title": "Board sign-off", "milestone": True, "start": "2025-03-01"}
    milestone = plan_service.create("action", values).record_id
    app = Host(plan_service, RecordForm("action", milestone))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        title = _text(app.screen.query_one("#form-title", Static))
    assert title == "Edit milestone: Board sign-off"


@pytest.mark.slow
async def test_an_owner_is_chosen_by_typing_part_of_its_name(make_app, demo_service) -> None:
    """On the example plan at 80x24: on the public owner's Choose, typing "south" opens the
    list with only Southwark records, in order; Enter sets the owner and the action is saved
    with it."""
    action = next(v for v in demo_service.list("action") if v.values.get("end"))
    app = make_app("timeline")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.push_screen(RecordForm("action", action.id))
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        form = app.screen
        form.query_one("#choose-public_owner", Button).focus()
        await type_text(pilot, "south")
        assert await wait_for(pilot, lambda: isinstance(app.screen, PickRecord))
        picker = app.screen
        await pilot.pause()
        listed = picker.query_one("#choose-list", OptionList)
        labels = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert labels and all("south" in label.lower() for label in labels)
        chosen = listed.get_option_at_index(0).id
        await pilot.press("enter")
        await pilot.pause()
        assert form.query_one("#in-public_owner", RefChooser).value == chosen
        await pilot.press("ctrl+s")
        assert await wait_for(pilot, lambda: not isinstance(app.screen, RecordForm))
    assert demo_service.get(action.id).values["public_owner"] == chosen


async def test_keys_typed_faster_than_the_picker_opens_all_reach_its_filter(
    plan_service: PlanService,
) -> None:
    """A fast typist (or a paste) on Choose: every key lands in one picker's filter, in order,
    instead of each opening a picker of its own."""
    council = plan_service.create("organisation", {"name": "Southwark Council"}).record_id
    plan_service.create("organisation", {"name": "Age UK Lewisham"})
    app = Host(plan_service, RecordForm("pledge"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        form = app.screen
        form.query_one("#choose-made_by", Button).focus()
        await pilot.pause()
        for character in "south":
            form.post_message(Key(character, character))
        await pilot.pause()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickRecord)
        assert picker.query_one("#choose-filter", Input).value == "south"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#in-made_by", RefChooser).value == council


@pytest.mark.slow
async def test_ctrl_q_on_a_form_with_typed_changes_asks_first(make_app, demo_service) -> None:
    """Ctrl+Q with a half-typed ask asks "Discard changes and quit?": Keep editing goes back
    to the form with the text, Quit ends the app and writes nothing."""
    before = len(demo_service.list("ask"))
    app = make_app("asks")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.push_screen(RecordForm("ask"))
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        form = app.screen
        form.query_one("#in-title", Input).focus()
        await type_text(pilot, "Half")
        await pilot.press("ctrl+q")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert _text(app.screen.query_one("#question", Static)) == "Discard changes and quit?"
        await pilot.press("enter")  # Keep editing
        assert await wait_for(pilot, lambda: app.screen is form)
        assert form.query_one("#in-title", Input).value == "Half"
        await pilot.press("ctrl+q")
        assert await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#confirm")
        assert await wait_for(pilot, lambda: not app.is_running)
    assert len(demo_service.list("ask")) == before


async def test_ctrl_q_on_an_untouched_form_quits_at_once(make_app) -> None:
    app = make_app("asks")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.push_screen(RecordForm("ask"))
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        await pilot.press("ctrl+q")
        assert await wait_for(pilot, lambda: not app.is_running)
