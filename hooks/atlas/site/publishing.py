"""Publishing that never leaves a broken site: build beside the site folder, swap it into place only when the
whole build succeeded. Whatever fails (a problem in the sources, a template error, a crash, a warning in a
strict build), the site folder holds the previous good site; otherwise it holds the new one."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StagedSite:
    """A build in progress, written next to the site it will replace."""

    target: Path
    """The site folder readers see (MkDocs' site_dir)."""
    strict: bool
    """Whether any warning stops publishing."""
    in_place: bool = False
    """Write into the site folder itself (serve --dirty, which rebuilds only changed pages): nothing to swap."""

    def __post_init__(self) -> None:
        if not self.in_place:
            _remove(self.building)
        _remove(self._previous)

    @property
    def building(self) -> Path:
        """Where the engine writes this build."""
        return self.target if self.in_place else self.target.parent / f".{self.target.name}.building"

    @property
    def _previous(self) -> Path:
        return self.target.parent / f".{self.target.name}.previous"

    def publish(self, warnings: int) -> bool:
        """Put the finished build in place, unless a strict build had warnings (then keep the previous site)."""
        if self.in_place:
            return True
        if self.strict and warnings:
            self.discard()
            return False
        if not self.building.is_dir():
            return False
        if self.target.exists() or self.target.is_symlink():
            os.replace(self.target, self._previous)
        os.replace(self.building, self.target)
        _remove(self._previous)
        return True

    def discard(self) -> None:
        """Throw the unfinished build away."""
        if not self.in_place:
            _remove(self.building)


def write_whole(path: Path, data: bytes) -> None:
    """Write beside `path`, then rename: whoever reads it (the server, while a second process writes it) gets the old
    bytes or the new ones, and a process stopped half-way leaves the old ones. What cannot be written raises OSError,
    and leaves nothing beside `path`."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


@dataclass(frozen=True)
class DevProblems:
    """The problems of the last failed rebuild, beside the last good site that the development server keeps
    serving; pages built for `serve` read them and show a banner (overrides/partials/atlas-problems.html)."""

    site: Path
    """The site folder being served."""

    FILE = "atlas-problems.json"
    """Its name inside the site folder (absent when the last rebuild succeeded)."""
    URL = FILE
    """Its address relative to the site's base URL."""

    def write(self, problems: list[str]) -> None:
        """Record the problems (one line each) for the banner."""
        if self.site.is_dir():
            (self.site / self.FILE).write_text(json.dumps({"problems": problems}, ensure_ascii=True), encoding="utf-8")
