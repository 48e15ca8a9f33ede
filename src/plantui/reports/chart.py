"""The timeline chart of the HTML report: inline SVG, drawn from the report model.

Geometry is computed here and the SVG is written by a Jinja2 template with autoescaping,
so an action titled ``<script>`` is drawn as text. Colour is never the only signal: each
row also says its RAG and progress in words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

from plantui.domain import drawable_day
from plantui.queries.report_items import ActionItem, AskSection, Report

WIDTH = 1000
LABEL_W = 330
STATUS_W = 96
ROW_H = 13
HEAD_H = 16
AXIS_H = 30
LABEL_CHARS = 52

RAG_FILL = {"green": "#2e7d32", "amber": "#b26a00", "red": "#c62828"}
NO_RAG_FILL = "#6b6b6b"


@dataclass(slots=True)
class Tick:
    x: float
    label: str
    year: str = ""


@dataclass(slots=True)
class Row:
    y: float
    label: str
    full: str
    heading: bool = False
    x: float = 0.0
    w: float = 0.0
    milestone: bool = False
    fill: str = NO_RAG_FILL
    status: str = ""
    undated: bool = False


@dataclass(slots=True)
class Chart:
    title: str
    description: str
    width: int
    height: float
    left: float
    right: float
    top: float
    ticks: list[Tick]
    rows: list[Row]
    today_x: float | None
    today_label: str
    caption: str = (
        "Bars are actions and diamonds milestones, coloured by RAG (also given in words on the"
        " right); the dashed line is today. The tables on each ask's pages give the same dates."
    )


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` display cells, so wide (CJK, emoji) labels reach no bar."""
    return text if cell_len(text) <= limit else set_cell_size(text, limit - 1).rstrip() + "…"


def domain(report: Report) -> tuple[dt.date, dt.date] | None:
    """The months the chart spans: the plan period, widened to every dated action."""
    days = [d for a in report.all_actions for d in (a.start, a.end) if d is not None]
    days += [d for d in (report.period_start, report.period_end) if d is not None]
    if not days:
        return None
    return _month_start(drawable_day(min(days))), _next_month(drawable_day(max(days)))


DETAIL_LIMIT = 60
"""Above this many actions the plan's chart shows one summary bar per ask instead."""


def build_chart(
    report: Report, asks: list[AskSection], extra: list[ActionItem] | None = None
) -> Chart | None:
    """Chart rows for these asks (a heading row each when there are several) and actions."""
    groups: list[tuple[str, list[ActionItem]]] = [(a.heading, a.actions) for a in asks]
    if extra:
        groups.append(("Not linked to an ask", extra))
    return _chart(report, groups, headed=len(groups) > 1)


def plan_chart(report: Report) -> Chart | None:
    """The plan's chart: every action when that fits a page, else one bar per ask."""
    if len(report.all_actions) <= DETAIL_LIMIT:
        return build_chart(report, report.asks, report.unlinked_actions)
    bars = []
    for ask in report.asks:
        starts = [d for a in ask.actions for d in (a.start, a.end) if d is not None]
        bars.append(
            ActionItem(
                ask.id,
                ask.ref_code,
                ask.title,
                ask.id,
                "",
                "",
                "",
                [],
                min(starts) if starts else None,
                max(starts) if starts else None,
                ask.status,
                ask.progress,
                ask.rag,
                False,
                "",
                "",
            )
        )
    chart = _chart(report, [("", bars)], headed=False)
    if chart is not None:
        chart.title = "Timeline of the asks"
        chart.description = (
            f"One bar per ask, from its first action to its last ({len(report.all_actions)} "
            "actions in all; each ask's pages show them); RAG and progress in words."
        )
        chart.caption = (
            "One bar per ask, from its first action to its last, coloured by the ask's RAG (also"
            " given in words on the right); the dashed line is today. Each ask's pages chart"
            " its actions."
        )
    return chart


def _chart(
    report: Report, groups: list[tuple[str, list[ActionItem]]], headed: bool
) -> Chart | None:
    span = domain(report)
    if span is None:
        return None
    first, last = span
    left, right = LABEL_W, WIDTH - STATUS_W
    total = (last - first).days

    def x_of(day: dt.date) -> float:
        return round(left + (right - left) * (day - first).days / total, 1)

    ticks = []
    month = first
    while month < last:
        year = f"{month:%Y}" if month.month == 1 or month == first else ""
        ticks.append(Tick(x_of(month), f"{month:%b}", year))
        month = _next_month(month)

    rows: list[Row] = []
    y = float(AXIS_H)
    for heading, actions in groups:
        if headed:
            rows.append(Row(y, _short(heading, 70), heading, heading=True))
            y += HEAD_H
        for act in actions:
            name = f"{act.ref_code} {act.title}".strip()
            progress = f" {act.progress}%" if act.progress is not None else ""
            row = Row(
                y,
                _short(name),
                name,
                milestone=act.milestone,
                fill=RAG_FILL.get(act.rag or "", NO_RAG_FILL),
                status=f"{act.rag_word}{progress}" if act.rag else f"{act.status}{progress}",
            )
            if act.start is None and act.end is None:
                row.undated = True
                row.status = "no dates"
            else:
                start = act.start or act.end
                end = act.end or act.start
                assert start is not None and end is not None
                start, end = drawable_day(start), drawable_day(end)
                row.x = x_of(start)
                row.w = max(2.0, x_of(end + dt.timedelta(days=1)) - row.x)
                if act.milestone:
                    row.x = x_of(end)
            rows.append(row)
            y += ROW_H
    today_x = x_of(report.today) if first <= report.today < last else None
    count = sum(1 for r in rows if not r.heading)
    return Chart(
        title="Timeline of actions and milestones",
        description=(
            f"{count} actions and milestones from {first:%B %Y} to "
            f"{last - dt.timedelta(days=1):%B %Y}; each row gives its RAG and progress in words."
        ),
        width=WIDTH,
        height=y + 18,
        left=left,
        right=right,
        top=AXIS_H,
        ticks=ticks,
        rows=rows,
        today_x=today_x,
        today_label=f"Today {report.today.day} {report.today:%b %Y}",
    )
