"""The timeline's characters: bar fills by status and the marks, shared by chart and legend."""

from __future__ import annotations

FILL = {
    "not_started": "░",
    "on_track": "█",
    "at_risk": "▓",
    "off_track": "▒",
    "done": "═",
    "cancelled": "╌",
}
"""Bar pattern by status, so status reads without colour."""
STATUS_WORDS = {
    "not_started": "not started",
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
    "done": "done",
    "cancelled": "cancelled",
}
MILESTONE = "◆"
GHOST_MILESTONE = "◇"
GHOST = "┄"
TODAY = "│"
EVENT = "┊"
GRID = "·"
LATE = "!"
