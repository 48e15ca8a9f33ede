"""An unhandled error in the app: a crash log, one plain line, a non-zero exit status."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.app import App

from plantui.cli.main import main
from plantui.tui.app import PlanApp


def test_a_crash_inside_the_app_leaves_a_log_one_line_and_a_failing_status(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db = tmp_path / "plan.db"
    shutil.copyfile(demo_template, db)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(PlanApp, "run", lambda self: App.run(self, headless=True))

    def broken(self: PlanApp) -> None:
        raise RuntimeError("a bug on mount")

    monkeypatch.setattr(PlanApp, "on_mount", broken)
    status = main(["--db", str(db), "tui"])

    assert status != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "something went wrong" in lines[0]
    log = Path(re.search(r"details are in (.+)\.$", lines[0]).group(1))
    assert "RuntimeError: a bug on mount" in log.read_text(encoding="utf-8")
