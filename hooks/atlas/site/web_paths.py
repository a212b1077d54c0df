"""A source file's path as it appears in a web address: the name checked safe, the path percent-encoded.

A file's name becomes part of its page's address and of its "Edit this page" link. Characters that end an HTML
attribute or a tag, or that a reader cannot see, have no place there: such a name is a problem, never published.
Every address built from a path is also percent-encoded here and attribute-escaped by the template that writes it.
"""

from __future__ import annotations

from urllib.parse import quote

UNSAFE_CHARACTERS = frozenset("\"'`<>\\")
"""Quotes, angle brackets and backslashes: they end an attribute or a tag, or mean another path on Windows."""
EXPECTED_NAME = "a name without quotes, angle brackets, backslashes or control characters, such as posture-guide.md"
"""What a message says a file name should be."""


def unsafe_name_problem(path: str) -> str | None:
    """Why a path (relative, with forward slashes) may not be part of a web address, or None when it may."""
    found = [char for char in dict.fromkeys(path) if char in UNSAFE_CHARACTERS or not char.isprintable()]
    if not found:
        return None
    shown = ", ".join(repr(char) for char in found)
    return f"the name holds {shown}, which a web address cannot carry safely; expected {EXPECTED_NAME}"


def url_path(path: str) -> str:
    """A path (relative, with forward slashes) percent-encoded for a web address: only letters, digits, / and -._~ stay."""
    return quote(path, safe="/")
