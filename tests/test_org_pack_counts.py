"""The Organisations screen's pack figures (``org_pack_counts``) are the pack's own counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from plantui.queries.org_pack import build_org_pack, org_pack_counts
from plantui.storage.database import open_database
from plantui.storage.models import Organisation
from tests.test_reports import demo_source  # noqa: F401  (fixture)


@pytest.mark.parametrize("day", ["2025-06-15", "2025-10-01"])
def test_counts_agree_with_the_pack_for_every_organisation(demo_source: Path, day: str):  # noqa: F811
    today = dt.date.fromisoformat(day)
    db = open_database(demo_source)
    try:
        with db.read() as session:
            orgs = (
                session.execute(
                    select(Organisation.id).where(
                        Organisation.deleted.is_(False), Organisation.merged_into.is_(None)
                    )
                )
                .scalars()
                .all()
            )
            assert len(orgs) > 3
            busy = 0
            for org_id in orgs:
                pack = build_org_pack(session, today, org_id)
                counts = org_pack_counts(session, today, org_id)
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
