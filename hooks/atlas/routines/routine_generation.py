"""Focus sessions the build writes itself, by coaching rules: one per upper-back group and per part in FOCUS_EXTRA.

The rules (also in the README, "Generated routines"):
1. Order by phase: activation or mobility first, then the heavy compound lifts (pulls and pushes), then isolation
   and holds, then carries; a carry never opens a session. A target gets a session when MIN_EXERCISES work it hardest.
2. Choose by specificity, not by name. An exercise is a candidate for a phase when the target works hardest in it
   (primary); the best candidate is the one that
   a. works the most parts of the target not yet worked hardest (by the drills, for a drill; by the lifts, for a lift),
   b. then, among compound lifts, goes in a direction (vertical, horizontal) the session does not have yet,
   c. then needs the least equipment the session does not already use,
   d. then is easier, works the fewest other groups hardest (the most specific), and comes first by name.
   Prepare: up to PREPARE_ITEMS drills (a drill where the target only helps when none works it hardest).
   Compound: up to COMPOUND_ITEMS lifts; when none works the target hardest, the best one where it helps.
   Isolation: one for each part still uncovered, then at least one.
   Carry: one, when a carry works the target hardest.
3. Fit the time: the session is estimated by the rule in routine_time.py; while it runs over TIME_BUDGET_MINUTES,
   the last isolation item, then the second compound lift, then the second drill are dropped.
Every item carries a one-line "why this one". Same records, same routines: every choice is ordered by explicit
keys, never by chance or file order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from atlas.records.graph import Atlas
from atlas.records.model import (Category, Dose, Exercise, Force, Level, Mechanics, MuscleKind, Routine, RoutineBlock,
                    RoutineItem)
from atlas.routines.routine_checks import LEVEL_RANK, hardest
from atlas.routines.routine_time import item_seconds, stated_minutes

FOCUS_PREFIX = "focus-"
"""A focus session's id is this and its target's id: /routines/focus-<target>/ (muscle pages link it)."""
TIME_BUDGET_MINUTES = 30
"""The most a focus session may take, by the estimate rule."""
PREPARE_ITEMS = 2
"""Activation or mobility drills that open a session, at most."""
COMPOUND_ITEMS = 2
"""Heavy compound lifts, at most."""
FOCUS_EXTRA = ("serratus-anterior", "lower-traps")
"""Groups or parts that get a focus session besides every upper-back group (when they have exercises)."""
MIN_EXERCISES = 2
"""A target gets a session only when at least this many exercises work it hardest (fewer make no session)."""
DEFAULT_DOSE = Dose(sets=2, reps=10, rest="60s")
"""The dose of an exercise whose record gives none."""


class Phase(IntEnum):
    """Where an exercise goes in a session, in training order."""

    PREPARE = 0
    COMPOUND = 1
    ISOLATION = 2
    CARRY = 3


BLOCK_NAMES = {Phase.PREPARE: "Activation and mobility", Phase.COMPOUND: "Compound lifts", Phase.ISOLATION: "Isolation and holds",
               Phase.CARRY: "Carry"}
"""The block title of each phase."""


@dataclass(frozen=True)
class Target:
    """What a focus session trains: a muscle group, or one part of a group."""

    id: str
    """Group or part id; the session is focus-<id>."""
    name: str
    """Display name."""
    parts: tuple[str, ...]
    """Muscle ids to cover: the group's parts, or the group (or part) itself."""
    group_id: str
    """The group it is or belongs to."""


def phase_of(exercise: Exercise) -> Phase:
    """The exercise's place in a session: drills first, then compound pulls and pushes, then isolation and holds,
    then carries."""
    if exercise.category in (Category.ACTIVATION, Category.MOBILITY):
        return Phase.PREPARE
    if exercise.force is Force.CARRY:
        return Phase.CARRY
    if exercise.mechanics is Mechanics.COMPOUND and exercise.force in (Force.PULL, Force.PUSH):
        return Phase.COMPOUND
    return Phase.ISOLATION


def focus_targets(atlas: Atlas) -> list[Target]:
    """Every upper-back group, then the extras, in taxonomy order."""
    targets = []
    for group in atlas.groups.values():
        if group.kind is MuscleKind.UPPER_BACK or group.id in FOCUS_EXTRA:
            parts = tuple(group.parts) or (group.id,)
            targets.append(Target(group.id, group.name, parts, group.id))
    for part_id in FOCUS_EXTRA:
        part = atlas.parts.get(part_id)
        if part:
            targets.append(Target(part.id, part.name, (part.id,), part.group_id))
    return targets


