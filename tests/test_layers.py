"""Only plantui.tui may import Textual; the core and the CLI stay headless."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import plantui
from tests.conftest import SRC

pytestmark = pytest.mark.slow


def headless_modules() -> list[str]:
    names = [
        m.name
        for m in pkgutil.walk_packages(plantui.__path__, "plantui.")
        if not m.name.startswith("plantui.tui")
        and not m.name.endswith("__main__")
        and ".migrations" not in m.name
    ]
    assert "plantui.service" in names and "plantui.cli.main" in names
    return names


def check_imports(modules: list[str], *path: Path) -> subprocess.CompletedProcess[str]:
    """Import each module in a fresh interpreter; fail naming the first that pulls in Textual."""
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "    assert not bad, f'{name} imported textual'\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": os.pathsep.join(str(p) for p in (SRC, *path))},
    )


def test_no_module_outside_plantui_tui_imports_textual():
    result = check_imports(headless_modules())
    assert result.returncode == 0, result.stderr


def test_the_check_fails_on_a_module_that_imports_textual(tmp_path):
    (tmp_path / "headless_helper.py").write_text("X = 1\n")
    (tmp_path / "sneaky_widget.py").write_text("from textual.widget import Widget\n")
    result = check_imports(["headless_helper", "sneaky_widget"], tmp_path)
    assert result.returncode != 0
    assert "sneaky_widget imported textual" in result.stderr
    assert check_imports(["headless_helper"], tmp_path).returncode == 0


def test_running_cli_commands_does_not_import_textual(tmp_path):
    script = (
        "import sys\n"
        "from plantui.cli.main import main\n"
        "main(['--db', sys.argv[1], 'list', 'ask'])\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "layers.db")],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0, result.stderr
