"""The page and printable sheet of each routine, and the routine index."""

from __future__ import annotations

from dataclasses import dataclass

from .graph import Atlas
from .links import exercise_link
from .model import Exercise, Role, Routine, RoutineItem, TargetKind
from .muscle_map import highlight
from .page_kinds import INDEX_URIS, page_uri
from .rendering import GeneratedPage, Link, render_markdown

LOG_SESSIONS = 4
"""Sessions the printed log grid has room for."""


@dataclass(frozen=True)
class SheetRow:
    """One line of a routine's exercise table."""

    link: Link
    """The exercise."""
    work: str
    """Sets × reps, hold or distance."""
    rest: str
    """Rest between sets, or "" when none is prescribed."""
    cue: str
    """The key cue: the item's note, else the exercise's first cue."""


@dataclass(frozen=True)
class MuscleCoverage:
    """How a routine works one muscle group."""

    link: Link
    """The group."""
    primary: int
    """Exercises working it as a primary muscle."""
    secondary: int
    """Exercises where it helps."""


def render_routine_page(atlas: Atlas, routine: Routine) -> GeneratedPage:
    """The page at /routines/<id>/, which prints as a one-page sheet."""
    uri = page_uri(TargetKind.ROUTINE, routine.id)
    exercises = [atlas.exercises[exercise_id] for exercise_id in routine.exercise_ids]
    blocks = [(block.name, [_row(atlas, item) for item in block.items]) for block in routine.blocks]
    log = [{"name": atlas.exercises[item.exercise_id].name, "sets": item.dose.sets or 1}
           for block in routine.blocks for item in block.items]
    primary = tuple(muscle for exercise in exercises for muscle in exercise.primary)
    secondary = tuple(muscle for exercise in exercises for muscle in exercise.secondary)
    markdown = render_markdown(
        "routine.md.j2",
        uri,
        routine=routine,
        equipment=atlas.equipment_text(routine.equipment_ids),
        blocks=blocks,
        coverage=coverage(atlas, exercises),
        safety=[(exercise_link(atlas, exercise), exercise.safety) for exercise in exercises if exercise.safety],
        red_flag=any(exercise.loads for exercise in exercises),
        page_data={"kind": "routine", "id": routine.id, "log": log, "sessions": LOG_SESSIONS,
                   "map": highlight(atlas, primary, secondary), "generated": routine.generated},
    )
    return GeneratedPage(uri, markdown, routine.source)


def coverage(atlas: Atlas, exercises: list[Exercise]) -> list[MuscleCoverage]:
    """Muscle groups the exercises work, in taxonomy order, with primary and secondary counts."""
    counts: dict[str, dict[Role, int]] = {}
    for exercise in exercises:
        primary = {atlas.group_id_of(muscle) for muscle in exercise.primary}
        secondary = {atlas.group_id_of(muscle) for muscle in exercise.secondary} - primary
        for role, groups in ((Role.PRIMARY, primary), (Role.SECONDARY, secondary)):
            for group_id in groups:
                counts.setdefault(group_id, {Role.PRIMARY: 0, Role.SECONDARY: 0})[role] += 1
    return [
        MuscleCoverage(Link(group.name, page_uri(TargetKind.MUSCLE, group.id)),
                       counts[group.id][Role.PRIMARY], counts[group.id][Role.SECONDARY])
        for group in atlas.groups.values() if group.id in counts
    ]


def _row(atlas: Atlas, item: RoutineItem) -> SheetRow:
    exercise = atlas.exercises[item.exercise_id]
    cue = item.notes or (exercise.cues[0] if exercise.cues else "")
    return SheetRow(exercise_link(atlas, exercise), item.dose.work or exercise.dose.work, item.dose.rest_text, cue)


def render_routine_index(atlas: Atlas) -> GeneratedPage:
    """The page at /routines/: every routine with level, duration and equipment, authored first."""
    uri = INDEX_URIS[TargetKind.ROUTINE]
    groups = [
        ("Written by coaches", [r for r in atlas.routines.values() if not r.generated]),
        ("Generated from the atlas", [r for r in atlas.routines.values() if r.generated]),
    ]
    rows = [
        (title, [(Link(r.name, page_uri(TargetKind.ROUTINE, r.id)), r, atlas.equipment_text(r.equipment_ids)) for r in routines])
        for title, routines in groups if routines
    ]
    markdown = render_markdown("routines_index.md.j2", uri, groups=rows, page_data={"kind": "routine-index"})
    return GeneratedPage(uri, markdown, None)
