"""Meetings: agendas and minutes rendered to print, and what meeting mode records (headless;
the reads behind them are plantui.queries.agenda and plantui.queries.minutes)."""
