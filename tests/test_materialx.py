"""MaterialX, Material's continuation on ProperDocs (the theme after Material's end of life: README "Engines, and
publishing"), builds the real site with our hooks: every page, the same main text, its own theme files with our
overrides, and search, the finder and offline use working.

MaterialX installs a package named `material`, as mkdocs-material does, so it lives in an environment of its own that
`python3 dev.py test` makes (.venv-materialx) and names in UPPER_BACK_ATLAS_MATERIALX. The site is built from a copy
of the project whose mkdocs.yml inherits the real one and changes only what switching changes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser import fresh_page, serve_folder
from conftest import REPO, BuildResult
from shared_run import SharedRun

MATERIALX_SETTING = "UPPER_BACK_ATLAS_MATERIALX"
"""Where .venv-materialx is (dev.py sets it)."""
SWITCH = """\
INHERIT: {real}
theme:
  name: materialx
plugins:
  - search:
      provider: lunr
"""
"""What switching to MaterialX changes in mkdocs.yml (lunr: its default search, Pagefind, would not read our index)."""
SAMPLE = {"home": "index.html", "exercise": "exercises/face-pull/index.html", "muscle": "muscles/rhomboids/index.html",
          "routine": "routines/cuff-and-rear-delt-day/index.html", "sheet": "routines/cuff-and-rear-delt-day/sheet/index.html",
          "guide": "guides/activation/index.html"}
"""A page of each kind, which must be among the pages compared."""


def _environment() -> Path:
    folder = os.environ.get(MATERIALX_SETTING, "")
    if not folder or not (Path(folder) / "bin/properdocs").is_file():
        pytest.fail(f"no MaterialX environment: {MATERIALX_SETTING}={folder!r}; `python3 dev.py test` makes .venv-materialx and names it "
                    f"there (or set {MATERIALX_SETTING} to a folder made as dev.py makes it)", pytrace=False)
    return Path(folder)


def _project(root: Path) -> Path:
    """A copy of the project (the build refuses links that leave it, and writes nothing into it) whose mkdocs.yml is
    the real one with SWITCH applied; the hooks are linked, as in conftest.make_project."""
    for folder in ("content", "exercises", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copyfile(REPO / "assets.yml", root / "assets.yml")
    (root / "hooks").symlink_to(REPO / "hooks", target_is_directory=True)
    (root / "mkdocs.yml").write_text(SWITCH.format(real=REPO / "mkdocs.yml"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def materialx_site(real_site: BuildResult, shared_run: SharedRun, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built by MaterialX's `properdocs build --strict` (after the Material build, whose cache it reads)."""
    environment, folder = _environment(), tmp_path_factory.mktemp("materialx")
    site = folder / "site"
    completed = subprocess.run([str(environment / "bin/properdocs"), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
                               cwd=_project(folder / "project"), capture_output=True, text=True, env=shared_run.environment())
    assert completed.returncode == 0, completed.stderr
    return BuildResult(completed.returncode, completed.stderr, site)


@pytest.fixture(scope="module")
def materialx_url(materialx_site: BuildResult) -> Iterator[str]:
    with serve_folder(materialx_site.site) as url:
        yield url


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def main_text(page: Path) -> str:
    """The text of a page's <article> (its main content), whitespace folded."""
    html = page.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner')
    parser = _Text()
    parser.feed(html[start: html.index("</article>", start)])
    return " ".join("".join(parser.parts).split())


def _files(site: Path, pattern: str = "*") -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob(pattern) if path.is_file()}


def test_materialx_builds_every_page_with_the_same_main_text(materialx_site: BuildResult, real_site: BuildResult) -> None:
    pages = _files(real_site.site, "*.html")
    assert _files(materialx_site.site, "*.html") == pages and len(pages) > 100
    assert set(SAMPLE.values()) <= pages
    texts = {page: main_text(real_site.site / page) for page in pages}
    assert [page for page in sorted(pages) if main_text(materialx_site.site / page) != texts[page]] == []
    assert "Face pull" in texts[SAMPLE["exercise"]] and "Rhomboids" in texts[SAMPLE["muscle"]]


def test_materialx_serves_its_own_theme_with_our_overrides(materialx_site: BuildResult, real_site: BuildResult) -> None:
    site, home = materialx_site.site, materialx_site.page("")
    assert re.search(r'<meta name="generator" content="[^"]*mkdocs-materialx-', home)
    stylesheets = re.findall(r'<link rel="stylesheet" href="(assets/stylesheets/main\.[0-9a-f]+\.min\.css)">', home)
    assert len(stylesheets) == 1 and not (real_site.site / stylesheets[0]).exists()  # not Material's
    shipped = list((_environment() / "lib").glob(f"python3*/site-packages/material/templates/{stylesheets[0]}"))
    assert len(shipped) == 1 and shipped[0].read_bytes() == (site / stylesheets[0]).read_bytes()
    assert 'data-mx-topbar="primary"' in home  # mkdocs.yml's topbar_style: the header in our colour
    ours = _files(REPO / "overrides/assets")
    assert len(ours) > 20
    assert [name for name in sorted(ours) if (site / "assets" / name).read_bytes() != (REPO / "overrides/assets" / name).read_bytes()] == []
    for name in ("api/finder.json", "api/exercises.json"):
        assert (site / name).read_bytes() == (real_site.site / name).read_bytes()
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert f'"{stylesheets[0]}"' in worker and '"api/finder.json"' in worker and '"assets/search-worker.js"' in worker


def test_materialx_search_uses_our_sharded_index(materialx_site: BuildResult) -> None:
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', materialx_site.page(""))[1])
    assert config["search"]["provider"] == "lunr" and config["search"]["options"]["workerUrl"] == "assets/search-worker.js"
    entry = json.loads((materialx_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert entry["docs"] == [] and entry["config"]["chunks"]["keys"]


def test_materialx_pages_work_in_the_browser(browser: Browser, materialx_url: str, real_site_url: str) -> None:
    """The header has Material's colour (ours) in both schemes, the search finds pages through our worker, nothing fails."""
    for scheme in ("light", "dark"):
        with fresh_page(browser, viewport={"width": 1280, "height": 900}, color_scheme=scheme) as watched:
            page = watched.page
            header = []
            for url in (real_site_url, materialx_url):
                page.goto(url)
                header.append(page.eval_on_selector(".md-header", "header => getComputedStyle(header).backgroundColor"))
            assert header[1] == header[0] == "rgb(14, 79, 84)", scheme  # atlas.css --md-primary-fg-color, MaterialX's too
            page.click(".md-search__input")
            page.fill(".md-search__input", "rhomboid")
            page.keyboard.type("s")
            page.wait_for_function("() => (document.querySelector('.md-search-result__link') || {}).href"
                                   " === new URL('muscles/rhomboids/', location.href).href")
            assert watched.errors == [] and watched.foreign_requests() == []
