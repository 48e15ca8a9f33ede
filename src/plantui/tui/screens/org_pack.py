"""An organisation's pack in a dialog: read it here, or write it as HTML to hand over.

Both come from ``plantui.reports.export(..., org=id)``, the same code as `report --org`, so
what the screen shows is what the file says.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from plantui.errors import PlanError
from plantui.reports import export
from plantui.text import one_line

if TYPE_CHECKING:
    from textual import getters

    from plantui.tui.app import PlanApp


def pack_path(name: str, folder: Path | None = None) -> str:
    """Where the HTML pack goes unless the person says otherwise: the current folder."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "organisation"
    return str((folder or Path.cwd()) / f"plantui-pack-{slug}.html")


class OrgPackDialog(ModalScreen[None]):
    """The pack as text (scrollable); Enter in the path box writes the HTML pack."""

    DEFAULT_CSS = """
    OrgPackDialog { align: center middle; }
    OrgPackDialog > #pack-box {
        width: 100; max-width: 100%; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    OrgPackDialog #pack-title { text-style: bold; height: 1; }
    OrgPackDialog #pack-text { height: 1fr; background: $boost; }
    OrgPackDialog #pack-status { height: auto; color: $text-muted; }
    OrgPackDialog #pack-status.error { color: $error; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="pack.close"),
    ]
    if TYPE_CHECKING:
        app = getters.app(PlanApp)

    def __init__(self, org_id: str, name: str) -> None:
        super().__init__()
        self.org_id = org_id
        self.name_text = one_line(name)

    def compose(self) -> ComposeResult:
        with Vertical(id="pack-box"):
            yield Static(Content(f"Pack of {self.name_text}"), id="pack-title")
            with VerticalScroll(id="pack-text"):
                yield Static(Content("Reading…"), id="pack-body", markup=False)
            yield Label(Content("Write it as HTML to (enter writes, esc closes)"))
            yield Input(pack_path(self.name_text), id="pack-path")
            yield Static(Content(""), id="pack-status")

    def on_mount(self) -> None:
        try:
            text = export(
                self.app.plan_db,
                "md",
                None,
                org=self.org_id,
                today=self.app.today,
            ).text
        except PlanError as exc:
            text = str(exc)
        self.query_one("#pack-body", Static).update(Content(str(text or "")))
        self.query_one("#pack-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path_text = event.value.strip()
        if not path_text:
            self._say("Give a path to save to.", error=True)
            return
        self._say("Writing the pack…")
        self.write_pack(Path(path_text).expanduser())

    @work(thread=True, exclusive=True, group="org-pack")
    def write_pack(self, path: Path) -> None:
        """Write the HTML pack off the UI thread (it builds the whole report)."""
        try:
            result = export(
                self.app.plan_db,
                "html",
                path,
                org=self.org_id,
                today=self.app.today,
            )
        except PlanError as exc:
            self.app.call_from_thread(self._say, str(exc), True)
            return
        except Exception as exc:  # any other failure is still reported, never a crash
            self.app.call_from_thread(self._say, f"The pack was not written: {exc}.", True)
            return
        self.app.call_from_thread(self._done, result.message)

    def _done(self, message: str) -> None:
        self.app.notify(one_line(message), title="Pack written", markup=False)
        self.dismiss(None)

    def _say(self, message: str, error: bool = False) -> None:
        status = self.query_one("#pack-status", Static)
        status.update(Content(one_line(message)))
        status.set_class(error, "error")

    def action_cancel(self) -> None:
        self.dismiss(None)
