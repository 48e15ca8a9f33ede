"""Names and values that arrive in an exchange file (unknown record types and fields are kept
and relayed by design) never reach the terminal as escape sequences."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.conftest import run_process
from tests.exchange.helpers import make_replica, rehash

CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;ZWNobyBvd25lZA==\x07"
HOSTILE = f"x{CLEAR}{CLIPBOARD}y\x9b31m"


def _hostile_file(tmp_path):
    source = make_replica(tmp_path, "a")
    source.service.create("plan", {"title": "Plan"})
    source.service.create("event", {"title": f"Event {HOSTILE}", "starts_at": "2024-01-01"})
    doc = json.loads(source.export().read_text())
    event = next(r for r in doc["records"] if r["type"] == "event")
    stamp = event["fields"]["title"][0]["at"]
    event["fields"][f"field{HOSTILE}"] = [{"v": f"value{HOSTILE}", "at": stamp}]
    stranger = json.loads(json.dumps(event))
    stranger["id"] = str(uuid.uuid4())
    stranger["type"] = f"type{HOSTILE}"
    doc["records"].append(stranger)
    path = tmp_path / "hostile.plantui.json"
    path.write_text(json.dumps(rehash(doc)))
    return path, event["id"], stranger["id"]


def _clean(text: str) -> None:
    for bad in ("\x1b", "\x07", "\x9b"):
        assert bad not in text, repr(text)


@pytest.mark.slow
def test_show_list_check_and_import_strip_escape_sequences(tmp_path):
    path, event, stranger = _hostile_file(tmp_path)
    db = str(tmp_path / "fresh.db")
    imported = run_process("--db", db, "import", str(path))
    assert imported.returncode == 0, imported.stderr
    outputs = [imported]
    for args in (
        ("show", event),
        ("show", stranger),
        ("show", event, "--json"),
        ("list", "event"),
        ("list", "event", "--json"),
        ("check",),
        ("conflicts",),
        ("report", "--format", "md"),
        ("report", "--format", "mermaid"),
    ):
        result = run_process("--db", db, *args)
        assert result.returncode in (0, 1), result.stderr
        outputs.append(result)
    shown = run_process("--db", db, "show", event).stdout
    assert "fieldx" in shown and "valuex" in shown  # the names are shown, only cleaned
    assert "Event x" in run_process("--db", db, "list", "event").stdout
    for result in outputs:
        _clean(result.stdout)
        _clean(result.stderr)


@pytest.mark.slow
def test_a_refusal_naming_a_hostile_file_is_clean(tmp_path):
    bad = tmp_path / f"bad{CLEAR}.plantui.json"
    bad.write_text("{ not json")
    result = run_process("--db", str(tmp_path / "x.db"), "import", str(bad))
    assert result.returncode == 1
    _clean(result.stderr)
