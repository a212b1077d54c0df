"""What the generator hands to a site engine: generated pages and files."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    """A Markdown page made by the generator."""

    src_uri: str
    """Its path as if it were in content/, such as exercises/face-pull.md."""
    markdown: str
    """Front matter and body."""
    source: str | None = None
    """The record it comes from, relative to the project root (for "Edit this page")."""


@dataclass(frozen=True)
class GeneratedFile:
    """A non-page file made by the generator, such as the JSON export."""

    src_uri: str
    """Its path in the built site."""
    content: bytes
    """Its bytes."""


def inert_json(data: object) -> str:
    """JSON whose bytes hold no markup characters, so it stays text even if pasted into HTML; strict JSON (a NaN or an
    infinity, which browsers' JSON.parse rejects, stops the build: the records' numbers are checked finite)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
