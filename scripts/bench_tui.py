#!/usr/bin/env python3
"""Benchmark: every screen and interaction of plantui against a bare-Textual twin (issue 17).

Each interaction is timed for plantui and for a bare Textual app doing the same redraw, in
the same run, alternating (app, twin, app, twin ...); the median of ``--runs`` samples each
is compared and printed as a Markdown table (interaction | plantui | twin | ratio | goal).

* first frame with data of every screen: ``plantui screenshot --screen NAME --size 120x40``
  as a fresh process against a bare app process (Header, a DataTable of the same rows read
  with ``sqlite3``, Footer) saving one SVG; on the example plan and on a big plan (20,000
  actions and 10,000 organisations on top of the example plan);
* the same for real: ``plantui --db DB tui --screen NAME`` in a pseudo-terminal of 120x40,
  timed until a text of the screen's data (its first record, read with ``sqlite3``) is
  drawn, against TWIN_SHOT's bare app run for real until a value of its first row is; on
  both plans; and each screen's first visit for real on the example plan: the app opens on
  the Overview and the screen's number key goes in as soon as the Overview is up (its data
  drawn and the output paused), timed from the key, against the twin opening a screen with
  the same widgets and rows by a key (bare_twins.ListTwin for a list screen: a status line,
  a DataTable of the list's columns, a detail pane; a TableTwin of Header, DataTable and
  Footer for the others, and for information for the lists too);
* opening an action's form against a bare modal with an Input per field shown on opening
  and a folded section for the rest;
* switching screens, first visit and return, against a bare screen switch to a screen with
  the same widgets and rows (the same twins);
* a filter keystroke and the refilter it leads to on 10,000 organisations, against a bare
  DataTable refiltered on every key;
* the Timeline: its first frame with data and the CPU cost of a scroll frame and a pan frame
  on 20,000 actions, against the same on 100 actions (there the "twin" is the small plan);
* resident memory of the Timeline's screenshot process on the big plan, against a bare app
  plus the size of the database file.

In-process interactions run both apps in one event loop and time until ``Pilot.pause``
returns (the frame is drawn and the app idle), each sample after a full garbage collection:
otherwise a collection of what every earlier sample of both apps left lands on whichever
sample crosses the collector's threshold (the terminal app itself freezes its start-up
objects, so its own collections stay short); scroll and pan frames count CPU time, which
the 20 ms idle polling of ``pause`` does not blur. Not a test: figures depend on the machine.

Run: .venv/bin/python scripts/bench_tui.py [--runs 5] [--actions 20000] [--quick] [--parts ...]
(about 25 minutes on 2 busy cores; ``--quick`` takes a 2,000-action big plan and three
screens, ``--parts frames,pty,forms,switches,filter,timeline,memory`` picks what to measure.)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import fcntl
import gc
import importlib
import os
import pty
import re
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))  # bare_twins, when this file is loaded from elsewhere (the tests)

from bare_twins import LIST_CSS, ListTwin, TableTwin  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import Horizontal, Vertical, VerticalScroll  # noqa: E402
from textual.screen import ModalScreen  # noqa: E402
from textual.widgets import (  # noqa: E402
    Button,
    Collapsible,
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Static,
)

from plantui.cli.screenshot import SCREEN_NAMES  # noqa: E402
from plantui.demo import load_demo  # noqa: E402
from plantui.service import PlanService  # noqa: E402
from plantui.storage.database import Database, open_database  # noqa: E402

TODAY = dt.date(2025, 6, 15)
SIZE = (120, 40)
BARE_FIRST_FRAME_S = 0.35
"""What a bare Textual app needs for its first frame on the machine the goals were set on."""

TABLE_OF = {
    "overview": "ask",
    "asks": "ask",
    "pledges": "pledge",
    "timeline": "action",
    "organisations": "organisation",
    "events": "event",
    "conflicts": "record",
    "sync": "record",
    "people": "person",
}
"""The table whose rows each screen's twin shows (the records the screen is about)."""

TWIN_SHOT = r"""
import asyncio, sqlite3, sys
from textual.app import App
from textual.widgets import DataTable, Footer, Header

db, table_name, output, width, height = sys.argv[1:6]

class Twin(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        con = sqlite3.connect(db)
        cur = con.execute(f"SELECT * FROM {table_name} LIMIT 200")
        names = [d[0] for d in cur.description][:5]
        table = self.query_one(DataTable)
        table.add_columns(*names)
        table.add_rows([tuple(str(v) for v in row[:5]) for row in cur])

async def main():
    app = Twin()
    async with app.run_test(size=(int(width), int(height))) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
    with open(output, "w", encoding="utf-8") as handle:
        handle.write(svg)

asyncio.run(main())
"""

