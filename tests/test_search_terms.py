"""Search terms in their own index fields: each word once, with plurals and misspellings beside them."""

from __future__ import annotations

from atlas.site.search_terms import FIELDS, add_search_terms, misspellings, run_together, spellings, term_fields, term_words


def test_words_are_lowercase_and_once() -> None:
    assert term_words(["Face pull", "face pull", "Rear delts", "rear delt fly"]) == ["face", "pull", "rear", "delts", "delt", "fly"]


def test_spellings_hold_plurals_and_single_letters() -> None:
    assert spellings(["pull", "latissimus", "fly", "delts", "up"]) == ["pulls", "pul", "latisimus", "flies", "flys", "ups"]


def test_escaped_text_is_read_as_text() -> None:
    assert term_fields(["boxer&#x27;s muscle"]) == {"names": ["boxer", "s", "muscle"], "spellings": ["boxers", "muscles"]}
    every_field = {"name": ["Shrug"], "names": ["Shrug"], "terms": ["Upper traps"], "works": ["Traps"], "needs": ["Dumbbells"],
                   "needs_nothing": ["noequipment"], "muscle": ["Traps"]}
    assert set(term_fields(every_field)) == set(FIELDS)


def test_terms_go_on_the_page_entry_only() -> None:
    index = {"config": {"fields": {"title": {"boost": 1e3}}}, "docs": [
        {"location": "exercises/shrug/", "title": "Shrug", "text": ""},
        {"location": "exercises/shrug/#cues", "title": "Cues", "text": ""},
    ]}
    result = add_search_terms(index, {"exercises/shrug/": ["Shrug"]})
    assert result["docs"][0]["names"] == "shrug" and result["docs"][0]["spellings"] == "shrugs"
    assert "names" not in result["docs"][1]
    assert {name: field["boost"] for name, field in result["config"]["fields"].items()} == {"title": 1e3, **FIELDS}


def test_names_run_together_as_people_type_them() -> None:
    assert run_together(["Face pull", "Scap push-up"]) == ["facepull", "scappush", "pushup", "scappushup"]
    assert run_together(["T-bar row", "boxer's muscle", "Y raise"], letters_only=True) == ["tbar", "yraise"]
    assert "facepulls" in term_fields({"names": ["Face pull"], "spellings": run_together(["Face pull"])})["spellings"]


def test_muscle_names_get_their_usual_misspellings() -> None:
    assert set(misspellings(["rhomboids", "trapezius", "infraspinatus", "serratus", "scapulae"])) >= {
        "rhomboyds", "romboids", "trapezious", "infraspinatis", "seratus", "scapula"}
