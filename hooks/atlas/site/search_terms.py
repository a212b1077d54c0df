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
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the search index's process reads terms and imports no records
    from atlas.records.graph import Atlas
    from atlas.records.model import Exercise, MuscleGroup, Routine

FIELDS = {"needs_nothing": 2e7, "needs": 6e6, "muscle": 2e6, "name": 2e6, "works": 2e6, "names": 1e6, "terms": 1e5,
          "spellings": 1e4}
"""The search index fields of the terms and their weights, balanced so that (Material multiplies the score of a result
that matches every word of the query, about 1.3 times one that misses one word in three; a muscle's page weighs 3, an
exercise's 2: the `boost` in their front matter):
- a muscle alone finds its page first: a muscle page's names, its parts' and the problems it answers ("muscle" and
  "names", 3e6 a word, 9e6 with the page's boost) outweigh an exercise named after it (its "name" and "names", 3e6,
  6e6 with its boost; what it "works" leaves out the words of its name);
- a muscle with a piece of equipment, a level or "no equipment" finds the exercises that have both first: what an
  exercise needs and its level ("needs", 6e6) with the muscle it works (2e6 a word) outweigh the muscle's page, which
  misses a word; needing nothing ("needs_nothing", the word the search box sends for "no equipment") outweighs even an
  exercise named after the muscle, as the reader who says so has no machine;
- an exercise's own name ("name" and "names") outweighs what other exercises merely work.
Other names (a guide's problems, an exercise's aliases) weigh as Material weighs tags: one matching word outranks a
title word (1e3). Other terms weigh less, and spellings less again, still well above a title word."""
MUSCLE = "muscle"
"""The field of a muscle page's names, its parts' and the problems they answer."""
WORKS = "works"
"""The field of what an exercise works hardest and the problems that answers."""
NEEDS = "needs"
"""The field of what an exercise needs and its level."""
NEEDS_NOTHING = "needs_nothing"
"""The field that holds NOTHING_WORD for an exercise that needs no equipment."""
NOTHING_WORD = "noequipment"
"""What the search box sends for "no equipment" and "without equipment" (overrides/assets/search-query.js)."""
NAMES = "names"
"""The field a page's list of terms goes to."""
SPELLINGS = "spellings"
"""The field of other forms of the words."""
SEARCH_INDEX = "search/search_index.json"
"""Where Material's search plugin writes its index, inside the built site."""

NO_EQUIPMENT_TERMS = ("no equipment", "bodyweight", "without equipment")
"""What people type when they have nothing to train with."""
HOME_TERMS = ("home", "at home")
"""What people add when they train at home: what needs nothing works there (weighed as what it works, so that a
routine made for home still comes first for "at home")."""
ROUTINE_TERMS = ("routine", "workout", "session", "plan")
"""What people call a ready-made session."""

_WORD = re.compile(r"[^\W_]+")
_DOUBLED = re.compile(r"(\w)\1")
_SEPARATOR = re.compile(r"[\s\-]+")
"""What Material's search splits words at (the index's separator)."""


def equipment_terms(atlas: Atlas, equipment: Sequence[str], aliases: bool = True) -> list[str]:
    """Terms for what an exercise or routine needs: each item's names (or only its name), "band only" when it needs
    one thing, and the no-equipment words when it needs nothing."""
    needed = [item for item in equipment if atlas.needs_equipment((item,))]
    if not needed:
        return list(NO_EQUIPMENT_TERMS)
    names = {item: (atlas.equipment[item].name, *(atlas.equipment[item].aliases if aliases else ())) for item in needed}
    terms = [name for item in needed for name in names[item]]
    if len(needed) == 1:
        terms += [f"{name} only" for name in names[needed[0]]]
    return terms


STRETCH_TERMS = ("tight", "stiff", "stretch", "stretches", "stretching", "loosen", "mobility")
"""What people type when a muscle feels tight: a stretch's names carry them with the muscles it stretches."""


def exercise_terms(atlas: Atlas, exercise: Exercise) -> dict[str, list[str]]:
    """Terms of an exercise page: its name; its names, and for a stretch the muscles it stretches with the words for
    tightness; the muscles it works hardest (their names and aliases, and the problems they answer when it works one
    muscle hardest: the exercise most specific to it); what it needs by
    name and its level. Its equipment's other names and the words for needing nothing weigh as what it works: a
    machine called "rear delt machine" must not outweigh what the reader said they have, nor "bodyweight" outweigh
    "row" (the word for needing nothing weighs most, in a field of its own)."""
    stretched = [name for muscle in exercise.stretched for name in _muscle_names(atlas, muscle)]
    muscles = [name for muscle in exercise.primary for name in _muscle_names(atlas, muscle)]
    problems = [term for muscle in exercise.primary for term in _problems(atlas, muscle)] if len(exercise.primary) == 1 else []
    tight = list(STRETCH_TERMS) if stretched else []
    needs = equipment_terms(atlas, exercise.equipment, aliases=False)
    nothing = not atlas.needs_equipment(exercise.equipment)
    works = [*muscles, *problems, *(HOME_TERMS if nothing else ()), *(needs if nothing else ()),
             *(alias for item in exercise.equipment for alias in atlas.equipment[item].aliases)]
    own = set(term_words([exercise.name]))
    return {"name": [exercise.name], NAMES: [exercise.name, *exercise.aliases, *stretched, *tight],
            WORKS: [word for word in term_words(works) if word not in own],
            NEEDS: [*(() if nothing else needs), exercise.level.value],
            NEEDS_NOTHING: [] if atlas.needs_equipment(exercise.equipment) else [NOTHING_WORD],
            SPELLINGS: run_together([exercise.name, *exercise.aliases])}


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
    """Terms of a muscle page, as its name and its names: the group's and its parts' names, the problems they answer,
    and the usual misspellings of the names (people who misspell a muscle are looking for its page)."""
    names = [group.name, *group.aliases]
    parts = [name for part in group.parts.values() for name in (part.name, *part.aliases)]
    problems = [*group.search_terms, *(term for part in group.parts.values() for term in part.search_terms)]
    every = [*names, *parts, *problems]
    return {MUSCLE: every, NAMES: [*every, *misspellings(term_words([*names, *parts]))]}


