"""Hypothesis stateful test: three replicas, drifting clocks, random edits and exchanges.

A reference model records every write with its causal past (the writes to that record its
replica had seen). After every step: re-importing a file changes nothing, a corrupted file
is refused and writes nothing, and each replica's stamps strictly increase. After gossip to
a fixpoint: identical canonical exports, and each field's surviving siblings are exactly
its causally maximal writes.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
)

from plantui.errors import PlanError
from plantui.exchange import export_file, import_files
from plantui.service import PlanService
from plantui.storage import ledger
from plantui.storage.backups import copy_database, keep_backup, list_backups, restore_backup
from plantui.storage.database import open_database
from plantui.storage.records import load_state
from tests.conftest import FakeClock, own_state_dir

WriteId = tuple[str, str, str]  # (record id, field, stamp)
NAMES = ["a", "b", "c"]
TEMPLATE: dict[str, Path] = {}


@pytest.fixture(autouse=True, scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory):
    """One migrated empty database, copied for every replica (each copy takes its own id),
    made once under pytest's own temporary folders so that nothing is left in /tmp."""
    path = tmp_path_factory.mktemp("plantui-template") / "empty.db"
    with own_state_dir(tmp_path_factory):
        open_database(path).close()
    TEMPLATE["path"] = path
    yield
    TEMPLATE.clear()


def template_db() -> Path:
    return TEMPLATE["path"]


def snapshot(db_path: Path) -> tuple:
    # Closed at once: an open connection would keep a -wal alive under a file copied back.
    with closing(sqlite3.connect(db_path)) as conn:
        records = conn.execute("SELECT id, vv, fields FROM record ORDER BY id").fetchall()
        meta = conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
    return records, meta


