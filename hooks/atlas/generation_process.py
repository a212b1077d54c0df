"""The generator in a second process, for a one-off build: the engine's process never holds the records, and pages are
rendered in the order the engine reads them while it converts the pages before.

The second process is forked: it starts with everything imported, runs `generate_site`, sends the engine what it needs
before reading pages (EngineSite, each page without its text, each file without its bytes), then renders the pages in
the order the engine says it reads them into a spool (an unnamed temporary file), saying each page's length as it is
written, and then the files (an engine needs their bytes only after reading every page). An engine converts a
page into HTML more slowly than a page is rendered, so the text is usually ready when asked for, a build uses a second
processor, and the second process ends (letting go of the records) long before the engine has read the last page; the
engine's process holds a page's text only from when it reads it.

Nothing built depends on the second process: it runs the same code on the same inputs. When it fails, or stops, or a
page is asked for that it was not asked to send, this process generates the site itself (the problems of a failed
build are found and said here, exactly as without a second process)."""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import IO, BinaryIO

from atlas.generation import EngineSite, generate_site
from atlas.layout import ProjectLayout
from atlas.pages.generated import AnyFile, AnyPage, FileToRender, PageToRender
from atlas.second_process import STOPPED, fork_with_pipes, receive, receive_length, send, send_length

class GenerationProcess:
    """The site generated in a second process (see the module's description)."""

    def __init__(self, layout: ProjectLayout) -> None:
        self._layout = layout
        self._uris: list[str] = []
        """The pages and files the second process sends, in order."""
        self._file_uris: list[str] = []
        """The files it sends after the pages, in order."""
        self._position: dict[str, int] = {}
        self._next = 0
        """Position in _uris of the next page it sends."""
        self._spool: IO[bytes] | None = None
        """The pages' text, one after another, as the second process wrote them."""
        self._written = 0
        """Bytes of the spool said written so far."""
        self._received: dict[str, tuple[int, int]] = {}
        """Where in the spool the pages and files written before the engine asked for them are (start, length)."""
        self._here: dict[str, Callable[[], bytes]] | None = None
        """The pages and files generated in this process, when the second one did not send them."""
        self._pid = 0
        self._took_over = False
        self._from_child: BinaryIO | None = None
        self._to_child: BinaryIO | None = None
        self.site = self._start()

    @property
    def pid(self) -> int:
        """The second process's id while it runs, else 0."""
        return self._pid

    @property
    def took_over(self) -> bool:
        """Whether this process generated the site itself because the second one failed or stopped."""
        return self._took_over

    def read_in_order(self, uris: Sequence[str]) -> None:
        """Tell the second process the order in which the engine reads the generated pages; it sends them so, then the
        files."""
        if self._to_child is None:
            return
        self._uris = [*uris, *self._file_uris]
        self._position = {uri: position for position, uri in enumerate(self._uris)}
        try:
            send(self._to_child, pickle.dumps(list(uris), protocol=pickle.HIGHEST_PROTOCOL))
            self._to_child.close()
        except OSError:
            self._stop()
        self._to_child = None

    def close(self) -> None:
        """Stop the second process, if it still runs, and wait for it."""
        self._stop()
        self._received.clear()
        self._here = None
        if self._spool is not None:
            self._spool.close()

    def _start(self) -> EngineSite:
        try:  # no temporary file, pipe or process to be had (a full disk, a limit reached): generate here
            spool = self._spool = tempfile.TemporaryFile()
            self._pid, self._to_child, self._from_child = fork_with_pipes(partial(_generate_and_send, self._layout, spool=spool.fileno()))
        except OSError:
            return self._generate_here()
        message = receive(self._from_child)
        if message is None:  # it failed: generate here, where problems are found and said as without it
            self._stop()
            return self._generate_here()
        outline, self._file_uris, site = pickle.loads(message)
        return replace(site, pages=tuple(PageToRender(uri, source, partial(self._text, uri)) for uri, source in outline),
                       files=tuple(FileToRender(uri, partial(self._bytes, uri)) for uri in self._file_uris))

    def _text(self, uri: str) -> str:
        return self._bytes(uri).decode("utf-8")

    def _bytes(self, uri: str) -> bytes:
        if uri in self._received:
            return self._spooled(*self._received.pop(uri))
        if self._from_child is not None and self._position.get(uri, -1) >= self._next:
            while self._from_child is not None:
                length = receive_length(self._from_child)
                if length is None:
                    self._stop()
                    break
                sent, start = self._uris[self._next], self._written
                self._next += 1
                self._written += length
                if sent == uri:
                    return self._spooled(start, length)
                self._received[sent] = (start, length)
        if self._here is None:
            site = self._generate_here()
            self._here = {page.src_uri: partial(_page_bytes, page) for page in site.pages}
            self._here |= {file.src_uri: partial(_file_bytes, file) for file in site.files}
        return self._here[uri]()

    def _spooled(self, start: int, length: int) -> bytes:
        assert self._spool is not None  # a length was received: the spool exists
        data = os.pread(self._spool.fileno(), length, start)  # a file gives all it holds of the range
        if len(data) != length:
            raise EOFError(f"the generated pages' spool ends before byte {start + length:,}")
        return data

    def _generate_here(self) -> EngineSite:
        self._took_over = True
        return generate_site(self._layout).for_engine()

    def _stop(self) -> None:
        for stream in (self._to_child, self._from_child):
            if stream is not None:
                with contextlib.suppress(OSError):  # what is left unsent to a process that stopped
                    stream.close()
        self._to_child = self._from_child = None
        if self._pid:
            try:
                os.waitpid(self._pid, 0)
            except ChildProcessError:
                pass
            self._pid = 0


def _generate_and_send(layout: ProjectLayout, orders: BinaryIO, out: BinaryIO, spool: int) -> None:
    """The second process's work: the site, then each page in the order asked for, then each file, written to the spool."""
    try:
        site = generate_site(layout).for_engine()
    except BaseException:  # said by the engine's process, which generates again and meets the same problems
        out.write(STOPPED)
        return
    made: dict[str, Callable[[], bytes]] = {page.src_uri: partial(_page_bytes, page) for page in site.pages}
    made |= {file.src_uri: partial(_file_bytes, file) for file in site.files}
    outline = [(page.src_uri, page.source) for page in site.pages]  # the pages' text follows, once the order is known
    file_uris = [file.src_uri for file in site.files]
    send(out, pickle.dumps((outline, file_uris, replace(site, pages=(), files=())), protocol=pickle.HIGHEST_PROTOCOL))
    del outline, site
    order = receive(orders)
    if order is None:
        return
    written = 0
    for uri in [*pickle.loads(order), *file_uris]:
        try:
            data = made.pop(uri)()
        except BaseException:  # the engine's process renders it, and meets the same problem
            out.write(STOPPED)
            return
        view = memoryview(data)
        while view:
            count = os.pwrite(spool, view, written)
            written += count
            view = view[count:]
        send_length(out, len(data))


def _page_bytes(page: AnyPage) -> bytes:
    return page.markdown.encode("utf-8")


def _file_bytes(file: AnyFile) -> bytes:
    return file.content
