"""`upper-back-atlas export OUT` never deletes or writes what it must not: it refuses every folder it could destroy
with one line and changes nothing, and otherwise writes only OUT (built beside it and swapped in whole)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from atlas.engines.export import EXPORT_MARKER

EXPECTED_OUTSIDE = "expected a new folder outside the project, or export/ inside it (which .gitignore lists)"


def _export(project: Path, out: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "export", str(out)], capture_output=True,
                          text=True, cwd=cwd or project)


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folder` with its size and modification time."""
    return {path.relative_to(folder).as_posix(): (path.lstat().st_size, path.lstat().st_mtime_ns) for path in folder.rglob("*")}


def _outside(listing: dict[str, tuple[int, int]], out: str) -> dict[str, tuple[int, int]]:
    return {path: stamp for path, stamp in listing.items() if path != out and not path.startswith(out + "/")}


@pytest.mark.parametrize(("out", "message"), [
    (".", f"is the project itself; {EXPECTED_OUTSIDE}"),
    ("..", f"holds the project; {EXPECTED_OUTSIDE}"),
    ("content", f"is inside the project; {EXPECTED_OUTSIDE}"),
    ("site", f"is inside the project; {EXPECTED_OUTSIDE}"),
    ("export/nested", f"is inside the project; {EXPECTED_OUTSIDE}"),
    ("../notes", f"holds files the export did not make (it has no {EXPORT_MARKER}); expected a new or empty folder, or an earlier export"),
    ("../notes/todo.txt", "is a file or a link; expected a folder"),
    ("../missing/out", "is in a folder that does not exist; expected a folder in an existing one"),
])
def test_an_out_the_export_could_destroy_is_refused_and_nothing_changes(project: Path, out: str, message: str) -> None:
    (project / "site").mkdir()
    (project.parent / "notes").mkdir()
    (project.parent / "notes/todo.txt").write_text("mine")
    before = _listing(project.parent)
    result = _export(project, out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"{(project / out).resolve()}: export: {message}",
                                          "Upper Back Atlas: 1 problem in the sources; nothing was built."]
    assert _listing(project.parent) == before


def test_the_export_writes_only_out_and_replaces_only_an_earlier_export(project: Path) -> None:
    """With custom_dir written as an absolute path it still lands inside OUT, and mkdocs.yml names it relatively."""
    config = project / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text())
    settings["theme"]["custom_dir"] = str(project / "overrides")
    config.write_text(yaml.safe_dump(settings))
    before = _listing(project.parent)
    first = _export(project, "../out")
    assert first.returncode == 0, first.stderr
    after = _listing(project.parent)
    assert _outside(after, "out") == before
    out = project.parent / "out"
    assert (out / EXPORT_MARKER).is_file() and (out / "overrides/main.html").is_file() and (out / "docs/api/exercises.json").is_file()
    assert yaml.safe_load((out / "mkdocs.yml").read_text())["theme"]["custom_dir"] == "overrides"
    (out / "docs/stale.md").write_text("from an earlier export")
    again = _export(project, out)
    assert again.returncode == 0, again.stderr
    assert not (out / "docs/stale.md").exists() and (out / "docs/index.md").is_file()
    assert _outside(_listing(project.parent), "out") == before  # no folder left beside OUT


def test_the_export_folder_inside_the_project_is_allowed_and_is_no_source(project: Path) -> None:
    assert _export(project, "export").returncode == 0
    assert (project / "export" / EXPORT_MARKER).is_file()
    checked = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "check"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr  # its copies of the pictures are not assets without a licence


def test_an_empty_folder_is_exported_into(project: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert _export(project, tmp_path / "empty").returncode == 0
    assert (tmp_path / "empty" / EXPORT_MARKER).is_file()


def test_a_theme_folder_outside_the_project_is_refused_before_anything_is_written(project: Path) -> None:
    (project / "overrides").rename(project.parent / "x")
    config = project / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text())
    settings["theme"]["custom_dir"] = "../x"
    config.write_text(yaml.safe_dump(settings))
    before = _listing(project.parent)
    result = _export(project, "../out")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (f"mkdocs.yml: theme.custom_dir: {str(project.parent / 'x')!r} is outside the project; "
                                             "expected a path inside it (nothing outside the project is ever published)")
    assert _listing(project.parent) == before
