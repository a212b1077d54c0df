"""Where a project keeps its sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectLayout:
    """The folders the generator reads; it writes into none of them."""

    root: Path
    """The project folder (where mkdocs.yml is)."""
    content_dir: Path
    """Hand-written pages (MkDocs' docs_dir)."""
    site_url: str = ""
    """The site's public address (mkdocs.yml site_url), for addresses printed on paper such as QR codes."""

    @property
    def exercises_dir(self) -> Path:
        """Exercise records, one <id>.yml each."""
        return self.root / "exercises"

    @property
    def taxonomy_file(self) -> Path:
        """Muscles and equipment."""
        return self.exercises_dir / "_taxonomy.yml"

    @property
    def sources_dir(self) -> Path:
        """Source records (cited works), one <id>.yml each."""
        return self.exercises_dir / "sources"

    @property
    def routines_dir(self) -> Path:
        """Routine records, one <id>.yml each."""
        return self.exercises_dir / "routines"

    @property
    def programmes_dir(self) -> Path:
        """Programme records (plans over several weeks), one <id>.yml each."""
        return self.exercises_dir / "programmes"

    def label(self, path: Path) -> str:
        """A path as messages show it: relative to the project, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def record_files(self, folder: Path) -> list[Path]:
        """The record files of a folder (files starting with _ are not records), sorted."""
        if not folder.is_dir():
            return []
        found = [path for path in folder.iterdir() if path.suffix in (".yml", ".yaml") and not path.name.startswith("_")]
        return sorted((path for path in found if path.is_file()), key=lambda path: path.name)
