"""Load every record (taxonomy, sources, exercises, routines), check it, and join the valid ones into the atlas."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from atlas.records.cross_checks import CatalogIds, check_exercise, check_routine, check_source, check_taxonomy, unique_names
from atlas.records.precaution_rules import check_precautions
from atlas.figures.figure_check import check_figures
from atlas.records.graph import Atlas
from atlas.layout import ProjectLayout
from atlas.records.model import (
    BODYWEIGHT,
    Equipment,
    TargetKind,
    Exercise,
    ExerciseRecord,
    MuscleGroup,
    MusclePart,
    Precaution,
    Routine,
    RoutineRecord,
    Source,
    SourceRecord,
    TaxonomyRecord,
)
from atlas.pages.page_kinds import RESERVED_IDS
from atlas.problems import Problem, field_label
from atlas.records.record_check import check_record
from atlas.routines.routine_checks import check_labels
from atlas.records.sourced_yaml import SourcedYaml, read_yaml
from atlas.records.text_checks import MAX_DEPTH, hidden_characters, may_hide_characters, strings_in, too_deep
from atlas.records.values import ID_PATTERN, SOURCE_ID_PATTERN

RecordT = TypeVar("RecordT", bound=BaseModel)
ResultT = TypeVar("ResultT")
RECORD_SUFFIXES = (".yml", ".yaml")
"""What a record file's name ends with (in lowercase)."""


@dataclass(frozen=True)
class Catalog:
    """What loading found: the atlas of the records that checked, every problem, and the records left out."""

    atlas: Atlas | None
    """The graph of every record without problems (None when the taxonomy itself could not be read)."""
    problems: list[Problem]
    """Every problem in every record."""
    left_out: dict[TargetKind, frozenset[str]]
    """Ids of exercises and routines whose files have problems: links to them are not the articles' fault."""


def load_catalog(layout: ProjectLayout) -> Catalog:
    """Every record, checked: the atlas of those that passed, and every problem found in all of them."""
    problems: list[Problem] = _stray_files(layout)
    taxonomy = _read_one(layout, layout.taxonomy_file, TaxonomyRecord, problems)
    source_files, exercise_files = layout.record_files(layout.sources_dir), layout.record_files(layout.exercises_dir)
    sources = read_folder(layout, layout.sources_dir, SourceRecord, problems, SOURCE_ID_PATTERN, source_files)
    exercises = read_folder(layout, layout.exercises_dir, ExerciseRecord, problems, ID_PATTERN, exercise_files)
    routines = read_folder(layout, layout.routines_dir, RoutineRecord, problems, ID_PATTERN)
    if not exercise_files:
        problems.append(
            Problem(layout.label(layout.exercises_dir), 0, "folder", "has no exercise records; expected at least one exercises/<id>.yml")
        )
    left_out = _left_out(layout, problems)
    if taxonomy is None:
        return Catalog(None, problems, left_out)
    taxonomy_doc, taxonomy_record = taxonomy
    stems = {file.stem for file in exercise_files}
    source_stems = {file.stem for file in source_files}
    declared_in = {
        "exercise": f"{layout.label(layout.exercises_dir)}/<id>.yml",
        "source": f"{layout.label(layout.sources_dir)}/<id>.yml",
        "taxonomy": layout.label(layout.taxonomy_file),
    }
    ids = CatalogIds.of(taxonomy_record, stems, source_stems, declared_in)
    problems += check_taxonomy(taxonomy_doc, taxonomy_record, ids)
    problems += [problem for doc, record in sources.values() for problem in check_source(doc, record)]
    problems += _every_problem(_EXERCISE_CHECKS.each(ids, exercises, lambda stem, doc, record: check_exercise(stem, doc, record, ids)))
    equipment = tuple(taxonomy_record.equipment)
    problems += _every_problem(_FIGURE_CHECKS.each(equipment, exercises,
                                                   lambda stem, doc, record: check_figures({stem: (doc, record)}, equipment)))
    precautions, taxonomy_label = taxonomy_record.precautions, declared_in["taxonomy"]
    problems += _every_problem(_PRECAUTION_CHECKS.each(
        (precautions, taxonomy_label), exercises, lambda stem, doc, record: check_precautions(doc, record, precautions, taxonomy_label)))
    problems += [problem for doc, record in routines.values() for problem in check_routine(doc, record, ids)]
    problems += unique_names([(doc, record.name) for doc, record in exercises.values()], "exercise")
    problems += unique_names([(doc, record.name) for doc, record in routines.values()], "routine")
    bad_files = {problem.path for problem in problems}
    atlas = _atlas(layout, taxonomy_record, sources, exercises, routines, bad_files)
    problems += [
        problem for stem, routine in atlas.routines.items() for problem in check_labels(routine, atlas.exercises, routines[stem][0].line_of)
    ]
    left_out = _left_out(layout, problems)
    left_out[TargetKind.ROUTINE] |= {stem for stem in routines if stem not in atlas.routines}
    return Catalog(atlas, problems, left_out)


