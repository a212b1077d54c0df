"""Focus sessions the build writes itself, by coaching rules: one per upper-back group and per part in FOCUS_EXTRA.

The rules (also in the README, "Generated routines"):
1. Order by phase: a general warm-up, then dynamic activation or mobility drills, then the compound lifts (pulls and
   pushes; a loaded lift before a bodyweight one; the first, the main lift, gets a ramp-up set), then isolation and
   holds, then carries. A carry never opens a session:
   a target with nothing but drills and carries to offer gets no session. A target gets a session when MIN_EXERCISES
   work it hardest.
2. What a session must train: a target may need joint actions (NEEDS: the rotator cuff turns the arm out with the arm
   at the side or supported; the lower traps draw the shoulder blade down and turn it upward). A session that cannot
   train one of them is not made.
3. What a session leaves out: static stretches (they warm nothing up and work no muscle; they never count towards
   MIN_EXERCISES either), LEFT_OUT_LOADS (a lift loading the arm raised and turned in: an isolation lift fills the part
   instead; neck work), an overhead carry after work
   that tires the shoulder, and anything above LEVEL_CAP unless it is the only way to train a need (the session then
   says why it is harder).
4. Choose by specificity, not by name. An exercise is a candidate for a phase when the target works hardest in it
   (primary); the best candidate is the one that
   a. trains the most needs the session does not train yet,
   b. then does not raise the session's level,
   c. then works the most parts of the target not yet worked hardest (by the drills, for a drill; by the lifts, for a lift),
   d. then, among isolation work only, moves through a range rather than holding still (an isometric hold is the first
      step for a painful shoulder, in its own session, not the training of a focus session),
   e. then, among compound lifts only, goes in a direction (vertical, horizontal) the session does not have yet,
   f. then needs the least equipment the session does not already use (no-equipment items such as a mat never count),
   g. then is easier, works the fewest other groups hardest (the most specific), and comes first by name.
   In this order: up to PREPARE_ITEMS drills of at most PREPARE_SETS sets each (a second drill only when it prepares
   a part the first does not: never the same raise twice; a drill where the target only helps when none works it
   hardest); the main lift (when none works the target hardest, the best one where it helps);
   isolation (at most ISOLATION_SETS work sets each) for each part still uncovered and each need still untrained,
   then at least one; more lifts up to COMPOUND_ITEMS; a carry, when one works the target hardest.
5. Fit the time: the session is estimated by the rule in routine_time.py; while it runs over TIME_BUDGET_MINUTES,
   the last extra lift, then the last isolation item, then the second drill are dropped (never the only item that
   trains a need).
Every item carries a one-line "why this one", and every session the standard notes (_notes: load choice, progression
by the load steps of load_steps.py, the pain rule). Same records, same routines: every choice is ordered by explicit
keys, never by chance or file order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from atlas.records.graph import Atlas
from atlas.records.model import (Action, Category, Dose, Exercise, Force, Level, Load, Mechanics, MuscleKind, Routine, RoutineBlock,
                                 RoutineItem, WarmUp)
from atlas.routines.load_steps import BODYWEIGHT_STEP, STEP_SHARE, load_step, steps_used
from atlas.routines.routine_checks import LEVEL_RANK, hardest
from atlas.routines.routine_time import item_seconds, stated_minutes

FOCUS_PREFIX = "focus-"
"""A focus session's id is this and its target's id: /routines/focus-<target>/ (muscle pages link it)."""
TIME_BUDGET_MINUTES = 35
"""The most a focus session may take, by the estimate rule, general warm-up included."""
ISOLATION_SETS = 2
"""Work sets of an isolation exercise or hold, at most: it comes after the lifts, with the target already warm."""
PREPARE_ITEMS = 2
"""Activation or mobility drills that open a session, at most."""
PREPARE_SETS = 2
"""Sets of an opening drill, at most: one or two light sets that prepare, stopped well short of fatigue (the activation guide)."""
COMPOUND_ITEMS = 2
"""Compound lifts, at most."""
MAIN_LIFT_RAMP_UP = 1
"""Lighter ramp-up sets before the work sets of the main (first) compound lift."""
FOCUS_EXTRA = ("serratus-anterior", "lower-traps")
"""Groups or parts that get a focus session besides every upper-back group (when they have exercises)."""
MIN_EXERCISES = 2
"""A target gets a session only when at least this many exercises work it hardest (fewer make no session)."""
DEFAULT_DOSE = Dose(sets=2, reps=10, rest="60s")
"""The dose of an exercise whose record gives none."""
LEVEL_CAP = Level.INTERMEDIATE
"""The hardest level a generated session reaches, unless a need can only be trained harder (the session says so)."""
LEFT_OUT_LOADS = (Load.SHOULDER_RAISED_TURNED_IN, Load.NECK)
"""What a session for anyone leaves out: the arm raised and turned in under load (upright row, Cuban press: an
isolation lift fills the part instead), and neck work (it belongs in a routine of its own, with the neck warning signs)."""
SHOULDER_GROUPS = ("rotator-cuff", "rear-delts", "front-delts", "side-delts", "serratus-anterior")
"""Groups whose work tires the shoulder: an overhead carry never follows it."""
GENERAL_WARM_UP = WarmUp(text="Easy cardio such as brisk walking, cycling or rowing, then arm circles and arm swings", minutes=5)
"""The general warm-up every generated session starts with."""


@dataclass(frozen=True)
class Need:
    """A joint action a target's session must train, in an exercise that works the target."""

    action: Action
    """The joint action."""
    words: str
    """What it is, in plain words."""
    positions: tuple[Load, ...] = ()
    """When given, the exercise must load the shoulder in one of these positions."""

    def met_by(self, exercise: Exercise) -> bool:
        """Whether the exercise trains it."""
        return self.action in exercise.actions and (not self.positions or bool(set(self.positions) & set(exercise.loads)))


