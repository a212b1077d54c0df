"""Every broken source stops the build with one clear line per problem, and leaves the last site untouched.

Each case is a folder in bad_input/: `files/` overlays the minimal project, `remove.txt` lists files to
delete, `pad.txt` pads a file to a size, and `expected.txt` holds the exact error lines.
Set UPDATE_GOLDEN=1 to write expected.txt from the current output (then read every line before committing).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import build, make_project

CASES = Path(__file__).parent / "bad_input"
ERROR_PREFIX = "ERROR   -  "


def _apply(case: Path, project: Path) -> None:
    if (case / "files").is_dir():
        shutil.copytree(case / "files", project, dirs_exist_ok=True)
    if (case / "remove.txt").is_file():
        for line in (case / "remove.txt").read_text().split():
            (project / line).unlink()
    if (case / "pad.txt").is_file():
        path, size = (case / "pad.txt").read_text().split()
        with (project / path).open("a") as file:
            file.write("# " + "x" * int(size) + "\n")


@pytest.mark.parametrize("case", sorted(path.name for path in CASES.iterdir() if path.is_dir()))
def test_bad_input_is_reported_and_nothing_is_written(case: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _apply(CASES / case, project)
    previous = project / "site" / "index.html"
    previous.parent.mkdir()
    previous.write_text("the previous site")

    result = build(project)

    errors = [line[len(ERROR_PREFIX):] for line in result.output.splitlines() if line.startswith(ERROR_PREFIX)]
    golden = CASES / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text("\n".join(errors) + "\n")
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert errors == golden.read_text().splitlines()
    assert errors[-1].startswith("Upper Back Atlas: ") and errors[-1].endswith("in the sources; nothing was built.")
    assert [path.name for path in (project / "site").rglob("*")] == ["index.html"]
    assert previous.read_text() == "the previous site"
