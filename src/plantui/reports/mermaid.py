"""The timeline as Mermaid gantt text, for wikis and issue trackers that draw Mermaid.

Mermaid's gantt syntax has no escaping: a ``:`` ends a task title and ``#`` and ``;`` start
entity codes and comments, so those characters are replaced in every title and section.
"""

from __future__ import annotations

import re

from plantui.queries.report_items import ActionItem, Report

_UNSAFE = re.compile(r"[:#;%{}\[\]<>`\"\\]")


def mermaid_text(text: str) -> str:
    """A title Mermaid can take: one line, its syntax characters turned into safe ones."""
    text = " ".join(text.split())
    text = text.replace(":", " -").replace("#", "no.").replace(";", ",")
    text = _UNSAFE.sub("", text)
    return " ".join(text.split()) or "untitled"


def _tags(action: ActionItem) -> list[str]:
    tags = []
    if action.status == "done":
        tags.append("done")
    elif action.status in ("on track", "at risk", "off track"):
        tags.append("active")
    if action.rag == "red" or action.status == "off track":
        tags.append("crit")
    if action.milestone:
        tags.append("milestone")
    return tags


def render_mermaid(report: Report) -> str:
    """Sections per ask (in priority order), a task per dated action, milestones as such."""
    lines = [
        "gantt",
        f"    title {mermaid_text(report.title)}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %b %Y",
    ]
    groups = [(f"{a.ref_code} {a.title}".strip(), a.actions) for a in report.asks]
    if report.unlinked_actions:
        groups.append(("Not linked to an ask", report.unlinked_actions))
    count = 0
    for heading, actions in groups:
        dated = [a for a in actions if a.start or a.end]
        if not dated:
            continue
        lines.append(f"    section {mermaid_text(heading)}")
        for act in dated:
            count += 1
            start = act.start or act.end
            end = act.end or act.start
            assert start is not None and end is not None
            name = mermaid_text(f"{act.ref_code} {act.title}".strip())
            parts = [*_tags(act), f"t{count}", start.isoformat()]
            parts.append("0d" if act.milestone else f"{(end - start).days + 1}d")
            lines.append(f"    {name} :{', '.join(parts)}")
    return "\n".join(lines) + "\n"
