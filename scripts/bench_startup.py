"""Start-up benchmark: plantui's first frame with data against a bare Textual app.

Each probe is a fresh Python process (imports included, as a person would wait for them)
that draws its first frame with data headless at 160x50 and saves it as SVG: for plantui the
``plantui screenshot --screen overview`` command on the example plan, exactly as a user runs
it; for the baseline a bare Textual app with a Header, a 50-row DataTable and a Footer.
Probes alternate and the median of several runs is compared (target: within 1.3x).
A second pair runs both apps for real in a pseudo-terminal (160x50) and times the moment
the first frame with data reaches the terminal: the wait a person actually has.
Also times the Organisations list over 10,000 organisations (reload and a filter keystroke).

Usage: python scripts/bench_startup.py [--runs N] [--no-10k]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import asyncio, sys
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Ref", "Title", "Status", "Due")
        for n in range(50):
            table.add_row(f"A{n}", f"Row number {n}", "agreed", "2025-06-15")

async def main(output):
    app = Bare()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
    with open(output, "w", encoding="utf-8") as handle:
        handle.write(svg)

asyncio.run(main(sys.argv[1]))
"""


BARE_TTY = BARE.split("async def main")[0] + "Bare().run()\n"


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PLANTUI_TODAY": "2025-06-15"}
    # Both sides load compiled bytecode, as on a user's machine (pip compiles Textual's at
    # install; ours is written by the warm-up run), even where the shell turned it off.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def terminal_probe(argv: list[str], shows: bytes, timeout: float = 30.0) -> float:
    """Seconds from starting ``argv`` in a 160x50 pseudo-terminal until it prints ``shows``."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    env = {**_env(), "TERM": "xterm-256color"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *argv],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    try:
        while shows not in seen:
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{argv[:2]} never showed {shows!r}")
            if select.select([master], [], [], 0.05)[0]:
                seen += os.read(master, 1 << 16)
        return time.perf_counter() - start
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
        os.close(master)


def probe(argv: list[str]) -> float:
    """Seconds from starting a fresh interpreter to its first frame saved."""
    start = time.perf_counter()
    subprocess.run([sys.executable, *argv], check=True, env=_env(), stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def big_list(tmp: Path) -> tuple[float, float]:
    """(reload, filter) seconds for the Organisations screen over 10,000 organisations."""
    import asyncio

    sys.path.insert(0, str(ROOT / "src"))
    from plantui.demo import load_demo
    from plantui.service import PlanService
    from plantui.storage.database import open_database
    from plantui.tui.app import PlanApp

    service = PlanService(open_database(tmp / "big.db"))
    load_demo(service)
    with service.transaction() as writer:
        for n in range(10_000):
            writer.create("organisation", {"name": f"Organisation {n:05d}", "sector": "other"})

    async def run() -> tuple[float, float]:
        app = PlanApp(service, watch=False, screen="organisations")
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            app.screen.reload()
            await pilot.pause()
            reload_s = time.perf_counter() - start
            await pilot.press("slash")
            start = time.perf_counter()
            await pilot.press("9")
            await pilot.pause()
            return reload_s, time.perf_counter() - start

    return asyncio.run(run())


def report(probe_name: str, bare: list[float], ours: list[float]) -> None:
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"{probe_name}, median of {len(bare)}:")
    print(f"  bare Textual (Header, 50-row DataTable, Footer): {b:.3f} s")
    print(f"  plantui overview of the example plan:            {o:.3f} s")
    print(f"  ratio: {o / b:.2f}x (target: within 1.3x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-10k", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "demo.db"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        subprocess.run(
            [sys.executable, "-m", "plantui", "--db", str(db), "demo"],
            check=True,
            env=env,
            capture_output=True,
        )
        svg = str(tmp / "shot.svg")
        bare_argv = ["-c", BARE, svg]
        ours_argv = ["-m", "plantui", "--db", str(db), "screenshot", "--screen", "overview"]
        ours_argv += ["--output", svg]
        probe(bare_argv)  # warm the file cache for both
        probe(ours_argv)
        bare, ours = [], []
        for _ in range(args.runs):
            bare.append(probe(bare_argv))
            ours.append(probe(ours_argv))
        report("screenshot command", bare, ours)
        bare, ours = [], []
        for _ in range(args.runs):
            bare.append(terminal_probe(["-c", BARE_TTY], b"Row number 10"))
            ours.append(terminal_probe(["-m", "plantui", "--db", str(db)], b"priority order"))
        report("in a terminal", bare, ours)
        if not args.no_10k:
            reload_s, filter_s = big_list(tmp)
            print(
                f"10,000 organisations: list reload {reload_s:.3f} s, "
                f"filter keystroke {filter_s:.3f} s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
