"""Generated pages kept as files between rebuilds, each rewritten only when its text changed.

`mkdocs serve --dirty` rebuilds only the pages whose source file is newer than their HTML: with the
generated pages (and woven articles) in such a folder, a record edit rebuilds the pages it changes and no
other, and a rebuild stays correct because every page whose text changed is rewritten.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path


class PageCache:
    """A folder outside the project holding the current text of every generated page."""

    def __init__(self, project: Path) -> None:
        digest = hashlib.sha256(str(project).encode("utf-8")).hexdigest()[:12]
        self.folder = Path(tempfile.gettempdir()) / f"upper-back-atlas-pages-{digest}"
        """Where the pages are written: one folder per project, so two served projects never mix."""
        self._written: dict[str, bytes] = {}

    def path_of(self, src_uri: str, text: str | bytes) -> Path:
        """The file holding `text` for the page at `src_uri`, written now only if the text changed."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        path = self.folder / src_uri
        if self._written.get(src_uri) == data or self._holds(path, data):
            self._written[src_uri] = data
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self._written[src_uri] = data
        return path

    @staticmethod
    def _holds(path: Path, data: bytes) -> bool:
        """Whether the file already holds exactly these bytes (as after a restart of `mkdocs serve`)."""
        try:
            return path.stat().st_size == len(data) and path.read_bytes() == data
        except OSError:
            return False
