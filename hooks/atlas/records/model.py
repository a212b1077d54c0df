"""The record model: what each record file may hold, declared once (exercises and routines here; the
taxonomy in taxonomy_model, sources in source_model, the vocabularies in kinds).

Each `...Record` class is the format of a file (or of a part of one): the checker validates parsed YAML
with it, `upper-back-atlas schema` writes its JSON Schema for editors, and the classes without the suffix
are the same records with their id and file added, as every page and the graph use them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import Discriminator, Field, StrictStr, Tag

from atlas.figures.figure_model import Figure
from atlas.records.kinds import (
    Action,
    Category,
    Direction,
    Force,
    Level,
    Load,
    Mechanics,
    MuscleKind,
    PagePart,
    Role,
    SourceKind,
    TargetKind,
)
from atlas.records.evidence_model import Evidence, EvidenceRecord, EvidenceRow, Measure, Participants
from atlas.records.source_model import Source, SourceRecord
from atlas.records.taxonomy_model import (
    Equipment, EquipmentRecord, GroupRecord, MuscleGroup, MusclePart, PartRecord, Precaution, PrecautionRecord, TaxonomyRecord,
)
from atlas.records.values import (
    Count, Flag, FreeExerciseDbId, Id, Line, Metres, Minutes, Paragraph, Positions, RampUpSets, Record, RepCount, ReviewDate, Seconds,
    SourceId, TemplateName, Title, Uuid, WarmUpMinutes, Weeks, Weight, format_seconds,
)

__all__ = [
    "Action", "Article", "ArticleRecord", "BODYWEIGHT", "Category", "Direction", "Dose", "Equipment", "EquipmentRecord", "Evidence",
    "EvidenceRecord", "EvidenceRow", "Exercise", "ExerciseLink", "ExerciseRecord", "Force", "GroupRecord", "Level", "Load", "Measure",
    "Mechanics", "Mention", "MuscleGroup", "MuscleKind", "MusclePart", "Muscles", "PagePart", "Participants", "PartRecord",
    "Precaution", "PrecautionRecord", "Programme", "ProgrammeRecord", "ProgrammeSession", "Role", "Routine", "RoutineBlock",
    "RoutineItem", "RoutineRecord", "Source", "SourceKind", "SourceRecord", "Step", "TargetKind", "TaxonomyRecord", "WarmUp",
]
"""The vocabularies (kinds), the taxonomy, the source and the evidence records are declared in their own modules and
importable from here with the records that use them."""

BODYWEIGHT = "none"
"""The equipment id an exercise lists, alone, when it needs nothing at all ([none])."""


class Dose(Record):
    """How much of an exercise to do."""

    sets: Count | None = None
    """Number of sets."""
    reps: RepCount | None = None
    """Repetitions per set (per side with per_side): a number or a range such as "8-12"."""
    hold: Seconds | None = None
    """How long to hold, such as "30s"."""
    distance: Metres | None = None
    """How far to walk, such as "20 m"."""
    rest: Seconds | None = None
    """Rest between sets, such as "60s" or "2 min"."""
    per_side: Flag = False
    """True when the dose is for each side."""
    positions: Positions | None = None
    """For a multi-position drill such as Y-W-T-L-I: how many positions; reps then count per position."""

    @property
    def work(self) -> str:
        """Sets × reps, hold or distance, as one short phrase ("3 × 8-12", "30 s", "1 × 5 per position", "2 × 10 (5 s holds)")."""
        effort = str(self.reps) if self.reps else format_seconds(self.hold) if self.hold else f"{self.distance} m" if self.distance else ""
        if self.reps and self.hold:
            effort = f"{effort} ({format_seconds(self.hold)} holds)"
        if self.positions and effort:
            effort = f"{effort} per position"
        if self.sets and effort:
            text = f"{self.sets} × {effort}"
        elif self.sets:
            text = f"{self.sets} sets"
        else:
            text = effort
        return f"{text} per side" if self.per_side and text else text

    @property
    def rest_text(self) -> str:
        """The rest as people write it, or "" when none is prescribed."""
        return format_seconds(self.rest) if self.rest else ""


class Muscles(Record):
    """The muscles an exercise works or stretches, by role; ids of groups or parts from the taxonomy.
    At least one muscle is primary or stretched."""

    primary: tuple[Id, ...] = Field(default=(), max_length=12)
    """Muscles that do most of the work ("Works hardest")."""
    secondary: tuple[Id, ...] = Field(default=(), max_length=12)
    """Muscles that help."""
    stabilizers: tuple[Id, ...] = Field(default=(), max_length=12)
    """Muscles that hold position without moving the load ("Steadies")."""
    stretched: tuple[Id, ...] = Field(default=(), max_length=12)
    """Muscles a stretch or mobility drill lengthens or takes through their range ("Stretches"); never counted as worked."""

    def of(self, role: Role) -> tuple[str, ...]:
        """The muscle ids in a role."""
        ids: tuple[str, ...] = getattr(self, role.field)
        return ids


class ExerciseLink(Record):
    """An easier or harder option that is another exercise record."""

    exercise: Id
    """The other exercise's id."""
    note: Paragraph | None = None
    """Why or when to choose it."""


