"""The search index in shards: a query downloads the postings of the words typed and the pages it shows, not the index.

Material's search downloads search/search_index.json whole (1.4 KB an exercise) and builds a lunr index of it in its
worker. Here the build does lunr's indexing instead, exactly as Material's worker does it (its tokenizer, the stop word
filter of its pipeline, one posting per word, field and document), and writes:

- search/search_index.json, the entry: Material's config (which the theme still reads) with CHUNKS, what the worker
  needs to find the rest; its `docs` are empty, so the entry stays small (a few KB at 5,000 exercises);
- search/<version>/terms/<n>.json: the postings of every word whose start is the shard's key (two letters, or more
  where two letters would make a big shard), with each word's lunr term index and document frequency;
- search/<version>/pages/<n>.json: a page's own entry and its sections' (location, title, text): fetched only for the
  pages a query shows.

overrides/assets/search-worker.js reads them and scores as lunr and Material do (a prefix query, the fields' boosts,
the page's boost, Material's boost for matching every word), so the ranking stays what it was. Every file is under
search/ (FOLDER): the offline worker can precache the entry alone and keep the rest when read. The version is a hash
of the shards' bytes: a page of an older build never mixes with the entry of a newer one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from atlas.site.build_cache import SEARCH_FILES
from atlas.site.publishing import write_whole
from atlas.site.search_terms import SEARCH_INDEX, PageTerms, add_search_terms

FOLDER = "search/"
"""Every file of the search index is under this folder of the built site."""
ENTRY = SEARCH_INDEX
"""The entry file: where Material's theme fetches the index from."""
CHUNKS = "chunks"
"""The key of the entry's config that describes the shards (the worker's only other input is Material's config)."""
SHARD_BYTES = 24_000
"""A shard of a word start larger than this is split by the next letter (up to KEY_LETTERS letters)."""
KEY_LETTERS = 4
"""The longest key a shard may have."""
TEXT_CHARACTERS = 8_000
"""A page entry's text is cut after the last whole block (paragraph, list, table) that ends within this many characters:
the results show a teaser, and an index page's text (the list of every exercise: 600 KB at 5,000) would otherwise be
fetched whole by a query that shows it. Its words are all indexed."""
RESULTS = 10
"""How many pages a query shows, as many as Material shows before the reader scrolls (the worker fetches their entries)."""

