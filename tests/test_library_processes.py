"""The plan library's commands as a person runs them: real processes, real files.

A fresh machine (no data folder), a second laptop joining through a stick that also holds
a stranger's plan, and every refusal the issue names: one sentence, exit 1, nothing written.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_process
from tests.test_library import files_of

pytestmark = pytest.mark.slow


@pytest.fixture
def laptop(tmp_path: Path):
    """``plantui ARGS`` on a laptop of its own: its data folder, library and ledger."""

    def run(name: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        home = tmp_path / name
        env = {
            "XDG_DATA_HOME": str(home / "data"),
            "PLANTUI_STATE_DIR": str(home / "state"),
            "PLANTUI_DB": "",
            "PLANTUI_LIBRARY": "",
        }
        return run_process(*args, env=env, cwd=cwd or tmp_path)

    return run


def library_of(tmp_path: Path, name: str) -> Path:
    return tmp_path / name / "data" / "plantui" / "plans"


def test_the_readme_set_up_works_on_a_fresh_machine_and_leaves_the_library_alone(laptop, tmp_path):
    for _ in range(2):  # "safe to run again"
        made = laptop("fresh", "--db", "example.db", "demo", "--if-empty")
        assert made.returncode == 0, made.stderr
    asks = json.loads(laptop("fresh", "--db", "example.db", "list", "ask", "--json").stdout)
    assert len(asks) == 8
    assert not library_of(tmp_path, "fresh").exists()
    started = laptop("fresh", "new", "Our own plan", "--area", "Lambeth")
    assert started.returncode == 0, started.stderr
    (entry,) = json.loads(laptop("fresh", "plans", "--json").stdout)
    assert (entry["id"], entry["title"]) == (started.stdout.splitlines()[-1], "Our own plan")


def test_a_laptop_joins_by_import_and_a_stick_of_three_plans_and_a_fourth_syncs(laptop, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    titles = ("Southwark action plan", "Workshop series", "Lambeth plan")
    ids = {t: laptop("first", "new", t).stdout.splitlines()[-1] for t in titles}
    assert laptop("first", "sync", str(stick)).returncode == 0
    assert laptop("stranger", "new", "Someone else's plan").returncode == 0
    assert laptop("stranger", "sync", str(stick)).returncode == 0
    names = sorted(p.name for p in stick.glob("*.plantui.json"))
    assert len(names) == 4
    assert any(n.startswith("southwark-action-plan--") for n in names)

    for name in names:  # the second laptop joins the first laptop's three plans
        if not name.startswith("someone-else"):
            joined = laptop("second", "import", str(stick / name))
            assert joined.returncode == 0, joined.stderr
            assert "Added" in joined.stdout
    for title, plan_id in ids.items():
        added = laptop("second", "--plan", plan_id, "add", "ask", f"title=Asked in {title}")
        assert added.returncode == 0, added.stderr

    synced = laptop("second", "sync", str(stick))
    assert synced.returncode == 0, synced.stderr
    skipped = [line for line in synced.stdout.splitlines() if "does not keep" in line]
    assert len(skipped) == 1 and "someone-else" in skipped[0]
    back = laptop("first", "sync", str(stick))
    assert back.returncode == 0, back.stderr
    for title, plan_id in ids.items():
        asks = laptop("first", "--plan", plan_id, "list", "ask").stdout
        assert f"Asked in {title}" in asks
    assert len(json.loads(laptop("first", "plans", "--json").stdout)) == 3


BAD_INPUT = [
    (["--plan", "nowhere", "add", "ask", "title=X"], "No plan"),
    (["--plan", "south", "add", "ask", "title=X"], "several plans"),
    (["new", "x" * 501], "at most 500"),
    (["new", "Plan", "--start", "2026-05-01", "--end", "2026-04-30"], "before it starts"),
    (["new", "Next", "--roll-over-from", "lambeth"], "archived"),
    (["new", "Next", "--roll-over-from", "nowhere"], "No plan"),
]


def test_bad_input_is_one_sentence_exit_1_and_writes_nothing(laptop, tmp_path):
    for title in ("Southwark action plan", "Southwark workshops", "Lambeth plan"):
        assert laptop("one", "new", title).returncode == 0
    assert laptop("one", "plan", "archive", "lambeth").returncode == 0
    before = files_of(library_of(tmp_path, "one"))
    for args, words in BAD_INPUT:
        refused = laptop("one", *args)
        assert refused.returncode == 1, args
        assert words in refused.stderr, (args, refused.stderr)
        assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
        assert files_of(library_of(tmp_path, "one")) == before, args
