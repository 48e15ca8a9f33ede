"""The footer every screen shows: Textual's Footer, rebuilt only when its keys change, with
keys that share one set of styles."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from rich.style import Style
from textual.app import ComposeResult
from textual.css.styles import RenderStyles
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual exports Footer, not its keys


class SharedStyleKey(FooterKey):
    """A footer key drawn with the styles of its footer's one hidden model key.

    Textual styles each key's two parts (the key and its description) as two virtual nodes of
    its own, every time the key is styled: on mounting, on its compact flag and whenever its
    screen comes back. Every key of a footer draws its parts alike, so one model key is styled
    and the others borrow its parts' styles.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = set()

    def __init__(self, like: FooterKey, model: FooterKey) -> None:
        classes = " ".join(sorted(c for c in like.classes if c != "-disabled"))
        tooltip = like.tooltip if isinstance(like.tooltip, str) else ""
        super().__init__(
            like.key,
            like.key_display,
            like.description,
            like.action,
            disabled="-disabled" in like.classes,
            tooltip=tooltip,
            classes=classes,
        )
        self.model = model
        self.set_reactive(FooterKey.compact, model.compact)
        self.set_class(model.compact, "-compact", update=False)

    def get_component_rich_style(
        self, *names: str, partial: bool = False, default: Style | None = None
    ) -> Style:
        style = self.model.get_component_rich_style(*names, partial=partial, default=default)
        if self.mouse_hover and all(
            self.model.get_component_styles(n).background.a == 0 for n in names
        ):
            style += Style(bgcolor=self.rich_style.bgcolor)  # a see-through part shows the hover
        return style

    def get_component_styles(self, *names: str) -> RenderStyles:
        return self.model.get_component_styles(*names)


SharedStyleKey._inherit_component_classes = False
"""Textual's ``inherit_component_classes=False`` class keyword (added for
https://github.com/Textualize/textual/issues/1399), set by hand: Widget's ``__init_subclass__``
does not pass that keyword on to DOMNode's (Textual 8), so using it raises TypeError."""


class KeysFooter(Footer):
    """Textual's Footer, recomposed once per change of the keys it shows, not per update.

    The stock Footer rebuilds all its keys for every ``bindings_updated_signal``: opening a
    screen sends several (mount, focus, the first highlight) and returning to one sends
    more, though its keys are the same. With a dozen keys each rebuild is a visible pause
    (a third of start-up), so this one rebuilds once, and only if the keys differ. Its keys
    share the styles of a hidden model key (:class:`SharedStyleKey`).
    """

    DEFAULT_CSS = """
    KeysFooter > .-model-key { display: none; }
    """

    _shown: Hashable = None

    def _keys(self) -> Hashable:
        """What the footer would show: every shown active binding as it would be drawn (the
        hidden ones a focused widget brings, like a table's cursor keys, change nothing)."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        # Textual's Footer gives every key its own compact flag except the command palette's,
        # which stays compact: one model key per flag in use.
        models = {flag: self._model_key(flag) for flag in {self.compact, True}}
        yield from models.values()
        for widget in super().compose():
            if type(widget) is FooterKey:
                palette = widget.has_class("-command-palette")
                widget = SharedStyleKey(widget, models[self.compact or palette])
            yield widget

    @staticmethod
    def _model_key(compact: bool) -> FooterKey:
        model = FooterKey("", "", "", "", classes="-model-key")
        model.set_reactive(FooterKey.compact, compact)
        model.set_class(compact, "-compact", update=False)
        return model

    def watch_compact(self) -> None:
        """Keys take the compact flag when built: a change rebuilds them."""
        if self.is_attached:
            self.refresh(recompose=True)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            return
        if self._keys() != self._shown:
            self.refresh(recompose=True)
