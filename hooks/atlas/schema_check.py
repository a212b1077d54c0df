"""Check parsed records against the JSON Schemas in schema/, the one statement of what a record may hold."""

from __future__ import annotations

import difflib
import json
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import fastjsonschema

from .problems import Problem, field_label

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
from .sourced_yaml import SourcedYaml

SCHEMA_DIR = Path(__file__).parent / "schema"


class RecordKind(Enum):
    """The kinds of source file that have a schema."""

    EXERCISE = "exercise"
    ROUTINE = "routine"
    TAXONOMY = "taxonomy"
    ARTICLE = "article"

    @property
    def schema_file(self) -> Path:
        return SCHEMA_DIR / f"{self.value}.schema.json"


@cache
def schema_of(kind: RecordKind) -> dict[str, Any]:
    """The schema of a kind of record, with every $ref (also to the other schema files) written out in place."""
    files = {other.schema_file.name: json.loads(other.schema_file.read_text(encoding="utf-8")) for other in RecordKind}
    schema = files[kind.schema_file.name]

    def inline(node: Any, home: dict[str, Any]) -> Any:
        if isinstance(node, list):
            return [inline(item, home) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            file_name, _, pointer = node["$ref"].partition("#")
            target_file = files[file_name] if file_name else home
            target = target_file
            for step in pointer.strip("/").split("/"):
                target = target[step]
            resolved = inline(target, target_file)
            rest = {key: inline(value, home) for key, value in node.items() if key != "$ref"}
            return {"allOf": [resolved], **rest} if rest else resolved
        return {key: inline(value, home) for key, value in node.items() if key != "$defs"}

    return inline(schema, schema)


@cache
def _validator(kind: RecordKind) -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # imported only when a record is invalid: it costs 60 ms at start-up

    return Draft202012Validator(schema_of(kind))


@cache
def _quick_check(kind: RecordKind) -> Callable[[Any], Any]:
    """A compiled validity test, about 40 times faster; only when it fails do we ask for every error."""
    return fastjsonschema.compile({**schema_of(kind), "$schema": "http://json-schema.org/draft-07/schema#"})


def check_against_schema(document: SourcedYaml, kind: RecordKind) -> list[Problem]:
    """Every way `document` breaks its schema, each with its line and field."""
    if not isinstance(document.value, dict):
        return [Problem(document.path, document.line_of(()), "(record)", f"is {_describe(document.value)}; expected a mapping of fields (name: value)")]
    try:
        _quick_check(kind)(document.value)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems = []
    for error in _validator(kind).iter_errors(document.value):
        problems.extend(_explain(error, document))
    return problems


def _explain(error: ValidationError, document: SourcedYaml) -> list[Problem]:
    key = tuple(error.absolute_path)
    line = document.line_of(key)
    label = field_label(key)
    schema = error.schema if isinstance(error.schema, dict) else {}
    expected = schema.get("x-expected")
    validator = error.validator
    if validator == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        problems = []
        for name in sorted(set(error.instance) - set(allowed)):
            hint = difflib.get_close_matches(name, allowed, n=1)
            advice = f"did you mean '{hint[0]}'? " if hint else ""
            problems.append(Problem(document.path, document.line_of(key + (name,)), field_label(key + (name,)),
                                    f"unknown field; {advice}expected one of {', '.join(allowed)}"))
        return problems
    if validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return [Problem(document.path, line, field_label(key + (name,)), "is missing; it is required") for name in missing]
    if validator == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return [Problem(document.path, line, label, f"{_show(error.instance)} is not one of {options}")]
    if validator == "type":
        wanted = expected or _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        return [Problem(document.path, line, label, f"is {_describe(error.instance)}; expected {wanted}")]
    if validator == "propertyNames":
        return [Problem(document.path, line, label, f"{_show(error.instance)} is not a valid id; expected lowercase words joined by hyphens")]
    if validator in ("minItems", "maxItems", "minProperties"):
        bound = error.validator_value
        wanted = f"at least {bound}" if validator.startswith("min") else f"at most {bound}"
        return [Problem(document.path, line, label, f"has {len(error.instance)} entries; expected {wanted}")]
    if validator in ("minimum", "maximum"):
        wanted = f"at least {error.validator_value}" if validator == "minimum" else f"at most {error.validator_value}"
        return [Problem(document.path, line, label, f"{_show(error.instance)} is out of range; expected {wanted}")]
    if validator in ("minLength", "maxLength"):
        wanted = f"at least {error.validator_value}" if validator == "minLength" else f"at most {error.validator_value}"
        return [Problem(document.path, line, label, f"is {len(error.instance):,} characters long; expected {wanted}")]
    if validator == "uniqueItems":
        return [Problem(document.path, line, label, "lists an entry twice; expected each entry once")]
    if expected:
        return [Problem(document.path, line, label, f"{_show(error.instance)} is not valid; expected {expected}")]
    return [Problem(document.path, line, label, f"{_show(error.instance)} is not valid ({error.message})")]


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= 60 else text[:57] + "..."
