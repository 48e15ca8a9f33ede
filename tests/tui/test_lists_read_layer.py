"""The list screens on the read layer (#13, #17): their modules load without SQLAlchemy, and
a long list is refiltered in a worker that the next key cancels."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from textual.widgets import DataTable

from plantui.queries import lists
from plantui.queries.lists import ListQuery
from plantui.tui.widgets import browse
from tests.conftest import SRC
from tests.tui.conftest import TODAY

MODULES = (
    "plantui.tui.screens.asks",
    "plantui.tui.screens.pledges",
    "plantui.tui.screens.events",
    "plantui.tui.screens.organisations",
    "plantui.tui.screens.people",
    "plantui.tui.widgets.browse",
    "plantui.tui.widgets.merge_actions",
    "plantui.tui.widgets.duplicate_notice",
)

FIRST_FRAME = """
import sys
from plantui.cli.main import main

code = main(["--db", sys.argv[1], "screenshot", "--screen", sys.argv[2], "--output", sys.argv[3]])
assert code == 0, code
assert "sqlalchemy" not in sys.modules, f"{sys.argv[2]}: SQLAlchemy before the first frame"
assert "plantui.queries.derived" not in sys.modules, f"{sys.argv[2]}: the Overview's figures"
for later in ("plantui.library", "plantui.storage.backups"):  # one file named; no copies made
    assert later not in sys.modules, f"{sys.argv[2]}: {later} before the first frame"
"""

IMPORT_ONLY = """
import importlib, sys
importlib.import_module(sys.argv[1])
assert "sqlalchemy" not in sys.modules, f"{sys.argv[1]} imported SQLAlchemy"
later = (
    "plantui.schedule", "plantui.duplicates", "plantui.tui.widgets.choose", "hashlib", "zoneinfo",
    "plantui.queries.derived", "plantui.queries.gaps", "plantui.queries.facets",
    "plantui.queries.related", "plantui.tui.widgets.link_actions",
)
loaded = [name for name in later if name in sys.modules]
assert not loaded, f"{sys.argv[1]} imported {loaded}"
"""
"""The write path, and what only a filter, a link, an added record's duplicate check or the
Timeline needs, zoneinfo (a time zone is checked only when one is typed or imported), the
asks' rollups and the overdue pledges (read with the rows that show them) and the detail
pane's related records (read a frame after the rows), load when first used: a list screen's
module loads without them."""


@pytest.mark.slow
@pytest.mark.parametrize("module", MODULES)
def test_a_list_screen_module_loads_without_sqlalchemy_or_what_only_edits_need(
    module: str,
) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ONLY, module], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr


LIST_SCREENS = {
    "asks": "A1",
    "pledges": "P1",
    "events": "Event:",
    "organisations": "Its&#160;pack",
    "people": "Person:",
}
"""Each list screen, with text it shows only once it has read the plan."""


@pytest.mark.slow
@pytest.mark.parametrize(("screen", "drawn"), sorted(LIST_SCREENS.items()))
def test_a_list_draws_its_first_frame_with_data_before_sqlalchemy_is_imported(
    demo_db, tmp_path, screen: str, drawn: str
) -> None:
    demo_db.close()
    shot = tmp_path / f"{screen}.svg"
    env = {**os.environ, "PYTHONPATH": str(SRC), "PLANTUI_TODAY": TODAY.isoformat()}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(demo_db.path), screen, str(shot)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert drawn in shot.read_text(encoding="utf-8")  # rows and the detail pane are drawn


async def test_a_long_list_is_refiltered_in_a_worker_the_next_key_cancels(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browse, "BACKGROUND_ABOVE", 0)  # every list counts as long
    app = make_app("organisations")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, browse.BrowseScreen)
        gate = threading.Event()
        reads: list[tuple[str, bool]] = []
        read = screen._read

        def slow_read(query):
            reads.append((query.text, threading.current_thread() is threading.main_thread()))
            if query.text == "n":
                gate.wait(10)  # still querying when the next key comes
            return read(query)

        monkeypatch.setattr(screen, "_read", slow_read)
        await pilot.press("slash", "n")
        await pilot.pause(browse.FILTER_DELAY * 3)
        first = [w for w in app.workers if w.group == browse.QUERY_GROUP]
        assert len(first) == 1 and reads == [("n", False)]
        await pilot.press("h")
        assert first[0].is_cancelled
        gate.set()
        await pilot.pause(browse.FILTER_DELAY * 3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert reads == [("n", False), ("nh", False)]
        table = screen.query_one("#records", DataTable)
        shown = [row.key.value for row in table.ordered_rows]
        wanted = lists.page(app.plan_db, ListQuery("organisation", "nh"), app.today)
        assert shown == [row.id for row in wanted.rows]  # the rows for "nh", not for "n"
        assert (
            0
            < screen.total
            == wanted.total
            < len(lists.page(app.plan_db, ListQuery("organisation", "n"), app.today).rows)
        )
