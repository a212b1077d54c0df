"""The export builds, without our hooks, into the same pages with the same main text as the hook-built site."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, BuildResult
from shared_run import SharedRun

def main_part(html: str) -> str:
    """The page's <article>, as built: edit links, the 404 page's map and all."""
    start = html.index('<article class="md-content__inner')
    return html[start: html.index("</article>", start)]


def _pages(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): main_part(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))}


def test_plain_mkdocs_build_of_the_export_matches_the_hook_build(real_site: BuildResult, tmp_path: Path) -> None:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out = tmp_path / "export"
    subprocess.run([sys.executable, "-m", "atlas", "--project", str(REPO), "export", str(out)], check=True, env=environment)
    assert "hooks" not in (out / "mkdocs.yml").read_text()
    assert (out / "docs/exercises/face-pull.md").read_text().startswith(
        '---\nedit_url: "https://github.com/upper-back-atlas/upper-back-atlas/edit/main/exercises/face-pull.yml"\ntitle: "Face pull"')
    assert (out / "docs/api/exercises.json").read_bytes() == (real_site.site / "api/exercises.json").read_bytes()
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                               cwd=out, capture_output=True, text=True, env=environment)
    assert completed.returncode == 0, completed.stderr
    hooked, plain = _pages(real_site.site), _pages(tmp_path / "site")
    assert sorted(plain) == sorted(hooked)
    assert {page for page in hooked if plain[page] != hooked[page]} == set()
    assert len(hooked) > 60
    assert 'rel="edit"' in hooked["exercises/face-pull/index.html"] and 'rel="edit"' in hooked["guides/activation/index.html"]
    assert 'class="uba-map-legend"' in hooked["404.html"] and hooked["404.html"].count("data-link=") > 5
    index = json.loads((tmp_path / "site/search/search_index.json").read_text())["docs"]
    boosts = {entry["location"]: entry.get("boost", 1) for entry in index}
    assert boosts["muscles/rhomboids/"] > boosts["exercises/face-pull/"] > 0  # the plain build keeps the ranking


def test_properdocs_builds_the_site_and_the_export(project: Path, tmp_path: Path) -> None:
    """ProperDocs, the maintained fork of MkDocs 1.x, is the known-good fallback engine: with our hooks and without
    (on the minimal project: the same hooks, overrides and kinds of page as the real site, at a fraction of the build)."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out = tmp_path / "export"
    subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "export", str(out)], check=True, env=environment,
                   capture_output=True)
    for folder, site in ((project, tmp_path / "hooked"), (out, tmp_path / "plain")):
        completed = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(site)],
                                   cwd=folder, capture_output=True, text=True, env=environment)
        assert completed.returncode == 0, completed.stderr
        assert (site / "exercises/face-pull/index.html").is_file() and (site / "api/exercises.json").is_file()
        assert '<svg class="uba-fig-svg"' in (site / "exercises/face-pull/index.html").read_text(encoding="utf-8")


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
WORKER_VERSION = re.compile(rb'var VERSION = "[0-9a-f]+";')


def _as_built(file: Path) -> bytes:
    """A built file's bytes, without what names the engine: the generator tag and the service worker's version, a hash
    of every file (tags included)."""
    return WORKER_VERSION.sub(b"", GENERATOR.sub(b"", file.read_bytes()))


def test_properdocs_builds_the_real_site_byte_for_byte_as_mkdocs(real_site: BuildResult, shared_run: SharedRun, tmp_path: Path) -> None:
    """The real site with our hooks under ProperDocs, the maintained fork of MkDocs 1.x: every file the same."""
    site = tmp_path / "site"
    completed = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
                               cwd=REPO, capture_output=True, text=True, env=shared_run.environment())
    assert completed.returncode == 0, completed.stderr
    built = {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}
    expected = {path.relative_to(real_site.site).as_posix(): path for path in real_site.site.rglob("*") if path.is_file()}
    assert sorted(built) == sorted(expected) and len(built) > 100
    assert [name for name in built if _as_built(built[name]) != _as_built(expected[name])] == []
    assert b"ProperDocs" in GENERATOR.search((site / "index.html").read_bytes()).group()  # type: ignore[union-attr]


def test_zensical_builds_the_export(real_site: BuildResult, shared_run: SharedRun, tmp_path: Path) -> None:
    """Zensical (Material's successor, which runs no hooks) builds the export: every page, the map's drawings and the
    JSON export, with the overrides working under its template engine."""
    out = tmp_path / "export"
    subprocess.run([sys.executable, "-m", "atlas", "--project", str(REPO), "export", str(out)], check=True, env=shared_run.environment(),
                   capture_output=True)
    completed = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=out, capture_output=True, text=True,
                               env=shared_run.environment())
    assert completed.returncode == 0 and "Build finished" in completed.stdout + completed.stderr, completed.stderr
    site = out / "site"
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert pages == sorted(path.relative_to(real_site.site).as_posix() for path in real_site.site.rglob("*.html"))
    face_pull = (site / "exercises/face-pull/index.html").read_text(encoding="utf-8")
    assert main_part(face_pull).count('<h1 id="face-pull">') == 1 and 'rel="edit"' in face_pull
    # Zensical's engine escapes "/" in attributes as &#x2f;, which reads the same
    drawings = [html.unescape(found) for found in re.findall(r'xlink:href="([^"]+?)#uba-drawing"', face_pull)]
    assert drawings and all((site / "exercises/face-pull" / drawing).resolve().is_file() for drawing in drawings)
    assert (site / "api/exercises.json").read_bytes() == (real_site.site / "api/exercises.json").read_bytes()


def test_check_command_reports_problems_without_a_traceback(project: Path) -> None:
    good = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "check"], capture_output=True, text=True)
    assert good.returncode == 0 and "3 exercises" in good.stdout
    shrug = project / "exercises/shrug.yml"
    shrug.write_text(shrug.read_text().replace("level: beginner", "level: expert"))
    bad = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "check"], capture_output=True, text=True)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.splitlines()[0] == "exercises/shrug.yml:3: level: 'expert' is not one of beginner, intermediate, advanced"


def test_the_command_line_never_shows_a_traceback(tmp_path: Path) -> None:
    missing = subprocess.run([sys.executable, "-m", "atlas", "--project", "/does/not/exist", "check"], capture_output=True, text=True)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert missing.stderr.splitlines() == ["/does/not/exist: project: is not a folder; expected the folder that holds mkdocs.yml",
                                           "Upper Back Atlas: 1 problem in the sources; nothing was built."]
    empty = tmp_path / "empty"
    empty.mkdir()
    no_config = subprocess.run([sys.executable, "-m", "atlas", "--project", str(empty), "check"], capture_output=True, text=True)
    assert no_config.returncode == 1
    assert no_config.stderr.splitlines()[0] == (f"{empty}/mkdocs.yml: file: is missing; "
                                                "expected the project's mkdocs.yml (use --project FOLDER)")


def test_the_command_line_reads_configs_with_mkdocs_tags(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: Upper Back Atlas", "site_name: !ENV [UBA_SITE_NAME, Upper Back Atlas]")
                      + "docs_dir: !ENV [UBA_DOCS, content]\n")
    checked = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "check"], capture_output=True, text=True)
    assert (checked.returncode, checked.stderr) == (0, "")
    exported = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "export", str(project.parent / "out")],
                              capture_output=True, text=True, env=dict(os.environ, UBA_SITE_NAME="Atlas from the environment"))
    assert (exported.returncode, exported.stderr) == (0, "")
    assert "site_name: Atlas from the environment" in (project.parent / "out/mkdocs.yml").read_text()
