"""The footer every screen shows: the screen's keys drawn on one line by one widget.

Textual's Footer mounts a widget per key (a dozen to twenty here), each styled, laid out and
drawn on its own, and rebuilds them all for every change of focus. This footer draws the
same keys as one line of text: a screen opens with twenty fewer widgets, and a change of
keys repaints one line. Keys that do not fit are left out whole, never cut mid-word.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

PALETTE_MARK = "▏"
"""Sets the command palette's key apart at the right, as Textual's Footer does."""


class ShownKey(NamedTuple):
    """One key the footer shows: what to press, what it does, and whether it can now."""

    key: str
    display: str
    description: str
    enabled: bool = True
    tooltip: str = ""


class FooterItem(NamedTuple):
    """What the footer draws as one unit: a key, or a group's keys under one description."""

    keys: tuple[ShownKey, ...]
    description: str


class _Span(NamedTuple):
    """Where a key was drawn, for clicks and hover."""

    start: int
    end: int
    key: ShownKey
    item: int


class KeysFooter(Widget, can_focus=False):
    """The active screen's shown keys; a click on one presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
        "footer-key--mark",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover { background: $block-hover-background; }
        .footer-key--mark { color: $foreground 20%; }
    }
    """

    compact = reactive(False)
    """Less space between keys (screens with many keys)."""

    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(KeysFooter.compact, compact)
        self.items: tuple[FooterItem, ...] = ()
        """The keys shown, in order, as last read from the screen."""
        self.palette: ShownKey | None = None
        """The command palette's key, drawn at the right."""
        self._spans: list[_Span] = []
        self._hover: int | None = None

    def on_mount(self) -> None:
        """The screen signals its keys once focus has settled: reading them sooner would
        draw keys of the wrong widget first."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        """Focus moved or a binding changed: repaint only if the keys shown differ."""
        if screen is self.screen and self.is_attached and screen.app.app_focus:
            self._read_keys()

    def _read_keys(self) -> None:
        items, palette = self._keys_of(self.screen)
        if (items, palette) != (self.items, self.palette):
            self.items, self.palette = items, palette
            self.refresh()

    def _keys_of(self, screen: Screen) -> tuple[tuple[FooterItem, ...], ShownKey | None]:
        """The shown keys of ``screen``, one per action, a group's keys side by side."""
        active = screen.active_bindings
        by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
        items: list[FooterItem] = []
        grouped: list[ShownKey] = []
        group: Binding.Group | None = None
        for binding, enabled, tooltip in (found[0] for found in by_action.values()):
            key = ShownKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                enabled,
                tooltip or (binding.description if binding.group else ""),
            )
            if grouped and binding.group is not group:
                items.extend(_group_items(grouped, group))
                grouped = []
            group = binding.group
            if group is None:
                items.append(FooterItem((key,), key.description))
            else:
                grouped.append(key)
        items.extend(_group_items(grouped, group))
        palette = None
        palette_binding = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette_binding is not None:
            _node, binding, enabled, tooltip = palette_binding
            palette = ShownKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                enabled,
                binding.tooltip or binding.description,
            )
        return tuple(items), palette

    def watch_compact(self) -> None:
        self.refresh()

    def render(self) -> Text:
        width = self.size.width
        lead = "" if self.compact else " "
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[_Span] = []
        right = self._palette_text(spans, width)
        room = width - right.cell_len
        for n, item in enumerate(self.items):
            drawn = self._item_text(item, n, line.cell_len + len(lead), spans)
            if line.cell_len + len(lead) + drawn.cell_len >= room:  # a space before the mark
                del spans[-len(item.keys) :]
                break
            line.append(lead)
            line.append_text(drawn)
            line.append(" ")
        line.rstrip()
        line.pad_right(max(0, room - line.cell_len))
        line.append_text(right)
        line.stylize_before(self.rich_style)
        self._spans = spans
        return line

    def _item_text(self, item: FooterItem, n: int, at: int, spans: list[_Span]) -> Text:
        text = Text()
        key_style = self.get_component_rich_style("footer-key--key")
        if n == self._hover:
            key_style += self.get_component_rich_style("footer-key--hover")
        for key in item.keys:
            shown = key.display
            style = key_style if key.enabled else key_style + Style(dim=True)
            spans.append(_Span(at + text.cell_len, at + text.cell_len + cell_len(shown), key, n))
            text.append(shown, style)
        if item.description:
            style = self.get_component_rich_style("footer-key--description")
            if n == self._hover:
                style += self.get_component_rich_style("footer-key--hover")
            enabled = any(key.enabled for key in item.keys)
            text.append(f" {item.description}", style if enabled else style + Style(dim=True))
        if len(item.keys) == 1:  # a lone key: its description answers a click too
            spans[-1] = _Span(at, at + text.cell_len, item.keys[0], n)
        return text

    def _palette_text(self, spans: list[_Span], width: int) -> Text:
        if self.palette is None:
            return Text()
        text = Text(PALETTE_MARK, self.get_component_rich_style("footer-key--mark"))
        drawn = self._item_text(FooterItem((self.palette,), self.palette.description), -1, 0, [])
        text.append_text(drawn)
        text.append(" ")
        start = width - text.cell_len
        spans.append(_Span(start + 1, width - 1, self.palette, -1))
        return text

    # Mouse

    def key_at(self, x: int) -> ShownKey | None:
        """The key drawn at column ``x``, if any."""
        return next((s.key for s in self._spans if s.start <= x < s.end), None)

    def _span_at(self, x: int) -> _Span | None:
        return next((s for s in self._spans if s.start <= x < s.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        span = self._span_at(event.x)
        hover = None if span is None else span.item
        self.tooltip = None if span is None or not span.key.tooltip else span.key.tooltip
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()


def _group_items(keys: list[ShownKey], group: Binding.Group | None) -> Iterable[FooterItem]:
    """A group of two or more keys is one item under the group's description; a group of
    one is that key with its own."""
    if not keys:
        return ()
    if group is None or len(keys) == 1:
        return [FooterItem((key,), key.description) for key in keys]
    return [FooterItem(tuple(keys), group.description)]
