"""Checks across records that a record's own model cannot make: ids that must exist, repeats, look-alike names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from atlas.records.model import (
    BODYWEIGHT,
    Category,
    ExerciseLink,
    ExerciseRecord,
    Force,
    Role,
    RoutineRecord,
    SourceKind,
    SourceRecord,
    TaxonomyRecord,
)
from atlas.pages.page_kinds import RESERVED_IDS
from atlas.problems import Problem, field_label
from atlas.records.sourced_yaml import Key, SourcedYaml
from atlas.records.text_checks import mixed_scripts, name_key


@dataclass(frozen=True)
class CatalogIds:
    """Every id a record may refer to, and where each kind is declared (for messages)."""

    muscles: frozenset[str]
    """Group and part ids."""
    equipment: frozenset[str]
    """Equipment ids."""
    no_equipment: frozenset[str]
    """Equipment ids that count as no equipment."""
    precautions: frozenset[str]
    """Precaution ids."""
    exercises: frozenset[str]
    """Exercise ids (every file with a valid name)."""
    sources: frozenset[str]
    """Source ids (every file with a valid name)."""
    declared_in: dict[str, str]
    """Where each kind of id is declared, as messages name it ("exercise" -> exercises/<id>.yml); the taxonomy otherwise."""
    part_of: dict[str, str]
    """The group of each muscle part, by part id."""

    @classmethod
    def of(cls, taxonomy: TaxonomyRecord, exercises: set[str], sources: set[str], declared_in: dict[str, str]) -> CatalogIds:
        parts = {part for group in taxonomy.muscles.values() for part in group.parts}
        no_equipment = {item_id for item_id, item in taxonomy.equipment.items() if item.no_equipment} | {BODYWEIGHT}
        return cls(
            frozenset(taxonomy.muscles) | parts,
            frozenset(taxonomy.equipment),
            frozenset(no_equipment),
            frozenset(taxonomy.precautions),
            frozenset(exercises),
            frozenset(sources),
            declared_in,
            {part: group_id for group_id, group in taxonomy.muscles.items() for part in group.parts},
        )

    def where(self, noun: str) -> str:
        """The file or folder that declares ids of a kind."""
        return self.declared_in.get(noun, self.declared_in["taxonomy"])


def _problem(doc: SourcedYaml, key: Key, message: str) -> Problem:
    return Problem(doc.path, doc.line_of(key), field_label(key), message)


def _known(doc: SourcedYaml, key: Key, values: Sequence[str], known: frozenset[str], noun: str, ids: CatalogIds) -> list[Problem]:
    """Unknown and repeated ids in a list."""
    problems = _repeats(doc, key, values, noun)
    for index, value in enumerate(values):
        problems += _known_one(doc, key + (index,), value, known, noun, ids)
    return problems


def _known_one(doc: SourcedYaml, key: Key, value: str, known: frozenset[str], noun: str, ids: CatalogIds) -> list[Problem]:
    if value in known:
        return []
    found = difflib.get_close_matches(value, sorted(known), n=1)
    advice = f" (did you mean {found[0]!r}?)" if found else ""
    return [_problem(doc, key, f"unknown {noun} id {value!r}{advice}; expected an id defined in {ids.where(noun)}")]


def _repeats(doc: SourcedYaml, key: Key, values: Sequence[str], noun: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, value in enumerate(values):
        if value in seen:
            problems.append(_problem(doc, key + (index,), f"{str(value)!r} is listed twice; expected each {noun} once"))
        seen.add(value)
    return problems


def _names(doc: SourcedYaml, key: Key, name: str, aliases: Sequence[str]) -> list[Problem]:
    problems = []
    for place, text in [(key + ("name",), name)] + [(key + ("aliases", index), alias) for index, alias in enumerate(aliases)]:
        reason = mixed_scripts(text)
        if reason:
            problems.append(_problem(doc, place, reason))
    return problems


def check_exercise(stem: str, doc: SourcedYaml, record: ExerciseRecord, ids: CatalogIds) -> list[Problem]:
    """Every reference of an exercise resolves, nothing is listed twice, and the record is consistent."""
    problems = _names(doc, (), record.name, record.aliases)
    sets: list[tuple[Key, tuple[str, ...]]] = [(("equipment",), record.equipment)]
    sets += [(("equipment_alternatives", index), option) for index, option in enumerate(record.equipment_alternatives)]
    for key, items in sets:
        problems += _known(doc, key, items, ids.equipment, "equipment", ids)
        if BODYWEIGHT in items and len(items) > 1:
            problems.append(
                _problem(doc, key, f"lists {BODYWEIGHT!r} with other equipment; expected [{BODYWEIGHT}] alone or only the equipment needed")
            )
    problems += _repeats(
        doc, ("equipment_alternatives",), [" + ".join(sorted(option)) for option in record.equipment_alternatives], "set of equipment"
    )
    earlier: dict[str, str] = {}
    if not record.muscles.primary and not record.muscles.stretched:
        expected = "expected at least one muscle it works hardest or stretches"
        problems.append(_problem(doc, ("muscles",), f"names no primary or stretched muscle; {expected}"))
    for role in (role.field for role in Role):
        muscles = getattr(record.muscles, role)
        problems += _known(doc, ("muscles", role), muscles, ids.muscles, "muscle", ids)
        for index, muscle in enumerate(muscles):
            if muscle in earlier:
                problems.append(
                    _problem(doc, ("muscles", role, index), f"{muscle!r} is already {earlier[muscle]}; expected each muscle in one role")
                )
            earlier.setdefault(muscle, role)
    roles = ("primary", "secondary", "stabilizers")
    for role in roles:
        for index, muscle in enumerate(getattr(record.muscles, role)):
            group = ids.part_of.get(muscle, "")
            # A part may work harder than the rest of its group (obliques primary, core a stabilizer), never beside it or less.
            if group in earlier and roles.index(earlier[group]) <= roles.index(role):
                problems.append(_problem(doc, ("muscles", role, index), f"{muscle!r} is a part of {group!r}, which is already "
                                         f"{earlier[group]}; expected the group or its part, or the part in a harder role"))
    problems += _known(doc, ("related",), record.related, ids.exercises, "exercise", ids)
    links: list[tuple[Key, str]] = [(("related", index), other) for index, other in enumerate(record.related)]
    for ladder in ("easier", "harder"):
        steps: list[ExerciseLink] = [step for step in getattr(record, ladder) if isinstance(step, ExerciseLink)]
        places = [index for index, step in enumerate(getattr(record, ladder)) if isinstance(step, ExerciseLink)]
        for index, step in zip(places, steps, strict=True):
            problems += _known_one(doc, (ladder, index, "exercise"), step.exercise, ids.exercises, "exercise", ids)
            links.append(((ladder, index, "exercise"), step.exercise))
    problems += [
        _problem(doc, key, f"{other!r} is this exercise itself; expected other exercises") for key, other in links if other == stem
    ]
    problems += _known(doc, ("precautions",), record.precautions, ids.precautions, "precaution", ids)
    problems += _known(doc, ("sources",), record.sources, ids.sources, "source", ids)
    problems += _repeats(doc, ("actions",), record.actions, "action") + _repeats(doc, ("loads",), record.loads, "load")
    if record.direction and record.force not in (Force.PULL, Force.PUSH):
        problems.append(_problem(doc, ("direction",), "is only for pulls and pushes; expected force: pull or push, or no direction"))
    loaded = [item for item in record.equipment if item not in ids.no_equipment]
    if record.category is Category.STRENGTH and loaded and not record.safety:
        problems.append(
            Problem(
                doc.path,
                doc.line_of(()),
                "safety",
                "is missing; a loaded strength exercise (category strength with equipment) must have safety notes",
            )
        )
    return problems


def check_routine(doc: SourcedYaml, record: RoutineRecord, ids: CatalogIds) -> list[Problem]:
    """Every exercise and piece of equipment a routine names exists."""
    problems = _names(doc, (), record.name, ())
    problems += _known(doc, ("equipment",), record.equipment or (), ids.equipment, "equipment", ids)
    for block_index, block in enumerate(record.blocks):
        for item_index, item in enumerate(block.items):
            key = ("blocks", block_index, "items", item_index, "exercise")
            problems += _known_one(doc, key, item.exercise, ids.exercises, "exercise", ids)
    return problems


def check_source(doc: SourcedYaml, record: SourceRecord) -> list[Problem]:
    """A source has what its citation needs."""
    problems = []
    if not record.authors and not record.editors:
        problems.append(
            Problem(
                doc.path, doc.line_of(()), "authors", "is missing; expected authors: [Surname AB, ...] (or editors: for an edited book)"
            )
        )
    needs = {SourceKind.ARTICLE: ("journal",), SourceKind.CHAPTER: ("book",), SourceKind.WEB: ("url",)}.get(record.kind, ())
    for name in needs:
        if getattr(record, name) is None:
            problems.append(Problem(doc.path, doc.line_of(()), name, f"is missing; a source of kind {record.kind.value} needs it"))
    return problems


def check_taxonomy(doc: SourcedYaml, taxonomy: TaxonomyRecord, ids: CatalogIds) -> list[Problem]:
    """Ids and names are unique across groups and parts, no id is reserved, and cited sources exist."""
    problems = []
    owner: dict[str, Key] = {}
    names: list[tuple[Key, str]] = []
    for group_id, group in taxonomy.muscles.items():
        key: Key = ("muscles", group_id)
        if group_id in RESERVED_IDS:
            problems.append(_problem(doc, key, f"{group_id!r} is reserved for the muscle map page; choose another id"))
        entries = [(key, group_id, group.name, group.aliases)]
        entries += [(key + ("parts", part_id), part_id, part.name, part.aliases) for part_id, part in group.parts.items()]
        for place, entry_id, name, aliases in entries:
            if entry_id in owner:
                problems.append(
                    _problem(
                        doc,
                        place,
                        f"id {entry_id!r} is already used at {field_label(owner[entry_id])}; "
                        "expected each group and part id once in the taxonomy",
                    )
                )
            owner.setdefault(entry_id, place)
            names.append((place + ("name",), name))
            problems += _names(doc, place, name, aliases)
        problems += _known(doc, key + ("sources",), group.sources, ids.sources, "source", ids)
    problems += _unique_keys(doc, names, "muscle group or part")
    equipment_names = [(("equipment", item_id, "name"), item.name) for item_id, item in taxonomy.equipment.items()]
    problems += _unique_keys(doc, equipment_names, "equipment")
    for item_id, item in taxonomy.equipment.items():
        problems += _names(doc, ("equipment", item_id), item.name, item.aliases)
    return problems


def _unique_keys(doc: SourcedYaml, names: Iterable[tuple[Key, str]], noun: str) -> list[Problem]:
    first: dict[str, Key] = {}
    problems = []
    for key, name in names:
        folded = name_key(name)
        if folded in first:
            problems.append(
                _problem(doc, key, f"{name!r} is already the name of {field_label(first[folded][:-1])}; expected a unique {noun} name")
            )
        first.setdefault(folded, key)
    return problems


def unique_names(records: Iterable[tuple[SourcedYaml, str]], noun: str) -> list[Problem]:
    """Names of one kind of record differ in more than case, spacing and look-alike letters."""
    first: dict[str, str] = {}
    problems = []
    for doc, name in records:
        folded = name_key(name)
        if folded in first:
            problems.append(_problem(doc, ("name",), f"{name!r} is already the name of {first[folded]}; expected a unique name"))
        first.setdefault(folded, doc.path)
    return problems
