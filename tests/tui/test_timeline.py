"""Pilot tests of the timeline: move, resize, add and link bars, then check the database."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input, Static

from plantui.demo import load_demo
from plantui.editor import Editor
from plantui.queries import Plan
from plantui.schedule import Bar, Schedule
from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.tui.screen_list import STYLESHEETS
from plantui.tui.timeline import TimelineScreen
from plantui.tui.timeline.gantt import HEADER_LINES, MAX_LABEL, GanttView
from plantui.tui.widgets.choose import ChooseOne
from tests.conftest import FakeClock, own_state_dir
from tests.tui.conftest import type_text

TODAY = dt.date(2025, 5, 20)
"""Pinned 'today' for the example plan: part-way through its year."""
SIZE = (160, 50)


class TimelineApp(App[None]):
    """Hosts the timeline as PlanApp does (``.plan_db``, ``.editor``, ``.today``, a reload
    after every edit), so these tests do not depend on the rest of the app."""

    TITLE = "plantui"
    CSS_PATH = STYLESHEETS  # every screen's styles are the app's
    BINDINGS: ClassVar = [Binding("ctrl+z", "undo", "Undo", id="test.undo")]

    def __init__(self, service: PlanService, today: dt.date = TODAY) -> None:
        super().__init__()
        self.service = service
        self.editor = Editor(service)
        self.today = today
        self.editor.listeners.append(lambda _id: self.call_later(self.reload_timeline))

    @property
    def plan_db(self) -> Plan:
        return self.service.db

    def on_mount(self) -> None:
        self.push_screen(TimelineScreen())

    @property
    def timeline(self) -> TimelineScreen:
        return next(s for s in self.screen_stack if isinstance(s, TimelineScreen))

    def reload_timeline(self) -> None:
        self.timeline.reload()

    def action_undo(self) -> None:
        self.editor.undo()


@pytest.fixture(scope="session")
def timeline_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan built once per test process; each test works on its own copy."""
    path = tmp_path_factory.mktemp("timeline") / "demo.db"
    with own_state_dir(tmp_path_factory):
        database = open_database(path)
        load_demo(PlanService(database, wall=FakeClock()))
        database.close()
    return path


@pytest.fixture
def demo(timeline_demo_file: Path, tmp_path: Path) -> Iterator[PlanService]:
    path = tmp_path / "plan.db"
    shutil.copyfile(timeline_demo_file, path)
    database = open_database(path)
    # The demo was stamped in 2024, months before this clock: the date counts as confirmed.
    yield PlanService(database, wall=FakeClock(1_750_000_000_000), clock_ok=True)
    database.close()


def action(service: PlanService, ref: str):
    """The live action with a ref code (1.1, M1...)."""
    return next(v for v in service.list("action") if v.values.get("ref_code") == ref)


def ask(service: PlanService, ref: str):
    return next(v for v in service.list("ask") if v.values.get("ref_code") == ref)


def dates(service: PlanService, ref: str) -> tuple[dt.date, dt.date]:
    values = action(service, ref).values
    return dt.date.fromisoformat(values["start"]), dt.date.fromisoformat(values["end"])


async def select(pilot, ref: str) -> GanttView:
    app = pilot.app
    app.timeline.select_record(action(app.service, ref).id)
    await pilot.pause()
    return app.timeline.gantt


async def test_opens_on_the_plan_with_the_year_fitting_at_160_columns(demo):
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gantt = app.timeline.gantt
        assert gantt.zoom == "month"
        assert gantt.label_width + gantt.scale.columns <= gantt.scrollable_content_region.width
        assert gantt.rows[0].kind == "ask"
        assert len([r for r in gantt.rows if r.kind == "action"]) == len(demo.list("action"))


async def test_the_year_fits_at_80_columns_in_quarter_zoom(demo):
    app = TimelineApp(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        gantt = app.timeline.gantt
        assert gantt.zoom == "quarter"
        assert gantt.label_width >= 18
        assert gantt.label_width + gantt.scale.columns <= gantt.scrollable_content_region.width


async def test_move_later_keeps_the_duration_and_commits(demo):
    start, end = dates(demo, "1.5")
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "1.5")
        await pilot.press("greater_than_sign")
        await pilot.pause()
    assert dates(demo, "1.5") == (start + dt.timedelta(days=7), end + dt.timedelta(days=7))


