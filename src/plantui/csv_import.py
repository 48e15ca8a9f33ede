"""``plantui import-csv``: plans often start as a spreadsheet.

Columns are matched to fields by name (any case; the ``*_name`` columns that the CSV export
writes are understood too). References name their record by id, ref_code or name. Every row
is checked before anything is written and every problem is reported with its line number;
then all rows go in one transaction through the write path, or none do.

A row whose ``id`` names a live record of the same type updates it (an empty cell clears the
field), so a CSV export can be edited in a spreadsheet and imported back; other rows are new.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from plantui.domain import TYPES, Field, InvalidValue, is_uuid, parse_text_value
from plantui.errors import PlanError
from plantui.event_time import read_times
from plantui.exchange.importer import keep_backup
from plantui.service import PlanService
from plantui.storage.models import PROJECTIONS, Ask, Link
from plantui.text import formula_unsafe, plain

IMPORTABLE = ("organisation", "event", "ask", "pledge", "action")

LINK_COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "ask": {
        "raised_by": ("raised_by", "organisation"),
        "directed_to": ("directed_to", "organisation"),
    },
    "pledge": {"responds_to": ("responds_to", "ask")},
    "action": {"partners": ("partner", "organisation"), "partner": ("partner", "organisation")},
}
"""Per type: column -> (link role, target type); the links go from the imported record."""

NAME_FIELDS = {
    "organisation": ("name", "short_name"),
    "event": ("title",),
    "ask": ("ref_code", "title"),
    "pledge": ("ref_code", "title"),
    "action": ("ref_code", "title"),
}
"""The fields by which a record may be named in a reference, besides its id."""

IGNORED = {"id", "deleted", "conflicts", "type"}
"""Columns the export writes that are not imported (``id`` still names rows for links)."""


class CsvRefused(PlanError):
    """The file was refused; ``problems`` holds one line-numbered sentence per problem."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(slots=True)
class _Row:
    line: int
    old_id: str
    values: dict[str, Any] = field(default_factory=dict)
    later: dict[str, int] = field(default_factory=dict)
    """Reference fields pointing at another row of this file: field -> row index."""
    links: list[tuple[str, Any]] = field(default_factory=list)
    """(role, target id or row index) to create once the row's record exists."""
    existing: str | None = None
    """The id of the live record this row updates (its ``id`` cell names one), else new."""
    present: set[str] = field(default_factory=set)
    """Fields the file has a column for: on an update, an empty cell clears the field."""
    link_roles: set[str] = field(default_factory=set)
    """Link roles the file has a column for: on an update, the column replaces the links."""


class _Lookup:
    """Names, ref codes and ids of the live records a file may refer to, plus its own rows."""

    def __init__(self, service: PlanService, own_type: str) -> None:
        self.own_type = own_type
        self.ids: dict[str, str] = {}
        self.keys: dict[tuple[str, str], set[str]] = {}
        with service.db.read() as session:
            for type_name, names in NAME_FIELDS.items():
                model = PROJECTIONS[type_name]
                columns = [model.id, *(getattr(model, n) for n in names)]
                for rid, *texts in session.execute(
                    select(*columns).where(model.deleted.is_(False))
                ):
                    self.ids[rid] = type_name
                    for text in texts:
                        if text and text.strip():
                            self.keys.setdefault((type_name, _norm(text)), set()).add(rid)
            ranks = session.execute(
                select(Ask.rank).where(Ask.rank.is_not(None)).order_by(Ask.rank.desc()).limit(1)
            ).scalar()
        self.last_rank: str | None = ranks
        self.rows_by_old_id: dict[str, int] = {}
        self.row_keys: dict[str, set[int]] = {}

    def add_row(self, index: int, old_id: str, values: dict[str, Any]) -> None:
        if old_id:
            self.rows_by_old_id[old_id.lower()] = index
        for name in NAME_FIELDS[self.own_type]:
            text = values.get(name)
            if isinstance(text, str) and text.strip():
                self.row_keys.setdefault(_norm(text), set()).add(index)

    def find(self, targets: tuple[str, ...], text: str) -> tuple[str | int | None, str]:
        """A record id (or the index of a row of this file) for what a cell says, or why not."""
        key = text.strip()
        if is_uuid(key.lower()) and self.ids.get(key.lower()) in targets:
            return key.lower(), ""
        own = self.own_type in targets
        if own and key.lower() in self.rows_by_old_id:
            return self.rows_by_old_id[key.lower()], ""
        found: set[str | int] = set()
        for type_name in targets:
            found |= self.keys.get((type_name, _norm(key)), set())
        if own:
            found |= self.row_keys.get(_norm(key), set())
        if len(found) == 1:
            return found.pop(), ""
        kinds = " or ".join(targets)
        if found:
            return None, f"{key!r} matches {len(found)} records; give its id instead"
        return None, f"there is no {kinds} called {key!r}"


