"""Dialogs every screen uses: the record form, the delete confirmation and the record picker."""

from plantui.tui.forms.confirm import ConfirmDialog
from plantui.tui.forms.picker import PickRecord
from plantui.tui.forms.record_form import RecordForm

__all__ = ["ConfirmDialog", "PickRecord", "RecordForm"]
