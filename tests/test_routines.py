"""Routines: pages, the checks of level, duration and equipment, generation by coaching rules, and programmes."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SIMPLE_FIGURE, BuildResult, build

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout
from atlas.records.model import Dose, Level, Routine, RoutineBlock, RoutineItem, WarmUp
from atlas.routines.routine_checks import check_labels
from atlas.records.model import Category, Load
from atlas.routines.load_steps import LOAD_STEPS
from atlas.routines.routine_generation import LEVEL_CAP, NEEDS, PREPARE_SETS, TIME_BUDGET_MINUTES, Phase, phase_of
from atlas.routines.routine_checks import LEVEL_RANK
from atlas.routines.routine_time import dose_seconds, routine_seconds

LAYOUT = ProjectLayout(REPO, REPO / "content")
ERROR = "ERROR   -  "


def _exercise(name: str, category: str, primary: list[str], equipment: list[str], **extra: object) -> dict[str, object]:
    record = {"name": name, "category": category, "level": "beginner", "equipment": equipment, "muscles": {"primary": primary},
              "summary": f"{name} for the test.", "steps": ["Do it slowly."], "cues": [f"{name} cue"],
              "dose": {"sets": 2, "reps": 10, "rest": "60s"}, "actions": ["scapular-retraction"], "sources": ["neumann-2017"],
              "figure": SIMPLE_FIGURE}
    if category == "strength" and equipment != ["none"]:
        record["safety"] = ["Use a light load."]
    return record | extra


TRAINING_SET = {
    "farmers-walk": _exercise("Farmers walk", "strength", ["upper-traps"], ["dumbbells"], mechanics="compound", force="carry",
                              dose={"sets": 2, "distance": "20 m", "rest": "60s"}),
    "a-shrug-isolation": _exercise("Aardvark shrug", "strength", ["upper-traps"], ["dumbbells"], mechanics="isolation", force="pull"),
    "chin-pull": _exercise("Chin pull", "strength", ["lower-traps", "lats"], ["pull-up-bar"], mechanics="compound", force="pull",
                           direction="vertical"),
    "cable-row": _exercise("Cable row", "strength", ["middle-traps", "rhomboids"], ["cable-machine"], mechanics="compound", force="pull",
                           direction="horizontal"),
    "other-cable-row": _exercise("Another cable row", "strength", ["middle-traps"], ["cable-machine"], mechanics="compound", force="pull",
                                 direction="horizontal"),
    "prone-lift": _exercise("Prone lift", "activation", ["lower-traps", "middle-traps"], ["mat"], mechanics="isolation",
                            actions=["scapular-depression", "scapular-upward-rotation"]),
}


@pytest.fixture
def training_project(project: Path) -> Path:
    for exercise_id, record in TRAINING_SET.items():
        (project / f"exercises/{exercise_id}.yml").write_text(yaml.safe_dump(record, sort_keys=False))
    return project


def test_routine_page_has_plan_coverage_and_safety_once_and_links_its_sheet(minimal_site: BuildResult) -> None:
    html = minimal_site.article("routines/quick-pull/")
    assert "Wake up the upper back before rows." in html
    plan = html[html.index('<div class="uba-plan">'):]
    table = plan[plan.index("<table>"): plan.index("</table>")]
    assert '<a href="../../exercises/band-pull-apart/">Band pull-apart</a></td>\n<td>2 × 15</td>\n<td>30 s</td>' in table
    assert "light load" in table  # the item's note is its key cue
    coverage = html[html.index('id="muscles-it-works"'):]
    assert '<a href="../../muscles/rear-delts/">Rear delts</a></td>\n<td>2</td>' in coverage
    page = minimal_site.page("routines/quick-pull/")
    assert 'class="uba-sheet"' not in page  # the sheet has a page of its own
    assert '<a class="md-button" href="sheet/?print=1" data-uba-keep="sheet/">Print sheet</a>' in page
    assert page.count('id="lift-safely"') == 1 and page.count('class="uba-sheet-pain"') == 1  # the safety text once
    assert page.count('class="uba-sheet-safety"') == 1 and page.count("Stop and see a professional first") == 1
    assert '<details class="warning">' in page and page.count('<div class="admonition warning">') == 0  # no box per exercise
    assert page.count('<li><strong><a href="../../exercises/face-pull/">Face pull</a>:</strong>') == 1


def test_the_sheet_has_a_light_page_of_its_own(minimal_site: BuildResult) -> None:
    """/routines/<id>/sheet/: the sheet alone (no plan, no session data), a link back to the routine, out of search."""
    page = minimal_site.page("routines/quick-pull/sheet/")
    assert page.count('<section class="uba-sheet"') == 1 and 'class="uba-plan"' not in page and "uba-session" not in page
    assert 'href="../">Quick pull warm-up</a>' in page and "data-uba-print" in page
    sheet = page[page.index('<section class="uba-sheet"'):]
    grids = sheet.count('<table class="uba-sheet-grid')
    assert grids == 3  # a short routine: three grids of six sessions, one below the other
    assert sheet.count('<tbody class="uba-sheet-item">') == 2 * grids
    assert sheet.count("<tr>") == (1 + 2 + 2) * grids  # the head, then a row for each set
    assert "Session 18" in sheet and "Session 19" not in sheet and "Pain rule:" in sheet and "Red flags" in sheet
    assert 'class="uba-qr"' in sheet and "Stop and see a professional first" not in page
    index = json.loads((minimal_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("routines/quick-pull/sheet/")]


def test_routine_index_lists_programmes_authored_generated_and_the_builder(real_site: BuildResult) -> None:
    html = real_site.article("routines/")
    for routine in ("pre-pull-activation", "desk-posture-reset", "upper-back-strength-gym", "upper-back-strength-home",
                    "cuff-and-rear-delt-day"):
        assert f'href="{routine}/"' in html
    assert 'href="builder/"' in html
    assert html.index("Programmes") < html.index('href="upper-back-four-weeks/"') < html.index("Written by hand")
    assert html.index("Written by hand") < html.index("Generated from the atlas") < html.index('href="focus-traps/"')


def test_every_routine_authored_and_generated_is_true_to_its_labels() -> None:
    atlas = build_atlas(LAYOUT)
    assert len(atlas.routines) >= 11
    for routine in atlas.routines.values():
        assert check_labels(routine, atlas.exercises, lambda key: 0) == [], routine.id


def test_focus_sessions_for_every_upper_back_group_and_the_parts_that_need_them() -> None:
    atlas = build_atlas(LAYOUT)
    for target in ("traps", "rhomboids", "rotator-cuff", "rear-delts", "serratus-anterior", "lower-traps"):
        routine = atlas.routines[f"focus-{target}"]
        assert routine.generated and routine.minutes <= TIME_BUDGET_MINUTES
        items = [item for block in routine.blocks for item in block.items]
        phases = [phase_of(atlas.exercises[item.exercise_id]) for item in items]
        assert phases == sorted(phases), target
        assert phases[0] is Phase.PREPARE and Phase.CARRY not in phases[:-1], target
        assert all(routine.reasons.get(item.exercise_id) for item in items)


def test_generation_orders_by_phase_and_chooses_by_specificity(training_project: Path) -> None:
    atlas = build_atlas(ProjectLayout(training_project, training_project / "content"))
    traps = atlas.routines["focus-traps"]
    names = [(block.name, item.exercise_id) for block in traps.blocks for item in block.items]
    assert names[0] == ("Activation and mobility", "prone-lift")
    assert names[-1] == ("Carry", "farmers-walk")  # the carry, first by name, comes last
    compound = [exercise_id for block, exercise_id in names if block == "Compound lifts"]
    assert compound == ["other-cable-row", "chin-pull"]  # the most specific row, then a vertical pull rather than a second row
    assert ("Isolation and holds", "a-shrug-isolation") in names  # the upper traps are covered by an isolation lift
    why = traps.reasons
    assert why["other-cable-row"].startswith("The main lift, a horizontal pull: works the middle traps hardest")
    assert why["chin-pull"].startswith("A second lift, a vertical pull: works the lower traps hardest")
    assert why["farmers-walk"].startswith("A loaded carry for the upper traps, last")
    assert not any("heavy" in reason for reason in why.values())
    assert (build_atlas(ProjectLayout(training_project, training_project / "content")).routines
            == atlas.routines)  # same records, same routines
    assert "focus-lower-traps" in atlas.routines  # the prone lift draws the shoulder blade down and turns it up


def _generated_items(routine: Routine) -> list[RoutineItem]:
    return [item for block in routine.blocks for item in block.items]


def test_generated_sessions_train_what_their_target_needs() -> None:
    """The cuff turns the arm out at the side or supported; the lower traps draw the shoulder blade down and turn it up."""
    atlas = build_atlas(LAYOUT)
    for target, needs in NEEDS.items():
        exercises = [atlas.exercises[item.exercise_id] for item in _generated_items(atlas.routines[f"focus-{target}"])]
        for need in needs:
            assert any(need.met_by(exercise) for exercise in exercises), (target, need.words)
    cuff = [atlas.exercises[item.exercise_id] for item in _generated_items(atlas.routines["focus-rotator-cuff"])]
    assert any("shoulder-external-rotation" in e.actions and Load.SHOULDER_AT_SIDE in e.loads for e in cuff)
    first = atlas.exercises[_generated_items(atlas.routines["focus-lower-traps"])[0].exercise_id]
    assert all(need.met_by(first) for need in NEEDS["lower-traps"]), first.id  # prone Y, not prone T or W


def test_generated_sessions_are_warm_safe_and_no_harder_than_they_say() -> None:
    atlas = build_atlas(LAYOUT)
    generated = [routine for routine in atlas.routines.values() if routine.generated]
    assert len(generated) >= 6
    for routine in generated:
        items = _generated_items(routine)
        exercises = [atlas.exercises[item.exercise_id] for item in items]
        assert routine.warm_up and routine.warm_up.minutes >= 5, routine.id
        assert not any(exercise.static_stretch for exercise in exercises), routine.id  # warm-ups are dynamic drills
        assert not any(Load.SHOULDER_RAISED_TURNED_IN in exercise.loads for exercise in exercises), routine.id  # no upright row
        assert exercises[-1].force != "carry" or Load.SHOULDER_OVERHEAD not in exercises[-1].loads, routine.id
        assert LEVEL_RANK[routine.level] <= LEVEL_RANK[LEVEL_CAP] or any(routine.level.value.capitalize() in note for note in routine.notes)
        compound = [item for item in items if phase_of(atlas.exercises[item.exercise_id]) is Phase.COMPOUND]
        assert compound and compound[0].ramp_up == 1 and all(item.ramp_up is None for item in compound[1:]), routine.id
        assert routine.reasons[compound[0].exercise_id].startswith("The main lift"), routine.id
        notes = " ".join(routine.notes)
        assert "Load:" in notes and "Progression:" in notes and "Pain:" in notes and "pain rule" in notes, routine.id
    traps = [item.exercise_id for item in _generated_items(atlas.routines["focus-traps"])]
    assert "shrug" in traps and "upright-row" not in traps  # the upper traps' only compound lift carries a caution


def test_generated_progression_names_the_declared_load_steps() -> None:
    atlas = build_atlas(LAYOUT)
    cuff = next(step for step in LOAD_STEPS if step.id == "cuff")
    notes = " ".join(atlas.routines["focus-rotator-cuff"].notes)
    assert f"{cuff.kind} {cuff.short}" in notes


STATIC_STRETCH = _exercise("A trap stretch", "mobility", ["middle-traps", "lower-traps"], ["mat"], mechanics="isolation",
                           dose={"sets": 3, "hold": "30s", "per_side": True})


def test_a_static_stretch_never_opens_a_generated_session(training_project: Path) -> None:
    (training_project / "exercises/a-trap-stretch.yml").write_text(yaml.safe_dump(STATIC_STRETCH, sort_keys=False))
    atlas = build_atlas(ProjectLayout(training_project, training_project / "content"))
    items = _generated_items(atlas.routines["focus-traps"])
    assert "a-trap-stretch" not in [item.exercise_id for item in items]
    assert items[0].exercise_id == "prone-lift" and atlas.exercises["prone-lift"].category is Category.ACTIVATION


def test_a_target_with_nothing_but_carries_gets_no_session(project: Path) -> None:
    for name in ("Serratus carry", "Other serratus carry"):
        record = _exercise(name, "strength", ["serratus-anterior"], ["kettlebell"], mechanics="compound", force="carry",
                           dose={"sets": 2, "distance": "20 m", "rest": "60s"})
        (project / f"exercises/{name.lower().replace(' ', '-')}.yml").write_text(yaml.safe_dump(record, sort_keys=False))
    atlas = build_atlas(ProjectLayout(project, project / "content"))
    assert {"serratus-carry", "other-serratus-carry"} <= set(atlas.exercises)
    assert "focus-serratus-anterior" not in atlas.routines  # it would open with a carry
    for routine in atlas.routines.values():
        items = _generated_items(routine)
        assert atlas.exercises[items[0].exercise_id].force != "carry", routine.id


def test_a_cuff_session_without_outward_rotation_at_the_side_is_not_made(project: Path) -> None:
    def rotation(name: str, loads: list[str]) -> dict[str, object]:
        return _exercise(name, "strength", ["infraspinatus"], ["resistance-band"], mechanics="isolation",
                         actions=["shoulder-external-rotation"], loads=loads)
    (project / "exercises/high-rotation.yml").write_text(yaml.safe_dump(rotation("High rotation", ["shoulder-raised-turned-out"])))
    atlas = build_atlas(ProjectLayout(project, project / "content"))
    assert "focus-rotator-cuff" not in atlas.routines  # face pull and 90/90 work turn the arm out raised, not at the side
    (project / "exercises/side-rotation.yml").write_text(yaml.safe_dump(rotation("Side rotation", ["shoulder-at-side"])))
    atlas = build_atlas(ProjectLayout(project, project / "content"))
    cuff = atlas.routines["focus-rotator-cuff"]
    assert "side-rotation" in [item.exercise_id for item in _generated_items(cuff)]
    assert "outward rotation with the arm at the side or supported" in cuff.reasons["side-rotation"]


def test_no_equipment_is_never_new_equipment(training_project: Path) -> None:
    record = _exercise("Zed prone lift", "activation", ["lower-traps", "middle-traps"], ["resistance-band"], mechanics="isolation")
    (training_project / "exercises/zed-prone-lift.yml").write_text(yaml.safe_dump(record, sort_keys=False))
    atlas = build_atlas(ProjectLayout(training_project, training_project / "content"))
    reasons = atlas.routines["focus-traps"].reasons
    assert "prone-lift" in reasons and not any("mat the session already needs" in reason for reason in reasons.values())


def test_generated_page_explains_each_choice(real_site: BuildResult) -> None:
    html = real_site.article("routines/focus-rotator-cuff/")
    assert "made by the build from the atlas" in html and "<th>Why this one</th>" in html
    assert re.search(r"works the supraspinatus[a-z, ]* hardest", html) and "General warm-up, 5 min" in html


def test_duration_estimate_counts_what_doses_say() -> None:
    assert dose_seconds(Dose(sets=3, reps="8-12", rest="60s")) == 3 * 10 * 4 + 2 * 60
    assert dose_seconds(Dose(sets=2, reps="10", per_side=True, rest="30s")) == 2 * 10 * 4 * 2 + 30
    assert dose_seconds(Dose(sets=1, reps="5", positions=5)) == 5 * 5 * 4
    assert dose_seconds(Dose(sets=2, hold="30s", per_side=True)) == 2 * 30 * 2
    assert dose_seconds(Dose(sets=3, distance="30 m", rest="90s")) == 3 * 30 + 2 * 90
    item = RoutineItem(exercise="x", sets=1, reps=5, ramp_up=2)
    routine = Routine(id="r", source=None, name="R", goal="g", level=Level.BEGINNER, duration="5 min",
                      blocks=(RoutineBlock(name="B", items=(item,)),), warm_up=WarmUp(text="Row", minutes=5))
    assert routine_seconds(routine) == 5 * 60 + 30 + 2 * 60 + 20


BAD_ROUTINE = """\
name: Mislabelled
goal: Says less than it does.
level: beginner
duration: 30 min
equipment: [resistance-band, cable-machine]
blocks:
  - name: Main
    items:
      - {exercise: shrug, sets: 3, reps: 12, rest: 60s}
      - {exercise: band-pull-apart, sets: 2, reps: 15}