def _every_problem(found: dict[str, list[Problem]]) -> list[Problem]:
    return [problem for problems in found.values() for problem in problems]


def _left_out(layout: ProjectLayout, problems: list[Problem]) -> dict[TargetKind, frozenset[str]]:
    bad_files = {problem.path for problem in problems}
    folders = {TargetKind.EXERCISE: layout.exercises_dir, TargetKind.ROUTINE: layout.routines_dir}
    if not bad_files:
        return {kind: frozenset() for kind in folders}
    return {
        kind: frozenset(file.stem for file in layout.record_files(folder) if layout.label(file) in bad_files)
        for kind, folder in folders.items()
    }


def _atlas(
    layout: ProjectLayout,
    taxonomy: TaxonomyRecord,
    sources: dict[str, tuple[SourcedYaml, SourceRecord]],
    exercises: dict[str, tuple[SourcedYaml, ExerciseRecord]],
    routines: dict[str, tuple[SourcedYaml, RoutineRecord]],
    bad_files: set[str],
) -> Atlas:
    """The graph of the records whose files have no problem (the taxonomy is used as far as it checked)."""
    groups = {
        group_id: MuscleGroup.model_construct(
            **{
                **dict(group),
                "id": group_id,
                "parts": {
                    part_id: MusclePart.model_construct(**dict(part), id=part_id, group_id=group_id)
                    for part_id, part in group.parts.items()
                },
            }
        )
        for group_id, group in taxonomy.muscles.items()
    }
    equipment = {item_id: Equipment.model_construct(**dict(item), id=item_id) for item_id, item in taxonomy.equipment.items()}
    precautions = {item_id: Precaution.model_construct(**dict(item), id=item_id) for item_id, item in taxonomy.precautions.items()}
    cited = {stem: Source.model_construct(**dict(record), id=stem, source=doc.path) for stem, (doc, record) in sorted(sources.items())}
    models = _EXERCISE_MODELS.each(None, {stem: pair for stem, pair in exercises.items() if pair[0].path not in bad_files}, _exercise)
    models = dict(sorted(models.items(), key=lambda pair: (pair[1].name.casefold(), pair[0])))
    authored = {
        stem: _routine(stem, doc, record, models)
        for stem, (doc, record) in sorted(routines.items())
        if doc.path not in bad_files and all(exercise_id in models for exercise_id in _exercise_ids(record))
    }
    return Atlas(
        groups, equipment, models, authored, sources=cited, precautions=precautions, taxonomy_file=layout.label(layout.taxonomy_file)
    )


def _exercise(stem: str, doc: SourcedYaml, record: ExerciseRecord) -> Exercise:
    return Exercise.model_construct(
        **{**dict(record), "equipment": tuple(item for item in record.equipment if item != BODYWEIGHT)}, id=stem, source=doc.path
    )


def _exercise_ids(record: RoutineRecord) -> list[str]:
    return [item.exercise for block in record.blocks for item in block.items]


