"""Work kept between builds by a hash of what it was made from, so that a build redoes only what changed.

Drawing the movement figures is most of the generator's time, and parsing YAML much of the rest. Both are
pure: a figure's markup depends only on the record's figure, id and name and on the generator's code and
templates, a parsed file only on its text. Each entry is stored under a hash of exactly those inputs (the
code's included), so an edited record, template or module gives a new hash and the work is done again,
and a hit is always what doing the work again would give. Nothing is stored in the project (a pull request
could plant a file there): entries live in the user's cache folder, or in `$UPPER_BACK_ATLAS_CACHE`
(set and empty: nothing is written to disk).

Every entry, of every kind, starts with a header giving the length and the SHA-256 of what follows, and is written
beside its place and renamed into it. An entry is used only when it reads whole and matches its header: one cut
short, damaged or unreadable is a miss, made again (said in verbose mode only), and a cache that cannot be written
costs time, never the build.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from atlas.site.publishing import write_whole

CACHE_SETTING = "UPPER_BACK_ATLAS_CACHE"
"""Environment variable naming the cache folder; set and empty, nothing is written to disk."""
KEPT_VERSIONS = 3
"""Folders kept per kind of entry, one per version of the code: the current one and the last ones used (after an edit
of the code, or by another checkout sharing the cache)."""
CODE_DIR = Path(__file__).parents[1]
"""The generator's package (atlas/): its modules in every subpackage, and its templates."""
ENTRY_HEADER = b"upper-back-atlas cache entry"
"""How every entry starts: then its length and SHA-256 (hex) on the same line, then its bytes."""
log = logging.getLogger("mkdocs.plugins.upper_back_atlas.cache")
"""Damaged entries are said at debug level: shown by `mkdocs build --verbose`, never counted by --strict."""


def cache_home() -> Path | None:
    """The folder for this user's entries, or None when disk caching is turned off."""
    chosen = os.environ.get(CACHE_SETTING)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "upper-back-atlas"


