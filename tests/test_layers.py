"""Only plantui.tui may import Textual; the core and the CLI stay headless."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import plantui
from tests.conftest import SRC


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


def test_no_module_outside_plantui_tui_imports_textual():
    script = (
        "import importlib, sys\n"
        f"for name in {headless_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "    bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "    assert not bad, f'{name} imported textual'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0, result.stderr


def test_running_cli_commands_does_not_import_textual():
    script = (
        "import sys\n"
        "from plantui.cli.main import main\n"
        "main(['--db', sys.argv[1], 'list', 'ask'])\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "/tmp/plantui-layers-test.db"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0, result.stderr


def test_the_check_itself_would_catch_a_textual_import():
    result = subprocess.run(
        [sys.executable, "-c", "import textual, sys; assert 'textual' in sys.modules"],
        capture_output=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert result.returncode == 0
