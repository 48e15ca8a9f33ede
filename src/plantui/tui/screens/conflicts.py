"""Conflicts: every open conflict with its values side by side, who wrote each and when.

Two laptops that changed the same field without seeing each other keep both values
(docs/exchange-format.md); a person settles it here by keeping one, typing a new one, or, for a
record deleted on one laptop while edited on another, restoring it or confirming the deletion.
Every choice is an ordinary edit through ``app.editor``, so it travels and can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, DataTable, Header, Input, Static

from plantui.domain import DELETED, TYPES, InvalidValue, parse_text_value
from plantui.errors import PlanError
from plantui.event_time import read_times
from plantui.queries import forms, lists
from plantui.queries.conflicts import ConflictView, Written, open_conflicts
from plantui.text import one_line
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.widgets.footer import KeysFooter
from plantui.tui.widgets.row_table import RowTable


@dataclass(frozen=True, slots=True)
class Item:
    """One row of the list: a conflict and the key that keeps the cursor on it."""

    conflict: ConflictView

    @property
    def key(self) -> str:
        return self.conflict.key


def _who_when(written: Written) -> str:
    return f"{written.who}, {written.when}"


def _field_name(name: str | None) -> str:
    if name is None:
        return "deleted / edited"
    if name == DELETED:
        return "deleted?"
    return name.replace("_", " ")


class ConflictsScreen(PlanScreen):
    """The list of open conflicts above, the chosen one's values side by side below."""

    SUB_TITLE = "Conflicts"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "new_value", "Type new value", id="conflicts.new-value"),
        Binding("e", "edit_record", "Edit record", id="conflicts.edit"),
        Binding("r", "restore", "Restore", id="conflicts.restore"),
        Binding("k", "confirm_delete", "Keep deleted", id="conflicts.confirm-delete"),
        Binding("o", "open_record", "Open record", id="conflicts.open"),
        Binding("h", "history", "History", show=False, id="conflicts.history"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Item] = []
        self.current: Item | None = None
        self._shown: Item | None = None
        """What the detail pane shows, so an unchanged conflict is not redrawn (and typing kept)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="conflicts-summary")
        yield RowTable(id="conflict-list", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="conflict-detail"):
            yield Static("", id="detail-heading")
            yield Horizontal(id="siblings")
            with Horizontal(id="new-value-row"):
                yield Input(placeholder="Or type a new value here", id="new-value")
                yield Button("Save new value", id="save-new-value")
                yield Button("Edit in form", id="edit-in-form")
            with Horizontal(id="delete-row"):
                yield Button("Restore the record", id="restore", variant="success")
                yield Button("Keep it deleted", id="confirm-delete", variant="error")
            yield Static("", id="conflict-message")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#conflict-list", DataTable)
        table.add_column("Record", width=34)
        table.add_columns("Type", "Field", "Values")
        self.reload()
        table.focus()

    # Loading

    def reload(self) -> None:
        """Read the open conflicts again, keeping the cursor on the same one if it is still open."""
        conflicts = open_conflicts(self.app.plan_db)
        table = self.query_one("#conflict-list", DataTable)
        old_key = self.current.key if self.current else None
        old_row = table.cursor_row if table.row_count else 0
        self.items = [Item(c) for c in conflicts]
        table.clear()
        for item in self.items:
            c = item.conflict
            count = len(c.values) if c.kind == "field" else len(c.values) - 1
            values = f"{count} values" if c.kind == "field" else f"deleted + {count} edit"
            table.add_row(
                Text(c.label, no_wrap=True, overflow="ellipsis"),
                Text(c.type),
                Text(_field_name(c.field)),
                Text(values),
                key=item.key,
            )
        n = len(self.items)
        summary = (
            "No open conflicts: every copy that has met this one agrees with it."
            if n == 0
            else f"{n} open conflict{'s' if n != 1 else ''}. Choose one, then keep a value, "
            "type a new one, or restore or confirm a deletion."
        )
        self.query_one("#conflicts-summary", Static).update(Content(summary))
        if not self.items:
            self._show(None)
            self.refresh_bindings()
            return
        keys = [i.key for i in self.items]
        row = keys.index(old_key) if old_key in keys else min(old_row, n - 1)
        table.move_cursor(row=row)
        self._show(self.items[row])

    @on(DataTable.RowHighlighted, "#conflict-list")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.items):
            self._show(self.items[event.cursor_row])

    # The detail pane

    def _show(self, item: Item | None) -> None:
        self.current = item
        if item is not None and item == self._shown:
            return
        self._shown = item
        self.refresh_bindings()
        heading = self.query_one("#detail-heading", Static)
        siblings = self.query_one("#siblings", Horizontal)
        siblings.remove_children()
        self._message("")
        new_row = self.query_one("#new-value-row")
        delete_row = self.query_one("#delete-row")
        if item is None:
            heading.update(Content(""))
            new_row.display = delete_row.display = False
            return
        c = item.conflict
        label = c.label
        if c.kind == "field":
            assert c.field is not None
            heading.update(
                Content.assemble(
                    (f"{c.type} ", "bold"),
                    (f"“{label}”", "bold"),
                    f": {_field_name(c.field)} has {len(c.values)} values written without "
                    "seeing each other. Keep one:",
                )
            )
            cards = [
                self._card(i, w.value, _who_when(w), "shown now" if i == 0 else "", "Keep this")
                for i, w in enumerate(c.values)
            ]
            siblings.mount_all(cards)
            new_row.display = c.field != DELETED
            self.query_one("#new-value", Input).value = ""
            delete_row.display = False
        else:
            deleting, *edits = c.values
            heading.update(
                Content.assemble(
                    (f"{c.type} ", "bold"),
                    (f"“{label}”", "bold"),
                    " was deleted on one copy while it was edited on another.",
                )
            )
            cards = [self._card(0, deleting.value, _who_when(deleting), "", None, "deleted")]
            for i, edit in enumerate(edits, start=1):
                cards.append(
                    self._card(
                        i,
                        f"{_field_name(edit.field)}: {edit.value}",
                        _who_when(edit),
                        "edit the deletion did not see",
                        None,
                    )
                )
            siblings.mount_all(cards)
            new_row.display = False
            delete_row.display = True

    def _card(
        self, index: int, value: str, who: str, note: str, button: str | None, kind: str = ""
    ) -> Vertical:
        parts: list[Any] = [
            Static(Content(value), classes="value"),
            Static(Content(who), classes="who"),
        ]
        if note:
            parts.append(Static(Content(note), classes="note"))
        if button:
            parts.append(Button(button, id=f"keep-{index}", classes="keep"))
        card = Vertical(*parts, classes=f"sibling {kind}".strip())
        return card

    def _message(self, text: str, error: bool = False) -> None:
        box = self.query_one("#conflict-message", Static)
        box.update(Content(text))
        box.set_class(error, "-error")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys that fit the chosen conflict, so the footer tells the truth."""
        kind = self.current.conflict.kind if self.current else None
        if action in ("restore", "confirm_delete"):
            return kind == "delete_edit"
        if action == "new_value":
            current = self.current
            return current is not None and kind == "field" and current.conflict.field != DELETED
        if action in ("edit_record", "open_record"):
            return kind is not None
        return True

    # Actions

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        event.stop()
        if button.startswith("keep-"):
            self._keep(int(button[5:]))
        elif button == "save-new-value":
            self._save_new_value()
        elif button == "edit-in-form":
            self.action_edit_record()
        elif button == "restore":
            self.action_restore()
        elif button == "confirm-delete":
            self.action_confirm_delete()

    @on(Input.Submitted, "#new-value")
    def _new_value_submitted(self) -> None:
        self._save_new_value()

    def _edit(self, do: Any, done: str) -> None:
        try:
            do()
        except (PlanError, InvalidValue) as exc:
            self._message(f"Not done: {one_line(str(exc))}", error=True)
            return
        self._shown = None
        self.reload()
        self.notify(done, markup=False)

    def _keep(self, index: int) -> None:
        item = self.current
        if item is None or item.conflict.kind != "field" or item.conflict.field is None:
            return
        chosen = item.conflict.values[index]
        editor = self.app.editor
        c, name = item.conflict, item.conflict.field
        self._edit(
            lambda: editor.resolve(c.record, name, chosen.at),
            f"Kept {chosen.value} for {_field_name(c.field)}.",
        )

    def _save_new_value(self) -> None:
        item = self.current
        if item is None or item.conflict.kind != "field" or item.conflict.field in (None, DELETED):
            return
        c = item.conflict
        spec = TYPES[c.type].fields.get(c.field or "") if c.type in TYPES else None
        text = self.query_one("#new-value", Input).value
        if spec is None:
            self._message("This field cannot be edited by this plantui.", error=True)
            return
        try:
            if spec.kind == "when":  # as people write them, in the plan's zone
                plan = self.app.plan_db
                current = lists.record(plan, c.record).values
                typed = read_times(TYPES[c.type], {spec.name: text}, current, forms.zone_of(plan))
                value = typed[spec.name]
            else:
                value = parse_text_value(spec, text)
        except InvalidValue as exc:
            self._message(f"Not saved: {one_line(str(exc))}.", error=True)
            return
        if value is None and spec.required:
            self._message(f"Not saved: {_field_name(c.field)} cannot be empty.", error=True)
            return
        editor = self.app.editor
        name = spec.name
        self._edit(
            lambda: editor.update(c.record, {name: value}),
            f"Saved a new value for {_field_name(c.field)}.",
        )

    def action_new_value(self) -> None:
        row = self.query_one("#new-value-row")
        if row.display:
            self.query_one("#new-value", Input).focus()

    def action_restore(self) -> None:
        item = self.current
        if item is None or item.conflict.kind != "delete_edit":
            return
        editor = self.app.editor
        record = item.conflict.record
        self._edit(lambda: editor.restore(record), "Restored the record.")

    def action_confirm_delete(self) -> None:
        item = self.current
        if item is None or item.conflict.kind != "delete_edit":
            return
        editor = self.app.editor
        record = item.conflict.record
        self._edit(lambda: editor.delete(record), "The record stays deleted.")

    def action_edit_record(self) -> None:
        item = self.current
        if item is None or item.conflict.type not in TYPES:
            return
        from plantui.tui.forms import RecordForm

        def done(_result: str | None) -> None:
            self._shown = None
            self.reload()

        self.app.push_screen(RecordForm(item.conflict.type, item.conflict.record), done)

    def action_history(self) -> None:
        """The history of the record in conflict: both values and who wrote each."""
        item = self.current
        if item is not None:
            from plantui.tui.dialogs.history import open_history

            open_history(self.app, item.conflict.record)

    def action_open_record(self) -> None:
        item = self.current
        opener = getattr(self.app, "open_record", None)
        if item is not None and opener is not None:
            opener(item.conflict.record)
