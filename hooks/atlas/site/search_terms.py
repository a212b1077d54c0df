"""Search terms: the words people type for a page, weighted in search but never shown in the results.

Material shows a page's `tags` as chips under every result, so the terms go in fields of their own:
pages declare them in front matter (`search_terms`: a list of names, or lists by field), and
`add_search_terms` writes them into the search index after the search plugin has written it. The
search worker indexes every field the index's config names; results show only titles and text.

Search matches each typed word as a prefix (`pull` finds `pulls`, `pulls` does not find `pull`), does
no stemming, and adds up every index word a prefix matches. So each field holds each word once, an
exercise's own name is a field of its own (it wins over pages that only share a prefix: "pull" in
"pulldown"), and a last field, weighted much less, holds the plurals and the spellings with doubled
letters made single (the misspelling people make most: "latisimus"): several forms of one word must
not outweigh another word matched once.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from atlas.records.graph import Atlas
from atlas.records.model import Exercise, MuscleGroup, Routine

FIELDS = {"name": 2e6, "names": 1e6, "terms": 1e5, "spellings": 1e4}
"""The search index fields of the terms and their weights. An exercise's or a muscle's own name weighs most. A page's
names (an exercise's name and aliases, a muscle's, the problems a guide answers) weigh as Material
weighs tags: one matching word outranks a title word (1e3). Other terms (the muscles an exercise works,
what it needs) weigh less, and spellings less again, still well above a title word."""
NAMES = "names"
"""The field a page's list of terms goes to."""
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


STRETCH_TERMS = ("tight", "stiff", "stretch", "stretches", "stretching", "loosen", "mobility")
"""What people type when a muscle feels tight: a stretch's names carry them with the muscles it stretches."""


def exercise_terms(atlas: Atlas, exercise: Exercise) -> dict[str, list[str]]:
    """Terms of an exercise page: its name; its names, and for a stretch the muscles it stretches with the words for
    tightness; the muscles it works hardest (their names, aliases and the problems they answer) and what it needs."""
    stretched = [name for muscle in exercise.stretched for name in _muscle_names(atlas, muscle)]
    muscles = [name for muscle in exercise.primary for name in _muscle_names(atlas, muscle)]
    problems = [term for muscle in exercise.primary for term in _problems(atlas, muscle)]
    tight = list(STRETCH_TERMS) if stretched else []
    return {"name": [exercise.name], NAMES: [exercise.name, *exercise.aliases, *stretched, *tight],
            "terms": [*muscles, *problems, *equipment_terms(atlas, exercise.equipment)],
            SPELLINGS: [*run_together([exercise.name, *exercise.aliases])]}


def _muscle_names(atlas: Atlas, muscle_id: str) -> list[str]:
    """A group's or part's name and aliases, with its group's when it is a part."""
    group = atlas.groups[atlas.group_id_of(muscle_id)]
    part = atlas.parts.get(muscle_id)
    own = [part.name, *part.aliases] if part else []
    return [*own, group.name, *group.aliases]


def _problems(atlas: Atlas, muscle_id: str) -> list[str]:
    """The problems a group or part answers: its own, and a part's group's."""
    part = atlas.parts.get(muscle_id)
    return [*(part.search_terms if part else ()), *atlas.groups[atlas.group_id_of(muscle_id)].search_terms]


def muscle_terms(group: MuscleGroup) -> dict[str, list[str]]:
    """Terms of a muscle page: the group's own names; with its parts' names and the problems they answer; the
    usual misspellings of all of them."""
    names = [group.name, *group.aliases]
    parts = [name for part in group.parts.values() for name in (part.name, *part.aliases)]
    problems = [*group.search_terms, *(term for part in group.parts.values() for term in part.search_terms)]
    return {"name": names, NAMES: [*names, *parts, *problems], SPELLINGS: misspellings(term_words([*names, *parts]))}


def routine_terms(atlas: Atlas, routine: Routine) -> dict[str, list[str]]:
    """Terms of a routine page: the words for a session; its name and the names of what it needs.

    Only exercises get "band only" and "no equipment": those queries look for exercises."""
    equipment = [name for item in routine.equipment_ids for name in (atlas.equipment[item].name, *atlas.equipment[item].aliases)]
    return {NAMES: [*ROUTINE_TERMS, *routine.search_terms], "terms": [routine.name, *equipment]}


