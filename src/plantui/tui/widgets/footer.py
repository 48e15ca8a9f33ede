"""The footer every screen shows: Textual's Footer, rebuilt only when its keys change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, recomposed once per change of the keys it shows, not per update.

    The stock Footer rebuilds all its keys for every ``bindings_updated_signal``: opening a
    screen sends several (mount, focus, the first highlight) and returning to one sends
    more, though its keys are the same. With a dozen keys each rebuild is a visible pause
    (a third of start-up), so this one rebuilds once, and only if the keys differ.
    """

    _shown: Hashable = None

    def _keys(self) -> Hashable:
        """What the footer would show: every active binding as it would be drawn."""
        return tuple(
            (binding.key, binding.action, binding.description, binding.show, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            return
        if self._keys() != self._shown:
            self.refresh(recompose=True)