def _read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line each starts on (a quoted cell may span lines)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            line = 1
            for row in reader:
                yield line, row
                line = reader.line_num + 1
    except FileNotFoundError:
        raise PlanError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise PlanError(f"{path} is a folder, not a CSV file.") from None
    except UnicodeDecodeError:
        raise PlanError(f"{path} is not UTF-8 text; save it as CSV UTF-8 and try again.") from None
    except csv.Error as exc:
        raise PlanError(f"{path} is not a CSV file that can be read ({exc}).") from None
    except OSError as exc:
        raise PlanError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def _columns(
    type_name: str, header: list[str], line: int, problems: list[str]
) -> dict[int, tuple[str, str]]:
    """Header cell index -> (what, name): ("field", f), ("name", f), ("link", col), ("id", "")."""
    rtype = TYPES[type_name]
    links = LINK_COLUMNS.get(type_name, {})
    out: dict[int, tuple[str, str]] = {}
    seen: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = "_".join(plain(raw).strip().lower().split())
        if not name:
            continue
        if name in seen:
            problems.append(f"line {line}: the column {name!r} appears twice.")
            continue
        seen[name] = index
        base = name.removesuffix("_name")
        if name in rtype.fields:
            out[index] = ("field", name)
        elif name.endswith("_name") and base in rtype.fields and rtype.fields[base].kind == "ref":
            out[index] = ("name", base)
        elif base in links:
            out[index] = ("link", base) if base == name else ("linkname", base)
        elif name == "id":
            out[index] = ("id", "")
        elif name in IGNORED or (
            name.endswith("_type") and name.removesuffix("_type") in rtype.fields
        ):
            continue
        else:
            known = ", ".join([*rtype.fields, *links])
            problems.append(
                f"line {line}: {type_name} has no field {raw.strip()!r} (fields: {known})."
            )
    given = {name for kind, name in out.values() if kind in ("field", "name")}
    for spec in rtype.fields.values():
        if spec.required and spec.name not in given:
            problems.append(
                f"line {line}: there is no {spec.name} column; every {type_name} needs one."
            )
    return out


def _parse_row(
    type_name: str,
    line: int,
    cells: dict[tuple[str, str], str],
    lookup: _Lookup,
    problems: list[str],
    zone: ZoneInfo,
) -> _Row:
    rtype = TYPES[type_name]
    row = _Row(line, cells.get(("id", ""), "").strip())
    for spec in rtype.fields.values():
        raw = _cell(cells.get(("field", spec.name), ""))
        if spec.kind == "ref":
            _parse_ref(spec, raw, _cell(cells.get(("name", spec.name), "")), row, lookup, problems)
            continue
        try:
            if spec.kind == "when":  # as people write them, in the plan's zone
                value = read_times(rtype, {spec.name: raw}, row.values, zone)[spec.name]
            else:
                value = parse_text_value(spec, raw)
        except InvalidValue as exc:
            problems.append(f"line {line}: {exc}.")
            continue
        if value is not None:
            row.values[spec.name] = value
        elif spec.required:
            problems.append(f"line {line}: the {spec.name} is empty; every {type_name} needs one.")
    for column, (role, target) in LINK_COLUMNS.get(type_name, {}).items():
        ids = _split(cells.get(("link", column), ""))
        names = _split(cells.get(("linkname", column), ""))
        for id_text, name_text in zip_longest(ids, names, fillvalue=""):
            found, why = _resolve(lookup, (target,), id_text, name_text)
            if found is None:
                problems.append(f"line {line}: {column}: {why}.")
            else:
                row.links.append((role, found))
    return row


def _cell(text: str) -> str:
    """What a cell says, without control characters or the export's formula guard."""
    return formula_unsafe(plain(text).strip())


def _split(text: str) -> list[str]:
    return [_cell(part) for part in plain(text).split(";") if part.strip()]


def _resolve(
    lookup: _Lookup, targets: tuple[str, ...], id_text: str, name_text: str
) -> tuple[str | int | None, str]:
    why = ""
    for text in (id_text, name_text):
        if text:
            found, why_not = lookup.find(targets, text)
            if found is not None:
                return found, ""
            why = why or why_not
    return None, why


def _parse_ref(
    spec: Field, id_text: str, name_text: str, row: _Row, lookup: _Lookup, problems: list[str]
) -> None:
    if not id_text and not name_text:
        if spec.required:
            problems.append(f"line {row.line}: the {spec.name} is empty; it is needed.")
        return
    targets = spec.targets or tuple(NAME_FIELDS)
    found, why = _resolve(lookup, targets, id_text, name_text)
    if found is None:
        problems.append(f"line {row.line}: {spec.name}: {why}.")
    elif isinstance(found, int):
        row.later[spec.name] = found
    else:
        row.values[spec.name] = found


