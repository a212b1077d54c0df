"""Offline: a service worker, written from a template after the build, that precaches the shell and the pages a
reader browses by, and keeps the rest as it is read or saved.

The list of files comes from the built site itself: the assets (styles, scripts, icons, the muscle map's drawings),
the search index, the JSON export, the home page, the index pages, the muscle, routine and guide pages. A record's
page of a kind that grows with the content (an exercise) is not precached, nor is a routine's printed sheet (a page
beside each routine's): the worker keeps it when it is visited or when the reader saves a routine for offline use. The
cache is named by a hash of the precached files: a new build that changes any of them gives a new service worker, which
fetches the new files and drops the old cache (with the pages the reader kept, which are kept again when next read or
saved: never one from an older build).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from atlas.pages.page_kinds import PAGE_KINDS, is_sheet_url
from atlas.pages.rendering import TEMPLATE_DIR
from atlas.records.model import TargetKind

SERVICE_WORKER = "sw.js"
"""Where the service worker lives in the built site: at the root, so its scope is the whole site."""
LEFT_OUT_SUFFIXES = (".map", ".gz")
"""Source maps and compressed copies: no reader needs them offline."""
LEFT_OUT_FOLDERS = ("assets/javascripts/lunr/",)
"""Search support for other languages and scripts; the site is in English."""
KEPT_WHEN_READ = (TargetKind.EXERCISE,)
"""Kinds of page not precached (their index page is): one page per record, as many as the site has records."""


def published_files(site_dir: Path) -> dict[str, Path]:
    """Every file a reader may need offline by its URL relative to the site root; pages by their folder URL."""
    files = {}
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        left_out = relative == SERVICE_WORKER or relative.endswith(LEFT_OUT_SUFFIXES) or relative.startswith(LEFT_OUT_FOLDERS)
        if not left_out and path.is_file():
            files["./" if relative == "index.html" else relative.removesuffix("index.html")] = path
    return files


def precached_urls(files: dict[str, Path]) -> list[str]:
    """The files to precache: all but the record pages and the sheets kept when read or saved."""
    record_folders = tuple(f"{PAGE_KINDS[kind].folder}/" for kind in KEPT_WHEN_READ)
    return [url for url in files if not (url.startswith(record_folders) and url not in record_folders) and not is_sheet_url(url)]


def site_version(files: dict[str, Path]) -> str:
    """A short hash of every file's name and bytes: any change, also to a page only kept when read, is a new version."""
    digest = hashlib.sha256()
    for url, path in files.items():
        digest.update(url.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


@cache
def _environment() -> Environment:
    # JavaScript, not HTML or Markdown: values enter only through `tojson`.
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR), undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def render_service_worker(urls: list[str], version: str) -> str:
    """The service worker's source for these files and this version."""
    return _environment().get_template("service-worker.js.j2").render(urls=urls, version=version)


def write_service_worker(site_dir: Path) -> None:
    """Write sw.js into a built site."""
    files = published_files(site_dir)
    (site_dir / SERVICE_WORKER).write_text(render_service_worker(precached_urls(files), site_version(files)), encoding="utf-8")
