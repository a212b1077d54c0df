"""Every broken source is reported with one clear line per problem; a few cases also go through `mkdocs build`.

Each case is a folder in bad_input/: `files/` overlays the minimal project, `remove.txt` lists files to
delete, `pad.txt` pads a file to a size, `repeat.txt` appends text to a file many times (`PATH COUNT TEXT` a line,
the text with backslash escapes such as \\n), `links.txt` makes symbolic links (`PATH TARGET` a line; a target
starting with OUTSIDE/ is in a folder beside the project holding secret.txt and secrets/), and `expected.txt`
holds the exact error lines.
The cases are checked in-process through the core (fast); END_TO_END cases are also built with MkDocs,
which must print the same lines, exit 1 and leave the previous site untouched.
Set UPDATE_GOLDEN=1 to write expected.txt from the current output (then read every line before committing).
"""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL, build, make_project

from atlas.generation import generate_site
from atlas.layout import ProjectLayout
from atlas.problems import AtlasProblems

CASES = Path(__file__).parent / "bad_input"
ERROR_PREFIX = "ERROR   -  "
END_TO_END = ("several-files-at-once", "article-unknown-link", "yaml-syntax")
"""Cases also built with `mkdocs build`: records and articles together, an article alone, a file that does not parse."""


def _apply(case: Path, project: Path) -> None:
    if (case / "files").is_dir():
        shutil.copytree(case / "files", project, dirs_exist_ok=True)
    if (case / "repeat.txt").is_file():
        for line in (case / "repeat.txt").read_text().splitlines():
            path, count, text = line.split(" ", 2)
            with (project / path).open("a", encoding="utf-8") as file:
                file.write(codecs.decode(text, "unicode_escape") * int(count))
    if (case / "links.txt").is_file():
        outside = project.parent / "outside"
        (outside / "secrets").mkdir(parents=True, exist_ok=True)
        for secret in (outside / "secret.txt", outside / "secrets/passwords.txt"):
            secret.write_text("root:x:0:0:secret\n")
        for line in (case / "links.txt").read_text().splitlines():
            path, target = line.split(" ", 1)
            (project / path).parent.mkdir(parents=True, exist_ok=True)
            (project / path).symlink_to(str(outside / target.removeprefix("OUTSIDE/")) if target.startswith("OUTSIDE/") else target)
    if (case / "remove.txt").is_file():
        for line in (case / "remove.txt").read_text().split():
            (project / line).unlink()
    if (case / "pad.txt").is_file():
        path, size = (case / "pad.txt").read_text().split()
        with (project / path).open("a") as file:
            file.write("# " + "x" * int(size) + "\n")


def _problem_lines(project: Path) -> list[str]:
    try:
        generate_site(ProjectLayout(project, project / "content", theme_dir=project / "overrides"))
    except AtlasProblems as problems:
        return [str(problem) for problem in problems.problems] + [problems.summary()]
    return []


@pytest.mark.parametrize("case", sorted(path.name for path in CASES.iterdir() if path.is_dir()))
def test_bad_input_is_reported(case: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    _apply(CASES / case, project)

    errors = _problem_lines(project)

    golden = CASES / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text("\n".join(errors) + "\n")
    assert errors == golden.read_text().splitlines()
    assert errors[-1].startswith("Upper Back Atlas: ") and errors[-1].endswith("in the sources; nothing was built.")


@pytest.mark.parametrize("case", END_TO_END)
def test_bad_input_stops_mkdocs_and_leaves_the_previous_site(case: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _apply(CASES / case, project)
    previous = project / "site" / "index.html"
    previous.parent.mkdir()
    previous.write_text("the previous site")

    result = build(project)

    errors = [line[len(ERROR_PREFIX) :] for line in result.output.splitlines() if line.startswith(ERROR_PREFIX)]
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert errors == (CASES / case / "expected.txt").read_text().splitlines()
    assert [path.name for path in (project / "site").rglob("*")] == ["index.html"]
    assert previous.read_text() == "the previous site"
