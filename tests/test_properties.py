"""Property-based: whatever a record or an article holds, the checker accepts it or reports problems; it never raises."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout
from atlas.problems import AtlasProblems
from atlas.records.model import ExerciseRecord, RoutineRecord

EXERCISE_FIELDS = sorted(ExerciseRecord.model_fields)
ROUTINE_FIELDS = sorted(RoutineRecord.model_fields)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40) | st.sampled_from(
    ["rhomboids", "upper-traps", "face-pull", "dumbbells", "strength", "beginner", "8-12", "60s", "<script>x</script>", "[[exercise:x]]"])
VALUES = st.recursive(SCALARS,
                      lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
                      max_leaves=12)
ONE_PROBLEM = re.compile(r"(?:exercises|content)/[^\s:]+(?::[1-9][0-9]*)?: [^\n]+: [^\n]+")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(mutate: Callable[[Path], None]) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(MINIMAL, root, dirs_exist_ok=True)
        mutate(root)
        try:
            build_atlas(ProjectLayout(root, root / "content"))
        except AtlasProblems as problems:
            assert problems.problems
            for problem in problems.problems:  # one line each, naming a file of the project, a field and a message
                assert ONE_PROBLEM.fullmatch(str(problem)), str(problem)
    finally:
        shutil.rmtree(root)


def _set_field(path: Path, field: str, value: object) -> None:
    record = yaml.safe_load(path.read_text())
    record[field] = value
    path.write_text(yaml.safe_dump(record, allow_unicode=True))


@SETTINGS
@given(field=st.sampled_from(EXERCISE_FIELDS), value=VALUES)
def test_any_value_in_any_exercise_field(field: str, value: object) -> None:
    _check(lambda root: _set_field(root / "exercises/shrug.yml", field, value))


@SETTINGS
@given(field=st.sampled_from(["primary", "secondary"]), value=VALUES)
def test_any_value_in_muscles(field: str, value: object) -> None:
    def mutate(root: Path) -> None:
        path = root / "exercises/shrug.yml"
        record = yaml.safe_load(path.read_text())
        record["muscles"][field] = value
        path.write_text(yaml.safe_dump(record))
    _check(mutate)


@SETTINGS
@given(field=st.sampled_from(ROUTINE_FIELDS + ["items", "item"]), value=VALUES)
def test_any_value_in_any_routine_field(field: str, value: object) -> None:
    def mutate(root: Path) -> None:
        path = root / "exercises/routines/quick-pull.yml"
        record = yaml.safe_load(path.read_text())
        if field == "items":
            record["blocks"][0]["items"] = value
        elif field == "item":
            record["blocks"][0]["items"][0] = value
        else:
            record[field] = value
        path.write_text(yaml.safe_dump(record))
    _check(mutate)


@SETTINGS
@given(text=st.text(max_size=300))
def test_any_text_as_a_record_file(text: str) -> None:
    _check(lambda root: (root / "exercises/shrug.yml").write_text(text))


@SETTINGS
@given(text=st.text(max_size=400) | st.lists(st.sampled_from(["# H", "## Face pull", "```", "!!! tip \"x\"", "    shrug",
                                                                 "[[exercise:shrug]]", "[a](b.md)", "rhomboids", "`code`", "---",
                                                                 "title: x", "{#id}"]),
                                                max_size=12).map("\n".join))
def test_any_text_as_an_article(text: str) -> None:
    _check(lambda root: (root / "content/guides/sample.md").write_text(text))

