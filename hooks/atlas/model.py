"""The checked model: immutable records and the graph that joins them. Everything after checking trusts it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    """What kind of work an exercise is."""

    ACTIVATION = "activation"
    STRENGTH = "strength"
    MOBILITY = "mobility"
    STABILITY = "stability"


class Level(StrEnum):
    """Who can do an exercise or routine well."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class MuscleKind(StrEnum):
    """How a muscle group relates to the upper back."""

    UPPER_BACK = "upper-back"
    HELPER = "helper"
    OTHER = "other"


class Role(StrEnum):
    """How hard an exercise works a muscle."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


class Load(StrEnum):
    """Structures an exercise loads; any of them earns the red-flag callout."""

    SPINE = "spine"
    SHOULDER_OVERHEAD = "shoulder-overhead"


@dataclass(frozen=True)
class Equipment:
    """A piece of equipment an exercise may need."""

    id: str
    """Stable id, used in records and URLs."""
    name: str
    """Display name."""
    aliases: tuple[str, ...] = ()
    """Other names."""


@dataclass(frozen=True)
class MusclePart:
    """A part of a muscle group, such as the lower traps."""

    id: str
    """Stable id; also the anchor of its section on the group page."""
    group_id: str
    """The group it belongs to."""
    name: str
    """Display name."""
    does: str
    """What it does."""
    aliases: tuple[str, ...] = ()
    """Other names people use."""
    region: str | None = None
    """Muscle map region it lights, if drawn."""


@dataclass(frozen=True)
class MuscleGroup:
    """A muscle group with a page of its own at /muscles/<id>/."""

    id: str
    """Stable id and URL slug."""
    name: str
    """Display name."""
    kind: MuscleKind
    """Upper back, helper or elsewhere."""
    where: str
    """Where it is."""
    does: str
    """What it does."""
    training: str
    """How it is trained."""
    aliases: tuple[str, ...] = ()
    """Other names people search for."""
    red_flags: bool = False
    """Whether its page shows the red-flag callout."""
    region: str | None = None
    """Muscle map region of the whole group, when it has no parts."""
    parts: tuple[MusclePart, ...] = ()
    """Its parts, in taxonomy order."""

    @property
    def regions(self) -> tuple[str, ...]:
        """Every map region the group covers."""
        own = (self.region,) if self.region else ()
        return own + tuple(dict.fromkeys(part.region for part in self.parts if part.region))


@dataclass(frozen=True)
class Dose:
    """How much of an exercise to do."""

    sets: int | None = None
    """Number of sets."""
    reps: str | None = None
    """Repetitions per set, such as "10" or "8-12"."""
    hold: str | None = None
    """Hold time, such as "30s"."""
    distance: str | None = None
    """Walking distance, such as "20 m"."""
    rest: str | None = None
    """Rest between sets."""
    per_side: bool = False
    """Whether the dose is for each side."""

    @property
    def work(self) -> str:
        """Sets × reps, hold or distance, as one short phrase ("3 × 8-12", "30s")."""
        effort = self.reps or self.hold or self.distance or ""
        if self.sets and effort:
            text = f"{self.sets} × {effort}"
        elif self.sets:
            text = f"{self.sets} sets"
        else:
            text = effort
        return f"{text} per side" if self.per_side and text else text


@dataclass(frozen=True)
class Exercise:
    """One exercise record, checked."""

    id: str
    """File stem; the page lives at /exercises/<id>/."""
    source: str
    """Record file, relative to the project root."""
    name: str
    """Display name."""
    category: Category
    """Kind of work."""
    level: Level
    """Difficulty."""
    equipment: tuple[str, ...]
    """Equipment ids; empty for bodyweight."""
    primary: tuple[str, ...]
    """Muscle ids (groups or parts) doing most of the work."""
    secondary: tuple[str, ...]
    """Muscle ids that help."""
    summary: str
    """One or two sentences."""
    steps: tuple[str, ...]
    """How to do it, in order."""
    aliases: tuple[str, ...] = ()
    """Other names."""
    cues: tuple[str, ...] = ()
    """Short things to think while doing it."""
    mistakes: tuple[str, ...] = ()
    """Common mistakes."""
    safety: tuple[str, ...] = ()
    """"Lift safely" notes."""
    easier: tuple[str, ...] = ()
    """Regressions."""
    harder: tuple[str, ...] = ()
    """Progressions."""
    home: tuple[str, ...] = ()
    """No-gym substitutes."""
    loads: tuple[Load, ...] = ()
    """Structures loaded; any earns the red-flag callout."""
    dose: Dose = field(default_factory=Dose)
    """Starting dose."""
    related: tuple[str, ...] = ()
    """Related exercise ids."""
    sources: tuple[str, ...] = ()
    """Where the facts come from."""


@dataclass(frozen=True)
class RoutineItem:
    """One exercise in a routine block, with its prescription."""

    exercise_id: str
    """The exercise."""
    dose: Dose
    """Sets, reps or hold, rest, per side."""
    notes: str | None = None
    """A short note."""


@dataclass(frozen=True)
class RoutineBlock:
    """A named part of a routine, such as the warm-up."""

    name: str
    """Block title."""
    items: tuple[RoutineItem, ...]
    """Its exercises, in order."""


@dataclass(frozen=True)
class Routine:
    """An authored or generated routine; its page lives at /routines/<id>/."""

    id: str
    """File stem or generated id."""
    source: str | None
    """Record file, or None for a generated routine."""
    name: str
    """Display name."""
    goal: str
    """What it is for."""
    level: Level
    """Who it suits."""
    minutes: int
    """About how long it takes."""
    equipment: tuple[str, ...]
    """Equipment ids (authored, or the union of its exercises')."""
    blocks: tuple[RoutineBlock, ...]
    """The parts of the session."""
    notes: tuple[str, ...] = ()
    """Coaching notes."""
    rule: str | None = None
    """For a generated routine, the rule that made it."""

    @property
    def generated(self) -> bool:
        """Made by the build rather than written by a person."""
        return self.source is None

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        """Every exercise in order of appearance, once each."""
        return tuple(dict.fromkeys(item.exercise_id for block in self.blocks for item in block.items))


class TargetKind(StrEnum):
    """What an article link can point at."""

    EXERCISE = "exercise"
    MUSCLE = "muscle"
    ROUTINE = "routine"


@dataclass(frozen=True)
class Mention:
    """A link from a section of an article to an exercise, muscle or routine."""

    article_uri: str
    """The article's path inside content/."""
    article_title: str
    """The article's title."""
    section_title: str
    """Title of the section the link stands in."""
    anchor: str
    """The section's anchor on the article page ("" for the top)."""
    kind: TargetKind
    """Kind of target."""
    target_id: str
    """Id of the target (a muscle part id counts for its group's page)."""


@dataclass(frozen=True)
class Article:
    """A hand-written page in content/, with its links resolved."""

    src_uri: str
    """Path inside content/, such as guides/activation.md."""
    title: str
    """Its title."""
    front_matter: str
    """The article's checked front matter, title and description HTML-escaped (YAML, without the --- lines)."""
    markdown: str
    """The page's Markdown with cross-links, disclaimer and callouts added (front matter not included)."""
    mentions: tuple[Mention, ...] = ()
    """Links it makes to exercises, muscles and routines."""

    @property
    def source(self) -> str:
        """The whole page as a site engine reads it: front matter, then Markdown."""
        return f"---\n{self.front_matter}---\n\n{self.markdown}"
