"""Where a project keeps its sources, and which of the files there may be published.

Only regular files inside the project are sources. A symbolic link is followed only when it stays inside
the project; one that leaves it, dangles or loops is a problem, and so is a folder that cannot be read.
A pull request can add a link to any file on the machine that builds the site: it must never be read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from atlas.problems import Problem

RECORD_SUFFIXES = (".yml", ".yaml")
"""Record files end in .yml (or .yaml); the catalog reports files it would skip (other cases, other folders)."""


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

    @property
    def evidence_dir(self) -> Path:
        """Evidence records (what one study measured), one <source-id>.yml each."""
        return self.exercises_dir / "evidence"

    @property
    def drafts_dir(self) -> Path:
        """Draft exercise records (imported, unfinished), one <id>.yml each."""
        return self.exercises_dir / "drafts"

    @property
    def ladders_dir(self) -> Path:
        """Ladder records (progressions with criteria to move up), one <id>.yml each."""
        return self.exercises_dir / "ladders"

    @property
    def record_dirs(self) -> tuple[Path, ...]:
        """Every folder that holds records."""
        return (self.exercises_dir, self.routines_dir, self.sources_dir, self.programmes_dir, self.evidence_dir, self.ladders_dir,
                self.drafts_dir)

    def label(self, path: Path) -> str:
        """A path as messages show it: relative to the project, with forward slashes."""
        text, root = str(path), str(self.root)
        if text.startswith(root) and text[len(root):len(root) + 1] == os.sep:  # the usual case, without pathlib's cost
            return text[len(root) + 1:].replace(os.sep, "/")
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def is_safe(self, path: Path) -> bool:
        """A regular file, or a link that ends at one inside the project."""
        return _problem_of(self, path, expect_dir=False) is None

    def record_files(self, folder: Path) -> list[Path]:
        """The record files of a folder (files starting with _ are not records), sorted; unsafe ones left out
        (source_problems says why)."""
        try:
            with os.scandir(folder) as entries:
                found = [entry for entry in entries if _is_record_name(entry.name)]
        except OSError:
            return []
        # A plain file is safe as listed; links and anything else are looked into
        safe = (folder / entry.name for entry in found if _plain_file(entry) or self.is_safe(folder / entry.name))
        return sorted(safe, key=lambda path: path.name)

    def content_files(self) -> list[Path]:
        """Every safe file under content/, sorted."""
        return sorted(path for path, problem in _walk(self, self.content_dir) if problem is None)

    def source_problems(self) -> list[Problem]:
        """Links that leave the project, dangle or loop, and folders that cannot be read."""
        problems = [problem for _, problem in _walk(self, self.content_dir) if problem is not None]
        for folder in self.record_dirs:
            problems += self._record_folder_problems(folder)
        return problems

    def _record_folder_problems(self, folder: Path) -> list[Problem]:
        if not folder.exists() and not folder.is_symlink():
            return []
        problem = _problem_of(self, folder, expect_dir=True)
        if problem is not None:
            return [problem]
        try:
            entries = sorted(folder.iterdir())
        except OSError as error:
            return [Problem(self.label(folder), 0, "folder", f"cannot be read ({error.strerror}); expected a readable folder of records")]
        problems = []
        for path in entries:
            if path.suffix in RECORD_SUFFIXES or path.is_symlink():
                found = _problem_of(self, path, expect_dir=path.is_dir() and not path.suffix)
                if found is not None:
                    problems.append(found)
        return problems


def _is_record_name(name: str) -> bool:
    return os.path.splitext(name)[1] in RECORD_SUFFIXES and not name.startswith("_")


def _plain_file(entry: os.DirEntry[str]) -> bool:
    """A regular file that is not a link, as the folder listing already says (no further system call)."""
    try:
        return not entry.is_symlink() and entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _problem_of(layout: ProjectLayout, path: Path, expect_dir: bool) -> Problem | None:
    """Why `path` may not be read as a source, or None."""
    label = layout.label(path)
    noun = "folder" if expect_dir else "file"
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            try:
                target = path.resolve(strict=True)
            except RuntimeError:
                return Problem(label, 0, noun, "is a symbolic link that loops; expected a regular file or folder")
            except OSError:
                missing = _printable_target(path)
                return Problem(label, 0, noun, f"is a symbolic link to {missing}, which does not exist; expected a regular {noun}")
            root = layout.root.resolve()
            if target != root and root not in target.parents:
                return Problem(label, 0, noun, "is a symbolic link to a file outside the project; expected a regular file inside it "
                               "(nothing outside the project is ever published)")
            mode = target.stat().st_mode
        if expect_dir and not stat.S_ISDIR(mode):
            return Problem(label, 0, noun, "is not a folder; expected a folder")
        if not expect_dir and not stat.S_ISREG(mode):
            return Problem(label, 0, noun, "is not a regular file (a device, pipe or socket); expected a regular file")
    except OSError as error:
        return Problem(label, 0, noun, f"cannot be read ({error.strerror})")
    return None


def _printable_target(path: Path) -> str:
    try:
        return repr(os.readlink(path))
    except OSError:
        return "a missing file"


def _walk(layout: ProjectLayout, top: Path) -> Iterator[tuple[Path, Problem | None]]:
    """Every file under `top` with the problem that stops it being a source (or None); folders that cannot be
    read are reported, and a link to a folder that holds it (a loop) is reported, never followed."""
    if not top.is_dir():
        return
    pending: list[tuple[Path, frozenset[Path]]] = [(top, frozenset({top.resolve()}))]
    while pending:
        folder, chain = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield folder, Problem(layout.label(folder), 0, "folder", f"cannot be read ({error.strerror}); expected a readable folder")
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if entry.is_symlink():
                problem = _problem_of(layout, path, expect_dir=is_dir)
                if problem is not None:
                    yield path, problem
                    continue
            if is_dir:
                real = path.resolve()
                if real in chain:
                    yield path, Problem(layout.label(path), 0, "folder", "is a symbolic link to a folder that holds it (a loop); "
                                        "expected a link to a folder elsewhere in the project")
                    continue
                pending.append((path, chain | {real}))
                continue
            yield path, _problem_of(layout, path, expect_dir=False)
