"""Add or edit one record: an input per field, validated as you type, saved through the editor.

The form does the write itself (``app.editor``), so every screen gets the same rules: a bad
value is refused with the plain message of plantui.domain before anything is written, and a
refusal from the service is shown in the form rather than raised. Only the fields people fill
in every time are built when it opens; the rest are built when "More" is first opened.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any, ClassVar, cast
from zoneinfo import ZoneInfo

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Key
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Collapsible, Input, Select, Static, TextArea

from plantui.domain import (
    DATE_ORDER,
    LINK_ROLES,
    TYPES,
    Field,
    InvalidValue,
    date_order_error,
    parse_text_value,
)
from plantui.errors import PlanError
from plantui.event_time import DEFAULT_ZONE, read_times, show_when
from plantui.queries import labels
from plantui.queries.forms import FormRecord, form_record, ref_code_holder, zone_of
from plantui.text import one_line
from plantui.text import show_value as value_text
from plantui.tui.forms.choices import PICKABLE
from plantui.tui.forms.confirm import ConfirmDialog
from plantui.tui.forms.fields import HIDDEN, LONG_TEXT, RefChooser, editor_for, field_row, nice
from plantui.tui.forms.picker import PickRecord
from plantui.tui.forms.sections import MORE, MoreFields
from plantui.tui.forms.stamps import show_value, when_written, who_wrote

if TYPE_CHECKING:
    from textual import getters

    from plantui.tui.app import PlanApp

__all__ = ["HIDDEN", "LONG_TEXT", "RecordForm", "RefChooser"]


class RecordForm(ModalScreen[str | None]):
    """The form for one record type; saves through the app's editor and returns the id."""

    if TYPE_CHECKING:
        app = getters.app(PlanApp)

    AUTO_FOCUS = "#form-fields Input, #form-fields TextArea, #form-fields Select"
    """The first field that can be edited. Focus lands there directly: each focus change
    restyles the focused widget's subtree, and the whole form is one (a third of opening)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form-cancel"),
        Binding("ctrl+s", "save", "Save", priority=True, id="form-save"),
    ]

    def __init__(
        self, type_name: str, record_id: str | None = None, preset: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.type_name = type_name
        self.rtype = TYPES[type_name]
        self.record_id = record_id
        self.preset = dict(preset or {})
        self.record: FormRecord | None = None
        self._values: dict[str, Any] = {}
        """Each field's value as the form opened: what a row not built yet still holds."""
        self._initial: dict[str, Any] = {}
        self._built: set[str] = set()
        """Fields whose row exists; the others keep their opening value."""
        self._errors: dict[str, str] = {}
        self._touched: set[str] = set()
        self._refused_fields = False
        """The form-level message is about field errors, so it goes once they are fixed."""
        self._picking: PickRecord | None = None
        """The picker being opened: keys that reach the form before it shows go into it."""
        self._as_opened: dict[str, Any] = {}
        """What each built field's widget held when built: Escape asks before losing more."""
        self.zone = ZoneInfo(DEFAULT_ZONE)
        """The plan's time zone, which event times are typed in (read when composing)."""

    # Building

    def _start_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if self.record_id is not None:
            self.record = form_record(self.app.plan_db, self.record_id)
            values.update(self.record.values)
        else:
            for spec in self.rtype.fields.values():
                if spec.default is not None:
                    values[spec.name] = spec.default
        values.update(self.preset)
        return values

    def _ref_targets(self, spec: Field, values: dict[str, Any]) -> tuple[str, ...]:
        if self.rtype.name == "link" and spec.name in ("from", "to"):
            role = values.get("role")
            if role in LINK_ROLES:
                return LINK_ROLES[role][0 if spec.name == "from" else 1]
            return ()
        return spec.targets

    @staticmethod
    def noun(type_name: str, values: dict[str, Any]) -> str:
        """What the form is about as people say it: a milestone is an action underneath."""
        return (
            "milestone" if type_name == "action" and values.get("milestone") is True else type_name
        )

    def _title(self) -> Content:
        noun = self.noun(self.type_name, self._values)
        if self.record is not None:
            return Content.assemble(
                ("Edit ", "bold"), (noun, "bold"), ": ", one_line(self.record.label)
            )
        return Content.assemble(("New ", "bold"), (noun, "bold"))

    def _folded(self) -> list[Field]:
        """The fields kept for "More": never one given a value to start with or in conflict."""
        conflicts = self.record.conflicts if self.record else {}
        more = MORE.get(self.type_name, ())
        return [
            spec
            for spec in self._shown_fields()
            if spec.name in more and spec.name not in self.preset and spec.name not in conflicts
        ]

    def compose(self) -> ComposeResult:
        self._values = self._start_values()
        if any(spec.kind == "when" for spec in self.rtype.fields.values()):
            self.zone = zone_of(self.app.plan_db)
        for spec in self._shown_fields():
            self._initial[spec.name] = self._initial_value(spec)
        folded = self._folded()
        with Vertical(id="form-box"):
            with Horizontal(id="form-head"):
                yield Static(self._title(), id="form-title")
                yield Static(Content.assemble(("*", "bold $text-error"), " required"), id="legend")
            with VerticalScroll(id="form-fields"):
                for spec in self._shown_fields():
                    if spec not in folded:
                        yield self._row(spec)
                if folded:
                    yield MoreFields(len(folded))
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Static(Content("ctrl+s save · esc cancel"), id="form-keys")
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    @on(Collapsible.Expanded, "#more-fields")
    async def _build_more(self, event: Collapsible.Expanded) -> None:
        """The folded rows, built the first time "More" is opened and kept from then on."""
        section = cast(MoreFields, event.collapsible)
        if section.built:
            return
        section.built = True
        folded = self._folded()
        await section.query_one(Collapsible.Contents).mount_all([self._row(s) for s in folded])
        self._as_opened.update({spec.name: self._raw(spec.name) for spec in folded})

    def _text_of(self, spec: Field, value: Any) -> str:
        return show_when(value, self.zone) if spec.kind == "when" else value_text(value)

    def _initial_value(self, spec: Field) -> Any:
        """The value as the form reads it back from what it shows: untouched means unchanged."""
        value = self._values.get(spec.name)
        if spec.kind in ("enum", "bool", "ref"):
            return value
        text = self._text_of(spec, value)
        try:
            if spec.kind == "when":
                return self._read_when(spec, text, self._values)
            return parse_text_value(spec, text)
        except InvalidValue:
            return value

    def _row(self, spec: Field) -> Widget:
        value = self._values.get(spec.name)
        fixed = (self.record is not None and spec.identity) or (
            spec.name in self.preset
            and (spec.identity or (spec.kind == "ref" and not spec.targets))
        )
        ref_label = labels.label(self.app.plan_db, value) if spec.kind == "ref" and value else ""
        editor = editor_for(spec, value, self._text_of(spec, value), fixed, ref_label)
        conflicts = self.record.conflicts if self.record else {}
        conflict = self._siblings_text(spec.name) if spec.name in conflicts else None
        self._built.add(spec.name)
        return field_row(spec, editor, conflict)

    def _siblings_text(self, name: str) -> Content:
        assert self.record is not None
        plan = self.app.plan_db
        lines = ["Values in conflict (save a value to settle it):"]
        for sib in reversed(self.record.conflicts.get(name, ())):
            lines.append(
                f"  {show_value(sib.value)}  ({who_wrote(plan, sib.at)}, {when_written(sib.at)})"
            )
        return Content("\n".join(lines))

    # Reading and checking

    def _read(self, spec: Field) -> Any:
        """The value a field's widget holds now; raises InvalidValue for a bad one."""
        if spec.name not in self._built:
            return self._initial.get(spec.name)
        widget = self.query_one(f"#in-{spec.name}")
        if isinstance(widget, Select):
            return None if widget.value is Select.NULL else widget.value
        if isinstance(widget, Checkbox):
            if not widget.value and self._initial.get(spec.name) is None:
                return None
            return widget.value
        if isinstance(widget, RefChooser):
            return widget.value
        text = widget.text if isinstance(widget, TextArea) else cast(Input, widget).value
        if spec.kind == "when":
            return self._read_when(spec, text, None)
        return parse_text_value(spec, text)

    def _read_when(self, spec: Field, text: str, opened: dict[str, Any] | None) -> Any:
        """An event time as typed, in the plan's zone. A time alone falls on the event's day:
        the start's as it stands in the form (as it was opened, for the start itself)."""
        first = next(s for s in self.rtype.fields.values() if s.kind == "when")
        if opened is not None or spec.name == first.name:
            anchor = (opened or {}).get(first.name, self._initial.get(first.name))
        else:
            try:
                anchor = self._read(first)
            except InvalidValue:
                anchor = self._initial.get(first.name)
        return read_times(self.rtype, {spec.name: text}, {first.name: anchor}, self.zone)[spec.name]

    def _raw(self, name: str) -> Any:
        """What a field's widget holds, unread: to tell whether anything was typed."""
        widget = self.query_one(f"#in-{name}")
        if isinstance(widget, TextArea):
            return widget.text
        return getattr(widget, "value", None)

    def _cross_check(self, spec: Field, value: Any) -> str:
        """Rules that look beyond one field: an end after its start, a ref code of its own."""
        if spec.name == "ref_code" and value is not None and value != self._initial.get(spec.name):
            holder = ref_code_holder(self.app.plan_db, self.type_name, value, self.record_id)
            if holder is not None:
                return (
                    f"Another {self.type_name} already has the ref code {one_line(value)}:"
                    f" {one_line(holder)}."
                )
        for start, end in DATE_ORDER.get(self.type_name, ()):
            if spec.name != end or value is None:
                continue
            try:
                first = self._read(self.rtype.fields[start])
            except InvalidValue:
                continue
            if (first, value) == (self._initial.get(start), self._initial.get(end)):
                continue
            error = date_order_error(self.type_name, {start: first, end: value})
            if error is not None:
                message = error.say(lambda v: one_line(show_when(v, self.zone)))
                return f"{message[0].upper()}{message[1:]}."
        return ""

    def _check(self, spec: Field, show_required: bool) -> Any:
        """Read and check one field, showing or clearing its message; returns the value."""
        if spec.name not in self._built:  # as opened, and valid: nothing folded is required
            return self._initial.get(spec.name)
        message = ""
        value: Any = None
        try:
            value = self._read(spec)
        except InvalidValue as exc:
            message = f"{str(exc)[0].upper()}{str(exc)[1:]}."
        else:
            if spec.required and value is None and show_required:
                message = f"{nice(spec.name).capitalize()} is required."
            else:
                message = self._cross_check(spec, value)
        shown = self._errors.get(spec.name, "")
        if message:
            self._errors[spec.name] = message
        else:
            self._errors.pop(spec.name, None)
        if message != shown:  # touch the widgets only on a change: every keystroke lands here
            error = self.query_one(f"#err-{spec.name}", Static)
            error.update(Content(message))
            error.display = bool(message)
            self.query_one(f"#field-{spec.name}").set_class(bool(message), "-invalid")
        return value

    def _shown_fields(self) -> list[Field]:
        return [s for s in self.rtype.fields.values() if s.name not in HIDDEN]

    def _after_change(self, name: str) -> None:
        spec = self.rtype.fields.get(name)
        if spec is None:
            return
        self._touched.add(name)
        self._check(spec, show_required=True)
        for other in self._depending_on(name):
            self._check(other, show_required=other.name in self._touched)
        self.query_one("#save", Button).disabled = bool(self._errors)
        if not self._errors and self._refused_fields:
            self._refused_fields = False
            self._form_error("")

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if event.input.id and event.input.id.startswith("in-"):
            self._after_change(event.input.id[3:])

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id and event.text_area.id.startswith("in-"):
            self._after_change(event.text_area.id[3:])

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if event.select.id and event.select.id.startswith("in-"):
            self._after_change(event.select.id[3:])

    @on(Checkbox.Changed)
    def _checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id and event.checkbox.id.startswith("in-"):
            self._after_change(event.checkbox.id[3:])

    def _depending_on(self, name: str) -> list[Field]:
        """Fields whose check reads ``name``: the end of a pair, a time on the event's day."""
        names = [end for start, end in DATE_ORDER.get(self.type_name, ()) if start == name]
        spec = self.rtype.fields[name]
        if spec.kind == "when":
            names += [n for n, s in self.rtype.fields.items() if s.kind == "when" and n != name]
        return [self.rtype.fields[n] for n in dict.fromkeys(names) if n not in HIDDEN]

    def _form_error(self, message: str) -> None:
        box = self.query_one("#form-error", Static)
        box.update(Content(message))
        box.display = bool(message)

    # Actions

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        event.stop()
        if button == "save":
            self.action_save()
        elif button == "cancel":
            self.action_cancel()
        elif button.startswith("choose-"):
            self._choose(button[len("choose-") :])
        elif button.startswith("clear-"):
            name = button[len("clear-") :]
            self.query_one(f"#in-{name}", RefChooser).show(None, "")
            self._after_change(name)

    def on_key(self, event: Key) -> None:
        """A letter typed on a Choose button opens the picker filtered by it."""
        focused = self.focused
        if self._picking is not None and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self._picking.type_more(event.character)
        elif (
            isinstance(focused, Button)
            and (focused.id or "").startswith("choose-")
            and event.is_printable
            and event.character
        ):
            event.stop()
            event.prevent_default()
            self._choose((focused.id or "")[len("choose-") :], event.character)

    def _choose(self, name: str, text: str = "") -> None:
        spec = self.rtype.fields[name]
        values: dict[str, Any] = {}
        if "role" in self.rtype.fields:
            with contextlib.suppress(InvalidValue):
                values["role"] = self._read(self.rtype.fields["role"])
        targets = self._ref_targets(spec, values) or PICKABLE

        def chosen(record_id: str | None) -> None:
            self._picking = None
            if record_id:
                shown = labels.label(self.app.plan_db, record_id)
                self.query_one(f"#in-{name}", RefChooser).show(record_id, shown)
                self._after_change(name)

        exclude = frozenset({self.record_id}) if self.record_id else frozenset()
        title = f"Choose {nice(name)}"
        self._picking = PickRecord(targets, title, exclude, text=text)
        self.app.push_screen(self._picking, chosen)

    def on_mount(self) -> None:
        self._as_opened = {name: self._raw(name) for name in self._built}

    def changed_since_opened(self) -> bool:
        """True once anything was typed or chosen (changed back counts as untouched)."""
        return any(self._raw(n) != v for n, v in self._as_opened.items())

    def action_cancel(self) -> None:
        """Close at once when nothing was typed; otherwise ask before throwing it away."""
        if not self.changed_since_opened():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard changes?", "Discard", cancel_label="Keep editing"), answered
        )

    def ask_before_quitting(self) -> bool:
        """Ctrl+Q with typed changes: ask "Discard changes and quit?"; True when asking."""
        if not self.changed_since_opened():
            return False

        def answered(discard: bool | None) -> None:
            if discard:
                self.app.exit()

        self.app.push_screen(
            ConfirmDialog("Discard changes and quit?", "Quit", cancel_label="Keep editing"),
            answered,
        )
        return True

    def action_save(self) -> None:
        """Check every field, then create or update through the editor; show any refusal."""
        values: dict[str, Any] = {}
        for spec in self._shown_fields():
            values[spec.name] = self._check(spec, show_required=True)
        if self._errors:
            first = next(iter(self._errors))
            self._form_error(f"Not saved: {self._errors[first]}")
            self._refused_fields = True
            self.query_one("#save", Button).disabled = True
            return
        editor = self.app.editor
        try:
            if self.record_id is None:
                hidden = {k: v for k, v in self.preset.items() if k in HIDDEN}
                payload = {k: v for k, v in {**values, **hidden}.items() if v is not None}
                change = editor.create(self.type_name, payload)
            else:
                changed = {
                    name: value
                    for name, value in values.items()
                    if value != self._initial.get(name) or name in self.preset
                }
                if not changed:
                    self.dismiss(self.record_id)
                    return
                change = editor.update(self.record_id, changed)
        except (PlanError, InvalidValue) as exc:
            self._form_error(f"Not saved: {one_line(str(exc))}")
            return
        self.dismiss(change.record_id)
