"""Overview, Timeline, Conflicts and Sync draw their first frame with data before SQLAlchemy
is imported (the list screens: test_lists_read_layer.py).

Each runs in a fresh interpreter (``plantui screenshot``), which then says which heavy
modules it loaded: the write path (the service, its ORM models, SQLAlchemy, Alembic) must
wait until a person edits something (#17).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SRC
from tests.tui.conftest import TODAY, add_conflict, ask_by_ref

SHOT = """
import sys
from plantui.cli.main import main

db, screen, output = sys.argv[1:4]
code = main(["--db", db, "screenshot", "--screen", screen, "--output", output])
assert code == 0, code
heavy = ("sqlalchemy", "alembic", "plantui.service", "plantui.storage.models")
print("loaded:", *(name for name in heavy if name in sys.modules))
"""

DRAWN = {
    "overview": "Asks&#160;in&#160;priority&#160;order&#160;(8)",
    "conflicts": "1&#160;open&#160;conflict.",
    "sync": "This&#160;copy:",
    "timeline": "Set&#160;up&#160;the&#160;mental&#160;health",
}
"""Text each screen shows only once it has read the plan."""


@pytest.mark.slow
@pytest.mark.parametrize("screen", sorted(DRAWN))
def test_the_first_frame_does_not_import_the_write_path(
    screen: str, demo_service, tmp_path: Path
) -> None:
    add_conflict(demo_service, ask_by_ref(demo_service, "A1").id, "title", "Youth centre")
    demo_service.db.close()
    shot = tmp_path / f"{screen}.svg"
    env = {**os.environ, "PYTHONPATH": str(SRC), "PLANTUI_TODAY": TODAY.isoformat()}
    result = subprocess.run(
        [sys.executable, "-c", SHOT, str(demo_service.db.path), screen, str(shot)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "loaded:", result.stdout
    assert DRAWN[screen] in shot.read_text(encoding="utf-8")


def test_every_screen_is_checked_here_or_with_the_lists():
    from plantui.cli.screenshot import SCREEN_NAMES
    from tests.tui.test_lists_read_layer import LIST_SCREENS

    assert set(DRAWN) | set(LIST_SCREENS) == set(SCREEN_NAMES)
