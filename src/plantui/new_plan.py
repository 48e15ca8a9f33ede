"""Starting a plan in the library: check everything first, then one new database.

Nothing is written until the title, period and time zone are known to be good; a write
that fails after the file was made removes the file again, so a refused ``plantui new``
leaves the library as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plantui.clock import today
from plantui.errors import PlanError
from plantui.library import Library, remove_database
from plantui.service import PlanService, Writer
from plantui.storage.database import Database
from plantui.text import one_line

MAX_TITLE = 500


@dataclass(slots=True)
class PlanStart:
    """The first facts of a new plan, checked."""

    title: str
    area: str | None
    start: dt.date
    end: dt.date
    timezone: str | None

    def values(self) -> dict[str, object]:
        return {
            "title": self.title,
            "area": self.area,
            "period_start": self.start.isoformat(),
            "period_end": self.end.isoformat(),
            "timezone": self.timezone,
            "status": "draft",
        }


def twelve_months_from(start: dt.date) -> dt.date:
    """The day before the same date a year on: 2024-12-01 runs to 2025-11-30."""
    try:
        return start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28)


def _date(text: str | None, what: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise PlanError(f"The {what} date {text!r} is not a date like 2025-04-01.") from None


def check_start(
    title: str,
    area: str | None = None,
    start: str | None = None,
    end: str | None = None,
    timezone: str | None = None,
) -> PlanStart:
    """Refuse, in one sentence, anything a new plan cannot hold."""
    clean = one_line(title).strip()
    if not clean:
        raise PlanError("A plan needs a title.")
    if len(clean) > MAX_TITLE:
        raise PlanError(
            f"A plan title holds at most {MAX_TITLE} characters; this one has {len(clean)}."
        )
    first = _date(start, "start") or today()
    last = _date(end, "end") or twelve_months_from(first)
    if not 1900 <= first.year <= 2200 or not 1900 <= last.year <= 2200:
        raise PlanError("A plan's dates lie in the years 1900 to 2200.")
    if last < first:
        raise PlanError(f"The plan cannot end ({last}) before it starts ({first}).")
    zone = (timezone or "").strip() or None
    if zone is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise PlanError(f"{zone!r} is not a time zone name like Europe/London.") from None
    area_text = one_line(area).strip() if area else None
    return PlanStart(clean, area_text or None, first, last, zone)


def create_in_library(
    library: Library,
    start: PlanStart,
    make_service: Callable[[Database], PlanService],
    fill: Callable[[Writer, str], None] | None = None,
) -> tuple[str, Path]:
    """Make the plan's database and write its plan record, then ``fill``, in one transaction.

    Returns the new plan's id and file. On any failure the new file is removed again.
    """
    from plantui.storage.database import open_database

    path = library.new_path(start.title)
    db = open_database(path)
    try:
        service = make_service(db)
        with service.transaction() as writer:
            plan_id = writer.create("plan", start.values()).record_id
            if fill is not None:
                fill(writer, plan_id)
        return plan_id, path
    except BaseException:
        db.close()
        remove_database(path)
        raise
    finally:
        db.close()


def add_example(library: Library, make_service: Callable[[Database], PlanService]) -> Path:
    """Put the example plan into the library as one more plan; returns its file."""
    from plantui.demo import load_demo
    from plantui.storage.database import open_database

    path = library.empty_path()
    db = open_database(path)
    try:
        load_demo(make_service(db))
    except BaseException:
        db.close()
        remove_database(path)
        raise
    finally:
        db.close()
    return path
