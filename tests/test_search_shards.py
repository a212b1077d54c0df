"""The search index in shards (hooks/atlas/site/search_shards.py): lunr's words, small files, a query's bytes bounded."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from atlas.site import build_cache, search_shards
from atlas.site.search_shards import (CHUNKS, ENTRY, SHARD_BYTES, js_pattern, search_files, site_search_files, tokens,
                                      write_search_shards)
from atlas.site.search_terms import FIELDS, add_search_terms

CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6},
                     **{name: {"boost": boost} for name, boost in FIELDS.items()}}}
WORDS = ("row", "rows", "rowing", "pull", "pulldown", "pullover", "press", "raise", "shrug", "shoulder", "shoulders", "blade",
         "band", "bands", "banded", "bench", "back", "upper", "lower", "traps", "trapezius", "rhomboids", "lats", "delts",
         "rear", "cable", "dumbbell", "kettlebell", "barbell", "kneeling", "standing", "seated", "prone", "incline", "grip",
         "hold", "pause", "tempo", "slow", "single", "arm", "face", "apart", "carry", "walk", "y", "t", "w", "the", "with")
QUERY_BUDGET = 150_000
"""Bytes a query may download at this size (the entry, the shards of its words and the shown pages' entries)."""


def synthetic_index(pages: int, seed: int = 7) -> dict[str, Any]:
    """A Material index of `pages` exercise pages (each with a section now and then) in the words of WORDS."""
    rng = random.Random(seed)
    docs: list[dict[str, Any]] = []
    for number in range(pages):
        name = " ".join(rng.sample(WORDS, 4)).capitalize()
        text = "<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>"
        docs.append({"location": f"exercises/e{number}/", "title": name, "text": text, "boost": 2,
                     "name": name.lower(), "works": " ".join(rng.sample(WORDS, 3)), "needs": rng.choice(("beginner", "advanced"))})
        if number % 5 == 0:
            cues = " ".join(rng.sample(WORDS, 8))
            docs.append({"location": f"exercises/e{number}/#cues", "title": "Cues", "text": f"<ul><li>{cues}</li></ul>", "boost": 2})
    return {"config": CONFIG, "docs": docs}


def _needed(chunks: dict[str, Any], word: str) -> list[int]:
    """The shards the search worker fetches for a typed word (overrides/assets/search-worker.js, keysFor)."""
    keys = chunks["keys"]
    starting = [key for key in keys if word.startswith(key)]
    extending = [key for key in keys if len(word) > 1 and len(key) > len(word) and key.startswith(word)]
    return sorted({keys.index(key) for key in [*extending, *starting[-1:]]})


def test_tokens_are_material_tokens() -> None:
    separator = js_pattern(r"[\s\-]+")
    assert tokens('<p>A rope-pull <code>x&amp;y</code> face,\u00a0Pull</p>', separator) == ["a", "rope", "pull", "x&amp;y", "face,", "pull"]
    assert tokens(None, separator) == [] and tokens(["Band", "pull-apart"], separator) == ["band", "pull", "apart"]


def test_the_entry_is_small_and_the_shards_hold_every_word_once() -> None:
    files = search_files(synthetic_index(1500))
    entry = json.loads(files[ENTRY])
    chunks = entry["config"][CHUNKS]
    assert entry["docs"] == [] and len(files[ENTRY]) < 10_000
    words: dict[str, Any] = {}
    for number in range(len(chunks["keys"])):
        shard = json.loads(files[f"search/{chunks['version']}/terms/{number}.json"])
        assert not set(shard) & set(words)
        words |= shard
    assert "the" not in words and "with" not in words  # lunr's stop words are not indexed
    assert {"row", "rows", "rowing", "pulldown", "y"} <= set(words)
    assert sum(1 for name in files if "/pages/" in name) == 1500


def test_a_query_downloads_a_bounded_share_of_the_index() -> None:
    files = search_files(synthetic_index(3000))
    chunks = json.loads(files[ENTRY])["config"][CHUNKS]
    shards = {number: len(files[f"search/{chunks['version']}/terms/{number}.json"]) for number in range(len(chunks["keys"]))}
    total = sum(shards.values()) + sum(len(data) for name, data in files.items() if "/pages/" in name)
    page = max(len(data) for name, data in files.items() if "/pages/" in name)
    assert max(shards.values()) < 2 * SHARD_BYTES
    for query in ("shoulder", "band pull apart", "rear delts kneeling row", "r", "ro", "pu"):
        needed = {number for word in query.split() for number in _needed(chunks, word)}
        download = len(files[ENTRY]) + sum(shards[number] for number in needed) + chunks["results"] * page
        assert download < QUERY_BUDGET, (query, download)
        assert download < total / 5, (query, download, total)


def test_the_same_index_gives_the_same_bytes() -> None:
    assert search_files(synthetic_index(200)) == search_files(synthetic_index(200))


def test_a_rebuild_in_the_same_folder_leaves_only_its_own_shards(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` rebuilds in place: the shards of the index before an edit go, the new ones and the entry
    stay (else every edit would add a folder of stale shards, which the offline worker would precache)."""
    site = tmp_path / "site"
    before, after = synthetic_index(50, seed=1), synthetic_index(50, seed=2)
    write_search_shards(site, search_files(before))
    write_search_shards(site, search_files(after))
    written = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    assert written == set(search_files(after))
    versions = [json.loads(entry)["config"][CHUNKS]["version"] for entry in ((site / ENTRY).read_bytes(), search_files(before)[ENTRY])]
    assert versions[0] != versions[1]


def test_a_rebuild_links_the_shards_an_edit_left_unchanged(tmp_path: Path) -> None:
    """After an edit of one page, the new version's shards whose bytes did not change are the earlier files, linked
    (a serve rebuild then makes only the files that changed), and every file holds the new index's bytes."""
    site = tmp_path / "site"
    before = synthetic_index(50)
    after = json.loads(json.dumps(before))
    after["docs"][3]["text"] = "<p>an edited summary</p>"
    write_search_shards(site, search_files(before))
    earlier = {path.read_bytes(): path.stat().st_ino for path in site.glob("search/*/*/*.json")}
    write_search_shards(site, search_files(after))
    files = {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}
    assert {relative: path.read_bytes() for relative, path in files.items()} == search_files(after)
    unchanged = [path for path in site.glob("search/*/*/*.json") if path.read_bytes() in earlier]
    assert len(unchanged) > len(files) // 2
    assert all(path.stat().st_ino == earlier[path.read_bytes()] for path in unchanged)


def test_an_index_and_terms_the_last_build_had_give_its_files_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm build whose pages are the same as its project's last build takes the search files kept
    (build_cache.SEARCH_FILES), byte for byte what making them again gives; other terms, or another index, make them
    again and replace them (one entry a project); another project's build keeps its own; serve keeps nothing."""
    monkeypatch.setenv(build_cache.CACHE_SETTING, str(tmp_path / "cache"))
    made: list[int] = []
    real = search_shards.search_files
    monkeypatch.setattr(search_shards, "search_files", lambda index: made.append(1) or real(index))
    site, project, other_project = tmp_path / "site", tmp_path / "project", tmp_path / "other"
    (site / "search").mkdir(parents=True)
    index = synthetic_index(60)
    (site / ENTRY).write_text(json.dumps(index), encoding="utf-8")
    terms = {"exercises/e3/": {"name": ["Band pull-apart"], "names": ["reverse fly"]}, "exercises/e4/": ["rowing"]}
    other_terms = {**terms, "exercises/e5/": ["kettlebell"]}

    def expected(terms: dict[str, Any]) -> dict[str, bytes]:
        return real(add_search_terms(json.loads(json.dumps(index)), terms))

    def kept() -> list[Path]:
        return sorted(path for path in (tmp_path / "cache" / "search-files").rglob("*") if path.is_file())

    assert site_search_files(site, terms, project) == expected(terms) and len(made) == 1
    assert site_search_files(site, dict(reversed(terms.items())), project) == expected(terms) and len(made) == 1  # kept
    assert site_search_files(site, other_terms, other_project) == expected(other_terms) and len(made) == 2
    assert site_search_files(site, terms, project) == expected(terms) and len(made) == 2  # the other project's kept apart
    assert site_search_files(site, other_terms, project) == expected(other_terms) and len(made) == 3
    assert len(kept()) == 2  # one a project: the last build's
    index["docs"][0]["title"] = "An edited title"
    (site / ENTRY).write_text(json.dumps(index), encoding="utf-8")
    assert site_search_files(site, other_terms, project) == expected(other_terms) and len(made) == 4
    before = {path: path.read_bytes() for path in kept()}
    assert site_search_files(site, terms, None) == expected(terms) and len(made) == 5  # serve: made, neither found nor kept
    assert {path: path.read_bytes() for path in kept()} == before
