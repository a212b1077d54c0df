"""The atlas: every checked record, joined into one graph with its indexes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property

from atlas.records.evidence_model import Evidence, EvidenceRow
from atlas.records.draft_model import Draft
from atlas.records.ladder_model import Ladder
from atlas.records.model import (
    Article, Equipment, Exercise, ExerciseLink, Mention, MuscleGroup, MuscleMap, MusclePart, Precaution, Programme, Role, Routine, Source,
    Step,
    TargetKind,
)

NO_EQUIPMENT = "No equipment"
"""What pages say an exercise or routine needs when it needs nothing."""


@dataclass(frozen=True)
class StudyResults:
    """What one study measured of one muscle: its rows, never merged with another study's (each has its own scale)."""

    study: Evidence
    """The evidence record: participants, method, when it was checked."""
    source: Source
    """The paper."""
    rows: tuple[EvidenceRow, ...]
    """Its rows for the muscle (for a group: the group's and its parts'), in the record's order."""


@dataclass(frozen=True)
class Atlas:
    """Muscles, equipment, exercises, routines and articles, complete before any page is rendered."""

    groups: dict[str, MuscleGroup]
    """Muscle groups by id, in taxonomy order."""
    equipment: dict[str, Equipment]
    """Equipment by id, in taxonomy order."""
    exercises: dict[str, Exercise]
    """Exercises by id, sorted by name."""
    routines: dict[str, Routine] = field(default_factory=dict)
    """Routines by id: authored first, then generated."""
    articles: dict[str, Article] = field(default_factory=dict)
    """Articles by path inside content/."""
    sources: dict[str, Source] = field(default_factory=dict)
    """Cited works by id, sorted by id."""
    precautions: dict[str, Precaution] = field(default_factory=dict)
    """Precautions by id, in taxonomy order."""
    taxonomy_file: str = ""
    """The taxonomy's file, relative to the project root (for "Edit this page" on muscle pages)."""
    muscle_map: MuscleMap = field(default_factory=lambda: MuscleMap())
    """The drawings of the muscle map and which shapes show which muscle."""
    programmes: dict[str, Programme] = field(default_factory=dict)
    """Programmes (plans over several weeks) by id."""
    evidence: dict[str, Evidence] = field(default_factory=dict)
    """What each measuring study found, by source id (sorted)."""
    ladders: dict[str, Ladder] = field(default_factory=dict)
    """Progression ladders by id, sorted by name."""
    drafts: dict[str, Draft] = field(default_factory=dict)
    """Unfinished exercises by id: a page each while serving, never in a list or the export."""
    parts: dict[str, MusclePart] = field(init=False)
    """Muscle parts by id."""

    def __post_init__(self) -> None:
        parts = {part.id: part for group in self.groups.values() for part in group.parts.values()}
        object.__setattr__(self, "parts", parts)

    # The indexes below are made when first asked for, once per atlas: the atlas is completed in steps (with_routines,
    # with_articles ...), each a new atlas, and only the last one is asked.

    @cached_property
    def _by_group(self) -> dict[tuple[str, Role], tuple[Exercise, ...]]:
        by_group: dict[tuple[str, Role], dict[str, Exercise]] = defaultdict(dict)
        for exercise in self.exercises.values():
            listed: set[str] = set()
            for role in (Role.PRIMARY, Role.SECONDARY, Role.STRETCHED):
                for muscle_id in self._muscles_named(exercise.muscles.of(role)) - listed:
                    by_group[muscle_id, role][exercise.id] = exercise
                listed |= self._muscles_named(exercise.muscles.of(role))
        return {key: tuple(found.values()) for key, found in by_group.items()}

    @cached_property
    def _rungs(self) -> dict[str, tuple[tuple[Ladder, int], ...]]:
        """Exercise id -> the progression ladders it is a step of, with its index."""
        rungs: dict[str, list[tuple[Ladder, int]]] = defaultdict(list)
        for ladder in self.ladders.values():
            for index, exercise_id in enumerate(ladder.exercise_ids):
                rungs[exercise_id].append((ladder, index))
        return {key: tuple(found) for key, found in rungs.items()}

    @cached_property
    def _ladders_by_group(self) -> dict[str, tuple[Ladder, ...]]:
        """Group id -> the ladders that climb it."""
        by_group: dict[str, list[Ladder]] = defaultdict(list)
        for ladder in self.ladders.values():
            by_group[self.group_id_of(ladder.target)].append(ladder)
        return {key: tuple(found) for key, found in by_group.items()}

    @cached_property
    def _named_as(self) -> dict[tuple[str, bool], tuple[str, ...]]:
        """(exercise id, harder?) -> exercises that name it as their harder (or easier) option, in exercise order."""
        named_as: dict[tuple[str, bool], list[str]] = defaultdict(list)
        for other in self.exercises.values():
            for harder, steps in ((True, other.harder), (False, other.easier)):
                for step in steps:
                    if isinstance(step, ExerciseLink):
                        named_as[step.exercise, harder].append(other.id)
        return {key: tuple(dict.fromkeys(found)) for key, found in named_as.items()}

    @cached_property
    def _citations(self) -> dict[str, tuple[tuple[TargetKind | None, str], ...]]:
        citing: dict[str, list[tuple[TargetKind | None, str]]] = defaultdict(list)
        for exercise in self.exercises.values():
            for source_id in exercise.sources:
                citing[source_id].append((TargetKind.EXERCISE, exercise.id))
        for group in self.groups.values():
            for source_id in group.sources:
                citing[source_id].append((TargetKind.MUSCLE, group.id))
        for article in self.articles.values():
            for source_id in article.sources:
                citing[source_id].append((None, article.src_uri))
        for study in self.evidence.values():
            for row in study.rows:
                citing[study.id].append((TargetKind.MUSCLE, self.group_id_of(row.muscle)))
        return {key: tuple(dict.fromkeys(found)) for key, found in citing.items()}

    @cached_property
    def _routines_by_exercise(self) -> dict[str, tuple[Routine, ...]]:
        using: dict[str, list[Routine]] = defaultdict(list)
        for routine in self.routines.values():
            for exercise_id in routine.exercise_ids:
                using[exercise_id].append(routine)
        return {key: tuple(found) for key, found in using.items()}

    @cached_property
    def _mentions(self) -> dict[tuple[TargetKind, str], tuple[Mention, ...]]:
        mentions: dict[tuple[TargetKind, str], list[Mention]] = defaultdict(list)
        for article in self.articles.values():
            for mention in article.mentions:
                target = mention.target_id
                if mention.kind is TargetKind.MUSCLE:
                    target = self.group_id_of(target)
                mentions[mention.kind, target].append(mention)
        return {key: tuple(found) for key, found in mentions.items()}

    def _muscles_named(self, muscle_ids: tuple[str, ...]) -> set[str]:
        """The groups and parts these ids train: each id, its group, and a group's parts."""
        named = {self.group_id_of(muscle_id) for muscle_id in muscle_ids} | set(muscle_ids)
        return named | {part for muscle_id in muscle_ids if muscle_id in self.groups for part in self.groups[muscle_id].parts}

    def group_id_of(self, muscle_id: str) -> str:
        """The group a muscle id names: itself for a group, its group for a part."""
        part = self.parts.get(muscle_id)
        return part.group_id if part else muscle_id

    def muscle_name(self, muscle_id: str) -> str:
        """Display name of a group or part."""
        part = self.parts.get(muscle_id)
        return part.name if part else self.groups[muscle_id].name

    def equipment_text(self, equipment_ids: tuple[str, ...]) -> str:
        """The equipment's names, or NO_EQUIPMENT: how every page and list writes what an exercise needs."""
        return ", ".join(self.equipment[item].name for item in equipment_ids) or NO_EQUIPMENT

    def needs_equipment(self, equipment_ids: tuple[str, ...]) -> bool:
        """Whether any of these is more than what every room has (a mat, a wall: no_equipment in the taxonomy)."""
        return any(not self.equipment[item].no_equipment for item in equipment_ids)

    def exercises_for(self, muscle_id: str, role: Role) -> tuple[Exercise, ...]:
        """Exercises that have a group or a part in that role, by name. Each exercise is in one list of a muscle, the
        first of primary, secondary, stretched (a part counts for its group, a group for each of its parts);
        stabilizers are listed by no muscle."""
        return self._by_group.get((muscle_id, role), ())

    def routines_using(self, exercise_id: str) -> tuple[Routine, ...]:
        """Routines that include an exercise."""
        return self._routines_by_exercise.get(exercise_id, ())

    def mentions_of(self, kind: TargetKind, target_id: str) -> tuple[Mention, ...]:
        """Article sections that link to a target."""
        return self._mentions.get((kind, target_id), ())

    def ladder(self, exercise: Exercise, harder: bool) -> tuple[Step, ...]:
        """Its easier (or harder) options: its own, then every exercise that names it as the opposite step."""
        own = exercise.harder if harder else exercise.easier
        named = {step.exercise for step in own if isinstance(step, ExerciseLink)}
        found = [other for other in self._named_as.get((exercise.id, not harder), ()) if other not in named]
        return own + tuple(ExerciseLink.model_construct(exercise=other, note=None) for other in found)

    def evidence_for(self, muscle_id: str) -> tuple[StudyResults, ...]:
        """What each study measured of a muscle group (its own rows and its parts') or of one part, study by study."""
        group = self.groups.get(muscle_id)
        muscles = {muscle_id, *(group.parts if group else ())}
        found = []
        for study in self.evidence.values():
            rows = tuple(row for row in study.rows if row.muscle in muscles)
            if rows:
                found.append(StudyResults(study, self.sources[study.id], rows))
        return tuple(found)

    def citing(self, source_id: str) -> tuple[tuple[TargetKind | None, str], ...]:
        """The pages that cite a source: exercises and muscle groups by id, articles by path (kind None)."""
        return self._citations.get(source_id, ())

    def with_routines(self, routines: dict[str, Routine]) -> Atlas:
        """The same atlas with these routines."""
        return replace(self, routines=routines)

    def with_muscle_map(self, muscle_map: MuscleMap) -> Atlas:
        """The same atlas with this muscle map."""
        return replace(self, muscle_map=muscle_map)

    def with_articles(self, articles: dict[str, Article]) -> Atlas:
        """The same atlas with these articles."""
        return replace(self, articles=articles)

    def with_programmes(self, programmes: dict[str, Programme]) -> Atlas:
        """The same atlas with these programmes."""
        return replace(self, programmes=programmes)

    def with_evidence(self, evidence: dict[str, Evidence]) -> Atlas:
        """The same atlas with these studies' measurements."""
        return replace(self, evidence=evidence)

    def with_ladders(self, ladders: dict[str, Ladder]) -> Atlas:
        """The same atlas with these ladders."""
        return replace(self, ladders=ladders)

    def with_drafts(self, drafts: dict[str, Draft]) -> Atlas:
        """The same atlas with these drafts."""
        return replace(self, drafts=drafts)

    def rungs_of(self, exercise_id: str) -> tuple[tuple[Ladder, int], ...]:
        """The ladders an exercise is a step of, each with the step's index."""
        return self._rungs.get(exercise_id, ())

    def ladders_for(self, group_id: str) -> tuple[Ladder, ...]:
        """The ladders whose target is a group or one of its parts."""
        return self._ladders_by_group.get(group_id, ())
