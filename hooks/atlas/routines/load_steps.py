"""How much load to add when a lift gets easy: the proportional step, declared once, used by every programme, every
routine sheet, every generated session and /api/exercises.json.

A step is about 5 to 10 % of the working load, so it depends on what is lifted: the first step whose kind fits the
exercise is its step (bodyweight when it can be done without anything that adds load, then bands, rotator-cuff and
rear-delt work, barbells, free weights, cables).
"""

from __future__ import annotations

from dataclasses import dataclass

from atlas.records.graph import Atlas
from atlas.records.model import Exercise

STEP_SHARE = "about 5 to 10 %"
"""How big a step is, as a share of the working load."""


@dataclass(frozen=True)
class LoadStep:
    """The smallest sensible increase for one kind of exercise."""

    id: str
    """Stable id, as /api/exercises.json names it."""
    kind: str
    """The exercises it is for, in words."""
    step: str
    """The increase, in words."""
    short: str
    """The increase as a sheet row shows it ("" when there is no load to add)."""
    kg: float | None
    """The increase in kilograms, when it is one (the smallest end of a range); None for a band or bodyweight."""
    groups: tuple[str, ...] = ()
    """When given, it fits only work whose first primary muscle (the one that works hardest) is in one of these groups."""
    equipment: tuple[str, ...] = ()
    """It fits an exercise that is loaded with one of these (each is equipment that adds load)."""


LOAD_STEPS = (
    LoadStep("bodyweight", "bodyweight exercises", "no load to add: add reps or seconds, then the harder version", "", None),
    LoadStep("band", "band exercises", "the next band, or hold the band a little shorter", "next band", None,
             equipment=("resistance-band",)),
    LoadStep("cuff", "rotator-cuff and rear-delt work", "0.5 kg (a small add-on weight on a cable or machine)", "+0.5 kg", 0.5,
             groups=("rotator-cuff", "rear-delts"), equipment=("dumbbells", "cable-machine", "pec-deck")),
    LoadStep("barbell", "barbell lifts", "2.5 kg (1.25 kg a side)", "+2.5 kg", 2.5, equipment=("barbell",)),
    LoadStep("free-weight", "dumbbell and kettlebell lifts", "1 to 2 kg a hand (the next dumbbell or kettlebell)", "+1-2 kg", 1.0,
             equipment=("dumbbells", "kettlebell", "household-weights")),
    LoadStep("machine", "cable and machine lifts", "the smallest plate on the stack, about 2.5 kg", "+2.5 kg", 2.5,
             equipment=("cable-machine", "lat-pulldown-machine", "pec-deck", "landmine")),
)
"""Every step, in the order they are tried."""


BODYWEIGHT_STEP = LOAD_STEPS[0]
"""The step of an exercise that one of its sets of equipment does without anything that adds load (a pull-up bar, rings)."""


def load_step(atlas: Atlas, exercise: Exercise) -> LoadStep:
    """The step for an exercise: bodyweight when one of its sets of equipment adds no load, else the first that fits."""
    loading = {item for step in LOAD_STEPS for item in step.equipment}
    if any(not loading & set(option) for option in (exercise.equipment, *exercise.equipment_alternatives)):
        return BODYWEIGHT_STEP
    first = atlas.group_id_of(exercise.primary[0])
    return next((step for step in LOAD_STEPS[1:] if set(step.equipment) & set(exercise.equipment) and first in (step.groups or (first,))),
                BODYWEIGHT_STEP)


def steps_used(atlas: Atlas, exercises: list[Exercise]) -> list[tuple[LoadStep, list[Exercise]]]:
    """The steps a set of exercises uses, in declaration order, each with its exercises (each exercise once)."""
    by_step: dict[str, dict[str, Exercise]] = {}
    for exercise in exercises:
        by_step.setdefault(load_step(atlas, exercise).id, {})[exercise.id] = exercise
    return [(step, list(by_step[step.id].values())) for step in LOAD_STEPS if step.id in by_step]


def load_step_data(step: LoadStep) -> dict[str, object]:
    """A step as /api/exercises.json gives it."""
    return {"id": step.id, "kind": step.kind, "step": step.step, "short": step.short, "kg": step.kg}
