"""The JSON Schema files in schema/, written from the record model for editors (`upper-back-atlas schema`)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from atlas.records.schema_check import RecordKind

SCHEMA_DIR = Path(__file__).parents[1] / "schema"
"""Where the schema files live; records point at them with a `# yaml-language-server: $schema=` line."""
SCHEMAS: dict[str, type[BaseModel]] = {kind.value: kind.model for kind in RecordKind}
"""Each record kind's schema file name (<kind>.schema.json) and the model it is written from."""


class _EditorSchema(GenerateJsonSchema):
    """Optional fields are left out rather than written empty, so the schema offers no `null`."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])


def schema_text(kind: str) -> str:
    """The JSON Schema of a record kind, as the file holds it."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://upper-back-atlas.example/schema/{kind}.schema.json",
        **SCHEMAS[kind].model_json_schema(mode="validation", schema_generator=_EditorSchema),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def stale_schema_files(folder: Path = SCHEMA_DIR) -> list[str]:
    """The schema files that differ from the model (or are missing, or left over)."""
    wanted = {f"{kind}.schema.json": schema_text(kind) for kind in SCHEMAS}
    stale = [name for name, text in wanted.items() if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    stale += [path.name for path in folder.glob("*.schema.json") if path.name not in wanted]
    return sorted(stale)


def write_schema_files(folder: Path = SCHEMA_DIR) -> list[str]:
    """Write every schema file from the model and remove left-over ones; the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.glob("*.schema.json"):
        if path.name.removesuffix(".schema.json") not in SCHEMAS:
            path.unlink()
    for kind in SCHEMAS:
        (folder / f"{kind}.schema.json").write_text(schema_text(kind), encoding="utf-8")
    return [f"{kind}.schema.json" for kind in SCHEMAS]
