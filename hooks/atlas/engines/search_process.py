"""Material's search index, made in a second process while a one-off build writes its pages.

Material's search plugin parses each page's HTML into the index's entries as the page is written (on_page_context): at
1,000 exercises about 2.5 s of a 17 s build, in the engine's process, while the second processor is idle. SearchProcess
takes the place of the plugin's index (`replace_search_index`). It hands each page (its address and title, the
metadata the index reads, its table of contents and its HTML) to a second process, started once the pages are converted, which
feeds it to an index of the plugin's own class and settings. Once the last page is written, that process sends the
index back, as the plugin would write it, and ends; the search index's files are made from it as from the file the
plugin writes (index_search_files). The entries are made by Material's code from the same inputs, so the files are the
same, byte for byte.

The plugin still writes its index file, without entries, and the files sent back replace it (write_after_build). Only
an index of the shape Material's plugin has is replaced; any other search (MaterialX's providers) indexes in the
engine's process as before, and so does `mkdocs serve` (a rebuild converts only the pages a save changed) and a build
where no process can be had. When the second process fails, the build stops with one line saying why, and nothing is
published."""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from atlas.second_process import flush_output, receive, send, widen
from atlas.site.search_shards import index_search_files
from atlas.site.search_terms import PageTerms

HOOKS = Path(__file__).parents[2]
"""The folder the `atlas` package is in, which the second process imports it from."""
_STARTS = "from atlas.engines.search_process import index_pages; index_pages()"
"""What the second process runs: a fresh interpreter imports only the search index's code (a forked one would share,
and then copy as either process writes, everything the engine's process holds)."""
INDEX_METHODS = ("add_entry_from_context", "generate_search_index")
"""What an index must have to be replaced: Material's plugin calls these two, and nothing else of it."""
META_READ = ("search", "tags", "title")
"""The page metadata Material's index reads (SearchIndex.add_entry_from_context and create_entry_for_section)."""


@dataclass(frozen=True)
class TocItem:
    """What Material's index reads of a table of contents entry (_find_toc_by_id)."""

    id: str | None
    url: str
    children: tuple[TocItem, ...]


@dataclass(frozen=True)
class SearchedPage:
    """What Material's index reads of a page."""

    url: str
    title: str | None
    meta: dict[str, Any]
    toc: tuple[TocItem, ...]
    content: str


@dataclass(frozen=True)
class _Start:
    """The index the second process makes: its class (module:name) and settings."""

    kind: str
    config: dict[str, Any]


@dataclass(frozen=True)
class _Finish:
    """The last page is written: send the index (its JSON, as the plugin writes it), and end."""


@dataclass(frozen=True)
class _Failed:
    """What the second process sends instead of the index when it fails."""

    reason: str


class SearchIndexFailed(RuntimeError):
    """The second process did not send the index back."""


def replace_search_index(plugins: Iterable[Any]) -> SearchProcess | None:
    """Put a SearchProcess in the place of the first search plugin's index that has Material's shape; None (nothing
    replaced) when no plugin has one or no second process can be had."""
    for plugin in plugins:
        index = getattr(plugin, "search_index", None)
        config = getattr(index, "config", None)
        if all(callable(getattr(index, method, None)) for method in INDEX_METHODS) and isinstance(config, dict):
            try:
                process = SearchProcess(type(index), config)
            except OSError:  # no pipe or process to be had (a limit reached): the plugin indexes as before
                return None
            plugin.search_index = process
            return process
    return None


def searched_page(page: Any) -> SearchedPage:
    """What Material's index reads of an engine's page."""
    return SearchedPage(page.url, page.title, {key: page.meta[key] for key in META_READ if key in page.meta},
                        _toc(page.toc), page.content)


def _toc(items: Iterable[Any]) -> tuple[TocItem, ...]:
    return tuple(TocItem(item.id, item.url, _toc(item.children)) for item in items)