async def test_move_earlier_by_a_day_at_week_zoom_and_undo(demo):
    start, end = dates(demo, "2.3")
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "2.3")
        await pilot.press("z", "z", "z")  # month -> quarter -> month -> week
        assert app.timeline.gantt.zoom == "week"
        await pilot.press("shift+left")
        await pilot.pause()
        assert dates(demo, "2.3") == (start - dt.timedelta(days=1), end - dt.timedelta(days=1))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert dates(demo, "2.3") == (start, end)
        # The screen reloaded: the bar it shows has the restored dates.
        assert app.timeline.schedule.bars[action(demo, "2.3").id].start == start


@pytest.mark.slow
async def test_change_the_end_keeps_the_start_and_never_ends_before_it(demo):
    start, end = dates(demo, "1.5")
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "1.5")
        await pilot.press("plus")
        await pilot.pause()
        assert dates(demo, "1.5") == (start, end + dt.timedelta(days=7))
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert dates(demo, "1.5") == (start, end - dt.timedelta(days=7))
        # 1.5 runs about 12 weeks: shortening 13 more weeks must stop at the start.
        for _ in range(13):
            await pilot.press("minus")
        await pilot.pause()
    new_start, new_end = dates(demo, "1.5")
    assert new_start == start and start <= new_end < start + dt.timedelta(days=7)


async def test_a_milestone_moves_whole_when_its_end_changes(demo):
    day, _ = dates(demo, "M1")
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "M1")
        await pilot.press("plus")
        await pilot.pause()
    assert dates(demo, "M1") == (day + dt.timedelta(days=7), day + dt.timedelta(days=7))


@pytest.mark.slow
async def test_link_two_bars_through_the_picker_and_see_the_violation(demo):
    late = action(demo, "2.4")  # starts 2025-06-02
    early = action(demo, "1.4")  # ends 2025-11-14: 2.4 cannot wait for it
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "2.4")
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "drop-in pilot")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChooseOne)  # which kind: finish-to-start first
        await pilot.press("enter")
        await pilot.pause()
        deps = [
            d.values
            for d in demo.list("dependency")
            if d.values["from"] == early.id and d.values["to"] == late.id
        ]
        assert (
            deps == [{"from": early.id, "to": late.id, "kind": "FS", "lag_days": 0}]
            or deps[0]["kind"] == "FS"
        )
        gantt = app.timeline.gantt
        assert late.id in gantt.schedule.violated_by
        detail = str(app.timeline.query_one("#timeline-detail", Static).render())
        assert "too early" in detail and "2.4" in detail
        assert early.id in gantt._preds  # the new predecessor is highlighted


@pytest.mark.slow
async def test_a_link_that_would_make_a_loop_is_refused(demo):
    first, then = action(demo, "1.1"), action(demo, "1.3")  # 1.3 already waits on 1.1
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = len(demo.list("dependency"))
        assert app.timeline.add_dependency(then.id, first.id) is False
        await pilot.pause()
    assert len(demo.list("dependency")) == before


async def test_unlink_removes_the_chosen_dependency(demo):
    m1, act_1_4 = action(demo, "M1"), action(demo, "1.4")
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "1.4")  # one link: it waits on M1
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ChooseOne)
        await pilot.press("enter")
        await pilot.pause()
    assert not [
        d
        for d in demo.list("dependency")
        if d.values["from"] == m1.id and d.values["to"] == act_1_4.id
    ]


async def test_set_the_baseline_for_the_whole_plan_and_undo_it_at_once(demo):
    moved = [a for a in demo.list("action") if a.values["baseline_end"] != a.values["end"]]
    assert moved, "the example plan has actions that moved since the baseline"
    before = {a.id: (a.values["baseline_start"], a.values["baseline_end"]) for a in moved}
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        for a in demo.list("action"):
            assert (a.values["baseline_start"], a.values["baseline_end"]) == (
                a.values["start"],
                a.values["end"],
            )
        assert not any(b.moved for b in app.timeline.schedule.bars.values())
        await pilot.press("ctrl+z")
        await pilot.pause()
    after = {a.id: (a.values["baseline_start"], a.values["baseline_end"]) for a in moved}
    assert after == before


