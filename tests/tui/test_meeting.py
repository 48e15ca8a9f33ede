"""Meeting mode on the example plan: check in, decide, add an action (with an owner and an
end date, through the action form), note on an item and change a RAG; then the minutes (a
real ``plantui minutes`` run) list exactly those."""

from __future__ import annotations

import json
import sqlite3

import pytest
from textual.widgets import Button, Input, OptionList, SelectionList

from plantui.cli.main import main
from plantui.queries.agenda import SECTIONS
from plantui.service import PlanService
from plantui.tui.app import PlanApp
from plantui.tui.forms import PickRecord, RecordForm
from plantui.tui.forms.record_form import RefChooser
from plantui.tui.screens.meeting import AskText, CheckIn, MeetingScreen
from tests.tui.conftest import TODAY, record_notifications, type_text


def _command(capsys, *args: str) -> str:
    """What ``plantui ARGS`` prints, run as a person would after the meeting (in process)."""
    capsys.readouterr()
    code = main(list(args))
    done = capsys.readouterr()
    assert code == 0, done.err
    return done.out


MEETING = "Commissioning task-and-finish"


async def _type(pilot, text: str) -> None:
    await pilot.pause()
    assert isinstance(pilot.app.screen, AskText)
    pilot.app.screen.query_one("Input").value = text
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.slow
async def test_run_a_meeting_then_write_its_minutes(demo_db, capsys):
    with demo_db.snapshot() as con:
        (event_id,) = con.execute(
            "SELECT id FROM event WHERE title LIKE ?", (MEETING + "%",)
        ).fetchone()
        (council,) = con.execute(
            "SELECT id FROM organisation WHERE name = 'Southwark Council'"
        ).fetchone()
    app = PlanApp(PlanService(demo_db, clock_ok=True), today=TODAY, watch=False, preload=False)
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MeetingScreen(event_id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckIn)
        choices = app.screen.query_one(SelectionList)
        await pilot.press("space", "down", "space", "down", "space")
        assert len(choices.selected) == 3
        await pilot.press("escape")
        await pilot.pause()
        for text in ("Grants proposal agreed", "Guide to be published by September"):
            await pilot.press("D")
            await _type(pilot, text)
        await pilot.press("D")
        await _type(pilot, "   ")  # a decision with no text is refused in one sentence
        assert said[-1] == "A decision needs some text."
        await pilot.press("A")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#in-title", Input).value = "Write to the budget panel"
        form.query_one("#in-end", Input).value = "2025-09-30"
        form.query_one("#choose-public_owner", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, PickRecord)
        await type_text(pilot, "Southwark Council")
        await pilot.press("enter")
        await pilot.pause()
        assert form.query_one("#in-public_owner", RefChooser).value == council
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        agenda = screen.query_one(OptionList)
        first_action = next(n for n, i in enumerate(screen.items) if i.type == "action")
        agenda.highlighted = first_action
        changed = screen.items[first_action]
        await pilot.pause()
        assert "Now: " in str(screen.query_one("#item").render())
        await pilot.press("R")
        await pilot.pause()
        await pilot.press("N")
        await _type(pilot, "Lawyers to reply by Friday")
    checked = [choices.get_option_at_index(i).prompt.plain for i in range(3)]
    out = _command(capsys, "--db", str(demo_db.path), "minutes", MEETING)
    attended = out.split("## Attended")[1].split("## Decisions")[0]
    assert [line[2:] for line in attended.split("\n") if line.startswith("- ")] == checked
    decisions = out.split("## Decisions")[1].split("## New and changed")[0]
    assert [line for line in decisions.split("\n") if line.strip()] == [
        "1. Grants proposal agreed",
        "2. Guide to be published by September",
    ]
    actions = out.split("## New and changed actions")[1].split("## Notes")[0]
    lines = [line for line in actions.split("\n") if line.strip()]
    assert len(lines) == 2
    assert (
        "- Write to the budget panel – new: status not\\_started, start 2025-07-17,"
        " end 2025-09-30, public\\_owner Southwark Council"
    ) in lines
    assert any(line.startswith(f"- {changed.label} – changed: rag ") for line in lines)
    notes = out.split("## Notes")[1].split("## ")[0]
    assert [line for line in notes.split("\n") if line.strip()] == [
        f"- Lawyers to reply by Friday (about {changed.label})"
    ]
    con = sqlite3.connect(demo_db.path)
    assert con.execute("SELECT status FROM event WHERE id = ?", (event_id,)).fetchone() == ("held",)
    con.close()


