"""The export dialog: every report format, a path, and the export run in a worker thread.

It calls the same headless ``plantui.reports.export`` as ``plantui report``, so the files a
person makes from the TUI are the ones the CLI makes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static
from textual.worker import Worker, WorkerState

from plantui.errors import PlanError
from plantui.reports import FORMATS, export
from plantui.text import one_line

EXPORT_GROUP = "report-export"

if TYPE_CHECKING:
    from textual import getters

    from plantui.tui.app import PlanApp

SUFFIXES = {"html": ".html", "md": ".md", "csv": "", "ics": ".ics", "mermaid": ".mmd"}
"""The default file name ending of each format (csv writes a folder)."""

ASK_FORMATS = ("html", "md", "mermaid")


def default_path(fmt: str, folder: Path | None = None) -> str:
    """Where an export goes unless the person says otherwise: the current folder."""
    name = "plantui-csv" if fmt == "csv" else f"plantui-report{SUFFIXES[fmt]}"
    return str((folder or Path.cwd()) / name)


class ReportDialog(ModalScreen[None]):
    """Choose a format and a path, then export; the result is notified and the dialog closes.

    A refusal (a folder that does not exist, an unknown ask) is shown in the dialog, which
    stays open so the person can correct it."""

    if TYPE_CHECKING:
        app = getters.app(PlanApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="report-cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._suggested = default_path("html")

    def compose(self) -> ComposeResult:
        with Vertical(id="report-box"):
            yield Static(Content("Export the plan"), id="report-title")
            yield Label(Content("Format"), classes="report-label")
            yield Select(
                [(Content(f"{fmt}: {text}"), fmt) for fmt, text in FORMATS.items()],
                value="html",
                allow_blank=False,
                id="report-format",
            )
            yield Label(Content("Save to (a folder for csv)"), classes="report-label")
            yield Input(self._suggested, id="report-path")
            yield Label(
                Content("Only one ask (its ref code or id; empty for all)"),
                classes="report-label",
                id="report-ask-label",
            )
            yield Input(placeholder="e.g. A3", id="report-ask")
            yield Checkbox(Content("Include personal contact details"), id="report-contacts")
            yield Static(Content(""), id="report-status")
            with Horizontal(id="report-buttons"):
                yield Button("Cancel", id="report-cancel-button")
                yield Button("Export", variant="primary", id="report-export")

    def on_mount(self) -> None:
        self.query_one("#report-format", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        fmt = str(event.value)
        path_input = self.query_one("#report-path", Input)
        if path_input.value.strip() in ("", self._suggested):
            folder = Path(self._suggested).parent
            self._suggested = default_path(fmt, folder)
            path_input.value = self._suggested
        ask_allowed = fmt in ASK_FORMATS
        self.query_one("#report-ask", Input).disabled = not ask_allowed
        self.query_one("#report-contacts", Checkbox).disabled = fmt in ("ics", "mermaid")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "report-export":
            self.action_export()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        """Check what was typed, then run the export off the UI thread."""
        fmt = str(self.query_one("#report-format", Select).value)
        path_text = self.query_one("#report-path", Input).value.strip()
        if not path_text:
            self._say("Give a path to save to.", error=True)
            return
        ask_input = self.query_one("#report-ask", Input)
        ask = ask_input.value.strip() if not ask_input.disabled else ""
        contacts = self.query_one("#report-contacts", Checkbox).value
        self.query_one("#report-export", Button).disabled = True
        self._say(f"Exporting {fmt}…")
        self.run_export(fmt, Path(path_text).expanduser(), ask or None, contacts)

    @work(thread=True, exclusive=True, group=EXPORT_GROUP, exit_on_error=False)
    def run_export(self, fmt: str, path: Path, ask: str | None, contacts: bool) -> str:
        """The export itself, in a thread: big plans must not freeze the screen. What it
        says is handled once the worker has finished (:meth:`on_worker_state_changed`): the
        dialog closing must not cut short a worker that is still returning."""
        return export(
            self.app.plan_db, fmt, path, ask=ask, include_contacts=contacts, today=self.app.today
        ).message

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != EXPORT_GROUP:
            return
        if event.state == WorkerState.SUCCESS:
            self._done(str(event.worker.result))
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            # any failure is reported, never a crash
            self._failed(
                str(error) if isinstance(error, PlanError) else f"The export failed: {error}."
            )

    def _done(self, message: str) -> None:
        self.app.notify(one_line(message), title="Report exported", markup=False)
        self.dismiss(None)

    def _failed(self, message: str) -> None:
        self.query_one("#report-export", Button).disabled = False
        self._say(message, error=True)
        self.app.notify(one_line(message), title="Not exported", severity="error", markup=False)

    def _say(self, message: str, error: bool = False) -> None:
        status = self.query_one("#report-status", Static)
        status.update(Content(one_line(message)))
        status.set_class(error, "error")