@pytest.mark.slow
async def test_add_an_action_under_the_selected_ask(demo):
    from plantui.tui.forms import RecordForm

    a2 = ask(demo, "A2")
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.timeline.select_record(a2.id)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.preset["ask"] == a2.id
        form.query_one("#in-title", Input).value = "Share the guide at the spring workshop"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        new = next(
            a
            for a in demo.list("action")
            if a.values["title"] == "Share the guide at the spring workshop"
        )
        assert new.values["ask"] == a2.id
        assert new.values["start"] == TODAY.isoformat()
        assert new.values["end"] == (TODAY + dt.timedelta(days=27)).isoformat()
        assert app.timeline.gantt.selected_row.id == new.id


@pytest.mark.slow
async def test_add_a_milestone_presets_one_day(demo):
    from plantui.tui.forms import RecordForm

    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        start, _ = dates(demo, "2.2")
        await select(pilot, "2.2")
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.preset["milestone"] is True
        assert form.preset["start"] == form.preset["end"] == start.isoformat()
        assert form.preset["ask"] == ask(demo, "A2").id


@pytest.mark.slow
async def test_enter_opens_the_selected_actions_form(demo):
    from plantui.tui.forms import RecordForm

    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "3.3")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert app.screen.record_id == action(demo, "3.3").id


async def test_click_selects_a_row_and_highlights_its_links(demo):
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gantt = app.timeline.gantt
        target = action(demo, "1.3").id
        index = next(i for i, r in enumerate(gantt.rows) if r.id == target)
        await pilot.click(GanttView, offset=(5, index + HEADER_LINES))
        await pilot.pause()
        assert gantt.selected_row.id == target
        preds, succs = gantt._preds, gantt._succs
        assert action(demo, "1.1").id in preds and action(demo, "1.2").id in preds
        assert action(demo, "M1").id in succs


async def test_fold_an_ask_hides_its_actions(demo):
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gantt = app.timeline.gantt
        total = len(gantt.rows)
        a1 = ask(demo, "A1").id
        await pilot.press("space")
        await pilot.pause()
        assert a1 in gantt.collapsed
        assert len(gantt.rows) == total - len(gantt.schedule.group_bars(a1))
        await pilot.press("space")
        await pilot.pause()
        assert len(gantt.rows) == total


async def test_critical_path_marks_its_bars(demo):
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        gantt = app.timeline.gantt
        path = gantt.schedule.critical
        assert path.actions and gantt._critical == set(path.actions)
        index = next(i for i, r in enumerate(gantt.rows) if r.id == path.actions[0])
        gantt.scroll_to(y=0, animate=False)
        await pilot.pause()
        line = gantt.render_line(index + HEADER_LINES - round(gantt.scroll_y)).text
        assert line[1] == "*"


async def test_events_show_their_title_on_demand(demo):
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        gantt = app.timeline.gantt
        event = gantt.schedule.events[gantt.focus_event]
        assert event.day >= TODAY
        detail = str(app.timeline.query_one("#timeline-detail", Static).render())
        assert event.title in detail


async def test_user_text_is_never_markup_and_control_characters_are_stripped(demo):
    nasty = "[bold]x [/] [draft] \x1b[31mred\x1b[0m done"
    demo.update(action(demo, "1.5").id, {"title": nasty})
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        gantt = await select(pilot, "1.5")
        detail = str(app.timeline.query_one("#timeline-detail", Static).render())
        assert "[bold]x [/] [draft] red done" in detail
        line = gantt.render_line(gantt.cursor + HEADER_LINES - round(gantt.scroll_y)).text
        assert "[bold]x" in line and "\x1b" not in line


