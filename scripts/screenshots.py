"""Regenerate screenshots/<screen>.svg from a fresh example plan, with today pinned.

Run from the repository root: ``python scripts/screenshots.py``. Each screen is drawn by the
real ``plantui screenshot`` command at 160x50 and again at 80x24 for small terminals, and
the command palette searching the records for "interp".
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from plantui.cli.screenshot import SCREEN_NAMES as SCREENS  # noqa: E402

TODAY = "2025-06-15"


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
