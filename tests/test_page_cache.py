"""Serving: generated pages are files rewritten only when their text changes, and unchanged records are not parsed again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL

from atlas.records import catalog
from atlas.layout import ProjectLayout
from atlas.site.page_cache import PageCache


def test_a_page_is_rewritten_only_when_its_text_changes(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "project")
    shutil.rmtree(cache.folder, ignore_errors=True)
    first = cache.path_of("exercises/shrug.md", "# Shrug\n")
    stamp = first.stat().st_mtime_ns
    assert PageCache(tmp_path / "project").path_of("exercises/shrug.md", "# Shrug\n").stat().st_mtime_ns == stamp  # after a restart too
    changed = cache.path_of("exercises/shrug.md", "# Shrug, edited\n")
    assert changed.read_text() == "# Shrug, edited\n"
    assert changed.stat().st_mtime_ns >= stamp
    assert PageCache(tmp_path / "other").folder != cache.folder
    shutil.rmtree(cache.folder)


def test_unchanged_records_are_not_read_again_and_edited_ones_are(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(MINIMAL, tmp_path, dirs_exist_ok=True)
    layout = ProjectLayout(tmp_path, tmp_path / "content")
    catalog.load_catalog(layout)
    read: list[str] = []
    original = catalog.read_yaml
    monkeypatch.setattr(catalog, "read_yaml", lambda file, label: read.append(label) or original(file, label))
    assert catalog.load_catalog(layout).problems == [] and read == []
    shrug = tmp_path / "exercises/shrug.yml"
    shrug.write_text(shrug.read_text().replace("level: beginner", "level: expert"))
    problems = catalog.load_catalog(layout).problems
    assert read == ["exercises/shrug.yml"]
    assert [str(problem) for problem in problems] == [
        "exercises/shrug.yml:3: level: 'expert' is not one of beginner, intermediate, advanced"]
