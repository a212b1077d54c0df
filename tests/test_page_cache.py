"""Serving: generated pages are files rewritten only when their text changes, and unchanged records are not parsed again."""

from __future__ import annotations

import os
import shutil
import stat
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


@pytest.mark.parametrize("planted", ["link", "open folder", "other owner"])
def test_a_folder_or_link_planted_at_the_predictable_name_is_never_written_through(tmp_path: Path, planted: str) -> None:
    """Another user of the machine may make the folder's name first: a link to a folder of the victim's, a folder anyone may
    write into (with a link inside it), or a folder of their own. None is used; the pages go to a private folder."""
    project, victim = tmp_path / "project", tmp_path / "victim"
    victim.mkdir()
    wanted = PageCache(project).folder
    shutil.rmtree(wanted)
    if planted == "link":
        wanted.symlink_to(victim, target_is_directory=True)
    else:
        (wanted / "exercises").mkdir(parents=True)
        (wanted / "exercises/shrug.md").symlink_to(victim / "shrug.md")
        os.chmod(wanted, 0o777 if planted == "open folder" else 0o700)
        if planted == "other owner":
            os.chown(wanted, 65534, 65534)
    try:
        cache = PageCache(project)
        written = cache.path_of("exercises/shrug.md", "# Shrug\n")
        assert cache.folder != wanted and written.read_text() == "# Shrug\n" and not written.is_symlink()
        assert list(victim.iterdir()) == []
        assert stat.S_IMODE(cache.folder.stat().st_mode) == 0o700 and cache.folder.stat().st_uid == os.getuid()
        shutil.rmtree(cache.folder)
    finally:
        wanted.unlink() if wanted.is_symlink() else shutil.rmtree(wanted)


def test_a_link_inside_the_own_folder_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    cache = PageCache(tmp_path / "project")
    (cache.folder / "exercises").mkdir(parents=True, exist_ok=True)
    (cache.folder / "exercises/shrug.md").unlink(missing_ok=True)
    (cache.folder / "exercises/shrug.md").symlink_to(victim)
    written = cache.path_of("exercises/shrug.md", "# Shrug\n")
    assert victim.read_text() == "untouched" and not written.is_symlink() and written.read_text() == "# Shrug\n"
    assert stat.S_IMODE(cache.folder.stat().st_mode) == 0o700
    shutil.rmtree(cache.folder)
