"""How tests/golden/v1-small.plantui.json was made (run once; the file is frozen).

Do not regenerate it for a new version: its point is that every future plantui still
imports exactly this file, made by plantui 0.1.0.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.exchange.helpers import make_replica, rehash  # noqa: E402


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    a = make_replica(tmp, "a", start_ms=1_733_000_000_000)
    b = make_replica(tmp, "b", start_ms=1_733_000_000_000)
    s = a.service
    s.create(
        "plan",
        {
            "title": "Golden plan",
            "area": "Southwark",
            "period_start": "2024-12-01",
            "period_end": "2025-11-30",
            "status": "active",
        },
    )
    org = s.create("organisation", {"name": "Peckham Forum", "sector": "community"}).record_id
    council = s.create(
        "organisation", {"name": "Southwark Council", "sector": "local_authority"}
    ).record_id
    event = s.create(
        "event", {"title": "Workshop", "kind": "workshop", "starts_at": "2024-07-18T14:00:00+01:00"}
    ).record_id
    ask = s.create(
        "ask",
        {
            "ref_code": "A1",
            "title": "Close [/] gap",
            "rank": "a0",
            "raised_at": event,
            "status": "agreed",
        },
    ).record_id
    pledge = s.create(
        "pledge", {"title": "Clinics", "made_by": council, "due": "2025-06-30"}
    ).record_id
    s.create("link", {"role": "responds_to", "from": pledge, "to": ask})
    s.create("link", {"role": "raised_by", "from": ask, "to": org})
    act1 = s.create(
        "action",
        {
            "title": "Plan clinics",
            "ask": ask,
            "pledge": pledge,
            "community_owner": org,
            "public_owner": council,
            "start": "2025-01-06",
            "end": "2025-02-28",
            "progress": 50,
            "rag": "amber",
            "status": "on_track",
        },
    ).record_id
    act2 = s.create(
        "action",
        {
            "title": "Clinics open",
            "ask": ask,
            "milestone": True,
            "start": "2025-03-03",
            "end": "2025-03-03",
            "deliverable": "4 clinics",
        },
    ).record_id
    s.create("dependency", {"from": act1, "to": act2, "kind": "FS", "lag_days": 2})
    s.create(
        "note",
        {
            "about": act1,
            "date": "2025-01-20",
            "headline": "Venues found",
            "rag": "green",
            "author": "JB",
        },
    )
    b.receive(a.export())
    a.clock.advance(60_000)
    b.clock.advance(120_000)
    s.update(ask, {"title": "Close the [draft] gap"})
    b.service.update(ask, {"title": "Close the gap, B's words"})
    s.delete(org)
    b.service.update(org, {"short_name": "PF"})
    s.delete(act2)
    a.receive(b.export())
    doc = json.loads(a.export().read_text())
    replica, clock = next(iter(doc["state_vv"].items()))
    at = f"{clock}@{replica}"
    first = next(r for r in doc["records"] if r["id"] == act1)
    first["fields"]["budget_pence"] = [{"v": 125000, "at": at}]
    first["vv"][replica] = max(first["vv"].get(replica, ""), clock)
    doc["records"].append(
        {
            "type": "risk",
            "id": "01938c5e-0000-7000-8000-00000000beef",
            "vv": {replica: clock},
            "fields": {
                "title": [{"v": "Venue closes", "at": at}],
                "_deleted": [{"v": False, "at": at}],
            },
        }
    )
    doc["records"].sort(key=lambda r: r["id"])
    out = Path(__file__).with_name("v1-small.plantui.json")
    out.write_text(json.dumps(rehash(doc), indent=1, ensure_ascii=False) + "\n")
    print(out, len(doc["records"]), "records;", "ask", ask, "org", org, "act1", act1, "act2", act2)


if __name__ == "__main__":
    main()
