"""Three laptops driven only through the CLI, one with its clock days behind (faketime).

Files travel in a scrambled order, some relayed through a third laptop; at the end every
copy holds the same plan, the same conflicts and the same deletions.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import SRC

pytestmark = pytest.mark.slow

FAKETIME = shutil.which("faketime")


def _run(db, *args, slow: bool = False) -> subprocess.CompletedProcess:
    if slow and FAKETIME is None:
        pytest.fail("faketime is needed for this test: apt-get install faketime")
    prefix = [FAKETIME, "-f", "-3d"] if slow else []
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "plantui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def _canonical(db, tmp_path, name) -> list:
    out = tmp_path / f"{name}-final.plantui.json"
    _run(db, "export", str(out))
    return json.loads(out.read_text())["records"]


def test_three_laptops_converge_through_files_in_any_order(tmp_path):
    a, b, c = (tmp_path / f"{n}.db" for n in "abc")  # c's clock is three days slow
    plan = _run(a, "add", "plan", "title=Southwark plan").stdout.strip().splitlines()[-1]
    ask = _run(a, "add", "ask", "title=Original", "rank=a0").stdout.strip().splitlines()[-1]
    org = _run(a, "add", "organisation", "name=Peckham Forum").stdout.strip().splitlines()[-1]
    seed = tmp_path / "seed.plantui.json"
    _run(a, "export", str(seed))
    _run(b, "import", str(seed))
    _run(c, "import", str(seed), slow=True)

    # A and B edit the same field without seeing each other: a conflict.
    _run(a, "set", ask, "title=Title from A")
    _run(b, "set", ask, "title=Title from B")
    # A deletes the organisation while C (slow clock) edits it: a delete/edit conflict.
    _run(a, "delete", org)
    _run(c, "set", org, "short_name=PF", slow=True)
    # C, days behind, sees A's work and then edits the theme after it: C must win.
    _run(a, "set", ask, "theme=from A")
    fa1 = tmp_path / "a1.plantui.json"
    _run(a, "export", str(fa1))
    _run(c, "import", str(fa1), slow=True)
    _run(c, "set", ask, "theme=from C, later", slow=True)

    fb1, fc1 = tmp_path / "b1.plantui.json", tmp_path / "c1.plantui.json"
    _run(b, "export", str(fb1))
    _run(c, "export", str(fc1), slow=True)
    # Scrambled and relayed: B gets C's file (which carries A's work) before A's own.
    _run(b, "import", str(fc1))
    _run(b, "import", str(fa1))
    _run(a, "import", str(fb1))
    _run(a, "import", str(fc1))
    relay = tmp_path / "b2.plantui.json"
    _run(b, "export", str(relay))
    _run(c, "import", str(relay), slow=True)
    _run(c, "import", str(fb1), str(fa1), slow=True)  # again, in another order: no change

    finals = [_canonical(db, tmp_path, db.stem) for db in (a, b, c)]
    assert finals[0] == finals[1] == finals[2]
    for db in (a, b, c):
        shown = json.loads(_run(db, "show", ask, "--json").stdout)
        assert shown["conflicts"] == ["title"]
        assert shown["theme"] == "from C, later"
        conflicts = json.loads(_run(db, "conflicts", "--json").stdout)
        kinds = {(i["record"], i["kind"], i["field"]) for i in conflicts}
        assert kinds == {(ask, "field", "title"), (org, "delete_edit", None)}
        title = next(i for i in conflicts if i["field"] == "title")
        assert sorted(v["v"] for v in title["values"]) == ["Title from A", "Title from B"]
        gone = json.loads(_run(db, "show", org, "--json").stdout)
        assert gone["deleted"] is True and gone["short_name"] == "PF"
    assert json.loads(_run(a, "show", plan, "--json").stdout)["title"] == "Southwark plan"


def test_sync_folder_twice_on_every_laptop_makes_all_agree(tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    a, b, c = (tmp_path / f"{n}.db" for n in "abc")
    _run(a, "add", "plan", "title=Plan")
    _run(a, "sync", str(stick))
    for db in (b, c):
        _run(db, "sync", str(stick))
    ask_b = _run(b, "add", "ask", "title=From B").stdout.strip().splitlines()[-1]
    _run(c, "add", "ask", "title=From C", slow=True)
    for _ in range(2):
        for db in (a, b, c):
            out = _run(db, "sync", str(stick), slow=db is c).stdout
            assert "Wrote" in out
    assert len(list(stick.glob("*.plantui.json"))) == 3  # each laptop wrote only its own file
    finals = [_canonical(db, tmp_path, db.stem) for db in (a, b, c)]
    assert finals[0] == finals[1] == finals[2]
    titles = {r["title"] for r in json.loads(_run(a, "list", "ask", "--json").stdout)}
    assert titles == {"From B", "From C"}
    assert json.loads(_run(c, "show", ask_b, "--json").stdout)["title"] == "From B"
