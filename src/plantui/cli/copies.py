"""Backups, going back to one, a clean copy for a new laptop, and a way back from a fast clock."""

from __future__ import annotations

import argparse
from pathlib import Path

from plantui.text import plain


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backups", help="list the kept backups, or restore one")
    inner = p.add_subparsers(dest="backups_action", metavar="ACTION")
    r = inner.add_parser("restore", help="go back to backup N (see the list) under a new id")
    r.add_argument("number", metavar="N", type=int)
    r.set_defaults(run=cmd_restore)
    p.set_defaults(run=cmd_backups)

    p = sub.add_parser("copy", help="a clean copy of the database for a new laptop")
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--label", metavar="TEXT", help='the copy\'s name, e.g. "Laptop at the hall"')
    p.set_defaults(run=cmd_copy)

    p = sub.add_parser(
        "reset-clock", help="after a wrong clock: move this copy's future stamps to the real time"
    )
    p.set_defaults(run=cmd_reset_clock)


def cmd_backups(ctx) -> int:
    from plantui.storage.backups import list_backups

    found = list_backups(ctx.db_path)
    if not found:
        ctx.out("No backups yet; one is kept before every import that changes the plan.")
    for number, backup in enumerate(found, 1):
        taken = backup.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        ctx.out(f"{number}  {taken}  {_size(backup.size):>9}  {plain(backup.path.name)}")
    return 0


def cmd_restore(ctx) -> int:
    from plantui.storage.backups import restore_backup

    chosen, saved = restore_backup(ctx.db, ctx.args.number)
    ctx.out(f"Restored {plain(chosen.path.name)}; this copy is now replica {ctx.db.replica_id}.")
    ctx.out(f"The state before the restore was kept as {plain(saved.name)}.")
    return 0


def cmd_copy(ctx) -> int:
    from plantui.storage.backups import copy_database

    label = " ".join(plain(ctx.args.label).split()) if ctx.args.label else None
    new_id = copy_database(ctx.db, ctx.args.file, label)
    ctx.out(f"Wrote a copy to {plain(str(ctx.args.file))} as replica {new_id}.")
    return 0


def cmd_reset_clock(ctx) -> int:
    from plantui.clock_reset import reset_clock

    count, new_id = reset_clock(ctx.service)
    if new_id is None:
        ctx.out("Nothing to reset: no change of this copy is dated after now.")
    else:
        ctx.out(f"Moved {count} stamp(s) from the future to now; this copy is replica {new_id}.")
    return 0


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    return f"{count / 1024:.1f} KiB" if count < 1024**2 else f"{count / 1024**2:.1f} MiB"
