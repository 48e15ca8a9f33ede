"""Widgets shared by the plantui screens: safe text, record lists, detail panes, pickers."""
