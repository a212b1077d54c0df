"""What a search query downloads and how soon its first result shows: `.venv/bin/python benchmarks/search.py --size 5000`.

Builds the synthetic project of run.py (same records, same seed) with the hooks in a temporary folder, or measures a
site already built (`--site DIR`, such as a build of an older commit, for a before/after), serves it on 127.0.0.1 and
types each query into the search box in headless Chromium (tests/browser.py's Chromium), in a fresh browser context
each time (nothing cached), after opening the home page:

- pasted: all but the last letter at once, then the last key, as the test suite types (Material searches on a key's
  release); the time is from that key to the results of the whole query on screen, measured in the page;
- typed: letter by letter, as a person types (each key's release sends a query); bytes for the whole word.

`--whole-index` measures the site as it was before the shards, for a before/after of the same content: a copy whose
search/search_index.json is Material's whole index again (each page's entry, and each field's words rebuilt from the
postings, the same words as often) and whose home page names Material's own worker.

Bytes are the response bodies (Playwright's request sizes) of the search's requests from the page's load until the
results show: the search entry (or the whole index), the worker, the shards and the pages' entries. Prints a Markdown table.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
from dataclasses import dataclass  # noqa: E402

from browser import chromium, open_context, serve_folder  # noqa: E402
from playwright.sync_api import Browser, BrowserContext, Page, Request  # noqa: E402
from synthetic import make_project  # noqa: E402

from atlas.site.build_cache import CACHE_SETTING  # noqa: E402
from atlas.site.search_shards import CHUNKS, ENTRY  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
QUERIES = ("face pull", "lower traps", "rear delts no equipment", "shoulder blade sticks out", "band pull apart",
           "rotator cuff", "upper back pain at desk", "kettlebell row", "at home", "shrugs")
"""Queries of the suite (tests/search_queries.yml) and of the ranking tests, short and long."""
BYTES_BUDGET = 300_000
MS_BUDGET = 300

ANSWERED = "window.__ubaSearch.sent > 0 && window.__ubaSearch.sent === window.__ubaSearch.answered"
TIME_LAST_KEY = """() => { window.__ubaTiming = new Promise(done => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  let start = 0;
  const seen = new MutationObserver(() => {
    if (start && window.__ubaSearch.sent === window.__ubaSearch.answered && list.children.length) {
      seen.disconnect(); done(performance.now() - start);
    }
  });
  seen.observe(list, {childList: true});
  input.addEventListener('keyup', () => { start = performance.now(); }, {once: true});
}); }"""
"""Starts timing from the next key's release in the search box until results answer the last query sent."""


@dataclass(frozen=True)
class QueryCost:
    query: str
    pasted_bytes: int
    pasted_requests: int
    first_result_ms: float
    typed_bytes: int
    first: str


def measure(browser: Browser, base: str, query: str) -> QueryCost:
    pasted_bytes, requests, ms, first = _pasted(browser, base, query)
    return QueryCost(query, pasted_bytes, requests, ms, _typed(browser, base, query), first)


def _counting(context: BrowserContext) -> list[Request]:
    finished: list[Request] = []
    context.on("requestfinished", lambda request: finished.append(request))
    return finished


def _search_requests(requests: list[Request]) -> list[Request]:
    """The requests of the search: the entry or whole index and everything under search/, and the search worker (our
    worker and Material's are fetched when a page loads, the index when the search box is opened or before)."""
    return [request for request in requests if "/search/" in request.url or "search-worker" in request.url
            or "/workers/search." in request.url]


def _body_bytes(requests: list[Request]) -> int:
    return sum(max(0, request.sizes()["responseBodySize"]) for request in _search_requests(requests))


def _search_box(context: BrowserContext, base: str) -> tuple[Page, list[Request]]:
    """The home page with the search box focused, and the requests finished from its opening on."""
    page = context.new_page()
    finished = _counting(context)
    page.goto(base)
    page.wait_for_load_state("networkidle")
    page.click(".md-search__input")
    return page, finished


def _pasted(browser: Browser, base: str, query: str) -> tuple[int, int, float, str]:
    context = open_context(browser)
    try:
        page, finished = _search_box(context, base)
        page.fill(".md-search__input", query[:-1])
        page.evaluate(TIME_LAST_KEY)
        page.keyboard.type(query[-1])
        ms = float(page.evaluate("window.__ubaTiming"))
        page.wait_for_function(ANSWERED)
        first = page.eval_on_selector(".md-search-result__item > .md-search-result__link", "e => new URL(e.href).pathname")
        page.wait_for_load_state("networkidle")
        return _body_bytes(finished), len(_search_requests(finished)), ms, first
    finally:
        context.close()


