"""Nothing from outside the project is ever read or published: links that leave it, dangle or loop, and unreadable
folders are each one `file:` or `folder:` problem (files the loader would skip are the catalog's, see test_record_checks)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from atlas.generation import build_atlas, generate_site
from atlas.layout import ProjectLayout
from atlas.problems import AtlasProblems
from atlas.site.reserved_addresses import output_path, reserved_addresses
from conftest import build

OUTSIDE = ("is a symbolic link to a file outside the project; expected a regular file inside it "
           "(nothing outside the project is ever published)")


def _problems(project: Path) -> list[str]:
    with pytest.raises(AtlasProblems) as raised:
        build_atlas(ProjectLayout(project, project / "content", theme_dir=project / "overrides"))
    return [str(problem) for problem in raised.value.problems]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("root:x:0:0:secret\n")
    return path


def test_an_article_linked_to_a_file_outside_is_refused_and_nothing_is_published(project: Path, secret: Path) -> None:
    (project / "content/about.md").symlink_to(secret)
    previous = project / "site/index.html"
    previous.parent.mkdir()
    previous.write_text("the previous site")
    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.output and "secret" not in result.output.replace(str(secret), "")
    assert f"ERROR   -  content/about.md: file: {OUTSIDE}" in result.output.splitlines()
    assert [path.name for path in (project / "site").rglob("*")] == ["index.html"]
    assert previous.read_text() == "the previous site"


@pytest.mark.parametrize("place", ["content/secret.txt", "content/guides/other.md", "exercises/stolen.yml",
                                   "exercises/routines/stolen.yml", "exercises/_taxonomy.yml", "assets.yml",
                                   "overrides/assets/leak.css", "overrides/partials/toc.html"])
def test_any_source_linked_outside_the_project_is_a_problem(project: Path, secret: Path, place: str) -> None:
    link = project / place
    link.unlink(missing_ok=True)
    link.symlink_to(secret)
    assert f"{place}: file: {OUTSIDE}" in _problems(project)


def test_a_folder_linked_outside_the_project_is_a_problem(project: Path, secret: Path) -> None:
    (project / "content/images").symlink_to(secret.parent, target_is_directory=True)
    assert _problems(project) == [f"content/images: folder: {OUTSIDE}"]


def test_links_that_loop_or_dangle_are_problems_not_tracebacks(project: Path) -> None:
    content = project / "content"
    (content / "a.md").symlink_to(content / "b.md")
    (content / "b.md").symlink_to(content / "a.md")
    (content / "again").symlink_to(content, target_is_directory=True)
    (content / "gone.md").symlink_to(content / "missing.md")
    assert _problems(project) == [
        "content/a.md: file: is a symbolic link that loops; expected a regular file or folder",
        "content/again: folder: is a symbolic link to a folder that holds it (a loop); "
        "expected a link to a folder elsewhere in the project",
        "content/b.md: file: is a symbolic link that loops; expected a regular file or folder",
        f"content/gone.md: file: is a symbolic link to {str(content / 'missing.md')!r}, which does not exist; expected a regular file",
    ]


def test_links_that_stay_inside_the_project_are_followed(project: Path) -> None:
    (project / "content/copy.md").symlink_to(project / "content/index.md")
    (project / "content/shared").symlink_to(project / "content/guides", target_is_directory=True)
    atlas = build_atlas(ProjectLayout(project, project / "content"))
    assert {"copy.md", "shared/sample.md", "guides/sample.md"} <= set(atlas.articles)


def test_unreadable_folders_are_reported_like_unreadable_files(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the tests run as root, for whom permissions do not apply: the refusal is simulated where the folder is listed
    (project / "content/private").mkdir()
    (project / "content/private/notes.md").write_text("---\ntitle: Notes\ndescription: Notes.\n---\n")
    refused = {project / "exercises/routines", project / "content/private"}
    real_scandir, real_iterdir = os.scandir, Path.iterdir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) in refused:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def iterdir(self: Path) -> object:
        if self in refused:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "iterdir", iterdir)
    problems = _problems(project)
    assert "content/private: folder: cannot be read (Permission denied); expected a readable folder" in problems
    assert "exercises/routines: folder: cannot be read (Permission denied); expected a readable folder of records" in problems


def test_a_file_name_cannot_forge_lines_or_terminal_codes(project: Path) -> None:
    (project / "exercises/x\nERROR   -  forged\x1b[2J.yml").write_text("name: X\n")
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "forged" not in "".join(line for line in result.output.splitlines() if line.startswith("ERROR   -  forged"))
    assert "\x1b" not in result.output
    assert [line for line in result.output.splitlines() if "forged" in line] == [
        "ERROR   -  exercises/x\\x0aERROR   -  forged\\x1b[2J.yml: id: file name 'x\\nERROR   -  forged\\x1b[2J' is not a valid id; "
        "expected lowercase words joined by hyphens, such as face-pull.yml"]


def test_editor_leftovers_are_neither_problems_nor_published(project: Path) -> None:
    (project / "exercises/.#face-pull.yml").symlink_to("root@gym-laptop.4242:1765000000")  # Emacs' lock: a dangling link
    (project / "content/guides/.#sample.md").symlink_to("root@gym-laptop.4242:1765000000")
    for leftover in ("exercises/shrug.yml~", "exercises/.shrug.yml.swp", "content/index.md~", "content/#index.md#",
                     "overrides/assets/atlas.css~"):
        (project / leftover).write_text("name: [half-saved\n")
    result = build(project)
    assert result.returncode == 0, result.output
    published = {path.relative_to(result.site).as_posix() for path in result.site.rglob("*")}
    assert {"index.html", "exercises/shrug/index.html"} <= published
    assert [path for path in published if "~" in path or "#" in path or ".swp" in path] == []
    worker = (result.site / "sw.js").read_text(encoding="utf-8")
    assert "~" not in worker and "index.md" not in worker


def test_links_in_the_theme_folder_are_refused_and_nothing_is_published_precached_or_exported(project: Path, secret: Path) -> None:
    (project / "overrides/assets/leak.txt").symlink_to(secret)
    (project / "overrides/assets/leaked").symlink_to(secret.parent, target_is_directory=True)
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if line.startswith("ERROR")] == [
        f"ERROR   -  overrides/assets/leak.txt: file: {OUTSIDE}", f"ERROR   -  overrides/assets/leaked: folder: {OUTSIDE}",
        "ERROR   -  Upper Back Atlas: 2 problems in the sources; nothing was built."]
    assert not (project / "site").exists()
    exported = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "export", str(project.parent / "out")],
                              capture_output=True, text=True)
    assert exported.returncode == 1 and not (project.parent / "out").exists()
    assert exported.stderr.splitlines()[0] == f"overrides/assets/leak.txt: file: {OUTSIDE}"


@pytest.mark.parametrize(("setting", "written"), [("theme.custom_dir", "theme:\n  name: material\n  custom_dir: ../elsewhere\n"),
                                                  ("docs_dir", "docs_dir: ../elsewhere\n"), ("watch", "watch: [../elsewhere]\n")])
def test_a_folder_the_build_reads_named_outside_the_project_is_a_problem(project: Path, setting: str, written: str) -> None:
    elsewhere = project.parent / "elsewhere"
    shutil.copytree(project / ("overrides" if setting == "theme.custom_dir" else "content"), elsewhere)
    config = project / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text())
    settings.update(yaml.safe_load(written))
    config.write_text(yaml.safe_dump(settings))
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert f"ERROR   -  mkdocs.yml: {setting}: {str(elsewhere)!r} is outside the project; expected a path inside it " \
           "(nothing outside the project is ever published)" in result.output.splitlines()


def test_a_watched_folder_with_a_link_outside_is_a_problem(project: Path, secret: Path) -> None:
    (project / "notes").mkdir()
    (project / "notes/secret.md").symlink_to(secret)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "watch: [notes]\n")
    result = build(project)
    assert result.returncode == 1
    assert f"ERROR   -  notes/secret.md: file: {OUTSIDE}" in result.output.splitlines()


def test_a_hand_made_file_at_a_generated_address_is_one_line_not_a_stack_excerpt(project: Path) -> None:
    (project / "content/api").mkdir()
    (project / "content/api/exercises.json").write_text('{"version": 0}')
    (project / "content/sw.js").write_text("// hand-made")
    result = build(project)
    assert result.returncode == 1
    assert [line for line in result.output.splitlines() if line.startswith("ERROR") or "File " in line] == [
        "ERROR   -  content/api/exercises.json: file: has the address of the JSON export (api/exercises.json); move or rename the file",
        "ERROR   -  content/sw.js: file: has the address of the service worker (sw.js); move or rename the file",
        "ERROR   -  Upper Back Atlas: 2 problems in the sources; nothing was built."]


def test_every_address_the_build_writes_is_reserved(project: Path) -> None:
    layout = ProjectLayout(project, project / "content", theme_dir=project / "overrides")
    site = generate_site(layout)
    reserved = reserved_addresses(layout, site.atlas)
    made = {output_path(page.src_uri) for page in site.pages} | {file.src_uri for file in site.files}
    assert made - set(reserved) == set()
    assert {"sw.js", "search/search_index.json", "manifest.webmanifest", "assets/atlas.css", "exercises/shrug/index.html"} <= set(reserved)


def test_a_content_folder_linked_outside_is_one_line_and_none_of_its_files_is_read(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (project / "content").rename(elsewhere)
    (elsewhere / "guides/sample.md").write_text("---\ntitle: [secret text\n---\n")
    (project / "content").symlink_to(elsewhere, target_is_directory=True)
    assert _problems(project) == [f"content: folder: {OUTSIDE}"]
