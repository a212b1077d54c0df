"""Routines the build writes itself: one focus session per upper-back muscle group, by fixed rules.

The rules (also in the README):
1. Open with a warm-up: the easiest activation or mobility drill that works the group (primary first,
   then as a helper); ties go to the lower level, then the name.
2. Cover the group: for each of its parts, the best exercise that works that part as a primary muscle
   (strength before stability before activation, then lower level, then name); a group without parts
   gets its best primary exercises.
3. Fit the time: items are added in that order while the session stays within TIME_BUDGET_MINUTES,
   estimated from each exercise's own dose (4 s a rep, holds as written, rests as written, both sides).
Same records, same routines: every choice is ordered by explicit keys, never by chance or file order.
"""

from __future__ import annotations

import math

from .graph import Atlas
from .model import Category, Dose, Exercise, Level, MuscleGroup, MuscleKind, Role, Routine, RoutineBlock, RoutineItem
from .values import Reps

TIME_BUDGET_MINUTES = 20
"""The stated time every focus session fits in."""
SECONDS_PER_REP = 4
"""Controlled tempo: about two seconds up, two down."""
SETUP_SECONDS = 60
"""Moving between exercises and setting up."""
MAIN_ITEMS_WITHOUT_PARTS = 3
"""How many main exercises a group without parts gets."""
_LEVEL_ORDER = {Level.BEGINNER: 0, Level.INTERMEDIATE: 1, Level.ADVANCED: 2}
_MAIN_ORDER = {Category.STRENGTH: 0, Category.STABILITY: 1, Category.ACTIVATION: 2, Category.MOBILITY: 3}
_DEFAULT_DOSE = Dose.model_construct(sets=2, reps=Reps(low=10, high=10), rest=60)


def generate_routines(atlas: Atlas) -> dict[str, Routine]:
    """A focus session for each upper-back group that has exercises, keyed by id (focus-<group>)."""
    routines = {}
    for group in atlas.groups.values():
        if group.kind is MuscleKind.UPPER_BACK and atlas.exercises_for(group.id, Role.PRIMARY):
            routine = focus_session(atlas, group)
            routines[routine.id] = routine
    return routines


def focus_session(atlas: Atlas, group: MuscleGroup) -> Routine:
    """The focus session for one group, by the rules above."""
    opener = _opener(atlas, group)
    main = _main_exercises(atlas, group, opener)
    budget = TIME_BUDGET_MINUTES * 60
    warm_up = [_item(opener)] if opener else []
    spent = sum(estimate_seconds(item.dose) for item in warm_up)
    chosen: list[RoutineItem] = []
    for exercise in main:
        item = _item(exercise)
        if spent + estimate_seconds(item.dose) > budget:
            continue
        chosen.append(item)
        spent += estimate_seconds(item.dose)
    sections = (("Warm-up", warm_up), ("Main", chosen))
    blocks = tuple(RoutineBlock.model_construct(name=name, items=tuple(items)) for name, items in sections if items)
    used = [atlas.exercises[item.exercise_id] for block in blocks for item in block.items]
    level = max((exercise.level for exercise in used), key=_LEVEL_ORDER.__getitem__, default=Level.BEGINNER)
    equipment = tuple(dict.fromkeys(item for exercise in used for item in exercise.equipment))
    minutes = max(5, 5 * math.ceil(spent / 300))
    parts = ", ".join(part.name.lower() for part in group.parts.values())
    goal = f"A session of about {minutes} minutes for the {group.name.lower()}" + (f", covering the {parts}." if parts else ".")
    rule = f"a warm-up drill, then one exercise per part or the best primary exercises, within {TIME_BUDGET_MINUTES} min"
    return Routine.model_construct(id=f"focus-{group.id}", source=None, name=f"{group.name} focus session", goal=goal, level=level,
                                   duration=minutes, equipment=equipment, notes=(), blocks=blocks, rule=rule)


def estimate_seconds(dose: Dose) -> int:
    """About how long a prescription takes, rests and set-up included."""
    sets = dose.sets or 1
    if dose.hold:
        work = dose.hold
    elif dose.distance:
        work = dose.distance
    else:
        work = SECONDS_PER_REP * (dose.reps.high if dose.reps else 10)
    sides = 2 if dose.per_side else 1
    return SETUP_SECONDS + sets * work * sides + (sets - 1) * (dose.rest or 0)


def _opener(atlas: Atlas, group: MuscleGroup) -> Exercise | None:
    drills = (Category.ACTIVATION, Category.MOBILITY)
    for role in (Role.PRIMARY, Role.SECONDARY):
        found = [e for e in atlas.exercises_for(group.id, role) if e.category in drills]
        if found:
            return min(found, key=lambda e: (_LEVEL_ORDER[e.level], e.category is not Category.ACTIVATION, e.name.casefold(), e.id))
    return None


def _main_exercises(atlas: Atlas, group: MuscleGroup, opener: Exercise | None) -> list[Exercise]:
    candidates = sorted((e for e in atlas.exercises_for(group.id, Role.PRIMARY) if e is not opener),
                        key=lambda e: (_MAIN_ORDER[e.category], _LEVEL_ORDER[e.level], e.name.casefold(), e.id))
    if not group.parts:
        return candidates[:MAIN_ITEMS_WITHOUT_PARTS]
    chosen: list[Exercise] = []
    covered: set[str] = set()
    for part in group.parts.values():
        best = next((e for e in candidates if part.id in e.primary and e not in chosen), None)
        if best and part.id not in covered:
            chosen.append(best)
            covered.update(best.primary)
    return chosen


def _item(exercise: Exercise) -> RoutineItem:
    dose = exercise.dose if (exercise.dose.reps or exercise.dose.hold or exercise.dose.distance) else _DEFAULT_DOSE
    return RoutineItem.of(exercise.id, dose)
