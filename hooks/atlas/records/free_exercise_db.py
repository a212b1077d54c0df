"""Draft records from free-exercise-db (its JSON format): what the source says, mapped onto our vocabulary only where
the meaning is the same; everything else is kept aside for a maintainer, and nothing is invented to fill a gap."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from atlas.layout import ProjectLayout
from atlas.problems import Problem
from atlas.records.values import ID_PATTERN

SOURCE_NAME = "free-exercise-db"
MAX_FILE_BYTES = 20_000_000
"""The largest import file read (the whole free-exercise-db is under 2 MB)."""
MAX_PARAGRAPH = 600
"""A draft's step holds at most this many characters (a record's paragraph); longer instructions are split at sentences."""

LEVELS = {"beginner": "beginner", "intermediate": "intermediate", "expert": "advanced"}
CATEGORIES = {"strength": "strength", "stretching": "mobility"}
MECHANICS = {"compound": "compound", "isolation": "isolation"}
FORCES = {"pull": "pull", "push": "push", "static": "hold"}
EQUIPMENT = {"body only": "none", "dumbbell": "dumbbells", "barbell": "barbell", "cable": "cable-machine", "bands": "resistance-band",
             "kettlebells": "kettlebell", "foam roll": "foam-roller"}
"""Their equipment names that mean exactly one of ours; "machine", "other" and the rest are left for the maintainer."""
MUSCLES = {"lats": "lats", "traps": "traps", "lower back": "erector-spinae", "biceps": "biceps", "triceps": "triceps",
           "forearms": "forearms", "chest": "chest", "abdominals": "core", "glutes": "glutes", "hamstrings": "hamstrings"}
"""Their muscle names that mean one of our groups; "middle back", "shoulders" and "neck" name several, so they are kept aside."""


@dataclass(frozen=True)
class Imported:
    """What an import did."""

    written: tuple[str, ...]
    """Draft files written, relative to the project."""
    skipped: tuple[str, ...]
    """One line per record not imported, with the reason."""


def import_drafts(source: Path, layout: ProjectLayout, known_ids: set[str], linked: set[str]) -> Imported:
    """Write a draft record in exercises/drafts/ for each free-exercise-db record in `source` that is new: neither its
    id here (`known_ids`: exercises and drafts) nor its free-exercise-db id (`linked`: already on an exercise) exists."""
    records = _read(source)
    layout.drafts_dir.mkdir(parents=True, exist_ok=True)
    written, skipped = [], []
    taken = set(known_ids) | {path.stem for path in layout.drafts_dir.glob("*.yml")}
    for index, record in enumerate(records):
        label = f"{source.name}[{index}]"
        if not isinstance(record, dict) or not isinstance(record.get("name"), str) or not record["name"].strip():
            skipped.append(f"{label}: name: expected a record with a name; left out")
            continue
        draft_id = _slug(record["name"])
        if not re.match(ID_PATTERN, draft_id):
            skipped.append(f"{label}: name: {record['name'][:60]!r} makes no usable id; left out")
        elif record.get("id") in linked:
            skipped.append(f"{label}: {str(record['id'])[:60]!r} is already linked from an exercise's ids; left out")
        elif draft_id in taken:
            skipped.append(f"{label}: {draft_id!r} already exists as an exercise or a draft; left out")
        else:
            path = layout.drafts_dir / f"{draft_id}.yml"
            path.write_text(_yaml(draft_of(record)), encoding="utf-8")
            taken.add(draft_id)
            written.append(layout.label(path))
    return Imported(tuple(written), tuple(skipped))


def draft_of(record: dict[str, Any]) -> dict[str, Any]:
    """A draft record's data from one free-exercise-db record."""
    draft: dict[str, Any] = {"draft": True, "name": _text(record["name"])[:120], "imported_from": SOURCE_NAME}
    unmapped: list[str] = []
    if isinstance(record.get("id"), str) and re.fullmatch(r"[A-Za-z0-9_-]{1,120}", record["id"]):
        draft["ids"] = {"free_exercise_db": record["id"]}
    for key, ours, table in (("level", "level", LEVELS), ("category", "category", CATEGORIES),
                             ("mechanic", "mechanics", MECHANICS), ("force", "force", FORCES)):
        value = record.get(key)
        if isinstance(value, str) and value in table:
            draft[ours] = table[value]
        elif isinstance(value, str) and value:
            unmapped.append(f"{key}: {_text(value)[:80]}")
    equipment = record.get("equipment")
    if isinstance(equipment, str) and equipment in EQUIPMENT:
        draft["equipment"] = [EQUIPMENT[equipment]]
    elif isinstance(equipment, str) and equipment:
        unmapped.append(f"equipment: {_text(equipment)[:80]}")
    muscles: dict[str, list[str]] = {}
    for key, role in (("primaryMuscles", "primary"), ("secondaryMuscles", "secondary")):
        for name in record.get(key) or []:
            if isinstance(name, str) and name in MUSCLES:
                muscles.setdefault(role, []).append(MUSCLES[name])
            elif isinstance(name, str) and name:
                unmapped.append(f"{role} muscle: {_text(name)[:80]}")
    if muscles:
        draft["muscles"] = {role: list(dict.fromkeys(ids))[:12] for role, ids in muscles.items()}
    steps = [part for text in record.get("instructions") or [] if isinstance(text, str) for part in _paragraphs(_text(text))]
    if steps:
        draft["steps"] = steps[:30]
    if unmapped:
        draft["unmapped"] = unmapped[:30]
    return draft


def _read(source: Path) -> list[Any]:
    if not source.is_file():
        raise ImportProblem(Problem(str(source), 0, "file", "is not a file; expected free-exercise-db's JSON"))
    if source.stat().st_size > MAX_FILE_BYTES:
        raise ImportProblem(Problem(str(source), 0, "file", f"is larger than {MAX_FILE_BYTES // 1_000_000} MB; expected a smaller file"))
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", 0)
        raise ImportProblem(Problem(str(source), line, "file", "is not JSON in UTF-8; expected free-exercise-db's JSON")) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        message = "holds neither a record nor a list of records; expected free-exercise-db's JSON"
        raise ImportProblem(Problem(str(source), 1, "file", message))
    return data


class ImportProblem(Exception):
    """An import file that cannot be read: one problem, nothing written."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _slug(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", name.casefold()))[:60].strip("-")


def _text(value: str) -> str:
    """One line of plain text: control characters and runs of white space become one space."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", value).split())


def _paragraphs(text: str) -> list[str]:
    """The text in pieces of at most MAX_PARAGRAPH characters, split between sentences (words only as a last resort)."""
    pieces: list[str] = []
    current = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        while len(sentence) > MAX_PARAGRAPH:
            cut = sentence.rfind(" ", 0, MAX_PARAGRAPH) if " " in sentence[:MAX_PARAGRAPH] else MAX_PARAGRAPH
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > MAX_PARAGRAPH:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    return [*pieces, current] if current else pieces


def _yaml(draft: dict[str, Any]) -> str:
    header = ("# yaml-language-server: $schema=../../hooks/atlas/schema/draft.schema.json\n"
              f"# Imported from {SOURCE_NAME}: finish it, remove `draft: true` and move it to exercises/.\n")
    return header + yaml.safe_dump(draft, sort_keys=False, allow_unicode=True, width=120)
