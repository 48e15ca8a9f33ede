"""The plantui Textual application: a small App that switches screens and keeps them fresh.

Screens own their work (bindings, queries, dialogs); the App only knows how to reach each
screen, how to open a record wherever it lives, and when to tell screens to reload: after
any edit made through ``app.editor`` and when another process changes the database file.

Start-up is kept close to a bare Textual app: the App opens on a ``plantui.queries.Plan``,
the Overview draws from the read layer, and the write path (the service and its ORM) is
loaded in a thread once the first frame is on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.content import Content
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widgets import Header

from plantui import clock
from plantui.errors import PlanError
from plantui.queries import Plan
from plantui.queries import plan as plan_file
from plantui.tui import warm_up
from plantui.tui.commands import PlanCommands
from plantui.tui.screen_list import (
    RECORD_SCREENS,
    SCREENS,
    STYLESHEETS,
    plans_screen,
    screen_factory,
)
from plantui.tui.widgets.safe import show

if TYPE_CHECKING:
    from plantui.editor import Editor
    from plantui.library import Library
    from plantui.service import PlanService

_SCREEN_GROUP = Binding.Group("Screens", compact=True)
_UNLISTED_SCREENS = {"people"}
"""Screens whose key the footer leaves out for room; the palette and help list them."""


def _record_search() -> type[Provider]:
    """The palette's record search, imported when the palette first opens (Textual takes a
    callable in COMMANDS for that): the search code is not needed for the first frame."""
    from plantui.tui.search_provider import RecordSearch

    return RecordSearch


class PlanApp(App[None]):
    """The plan in the terminal: eight screens over one service and one undoable editor."""

    TITLE = "plantui"
    CSS_PATH = STYLESHEETS
    theme: Reactive[str] = Reactive("ansi-light")
    """The terminal's own colours (ANSI theme): readable on light and dark terminals alike;
    ansi-light draws the cursor in blue, which shows on both (ansi-dark's white does not).
    The app's default rather than set as it starts: setting it makes Textual parse every
    stylesheet again and restyle the whole app, a tenth of the first frame."""
    COMMANDS = App.COMMANDS | {PlanCommands, _record_search}
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {
        **{n: screen_factory(n) for n in SCREENS},
        "plans": plans_screen,
    }
    BINDINGS: ClassVar = [
        *(
            Binding(
                str(i),
                f"show('{name}')",
                title,
                id=f"screen.{name}",
                group=_SCREEN_GROUP,
                show=name not in _UNLISTED_SCREENS,
            )
            for i, (name, (title, _, _)) in enumerate(SCREENS.items(), start=1)
        ),
        Binding("ctrl+o", "plans", "Plans", id="app.plans", show=False),
        Binding("ctrl+z", "undo", "Undo", id="app.undo"),
        Binding("ctrl+y", "redo", "Redo", id="app.redo", show=False),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
    ]

    def __init__(
        self,
        plan: Plan | PlanService | None,
        today: dt.date | None = None,
        watch: bool = True,
        screen: str = "overview",
        preload: bool = True,
        library: Library | None = None,
        editing_as: str | None = None,
        settle: bool = False,
    ) -> None:
        """Open on ``plan``: a Plan (fast; the write path is built when first needed)
        or a ready PlanService. ``preload`` loads the write path after the first frame.
        With a ``library`` and no plan, the app opens on the library's plans (or welcome).
        ``editing_as`` is the person (id) ``--as`` named: every edit carries them.
        ``settle``: once started (and preloaded), freeze start-up's objects out of the
        garbage collector's way; for the one long-lived app of a process."""
        self.last_screen = screen if screen in SCREENS else "overview"
        self._switching = False
        """True while ``action_show`` switches modes (see ``delay_update``)."""
        if plan is None:
            # Textual reads DEFAULT_MODE, a class setting, in App.__init__; an instance value
            # is how one app class starts on different screens (there is no argument for it).
            self.DEFAULT_MODE = "plans"  # type: ignore[misc]
        super().__init__()
        self.library = library
        self._editing_as = editing_as
        self.db: Plan | None
        if plan is None or isinstance(plan, Plan):
            self.db, self._service = plan, None
        else:
            self.db, self._service = plan.db, plan
        self.plan_title = plan_file.plan_title(self.db) if self.db is not None else None
        self._editor: Editor | None = None
        self.today = today or clock.today()
        self.watch_database = watch
        """Reload screens when another process changes the database file."""
        self.preload = preload
        self.settle = settle
        self._stale: set[str] = set()
        self._reload_pending = False
        self._version = 0

    @property
    def plan_db(self) -> Plan:
        """The open plan; every screen but Plans is shown only while one is open."""
        if self.db is None:
            raise PlanError("No plan is open: start one or open one first (Ctrl+O).")
        return self.db

    @property
    def service(self) -> PlanService:
        """The one write path; SQLAlchemy is imported the first time it is needed."""
        if self._service is None:
            from plantui.service import PlanService

            self._service = PlanService(self.plan_db)
        if self._service.by is None:
            from plantui.tui.dialogs.who import remembered

            self._service.by = self._editing_as or remembered(self.plan_db.path)
        return self._service

    def action_who_is_editing(self) -> None:
        """Pick the person every edit from now on carries (remembered for this user)."""
        from plantui.tui.dialogs.who import WhoIsEditing, remember

        def chosen(person_id: str | None) -> None:
            if person_id:
                self.service.by = person_id
                remember(self.plan_db.path, person_id)
                self._show_who(person_id)

        self.push_screen(WhoIsEditing(self.service), chosen)

    editing_as: str | None = None
    """The name of the person at the keyboard, shown in the header once one is named."""

    def _show_who(self, person_id: str | None) -> None:
        """Name the person in every header (the title is reactive: headers redraw)."""
        from plantui.tui.dialogs.who import name_of

        self.editing_as = name_of(self.plan_db, person_id)
        self.title = (
            f"{self.TITLE} · editing as {self.editing_as}" if self.editing_as else self.TITLE
        )

    def on_click(self, event: events.Click) -> None:
        """A click on a header (its title) changes who is editing."""
        widget = event.widget
        if (
            widget is not None
            and isinstance(widget.parent, Header)
            and not isinstance(self.screen, ModalScreen)
        ):
            self.action_who_is_editing()

    def _ask_who_is_editing(self) -> None:
        """Name the remembered person in the header; on a shared laptop with nobody
        remembered for this user, ask who is editing before the first edit."""
        from plantui.tui.dialogs.who import remembered, shared_laptop

        if self.db is None:  # the Plans screen; asked when a plan opens
            return
        person = self._service.by if self._service is not None else None
        person = person or self._editing_as or remembered(self.db.path)
        if person:
            self._show_who(person)
        elif shared_laptop(self.db):
            self.action_who_is_editing()

    @property
    def editor(self) -> Editor:
        """Edits with undo; every edit made through it reloads the screens."""
        if self._editor is None:
            from plantui.editor import Editor

            self._editor = Editor(self.service)
            self._editor.listeners.append(self._on_edit)
        return self._editor

    crash: Exception | None = None
    """The unhandled error that ended the app, for the CLI to log after the terminal is back."""

    def _handle_exception(self, error: Exception) -> None:
        # Keep Textual's exit path, but leave the report to the CLI's crash log: one plain
        # line on the restored terminal instead of a screenful of traceback.
        self.crash = self.crash or error
        super()._handle_exception(error)
        self._exit_renderables.clear()

    # Screens

    def on_mount(self) -> None:
        if self.watch_database:
            self._version = self._data_version()
            self.set_interval(1.0, self._poll_database, name="watch-database")
        if self.preload or self.settle:
            self.set_timer(warm_up.AFTER_S, self._start_preload, name="preload")
        if self.db is not None:
            self.call_later(self._open_first_screen)

    def _open_first_screen(self) -> None:
        """Show the first screen once Textual's start-up is done, then ask what must be
        asked before an edit. Textual composes a screen of its start-up under a batch of
        updates: it draws that screen once unseen, then only what changed after it, and the
        whole screen a refresh later. Opened after the batch, the screen is drawn once,
        whole, as a screen opened by a key is; until then the app shows a blank screen."""
        self.action_show(self.last_screen)
        self.call_after_refresh(self._ask_before_edits)

    def _ask_before_edits(self) -> None:
        """Who is editing, and whether the clock is right: asked over a plan's first screen
        once it is drawn, a frame later, so the questions' code and reads are not on the way
        to its first frame. Under a clock far ahead the service refuses writes until the
        date is confirmed, however quick the first key."""
        self._ask_who_is_editing()
        self._confirm_clock()

    def format_title(self, title: str, sub_title: str) -> Content:
        """Every header names the open plan: "plantui · <plan> — <screen>"."""
        parts: list[str | Content | tuple[str, str]] = [Content(title)]
        if self.plan_title:
            parts += [(" · ", "dim"), Content(self.plan_title).stylize("bold")]
        if sub_title:
            parts += [(" — ", "dim"), Content(sub_title).stylize("dim")]
        return Content.assemble(*parts)

    def action_plans(self) -> None:
        """The library's plans: switch, start, roll over, archive (Ctrl+O)."""
        if self.library is None:
            self.notify(
                "This app was opened on one file (--db); without --db, plantui keeps a"
                " library of plans to choose from.",
                markup=False,
            )
            return
        self.switch_mode("plans")

    def open_plan(
        self, path: Path, screen: str = "overview", then: Callable[[], object] | None = None
    ) -> None:
        """Switch the whole app to the plan in ``path``: every screen is built afresh on it."""
        if self.db is not None and self.db.path.resolve() == path.resolve() and then is None:
            self.action_show(self.last_screen)  # already open: back where the person was
            return
        try:
            db = plan_file.open_plan(path)
        except PlanError as exc:
            self.notify(f"Could not open the plan: {exc}", severity="error", markup=False)
            return
        if self.current_mode != "plans":
            self.switch_mode("plans")
        for name in SCREENS:  # the old plan's screens go; they are rebuilt when shown
            if self.mode_screen(name) is not None:
                self.remove_mode(name)
                self.add_mode(name, screen_factory(name))
        if self.db is not None:
            self.db.close()
        self.db, self._service, self._editor = db, None, None
        self._editing_as = None  # a person id of the plan left behind
        self.plan_title = plan_file.plan_title(db)
        self.sub_title = self.plan_title  # headers already drawn (the Plans screen) redraw
        self._stale.clear()
        self._version = self._data_version()
        self._show_who(None)  # the person of the plan left behind is not this plan's
        self.action_show(screen)
        self.call_after_refresh(self._ask_before_edits)
        if then is not None:
            self.call_after_refresh(then)

    def _confirm_clock(self) -> None:
        """Ask about the date before any edit if the clock is far past the plan's newest change."""
        from plantui.clock_check import clock_ahead

        if self.db is None or (self._service is not None and self._service.clock_ok):
            return
        ahead = clock_ahead(plan_file.meta(self.db, "clock"), self._wall())
        if ahead is not None:
            from plantui.tui.dialogs.clock import ClockDialog

            self.push_screen(ClockDialog(ahead), self._clock_confirmed)

    def _wall(self) -> int:
        return self._service.wall() if self._service is not None else clock.wall_ms()

    def _clock_confirmed(self, right: bool | None) -> None:
        if right:
            self.service.clock_ok = True

    def _start_preload(self) -> None:
        if not self.preload:
            warm_up.settle()
            return
        work = warm_up.load_then_settle if self.settle else warm_up.load
        self.run_worker(work, name="preload", thread=True, exit_on_error=False)

    def action_show(self, name: str) -> None:
        """Switch to a screen, reloading it first if the data changed while it was hidden."""
        if name not in SCREENS:
            return
        if self.db is None:
            self.notify("Start a plan or open one first.", markup=False)
            return
        self.last_screen = name
        existed = self.mode_screen(name)
        self._switching = True
        try:
            self.switch_mode(name)
        finally:
            self._switching = False
        if existed is not None and name in self._stale:
            self._stale.discard(name)
            self._reload(existed)

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual holds every repaint for 50 ms when it switches modes, to hide the switch.
        A screen switch here is drawn as soon as the new screen is ready instead, as a pushed
        screen is: the hold was half of a first visit and all of a return. Other holds (the
        command palette closing on a command) stay."""
        if not self._switching:
            super().delay_update(delay)

    def mode_screen(self, name: str) -> Screen | None:
        """The base screen of a screen name, if it has been opened."""
        try:
            stack = self.get_screen_stack(name)
        except KeyError:
            return None
        return stack[0] if stack else None

    def open_record(self, record_id: str) -> None:
        """Show a record where it lives (its screen, selected), else open its edit form."""
        from plantui.queries import lists

        try:
            view = lists.record(self.plan_db, record_id)
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        name = RECORD_SCREENS.get(view.type)
        if name is not None:
            self.action_show(name)
            screen = self.mode_screen(name)
            if screen is not None and hasattr(screen, "select_record"):
                screen.select_record(record_id)
                return
        self.edit_record(view.type, record_id)

    def edit_record(self, type_name: str, record_id: str | None = None, preset=None) -> None:
        """Open the form for a record (or a new one)."""
        from plantui.tui.forms import RecordForm

        self.push_screen(RecordForm(type_name, record_id=record_id, preset=preset))

    # Keeping screens fresh

    def _on_edit(self, _record_id: str) -> None:
        self.schedule_reload()

    def schedule_reload(self) -> None:
        """Reload screens once, soon, however many edits arrive together."""
        if not self._reload_pending:
            self._reload_pending = True
            self.call_later(self._reload_screens)

    def _reload_screens(self) -> None:
        self._reload_pending = False
        if self.watch_database:
            self._version = self._data_version()
        if self.db is not None and (title := plan_file.plan_title(self.db)) != self.plan_title:
            self.plan_title = self.sub_title = title  # every header redraws with it
        for name in SCREENS:
            screen = self.mode_screen(name)
            if screen is None:
                continue
            if name == self.current_mode:
                self._reload(screen)
            else:
                self._stale.add(name)

    def _reload(self, screen: Screen) -> None:
        reload = getattr(screen, "reload", None)
        if reload is not None and screen.is_mounted:
            reload()

    def _data_version(self) -> int:
        return plan_file.data_version(self.db) if self.db is not None else 0

    def _poll_database(self) -> None:
        try:
            version = self._data_version()
        except PlanError:
            return
        if version != self._version:
            self._version = version
            self.schedule_reload()

    # Actions

    async def action_quit(self) -> None:
        """Quit; a form holding typed changes asks first, as its Escape does."""
        ask = getattr(self.screen, "ask_before_quitting", None)
        if ask is None or not ask():
            await super().action_quit()

    def action_undo(self) -> None:
        """Undo the last edit (as a new edit) and say what was undone."""
        self._step_back_or_forth(redo=False)

    def action_redo(self) -> None:
        """Make again the edit the last undo took back."""
        self._step_back_or_forth(redo=True)

    def _step_back_or_forth(self, redo: bool) -> None:
        from plantui.queries import lists

        try:
            change = self.editor.redo() if redo else self.editor.undo()
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if change is None:
            self.notify("Nothing to redo." if redo else "Nothing to undo.", markup=False)
            return
        try:
            view = lists.record(self.plan_db, change.record_id)
            what = f"{view.type} “{show(view.label)}”"
        except PlanError:
            what = "the last edit"
        if redo:
            self.notify(f"Redid the change to {what}.", title="Redo", markup=False)
        else:
            self.notify(f"Undid the last change to {what}.", title="Undo", markup=False)

    def action_help(self) -> None:
        from plantui.tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