def check_csv(service: PlanService, type_name: str, path: Path) -> list[_Row]:
    """Read and check the whole file; raise CsvRefused listing every problem found."""
    type_name = type_name.strip().lower()
    if type_name not in IMPORTABLE:
        raise PlanError(
            f"import-csv takes {', '.join(IMPORTABLE[:-1])} or {IMPORTABLE[-1]}, not {type_name!r}."
        )
    rows = [(line, cells) for line, cells in _read_rows(path) if any(c.strip() for c in cells)]
    if not rows:
        raise PlanError(f"{path} is empty: it needs a header row naming the columns.")
    problems: list[str] = []
    header_line, header = rows[0]
    columns = _columns(type_name, header, header_line, problems)
    if problems:
        raise CsvRefused(f"Imported nothing: the header row of {path} has problems.", problems)
    lookup = _Lookup(service, type_name)
    keyed = []
    for line, cells in rows[1:]:
        named = {columns[i]: cell for i, cell in enumerate(cells) if i in columns}
        keyed.append((line, named))
        values = {
            name: plain(text).strip() for (kind, name), text in named.items() if kind == "field"
        }
        lookup.add_row(len(keyed) - 1, named.get(("id", ""), "").strip(), values)
    zone = service.plan_zone()
    parsed = [_parse_row(type_name, line, cells, lookup, problems, zone) for line, cells in keyed]
    first_line: dict[str, int] = {}
    for row in parsed:
        key = row.old_id.lower()
        if is_uuid(key) and lookup.ids.get(key) == type_name:
            row.existing = key
        if key and key in first_line:
            problems.append(
                f"line {row.line}: the id {row.old_id} is also on line {first_line[key]}."
            )
        if key:
            first_line.setdefault(key, row.line)
    if not parsed:
        raise PlanError(f"{path} has a header row but no rows to import.")
    problems.sort(key=lambda p: int(p.split(":")[0].removeprefix("line ")))
    if problems:
        count = len({p.split(":")[0] for p in problems})
        raise CsvRefused(
            f"Imported nothing: {count} line(s) of {path} have problems; fix them and try again.",
            problems,
        )
    present = {name for kind, name in columns.values() if kind in ("field", "name")}
    roles = {
        LINK_COLUMNS[type_name][name][0]
        for kind, name in columns.values()
        if kind.startswith("link")
    }
    for row in parsed:
        row.present = present
        row.link_roles = roles
    return parsed


def import_csv(service: PlanService, type_name: str, path: Path, dry_run: bool = False) -> str:
    """Check the file, then create every row (and its links) in one transaction; a sentence."""
    rows = check_csv(service, type_name, path)
    type_name = type_name.strip().lower()
    plural = f"{len(rows)} {type_name}{'' if len(rows) == 1 else 's'}"
    if not service.db.plan_id:
        raise PlanError(
            "This database holds no plan yet: add one with `plantui add plan title=...` first."
        )
    updates = sum(1 for row in rows if row.existing)
    counts = f"{len(rows) - updates} new, {updates} updated" if updates else ""
    if dry_run:
        detail = f" ({counts})" if counts else ""
        return f"{path} is fine: {plural}{detail} would be imported (nothing written: --dry-run)."
    if type_name == "ask":
        _give_ranks([r for r in rows if not r.existing], _Lookup(service, "ask").last_rank)
    keep_backup(service.db)  # a bulk change: the plan as it was stays one restore away
    with service.transaction() as writer:
        ids: list[str] = []
        for row in rows:
            try:
                if row.existing:
                    values = {
                        name: row.values.get(name) for name in row.present if name not in row.later
                    }
                    writer.update(row.existing, values)
                    ids.append(row.existing)
                else:
                    ids.append(writer.create(type_name, row.values).record_id)
            except PlanError as exc:
                raise PlanError(f"Imported nothing: line {row.line}: {exc}") from None
        for row, record_id in zip(rows, ids, strict=True):
            try:
                if row.later:
                    writer.update(record_id, {k: ids[i] for k, i in row.later.items()})
                wanted = {
                    (role, ids[target] if isinstance(target, int) else target)
                    for role, target in row.links
                }
                if row.existing:
                    _drop_links(writer, record_id, row.link_roles, wanted)
                for role, to in sorted(wanted):
                    writer.create("link", {"role": role, "from": record_id, "to": to})
            except PlanError as exc:
                raise PlanError(f"Imported nothing: line {row.line}: {exc}") from None
    detail = f" ({counts})" if counts else ""
    return f"Imported {plural}{detail} from {path}."


def _drop_links(writer, record_id: str, roles: set[str], wanted: set[tuple[str, str]]) -> None:
    """On an update, links of a role the file lists that the file no longer names go."""
    if not roles:
        return
    for link_id, role, to in writer.session.execute(
        select(Link.id, Link.role, Link.to).where(
            Link.from_ == record_id, Link.role.in_(roles), Link.deleted.is_(False)
        )
    ).all():
        if (role, to) not in wanted:
            writer.delete(link_id)


def _give_ranks(rows: list[_Row], last: str | None) -> None:
    """Asks without a rank go after every ask already in the plan, in file order."""
    from fractional_indexing import generate_key_between

    for row in rows:
        if row.values.get("rank") is None:
            last = generate_key_between(last, None)
            row.values["rank"] = last