def term_words(terms: Sequence[str]) -> list[str]:
    """The words of the terms, lowercase, each once."""
    return list(dict.fromkeys(word for term in terms for word in _WORD.findall(term.casefold())))


def spellings(words: Sequence[str]) -> list[str]:
    """Other forms of the words: each one's plural and its spelling with doubled letters made single."""
    known = set(words)
    forms = (form for word in words if len(word) > 1 for form in (*_plurals(word), _DOUBLED.sub(r"\1", word)))
    return [form for form in dict.fromkeys(forms) if form not in known]


def run_together(terms: Sequence[str]) -> list[str]:
    """Each pair of neighbouring words of each term written as one ("face pull" -> "facepull"), as people type them."""
    words = [_WORD.findall(term.casefold()) for term in terms]
    return list(dict.fromkeys(first + second for each in words for first, second in zip(each, each[1:], strict=False)))


MISSPELT = ((re.compile(r"(?<=[aeiou])i|i(?=[aeiou])"), "y"), (re.compile(r"(?<=[rpt])h"), ""),
            (re.compile(r"ius\b"), "ious"), (re.compile(r"(?<=[aeiou]t)us\b"), "is"), (re.compile(r"ae\b"), "a"))
"""The misspellings people make most with Latin muscle names, each a pattern and what they write: y for i next to a
vowel ("rhomboyd"), no h after r, p or t ("romboid"), -ious for -ius ("trapezious"), -is for -atus ("infraspinatis"),
-a for -ae ("scapula")."""


def misspellings(words: Sequence[str]) -> list[str]:
    """The usual misspellings of the words (MISSPELT), each pattern on its own."""
    known = set(words)
    forms = (pattern.sub(replacement, word) for word in words for pattern, replacement in MISSPELT)
    return [form for form in dict.fromkeys(forms) if form not in known]


def _plurals(word: str) -> tuple[str, ...]:
    if word.endswith("s") or word.isdigit():
        return ()
    if word.endswith(("x", "z", "ch", "sh")):
        return (word + "es",)
    if word.endswith("y") and word[-2] not in "aeiou":
        return (word[:-1] + "ies", word + "s")  # flies, and the "flys" people write
    return (word + "s",)


PageTerms = Sequence[str] | Mapping[str, Sequence[str]]
"""A page's `search_terms` front matter: a list of names, or lists by field."""


def term_fields(terms: PageTerms) -> dict[str, list[str]]:
    """The words of a page's terms by field, with the spellings of all of them (and of the page's own other forms,
    given under SPELLINGS). Terms arrive HTML-escaped."""
    by_field: Mapping[str, Sequence[str]] = terms if isinstance(terms, Mapping) else {NAMES: terms}
    fields = {name: term_words([html.unescape(term) for term in by_field.get(name, ())]) for name in FIELDS if name != SPELLINGS}
    own = term_words([html.unescape(term) for term in by_field.get(SPELLINGS, ())])
    words = list(dict.fromkeys(word for words in fields.values() for word in words))
    fields[SPELLINGS] = [form for form in dict.fromkeys([*own, *spellings([*words, *own])]) if form not in set(words)]
    return {name: words for name, words in fields.items() if words}


def add_search_terms(index: dict, terms_by_location: Mapping[str, PageTerms]) -> dict:
    """The search index with the terms' fields on each page's first entry (not on its sections)."""
    index["config"]["fields"].update({name: {"boost": boost} for name, boost in FIELDS.items()})
    for entry in index["docs"]:
        terms = terms_by_location.get(entry["location"])
        if terms:
            entry.update({name: " ".join(words) for name, words in term_fields(terms).items()})
    return index


def write_search_terms(site_dir: Path, terms_by_location: Mapping[str, PageTerms]) -> None:
    """Rewrite the built site's search index with the pages' terms."""
    path = site_dir / SEARCH_INDEX
    index = add_search_terms(json.loads(path.read_text(encoding="utf-8")), terms_by_location)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
