"""Meetings: the agenda before an event, and the minutes after it. Headless (no Textual)."""