"""


def test_mislabelled_routine_stops_the_build_with_file_line_field(project: Path) -> None:
    shrug = project / "exercises/shrug.yml"
    shrug.write_text(shrug.read_text().replace("level: beginner", "level: intermediate"))
    (project / "exercises/routines/mislabelled.yml").write_text(BAD_ROUTINE)
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output
    errors = [line[len(ERROR):] for line in result.output.splitlines() if line.startswith(ERROR)]
    assert errors[:-1] == [
        "exercises/routines/mislabelled.yml:3: level: 'beginner' is easier than its hardest exercise, Shrug (intermediate); "
        "expected at least intermediate",
        "exercises/routines/mislabelled.yml:4: duration: '30 min' does not match its doses, about 7 min by the estimate rule "
        "(README, routine_time.py); expected 5-9 min",
        "exercises/routines/mislabelled.yml:5: equipment: does not cover Shrug, which needs dumbbells; "
        "expected every exercise's equipment listed",
        "exercises/routines/mislabelled.yml:5: equipment: lists cable-machine, which no exercise needs; expected only the equipment used",
    ]


def test_equipment_alternatives_count_for_a_routine(project: Path) -> None:
    assert "equipment_alternatives:\n  - [resistance-band]" in (project / "exercises/face-pull.yml").read_text()
    (project / "exercises/routines/band-only.yml").write_text(
        "name: Band only\ngoal: No cable needed.\nlevel: beginner\nduration: 7 min\nequipment: [resistance-band]\nblocks:\n"
        "  - name: Main\n    items:\n      - {exercise: face-pull, sets: 3, reps: 12, rest: 60s}\n"
        "      - {exercise: band-pull-apart, sets: 2, reps: 15}\n")
    result = build(project)
    assert result.returncode == 0, result.output
    assert "Also works with: resistance band." in unescape(result.article("routines/band-only/"))  # the plan
    assert "Also works with: resistance band." in result.page("routines/band-only/sheet/")


def test_programme_page_has_the_rule_the_plan_and_a_log_per_session(real_site: BuildResult) -> None:
    html = real_site.article("routines/upper-back-four-weeks/")
    assert "How to progress" in html and "add the smallest load step" in html
    plan = html[html.index('id="the-plan"'):]
    assert plan.count("<td>Week ") == 4
    page = real_site.page("routines/upper-back-four-weeks/")
    assert 'class="uba-sheet"' not in page and ">Save this programme for offline</button>" in page  # keeps the sheets too
    for label in ("a", "b"):
        assert f'<a class="md-button" href="sheet-{label}/?print=1" data-uba-keep="sheet-{label}/">Print sheet {label.upper()}</a>' in page
    sheets = {label: real_site.page(f"routines/upper-back-four-weeks/sheet-{label}/") for label in ("a", "b")}
    for sheet in sheets.values():
        assert sheet.count('<section class="uba-sheet"') == 1 and 'href="../">Upper back in four weeks</a>' in sheet
        assert sheet.count(">Week 1<") == 1 and sheet.count(">Week 4<") == 1 and "Week 5" not in sheet
    assert "session A, Upper back strength, gym" in sheets["a"] and "session B, Rotator cuff and rear delt day" in sheets["b"]


def test_load_steps_are_declared_once_and_shown_on_the_programme_its_sheets_and_the_export(real_site: BuildResult) -> None:
    steps = {step.id: step for step in LOAD_STEPS}
    html = real_site.article("routines/upper-back-four-weeks/")
    table = html[html.index('id="load-steps"'):html.index('id="the-plan"')]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", table, re.S)
    by_exercise = {name: step for names, step in rows for name in re.findall(r">([^<]+)</a>", names)}
    assert by_exercise["Bent-over row"] == steps["barbell"].step and by_exercise["Side-lying external rotation"] == steps["cuff"].step
    assert "1 to 2.5 kg" not in html  # one step for everything was a 50-250 % jump on the cuff's 1-2 kg
    sheets = "".join(real_site.page(f"routines/upper-back-four-weeks/sheet-{label}/") for label in ("a", "b"))
    doses = dict(re.findall(r'<span class="uba-sheet-name">([^<]+)</span>&ensp;<span class="uba-sheet-dose">([^<]+)</span>', sheets))
    assert doses["Bent-over row"].endswith(f" · {steps['barbell'].short}") and doses["Pull-up"].endswith("rest 2 min")
    assert doses["Band external rotation"].endswith(f" · {steps['band'].short}")
    data = json.loads((real_site.site / "api/exercises.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and [step["id"] for step in data["load_steps"]["steps"]] == list(steps)
    assert {exercise["id"]: exercise["load_step"] for exercise in data["exercises"]}["bent-over-row"] == "barbell"
    assert all(exercise["load_step"] in steps for exercise in data["exercises"])


def test_programme_with_an_unknown_routine_stops_the_build(project: Path) -> None:
    (project / "exercises/programmes").mkdir()
    (project / "exercises/programmes/plan.yml").write_text(
        "name: Plan\ngoal: Two weeks.\nweeks: 2\nsessions:\n  - {label: A, routine: quick-pull}\n  - {label: B, routine: quick-pul}\n"
        "week: [A, B, C]\nprogression: [Add reps, then load.]\n")
    result = build(project)
    errors = [line[len(ERROR):] for line in result.output.splitlines() if line.startswith(ERROR)]
    assert errors[:-1] == [
        "exercises/programmes/plan.yml:6: sessions[1].routine: unknown routine id 'quick-pul'; "
        "expected an id from exercises/routines/ or a focus-<muscle> session",
        "exercises/programmes/plan.yml:7: week[2]: 'C' is not a session label; expected one of A, B",
    ]


def test_a_routine_cannot_take_the_builders_address(project: Path) -> None:
    routine = (project / "exercises/routines/quick-pull.yml").read_text().replace("Quick pull warm-up", "Builder")
    (project / "exercises/routines/builder.yml").write_text(routine)
    result = build(project)
    errors = [line[len(ERROR):] for line in result.output.splitlines() if line.startswith(ERROR)]
    assert errors[:-1] == ["exercises/routines/builder.yml: id: 'builder' is the address of the routine builder; choose another file name"]


def test_a_broken_routine_is_reported_once_not_again_by_its_programme(project: Path) -> None:
    (project / "exercises/programmes").mkdir()
    (project / "exercises/programmes/plan.yml").write_text(
        "name: Plan\ngoal: Two weeks.\nweeks: 2\nsessions:\n  - {label: A, routine: quick-pull}\n"
        "week: [A, A]\nprogression: [Add reps, then load.]\n")
    routine = project / "exercises/routines/quick-pull.yml"
    routine.write_text(routine.read_text().replace("level: beginner", "level: expert"))
    result = build(project)
    errors = [line[len(ERROR):] for line in result.output.splitlines() if line.startswith(ERROR)]
    assert [error for error in errors if "plan.yml" in error] == []
    assert any(error.startswith("exercises/routines/quick-pull.yml:") and "level: 'expert'" in error for error in errors)


def test_generated_openers_are_light_and_isolation_moves() -> None:
    """Opening drills prepare (one or two sets, as the activation guide says); isolation work moves through a range,
    so the cuff session trains with rotation against load, not with the painful shoulder's isometric holds."""
    atlas = build_atlas(LAYOUT)
    for routine in (routine for routine in atlas.routines.values() if routine.generated):
        for block in routine.blocks:
            for item in block.items:
                phase = phase_of(atlas.exercises[item.exercise_id])
                if phase is Phase.PREPARE:
                    assert (item.sets or 1) <= PREPARE_SETS, (routine.id, item.exercise_id)
    cuff = [atlas.exercises[item.exercise_id] for item in _generated_items(atlas.routines["focus-rotator-cuff"])]
    isolation = [exercise for exercise in cuff if phase_of(exercise) is Phase.ISOLATION]
    assert isolation and not any(exercise.force == "hold" for exercise in isolation), [e.id for e in isolation]
    assert any("shoulder-external-rotation" in e.actions and Load.SHOULDER_AT_SIDE in e.loads for e in isolation)


def test_a_second_opening_drill_prepares_something_the_first_does_not() -> None:
    """Two openers that work the same muscles hardest (the prone T after the YWTLI) are the same raise twice."""
    atlas = build_atlas(LAYOUT)
    generated = [routine for routine in atlas.routines.values() if routine.generated]
    assert len(generated) >= 6
    for routine in generated:
        drills = [atlas.exercises[item.exercise_id] for block in routine.blocks if block.name == "Activation and mobility"
                  for item in block.items]
        assert drills, routine.id
        for index, drill in enumerate(drills[1:], start=1):
            earlier = {muscle for previous in drills[:index] for muscle in previous.primary}
            assert not set(drill.primary) <= earlier, (routine.id, drill.id)
