"""The plans of the library, inside the app: welcome, choose, start, roll over, archive.

With no plan yet it is the welcome screen: start a new plan, open the example plan or
import a file. Otherwise it lists each plan with its title, period, RAG summary (how many
asks are green, amber, red) and last change; Enter opens one, and the keys start a new
plan, roll the highlighted one over into next year's, or archive it. Ctrl+O and the
command palette bring it back from any screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from plantui.errors import PlanError
from plantui.library import Library, PlanEntry, set_archived
from plantui.text import one_line
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from plantui.tui.app import PlanApp

WELCOME = (
    ("new", "Start a new plan", "Title, area, period and time zone; then its first asks."),
    ("example", "Open the example plan", "A real plan to look around in (Southwark, 2024-25)."),
    ("import", "Import a file", "A plan file from a USB stick or another laptop joins it here."),
)


def describe(entry: PlanEntry) -> Text:
    """Two lines per plan, built as plain text: a title is never markup."""
    line = Text(one_line(entry.title), style="bold")
    if entry.area:
        line.append(f"  ({one_line(entry.area)})")
    rag = entry.rag
    facts = [
        f"{entry.period_start or '?'} to {entry.period_end or '?'}",
        f"asks {rag.get('green', 0)} green, {rag.get('amber', 0)} amber, {rag.get('red', 0)} red",
        f"changed {entry.changed or 'never'}",
    ]
    if entry.open_conflicts:
        facts.append(f"{entry.open_conflicts} open conflict(s)")
    if entry.archived:
        facts.append("archived")
    line.append("\n" + "  ·  ".join(facts), style="dim")
    return line


class PlansScreen(PlanScreen):
    """The library's plans (or the welcome, when it has none)."""

    SUB_TITLE = "Plans"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_plan", "New plan", id="plans.new"),
        Binding("r", "roll_over", "Roll over", id="plans.roll_over"),
        Binding("a", "archive", "Archive/unarchive", id="plans.archive"),
        Binding("x", "toggle_archived", "Show archived", id="plans.toggle_archived"),
        Binding("e", "example", "Example plan", id="plans.example"),
        Binding("i", "import_file", "Import a file", id="plans.import"),
        Binding("escape", "leave", "Back", id="plans.leave"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[PlanEntry] = []
        self.show_archived = False

    @property
    def plan_app(self) -> PlanApp:
        return self.app

    @property
    def library(self) -> Library:
        library = self.plan_app.library
        assert library is not None, "the plans screen is only offered with a library"
        return library

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="plans-intro", classes="hint", markup=False)
        yield OptionList(id="plans-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The welcome has no plan to roll over or archive: those keys are not offered."""
        if action in ("roll_over", "archive", "toggle_archived") and self.is_mounted:
            return not self.welcome
        return True

    @property
    def welcome(self) -> bool:
        return not self.entries and not self.library.entries(include_archived=True)

    def reload(self) -> None:
        """Read the library again: plans change on disk (another laptop, the CLI)."""
        self.entries = self.library.entries(include_archived=self.show_archived)
        shown = self.query_one(OptionList)
        highlighted = shown.highlighted
        shown.clear_options()
        intro = self.query_one("#plans-intro", Static)
        if self.welcome:
            intro.update(
                f"Welcome to plantui. There is no plan in {self.library.folder} yet: start one,"
                " look around the example plan, or import a plan file."
            )
            shown.add_options(
                Option(Text.assemble((text, "bold"), "\n", (hint, "dim")), id=f"do-{name}")
                for name, text, hint in WELCOME
            )
        else:
            intro.update(
                f"{len(self.entries)} plan(s) in {self.library.folder}. Enter opens one;"
                " n starts a new plan, r rolls the highlighted one over into next year's."
                " Ctrl+O brings this list back from any screen."
            )
            shown.add_options(
                Option(describe(e), id=f"plan-{i}") for i, e in enumerate(self.entries)
            )
        self.refresh_bindings()
        if shown.option_count:
            shown.highlighted = min(highlighted or 0, shown.option_count - 1)
        shown.focus()

    def highlighted_entry(self) -> PlanEntry | None:
        shown = self.query_one(OptionList)
        if self.welcome or shown.highlighted is None:
            return None
        return self.entries[shown.highlighted]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id or ""
        if choice == "do-new":
            self.action_new_plan()
        elif choice == "do-example":
            self.action_example()
        elif choice == "do-import":
            self.action_import_file()
        elif choice.startswith("plan-"):
            self.plan_app.open_plan(self.entries[int(choice.removeprefix("plan-"))].path)

    def action_new_plan(self) -> None:
        from plantui.tui.dialogs.new_plan import NewPlanDialog

        def started(path: Path | None) -> None:
            if path is not None:  # straight to the first asks
                self.plan_app.open_plan(path, screen="asks", then=self._first_ask)

        self.app.push_screen(NewPlanDialog(self.library), started)

    def _first_ask(self) -> None:
        self.plan_app.edit_record("ask")

    def action_roll_over(self) -> None:
        from plantui.tui.dialogs.new_plan import NewPlanDialog

        entry = self.highlighted_entry()
        if entry is None:
            self.notify("Choose the plan to roll over first.", markup=False)
            return
        if entry.archived:
            self.notify(
                f"{entry.name()} is archived; unarchive it (a) before rolling it over.",
                severity="warning",
                markup=False,
            )
            return

        def started(path: Path | None) -> None:
            if path is not None:
                self.plan_app.open_plan(path)

        self.app.push_screen(NewPlanDialog(self.library, roll_over_from=entry), started)

    def action_archive(self) -> None:
        entry = self.highlighted_entry()
        if entry is None:
            return
        set_archived(entry.path, not entry.archived)
        word = "Unarchived" if entry.archived else "Archived"
        self.notify(f"{word} {entry.name()}.", markup=False)
        self.reload()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()

    def action_example(self) -> None:
        from plantui.new_plan import add_example
        from plantui.service import PlanService

        try:
            path = add_example(self.library, PlanService)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.plan_app.open_plan(path)

    def action_import_file(self) -> None:
        from plantui.tui.dialogs.import_file import ImportDialog

        self.app.push_screen(ImportDialog(), self._import)

    def _import(self, path: Path | None) -> None:
        from plantui.joining import import_into_library
        from plantui.service import PlanService

        if path is None:
            return
        try:
            done = import_into_library(self.library, [path], PlanService)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        for part in done:
            self.notify(part.summary, title="Import", markup=False)
        self.plan_app.open_plan(done[-1].path)

    def action_leave(self) -> None:
        """Back to the open plan; with none open, Escape leaves the app."""
        if self.plan_app.db is None:
            self.app.exit()
        else:
            self.plan_app.action_show(self.plan_app.last_screen)
