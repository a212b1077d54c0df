"""The breadth the Atlas promises, computed from the real records (issue 12's counts)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from atlas.generation import build_atlas
from atlas.records.graph import Atlas
from atlas.layout import ProjectLayout
from atlas.records.model import Level, Role

REPO = Path(__file__).resolve().parent.parent

AT_LEAST_PRIMARY = {
    "upper-traps": 5,
    "middle-traps": 5,
    "lower-traps": 5,
    "rhomboids": 8,
    "rear-delts": 6,
    "supraspinatus": 3,
    "infraspinatus": 3,
    "teres-minor": 3,
    "subscapularis": 3,
    "serratus-anterior": 5,
}
"""Muscle id -> the fewest exercises that must name it (or, for a group, one of its parts) as primary."""

CANON = (
    "seal-row", "pendlay-row", "landmine-row", "meadows-row", "chin-up", "straight-arm-pulldown", "kelso-shrug", "rack-pull",
    "high-pull", "overhead-carry", "bottoms-up-kettlebell-carry", "prone-t-raise", "prone-90-90-external-rotation",
    "reverse-snow-angel", "rear-delt-cable-fly", "reverse-pec-deck", "band-external-rotation-90-90", "band-internal-rotation-90-90",
    "cuban-press", "serratus-punch", "landmine-press", "push-up-plus", "turkish-get-up", "thread-the-needle",
    "doorway-pec-stretch", "cross-body-stretch", "foam-roller-thoracic-extension", "wall-angel", "chin-tuck",
)
"""Exercises an upper-back reference must have (issue 12)."""

CLINIC_CANON = (
    "isometric-external-rotation", "isometric-internal-rotation", "low-row", "inferior-glide", "band-d2-flexion",
    "band-d2-extension", "dead-hang", "lateral-raise", "neck-isometrics", "cranio-cervical-flexion",
)
"""Exercises a physiotherapist looks for (issue 23)."""
ROUTES = {
    "beginner-band-and-chair": (Level.BEGINNER, 20, 25),
    "gentle-shoulder-session": (Level.BEGINNER, 15, 30),
    "back-strength-bone-health": (Level.BEGINNER, 20, 35),
}
"""Routines for a beginner, a painful shoulder and bone health (issue 23): the level and the stated minutes they keep to."""
SPARES_THE_SPINE = ("back-strength-bone-health",)
"""Sessions for bone health: no exercise that bends or twists the spine."""


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return build_atlas(ProjectLayout(REPO, REPO / "content"))


def _primary_count(atlas: Atlas, muscle_id: str) -> int:
    """Exercises naming the muscle as primary; for a group, naming it or any of its parts."""
    group = atlas.groups.get(muscle_id)
    ids = {muscle_id, *(group.parts if group else ())}
    return sum(1 for exercise in atlas.exercises.values() if ids & set(exercise.primary))


def _needs_no_equipment(atlas: Atlas, equipment: tuple[str, ...]) -> bool:
    return all(atlas.equipment[item].no_equipment for item in equipment)


def test_at_least_eighty_exercises_including_the_canon(atlas: Atlas) -> None:
    assert len(atlas.exercises) >= 80
    assert sorted(set(CANON) - set(atlas.exercises)) == []


@pytest.mark.parametrize("muscle_id", sorted(AT_LEAST_PRIMARY))
def test_each_key_muscle_has_enough_primary_exercises(atlas: Atlas, muscle_id: str) -> None:
    assert _primary_count(atlas, muscle_id) >= AT_LEAST_PRIMARY[muscle_id]


def test_serratus_has_loaded_primary_exercises(atlas: Atlas) -> None:
    loaded = [e.id for e in atlas.exercises.values() if "serratus-anterior" in e.primary and not _needs_no_equipment(atlas, e.equipment)]
    assert len(loaded) >= 2, loaded


def test_levels_and_equipment_spread(atlas: Atlas) -> None:
    exercises = list(atlas.exercises.values())
    levels = Counter(exercise.level for exercise in exercises)
    no_equipment = [e.id for e in exercises if _needs_no_equipment(atlas, e.equipment)]
    band_only = [e.id for e in exercises if e.equipment and set(e.equipment) - {"none"} == {"resistance-band"}]
    assert levels[Level.ADVANCED] >= 10
    assert len(no_equipment) >= 12
    assert len(band_only) >= 10


def test_every_muscle_group_with_a_page_has_primary_exercises_or_stretches(atlas: Atlas) -> None:
    """A muscle no exercise here works hardest (levator scapulae) may have only stretches; every page lists something."""
    empty = [group_id for group_id in atlas.groups
             if _primary_count(atlas, group_id) == 0 and not atlas.exercises_for(group_id, Role.STRETCHED)]
    assert empty == []


def test_no_record_cites_the_seed_articles(atlas: Atlas) -> None:
    cited = {source_id for exercise in atlas.exercises.values() for source_id in exercise.sources}
    assert "seed" not in " ".join(cited)
    assert all(exercise.sources for exercise in atlas.exercises.values())


def test_the_clinic_canon_is_there(atlas: Atlas) -> None:
    assert sorted(set(CLINIC_CANON) - set(atlas.exercises)) == []


@pytest.mark.parametrize("routine_id", sorted(ROUTES))
def test_the_routes_keep_their_level_and_length(atlas: Atlas, routine_id: str) -> None:
    level, shortest, longest = ROUTES[routine_id]
    routine = atlas.routines[routine_id]
    assert routine.level is level
    assert shortest <= routine.minutes <= longest
    assert all(atlas.exercises[exercise_id].level is Level.BEGINNER for exercise_id in routine.exercise_ids)


@pytest.mark.parametrize("routine_id", SPARES_THE_SPINE)
def test_bone_health_sessions_keep_the_spine_out_of_flexion_and_rotation(atlas: Atlas, routine_id: str) -> None:
    moving = {"thoracic-rotation"}
    exercises = [atlas.exercises[exercise_id] for exercise_id in atlas.routines[routine_id].exercise_ids]
    assert [e.id for e in exercises if moving & {action.value for action in e.actions} or "osteoporosis" in e.precautions] == []


def test_the_beginner_programme_is_beginner_work(atlas: Atlas) -> None:
    programme = atlas.programmes["beginner-four-weeks"]
    assert programme.weeks == 4 and 2 <= len(programme.week) <= 3
    routines = [atlas.routines[session.routine] for session in programme.sessions]
    assert all(routine.level is Level.BEGINNER for routine in routines)
