"""The files made from the whole built site once its pages are written: the search index's shards, then the service
worker, which lists them (write_after_build).

Under `mkdocs serve --dirty` they are made after a rebuild is shown, in a second process (BackgroundWork), so that a
saved edit shows without waiting for them; so are the files made from the whole atlas (the export and the finder's
index, FileToRender), which MkDocs would otherwise write in the build.

Until that process has written them, the site keeps the last ones, which agree with each other and with every page
they name: Material's search plugin writes its whole index over the search entry at the end of each build, and the
entry the site had is put back at once (the development server answers no request while a build runs). The new
entry and service worker are each written whole (publishing.write_whole), the entry after every shard it names.

A save while that process runs stops it: the next build makes the files again, from every page. If that build fails,
the stopped work starts again, so the search index and the offline list always catch up with the last good site.
Where there is no fork (Windows), or nothing to keep yet (the first build), the work is done before the build ends."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from atlas.second_process import can_fork, flush_output
from atlas.pages.generated import AnyFile
from atlas.site.publishing import write_whole
from atlas.site.offline import write_service_worker
from atlas.site.search_shards import ENTRY, write_search_shards


def write_after_build(site_dir: Path, search_files: Callable[[], Mapping[str, bytes]], files: Sequence[AnyFile] = ()) -> None:
    """Write `files` (each whole), the search index's entry and shards (`search_files`), then the service worker, into a
    built site."""
    for file in files:
        path = site_dir / file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, file.content)
    write_search_shards(site_dir, search_files())
    write_service_worker(site_dir)


class BackgroundWork:
    """Under `mkdocs serve --dirty`: the work after a build (write_after_build) of one site folder, and its process."""

    def __init__(self, site_dir: Path) -> None:
        self._site_dir = site_dir
        self._pid = 0
        self._work: Callable[[], None] | None = None
        """The last good build's work, until it is known to be done."""
        self._entry: bytes | None = None
        """The search entry the site served when this build started."""

    def stop(self) -> None:
        """A build starts: stop the last build's work if it is still running (this build will make the files again), and
        keep the search entry the site serves meanwhile."""
        self._end()
        try:
            self._entry = (self._site_dir / ENTRY).read_bytes()
        except OSError:
            self._entry = None

    def run(self, work: Callable[[], None]) -> None:
        """This build succeeded: put back the search entry kept when it started, and do `work` in a second process (or
        here, when there is none to keep or no fork)."""
        self._work = work
        if self._entry is None or not can_fork():
            work()
            self._work = None
            return
        write_whole(self._site_dir / ENTRY, self._entry)
        self._start()

    def resume(self) -> bool:
        """This build failed: finish the last good build's work if it was stopped; whether it was."""
        if self._work is None or self._pid:
            return False
        self._start()
        return True

    def close(self) -> None:
        """The server stops: so does the work (its site folder is about to be removed)."""
        self._end()

    def _end(self) -> None:
        """Stop the work's process, if it is still running, and reap it."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()

    def _start(self) -> None:
        assert self._work is not None
        flush_output()
        try:
            pid = os.fork()
        except OSError:  # no process to be had (a limit reached): do it here
            self._work()
            self._work = None
            return
        if pid == 0:  # the second process: never returns into the engine, and writes nothing but the files
            status = 1
            try:
                self._work()
                status = 0
            except BaseException as error:  # noqa: BLE001 - said in one line; the server goes on with the last files
                with contextlib.suppress(OSError):
                    os.write(2, f"Upper Back Atlas: the search index and the offline list were not made again: {error}\n".encode())
            finally:
                os._exit(status)
        self._pid = pid

    def _reap(self) -> None:
        try:
            _, status = os.waitpid(self._pid, 0)
        except ChildProcessError:
            status = -1
        self._pid = 0
        if os.WIFEXITED(status):  # done (or failed, and said so): no need to do it again
            self._work = None
