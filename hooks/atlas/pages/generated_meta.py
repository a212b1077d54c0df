"""Read back the front matter of a generated page without a YAML parser.

The generator writes each front matter value as JSON on a line of its own (templates/_front_matter.md.j2),
and JSON is YAML, so `json.loads` line by line gives what a YAML parser would, in a fraction of the time.
An engine that is handed the data this way need not parse the page's front matter again: the hooks give
MkDocs the body and the data, and its pages come out as from the full text (the tests compare the two for
every generated page).
"""

from __future__ import annotations

import json
from typing import Any

FENCE = "---"


def split_generated(markdown: str) -> tuple[dict[str, Any], str] | None:
    """The front matter data and the body of a generated page, or None for a text not in the generator's form."""
    head, fence, body = markdown.partition(f"\n{FENCE}\n")
    if not fence or not head.startswith(f"{FENCE}\n") or "\r" in markdown:
        return None
    data: dict[str, Any] = {}
    for line in head.removeprefix(f"{FENCE}\n").split("\n"):
        key, colon, value = line.partition(": ")
        if not colon or not key.isidentifier() or key in data:
            return None
        try:
            data[key] = json.loads(value)
        except ValueError:
            return None
    return data, body.lstrip("\n")
