"""Routines true to their labels: level, duration and equipment checked against the exercises and doses.

Run on every routine, authored (with the record's line numbers) and generated (the rules must obey them too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from atlas.records.model import BODYWEIGHT, Exercise, Level, Routine
from atlas.problems import Problem
from atlas.pages.routine_pages import BUILDER_ID
from atlas.routines.routine_time import duration_range, routine_seconds

LEVEL_RANK = {Level.BEGINNER: 0, Level.INTERMEDIATE: 1, Level.ADVANCED: 2}
"""Levels in order, easiest first."""

LineOf = Callable[[tuple[Any, ...]], int]
"""Where a field of the record is (its line), or 0 for a generated routine."""


RESERVED_ROUTINE_IDS = frozenset({BUILDER_ID})
"""Addresses in /routines/ that are not routines: the routine builder's page."""


def check_labels(routine: Routine, exercises: dict[str, Exercise], line_of: LineOf) -> list[Problem]:
    """Every way the routine's level, duration and equipment disagree with its exercises and doses."""
    path = routine.source or f"routines/{routine.id} (generated)"
    reserved = [("id", f"{routine.id!r} is the address of the routine builder; choose another file name")]
    reserved = reserved if routine.id in RESERVED_ROUTINE_IDS else []
    return [Problem(path, line_of((key,)) if routine.source and key != "id" else 0, key, message)
            for key, message in (*reserved, *_level(routine, exercises), *_duration(routine), *_equipment(routine, exercises))]


def equipment_options(exercise: Exercise) -> tuple[frozenset[str], ...]:
    """The complete sets of equipment that each let the exercise be done: its own, then its alternatives."""
    options = (exercise.equipment, *exercise.equipment_alternatives)
    return tuple(frozenset(item for item in option if item != BODYWEIGHT) for option in options)


def hardest(exercises: Iterable[Exercise]) -> Exercise | None:
    """The exercise of the highest level (the first of them)."""
    return max(exercises, key=lambda exercise: LEVEL_RANK[exercise.level], default=None)


def _level(routine: Routine, exercises: dict[str, Exercise]) -> list[tuple[str, str]]:
    top = hardest(exercises[exercise_id] for exercise_id in routine.exercise_ids)
    if top is None or LEVEL_RANK[top.level] <= LEVEL_RANK[routine.level]:
        return []
    return [("level", f"{routine.level.value!r} is easier than its hardest exercise, {top.name} ({top.level.value}); "
                      f"expected at least {top.level.value}")]


def _duration(routine: Routine) -> list[tuple[str, str]]:
    seconds = routine_seconds(routine)
    low, high = duration_range(seconds)
    if low <= routine.minutes <= high:
        return []
    return [("duration", f"'{routine.minutes} min' does not match its doses, about {round(seconds / 60)} min by the estimate rule "
                         f"(README, routine_time.py); expected {low}-{high} min")]


def _equipment(routine: Routine, exercises: dict[str, Exercise]) -> list[tuple[str, str]]:
    listed = frozenset(routine.equipment_ids)
    problems = []
    used: set[str] = set()
    for exercise_id in routine.exercise_ids:
        exercise = exercises[exercise_id]
        fitting = [option for option in equipment_options(exercise) if option <= listed]
        used.update(item for option in fitting for item in option)
        if not fitting:
            needs = " or ".join(", ".join(sorted(option)) or "none" for option in equipment_options(exercise))
            message = f"does not cover {exercise.name}, which needs {needs}; expected every exercise's equipment listed"
            problems.append(("equipment", message))
    spare = sorted(listed - used)
    if spare:
        problems.append(("equipment", f"lists {', '.join(spare)}, which no exercise needs; expected only the equipment used"))
    return problems