class Replicas(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="plantui-stateful-"))
        self.clocks: dict[str, FakeClock] = {}
        self.services: dict[str, PlanService] = {}
        self.seen: dict[str, dict[str, set[WriteId]]] = {n: {} for n in NAMES}
        self.past: dict[WriteId, frozenset[WriteId]] = {}
        self.last_stamp: dict[str, str] = {n: "" for n in NAMES}
        self.files: list[tuple[Path, dict[str, frozenset[WriteId]]]] = []
        self.records: list[tuple[str, str]] = []  # (id, type) known anywhere
        self.counter = 0
        self.gossips = 0
        self.kept: list[tuple[str, str, Path, dict[str, set[WriteId]]]] = []
        self.log: list[WriteId] = []  # every write, in the order made

    # -- helpers ---------------------------------------------------------------------------

    def _fields(self, name: str, rid: str) -> dict:
        with self.services[name].db.read() as session:
            state = load_state(session, rid)
        return {} if state is None else state.fields

    def _write(self, name: str, rid: str, op) -> None:
        """Run a local operation and record the writes it made in the model."""
        before = self._fields(name, rid) if rid else {}
        try:
            result = op()
        except PlanError:
            return
        rid = rid or result.record_id
        after = self._fields(name, rid)
        known = self.seen[name].setdefault(rid, set())
        past = frozenset(known)
        new_stamps: set[str] = set()
        for field, sibs in after.items():
            if sibs != before.get(field) and len(sibs) == 1:
                wid = (rid, field, sibs[0]["at"])
                if wid not in known:
                    new_stamps.add(sibs[0]["at"])
                    self.past[wid] = past
                    known.add(wid)
                    self.log.append(wid)
        if new_stamps:
            assert len(new_stamps) == 1, "one operation, one stamp"
            stamp = new_stamps.pop()
            assert stamp > self.last_stamp[name], "a replica's stamps must strictly increase"
            self.last_stamp[name] = stamp
        if all(r != rid for r, _ in self.records):
            self.records.append((rid, self.services[name].get(rid).type))

    def _pick(self, data, type_name: str | None = None) -> str | None:
        pool = [r for r, t in self.records if type_name is None or t == type_name]
        return data.draw(st.sampled_from(pool)) if pool else None

    # -- set-up ---------------------------------------------------------------------------

    @initialize()
    def start(self) -> None:
        for i, name in enumerate(NAMES):
            folder = self.tmp / name
            folder.mkdir()
            shutil.copy(template_db(), folder / "plan.db")
            self.clocks[name] = FakeClock(1_733_000_000_000 - i * 7_200_000)
            self.services[name] = PlanService(open_database(folder / "plan.db"), self.clocks[name])
        self._write("a", "", lambda: self.services["a"].create("plan", {"title": "P"}))
        self._export("a", delta=False)
        for name in ("b", "c"):
            self._import(name, 0)

    def teardown(self) -> None:
        if self.services:
            self.gossip_to_a_fixpoint()  # every run ends converged, whatever came before
        for service in self.services.values():
            service.db.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- local edits ----------------------------------------------------------------------

    @rule(name=st.sampled_from(NAMES), kind=st.sampled_from(["ask", "organisation", "action"]))
    def create(self, name: str, kind: str) -> None:
        self.counter += 1
        key = "name" if kind == "organisation" else "title"
        values = {key: f"{kind} {self.counter}"}
        self._write(name, "", lambda: self.services[name].create(kind, values))

    @rule(
        name=st.sampled_from(NAMES),
        data=st.data(),
        value=st.sampled_from(["x", "y", "z", "[draft]"]),
    )
    def edit(self, name: str, data, value: str) -> None:
        rid = self._pick(data)
        if rid is None or not self._fields(name, rid):
            return
        kind = self.services[name].get(rid).type
        field = {"ask": "theme", "organisation": "notes", "action": "description"}.get(kind)
        if field is None:
            return
        self._write(name, rid, lambda: self.services[name].update(rid, {field: value}))

    @rule(name=st.sampled_from(NAMES), data=st.data())
    def delete_or_restore(self, name: str, data) -> None:
        rid = self._pick(data)
        if rid is None or not self._fields(name, rid):
            return
        service = self.services[name]
        op = service.restore if service.get(rid).deleted else service.delete
        self._write(name, rid, lambda: op(rid))

    @rule(name=st.sampled_from(NAMES), data=st.data())
    def relate(self, name: str, data) -> None:
        service = self.services[name]
        if data.draw(st.booleans()):
            ask, org = self._pick(data, "ask"), self._pick(data, "organisation")
            values = {"role": "raised_by", "from": ask, "to": org}
            kind = "link"
        else:
            first, second = self._pick(data, "action"), self._pick(data, "action")
            values = {"from": first, "to": second, "kind": "FS"}
            kind = "dependency"
        if None in values.values():
            return
        if not all(self._fields(name, v) for k, v in values.items() if k in ("from", "to")):
            return
        self._write(name, "", lambda: service.create(kind, values))

    @rule(name=st.sampled_from(NAMES), ms=st.integers(-5_000, 5_000))
    def clock_drifts_or_jumps_back(self, name: str, ms: int) -> None:
        self.clocks[name].advance(ms)

    # -- exchange -------------------------------------------------------------------------

    def _export(self, name: str, delta: bool, since_file: int = 0) -> None:
        self.counter += 1
        path = self.tmp / f"{name}-{self.counter}.plantui.json"
        since = self.files[since_file][0] if delta and self.files else None
        export_file(self.services[name], path, since)
        ids = [r["id"] for r in json.loads(path.read_text())["records"]]
        carried = {rid: frozenset(self.seen[name].get(rid, set())) for rid in ids}
        self.files.append((path, carried))

    def _import(self, name: str, index: int) -> None:
        path, carried = self.files[index]
        service = self.services[name]
        try:
            import_files(service, [path])
        except PlanError as exc:  # only a delta may be refused: one without the plan itself
            assert "holds no plan" not in str(exc)
            raise
        for rid, writes in carried.items():
            self.seen[name].setdefault(rid, set()).update(writes)
        before = snapshot(service.db.path)
        again = import_files(service, [path])
        assert (again.new, again.changed) == (0, 0), "importing twice must change nothing"
        assert snapshot(service.db.path) == before

    @rule(name=st.sampled_from(NAMES), delta=st.booleans(), data=st.data())
    def export(self, name: str, delta: bool, data) -> None:
        since = data.draw(st.integers(0, len(self.files) - 1))
        self._export(name, delta, since)

    @rule(name=st.sampled_from(NAMES), data=st.data())
    def import_any_file(self, name: str, data) -> None:
        self._import(name, data.draw(st.integers(0, len(self.files) - 1)))

    @rule(
        name=st.sampled_from(NAMES),
        data=st.data(),
        damage=st.sampled_from(["truncate", "flip", "retitle"]),
    )
    def corrupted_file_is_refused_and_writes_nothing(self, name: str, data, damage: str):
        path, _ = self.files[data.draw(st.integers(0, len(self.files) - 1))]
        raw = path.read_bytes()
        if damage == "truncate":
            bad = raw[: len(raw) // 2]
        elif damage == "flip":
            bad = raw.replace(b'"_deleted":[{"at"', b'"_deleted":[{"xt"', 1)
        else:
            bad = raw.replace(b'"v":"P"', b'"v":"Q"', 1).replace(b'"v":false', b'"v":true', 1)
        if bad == raw:
            return
        broken = self.tmp / "broken.plantui.json"
        broken.write_bytes(bad)
        service = self.services[name]
        before = snapshot(service.db.path)
        with pytest.raises(PlanError):
            import_files(service, [broken])
        assert snapshot(service.db.path) == before

    # -- backups and copies of the file ---------------------------------------------------

    @rule(name=st.sampled_from(NAMES), how=st.sampled_from(["backup", "copy"]))
    def keep_a_copy(self, name: str, how: str) -> None:
        """A backup beside the database, or a clean copy made for a laptop, kept for later."""
        db = self.services[name].db
        self.counter += 1
        if how == "backup":
            path = keep_backup(db, "manual")
        else:
            path = self.tmp / f"{name}-copy-{self.counter}.db"
            copy_database(db, path)
        seen = {rid: set(writes) for rid, writes in self.seen[name].items()}
        self.kept.append((name, how, path, seen))

    @rule(data=st.data(), other=st.sampled_from(NAMES))
    def go_back_to_a_kept_copy(self, data, other: str) -> None:
        """Restore a backup (``backups restore``) or ``cp`` a copy back over the file.

        The state it leaves is exported first and reaches one laptop, as a shared folder
        would carry it; the id it left is a peer's now, so its writes flow back by gossip.
        """
        if not self.kept:
            return
        name, how, path, seen = data.draw(st.sampled_from(self.kept))
        if not path.exists():
            return  # rotated away
        if other == name:
            return  # its last writes would reach no other laptop: only the backup it keeps
        service = self.services[name]
        old_id = service.db.replica_id
        self._export(name, delta=False)
        self._import(other, len(self.files) - 1)
        if how == "backup":
            number = [b.path for b in list_backups(service.db.path)].index(path) + 1
            restore_backup(service.db, number)
        else:
            db_path = service.db.path
            service.db.close()
            shutil.copy(path, db_path)
            service.db = open_database(db_path)
        assert service.db.replica_id != old_id, "a forked history takes a new replica id"
        self.seen[name] = {rid: set(writes) for rid, writes in seen.items()}
        self.last_stamp[name] = ""  # a new replica id starts its own sequence of stamps

    @rule(name=st.sampled_from(NAMES), other=st.sampled_from(NAMES), data=st.data())
    def whole_laptop_rolled_back_and_found_out(self, name: str, other: str, data) -> None:
        """A laptop restored from a snapshot with its state folder (so no ledger can tell)
        after its lost writes reached ``other``; it writes on, then imports ``other``'s
        file: it must take a new replica id and keep both its lost and its new writes."""
        if name == other:
            return
        service = self.services[name]
        old_id = service.db.replica_id
        self._export(name, delta=False)  # it had synced before the snapshot
        self._import(other, len(self.files) - 1)
        snap = self.tmp / f"{name}-snapshot.db"
        snap.unlink(missing_ok=True)
        service.db.backup_to(snap)
        entry = ledger.entry(old_id)
        seen = {rid: set(writes) for rid, writes in self.seen[name].items()}
        last = self.last_stamp[name]
        lost_from = len(self.log)
        self.create(name, "ask")  # at least one lost write that a peer can show
        self._random_writes(name, data)
        touched = list(dict.fromkeys(wid[0] for wid in self.log[lost_from:]))  # in order
        lost_clock = service.db.meta("clock") or ""
        self._export(name, delta=False)
        self._import(other, len(self.files) - 1)

        db_path = service.db.path
        service.db.close()
        with db_path.open("r+b") as handle:  # in place: the same inode, as a VM restore
            handle.truncate(0)
            handle.write(snap.read_bytes())
        entries = ledger.read()
        entries.pop(old_id, None)
        if entry is not None:
            entries[old_id] = entry
        (ledger.state_dir() / ledger.FILE_NAME).write_text(json.dumps(entries))
        service.db = open_database(db_path)
        assert service.db.replica_id == old_id, "nothing on the laptop itself can tell"
        self.seen[name], self.last_stamp[name] = seen, last
        clock = self.clocks[name]  # the clock moved on: stamps are new, vectors mislead
        clock.now = max(clock.now, int(lost_clock[:13]) + 1)

        mark = len(self.log)
        self._random_writes(name, data, tuple(touched))
        self._export(other, delta=False)
        self._import(name, len(self.files) - 1)
        new_id = service.db.replica_id
        assert new_id != old_id, "the lost writes in the peer's file must be found"
        self._moved_to(name, new_id, self.log[mark:])
        self.last_stamp[name] = ""

    def _random_writes(self, name: str, data, again: tuple[str, ...] = ()) -> None:
        """A few local writes; with ``again``, some to the records the lost writes touched."""
        for _ in range(data.draw(st.integers(0, 3))):
            kinds = ["create", "edit", "delete_or_restore", *(["again"] * 2 if again else [])]
            kind = data.draw(st.sampled_from(kinds))
            if kind == "create":
                self.create(name, data.draw(st.sampled_from(["ask", "organisation", "action"])))
            elif kind == "edit":
                self.edit(name, data, data.draw(st.sampled_from(["x", "y", "z"])))
            elif kind == "delete_or_restore":
                self.delete_or_restore(name, data)
            else:
                self._write_again(name, data.draw(st.sampled_from(again)), data)

    def _write_again(self, name: str, rid: str, data) -> None:
        if not self._fields(name, rid):
            return  # made by the lost writes: not here
        service = self.services[name]
        kind = service.get(rid).type
        field = {"ask": "theme", "organisation": "notes", "action": "description"}.get(kind)
        if field is None or data.draw(st.booleans()):
            op = service.restore if service.get(rid).deleted else service.delete
            self._write(name, rid, lambda: op(rid))
        else:
            value = data.draw(st.sampled_from(["x", "y", "z"]))
            self._write(name, rid, lambda: service.update(rid, {field: value}))

    def _moved_to(self, name: str, new_id: str, writes: list[WriteId]) -> None:
        """The writes made after the rollback now stand under the new id: the newest per
        field under its new stamp, the ones it overwrote gone (no one else ever saw them)."""
        newest = {wid[:2]: wid for wid in writes}
        rename: dict[WriteId, WriteId] = {}
        for (rid, field), wid in newest.items():
            stamps = [s["at"] for s in self._fields(name, rid).get(field, [])]
            mine = [at for at in stamps if at.endswith(new_id)]
            assert len(mine) == 1, f"the write {wid} must stand once under the new id"
            rename[wid] = (rid, field, mine[0])
        gone = set(writes) - set(rename)

        def moved(wids):
            return {rename.get(w, w) for w in wids if w not in gone}

        self.past = {
            rename.get(w, w): frozenset(moved(p)) for w, p in self.past.items() if w not in gone
        }
        for per_record in self.seen.values():
            for rid in per_record:
                per_record[rid] = moved(per_record[rid])
        self.files = [(p, {r: frozenset(moved(w)) for r, w in c.items()}) for p, c in self.files]

    # -- convergence ----------------------------------------------------------------------

    @rule()
    def gossip_to_a_fixpoint(self) -> None:
        """Everyone exports to everyone, twice; then check convergence against the model."""
        self.gossips += 1
        for _ in range(2):
            for name in NAMES:
                self._export(name, delta=False)
                for other in NAMES:
                    if other != name:
                        self._import(other, len(self.files) - 1)
        exports = []
        for name in NAMES:
            self._export(name, delta=False)
            exports.append(json.loads(self.files[-1][0].read_text())["records"])
        assert exports[0] == exports[1] == exports[2], "copies must converge"
        writes_by_field: dict[tuple[str, str], set[WriteId]] = {}
        for wid in self.past:
            writes_by_field.setdefault(wid[:2], set()).add(wid)
        for record in exports[0]:
            for field, sibs in record["fields"].items():
                writes = writes_by_field.get((record["id"], field), set())
                # A write is overwritten only by a later write to the same field.
                overwritten = {w for later in writes for w in self.past[later]}
                maximal = writes - overwritten
                assert {(record["id"], field, s["at"]) for s in sibs} == maximal


Replicas.TestCase.settings = settings(
    max_examples=12,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestReplicas = pytest.mark.slow(Replicas.TestCase)  # a long property run
