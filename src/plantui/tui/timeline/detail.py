"""The timeline's detail pane and legend, as Content built from the headless schedule."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from plantui.queries.timeline import NoteLine
from plantui.schedule import Bar, Schedule
from plantui.tui.timeline.glyphs import FILL, GHOST, LATE, MILESTONE, STATUS_WORDS, TODAY
from plantui.tui.widgets.safe import rag_content


def ask_detail(s: Schedule, key: str, today: dt.date) -> Content:
    """An ask heading's span, RAG, progress and next milestone."""
    bars = s.group_bars(key)
    span = s.group_span(key)
    rag = s.group_rag(key)
    progress = s.group_progress(key)
    lines = [
        Content.assemble(
            (s.group_title(key), "bold"),
            f"  {len(bars)} action{'s' if len(bars) != 1 else ''}",
            f"  {span[0]} → {span[1]}" if span else "",
        ),
        Content.assemble("RAG: ", rag_content(rag), f" · Progress: {_pct(progress)}"),
    ]
    milestone = s.ask_next_milestone(key, today)
    lines.append(Content.assemble("Next milestone: ", _milestone(milestone)))
    lines.append(Content.styled("space fold/unfold · a add action · m add milestone", "dim"))
    return Content("\n").join(lines)


def action_detail(s: Schedule, bar: Bar, today: dt.date, notes: list[NoteLine]) -> Content:
    """An action's dates, owners, state, links and latest notes."""
    if bar.milestone:
        when = f"  milestone {bar.first or 'no date'}"
    elif bar.first:
        when = f"  {bar.first} → {bar.last} ({bar.duration_days} days)"
    else:
        when = "  no dates"
    moved = ""
    if bar.moved:
        moved = f"  baseline {bar.baseline_start or '?'} → {bar.baseline_end or '?'}"
    org = s.organisations
    lines = [
        Content.assemble((bar.label, "bold"), when, (moved, "dim")),
        Content.assemble(
            "Owners: ",
            org.get(bar.community_owner or "", "none") or "none",
            (" (community)", "dim"),
            " · ",
            org.get(bar.public_owner or "", "none") or "none",
            (" (public)", "dim"),
            " · Pledge: ",
            s.pledges.get(bar.pledge or "", "none") or "none",
        ),
        Content.assemble(
            "Status: ",
            STATUS_WORDS.get(bar.status or "", "not set"),
            " · RAG: ",
            rag_content(bar.rag),
            f" · Progress: {_pct(bar.progress)} · Next milestone: ",
            _milestone(s.next_milestone(bar.id, today)),
        ),
        _links(s, bar),
    ]
    lines.extend(
        Content.assemble(("Note ", "dim"), f"{note.day or 'undated'} ", note.headline)
        for note in notes
    )
    return Content("\n").join(lines)


def _links(s: Schedule, bar: Bar) -> Content:
    """The links this action breaks, else how many it has each way."""
    problems = s.violated_by.get(bar.id, [])
    if problems:
        return Content.assemble(
            (f"{LATE} ", "bold $text-error"),
            ("; ".join(v.describe(s.bars) for v in problems), "$text-error"),
        )
    preds, succs = s.related(bar.id)
    return Content.styled(
        f"← waits on {len(preds)} · → leads to {len(succs)} · no violated links", "dim"
    )


def _pct(value: int | None) -> str:
    return "–" if value is None else f"{value}%"


def _milestone(bar: Bar | None) -> Content:
    if bar is None:
        return Content.styled("none ahead", "dim")
    return Content.assemble(f"{MILESTONE} ", bar.label, (f" ({bar.first})", "dim"))


def legend() -> Content:
    """What each fill and mark means."""
    parts: list[tuple[str, str] | str] = []
    for status in ("on_track", "at_risk", "off_track", "not_started", "done"):
        parts += [(FILL[status], "bold"), f" {STATUS_WORDS[status]}  "]
    parts += [
        (MILESTONE, "bold"),
        " milestone  ",
        (GHOST, "bold"),
        " baseline  ",
        (TODAY, "bold $text-error"),
        " today  ",
        ("┊", "bold"),
        " event  ",
        (LATE, "bold reverse $text-error"),
        " late link  * critical  ■▲● RAG",
    ]
    return Content.assemble(*parts)
