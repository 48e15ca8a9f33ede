"""Writing the files plantui hands out (reports, exports): whole or not at all, and private.

Reports and exchange files may carry contact details, so they are created readable by their
owner only (0600) whatever the umask says, and they appear under their name only once all
their bytes are on disk, so a crash or a full disk never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from plantui.errors import PlanError

PRIVATE = 0o600


def write_private(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` as a 0600 file: a temporary file beside it, flushed to disk
    and renamed into place; refusals (a folder, a missing folder, a full disk) are PlanErrors."""
    path = Path(path)
    if path.is_dir():
        raise PlanError(f"{path} is a folder; give a file name.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PlanError(f"Cannot write {path}: the folder {folder} does not exist.")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PlanError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE)
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PlanError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
