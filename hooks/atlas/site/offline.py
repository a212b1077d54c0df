"""Offline: a service worker, written from a template after the build, that precaches the shell and the pages a
reader browses by, and keeps the rest as it is read or saved.

The list of files comes from the built site itself: the assets (styles, scripts, icons, the muscle map's drawings),
the finder's index, the home page, the index pages, the muscle, routine and guide pages. What grows with the content
and is read a piece at a time is not precached but kept when read: a record's page of a kind with one page per record
(an exercise), visited or saved with a routine for offline use; a routine's printed sheet (a page beside each
routine's), read or saved with its routine; and the files at KEPT_WHEN_READ (the public export, the search index's
shards). The cache is named by a hash of the precached files: a new build
that changes any of them gives a new service worker, which fetches the new files and drops the old cache (with the pages
the reader kept, which are kept again when next read or saved: never one from an older build).
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from atlas.pages.index_pages import API_EXERCISES
from atlas.pages.page_kinds import PAGE_KINDS, is_sheet_url
from atlas.pages.rendering import TEMPLATE_DIR
from atlas.records.model import TargetKind
from atlas.site.publishing import write_whole
from atlas.site.search_shards import FOLDER as SEARCH_FOLDER
from atlas.site.search_terms import SEARCH_INDEX

SERVICE_WORKER = "sw.js"
"""Where the service worker lives in the built site: at the root, so its scope is the whole site."""
LEFT_OUT_SUFFIXES = (".map", ".gz")
"""Source maps and compressed copies: no reader needs them offline."""
LEFT_OUT_FOLDERS = ("assets/javascripts/lunr/",)
"""Search support for other languages and scripts; the site is in English."""
RECORD_PAGES_KEPT_WHEN_READ = (TargetKind.EXERCISE,)
"""Kinds of page not precached (their index page is): one page per record, as many as the site has records."""
KEPT_WHEN_READ = (API_EXERCISES, SEARCH_FOLDER)
"""Files not precached but kept when first read, by their address or by a folder's (ending in "/"): the public export
(for other programs: no page reads it, the finder and the routine builder read the precached finder's index) and the
search index's shards, of which a query reads a few."""
PRECACHED_ENTRIES = (SEARCH_INDEX,)
"""Files in a folder of KEPT_WHEN_READ that are precached all the same: the search index's small entry, which says
which shards a query needs (search_shards.py)."""
PRECACHE_BYTES = 5_000_000
"""What the precache may hold (issue 26's budget at 5,000 exercises)."""
PRECACHED_WHEN_ROOM = (f"{PAGE_KINDS[TargetKind.ROUTINE].folder}/", SEARCH_FOLDER)
"""What is precached while the precache stays within PRECACHE_BYTES, in this order, file by file: the routine and
programme pages (the gym's pages), then the search index's shards (then any search works offline after one visit).
On the real site all of both fit; with thousands of exercises and a hundred routines, the rest are kept when read or
saved ("Save this routine for offline"), like exercise pages."""


def published_files(site_dir: Path) -> dict[str, Path]:
    """Every file a reader may need offline by its URL relative to the site root; pages by their folder URL. In the order
    of their paths (folder by folder, by name), walked with the kinds of entry the folders' listings give (a built site
    of 5,000 exercises holds 11,000 files)."""
    found = []
    for folder, _, names in os.walk(site_dir):
        inside = Path(folder).relative_to(site_dir).as_posix()
        found += [(f"{inside}/{name}" if inside != "." else name) for name in names]
    files = {}
    for relative in sorted(found, key=lambda path: path.split("/")):
        left_out = relative == SERVICE_WORKER or relative.endswith(LEFT_OUT_SUFFIXES) or relative.startswith(LEFT_OUT_FOLDERS)
        if not left_out:
            files["./" if relative == "index.html" else relative.removesuffix("index.html")] = site_dir / relative
    return files


def precached_urls(files: dict[str, Path]) -> list[str]:
    """The files to precache: all but the record pages, the sheets and the files kept when read; of PRECACHED_WHEN_ROOM,
    what fits."""
    record_folders = tuple(f"{PAGE_KINDS[kind].folder}/" for kind in RECORD_PAGES_KEPT_WHEN_READ)
    pages = [url for url in files if not (url.startswith(record_folders) and url not in record_folders) and not is_sheet_url(url)]
    ranked = {url: rank for url in pages if (rank := _room_rank(url)) is not None}
    always = [url for url in pages if url not in ranked and not kept_when_read(url)]
    total = sum(files[url].stat().st_size for url in always)
    chosen = []
    for url in sorted(ranked, key=ranked.__getitem__):
        size = files[url].stat().st_size
        if total + size <= PRECACHE_BYTES:
            chosen.append(url)
            total += size
    return always + chosen


def _room_rank(url: str) -> int | None:
    """Where a file comes in PRECACHED_WHEN_ROOM's order, or None when it is not precached by room."""
    if url in PRECACHED_ENTRIES:
        return None
    return next((rank for rank, folder in enumerate(PRECACHED_WHEN_ROOM) if url.startswith(folder) and url != folder), None)


def kept_when_read(url: str) -> bool:
    """Whether a file is at an address of KEPT_WHEN_READ or in one of its folders (the worker's `keptWhenRead`), and not
    one of the PRECACHED_ENTRIES."""
    return url not in PRECACHED_ENTRIES and any(url == kept or (kept.endswith("/") and url.startswith(kept)) for kept in KEPT_WHEN_READ)


def site_version(files: dict[str, Path]) -> str:
    """A short hash of every file's name and bytes: any change, also to a page only kept when read, is a new version."""
    digest = hashlib.sha256()
    for url, path in files.items():
        digest.update(url.encode("utf-8") + b"\0" + _file_digest(path))
    return digest.hexdigest()[:16]


_DIGESTS: dict[Path, tuple[tuple[int, ...], bytes]] = {}
"""Each file's SHA-256 by what the file system says of it: `mkdocs serve --dirty` rewrites only the pages that changed,
so a rebuild reads only those again (a file written anew has a new change time)."""


def _file_digest(path: Path) -> bytes:
    status = path.stat()
    stamp = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
    kept = _DIGESTS.get(path)
    if kept and kept[0] == stamp:
        return kept[1]
    digest = hashlib.sha256(path.read_bytes()).digest()
    _DIGESTS[path] = (stamp, digest)
    return digest


@cache
def _environment() -> Environment:
    # JavaScript, not HTML or Markdown: values enter only through `tojson`.
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR), undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def render_service_worker(urls: list[str], version: str) -> str:
    """The service worker's source for these files and this version."""
    return _environment().get_template("service-worker.js.j2").render(urls=urls, version=version, kept_when_read=KEPT_WHEN_READ)


def write_service_worker(site_dir: Path) -> None:
    """Write sw.js into a built site."""
    files = published_files(site_dir)
    write_whole(site_dir / SERVICE_WORKER, render_service_worker(precached_urls(files), site_version(files)).encode("utf-8"))
