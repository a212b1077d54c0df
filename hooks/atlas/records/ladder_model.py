"""Ladder records (exercises/ladders/<id>.yml): an ordered list of exercises for one goal, each step with the
criterion to move up to the next."""

from __future__ import annotations

from pydantic import Field

from atlas.records.values import Id, Line, Paragraph, Record, SourceId


class LadderStep(Record):
    """One rung of a ladder: an exercise, and when to move on to the next rung."""

    exercise: Id
    """The exercise's id."""
    move_on: Paragraph | None = None
    """The criterion to move up, concrete and checkable, such as "3 x 12 with a 2-second lowering, no pain above 3/10
    the next day". Required on every step but the last (where it may say how to keep progressing)."""
    why: Paragraph | None = None
    """Why this step follows the one before although neither exercise names the other as its harder or easier option."""


class LadderRecord(Record):
    """One progression ladder per file: exercises/ladders/<id>.yml; its page lives at /ladders/<id>/."""

    name: Line
    """The ladder's title, such as "Lower traps: from the wall to the incline Y"."""
    goal: Paragraph
    """One sentence: what climbing it builds."""
    target: Id
    """The muscle group or part every step works (a taxonomy id)."""
    steps: tuple[LadderStep, ...] = Field(min_length=3, max_length=10)
    """The rungs, easiest first (levels never go down)."""
    notes: tuple[Paragraph, ...] = Field(default=(), max_length=8)
    """Coaching notes for the whole ladder."""
    sources: tuple[SourceId, ...] = Field(default=(), max_length=12)
    """Ids of exercises/sources/<id>.yml that the order or the criteria rest on."""

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        """The exercises in ladder order."""
        return tuple(step.exercise for step in self.steps)


class Ladder(LadderRecord):
    """A ladder record, checked."""

    id: str
    """File name without .yml."""
    source: str
    """Record file, relative to the project root."""
