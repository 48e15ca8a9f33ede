"""File exchange (docs/exchange-format.md): export, import with merge, and the shared-folder
sync."""

from __future__ import annotations

from plantui.exchange.exporter import export_file
from plantui.exchange.folder import SyncResult, sync_folder
from plantui.exchange.importer import ImportSummary, import_files

__all__ = ["ImportSummary", "SyncResult", "export_file", "import_files", "sync_folder"]