def _step_kind(value: Any) -> str:
    return "link" if isinstance(value, dict) else "text"


Step = Annotated[Annotated[Paragraph, Tag("text")] | Annotated[ExerciseLink, Tag("link")], Discriminator(_step_kind)]
"""An easier or harder option: text, or {exercise: id, note: text}."""
Texts = Annotated[tuple[Paragraph, ...], Field(max_length=30)]
"""A list of short paragraphs."""
Ids = Annotated[tuple[Id, ...], Field(max_length=12)]
"""A list of ids."""


class ExternalIds(Record):
    """Ids of the same exercise in other open exercise databases."""

    wger: Uuid | None = None
    """The wger exercise's UUID (wger.de)."""
    free_exercise_db: FreeExerciseDbId | None = None
    """The free-exercise-db record's id (github.com/yuhonas/free-exercise-db). The databases' licences: engines/export.py."""


class ExerciseRecord(Record):
    """One exercise per file: exercises/<id>.yml, where <id> is the file name (lowercase words joined by hyphens)."""

    name: Line
    """The name shown as the page title."""
    aliases: tuple[Line, ...] = Field(default=(), max_length=20)
    """Other names people search for."""
    category: Category
    """What kind of work the exercise is."""
    level: Level
    """Who can do it well."""
    mechanics: Mechanics
    """Compound (several joints move) or isolation (one joint)."""
    force: Force | None = None
    """Pull, push, hold or carry; leave it out for mobility drills and stretches."""
    direction: Direction | None = None
    """Horizontal or vertical; only for pulls and pushes."""
    actions: tuple[Action, ...] = Field(min_length=1, max_length=12)
    """The joint actions it trains (at least one)."""
    setup: Texts = ()
    """Grip and set-up details, shown in the facts panel."""
    equipment: tuple[Id, ...] = Field(max_length=10)
    """Everything it needs: equipment ids from exercises/_taxonomy.yml; [none] for bodyweight."""
    equipment_alternatives: tuple[tuple[Id, ...], ...] = Field(default=(), max_length=6)
    """Other complete sets of equipment that also work, such as [[resistance-band]]."""
    muscles: Muscles
    """Muscle ids (a group or one of its parts) from exercises/_taxonomy.yml."""
    summary: Paragraph
    """One or two sentences: what it trains and why."""
    steps: tuple[Paragraph, ...] = Field(min_length=1, max_length=30)
    """How to do it, in order."""
    cues: Texts = ()
    """Short things to think while doing it."""
    mistakes: Texts = ()
    """Common mistakes and how to fix them."""
    safety: Texts = ()
    """The "Lift safely" notes; required for strength work with equipment."""
    easier: tuple[Step, ...] = Field(default=(), max_length=12)
    """Regressions ("Make it easier"): text, or {exercise: id, note: text}."""
    harder: tuple[Step, ...] = Field(default=(), max_length=12)
    """Progressions ("Make it harder"): text, or {exercise: id, note: text}."""
    home: Texts = ()
    """No-gym substitutes ("At home")."""
    loads: tuple[Load, ...] = Field(default=(), max_length=4)
    """Structures the exercise loads and the shoulder positions it loads them in; any but shoulder-at-side shows the
    red-flag callout on the page, and the taxonomy's precaution rules read them."""
    precautions: Ids = ()
    """Ids from the taxonomy's precautions section; each shows its advice on the page."""
    dose: Dose = Dose()
    """A sensible starting dose."""
    related: Ids = ()
    """Ids of related exercises."""
    sources: tuple[SourceId, ...] = Field(min_length=1, max_length=12)
    """Ids of source records (exercises/sources/<id>.yml) the facts come from; at least one."""
    reviewed: ReviewDate | None = None
    """The day a person last checked it against its sources (2026-12-06); pages show it as "Last reviewed"."""
    figure: Figure
    """The movement figure: view, props, start and end pose (hooks/atlas/figures/figure_model.py)."""
    ids: ExternalIds | None = None
    """The same exercise in the open exercise databases: only matches checked by hand against the other database's
    name, description and muscles (a near match is left out)."""

    @property
    def red_flag(self) -> bool:
        """Whether it loads a structure that earns the red-flag callout."""
        return any(load.red_flag for load in self.loads)

    @property
    def neck(self) -> bool:
        """Whether it works or stretches the neck: its red-flag callout adds the neck warning signs."""
        return Load.NECK in self.loads

    @property
    def static_stretch(self) -> bool:
        """A stretch held still (a mobility drill dosed as a hold): it warms nothing up and works no muscle."""
        return self.category is Category.MOBILITY and bool(self.dose.hold) and not self.dose.reps

    @property
    def primary(self) -> tuple[str, ...]:
        """Muscle ids doing most of the work."""
        return self.muscles.primary

    @property
    def secondary(self) -> tuple[str, ...]:
        """Muscle ids that help."""
        return self.muscles.secondary

    @property
    def stabilizers(self) -> tuple[str, ...]:
        """Muscle ids that hold position."""
        return self.muscles.stabilizers

    @property
    def first_cue(self) -> str:
        """The exercise's key cue ("" when it has none)."""
        return self.cues[0] if self.cues else ""

    @property
    def stretched(self) -> tuple[str, ...]:
        """Muscle ids it stretches (never counted as worked)."""
        return self.muscles.stretched


