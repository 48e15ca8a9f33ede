"""An unexpected error leaves its details in the user's own state folder only: a new 0600
file, never a planted symlink, never a shared temporary folder."""

from __future__ import annotations

import stat
import tempfile
import time

import pytest

from plantui.cli import main as cli_main
from plantui.queries import records


@pytest.fixture
def broken(monkeypatch):
    def fail(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(records, "records", fail)


@pytest.mark.usefixtures("broken")
def test_the_log_is_a_new_private_file_in_the_state_folder(cli, monkeypatch, tmp_path):
    monkeypatch.setenv(cli_main.CRASH_DIR_ENV, str(tmp_path / "state"))
    assert cli("add", "plan", "title=P").code == 0
    result = cli("list", "ask")
    assert result.code == 70
    [log] = (tmp_path / "state").glob("crash-*.log")
    assert str(log) in result.err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "ZeroDivisionError: a bug" in log.read_text()


@pytest.mark.usefixtures("broken")
def test_a_planted_symlink_is_never_followed(cli, monkeypatch, tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    monkeypatch.setenv(cli_main.CRASH_DIR_ENV, str(state))
    monkeypatch.setattr(time, "strftime", lambda fmt, *a: "fixed")
    monkeypatch.setattr(cli_main.os, "getpid", lambda: 4242)
    (state / "crash-fixed-4242.log").symlink_to(victim)
    assert cli("add", "plan", "title=P").code == 0
    result = cli("list", "ask")
    assert result.code == 70
    assert "could not be saved" in result.err
    assert victim.read_text() == "precious"


@pytest.mark.usefixtures("broken")
def test_no_fallback_to_a_shared_temporary_folder(cli, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setenv(cli_main.CRASH_DIR_ENV, str(blocker / "state"))
    assert cli("add", "plan", "title=P").code == 0
    result = cli("list", "ask")
    assert result.code == 70 and "could not be saved" in result.err
    assert list(shared.iterdir()) == []
