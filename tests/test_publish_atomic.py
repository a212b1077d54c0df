"""The site folder is always the previous good site or the new good one, whatever fails and however late; what
MkDocs itself finds is reported like our own problems."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import BuildResult, build

SAMPLE = "content/guides/sample.md"


def _previous_site(project: Path) -> dict[str, str]:
    site = project / "site"
    (site / "guides").mkdir(parents=True)
    files = {"index.html": "the previous site", "guides/old.html": "an old page", "search/search_index.json": "{}"}
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    return files


def _unchanged(project: Path, files: dict[str, str], result: BuildResult) -> None:
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output
    site = project / "site"
    assert {path.relative_to(site).as_posix(): path.read_text(errors="replace") for path in site.rglob("*") if path.is_file()} == files
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


def _errors(result: BuildResult) -> list[str]:
    return [line.split("-  ", 1)[1] for line in result.output.splitlines() if line.startswith(("ERROR", "WARNING"))]


def _own_overrides(project: Path) -> Path:
    return project / "overrides"


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_template_error_leaves_the_previous_site_and_says_where(project: Path) -> None:
    routine = _own_overrides(project) / "routine.html"
    routine.write_text(routine.read_text().replace("{% block content %}", "{% block content %}{{ page.meta.nope.deeper }}", 1))
    line = next(number for number, text in enumerate(routine.read_text().splitlines(), start=1) if "page.meta.nope" in text)
    files = _previous_site(project)
    result = build(project)
    _unchanged(project, files, result)
    assert (f"overrides/routine.html:{line}: UndefinedError: 'dict object' has no attribute 'nope'; the build stopped and the previous "
            "site was left as it was") in _errors(result)


def test_a_late_crash_leaves_the_previous_site(project: Path) -> None:
    (project / "crash.py").write_text("def on_post_build(config):\n    raise RuntimeError('disk full')\n")
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["hooks"].append("crash.py")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    files = _previous_site(project)
    result = build(project)
    _unchanged(project, files, result)
    assert "crash.py:2: RuntimeError: disk full; the build stopped and the previous site was left as it was" in _errors(result)


def test_a_broken_anchor_in_strict_mode_publishes_nothing_and_names_the_line(project: Path) -> None:
    _append(project / SAMPLE, "\nSee [the cues](../exercises/face-pull.md#nope).\n")
    files = _previous_site(project)
    result = build(project)
    _unchanged(project, files, result)
    assert (f"{SAMPLE}:32: link '../exercises/face-pull.md#nope': exercises/face-pull.md has no anchor '#nope'; "
            "expected the anchor of one of its headings") in _errors(result)


def test_an_absolute_link_is_reported_with_its_line(project: Path) -> None:
    _append(project / SAMPLE, "\nSee [the finder](/exercises/).\n")
    files = _previous_site(project)
    result = build(project)
    _unchanged(project, files, result)
    assert [error for error in _errors(result) if "/exercises/" in error] == [
        f"{SAMPLE}:32: link '/exercises/': is an absolute link, which breaks when the site is not served from the top of its domain; "
        "expected a path relative to this file (did you mean '../exercises/index.md'?)"]


def test_a_page_missing_from_the_nav_is_reported_as_its_file(project: Path) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["nav"] = [{"Home": "index.md"}]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    files = _previous_site(project)
    result = build(project)
    _unchanged(project, files, result)
    assert (f"{SAMPLE}: nav: is not in the navigation; expected it under nav: in mkdocs.yml, or its folder under not_in_nav"
            in _errors(result))


def test_a_good_build_replaces_the_whole_previous_site(project: Path) -> None:
    _previous_site(project)
    result = build(project)
    assert result.returncode == 0, result.output
    site = project / "site"
    assert not (site / "guides/old.html").exists()
    assert "the previous site" not in (site / "index.html").read_text()
    assert (site / "exercises/face-pull/index.html").is_file()
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


@pytest.mark.parametrize("broken", ["record", "article"])
def test_problems_in_the_sources_leave_the_previous_site(project: Path, broken: str) -> None:
    if broken == "record":
        shrug = project / "exercises/shrug.yml"
        shrug.write_text(shrug.read_text().replace("level: beginner", "level: expert"))
    else:
        _append(project / SAMPLE, "\n[[exercise:nope]]\n")
    files = _previous_site(project)
    _unchanged(project, files, build(project))
