""" "Who is editing?": the person every TUI write carries, remembered per laptop user.

The choice lives in the user's config folder (one file, database path -> person id), so
each person logged in on a shared laptop keeps their own, and every plan its own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from platformdirs import user_config_path
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from plantui.errors import PlanError
from plantui.queries import Plan
from plantui.queries.people import find_person, people, person_name, shared_laptop
from plantui.text import one_line

if TYPE_CHECKING:
    from textual import getters

    from plantui.service import PlanService
    from plantui.tui.app import PlanApp

__all__ = ["WhoIsEditing", "choose_person", "name_of", "remember", "remembered", "shared_laptop"]


def config_file() -> Path:
    return user_config_path("plantui", appauthor=False) / "editing.json"


def remembered(db_path: Path) -> str | None:
    """The person id chosen last for this database by this laptop user, if any."""
    try:
        data = json.loads(config_file().read_text("utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get(str(db_path.resolve())) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def remember(db_path: Path, person_id: str) -> None:
    path = config_file()
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    data[str(db_path.resolve())] = person_id
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(json.dumps(data, indent=1), "utf-8")


def name_of(plan: Plan, person_id: str | None) -> str | None:
    """The name of the person editing, for the header (None when nobody is named)."""
    name = person_name(plan, person_id) if person_id else None
    return one_line(name) if name else None


def choose_person(plan: Plan, service: PlanService, name: str) -> str:
    """The person named ``name`` (name, unique prefix or id), added if there is none."""
    try:
        return find_person(plan, name)
    except PlanError as exc:
        if "no person named" not in str(exc):
            raise
    return service.create("person", {"name": name.strip()}).record_id


class WhoIsEditing(ModalScreen[str | None]):
    """Ask for the person at the keyboard: a name from the plan's people, or a new one."""

    if TYPE_CHECKING:
        app = getters.app(PlanApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="who-cancel"),
    ]
    DEFAULT_CSS = """
    WhoIsEditing { align: center middle; }
    #who-box {
        width: 70; height: auto; border: round $primary; padding: 1 2; background: $surface;
    }
    #who-people { height: auto; max-height: 12; margin-top: 1; }
    """

    def __init__(self, service: PlanService) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        names = people(self.app.plan_db)
        with Vertical(id="who-box"):
            yield Static(
                Content("Who is editing? Type your name (a new name adds you), or pick it below.")
            )
            yield Input(placeholder="Your name", id="who-name")
            if names:
                yield OptionList(
                    *(Option(Text(one_line(p.name)), id=p.id) for p in names),
                    id="who-people",
                )

    def on_mount(self) -> None:
        self.query_one("#who-name", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            return
        try:
            self.dismiss(choose_person(self.app.plan_db, self.service, name))
        except PlanError as exc:
            self.notify(str(exc), severity="error", markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)
