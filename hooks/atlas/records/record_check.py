"""Validate parsed YAML with a record model, and word each of pydantic's errors as a `file:line: field: message` problem."""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Mapping
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from atlas.problems import Problem, field_label
from atlas.records.sourced_yaml import Key, SourcedYaml
from atlas.records.values import EXPECTED, describe, show

RecordT = TypeVar("RecordT", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping of fields",
    "mapping_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}
_DISCRIMINATOR_TAGS = {"text", "link"}
"""Names pydantic puts in an error's place for the branch of a union it tried; not fields of the record."""


def check_record(document: SourcedYaml, model: type[RecordT]) -> tuple[RecordT | None, list[Problem]]:
    """The record `document` holds, or every way it breaks the model, each with its line and field."""
    if not isinstance(document.value, dict):
        return None, [
            Problem(
                document.path,
                document.line_of(()),
                "(record)",
                f"is {describe(document.value)}; expected a mapping of fields (name: value)",
            )
        ]
    try:
        return model.model_validate(document.value), []
    except ValidationError as error:
        details = error.errors(include_url=False)
        inner = {tuple(detail["loc"][:end]) for detail in details for end in range(len(detail["loc"]))}
        # A list whose items (or anything inside them) failed also reports a wrong length (they are not counted): say
        # only what is wrong with the items.
        details = [detail for detail in details if not (detail["type"] in ("too_short", "too_long") and tuple(detail["loc"]) in inner)]
        return None, [_explain(detail, document, model) for detail in details]


def _key_of(location: tuple[str | int, ...]) -> tuple[Key, bool]:
    """The path of the value in the document, and whether the error is about a mapping key."""
    parts = [part for part in location if part not in _DISCRIMINATOR_TAGS or isinstance(part, int)]
    about_key = bool(parts) and parts[-1] == "[key]"
    return tuple(part for part in parts if part != "[key]"), about_key


def _explain(detail: Any, document: SourcedYaml, model: type[BaseModel]) -> Problem:
    key, about_key = _key_of(tuple(detail["loc"]))
    kind, value, context = detail["type"], detail.get("input"), detail.get("ctx") or {}
    line = document.line_of(key)
    label = field_label(key)
    if about_key:
        expected = EXPECTED.get(context.get("pattern", ""), "an id: lowercase words joined by hyphens")
        return Problem(document.path, line, label, f"{show(key[-1])} is not a valid key; expected {expected}")
    if kind == "missing":
        return Problem(document.path, document.line_of(key[:-1]), label, "is missing; it is required")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, key[:-1])
        hint = difflib.get_close_matches(str(key[-1]), allowed, n=1)
        advice = f"did you mean '{hint[0]}'? " if hint else ""
        return Problem(document.path, line, label, f"unknown field; {advice}expected one of {', '.join(allowed)}")
    return Problem(document.path, line, label, _message(kind, value, context, detail["msg"]))


def _message(kind: str, value: Any, context: dict[str, Any], fallback: str) -> str:
    if kind == "atlas_value":
        return fallback
    if kind in ("enum", "literal_error"):
        options = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return f"{show(value)} is not one of {', '.join(options)}"
    if kind in _TYPE_WORDS:
        return f"is {describe(value)}; expected {_TYPE_WORDS[kind]}"
    if kind == "string_pattern_mismatch":
        return f"{show(value)} is not valid; expected {EXPECTED.get(context['pattern'], 'text of the right form')}"
    if kind in ("string_too_short", "string_too_long"):
        bound = f"at least {context['min_length']}" if kind == "string_too_short" else f"at most {context['max_length']}"
        return f"is {len(value):,} characters long; expected {bound}"
    if kind in ("too_short", "too_long"):
        bound = f"at least {context['min_length']}" if kind == "too_short" else f"at most {context['max_length']}"
        counted = context.get("actual_length")
        return f"has {len(value) if counted is None else counted} entries; expected {bound}"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = f"at least {context['ge']}" if kind == "greater_than_equal" else f"at most {context['le']}"
        return f"{show(value)} is out of range; expected {bound}"
    return f"{show(value)} is not valid ({fallback})"


def _fields_at(model: type[BaseModel], key: Key) -> list[str]:
    """The field names of the record part at `key` (for "did you mean")."""
    current: Any = model
    for part in key:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        elif get_origin(current) in (tuple, list):
            current = get_args(current)[0]
        elif get_origin(current) in (dict, Mapping):
            current = get_args(current)[1]
        else:
            return []
    current = _unwrap(current)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _unwrap(annotation: Any) -> Any:
    """The type inside Annotated[...] and Optional[...]; for a union, its record branch."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [option for option in get_args(annotation) if option is not type(None)]
            records = [option for option in options if isinstance(_unwrap(option), type) and issubclass(_unwrap(option), BaseModel)]
            annotation = records[0] if records else options[0]
        else:
            return annotation
