"""The kept backups, from the Sync screen (F6) or the palette: list them, restore one.

What ``plantui backups`` and ``plantui backups restore N`` do, for people who never open a
terminal: restoring asks first, and the state it replaces is kept as a backup of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from plantui.errors import PlanError
from plantui.queries import Plan
from plantui.queries import plan as plan_file
from plantui.tui.widgets.safe import cell

if TYPE_CHECKING:
    from plantui.tui.app import PlanApp

COLUMNS = ("No.", "Taken", "Size", "File")


class BackupsDialog(ModalScreen[str | None]):
    """Backups newest first; Enter restores the highlighted one (after a yes/no question).

    Dismisses with a sentence saying what was restored, or None when nothing was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="backups-close"),
    ]
    DEFAULT_CSS = """
    BackupsDialog { align: center middle; }
    #backups-box {
        width: 90%; height: 70%; border: round $primary; background: $surface; padding: 0 1;
    }
    #backups-table { height: 1fr; }
    """

    def __init__(self, db: Plan) -> None:
        super().__init__()
        self.db = db
        self.backups: list[plan_file.Backup] = plan_file.backups(db)

    def compose(self) -> ComposeResult:
        with Vertical(id="backups-box"):
            if self.backups:
                intro = "Backups of this plan, newest first. Enter restores one; Escape closes."
            else:
                intro = "No backups yet: one is kept before every import and bulk change."
            yield Static(Content(intro), id="backups-intro")
            yield DataTable(id="backups-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        for number, backup in enumerate(self.backups, 1):
            taken = backup.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            table.add_row(
                cell(number), cell(taken), cell(f"{backup.size // 1024} KB"), cell(backup.path.name)
            )
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        from plantui.tui.forms.confirm import ConfirmDialog

        number = event.cursor_row + 1
        name = self.backups[number - 1].path.name
        question = (
            f"Put backup {number} ({name}) in place of the plan as it is now?"
            " The plan as it is now is kept as a backup first."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._restore(number)

        self.app.push_screen(ConfirmDialog(question, "Restore"), answered)

    def _restore(self, number: int) -> None:
        try:
            chosen, saved = plan_file.restore(self.db, number)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.dismiss(f"Restored {chosen.path.name}; the plan as it was is kept as {saved.name}.")

    def action_close(self) -> None:
        self.dismiss(None)


def open_backups(app: PlanApp) -> None:
    """Show the backups over the current screen; after a restore, every screen reloads."""

    def done(message: str | None) -> None:
        if message:
            app.notify(message, title="Backups", markup=False)
            app.schedule_reload()

    app.push_screen(BackupsDialog(app.plan_db), done)