NEEDS: dict[str, tuple[Need, ...]] = {
    "rotator-cuff": (Need(Action.SHOULDER_EXTERNAL_ROTATION, "outward rotation with the arm at the side or supported",
                          (Load.SHOULDER_AT_SIDE,)),),
    "lower-traps": (Need(Action.SCAPULAR_DEPRESSION, "drawing the shoulder blade down"),
                    Need(Action.SCAPULAR_UPWARD_ROTATION, "turning the shoulder blade upward")),
}
"""What each target's session must train, by target id (targets not named here need nothing in particular)."""


_LIFT, _RAMP = "\x00lift\x00", "\x00ramp\x00"
"""Where a lift's reason names its place (the main lift or a second one), known once every lift is chosen."""


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

    @property
    def needs(self) -> tuple[Need, ...]:
        """The joint actions its session must train."""
        return NEEDS.get(self.id, ())


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
    """A focus session for each target with exercises, keyed by id (focus-<target>), when the rules can make one."""
    routines = {}
    for target in focus_targets(atlas):
        working = [e for e in atlas.exercises.values() if _works(e, target, atlas, primary=True) and _eligible(e)]
        if len(working) >= MIN_EXERCISES:
            routine = focus_session(atlas, target)
            if routine:
                routines[routine.id] = routine
    return routines


