"""Shared helpers: tiny real projects in tmp_path, built with the real `mkdocs build`."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from collections.abc import Iterator
from typing import Any
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, ViewportSize

from atlas.project_config import read_config
from atlas.site.build_cache import CACHE_SETTING
from browser import PHONE, WatchedPage, chromium, fresh_page, serve_folder
from mkdocs_process import run_mkdocs
from shared_run import SharedRun

REPO = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).resolve().parent / "minimal"
SYNTHETIC_EXERCISES = 250
"""Exercises of the synthetic site: enough for every muscle page's lists and the sources' citations to reach their
bounds, and for the finder to list several pages of results."""


@dataclass
class BuildResult:
    """What a build printed and where it wrote."""

    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        """The HTML of a built page, such as `exercises/face-pull/`."""
        return ((self.site / path / "index.html").read_text(encoding="utf-8") if path.endswith("/") or not path
                else (self.site / path).read_text(encoding="utf-8"))

    def article(self, path: str) -> str:
        """Only the main content of a built page: no navigation, no table of contents."""
        html = self.page(path)
        start = html.index('<article class="md-content__inner')
        return html[start: html.index("</article>", start)]


SIMPLE_FIGURE: dict[str, object] = {
    "view": "front",
    "props": [{"kind": "floor"}],
    "start": {"left": {"shoulder": 6, "shrug": -2}},
    "end": {"left": {"shoulder": 6, "shrug": 8}},
}
"""A valid movement figure (a shrug seen from the front) for exercise records that tests write."""


def repo_config() -> dict[str, Any]:
    """The repository's mkdocs.yml as MkDocs reads it (its !ENV tags resolved in this environment)."""
    return read_config(REPO)[0]


def project_config(**overrides: object) -> str:
    """The repository's mkdocs.yml (declared once), without its nav, with overrides."""
    config = repo_config()
    config.pop("nav", None)
    config.update(overrides)
    return yaml.safe_dump(config, sort_keys=False)


def make_project(root: Path, source: Path = MINIMAL) -> Path:
    """A buildable project at `root`: the given sources plus the repository's hooks (linked: code, never published)
    and a copy of its overrides and asset declaration (a build reads them and refuses links that leave the project)."""
    shutil.copytree(source, root, dirs_exist_ok=True)
    if not (root / "hooks").exists():
        (root / "hooks").symlink_to(REPO / "hooks", target_is_directory=True)
    if not (root / "overrides").exists():
        shutil.copytree(REPO / "overrides", root / "overrides")
    if not (root / "assets.yml").exists():
        shutil.copyfile(REPO / "assets.yml", root / "assets.yml")
    (root / "mkdocs.yml").write_text(project_config(), encoding="utf-8")
    return root


def build(project: Path, *extra: str, site: Path | None = None, timeout: float = 600) -> BuildResult:
    """Run `mkdocs build --strict` on a project, as a person would: MkDocs' command line in a process of its own (killed
    after `timeout` seconds: its status is then negative)."""
    site = site or project / "site"
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    with tempfile.TemporaryDirectory(prefix="mkdocs-output-") as printed:
        stdout, stderr = Path(printed, "stdout"), Path(printed, "stderr")
        status = run_mkdocs(["build", "--strict", "--site-dir", str(site), *extra], project, environment, stdout, stderr, timeout=timeout)
        return BuildResult(status, stdout.read_text(encoding="utf-8") + stderr.read_text(encoding="utf-8"), site)


SHARED_RUN_FOLDER = "atlas_shared_run_folder"
"""The key under which xdist gives each worker the run's shared folder (see `SharedRun`)."""
_SHARED_RUN = pytest.StashKey[SharedRun]()


@pytest.hookimpl(tryfirst=True)  # before xdist's own, which starts the workers
def pytest_sessionstart(session: pytest.Session) -> None:
    """The run's first process (the only one, or the one that starts the workers) makes the shared folder and starts
    building the real site."""
    config = session.config
    if not hasattr(config, "workerinput") and not config.option.collectonly:
        config.stash[_SHARED_RUN] = SharedRun(REPO, Path(tempfile.mkdtemp(prefix="atlas-test-run-")))
        config.stash[_SHARED_RUN].start_real_site_build()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Each xdist worker learns where the shared folder is."""
    node.workerinput[SHARED_RUN_FOLDER] = str(node.config.stash[_SHARED_RUN].folder)


def pytest_unconfigure(config: pytest.Config) -> None:
    if shared := config.stash.get(_SHARED_RUN, None):
        shared.stop()
        shutil.rmtree(shared.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def shared_run(pytestconfig: pytest.Config) -> SharedRun:
    """What this run's processes share."""
    worker_input = getattr(pytestconfig, "workerinput", None)
    return SharedRun(REPO, Path(worker_input[SHARED_RUN_FOLDER])) if worker_input is not None else pytestconfig.stash[_SHARED_RUN]