def generate_routines(atlas: Atlas) -> dict[str, Routine]:
    """A focus session for each target with exercises, keyed by id (focus-<target>)."""
    routines = {}
    for target in focus_targets(atlas):
        if sum(_works(exercise, target, atlas, primary=True) for exercise in atlas.exercises.values()) >= MIN_EXERCISES:
            routine = focus_session(atlas, target)
            routines[routine.id] = routine
    return routines


def focus_session(atlas: Atlas, target: Target) -> Routine:
    """The focus session for one target, by the rules above."""
    session = _Session(atlas, target)
    session.choose()
    session.fit(TIME_BUDGET_MINUTES * 60)
    items = session.items
    blocks = tuple(RoutineBlock.model_construct(name=BLOCK_NAMES[phase], items=tuple(item for item, in_phase in items if in_phase is phase))
                   for phase in Phase if any(in_phase is phase for _, in_phase in items))
    used = [atlas.exercises[item.exercise_id] for item, _ in items]
    top = hardest(used)
    level = top.level if top else Level.BEGINNER
    equipment = tuple(dict.fromkeys(item for exercise in used for item in exercise.equipment))
    minutes = stated_minutes(sum(item_seconds(item) for item, _ in items))
    covered = [atlas.muscle_name(part) for part in target.parts if part != target.id]
    covering = f", covering the {_and(covered).lower()}." if covered else "."
    goal = f"A session of about {minutes} minutes for the {target.name.lower()}{covering}"
    rule = "activation first, then compound lifts, isolation and carries, each chosen for how hard it works the target"
    reasons = {item.exercise_id: why for (item, _), why in zip(items, session.reasons, strict=True)}
    session_id = FOCUS_PREFIX + target.id
    return Routine.model_construct(id=session_id, source=None, name=f"{target.name} focus session", goal=goal, level=level,
                                   duration=minutes, equipment=equipment, notes=(), warm_up=None, blocks=blocks, rule=rule, reasons=reasons)