async def test_every_meeting_key_is_listed_in_help_at_80x24(demo_db):
    from plantui.tui.dialogs.help import HelpScreen

    with demo_db.snapshot() as con:
        (event_id,) = con.execute("SELECT id FROM event ORDER BY starts_at LIMIT 1").fetchone()
    app = PlanApp(PlanService(demo_db, clock_ok=True), today=TODAY, watch=False, preload=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MeetingScreen(event_id))
        await pilot.pause()
        assert app.screen.query_one("#timer").region.width == 80
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("Static").render())
    for binding in MeetingScreen.BINDINGS:
        assert binding.description in shown, binding.description


async def test_events_screen_opens_meeting_mode_with_m(demo_db):
    app = PlanApp(
        PlanService(demo_db, clock_ok=True),
        today=TODAY,
        watch=False,
        preload=False,
        screen="events",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.items is not None
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingScreen)


async def test_minutes_are_written_full_screen_and_saved_as_you_type(demo_db):
    with demo_db.snapshot() as con:
        (event_id,) = con.execute(
            "SELECT id FROM event WHERE title LIKE ?", (MEETING + "%",)
        ).fetchone()
    app = PlanApp(PlanService(demo_db, clock_ok=True), today=TODAY, watch=False, preload=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MeetingScreen(event_id))
        await pilot.pause()
        screen = app.screen
        await pilot.press("m")
        await pilot.pause()
        assert not screen.query_one(OptionList).display
        assert screen.query_one("#minutes").region.height > 18, "the minutes fill the screen"
        await type_text(pilot, "Chair: Ade")
        await pilot.press("enter")
        await type_text(pilot, "Apologies")
        await pilot.pause()
        with demo_db.snapshot() as con:
            saved = con.execute("SELECT minutes FROM event WHERE id = ?", (event_id,)).fetchone()
        assert saved == ("Chair: Ade\nApologies",)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one(OptionList).display and screen.focused is screen.query_one(
            OptionList
        )


async def test_the_chair_reorders_items_within_a_section_and_the_agenda_keeps_it(demo_db, capsys):
    with demo_db.snapshot() as con:
        (event_id,) = con.execute(
            "SELECT id FROM event WHERE title LIKE ?", (MEETING + "%",)
        ).fetchone()
    app = PlanApp(PlanService(demo_db, clock_ok=True), today=TODAY, watch=False, preload=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MeetingScreen(event_id))
        await pilot.pause()
        screen = app.screen
        overdue = [i.record for i in screen.items if i.section == "overdue"]
        assert len(overdue) >= 3
        await pilot.press("n", "n", "shift+up", "shift+up")  # the third item goes first
        await pilot.pause()
        assert [i.record for i in screen.items if i.section == "overdue"][:3] == [
            overdue[2],
            overdue[0],
            overdue[1],
        ]
        assert screen.query_one(OptionList).highlighted == 0
        await pilot.press("shift+up")  # already first: nothing moves, nothing is written
        await pilot.press("J")
        await pilot.pause()
    expected = [overdue[0], overdue[2], overdue[1], *overdue[3:]]
    out = _command(capsys, "--db", str(demo_db.path), "agenda", event_id, "--format", "json")
    items = json.loads(out)["items"]
    assert [i["record"] for i in items if i["section"] == "overdue"] == expected
    sections = [i["section"] for i in items]
    assert sections == sorted(sections, key=list(SECTIONS).index), "sections keep their order"
