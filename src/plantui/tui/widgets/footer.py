"""The footer every screen shows: Textual's Footer, rebuilt once per change of bindings."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, recomposed once however many binding updates arrive together.

    The stock Footer schedules a full recompose for every ``bindings_updated_signal``, and
    opening a screen sends several (mount, focus, the first highlight): with a dozen keys
    that was a third of plantui's start-up. ``refresh(recompose=True)`` coalesces them.
    """

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.refresh(recompose=True)
