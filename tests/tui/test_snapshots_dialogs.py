"""Snapshots of the record form, the Conflicts screen and the Sync screen.

The data is fixed (a fake clock, this copy labelled "Laptop at the library", UTC), so each
picture changes only when what a person sees changes. Each docstring says what that is.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from plantui.exchange import export_file
from plantui.service import PlanService
from plantui.storage.database import open_database
from plantui.tui.forms import RecordForm
from plantui.tui.screens.conflicts import ConflictsScreen
from plantui.tui.screens.sync import SyncScreen
from tests.conftest import FakeClock
from tests.tui.conftest import type_text
from tests.tui.helpers_t2 import Host, add_sibling, delete_while_edited

pytestmark = pytest.mark.slow  # whole-screen pictures; each screen has quick pilot tests too

SMALL = (80, 24)
BIG = (160, 50)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times on screen are local: pin the zone so the pictures do not depend on the machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _still(pilot) -> None:
    """Stop every cursor blinking, so a slow machine takes the same picture as a fast one."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


def _label(service: PlanService, label: str = "Laptop at the library") -> None:
    with service.db.write() as session:
        service.db.set_meta(session, "replica_label", label)


@pytest.fixture
def conflicted(plan_service: PlanService, clock: FakeClock) -> PlanService:
    """A plan with a title conflict holding markup-like text, a status conflict, and a pledge
    deleted here while renamed on another laptop. The clock moves between records so their
    ids (UUIDv7), and so the order of the list, are the same on every run."""
    _label(plan_service)
    clock.advance(1000)
    council = plan_service.create("organisation", {"name": "Southwark Council"}).record_id
    ask = plan_service.create(
        "ask", {"title": "Community health checks", "ref_code": "A3", "status": "raised"}
    ).record_id
    add_sibling(plan_service, ask, "title", "Close [/] gap in [bold]health checks")
    clock.advance(1000)
    other = plan_service.create("ask", {"title": "Fair funding", "status": "raised"}).record_id
    add_sibling(plan_service, other, "status", "agreed")
    clock.advance(1000)
    pledge = plan_service.create(
        "pledge", {"title": "Four clinics", "made_by": council, "due": "2025-06-30"}
    ).record_id
    delete_while_edited(plan_service, pledge, "title", "Four clinics in community venues")
    return plan_service


def test_conflicts_screen_small(snap_compare, conflicted: PlanService) -> None:
    """At 80x24: three open conflicts in a list (record, type, field, how many values); below,
    the first one's two titles side by side, the newer first marked "shown now", each with who
    wrote it (another laptop by short id, or "Laptop at the library (this laptop)") and when
    (2024-11-30 20:53), each with Keep this. The title with [/] and [bold] shows exactly as
    typed. The footer offers n, e and o, not restore."""

    async def still(pilot) -> None:
        await pilot.pause()
        _still(pilot)
        await pilot.pause()

    assert snap_compare(Host(conflicted, ConflictsScreen()), terminal_size=SMALL, run_before=still)


def test_conflicts_screen_delete_edit_big(snap_compare, conflicted: PlanService) -> None:
    """At 160x50 with the pledge row chosen: a red-bordered "Deleted" card (this laptop, when)
    beside the edit the deletion did not see ("title: Four clinics in community venues" from
    laptop 00000000), and Restore the record / Keep it deleted; the footer offers r and x."""

    async def choose_pledge(pilot) -> None:
        await pilot.pause()
        _still(pilot)
        await pilot.press("down", "down")
        await pilot.pause()

    assert snap_compare(
        Host(conflicted, ConflictsScreen()), terminal_size=BIG, run_before=choose_pledge
    )


def test_form_with_a_conflict_and_a_bad_date(snap_compare, conflicted: PlanService) -> None:
    """Editing ask A3 at 100x40: every field labelled, title marked * (required) and
    "⚠ conflict" with both titles listed under it (who and when); status is a drop-down; the
    response date holds 2025-02-30 and under it, in red, "'2025-02-30' is not a real date."
    with the label in bold; Save is dimmed."""
    ask = next(v for v in conflicted.list("ask") if v.values.get("ref_code") == "A3")

    async def bad_date(pilot) -> None:
        await pilot.pause()
        _still(pilot)
        pilot.app.screen.query_one("#in-response_date", Input).focus()
        await type_text(pilot, "2025-02-30")
        await pilot.pause()

    assert snap_compare(
        Host(conflicted, RecordForm("ask", ask.id)), terminal_size=(100, 40), run_before=bad_date
    )


def test_new_pledge_form_small(snap_compare, conflicted: PlanService) -> None:
    """A new pledge at 80x24: "New pledge" and the "* required" legend on top, title and made
    by starred, made by "(none)" with Choose… and Clear buttons (typing on Choose opens the
    list filtered), dates with a YYYY-MM-DD hint; the
    Cancel and Save buttons and the "ctrl+s save · esc cancel" hint stay visible at the
    bottom while the fields scroll."""

    async def still(pilot) -> None:
        await pilot.pause()
        _still(pilot)
        await pilot.pause()

    assert snap_compare(
        Host(conflicted, RecordForm("pledge")), terminal_size=SMALL, run_before=still
    )


def test_sync_screen_after_a_preview(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24: "This copy: Laptop at the hall"; on the left the folder tree showing usb/;
    on the right the path usb/library.plantui.json, the import buttons (Apply now enabled),
    Export and Sync folder, and the dry-run summary: "Checked library.plantui.json.",
    "Records: 4 new, ...", "Dry run: nothing was written." and what to do next."""
    library = PlanService(open_database(tmp_path / "library.db"), wall=FakeClock())
    library.create("plan", {"title": "Southwark plan"})
    for i in range(3):
        library.create("ask", {"title": f"Ask {i}"})
    usb = tmp_path / "usb"
    usb.mkdir()
    export_file(library, usb / "library.plantui.json")
    hall = PlanService(open_database(tmp_path / "hall.db"), wall=FakeClock())
    _label(hall, "Laptop at the hall")
    monkeypatch.chdir(tmp_path)

    async def preview(pilot) -> None:
        await pilot.pause()
        _still(pilot)
        pilot.app.screen.query_one("#sync-path", Input).value = "usb/library.plantui.json"
        await pilot.click("#preview")
        for _ in range(500):
            await pilot.pause(0.01)
            if not pilot.app.screen.busy:
                break
        await pilot.pause(0.2)

    assert snap_compare(
        Host(hall, SyncScreen(start=Path("."))), terminal_size=SMALL, run_before=preview
    )
