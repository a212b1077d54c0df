"""The taxonomy, exercises/_taxonomy.yml: muscle groups and their parts, equipment, and precautions."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field

from atlas.records.kinds import Action, Category, Force, Load, MuscleKind
from atlas.records.values import Flag, Id, Line, Paragraph, Record, ReviewDate, SourceId


class EquipmentRecord(Record):
    """A piece of equipment an exercise may need."""

    name: Line
    """Display name."""
    aliases: tuple[Line, ...] = Field(default=(), max_length=20)
    """Other names."""
    no_equipment: Flag = False
    """True for what is found in any room (mat, wall, floor): needing only such items counts as no equipment."""


class Equipment(EquipmentRecord):
    """A piece of equipment, with its id."""

    id: str
    """Stable id, used in records and URLs."""


class PartRecord(Record):
    """A part of a muscle group, such as the lower traps."""

    name: Line
    """Display name."""
    aliases: tuple[Line, ...] = Field(default=(), max_length=20)
    """Other names people use."""
    does: Paragraph
    """What it does."""
    search_terms: tuple[Line, ...] = Field(default=(), max_length=20)
    """Problems and goals in people's words that training it answers ("shoulder blade winging"); search finds its
    section's page and the exercises that work it hardest by them."""


class MusclePart(PartRecord):
    """A muscle part, with its id and group."""

    id: str
    """Stable id; also the anchor of its section on the group page."""
    group_id: str
    """The group it belongs to."""


class GroupRecord(Record):
    """A muscle group; its page lives at /muscles/<id>/."""

    name: Line
    """Display name."""
    kind: MuscleKind
    """upper-back: the site's focus; helper: works beside it; other: elsewhere in the body."""
    aliases: tuple[Line, ...] = Field(default=(), max_length=20)
    """Other names people search for."""
    where: Paragraph
    """Where it is."""
    does: Paragraph
    """What it does."""
    training: Paragraph
    """How it is trained."""
    search_terms: tuple[Line, ...] = Field(default=(), max_length=20)
    """Problems and goals in people's words that training it answers ("shoulder blade winging"); search finds its page
    and the exercises that work it hardest by them."""
    red_flags: Flag = False
    """Show the red-flag callout on the group's page."""
    neck: Flag = False
    """A neck muscle: the red-flag callout on its page adds the neck warning signs."""
    sources: tuple[SourceId, ...] = Field(default=(), max_length=12)
    """Ids of source records its text rests on."""
    parts: Mapping[Id, PartRecord] = Field(default_factory=dict, max_length=12)
    """Parts of the group by id; an exercise naming a part counts for the group."""
    reviewed: ReviewDate | None = None
    """The day a person last checked it against its sources (2026-12-06); pages show it as "Last reviewed"."""


class MuscleGroup(GroupRecord):
    """A muscle group, with its id and its parts in taxonomy order."""

    id: str
    """Stable id and URL slug."""
    parts: Mapping[str, MusclePart] = Field(default_factory=dict)
    """Its parts by id, in taxonomy order."""


class PrecautionRule(Record):
    """Which exercises must list a precaution: those that match every field given (a list of actions or loads: all
    of them; of categories, forces or equipment: any one)."""

    because: Line
    """The risk in plain words, as the build's message names it ("twists the spine, loaded or repeated")."""
    actions: tuple[Action, ...] = Field(default=(), max_length=6)
    """Joint actions the exercise trains, all of them."""
    loads: tuple[Load, ...] = Field(default=(), max_length=4)
    """Structures or positions it loads, all of them."""
    category: tuple[Category, ...] = Field(default=(), max_length=4)
    """Its category is one of these."""
    force: tuple[Force, ...] = Field(default=(), max_length=4)
    """Its force is one of these."""
    equipment: tuple[Id, ...] = Field(default=(), max_length=10)
    """It needs one of these pieces of equipment."""

    def matches(self, actions: tuple[Action, ...], loads: tuple[Load, ...], category: Category, force: Force | None,
                equipment: tuple[str, ...]) -> bool:
        """Whether an exercise with these properties needs the precaution by this rule."""
        return (set(self.actions) <= set(actions) and set(self.loads) <= set(loads)
                and (not self.category or category in self.category) and (not self.force or force in self.force)
                and (not self.equipment or bool(set(self.equipment) & set(equipment))))


class PrecautionRecord(Record):
    """A group of people for whom some exercises need care."""

    name: Line
    """Who it concerns, such as "Pregnancy"."""
    advice: Paragraph
    """One short, plain piece of advice, shown on every exercise that lists it."""
    needed_when: tuple[PrecautionRule, ...] = Field(default=(), max_length=12)
    """The rules that say which exercises must list it: the build reports an exercise that matches one and does not."""


class Precaution(PrecautionRecord):
    """A precaution, with its id."""

    id: str
    """Stable id, used in exercise records."""


class TaxonomyRecord(Record):
    """The taxonomy, exercises/_taxonomy.yml: muscles, equipment and precautions."""

    muscles: dict[Id, GroupRecord] = Field(min_length=1, max_length=60)
    """Muscle groups by id; each group page lives at /muscles/<id>/."""
    equipment: dict[Id, EquipmentRecord] = Field(min_length=1, max_length=100)
    """Equipment by id."""
    precautions: dict[Id, PrecautionRecord] = Field(default_factory=dict, max_length=40)
    """Precautions by id: who needs care, and the advice shown on the exercises that list them."""
