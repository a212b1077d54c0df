"""Progression ladders: the record and its checks, the ladder page, "step n of m" on exercise pages, the muscle
pages' links and the JSON export; and the ids that link exercises to the open exercise databases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, BuildResult, build, make_project
from html_tree import parse_html
from mkdocs_process import run_mkdocs

from atlas.generation import build_atlas, generate_site
from atlas.layout import ProjectLayout
from atlas.problems import AtlasProblems
from atlas.records.kinds import MuscleKind, Role
from atlas.records.ladders import works

LADDER = {
    "name": "Rear delts for the test",
    "goal": "Build the rear delts.",
    "target": "rear-delts",
    "steps": [
        {"exercise": "band-pull-apart", "move_on": "3 x 20 with straight arms."},
        {"exercise": "face-pull", "move_on": "3 x 20 with the rope at the face."},
        {"exercise": "reverse-fly", "move_on": "Add load in small steps."},
    ],
}


def _add_reverse_fly(project: Path) -> None:
    record = yaml.safe_load((project / "exercises/face-pull.yml").read_text())
    record.update(name="Reverse fly for the test", aliases=[], level="intermediate",
                  easier=[{"exercise": "face-pull"}], harder=[], related=[])
    (project / "exercises/reverse-fly.yml").write_text(yaml.safe_dump(record, sort_keys=False))


def _write_ladder(project: Path, ladder_id: str, ladder: dict[str, object]) -> None:
    folder = project / "exercises/ladders"
    folder.mkdir(exist_ok=True)
    (folder / f"{ladder_id}.yml").write_text(yaml.safe_dump(ladder, sort_keys=False))


def _problems(project: Path) -> list[str]:
    try:
        generate_site(ProjectLayout(project, project / "content"))
    except AtlasProblems as problems:
        return [str(problem) for problem in problems.problems]
    return []


@pytest.fixture(scope="module")
def ladder_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = make_project(tmp_path_factory.mktemp("ladder") / "project")
    _add_reverse_fly(project)
    _write_ladder(project, "rear-delts", LADDER)
    (project / "content/climbing.md").write_text("---\ntitle: Climbing\ndescription: How to climb.\n---\n\n# Climbing\n\n"
                                                 "Climb the [[ladder:rear-delts]] one step at a time.\n")
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def test_the_ladder_page_shows_every_step_in_order_with_its_figure_level_and_criterion(ladder_site: BuildResult) -> None:
    page = parse_html(ladder_site.article("ladders/rear-delts/"))
    steps = page.with_class("uba-ladder__step")
    assert len(steps) == 3
    assert [[node.text for node in step.with_class("uba-ladder__number")] for step in steps] == [
        ["Step 1 of 3"], ["Step 2 of 3"], ["Step 3 of 3"]]
    assert [step.links()[0] for step in steps] == [
        ("Band pull-apart", "../../exercises/band-pull-apart/"),
        ("Face pull", "../../exercises/face-pull/"),
        ("Reverse fly for the test", "../../exercises/reverse-fly/"),
    ]
    for step in steps:
        assert step.with_class("uba-fig-thumb")  # each step shows its figure
    criteria = [node.text for node in page.with_class("uba-ladder__criterion")]
    assert criteria == ["Move up when: 3 x 20 with straight arms.", "Move up when: 3 x 20 with the rope at the face.",
                        "Then: Add load in small steps."]
    assert "Intermediate" in page.with_class("uba-ladder__note")[2].text


def test_an_exercise_on_a_ladder_says_which_step_it_is_with_the_steps_around_it(ladder_site: BuildResult) -> None:
    page = parse_html(ladder_site.article("exercises/face-pull/"))
    boxes = [box for box in page.with_class("admonition") if "progression ladder" in box.text]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.text.startswith("Step 2 of 3 on a progression ladder")
    assert box.links() == [
        ("Rear delts for the test", "../../ladders/rear-delts/"),
        ("Band pull-apart", "../band-pull-apart/"),
        ("Reverse fly for the test", "../reverse-fly/"),
    ]
    assert "once you can do this: 3 x 20 with the rope at the face." in box.text
    first = parse_html(ladder_site.article("exercises/band-pull-apart/"))
    box = next(box for box in first.with_class("admonition") if "progression ladder" in box.text)
    assert "Step before" not in box.text and "Step 1 of 3" in box.text
    assert not [box for box in parse_html(ladder_site.article("exercises/shrug/")).with_class("admonition")
                if "progression ladder" in box.text]


def test_the_muscle_page_and_the_index_link_the_ladder_and_the_export_carries_it(ladder_site: BuildResult) -> None:
    muscle = parse_html(ladder_site.article("muscles/rear-delts/"))
    assert ("Rear delts for the test", "../../ladders/rear-delts/") in muscle.links()
    index = parse_html(ladder_site.article("ladders/"))
    rows = [row.links() for row in index.find_all("tr")][1:]
    assert rows == [[("Rear delts for the test", "rear-delts/"), ("Rear delts", "../muscles/rear-delts/")]]
    data = json.loads((ladder_site.site / "api/exercises.json").read_text())
    assert data["ladders"] == [{
        "id": "rear-delts", "name": "Rear delts for the test", "url": "ladders/rear-delts/", "target": "rear-delts",
        "steps": [{"exercise": step["exercise"], "move_on": step["move_on"]} for step in LADDER["steps"]],  # type: ignore[index]
    }]
    by_id = {exercise["id"]: exercise for exercise in data["exercises"]}
    assert by_id["face-pull"]["ladders"] == [{"id": "rear-delts", "step": 2}]
    assert by_id["shrug"]["ladders"] == []


def test_an_article_links_a_ladder_by_its_id(ladder_site: BuildResult) -> None:
    article = parse_html(ladder_site.article("climbing/"))
    assert ("Rear delts for the test", "../ladders/rear-delts/") in article.links()


def test_a_ladder_that_breaks_its_rules_is_reported_with_file_line_and_field(project: Path) -> None:
    _add_reverse_fly(project)
    down = {**LADDER, "steps": [LADDER["steps"][0], LADDER["steps"][2], {"exercise": "face-pull"}]}  # type: ignore[index]
    _write_ladder(project, "down", down)
    wrong = {"name": "Wrong", "goal": "Nothing good.", "target": "rear-delt",
             "steps": [{"exercise": "band-pull-apart"}, {"exercise": "shrug", "move_on": "x"}, {"exercise": "face-pulls"}]}
    _write_ladder(project, "wrong", wrong)
    traps = {"name": "Traps", "goal": "Traps.", "target": "upper-traps", "sources": ["nobody-2020"],
             "steps": [{"exercise": "shrug", "move_on": "x"}, {"exercise": "face-pull", "move_on": "x"}, {"exercise": "shrug"}]}
    _write_ladder(project, "traps", traps)
    assert _problems(project) == [
        "exercises/ladders/down.yml:7: steps[1].exercise: neither Band pull-apart nor Reverse fly for the test names the other as its "
        "harder or easier option; expected a link in one of the records, or `why:` on this step",
        "exercises/ladders/down.yml:9: steps[2].exercise: Face pull (beginner) is easier than the step before, "
        "Reverse fly for the test (intermediate); expected levels that never go down",
        "exercises/ladders/down.yml:9: steps[2].exercise: Reverse fly for the test and Face pull name each other the other way "
        "round (easier/harder); expected the ladder's order or a fix to the exercise records",
        "exercises/ladders/traps.yml:5: sources[0]: unknown source 'nobody-2020'; expected an id of exercises/sources/<id>.yml",
        "exercises/ladders/traps.yml:9: steps[1].exercise: Face pull does not work Upper traps (primary or secondary); "
        "expected every step to work the ladder's target",
        "exercises/ladders/traps.yml:9: steps[1].exercise: neither Shrug nor Face pull names the other as its harder or easier "
        "option; expected a link in one of the records, or `why:` on this step",
        "exercises/ladders/traps.yml:11: steps[2].exercise: 'shrug' is already a step of this ladder; expected each exercise once",
        "exercises/ladders/traps.yml:11: steps[2].exercise: neither Face pull nor Shrug names the other as its harder or easier "
        "option; expected a link in one of the records, or `why:` on this step",
        "exercises/ladders/wrong.yml:3: target: unknown muscle 'rear-delt'; expected a group or part id from the taxonomy",
        "exercises/ladders/wrong.yml:5: steps[0].move_on: is missing; expected the criterion to move up to the next step",
        "exercises/ladders/wrong.yml:6: steps[1].exercise: neither Band pull-apart nor Shrug names the other as its harder or "
        "easier option; expected a link in one of the records, or `why:` on this step",
        "exercises/ladders/wrong.yml:8: steps[2].exercise: unknown exercise 'face-pulls'; expected an id of exercises/<id>.yml",
    ]




def test_the_real_ladders_cover_every_upper_back_group_that_has_exercises_to_climb() -> None:
    atlas = build_atlas(ProjectLayout(REPO, REPO / "content"))
    assert len(atlas.ladders) >= 8
    covered = {atlas.group_id_of(ladder.target) for ladder in atlas.ladders.values()}
    climbable = {group.id for group in atlas.groups.values() if group.kind is MuscleKind.UPPER_BACK
                 and len(atlas.exercises_for(group.id, Role.PRIMARY)) >= 3}
    assert climbable - covered == set()
    for ladder in atlas.ladders.values():  # the build's checks held: every step works the target, levels never go down
        assert all(works(atlas, atlas.exercises[step], ladder.target) for step in ladder.exercise_ids)


FOREIGN = [
    {"id": "Band_Thing", "name": "Band <b>Thing</b>", "level": "expert", "category": "strength", "mechanic": "isolation", "force": "static",
     "equipment": "bands", "primaryMuscles": ["traps", "middle back"], "secondaryMuscles": ["lats"],
     "instructions": ["Hold the band.\u0007 Pull it apart.", "x" * 700]},
    {"id": "Face_Pull", "name": "Cable face pull", "equipment": "cable"},
    {"name": "Shrug"},
    ["not", "a", "record"],
    {"name": "   "},
]


def test_import_writes_drafts_with_only_what_the_source_says(project: Path) -> None:
    source = project / "foreign.json"
    source.write_text(json.dumps(FOREIGN))
    result = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "import", str(source)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "foreign.json[1]: 'Face_Pull' is already linked from an exercise's ids; left out",
        "foreign.json[2]: 'shrug' already exists as an exercise or a draft; left out",
        "foreign.json[3]: name: expected a record with a name; left out",
        "foreign.json[4]: name: expected a record with a name; left out",
    ]
    assert sorted(path.name for path in (project / "exercises/drafts").iterdir()) == ["band-b-thing-b.yml"]
    draft = yaml.safe_load((project / "exercises/drafts/band-b-thing-b.yml").read_text())
    assert draft == {
        "draft": True, "name": "Band <b>Thing</b>", "imported_from": "free-exercise-db", "ids": {"free_exercise_db": "Band_Thing"},
        "level": "advanced", "category": "strength", "mechanics": "isolation", "force": "hold", "equipment": ["resistance-band"],
        "muscles": {"primary": ["traps"], "secondary": ["lats"]},
        "steps": ["Hold the band. Pull it apart.", "x" * 600, "x" * 100],
        "unmapped": ["primary muscle: middle back"],
    }


def test_a_draft_is_shown_with_its_banner_but_a_strict_build_refuses_it(project: Path, tmp_path: Path) -> None:
    (project / "exercises/drafts").mkdir()
    (project / "exercises/drafts/band-thing.yml").write_text(yaml.safe_dump({
        "draft": True, "name": "Band <script>alert(1)</script> thing", "imported_from": "free-exercise-db",
        "equipment": ["resistance-band"], "muscles": {"primary": ["traps"]}, "steps": ["Pull the band <i>apart</i>."]}))
    strict = build(project)
    warnings = [line for line in strict.output.splitlines() if line.startswith("WARNING")]
    assert strict.returncode == 1 and not (project / "site").exists()
    assert warnings == ["WARNING -  exercises/drafts/band-thing.yml:1: draft: not published: finish category, level, mechanics, actions, "
                        "summary, sources, figure, remove `draft: true` and move it to exercises/"]
    relaxed_site = tmp_path / "served"
    printed = tmp_path / "printed"
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    status = run_mkdocs(["build", "--site-dir", str(relaxed_site)], project, environment, printed.with_suffix(".out"),
                        printed.with_suffix(".err"), timeout=600)
    assert status == 0  # without --strict, as `mkdocs serve` builds
    page = parse_html(BuildResult(0, "", relaxed_site).article("exercises/band-thing/"))
    banner = page.with_class("admonition")[0]
    assert banner.text.startswith("Draft: not checked, not published")
    assert not page.find_all("script") + page.find_all("i")  # record text stays text
    data = json.loads((relaxed_site / "api/exercises.json").read_text())
    assert "band-thing" not in {exercise["id"] for exercise in data["exercises"]}
    assert "draft: not published" in printed.with_suffix(".err").read_text()


def test_the_export_carries_the_ids_and_names_each_databases_licence(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "exported"
    result = subprocess.run([sys.executable, "-m", "atlas", "--project", str(project), "export", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "docs/api/exercises.json").read_text())
    assert {exercise["id"]: exercise.get("ids") for exercise in data["exercises"]}["face-pull"] == {"free_exercise_db": "Face_Pull"}
    entries = [line for line in (out / "README.md").read_text().splitlines() if line.startswith("- **")]
    assert entries == [
        "- **free\\-exercise\\-db** (`ids.free_exercise_db`, 1 exercises): public domain, released under the Unlicense "
        "\\(github\\.com/yuhonas/free\\-exercise\\-db\\)\\.",
        "- **wger** (`ids.wger`, 0 exercises): each exercise carries its own licence, given with it in wger's data \\(wger\\.de\\)\\.",
    ]
