"""The merge of docs/exchange-format.md as an algebra: commutative, associative, idempotent,
lossless."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plantui import merge

REPLICAS = [f"00000000-0000-4000-8000-00000000000{i}" for i in range(1, 4)]


def clock(n: int) -> str:
    return f"{n:013d}.0000"


def at(n: int, replica: int) -> str:
    return f"{clock(n)}@{REPLICAS[replica]}"


@st.composite
def histories(draw):
    """A record's state on one replica, made by replaying random writes and merges."""
    # Writes are (replica, field, value); each replica's clock grows with its writes.
    writes = draw(
        st.lists(
            st.tuples(st.integers(0, 2), st.sampled_from(["title", "status"]), st.integers(0, 5)),
            max_size=8,
        )
    )
    states = [({}, {}) for _ in REPLICAS]
    for counter, (replica, name, value) in enumerate(writes, start=1):
        vv, fields = states[replica]
        fields = {**fields, name: [{"v": value, "at": at(counter, replica)}]}
        vv = {**vv, REPLICAS[replica]: clock(counter)}
        states[replica] = (vv, fields)
        if draw(st.booleans()):  # sometimes gossip to another replica
            other = draw(st.integers(0, 2))
            ovv, ofields = states[other]
            states[other] = (
                merge.merge_vv(ovv, vv),
                merge.merge_fields(ofields, ovv, fields, vv),
            )
    return states


def merged(a, b):
    return merge.merge_vv(a[0], b[0]), merge.merge_fields(a[1], a[0], b[1], b[0])


@given(histories())
def test_merge_is_commutative_associative_and_idempotent(states):
    a, b, c = states
    assert merged(a, b) == merged(b, a)
    assert merged(merged(a, b), c) == merged(a, merged(b, c))
    assert merged(a, a) == a
    ab = merged(a, b)
    assert merged(ab, b) == ab


def test_concurrent_edits_are_both_kept_as_a_conflict():
    left = ({REPLICAS[0]: clock(1)}, {"title": [{"v": "A", "at": at(1, 0)}]})
    right = ({REPLICAS[1]: clock(1)}, {"title": [{"v": "B", "at": at(1, 1)}]})
    _, fields = merged(left, right)
    assert [s["v"] for s in fields["title"]] == ["A", "B"]
    assert merge.conflict_fields(fields) == ["title"]
    assert merge.shown_value(fields, "title") == "B"  # the larger stamp shows


def test_an_edit_that_saw_the_other_wins_even_with_an_older_clock():
    seen = ({REPLICAS[0]: clock(500)}, {"title": [{"v": "old", "at": at(500, 0)}]})
    # Replica 1's wall clock is behind, but it had seen clock 500 of replica 0.
    later = (
        {REPLICAS[0]: clock(500), REPLICAS[1]: clock(10)},
        {"title": [{"v": "new", "at": at(10, 1)}]},
    )
    _, fields = merged(seen, later)
    assert fields["title"] == [{"v": "new", "at": at(10, 1)}]


def test_a_delete_that_did_not_see_an_edit_is_a_delete_edit_conflict():
    base_vv = {REPLICAS[0]: clock(1)}
    fields = {
        "title": [{"v": "x", "at": at(1, 0)}],
        "_deleted": [{"v": False, "at": at(1, 0)}],
    }
    deleted = (
        {**base_vv, REPLICAS[1]: clock(2)},
        {**fields, "_deleted": [{"v": True, "at": at(2, 1), "ctx": base_vv}]},
    )
    edited = ({REPLICAS[0]: clock(3)}, {**fields, "title": [{"v": "y", "at": at(3, 0)}]})
    _, out = merged(deleted, edited)
    assert merge.is_deleted(out)
    assert merge.delete_edit_conflict(out)
    assert not merge.delete_edit_conflict(deleted[1])


def test_covered_compares_the_clock_of_the_stamps_own_replica():
    vv = {REPLICAS[0]: clock(5)}
    assert merge.covered(at(5, 0), vv)
    assert not merge.covered(at(6, 0), vv)
    assert not merge.covered(at(1, 1), vv)


def test_a_stale_sibling_arriving_with_news_is_not_resurrected():
    # X wrote title=old, Y saw it and overwrote it; X then changed another field and sent
    # its whole record again. The old title must stay overwritten on Y.
    x_vv = {REPLICAS[0]: clock(2)}
    x_fields = {
        "title": [{"v": "old", "at": at(1, 0)}],
        "theme": [{"v": "news", "at": at(2, 0)}],
    }
    y_vv = {REPLICAS[0]: clock(1), REPLICAS[1]: clock(5)}
    y_fields = {"title": [{"v": "new", "at": at(5, 1)}]}
    _, fields = merged((y_vv, y_fields), (x_vv, x_fields))
    assert fields["title"] == [{"v": "new", "at": at(5, 1)}]
    assert fields["theme"] == [{"v": "news", "at": at(2, 0)}]