def _typed(browser: Browser, base: str, query: str) -> int:
    context = open_context(browser)
    try:
        page, finished = _search_box(context, base)
        page.keyboard.type(query, delay=80)
        page.wait_for_function(ANSWERED)
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_load_state("networkidle")
        return _body_bytes(finished)
    finally:
        context.close()


def build(size: int, seed: int, folder: Path) -> Path:
    root, site = folder / "project", folder / "site"
    make_project(REPO, root, size, seed)
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **{CACHE_SETTING: str(folder / "cache")})
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)], cwd=root, env=environment,
                   check=True, timeout=3600)
    return site


def whole_index(site: Path, copy: Path) -> Path:
    """A copy of a sharded site with Material's whole index and Material's worker on its home page."""
    shutil.copytree(site, copy)
    entry = json.loads((site / ENTRY).read_text(encoding="utf-8"))
    config = entry["config"]
    chunks = config.pop(CHUNKS)
    folder = site / "search" / chunks["version"]
    fields = list(config["fields"])
    docs: list[dict[str, object]] = []
    for number in range(len(chunks["pages"])):
        for location, title, text, *tags in json.loads((folder / "pages" / f"{number}.json").read_text(encoding="utf-8")):
            docs.append({"location": location, "title": title, "text": text, **({"tags": tags[0]} if tags else {})})
    words: dict[int, dict[str, list[str]]] = {}
    for number in range(len(chunks["keys"])):
        for word, posting in json.loads((folder / "terms" / f"{number}.json").read_text(encoding="utf-8")).items():
            for field, times, _boost, *gaps in posting[2:]:
                if fields[field] in ("title", "text", "tags"):
                    continue
                doc = 0
                for gap in gaps:
                    doc += gap
                    words.setdefault(doc, {}).setdefault(fields[field], []).extend([word] * times)
    boosts = {}
    for number in range(len(chunks["keys"])):
        for posting in json.loads((folder / "terms" / f"{number}.json").read_text(encoding="utf-8")).values():
            for _field, _times, boost, *gaps in posting[2:]:
                doc = 0
                for gap in gaps:
                    doc += gap
                    boosts[doc] = boost
    for number, doc in enumerate(docs):
        doc.update({name: " ".join(values) for name, values in words.get(number, {}).items()})
        if boosts.get(number, 1) != 1:
            doc["boost"] = boosts[number]
    (copy / ENTRY).write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    worker = next((copy / "assets/javascripts/workers").glob("search.*.min.js")).name
    home = copy / "index.html"
    home.write_text(re.sub(r'"search":\s*"[^"]*"', f'"search": "assets/javascripts/workers/{worker}"', home.read_text(encoding="utf-8")),
                    encoding="utf-8")
    return copy


def report(site: Path, label: str) -> list[QueryCost]:
    with serve_folder(site) as base, chromium() as browser:
        costs = [measure(browser, base, query) for query in QUERIES]
    print(f"## {label}\n")
    print("| query | first result | bytes (pasted) | requests | ms to results | bytes (typed letter by letter) |")
    print("|---|---|---|---|---|---|")
    for cost in costs:
        print(f"| {cost.query} | {cost.first} | {cost.pasted_bytes:,} | {cost.pasted_requests} | {cost.first_result_ms:.0f} "
              f"| {cost.typed_bytes:,} |")
    worst_bytes = max(max(cost.pasted_bytes, cost.typed_bytes) for cost in costs)
    times = [cost.first_result_ms for cost in costs]
    print(f"\nLargest download: {worst_bytes:,} B (budget {BYTES_BUDGET:,}); ms to results: median "
          f"{statistics.median(times):.0f}, max {max(times):.0f} (budget {MS_BUDGET}).\n")
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=5000, help="exercises in the synthetic project (default 5000)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the synthetic records (as run.py; default 2024)")
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
    parser.add_argument("--label", help="the report's heading")
    parser.add_argument("--whole-index", action="store_true", help="also measure the same site with Material's whole index")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="uba-search-") as folder:
        site = arguments.site or build(arguments.size, arguments.seed, Path(folder))
        label = arguments.label or (str(arguments.site) if arguments.site else f"{arguments.size:,} exercises")
        report(site, f"{label}: shards and our worker")
        if arguments.whole_index:
            report(whole_index(site, Path(folder) / "whole"), f"{label}: Material's whole index and worker (before)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
