"""The finder's own index (api/finder.json): only what its filters, text box and result lines need, in columns, with
muscles, equipment, levels and kinds of work as numbers into tables. At 5,000 exercises it weighs a small part of the
public export (api/exercises.json), which the finder does not read. Its shape is the finder's business, not a contract:
overrides/assets/finder.js reads it and nothing else should."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from atlas.pages.generated import GeneratedFile, inert_json
from atlas.pages.page_kinds import page_url
from atlas.records.graph import Atlas
from atlas.records.model import BODYWEIGHT, Category, Exercise, Level, TargetKind

FINDER_INDEX = "api/finder.json"
"""Where the finder's index is published."""
FORMAT = 1
"""The version of the index's shape; finder.js refuses another."""
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


def word_codes(words_of: list[list[str]]) -> tuple[list[str], int, list[str]]:
    """The vocabulary (the commonest word first), the width of a word's code, and each exercise's words as its codes
    run together: a word's number in the vocabulary in base 62 (DIGITS), every code as wide as the largest."""
    counted = Counter(word for words in words_of for word in words)
    vocabulary = sorted(counted, key=lambda word: (-counted[word], word))
    width = 1
    while len(DIGITS) ** width < len(vocabulary):
        width += 1
    number = {word: index for index, word in enumerate(vocabulary)}

    def code(index: int) -> str:
        return "".join(DIGITS[index // len(DIGITS) ** place % len(DIGITS)] for place in reversed(range(width)))

    return vocabulary, width, ["".join(code(number[word]) for word in words) for words in words_of]


def finder_index(atlas: Atlas) -> GeneratedFile:
    """The finder's index of every exercise."""
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
    }
    return GeneratedFile(FINDER_INDEX, inert_json(data).encode("ascii"))