@cache
def _code_digest() -> str:
    """A hash of the generator's modules and of the template engine's version (both fixed for the life of a process)."""
    digest = hashlib.sha256(f"jinja2 {version('jinja2')} markupsafe {version('markupsafe')}".encode())
    for path in sorted(CODE_DIR.rglob("*.py")):
        digest.update(path.relative_to(CODE_DIR).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def code_fingerprint() -> str:
    """A hash of the generator's code and templates: templates are read again each time (`mkdocs serve` reloads them)."""
    digest = hashlib.sha256(_code_digest().encode())
    for path in sorted((CODE_DIR / "templates").glob("*.j2")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class TextCache:
    """Text by a hash of what it was made from: on disk when a cache folder is set, and in memory if asked."""

    def __init__(self, name: str, in_memory: bool) -> None:
        self.name = name
        """The kind of entry, which names its folder."""
        self.in_memory = in_memory
        """Whether entries are also kept in memory (for `mkdocs serve`, whose process lives on between rebuilds)."""
        self._memory: dict[str, str] = {}
        self._fingerprint = ""
        self._folder: Path | None = None

    def refresh(self, fingerprint: str, home: Path | None) -> None:
        """Start a build of the code with this fingerprint, keeping entries under `home` (None: in memory only)."""
        if fingerprint != self._fingerprint:
            self._memory.clear()
        self._fingerprint = fingerprint
        self._folder = _open_folder(home / self.name, fingerprint) if home else None

    @property
    def keeps(self) -> bool:
        """Whether anything put is kept (in memory, or in a folder on disk): when not, there is nothing to look up,
        and nothing worth making only to be kept."""
        if not self._fingerprint:
            self.refresh(code_fingerprint(), cache_home())
        return self.in_memory or self._folder is not None

    def get(self, parts: tuple[str, ...]) -> str | None:
        """The text kept for `parts` (everything it was made from besides the code), if any."""
        key = self._key(parts)
        found = self._memory.get(key)
        if found is None and self._folder:
            found = _read(self._folder / key)
            if found is not None and self.in_memory:
                self._memory[key] = found
        return found

    def text(self, parts: tuple[str, ...], make: Callable[[], str]) -> str:
        """The text kept for `parts`, or made by `make` now and kept."""
        found = self.get(parts)
        if found is None:
            found = make()
            self.put(parts, found)
        return found

    def put(self, parts: tuple[str, ...], text: str) -> None:
        """Keep `text` as made from `parts`."""
        key = self._key(parts)
        if self.in_memory:
            self._memory[key] = text
        if self._folder:
            _write(self._folder / key, text)

    def _key(self, parts: tuple[str, ...]) -> str:
        if not self._fingerprint:
            self.refresh(code_fingerprint(), cache_home())
        return _key(parts)


def _key(parts: tuple[str, ...]) -> str:
    """An entry's name: a hash of everything it was made from (the code aside, which names its folder)."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class LastBuildCache:
    """Text a build makes once from everything it built (megabytes), kept for the next build of the same project only:
    one entry per project, which each build replaces. A build like the last one finds it; a build of other inputs makes
    it again (and the entry never grows with the number of builds, as one per input would)."""

    def __init__(self, name: str) -> None:
        self.name = name
        """The kind of entry, which names its folder."""

    def text(self, project: Path, parts: tuple[str, ...], make: Callable[[], str]) -> str:
        """The text the last build of `project` made from `parts` (everything it is made from besides the code), or made
        by `make` now and kept in its place."""
        home = cache_home()
        folder = _open_folder(home / self.name, code_fingerprint()) if home else None
        if folder is None:
            return make()
        entry = folder / hashlib.sha256(str(project).encode("utf-8")).hexdigest()
        key = _key(parts)
        found = _read(entry)
        if found is not None and found.startswith(key + "\n"):
            return found[len(key) + 1:]
        made = make()
        _write(entry, f"{key}\n{made}")
        return made


def _open_folder(parent: Path, fingerprint: str) -> Path | None:
    """This code's folder of entries, marked as just used; folders of other code beyond the last few used are removed."""
    folder = parent / fingerprint
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.utime(folder)
        others = [other for other in parent.iterdir() if other.is_dir() and other != folder]
        others.sort(key=lambda other: other.stat().st_mtime, reverse=True)
        for stale in others[KEPT_VERSIONS - 1:]:
            shutil.rmtree(stale, ignore_errors=True)
    except OSError:
        return None  # an unwritable cache only costs time
    return folder


def _read(path: Path) -> str | None:
    data = _read_entry(path)
    try:
        return data.decode("utf-8") if data is not None else None
    except UnicodeDecodeError:
        return None


def _write(path: Path, text: str) -> None:
    _write_entry(path, text.encode("utf-8"))


def _read_entry(path: Path) -> bytes | None:
    """The bytes of an entry, or None when there is none or it is not whole and as written (then it is made again)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.debug("Upper Back Atlas: cache entry %s cannot be read (%s); it is made again", path, error.strerror)
        return None
    header, _, body = data.partition(b"\n")
    if header != _header(body):
        log.debug("Upper Back Atlas: cache entry %s is damaged; it is made again", path)
        return None
    return body


def _header(body: bytes) -> bytes:
    return b"%s %d %s" % (ENTRY_HEADER, len(body), hashlib.sha256(body).hexdigest().encode("ascii"))


def _write_entry(path: Path, body: bytes) -> None:
    """Write beside, then rename: another build reading the same entry never sees half of it. A cache that cannot be
    written only costs time."""
    try:
        write_whole(path, _header(body) + b"\n" + body)
    except OSError as error:
        log.debug("Upper Back Atlas: cache entry %s cannot be written (%s)", path, error.strerror)


class _CheckedBytecodeCache(FileSystemBytecodeCache):
    """Jinja's store of compiled templates, its entries checked and written like every other entry of the cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        data = _read_entry(Path(self._get_cache_filename(bucket)))
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # whole and as written, yet not what this Jinja reads: compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        _write_entry(Path(self._get_cache_filename(bucket)), bucket.bytecode_to_string())


FIGURES = TextCache("figures", in_memory=True)
"""The movement figures of exercise pages, routine pages and sheets."""
PAGES = TextCache("pages", in_memory=False)
"""Generated pages by their template, address and context (render_inputs)."""
QR_CODES = TextCache("qr-codes", in_memory=True)
"""The QR codes of printed sheets, by the address they encode."""
PARSED_YAML = TextCache("parsed-yaml", in_memory=False)
"""Record files and front matter as plain values with their line numbers (`catalog` keeps checked records in memory)."""
SEARCH_FILES = LastBuildCache("search-files")
"""The search index's entry and shards (search_shards), by Material's index of the built pages and the pages' terms (a few
MB at 5,000 exercises)."""
SOUND_FIGURES = TextCache("sound-figures", in_memory=True)
"""Figures found sound with what a dose counts and actions (figure_check); a faulty one is never kept, so it is checked
and its problems said on every build."""


def compiled_templates() -> BytecodeCache | None:
    """A store of compiled Jinja templates for a template environment made for one build (MkDocs makes one per build):
    compiling the theme's templates is a fixed cost of every build. Jinja keeps each with a checksum of its source and
    compiles an edited template again; the folder is this code's (its fingerprint includes Jinja's version)."""
    home = cache_home()
    folder = _open_folder(home / "compiled-templates", code_fingerprint()) if home else None
    return _CheckedBytecodeCache(str(folder)) if folder else None


def refresh_caches() -> None:
    """Start a build."""
    fingerprint, home = code_fingerprint(), cache_home()
    for kept in (FIGURES, PAGES, QR_CODES, PARSED_YAML, SOUND_FIGURES):
        kept.refresh(fingerprint, home)
