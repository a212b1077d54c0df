"""What session mode needs to lead a lifter through a routine, one exercise at a time: each item's dose, rest, cue,
easier option and load step, as data in the page (read by overrides/assets/session.js; nothing is fetched)."""

from __future__ import annotations

import hashlib
import json

from atlas.pages.page_kinds import page_url
from atlas.records.graph import Atlas
from atlas.records.model import Exercise, ExerciseLink, Routine, RoutineItem, TargetKind
from atlas.routines.load_steps import load_step

LOG_VERSION = 1
"""The version of the training log kept in the browser (overrides/assets/training-log.js checks it)."""


def session_plan(atlas: Atlas, routine: Routine, title: str | None = None, label: str = "session") -> dict[str, object]:
    """The routine as session mode reads it (`label` names it on its button: "session", "session A"). `signature`
    changes whenever what is logged changes (exercises, sets, sides), so a log started on an older routine is recognised."""
    items = [_item(atlas, item, block.name) for block in routine.blocks for item in block.items]
    logged = [(item["id"], item["sets"], item["per_side"]) for item in items]
    signature = hashlib.sha256(json.dumps(logged).encode()).hexdigest()[:12]
    return {"version": LOG_VERSION, "routine": routine.id, "name": title or routine.name, "label": label, "signature": signature,
            "items": items}


def _item(atlas: Atlas, item: RoutineItem, block: str) -> dict[str, object]:
    exercise = atlas.exercises[item.exercise_id]
    dose = item.work_dose(exercise)
    step = load_step(atlas, exercise)
    return {
        "id": exercise.id,
        "name": exercise.name,
        "url": page_url(TargetKind.EXERCISE, exercise.id),
        "block": block,
        "sets": item.work_sets(exercise),
        "ramp_up": item.ramp_up or 0,
        "reps": str(dose.reps) if dose.reps else None,
        "hold": dose.hold,
        "distance": dose.distance,
        "rest": item.dose.rest or dose.rest or 0,
        "per_side": item.on_each_side(exercise),
        "work": item.dose.work or exercise.dose.work,
        "cue": item.key_cue(exercise),
        "easier": _easier(atlas, exercise),
        "step": {"kg": step.kg, "short": step.short, "words": step.step},
        "next_steps": _next_steps(atlas, exercise),
    }


def _next_steps(atlas: Atlas, exercise: Exercise) -> list[dict[str, str]]:
    """The step above this exercise on each ladder it is on, with the criterion for moving up to it."""
    found = []
    for ladder, index in atlas.rungs_of(exercise.id):
        if index + 1 < len(ladder.steps) and ladder.steps[index].move_on:
            after = atlas.exercises[ladder.steps[index + 1].exercise]
            found.append({"ladder": ladder.name, "name": after.name, "url": page_url(TargetKind.EXERCISE, after.id),
                          "move_on": ladder.steps[index].move_on or ""})
    return found


def _easier(atlas: Atlas, exercise: Exercise) -> str:
    """The first easier option in words ("" when there is none)."""
    options = atlas.ladder(exercise, harder=False)
    if not options:
        return ""
    first = options[0]
    if isinstance(first, ExerciseLink):
        name = atlas.exercises[first.exercise].name
        return f"{name}: {first.note}" if first.note else name
    return str(first)
