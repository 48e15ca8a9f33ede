"""Pick one live record of given types by typing part of its label or ref code.

The filtering runs in SQL with a limit, so a plan of 10,000 records stays instant.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from plantui.text import one_line
from plantui.tui.forms.choices import live_choices

SHOWN = 100
"""How many matches are listed at once; typing more narrows the rest."""


class PickRecord(ModalScreen[str | None]):
    """A filter box and the first matching records; Enter picks, Escape cancels."""

    CSS_PATH = Path(__file__).with_name("picker.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="pick-cancel"),
        Binding("down", "to_list", "Matches", show=False, id="pick-to-list"),
    ]

    def __init__(
        self, types: tuple[str, ...], title: str, exclude: frozenset[str] = frozenset()
    ) -> None:
        super().__init__()
        self.types = tuple(types)
        self.title_text = one_line(title)
        self.exclude = exclude

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            yield Static(Content.styled(self.title_text, "bold"), id="pick-title")
            yield Input(placeholder="Type to filter by name or ref code", id="pick-filter")
            yield OptionList(id="pick-matches", markup=False)
            yield Static("", id="pick-count")
            yield Static(Content("enter pick · ↓ to the list · esc cancel"), id="pick-keys")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#pick-filter", Input).focus()

    def _fill(self, text: str) -> None:
        db = self.app.service.db  # type: ignore[attr-defined]
        choices, total = live_choices(db, self.types, text, limit=SHOWN, exclude=self.exclude)
        many = len(self.types) > 1
        options = []
        for choice in choices:
            prompt = Content(choice.label)
            if many:
                prompt = Content.assemble(prompt, ("  " + choice.type, "dim"))
            options.append(Option(prompt, id=choice.id))
        matches = self.query_one("#pick-matches", OptionList)
        matches.clear_options()
        matches.add_options(options)
        if options:
            matches.highlighted = 0
        if total == 0:
            count = "No matches." if text.strip() else "Nothing to pick yet."
        elif total > len(choices):
            count = f"First {len(choices)} of {total} matches: type more to narrow."
        else:
            count = f"{total} match{'es' if total != 1 else ''}."
        self.query_one("#pick-count", Static).update(Content(count))

    @on(Input.Changed, "#pick-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#pick-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        matches = self.query_one("#pick-matches", OptionList)
        if matches.highlighted is not None and matches.option_count:
            self.dismiss(matches.get_option_at_index(matches.highlighted).id)

    @on(OptionList.OptionSelected, "#pick-matches")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_to_list(self) -> None:
        matches = self.query_one("#pick-matches", OptionList)
        if self.focused is not matches and matches.option_count:
            matches.focus()
            matches.highlighted = min(1, matches.option_count - 1)

    def action_cancel(self) -> None:
        self.dismiss(None)
