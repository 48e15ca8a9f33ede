"""Filters by owner, RAG, status and ask: the `f` menu and the line saying what is filtered.

A screen offers facets ("owner", "rag", ...) and, for each, the values present in the plan;
`f` asks which facet, then which value, and the screen keeps the choice until `F` clears it.
The same two dialogs serve the Timeline and the record lists (the lists' values and
filters are read by ``plantui.queries.facets``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.binding import Binding, BindingType
from textual.screen import Screen

FILTER_BINDINGS: list[BindingType] = [
    Binding("f", "filter_by", "Filter by", id="list.filter-by"),
    Binding("F", "clear_filters", "Clear filters", id="list.clear-filters", show=False),
]
"""The keys every filterable screen shares."""

FACET_NAMES = {"owner": "Owner", "rag": "RAG", "status": "Status", "ask": "Ask"}
CLEAR = "clear"
RAG_CHOICES = (("green", "green"), ("amber", "amber"), ("red", "red"))


def words(value: str | None) -> str:
    """An enum value as the lists spell it (``at_risk`` -> ``at risk``)."""
    return (value or "").replace("_", " ")


class Filters:
    """The chosen value of each facet, with the label shown for it."""

    def __init__(self) -> None:
        self.chosen: dict[str, tuple[str, str]] = {}

    def value(self, facet: str) -> str | None:
        picked = self.chosen.get(facet)
        return picked[0] if picked else None

    def set(self, facet: str, value: str, label: str) -> None:
        self.chosen[facet] = (value, label)

    def clear(self) -> None:
        self.chosen.clear()

    def __bool__(self) -> bool:
        return bool(self.chosen)

    def describe(self) -> str:
        """ "owner SEL ICB · RAG red": what is filtered, in the facets' order."""
        return " · ".join(
            f"{FACET_NAMES[facet].lower() if facet != 'rag' else 'RAG'} {self.chosen[facet][1]}"
            for facet in FACET_NAMES
            if facet in self.chosen
        )


def ask_filter(
    screen: Screen,
    facets: Sequence[str],
    values: Callable[[str], list[tuple[str, str]]],
    done: Callable[[str | None, str, str], None],
) -> None:
    """Ask which facet, then which of its values; ``done(facet, value, label)``, or
    ``done(None, "", "")`` for "Clear filters". Cancelling either dialog changes nothing."""
    from plantui.tui.widgets.choose import ChooseOne, Offer  # here: most visits never filter

    offers = [Offer(facet, f"{FACET_NAMES[facet]}…") for facet in facets]
    offers.append(Offer(CLEAR, "Clear filters"))

    def facet_chosen(facet: str | None) -> None:
        if facet is None:
            return
        if facet == CLEAR:
            done(None, "", "")
            return
        options = values(facet)
        if not options:
            screen.notify(f"No {FACET_NAMES[facet]} values to filter by.", markup=False)
            return
        # Keys carry a prefix: a value may be "" (no ask) and an option needs a real id.
        labels = {f"v:{value}": label for value, label in options}
        offers = [Offer(key, label) for key, label in labels.items()]

        def value_chosen(key: str | None) -> None:
            if key is not None:
                done(facet, key[2:], labels[key])

        screen.app.push_screen(ChooseOne(f"Show only: {FACET_NAMES[facet]}", offers), value_chosen)

    screen.app.push_screen(ChooseOne("Filter by", offers), facet_chosen)