@pytest.fixture(scope="session", autouse=True)
def shared_run_environment(shared_run: SharedRun) -> Iterator[None]:
    """Every build in the run uses the run's cache, so the many builds of the same records draw them once (the user's
    own cache is never touched), and every process the tests start keeps its temporary files in the run's folder,
    removed with it: each test project would otherwise leave its kept generated pages in the system's temp folder."""
    temporary = shared_run.folder / "tmp"
    temporary.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv(CACHE_SETTING, str(shared_run.cache))
        environment.setenv("TMPDIR", str(temporary))
        yield


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid project."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The minimal project, built once for the tests that only read it."""
    result = build(make_project(tmp_path_factory.mktemp("minimal") / "project"))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def real_site(shared_run: SharedRun) -> BuildResult:
    """The repository's own site, built once per run with --strict (started before the first test)."""
    status, output = shared_run.real_site_build(timeout=600)
    assert status == 0, output
    return BuildResult(status, output, shared_run.site)


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The benchmark's synthetic project (benchmarks/synthetic.py, seed 2024) with SYNTHETIC_EXERCISES exercises."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import make_project as make_synthetic_project

    root = tmp_path_factory.mktemp("synthetic") / "project"
    make_synthetic_project(REPO, root, SYNTHETIC_EXERCISES, 2024)
    result = build(root)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def synthetic_site_url(synthetic_site: BuildResult) -> Iterator[str]:
    """The synthetic site, served on localhost."""
    with serve_folder(synthetic_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole run."""
    with chromium() as running:
        yield running


@pytest.fixture(scope="session")
def real_site_url(real_site: BuildResult) -> Iterator[str]:
    """The real site, served on localhost."""
    with serve_folder(real_site.site) as url:
        yield url


DESKTOP: ViewportSize = {"width": 1280, "height": 900}


@pytest.fixture
def watched(browser: Browser) -> Iterator[WatchedPage]:
    """A fresh page; the test fails if it requested anything outside localhost or opened a dialog."""
    with fresh_page(browser, viewport=DESKTOP) as page:
        yield page
    assert page.foreign_requests() == []
    assert page.dialogs == []


@pytest.fixture(scope="module")
def module_page(browser: Browser) -> Iterator[WatchedPage]:
    """One page for the tests of a module that take `shared_page`."""
    with fresh_page(browser, viewport=DESKTOP) as page:
        yield page


@pytest.fixture
def shared_page(module_page: WatchedPage) -> Iterator[WatchedPage]:
    """Like `watched`, for tests that do not depend on a first visit: the module's page, made ready for the test. A
    fresh context costs Chromium a new renderer process, about 0.6 CPU-seconds, more than many of these tests' work."""
    yield from lend(module_page, DESKTOP)


def lend(page: WatchedPage, viewport: ViewportSize, *, console_errors: bool = False) -> Iterator[WatchedPage]:
    """A reused page for one test (see `WatchedPage.ready_for_next_test`); afterwards the test fails if the page
    requested anything outside localhost or opened a dialog (or, with `console_errors`, logged an error)."""
    page.ready_for_next_test(viewport)
    yield page
    assert page.foreign_requests() == []
    assert page.dialogs == []
    if console_errors:
        assert page.errors == []


@pytest.fixture(scope="module")
def module_phone(browser: Browser) -> Iterator[WatchedPage]:
    """One touch phone per test module (a fresh context costs Chromium a new renderer; see `shared_page`)."""
    with fresh_page(browser, viewport=PHONE, has_touch=True, is_mobile=True) as page:
        yield page


@pytest.fixture
def phone(module_phone: WatchedPage) -> Iterator[WatchedPage]:
    """The module's phone, made ready for the test; fails it on a request outside localhost, a dialog or a console error."""
    yield from lend(module_phone, PHONE, console_errors=True)
