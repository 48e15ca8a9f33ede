"""Sync: bring in other laptops' files, write this copy out, or sync a shared folder.

An import is always checked first (a dry run that writes nothing) and its summary shown;
only then can it be applied. Every step runs in a worker thread, so the screen keeps
answering keys while a big file is read, and says what it is doing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    OptionList,
    ProgressBar,
    Static,
)
from textual.widgets.option_list import Option

from plantui.errors import PlanError
from plantui.queries import plan as plan_file
from plantui.text import one_line, plain
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.widgets.footer import KeysFooter

SUFFIX = ".plantui.json"


class FolderList(OptionList):
    """A folder's subfolders and exchange files; Enter opens a folder or chooses a file.

    A plain list read on demand rather than a DirectoryTree: the tree keeps a loader worker
    running for ever, which would stop the app from ever being idle (screenshots, tests).
    """

    class Chosen(Message):
        """A folder or file was chosen: the path box should show it."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, folder: Path, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.folder = folder

    def on_mount(self) -> None:
        self.show(self.folder)

    def show(self, folder: Path) -> None:
        """List ``folder``: its parent first, then folders, then exchange files."""
        self.folder = folder
        entries: list[Path] = []
        try:
            for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
                if path.name.startswith("."):
                    continue
                try:
                    if path.is_dir() or path.name.endswith(SUFFIX):
                        entries.append(path)
                except OSError:
                    continue
        except OSError:
            entries = []
        options = [Option(Content.styled(f"{one_line(str(folder))}", "bold"), id="")]
        options.append(Option(Content("⬑ .."), id=str(folder.resolve().parent)))
        dirs = [p for p in entries if p.is_dir()]
        files = [p for p in entries if not p.is_dir()]
        options += [Option(Content(f"▸ {one_line(p.name)}/"), id=str(p)) for p in dirs]
        options += [Option(Content(f"  {one_line(p.name)}"), id=str(p)) for p in files]
        self.clear_options()
        self.add_options(options)
        self.disable_option_at_index(0)
        self.highlighted = 1

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not event.option.id:
            return
        path = Path(event.option.id)
        if path.is_dir():
            self.show(path)
        self.post_message(self.Chosen(path))


def copy_name(db_path: Path) -> str:
    """The name a copy of the database at ``db_path`` gets in a chosen folder."""
    return f"{db_path.stem}-for-another-laptop.db"


def _expand(text: str) -> Path | None:
    text = text.strip()
    return Path(text).expanduser() if text else None


