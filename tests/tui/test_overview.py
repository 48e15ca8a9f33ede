"""The Overview: the plan's period, asks in priority order, gaps, and ways into each."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from plantui.tui.screens.overview import OverviewScreen
from tests.tui.conftest import ask_by_ref, wait_for


def items(screen: OverviewScreen) -> list[tuple[str | None, str]]:
    options = screen.query_one("#overview-items", OptionList)
    return [
        (options.get_option_at_index(i).id, str(options.get_option_at_index(i).prompt))
        for i in range(options.option_count)
    ]


async def test_overview_shows_period_asks_gaps_and_sections(make_app, demo_service) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)):
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        head = str(screen.query_one("#plan-head", Static).render())
        assert "Southwark" in head and "2024-12-01 to 2025-11-30" in head
        elapsed = str(screen.query_one("#plan-elapsed", Static).render())
        assert "54%" in elapsed
        shown = items(screen)
        asks = [text for key, text in shown if key and key.startswith("ask:")]
        refs = [
            next(w for w in text.split() if w.startswith("A") and w[1:].isdigit()) for text in asks
        ]
        assert refs == [f"A{n}" for n in range(1, 9)]
        titles = [text for key, text in shown if key is None]
        assert any(t.strip().startswith("Gaps (") for t in titles)
        assert any("Open conflicts (0)" in t for t in titles)
        assert any("Integrity findings (0)" in t for t in titles)
        assert any("no pledge" in text for key, text in shown if key and key.startswith("gap"))
        # RAG is shown as words as well as colour
        assert any("▲ amber" in a or "● red" in a or "■ green" in a for a in asks)


async def test_enter_on_an_ask_opens_it_on_the_asks_screen(make_app, demo_service) -> None:
    app = make_app()
    a3 = ask_by_ref(demo_service, "A3")
    async with app.run_test(size=(120, 40)) as pilot:
        options = app.screen.query_one("#overview-items", OptionList)
        options.highlighted = options.get_option_index(f"ask:{a3.id}")
        await pilot.press("enter")
        assert await wait_for(
            pilot, lambda: app.current_mode == "asks" and app.screen.current_id() == a3.id
        )


async def test_overview_follows_edits_and_lists_integrity_findings(make_app, demo_service):
    app = make_app()
    a1 = ask_by_ref(demo_service, "A1")
    event_id = a1.values["raised_at"]
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.delete(event_id)
        await pilot.pause()
        shown = items(app.screen)
        findings = [text for key, text in shown if key and key.startswith("finding")]
        assert any("deleted ref" in f for f in findings)
        assert any(
            text.strip().startswith("Integrity findings (") and "(0)" not in text
            for key, text in shown
            if key is None
        )
        app.editor.update(a1.id, {"title": "First ask renamed"})
        await pilot.pause()
        assert any("First ask renamed" in text for _, text in items(app.screen))


async def test_long_sections_are_cut_short_with_a_count(make_app, monkeypatch) -> None:
    from plantui.tui.screens import overview

    monkeypatch.setattr(overview, "SHOWN", 3)
    app = make_app()
    async with app.run_test(size=(120, 40)):
        shown = items(app.screen)
        assert len([k for k, _ in shown if k and k.startswith("ask:")]) == 3
        texts = [text.strip() for _, text in shown]
        assert "… and 5 more asks (see the Asks screen, key 2)" in texts


async def test_enter_on_an_action_gap_before_the_timeline_was_opened(make_app, demo_service):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        options = app.screen.query_one("#overview-items", OptionList)
        gap_actions = [
            key.partition(":")[2]
            for key, _ in items(app.screen)
            if key
            and key.startswith("gap")
            and demo_service.get(key.partition(":")[2]).type == "action"
        ]
        assert gap_actions, "the example plan has an action in its gaps"
        options.highlighted = options.get_option_index(
            next(k for k, _ in items(app.screen) if k and k.endswith(gap_actions[0]))
        )
        await pilot.press("enter")
        assert await wait_for(
            pilot,
            lambda: (
                app.current_mode == "timeline"
                and app.screen.gantt.selected_row is not None
                and app.screen.gantt.selected_row.id == gap_actions[0]
            ),
        )


async def test_no_warning_sign_without_conflicts_and_no_praise_for_an_empty_plan(
    make_app, tmp_path
) -> None:
    from plantui.service import PlanService
    from plantui.storage.database import open_database
    from plantui.tui.widgets.safe import CONFLICT_MARK

    database = open_database(tmp_path / "empty.db")
    service = PlanService(database)
    service.create("plan", {"title": "Riverside"})
    app = make_app(service=service)
    async with app.run_test(size=(120, 40)):
        texts = [text for _, text in items(app.screen)]
        assert any("Open conflicts (0)" in t for t in texts)
        assert not any(CONFLICT_MARK in t for t in texts)
        assert not any("every ask is answered" in t for t in texts)
        assert any("no asks" in t for t in texts)
    database.close()


async def test_on_a_big_plan_the_asks_come_first_and_the_gaps_from_a_thread(
    make_app, monkeypatch
) -> None:
    """Every plan counts as big here: the asks are listed as the screen mounts, the gaps,
    conflicts and findings are read off the main thread and then shown in their sections."""
    import threading

    from plantui.tui.screens import overview as overview_screen

    monkeypatch.setattr(overview_screen, "ATTENTION_IN_THREAD_FROM", 0)
    read_on: list[bool] = []
    attention = overview_screen.attention

    def recorded(*args):
        read_on.append(threading.current_thread() is threading.main_thread())
        return attention(*args)

    monkeypatch.setattr(overview_screen, "attention", recorded)
    at_mount: list[list[tuple[str | None, str]]] = []
    on_mount = OverviewScreen.on_mount

    def mounted(self: OverviewScreen) -> None:
        on_mount(self)
        at_mount.append(items(self))

    monkeypatch.setattr(OverviewScreen, "on_mount", mounted)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        [first] = at_mount
        assert sum(1 for key, _ in first if key and key.startswith("ask:")) == 8
        assert any("Looking for gaps" in text for _, text in first)
        assert await wait_for(pilot, lambda: any("Gaps (" in t for _, t in items(app.screen)))
        shown = items(app.screen)
        assert not any("Looking for gaps" in text for _, text in shown)
        assert any("no pledge" in text for key, text in shown if key and key.startswith("gap"))
        assert read_on == [False]
        assert app.screen.query_one("#overview-items", OptionList).highlighted == 1


async def test_on_a_big_plan_a_reload_keeps_the_last_gaps_until_the_new_ones_are_read(
    make_app, demo_service, monkeypatch
) -> None:
    """After an edit the sections do not blink out: the gaps found before stay on screen
    while the thread reads them again, then the new ones replace them."""
    import threading

    from plantui.tui.screens import overview as overview_screen

    monkeypatch.setattr(overview_screen, "ATTENTION_IN_THREAD_FROM", 0)
    gate = threading.Event()
    gate.set()
    attention = overview_screen.attention

    def gated(*args):
        gate.wait(10)
        return attention(*args)

    monkeypatch.setattr(overview_screen, "attention", gated)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, OverviewScreen)

        def gap_heading() -> str:
            return next(t for _, t in items(screen) if t.strip().startswith("Gaps ("))

        assert await wait_for(pilot, lambda: any("Gaps (" in t for _, t in items(screen)))
        before = gap_heading()
        gate.clear()
        demo_service.create("ask", {"title": "A new ask nobody has answered yet"})
        screen.reload()
        await pilot.pause()
        assert gap_heading() == before
        assert not any("Looking for gaps" in text for _, text in items(screen))
        gate.set()
        assert await wait_for(pilot, lambda: gap_heading() != before)
