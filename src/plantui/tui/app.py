"""The plantui Textual application."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from plantui.service import PlanService


class PlanApp(App[None]):
    """A first screen: the plan's title; the full set of screens grows from here."""

    TITLE = "plantui"

    def __init__(self, service: PlanService) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        yield Header()
        plans = self.service.list("plan")
        title = plans[0].label if plans else "No plan yet: run `plantui demo` or import a file."
        yield Static(title, markup=False, id="plan-title")
        yield Footer()
