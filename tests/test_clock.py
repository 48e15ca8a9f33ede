"""The hybrid logical clock: strictly increasing stamps whatever the wall clock does."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from plantui import clock as hlc


def test_tick_takes_the_wall_clock_when_it_moves_forward():
    assert hlc.tick("0000000001000.0005", 2000) == "0000000002000.0000"


def test_tick_counts_when_the_wall_clock_stands_still_or_goes_back():
    assert hlc.tick("0000000002000.0000", 2000) == "0000000002000.0001"
    assert hlc.tick("0000000002000.0001", 1500) == "0000000002000.0002"


def test_counter_overflow_borrows_a_millisecond_keeping_the_width():
    assert hlc.tick("0000000002000.9999", 1000) == "0000000002001.0000"


@given(st.lists(st.integers(min_value=0, max_value=10**13 - 10), min_size=1, max_size=200))
def test_clocks_strictly_increase_for_any_wall_clock(walls):
    last = hlc.ZERO_CLOCK
    for wall in walls:
        nxt = hlc.tick(last, wall)
        assert hlc.CLOCK_RE.fullmatch(nxt)
        assert nxt > last
        last = nxt


def test_observe_moves_past_a_later_clock_only():
    assert hlc.observe("0000000001000.0000", "0000000003000.0002") == "0000000003000.0002"
    assert hlc.observe("0000000005000.0000", "0000000003000.0002") == "0000000005000.0000"


def test_stamps_split_and_compare_as_clock_then_replica():
    a = hlc.stamp("0000000001000.0000", "00000000-0000-4000-8000-000000000002")
    b = hlc.stamp("0000000001000.0000", "00000000-0000-4000-8000-000000000001")
    assert hlc.STAMP_RE.fullmatch(a)
    assert b < a
    assert hlc.split_stamp(a) == ("0000000001000.0000", "00000000-0000-4000-8000-000000000002")


def test_uuid7_is_version_7_and_time_ordered():
    first = hlc.uuid7(1_700_000_000_000)
    later = hlc.uuid7(1_700_000_000_001)
    assert uuid.UUID(first).version == 7
    assert uuid.UUID(first).variant == uuid.RFC_4122
    assert first < later
