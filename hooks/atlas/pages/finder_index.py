"""The finder's own index (api/finder.json): only what its filters, text box and result lines need, in columns, with
muscles, equipment, levels and kinds of work as numbers into tables; and, for the routine builder, each exercise's
starting dose, key cue, one alternative, force and load step, as numbers into tables of their own. At 5,000 exercises it
weighs a tenth of the public export (api/exercises.json), which no page of the site reads. Its shape is the site's
business, not a contract: overrides/assets/finder.js and routine-builder.js read it and nothing else should."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import partial
from typing import cast

from atlas.pages.generated import FileToRender, inert_json
from atlas.pages.page_kinds import page_url
from atlas.pages.routine_builder import builder_facts
from atlas.records.graph import Atlas
from atlas.records.model import BODYWEIGHT, Category, Exercise, Force, Level, TargetKind
from atlas.routines.load_steps import LOAD_STEPS, STEP_SHARE, load_step, load_step_data

FINDER_INDEX = "api/finder.json"
"""Where the finder's index is published."""
FORMAT = 2
"""The version of the index's shape; finder.js and routine-builder.js refuse another."""
DOSE_FIELDS = ("sets", "reps", "hold", "rest", "per_side")
"""A starting dose's values, in the order the index gives them (routine_builder.builder_facts names them)."""
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
"""The digits of a word's code (finder.js `DIGITS`)."""


