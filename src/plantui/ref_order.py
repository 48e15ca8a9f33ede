"""The natural order of ref codes (P1, P2, ... P10), defined once for lists, forms and reports."""

from __future__ import annotations

import re


def natural(text: str) -> tuple:
    """A sort key that puts P2 before P10 (runs of digits compare as numbers, case aside)."""
    return tuple(int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", text))


def by_ref_code(code: object, label: object) -> tuple:
    """Records with a ref code first, in natural order, then the rest by label."""
    coded = isinstance(code, str) and code.strip() != ""
    return (
        not coded,
        natural(code.strip()) if isinstance(code, str) and coded else (),
        str(label or "").lower(),
    )
