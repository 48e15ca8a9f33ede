"""Meeting mode: run an event in the room, walking its agenda item by item.

Every write (decisions, actions, notes, RAG, attendance, the minutes text) goes through the
app's editor, so each is committed at once, undoable, and travels like any other edit.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from plantui.errors import PlanError
from plantui.meetings.record import check_in, record_decision
from plantui.queries.agenda import SECTIONS, AgendaItem, moved
from plantui.queries.events import EventRow
from plantui.queries.labels import values_of
from plantui.queries.meetings import agenda_items, meeting_event
from plantui.queries.people import Attendee, attendance
from plantui.text import one_line, plain
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.widgets.footer import KeysFooter

RAG_CYCLE = {None: "green", "green": "amber", "amber": "red", "red": "green"}


class AskText(ModalScreen[str | None]):
    """One line of text, or None when escaped."""

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel", id="meeting.ask-cancel")]
    DEFAULT_CSS = "AskText { align: center middle; } AskText Vertical { width: 70; height: 5;"
    DEFAULT_CSS += " border: round $accent; background: $surface; }"

    def __init__(self, prompt: str) -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.prompt))
            yield Input(id="answer")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CheckIn(ModalScreen[list[str] | None]):
    """Tick the people and organisations in the room."""

    BINDINGS: ClassVar = [
        Binding("escape", "done", "Done (saves the ticks)", id="meeting.checkin-done")
    ]
    DEFAULT_CSS = "CheckIn { align: center middle; } CheckIn SelectionList { width: 70;"
    DEFAULT_CSS += " height: 18; border: round $accent; }"

    def __init__(self, choices: list[Attendee]) -> None:
        super().__init__()
        self.choices = choices

    def compose(self) -> ComposeResult:
        yield SelectionList[str](
            *(Selection(Text(one_line(a.name)), a.id, a.attended) for a in self.choices)
        )

    def action_done(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))


class MeetingScreen(PlanScreen):
    """The agenda on top, the running minutes below, a timer in the header line."""

    SUB_TITLE = "Meeting"
    BINDINGS: ClassVar = [
        Binding("D", "decision", "Decision", id="meeting.decision"),
        Binding("A", "add_action", "Action", id="meeting.action", tooltip="owners, dates"),
        Binding("N", "add_note", "Note", id="meeting.note"),
        Binding("R", "cycle_rag", "RAG", id="meeting.rag"),
        Binding("S", "cycle_status", "Status", id="meeting.status"),
        Binding("c", "check_in", "Check in", id="meeting.checkin"),
        Binding("m", "minutes", "Minutes", id="meeting.minutes"),
        Binding("shift+up,K", "move_item(-1)", "Move item up", id="meeting.move-up", show=False),
        Binding(
            "shift+down,J", "move_item(1)", "Move item down", id="meeting.move-down", show=False
        ),
        Binding("n", "next_item", "Next item", id="meeting.next", show=False),
        Binding("p", "previous_item", "Previous item", id="meeting.previous", show=False),
        Binding("plus", "progress(10)", "Progress +10", id="meeting.progress-up", show=False),
        Binding("minus", "progress(-10)", "Progress -10", id="meeting.progress-down", show=False),
        Binding("escape", "leave", "Agenda / leave", id="meeting.leave", show=False),
    ]
    DEFAULT_CSS = """
    MeetingScreen #timer { height: 1; background: $accent; color: $text; }
    MeetingScreen #item {
        height: 2; padding: 0 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    MeetingScreen OptionList { height: 2fr; }
    MeetingScreen TextArea { height: 1fr; }
    MeetingScreen.-writing #agenda, MeetingScreen.-writing #item { display: none; }
    """

    def __init__(self, event_id: str) -> None:
        super().__init__()
        self.event_id = event_id
        self.started = time.monotonic()
        self.items: list[AgendaItem] = []

    @property
    def event(self) -> EventRow:
        return meeting_event(self.app.plan_db, self.event_id)

    def compose(self) -> ComposeResult:
        yield Static(id="timer")
        yield OptionList(id="agenda")
        yield Static(id="item")
        minutes = TextArea(plain(self.event.minutes or ""), id="minutes", soft_wrap=True)
        minutes.border_title = "Minutes: m to write, escape to go back"
        yield minutes
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.tick()
        self.set_interval(1.0, self.tick)
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        self.items = list(agenda_items(self.app.plan_db, self.event_id))
        options = self.query_one(OptionList)
        keep = options.highlighted
        options.clear_options()
        options.add_options(
            Option(Text(f"{SECTIONS[i.section]}: {one_line(i.label)}"), id=f"{n}")
            for n, i in enumerate(self.items)
        )
        if self.items:
            options.highlighted = min(keep or 0, len(self.items) - 1)
        self.show_item()

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self.show_item()

    def show_item(self) -> None:
        """The highlighted item's detail; for an action, the status, RAG and progress now."""
        item = self.current
        line = "Nothing on the agenda: D, A and N still record for the meeting."
        if item is not None:
            line = f"{one_line(item.label)}" + (
                f" – {one_line(item.detail)}" if item.detail else ""
            )
            if item.type == "action":
                values = values_of(self.app.plan_db, item.record)
                status = (values.get("status") or "no status").replace("_", " ")
                rag = values.get("rag") or "no RAG"
                line += f"\nNow: {status} · {rag} · {values.get('progress') or 0}% done"
        self.query_one("#item", Static).update(Text(line, no_wrap=True, overflow="ellipsis"))

    def tick(self) -> None:
        event = self.event
        elapsed = int(time.monotonic() - self.started) // 60
        planned = event.planned_minutes
        length = f" of {planned // 60}:{planned % 60:02d}" if planned else ""
        line = f"{one_line(event.title)[:50]}  ·  {elapsed // 60}:{elapsed % 60:02d}{length}"
        self.query_one("#timer", Static).update(Text(line))

    @property
    def current(self) -> AgendaItem | None:
        index = self.query_one(OptionList).highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def _write(self, work: Any) -> None:
        try:
            work()
        except PlanError as exc:
            self.notify(str(exc), severity="error")
            return
        self.reload()

    def action_next_item(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_previous_item(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_move_item(self, step: int) -> None:
        """Move the highlighted item within its section; the order is saved on the event."""
        options = self.query_one(OptionList)
        index = options.highlighted
        order = None if index is None else moved(self.items, index, step)
        if index is None or order is None:
            self.notify("The item is already at that end of its section.", severity="warning")
            return
        self._write(lambda: self.app.editor.update(self.event_id, {"agenda_order": order}))
        options.highlighted = index + step

    def action_decision(self) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                self._write(
                    lambda: record_decision(
                        self.app.editor, self.event, text, self.event.day.isoformat()
                    )
                )

        self.app.push_screen(AskText("Decision (what was decided):"), done)

    def action_add_action(self) -> None:
        """The action form (owners, dates), tied to the ask or pledge of the current item."""
        from plantui.tui.forms import RecordForm

        preset: dict[str, Any] = {"status": "not_started", "start": self.event.day.isoformat()}
        item = self.current
        if item is not None and item.type in ("ask", "pledge"):
            preset[item.type] = item.record
        elif item is not None and item.type == "action":
            values = values_of(self.app.plan_db, item.record)
            preset.update({k: values[k] for k in ("ask", "pledge") if values.get(k)})
        self.app.push_screen(RecordForm("action", preset=preset), lambda _id: self.reload())

    def action_add_note(self) -> None:
        item = self.current
        about = item.record if item is not None and item.type != "note" else self.event_id

        def done(text: str | None) -> None:
            if text is None:
                return
            values = {
                "about": about,
                "date": self.event.day.isoformat(),
                "headline": text,
                "kind": "minute",  # a minute of this meeting: the minutes list it
            }
            if not text.strip():
                self.notify("A note needs some text.", severity="error")
                return
            self._write(lambda: self.app.editor.create("note", values))

        self.app.push_screen(AskText("Note:"), done)

    def _action_item(self) -> AgendaItem | None:
        item = self.current
        if item is None or item.type != "action":
            self.notify("Choose an action on the agenda first.", severity="warning")
            return None
        return item

    def action_cycle_rag(self) -> None:
        item = self._action_item()
        if item is not None:
            rag = values_of(self.app.plan_db, item.record).get("rag")
            self._write(lambda: self.app.editor.update(item.record, {"rag": RAG_CYCLE[rag]}))
            self.notify(f"RAG now {RAG_CYCLE[rag]}.")

    def action_cycle_status(self) -> None:
        item = self._action_item()
        if item is not None:
            order = ["not_started", "on_track", "at_risk", "off_track", "done"]
            now = values_of(self.app.plan_db, item.record).get("status")
            new = order[(order.index(now) + 1) % len(order)] if now in order else order[0]
            self._write(lambda: self.app.editor.update(item.record, {"status": new}))
            self.notify(f"Status now {new.replace('_', ' ')}.")

    def action_progress(self, step: int) -> None:
        item = self._action_item()
        if item is not None:
            now = values_of(self.app.plan_db, item.record).get("progress") or 0
            new = max(0, min(100, now + step))
            self._write(lambda: self.app.editor.update(item.record, {"progress": new}))

    def action_check_in(self) -> None:
        choices = attendance(self.app.plan_db, self.event_id)
        before = {a.id for a in choices if a.attended}

        def done(ticked: list[str] | None) -> None:
            if ticked is None:
                return
            for rid in sorted(set(ticked) - before):
                self._write(lambda rid=rid: check_in(self.app.editor, self.event, rid))
            for rid in sorted(before - set(ticked)):
                link = self._link_id(rid)
                self._write(lambda link=link: self.app.editor.delete(link))

        self.app.push_screen(CheckIn(choices), done)

    def _link_id(self, attendee: str) -> str:
        from plantui.domain import TYPES, deterministic_id

        values = {"role": "attended", "from": attendee, "to": self.event_id}
        return deterministic_id(TYPES["link"], values)

    def action_minutes(self) -> None:
        """The running minutes over the whole screen below the timer; escape brings the
        agenda back."""
        self.add_class("-writing")
        self.query_one(TextArea).focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text != (self.event.minutes or ""):
            self._write(lambda: self.app.editor.update(self.event_id, {"minutes": text or None}))

    def action_leave(self) -> None:
        if isinstance(self.focused, TextArea) or self.has_class("-writing"):
            self.remove_class("-writing")
            self.query_one(OptionList).focus()
        else:
            self.app.pop_screen()
