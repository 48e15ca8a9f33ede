"""The headless schedule: dependency rules, violations, critical path, scale and rows."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from plantui.schedule import (
    DEP_KINDS,
    NO_ASK,
    AskGroup,
    Bar,
    Dep,
    Schedule,
    baseline_edits,
    chain_finish,
    critical_path,
    days_short,
    earliest_start,
    fit_zoom,
    header_labels,
    make_scale,
    resized,
    shifted,
    violations,
)

D = dt.date


def bar(id: str, start: str | None, end: str | None, milestone: bool = False, **kw) -> Bar:
    return Bar(
        id,
        kw.pop("title", id),
        start=D.fromisoformat(start) if start else None,
        end=D.fromisoformat(end) if end else None,
        milestone=milestone,
        **kw,
    )


# -- bars -------------------------------------------------------------------------------------


def test_duration_counts_both_ends_and_a_milestone_takes_none():
    assert bar("a", "2025-01-06", "2025-01-10").duration_days == 5
    assert bar("m", "2025-01-06", "2025-01-06", milestone=True).duration_days == 0
    assert bar("u", None, None).duration_days == 0
    assert bar("s", "2025-01-06", None).duration_days == 1


def test_moved_only_when_a_baseline_differs():
    plain = bar("a", "2025-01-06", "2025-01-10")
    assert not plain.moved
    same = Bar(
        "b",
        "b",
        start=D(2025, 1, 6),
        end=D(2025, 1, 10),
        baseline_start=D(2025, 1, 6),
        baseline_end=D(2025, 1, 10),
    )
    assert not same.moved
    assert Bar(
        "c",
        "c",
        start=D(2025, 1, 7),
        end=D(2025, 1, 10),
        baseline_start=D(2025, 1, 6),
        baseline_end=D(2025, 1, 10),
    ).moved


# -- dependency rules -------------------------------------------------------------------------


def test_finish_to_start_allows_the_next_day_not_the_same_day():
    pred = bar("p", "2025-01-06", "2025-01-10")
    assert days_short(pred, bar("s", "2025-01-11", "2025-01-20")) == 0
    assert days_short(pred, bar("s", "2025-01-10", "2025-01-20")) == 1
    assert days_short(pred, bar("s", "2025-01-08", "2025-01-20")) == 3
    assert days_short(pred, bar("s", "2025-01-13", "2025-01-20"), "FS", 3) == 1


def test_a_milestone_may_fall_on_the_day_its_predecessor_ends_and_lead_into_that_day():
    work = bar("w", "2025-01-06", "2025-01-10")
    sign_off = bar("m", "2025-01-10", "2025-01-10", milestone=True)
    follow = bar("f", "2025-01-10", "2025-01-31")
    assert days_short(work, sign_off) == 0
    assert days_short(sign_off, follow) == 0
    assert days_short(sign_off, bar("f", "2025-01-09", "2025-01-31")) == 1


def test_start_and_finish_kinds():
    pred = bar("p", "2025-01-06", "2025-01-10")
    # SS: may start with the predecessor, plus lag.
    assert days_short(pred, bar("s", "2025-01-06", "2025-01-08"), "SS") == 0
    assert days_short(pred, bar("s", "2025-01-06", "2025-01-08"), "SS", 2) == 2
    # FF: may not finish before the predecessor finishes.
    assert days_short(pred, bar("s", "2025-01-01", "2025-01-10"), "FF") == 0
    assert days_short(pred, bar("s", "2025-01-01", "2025-01-08"), "FF") == 2
    # SF: may not finish before the predecessor starts.
    assert days_short(pred, bar("s", "2025-01-01", "2025-01-05"), "SF") == 0
    assert days_short(pred, bar("s", "2025-01-01", "2025-01-03"), "SF") == 2


def test_missing_dates_are_never_a_violation():
    assert days_short(bar("p", None, None), bar("s", "2025-01-01", "2025-01-02")) is None
    assert days_short(bar("p", "2025-01-01", "2025-01-02"), bar("s", None, None)) is None


def test_violations_skip_cancelled_and_unknown_actions():
    bars = {
        "p": bar("p", "2025-01-06", "2025-01-10"),
        "s": bar("s", "2025-01-08", "2025-01-20"),
        "c": bar("c", "2025-01-08", "2025-01-20", status="cancelled"),
    }
    deps = [Dep("1", "p", "s"), Dep("2", "p", "c"), Dep("3", "p", "gone")]
    found = violations(bars, deps)
    assert [(v.dep.id, v.days_short) for v in found] == [("1", 3)]
    sentence = found[0].describe(bars)
    assert sentence == "s starts 3 days too early: it must wait until p finishes (FS)."


dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 12, 31))


@st.composite
def bars_(draw, id: str) -> Bar:
    start = draw(dates)
    milestone = draw(st.booleans())
    length = 0 if milestone else draw(st.integers(0, 120))
    return Bar(id, id, start=start, end=start + dt.timedelta(days=length), milestone=milestone)


@given(bars_("p"), bars_("s"), st.sampled_from(DEP_KINDS), st.integers(-30, 30))
def test_the_earliest_start_is_exactly_the_boundary_of_a_violation(pred, succ, kind, lag):
    start = earliest_start(pred, succ, kind, lag)
    assert start is not None

    def at(day: D) -> Bar:
        moved = dict(shifted(succ, (day - succ.start).days))
        return Bar(
            "s",
            "s",
            start=D.fromisoformat(moved["start"]),
            end=D.fromisoformat(moved["end"]),
            milestone=succ.milestone,
        )

    assert days_short(pred, at(start), kind, lag) == 0
    assert days_short(pred, at(start - dt.timedelta(days=1)), kind, lag) == 1
    assert days_short(pred, at(start + dt.timedelta(days=9)), kind, lag) == 0


# -- critical path ----------------------------------------------------------------------------


def test_critical_path_follows_the_chain_that_finishes_last():
    bars = {
        "a": bar("a", "2025-01-01", "2025-01-10"),  # 10 days
        "b": bar("b", "2025-01-11", "2025-01-30"),  # 20 days
        "c": bar("c", "2025-01-11", "2025-01-15"),  # 5 days
        "m": bar("m", "2025-02-01", "2025-02-01", milestone=True),
        "x": bar("x", "2025-01-01", "2025-01-03"),
    }
    deps = [Dep("ab", "a", "b"), Dep("ac", "a", "c"), Dep("bm", "b", "m"), Dep("cm", "c", "m")]
    path = critical_path(bars, deps)
    assert path.actions == ("a", "b", "m")
    assert path.deps == ("ab", "bm")
    assert path.days == 30


def test_start_to_start_links_overlap_rather_than_add_up():
    bars = {"a": bar("a", "2025-01-01", "2025-01-10"), "b": bar("b", "2025-01-01", "2025-01-05")}
    path = critical_path(bars, [Dep("ab", "a", "b", "SS", 2)])
    # a alone takes 10 days; b starting 2 days after a and taking 5 finishes on day 7.
    assert path.days == 10 and path.actions == ("a",)


def test_no_links_no_critical_path_and_cycles_are_left_out():
    bars = {i: bar(i, "2025-01-01", "2025-01-10") for i in "abc"}
    assert critical_path(bars, []).actions == ()
    loop = [Dep("ab", "a", "b"), Dep("ba", "b", "a"), Dep("bc", "b", "c")]
    path = critical_path(bars, loop)
    assert "ab" not in path.deps and "ba" not in path.deps
    assert path.actions == ("b", "c")


@st.composite
def graphs(draw, acyclic: bool = True):
    n = draw(st.integers(2, 6))
    ids = [f"n{i}" for i in range(n)]
    bars = {i: draw(bars_(i)) for i in ids}
    pairs = [(a, b) for a, b in itertools.permutations(ids, 2) if not acyclic or a < b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=10))
    deps = [
        Dep(f"{a}>{b}", a, b, draw(st.sampled_from(DEP_KINDS)), draw(st.integers(-5, 20)))
        for a, b in chosen
    ]
    return bars, deps


def _all_chains(deps: list[Dep]):
    out = {d.pred: [] for d in deps}
    for d in deps:
        out[d.pred].append(d)

    def walk(chain):
        yield chain
        for d in out.get(chain[-1].succ, []):
            yield from walk([*chain, d])

    for d in deps:
        yield from walk([d])


@settings(max_examples=150)
@given(graphs())
def test_critical_path_is_the_longest_chain(graph):
    bars, deps = graph
    path = critical_path(bars, deps)
    if not deps:
        assert path.actions == ()
        return
    by_id = {d.id: d for d in deps}
    chain = [by_id[i] for i in path.deps]
    for first, second in itertools.pairwise(chain):
        assert first.succ == second.pred
    if chain:
        assert (chain[0].pred, *(d.succ for d in chain)) == path.actions
        assert chain_finish(bars, chain) == path.days
    else:
        assert path.days == bars[path.actions[0]].duration_days
    best = max(
        max(chain_finish(bars, c) for c in _all_chains(deps)),
        max(bars[i].duration_days for d in deps for i in (d.pred, d.succ)),
    )
    assert path.days == best


@settings(max_examples=100)
@given(graphs(acyclic=False))
def test_critical_path_never_hangs_on_cycles_and_uses_no_link_in_one(graph):
    from plantui.queries.derived import dependency_cycles

    bars, deps = graph
    path = critical_path(bars, deps)
    looped = {
        i for c in dependency_cycles((d.pred, d.succ, d.id) for d in deps) for i in c.dependencies
    }
    assert not set(path.deps) & looped


# -- scale ------------------------------------------------------------------------------------


@given(dates, st.sampled_from(["week", "month", "quarter"]))
def test_every_day_falls_in_the_column_that_starts_on_or_before_it(day, zoom):
    scale = make_scale(zoom, D(2024, 1, 1), D(2026, 12, 31))
    col = scale.col(day)
    assert scale.day(col) <= day < scale.day(col + 1)


def test_week_columns_start_on_mondays_and_month_columns_on_the_first():
    assert make_scale("quarter", D(2024, 12, 1), D(2025, 11, 30)).origin == D(2024, 11, 25)
    assert make_scale("month", D(2024, 12, 10), D(2025, 11, 30)).origin == D(2024, 12, 1)
    assert make_scale("week", D(2024, 12, 10), D(2025, 11, 30)).origin == D(2024, 12, 10)


def test_fit_zoom_picks_the_finest_zoom_that_shows_the_year():
    first, last = D(2024, 12, 1), D(2025, 11, 30)
    assert fit_zoom(first, last, 400) == "week"
    assert fit_zoom(first, last, 140) == "month"
    assert fit_zoom(first, last, 60) == "quarter"
    assert fit_zoom(first, last, 20) == "quarter"


def test_header_labels_at_each_zoom():
    first, last = D(2024, 12, 1), D(2025, 11, 30)
    top, below = header_labels(make_scale("quarter", first, last))
    # Q4 2024 has 5 columns before Q1 2025: too few to name it without cutting it.
    assert [t for _, t in top][:3] == ["Q1 2025", "Q2 2025", "Q3 2025"]
    assert [t for _, t in below][:3] == ["Dec", "Jan", "Feb"]
    top, below = header_labels(make_scale("month", first, last))
    assert [t for _, t in top] == ["2024", "2025"]
    assert len(below) == 12
    top, below = header_labels(make_scale("week", first, last))
    assert top[0] == (0, "Dec 2024")
    assert below[0] == (1, "2")  # Monday 2 December 2024


# -- edits ------------------------------------------------------------------------------------


@given(bars_("a"), st.integers(-400, 400))
def test_moving_keeps_the_duration(b, days):
    moved = shifted(b, days)
    start, end = D.fromisoformat(moved["start"]), D.fromisoformat(moved["end"])
    assert (end - start) == (b.end - b.start)
    assert (start - b.start).days == days


def test_resizing_never_ends_before_the_start_and_moves_a_milestone_whole():
    work = bar("a", "2025-01-06", "2025-01-10")
    assert resized(work, 3) == {"end": "2025-01-13"}
    assert resized(work, -4) == {"end": "2025-01-06"}
    assert resized(work, -5) is None
    ms = bar("m", "2025-01-06", "2025-01-06", milestone=True)
    assert resized(ms, 7) == {"start": "2025-01-13", "end": "2025-01-13"}
    assert resized(bar("u", None, None), 7) is None


def test_baseline_edits_cover_only_dated_actions_that_differ():
    bars = [
        bar("a", "2025-01-06", "2025-01-10"),
        Bar(
            "b",
            "b",
            start=D(2025, 1, 6),
            end=D(2025, 1, 10),
            baseline_start=D(2025, 1, 6),
            baseline_end=D(2025, 1, 10),
        ),
        bar("u", None, None),
    ]
    assert baseline_edits(bars) == [
        ("a", {"baseline_start": "2025-01-06", "baseline_end": "2025-01-10"})
    ]


# -- rows and the whole schedule --------------------------------------------------------------


def _schedule() -> Schedule:
    asks = [AskGroup("A", "First ask", "A1", "a0"), AskGroup("B", "Second", "A2", "a1")]
    bars = {
        "p": bar("p", "2025-01-01", "2025-03-01", ask="A"),
        "c": bar("c", "2025-01-05", "2025-01-20", ask="A", parent="p"),
        "m": bar("m", "2025-06-01", "2025-06-01", milestone=True, ask="A"),
        "late": bar("late", "2025-02-01", "2025-02-20", ask="B"),
        "loose": bar("loose", "2025-01-01", "2025-01-02"),
        "x": bar("x", "2025-01-01", "2025-01-02", ask="B", parent="y"),
        "y": bar("y", "2025-01-03", "2025-01-04", ask="B", parent="x"),
    }
    deps = [Dep("pm", "p", "m"), Dep("late", "p", "late")]
    return Schedule("Plan", D(2025, 1, 1), D(2025, 12, 31), asks, bars, deps)


def test_rows_group_actions_under_asks_children_after_parents():
    s = _schedule()
    rows = [(r.kind, r.id, r.depth) for r in s.rows()]
    assert rows[:4] == [("ask", "A", 0), ("action", "p", 0), ("action", "c", 1), ("action", "m", 0)]
    assert rows[-2] == ("ask", NO_ASK, 0) and rows[-1][1] == "loose"
    # Parents in a loop are still shown.
    assert {r[1] for r in rows} >= {"x", "y"}
    folded = [(r.kind, r.id) for r in s.rows({"A"})]
    assert folded[:2] == [("ask", "A"), ("ask", "B")]


def test_schedule_knows_violations_relations_and_next_milestones():
    s = _schedule()
    assert [v.dep.id for v in s.violations] == ["late"]
    assert s.related("p") == (set(), {"m", "late"})
    assert s.reaches("p", "m") and not s.reaches("m", "p")
    assert s.next_milestone("c", D(2025, 1, 10)).id == "m"  # via its ask
    assert s.next_milestone("p", D(2025, 1, 10)).id == "m"  # via its link
    assert s.next_milestone("late", D(2025, 1, 10)) is None
    assert s.group_span("A") == (D(2025, 1, 1), D(2025, 6, 1))
    assert s.date_range() == (D(2025, 1, 1), D(2025, 12, 31))


def test_a_filter_keeps_matching_actions_and_the_asks_that_still_have_some():
    from plantui.schedule import NO_RAG, BarFilter

    bars = {
        "a1": Bar("a1", "One", "1.1", "ask1", community_owner="org1", rag="red", status="late"),
        "a2": Bar("a2", "Two", "1.2", "ask1", public_owner="org2", rag="green"),
        "a3": Bar("a3", "Three", "2.1", "ask2", public_owner="org1"),
        "a4": Bar("a4", "Four", "", None, community_owner="org2", rag="red"),
    }
    sched = Schedule(asks=[AskGroup("ask1", "A1", "A1"), AskGroup("ask2", "A2", "A2")], bars=bars)

    def shown(only: BarFilter) -> list[str]:
        return [r.id for r in sched.rows(only=only)]

    assert shown(BarFilter()) == [r.id for r in sched.rows()]
    assert shown(BarFilter(owner="org1")) == ["ask1", "a1", "ask2", "a3"]
    assert shown(BarFilter(rag="red")) == ["ask1", "a1", NO_ASK, "a4"]
    assert shown(BarFilter(rag=NO_RAG)) == ["ask2", "a3"]
    assert shown(BarFilter(status="late", owner="org1")) == ["ask1", "a1"]
    assert shown(BarFilter(ask=NO_ASK)) == [NO_ASK, "a4"]
    assert shown(BarFilter(ask="ask2", rag="red")) == []
    assert not BarFilter().active and BarFilter(rag="red").active
