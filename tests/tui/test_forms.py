"""Pilot tests of the dialogs every screen uses: the record form, confirm, and the picker.

Each drives the dialog with keys as a person would and then checks the database.
"""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input, OptionList, Select, Static

from plantui.service import PlanService
from plantui.tui.forms import ConfirmDialog, PickRecord, RecordForm
from plantui.tui.forms.record_form import RefChooser
from tests.tui.conftest import type_text
from tests.tui.helpers_t2 import Host, add_sibling

SIZE = (100, 40)


def _text(widget: Static) -> str:
    return str(widget.render())


def _org(service: PlanService, name: str = "Southwark Council") -> str:
    return service.create("organisation", {"name": name}).record_id


async def test_create_an_ask_through_the_form(plan_service: PlanService) -> None:
    """Typing a title and pressing ctrl+s writes one ask and returns its id."""
    app = Host(plan_service, RecordForm("ask"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#in-title", Input).focus()
        await type_text(pilot, "Close [/] gap")
        form.query_one("#in-ref_code", Input).value = "A9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
    (new_id,) = app.results
    view = plan_service.get(new_id)
    assert (view.type, view.values["title"], view.values["ref_code"]) == (
        "ask",
        "Close [/] gap",
        "A9",
    )
    assert [v.id for v in plan_service.list("ask")] == [new_id]


async def test_edit_a_pledge_writes_only_what_changed(plan_service: PlanService) -> None:
    """Changing the lifecycle and the due date of a pledge updates just those two fields."""
    council = _org(plan_service)
    pledge = plan_service.create(
        "pledge",
        {"title": "Four clinics", "made_by": council, "lifecycle": "agreed", "target": "4"},
    ).record_id
    before = plan_service.get(pledge).state.fields
    app = Host(plan_service, RecordForm("pledge", pledge))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert form.query_one("#in-made_by", RefChooser).value == council
        form.query_one("#in-lifecycle", Select).value = "in_delivery"
        due = form.query_one("#in-due", Input)
        due.focus()
        await type_text(pilot, "2025-09-30")
        await pilot.click("#save")
        await pilot.pause()
    assert app.results == [pledge]
    view = plan_service.get(pledge)
    assert view.values["lifecycle"] == "in_delivery"
    assert view.values["due"] == "2025-09-30"
    after = view.state.fields
    for name in ("title", "made_by", "target"):
        assert after[name] == before[name], f"{name} was rewritten"


@pytest.mark.slow
async def test_a_bad_date_is_refused_as_you_type_and_nothing_is_written(
    plan_service: PlanService,
) -> None:
    """An impossible date shows the plain reason under the field, disables Save, and ctrl+s
    writes nothing; correcting it clears the message."""
    council = _org(plan_service)
    pledge = plan_service.create("pledge", {"title": "Clinics", "made_by": council}).record_id
    before = plan_service.get(pledge).state
    app = Host(plan_service, RecordForm("pledge", pledge))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        form.query_one("#in-due", Input).focus()
        await type_text(pilot, "2025-02-30")
        await pilot.pause()
        error = form.query_one("#err-due", Static)
        assert error.display
        assert "not a real date" in _text(error)
        assert form.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert "Not saved" in _text(form.query_one("#form-error", Static))
        assert plan_service.get(pledge).state == before
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "28")
        await pilot.pause()
        assert not form.query_one("#err-due", Static).display
        assert not form.query_one("#save", Button).disabled
    assert plan_service.get(pledge).state == before


async def test_a_missing_required_field_is_named_and_nothing_is_created(
    plan_service: PlanService,
) -> None:
    """Saving a new pledge with no title and no organisation names the missing title and
    creates nothing; the form stays open."""
    app = Host(plan_service, RecordForm("pledge"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert "Title is required." in _text(form.query_one("#err-title", Static))
        assert "Made by is required." in _text(form.query_one("#err-made_by", Static))
        assert form.query_one("#field-title").has_class("-invalid")
    assert plan_service.list("pledge") == []
    assert app.results == []


async def test_a_refusal_from_the_service_is_shown_in_the_form(plan_service: PlanService) -> None:
    """A second plan is refused by the write path; the form shows that sentence, not a crash."""
    app = Host(plan_service, RecordForm("plan"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#in-title", Input).value = "Another plan"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        message = _text(app.screen.query_one("#form-error", Static))
        assert "already holds a plan" in message
    assert len(plan_service.list("plan")) == 1


async def test_escape_on_an_untouched_form_closes_it_at_once(plan_service: PlanService) -> None:
    """Nothing typed (or typed and rubbed out again): Escape closes with no question."""
    app = Host(plan_service, RecordForm("ask"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x", "backspace", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, (RecordForm, ConfirmDialog))
    assert app.results == [None]


@pytest.mark.slow
async def test_escape_after_typing_asks_before_discarding(plan_service: PlanService) -> None:
    """With a half-typed title, Escape asks "Discard changes?". Keep editing (or Escape)
    goes back to the form with the text still there; Discard closes it, writing nothing."""
    app = Host(plan_service, RecordForm("ask"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#in-title", Input).focus()
        await type_text(pilot, "Half typed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert _text(app.screen.query_one("#question", Static)) == "Discard changes?"
        await pilot.press("enter")  # "Keep editing" has the focus
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.query_one("#in-title", Input).value == "Half typed"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert not isinstance(app.screen, (RecordForm, ConfirmDialog))
    assert app.results == [None]
    assert plan_service.list("ask") == []


async def test_a_field_in_conflict_is_marked_with_both_values(plan_service: PlanService) -> None:
    """An ask whose title two laptops changed shows a conflict marker and both titles."""
    ask = plan_service.create("ask", {"title": "Ours"}).record_id
    add_sibling(plan_service, ask, "title", "[bold]Theirs")
    app = Host(plan_service, RecordForm("ask", ask))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        label = str(form.query_one("#field-title .field-label").render())
        assert "conflict" in label
        values = _text(form.query_one("#field-title .conflict-values", Static))
        assert "[bold]Theirs" in values and "Ours" in values
        assert "laptop 00000000" in values
        assert not form.query("#field-ref_code .conflict-values")


async def test_identity_fields_are_read_only_when_editing_a_link(
    plan_service: PlanService,
) -> None:
    """A link's role, from and to make its id, so its form shows them but cannot change them."""
    council = _org(plan_service)
    ask = plan_service.create("ask", {"title": "Clinics"}).record_id
    link = plan_service.create(
        "link", {"role": "directed_to", "from": ask, "to": council}
    ).record_id
    app = Host(plan_service, RecordForm("link", link))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert form.query_one("#in-role", Select).disabled
        assert not form.query("#choose-from")
        assert "Clinics" in _text(form.query_one("#in-from .ref-label", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [link]


async def test_a_note_about_a_preset_record(plan_service: PlanService) -> None:
    """A note opened from an ask keeps that ask fixed as its subject and saves with a date."""
    ask = plan_service.create("ask", {"title": "Clinics"}).record_id
    app = Host(plan_service, RecordForm("note", preset={"about": ask}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert not form.query("#choose-about")
        form.query_one("#in-date", Input).value = "2025-03-01"
        form.query_one("#in-headline", Input).value = "Venue found"
        form.query_one("#in-rag", Select).value = "green"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (note,) = app.results
    values = plan_service.get(note).values
    assert (values["about"], values["date"], values["headline"], values["rag"]) == (
        ask,
        "2025-03-01",
        "Venue found",
        "green",
    )


async def test_confirm_dialog_answers(plan_service: PlanService) -> None:
    """Delete returns True; Escape returns False; the question shows markup-like text as typed."""
    app = Host(plan_service, ConfirmDialog("Delete [bold]x?"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _text(app.screen.query_one("#question", Static)) == "Delete [bold]x?"
        await pilot.click("#confirm")
        await pilot.pause()
        app.push_screen(ConfirmDialog("Again?"), app.results.append)
        await pilot.pause()
        await pilot.press("enter")  # Cancel has the focus: a stray Enter deletes nothing
        await pilot.pause()
        app.push_screen(ConfirmDialog("Once more?"), app.results.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [True, False, False]


async def test_picker_filters_as_you_type_and_enter_picks(plan_service: PlanService) -> None:
    """Typing narrows the list (by name or ref code); Enter picks the first match;
    excluded and deleted records are never offered."""
    with plan_service.transaction() as writer:
        ids = {
            name: writer.create("organisation", {"name": name}).record_id
            for name in ("Age UK Lewisham", "Southwark Council", "Guy's and St Thomas'", "Gone")
        }
        ask = writer.create("ask", {"title": "Health checks", "ref_code": "A3"}).record_id
    plan_service.delete(ids["Gone"])
    picker = PickRecord(
        ("organisation", "ask"), "Choose", exclude=frozenset({ids["Guy's and St Thomas'"]})
    )
    app = Host(plan_service, picker)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        matches = app.screen.query_one("#choose-list", OptionList)
        assert matches.option_count == 3
        await type_text(pilot, "a3")
        await pilot.pause()
        assert [matches.get_option_at_index(i).id for i in range(matches.option_count)] == [ask]
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "sOUTH")
        await pilot.pause()
        assert matches.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [ids["Southwark Council"]]


@pytest.mark.slow
async def test_picker_shows_the_first_matches_of_many(plan_service: PlanService) -> None:
    """With thousands of records the list shows the first 100 and says how many match."""
    with plan_service.transaction() as writer:
        for i in range(1500):
            writer.create("action", {"title": f"Action {i:04d}"})
    app = Host(plan_service, PickRecord(("action",), "Choose an action"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        matches = app.screen.query_one("#choose-list", OptionList)
        assert matches.option_count == 100
        assert "First 100 of 1500" in _text(app.screen.query_one("#choose-count", Static))
        await type_text(pilot, "0042")
        await pilot.pause()
        assert matches.option_count == 1
        await pilot.press("down", "enter")
        await pilot.pause()
    (picked,) = app.results
    assert plan_service.get(picked).values["title"] == "Action 0042"


async def test_link_from_a_preset_record_picks_the_other_end(plan_service: PlanService) -> None:
    """Linking a pledge to the ask it answers: from and role are fixed by the screen; typing on
    Choose opens the picker filtered by it, offering asks only, and the link is written."""
    council = _org(plan_service)
    pledge = plan_service.create("pledge", {"title": "Clinics", "made_by": council}).record_id
    ask = plan_service.create("ask", {"title": "Health checks"}).record_id
    plan_service.create("ask", {"title": "Housing"})
    preset = {"role": "responds_to", "from": pledge}
    app = Host(plan_service, RecordForm("link", preset=preset))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        assert form.query_one("#in-role", Select).disabled
        assert not form.query("#choose-from")
        form.query_one("#choose-to", Button).focus()
        await type_text(pilot, "he")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickRecord)
        assert {o.note for o in picker.matches("")[0]} == {""}  # asks only: no type notes
        await type_text(pilot, "alth")
        await pilot.press("enter")
        await pilot.pause()
        assert form.query_one("#in-to", RefChooser).value == ask
        await pilot.press("ctrl+s")
        await pilot.pause()
    (link,) = app.results
    values = {k: v for k, v in plan_service.get(link).values.items() if v is not None}
    assert values == {"role": "responds_to", "from": pledge, "to": ask}


@pytest.mark.slow
async def test_the_form_opens_with_the_first_editable_field_focused(
    plan_service: PlanService,
) -> None:
    """A new action starts in its ref code; an edited dependency (from, to and kind are its
    identity, so fixed) in its lag. Typing goes straight into that field."""
    a, b = (plan_service.create("action", {"title": t}).record_id for t in "ab")
    dep = plan_service.create("dependency", {"from": a, "to": b}).record_id
    cases = ((RecordForm("action"), "in-ref_code"), (RecordForm("dependency", dep), "in-lag_days"))
    for form, first in cases:
        app = Host(plan_service, form)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.focused is not None and app.focused.id == first
            await pilot.press("9")
            assert form.query_one(f"#{first}", Input).value == "9"
