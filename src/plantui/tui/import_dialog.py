"""Choosing an exchange file to import: the home folder, and any removable drive.

A file tree starts in the user's home; the drives mounted under ``/media`` and
``/run/media`` (where desktops put USB sticks) are listed beside it and re-root the tree.
A path can also be typed. The dialog only chooses; the caller imports.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, OptionList, Static
from textual.widgets.option_list import Option

from plantui.text import one_line

DRIVE_ROOTS = (Path("/media"), Path("/run/media"))


def _folders(path: Path) -> list[Path]:
    try:
        return sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def removable_drives(roots: Iterable[Path] = DRIVE_ROOTS) -> list[Path]:
    """Mounted drives: ``/media/STICK``, or one level down (``/media/<user>/STICK``)."""
    found: list[Path] = []
    for root in roots:
        for child in _folders(root):
            if os.path.ismount(child):
                found.append(child)
            else:
                found.extend(_folders(child))
    return found


class FileTree(DirectoryTree):
    """The folder tree without hidden files and folders (a home holds dozens)."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".")]


class ImportDialog(ModalScreen[Path | None]):
    """Returns the chosen file, or None when cancelled."""

    DEFAULT_CSS = """
    ImportDialog { align: center middle; }
    ImportDialog > Vertical {
        width: 90%; height: 80%; border: round $primary; padding: 0 1; background: $surface;
    }
    ImportDialog Horizontal { height: 1fr; }
    ImportDialog #import-places { width: 30; height: 1fr; }
    ImportDialog DirectoryTree { width: 1fr; height: 1fr; }
    """
    AUTO_FOCUS = "#import-path"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
    ]

    def __init__(self, home: Path | None = None, drive_roots: Iterable[Path] = DRIVE_ROOTS):
        super().__init__()
        self.home = home or Path.home()
        self.places = [self.home, *removable_drives(drive_roots)]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Import a plan file (*.plantui.json)", classes="section-title")
            yield Static(
                "Pick a file, or type its path and press Enter. On the left: your home"
                " folder, then USB sticks and other removable drives.",
                classes="hint",
                markup=False,
            )
            yield Input(value=f"{self.home}{os.sep}", id="import-path", select_on_focus=False)
            with Horizontal():
                yield OptionList(
                    *(
                        Option(Content(one_line(str(p))), id=str(i))
                        for i, p in enumerate(self.places)
                    ),
                    id="import-places",
                )
                yield FileTree(self.home, id="import-tree")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        place = self.places[int(event.option.id or 0)]
        self.query_one(DirectoryTree).path = place
        typed = self.query_one("#import-path", Input)
        typed.value = f"{place}{os.sep}"
        typed.cursor_position = len(typed.value)  # typing a name goes after the folder

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(Path(event.path))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
