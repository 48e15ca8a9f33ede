"""Wide and right-to-left titles never shift the Timeline's bars: labels are cut by cells."""

from __future__ import annotations

from rich.cells import cell_len

from plantui.tui.timeline.gantt import HEADER_LINES, GanttView
from plantui.tui.timeline.glyphs import FILL, MILESTONE
from tests.tui.conftest import screen_text, wait_for

TITLES = [
    "Plain title for the health plan",
    "خُطَّةُ الصِّحَّةِ المُجْتَمَعِيَّةِ لِلْجَمِيعِ",  # Arabic with vowel marks (zero width)
    "کمیونٹی صحت کا منصوبہ سب کے لیے",  # Urdu
    "Health checks 🩺 for 👩🏽 everyone 🎉🎉🎉🎉🎉🎉",  # emoji, two cells each
    "社区健康检查计划社区健康检查计划社区健康检查计划",  # CJK, two cells each
]
BAR_CHARS = set(FILL.values()) | {MILESTONE}


def first_bar_cell(line: str, from_cell: int) -> int | None:
    """The display column of the first bar character at or after ``from_cell``."""
    for i, char in enumerate(line):
        col = cell_len(line[:i])
        if col >= from_cell and char in BAR_CHARS:
            return col
    return None


async def test_bars_start_at_the_same_column_whatever_the_title(make_app, demo_service) -> None:
    actions = [
        v
        for v in demo_service.list("action")
        if not v.values.get("milestone") and v.values.get("start") and v.values.get("end")
    ][: len(TITLES)]
    for view, title in zip(actions, TITLES, strict=True):
        demo_service.update(
            view.id, {"title": title, "start": "2025-03-03", "end": "2025-05-30", "parent": None}
        )
    app = make_app("timeline")
    async with app.run_test(size=(160, 50)) as pilot:
        assert await wait_for(pilot, lambda: app.screen.query_one(GanttView).rows)
        gantt = app.screen.query_one(GanttView)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        scroll_y = int(gantt.scroll_offset.y)
        starts = {}
        for view, title in zip(actions, TITLES, strict=True):
            index = next(i for i, row in enumerate(gantt.rows) if row.id == view.id)
            y = gantt.content_region.y + HEADER_LINES + index - scroll_y
            assert gantt.content_region.y + HEADER_LINES <= y < gantt.content_region.bottom
            starts[title] = first_bar_cell(lines[y], gantt.content_region.x)
        assert None not in starts.values(), starts
        assert len(set(starts.values())) == 1, starts


def test_report_chart_labels_are_cut_by_display_width() -> None:
    from plantui.reports.chart import LABEL_CHARS, _short

    for title in TITLES:
        label = _short(title * 3)
        assert cell_len(label) <= LABEL_CHARS, title
        assert label.endswith("…")
