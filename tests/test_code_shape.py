"""The code stays in small units, and the TUI reads only through the read layer."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import SRC

PACKAGE = SRC / "plantui"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
STORAGE_WORDS = re.compile(r"sqlalchemy|sqlite3|plantui\.storage")


def _modules(under: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in under.rglob("*.py") if "__pycache__" not in p.parts)


def long_units(paths: list[Path]) -> list[str]:
    """Modules over 500 lines and functions over 80, as ``path`` or ``path:function (n)``."""
    found: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(path.parents[1])} ({lines} lines)")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    found.append(f"{path.name}:{node.name} ({size} lines)")
    return found


def storage_mentions(paths: list[Path]) -> list[str]:
    """Lines of the TUI that name SQLAlchemy, sqlite3 or the storage package."""
    return [
        f"{path.name}:{n}: {line.strip()}"
        for path in paths
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if STORAGE_WORDS.search(line)
    ]


def test_no_module_over_500_lines_and_no_function_over_80():
    assert long_units(_modules()) == []


def test_the_size_check_sees_a_long_function_and_a_long_module(tmp_path):
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES))
    (tmp_path / "long_function.py").write_text(f"def f():\n{body}\n")
    (tmp_path / "long_module.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    (tmp_path / "fine.py").write_text("def f():\n    return 1\n")
    found = long_units(_modules(tmp_path))
    assert found == ["long_function.py:f (81 lines)", f"{tmp_path.name}/long_module.py (501 lines)"]


def test_the_tui_never_names_sqlalchemy_sqlite3_or_storage():
    """Screens read through plantui.queries; only the core knows how the plan is stored."""
    assert storage_mentions(_modules(PACKAGE / "tui")) == []


def test_the_storage_check_sees_an_import(tmp_path):
    (tmp_path / "screen.py").write_text("from plantui.storage.models import Ask\nX = 1\n")
    (tmp_path / "fine.py").write_text("from plantui.queries import Plan\n")
    assert storage_mentions(_modules(tmp_path)) == [
        "screen.py:1: from plantui.storage.models import Ask"
    ]