def routine_terms(atlas: Atlas, routine: Routine) -> dict[str, list[str]]:
    """Terms of a routine page: what people call it (its `search_terms`) and the words for a session; its level, weighed
    as an exercise's; its name and the names of what it needs.

    Only exercises get "band only" and "no equipment": those queries look for exercises."""
    equipment = [name for item in routine.equipment_ids for name in (atlas.equipment[item].name, *atlas.equipment[item].aliases)]
    return {"name": list(routine.search_terms), NAMES: [*ROUTINE_TERMS, *routine.search_terms], NEEDS: [routine.level.value],
            "terms": [routine.name, *equipment], SPELLINGS: run_together(routine.search_terms)}


def term_words(terms: Sequence[str]) -> list[str]:
    """The words of the terms, lowercase, each once."""
    return list(dict.fromkeys(word for term in terms for word in _words_of(term)))


@cache
def _words_of(term: str) -> tuple[str, ...]:
    """A term's words, lowercase (the same terms recur on thousands of pages: each is split once)."""
    return tuple(_WORD.findall(term.casefold()))


def spellings(words: Sequence[str]) -> list[str]:
    """Other forms of the words: each one's plural and its spelling with doubled letters made single."""
    known = set(words)
    forms = (form for word in words if len(word) > 1 for form in _forms(word))
    return [form for form in dict.fromkeys(forms) if form not in known]


@cache
def _forms(word: str) -> tuple[str, ...]:
    """A word's plurals and its spelling with doubled letters made single (a site's pages share most of their words:
    each word's forms are made once)."""
    return (*_plurals(word), _DOUBLED.sub(r"\1", word))


def run_together(terms: Sequence[str], letters_only: bool = False) -> list[str]:
    """Each pair of neighbouring words of each term written as one ("face pull" -> "facepull"), and a longer term's
    words all as one ("bandpullapart"), as people type them; or only a single letter with the next word
    ("t-spine" -> "tspine"), as the search box sends them."""
    if letters_only:  # a letter standing alone, as the search box sees it: "t-spine", not the "s" of "boxer's"
        spaced = [_SEPARATOR.split(term.casefold()) for term in terms]
        return list(dict.fromkeys(first + second for each in spaced for first, second in zip(each, each[1:], strict=False)
                                  if len(first) == 1 and first.isalpha() and _WORD.fullmatch(second)))
    words = [_WORD.findall(term.casefold()) for term in terms]
    pairs = [first + second for each in words for first, second in zip(each, each[1:], strict=False)]
    return list(dict.fromkeys([*pairs, *("".join(each) for each in words if len(each) > 2)]))


MISSPELT = ((re.compile(r"(?<=[aeiou])i|i(?=[aeiou])"), "y"), (re.compile(r"(?<=[rpt])h"), ""),
            (re.compile(r"us\b"), "ous"), (re.compile(r"(?<=[aeiou]t)us\b"), "is"), (re.compile(r"ae\b"), "a"))
"""The misspellings people make most with Latin muscle names, each a pattern and what they write: y for i next to a
vowel ("rhomboyd"), no h after r, p or t ("romboid"), -ous for -us ("trapezious"), -is for -atus ("infraspinatis"),
-a for -ae ("scapula")."""


def misspellings(words: Sequence[str]) -> list[str]:
    """The usual misspellings of the words: doubled letters made single ("seratus"), and each of MISSPELT on its own."""
    known = set(words)
    forms = (form for word in words
             for form in (_DOUBLED.sub(r"\1", word), *(pattern.sub(replacement, word) for pattern, replacement in MISSPELT)))
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
    """The words of a page's terms by field, with the spellings of all of them: plurals, single letters for doubled
    ones, and the other forms the page gives under SPELLINGS. Terms arrive HTML-escaped."""
    by_field: Mapping[str, Sequence[str]] = terms if isinstance(terms, Mapping) else {NAMES: terms}
    fields = {name: term_words([html.unescape(term) for term in by_field.get(name, ())]) for name in FIELDS if name != SPELLINGS}
    own = term_words([html.unescape(term) for term in by_field.get(SPELLINGS, ())])
    words = list(dict.fromkeys(word for words in fields.values() for word in words))
    own += run_together([html.unescape(term) for name in ("name", NAMES) for term in by_field.get(name, ())], letters_only=True)
    listed = set(words)
    fields[SPELLINGS] = [form for form in dict.fromkeys([*own, *spellings([*words, *own])]) if form not in listed]
    return {name: words for name, words in fields.items() if words}


def add_search_terms(index: dict, terms_by_location: Mapping[str, PageTerms]) -> dict:
    """The search index with the terms' fields on each page's first entry (not on its sections)."""
    index["config"]["fields"].update({name: {"boost": boost} for name, boost in FIELDS.items()})
    for entry in index["docs"]:
        terms = terms_by_location.get(entry["location"])
        if terms:
            entry.update({name: " ".join(words) for name, words in term_fields(terms).items()})
    return index
