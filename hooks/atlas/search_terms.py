"""Search terms: the words people type for a page, weighted in search but never shown in the results.

Material shows a page's `tags` as chips under every result, so the terms go in a field of their own:
pages declare them in front matter (`search_terms`, a list), and `add_search_terms` writes them into the
search index after the search plugin has written it. The search worker indexes every field the index's
config names, and the results show only titles and text.

Search matches each typed word as a prefix (`pull` finds `pulls`, `pulls` does not find `pull`), does no
stemming, and scores a page by the cosine of its words and the query's, field by field. So `terms` holds
each word of a page's terms once (a page with many words weighs each one less), and a second field,
`spellings`, weighted much less, holds their plurals and their spellings with doubled letters made single
(the misspelling people make most: "latisimus"): a prefix that matches several forms of one word must
not outweigh a prefix that matches another word once.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from .graph import Atlas
from .model import Exercise, MuscleGroup, Routine

FIELDS = {"terms": 1e6, "spellings": 1e4}
"""The search index fields of the terms and their weights: a term weighs as Material weighs tags (one
matching word outranks a title word, 1e3); a spelling, well above a title word and well below a term."""
TERMS = "terms"
"""The field of the words as written."""
SPELLINGS = "spellings"
"""The field of other forms of the words."""
SEARCH_INDEX = "search/search_index.json"
"""Where Material's search plugin writes its index, inside the built site."""

NO_EQUIPMENT_TERMS = ("no equipment", "bodyweight", "without equipment")
"""What people type when they have nothing to train with."""
ROUTINE_TERMS = ("routine", "workout", "session", "plan")
"""What people call a ready-made session."""

_WORD = re.compile(r"[^\W_]+")
_DOUBLED = re.compile(r"(\w)\1")


def equipment_terms(atlas: Atlas, equipment: Sequence[str]) -> list[str]:
    """Terms for what an exercise or routine needs: each item's names, "band only" when it needs one thing,
    and the no-equipment words when it needs nothing."""
    needed = [item for item in equipment if atlas.needs_equipment((item,))]
    if not needed:
        return list(NO_EQUIPMENT_TERMS)
    terms = [name for item in needed for name in (atlas.equipment[item].name, *atlas.equipment[item].aliases)]
    if len(needed) == 1:
        terms += [f"{name} only" for name in (atlas.equipment[needed[0]].name, *atlas.equipment[needed[0]].aliases)]
    return terms


def exercise_terms(atlas: Atlas, exercise: Exercise) -> list[str]:
    """Terms of an exercise page: its names, the names of its primary muscles and their groups, what it needs."""
    groups = [atlas.groups[atlas.group_id_of(muscle)] for muscle in exercise.primary]
    muscles = [*(atlas.muscle_name(muscle) for muscle in exercise.primary), *(name for group in groups for name in (group.name, *group.aliases))]
    return [exercise.name, *exercise.aliases, *muscles, *equipment_terms(atlas, exercise.equipment)]


def muscle_terms(group: MuscleGroup) -> list[str]:
    """Terms of a muscle page: the group's names and its parts' names."""
    return [group.name, *group.aliases, *(name for part in group.parts.values() for name in (part.name, *part.aliases))]


def routine_terms(atlas: Atlas, routine: Routine) -> list[str]:
    """Terms of a routine page: the words for a session, and what it needs (its name is its title)."""
    return [*ROUTINE_TERMS, *equipment_terms(atlas, routine.equipment)]


def term_words(terms: Sequence[str]) -> list[str]:
    """The words of the terms, lowercase, each once."""
    return list(dict.fromkeys(word for term in terms for word in _WORD.findall(term.casefold())))


def spellings(words: Sequence[str]) -> list[str]:
    """Other forms of the words: each one's plural and its spelling with doubled letters made single."""
    known = set(words)
    forms = (form for word in words if len(word) > 2 for form in (_plural(word), _DOUBLED.sub(r"\1", word)))
    return [form for form in dict.fromkeys(forms) if form not in known]


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def term_fields(terms: Sequence[str]) -> dict[str, list[str]]:
    """The words of a page's terms and their spellings, by field. Terms arrive HTML-escaped."""
    words = term_words([html.unescape(term) for term in terms])
    return {name: forms for name, forms in ((TERMS, words), (SPELLINGS, spellings(words))) if forms}


def add_search_terms(index: dict, terms_by_location: Mapping[str, Sequence[str]]) -> dict:
    """The search index with the terms' fields on each page's first entry (not on its sections)."""
    index["config"]["fields"].update({name: {"boost": boost} for name, boost in FIELDS.items()})
    for entry in index["docs"]:
        terms = terms_by_location.get(entry["location"])
        if terms:
            entry.update({name: " ".join(words) for name, words in term_fields(terms).items()})
    return index


def write_search_terms(site_dir: Path, terms_by_location: Mapping[str, Sequence[str]]) -> None:
    """Rewrite the built site's search index with the pages' terms."""
    path = site_dir / SEARCH_INDEX
    index = add_search_terms(json.loads(path.read_text(encoding="utf-8")), terms_by_location)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
