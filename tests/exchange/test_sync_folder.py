"""``plantui sync DIR`` and ``import`` against hostile entries, with real processes and files.

Each bad entry is named in one sentence and skipped; the good files are imported, this
laptop's own file is written, in bounded time, and the exit status is 1.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from plantui.exchange import folder as folder_module
from plantui.exchange.folder import own_file, sync_folder
from tests.conftest import run_process
from tests.exchange.helpers import make_replica, rehash


def _plantui(db: Path, *args: str) -> subprocess.CompletedProcess:
    return run_process("--db", str(db), *args)


def _laptop(tmp_path: Path, name: str, *, plan_from: Path | None = None) -> Path:
    db = tmp_path / f"{name}.db"
    if plan_from is None:
        assert _plantui(db, "add", "plan", "title=Southwark plan").returncode == 0
    else:
        assert _plantui(db, "import", str(plan_from)).returncode == 0
    return db


def _export(db: Path, target: Path) -> dict:
    assert _plantui(db, "export", str(target)).returncode == 0
    return json.loads(target.read_text())


@pytest.mark.slow
def test_hostile_entries_are_named_and_skipped_and_the_rest_imported(tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    a = _laptop(tmp_path, "a")
    start = tmp_path / "start.plantui.json"
    _export(a, start)
    b = _laptop(tmp_path, "b", plan_from=start)
    ask = _plantui(a, "add", "ask", "title=From A").stdout.strip().splitlines()[-1]
    assert _plantui(a, "sync", str(stick)).returncode == 0
    good = next(stick.glob("*.plantui.json"))
    os.mkfifo(stick / "fifo.plantui.json")
    (stick / "zero.plantui.json").symlink_to("/dev/zero")
    sparse = stick / "sparse.plantui.json"
    subprocess.run(["truncate", "-s", "2G", str(sparse)], check=True)
    (stick / "broken.plantui.json").write_text('{"format": "plantui.exchange", ')
    doc = json.loads(good.read_text())
    doc["exporter"]["replica_id"] = "0" * 8 + "-0000-4000-8000-" + "0" * 12
    text = json.dumps(rehash(doc)).replace('"format_version": 1', '"format_version": ' + "9" * 5000)
    (stick / "digits.plantui.json").write_text(text)
    (stick / "esc\x1b[31m.plantui.json").write_text("[")
    result = _plantui(b, "sync", str(stick))
    assert result.returncode == 1, result.stderr
    for name in ("fifo", "zero", "sparse", "broken", "digits"):
        assert f"{name}.plantui.json" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert _plantui(b, "show", ask).returncode == 0  # the good file was imported
    assert own_file_of(b, stick).exists()


def own_file_of(db: Path, stick: Path) -> Path:
    label = json.loads(_plantui(db, "export", "-").stdout)["exporter"]["replica_id"]
    return next(p for p in stick.glob(f"*--{label[:8]}.plantui.json"))


@pytest.mark.slow
def test_an_unreadable_file_is_named_and_skipped(tmp_path):
    """``chmod 000`` does not bind root (these tests may run as root), so the file that
    cannot be read is also one no one can read: a link to this process's own memory, a
    regular file to ``fstat`` whose first read fails."""
    stick = tmp_path / "stick"
    stick.mkdir()
    a = _laptop(tmp_path, "a")
    locked = stick / "locked.plantui.json"
    _export(a, locked)
    locked.chmod(0)
    (stick / "memory.plantui.json").symlink_to("/proc/self/mem")
    result = _plantui(tmp_path / "b.db", "sync", str(stick))
    assert result.returncode == 1, result.stderr
    assert "memory.plantui.json cannot be read" in result.stdout
    if os.geteuid() != 0:
        assert "locked.plantui.json cannot be read: permission denied" in result.stdout


@pytest.mark.slow
def test_a_file_of_another_plan_is_named_and_left_alone(tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    other = _laptop(tmp_path, "other")
    assert _plantui(other, "sync", str(stick)).returncode == 0
    mine = _laptop(tmp_path, "mine")
    result = _plantui(mine, "sync", str(stick))
    assert result.returncode == 0, result.stderr
    assert "holds another plan, 'Southwark plan'" in result.stdout
    assert len(list(stick.glob("*.plantui.json"))) == 2


@pytest.mark.slow
def test_huge_numbers_in_an_import_are_one_sentence(tmp_path):
    a = _laptop(tmp_path, "a")
    made = _plantui(a, "add", "event", "title=E", "starts_at=2025-01-01", "attendees_count=5")
    assert made.returncode == 0
    doc = _export(a, tmp_path / "a.plantui.json")
    for rec in doc["records"]:
        if rec["type"] == "event":
            rec["fields"]["attendees_count"][0]["v"] = 10**30
    big = tmp_path / "big.plantui.json"
    big.write_text(json.dumps(rehash(doc)))
    text = (tmp_path / "a.plantui.json").read_text().replace('"v":5}', '"v":' + "9" * 5000 + "}")
    huge = tmp_path / "huge.plantui.json"
    huge.write_text(text)
    for path in (big, huge):
        result = _plantui(tmp_path / f"{path.stem}.db", "import", str(path))
        assert result.returncode == 1, result.stderr
        assert "too large to be a value of a plan" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_own_file_is_named_for_plan_laptop_and_replica(tmp_path):
    laptop = make_replica(tmp_path, "a")
    laptop.service.create("plan", {"title": "Southwark Plan 2025"})
    with laptop.db.write() as session:
        laptop.db.set_meta(session, "replica_label", "Laptop at the library")
    name = own_file(laptop.service, tmp_path).name
    assert name == (
        f"southwark-plan-2025--laptop-at-the-library--{laptop.db.replica_id[:8]}.plantui.json"
    )


def test_sync_reads_each_file_once_and_skips_what_it_holds(tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    a = make_replica(tmp_path, "a")
    a.service.create("plan", {"title": "P"})
    b = make_replica(tmp_path, "b")
    b.receive(a.export())
    sync_folder(a.service, stick)
    reads: list[str] = []
    real = folder_module.read_exchange_file

    def counting(path, **kw):
        reads.append(Path(path).name)
        return real(path, **kw)

    monkeypatch.setattr(folder_module, "read_exchange_file", counting)
    monkeypatch.setattr("plantui.exchange.importer.read_exchange_file", counting)
    first = sync_folder(b.service, stick)
    assert reads == [] and first.imported is None and first.already_held  # not parsed at all


def test_a_file_written_under_a_former_replica_id_is_imported(tmp_path):
    """A copied database lists the original's id among its former ids: it must still take
    in the original's file (only the current id is "mine")."""
    stick = tmp_path / "stick"
    stick.mkdir()
    a = make_replica(tmp_path, "a")
    a.service.create("plan", {"title": "P"})
    b = make_replica(tmp_path, "b")
    b.receive(a.export())
    with b.db.write() as session:
        b.db.set_meta(session, "former_replica_ids", json.dumps([a.db.replica_id]))
    ask = a.service.create("ask", {"title": "After the copy"}).record_id
    sync_folder(a.service, stick)
    result = sync_folder(b.service, stick)
    assert result.imported is not None and result.imported.new == 1
    assert b.service.get(ask).values["title"] == "After the copy"


@pytest.mark.slow
def test_sync_max_size_skips_a_file_over_it(tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    a = _laptop(tmp_path, "a")
    _export(a, stick / "from-a.plantui.json")
    b = _laptop(tmp_path, "b")
    result = _plantui(b, "sync", str(stick), "--max-size", "200")
    assert result.returncode == 1, result.stderr
    assert "from-a.plantui.json is" in result.stdout and "over the limit of 200" in result.stdout