STOP_WORDS = (
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does", "either", "else", "ever",
    "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers", "him", "his", "how", "however", "i",
    "if", "in", "into", "is", "it", "its", "just", "least", "let", "like", "likely", "may", "me", "might", "most", "must",
    "my", "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or", "other", "our", "own", "rather", "said",
    "say", "says", "she", "should", "since", "so", "some", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "tis", "to", "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "yet", "you", "your")
"""lunr 2.3.9's English stop words (lunr.stopWordFilter), the one step of the pipeline Material's index config keeps."""

_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
"""What `\\s` matches in JavaScript (Python's `\\s` differs on a few code points)."""
_ANGLES = re.compile("[<>]")
"""Where an HTML string's tags start and end (text_blocks)."""


@dataclass
class _Term:
    index: int
    """lunr's term index: the order in which indexing first met the word."""
    postings: dict[int, dict[int, int]] = field(default_factory=dict)
    """Field number -> document number -> how often the word occurs there."""

    @property
    def frequency(self) -> int:
        """lunr's document frequency: documents per field, added up over the fields."""
        return sum(len(documents) for documents in self.postings.values())


def js_pattern(separator: str) -> re.Pattern[str]:
    """Material's separator (a JavaScript regular expression) for Python's `re`: `\\s` as JavaScript reads it."""
    parts, in_class, position = [], False, 0
    while position < len(separator):
        pair = separator[position:position + 2]
        if pair == "\\s":
            parts.append(_JS_SPACE if in_class else f"[{_JS_SPACE}]")
            position += 2
            continue
        if separator[position] == "\\":
            parts.append(pair)
            position += 2
            continue
        in_class = (in_class or separator[position] == "[") and separator[position] != "]"
        parts.append(separator[position])
        position += 1
    return re.compile("".join(parts))


def text_blocks(value: str) -> Iterator[str]:
    """The text between the tags of an HTML string, as Material's `extract` walks it: a block ends before each `<` and
    starts again after each `>` (text before a `>` with no `<` is dropped, as Material drops it)."""
    start = 0
    for angle in _ANGLES.finditer(value):
        at = angle.start()
        if value[at] == ">":
            start = at + 1
        elif at > start:
            yield value[start:at]
            start = at
    if len(value) > start:
        yield value[start:]


def teaser(text: str) -> str:
    """The text up to the end of its last top-level block that ends within TEXT_CHARACTERS (Material's blocks)."""
    if len(text) <= TEXT_CHARACTERS:
        return text
    cut = start = stack = 0
    for end, char in enumerate(text[:TEXT_CHARACTERS]):
        if char == ">":
            if text[start + 1:start + 2] == "/":
                stack -= 1
                if stack == 0:
                    cut = end + 1
            elif text[end - 1:end] != "/":
                stack += 1
            start = end + 1
        elif char == "<" and end > start:
            start = end
    return text[:cut]


def tokens(value: str | Sequence[str] | None, separator: re.Pattern[str]) -> list[str]:
    """The words Material's tokenizer makes of a field: its text split at the separator, lowercase."""
    if value is None:
        return []
    words = []
    for each in [value] if isinstance(value, str) else value:
        for block in text_blocks(each):
            words += [word.lower() for word in separator.split(block) if word]
    return words


def article_sizes(docs: Sequence[Mapping[str, Any]]) -> list[int]:
    """For each page, how many index entries it has (itself and its sections), in order; Material takes the first entry
    of a path as the page and the next ones of that path as its sections."""
    sizes: list[int] = []
    last = None
    for doc in docs:
        path = str(doc["location"]).split("#")[0]
        if path == last:
            sizes[-1] += 1
        else:
            sizes.append(1)
            last = path
    return sizes


def _index_terms(index: Mapping[str, Any]) -> dict[str, _Term]:
    config, docs = index["config"], index["docs"]
    separator, fields, stop = js_pattern(config["separator"]), list(config["fields"]), set(STOP_WORDS)
    if "stopWordFilter" not in config.get("pipeline", ()):
        stop = set()
    terms: dict[str, _Term] = {}
    for number, doc in enumerate(docs):
        for field_number, name in enumerate(fields):
            for word, times in Counter(tokens(doc.get(name), separator)).items():  # words in the order first met
                if word in stop:
                    continue
                term = terms.get(word)
                if term is None:
                    term = terms[word] = _Term(len(terms))
                term.postings.setdefault(field_number, {})[number] = times
    return terms


def _encoded(term: _Term, boosts: Sequence[float]) -> list[Any]:
    """[term index, document frequency, [field, times, page boost, document numbers as gaps...], ...]."""
    groups: dict[tuple[int, int, float], list[int]] = {}
    for field_number, counts in sorted(term.postings.items()):
        for document, times in counts.items():
            groups.setdefault((field_number, times, boosts[document]), []).append(document)
    encoded: list[Any] = [term.index, term.frequency]
    for (field_number, times, boost), documents in sorted(groups.items()):
        gaps = [documents[0], *(later - earlier for earlier, later in zip(documents, documents[1:], strict=False))]
        encoded.append([field_number, times, _number(boost), *gaps])
    return encoded


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _shard_keys(sizes: Mapping[str, int]) -> dict[str, str]:
    """Each word's shard key: its first two letters, longer where a shard would be larger than SHARD_BYTES."""
    keys = {word: word[:2] for word in sizes}
    while True:
        totals: dict[str, int] = {}
        for word, key in keys.items():
            totals[key] = totals.get(key, 0) + sizes[word]
        big = {key for key, total in totals.items() if total > SHARD_BYTES and len(key) < KEY_LETTERS}
        if not big:
            return keys
        keys = {word: word[:len(key) + 1] if key in big else key for word, key in keys.items()}


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def search_files(index: Mapping[str, Any]) -> dict[str, bytes]:
    """The entry and the shards of Material's search index (with our terms' fields), by path inside the site."""
    config, docs = index["config"], index["docs"]
    boosts = [float(doc.get("boost") or 1) for doc in docs]
    terms = _index_terms(index)
    encoded = {word: _encoded(term, boosts) for word, term in terms.items()}
    keys = _shard_keys({word: len(_json([word, posting])) for word, posting in encoded.items()})
    shards: dict[str, dict[str, Any]] = {}
    for word in sorted(encoded):
        shards.setdefault(keys[word], {})[word] = encoded[word]
    ordered_keys = sorted(shards)
    sizes = article_sizes(docs)
    pages, start = [], 0
    for size in sizes:
        pages.append([[doc["location"], doc["title"], teaser(doc["text"]), *([doc["tags"]] if doc.get("tags") else [])]
                      for doc in docs[start:start + size]])
        start += size
    content = {**{f"terms/{number}.json": _json(shards[key]) for number, key in enumerate(ordered_keys)},
               **{f"pages/{number}.json": _json(page) for number, page in enumerate(pages)}}
    digest = hashlib.sha256()
    for name, data in content.items():
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    version = digest.hexdigest()[:12]
    chunks = {"version": version, "documents": len(docs), "pages": "".join(chr(48 + size - 1) for size in sizes),
              "keys": ordered_keys, "stop_words": list(STOP_WORDS) if "stopWordFilter" in config.get("pipeline", ()) else [],
              "results": RESULTS}
    entry = {"config": {**config, CHUNKS: chunks}, "docs": []}
    return {ENTRY: _json(entry), **{f"{FOLDER}{version}/{name}": data for name, data in content.items()}}


class ServedEntries:
    """The search index of every page while `mkdocs serve --dirty` rebuilds: each page's entries and terms from the last
    build that converted it.

    A dirty rebuild converts only the pages a save changed: only they give terms, and Material's search plugin merges
    their entries into its last index by the address of the first one alone (a save that changes several pages leaves
    the others' old entries beside their new ones, and one that changes the home page, whose address "" starts every
    other, drops every other page's). So the served index is made here: a page this build converted (it has terms, if
    only none) gives its new entries (the last ones Material wrote for its address) and terms, every other page those
    it had before, in the order of the site's pages."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Mapping[str, Any]]] = {}
        self._terms: dict[str, PageTerms] = {}
        self._pages: list[str] = []

    def start(self, pages: Sequence[str]) -> None:
        """A build of these pages (their addresses, in the site's order) starts."""
        self._pages = list(pages)

    def merged(self, index: Mapping[str, Any],
               terms_by_location: Mapping[str, PageTerms]) -> tuple[dict[str, Any], dict[str, PageTerms]]:
        """Material's index of this build and the terms of the pages it converted, with every page's as described above."""
        latest: dict[str, list[Mapping[str, Any]]] = {}
        previous = None
        for entry in index["docs"]:  # a page's entries are consecutive; a later run of them replaces an earlier one
            page = str(entry["location"]).split("#")[0]
            if page != previous:
                latest[page] = []
            latest[page].append(entry)
            previous = page
        converted = terms_by_location.keys()
        self._entries = {page: latest.get(page, []) if page in converted else self._entries.get(page, latest.get(page, []))
                         for page in self._pages}
        self._terms = {page: terms_by_location[page] if page in converted else self._terms.get(page, []) for page in self._pages}
        return {**index, "docs": [entry for page in self._pages for entry in self._entries[page]]}, dict(self._terms)

    def search_files(self, site_dir: Path, terms_by_location: Mapping[str, PageTerms]) -> Callable[[], dict[str, bytes]]:
        """The search files of this dirty rebuild (`terms_by_location`: of the pages it converted): every page's entries
        and terms are merged now, from the index Material's plugin has just written; the shards are made when called."""
        index, terms = self.merged(json.loads((site_dir / ENTRY).read_text(encoding="utf-8")), terms_by_location)
        return partial(_search_files_with_terms, index, terms)


def _search_files_with_terms(index: dict[str, Any], terms_by_location: Mapping[str, PageTerms]) -> dict[str, bytes]:
    return search_files(add_search_terms(index, terms_by_location))


def site_search_files(site_dir: Path, terms_by_location: Mapping[str, PageTerms], project: Path | None) -> dict[str, bytes]:
    """The search files of a built site: Material's index, as its plugin wrote it, with the terms of its pages, in shards
    (index_search_files)."""
    return index_search_files((site_dir / ENTRY).read_text(encoding="utf-8"), terms_by_location, project)


def index_search_files(raw: str, terms_by_location: Mapping[str, PageTerms], project: Path | None) -> dict[str, bytes]:
    """The search files of Material's index (`raw`: its JSON, as its plugin writes it) with the terms of its pages
    (add_search_terms), in shards (search_files). An index and terms the last build of `project` had give that build's
    files, kept (SEARCH_FILES); with no project nothing is looked up or kept."""
    if project is None:
        return _search_files_with_terms(json.loads(raw), terms_by_location)
    made: dict[str, bytes] = {}

    def make() -> str:
        made.update(_search_files_with_terms(json.loads(raw), terms_by_location))
        return json.dumps({path: data.decode("utf-8") for path, data in made.items()}, ensure_ascii=False)

    kept = SEARCH_FILES.text(project, (raw, json.dumps(terms_by_location, sort_keys=True)), make)
    return made or {path: text.encode("utf-8") for path, text in json.loads(kept).items()}


def write_search_shards(site_dir: Path, files: Mapping[str, bytes]) -> None:
    """Replace the built site's search index (written whole by Material's plugin) by its entry and shards (`files`, from
    search_files), and remove the shards of earlier versions (`mkdocs serve --dirty` rebuilds in the same folder).

    A shard whose bytes an earlier version's folder already holds is linked from there, not written: after an edit most
    shards are unchanged, and making a file costs far more than a link. The entry is written last, and whole, so it never
    names a version whose shards are not all in place."""
    earlier = [folder for folder in (site_dir / FOLDER).glob("*/") if folder.is_dir()]
    kept = _files_by_bytes(earlier)
    for relative, data in files.items():
        if relative != ENTRY:
            _place(site_dir / relative, data, kept.get(data))
    write_whole(site_dir / ENTRY, files[ENTRY])
    current = {PurePosixPath(relative).parts[1] for relative in files if relative != ENTRY}
    for folder in earlier:
        if folder.name not in current:
            shutil.rmtree(folder)


def _files_by_bytes(folders: Sequence[Path]) -> dict[bytes, Path]:
    """Every file in `folders`, by its bytes."""
    return {path.read_bytes(): path for folder in folders for path in folder.rglob("*.json") if path.is_file()}


def _place(path: Path, data: bytes, same: Path | None) -> None:
    """Write `data` at `path`, or link `same` (a file holding exactly `data`) there."""
    if same == path:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if same is not None:
        with contextlib.suppress(OSError):  # a file system without links, or `path` already there: written below
            os.link(same, path)
            return
    path.write_bytes(data)