def focus_session(atlas: Atlas, target: Target) -> Routine | None:
    """The focus session for one target, by the rules above; None when it would miss a need or open with a carry."""
    session = _Session(atlas, target)
    session.choose()
    session.fit(TIME_BUDGET_MINUTES * 60)
    if session.unmet() or not any(phase in (Phase.COMPOUND, Phase.ISOLATION) for _, phase, _ in session.chosen):
        return None  # it would miss a need, or train nothing but drills and carries (and a carry never opens a session)
    items = session.items
    blocks = tuple(RoutineBlock.model_construct(name=BLOCK_NAMES[phase], items=tuple(item for item, in_phase in items if in_phase is phase))
                   for phase in Phase if any(in_phase is phase for _, in_phase in items))
    used = [atlas.exercises[item.exercise_id] for item, _ in items]
    top = hardest(used)
    level = top.level if top else Level.BEGINNER
    equipment = tuple(dict.fromkeys(item for exercise in used for item in exercise.equipment))
    minutes = stated_minutes(GENERAL_WARM_UP.minutes * 60 + sum(item_seconds(item) for item, _ in items))
    covered = [atlas.muscle_name(part) for part in target.parts if part != target.id]
    covering = f", covering the {_and(covered).lower()}." if covered else "."
    goal = f"A session of about {minutes} minutes for the {target.name.lower()}{covering}"
    rule = ("a general warm-up and dynamic drills first, then compound lifts, isolation and carries, each chosen for how hard it "
            "works the target")
    reasons = {item.exercise_id: why for (item, _), why in zip(items, session.reasons, strict=True)}
    return Routine.model_construct(id=FOCUS_PREFIX + target.id, source=None, name=f"{target.name} focus session", goal=goal, level=level,
                                   duration=minutes, equipment=equipment, notes=_notes(atlas, used, top), warm_up=GENERAL_WARM_UP,
                                   blocks=blocks, rule=rule, reasons=reasons)


def _notes(atlas: Atlas, used: list[Exercise], top: Exercise | None) -> tuple[str, ...]:
    """The standard notes of a generated session: why it is harder (if it is), load choice, progression, the pain rule."""
    steps = [f"{step.kind} {step.short}" for step, _ in steps_used(atlas, used) if step.short]
    notes = []
    if top and LEVEL_RANK[top.level] > LEVEL_RANK[LEVEL_CAP]:
        notes.append(f"{top.level.value.capitalize()}, because {top.name} is the only exercise here that trains what this session needs; "
                     "leave it out until its easier options feel solid.")
    notes += [
        "Load: leave two or three reps in reserve on the lifts; keep drills and rotator-cuff work light and slow (a weight or band "
        "you could move about 20 times). Ramp-up set: about 5 easy reps with half the load (a lighter band or a more upright "
        "body), not logged.",
        "Progression: add reps within the range; when every set reaches the top with good form, add the smallest step "
        f"({STEP_SHARE}" + (": " + "; ".join(steps) if steps else "") + ").",
        "Pain: follow the pain rule on the sheet; stop for sharp pain or pain that builds.",
    ]
    return tuple(notes)


