"""Load and check the taxonomy, exercise and routine records into the atlas, or report every problem."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .graph import Atlas
from .layout import ProjectLayout
from .model import (Category, Direction, Dose, Equipment, Exercise, Force, Level, Load, Mechanics, MuscleGroup, MuscleKind, MusclePart, Routine,
                    RoutineBlock, RoutineItem, WarmUp)
from .routine_checks import check_routine
from .problems import AtlasProblems, Problem, field_label
from .schema_check import RecordKind, check_against_schema
from .sourced_yaml import SourcedYaml, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
BODYWEIGHT = "none"


def load_catalog(layout: ProjectLayout) -> Atlas:
    """The atlas of all records (no articles yet); raises AtlasProblems listing everything wrong."""
    problems: list[Problem] = []
    taxonomy = _read(layout, layout.taxonomy_file, RecordKind.TAXONOMY, problems)
    exercise_files = layout.record_files(layout.exercises_dir)
    exercise_docs = _read_folder(layout, exercise_files, RecordKind.EXERCISE, problems)
    routine_docs = _read_folder(layout, layout.record_files(layout.routines_dir), RecordKind.ROUTINE, problems)
    if not exercise_files:
        problems.append(Problem(layout.label(layout.exercises_dir), 0, "folder", "has no exercise records; expected at least one exercises/<id>.yml"))
    if taxonomy is None:
        raise AtlasProblems(problems)
    groups, equipment = _taxonomy(taxonomy)
    muscle_ids = set(groups) | {part.id for group in groups.values() for part in group.parts}
    exercise_ids = {file.stem for file in exercise_files}
    problems += _check_exercises(exercise_docs, exercise_ids, muscle_ids, set(equipment))
    problems += _check_routines(routine_docs, exercise_ids, set(equipment))
    if problems:
        raise AtlasProblems(problems)
    exercises = {stem: _exercise(stem, doc) for stem, doc in exercise_docs.items()}
    exercises = dict(sorted(exercises.items(), key=lambda pair: (pair[1].name.casefold(), pair[0])))
    routines = {stem: _routine(stem, doc, exercises) for stem, doc in sorted(routine_docs.items())}
    problems = [problem for stem, routine in routines.items() for problem in check_routine(routine, exercises, routine_docs[stem].line_of)]
    if problems:
        raise AtlasProblems(problems)
    return Atlas(groups, equipment, exercises, routines)


def _read(layout: ProjectLayout, file: Path, kind: RecordKind, problems: list[Problem]) -> SourcedYaml | None:
    if not file.is_file():
        problems.append(Problem(layout.label(file), 0, "file", f"is missing; expected the {kind.value} file"))
        return None
    document, found = read_yaml(file, layout.label(file))
    if document is not None:
        found = check_against_schema(document, kind)
    problems.extend(found)
    return document if not found else None


def _read_folder(layout: ProjectLayout, files: list[Path], kind: RecordKind, problems: list[Problem]) -> dict[str, SourcedYaml]:
    documents: dict[str, SourcedYaml] = {}
    seen: dict[str, str] = {}
    for file in files:
        label = layout.label(file)
        stem = file.stem
        if not ID_PATTERN.match(stem):
            problems.append(Problem(label, 0, "id", f"file name {stem!r} is not a valid id; expected lowercase words joined by hyphens, such as face-pull.yml"))
            continue
        if stem in seen:
            problems.append(Problem(label, 0, "id", f"{stem!r} is already used by {seen[stem]}; expected each id once"))
            continue
        seen[stem] = label
        document = _read(layout, file, kind, problems)
        if document is not None:
            documents[stem] = document
    return documents


def _taxonomy(document: SourcedYaml) -> tuple[dict[str, MuscleGroup], dict[str, Equipment]]:
    groups = {}
    for group_id, raw in document.value["muscles"].items():
        parts = tuple(
            MusclePart(part_id, group_id, part["name"], part["does"], tuple(part.get("aliases", ())), part.get("region"))
            for part_id, part in raw.get("parts", {}).items()
        )
        groups[group_id] = MuscleGroup(
            group_id, raw["name"], MuscleKind(raw["kind"]), raw["where"], raw["does"], raw["training"],
            tuple(raw.get("aliases", ())), bool(raw.get("red_flags", False)), raw.get("region"), parts,
        )
    equipment = {
        equipment_id: Equipment(equipment_id, raw["name"], tuple(raw.get("aliases", ())))
        for equipment_id, raw in document.value["equipment"].items()
    }
    return groups, equipment


def _check_exercises(documents: dict[str, SourcedYaml], exercise_ids: set[str], muscle_ids: set[str], equipment_ids: set[str]) -> list[Problem]:
    problems = []
    names: dict[str, str] = {}
    for stem, doc in documents.items():
        record = doc.value
        problems += _unknown_ids(doc, ("equipment",), record["equipment"], equipment_ids, "equipment")
        for index, alternative in enumerate(record.get("equipment_alternatives", [])):
            problems += _unknown_ids(doc, ("equipment_alternatives", index), alternative, equipment_ids, "equipment")
        if BODYWEIGHT in record["equipment"] and len(record["equipment"]) > 1:
            problems.append(Problem(doc.path, doc.line_of(("equipment",)), "equipment", "lists 'none' with other equipment; expected [none] alone or only the equipment needed"))
        for role in ("primary", "secondary"):
            problems += _unknown_ids(doc, ("muscles", role), record["muscles"].get(role, []), muscle_ids, "muscle")
        for index, muscle in enumerate(record["muscles"].get("secondary", [])):
            if muscle in record["muscles"]["primary"]:
                problems.append(Problem(doc.path, doc.line_of(("muscles", "secondary", index)), f"muscles.secondary[{index}]", f"{muscle!r} is already primary; expected each muscle in one role"))
        problems += _unknown_ids(doc, ("related",), record.get("related", []), exercise_ids, "exercise")
        for index, other in enumerate(record.get("related", [])):
            if other == stem:
                problems.append(Problem(doc.path, doc.line_of(("related", index)), f"related[{index}]", f"{other!r} is this exercise itself; expected other exercises"))
        if _needs_safety(record) and not record.get("safety"):
            problems.append(Problem(doc.path, doc.line_of(()), "safety", "is missing; a loaded strength exercise (category strength with equipment) must have safety notes"))
        key = " ".join(record["name"].casefold().split())
        if key in names:
            problems.append(Problem(doc.path, doc.line_of(("name",)), "name", f"{record['name']!r} is already the name of {names[key]}; expected a unique name"))
        else:
            names[key] = doc.path
    return problems


def _needs_safety(record: dict[str, Any]) -> bool:
    loaded = [item for item in record["equipment"] if item not in (BODYWEIGHT, "mat")]
    return record["category"] == Category.STRENGTH and bool(loaded)


def _check_routines(documents: dict[str, SourcedYaml], exercise_ids: set[str], equipment_ids: set[str]) -> list[Problem]:
    problems = []
    names: dict[str, str] = {}
    for doc in documents.values():
        record = doc.value
        problems += _unknown_ids(doc, ("equipment",), record.get("equipment", []), equipment_ids, "equipment")
        for block_index, block in enumerate(record["blocks"]):
            for item_index, item in enumerate(block["items"]):
                key = ("blocks", block_index, "items", item_index, "exercise")
                problems += _unknown_ids(doc, key[:-1], [item["exercise"]], exercise_ids, "exercise", field_key=key)
        name = " ".join(record["name"].casefold().split())
        if name in names:
            problems.append(Problem(doc.path, doc.line_of(("name",)), "name", f"{record['name']!r} is already the name of {names[name]}; expected a unique name"))
        names.setdefault(name, doc.path)
    return problems


def _unknown_ids(doc: SourcedYaml, key: tuple[Any, ...], values: list[str], known: set[str], noun: str,
                 field_key: tuple[Any, ...] | None = None) -> list[Problem]:
    problems = []
    for index, value in enumerate(values):
        if value in known:
            continue
        place = field_key or key + (index,)
        hint = _closest(value, known)
        advice = f" (did you mean {hint!r}?)" if hint else ""
        problems.append(Problem(doc.path, doc.line_of(place), field_label(place), f"unknown {noun} id {value!r}{advice}; expected an id defined in {_where(noun)}"))
    return problems


def _closest(value: str, known: set[str]) -> str | None:
    found = difflib.get_close_matches(value, sorted(known), n=1)
    return found[0] if found else None


def _where(noun: str) -> str:
    return {"exercise": "exercises/<id>.yml"}.get(noun, "exercises/_taxonomy.yml")


def _dose(raw: dict[str, Any]) -> Dose:
    reps = raw.get("reps")
    return Dose(raw.get("sets"), None if reps is None else str(reps), raw.get("hold"), raw.get("distance"), raw.get("rest"), bool(raw.get("per_side", False)),
                raw.get("positions", 1))


def _exercise(stem: str, doc: SourcedYaml) -> Exercise:
    record = doc.value
    texts = {name: tuple(record.get(name, ())) for name in ("aliases", "cues", "mistakes", "safety", "easier", "harder", "home", "related", "sources")}
    equipment = tuple(item for item in record["equipment"] if item != BODYWEIGHT)
    return Exercise(
        id=stem, source=doc.path, name=record["name"].strip(), category=Category(record["category"]), level=Level(record["level"]),
        equipment=equipment, primary=tuple(record["muscles"]["primary"]), secondary=tuple(record["muscles"].get("secondary", ())),
        summary=record["summary"], steps=tuple(record["steps"]), loads=tuple(Load(load) for load in record.get("loads", ())),
        dose=_dose(record.get("dose", {})), **texts,
        mechanics=Mechanics(record["mechanics"]) if "mechanics" in record else None,
        force=Force(record["force"]) if "force" in record else None,
        direction=Direction(record["direction"]) if "direction" in record else None,
        equipment_alternatives=tuple(tuple(item for item in option if item != BODYWEIGHT) for option in record.get("equipment_alternatives", ())),
    )


def _routine(stem: str, doc: SourcedYaml, exercises: dict[str, Exercise]) -> Routine:
    record = doc.value
    blocks = tuple(
        RoutineBlock(block["name"], tuple(RoutineItem(item["exercise"], _dose(item), item.get("notes"), item.get("ramp_up", 0)) for item in block["items"]))
        for block in record["blocks"]
    )
    routine = Routine(stem, doc.path, record["name"].strip(), record["goal"], Level(record["level"]), int(record["duration"].split()[0]),
                      tuple(item for item in record.get("equipment", ()) if item != BODYWEIGHT), blocks, tuple(record.get("notes", ())),
                      warm_up=WarmUp(record["warm_up"]["text"], record["warm_up"]["minutes"]) if "warm_up" in record else None)
    if "equipment" in record:
        return routine
    return derive_equipment(routine, exercises)


def derive_equipment(routine: Routine, exercises: dict[str, Exercise]) -> Routine:
    """The routine with its equipment set to the union of its exercises' (in first-use order)."""
    needed = dict.fromkeys(item for exercise_id in routine.exercise_ids for item in exercises[exercise_id].equipment)
    return replace(routine, equipment=tuple(needed))