class Exercise(ExerciseRecord):
    """An exercise record, checked; its page lives at /exercises/<id>/."""

    id: str
    """File name without .yml."""
    source: str
    """Record file, relative to the project root."""


class RoutineItem(Dose):
    """One exercise in a routine block, with its prescription (the dose fields, written inline)."""

    exercise: Id
    """An exercise id."""
    notes: Line | None = None
    """A short note for this item."""
    ramp_up: RampUpSets | None = None
    """Lighter ramp-up sets before the work sets (not logged)."""

    @property
    def exercise_id(self) -> str:
        """The exercise."""
        return self.exercise

    @property
    def dose(self) -> Dose:
        """Sets, reps or hold, rest, per side."""
        return self

    def work_dose(self, exercise: ExerciseRecord) -> Dose:
        """What the work is counted in: this item's dose when it gives reps, a hold or a distance, else the exercise's."""
        return self if (self.reps or self.hold or self.distance) else exercise.dose

    def work_sets(self, exercise: ExerciseRecord) -> int:
        """Sets to log (ramp-up sets are not logged)."""
        return self.sets or self.work_dose(exercise).sets or 1

    def on_each_side(self, exercise: ExerciseRecord) -> bool:
        """Whether each set is done once for each side."""
        return self.per_side or self.work_dose(exercise).per_side

    def key_cue(self, exercise: ExerciseRecord) -> str:
        """The cue a page or sheet shows beside the item: its own note, else the exercise's first cue."""
        return self.notes or exercise.first_cue

    @classmethod
    def of(cls, exercise_id: str, dose: Dose, notes: str | None = None) -> RoutineItem:
        """An item for an exercise with a dose (for generated routines)."""
        return cls.model_construct(exercise=exercise_id, notes=notes, **dict(dose))


