"""Crafted addresses and stored drafts never break a page: the finder and the routine builder ignore what they do not
know (ids such as `constructor` or `__proto__`, unknown ids, very long values, HTML), say so where it helps, and still
show their results, with no uncaught exception; the export they read is strict JSON. In real headless Chromium."""

from __future__ import annotations

import json
import math
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from browser import FINDER_DRAWN, WatchedPage
from conftest import BuildResult

HTML = "<img src=x onerror=alert(1)>"
LONG = "a" * 20_000
BUILDER_READY = ".uba-builder:not([hidden]) .uba-builder-url:not(:empty)"
"""Shows once the builder has started (it writes the routine's address last)."""
DRAFT_KEY = "uba-my-routine"
"""Where the builder keeps its draft (overrides/assets/routine-builder.js)."""


def _strict_json(text: str) -> Any:
    """JSON as a browser's JSON.parse reads it: NaN, Infinity and -Infinity are not JSON."""
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")
    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def export(real_site: BuildResult) -> dict[str, Any]:
    return _strict_json((real_site.site / "api/exercises.json").read_text(encoding="ascii"))


def _numbers(value: Any) -> list[float]:
    if isinstance(value, dict):
        return [number for item in value.values() for number in _numbers(item)]
    if isinstance(value, list):
        return [number for item in value for number in _numbers(item)]
    return [value] if isinstance(value, (int, float)) and not isinstance(value, bool) else []


def test_the_real_export_is_strict_json_with_finite_numbers(export: dict[str, Any], shared_page: WatchedPage, real_site_url: str) -> None:
    numbers = _numbers(export)
    assert len(export["exercises"]) > 50 and len(numbers) > 1000 and all(math.isfinite(number) for number in numbers)
    page = shared_page.page
    page.goto(real_site_url)
    parsed = page.evaluate("url => fetch(url).then(response => response.text()).then(text => JSON.parse(text).exercises.length)",
                           f"{real_site_url}api/exercises.json")
    assert parsed == len(export["exercises"])


FINDER_ADDRESSES = {
    # query: what the note names as left out
    "muscle=no-such-muscle": ["muscle “no-such-muscle”"],
    "muscle=__proto__": ["muscle “__proto__”"],
    "muscle=constructor&role=constructor": ["muscle “constructor”", "role “constructor”"],
    "muscle=toString&equipment=__proto__&equipment=hasOwnProperty&level=toString&category=valueOf": [
        "muscle “toString”", "equipment “__proto__”", "equipment “hasOwnProperty”", "level “toString”", "category “valueOf”"],
    f"muscle={quote(HTML)}&level={quote(HTML)}": [f"muscle “{HTML}”", f"level “{HTML}”"],
    f"muscle={LONG}&role={LONG}": [f"muscle “{'a' * 40}…”", f"role “{'a' * 40}…”"],
}


def _finder(page: WatchedPage, url: str) -> dict[str, Any]:
    page.page.goto(url)
    page.page.wait_for_selector(FINDER_DRAWN, timeout=10_000)
    return page.page.evaluate("""() => ({
        results: document.querySelectorAll('.uba-finder-results a').length,
        note: document.querySelector('.uba-finder-ignored').hidden ? null : document.querySelector('.uba-finder-ignored').textContent,
        markup: document.querySelectorAll('.uba-finder img, .uba-finder script').length,
        checked: [...document.querySelectorAll('.uba-finder-form input:checked')].map(input => input.name + '=' + input.value),
    })""")


def test_the_finder_ignores_what_it_does_not_know_and_says_so(shared_page: WatchedPage, real_site_url: str) -> None:
    shown_at_first = 60
    failures = {}
    for query, left_out in FINDER_ADDRESSES.items():
        found = _finder(shared_page, f"{real_site_url}exercises/?{query}")
        expected = {"results": shown_at_first, "note": f"Not on this site, so left out of the filters: {', '.join(left_out)}.",
                    "markup": 0, "checked": ["muscle=", "role=primary"]}
        if found != expected or shared_page.errors:
            failures[query[:80]] = (found, list(shared_page.errors))
        shared_page.errors.clear()
    assert failures == {}


def test_the_finder_keeps_known_filters_beside_unknown_ones_and_text_stays_text(shared_page: WatchedPage, real_site_url: str) -> None:
    found = _finder(shared_page, f"{real_site_url}exercises/?muscle=rhomboids&muscle=__proto__&equipment=none&equipment=constructor")
    assert found["checked"] == ["muscle=rhomboids", "role=primary", "equipment=none"]
    assert found["note"] == "Not on this site, so left out of the filters: equipment “constructor”."
    assert 0 < found["results"] < 60
    found = _finder(shared_page, f"{real_site_url}exercises/?q={quote(HTML)}")
    clear = shared_page.page.locator(".uba-finder-clear button").all_text_contents()
    assert found["results"] == 0 and found["note"] is None and found["markup"] == 0 and clear == [f"Clear the words “{HTML}”"]
    found = _finder(shared_page, f"{real_site_url}exercises/?q={'pull%20' * 3000}")
    cut = "the words after the first 200 characters"
    assert found["results"] > 0 and found["note"] == f"Not on this site, so left out of the filters: {cut}."
    assert shared_page.page.input_value("#uba-q") == "pull " * 40
    assert shared_page.errors == []


