"""This machine's memory of its replicas (docs/exchange-format.md "Identities"), kept outside
any database.

For each replica id it holds the highest clock this machine saw that replica commit and the
home (machine, path, inode) it lived in. A database whose clock is behind its entry was
rolled back (a backup copied over it); one whose home differs was copied or moved. Either
way it must take a new replica id before it writes, or it would reuse stamps peers hold.
The ledger is a safety net: if the state folder cannot be written, writes still go on.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TypedDict

STATE_ENV_VAR = "PLANTUI_STATE_DIR"
FILE_NAME = "replicas.json"


class Entry(TypedDict):
    clock: str
    home: str


def state_dir() -> Path:
    """``$PLANTUI_STATE_DIR``, else the user's state folder (platformdirs)."""
    chosen = os.environ.get(STATE_ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_state_path

    return user_state_path("plantui", appauthor=False)


def _folder() -> Path:
    folder = state_dir()
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        folder.chmod(0o700)
    return folder


def read() -> dict[str, Entry]:
    """Every entry, or none when the ledger is missing or unreadable."""
    try:
        data = json.loads((state_dir() / FILE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def entry(replica_id: str) -> Entry | None:
    found = read().get(replica_id)
    if isinstance(found, dict) and isinstance(found.get("clock"), str):
        return found
    return None


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    fd = os.open(folder / f"{FILE_NAME}.lock", os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def record(replica_id: str, clock: str, home: str) -> None:
    """Remember that ``replica_id`` committed up to ``clock`` at ``home`` (never lowers it)."""
    try:
        folder = _folder()
        with _locked(folder):
            entries = read()
            old = entries.get(replica_id)
            if old and old.get("home") == home and old.get("clock", "") >= clock:
                return
            entries[replica_id] = {"clock": clock, "home": home}
            tmp = folder / f".{FILE_NAME}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entries, handle)
            os.replace(tmp, folder / FILE_NAME)
    except OSError:
        return