def _routine(stem: str, doc: SourcedYaml, record: RoutineRecord, exercises: dict[str, Exercise]) -> Routine:
    equipment = record.equipment
    if equipment is None:
        equipment = tuple(dict.fromkeys(item for exercise_id in _exercise_ids(record) for item in exercises[exercise_id].equipment))
    equipment = tuple(item for item in equipment if item != BODYWEIGHT)
    return Routine.model_construct(**{**dict(record), "equipment": equipment}, id=stem, source=doc.path)


def derive_equipment(routine: Routine, exercises: dict[str, Exercise]) -> Routine:
    """The routine with its equipment set to the union of its exercises' (in first-use order)."""
    needed = tuple(dict.fromkeys(item for exercise_id in routine.exercise_ids for item in exercises[exercise_id].equipment))
    return routine.model_copy(update={"equipment": needed})


def _read_one(layout: ProjectLayout, file: Path, model: type[RecordT], problems: list[Problem]) -> tuple[SourcedYaml, RecordT] | None:
    try:
        status = file.stat()
    except OSError:
        status = None
    if status is None or not stat.S_ISREG(status.st_mode):
        problems.append(
            Problem(layout.label(file), 0, "file", f"is missing; expected the {model.__name__.removesuffix('Record').lower()} file")
        )
        return None
    document, record, found = _checked(file, layout.label(file), model, (status.st_mtime_ns, status.st_size))
    problems.extend(found)
    return (document, record) if document is not None and record is not None else None


_CHECKED: dict[tuple[Path, str, type[BaseModel]], tuple[tuple[int, int], tuple[Any, Any, list[Problem]]]] = {}
"""What each record file held when last read, by its size and modification time: `mkdocs serve` keeps this
module between rebuilds, so a save parses and checks only the files that changed."""


class _KeptPerRecord(Generic[ResultT]):
    """What a function of each exercise record made, kept while the record is the same (`_checked` hands out the same
    objects while a file is unchanged) and the function's other inputs are equal: after a save, `mkdocs serve` checks and
    models again only the records the save changed."""

    def __init__(self) -> None:
        self._inputs: object = None
        self._kept: dict[str, tuple[SourcedYaml, ExerciseRecord, ResultT]] = {}

    def each(self, inputs: object, records: Mapping[str, tuple[SourcedYaml, ExerciseRecord]],
             make: Callable[[str, SourcedYaml, ExerciseRecord], ResultT]) -> dict[str, ResultT]:
        """`make(stem, document, record)` of each record, by its id; `inputs` are what else `make` reads."""
        kept = self._kept if inputs == self._inputs else {}
        self._kept, self._inputs = {}, inputs
        for stem, (doc, record) in records.items():
            last = kept.get(stem)
            result = last[2] if last is not None and last[0] is doc and last[1] is record else make(stem, doc, record)
            self._kept[stem] = (doc, record, result)
        return {stem: result for stem, (_, _, result) in self._kept.items()}

    def clear(self) -> None:
        self._inputs, self._kept = None, {}


_EXERCISE_CHECKS: _KeptPerRecord[list[Problem]] = _KeptPerRecord()
_FIGURE_CHECKS: _KeptPerRecord[list[Problem]] = _KeptPerRecord()
_PRECAUTION_CHECKS: _KeptPerRecord[list[Problem]] = _KeptPerRecord()
_EXERCISE_MODELS: _KeptPerRecord[Exercise] = _KeptPerRecord()


def forget_checked_files() -> None:
    """Let go of every file kept in `_CHECKED` (a tenth of a large build's memory: each file's values and line numbers)
    and of what was made from them: a build that is not followed by another in the same process has nothing to save them for."""
    _CHECKED.clear()
    for kept in (_EXERCISE_CHECKS, _FIGURE_CHECKS, _PRECAUTION_CHECKS, _EXERCISE_MODELS):
        kept.clear()


