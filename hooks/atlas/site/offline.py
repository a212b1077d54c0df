"""Offline: a service worker that precaches the whole built site, written from a template after the build.

The list of files comes from the built site itself, so every page, the search index, the JSON export and
the assets are there after one visit. The cache is named by a hash of those files: a new build that
changes any of them gives a new service worker, which fetches the new files and drops the old cache.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from atlas.pages.rendering import TEMPLATE_DIR

SERVICE_WORKER = "sw.js"
"""Where the service worker lives in the built site: at the root, so its scope is the whole site."""
LEFT_OUT_SUFFIXES = (".map", ".gz")
"""Source maps and compressed copies: no reader needs them offline."""
LEFT_OUT_FOLDERS = ("assets/javascripts/lunr/",)
"""Search support for other languages and scripts; the site is in English."""


def precached_urls(site_dir: Path) -> list[str]:
    """Every file a reader may need offline, as URLs relative to the site root; pages by their folder URL."""
    urls = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        left_out = relative == SERVICE_WORKER or relative.endswith(LEFT_OUT_SUFFIXES) or relative.startswith(LEFT_OUT_FOLDERS)
        if left_out or not path.is_file():
            continue
        if relative == "index.html":
            urls.append("./")
        elif relative.endswith("/index.html"):
            urls.append(relative.removesuffix("index.html"))
        else:
            urls.append(relative)
    return urls


def site_version(site_dir: Path, urls: list[str]) -> str:
    """A short hash of the precached files' names and bytes."""
    digest = hashlib.sha256()
    for url in urls:
        file = site_dir / (url + "index.html" if url.endswith("/") else url)
        digest.update(url.encode("utf-8") + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:16]


@cache
def _environment() -> Environment:
    # JavaScript, not HTML or Markdown: values enter only through `tojson`.
    return Environment(loader=FileSystemLoader(TEMPLATE_DIR), undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def render_service_worker(urls: list[str], version: str) -> str:
    """The service worker's source for these files and this version."""
    return _environment().get_template("service-worker.js.j2").render(urls=urls, version=version)


def write_service_worker(site_dir: Path) -> None:
    """Write sw.js into a built site, precaching everything in it."""
    urls = precached_urls(site_dir)
    (site_dir / SERVICE_WORKER).write_text(render_service_worker(urls, site_version(site_dir, urls)), encoding="utf-8")