BUILDER_ADDRESSES = {
    # query: (exercises listed, what the note names as left out)
    "x=constructor": ([], ["“constructor”"]),
    "x=__proto__&x=toString_3_10_0_60_0": ([], ["“__proto__”", "“toString_3_10_0_60_0”"]),
    "x=face-pull&x=hasOwnProperty&x=valueOf": (["Face pull"], ["“hasOwnProperty”", "“valueOf”"]),
    f"n={quote(HTML)}&b={quote('<script>alert(1)</script>')}&x=face-pull_999_{quote('<b>8</b>')}_-5_99999_1": (["Face pull"], []),
    f"x={LONG}&x=band-pull-apart": (["Band pull-apart"], [f"“{'a' * 40}…”"]),
    "&".join(["x=face-pull"] * 105): (["Face pull"] * 100, ["“face-pull” (at most 100 exercises)"] * 5),
}


def _builder(page: Page) -> dict[str, Any]:
    page.wait_for_selector(BUILDER_READY, timeout=10_000)
    return page.evaluate("""() => ({
        names: [...document.querySelectorAll('.uba-builder-item-name a')].map(link => link.textContent),
        note: document.querySelector('.uba-builder-ignored').hidden ? null : document.querySelector('.uba-builder-ignored').textContent,
        markup: document.querySelectorAll('.uba-builder img, .uba-builder script, .uba-builder b, .uba-sheet img, .uba-sheet b').length,
    })""")


def test_the_builder_starts_whatever_the_address_holds(shared_page: WatchedPage, real_site_url: str) -> None:
    failures = {}
    for query, (names, left_out) in BUILDER_ADDRESSES.items():
        shared_page.page.goto(f"{real_site_url}routines/builder/?{query}")
        found = _builder(shared_page.page)
        note = f"Not exercises of this site, so left out: {', '.join(left_out)}." if left_out else None
        if found != {"names": names, "note": note, "markup": 0} or shared_page.errors:
            failures[query[:80]] = (found, list(shared_page.errors))
        shared_page.errors.clear()
    assert failures == {}


def test_a_hostile_address_lands_as_text_within_bounds(shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{real_site_url}routines/builder/?n={quote(HTML)}&b={quote('<script>alert(1)</script>')}"
              f"&x=face-pull_999_{quote('<b>8</b>')}_-5_99999_1")
    _builder(page)
    assert page.input_value("#uba-builder-name") == HTML
    assert page.input_value(".uba-builder-block-name input") == "<script>alert(1)</script>"
    assert [page.input_value(f".uba-builder-item [type={kind}] >> nth={index}") for kind, index in
            (("number", 0), ("text", 0), ("number", 1), ("number", 2))] == ["10", "<b>8</b>", "", "600"]
    assert page.text_content(".uba-sheet-title") == HTML
    assert shared_page.errors == []


def test_a_draft_in_storage_is_read_by_the_same_parser_and_shown_as_text(shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{real_site_url}routines/builder/")
    _builder(page)
    draft = f"n={quote(HTML)}&b={quote('<b>bold</b>')}&x=constructor&x=__proto__&x=face-pull_3_{quote('<i>8</i>')}_0_60_0&x={LONG}"
    page.evaluate("([key, draft]) => localStorage.setItem(key, draft)", [DRAFT_KEY, draft])
    page.goto(f"{real_site_url}routines/builder/")
    found = _builder(page)
    assert found == {"names": ["Face pull"], "markup": 0,
                     "note": f"Not exercises of this site, so left out: “__proto__”, “constructor”, “{'a' * 40}…”."}
    assert page.input_value("#uba-builder-name") == HTML and page.input_value(".uba-builder-block-name input") == "<b>bold</b>"
    assert page.input_value(".uba-builder-item [type=text]") == "<i>8</i>"
    page.goto(f"{real_site_url}exercises/band-pull-apart/")  # "Add to my routine" reads the same draft
    page.get_by_role("button", name="Add to my routine").click()
    page.wait_for_selector(".uba-add-status a")
    page.goto(f"{real_site_url}routines/builder/")
    assert _builder(page)["names"] == ["Face pull", "Band pull-apart"]
    assert shared_page.errors == []


def _read_as_the_page_does(page: Page, url: str) -> None:
    """Once the page's own script has read the finder's index: the same read, started after it, has failed too."""
    read = "url => fetch(url).then(response => response.json()).then(() => 'parsed', () => 'refused')"
    assert page.evaluate(read, f"{url}api/finder.json") == "refused"


def test_data_that_is_not_strict_json_leaves_the_pages_that_need_no_javascript(shared_page: WatchedPage, real_site_url: str) -> None:
    """A NaN in the export (as before the numbers were checked) made JSON.parse throw: the finder showed nothing."""
    page = shared_page.page
    # The finder and the builder read the finder's index (no page reads the export): both files broken the same way.
    for data in ("finder", "exercises"):
        page.route(f"**/api/{data}.json", lambda route: route.fulfill(status=200, content_type="application/json",
                                                                     body='{"exercises": [{"at": [NaN, 40]}]}'))
    try:
        page.goto(f"{real_site_url}exercises/?muscle=rhomboids")
        _read_as_the_page_does(page, real_site_url)
        assert page.locator(".uba-finder-static").first.is_visible() and page.locator(".uba-finder-form").is_hidden()
        page.goto(f"{real_site_url}routines/builder/")
        _read_as_the_page_does(page, real_site_url)
        assert page.locator(".uba-builder-nojs").first.is_visible() and page.locator(".uba-builder").is_hidden()
    finally:
        page.unroute("**/api/finder.json")
        page.unroute("**/api/exercises.json")
    assert shared_page.errors == []