class SyncScreen(PlanScreen):
    """Import a file or folder (preview, then apply), export, or sync a shared folder."""

    SUB_TITLE = "Sync"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "preview", "Preview import", id="sync.preview"),
        Binding("f3", "apply", "Apply import", id="sync.apply"),
        Binding("f4", "export", "Export", id="sync.export"),
        Binding("f5", "sync_folder", "Sync folder", id="sync.folder"),
        Binding("f6", "backups", "Backups", show=False, id="sync.backups"),
        Binding("f7", "copy_for_laptop", "Copy for a laptop", id="sync.copy"),
        Binding("ctrl+l", "focus_path", "Path", show=False, id="sync.path"),
        Binding("escape", "leave_path", "Leave path", show=False, id="sync.leave-path"),
    ]

    def action_backups(self) -> None:
        """The kept backups: list them, restore one (``plantui backups`` in the app)."""
        from plantui.tui.dialogs.backups import open_backups

        open_backups(self.app)

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        self.start = start
        self.pending: list[Path] | None = None
        """Files whose dry run was shown and may now be applied."""
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="sync-intro")
        with Horizontal(id="sync-body"):
            yield FolderList(self.start or Path.home(), id="sync-tree")
            with Vertical(id="sync-side"):
                yield Label("File or folder (a USB stick, a shared folder):")
                yield Input(
                    placeholder="/media/usb  or  ~/plan.plantui.json",
                    id="sync-path",
                )
                with Horizontal(id="sync-buttons"):
                    yield Button("Preview import", id="preview", variant="primary")
                    yield Button("Apply import", id="apply", variant="success", disabled=True)
                with Horizontal(id="sync-buttons-2"):
                    yield Button("Export", id="export")
                    yield Button("Sync folder", id="sync-folder")
                    yield Button("Copy plan", id="copy-for-laptop")
                yield ProgressBar(total=None, show_eta=False, id="sync-progress")
                yield Static("", id="sync-status")
                with VerticalScroll(id="sync-result-box"):
                    yield Static("", id="sync-result")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#sync-progress").display = False
        self.reload()
        # Start in the folder list, so the number keys still switch screens; Ctrl+L or a
        # click goes to the path box, Escape comes back.
        self.query_one("#sync-tree").focus()

    def reload(self) -> None:
        """Show which copy this is; called by the app whenever the database changes."""
        label = plan_file.replica_label(self.app.plan_db)
        self.query_one("#sync-intro", Static).update(
            Content.assemble(
                "This copy: ",
                (label, "bold"),
                ". Import shows what would change first; nothing is written until you apply.",
            )
        )

    # Paths

    @on(FolderList.Chosen)
    def _chosen(self, event: FolderList.Chosen) -> None:
        self.query_one("#sync-path", Input).value = str(event.path)

    @on(Input.Changed, "#sync-path")
    def _path_changed(self) -> None:
        if self.pending is not None:
            self.pending = None
            self._set_buttons()

    @on(Input.Submitted, "#sync-path")
    def _path_submitted(self) -> None:
        # Enter is done with typing: leave the box, so the screen keys (1-8) work again.
        self.query_one("#preview", Button).focus()
        self.action_preview()

    def on_screen_resume(self) -> None:
        """Coming back to Sync never lands in the path box, where 1-8 would be typed."""
        if isinstance(self.focused, Input):
            self.query_one("#sync-tree").focus()

    def _path(self) -> Path | None:
        path = _expand(self.query_one("#sync-path", Input).value)
        if path is None:
            self._say("Type a file or folder first (or choose one in the tree).", error=True)
        return path

    def _files_to_import(self, path: Path) -> list[Path]:
        """The file itself, or every other copy's exchange file in a folder."""
        if path.is_dir():
            from plantui.exchange.folder import own_file

            own = own_file(self.app.service, path)
            return [p for p in sorted(path.glob(f"*{SUFFIX}")) if p != own]
        return [path]

    # Buttons and keys

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions: dict[str, Callable[[], None]] = {
            "preview": self.action_preview,
            "apply": self.action_apply,
            "export": self.action_export,
            "sync-folder": self.action_sync_folder,
            "copy-for-laptop": self.action_copy_for_laptop,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def action_leave_path(self) -> None:
        self.query_one("#sync-tree").focus()

    def action_focus_path(self) -> None:
        self.query_one("#sync-path", Input).focus()

    def action_preview(self) -> None:
        """Check the file(s) with a dry run and show what importing would change."""
        path = self._path()
        if path is None or self.busy:
            return
        if not path.exists():
            self._say(f"There is no file or folder at {path}.", error=True)
            return
        files = self._files_to_import(path)
        if not files:
            self._say(f"No other copy's {SUFFIX} file in {path}.", error=True)
            return
        self._start(f"Checking {len(files)} file(s)…")
        self._run_preview(files)

    def action_apply(self) -> None:
        """Import the files whose preview is showing."""
        if self.pending is None or self.busy:
            return
        files = self.pending
        self._start(f"Importing {len(files)} file(s)…")
        self._run_import(files)

    def action_export(self) -> None:
        """Write this copy to a file, or into a folder under this copy's own name."""
        path = self._path()
        if path is None or self.busy:
            return
        if path.is_dir():
            from plantui.exchange.folder import own_file

            target = own_file(self.app.service, path)
        elif path.name.endswith(SUFFIX):
            target = path
        else:
            self._say(
                f"Give a folder, or a file name ending in {SUFFIX} (not {path.name}).",
                error=True,
            )
            return
        if not target.parent.is_dir():
            self._say(f"There is no folder {target.parent}.", error=True)
            return
        self._start(f"Writing {target.name}…")
        self._run_export(target)

    def action_sync_folder(self) -> None:
        """Import every other copy's file in a shared folder, then write this copy's own."""
        path = self._path()
        if path is None or self.busy:
            return
        if not path.is_dir():
            self._say(f"{path} is not a folder; sync works on a shared folder.", error=True)
            return
        self._start(f"Syncing with {path}…")
        self._run_sync(path)

    def action_copy_for_laptop(self) -> None:
        """A whole copy of this plan for setting up another laptop, safe while the app is
        open (SQLite writes it, edits still in the WAL included); the copy has its own
        replica id, so the two laptops exchange files both ways."""
        path = self._path()
        if path is None or self.busy:
            return
        target = path / copy_name(self.app.plan_db.path) if path.is_dir() else path
        if target.suffix != ".db":
            self._say(f"Give a folder, or a file name ending in .db (not {target.name}).", True)
            return
        self._start(f"Copying the plan to {target}…")
        self._run_copy(target)

    # Work in threads

    def _progress(self, message: str) -> None:
        self.app.call_from_thread(self._status, message)

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return fn(*args, progress=self._progress, **kwargs)

    @work(thread=True, exclusive=True, group="sync")
    def _run_preview(self, files: list[Path]) -> None:
        from plantui.exchange import import_files

        try:
            summary = self._call(import_files, self.app.service, files, dry_run=True)
        except PlanError as exc:
            self.app.call_from_thread(self._finish, f"Refused: {exc}", True, None)
            return
        text = summary.text() + "\nApply the import to write these changes."
        self.app.call_from_thread(self._finish, text, False, files)

    @work(thread=True, exclusive=True, group="sync")
    def _run_import(self, files: list[Path]) -> None:
        from plantui.exchange import import_files

        try:
            summary = self._call(import_files, self.app.service, files)
        except PlanError as exc:
            self.app.call_from_thread(self._finish, f"Refused: {exc}", True, None)
            return
        self.app.call_from_thread(self._finish, summary.text(), False, None, True)

    @work(thread=True, exclusive=True, group="sync")
    def _run_export(self, target: Path) -> None:
        from plantui.exchange import export_file

        try:
            count = export_file(self.app.service, target)
        except (PlanError, OSError) as exc:
            self.app.call_from_thread(self._finish, f"Not written: {exc}", True, None)
            return
        self.app.call_from_thread(self._finish, f"Wrote {count} records to {target}.", False, None)

    @work(thread=True, exclusive=True, group="sync")
    def _run_copy(self, target: Path) -> None:
        try:
            plan_file.copy_plan(self.app.plan_db, target)
        except PlanError as exc:
            self.app.call_from_thread(self._finish, f"Not copied: {exc}", True, None)
            return
        text = (
            f"Copied the plan to {target}. On the other laptop: plantui --db {target.name};"
            " it is a laptop of its own, so sync as usual."
        )
        self.app.call_from_thread(self._finish, text, False, None)

    @work(thread=True, exclusive=True, group="sync")
    def _run_sync(self, folder: Path) -> None:
        from plantui.exchange import sync_folder

        try:
            result = sync_folder(self.app.service, folder)
        except (PlanError, OSError) as exc:
            self.app.call_from_thread(self._finish, f"Not synced: {exc}", True, None)
            return
        self.app.call_from_thread(self._finish, result.text(), False, None, True)

    # Showing progress and results

    def _start(self, message: str) -> None:
        self.busy = True
        self.pending = None
        self._set_buttons()
        self.query_one("#sync-progress").display = True
        self._status(message)
        self._say("")

    def _status(self, message: str) -> None:
        self.query_one("#sync-status", Static).update(Content(plain(message)))

    def _finish(
        self,
        text: str,
        error: bool,
        pending: list[Path] | None,
        changed_db: bool = False,
    ) -> None:
        self.busy = False
        self.pending = pending
        self.query_one("#sync-progress").display = False
        self._status("")
        self._say(text, error=error)
        self._set_buttons()
        if changed_db:
            reload_all = getattr(self.app, "schedule_reload", None)
            if reload_all is not None:
                reload_all()
            else:
                self.reload()

    def _say(self, text: str, error: bool = False) -> None:
        result = self.query_one("#sync-result", Static)
        result.update(Content(plain(text)))
        result.set_class(error, "-error")

    def _set_buttons(self) -> None:
        for button in self.query("#sync-buttons Button, #sync-buttons-2 Button"):
            button.disabled = self.busy
        self.query_one("#apply", Button).disabled = self.busy or self.pending is None
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Apply is offered only while a checked preview is showing."""
        if action == "apply":
            return self.pending is not None and not self.busy
        return True
