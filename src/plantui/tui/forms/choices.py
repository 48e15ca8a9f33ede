"""What the forms offer and show for a ref field: live choices and a record's label.

Both are reads of ``plantui.queries`` (choices and labels): the forms only lay them out.
"""

from __future__ import annotations

from plantui.queries import Plan
from plantui.queries.choices import PICKABLE, Choice, live_choices
from plantui.queries.labels import label

__all__ = ["PICKABLE", "Choice", "label_of", "live_choices"]


def label_of(plan: Plan, record_id: str) -> str:
    """The label a person knows a record by, with its type; its id when it is unknown."""
    return label(plan, record_id)
