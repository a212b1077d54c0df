"""Read a YAML file safely into plain values, remembering the line of every value."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from atlas.site.build_cache import PARSED_YAML
from atlas.problems import Problem, field_label

MAX_FILE_BYTES = 512 * 1024
"""Larger source files are refused: no real record or article comes near it."""

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:timestamp",
}

Key = tuple[str | int, ...]


@dataclass
class SourcedYaml:
    """A parsed YAML document and the line on which each of its values starts."""

    path: str
    """The file, relative to the project root."""
    value: Any
    """The document as plain Python values (dict, list, str, int, float, bool, None)."""
    lines: dict[Key, int] = field(default_factory=dict)
    """1-based line of each value, keyed by its path from the root."""

    def line_of(self, key: Key) -> int:
        """The line of the value at `key`, or of its nearest enclosing value."""
        while key not in self.lines and key:
            key = key[:-1]
        return self.lines.get(key, 1)


class _Unsupported(Exception):
    def __init__(self, line: int, field: str, message: str) -> None:
        self.line, self.field, self.message = line, field, message


def read_source_text(file: Path, label: str) -> tuple[str | None, list[Problem]]:
    """The text of a UTF-8 source file of reasonable size, or the problems that stop it being read."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, [Problem(label, 0, "file", f"cannot be read ({error.strerror})")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(label, 0, "file", f"is {len(raw):,} bytes; expected at most {MAX_FILE_BYTES:,}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(label, line, "encoding", f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")]
    return text.removeprefix("\ufeff"), []


def read_yaml(file: Path, label: str) -> tuple[SourcedYaml | None, list[Problem]]:
    """Parse `file` (shown as `label` in messages); return the document or the problems."""
    text, problems = read_source_text(file, label)
    if text is None:
        return None, problems
    return parse_yaml(text, label)


def parse_yaml(text: str, label: str, first_line: int = 1) -> tuple[SourcedYaml | None, list[Problem]]:
    """Parse YAML text that starts on line `first_line` of the file `label`; return the document or the problems."""
    kept = _kept_document(label, first_line, text)
    if kept is not None:
        return kept, []
    text = "\n" * (first_line - 1) + text  # so that every line YAML reports is a line of the file
    try:
        root = yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError as fast_error:
        return None, [_syntax_problem(label, text, fast_error)]
    except RecursionError:
        return None, [Problem(label, first_line, "yaml", "is nested too deeply; expected plain fields and lists")]
    if root is None:
        return None, [Problem(label, 0, "file", "is empty; expected a mapping of fields")]
    document = SourcedYaml(label, None)
    try:
        document.value = _plain(root, (), document.lines, set())
    except _Unsupported as error:
        return None, [Problem(label, error.line, error.field, error.message)]
    except RecursionError:
        return None, [Problem(label, first_line, "yaml", "is nested too deeply; expected plain fields and lists")]
    _keep_document(document, first_line, text)
    return document, []


def _kept_document(label: str, first_line: int, text: str) -> SourcedYaml | None:
    """The document parsed before from the same text (build_cache), if any."""
    if not PARSED_YAML.keeps:
        return None
    found = PARSED_YAML.get((str(first_line), text))
    if found is None:
        return None
    value, lines = json.loads(found)
    return SourcedYaml(label, value, {tuple(key): line for key, line in lines})


def _keep_document(document: SourcedYaml, first_line: int, text: str) -> None:
    """Keep a parsed document as JSON; one holding dates (which JSON has no type for) is parsed again next time."""
    if not PARSED_YAML.keeps:
        return
    try:
        kept = json.dumps([document.value, [[list(key), line] for key, line in document.lines.items()]], ensure_ascii=False)
    except TypeError:
        return
    PARSED_YAML.put((str(first_line), text), kept)


def _syntax_problem(label: str, text: str, fast_error: yaml.YAMLError) -> Problem:
    """Explain a syntax error; PyYAML's pure-Python parser words it better than LibYAML, so ask it again."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
        error = fast_error
    except yaml.YAMLError as slow_error:
        error = slow_error
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(label, 0, "yaml", f"{error}; expected valid YAML")
    mark = error.problem_mark or error.context_mark
    reason = error.problem or error.context or "invalid YAML"
    if error.context and error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
        reason += f" ({error.context} that starts on line {error.context_mark.line + 1})"
    return Problem(label, mark.line + 1 if mark else 0, "yaml", f"{reason}; expected valid YAML (spaces, not tabs, for indentation)")


def _plain(node: yaml.Node, key: Key, lines: dict[Key, int], seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise _Unsupported(line, field_label(key), "YAML anchors and aliases are not supported; write the value out")
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise _Unsupported(line, field_label(key), f"YAML tag {node.tag!r} is not allowed; expected plain values")
    lines[key] = line
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unsupported(key_node.start_mark.line + 1, field_label(key), "keys must be plain words")
            name = key_node.value
            if name == "<<":
                raise _Unsupported(key_node.start_mark.line + 1, field_label(key), "YAML merge keys (<<) are not supported")
            if name in mapping:
                raise _Unsupported(key_node.start_mark.line + 1, field_label(key + (name,)), "appears twice; expected each field once")
            mapping[name] = _plain(value_node, key + (name,), lines, seen)
            lines[key + (name,)] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, key + (index,), lines, seen) for index, item in enumerate(node.value)]
    return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)


_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""LibYAML's parser when PyYAML has it (several times faster); both give the same nodes and line marks."""
_SCALARS = yaml.SafeLoader("")
"""Turns resolved scalar nodes into values; used without its object cache."""
