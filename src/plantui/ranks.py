"""Where asks stand in priority: fractional ranks, so a move rewrites one ask, not all.

A rank is a fractional-indexing key; asks sort by (rank, id) and an ask without a rank sorts
first (SQLite puts NULL first). Keys that other tools wrote may not be valid fractional keys;
such a plan is given fresh ranks in its present order before a move.
"""

from __future__ import annotations

from fractional_indexing import generate_key_between, generate_n_keys_between


def valid(rank: str | None) -> bool:
    """Whether a new key can be made next to ``rank``."""
    if rank is None:
        return False
    try:
        generate_key_between(rank, None)
    except Exception:
        return False
    return True


def rank_after(last: str | None) -> str:
    """A rank after ``last`` (the highest rank in the plan), for a new ask at the bottom.

    A ``last`` that is not a fractional key still gets a rank above it: any text with a
    character added sorts after the text itself and after everything before it.
    """
    if last is None or valid(last):
        return generate_key_between(last, None)
    return last + "V"


def fresh_ranks(count: int) -> list[str]:
    """``count`` ranks in increasing order, for a plan whose asks are given ranks anew."""
    return generate_n_keys_between(None, None, count) if count else []


def new_rank(ranks: list[tuple[str | None, str]], index: int, step: int) -> str | None:
    """The rank that moves the ask at ``index`` one place (``step`` -1 up, +1 down).

    ``ranks`` is the live asks' (rank, id) in list order. Only the moved ask gets a new
    rank, strictly between its new neighbours; asks tied with the neighbour it passes are
    passed too, since nothing fits between equal ranks. None when it cannot move.
    """
    target = index + step
    if target < 0 or target >= len(ranks):
        return None
    passed = ranks[target][0]
    if step < 0:
        if passed is None:
            return None
        before = [r for r, _ in ranks[:target] if r is not None and r < passed]
        return generate_key_between(before[-1] if before else None, passed)
    if passed is None:
        after = [r for r, _ in ranks[target + 1 :] if r is not None]
        return generate_key_between(None, after[0]) if after else generate_key_between(None, None)
    after = [r for r, _ in ranks[target + 1 :] if r is not None and r > passed]
    return generate_key_between(passed, after[0] if after else None)