class _Session:
    """The choices made so far for one target."""

    def __init__(self, atlas: Atlas, target: Target) -> None:
        self.atlas = atlas
        self.target = target
        self.chosen: list[tuple[Exercise, Phase, str]] = []

    @property
    def items(self) -> list[tuple[RoutineItem, Phase]]:
        """The chosen exercises as routine items, in phase order (stable within a phase); the main lift ramps up."""
        main = next((exercise.id for exercise, phase, _ in self._ordered() if phase is Phase.COMPOUND), None)
        return [(_item(exercise, phase, MAIN_LIFT_RAMP_UP if exercise.id == main else None), phase)
                for exercise, phase, _ in self._ordered()]

    @property
    def reasons(self) -> list[str]:
        """Why each item was chosen, in the order of `items` (the first compound lift is the main lift)."""
        main = next((exercise.id for exercise, phase, _ in self._ordered() if phase is Phase.COMPOUND), None)
        return [why.replace(_LIFT, "The main lift" if exercise.id == main else "A second lift")
                .replace(_RAMP, "; one lighter ramp-up set first" if exercise.id == main else "")
                for exercise, _, why in self._ordered()]

    def _ordered(self) -> list[tuple[Exercise, Phase, str]]:
        """Phase order; within the lifts a loaded one comes before a bodyweight one (the heaviest lift first)."""
        return sorted(self.chosen, key=lambda entry: (entry[1], entry[1] is Phase.COMPOUND and self._bodyweight(entry[0])))

    def _bodyweight(self, exercise: Exercise) -> bool:
        return load_step(self.atlas, exercise) is BODYWEIGHT_STEP

    def choose(self) -> None:
        for index in range(PREPARE_ITEMS):
            self._add(Phase.PREPARE, primary=True, only_new=index > 0)
        if not self._has(Phase.PREPARE):
            self._add(Phase.PREPARE, primary=False)
        if not self._add(Phase.COMPOUND, primary=True):
            self._add(Phase.COMPOUND, primary=False)
        while (self._uncovered() or self.unmet()) and self._add(Phase.ISOLATION, primary=True, only_new=True):
            pass
        if not self._has(Phase.ISOLATION):
            self._add(Phase.ISOLATION, primary=True)
        for _ in range(COMPOUND_ITEMS - 1):
            self._add(Phase.COMPOUND, primary=True)
        if any(phase is not Phase.CARRY for _, phase, _ in self.chosen):
            self._add(Phase.CARRY, primary=True)

    def fit(self, budget: int) -> None:
        """Drop items by the rule until the session fits the budget, never the only one that trains a need."""
        for phase, keep in ((Phase.COMPOUND, 1), (Phase.ISOLATION, 1), (Phase.PREPARE, 1)):
            while self._seconds() > budget and sum(1 for _, p, _ in self.chosen if p is phase) > keep:
                droppable = [index for index, (_, p, _) in enumerate(self.chosen) if p is phase and not self._sole_trainer(index)]
                if not droppable:
                    break
                del self.chosen[max(droppable)]

    def unmet(self, chosen: list[Exercise] | None = None) -> list[Need]:
        """The needs no chosen exercise trains."""
        exercises = [exercise for exercise, _, _ in self.chosen] if chosen is None else chosen
        return [need for need in self.target.needs if not any(need.met_by(exercise) for exercise in exercises)]

    def _sole_trainer(self, index: int) -> bool:
        others = [exercise for position, (exercise, _, _) in enumerate(self.chosen) if position != index]
        return len(self.unmet(others)) > len(self.unmet())

    def _seconds(self) -> int:
        return GENERAL_WARM_UP.minutes * 60 + sum(item_seconds(item) for item, _ in self.items)

    def _has(self, phase: Phase) -> bool:
        return any(p is phase for _, p, _ in self.chosen)

    def _level(self) -> int:
        return max((LEVEL_RANK[exercise.level] for exercise, _, _ in self.chosen), default=0)

    def _covered(self, phase: Phase) -> set[str]:
        """Parts worked hardest so far: by the drills, for a drill; by the lifts, for a lift (a drill prepares, it does not train)."""
        drills = phase is Phase.PREPARE
        return {part for exercise, p, _ in self.chosen for part in self.target.parts
                if (p is Phase.PREPARE) == drills and _hits(exercise, part, self.atlas)}

    def _uncovered(self) -> list[str]:
        return [part for part in self.target.parts if part not in self._covered(Phase.ISOLATION)]

    def _allowed(self, exercise: Exercise, phase: Phase) -> bool:
        """Rule 3: what a generated session leaves out."""
        if not _eligible(exercise):
            return False
        if LEVEL_RANK[exercise.level] > LEVEL_RANK[LEVEL_CAP] and not self._meets(exercise):
            return False
        return not (phase is Phase.CARRY and Load.SHOULDER_OVERHEAD in exercise.loads and self._shoulder_tired())

    def _shoulder_tired(self) -> bool:
        return any(phase is not Phase.PREPARE and (Load.SHOULDER_OVERHEAD in exercise.loads or any(
            self.atlas.group_id_of(muscle) in SHOULDER_GROUPS for muscle in exercise.primary + exercise.secondary))
            for exercise, phase, _ in self.chosen)

    def _meets(self, exercise: Exercise) -> list[Need]:
        return [need for need in self.unmet() if need.met_by(exercise)]

    def _add(self, phase: Phase, primary: bool, only_new: bool = False) -> bool:
        taken = {exercise.id for exercise, _, _ in self.chosen}
        candidates = [e for e in self.atlas.exercises.values()
                      if e.id not in taken and phase_of(e) is phase and self._allowed(e, phase)
                      and (_works(e, self.target, self.atlas, primary) or (self._meets(e) and _works(e, self.target, self.atlas, False)))]
        if only_new:
            candidates = [e for e in candidates if self._new_parts(e, phase) or self._meets(e)]
        if not candidates:
            return False
        best = min(candidates, key=lambda exercise: self._rank(exercise, phase))
        self.chosen.append((best, phase, self._why(best, phase, primary)))
        return True

    def _new_parts(self, exercise: Exercise, phase: Phase) -> list[str]:
        covered = self._covered(phase)
        return [part for part in self.target.parts if part not in covered and _hits(exercise, part, self.atlas)]

    def _new_equipment(self, exercise: Exercise) -> set[str]:
        owned = {item for e, _, _ in self.chosen for item in e.equipment}
        return {item for item in exercise.equipment if item not in owned and not self.atlas.equipment[item].no_equipment}

    def _rank(self, exercise: Exercise, phase: Phase) -> tuple[object, ...]:
        directions = {e.direction for e, p, _ in self.chosen if p is Phase.COMPOUND}
        new_direction = phase is Phase.COMPOUND and exercise.direction is not None and exercise.direction not in directions
        holds_still = phase is Phase.ISOLATION and exercise.force is Force.HOLD
        return (-len(self._meets(exercise)), LEVEL_RANK[exercise.level] > self._level(), -len(self._new_parts(exercise, phase)),
                holds_still, not new_direction, len(self._new_equipment(exercise)), LEVEL_RANK[exercise.level],
                len(_groups(exercise, self.atlas)), exercise.name.casefold(), exercise.id)

    def _why(self, exercise: Exercise, phase: Phase, primary: bool) -> str:
        parts = self._new_parts(exercise, phase) or [part for part in self.target.parts if _hits(exercise, part, self.atlas)]
        names = [self.atlas.muscle_name(part).lower() for part in parts if part != self.target.id]
        worked = f"the {_and(names)}" if names else f"the {self.target.name.lower()}"
        role = "hardest" if _works(exercise, self.target, self.atlas, primary=True) else "as a helper"
        owned = {item for e, _, _ in self.chosen for item in e.equipment}
        shared = [self.atlas.equipment[item].name.lower() for item in exercise.equipment
                  if item in owned and not self.atlas.equipment[item].no_equipment]
        needs = self._meets(exercise)
        tail = f"; trains {_and([need.words for need in needs])}, which this session needs" if needs else ""
        tail += f"; uses the {_and(shared)} the session already needs" if shared else ""
        kind = _describe(exercise)
        sentences: dict[Phase, Callable[[], str]] = {
            Phase.PREPARE: lambda: (f"Opens the session: a light activation drill that works {worked} {role}{tail}."
                                    if exercise.category is Category.ACTIVATION
                                    else f"Opens the session: a dynamic mobility drill for {worked}{tail}."),
            Phase.COMPOUND: lambda: f"{_LIFT}{kind}: works {worked} {role} while other muscles share the load{_RAMP}{tail}.",
            Phase.ISOLATION: lambda: (f"Isolation that works {worked} {role}, after the lifts{tail}."
                                      if exercise.mechanics is Mechanics.ISOLATION
                                      else f"A hold that works {worked} {role}, after the lifts{tail}."),
            Phase.CARRY: lambda: f"A loaded carry for {worked}, last so that a tired grip and trunk cut no lift short{tail}.",
        }
        return sentences[phase]()


def _eligible(exercise: Exercise) -> bool:
    """Rule 3's lasting part: never a static stretch (it works no muscle), never a left-out load."""
    return not exercise.static_stretch and not set(LEFT_OUT_LOADS) & set(exercise.loads)


def _item(exercise: Exercise, phase: Phase, ramp_up: int | None) -> RoutineItem:
    dose = _dose(exercise)
    most = {Phase.PREPARE: PREPARE_SETS, Phase.ISOLATION: ISOLATION_SETS}.get(phase)
    if most and (dose.sets or 1) > most:
        dose = dose.model_copy(update={"sets": most})
    item = RoutineItem.of(exercise.id, dose)
    return item.model_copy(update={"ramp_up": ramp_up}) if ramp_up else item


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
