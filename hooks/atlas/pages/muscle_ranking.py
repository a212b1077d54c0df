"""How a muscle page orders the exercises that work a muscle (a group or a part) hardest, declared once.

1. **Evidence:** exercises a cited study measured for this muscle (or, for a group, one of its parts) come first, by
   their place in that study's numbers (exercises/evidence/<source-id>.yml rows with a value; the highest first, each
   study on its own scale, an exercise taking its best place in any study). Findings in words are not ranked.
2. **Specificity:** then the exercises whose hardest work falls most on this muscle: the share of its primary
   muscles that are this muscle (a part of a group counts whole for its group; a whole group named for one of its
   parts counts half), then the fewest helping muscles.
3. **Level:** then the easiest first, then by name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from atlas.records.graph import Atlas
from atlas.records.model import Exercise, Level

LEVEL_ORDER = {level: rank for rank, level in enumerate(Level)}
"""Easiest first."""
ORDER_BY_EVIDENCE = ("Ordered by how hard a cited study measured each one working it, then by how much of the work falls on it, "
                     "then easiest first.")
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


def evidence_ranks(atlas: Atlas, muscle_id: str) -> dict[str, int]:
    """Exercise id -> its best place (1 = the most activity) among a study's measured values for this muscle or its
    parts; studies are never merged, so each place is within one study."""
    ranks: dict[str, int] = {}
    for results in atlas.evidence_for(muscle_id):
        values = sorted({row.value for row in results.rows if row.value is not None}, reverse=True)
        for row in results.rows:
            if row.value is not None:
                place = values.index(row.value) + 1
                ranks[row.exercise] = min(place, ranks.get(row.exercise, place))
    return ranks


def rank_exercises(atlas: Atlas, muscle_id: str, exercises: Iterable[Exercise],
                   evidence: Mapping[str, int] | None = None) -> tuple[list[Exercise], str]:
    """The exercises in the page's order and the line that says how they are ordered; `evidence` (exercise id -> place)
    defaults to what the atlas's studies measured."""
    evidence = evidence_ranks(atlas, muscle_id) if evidence is None else evidence
    ranked = sorted(exercises, key=lambda exercise: (
        evidence.get(exercise.id, float("inf")),
        -specificity(atlas, exercise, muscle_id),
        len(exercise.secondary),
        LEVEL_ORDER[exercise.level],
        exercise.name,
    ))
    used_evidence = any(exercise.id in evidence for exercise in ranked)
    return ranked, ORDER_BY_EVIDENCE if used_evidence else ORDER_BY_SPECIFICITY
