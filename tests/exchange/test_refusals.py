"""Every refusal of docs/exchange-format.md: exit 1, one sentence naming the file, nothing
written."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from plantui.demo import demo_records
from tests.conftest import own_state_dir
from tests.exchange.helpers import make_replica, rehash

DEMO_COUNT = len(demo_records())  # every record of the example plan

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def source(tmp_path_factory, demo_template) -> tuple[Doc, str]:
    """A real export of the example plan, and the plan id."""
    tmp = tmp_path_factory.mktemp("source")
    with own_state_dir(tmp_path_factory):
        a = make_replica(tmp, "a", template=demo_template)
        doc = json.loads(a.export().read_text())
        a.db.close()
    return doc, doc["plan_id"]


def _first(doc: Doc, type_name: str) -> Doc:
    return next(r for r in doc["records"] if r["type"] == type_name)


def _set(type_name: str, field: str, value: Any) -> Callable[[Doc], Doc]:
    def edit(doc: Doc) -> Doc:
        rec = _first(doc, type_name)
        rec["fields"][field][0]["v"] = value
        return rehash(doc)

    return edit


def _with(fn: Callable[[Doc], None], hashed: bool = True) -> Callable[[Doc], Doc]:
    def edit(doc: Doc) -> Doc:
        fn(doc)
        return rehash(doc) if hashed else doc

    return edit


def _another_type(record: Doc) -> str:
    """A type the record is not, so the edit always alters the content."""
    return "pledge" if record["type"] == "ask" else "ask"


FAR_FUTURE = "9999999999999.0000"

DOC_CASES: dict[str, tuple[Callable[[Doc], Doc], str]] = {
    "another format": (_with(lambda d: d.update(format="other.thing")), "not a plantui exchange"),
    "newer major version": (_with(lambda d: d.update(format_version=2)), "newer plantui"),
    "another plan": (
        _with(lambda d: d.update(plan_id="01900000-0000-7000-8000-0000000000aa")),
        "another plan",
    ),
    "altered content": (
        _with(lambda d: d["records"][0].update(type=_another_type(d["records"][0])), hashed=False),
        "integrity hash",
    ),
    "wrong record count": (
        _with(lambda d: d["integrity"].update(record_count=5), hashed=False),
        "holds 5 records",
    ),
    "duplicate ids": (
        _with(lambda d: d["records"].append(copy.deepcopy(d["records"][0]))),
        "twice",
    ),
    "malformed id": (_with(lambda d: d["records"][0].update(id="not-a-uuid")), "malformed id"),
    "malformed stamp": (
        _with(lambda d: d["records"][0]["fields"]["_deleted"][0].update(at="yesterday")),
        "malformed stamp",
    ),
    "malformed clock": (
        _with(lambda d: d["records"][0]["vv"].update({next(iter(d["records"][0]["vv"])): "12.3"})),
        "not a clock",
    ),
    "sibling not covered": (
        _with(lambda d: d["records"][0].update(vv={})),
        "does not cover",
    ),
    "clock a year ahead": (
        _with(
            lambda d: [
                r.update(
                    vv={k: FAR_FUTURE for k in r["vv"]},
                )
                for r in d["records"]
            ]
        ),
        "dated 2286-11-20, more than a year ahead of this computer's clock; if the laptop"
        " that made it has a wrong date, set it right and run plantui reset-clock there, then"
        " export again",
    ),
    "required field missing": (
        _with(lambda d: _first(d, "ask")["fields"].pop("title")),
        "required field title",
    ),
    "wrong type": (_set("action", "progress", "half"), "whole number"),
    "impossible date": (_set("action", "start", "2025-02-30"), "not a real date"),
    "unknown enum": (_set("action", "status", "finished"), "not a known status"),
    "deleted not a bool": (_set("ask", "_deleted", "no"), "true or false"),
    "records not a list": (_with(lambda d: d.update(records={})), "no list of records"),
}

RAW_CASES: dict[str, tuple[bytes, str]] = {
    "empty file": (b"", "is empty"),
    "not JSON": (b"hello, world", "not valid JSON"),
    "truncated": (None, "truncated"),  # filled from the real export below
    "not UTF-8": (b'{"format": "\xff\xfe"}', "not UTF-8"),
    "nested absurdly deep": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "a float": (None, "decimal number"),
    "not an object": (b"[1, 2, 3]", "not a JSON object"),
}


def _db_snapshot(path: Path) -> tuple:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, vv, fields FROM record ORDER BY id").fetchall()
        meta = conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
    return rows, meta


@pytest.fixture(scope="module")
def joined(tmp_path_factory, source) -> Path:
    """A laptop's database that imported the source export, once for the module."""
    doc, _ = source
    tmp = tmp_path_factory.mktemp("joined")
    with own_state_dir(tmp_path_factory):
        b = make_replica(tmp, "b")
        seed = tmp / "seed.plantui.json"
        seed.write_text(json.dumps(doc))
        b.receive(seed)
        b.db.close()
    return b.db.path


