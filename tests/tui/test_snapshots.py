"""Snapshots of T1's screens over the example plan, with today pinned to 2025-06-15.

Each docstring says what a person should see; a changed snapshot must be looked at before
it is accepted (``--snapshot-update``).
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import ask_by_ref, type_text, wait_for

pytestmark = pytest.mark.slow  # whole-screen pictures; each screen has quick pilot tests too


def test_overview_wide(snap_compare, make_app) -> None:
    """The plan title and 'Southwark', the period 2024-12-01 to 2025-11-30 with a bar at
    54% (day 196 of 364), then the eight asks A1..A8 in priority order, each with RAG as
    glyph and word (▲ amber, ● red, ■ green), a progress bar with %, and its pledge count;
    then the gaps (no pledge, no action, owners, overdue, no deliverable); then 'Open
    conflicts (0)' and 'Integrity findings (0)'. Footer: screen keys 1-8, undo, help."""
    assert snap_compare(make_app(), terminal_size=(160, 50))


def test_overview_small_terminal(snap_compare, make_app) -> None:
    """The same overview at 80x24: title and period on top, asks list readable (RAG words
    and progress before the titles, which are cut at the right edge), footer still shown."""
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_asks_wide(snap_compare, make_app) -> None:
    """Asks in rank order 1..8 (A1 first) with RAG words, progress bars, pledge counts and
    status; the cursor on A1; the detail pane on the right shows A1's fields and, below,
    'Raised at' (the first event), 'Raised by', 'Asked of', 'Pledges answering it',
    'Actions delivering it'."""
    assert snap_compare(make_app("asks"), terminal_size=(160, 50))


def test_asks_after_moving_a2_up(snap_compare, make_app, demo_service) -> None:
    """At 80x24 the list sits above the detail pane; A2 has been moved up with shift+up,
    so the order reads A2, A1, A3... and the cursor stays on A2."""
    a2 = ask_by_ref(demo_service, "A2")

    async def run_before(pilot) -> None:
        assert await wait_for(pilot, lambda: pilot.app.current_mode == "asks")
        pilot.app.screen.select_record(a2.id)
        await pilot.pause()
        await pilot.press("shift+up")
        await pilot.pause()

    assert snap_compare(make_app("asks"), terminal_size=(80, 24), run_before=run_before)


def test_pledges_wide(snap_compare, make_app) -> None:
    """Pledges P1.. by reference with due date ('overdue' beside any past due and still
    open), lifecycle, completion, who made it, and title; the detail pane shows the first
    pledge's fields, the asks it answers and the actions delivering it."""
    assert snap_compare(make_app("pledges"), terminal_size=(160, 50))


def test_organisations_filtered(snap_compare, make_app) -> None:
    """Organisations filtered by typing '/nhs': the filter box shows 'nhs', the status line
    says how many match, only NHS organisations are listed, and the detail pane shows the
    first one's asks, pledges and actions."""

    async def run_before(pilot) -> None:
        assert await wait_for(pilot, lambda: pilot.app.current_mode == "organisations")
        await pilot.press("slash")
        await type_text(pilot, "nhs")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app("organisations"), terminal_size=(160, 50), run_before=run_before)


def test_events_wide(snap_compare, make_app) -> None:
    """Events by date from 2023-03-02 to 2025-11-20 with status (held, planned, cancelled)
    and kind; the detail pane shows the first National Voices workshop, its hosts and the
    organisations that attended."""
    assert snap_compare(make_app("events"), terminal_size=(160, 50))


def test_help_on_asks(snap_compare, make_app) -> None:
    """The help box over the Asks screen lists its keys (filter, add, edit, delete, restore,
    show deleted, link, unlink, note, move up/down) and the keys that work everywhere
    (1-8 screens, ctrl+z undo, ? help, ctrl+p palette, ctrl+q quit)."""
    assert snap_compare(make_app("asks"), terminal_size=(100, 40), press=["question_mark"])