def _checked(file: Path, label: str, model: type[RecordT],
             stamp: tuple[int, int]) -> tuple[SourcedYaml | None, RecordT | None, list[Problem]]:
    """A record file read and checked, or the same result as last time if the file has the same `stamp` (modification
    time and size) as then."""
    cached = _CHECKED.get((file, label, model))
    if cached and cached[0] == stamp:
        return cached[1]
    document, found = read_yaml(file, label)
    record = None
    if document is not None:
        hidden = _text_problems(document)
        record, found = check_record(document, model)
        if hidden:
            record, found = None, hidden + found
    _CHECKED[file, label, model] = (stamp, (document, record, list(found)))
    return document, record, found


def _text_problems(document: SourcedYaml) -> list[Problem]:
    """Invisible characters anywhere in a record, and nesting too deep to be a record."""
    if too_deep(document.lines):
        return [Problem(document.path, 1, "(record)", f"nests lists or mappings more than {MAX_DEPTH} levels deep; expected a flat record")]
    if not may_hide_characters(document.value):
        return []
    problems = []
    for key, text in strings_in(document.value):
        reason = hidden_characters(text)
        if reason:
            problems.append(Problem(document.path, document.line_of(key), field_label(key), reason))
    return problems


def read_folder(
    layout: ProjectLayout, folder: Path, model: type[RecordT], problems: list[Problem], id_pattern: str = ID_PATTERN,
    files: list[Path] | None = None,
) -> dict[str, tuple[SourcedYaml, RecordT]]:
    """Every record file of a folder (`files`, when it was listed already) that reads and checks against `model`, by id;
    what does not goes to `problems` (a file name that is no id, an id used twice or reserved, a file that does not read
    or check)."""
    records: dict[str, tuple[SourcedYaml, RecordT]] = {}
    seen: dict[str, str] = {}
    for file in layout.record_files(folder) if files is None else files:
        label, stem = layout.label(file), file.stem
        if not re.match(id_pattern, stem):
            expected = (
                "the first author's surname and the year, such as ekstrom-2003.yml"
                if id_pattern == SOURCE_ID_PATTERN
                else "lowercase words joined by hyphens, such as face-pull.yml"
            )
            problems.append(Problem(label, 0, "id", f"file name {stem!r} is not a valid id; expected {expected}"))
            continue
        if stem in seen:
            problems.append(Problem(label, 0, "id", f"{stem!r} is already used by {seen[stem]}; expected each id once"))
            continue
        if stem in RESERVED_IDS:
            problems.append(Problem(label, 0, "id", f"{stem!r} is reserved for the index page of the folder; choose another file name"))
            continue
        seen[stem] = label
        found = _read_one(layout, file, model, problems)
        if found is not None:
            records[stem] = found
    return records


def _stray_files(layout: ProjectLayout) -> list[Problem]:
    """Files the loader would skip without a word: wrong-case suffixes, records in folders it does not read (links to
    folders are not followed)."""
    problems: list[Problem] = []
    known = {str(folder) for folder in layout.record_dirs}
    if not layout.exercises_dir.is_dir():
        return problems
    stray: list[tuple[Path, str]] = []
    for folder, _, names in os.walk(layout.exercises_dir):
        for name in names:
            suffix = os.path.splitext(name)[1]
            if name.startswith((".", "_")) or suffix.lower() not in RECORD_SUFFIXES or (suffix in RECORD_SUFFIXES and folder in known):
                continue
            path = Path(folder, name)
            if path.is_file():
                stray.append((path, suffix))
    for path, suffix in sorted(stray):
        label = layout.label(path)
        if suffix not in RECORD_SUFFIXES:
            problems.append(Problem(label, 0, "file", f"ends in {suffix!r}; rename it to end in .yml (lowercase) so it is read"))
        else:
            folders = ", ".join(f"{layout.label(folder)}/" for folder in sorted(layout.record_dirs))
            problems.append(Problem(label, 0, "file", f"is in a folder no record is read from; move it to one of {folders}"))
    return problems
