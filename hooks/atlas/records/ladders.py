"""Ladder records (exercises/ladders/<id>.yml), loaded and checked against the exercises they climb."""

from __future__ import annotations

from atlas.layout import ProjectLayout
from atlas.problems import Problem
from atlas.records.graph import Atlas
from atlas.records.ladder_model import Ladder, LadderRecord
from atlas.records.model import Exercise, ExerciseLink
from atlas.records.catalog import read_folder
from atlas.records.sourced_yaml import SourcedYaml
from atlas.routines.routine_checks import LEVEL_RANK

def load_ladders(layout: ProjectLayout, atlas: Atlas, left_out: frozenset[str] = frozenset()) -> tuple[dict[str, Ladder], list[Problem]]:
    """Every ladder that checks against the exercises, and every problem found; a step naming an exercise in
    `left_out` (left out for problems of its own, already reported) is not reported again."""
    problems: list[Problem] = []
    ladders = {}
    for stem, (document, record) in read_folder(layout, layout.ladders_dir, LadderRecord, problems).items():
        found = check_ladder(document, record, atlas, left_out)
        problems += found
        if not found and all(exercise_id in atlas.exercises for exercise_id in record.exercise_ids):
            ladders[stem] = Ladder.model_construct(**dict(record), id=stem, source=document.path)
    return dict(sorted(ladders.items(), key=lambda item: item[1].name.casefold())), problems


def check_ladder(doc: SourcedYaml, record: LadderRecord, atlas: Atlas, left_out: frozenset[str] = frozenset()) -> list[Problem]:
    """What a ladder's own model cannot check: its target, its exercises, the order of levels, the links between
    neighbouring steps, and a criterion on every step but the last."""
    problems = []
    target_known = record.target in atlas.groups or record.target in atlas.parts
    if not target_known:
        problems.append(Problem(doc.path, doc.line_of(("target",)), "target",
                                f"unknown muscle {record.target!r}; expected a group or part id from the taxonomy"))
    for source_id in record.sources:
        if source_id not in atlas.sources:
            index = record.sources.index(source_id)
            problems.append(Problem(doc.path, doc.line_of(("sources", index)), f"sources[{index}]",
                                    f"unknown source {source_id!r}; expected an id of exercises/sources/<id>.yml"))
    previous: Exercise | None = None
    seen: set[str] = set()
    for index, step in enumerate(record.steps):
        where = ("steps", index)
        field = f"steps[{index}]"
        exercise = atlas.exercises.get(step.exercise)
        if exercise is None:
            if step.exercise not in left_out:
                problems.append(Problem(doc.path, doc.line_of((*where, "exercise")), f"{field}.exercise",
                                        f"unknown exercise {step.exercise!r}; expected an id of exercises/<id>.yml"))
            previous = None
            continue
        if step.exercise in seen:
            problems.append(Problem(doc.path, doc.line_of((*where, "exercise")), f"{field}.exercise",
                                    f"{step.exercise!r} is already a step of this ladder; expected each exercise once"))
        seen.add(step.exercise)
        if target_known and not works(atlas, exercise, record.target):
            problems.append(Problem(doc.path, doc.line_of((*where, "exercise")), f"{field}.exercise",
                                    f"{exercise.name} does not work {atlas.muscle_name(record.target)} (primary or secondary); "
                                    "expected every step to work the ladder's target"))
        last = index == len(record.steps) - 1
        if step.move_on is None and not last:
            problems.append(Problem(doc.path, doc.line_of(where), f"{field}.move_on",
                                    "is missing; expected the criterion to move up to the next step"))
        if previous is not None:
            problems += _neighbours(doc, index, previous, exercise, step.why)
        previous = exercise
    return problems


def works(atlas: Atlas, exercise: Exercise, muscle_id: str) -> bool:
    """Whether an exercise works a muscle as a primary or secondary mover: the muscle itself, a part of it (for a
    group), or its whole group (for a part)."""
    named = {*exercise.primary, *exercise.secondary}  # holding a muscle steady or stretching it does not count
    if muscle_id in atlas.groups:
        return any(atlas.group_id_of(muscle) == muscle_id for muscle in named)
    return muscle_id in named or atlas.group_id_of(muscle_id) in named


def _neighbours(doc: SourcedYaml, index: int, before: Exercise, after: Exercise, why: str | None) -> list[Problem]:
    """A step's level is not below the step before, and the two name each other as harder and easier options
    (or the ladder says why not); never the other way round."""
    problems = []
    line = doc.line_of(("steps", index, "exercise"))
    field = f"steps[{index}].exercise"
    if LEVEL_RANK[after.level] < LEVEL_RANK[before.level]:
        problems.append(Problem(doc.path, line, field, f"{after.name} ({after.level.value}) is easier than the step before, "
                                f"{before.name} ({before.level.value}); expected levels that never go down"))
    harder_of_before = _linked(before.harder)
    easier_of_before = _linked(before.easier)
    harder_of_after = _linked(after.harder)
    easier_of_after = _linked(after.easier)
    if after.id in easier_of_before or before.id in harder_of_after:
        problems.append(Problem(doc.path, line, field, f"{before.name} and {after.name} name each other the other way round "
                                "(easier/harder); expected the ladder's order or a fix to the exercise records"))
    elif after.id not in harder_of_before and before.id not in easier_of_after and why is None:
        problems.append(Problem(doc.path, line, field, f"neither {before.name} nor {after.name} names the other as its harder or "
                                "easier option; expected a link in one of the records, or `why:` on this step"))
    return problems


def _linked(steps: tuple[object, ...]) -> frozenset[str]:
    return frozenset(step.exercise for step in steps if isinstance(step, ExerciseLink))
