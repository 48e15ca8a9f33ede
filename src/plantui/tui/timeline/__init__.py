"""The Gantt timeline: the plan's year as bars under their asks (issue 5)."""

from plantui.tui.timeline.screen import TimelineScreen

__all__ = ["TimelineScreen"]