class RoutineBlock(Record):
    """A named part of a routine, such as the warm-up."""

    name: Line
    """Block title, such as "Warm-up"."""
    items: tuple[RoutineItem, ...] = Field(min_length=1, max_length=12)
    """Exercises of the block, in order."""


class WarmUp(Record):
    """A general warm-up before the first block, such as easy rowing."""

    text: Line
    """What to do, such as "Easy rowing or cycling"."""
    minutes: WarmUpMinutes
    """How long, in minutes."""


class RoutineRecord(Record):
    """One routine per file: exercises/routines/<id>.yml, where <id> is the file name."""

    name: Line
    """The routine's title."""
    goal: Paragraph
    """One sentence: what the routine is for."""
    level: Level
    """Who it suits."""
    duration: Minutes
    """About how long it takes, such as "10 min"."""
    equipment: Ids | None = None
    """Equipment ids; derived from the exercises when omitted."""
    notes: Texts = ()
    """Coaching notes shown under the goal."""
    search_terms: tuple[Line, ...] = Field(default=(), max_length=20)
    """What people type when this session is the answer ("back day", "no gym"); search weighs them, pages never show them."""
    warm_up: WarmUp | None = None
    """A general warm-up before the first block, counted in the duration."""
    blocks: tuple[RoutineBlock, ...] = Field(min_length=1, max_length=8)
    """The parts of the session, in order."""
    reviewed: ReviewDate | None = None
    """The day a person last checked it against its sources (2026-12-06); pages show it as "Last reviewed"."""

    @property
    def minutes(self) -> int:
        """About how long it takes, in minutes."""
        return self.duration


class Routine(RoutineRecord):
    """An authored or generated routine; its page lives at /routines/<id>/."""

    id: str
    """File stem or generated id."""
    source: str | None
    """Record file, or None for a generated routine."""
    rule: str | None = None
    """For a generated routine, the rule that made it."""
    reasons: Mapping[str, str] = Field(default_factory=dict)
    """For a generated routine, why it chose each exercise, by exercise id."""

    @property
    def generated(self) -> bool:
        """Made by the build rather than written by a person."""
        return self.source is None

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        """Every exercise in order of appearance, once each."""
        return tuple(dict.fromkeys(item.exercise_id for block in self.blocks for item in block.items))

    @property
    def equipment_ids(self) -> tuple[str, ...]:
        """Equipment ids (authored, or the union of its exercises')."""
        return self.equipment or ()


class SearchSettings(Record):
    """How the site search weighs a page (Material's `search` front matter)."""

    boost: Weight = 1.0
    """How much more the page weighs in search results than others (muscle pages: 5)."""
    exclude: Flag = False
    """true: the page is left out of the search index (credits)."""


class ProgrammeSession(Record):
    """One of the sessions a programme repeats, such as session A."""

    label: Annotated[StrictStr, Field(pattern="^[A-Z]$")]
    """One capital letter used in the weekly plan, such as "A"."""
    routine: Id
    """The routine done in that session (an authored routine or a focus-<muscle> session)."""


