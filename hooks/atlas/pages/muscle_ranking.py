"""How a muscle page orders the exercises that work a muscle (a group or a part) hardest, declared once.

0. **Main work:** exercises whose primary work is at least half this muscle (MAIN_WORK, by specificity below) come
   before those where it is one of several primary muscles, so that a study that compared a few exercises of one
   kind (three rows) cannot lift them above the exercises that work the muscle on its own (pull-ups for the lats).
1. **Evidence:** within each of those two, exercises a cited study measured for this muscle (or, for a group, one of
   its parts) come first, by their place in that study (exercises/evidence/<source-id>.yml: by its values, the
   highest first, or by a finding that says it was the most or among the most; each study on its own scale, an
   exercise taking its best place).
2. **Specificity:** then the exercises whose hardest work falls most on this muscle: the share of its primary
   muscles that are this muscle (a part of a group counts whole for its group; a whole group named for one of its
   parts counts half), then the fewest helping muscles.
3. **Level:** then the easiest first, then by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from atlas.records.graph import Atlas
from atlas.records.model import Exercise, Level

LEVEL_ORDER = {level: rank for rank, level in enumerate(Level)}
"""Easiest first."""
MAIN_WORK = 0.5
"""The share of an exercise's primary muscles that must be this muscle for it to lead the list (see rule 0)."""
ORDER_BY_EVIDENCE = ("Those that work it mainly come first; each part ordered by how hard a cited study measured each one working "
                     "it, then by how much of the work falls on it, then easiest first.")
"""The one line a list says about its order when the evidence ordered some of it."""
ORDER_BY_SPECIFICITY = "Ordered by how much of the work falls on it (the most specific first), then easiest first."
"""The one line a list says about its order otherwise."""


def specificity(atlas: Atlas, exercise: Exercise, muscle_id: str) -> float:
    """The share of the exercise's primary muscles that are this muscle (0 when it works it in no primary role)."""
    if not exercise.primary:
        return 0.0
    score = 0.0
    for muscle in exercise.primary:
        if muscle == muscle_id or atlas.group_id_of(muscle) == muscle_id:
            score += 1.0
        elif muscle == atlas.group_id_of(muscle_id):
            score += 0.5
    return score / len(exercise.primary)


FINDING_PLACES = ((re.compile(r"^the most\b", re.IGNORECASE), 1), (re.compile(r"\bthe most\b", re.IGNORECASE), 2))
"""How a finding in words places an exercise within its study: "The most lower trapezius activity of the 10
exercises" first, "One of the 2 exercises with the most ..." among the first; any other finding is not placed."""


def evidence_ranks(atlas: Atlas, muscle_id: str) -> dict[str, int]:
    """Exercise id -> its best place (1 = the most activity) within a study that measured this muscle or its parts: by
    the study's values (the highest first), or as its finding says (FINDING_PLACES). Studies are never merged: each
    place is within one study, and an exercise takes its best."""
    ranks: dict[str, int] = {}
    for results in atlas.evidence_for(muscle_id):
        values = sorted({row.value for row in results.rows if row.value is not None}, reverse=True)
        for row in results.rows:
            if row.value is not None:
                place: int | None = values.index(row.value) + 1
            else:
                place = next((rank for pattern, rank in FINDING_PLACES if row.finding and pattern.search(row.finding)), None)
            if place is not None:
                ranks[row.exercise] = min(place, ranks.get(row.exercise, place))
    return ranks


def rank_exercises(atlas: Atlas, muscle_id: str, exercises: Iterable[Exercise],
                   evidence: Mapping[str, int] | None = None) -> tuple[list[Exercise], str]:
    """The exercises in the page's order and the line that says how they are ordered; `evidence` (exercise id -> place)
    defaults to what the atlas's studies measured."""
    evidence = evidence_ranks(atlas, muscle_id) if evidence is None else evidence
    ranked = sorted(exercises, key=lambda exercise: (
        specificity(atlas, exercise, muscle_id) < MAIN_WORK,
        evidence.get(exercise.id, float("inf")),
        -specificity(atlas, exercise, muscle_id),
        len(exercise.secondary),
        LEVEL_ORDER[exercise.level],
        exercise.name,
    ))
    used_evidence = any(exercise.id in evidence for exercise in ranked)
    return ranked, ORDER_BY_EVIDENCE if used_evidence else ORDER_BY_SPECIFICITY
