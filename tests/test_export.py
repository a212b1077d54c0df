"""The export builds, without our hooks, into the same pages with the same main text as the hook-built site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, BuildResult

_EDIT_BUTTON = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def main_text(html: str) -> str:
    start = html.index('<article class="md-content__inner')
    article = _EDIT_BUTTON.sub("", html[start: html.index("</article>", start)])
    return " ".join(_TAG.sub(" ", article).split())


def _pages(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): main_text(path.read_text(encoding="utf-8"))
            for path in sorted(site.rglob("*.html")) if path.name != "404.html"}


def test_plain_mkdocs_build_of_the_export_matches_the_hook_build(real_site: BuildResult, tmp_path: Path) -> None:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out = tmp_path / "export"
    subprocess.run([sys.executable, "-m", "atlas", "--project", str(REPO), "export", str(out)], check=True, env=environment)
    assert "hooks" not in (out / "mkdocs.yml").read_text()
    assert (out / "docs/exercises/face-pull.md").read_text().startswith("---\ntitle: \"Face pull\"")
    assert (out / "docs/api/exercises.json").read_bytes() == (real_site.site / "api/exercises.json").read_bytes()
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                               cwd=out, capture_output=True, text=True, env=environment)
    assert completed.returncode == 0, completed.stderr
    hooked, plain = _pages(real_site.site), _pages(tmp_path / "site")
    assert sorted(plain) == sorted(hooked)
    assert {page for page in hooked if plain[page] != hooked[page]} == set()
    assert len(hooked) > 60


def test_properdocs_builds_the_site_and_the_export(tmp_path: Path) -> None:
    """ProperDocs, the maintained fork of MkDocs 1.x, is the known-good fallback engine: with our hooks and without."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out = tmp_path / "export"
    subprocess.run([sys.executable, "-m", "atlas", "--project", str(REPO), "export", str(out)], check=True, env=environment, capture_output=True)
    for folder, site in ((REPO, tmp_path / "hooked"), (out, tmp_path / "plain")):
        completed = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(site)],
                                   cwd=folder, capture_output=True, text=True, env=environment)
        assert completed.returncode == 0, completed.stderr
        assert (site / "exercises/face-pull/index.html").is_file() and (site / "api/exercises.json").is_file()


def test_check_command_reports_problems_without_a_traceback(project: Path) -> None:
    good = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "check"], capture_output=True, text=True)
    assert good.returncode == 0 and "3 exercises" in good.stdout
    shrug = project / "exercises/shrug.yml"
    shrug.write_text(shrug.read_text().replace("level: beginner", "level: expert"))
    bad = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "check"], capture_output=True, text=True)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.splitlines()[0] == "exercises/shrug.yml:3: level: 'expert' is not one of beginner, intermediate, advanced"