def fold(text: str) -> str:
    """Text as the finder compares it (finder.js `fold`): lower case, words of letters and digits, doubled letters once."""
    return re.sub(r"([a-z])\1", r"\1", " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()))


def finder_words(exercise: Exercise) -> list[str]:
    """The words of an exercise's other names and summary that its name lacks, folded, each kept once, and none that only
    starts another kept word: the finder matches a typed word against the start of a word, so these match as the whole
    text would."""
    own = set(fold(exercise.name).split())
    words = sorted(set(fold(" ".join((*exercise.aliases, exercise.summary))).split()) - own)
    return [word for index, word in enumerate(words) if not (index + 1 < len(words) and words[index + 1].startswith(word))]


def code_width(count: int) -> int:
    """How many base-62 digits (DIGITS) the numbers below `count` need."""
    width = 1
    while len(DIGITS) ** width < count:
        width += 1
    return width


def code(number: int, width: int) -> str:
    """A number in base 62 (DIGITS), `width` digits wide (finder.js `decodeWords`, routine-builder.js `numberAt`)."""
    return "".join(DIGITS[number // len(DIGITS) ** place % len(DIGITS)] for place in reversed(range(width)))


def word_codes(words_of: list[list[str]]) -> tuple[list[str], int, list[str]]:
    """The vocabulary (the commonest word first), the width of a word's code, and each exercise's words as its codes
    run together: a word's number in the vocabulary in base 62 (DIGITS), every code as wide as the largest."""
    counted = Counter(word for words in words_of for word in words)
    vocabulary = sorted(counted, key=lambda word: (-counted[word], word))
    width = code_width(len(vocabulary))
    number = {word: index for index, word in enumerate(vocabulary)}
    return vocabulary, width, ["".join(code(number[word], width) for word in words) for words in words_of]


def builder_columns(atlas: Atlas, exercises: list[Exercise]) -> dict[str, object]:
    """What the routine builder needs beyond the finder's columns: the tables of distinct doses (each the values of
    `dose_fields` in turn), texts (key cues and alternatives), forces and load steps, and each exercise's numbers into
    them as `codes`, one string of `fields` (each of its `widths`) after another, exercise by exercise."""
    doses: dict[str, int] = {}  # by their JSON, each once
    dose_list: list[list[object]] = []
    texts: dict[str, int] = {}
    forces = [None, *(force.value for force in Force)]
    steps = [step.id for step in LOAD_STEPS]
    rows = []
    for exercise in exercises:
        facts = builder_facts(atlas, exercise)
        values = [cast(dict[str, object], facts["dose"])[field] for field in DOSE_FIELDS]
        dose = json.dumps(values)
        if dose not in doses:
            doses[dose] = len(dose_list)
            dose_list.append(values)
        rows.append((doses[dose], texts.setdefault(str(facts["cue"]), len(texts)),
                     texts.setdefault(str(facts["alternative"]), len(texts)),
                     forces.index(exercise.force and exercise.force.value), steps.index(load_step(atlas, exercise).id)))
    fields = ("dose", "cue", "alternative", "force", "load_step")
    widths = [code_width(size) for size in (len(doses), len(texts), len(texts), len(forces), len(steps))]
    return {
        "dose_fields": list(DOSE_FIELDS),
        "doses": dose_list,
        "texts": list(texts),
        "forces": forces,
        "load_steps": {"share": STEP_SHARE, "steps": [load_step_data(step) for step in LOAD_STEPS]},
        "fields": list(fields),
        "widths": widths,
        "codes": "".join(code(number, width) for row in rows for number, width in zip(row, widths, strict=True)),
    }


def finder_index(atlas: Atlas) -> FileToRender:
    """The finder's index of every exercise (made when read)."""
    return FileToRender(FINDER_INDEX, partial(_finder_bytes, atlas))


def _finder_bytes(atlas: Atlas) -> bytes:
    muscles: list[tuple[str, str, tuple[str, ...], int | None]] = [(group.id, group.name, group.aliases, None)
                                                                   for group in atlas.groups.values()]
    muscles += [(part.id, part.name, part.aliases, index) for index, group in enumerate(atlas.groups.values())
                for part in group.parts.values()]
    muscle_number = {muscle[0]: number for number, muscle in enumerate(muscles)}
    equipment_number = {item.id: number for number, item in enumerate(atlas.equipment.values())}
    levels, categories = list(Level), list(Category)

    def numbers(ids: Iterable[str]) -> list[int]:
        return sorted({muscle_number[muscle_id] for muscle_id in ids})

    def roles(e: Exercise) -> tuple[list[int], list[int], list[int]]:
        primary = numbers((*e.primary, *(atlas.group_id_of(m) for m in e.primary)))
        helping = [number for number in numbers((*e.secondary, *(atlas.group_id_of(m) for m in e.secondary))) if number not in primary]
        return primary, helping, numbers((*e.stretched, *(atlas.group_id_of(m) for m in e.stretched)))

    exercises = list(atlas.exercises.values())
    by_role = [roles(e) for e in exercises]
    vocabulary, width, codes = word_codes([finder_words(e) for e in exercises])
    data = {
        "format": FORMAT,
        "folder": page_url(TargetKind.EXERCISE),
        "muscles": [{"id": muscle_id, "names": [name, *aliases], **({} if group is None else {"group": group})}
                    for muscle_id, name, aliases, group in muscles],
        "equipment": [{"id": item.id, "name": item.name, "free": item.no_equipment or item.id == BODYWEIGHT}
                      for item in atlas.equipment.values()],
        "levels": [level.value for level in levels],
        "categories": [category.value for category in categories],
        "vocabulary": vocabulary,
        "width": width,
        "exercises": {
            "id": [e.id for e in exercises],
            "name": [e.name for e in exercises],
            "words": codes,
            "level": [levels.index(e.level) for e in exercises],
            "category": [categories.index(e.category) for e in exercises],
            "equipment": [[equipment_number[item] for item in e.equipment] for e in exercises],
            "alternatives": [[[equipment_number[item] for item in option] for option in e.equipment_alternatives] for e in exercises],
            "primary": [primary for primary, _, _ in by_role],
            "helping": [helping for _, helping, _ in by_role],
            "stretched": [stretched for _, _, stretched in by_role],
        },
        "builder": builder_columns(atlas, exercises),
    }
    return inert_json(data).encode("ascii")