async def test_only_the_lines_on_screen_are_drawn(demo):
    """A 5,000-action schedule: a frame builds one strip per screen line, no more."""
    app = TimelineApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        gantt = app.timeline.gantt
        gantt.set_schedule(big_schedule(5000), TODAY)
        await pilot.pause()
        assert len(gantt.rows) > 5000
        drawn: list[int] = []
        original = gantt._row_strip

        def counting(row, look):
            drawn.append(1)
            return original(row, look)

        gantt._row_strip = counting  # type: ignore[method-assign]
        gantt.scroll_to(y=3000, animate=False)
        await pilot.pause()
        assert 0 < len(drawn) <= gantt.scrollable_content_region.height


async def test_the_first_frame_draws_each_line_once(demo, monkeypatch: pytest.MonkeyPatch):
    """Where laying the chart out confirms the width guessed before it (the label column at
    its widest, as at the benchmark's 120x40), no line is drawn twice."""
    drawn: list[str] = []
    original = GanttView._row_strip

    def counting(self, row, look):
        drawn.append(row.id)
        return original(self, row, look)

    monkeypatch.setattr(GanttView, "_row_strip", counting)
    app = TimelineApp(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.timeline.gantt.label_width == MAX_LABEL
        shown = app.timeline.gantt.scrollable_content_region.height - HEADER_LINES
        assert len(drawn) == len(set(drawn)) == min(shown, len(app.timeline.gantt.rows))


def big_schedule(count: int, asks: int = 50) -> Schedule:
    """A synthetic plan of ``count`` actions under ``asks`` asks, built in memory."""
    from plantui.schedule import AskGroup, Dep

    groups = [AskGroup(f"ask-{i:04d}", f"Ask {i}", f"A{i}", f"a{i:04d}") for i in range(asks)]
    bars: dict[str, Bar] = {}
    for i in range(count):
        start = dt.date(2025, 1, 1) + dt.timedelta(days=(i * 7) % 330)
        bars[f"act-{i:06d}"] = Bar(
            f"act-{i:06d}",
            f"Action {i}",
            f"{i % asks}.{i // asks}",
            ask=groups[i % asks].id,
            start=start,
            end=start + dt.timedelta(days=20 + i % 15),
            status=("on_track", "at_risk", "not_started", "done")[i % 4],
            rag=("green", "amber", "red")[i % 3],
            milestone=i % 10 == 9,
        )
    ids = list(bars)
    deps = [Dep(f"dep-{i}", ids[i], ids[i + asks], "FS", 0) for i in range(0, count - asks, 3)]
    return Schedule(
        title="Big plan",
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        asks=groups,
        bars=bars,
        deps=deps,
    )


async def test_resizing_the_terminal_refits_the_zoom(demo):
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gantt = app.timeline.gantt
        assert gantt.zoom == "month"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert gantt.zoom == "quarter"
        assert gantt.label_width + gantt.scale.columns <= gantt.scrollable_content_region.width


async def test_hovering_an_event_day_names_the_event(demo):
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gantt = app.timeline.gantt
        event = next(e for e in gantt.schedule.events if e.day >= TODAY)
        tip = gantt._tip(0, gantt.scale.col(event.day))
        assert tip is not None and event.title in str(tip)
        bar = gantt.schedule.bars[action(demo, "1.3").id]
        index = gantt.rows.index(next(r for r in gantt.rows if r.id == bar.id))
        tip = gantt._tip(index, gantt.scale.col(bar.first) + 1)
        assert tip is not None and "1.3 Co-design" in str(tip)


async def test_an_empty_plan_opens_and_says_how_to_start(plan_service: PlanService):
    app = TimelineApp(plan_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        gantt = app.timeline.gantt
        assert gantt.rows == []
        detail = str(app.timeline.query_one("#timeline-detail", Static).render())
        assert "No actions yet" in detail
        await pilot.press("greater_than_sign", "z", "c", "right_square_bracket", "space")
        await pilot.pause()
        assert gantt.render_line(5).text.strip() == ""


@pytest.mark.slow
async def test_link_start_to_start(demo):
    first, then = action(demo, "4.2"), action(demo, "5.4")
    app = TimelineApp(demo)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, "5.4")
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "campaign")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    kinds = [
        d.values["kind"]
        for d in demo.list("dependency")
        if d.values["from"] == first.id and d.values["to"] == then.id
    ]
    assert kinds == ["SS"]
