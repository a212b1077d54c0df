"""Turn record text into inert Markdown: whatever a record says, it renders as the same text and nothing else."""

from __future__ import annotations

import html
import json
from datetime import date
from typing import Any

from markupsafe import Markup

_ESCAPES = str.maketrans(
    {char: "\\" + char for char in "\\`*_{}[]()#+-.!|"}
    | {char: html.escape(char, quote=True) for char in "<>&\""}
    | {char: f"&#{ord(char)};" for char in ":~^="}
)
"""Markdown syntax gets a backslash; HTML characters become entities; characters that only some
extensions treat as syntax (emoji, strike, caret, mark) become numeric entities."""


def one_line(text: str) -> str:
    """Every run of whitespace (line breaks included) as one space, none at the ends."""
    return " ".join(text.split())


def markdown_text(value: Any) -> Markup:
    """Plain text as Markdown that renders as exactly that text, on one line."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(one_line(str(value)).translate(_ESCAPES))


def front_matter_text(value: Any) -> Markup:
    """A string for YAML front matter that MkDocs and the theme treat as HTML text (escaped once)."""
    return Markup(json.dumps(html.escape(one_line(str(value)), quote=True), ensure_ascii=False))


def front_matter_data(value: Any) -> Markup:
    """Ready-made data for templates, as one line of JSON (valid YAML); text inside is HTML-escaped."""
    return Markup(json.dumps(html_data(value), ensure_ascii=False, sort_keys=True, allow_nan=False))


def html_data(value: Any) -> Any:
    """Data for HTML templates (which do not autoescape): every string inside HTML-escaped, keys too; Markup stays as it is."""
    if isinstance(value, Markup):  # already safe HTML (a figure's inline SVG)
        return str(value)
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, dict):
        return {html_data(key): html_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [html_data(item) for item in value]
    return value


def front_matter_raw(value: Any) -> Markup:
    """Data kept as written, as one line of JSON; templates may only output it through `tojson`. A date (YAML
    reads 2026-12-06 as one) is written as that text."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True, default=_iso_date, allow_nan=False))


def _iso_date(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON data")
