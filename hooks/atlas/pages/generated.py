"""What the generator hands to a site engine: generated pages and files."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
class PageToRender:
    """A generated page whose text is made when it is read: its address and source are known at once, and an engine
    holds its text only from when it reads it (the thousands of exercise pages of a large site are never all in memory
    at once). Each reading renders it again, from the same inputs to the same text."""

    src_uri: str
    """Its path as if it were in content/, such as exercises/face-pull.md."""
    source: str | None
    """The record it comes from, relative to the project root (for "Edit this page")."""
    render: Callable[[], str]
    """Makes its front matter and body."""

    @property
    def markdown(self) -> str:
        """Front matter and body, rendered now."""
        with collector_paused():
            return self.render()


AnyPage = GeneratedPage | PageToRender
"""A generated page, rendered already or when it is read."""


@contextmanager
def collector_paused() -> Iterator[None]:
    """Generating makes many short-lived objects and no cycles worth collecting: pausing Python's cycle collector
    meanwhile saves a tenth of the time (reference counting still frees everything as it goes)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class GeneratedFile:
    """A non-page file made by the generator, such as the JSON export."""

    src_uri: str
    """Its path in the built site."""
    content: bytes
    """Its bytes."""


@dataclass(frozen=True)
class FileToRender:
    """A generated file whose bytes are made when they are asked for: an engine needs a file's bytes only when it writes
    the file, after reading every page, so a large site's export and finder index (a tenth of its generation) are not
    waited for before the first page. Each asking makes them again, from the same inputs to the same bytes."""

    src_uri: str
    """Its path in the built site."""
    render: Callable[[], bytes]
    """Makes its bytes."""

    @property
    def content(self) -> bytes:
        """Its bytes, made now."""
        with collector_paused():
            return self.render()


AnyFile = GeneratedFile | FileToRender
"""A generated file, made already or when its bytes are asked for."""


def inert_json(data: object) -> str:
    """JSON whose bytes hold no markup characters, so it stays text even if pasted into HTML; strict JSON (a NaN or an
    infinity, which browsers' JSON.parse rejects, stops the build: the records' numbers are checked finite)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
