"""Modal dialogs and panes the screens open: forms aside (``tui.forms``)."""
