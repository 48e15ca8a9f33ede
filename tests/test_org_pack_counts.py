"""The Organisations screen's pack figures (``lists.org_counts``) are the pack's own counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plantui.queries.lists import org_counts
from plantui.queries.org_pack import build_org_pack
from plantui.storage.database import open_database


@pytest.mark.parametrize("day", ["2025-06-15", "2025-10-01"])
def test_counts_agree_with_the_pack_for_every_organisation(demo_source: Path, day: str):
    today = dt.date.fromisoformat(day)
    db = open_database(demo_source)
    try:
        with db.snapshot() as con:
            orgs = [
                org_id
                for (org_id,) in con.execute(
                    "SELECT id FROM organisation WHERE deleted = 0 AND merged_into IS NULL"
                )
            ]
        assert len(orgs) > 3
        busy = 0
        for org_id in orgs:
            pack = build_org_pack(db, today, org_id)
            counts = org_counts(db, today, org_id)
            assert (
                counts.raised,
                counts.asked,
                counts.pledges,
                counts.actions,
                counts.overdue,
                counts.due_soon,
            ) == (
                len(pack.raised),
                len(pack.asked),
                len(pack.pledges),
                len(pack.actions),
                len(pack.overdue),
                len(pack.due_soon),
            ), org_id
            busy += bool(counts.overdue or counts.due_soon)
    finally:
        db.close()
    assert busy  # some organisation has dated work on each of these days