class _Session:
    """The choices made so far for one target."""

    def __init__(self, atlas: Atlas, target: Target) -> None:
        self.atlas = atlas
        self.target = target
        self.chosen: list[tuple[Exercise, Phase, str]] = []

    @property
    def items(self) -> list[tuple[RoutineItem, Phase]]:
        """The chosen exercises as routine items, in phase order (stable within a phase)."""
        return [(RoutineItem.of(exercise.id, _dose(exercise)), phase) for exercise, phase, _ in self._ordered()]

    @property
    def reasons(self) -> list[str]:
        """Why each item was chosen, in the order of `items`."""
        return [why for _, _, why in self._ordered()]

    def _ordered(self) -> list[tuple[Exercise, Phase, str]]:
        return sorted(self.chosen, key=lambda entry: entry[1])

    def choose(self) -> None:
        for _ in range(PREPARE_ITEMS):
            self._add(Phase.PREPARE, primary=True)
        if not self._has(Phase.PREPARE):
            self._add(Phase.PREPARE, primary=False)
        for _ in range(COMPOUND_ITEMS):
            self._add(Phase.COMPOUND, primary=True)
        if not self._has(Phase.COMPOUND):
            self._add(Phase.COMPOUND, primary=False)
        while self._uncovered() and self._add(Phase.ISOLATION, primary=True, only_uncovered=True):
            pass
        if not self._has(Phase.ISOLATION):
            self._add(Phase.ISOLATION, primary=True)
        self._add(Phase.CARRY, primary=True)

    def fit(self, budget: int) -> None:
        """Drop items by the rule until the session fits the budget."""
        for phase, keep in ((Phase.ISOLATION, 1), (Phase.COMPOUND, 1), (Phase.PREPARE, 1)):
            while self._seconds() > budget and sum(1 for _, p, _ in self.chosen if p is phase) > keep:
                last = max(index for index, (_, p, _) in enumerate(self.chosen) if p is phase)
                del self.chosen[last]

    def _seconds(self) -> int:
        return sum(item_seconds(item) for item, _ in self.items)

    def _has(self, phase: Phase) -> bool:
        return any(p is phase for _, p, _ in self.chosen)

    def _covered(self, phase: Phase) -> set[str]:
        """Parts worked hardest so far: by the drills, for a drill; by the lifts, for a lift (a drill prepares, it does not train)."""
        drills = phase is Phase.PREPARE
        return {part for exercise, p, _ in self.chosen for part in self.target.parts
                if (p is Phase.PREPARE) == drills and _hits(exercise, part, self.atlas)}

    def _uncovered(self) -> list[str]:
        return [part for part in self.target.parts if part not in self._covered(Phase.ISOLATION)]

    def _add(self, phase: Phase, primary: bool, only_uncovered: bool = False) -> bool:
        taken = {exercise.id for exercise, _, _ in self.chosen}
        candidates = [e for e in self.atlas.exercises.values()
                      if e.id not in taken and phase_of(e) is phase and _works(e, self.target, self.atlas, primary)]
        if only_uncovered:
            candidates = [e for e in candidates if self._new_parts(e, phase)]
        if not candidates:
            return False
        best = min(candidates, key=lambda exercise: self._rank(exercise, phase))
        self.chosen.append((best, phase, self._why(best, phase, primary)))
        return True

    def _new_parts(self, exercise: Exercise, phase: Phase) -> list[str]:
        covered = self._covered(phase)
        return [part for part in self.target.parts if part not in covered and _hits(exercise, part, self.atlas)]

    def _rank(self, exercise: Exercise, phase: Phase) -> tuple[object, ...]:
        directions = {e.direction for e, p, _ in self.chosen if p is Phase.COMPOUND}
        new_direction = exercise.direction is not None and exercise.direction not in directions
        owned = {item for e, _, _ in self.chosen for item in e.equipment}
        return (-len(self._new_parts(exercise, phase)), not new_direction, len(set(exercise.equipment) - owned),
                LEVEL_RANK[exercise.level], len(_groups(exercise, self.atlas)), exercise.name.casefold(), exercise.id)

    def _why(self, exercise: Exercise, phase: Phase, primary: bool) -> str:
        parts = self._new_parts(exercise, phase) or [part for part in self.target.parts if _hits(exercise, part, self.atlas)]
        names = [self.atlas.muscle_name(part).lower() for part in parts if part != self.target.id]
        worked = f"the {_and(names)}" if names else f"the {self.target.name.lower()}"
        role = "hardest" if primary else "as a helper"
        owned = {item for e, _, _ in self.chosen for item in e.equipment}
        shared = [self.atlas.equipment[item].name.lower() for item in exercise.equipment if item in owned]
        tail = f"; uses the {_and(shared)} already out" if shared else ""
        kind = _describe(exercise)
        sentences: dict[Phase, Callable[[], str]] = {
            Phase.PREPARE: lambda: (f"Opens the session: a light activation drill that works {worked} {role}{tail}."
                                    if exercise.category is Category.ACTIVATION
                                    else f"Opens the session: a mobility drill for {worked}{tail}."),
            Phase.COMPOUND: lambda: f"The heavy lift{kind}: works {worked} {role} while other muscles share the load{tail}.",
            Phase.ISOLATION: lambda: (f"Isolation that works {worked} hardest, after the heavier lifts{tail}."
                                      if exercise.mechanics is Mechanics.ISOLATION
                                      else f"A hold that works {worked} hardest, after the heavier lifts{tail}."),
            Phase.CARRY: lambda: f"A loaded carry for {worked}, last so grip and trunk are fresh for the lifts before it{tail}.",
        }
        return sentences[phase]()


def _describe(exercise: Exercise) -> str:
    force = exercise.force if exercise.force in (Force.PULL, Force.PUSH) else None
    words = [word.value for word in (exercise.direction, force) if word is not None]
    return f", a {' '.join(words)}" if words else ""


def _groups(exercise: Exercise, atlas: Atlas) -> set[str]:
    return {atlas.group_id_of(muscle) for muscle in exercise.primary}


def _hits(exercise: Exercise, muscle: str, atlas: Atlas) -> bool:
    """Whether the exercise works this muscle (a group or a part) hardest; a group listed whole covers its parts."""
    return muscle in exercise.primary or atlas.group_id_of(muscle) in exercise.primary


def _works(exercise: Exercise, target: Target, atlas: Atlas, primary: bool) -> bool:
    """Whether the exercise works the target in that role: a part of it, all of it, or (for a part) its whole group."""
    muscles = exercise.primary if primary else exercise.secondary
    whole_group = target.id == target.group_id
    return any(muscle in (target.id, target.group_id) or (whole_group and atlas.group_id_of(muscle) == target.id) for muscle in muscles)


def _dose(exercise: Exercise) -> Dose:
    dose = exercise.dose
    return dose if (dose.reps or dose.hold or dose.distance) else DEFAULT_DOSE.model_copy(update={"per_side": dose.per_side})


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1] if words else ""
