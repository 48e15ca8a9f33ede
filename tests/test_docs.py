"""The documents in docs/ stay in step with the code: `plantui schema` and the links."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plantui.exchange.model import json_schema

ROOT = Path(__file__).resolve().parents[1]
EXCHANGE_MD = ROOT / "docs" / "exchange-format.md"


def schema_names() -> set[str]:
    """Every property name of the exchange file's JSON Schema, envelope and definitions."""
    schema = json_schema()
    names = set(schema["properties"])
    for definition in schema["$defs"].values():
        names |= set(definition.get("properties", {}))
    return names


def test_every_name_in_the_schema_is_explained_in_the_exchange_document():
    text = EXCHANGE_MD.read_text(encoding="utf-8")
    missing = {
        name for name in schema_names() if f'"{name}"' not in text and f"`{name}`" not in text
    }
    assert missing == set()


def test_the_documents_example_file_has_the_schemas_envelope():
    text = EXCHANGE_MD.read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.S)[1])
    schema = json_schema()
    assert set(schema["required"]) <= set(example) <= set(schema["properties"])
    record = example["records"][0]
    assert set(record) == set(schema["$defs"]["ExchangeRecord"]["required"])


@pytest.mark.parametrize(
    "document", ["README.md", *(str(p.relative_to(ROOT)) for p in sorted(ROOT.glob("docs/*.md")))]
)
def test_links_between_the_documents_lead_somewhere(document):
    path = ROOT / document
    targets = re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", path.read_text(encoding="utf-8"))
    assert all((path.parent / target).is_file() for target in targets)
    assert "shared/design" not in path.read_text(encoding="utf-8")
