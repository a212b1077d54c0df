"""Search terms: the words people type for a page, weighted in search but never shown in the results.

Material shows a page's `tags` as chips under every result, so the terms go in a field of their own:
pages declare them in front matter (`search_terms`), and `add_search_terms` writes them into the search
index as the `terms` field after the search plugin has written it. The search worker indexes every
field the index's config names, and the results show only titles and text.

Search matches each typed word as a prefix (`pull` finds `pulls`, `pulls` does not find `pull`) and
does no stemming, so each term is stored with its plural and with doubled letters made single, the
misspelling people make most ("latisimus", "trapezius" typed as "trapezious" is not covered).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .graph import Atlas
from .model import Exercise, Routine

TERMS_FIELD = "terms"
"""The name of the search index field that holds the terms."""
TERMS_BOOST = 1e6
"""The weight of a term, as Material weighs tags: one matching term outranks a title word (1e3)."""
SEARCH_INDEX = "search/search_index.json"
"""Where Material's search plugin writes its index, inside the built site."""

NO_EQUIPMENT_TERMS = ("no equipment", "bodyweight", "without equipment")
"""What people type when they have nothing to train with."""
ROUTINE_TERMS = ("routine", "workout", "session", "plan")
"""What people call a ready-made session."""

_WORD = re.compile(r"[^\W_]+")
_DOUBLED = re.compile(r"(\w)\1")


def needs_no_equipment(atlas: Atlas, equipment: Iterable[str]) -> bool:
    """True when everything in `equipment` is found in any room (the finder's "No equipment")."""
    return all(item == "none" for item in equipment)


def equipment_terms(atlas: Atlas, equipment: Sequence[str]) -> list[str]:
    """Terms for what an exercise or routine needs: each item's names, "band only" when it needs one thing,
    and the no-equipment words when it needs nothing."""
    needed = [item for item in equipment if not needs_no_equipment(atlas, (item,))]
    if not needed:
        return list(NO_EQUIPMENT_TERMS)
    terms = [name for item in needed for name in (atlas.equipment[item].name, *atlas.equipment[item].aliases)]
    if len(needed) == 1:
        terms += [f"{name} only" for name in (atlas.equipment[needed[0]].name, *atlas.equipment[needed[0]].aliases)]
    return terms


def exercise_terms(atlas: Atlas, exercise: Exercise) -> list[str]:
    """The equipment terms of an exercise page (its names and muscles come from its page module)."""
    return equipment_terms(atlas, exercise.equipment)


def routine_terms(atlas: Atlas, routine: Routine) -> list[str]:
    """Terms of a routine page: its name, the words for a session, and what it needs."""
    return [routine.name, *ROUTINE_TERMS, *equipment_terms(atlas, routine.equipment)]


def term_variants(term: str) -> list[str]:
    """The words of a term, each with its plural and with its doubled letters made single."""
    variants: dict[str, None] = {}
    for word in _WORD.findall(term.casefold()):
        variants[word] = None
        if len(word) > 2:
            variants[_plural(word)] = None
            variants[_DOUBLED.sub(r"\1", word)] = None
    return list(variants)


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def add_search_terms(index: dict, terms_by_location: Mapping[str, Sequence[str]]) -> dict:
    """The search index with a `terms` field on each page's first entry (not on its sections)."""
    index["config"]["fields"][TERMS_FIELD] = {"boost": TERMS_BOOST}
    for entry in index["docs"]:
        terms = terms_by_location.get(entry["location"])
        if terms:
            entry[TERMS_FIELD] = " ".join(dict.fromkeys(word for term in terms for word in term_variants(term)))
    return index


def write_search_terms(site_dir: Path, terms_by_location: Mapping[str, Sequence[str]]) -> None:
    """Rewrite the built site's search index with the pages' terms."""
    path = site_dir / SEARCH_INDEX
    index = add_search_terms(json.loads(path.read_text(encoding="utf-8")), terms_by_location)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
