"""Finding exercises by muscle in real headless Chromium: search and the finder (the muscle map: test_muscle_map_browser.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from browser import FINDER_DRAWN, WatchedPage, open_context, search
from conftest import BuildResult

SEARCHES = [
    # query, the first result, what the next results must be
    ("rhomboids", "muscles/rhomboids/", "exercises/"),
    ("rhomboid", "muscles/rhomboids/", "exercises/"),
    ("traps", "muscles/traps/", "exercises/"),
    ("trapezius", "muscles/traps/", "exercises/"),
    ("mid traps", "muscles/traps/", None),  # "mid" also starts "middle deltoid" and "midsection" (core)
    ("rear delts", "muscles/rear-delts/", "exercises/"),
    ("posterior deltoid", "muscles/rear-delts/", "exercises/"),
    ("rotator cuff", "muscles/rotator-cuff/", "exercises/"),
    ("infraspinatus", "muscles/rotator-cuff/", "exercises/"),
    ("lats", "muscles/lats/", "exercises/"),
    ("bent over row", "exercises/bent-over-row/", None),
    ("band pull apart", "exercises/band-pull-apart/", None),
    ("suitcase carry", "exercises/suitcase-carry/", None),
    ("face pull", "exercises/face-pull/", None),
]


def test_search_puts_the_muscle_first_and_its_exercises_next(shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(real_site_url)
    failures = {}
    for query, first, following in SEARCHES:
        results = search(page, real_site_url, query)
        # The muscle first; exercises next, though a focus routine or a muscle of a similar name may come between.
        if not results or results[0] != first or (following and sum(path.startswith(following) for path in results[1:5]) < 2):
            failures[query] = results[:5]
    assert failures == {}


PAGE = 60
"""How many results the finder lists at first, and adds at each "Show more" (overrides/assets/finder.js)."""


def _finder(page: Page, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_selector(FINDER_DRAWN)
    return _results(page)


LISTED = "[...document.querySelectorAll('.uba-finder-results a')].map(e => e.textContent)"
"""The names the finder lists, as a JavaScript expression."""


def _results(page: Page, expected: list[str] | None = None, *, query: str | None = None) -> list[str]:
    """The names the finder lists; with `expected`, once it lists them (and the address is `?query`, if given), or
    what it lists after 10 s. Read in the same step as the check: after the first step through the history since a
    page load, Material fetches the page again and replaces its content, and the finder draws it anew."""
    if expected is None:
        return page.evaluate(LISTED)
    settled = (f"([expected, query]) => (query === null || location.search === '?' + query)"
               f" && JSON.stringify({LISTED}) === JSON.stringify(expected) && {LISTED}")
    try:
        return page.wait_for_function(settled, arg=[expected, query], timeout=10_000).json_value()
    except PlaywrightTimeoutError:
        return page.evaluate(LISTED) if query is None or urlsplit(page.url).query == query else [f"(the address is {page.url})"]


def _through_history(page: Page, query: str, expected: list[str]) -> list[str]:
    """The finder's results once the browser has gone back to `?query` in its history, as the back button does
    (each page load costs Chromium more than the whole check)."""
    page.evaluate("query => { history.pushState(null, '', '?' + query); history.pushState(null, '', '?'); history.back(); }", query)
    return _results(page, expected, query=query)


def _expected(site: BuildResult, keep: Callable[[dict[str, Any]], bool]) -> list[str]:
    data = json.loads((site.site / "api/exercises.json").read_text())
    return [e["name"] for e in data["exercises"] if keep(e)]


def test_finder_filters_by_each_facet_and_combinations(shared_page: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = shared_page.page
    everything = _finder(page, f"{real_site_url}exercises/")
    every = _expected(real_site, lambda e: True)
    assert everything == every[:PAGE]  # the first ones, then a button for more
    assert page.is_visible(".uba-finder-more") is (len(every) > PAGE)
    assert page.is_hidden(".uba-finder-static")
    cases = {
        "muscle=rhomboids": lambda e: "rhomboids" in e["groups"]["primary"],
        "muscle=rhomboids&role=any": lambda e: "rhomboids" in e["groups"]["primary"] + e["groups"]["secondary"],
        "muscle=infraspinatus": lambda e: "infraspinatus" in e["muscles"]["primary"],
        "muscle=chest&role=stretched": lambda e: "chest" in e["groups"]["stretched"],
        "equipment=resistance-band": lambda e: _can_do(real_site, e, {"resistance-band"}),
        "level=advanced": lambda e: e["level"] == "advanced",
        "category=mobility&category=activation": lambda e: e["category"] in ("mobility", "activation"),
        "muscle=rhomboids&equipment=resistance-band": lambda e: ("rhomboids" in e["groups"]["primary"]
                                                                 and _can_do(real_site, e, {"resistance-band"})),
        "muscle=traps&level=beginner&category=strength": lambda e: ("traps" in e["groups"]["primary"] and e["level"] == "beginner"
                                                                    and e["category"] == "strength"),
        "equipment=none": lambda e: _can_do(real_site, e, set()),
        "q=row": lambda e: _finder_text(real_site, e, "row"),
        "q=face%20pulls": lambda e: _finder_text(real_site, e, "face pulls"),
        "q=rear%20delt": lambda e: _finder_text(real_site, e, "rear delt"),
    }
    loaded = "muscle=traps&level=beginner&category=strength"  # one case as a link opens it; the others as the back button does
    assert _finder(page, f"{real_site_url}exercises/?{loaded}") == _expected(real_site, cases[loaded]), loaded
    for query, keep in cases.items():
        expected = _expected(real_site, keep)
        assert _through_history(page, query, expected) == expected, query
    assert "Face pull" in _expected(real_site, lambda e: _finder_text(real_site, e, "face pulls"))
    rear_delt_work = _expected(real_site, lambda e: "rear-delts" in e["groups"]["primary"])
    assert rear_delt_work and set(rear_delt_work) <= set(_expected(real_site, lambda e: _finder_text(real_site, e, "rear delt")))


def _can_do(site: BuildResult, exercise: dict, had: set[str]) -> bool:
    """What "Equipment I have" promises: one of the exercise's sets of equipment (its own or an alternative)
    needs nothing beyond what is ticked and what every room has."""
    data = json.loads((site.site / "api/exercises.json").read_text())
    free = {item["id"] for item in data["equipment"] if item["no_equipment"]}
    return any(set(option) <= had | free for option in [exercise["equipment"], *exercise["equipment_alternatives"]])


def _fold(text: str) -> str:
    return " " + re.sub(r"([a-z])\1", r"\1", " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()))


def _finder_text(site: BuildResult, exercise: dict, query: str) -> bool:
    """The finder's text match, as finder.js says it: each word starts a word of the exercise's names, summary,
    primary muscles (with their groups' names), or equipment; a plural also matches its singular."""
    data = json.loads((site.site / "api/exercises.json").read_text())
    names: dict[str, list[str]] = {}
    for group in data["muscles"]:
        names[group["id"]] = [group["name"], *group["aliases"]]
        for part in group["parts"]:
            names[part["id"]] = [part["name"], *part["aliases"], *names[group["id"]]]
    equipment = {item["id"]: item["name"] for item in data["equipment"]}
    muscles = [name for muscle in {*exercise["muscles"]["primary"], *exercise["groups"]["primary"]} for name in names.get(muscle, [])]
    text = _fold(" ".join([exercise["name"], *exercise["aliases"], exercise["summary"], *muscles,
                           *(equipment[i] for i in exercise["equipment"])]))
    def forms(word: str) -> list[str]:
        found = [word]
        if len(word) > 3 and word.endswith("s"):
            found.append(word[:-1])
        if len(word) > 4 and re.search(r"(ses|xes|ches|shes)$", word):
            found.append(word[:-2])
        if len(word) > 4 and word.endswith("ies"):
            found.append(word[:-3] + "y")
        return found
    return all(any(" " + form in text for form in forms(word)) for word in _fold(query).split())


def test_finder_counts_clicks_url_and_back_button(shared_page: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = shared_page.page
    _finder(page, f"{real_site_url}exercises/")
    band_only = len(_expected(real_site, lambda e: _can_do(real_site, e, {"resistance-band"})))
    assert page.text_content("[data-count-for='equipment=resistance-band']") == f"({band_only})"
    page.get_by_label("Rhomboids").check()
    page.get_by_label("Resistance band").check()
    # The address follows once the results are painted (finder.js writeAddress).
    page.wait_for_function("new URLSearchParams(location.search).getAll('equipment').join() === 'resistance-band'")
    assert parse_qs(urlsplit(page.url).query) == {"muscle": ["rhomboids"], "equipment": ["resistance-band"]}
    both = _expected(real_site, lambda e: "rhomboids" in e["groups"]["primary"] and _can_do(real_site, e, {"resistance-band"}))
    assert _results(page, both) == both
    assert page.text_content(".uba-finder-count") == f"{len(both)} exercise{'s' if len(both) != 1 else ''} match"
    page.go_back()
    page.wait_for_function("!location.search.includes('equipment') && !document.querySelector('input[value=resistance-band]').checked"
                           " && document.querySelector('input[name=muscle][value=rhomboids]').checked")
    rhomboids = _expected(real_site, lambda e: "rhomboids" in e["groups"]["primary"])
    assert _results(page, rhomboids) == rhomboids
    page.go_forward()
    page.wait_for_function("location.search.includes('equipment') && document.querySelector('input[value=resistance-band]').checked")
    assert _results(page, both) == both


def test_finder_counts_predict_the_results_of_each_click(shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    _finder(page, f"{real_site_url}exercises/?equipment=dumbbells&level=beginner")
    for option in ("muscle=rhomboids", "muscle=lower-traps", "equipment=bench", "level=intermediate", "category=strength", "muscle="):
        name, value = option.split("=")
        promised = int(page.text_content(f"[data-count-for='{option}']").strip("()"))
        page.click(f"input[name={name}][value='{value}']")
        assert len(_results_all(page)) == promised, option


def _results_all(page: Page) -> list[str]:
    while page.is_visible(".uba-finder-more"):
        page.click(".uba-finder-more")
    return _results(page)


def test_the_finder_lists_a_page_at_a_time_and_show_more_adds_the_next(shared_page: WatchedPage, synthetic_site: BuildResult,
                                                                        synthetic_site_url: str) -> None:
    """With more exercises than a page, the finder never lists them all at once: the first PAGE, then PAGE more at
    each "Show more" (a button, reached by the keyboard), which says how many are listed and moves the focus to the
    first one added; a filter change starts again at one page. Neither the finder nor the builder reads the export."""
    page = shared_page.page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    every = [e["name"] for e in json.loads((synthetic_site.site / "api/exercises.json").read_text())["exercises"]]
    assert len(every) > 3 * PAGE
    assert _finder(page, f"{synthetic_site_url}exercises/") == every[:PAGE]
    assert page.text_content(".uba-finder-count") == f"{len(every)} exercises"
    more = page.get_by_role("button", name=f"Show {PAGE} more")
    assert page.is_hidden(".uba-finder-shown")
    page.focus("#uba-q")
    for _ in range(200):  # Tab from the text box through the filters to the button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('uba-finder-more')"):
            break
    page.keyboard.press("Enter")
    assert _results(page, every[:2 * PAGE]) == every[:2 * PAGE]
    assert page.text_content(".uba-finder-shown") == f"Showing {2 * PAGE} of {len(every)}."
    assert page.get_attribute(".uba-finder-shown", "role") == "status"
    assert page.evaluate("document.activeElement.textContent") == every[PAGE]
    more.click()
    assert _results(page, every[:3 * PAGE]) == every[:3 * PAGE]
    # A filter starts again at one page, and the status line goes until the next "Show more".
    page.get_by_label("Beginner").check()
    page.wait_for_function("location.search === '?level=beginner'")
    beginners = [e["name"] for e in json.loads((synthetic_site.site / "api/exercises.json").read_text())["exercises"]
                 if e["level"] == "beginner"]
    assert _results(page, beginners[:PAGE]) == beginners[:PAGE] and page.is_hidden(".uba-finder-shown")
    assert _results_all(page) == beginners
    page.goto(f"{synthetic_site_url}routines/builder/")
    page.wait_for_selector(".uba-builder-blocks .uba-builder-block")
    assert {url for url in requests if "/api/" in url} == {f"{synthetic_site_url}api/finder.json"}


def test_finder_says_when_nothing_matches_and_offers_to_clear(shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    assert _finder(page, f"{real_site_url}exercises/?muscle=supraspinatus&level=advanced") == []
    assert page.is_visible(".uba-finder-empty")
    page.get_by_role("button", name="Clear level").click()
    page.wait_for_function("!location.search.includes('level') && document.querySelectorAll('.uba-finder-results a').length > 0")
    assert _results(page) and "level" not in page.url


def test_finder_survives_instant_navigation(shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(real_site_url)
    page.wait_for_load_state("networkidle")
    page.click(".md-nav--primary a[href$='exercises/']")
    page.wait_for_selector(FINDER_DRAWN)
    page.get_by_label("Lats").check()
    page.wait_for_function("location.search.includes('muscle=lats') && document.querySelectorAll('.uba-finder-results a').length > 0")
    lats = _results(page)
    assert lats and "muscle=lats" in page.url
    page.click(f".uba-finder-results a >> text={lats[0]}")
    page.wait_for_selector("h1:not(:has-text('Exercises'))")
    page.go_back()
    page.wait_for_function("document.querySelector('input[name=muscle][value=lats]')"
                           " && document.querySelector('input[name=muscle][value=lats]').checked")
    assert _results(page, lats) == lats


def test_exercise_list_works_without_javascript(browser: Browser, real_site: BuildResult, real_site_url: str) -> None:
    context = open_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{real_site_url}exercises/")
    assert page.is_hidden(".uba-finder-form")
    assert page.is_visible(".uba-finder-static")
    # A link to each muscle group's page, which lists the exercises that work it and those that stretch it: a list as
    # long as the groups, not the exercises, and every exercise on one of those pages.
    linked = page.eval_on_selector_all(".uba-finder-static li a", "els => els.map(e => new URL(e.href).pathname)")
    data = json.loads((real_site.site / "api/exercises.json").read_text())
    listing = {group for e in data["exercises"] for group in e["groups"]["primary"] + e["groups"]["stretched"]}
    assert all(e["groups"]["primary"] or e["groups"]["stretched"] for e in data["exercises"])
    assert sorted(urlsplit(path).path.split("/")[-2] for path in linked) == sorted(listing)
    assert [path for path in linked if "/muscles/" not in path] == []
    context.close()
