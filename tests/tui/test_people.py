"""The People screen: listed, added through the form, deleted and restored, in the database."""

from __future__ import annotations

import pytest

from plantui.tui.app import PlanApp
from plantui.tui.screens.people import PeopleScreen
from tests.tui.conftest import type_text, wait_for
from tests.tui.test_browse import rows


@pytest.fixture(autouse=True)
def _own_config_folder(tmp_path, monkeypatch):
    """ "Who is editing?" is remembered in the user's config folder: a fresh one per test."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def people_service(plan_service):
    plan_service.create("person", {"name": "Jess Brayne", "job_title": "Head of Membership"})
    plan_service.create("person", {"name": "Rebecca", "job_title": "Head of Policy"})
    return plan_service


async def test_key_9_opens_people_where_one_is_deleted_and_restored(people_service):
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert "Head of Membership" in " ".join(rows(screen))
        jess = next(p for p in people_service.list("person") if p.values["name"] == "Jess Brayne")
        screen.select_record(jess.id)
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#confirm")
        assert await wait_for(pilot, lambda: people_service.get(jess.id).deleted)
        await pilot.press("x")
        screen.select_record(jess.id)
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert not people_service.get(jess.id).deleted


async def test_who_is_editing_is_asked_remembered_and_carried_by_tui_writes(people_service):
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_who_is_editing()
        await pilot.pause()
        await type_text(pilot, "Amara Okafor")
        await pilot.press("enter")
        await pilot.pause()
        amara = next(p for p in people_service.list("person") if p.values["name"] == "Amara Okafor")
        await pilot.press("9")
        await pilot.pause()
        screen = app.screen
        rebecca = next(p for p in people_service.list("person") if p.values["name"] == "Rebecca")
        screen.select_record(rebecca.id)
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#confirm")
        assert await wait_for(pilot, lambda: people_service.get(rebecca.id).deleted)
    deleted = people_service.get(rebecca.id).state.fields["_deleted"][-1]
    assert deleted["by"] == amara.id
    # A new session on this laptop starts with the same person.
    people_service.by = None
    again = PlanApp(people_service, watch=False, preload=False)
    assert again.service.by == amara.id


async def test_h_opens_the_history_of_the_selected_record(people_service):
    from textual.widgets import DataTable

    from plantui.tui.dialogs.history import HistoryPane

    people = {p.values["name"]: p.id for p in people_service.list("person")}
    people_service.by = people["Rebecca"]
    people_service.update(people["Jess Brayne"], {"job_title": "Head of Engagement"})
    people_service.by = None
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        app.screen.select_record(people["Jess Brayne"])
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryPane)
        table = app.screen.query_one(DataTable)
        last = [str(c) for c in table.get_row_at(table.row_count - 1)]
        assert last[1:5] == ["job_title", "Head of Membership", "Head of Engagement", "Rebecca"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HistoryPane)


async def test_attendance_is_ticked_from_the_event_detail_in_one_undoable_step(people_service):
    from textual.widgets import SelectionList

    from plantui.domain import TYPES, deterministic_id

    event = people_service.create(
        "event", {"title": "Steering group", "starts_at": "2025-03-02T10:00+00:00"}
    ).record_id
    people = {p.values["name"]: p.id for p in people_service.list("person")}
    link = deterministic_id(
        TYPES["link"], {"role": "attended", "from": people["Rebecca"], "to": event}
    )
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        app.screen.select_record(event)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        ticks = app.screen.query_one(SelectionList)
        names = [str(ticks.get_option_at_index(i).prompt) for i in range(ticks.option_count)]
        ticks.select(ticks.get_option_at_index(names.index("Rebecca")))
        await pilot.press("escape")
        assert await wait_for(pilot, lambda: not people_service.get(link).deleted)
        await pilot.press("ctrl+z")
        assert await wait_for(pilot, lambda: people_service.get(link).deleted)


async def test_a_persons_detail_shows_what_they_attended_and_wrote(people_service):
    from textual.widgets import OptionList

    people = {p.values["name"]: p.id for p in people_service.list("person")}
    jess = people["Jess Brayne"]
    event = people_service.create(
        "event", {"title": "Steering group", "starts_at": "2025-03-02T10:00+00:00"}
    ).record_id
    people_service.create("link", {"role": "attended", "from": jess, "to": event})
    people_service.create(
        "note",
        {
            "about": event,
            "date": "2025-03-02",
            "headline": "Agreed the terms",
            "author_person": jess,
        },
    )
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        app.screen.select_record(jess)
        await pilot.pause()
        links = app.screen.query_one("#detail-links", OptionList)
        shown = [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
    assert shown.index("Attended") < shown.index("  event: Steering group")
    assert shown.index("Notes they wrote") < shown.index("  note: Agreed the terms")


def _header(app: PlanApp) -> str:
    """The header's title as drawn (Textual does not export HeaderTitle: found by its name)."""
    return str(app.screen.query_one("HeaderTitle").render())


async def test_on_a_shared_laptop_the_app_asks_who_is_editing_and_the_header_says(
    people_service,
):
    from plantui.tui.dialogs.who import WhoIsEditing

    people = {p.values["name"]: p.id for p in people_service.list("person")}
    for name in ("Jess Brayne", "Rebecca"):  # two people have edited on this laptop
        people_service.by = people[name]
        people_service.create("ask", {"title": f"Raised by {name}"})
    people_service.by = None
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WhoIsEditing)
        await type_text(pilot, "Rebec")
        await pilot.press("enter")
        await pilot.pause()
        assert "editing as Rebecca" in _header(app)
        await pilot.press("2")
        await pilot.pause()
        assert "editing as Rebecca" in _header(app)
    assert people_service.by == people["Rebecca"]
    # Remembered for this laptop user: the next start names Rebecca and does not ask.
    people_service.by = None
    again = PlanApp(people_service, watch=False, preload=False)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, WhoIsEditing)
        assert "editing as Rebecca" in _header(again)


