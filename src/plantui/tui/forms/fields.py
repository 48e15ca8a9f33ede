"""One row of the record form per field: its label, the widget to edit it and its message.

A row is as few widgets as Textual allows (the label, the editing widget, the message line,
and the conflict's values only where there is one): opening a form costs per widget.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.types import InputValidationOn
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from plantui.domain import Field
from plantui.text import one_line

LONG_TEXT = frozenset(
    {
        "summary",
        "notes",
        "description",
        "minutes",
        "statement",
        "problem",
        "response",
        "commitment",
        "result",
        "next_steps",
        "body",
    }
)
"""Text fields people write paragraphs in: a TextArea rather than a one-line Input."""

HIDDEN = frozenset({"rank", "carried_from", "agenda_order"})
"""Fields the screens manage (an ask's fractional rank): kept from the preset, never shown."""


NO_INPUT_VALIDATION: tuple[InputValidationOn, ...] = ("submitted",)
"""Inputs check nothing themselves (the form does, beside the field): left to validate on
every change, each would restyle itself as it is built, before it is even mounted."""


def nice(name: str) -> str:
    """A field's name as people read it."""
    return name.replace("_", " ")


class RefChooser(Horizontal):
    """A ref chosen with the record picker: shows the chosen record, Choose and Clear.
    Typing on Choose opens the picker already filtered by what was typed."""

    DEFAULT_CSS = """
    RefChooser { height: auto; }
    RefChooser > .ref-label { width: 1fr; }
    """

    def __init__(
        self, name: str, value: str | None, label: str, fixed: bool, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.field_name = name
        self.value = value
        self.fixed = fixed
        self._label = label

    def compose(self) -> ComposeResult:
        yield Static(Content(self._label or "(none)"), classes="ref-label")
        if not self.fixed:
            yield Button("Choose…", id=f"choose-{self.field_name}", classes="choose")
            yield Button("Clear", id=f"clear-{self.field_name}", classes="clear")

    def show(self, value: str | None, label: str) -> None:
        """Take a new value and show its label."""
        self.value = value
        self._label = label
        self.query_one(".ref-label", Static).update(Content(label or "(none)"))


def label_for(spec: Field, in_conflict: bool) -> Content:
    """The field's name, a star when required and a warning when its values conflict."""
    parts: list[Any] = [nice(spec.name)]
    if spec.required:
        parts.append((" *", "bold $text-error"))
    if in_conflict:
        parts.append((" ⚠ conflict", "bold $text-warning"))
    return Content.assemble(*parts)


def hint(spec: Field) -> str:
    """What an empty text box says it takes."""
    if spec.kind == "date":
        return "YYYY-MM-DD"
    if spec.kind == "when":
        return "YYYY-MM-DD, 2025-07-10 14:15, 14:15 or 2.15pm"
    if spec.kind == "int":
        low = "" if spec.minimum is None else str(spec.minimum)
        high = "" if spec.maximum is None else str(spec.maximum)
        return f"whole number {low}..{high}" if low or high else "whole number"
    return ""


def editor_for(spec: Field, value: Any, text: str, fixed: bool, ref_label: str) -> Widget:
    """The widget that edits one field: ``text`` is the value as typed, ``ref_label`` names
    the chosen record of a ref."""
    wid = f"in-{spec.name}"
    if spec.kind == "enum":
        options = [(Content(c.replace("_", " ")), c) for c in spec.choices]
        if value is not None and value not in spec.choices:
            options.append((Content(one_line(str(value))), value))
        return Select(
            options,
            prompt="(none)",
            allow_blank=not spec.required or value is None,
            value=value if value is not None else Select.NULL,
            id=wid,
            disabled=fixed,
            compact=True,
        )
    if spec.kind == "bool":
        return Checkbox("yes", bool(value), id=wid, disabled=fixed, compact=True)
    if spec.kind == "ref":
        return RefChooser(spec.name, value, ref_label, fixed, id=wid)
    if spec.kind == "text" and spec.name in LONG_TEXT:
        area = TextArea(text, id=wid, soft_wrap=True, disabled=fixed, compact=True)
        area.show_line_numbers = False
        return area
    return Input(
        text,
        placeholder=hint(spec),
        id=wid,
        disabled=fixed,
        select_on_focus=False,
        compact=True,
        validate_on=NO_INPUT_VALIDATION,
    )


def field_row(spec: Field, editor: Widget, conflict: Content | None) -> Widget:
    """The row of one field: its label beside the editor, over its message (and the values
    in conflict); a grid, so the row needs no inner container."""
    cells: list[Widget] = [Label(label_for(spec, conflict is not None), classes="field-label")]
    cells.append(editor)
    if conflict is not None:
        cells.append(Static(conflict, classes="conflict-values"))
    cells.append(Static("", classes="error", id=f"err-{spec.name}"))
    return Container(*cells, classes="field", id=f"field-{spec.name}")