@pytest.fixture
def target(tmp_path, joined):
    """A copy that already holds the plan (so 'another plan' can be told apart)."""
    return make_replica(tmp_path, "b", template=joined)


def _assert_refused(cli_result, target, before, says, name):
    assert cli_result.code == 1, cli_result.out
    assert says in cli_result.err
    assert name in cli_result.err
    assert len(cli_result.err.strip().splitlines()) == 1
    sentence = cli_result.err.strip()
    assert sentence.endswith(".") and not sentence.endswith(("?.", "!.", "..")), sentence
    assert "Traceback" not in cli_result.err
    assert _db_snapshot(target.db.path) == before


@pytest.mark.parametrize("case", sorted(DOC_CASES))
def test_a_bad_document_is_refused_and_nothing_is_written(case, source, target, capsys):
    from plantui.cli.main import main

    edit, says = DOC_CASES[case]
    doc = edit(copy.deepcopy(source[0]))
    path = target.folder / "bad.plantui.json"
    path.write_text(json.dumps(doc))
    before = _db_snapshot(target.db.path)
    code = main(["--db", str(target.db.path), "import", str(path)])
    captured = capsys.readouterr()
    _assert_refused(_R(code, captured.err, captured.out), target, before, says, "bad.plantui.json")


@pytest.mark.parametrize("case", sorted(RAW_CASES))
def test_a_bad_file_is_refused_and_nothing_is_written(case, source, target, capsys):
    from plantui.cli.main import main

    raw, says = RAW_CASES[case]
    text = json.dumps(source[0], separators=(",", ":"))
    if case == "truncated":
        raw = text[: len(text) // 2].encode()
    elif case == "a float":
        raw = text.replace('"format_version":1', '"format_version":1.0', 1).encode()
    path = target.folder / "bad.plantui.json"
    path.write_bytes(raw)
    before = _db_snapshot(target.db.path)
    code = main(["--db", str(target.db.path), "import", str(path)])
    captured = capsys.readouterr()
    _assert_refused(_R(code, captured.err, captured.out), target, before, says, "bad.plantui.json")


def test_missing_paths_folders_and_size_limit_are_refused(source, target, capsys):
    from plantui.cli.main import main

    before = _db_snapshot(target.db.path)
    good = target.folder / "good.plantui.json"
    good.write_text(json.dumps(source[0]))
    for args, says in (
        (["import", str(target.folder / "nope.plantui.json")], "does not exist"),
        (["import", str(target.folder)], "is a folder"),
        (["import", "--max-size", "1K", str(good)], "over the limit"),
    ):
        code = main(["--db", str(target.db.path), *args])
        err = capsys.readouterr().err
        assert code == 1 and says in err and "Traceback" not in err
    assert _db_snapshot(target.db.path) == before


def test_one_bad_file_among_several_refuses_them_all(source, tmp_path, capsys):
    from plantui.cli.main import main

    fresh = make_replica(tmp_path, "fresh")
    good = tmp_path / "good.plantui.json"
    good.write_text(json.dumps(source[0]))
    bad = tmp_path / "bad.plantui.json"
    bad.write_text("{")
    code = main(["--db", str(fresh.db.path), "import", str(good), str(bad)])
    assert code == 1
    assert "bad.plantui.json" in capsys.readouterr().err
    assert _db_snapshot(fresh.db.path)[0] == []


def test_dry_run_reports_but_writes_nothing(source, tmp_path, capsys):
    from plantui.cli.main import main

    fresh = make_replica(tmp_path, "fresh")
    good = tmp_path / "good.plantui.json"
    good.write_text(json.dumps(source[0]))
    before = _db_snapshot(fresh.db.path)
    code = main(["--db", str(fresh.db.path), "import", "--dry-run", str(good)])
    out = capsys.readouterr().out
    assert code == 0
    assert f"{DEMO_COUNT} new" in out and "nothing was written" in out
    assert _db_snapshot(fresh.db.path) == before


def test_references_to_missing_records_and_cycles_are_findings_not_refusals(source, tmp_path):
    doc = copy.deepcopy(source[0])
    action = _first(doc, "action")
    action["fields"]["ask"][0]["v"] = "01900000-0000-7000-8000-0000000000ee"
    path = tmp_path / "odd.plantui.json"
    path.write_text(json.dumps(rehash(doc)))
    fresh = make_replica(tmp_path, "fresh")
    summary = fresh.receive(path)
    assert summary.new == DEMO_COUNT
    assert summary.findings == 1


class _R:
    def __init__(self, code: int, err: str, out: str) -> None:
        self.code, self.err, self.out = code, err, out
