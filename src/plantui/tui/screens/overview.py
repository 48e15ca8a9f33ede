"""The Overview screen: where the plan stands, and every way into what needs attention.

Title, area and period with how far through it we are; each ask in priority order with its
rolled-up RAG and progress; the gaps; open conflicts; integrity findings. Every item is an
option: Enter opens the record on its screen (or its form). On a big plan the head and the
asks are drawn at once and the gaps, conflicts and findings follow from a thread.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from plantui.errors import PlanError
from plantui.queries.derived import PlanHead
from plantui.queries.overview import Attention, Overview, attention, overview
from plantui.tui.plan_screen import PlanScreen
from plantui.tui.widgets.footer import KeysFooter
from plantui.tui.widgets.safe import CONFLICT_MARK, progress, rag, show

GAP_WORDS = {
    "ask_without_pledge": "no pledge",
    "pledge_without_action": "no action",
    "action_without_public_owner": "no public owner",
    "action_without_community_owner": "no community owner",
    "overdue_action": "overdue",
    "overdue_pledge": "overdue",
    "milestone_without_deliverable": "no deliverable",
}


SHOWN = 100
"""Items shown per section; a plan with thousands of records still opens at once."""

ATTENTION_IN_THREAD_FROM = 1_000
"""Live actions from which the gaps, conflicts and findings are read in a thread, after the
head and the asks are drawn: finding them takes a tenth of a second or more on a big plan."""


def _more(count: int, what: str, where: str) -> Option:
    return Option(Text(f"  … and {count} more {what} (see {where})", style="dim"), disabled=True)


def _heading(text: str) -> Option:
    return Option(Text(text, style="bold reverse"), disabled=True)


def _elapsed_line(elapsed: float | None, plan: PlanHead | None, width: int = 30) -> Text:
    if elapsed is None or plan is None or plan.period_start is None or plan.period_end is None:
        return Text("No plan period set: edit the plan to give it a start and an end.", style="dim")
    total = (plan.period_end - plan.period_start).days
    done = round(elapsed * total)
    pct = round(elapsed * 100)
    filled = round(width * elapsed)
    return Text.assemble(
        ("Through the plan: ", "bold"),
        "█" * filled + "░" * (width - filled),
        f" {pct}% (day {done} of {total})",
    )


def _ask_options(view: Overview) -> list[Option]:
    """Asks in priority order, each with its rolled-up RAG and progress."""
    asks = view.asks
    options = [_heading(f" Asks in priority order ({len(asks)}) ")]
    for n, ask in enumerate(asks[:SHOWN], start=1):
        roll = view.rollups.get(ask.id)
        prompt = Text.assemble(
            f"{n:>2}. ",
            rag(roll.rag if roll else None),
            "  ",
            progress(roll.progress if roll else None, width=8),
            "  ",
            (f"{show(ask.ref_code)} ", "bold"),
            show(ask.title),
        )
        options.append(Option(prompt, id=f"ask:{ask.id}"))
    if len(asks) > SHOWN:
        options.append(_more(len(asks) - SHOWN, "asks", "the Asks screen, key 2"))
    if not asks:
        options.append(Option(Text("  No asks yet: press 2, then a, to add one."), disabled=True))
    return options


def _attention_options(view: Overview, found: Attention | None) -> list[Option]:
    """The gaps, conflicts and findings, or a line saying they are being looked for."""
    if found is None:
        looking = Text("  Looking for gaps, conflicts and integrity findings…", style="dim")
        return [_heading(" Needs attention "), Option(looking, disabled=True)]
    return [
        *_gap_options(found, bool(view.asks)),
        *_conflict_options(found),
        *_finding_options(found),
    ]


def _gap_options(found: Attention, has_asks: bool) -> list[Option]:
    """What the plan still lacks."""
    gaps = found.gaps
    options = [_heading(f" Gaps ({gaps.count}) ")]
    for n, gap in enumerate(gaps.first):
        word = GAP_WORDS.get(gap.kind, gap.kind)
        if gap.kind.startswith("overdue"):
            word = show(gap.message).removesuffix(".").lower()
        prompt = Text.assemble((f"{word:<21}", "bold"), (f"{gap.type:<7} ", "dim"), show(gap.label))
        options.append(Option(prompt, id=f"gap{n}:{gap.record}"))
    if gaps.count > len(gaps.first):
        options.append(_more(gaps.count - len(gaps.first), "gaps", "the lists"))
    if not gaps.count:
        none = "  None: every ask is answered and every action owned."
        if not has_asks:
            none = "  None yet: the plan has no asks."
        options.append(Option(Text(none), disabled=True))
    return options


def _conflict_options(found: Attention) -> list[Option]:
    """Open conflicts; choosing one opens it on the Conflicts screen."""
    conflicts = found.conflicts
    mark = f"{CONFLICT_MARK} " if conflicts.count else ""
    options = [_heading(f" {mark}Open conflicts ({conflicts.count}) ")]
    for n, conflict in enumerate(conflicts.first):
        what = conflict.field or "deleted while edited"
        prompt = Text.assemble(
            (f"  {CONFLICT_MARK} {conflict.type} ", "bold"),
            show(conflict.label),
            (f"  {show(what)}: {len(conflict.values)} values", "dim"),
        )
        options.append(Option(prompt, id=f"conflict{n}:{conflict.record}"))
    if conflicts.count > len(conflicts.first):
        more = conflicts.count - len(conflicts.first)
        options.append(_more(more, "conflicts", "the Conflicts screen, key 7"))
    if not conflicts.count:
        options.append(Option(Text("  None."), disabled=True))
    return options


def _finding_options(found: Attention) -> list[Option]:
    """Integrity findings: flagged for review, never refused."""
    findings = found.findings
    options = [_heading(f" Integrity findings ({findings.count}) ")]
    for n, finding in enumerate(findings.first):
        prompt = Text.assemble(
            (f"  {finding.kind.replace('_', ' ')}: ", "bold"), show(finding.message)
        )
        options.append(Option(prompt, id=f"finding{n}:{finding.record}"))
    if findings.count > len(findings.first):
        options.append(_more(findings.count - len(findings.first), "findings", "`plantui check`"))
    if not findings.count:
        options.append(Option(Text("  None."), disabled=True))
    return options


class OverviewScreen(PlanScreen):
    """The plan at a glance; Enter on an item opens it."""

    SUB_TITLE = "Overview"
    BINDINGS: ClassVar = [
        Binding("e", "edit_plan", "Edit plan", id="overview.edit-plan"),
        Binding("n", "note", "Note on plan", id="overview.note"),
        Binding("c", "changed_since", "Changed since", id="overview.changed-since", show=False),
    ]
    since: tuple[str, str] | None = None
    """(clock prefix, description) of the 'Changed since' section, once asked for."""
    _generation = 0
    """Counts reloads, so gaps read for an older one are never shown."""
    _found: Attention | None = None
    """The gaps, conflicts and findings last read: shown while a big plan's are read again."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="plan-head")
        yield Static("", id="plan-elapsed")
        yield OptionList(id="overview-items")
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#overview-items", OptionList).focus()

    def reload(self) -> None:
        """Read the plan, rollups, gaps, conflicts and findings, and redraw the list; on a
        big plan the gaps, conflicts and findings are read in a thread, shown when found
        (the last ones found stay until then)."""
        today = self.app.today
        view = overview(self.app.plan_db, today, SHOWN, attention_below=ATTENTION_IN_THREAD_FROM)
        self._generation += 1
        self.plan_id = view.head.id if view.head else None
        self.query_one("#plan-head", Static).update(self._head(view.head, today))
        self.query_one("#plan-elapsed", Static).update(_elapsed_line(view.elapsed, view.head))
        if view.attention is not None:
            self._found = view.attention
        self._show(view, self._found)
        if view.attention is None:
            self._read_attention(view, self._generation)

    class AttentionFound(Message):
        """The gaps, conflicts and findings of one reload, read in the thread."""

        def __init__(self, view: Overview, found: Attention | PlanError, generation: int):
            super().__init__()
            self.view, self.found, self.generation = view, found, generation

    @work(thread=True, exclusive=True, group="overview-attention", exit_on_error=False)
    def _read_attention(self, view: Overview, generation: int) -> None:
        try:
            found: Attention | PlanError = attention(self.app.plan_db, self.app.today, SHOWN)
        except PlanError as exc:
            found = exc
        self.post_message(self.AttentionFound(view, found, generation))

    def on_overview_screen_attention_found(self, message: AttentionFound) -> None:
        if message.generation != self._generation:
            return  # a newer reload is on its way
        if isinstance(message.found, PlanError):
            self.notify(f"Could not look for gaps: {message.found}", severity="error", markup=False)
            return
        self._found = message.found
        self._show(message.view, message.found)

    def _show(self, view: Overview, found: Attention | None) -> None:
        items = self.query_one("#overview-items", OptionList)
        highlighted = items.highlighted_option.id if items.highlighted_option else None
        options = [*_ask_options(view), *_attention_options(view, found)]
        if self.since is not None:
            from plantui.tui.dialogs.since import changes_options

            options.extend(changes_options(self.app.plan_db, *self.since))
        items.clear_options()
        items.add_options(options)
        if highlighted is not None:
            with contextlib.suppress(Exception):  # the item may have gone
                items.highlighted = items.get_option_index(highlighted)
        elif view.asks:
            items.highlighted = 1  # the first ask, under its heading

    def _head(self, plan: PlanHead | None, today) -> Text:
        if plan is None:
            return Text("No plan yet: run `plantui demo` or import a full export.", style="bold")
        head = Text()
        head.append(show(plan.title), style="bold")
        if plan.area:
            head.append(f" · {show(plan.area)}")
        head.append("\n")
        period = f"{plan.period_start or '?'} to {plan.period_end or '?'}"
        head.append(f"Period {period} · status {show(plan.status) or 'not set'} · today {today}")
        return head

    @on(OptionList.OptionSelected, "#overview-items")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        kind, _, record_id = option_id.partition(":")
        if kind.startswith("conflict"):
            self.app.action_show("conflicts")
            screen = self.app.mode_screen("conflicts")
            if screen is not None and hasattr(screen, "select_record"):
                screen.select_record(record_id)
            return
        if record_id:
            self.app.open_record(record_id)

    def action_edit_plan(self) -> None:
        if self.plan_id:
            self.app.edit_record("plan", self.plan_id)

    def action_changed_since(self) -> None:
        """Add what changed since a date or an event (say, the last steering meeting)."""
        from plantui.tui.dialogs.since import SinceDialog

        def chosen(since: tuple[str, str] | None) -> None:
            if since is not None:
                self.since = since
                self.reload()
                items = self.query_one("#overview-items", OptionList)
                ids = [items.get_option_at_index(i).id or "" for i in range(items.option_count)]
                first = next((i for i, o in enumerate(ids) if o.startswith("changed")), None)
                if first is not None:
                    items.highlighted = first

        self.app.push_screen(SinceDialog(self.app.plan_db), chosen)

    def action_note(self) -> None:
        """A dated note about the plan as a whole."""
        if self.plan_id:
            preset = {"about": self.plan_id, "date": self.app.today.isoformat()}
            self.app.edit_record("note", preset=preset)
