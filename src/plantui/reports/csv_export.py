"""One CSV file per record type, for spreadsheets, that ``plantui import-csv`` reads back.

Each reference column is followed by a ``<field>_name`` column with the name people know the
record by; asks, pledges and actions also carry their links (``raised_by``, ``responds_to``,
``partners``) as ids and names, separated by "; ". Files are UTF-8 with a byte order mark,
so spreadsheet programs open them directly with the right characters.
"""

from __future__ import annotations

import csv
import io
from functools import partial
from pathlib import Path
from typing import Any

from plantui.domain import TYPES, Field
from plantui.files import write_private
from plantui.queries.live_records import LiveRecords
from plantui.text import formula_safe, show_value

ENCODING = "utf-8-sig"
SEPARATOR = "; "

LINK_COLUMNS: dict[str, dict[str, str]] = {
    "ask": {"raised_by": "raised_by", "directed_to": "directed_to"},
    "pledge": {"responds_to": "responds_to"},
    "action": {"partners": "partner"},
}
"""Per record type: CSV column -> link role whose targets it lists (the record is ``from``)."""

ORDER = ("plan", "organisation", "event", "ask", "pledge", "action", "dependency", "link", "note")


def cell(value: Any) -> str:
    """A value as a spreadsheet cell that import-csv parses back to the same value.

    Text that a spreadsheet would run as a formula gets a leading ``'`` (OWASP); import-csv
    takes it off again. Numbers, dates and the other typed values are written as they are:
    ``-3`` in a number column is checked to be a number, not a formula.
    """
    text = show_value(value)
    return formula_safe(text) if isinstance(value, str) else text


def exported_fields(type_name: str, include_contacts: bool) -> list[Field]:
    """The fields a CSV of this type carries: personal ones only when asked for."""
    return [f for f in TYPES[type_name].fields.values() if include_contacts or not f.personal]


def columns(type_name: str, include_contacts: bool) -> list[str]:
    """The header row of the CSV for a record type."""
    out = ["id"]
    for spec in exported_fields(type_name, include_contacts):
        out.append(spec.name)
        if spec.kind == "ref":
            if not spec.targets or type_name == "link":
                out.append(f"{spec.name}_type")
            out.append(f"{spec.name}_name")
    for column in LINK_COLUMNS.get(type_name, {}):
        out += [column, f"{column}_name"]
    return out


def _leave_out_people(records: dict[str, tuple[str, dict[str, Any]]], named: bool) -> None:
    """Drop people (and links to them, and notes' authors) unless ``named`` and consented.

    With ``--include-contacts`` only people whose consent is ``named_in_reports`` stay.
    """
    hidden = {
        rid
        for rid, (t, values) in records.items()
        if t == "person" and not (named and values.get("consent") == "named_in_reports")
    }
    if not hidden:
        return
    for rid, (t, values) in list(records.items()):
        if rid in hidden or (t == "link" and {values.get("from"), values.get("to")} & hidden):
            del records[rid]
        elif t == "note" and values.get("author_person") in hidden:
            values["author_person"] = None


def _name(records: dict[str, tuple[str, dict[str, Any]]], record_id: Any) -> str:
    if not isinstance(record_id, str) or record_id not in records:
        return ""
    type_name, values = records[record_id]
    rtype = TYPES.get(type_name)
    label = values.get(rtype.label_field if rtype else "title")
    return cell(label if label is not None else record_id)


def _row_key(type_name: str, ask_rank: dict[str, int], row: tuple[str, dict[str, Any]]):
    return _sort_key(type_name, row[1], row[0], ask_rank)


def _sort_key(type_name: str, values: dict[str, Any], rid: str, ask_rank: dict[str, int]):
    if type_name == "ask":
        return (ask_rank.get(rid, 0), "", rid)
    if type_name == "event":
        return (0, str(values.get("starts_at") or ""), rid)
    if type_name == "action":
        return (0, str(values.get("start") or "9999"), rid)
    if type_name == "note":
        return (0, str(values.get("date") or ""), rid)
    rtype = TYPES[type_name]
    return (0, str(values.get(rtype.label_field) or "").lower(), rid)


def export_csv(live: LiveRecords, folder: Path, include_contacts: bool = False) -> list[Path]:
    """Write one CSV per record type into ``folder``; returns the files written."""
    records, ask_order = dict(live.records), live.ask_order
    _leave_out_people(records, include_contacts)
    ask_rank = {rid: i for i, rid in enumerate(ask_order)}
    links: dict[tuple[str, str], list[str]] = {}
    for _rid, (type_name, values) in records.items():
        if type_name == "link":
            links.setdefault((values.get("role") or "", values.get("from") or ""), []).append(
                values.get("to") or ""
            )
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for type_name in (*ORDER, "person") if include_contacts else ORDER:
        rows = sorted(
            ((rid, values) for rid, (t, values) in records.items() if t == type_name),
            key=partial(_row_key, type_name, ask_rank),
        )
        path = folder / f"{type_name}.csv"
        handle = io.StringIO(newline="")
        writer = csv.writer(handle)
        writer.writerow(columns(type_name, include_contacts))
        for rid, values in rows:
            writer.writerow(_row(type_name, rid, values, records, links, include_contacts))
        write_private(path, handle.getvalue().encode(ENCODING))
        written.append(path)
    return written


def _row(
    type_name: str,
    rid: str,
    values: dict[str, Any],
    records: dict[str, tuple[str, dict[str, Any]]],
    links: dict[tuple[str, str], list[str]],
    include_contacts: bool,
) -> list[str]:
    row = [rid]
    for spec in exported_fields(type_name, include_contacts):
        value = values.get(spec.name)
        row.append(cell(value))
        if spec.kind == "ref":
            if not spec.targets or type_name == "link":
                row.append(cell(records[value][0]) if value in records else "")
            row.append(_name(records, value))
    for role in LINK_COLUMNS.get(type_name, {}).values():
        targets = sorted(
            (t for t in links.get((role, rid), []) if t in records),
            key=lambda t: _name(records, t).lower(),
        )
        row.append(SEPARATOR.join(targets))
        row.append(SEPARATOR.join(_name(records, t) for t in targets))
    return row
