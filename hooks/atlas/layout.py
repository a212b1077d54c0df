"""Where a project keeps its sources, and which of the files there may be published.

Only regular files inside the project are sources. A symbolic link is followed only when it stays inside
the project; one that leaves it, dangles or loops is a problem, and so is a folder that cannot be read.
A pull request can add a link to any file on the machine that builds the site: it must never be read.
The rule covers every folder the build reads: the records, docs_dir (content/), the theme's custom_dir
(overrides/) and the `watch:` paths, each of which must itself be inside the project.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from atlas.problems import Problem

CONFIG_FILE = "mkdocs.yml"
"""The project's settings, in its folder."""
EXPORT_FOLDER = "export"
"""The one folder inside the project that `upper-back-atlas export` may write (.gitignore lists it)."""
RECORD_SUFFIXES = (".yml", ".yaml")
"""Record files end in .yml (or .yaml); the catalog reports files it would skip (other cases, other folders)."""
EDITOR_LEFTOVERS = re.compile(r"\.#.*|#.*#|.*~|.*\.sw[a-p]")
"""Files an editor leaves beside the file it has open: Emacs' lock links (.#name, often dangling) and auto-saves
(#name#), backups (name~) and Vim's swap files (.name.swp): never sources, never published, never a problem."""


def is_editor_leftover(name: str) -> bool:
    """Whether a file name is one an editor leaves behind (EDITOR_LEFTOVERS)."""
    return EDITOR_LEFTOVERS.fullmatch(name) is not None


@dataclass(frozen=True)
class ProjectLayout:
    """The folders the generator reads; it writes into none of them."""

    root: Path
    """The project folder (where mkdocs.yml is)."""
    content_dir: Path
    """Hand-written pages (MkDocs' docs_dir)."""
    site_url: str = ""
    """The site's public address (mkdocs.yml site_url), for addresses printed on paper such as QR codes."""
    theme_dir: Path | None = None
    """The theme's custom_dir (overrides/): templates, and files published as they are."""
    watched: tuple[Path, ...] = ()
    """The `watch:` paths of mkdocs.yml (what `serve` watches besides the sources)."""

    @classmethod
    def of_settings(cls, config_dir: Path, docs_dir: str, custom_dir: str | None = None, watch: Sequence[str] = (),
                    site_url: str = "") -> ProjectLayout:
        """The layout that mkdocs.yml in `config_dir` describes (paths as written there: relative to it, or absolute)."""
        root = config_dir.resolve()

        def place(path: str) -> Path:
            written = os.path.relpath(os.path.join(config_dir, path), config_dir)  # an absolute path elsewhere: ../..
            return Path(os.path.normpath(root / written))

        return cls(root, place(docs_dir), site_url, place(custom_dir) if custom_dir else None, tuple(place(path) for path in watch))

    @property
    def export_dir(self) -> Path:
        """The project's own export folder (EXPORT_FOLDER)."""
        return self.root / EXPORT_FOLDER

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

    def file_problem(self, path: Path) -> Problem | None:
        """Why `path` may not be read as a source file (not a regular file, or a link that leaves the project), or None."""
        return _problem_of(self, path, expect_dir=False)

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

    def theme_files(self) -> list[Path]:
        """Every safe file under the theme's custom_dir, sorted."""
        return sorted(path for path, problem in _walk(self, self.theme_dir) if problem is None) if self.theme_dir else []

    def source_problems(self) -> list[Problem]:
        """Links that leave the project, dangle or loop, folders that cannot be read, and folders mkdocs.yml names
        outside the project."""
        found: dict[str, Problem] = {}
        for setting, folder in self._read_folders():
            for problem in self._folder_problems(setting, folder):
                found.setdefault(problem.path, problem)
        problems = list(found.values())
        for folder in self.record_dirs:
            problems += self._record_folder_problems(folder)
        return problems

    def _read_folders(self) -> list[tuple[str, Path]]:
        """Every folder (or file) the build reads besides the records, with the setting that names it."""
        folders = [("docs_dir", self.content_dir)]
        if self.theme_dir is not None:
            folders.append(("theme.custom_dir", self.theme_dir))
        return folders + [("watch", path) for path in self.watched]

    def _folder_problems(self, setting: str, folder: Path) -> list[Problem]:
        if folder != self.root and self.root not in folder.parents:
            return [Problem(CONFIG_FILE, 0, setting, f"{self.label(folder)!r} is outside the project; expected a path inside it "
                            "(nothing outside the project is ever published)")]
        if not folder.exists() and not folder.is_symlink():
            return []
        if folder.is_symlink():
            problem = _problem_of(self, folder, expect_dir=folder.is_dir())
            if problem is not None:
                return [problem]
        return [problem for _, problem in _walk(self, folder) if problem is not None]

    def _record_folder_problems(self, folder: Path) -> list[Problem]:
        if not folder.exists() and not folder.is_symlink():
            return []
        problem = _problem_of(self, folder, expect_dir=True)
        if problem is not None:
            return [problem]
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            return [Problem(self.label(folder), 0, "folder", f"cannot be read ({error.strerror}); expected a readable folder of records")]
        problems = []
        for entry in entries:
            if is_editor_leftover(entry.name) or _plain_file(entry):  # a plain file, as listed, has nothing to report
                continue
            path = folder / entry.name
            if path.suffix in RECORD_SUFFIXES or path.is_symlink():
                found = _problem_of(self, path, expect_dir=path.is_dir() and not path.suffix)
                if found is not None:
                    problems.append(found)
        return problems


def _is_record_name(name: str) -> bool:
    return os.path.splitext(name)[1] in RECORD_SUFFIXES and not name.startswith("_") and not is_editor_leftover(name)


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
        if not expect_dir and stat.S_ISDIR(mode):
            return Problem(label, 0, "file", "is a folder; expected a regular file (rename the folder if its name ends like a file's)")
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
    if not top.is_dir() or (top.is_symlink() and _problem_of(layout, top, expect_dir=True) is not None):
        return  # a linked folder that leaves the project is one problem (source_problems), never read
    pending: list[tuple[Path, frozenset[Path]]] = [(top, frozenset({top.resolve()}))]
    while pending:
        folder, chain = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield folder, Problem(layout.label(folder), 0, "folder", f"cannot be read ({error.strerror}); expected a readable folder")
            continue
        for entry in entries:
            if is_editor_leftover(entry.name):
                continue
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
