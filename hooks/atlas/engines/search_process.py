"""Material's search index, made in a second process while a one-off build writes its pages.

Material's search plugin parses each page's HTML into the index's entries as the page is written (on_page_context): at
1,000 exercises about 2.5 s of a 17 s build, in the engine's process, while the second processor is idle. SearchProcess
takes the place of the plugin's index (`replace_search_index`). It hands each page (its address and title, the
metadata the index reads, its table of contents and its HTML) to a second process, forked as the build starts, which
feeds it to an index of the plugin's own class and settings. Once the last page is written, that process makes the
search index's files from its entries as the engine's process makes them from the index the plugin writes
(index_search_files), and sends them back. The entries are made by Material's code from the same inputs, so the files
are the same, byte for byte.

The plugin still writes its index file, without entries, and the files sent back replace it (write_after_build). Only
an index of the shape Material's plugin has is replaced; any other search (MaterialX's providers) indexes in the
engine's process as before, and so does every build where there is no fork (Windows) or no process to be had. When the
second process fails, the build stops with one line saying why, and nothing is published."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from atlas.second_process import can_fork, fork_with_pipes, receive, send
from atlas.site.search_shards import index_search_files
from atlas.site.search_terms import PageTerms

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
class _Finish:
    """The last page is written: make the search files with these terms (and what `project`'s last build kept)."""

    terms: Mapping[str, PageTerms]
    project: Path | None


@dataclass(frozen=True)
class _Failed:
    """What the second process sends instead of the files when it fails."""

    reason: str


class SearchIndexFailed(RuntimeError):
    """The second process did not make the search files."""


def replace_search_index(plugins: Iterable[Any]) -> SearchProcess | None:
    """Put a SearchProcess in the place of the first search plugin's index that has Material's shape; None (nothing
    replaced) when no plugin has one or no second process can be had."""
    if not can_fork():
        return None
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
        self._to_child: BinaryIO | None
        self._from_child: BinaryIO | None
        self._pid, self._to_child, self._from_child = fork_with_pipes(partial(_index_pages, kind, config))

    @property
    def pid(self) -> int:
        """The second process's id while it runs, else 0."""
        return self._pid

    def add_entry_from_context(self, page: Any) -> None:
        """The plugin's call for each page written: hand the page to the second process."""
        if self._to_child is None:
            return
        try:
            send(self._to_child, pickle.dumps(searched_page(page), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # it stopped: why is said when the files are asked for
            self._close_to_child()

    def generate_search_index(self, prev: Any = None) -> str:
        """The plugin's index file: its settings and no entries (they are in the second process). `prev`, the index of a
        dirty rebuild before, never applies: serving indexes in the engine's process."""
        return str(self._kind(**self._config).generate_search_index(None))

    def search_files(self, terms_by_location: Mapping[str, PageTerms], project: Path | None) -> dict[str, bytes]:
        """Once every page is written: the search files (index_search_files) of every page's entries with these terms,
        made in the second process; SearchIndexFailed when it did not make them."""
        message = None
        with contextlib.suppress(OSError):  # it stopped: said below
            if self._to_child is not None:
                send(self._to_child, pickle.dumps(_Finish(dict(terms_by_location), project), protocol=pickle.HIGHEST_PROTOCOL))
            if self._from_child is not None:
                message = receive(self._from_child)
        status = self._stop()
        made = pickle.loads(message) if message is not None else None
        if isinstance(made, dict):
            return made
        reason = made.reason if isinstance(made, _Failed) else _ended(status)
        raise SearchIndexFailed(f"the search index was not made: its second process failed: {reason}")

    def close(self) -> None:
        """Stop the second process, if it still runs (the build failed), and wait for it."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        self._stop()

    def _close_to_child(self) -> None:
        if self._to_child is not None:
            with contextlib.suppress(OSError):  # what is left unsent to a process that stopped
                self._to_child.close()
            self._to_child = None

    def _stop(self) -> int:
        """Close the pipes and wait for the second process; its exit status (0 when it had already been waited for)."""
        self._close_to_child()
        if self._from_child is not None:
            self._from_child.close()
            self._from_child = None
        status = 0
        if self._pid:
            with contextlib.suppress(ChildProcessError):
                status = os.waitpid(self._pid, 0)[1]
            self._pid = 0
        return status


def _index_pages(kind: type, config: dict[str, Any], pages: BinaryIO, out: BinaryIO) -> None:
    """The second process's work: each page into an index of `kind`, then, when told, the search files."""
    # What it was forked with is never collected here: a collection would touch, and so copy, every object of the
    # engine's process.
    gc.freeze()
    try:
        index = kind(**config)
        while (message := receive(pages)) is not None:
            item = pickle.loads(message)
            if isinstance(item, _Finish):
                made: dict[str, bytes] | _Failed = index_search_files(index.generate_search_index(None), item.terms, item.project)
                break
            index.add_entry_from_context(item)
        else:  # the engine's process stopped writing pages: the build failed
            return
    except Exception as error:  # noqa: BLE001 - sent to the engine's process, which says it in one line
        made = _Failed(f"{type(error).__name__}: {error}")
    send(out, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))


def _ended(status: int) -> str:
    """How a process with this exit status ended, in words."""
    if os.WIFSIGNALED(status):
        return f"it was stopped by signal {os.WTERMSIG(status)} ({signal.strsignal(os.WTERMSIG(status))})"
    return f"it ended (status {os.waitstatus_to_exitcode(status)}) without sending the files"