async def test_a_laptop_with_one_editor_is_not_asked_and_names_nobody(people_service):
    from plantui.tui.dialogs.who import WhoIsEditing

    people_service.by = people_service.list("person")[0].id
    people_service.create("ask", {"title": "One editor"})
    people_service.by = None
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, WhoIsEditing)
        assert "editing as" not in _header(app)


@pytest.mark.slow
async def test_a_person_added_with_a_on_people_carries_the_editor_to_another_laptop(
    people_service, tmp_path
):
    from textual.widgets import Input

    from plantui.exchange import export_file, import_files
    from plantui.queries.changes import record_history
    from plantui.service import PlanService
    from plantui.storage.database import open_database
    from plantui.tui.forms import RecordForm

    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_who_is_editing()
        await pilot.pause()
        await type_text(pilot, "Jess")
        await pilot.press("enter")
        await pilot.press("9")
        await pilot.pause()
        await pilot.press("a")
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        app.screen.query_one("#in-name", Input).focus()
        await type_text(pilot, "Amara Okafor")
        app.screen.query_one("#in-job_title", Input).value = "Community lead"
        await pilot.press("ctrl+s")
        assert await wait_for(
            pilot, lambda: any(p.label == "Amara Okafor" for p in people_service.list("person"))
        )
    amara = next(p for p in people_service.list("person") if p.label == "Amara Okafor")
    here = {e.field: e.who for e in record_history(people_service.db, amara.id)}
    assert here["name"] == "Jess Brayne" and here["job_title"] == "Jess Brayne"
    file = tmp_path / "a.plantui.json"
    export_file(people_service, file)
    other = open_database(tmp_path / "other.db")
    import_files(PlanService(other), [file])
    there = record_history(other, amara.id)
    assert {(e.field, e.who, e.imported) for e in there} >= {
        ("name", "Jess Brayne", True),
        ("job_title", "Jess Brayne", True),
    }
    other.close()


async def test_clicking_the_header_title_changes_who_is_editing(people_service):
    from plantui.tui.dialogs.who import WhoIsEditing

    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("HeaderTitle")
        await pilot.pause()
        assert isinstance(app.screen, WhoIsEditing)
        await type_text(pilot, "Jess")
        await pilot.press("enter")
        await pilot.pause()
        assert "editing as Jess Brayne" in _header(app)


async def test_who_is_editing_offers_the_plans_people_to_pick(people_service):
    from textual.widgets import OptionList

    from plantui.tui.dialogs.who import WhoIsEditing

    rebecca = next(p.id for p in people_service.list("person") if p.label == "Rebecca")
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_who_is_editing()
        await pilot.pause()
        assert isinstance(app.screen, WhoIsEditing)
        picks = app.screen.query_one("#who-people", OptionList)
        assert [str(picks.get_option_at_index(i).prompt) for i in range(2)] == [
            "Jess Brayne",
            "Rebecca",
        ]
        picks.focus()
        picks.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, WhoIsEditing)
        assert app.service.by == rebecca


async def test_a_persons_detail_shows_what_their_organisation_leads(people_service):
    """Organisations lead (they host events, own actions); a person leads through the
    organisation they belong to, whether by their organisation field or a member_of link."""
    from textual.widgets import OptionList

    from plantui.queries.related import LEADS_ACTIONS, LEADS_EVENTS

    jess = next(p.id for p in people_service.list("person") if p.label == "Jess Brayne")
    org = people_service.create("organisation", {"name": "National Voices"}).record_id
    other = people_service.create("organisation", {"name": "Elsewhere"}).record_id
    people_service.create("link", {"role": "member_of", "from": jess, "to": org})
    session = people_service.create(
        "event", {"title": "Workshop one", "starts_at": "2025-03-02T14:15+00:00"}
    ).record_id
    people_service.create("link", {"role": "hosts", "from": session, "to": org})
    people_service.create("action", {"title": "Run the sessions", "community_owner": org})
    people_service.create("action", {"title": "Not theirs", "public_owner": other})
    app = PlanApp(people_service, watch=False, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        app.screen.select_record(jess)
        await pilot.pause()
        links = app.screen.query_one("#detail-links", OptionList)
        shown = [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
    assert shown.index(LEADS_EVENTS) < shown.index("  event: Workshop one")
    assert shown.index(LEADS_ACTIONS) < shown.index("  action: Run the sessions")
    assert "  action: Not theirs" not in shown


async def test_the_person_named_with_as_is_named_in_the_header_and_carried_by_edits(
    people_service,
):
    from plantui.queries.changes import record_history
    from plantui.tui.dialogs.who import WhoIsEditing

    people = {p.values["name"]: p.id for p in people_service.list("person")}
    for name in ("Jess Brayne", "Rebecca"):  # a shared laptop: without --as it would ask
        people_service.by = people[name]
        people_service.create("ask", {"title": f"Raised by {name}"})
    people_service.by = None
    app = PlanApp(people_service, watch=False, preload=False, editing_as=people["Rebecca"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, WhoIsEditing)
        assert "editing as Rebecca" in _header(app)
        made = app.editor.create("ask", {"title": "Typed at the meeting"}).record_id
    entries = record_history(people_service.db, made)
    assert entries and {e.by for e in entries} == {people["Rebecca"]}
