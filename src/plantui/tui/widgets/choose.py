"""The one dialog for choosing one thing from a list: a link role, a dependency kind, a record.

A filter box sits above the list and keeps the focus: typing narrows the list, Up and Down
move the highlight, Enter picks it, Escape cancels. The list is sized to the screen, so at
80x24 every row, the highlighted one above all, shows inside the border.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from plantui.text import one_line


@dataclass(frozen=True, slots=True)
class Offer:
    """One thing to choose: the key returned, the label shown, and a dim note after it."""

    key: str
    label: str
    note: str = ""


ROOM_AROUND_LIST = 8
"""Rows the dialog needs besides its list and title: border, filter and the gap under it,
count, keys, a margin."""
TITLE_LINES = 3
"""A long title (the action a dependency is for) wraps to at most this many lines."""


class ChooseOne(ModalScreen[str | None]):
    """Offers as (key, label) pairs or Offers, in the order given; returns the chosen key."""

    DEFAULT_CSS = """
    ChooseOne { align: center middle; }
    ChooseOne > #choose-box {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ChooseOne #choose-title { height: auto; max-height: 3; }
    ChooseOne #choose-filter { background: $boost; margin-bottom: 1; }
    ChooseOne #choose-list { height: auto; max-height: 16; border: none; padding: 0; }
    ChooseOne #choose-count, ChooseOne #choose-keys { height: 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel"),
        Binding("down", "move('cursor_down')", "Next", show=False, id="choose.down"),
        Binding("up", "move('cursor_up')", "Previous", show=False, id="choose.up"),
        Binding("pagedown", "move('page_down')", "Page down", show=False, id="choose.pgdn"),
        Binding("pageup", "move('page_up')", "Page up", show=False, id="choose.pgup"),
    ]

    def __init__(
        self,
        title: str,
        offers: list[tuple[str, str]] | list[Offer] | None = None,
        hint: str = "enter choose",
        text: str = "",
    ) -> None:
        super().__init__()
        self.title_text = one_line(title)
        self.offers = [o if isinstance(o, Offer) else Offer(*o) for o in offers or []]
        self.hint = hint
        self.first_text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-box"):
            yield Static(Content.styled(self.title_text, "bold"), id="choose-title")
            yield Input(
                self.first_text,
                placeholder="Type to filter",
                id="choose-filter",
                compact=True,
                select_on_focus=False,
            )
            yield OptionList(id="choose-list", markup=False)
            yield Static("", id="choose-count")
            keys = f"type to filter · ↑↓ move · {self.hint} · esc cancel"
            yield Static(Content(keys), id="choose-keys")

    def on_mount(self) -> None:
        self._fit(self.app.size)
        self._fill(self.first_text)
        self.query_one("#choose-filter", Input).focus()

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Give the list every row the screen has left, so none hides under the border."""
        inner = max(10, min(80, size.width) - 4)
        title = min(TITLE_LINES, -(-cell_len(self.title_text) // inner))
        self.query_one("#choose-list", OptionList).styles.max_height = max(
            3, size.height - ROOM_AROUND_LIST - title
        )

    def type_more(self, text: str) -> None:
        """Keys typed before the dialog was on screen: they belong in its filter."""
        if self.is_mounted:
            self.query_one("#choose-filter", Input).insert_text_at_cursor(text)
        else:
            self.first_text += text

    def matches(self, text: str) -> tuple[list[Offer], int]:
        """The offers whose label or note contains ``text`` (any case), and how many."""
        needle = text.strip().lower()
        found = [o for o in self.offers if needle in f"{o.label} {o.note}".lower()]
        return found, len(found)

    def _fill(self, text: str) -> None:
        offers, total = self.matches(text)
        options = []
        for offer in offers:
            prompt = Content(one_line(offer.label))
            if offer.note:
                prompt = Content.assemble(prompt, ("  " + one_line(offer.note), "dim"))
            options.append(Option(prompt, id=offer.key))
        listed = self.query_one("#choose-list", OptionList)
        listed.clear_options()
        listed.add_options(options)
        if options:
            listed.highlighted = 0
        self.query_one("#choose-count", Static).update(Content(self._count(text, total, offers)))

    @staticmethod
    def _count(text: str, total: int, shown: list[Offer]) -> str:
        if total == 0:
            return "No matches." if text.strip() else "Nothing to choose yet."
        if total > len(shown):
            return f"First {len(shown)} of {total} matches: type more to narrow."
        return f"{total} match{'es' if total != 1 else ''}."

    @on(Input.Changed, "#choose-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    @on(Input.Submitted, "#choose-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        listed = self.query_one("#choose-list", OptionList)
        if listed.highlighted is not None and listed.option_count:
            self.dismiss(listed.get_option_at_index(listed.highlighted).id)

    @on(OptionList.OptionSelected, "#choose-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, how: str) -> None:
        """Move the highlight while the filter keeps the focus."""
        getattr(self.query_one("#choose-list", OptionList), f"action_{how}")()

    def action_cancel(self) -> None:
        self.dismiss(None)
