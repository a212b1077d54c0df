"""A damaged build cache never ships and never stops a build: entries of every kind (figures, pages, parsed YAML, QR
codes, compiled templates) cut short, unreadable or in a read-only cache give the very site a build without a cache
gives. The processes run without root's power to ignore file permissions, as a person's build would."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from atlas.site.build_cache import CACHE_SETTING
from shared_run import REPRODUCIBLE_DATE

KINDS = ("figures", "pages", "parsed-yaml", "qr-codes", "compiled-templates")
"""Every kind of entry, by its folder in the cache."""
AS_A_PERSON = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
"""Root reads and writes whatever the permissions say; without these two powers it obeys them as anyone does."""


def _build(project: Path, site: Path, cache: str, said: str = "") -> dict[str, bytes]:
    """The built site's files; the build must succeed without a warning, and say `said` in verbose mode."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=REPRODUCIBLE_DATE, **{CACHE_SETTING: cache})
    completed = subprocess.run([*AS_A_PERSON, sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "--site-dir", str(site)],
                               cwd=project, env=environment, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Traceback" not in completed.stderr and "WARNING" not in completed.stderr
    assert said in completed.stderr
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def _entries(cache: Path) -> dict[str, list[Path]]:
    return {kind: [path for path in (cache / kind).rglob("*") if path.is_file()] for kind in KINDS}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The minimal project built with no cache at all."""
    from conftest import make_project

    folder = tmp_path_factory.mktemp("reference")
    return _build(make_project(folder / "project"), folder / "site", "")


@pytest.fixture
def filled(project: Path, tmp_path: Path) -> Path:
    """A cache holding every kind of entry for the project (filled by a build)."""
    cache = tmp_path / "cache"
    _build(project, tmp_path / "first", str(cache))
    assert all(_entries(cache).values()), {kind: len(found) for kind, found in _entries(cache).items()}
    return cache


def _edit_theme_and_record(project: Path) -> None:
    """So that the build has new entries to write and a template to compile again."""
    main = project / "overrides/main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}", '{% block extrahead %}\n  <meta name="uba-edited" content="yes">', 1), encoding="utf-8")
    shrug = project / "exercises/shrug.yml"
    shrug.write_text(shrug.read_text(encoding="utf-8").replace("name: Shrug", "name: Barbell shrug", 1), encoding="utf-8")


def test_entries_cut_short_are_made_again(project: Path, tmp_path: Path, filled: Path, reference: dict[str, bytes]) -> None:
    entries = _entries(filled)
    for path in (path for found in entries.values() for path in found):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    assert _build(project, tmp_path / "site", str(filled), said="is damaged; it is made again") == reference
    for kind, found in entries.items():  # each was made again, whole
        assert all(_entries(filled)[kind]) and all(path.read_bytes().count(b"\n") >= 1 for path in found), kind
        assert [path for path in found if len(path.read_bytes()) < 40] == [], kind


def test_entries_damaged_in_place_are_made_again(project: Path, tmp_path: Path, filled: Path, reference: dict[str, bytes]) -> None:
    for path in (path for found in _entries(filled).values() for path in found):
        data = bytearray(path.read_bytes())
        data[-1] ^= 0x20  # one character changed, the length kept
        path.write_bytes(bytes(data))
    assert _build(project, tmp_path / "site", str(filled)) == reference


def test_unreadable_entries_are_misses(project: Path, tmp_path: Path, filled: Path, reference: dict[str, bytes]) -> None:
    for path in (path for found in _entries(filled).values() for path in found):
        path.chmod(0)
    assert _build(project, tmp_path / "site", str(filled)) == reference


def test_a_read_only_cache_costs_time_never_the_build(project: Path, tmp_path: Path, filled: Path, reference: dict[str, bytes]) -> None:
    for path in [filled, *filled.rglob("*")]:
        path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)
    kept = {path: path.read_bytes() for path in filled.rglob("*") if path.is_file()}
    assert _build(project, tmp_path / "site", str(filled)) == reference
    _edit_theme_and_record(project)
    changed = _build(project, tmp_path / "changed", str(filled))
    assert b'<meta name="uba-edited" content="yes">' in changed["index.html"]
    assert b"Barbell shrug" in changed["exercises/shrug/index.html"]
    assert changed == _build(project, tmp_path / "without", "")
    assert {path: path.read_bytes() for path in filled.rglob("*") if path.is_file()} == kept