class ProgrammeRecord(Record):
    """One plan over several weeks per file: exercises/programmes/<id>.yml; its page lives at /routines/<id>/."""

    name: Line
    """The programme's title."""
    goal: Paragraph
    """One sentence: what the programme is for."""
    weeks: Weeks
    """How many weeks it lasts."""
    sessions: tuple[ProgrammeSession, ...] = Field(min_length=1, max_length=3)
    """The sessions it repeats, each a routine."""
    week: tuple[Annotated[StrictStr, Field(pattern="^[A-Z]$")], ...] = Field(min_length=2, max_length=3)
    """Session labels in the order of one week: two or three sessions."""
    progression: tuple[Paragraph, ...] = Field(min_length=1, max_length=12)
    """The progression rule, one step per item (add reps within the range, then load)."""
    notes: Texts = ()
    """Coaching notes."""
    reviewed: ReviewDate | None = None
    """The day a person last checked it against its sources (2026-12-06); pages show it as "Last reviewed"."""

    def times(self, label: str) -> int:
        """How often a session comes round over the whole programme."""
        return self.weeks * self.week.count(label)


class Programme(ProgrammeRecord):
    """A programme record, checked."""

    id: str
    """File name without .yml."""
    source: str
    """Record file, relative to the project root."""


class ArticleRecord(Record):
    """The front matter of a hand-written page in content/ (the YAML between the --- lines)."""

    title: Line
    """The page title (browser tab, search results, navigation)."""
    description: Title
    """One or two sentences for search engines and link previews."""
    red_flag: Flag = False
    """true when pain or injury is relevant: the page gets the red-flag callout."""
    neck: Flag = False
    """true for a page about the neck: its red-flag callout adds the neck warning signs."""
    sources: tuple[SourceId, ...] = Field(default=(), max_length=60)
    """Ids of exercises/sources/<id>.yml, shown as numbered references."""
    template: TemplateName | None = None
    """A page template from overrides/, such as home.html."""
    hide: tuple[PagePart, ...] = ()
    """Parts of the page layout to hide."""
    search_terms: tuple[Line, ...] = Field(default=(), max_length=40)
    """What people type when this page answers them ("rounded shoulders"): weighted in search, never shown."""
    search: SearchSettings | None = None
    """How search weighs the page."""
    reviewed: ReviewDate | None = None
    """The day a person last checked it against its sources (2026-12-06); pages show it as "Last reviewed"."""


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
    sources: tuple[str, ...] = ()
    """Ids of the sources it cites (front matter `sources:` and `[[source:id]]`), in order of first citation."""

    @property
    def source(self) -> str:
        """The whole page as a site engine reads it: front matter, then Markdown."""
        return f"---\n{self.front_matter}---\n\n{self.markdown}"


@dataclass(frozen=True)
class MapView:
    """One drawing of the muscle map (overrides/partials/anatomy/<id>.html)."""

    id: str
    """Stable id, the drawing's file name."""
    name: str
    """What it shows, as captions say it ("Back, deep muscles")."""
    shapes: tuple[str, ...]
    """Ids of the muscle shapes drawn in it, in drawing order."""


@dataclass(frozen=True)
class MapLabel:
    """Where the map on /muscles/ numbers a muscle."""

    view: str
    """The view that carries the number."""
    x: int
    """Horizontal position, in the drawing's units."""
    y: int
    """Vertical position, in the drawing's units."""


@dataclass(frozen=True)
class MuscleDrawing:
    """The shapes that show one muscle group or part."""

    muscle_id: str
    """The taxonomy id of the group or part."""
    shapes: dict[str, tuple[str, ...]]
    """Shape ids by view id (every view that shows it)."""
    label: MapLabel | None = None
    """Where /muscles/ puts its number, if anywhere."""


@dataclass(frozen=True)
class MuscleMap:
    """The drawings and which of their shapes show which muscle (exercises/_muscle-map.yml)."""

    views: dict[str, MapView] = field(default_factory=dict)
    """Views by id, in the order pages show them."""
    drawings: dict[str, MuscleDrawing] = field(default_factory=dict)
    """Drawings by muscle id (groups with shapes of their own, and parts)."""
