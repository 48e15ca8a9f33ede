"""Snapshots of the timeline over the example plan, today pinned to 20 May 2025.

Each test's docstring says what a person should see; the SVGs are in __snapshots__.
"""

from __future__ import annotations

import pytest

from plantui.service import PlanService
from tests.tui import test_timeline as base
from tests.tui.test_timeline import TimelineApp, action

pytestmark = pytest.mark.slow  # whole-screen pictures; the Timeline has quick pilot tests too

# The example-plan fixtures of the pilot tests, shared here.
timeline_demo_file = base.timeline_demo_file
plan = base.demo

BIG = (160, 50)
SMALL = (80, 24)


def _select(ref: str, zoom: str | None = None, critical: bool = False):
    async def run_before(pilot) -> None:
        await pilot.pause()
        screen = pilot.app.timeline
        if zoom:
            screen.gantt.set_zoom(zoom)
        screen.select_record(action(pilot.app.service, ref).id)
        if critical:
            screen.gantt.toggle_critical()
        await pilot.pause()

    return run_before


def test_month_zoom_shows_the_year_at_a_glance(snap_compare, plan: PlanService):
    """At 160x50 the whole plan year (Dec 2024 to Nov 2025) fits without scrolling: years
    and months across the top with a red ▼ and a red line on 20 May, dotted event lines,
    faint dots at each month start. Eight asks in bold with a summary bracket in their RAG
    colour, actions under them as bars patterned by status (█ on track, ▓ at risk, ▒ off
    track, ░ not started, ═ done), ◆ milestones, ┄ / ◇ ghosts where dates moved from the
    baseline. 1.3 is selected (highlighted row, ▶); 1.1 and 1.2 are marked ← (it waits on
    them) and M1 → (it waits on 1.3). The pane below names its owners, pledge, status, RAG,
    progress and next milestone; a legend explains the glyphs."""
    assert snap_compare(TimelineApp(plan), terminal_size=BIG, run_before=_select("1.3"))


def test_quarter_zoom(snap_compare, plan: PlanService):
    """Quarter zoom at 160x50: one column per week, quarters (Q4 2024 .. Q4 2025) over month
    names; the year takes about a third of the width, bars are short but every row and
    milestone is still there. 2.2 (off track, ▒ in red) is selected."""
    assert snap_compare(
        TimelineApp(plan), terminal_size=BIG, run_before=_select("2.2", zoom="quarter")
    )


def test_week_zoom(snap_compare, plan: PlanService):
    """Week zoom at 160x50: one column per day, months over the date of each Monday; the
    chart is scrolled so the selected 5.3 starts a quarter of the way in (April to
    August shows), its bar ▓ at risk in amber."""
    assert snap_compare(
        TimelineApp(plan), terminal_size=BIG, run_before=_select("5.3", zoom="week")
    )


def test_the_year_stays_legible_at_80x24(snap_compare, plan: PlanService):
    """At 80x24 the timeline picks quarter zoom so the year still fits beside a label column
    of ~26 characters (titles cut with …); the header, today line, bars and milestones of
    A1 and A2 show, the detail pane keeps one line per fact."""
    assert snap_compare(TimelineApp(plan), terminal_size=SMALL, run_before=_select("1.3"))


def test_a_violated_dependency_is_flagged(snap_compare, plan: PlanService):
    """2.4 (starts 2 June) has been made to wait on 1.4 (ends 14 November): its row shows a
    red ! before the label's RAG mark and a red ! just before its bar, the header says
    "! 1 late link", 1.4 is marked ← as its predecessor, and the pane's last line says in
    red that 2.4 starts 166 days too early and must wait until 1.4 finishes (FS)."""
    plan.create(
        "dependency",
        {"from": action(plan, "1.4").id, "to": action(plan, "2.4").id, "kind": "FS"},
    )
    assert snap_compare(TimelineApp(plan), terminal_size=BIG, run_before=_select("2.4"))


def test_the_critical_path_on_request(snap_compare, plan: PlanService):
    """After asking for the critical path: 1.1, 1.3, M1 and 1.4 (the mental health chain
    that finishes last) have a * in the label and their bars drawn in the secondary colour,
    bold and underlined; the header says "* critical 330 d"."""
    assert snap_compare(
        TimelineApp(plan), terminal_size=BIG, run_before=_select("1.4", critical=True)
    )
