"""Checks on record text that a schema cannot express: look-alike names, invisible characters, nesting depth."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from atlas.records.sourced_yaml import Key

MAX_DEPTH = 12
"""No record nests deeper than this; a deeper one is refused before anything walks it."""

_CONFUSABLES = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ɡ": "g",
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        "ı": "i",
        "ℓ": "l",
    }
)
"""Letters of other scripts that look like Latin ones (after case folding), mapped to the Latin letter."""
_ALLOWED_CONTROLS = {"\n", "\t"}
_LINE_BREAKS = str.maketrans("\n\t", "  ")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")


def name_key(text: str) -> str:
    """What two names must differ in to count as different: case, width, spacing and look-alike letters do not."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_CONFUSABLES)
    return " ".join(folded.split())


def hidden_characters(text: str) -> str | None:
    """Why a text is refused (a control, zero-width or direction character), or None."""
    if text.translate(_LINE_BREAKS).isprintable():
        return None  # the common case, decided in C: nothing but printable characters and spaces
    for position, char in enumerate(text, start=1):
        category = unicodedata.category(char)
        if (category == "Cc" and char not in _ALLOWED_CONTROLS) or category in ("Cf", "Co", "Cs"):
            name = unicodedata.name(char, "a control character")
            return f"has an invisible character ({name}, U+{ord(char):04X}) at character {position}; delete it"
    return None


def mixed_scripts(text: str) -> str | None:
    """Why a name is refused for mixing alphabets that look alike (a Cyrillic о among Latin letters), or None."""
    if text.isascii():
        return None
    scripts: dict[str, str] = {}
    for char in text:
        if char.isalpha():
            script = next((name for name in _SCRIPTS if unicodedata.name(char, "").startswith(name)), "OTHER")
            scripts.setdefault(script, char)
    if len(scripts) > 1 and "LATIN" in scripts:
        other = next(script for script in scripts if script != "LATIN")
        return (f"mixes Latin letters with {other.capitalize()} ones (such as {scripts[other]!r}), which look alike; "
                "type it again in one alphabet")
    return None


def strings_in(value: Any, key: Key = (), depth: int = 0) -> Iterator[tuple[Key, str]]:
    """Every text in a parsed record with its place (keys included), down to MAX_DEPTH levels."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield key + (name,), str(name)
            yield from strings_in(item, key + (name,), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, key + (index,), depth + 1)


def too_deep(places: Iterable[Key]) -> bool:
    """Whether a parsed record nests lists and mappings deeper than MAX_DEPTH (from the places of its values)."""
    return max(map(len, places), default=0) > MAX_DEPTH


_JSON_CONTROLS = ("\\u00", "\\r", "\\b", "\\f")
"""How JSON writes the control characters it escapes (a backslash written in the text looks the same: then
the slow check decides)."""


def may_hide_characters(value: Any) -> bool:
    """False when no text in a parsed record can hold a hidden character: decided in C over the record as JSON."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return not text.isprintable() or any(escape in text for escape in _JSON_CONTROLS)
