"""Shared fixtures: a fresh database per test, a controllable clock, a CLI runner."""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from plantui import clock as hlc
from plantui.cli.main import main
from plantui.demo import load_demo
from plantui.service import PlanService
from plantui.storage import database as database_module
from plantui.storage.database import Database, open_database

SRC = Path(__file__).resolve().parents[1] / "src"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` starts one test process more than there are processors: a TUI test spends
    part of its time in Textual's pilot waiting for the app to go idle (at least 20 ms after
    every key and pause), which the extra process's tests use. More only adds switching
    between processes: on 2 cores the quick run took 49-51 s and 69-73 CPU-seconds with 3
    processes, 52-59 s and 86-98 CPU-seconds with 4, and the full suite the same time with
    either. ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still decides, where it is set (pytest-xdist
    reads it)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return (len(usable) if usable else os.cpu_count() or 1) + 1


def pytest_collection_finish(session: pytest.Session) -> None:
    """Garbage collection tuned for a process that runs hundreds of tests: what the imports
    made is frozen (never scanned again), and the youngest generation is collected every
    10,000 allocations, not 700. Each TUI test builds some 100,000 objects that live as long
    as its app, so the default settings ran a full collection every few tests, a third of
    the TUI tests' time; garbage is still collected, only less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


class FakeClock:
    """A wall clock the test moves by hand, backwards included."""

    def __init__(self, start_ms: int = 1_733_000_000_000) -> None:
        self.now = start_ms

    def __call__(self) -> int:
        return self.now

    def advance(self, ms: int) -> None:
        self.now += ms


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "plan.db"


MIGRATED: list[Path] = []
"""This test process's migrated template (see ``migrated_template``), once it is made."""


@pytest.fixture(scope="session", autouse=True)
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An empty file brought to the newest schema by the real migrations, once per test
    process, before ``open_database`` gives it an identity: a copy opens exactly as a new
    file does (test_storage compares them), without running every migration again."""
    path = tmp_path_factory.mktemp("migrated") / "empty.db"
    template = Database(path)
    try:
        database_module._migrate(template)
    finally:
        template.close()
    path.chmod(0o600)  # as open_database makes a plan file; shutil.copy keeps the mode
    assert not Path(f"{path}-wal").exists(), "closing checkpoints the WAL into the file"
    MIGRATED.append(path)
    yield path
    MIGRATED.remove(path)


def new_file(path: Path) -> Path:
    """Where no file is yet, lay the migrated template there, which ``open_database`` then
    opens exactly as the new file it would have made. Outside a test session (the golden
    file's script) there is no template, and ``open_database`` makes the file itself."""
    if MIGRATED and not path.exists():
        shutil.copy(MIGRATED[0], path)
    return path


@pytest.fixture
def new_files_from_template(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plan files that plantui names and makes itself (a library's ``new``, ``demo`` and
    ``import``) start as copies of the migrated template too, laid where ``open_database``
    would have made a new file: the migrations were most of the library tests' time."""
    real = database_module.open_database

    def open_new_from_template(path: Path | str) -> Database:
        path = Path(path)
        if path.parent.is_dir():  # else open_database makes the folder (0700) and the file
            new_file(path)
        return real(path)

    monkeypatch.setattr(database_module, "open_database", open_new_from_template)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new, empty plan database of the test's own."""
    database = open_database(new_file(db_path))
    yield database
    database.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def copy_of(template: Path, path: Path) -> Path:
    """Lay a copy of a template database at ``path`` (mode kept), for ``open_database``. Opened
    there, the copy takes a replica id of its own, as any copied file does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, path)
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan as ``load_demo`` writes it with the ``clock`` fixture's time, built
    once per test process (half a second each time); each test gets its own copy. Its
    record ids come from a seeded generator: ids break ties in list order, and fixed ids
    keep the TUI snapshots the same run to run."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    seeded = random.Random(20250615)

    def same_ids_every_run(now_ms: int | None = None) -> str:
        value = seeded.getrandbits(128)
        value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
        value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 9562 variant
        return str(uuid.UUID(int=value))

    with own_state_dir(tmp_path_factory), pytest.MonkeyPatch.context() as patch:
        database = open_database(new_file(path))
        patch.setattr(hlc, "uuid7", same_ids_every_run)
        load_demo(PlanService(database, wall=FakeClock()))
        database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, db_path: Path) -> Iterator[Database]:
    """A copy of the example plan of the test's own."""
    database = open_database(copy_of(demo_template, db_path))
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan stamped with the real clock, as ``plantui demo`` writes it (what the
    reports say changed depends on when), loaded once per test process and copied for each
    test. It lives here, never imported into test modules: imported, a session fixture
    becomes another fixture of each module, which loads the plan again."""
    path = tmp_path_factory.mktemp("demo-now") / "demo.db"
    with own_state_dir(tmp_path_factory):
        db = open_database(new_file(path))
        load_demo(PlanService(db))
        db.close()
    return path


@pytest.fixture
def demo_db_path(demo_source: Path, db_path: Path) -> Path:
    """The `cli` fixture's database, holding a copy of the example plan."""
    source = open_database(demo_source)
    source.backup_to(db_path)
    source.close()
    return db_path


@pytest.fixture
def demo_plan(demo_db: Database, clock: FakeClock) -> PlanService:
    """A service over a copy of the example plan: the plan ``load_demo(service)`` writes."""
    return PlanService(demo_db, wall=clock)


@pytest.fixture
def service(db: Database, clock: FakeClock) -> PlanService:
    return PlanService(db, wall=clock)


@pytest.fixture
def plan_service(service: PlanService) -> PlanService:
    """A service over a database that already holds a plan."""
    service.create("plan", {"title": "Test plan", "period_start": "2024-12-01"})
    return service


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def last_line(self) -> str:
        return self.out.strip().splitlines()[-1]

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]):
    """Run ``plantui --db <test db> ARGS`` in-process and capture its output. The test db
    starts as a new, empty file, as the first command would have made it."""
    new_file(db_path)

    def run(*args: str) -> Result:
        try:
            # The service fixture's clock is in 2024: the CLI confirms the real date.
            code = main(["--db", str(db_path), "--clock-ok", *args])
        except SystemExit as exc:  # argparse usage errors and --help
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_process(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess:
    """Run ``python -m plantui ARGS`` as a real process (for concurrency and hygiene)."""
    full_env = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "plantui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        **kw,
    )


@pytest.fixture(autouse=True)
def _state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's replica ledger lives in its own folder, never the user's."""
    monkeypatch.setenv("PLANTUI_STATE_DIR", str(tmp_path_factory.mktemp("state")))


@contextmanager
def own_state_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A replica ledger of its own for a fixture shared by many tests: such a fixture is made
    before the first test's own folder is set (``_state_dir``), so it would otherwise write
    into the user's ledger."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANTUI_STATE_DIR", str(tmp_path_factory.mktemp("shared-state")))
        yield


ANOTHER_LAPTOP = "00000000-0000-4000-8000-0000000000aa"


def edit_from_another_laptop(db: Database, record_id: str, values: dict) -> None:
    """Set fields as an edit merged in from another laptop's file would: past the door that
    refuses bad input from a person (an end before its start), as older copies may send."""
    edits_from_another_laptop(db, {record_id: values})


def edits_from_another_laptop(db: Database, edits: dict[str, dict]) -> None:
    """``edit_from_another_laptop`` for several records, in one transaction as one file's."""
    from plantui.storage.records import RecordState, load_state, save_states

    clock = "1733000000500.0000"
    changed: list[RecordState] = []
    with db.read() as session:
        for record_id, values in edits.items():
            state = load_state(session, record_id)
            assert state is not None
            for name, value in values.items():
                state.fields[name] = [{"v": value, "at": f"{clock}@{ANOTHER_LAPTOP}"}]
            state.vv[ANOTHER_LAPTOP] = clock
            changed.append(RecordState(state.id, state.type, state.vv, state.fields))
    with db.write() as session:
        save_states(session, changed)


def downgrade(path: Path, revision: str) -> None:
    """Take the database at ``path`` back to schema ``revision``, as an older plantui left
    it (the migrations' own downgrade), to check that opening it brings it up to date."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option(
        "script_location", str(Path(database_module.__file__).parent / "migrations")
    )
    db = open_database(path)
    try:
        with db.write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        db.close()