RSS_WRAPPER = r"""
import atexit, runpy, sys

def peak():  # this process's own high-water mark (getrusage's would include the parent's)
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"\nmaxrss_kb={kb}\n")

atexit.register(peak)
flag, target, *rest = sys.argv[1:]
sys.argv = [flag if flag == "-c" else target, *rest]
if flag == "-c":
    exec(compile(target, "<twin>", "exec"), {"__name__": "__main__"})
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
"""


# -- results ----------------------------------------------------------------------------------


@dataclass
class Result:
    """One row of the table: samples of plantui and of its twin, and the goal ratio."""

    name: str
    goal: float | None
    app: list[float] = field(default_factory=list)
    twin: list[float] = field(default_factory=list)
    unit: str = "s"
    twin_is: str = "bare Textual"

    @property
    def ratio(self) -> float:
        return statistics.median(self.app) / statistics.median(self.twin)

    def cells(self) -> list[str]:
        app, twin = statistics.median(self.app), statistics.median(self.twin)
        if self.unit == "s":
            shown = [f"{app:.3f} s", f"{twin:.3f} s"]
        elif self.unit == "ms":
            shown = [f"{app * 1000:.2f} ms", f"{twin * 1000:.2f} ms"]
        else:
            shown = [f"{app:.0f} MB", f"{twin:.0f} MB"]
        if self.twin_is != "bare Textual":
            shown[1] += f" ({self.twin_is})"
        if self.goal is None:
            verdict = "(info)"
        else:
            verdict = f"≤ {self.goal:g}x " + ("met" if self.ratio <= self.goal else "**missed**")
        return [self.name, *shown, f"{self.ratio:.2f}x", verdict]


def markdown(results: list[Result]) -> str:
    head = ["interaction", "plantui median", "twin median", "ratio", "goal"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in results]
    return "\n".join(lines)


# -- plans ------------------------------------------------------------------------------------


def example_plan(path: Path) -> Path:
    """The example plan, written by the CLI as a person would."""
    subprocess.run(
        [sys.executable, "-m", "plantui", "--db", str(path), "demo"],
        check=True,
        env=_env(),
        capture_output=True,
    )
    return path


