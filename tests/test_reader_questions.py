"""The questions people bring, tried as a new reader would on a 390 px phone in real headless Chromium: each ends on the
right exercise in one or two taps. Expected answers come from the built site's own data (api/exercises.json), not
from this file."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page

from browser import PHONE, WatchedPage, search
from conftest import BuildResult

TARGET = 44
"""The least width and height of a target on the home map, in CSS pixels (WCAG 2.2 AAA target size)."""



def _exercises(site: BuildResult) -> dict[str, dict[str, Any]]:
    data = json.loads((site.site / "api/exercises.json").read_text(encoding="utf-8"))
    return {exercise["url"].strip("/").removeprefix("exercises/"): exercise for exercise in data["exercises"]}


def _path(page: Page, base: str) -> str:
    return page.url.removeprefix(base)


def _listed(page: Page, selector: str) -> list[str]:
    """The exercise ids a list links to, in order."""
    hrefs = page.eval_on_selector_all(f"{selector} li > a", "els => els.map(e => new URL(e.href).pathname)")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def test_lower_traps_from_the_home_map_to_a_prone_y_raise_in_two_taps(phone: WatchedPage, real_site_url: str) -> None:
    page = phone.page
    page.goto(real_site_url)
    page.get_by_role("link", name="Lower traps", exact=False).and_(page.locator(".uba-map-legend a")).tap()  # tap 1
    page.wait_for_url("**/muscles/traps/#lower-traps")
    section = page.locator("#lower-traps ~ :is(.uba-exercise-list, .uba-names-list)").first
    first = section.locator("li > a").first
    first.wait_for(state="visible")
    assert first.text_content() == "Prone Y raise", "the lower traps' list starts with the drill that works them hardest"
    first.tap()  # tap 2
    page.wait_for_url("**/exercises/prone-y-raise/")
    assert page.locator("h1").evaluate("e => e.firstChild.textContent") == "Prone Y raise"


def test_winging_from_search_to_serratus_exercises(phone: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = phone.page
    page.goto(real_site_url)
    results = search(page, real_site_url, "what do I do for winging")
    assert results[0] == "muscles/serratus-anterior/", results[:5]
    serratus = {exercise_id for exercise_id, exercise in _exercises(real_site).items()
                if "serratus-anterior" in exercise["groups"]["primary"]}
    assert {path.strip("/").rsplit("/", 1)[-1] for path in results[1:6]} & serratus, "its exercises follow the muscle"
    page.locator(".md-search-result__link").first.tap()
    page.wait_for_url("**/muscles/serratus-anterior/?h=*")
    best = _listed(page, ".uba-best")
    assert best and set(best) <= serratus, best
    assert page.locator(".uba-best li > a").first.bounding_box()["y"] < PHONE["height"], "the answer is above the fold"  # type: ignore[index]


def test_the_cuff_pages_best_exercise_is_an_outward_rotation_drill(phone: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = phone.page
    page.goto(f"{real_site_url}muscles/rotator-cuff/")
    best = _listed(page, ".uba-best")
    assert "shoulder-external-rotation" in _exercises(real_site)[best[0]]["actions"], best
    assert page.locator(".uba-best li > a").first.bounding_box()["y"] < PHONE["height"]  # type: ignore[index]


def test_the_open_books_page_says_what_it_stretches(phone: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = phone.page
    page.goto(f"{real_site_url}exercises/open-book/")
    rows = page.locator(".uba-map-key--roles > div").all()
    key = {(row.locator("dt").text_content() or "").strip(): row.locator("dd").text_content() or "" for row in rows}
    stretched = _exercises(real_site)["open-book"]["muscles"]["stretched"]
    assert list(key) == ["Stretches"] and len(key["Stretches"].split(", ")) == len(stretched), key
    # the shared drawings take each muscle's shade from the map's <svg>: stretched ones, and none working hardest
    assert page.locator(".uba-view svg[style*='var(--uba-stretched)']").count() > 0
    assert page.locator(".uba-view svg[style*='var(--uba-primary)']").count() == 0
    assert "Works hardest" not in page.locator("article").inner_text()


def test_an_exercise_page_says_each_muscles_role_beside_the_key(phone: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = phone.page
    page.goto(f"{real_site_url}exercises/face-pull/")
    roles = [(row.locator("dt").text_content() or "").strip() for row in page.locator(".uba-map-key--roles > div").all()]
    muscles = _exercises(real_site)["face-pull"]["muscles"]
    expected = [label for label, field in (("Works hardest", "primary"), ("Helps", "secondary"), ("Steadies", "stabilizers"),
                                           ("Stretches", "stretched")) if muscles[field]]
    assert roles == expected


def test_every_numbered_muscle_on_the_home_map_is_drawn_and_every_target_is_big_enough(phone: WatchedPage, real_site_url: str) -> None:
    page = phone.page
    page.goto(real_site_url)
    numbers = page.eval_on_selector_all(".uba-map--home .uba-map-legend a[data-link]", "els => els.map(e => e.dataset.link)")
    badges = page.eval_on_selector_all(".uba-map--home .uba-badge", "els => els.map(e => e.dataset.link)")
    assert numbers and sorted(numbers, key=int) == sorted(badges, key=int), "each number in the legend is on a drawing shown"
    small = page.eval_on_selector_all(
        ".uba-map--home .uba-map-legend a",
        "els => els.map(e => [e.textContent.trim(), e.getBoundingClientRect()])"
        f".filter(([, r]) => r.width < {TARGET} || r.height < {TARGET}).map(([name]) => name)")
    assert small == []
    assert page.eval_on_selector(".uba-map--home svg", "e => getComputedStyle(e).pointerEvents") == "none", "the drawing is no target"
    boxes = page.eval_on_selector_all(".uba-map--home .uba-map-legend a", "els => els.map(e => e.getBoundingClientRect().toJSON())")
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]
    assert overlapping == []


def test_the_home_map_lights_the_muscle_a_name_points_at(phone: WatchedPage, real_site_url: str) -> None:
    page = phone.page
    page.goto(real_site_url)
    link = page.locator(".uba-map--home .uba-map-legend a", has_text="Serratus anterior")
    number = link.get_attribute("data-link")
    link.focus()
    page.wait_for_selector(f".uba-map--home .uba-hit[data-link='{number}'].uba-shape--lit", state="attached")
    assert page.locator(f".uba-map--home .uba-badge[data-link='{number}']").count() == 1
