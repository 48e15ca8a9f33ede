"""Reading an exchange file and checking every rule of docs/exchange-format.md in memory, before
any write.

One pass over the parsed JSON checks the envelope, ids, stamps, coverage, clocks and the
values of known fields; the first problem becomes one plain sentence naming the file, and
where it helps the record and field.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plantui import clock as hlc
from plantui.domain import DELETED, TYPES, Field, InvalidValue, check_value, is_uuid
from plantui.errors import PlanError
from plantui.exchange.model import FORMAT, FORMAT_VERSION
from plantui.storage.records import RecordState
from plantui.text import one_line

DEFAULT_MAX_SIZE = 256 * 1024 * 1024
YEAR_MS = 366 * 24 * 3600 * 1000
DAY_MS = 24 * 3600 * 1000
_CLOCK = re.compile(r"\d{13}\.\d{4}")
_STAMP = hlc.STAMP_RE


@dataclass(slots=True)
class ExchangeData:
    """A checked file: its envelope facts and its records as merge state."""

    path: Path
    plan_id: str
    kind: str
    exporter_id: str
    exporter_label: str
    state_vv: dict[str, str]
    records: list[RecordState]
    max_clock: str
    warnings: list[str] = field(default_factory=list)
    plan_title: str | None = None
    since: dict[str, str] | None = None

    @property
    def name(self) -> str:
        return self.path.name


class _Refuse(Exception):
    """A problem found while checking; turned into a PlanError naming the file."""


def _no_floats(text: str) -> Any:
    raise _Refuse("it holds a decimal number, which the format does not allow")


_INT_LIMIT = 2**63


def _bounded_int(text: str) -> int:
    """Whole numbers as SQLite can hold them (64 bits); longer ones are refused up front."""
    if len(text) < 19:
        return int(text)
    if len(text.lstrip("-")) > 19 or not -_INT_LIMIT <= int(text) < _INT_LIMIT:
        shown = text if len(text) <= 30 else f"{text[:12]}... ({len(text)} digits)"
        raise _Refuse(f"it holds the number {shown}, too large to be a value of a plan")
    return int(text)


def _no_constants(text: str) -> Any:
    raise _Refuse(f"it holds {text}, which is not JSON")


def load_json(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> Any:
    """Read and parse a file within the size limit, refusing anything that is not JSON."""
    return _load(path, max_size)[0]


_HEAD_PLAN = re.compile(rb'"kind":"(?:full|delta)","plan_id":"([0-9a-f-]{36})","records":\[')
_TAIL_STATE = re.compile(rb',"state_vv":(\{[^{}]*\})\}\s*$')
PEEK = 64 * 1024


def peek_plan_and_state(path: Path, max_size: int) -> tuple[str, dict[str, str]] | None:
    """The plan id and ``state_vv`` of a file plantui wrote, read from its first and last
    bytes only (canonical JSON puts them there), so a file this copy already holds is
    skipped without being parsed. None when they cannot be told that way."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_size:
            return None
        head = os.pread(fd, PEEK, 0)
        tail = os.pread(fd, PEEK, max(0, info.st_size - PEEK))
    except OSError:
        return None
    finally:
        os.close(fd)
    plan = _HEAD_PLAN.search(head)
    state = _TAIL_STATE.search(tail)
    if plan is None or state is None:
        return None
    try:
        return plan.group(1).decode(), _vv(json.loads(state.group(1)), "state_vv")
    except (ValueError, _Refuse):
        return None