class SearchProcess:
    """An index in the place of a search plugin's: each page goes to a second process (see the module's description)."""

    def __init__(self, kind: type, config: dict[str, Any]) -> None:
        self._kind, self._config = kind, config
        environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(HOOKS), os.environ.get("PYTHONPATH")])))
        flush_output()
        self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-c", _STARTS], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=environment)
        self._to_child, self._from_child = self._process.stdin, self._process.stdout
        widen(self._process.stdin)
        self._send(_Start(f"{kind.__module__}:{kind.__qualname__}", config))

    @property
    def pid(self) -> int:
        """The second process's id while it runs, else 0."""
        return self._process.pid if self._process is not None else 0

    def add_entry_from_context(self, page: Any) -> None:
        """The plugin's call for each page written: hand the page to the second process."""
        self._send(searched_page(page))

    def generate_search_index(self, prev: Any = None) -> str:
        """The plugin's index file: its settings and no entries (they are in the second process). `prev`, the index of a
        dirty rebuild before, never applies: serving indexes in the engine's process."""
        return str(self._kind(**self._config).generate_search_index(None))

    def search_files(self, terms_by_location: Mapping[str, PageTerms], project: Path | None) -> dict[str, bytes]:
        """Once every page is written: the search files (index_search_files) of the index the second process made, with
        these terms; SearchIndexFailed when it did not send it. The files are made here, once it has ended: its memory
        is let go before theirs is taken, and this process only waits meanwhile."""
        self._send(_Finish())
        message = None
        if self._from_child is not None:
            with contextlib.suppress(OSError):  # it stopped: said below
                message = receive(self._from_child)
        status = self._stop()
        made = pickle.loads(message) if message is not None else None
        if isinstance(made, str):
            return index_search_files(made, terms_by_location, project)
        reason = made.reason if isinstance(made, _Failed) else _ended(status)
        raise SearchIndexFailed(f"the search index was not made: its second process failed: {reason}")

    def close(self) -> None:
        """Stop the second process, if it still runs (the build failed), and wait for it."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
        self._stop()

    def _send(self, item: object) -> None:
        if self._to_child is None:
            return
        try:
            send(self._to_child, pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # it stopped: why is said when the index is asked for
            with contextlib.suppress(OSError):  # what is left unsent to a process that stopped
                self._to_child.close()
            self._to_child = None

    def _stop(self) -> int | None:
        """Close the pipes and wait for the second process; its exit status (None when it had already been waited for)."""
        for stream in (self._to_child, self._from_child):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._to_child = self._from_child = None
        if self._process is None:
            return None
        status, self._process = self._process.wait(), None
        return status


def index_pages() -> None:
    """The second process's work: each page it is sent into an index of the class and settings it is sent first, then,
    when told, the index's JSON. What it sends goes to a copy of its output, which it points at its error output (where
    nothing it imports may print into the messages)."""
    pages, out = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    try:
        start = receive(pages)
        if start is None:
            return
        begun = pickle.loads(start)
        module, _, name = begun.kind.partition(":")
        index = getattr(importlib.import_module(module), name)(**begun.config)
        while (message := receive(pages)) is not None:
            item = pickle.loads(message)
            if isinstance(item, _Finish):
                made: str | _Failed = str(index.generate_search_index(None))
                break
            index.add_entry_from_context(item)
        else:  # the engine's process stopped writing pages: the build failed
            return
    except Exception as error:  # noqa: BLE001 - sent to the engine's process, which says it in one line
        made = _Failed(f"{type(error).__name__}: {error}")
    send(out, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))


def _ended(status: int | None) -> str:
    """How a process that ended with this status (a negative one: stopped by that signal) ended, in words."""
    if status is None:
        return "it stopped"
    if status < 0:
        return f"it was stopped by signal {-status} ({signal.strsignal(-status)})"
    return f"it ended (status {status}) without sending the index"

