"""Regenerate screenshots/<screen>.svg from a fresh example plan, with today pinned.

Run from the repository root: ``python scripts/screenshots.py``. Each screen is drawn by the
real ``plantui screenshot`` command at 160x50 and again at 80x24 for small terminals, and
the command palette searching the records for "interp".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from plantui.cli.screenshot import SCREEN_NAMES as SCREENS  # noqa: E402

TODAY = "2025-06-15"
PACK_ORG = "NHS South East London Integrated Care Board"
"""The organisation whose pack figures the Organisations shot shows (a busy public body)."""


def plantui(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "plantui", *args], check=True, env=env)


def main() -> int:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PLANTUI_TODAY": TODAY}
    with tempfile.TemporaryDirectory() as tmp:
        # The Sync screen lists the home folder: show a coordinator's, not the maker's.
        env["HOME"] = "/home/coordinator"
        db = str(Path(tmp) / "demo.db")
        plantui("--db", db, "demo", env=env)
        shots: list[tuple[str, str, Path, tuple[str, ...]]] = [
            (name, "160x50", out / f"{name}.svg", ()) for name in SCREENS
        ]
        shots += [(name, "80x24", out / f"{name}-80x24.svg", ()) for name in SCREENS]
        shots.append(("asks", "160x50", out / "palette-search.svg", ("--palette", "interp")))
        for name, size, path, extra in shots:
            plantui(
                "--db",
                db,
                "screenshot",
                "--screen",
                name,
                "--output",
                str(path),
                "--size",
                size,
                *extra,
                env=env,
            )
        os.environ["PLANTUI_TODAY"] = TODAY  # before two people edit: no "who is editing?"
        filtered_shots(Path(db), out)
        # The History pane of ask A1 after two edits by named people (after the other
        # shots, which show the example plan as it ships).
        listed = subprocess.run(
            [sys.executable, "-m", "plantui", "--db", db, "list", "ask", "--json"],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        )
        a1 = next(a["id"] for a in json.loads(listed.stdout) if a.get("ref_code") == "A1")
        plantui("--db", db, "--as", "Jess Brayne", "set", a1, "status=under_consideration", env=env)
        plantui("--db", db, "--as", "Rebecca", "set", a1, "status=partly_agreed", env=env)
        plantui(
            "--db",
            db,
            "screenshot",
            "--screen",
            "history",
            "--record",
            a1,
            "--output",
            str(out / "history.svg"),
            "--size",
            "160x50",
            env=env,
        )
    return 0


def filtered_shots(db_path: Path, out: Path) -> None:
    """The views the screenshot command cannot reach alone: one organisation's pack figures,
    the Timeline filtered to that organisation's actions, and an action's form."""
    import asyncio

    from plantui.queries.org_pack import find_organisation
    from plantui.service import PlanService
    from plantui.storage.database import open_database
    from plantui.tui.app import PlanApp

    db = open_database(db_path)
    org_id = find_organisation(db, PACK_ORG)

    async def shoot(screen: str, keys: tuple[str, ...], path: Path) -> None:
        app = PlanApp(PlanService(db), watch=False, screen=screen, preload=False)
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            if screen == "organisations":
                app.screen.select_record(org_id)
            for key in keys:
                await pilot.press(key)
                await pilot.pause(0.2)
            await pilot.pause()
            path.write_text(app.export_screenshot(), encoding="utf-8")

    asyncio.run(shoot("organisations", (), out / "organisation-pack.svg"))
    owner = ("f", *"Owner", "enter", *"SEL ICB", "enter")
    asyncio.run(shoot("timeline", owner, out / "timeline-filtered.svg"))
    asyncio.run(shoot("timeline", ("down", "e"), out / "action-form.svg"))
    db.close()


if __name__ == "__main__":
    raise SystemExit(main())