def read_bounded(path: Path, max_size: int) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes, read without ever blocking
    or reading without end: the file is opened non-blocking and checked through ``fstat`` on
    the open descriptor (a FIFO, a device behind a link, a huge sparse file are refused)."""
    name = one_line(str(path))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise PlanError(f"{name} does not exist.") from None
    except IsADirectoryError:
        raise PlanError(f"{name} is a folder, not an exchange file.") from None
    except PermissionError:
        raise PlanError(f"{name} cannot be read: permission denied.") from None
    except OSError as exc:
        raise PlanError(f"{name} cannot be read ({one_line(exc.strerror or str(exc))}).") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PlanError(f"{name} is a folder, not an exchange file.")
        if not stat.S_ISREG(info.st_mode):
            raise PlanError(f"{name} is not a regular file (a pipe, a device or a socket).")
        if info.st_size > max_size:
            raise PlanError(
                f"{name} is {info.st_size:,} bytes, over the limit of {max_size:,}"
                " (see --max-size)."
            )
        chunks: list[bytes] = []
        left = max_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise PlanError(f"{name} cannot be read ({one_line(exc.strerror or str(exc))}).") from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > max_size:
        raise PlanError(f"{name} grew over the limit of {max_size:,} bytes while it was read.")
    return raw


def _load(path: Path, max_size: int) -> tuple[Any, str]:
    name = one_line(str(path))
    raw = read_bounded(path, max_size)
    if not raw.strip():
        raise PlanError(f"{name} is empty.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PlanError(f"{name} is not UTF-8 text (byte {exc.start}).") from None
    try:
        return json.loads(
            text, parse_float=_no_floats, parse_int=_bounded_int, parse_constant=_no_constants
        ), text
    except _Refuse as exc:
        raise PlanError(f"{name} was refused: {exc}.") from None
    except RecursionError:
        raise PlanError(f"{name} is nested too deeply to be an exchange file.") from None
    except json.JSONDecodeError as exc:
        if _looks_truncated(text, exc):
            raise PlanError(f"{name} ends too early: it looks truncated.") from None
        raise PlanError(
            f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    except ValueError:  # an integer of thousands of digits (Python's int-string limit)
        raise PlanError(f"{name} holds a number too long to be a value of a plan.") from None


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _looks_truncated(text: str, exc: json.JSONDecodeError) -> bool:
    """A file cut short (a pulled USB stick) rather than one that was never JSON."""
    if exc.pos >= len(text.rstrip()) - 1:
        return True
    if not text.lstrip().startswith(("{", "[")):
        return False
    bare = _STRING.sub("", text)
    return bare.count("{") + bare.count("[") > bare.count("}") + bare.count("]")


def canonical_hash(doc: dict[str, Any]) -> str:
    """SHA-256 of the document without ``integrity``, serialised as docs/exchange-format.md says."""
    body = {k: v for k, v in doc.items() if k != "integrity"}
    data = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def read_exchange_file(
    path: Path, *, now_ms: int, max_size: int = DEFAULT_MAX_SIZE
) -> ExchangeData:
    """Parse and check a whole file; raise PlanError (one sentence) at the first problem."""
    doc, raw = _load(path, max_size)
    try:
        return _check(path, doc, now_ms, raw)
    except _Refuse as exc:
        raise PlanError(f"{one_line(str(path))} was refused: {one_line(str(exc))}.") from None


def _intact(doc: dict[str, Any], raw: str, digest: str) -> bool:
    """Does the document hash to ``digest``? Files plantui wrote are already canonical, so
    first try the bytes as they are, minus the integrity member; else serialise again."""
    member = '"integrity":' + json.dumps(
        doc["integrity"], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    for cut in (f",{member}", f"{member},"):
        if cut in raw:
            fast = hashlib.sha256(raw.strip().replace(cut, "", 1).encode("utf-8")).hexdigest()
            if fast == digest:
                return True
    return canonical_hash(doc) == digest


def _envelope(doc: Any, raw: str = "") -> None:
    if not isinstance(doc, dict):
        raise _Refuse("it is not a JSON object")
    if doc.get("format") != FORMAT:
        raise _Refuse(f"it is not a plantui exchange file (format {doc.get('format')!r})")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Refuse(f"format_version {version!r} is not a version number")
    if version > FORMAT_VERSION:
        raise _Refuse(f"it was made by a newer plantui (format version {version}), please upgrade")
    for key in ("plan_id", "export_id"):
        if not is_uuid(doc.get(key)):
            raise _Refuse(f"{key} {doc.get(key)!r} is not a valid id")
    if doc.get("kind") not in ("full", "delta"):
        raise _Refuse(f"kind {doc.get('kind')!r} is neither full nor delta")
    exporter = doc.get("exporter")
    if not isinstance(exporter, dict) or not is_uuid(exporter.get("replica_id")):
        raise _Refuse("exporter.replica_id is missing or not a valid id")
    if not isinstance(exporter.get("label", ""), str):
        raise _Refuse("exporter.label is not text")
    if not isinstance(doc.get("exported_at"), str) or not _STAMP.fullmatch(doc["exported_at"]):
        raise _Refuse(f"exported_at {doc.get('exported_at')!r} is not a stamp")
    _vv(doc.get("state_vv"), "state_vv")
    if doc["kind"] == "delta":
        _vv(doc.get("since"), "since")
    if not isinstance(doc.get("records"), list):
        raise _Refuse("it has no list of records")
    integrity = doc.get("integrity")
    if integrity is not None:
        if not isinstance(integrity, dict):
            raise _Refuse("integrity is not an object")
        count = integrity.get("record_count")
        if count != len(doc["records"]) or isinstance(count, bool):
            raise _Refuse(
                f"it says it holds {count} records but holds {len(doc['records'])}"
                " (incomplete or altered)"
            )
        digest = integrity.get("sha256")
        if digest is not None and not _intact(doc, raw, digest):
            raise _Refuse("its integrity hash does not match its content (altered or damaged)")


def _vv(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _Refuse(f"{where} is not a version vector")
    for replica, clock in value.items():
        if not is_uuid(replica):
            raise _Refuse(f"{where} names {replica!r}, which is not a replica id")
        if not isinstance(clock, str) or not _CLOCK.fullmatch(clock):
            raise _Refuse(f"{where} holds {clock!r}, which is not a clock")
    return value


def _check(path: Path, doc: Any, now_ms: int, raw: str = "") -> ExchangeData:
    _envelope(doc, raw)
    seen: set[str] = set()
    records: list[RecordState] = []
    top = max(doc["state_vv"].values(), default=hlc.ZERO_CLOCK)
    top = max(top, doc["exported_at"][:18])
    plan_title: str | None = None
    stamps = _StampChecker()
    for index, rec in enumerate(doc["records"]):
        state, rec_top = _record(rec, index, stamps)
        if state.id in seen:
            raise _Refuse(f"record {state.id} appears twice")
        seen.add(state.id)
        top = max(top, rec_top)
        records.append(state)
        if state.type == "plan" and state.id == doc["plan_id"]:
            title = state.fields.get("title")
            plan_title = max(title, key=lambda s: s["at"])["v"] if title else None
    warnings: list[str] = []
    top_ms = hlc.clock_ms(top)
    ahead = top_ms - now_ms
    if ahead > YEAR_MS:
        raise _Refuse(
            f"its newest change is dated {hlc.day_of(top_ms).isoformat()}, more than a year ahead"
            " of this computer's clock; if the laptop that made it has a wrong date, set it"
            " right and run plantui reset-clock there, then export again"
        )
    if ahead > DAY_MS:
        warnings.append(
            f"{one_line(path.name)}: clocks up to {ahead // DAY_MS} days ahead of this computer's;"
            " check the date on the laptop that made it."
        )
    exporter = doc["exporter"]
    return ExchangeData(
        path,
        doc["plan_id"],
        doc["kind"],
        exporter["replica_id"],
        exporter.get("label", ""),
        dict(doc["state_vv"]),
        records,
        top,
        warnings,
        plan_title if isinstance(plan_title, str) else None,
        dict(doc["since"]) if doc["kind"] == "delta" else None,
    )


class _StampChecker:
    """Fast checks for what a file repeats: replica ids are matched against the pattern once,
    each stamp is checked once (the fields of one write share it), and values that recur
    (dates, choices, record ids) are checked once per field."""

    def __init__(self) -> None:
        self.replicas: set[str] = set()
        self.stamps: set[str] = set()
        self.values: set[tuple[int, str]] = set()

    def ok(self, at: object) -> bool:
        if at in self.stamps:
            return True
        if not isinstance(at, str) or len(at) != 55 or at[13] != "." or at[18] != "@":
            return False
        if not (at[:13].isdigit() and at[14:18].isdigit() and at[:18].isascii()):
            return False
        replica = at[19:]
        if replica not in self.replicas:
            if not is_uuid(replica):
                return False
            self.replicas.add(replica)
        self.stamps.add(at)
        return True

    def check_value(self, spec: Field, value: object) -> None:
        """``domain.check_value``, skipped for a text value this field already accepted."""
        if spec.kind not in _RECURRING or type(value) is not str:
            check_value(spec, value)
            return
        key = (id(spec), value)
        if key not in self.values:
            check_value(spec, value)
            self.values.add(key)


_RECURRING = frozenset({"date", "when", "enum", "ref"})


def _record(rec: Any, index: int, stamps: _StampChecker) -> tuple[RecordState, str]:
    """Check one record; return its state (siblings sorted by stamp) and its largest clock."""
    if not isinstance(rec, dict):
        raise _Refuse(f"record number {index + 1} is not an object")
    rid = rec.get("id")
    if not is_uuid(rid):
        raise _Refuse(f"record number {index + 1} has a malformed id {rid!r}")
    rtype = rec.get("type")
    if not isinstance(rtype, str) or not rtype:
        raise _Refuse(f"record {rid} has no type")
    vv = _vv(rec.get("vv"), f"the vv of record {rid}")
    fields = rec.get("fields")
    if not isinstance(fields, dict):
        raise _Refuse(f"record {rid} has no fields object")
    top = max(vv.values(), default=hlc.ZERO_CLOCK)
    specs = TYPES[rtype].fields if rtype in TYPES else None
    out: dict[str, list[dict[str, Any]]] = {}
    for name, siblings in fields.items():
        if not isinstance(siblings, list) or not siblings:
            raise _Refuse(f"record {rid}, field {name} has no list of values")
        spec = specs.get(name) if specs is not None else None
        for sib in siblings:
            if not isinstance(sib, dict) or "v" not in sib or "at" not in sib:
                raise _Refuse(f"record {rid}, field {name} has a value without v and at")
            at = sib["at"]
            if not stamps.ok(at):
                raise _Refuse(f"record {rid}, field {name} has a malformed stamp {at!r}")
            if vv.get(at[19:], "") < at[:18]:
                raise _Refuse(
                    f"record {rid}, field {name} has a value stamped {at} that its vv does"
                    " not cover"
                )
            if "ctx" in sib:
                _vv(sib["ctx"], f"the delete context of record {rid}")
            value = sib["v"]
            if name == DELETED:
                if not isinstance(value, bool):
                    raise _Refuse(f"record {rid}, field {name} must be true or false")
            elif spec is not None and value is not None:
                try:
                    stamps.check_value(spec, value)
                except InvalidValue as exc:
                    raise _Refuse(f"record {rid}, field {name}: {exc}") from None
        out[name] = siblings if len(siblings) == 1 else sorted(siblings, key=lambda s: s["at"])
    if specs is not None:
        for spec in specs.values():
            if spec.required and not any(s["v"] is not None for s in out.get(spec.name, ())):
                raise _Refuse(f"record {rid} ({rtype}) lacks its required field {spec.name}")
    return RecordState(rid, rtype, dict(vv), out), top
