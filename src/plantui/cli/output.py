"""Printing for the CLI: JSON for scripts."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

_UNESCAPED_CONTROLS = re.compile(r"[\x7f-\x9f]")
"""Controls that JSON leaves raw (C0 ones are always escaped): DEL and the C1 range."""


def print_json(value: Any) -> None:
    """Pretty JSON on standard output, non-ASCII kept readable; every control character is
    escaped, so values from imported files cannot drive a terminal showing it."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.write(_UNESCAPED_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")
