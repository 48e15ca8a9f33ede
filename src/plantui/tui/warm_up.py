"""What the app does once its first screen is on the terminal: load the rest in a thread
while the person reads it, then move start-up's objects out of the garbage collector's way.
"""

from __future__ import annotations

import importlib

from plantui import collector
from plantui.tui.screen_list import SCREENS

AFTER_S = 0.5
"""How long after mounting the write path starts loading: its thread competes with the main
one for the interpreter, so it waits until the first frame is on the terminal."""


def load() -> None:
    """Import the other screens' modules while the person reads the first screen, so a
    first visit does not wait for its imports, then the write path, setting up its ORM.
    The screens come first: they take a fifth of the time, and a key for another screen
    usually comes before the first edit."""
    from plantui.editor import load_write_path

    for _title, module, _class in SCREENS.values():
        importlib.import_module(module)
    load_write_path()


def settle() -> None:
    """Move what start-up built (modules, styles, the first screen, the ORM) out of the
    garbage collector's way and let it run again (the terminal app starts with it paused).
    A full collection otherwise walks all of it, some 180,000 objects: a pause of a tenth
    of a second or more that lands on whichever key happens to cross the collector's
    threshold. Frozen objects are never collected, so only a long-lived app (the terminal
    app, not a test or a screenshot) asks for this."""
    collector.settle()


def load_then_settle() -> None:
    try:
        load()
    finally:
        settle()
