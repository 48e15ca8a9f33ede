"""The detail pane: a record's fields (conflicts marked) and the records it leads to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from plantui.domain import TYPES
from plantui.tui.widgets.safe import CONFLICT_MARK, block, rag, show

if TYPE_CHECKING:
    from plantui.queries.lists import Shown
    from plantui.queries.related import Related
    from plantui.service import RecordView

HIDDEN_FIELDS = {"rank", "agenda_order"}


def describe(view: RecordView | Shown, related: list[Related]) -> Text:
    """A record's fields as safe text; ref fields show the label of what they point to."""
    labels = {r.record_id: r.label for r in related}
    text = Text()
    text.append(f"{view.type.capitalize()}: ", style="bold")
    text.append(show(view.label), style="bold")
    if view.deleted:
        text.append("  (deleted: press r to restore)", style="bold")
    if view.conflicts or view.delete_conflict:
        text.append(f"\n{CONFLICT_MARK} open conflicts: see the Conflicts screen (7)", style="bold")
    rtype = TYPES[view.type]
    for name, spec in rtype.fields.items():
        value = view.values.get(name)
        if name in HIDDEN_FIELDS or (value is None and name not in view.conflicts):
            continue
        text.append("\n")
        label = name.replace("_", " ")
        if name in view.conflicts:
            text.append(f"{CONFLICT_MARK} {label} (in conflict): ", style="bold")
        else:
            text.append(f"{label}: ", style="bold")
        if spec.kind == "ref":
            text.append(show(labels.get(str(value), value)))
        elif name == "rag":
            text.append_text(rag(value))
        elif spec.kind == "enum" and isinstance(value, str):
            text.append(show(value.replace("_", " ")))
        elif spec.kind == "text" and isinstance(value, str) and "\n" in value:
            text.append("\n")
            text.append_text(block(value))
        else:
            text.append(show(value))
    return text


class DetailPane(Vertical):
    """Fields on top, related records below; Enter on a related record opens it."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-fields"):
            yield Static("", id="detail-body")
        yield OptionList(id="detail-links")

    def clear(self, message: str = "") -> None:
        self.query_one("#detail-body", Static).update(Text(message, style="dim"))
        self.query_one("#detail-links", OptionList).clear_options()

    def show_record(self, view: RecordView | Shown, related: list[Related]) -> None:
        """Fill the pane for one record."""
        self.query_one("#detail-body", Static).update(describe(view, related))
        links = self.query_one("#detail-links", OptionList)
        links.clear_options()
        options: list[Option | None] = []
        heading = None
        for n, item in enumerate(related):
            if item.heading != heading:
                heading = item.heading
                options.append(Option(Text(heading, style="bold underline"), disabled=True))
            prompt = Text("  ")
            if item.extra:
                prompt.append(f"{show(item.extra)} ")
            prompt.append(f"{item.type}: ", style="dim")
            prompt.append(show(item.label))
            if item.deleted:
                prompt.append(" (deleted)", style="italic")
            options.append(Option(prompt, id=f"{n}:{item.record_id}"))
        if not related:
            options.append(
                Option(
                    Text("Nothing linked yet (l to link, n for a note).", style="dim"),
                    disabled=True,
                )
            )
        links.add_options(options)
