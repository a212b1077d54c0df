"""Draft exercise records (exercises/drafts/<id>.yml): exercises imported from another database and not yet finished.

A draft holds only what its source said. `mkdocs serve` shows it with a draft banner; a strict build refuses to
publish it (each draft is a warning); it never enters the finder, the JSON export or any list.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from atlas.records.kinds import Category, Force, Level, Mechanics
from atlas.records.model import ExerciseRecord, ExternalIds, Ids, Texts
from atlas.records.values import Id, Line, Record


class DraftMuscles(Record):
    """The muscles a source named, where they map onto the taxonomy without guessing."""

    primary: tuple[Id, ...] = Field(default=(), max_length=12)
    """Muscles the source says do most of the work."""
    secondary: tuple[Id, ...] = Field(default=(), max_length=12)
    """Muscles the source says help."""


class DraftRecord(Record):
    """An unfinished exercise: what another database says of it, waiting for a maintainer to finish it."""

    draft: Literal[True]
    """Always true: this record is not published until it is finished and moved to exercises/."""
    name: Line
    """The exercise's name as the source gives it."""
    imported_from: Line
    """The database it came from, such as free-exercise-db."""
    ids: ExternalIds | None = None
    """Its id in that database."""
    level: Level | None = None
    """Level, when the source gives one that maps onto ours."""
    category: Category | None = None
    """Kind of work, when the source's maps onto ours."""
    mechanics: Mechanics | None = None
    """Compound or isolation, when the source says."""
    force: Force | None = None
    """Pull, push or hold, when the source says."""
    equipment: Ids = ()
    """Equipment ids that the source's equipment maps onto."""
    muscles: DraftMuscles = DraftMuscles()
    """Muscles that map onto the taxonomy."""
    steps: Texts = ()
    """The source's instructions, as it wrote them."""
    unmapped: Texts = ()
    """What the source said that has no counterpart here (such as "muscle: middle back"), for the maintainer to place."""

    @property
    def missing(self) -> tuple[str, ...]:
        """The fields a finished exercise requires that this draft lacks (read from the exercise model)."""
        present = {name for name in type(self).model_fields if getattr(self, name) not in (None, (), DraftMuscles())}
        if not self.muscles.primary:
            present.discard("muscles")
        required = [name for name, info in ExerciseRecord.model_fields.items() if info.is_required()]
        return tuple(name for name in required if name not in present)


class Draft(DraftRecord):
    """A draft record, checked."""

    id: str
    """File name without .yml."""
    source: str
    """Record file, relative to the project root."""
