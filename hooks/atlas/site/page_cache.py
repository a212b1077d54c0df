"""Generated pages kept as files between rebuilds, each rewritten only when its text changed.

`mkdocs serve --dirty` rebuilds only the pages whose source file is newer than their HTML: with the
generated pages (and woven articles) in such a folder, a record edit rebuilds the pages it changes and no
other, and a rebuild stays correct because every page whose text changed is rewritten.

The folder has a predictable name in the shared temporary folder, so that a restarted server finds its pages, and
another user of the machine could make it first (or a link by its name). It is used only when it is this user's own
folder, not a link, that nobody else may enter; otherwise the pages go into a fresh folder made by mkdtemp. Pages are
written beside and renamed into place, so a link planted inside is replaced, never written through.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path


class PageCache:
    """A folder outside the project holding the current text of every generated page."""

    def __init__(self, project: Path) -> None:
        digest = hashlib.sha256(str(project).encode("utf-8")).hexdigest()[:12]
        self.folder = private_folder(Path(tempfile.gettempdir()) / f"upper-back-atlas-pages-{os.getuid()}-{digest}")
        """Where the pages are written: one folder per user and project, so two served projects never mix."""
        self._written: dict[str, tuple[Path, str | bytes]] = {}
        """Each page's file and the text last written to it (or found in it)."""

    def path_of(self, src_uri: str, text: str | bytes) -> Path:
        """The file holding `text` for the page at `src_uri`, written now only if the text changed."""
        written = self._written.get(src_uri)
        if written is not None and written[1] == text:  # a page kept from the last generation is the same object: no work
            return written[0]
        data = text.encode("utf-8") if isinstance(text, str) else text
        path = self.folder / src_uri
        if self._holds(path, data):
            self._written[src_uri] = (path, text)
            return path
        self.folder.mkdir(mode=0o700, exist_ok=True)  # made again if deleted meanwhile: still private
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        with open(partial, "xb") as file:  # x: never opens what is already there (a planted link)
            file.write(data)
        os.replace(partial, path)  # replaces a link at `path`, never writes through it
        self._written[src_uri] = (path, text)
        return path

    @staticmethod
    def _holds(path: Path, data: bytes) -> bool:
        """Whether the file already holds exactly these bytes (as after a restart of `mkdocs serve`)."""
        try:
            return not path.is_symlink() and path.stat().st_size == len(data) and path.read_bytes() == data
        except OSError:
            return False


def private_folder(wanted: Path) -> Path:
    """`wanted`, made now or found as this user's own folder that nobody else may enter; else a new folder from mkdtemp."""
    try:
        wanted.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return Path(tempfile.mkdtemp(prefix=f"{wanted.name}-"))
    status = wanted.lstat()
    if stat.S_ISDIR(status.st_mode) and status.st_uid == os.getuid() and not status.st_mode & 0o077:
        return wanted
    return Path(tempfile.mkdtemp(prefix=f"{wanted.name}-"))
