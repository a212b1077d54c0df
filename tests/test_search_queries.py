"""The query suite (tests/search_queries.yml), typed into the real search box of the real site.

UBA_SEARCH_QUERIES names another suite file in the same format (a held-out set, for example).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page

from browser import WatchedPage, open_context
from conftest import BuildResult

SUITE = Path(os.environ.get("UBA_SEARCH_QUERIES", Path(__file__).with_name("search_queries.yml")))

# Counts the queries the page sends to Material's search worker and the results it gets back, so a test
# can wait until the results on screen answer the last query typed (message types 2 and 3 in Material).
COUNT_WORKER_MESSAGES = """
(() => {
  const Original = window.Worker;
  window.__ubaSearch = { sent: 0, answered: 0 };
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => { if (event.data && event.data.type === 3) { window.__ubaSearch.answered += 1; } });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { window.__ubaSearch.sent += 1; }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


def search(page: Page, base: str, query: str) -> list[str]:
    """Type a query into the search box; the result pages, best first, as paths inside the site."""
    if (page.viewport_size or {}).get("width", 1280) < 960 and not page.is_checked("#__search"):
        page.click(".md-header label[for='__search']")  # on a phone the search box opens from its icon
    page.click(".md-search__input")
    # All but the last key arrive at once, as if pasted; Material searches on a key's release, so the last key typed
    # searches for the whole query, as the last key a person types does.
    page.fill(".md-search__input", query[:-1])
    page.keyboard.type(query[-1])
    page.wait_for_function("window.__ubaSearch.sent > 0 && window.__ubaSearch.sent === window.__ubaSearch.answered")
    page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => done(true)))")
    hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)")
    prefix = urlsplit(base).path
    return [urlsplit(href).path.removeprefix(prefix) for href in hrefs]


def _no_equipment_ids(site: BuildResult) -> set[str]:
    data = json.loads((site.site / "api/exercises.json").read_text(encoding="utf-8"))
    return {item["id"] for item in data["equipment"] if item.get("no_equipment") or item["id"] == "none"}


def _equipment_by_page(site: BuildResult) -> dict[str, set[str]]:
    data = json.loads((site.site / "api/exercises.json").read_text(encoding="utf-8"))
    return {exercise["url"]: set(exercise["equipment"]) for exercise in data["exercises"]}


def check_query(case: dict, top: list[str], equipment: dict[str, set[str]], free: set[str]) -> str | None:
    """What is wrong with the top three results of one query, or None."""
    missing = [path for path in case.get("pages", []) if path not in top]
    if missing:
        return f"missing {missing}"
    if "any_of" in case and not set(case["any_of"]) & set(top):
        return f"none of {case['any_of']}"
    if "needing_only" in case:
        allowed = set(case["needing_only"]) | free
        wrong = [path for path in top if path not in equipment or not equipment[path] <= allowed]
        if len(top) < 3 or wrong:
            return f"not exercises needing only {sorted(allowed)}: {wrong or top}"
    return None


def test_query_suite_finds_the_pages_in_the_top_three(browser, real_site: BuildResult,  # type: ignore[no-untyped-def]
                                                      real_site_url: str) -> None:
    cases = yaml.safe_load(SUITE.read_text(encoding="utf-8"))
    assert len(cases) >= 40
    context = open_context(browser, viewport={"width": 1280, "height": 900})
    context.add_init_script(COUNT_WORKER_MESSAGES)
    watched = WatchedPage(context.new_page())
    page = watched.page
    page.goto(real_site_url)
    equipment, free = _equipment_by_page(real_site), _no_equipment_ids(real_site)
    failures = {}
    for case in cases:
        top = search(page, real_site_url, case["query"])[:3]
        problem = check_query(case, top, equipment, free)
        if problem:
            failures[case["query"]] = f"{problem}; top 3: {top}"
    context.close()
    assert watched.foreign_requests() == []
    assert failures == {}, "\n".join(f"{query}: {problem}" for query, problem in failures.items())


def test_search_results_show_no_chips_of_terms(watched: WatchedPage, real_site_url: str) -> None:
    page = watched.page
    page.add_init_script(COUNT_WORKER_MESSAGES)
    page.goto(real_site_url)
    assert search(page, real_site_url, "face pull")[0] == "exercises/face-pull/"
    assert page.locator(".md-search-result .md-tag").count() == 0
    assert page.locator(".md-search-result__item").first.is_visible()
