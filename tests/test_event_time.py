"""Event times as the seeds write them, read in the plan's zone and stored with the offset."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plantui.domain import InvalidValue, parse_when
from plantui.event_time import day_of, plan_zone, read_when, show_when

LONDON = ZoneInfo("Europe/London")
DAY = dt.date(2025, 7, 10)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("2025-07-10 14:00", "2025-07-10T14:00:00+01:00"),
        ("2025-07-10T14:00", "2025-07-10T14:00:00+01:00"),
        ("14:15", "2025-07-10T14:15:00+01:00"),
        ("2.15pm", "2025-07-10T14:15:00+01:00"),
        ("2:15 pm", "2025-07-10T14:15:00+01:00"),
        ("2:15 PM", "2025-07-10T14:15:00+01:00"),
        ("12.30am", "2025-07-10T00:30:00+01:00"),
        ("12pm", "2025-07-10T12:00:00+01:00"),
        ("2025-07-10 2.15pm", "2025-07-10T14:15:00+01:00"),
        ("2025-07-10", "2025-07-10"),
        ("2024-07-18T14:00+02:00", "2024-07-18T14:00:00+02:00"),
    ],
)
def test_the_ways_people_write_a_time(text: str, stored: str) -> None:
    assert read_when(text, LONDON, DAY) == stored


def test_winter_and_summer_offsets_in_london() -> None:
    """The seeds' March sessions are in GMT, the July workshop in BST; the clocks change on
    the last Sundays of March and October."""
    assert read_when("2023-03-02 2:15pm", LONDON) == "2023-03-02T14:15:00+00:00"
    assert read_when("2025-03-30 00:30", LONDON) == "2025-03-30T00:30:00+00:00"
    assert read_when("2025-03-30 02:00", LONDON) == "2025-03-30T02:00:00+01:00"
    assert read_when("2025-10-26 00:59", LONDON) == "2025-10-26T00:59:00+01:00"
    assert read_when("2025-10-26 02:00", LONDON) == "2025-10-26T02:00:00+00:00"
    # 01:30 on the October Sunday happens twice: the first (summer time) is meant.
    assert read_when("2025-10-26 1.30am", LONDON) == "2025-10-26T01:30:00+01:00"


def test_a_time_the_clocks_skip_is_refused() -> None:
    with pytest.raises(InvalidValue, match="does not exist in Europe/London"):
        read_when("2025-03-30 01:30", LONDON)


def test_another_zone_is_read_in_its_own_offset() -> None:
    assert read_when("2025-07-10 14:00", ZoneInfo("America/New_York")) == (
        "2025-07-10T14:00:00-04:00"
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("14:15", "needs a date too"),
        ("25:00", "not a time of day"),
        ("13pm", "from 1 to 12"),
        ("14", "not a time"),
        ("soon", "not a date or a time"),
        ("2025-02-30 14:00", "not a real date"),
        ("0001-01-01 10:00", "outside the years"),
    ],
)
def test_what_is_refused(text: str, says: str) -> None:
    with pytest.raises(InvalidValue, match=says):
        read_when(text, LONDON)


def test_a_plan_without_a_known_zone_reads_in_london() -> None:
    assert plan_zone(None) == LONDON
    assert plan_zone("") == LONDON
    assert plan_zone("Mars/Base") == LONDON
    assert plan_zone("Asia/Kolkata") == ZoneInfo("Asia/Kolkata")


local_moments = st.datetimes(
    min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2150, 12, 31)
).map(lambda d: d.replace(second=0, microsecond=0))
zones = st.sampled_from(["Europe/London", "America/New_York", "Australia/Sydney", "UTC"])


@given(local_moments, zones)
def test_a_local_time_is_stored_with_the_offset_of_its_zone(local: dt.datetime, name: str) -> None:
    """Whatever the day (DST included): the stored value is valid ISO with an offset, means
    the local time typed in that zone, and shows back as it was typed; a skipped time is
    refused instead."""
    zone = ZoneInfo(name)
    typed = f"{local:%Y-%m-%d %H:%M}"
    try:
        stored = read_when(typed, zone)
    except InvalidValue as exc:
        assert "does not exist" in str(exc)
        back = local.replace(tzinfo=zone).astimezone(dt.UTC).astimezone(zone)
        assert back.replace(tzinfo=None) != local
        return
    when = parse_when(stored)
    assert isinstance(when, dt.datetime)
    assert when.astimezone(zone).replace(tzinfo=None) == local
    assert when.utcoffset() == local.replace(tzinfo=zone).utcoffset()
    assert show_when(stored, zone) == typed
    assert day_of(stored, zone) == local.date()


@given(local_moments)
def test_twelve_hour_times_mean_the_same_as_twenty_four_hour_ones(local: dt.datetime) -> None:
    hour = local.hour % 12 or 12
    half = "am" if local.hour < 12 else "pm"
    day = local.date()
    for twelve in (f"{hour}.{local.minute:02d}{half}", f"{hour}:{local.minute:02d} {half.upper()}"):
        try:
            expected = read_when(f"{local:%H:%M}", LONDON, day)
        except InvalidValue:
            with pytest.raises(InvalidValue):
                read_when(twelve, LONDON, day)
            continue
        assert read_when(twelve, LONDON, day) == expected
