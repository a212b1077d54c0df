"""The query suite (tests/search_queries.yml), typed into the real search box of the real site.

UBA_SEARCH_QUERIES names another suite file in the same format (a held-out set, for example).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

from browser import WatchedPage, search
from conftest import BuildResult

MIN_QUERIES = 80
"""Our own suite holds at least this many queries (another suite, such as a held-out one, may hold fewer)."""
PASS_RATE = 0.95
"""At least this share of the queries find their pages in the top three (a held-out suite is held to the same)."""
SUITE = Path(os.environ.get("UBA_SEARCH_QUERIES", Path(__file__).with_name("search_queries.yml")))


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


def test_query_suite_finds_the_pages_in_the_top_three(shared_page: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    cases = yaml.safe_load(SUITE.read_text(encoding="utf-8"))
    assert len(cases) >= MIN_QUERIES or "UBA_SEARCH_QUERIES" in os.environ, "our own suite holds enough queries"
    page = shared_page.page
    page.goto(real_site_url)
    equipment, free = _equipment_by_page(real_site), _no_equipment_ids(real_site)
    failures, empty = {}, []
    for case in cases:
        found = search(page, real_site_url, case["query"])
        if not found:
            empty.append(case["query"])
        problem = check_query(case, found[:3], equipment, free)
        if problem:
            failures[case["query"]] = f"{problem}; top 3: {found[:3]}"
    assert empty == [], "every query finds something"
    report = "\n".join(f"{query}: {problem}" for query, problem in failures.items())
    assert len(failures) <= len(cases) * (1 - PASS_RATE), f"{len(failures)} of {len(cases)} queries fail:\n{report}"


def test_search_results_show_no_chips_of_terms(shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(real_site_url)
    assert search(page, real_site_url, "face pull")[0] == "exercises/face-pull/"
    assert page.locator(".md-search-result .md-tag").count() == 0
    assert page.locator(".md-search-result__item").first.is_visible()