def big_plan(path: Path, actions: int, organisations: int) -> Path:
    """The example plan plus ``actions`` actions (a tenth milestones) under asks of about 25,
    a finish-to-start link for every third, and ``organisations`` organisations."""
    service = PlanService(open_database(path))
    load_demo(service)
    asks = max(4, actions // 25)
    with service.transaction() as w:
        ask_ids = [
            w.create("ask", {"title": f"Big ask {i}", "ref_code": f"B{i}", "rank": f"b{i:05d}"})
            for i in range(asks)
        ]
        ids: list[str] = []
        for i in range(actions):
            start = dt.date(2025, 1, 1) + dt.timedelta(days=(i * 11) % 330)
            milestone = i % 10 == 9
            end = start if milestone else start + dt.timedelta(days=14 + i % 40)
            values = {
                "title": f"Action number {i} with a longish title",
                "ref_code": f"B{i % asks}.{i // asks}",
                "ask": ask_ids[i % asks].record_id,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "status": ("on_track", "at_risk", "not_started", "done")[i % 4],
                "rag": ("green", "amber", "red")[i % 3],
                "milestone": milestone,
            }
            ids.append(w.create("action", values).record_id)
        for i in range(0, actions - asks, 3):
            w.create("dependency", {"from": ids[i], "to": ids[i + asks], "kind": "FS"})
        for n in range(organisations):
            w.create("organisation", {"name": f"Organisation {n:05d}", "sector": "other"})
    service.db.close()
    return path


# -- processes --------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PLANTUI_TODAY": TODAY.isoformat()}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # both sides load compiled bytecode
    return env


def probe(argv: list[str]) -> float:
    """Seconds from starting a fresh interpreter until it has saved its first frame."""
    start = time.perf_counter()
    subprocess.run([sys.executable, *argv], check=True, env=_env(), stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_mb(argv: list[str]) -> float:
    """Peak resident memory (MB) of a fresh interpreter running ``argv``."""
    done = subprocess.run(
        [sys.executable, "-c", RSS_WRAPPER, *argv],
        check=True,
        env=_env(),
        capture_output=True,
        text=True,
    )
    kb = int(done.stderr.rsplit("maxrss_kb=", 1)[1].split()[0])
    return kb / 1024


def shot_argv(db: Path, screen: str, svg: Path) -> list[str]:
    width, height = SIZE
    return [
        *("-m", "plantui", "--db", str(db), "screenshot", "--screen", screen),
        *("--size", f"{width}x{height}", "--output", str(svg)),
    ]


def twin_argv(db: Path, screen: str, svg: Path) -> list[str]:
    return ["-c", TWIN_SHOT, str(db), TABLE_OF[screen], str(svg), *map(str, SIZE)]


def first_frames(db: Path, label: str, screens: list[str], runs: int, tmp: Path) -> list[Result]:
    svg = tmp / "shot.svg"
    out = []
    for screen in screens:
        result = Result(f"first frame: {screen} ({label})", 1.3)
        probe(shot_argv(db, screen, svg))  # warm the file cache and bytecode for both
        probe(twin_argv(db, screen, svg))
        for _ in range(runs):
            result.app.append(probe(shot_argv(db, screen, svg)))
            result.twin.append(probe(twin_argv(db, screen, svg)))
        out.append(result)
        print(f"  {result.name}: {result.ratio:.2f}x", file=sys.stderr, flush=True)
    return out


def memory(db: Path, runs: int, tmp: Path) -> Result:
    """The Timeline on the big plan against a bare app, plus the database file's size."""
    svg = tmp / "mem.svg"
    result = Result("resident memory: timeline (big plan)", 2.0, unit="MB")
    size_mb = db.stat().st_size / 2**20
    result.twin_is = f"bare + {size_mb:.0f} MB file"
    for _ in range(max(1, runs // 2)):
        result.app.append(peak_mb(shot_argv(db, "timeline", svg)))
        result.twin.append(peak_mb(twin_argv(db, "timeline", svg)) + size_mb)
    return result


# -- first frames in a pseudo-terminal --------------------------------------------------------


PTY_TWIN = r"""
import sys
from textual.app import App
from textual.widgets import DataTable, Footer, Header
sys.path.insert(0, sys.argv[1])
from bare_twins import LIST_CSS, ListTwin, TableTwin, table_rows

db, first_table, table_name, key, columns = sys.argv[2:7]

class Twin(App):
    BINDINGS = [(key, "open", "Open")] if key else []
    CSS = LIST_CSS if columns else ""  # loaded as it starts, as plantui loads its own

    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        names, rows = table_rows(db, first_table)
        table = self.query_one(DataTable)
        table.add_columns(*names)
        table.add_rows(rows)

    def action_open(self):
        if columns:
            self.push_screen(ListTwin(db, table_name, columns.split(",")))
        else:
            self.push_screen(TableTwin(db, table_name))

Twin().run()
"""
"""The bare app of TWIN_SHOT run for real; given a key, the key opens a screen as a number
key opens a plantui screen: given the list's columns, a ListTwin (a list screen's widgets
and rows), else a TableTwin (Header, DataTable, Footer)."""


_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: styles, cursor moves, modes, queries
    rb"|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC, DCS, APC, PM, up to their terminator
    rb"|\x1b[ -/]*[0-~]"  # the other escapes (keypad modes, save and restore cursor)
)
PTY_TIMEOUT_S = 60.0
"""How long a marker may take to appear before the run is called broken (a busy machine and
a big plan take seconds, a marker that never comes is an error to report, not a sample)."""
QUIET_S = 0.1
"""No output for this long after the first screen's data: the app is up, a key can go in."""
READ_S = 1.5
"""A first visit is timed twice: at once (the key as soon as the app is up) and after this
long reading the first screen, by when the app has loaded what a later screen needs."""


def visible_text(raw: bytes) -> str:
    """The text ``raw`` prints, without escape sequences (styles and cursor moves), so the
    characters of one drawn line segment read as one string whatever their styles."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", errors="replace")


def pty_markers(db: Path, today: dt.date = TODAY) -> dict[str, str]:
    """Per screen, a short text only its data draws: the record it shows first, as the
    screen orders them, read with sqlite3 and cut to fit before any truncation."""
    con = sqlite3.connect(db)

    def first(sql: str, *args: str) -> str:
        found = con.execute(sql, args).fetchone()
        return "" if found is None else str(found[0])

    def natural(ref: str | None) -> list[Any]:  # pledges: P2 before P10
        return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", ref or "")]

    try:
        ref, title = con.execute(
            "SELECT ref_code, title FROM ask WHERE deleted = 0 ORDER BY rank, id"
        ).fetchone()
        pledges = con.execute("SELECT ref_code, title FROM pledge WHERE deleted = 0").fetchall()
        live = "deleted = 0 AND merged_into IS NULL"
        events = "SELECT title FROM event WHERE deleted = 0"
        conflicts = first("SELECT count(*) FROM record WHERE conflicts != '' OR delete_conflict")
        markers = {
            "overview": f"{ref} {title}" if ref else title,  # its asks in priority order
            "asks": title,
            "pledges": min(pledges, key=lambda p: natural(p[0]))[1],
            "timeline": f"{ref} {title}" if ref else title,  # the first ask's row
            "organisations": first(f"SELECT name FROM organisation WHERE {live} ORDER BY name, id"),
            "events": (  # the list opens on the next event
                first(f"{events} AND starts_at >= ? ORDER BY starts_at, id", today.isoformat())
                or first(f"{events} ORDER BY starts_at DESC, id DESC")
            ),
            "conflicts": f"{conflicts} open conflict" if int(conflicts) else "No open conflicts",
            "sync": "This copy: " + first("SELECT value FROM meta WHERE key = 'replica_label'"),
            "people": first(f"SELECT name FROM person WHERE {live} ORDER BY name, id"),
        }
    finally:
        con.close()
    return {name: text[:16] for name, text in markers.items()}


def first_value(db: Path, table: str) -> str:
    """The twin's marker: the first column of the first row its query returns."""
    con = sqlite3.connect(db)
    try:
        return str(con.execute(f"SELECT * FROM {table} LIMIT 1").fetchone()[0])[:16]
    finally:
        con.close()


def _take_terminal() -> None:
    """In the child, a session leader by now: make the pty its controlling terminal, as a
    terminal emulator does (so closing the master hangs it up)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyRun:
    """A fresh interpreter running ``argv`` in a pseudo-terminal of SIZE, and what it drew."""

    def __init__(self, argv: list[str]) -> None:
        self.argv = argv
        self.raw = bytearray()
        self.master, slave = pty.openpty()
        width, height = SIZE
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        env = {**_env(), "TERM": "xterm-256color"}
        for name in ("COLUMNS", "LINES"):  # would override the window size
            env.pop(name, None)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, *argv],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                start_new_session=True,
                preexec_fn=_take_terminal,
            )
        except BaseException:
            os.close(self.master)
            raise
        finally:
            os.close(slave)

    def _read(self, timeout: float) -> float | None:
        """Read what is there within ``timeout``: the time it arrived, None if nothing did."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:  # EIO: every process holding the terminal has closed it
            chunk = b""
        arrived = time.perf_counter()
        if not chunk:
            raise EOFError
        self.raw += chunk
        return arrived

    def wait_for(self, marker: str, since: int = 0) -> float:
        """The time ``marker`` was drawn in what came after byte ``since``."""
        deadline = time.perf_counter() + PTY_TIMEOUT_S
        arrived = time.perf_counter()
        while marker not in visible_text(bytes(self.raw[since:])):
            try:
                got = self._read(deadline - time.perf_counter())
            except EOFError:
                raise RuntimeError(self._missing(marker, "the process ended first")) from None
            if got is None:
                raise RuntimeError(self._missing(marker, f"not within {PTY_TIMEOUT_S:g} s"))
            arrived = got
        return arrived

    def _missing(self, marker: str, why: str) -> str:
        what = " ".join(a if len(a) < 40 else "<script>" for a in self.argv)
        tail = " ".join(visible_text(bytes(self.raw)).split())[-300:]
        return f"{marker!r} never appeared in {what} ({why}); the last text drawn: {tail!r}"

    def settle(self) -> None:
        """Read until the output has paused for QUIET_S (at most a few seconds)."""
        deadline = time.perf_counter() + 3.0
        while time.perf_counter() < deadline and self._read(QUIET_S) is not None:
            pass

    def press(self, key: str) -> float:
        """Send ``key``; the time it was sent."""
        sent = time.perf_counter()
        os.write(self.master, key.encode())
        return sent

    def close(self) -> None:
        """ctrl+q, then read until the process has gone (killed with its session if it has
        not within 10 s), so no run leaves a process behind."""
        try:
            if self.proc.poll() is None:
                with contextlib.suppress(OSError):  # EIO: it has closed the terminal already
                    self.press("\x11")
                deadline = time.perf_counter() + 10.0
                while time.perf_counter() < deadline and self.proc.poll() is None:
                    try:
                        self._read(0.1)
                    except EOFError:
                        break
                try:
                    self.proc.wait(timeout=max(0.0, deadline - time.perf_counter()))
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                    self.proc.wait()
        finally:
            os.close(self.master)


def pty_probe(
    argv: list[str], marker: str, key: str = "", up: str = "", read_s: float = 0.0
) -> float:
    """Seconds from starting ``argv`` in a pty until ``marker`` is drawn; given a key, from
    pressing it, once ``up`` is drawn, the output has paused and ``read_s`` more seconds
    have passed (a person reading the first screen), until ``marker`` is drawn."""
    run = PtyRun(argv)
    try:
        start, since = time.perf_counter(), 0
        if key:
            run.wait_for(up)
            run.settle()
            end = time.perf_counter() + read_s
            while time.perf_counter() < end:
                run._read(end - time.perf_counter())
            since = len(run.raw)
            start = run.press(key)
        return run.wait_for(marker, since) - start
    finally:
        run.close()


def list_columns(screen: str) -> tuple[str, ...]:
    """The columns of a list screen (Asks, Pledges, Events, Organisations, People); empty
    for the other screens."""
    from plantui.tui.screen_list import SCREENS
    from plantui.tui.widgets.browse import BrowseScreen

    _title, module, name = SCREENS[screen]
    screen_class = getattr(importlib.import_module(module), name)
    return tuple(screen_class.COLUMNS) if issubclass(screen_class, BrowseScreen) else ()


def pty_twin(db: Path, first_table: str, table: str = "", key: str = "", columns=()) -> list[str]:
    return ["-c", PTY_TWIN, str(HERE), str(db), first_table, table, key, ",".join(columns)]


def pty_frames(
    db: Path, label: str, screens: list[str], runs: int, visits: bool = True
) -> list[Result]:
    """Every screen's first frame with data for real: ``plantui --db DB tui --screen NAME``
    in a pty, timed from the process start until the screen's data is drawn, against
    TWIN_SHOT's bare app run for real on the screen's table. With ``visits``, also each
    screen's first visit for real: the app opens on the Overview and the screen's number key
    is pressed as soon as it is up, timed from the key, against the twin opening a screen
    with the same widgets and rows by a key: a ListTwin for a list, else a TableTwin. A
    list's visit is also shown against a TableTwin (Header, DataTable, Footer) for
    information: the twin its goal was first measured against."""
    from plantui.tui.screen_list import SCREENS

    markers = pty_markers(db)
    home = TABLE_OF["overview"]
    plantui = ["-m", "plantui", "--db", str(db)]
    probes: list[tuple[Result, Callable[[], float], Callable[[], float]]] = []
    for screen in screens:
        table = TABLE_OF[screen]
        probes.append(
            (
                Result(f"first frame for real: {screen} ({label})", 1.3),
                partial(pty_probe, [*plantui, "tui", "--screen", screen], markers[screen]),
                partial(pty_probe, pty_twin(db, table), first_value(db, table)),
            )
        )
        if not visits or screen == "overview":
            continue
        key = str(list(SCREENS).index(screen) + 1)
        columns = list_columns(screen)
        twins: list[tuple[str, float | None, tuple[str, ...]]] = [("", 1.5, columns)]
        if columns:
            twins.append((", against Header+DataTable+Footer", None, ()))
        for read_s, when in ((0.0, "at once"), (READ_S, f"after {READ_S:g} s")):
            for against, goal, twin_columns in twins:
                probes.append(
                    (
                        Result(f"first visit for real, {when}{against}: {screen} ({label})", goal),
                        partial(
                            pty_probe, plantui, markers[screen], key, markers["overview"], read_s
                        ),
                        partial(
                            pty_probe,
                            pty_twin(db, home, table, key, twin_columns),
                            first_value(db, table),
                            key,
                            first_value(db, home),
                            read_s,
                        ),
                    )
                )
    out = []
    for result, app, twin in probes:
        app()  # warm the file cache and bytecode for both
        twin()
        for _ in range(runs):
            result.app.append(app())
            result.twin.append(twin())
        out.append(result)
        print(f"  {result.name}: {result.ratio:.2f}x", file=sys.stderr, flush=True)
    return out


# -- twins in process -------------------------------------------------------------------------


def rows_of(db: Path, table: str, where: str = "", args: tuple = (), limit: int = 200):
    """(column names, rows as strings, count) read with plain sqlite3, as a bare app would."""
    con = sqlite3.connect(db)
    try:
        count = con.execute(f"SELECT count(*) FROM {table} {where}", args).fetchone()[0]
        cur = con.execute(f"SELECT * FROM {table} {where} LIMIT {limit}", args)
        names = [d[0] for d in cur.description][:5]
        return names, [tuple(str(v) for v in row[:5]) for row in cur], count
    finally:
        con.close()


class TwinApp(App[None]):
    """A bare app: screens of tables, a modal of inputs, a filter over a DataTable."""

    CSS = LIST_CSS

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="filter")
        yield Static(id="status")
        yield DataTable(id="list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#list", DataTable).add_columns("id", "name", "sector")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refilter(event.value)

    def refilter(self, text: str) -> None:
        """The bare floor of a filter: one query, then the page of rows into the table."""
        where, args = ("WHERE name LIKE ?", (f"%{text}%",)) if text else ("", ())
        _names, rows, count = rows_of(self.db, "organisation", where, args)
        table = self.query_one("#list", DataTable)
        table.clear()
        table.add_rows([(row[0], row[1], row[2]) for row in rows])
        self.query_one("#status", Static).update(f"{count} organisations")


class TwinForm(ModalScreen[None]):
    """A bare modal with a Label and an Input per field the action's form shows on opening,
    and a folded section for the rest (empty until opened, as the form's is)."""

    def __init__(self, values: dict[str, Any], folded: int) -> None:
        super().__init__()
        self.values = values
        self.folded = folded

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Edit action")
            with VerticalScroll():
                for name, value in self.values.items():
                    yield Label(name.replace("_", " "))
                    yield Input(value="" if value is None else str(value))
                yield Collapsible(title=f"More fields ({self.folded})", collapsed=True)
            with Horizontal():
                yield Button("Save")
                yield Button("Cancel")


async def timed(pilot: Any, act: Callable[..., Any], *args: Any, cpu: bool = False) -> float:
    """Seconds (wall, or CPU) from ``act(*args)`` until the app has drawn and gone idle."""
    clock = time.process_time if cpu else time.perf_counter
    gc.collect()  # garbage of earlier samples (both apps') is not this interaction's cost
    with pilot.app._context():  # two apps share the loop: widgets made now belong to this one
        start = clock()
        done = act(*args)
        if isinstance(done, Awaitable):
            await done
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        return clock() - start


def plan_app(db: Database, screen: str = "overview"):
    from plantui.tui.app import PlanApp

    return PlanApp(db, today=TODAY, watch=False, screen=screen, preload=False)


async def form_open(path: Path, runs: int) -> Result:
    """Open an action's edit form, against a bare modal showing the same fields (the rest
    folded away in both)."""
    from plantui.tui.forms import RecordForm
    from plantui.tui.forms.record_form import HIDDEN
    from plantui.tui.forms.sections import MORE

    db = open_database(path)
    app, twin = plan_app(db, "asks"), TwinApp(path)
    result = Result("open an action's form", 1.5)
    async with app.run_test(size=SIZE) as ours, twin.run_test(size=SIZE) as bare:
        view = next(iter(app.service.list("action")))
        fields = [n for n in view.values if n not in HIDDEN and n != "carried_from"]
        values = {n: view.values.get(n) for n in fields if n not in MORE["action"]}
        folded = len(fields) - len(values)
        await ours.pause()
        for n in range(runs + 1):
            took = await timed(ours, app.push_screen, RecordForm("action", view.id))
            await timed(ours, app.pop_screen)
            took_bare = await timed(bare, twin.push_screen, TwinForm(values, folded))
            await timed(bare, twin.pop_screen)
            if n:  # the first opening imports the forms: a warm-up for both
                result.app.append(took)
                result.twin.append(took_bare)
    db.close()
    return result


async def screen_switches(path: Path, screens: list[str], runs: int) -> list[Result]:
    """From the Overview to each screen (first visit) and back to it (return)."""
    first = {s: Result(f"switch to {s}: first visit", 1.5) for s in screens}
    back = {s: Result(f"switch to {s}: return", 1.5) for s in screens}
    for n in range(runs + 1):  # the first round imports every screen: a warm-up
        db = open_database(path)
        app, twin = plan_app(db), TwinApp(path)
        async with app.run_test(size=SIZE) as ours, twin.run_test(size=SIZE) as bare:
            await ours.pause()
            await bare.pause()
            for screen in screens:
                columns = list_columns(screen)
                twin_screen = (
                    ListTwin(str(path), TABLE_OF[screen], columns)
                    if columns
                    else TableTwin(str(path), TABLE_OF[screen])
                )
                twin.install_screen(twin_screen, screen)  # kept when popped, as a mode is
                samples = [
                    await timed(ours, app.action_show, screen),
                    await timed(bare, twin.push_screen, screen),
                ]
                await timed(ours, app.action_show, "overview")
                await timed(bare, twin.pop_screen)
                samples += [
                    await timed(ours, app.action_show, screen),
                    await timed(bare, twin.push_screen, screen),
                ]
                await timed(ours, app.action_show, "overview")
                await timed(bare, twin.pop_screen)
                if n:
                    first[screen].app.append(samples[0])
                    first[screen].twin.append(samples[1])
                    back[screen].app.append(samples[2])
                    back[screen].twin.append(samples[3])
        db.close()
    return [r for s in screens for r in (first[s], back[s])]


async def filter_keys(path: Path, runs: int, count: int) -> list[Result]:
    """A keystroke in the Organisations filter over ``count`` organisations, and the refilter."""
    from plantui.tui.widgets.browse import FILTER_DELAY

    db = open_database(path)
    app, twin = plan_app(db, "organisations"), TwinApp(path)
    keys = Result(f"filter keystroke on screen ({count:,} organisations)", 1.5)
    applied = Result(f"filter applied after typing ({count:,} organisations)", 1.5)
    async with app.run_test(size=SIZE) as ours, twin.run_test(size=SIZE) as bare:
        await ours.pause()
        screen = app.screen
        await ours.press("slash")
        await timed(bare, twin.query_one("#filter", Input).focus)
        for n in range(runs + 1):
            char = "0123456789"[n % 10]
            took = await timed(ours, ours.press, char)
            took_bare = await timed(bare, bare.press, char)
            await ours.pause(FILTER_DELAY * 2)  # let the debounced filter run before the next
            took_apply = await timed(ours, screen._apply_filter)
            took_apply_bare = await timed(bare, twin.refilter, char)
            await ours.press("backspace")
            await bare.press("backspace")
            await ours.pause(FILTER_DELAY * 2)
            if n:
                keys.app.append(took)
                keys.twin.append(took_bare)
                applied.app.append(took_apply)
                applied.twin.append(took_apply_bare)
    db.close()
    return [keys, applied]


async def timeline_frames(big: Path, small: Path, runs: int, frames: int = 40) -> list[Result]:
    """The Timeline on a big plan against a small one: first frame, scroll and pan frames."""
    from plantui.tui.timeline.gantt import GanttView

    first = Result("timeline first screenful with data (big vs small plan)", 1.3)
    whole = Result("timeline whole plan loaded (big vs small plan)", None)
    scroll = Result("timeline scroll frame, CPU (big vs small plan)", 1.2, unit="ms")
    pan = Result("timeline pan frame, CPU (big vs small plan)", 1.2, unit="ms")
    for r in (first, whole, scroll, pan):
        r.twin_is = "small plan"
    for n in range(runs + 1):
        for which, path in (("app", big), ("twin", small)):
            db = open_database(path)
            app = plan_app(db)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                start = time.perf_counter()
                with app._context():
                    app.action_show("timeline")
                    while (
                        not app.screen.query(GanttView) or not app.screen.query_one(GanttView).rows
                    ):
                        await asyncio.sleep(0.002)
                shown = time.perf_counter() - start
                took = await timed(pilot, app.refresh) + shown
                gantt = app.screen.query_one(GanttView)
                jump = partial(gantt.scroll_to, animate=False)
                rows = len(gantt.rows)
                height = gantt.scrollable_content_region.height
                span = max(1, min(rows - height, 200))
                scrolls = []
                for frame in range(frames):
                    step = frame % (2 * span)
                    y = step if step < span else 2 * span - step
                    scrolls.append(await timed(pilot, jump, None, y, cpu=True))
                await timed(pilot, gantt.set_zoom, "week")
                width = max(1, gantt.virtual_size.width - gantt.scrollable_content_region.width)
                pans = [
                    await timed(pilot, jump, x, None, cpu=True)
                    for x in ((f * 3) % width for f in range(frames))
                ]
            db.close()
            if n:
                getattr(first, which).append(shown)
                getattr(whole, which).append(took)
                getattr(scroll, which).append(statistics.median(scrolls))
                getattr(pan, which).append(statistics.median(pans))
    return [first, whole, scroll, pan]


# -- main -------------------------------------------------------------------------------------


PARTS = ("frames", "pty", "forms", "switches", "filter", "timeline", "memory")


def run(args: argparse.Namespace, tmp: Path) -> list[Result]:
    quick, parts = args.quick, set(args.parts.split(","))
    screens = ["overview", "asks", "timeline"] if quick else list(SCREEN_NAMES)
    actions = 2_000 if quick else args.actions
    organisations = 1_000 if quick else args.organisations
    big_label = f"{actions:,} actions"
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    say("building the plans ...")
    example = example_plan(tmp / "example.db")
    work = tmp / "work.db"
    shutil.copyfile(example, work)
    big = big_plan(tmp / "big.db", actions, organisations)
    small = big_plan(tmp / "small.db", 100, 0)
    results: list[Result] = []
    if "frames" in parts:
        say("first frames ...")
        results += first_frames(example, "example plan", screens, args.runs, tmp)
        if not quick:
            results += first_frames(big, big_label, screens, args.runs, tmp)
    if "pty" in parts:
        say("first frames for real, in a pseudo-terminal ...")
        results += pty_frames(example, "example plan", screens, args.runs)
        if not quick:
            results += pty_frames(big, big_label, screens, args.runs, visits=False)
    if "forms" in parts:
        say("forms ...")
        results.append(asyncio.run(form_open(work, args.runs)))
    if "switches" in parts:
        say("switches ...")
        others = [s for s in screens if s != "overview"]
        results += asyncio.run(screen_switches(work, others, args.runs))
    if "filter" in parts:
        say("filter ...")
        results += asyncio.run(filter_keys(big, args.runs, organisations))
    if "timeline" in parts:
        say("timeline ...")
        results += asyncio.run(timeline_frames(big, small, args.runs))
    if "memory" in parts:
        results.append(memory(big, args.runs, tmp))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="samples of each side (median)")
    parser.add_argument("--actions", type=int, default=20_000, help="actions of the big plan")
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="small plans and three screens")
    parser.add_argument(
        "--parts", default=",".join(PARTS), help=f"comma-separated, of: {', '.join(PARTS)}"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        results = run(args, Path(tmp_name))
    print(markdown(results))
    print()
    python = sys.version.split()[0]
    print(f"Median of {args.runs} alternating runs, {SIZE[0]}x{SIZE[1]}, Python {python}.")
    print("The twins' own times (the floor each ratio is taken against):")
    for r in results:
        twin = statistics.median(r.twin)
        shown = (
            f"{twin:.3f} s"
            if r.unit == "s"
            else f"{twin * 1000:.2f} ms"
            if r.unit == "ms"
            else f"{twin:.0f} MB"
        )
        print(f"  {r.name}: {shown}")
    starts = ("first frame: ", "first frame for real: overview")  # a fresh process's frame
    bare = [statistics.median(r.twin) for r in results if r.name.startswith(starts)]
    if bare:
        typical = statistics.median(bare)
        note = "plausible"
        if not BARE_FIRST_FRAME_S / 2 <= typical <= BARE_FIRST_FRAME_S * 2:
            note = "WARNING: far from it; the machine is busy or the twin is not bare"
        print(
            f"Plausibility: the bare app's first frame took {typical:.3f} s "
            f"(about {BARE_FIRST_FRAME_S} s expected here): {note}."
        )
    missed = [r.name for r in results if r.goal is not None and r.ratio > r.goal]
    print(f"Goals missed: {', '.join(missed) if missed else 'none'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
