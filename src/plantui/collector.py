"""The garbage collector around start-up.

Start-up (imports, styles, the first screen's widgets) builds objects that live as long as
the process. Each collection the collector runs meanwhile walks all of them and frees
nothing: about a tenth of the first frame. So the terminal app and a screenshot start with
it paused; the app resumes it once its first screen is drawn, after moving what start-up
built out of its way, and a screenshot does the same once its picture is saved.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def settle() -> None:
    """Freeze everything alive now (never walked again, never freed) and resume collecting:
    from here on a collection walks only what the app builds as it is used."""
    gc.freeze()
    gc.enable()


@contextmanager
def paused(settle: bool = False) -> Iterator[None]:
    """No collections inside (until :func:`settle`, if called); the collector as it was
    afterwards. With ``settle``, what was built inside is frozen first: resuming would
    otherwise start with a full collection of all of it, as long as a frame, just before a
    short-lived command (a screenshot) ends anyway."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if settle:
            gc.freeze()
        if was_enabled:
            gc.enable()
