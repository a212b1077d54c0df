"""The muscle map in real headless Chromium: keyboard, touch at 390 px, instant navigation, dark mode, print,
and the credits page (on the minimal site, which has every kind of map page)."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from typing import Literal

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page

from browser import PHONE, WatchedPage, contrast_ratio, fresh_page, map_shade, serve_folder
from conftest import REPO, build, make_project, project_config



def _fill(page: Page, selector: str) -> str:
    return page.eval_on_selector(selector, "element => getComputedStyle(element).fill")


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", colour)[:3])


@pytest.fixture
def phone(browser: Browser) -> Iterator[WatchedPage]:
    """A touch phone 390 px wide."""
    with fresh_page(browser, viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2) as page:
        yield page
    assert page.foreign_requests() == []


def test_map_works_by_keyboard(shared_page: WatchedPage, instant_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{instant_site_url}muscles/")
    legend = page.eval_on_selector_all(".uba-map-legend a", "links => links.map(link => link.textContent.trim())")
    assert "Rhomboids" in " ".join(legend) and len(legend) >= 15
    focus = page.evaluate("getComputedStyle(document.querySelector('.uba-view svg')).getPropertyValue('--uba-focus').trim()")
    focus = page.evaluate("c => { const e = document.createElement('i'); e.style.color = c; document.body.append(e); "
                          "const v = getComputedStyle(e).color; e.remove(); return v; }", focus)
    page.click("article h1 + p")  # start tabbing from the text above the map
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('.uba-map-legend') ? document.activeElement.textContent.trim() : null")
        if focused:
            reached.append(focused)
            number = page.evaluate("document.activeElement.dataset.link || null")
            if number:  # its shapes light up with it, so the reader sees where it is
                hit = page.locator(f".uba-hit[data-link='{number}']").first
                assert "uba-shape--lit" in (hit.get_attribute("class") or "")
                view = page.evaluate("hit => [...document.querySelectorAll('.uba-view svg')].indexOf(hit.ownerSVGElement)",
                                     hit.element_handle())
                assert map_shade(page, hit.get_attribute("data-muscle") or "", view) == focus
        if len(reached) == len(legend):
            break
    assert reached == legend, "every muscle link is reached in order"
    page.focus(".uba-map-legend a[href$='muscles/rhomboids/']")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:text-is('Rhomboids')")
    assert "--uba-m-rhomboids:var(--uba-primary)" in (page.locator(".uba-view svg").first.get_attribute("style") or "")


def test_map_works_by_touch_on_a_phone(phone: WatchedPage, instant_site_url: str) -> None:
    page = phone.page
    page.goto(f"{instant_site_url}muscles/")
    boxes = page.eval_on_selector_all(".uba-map-legend a",
                                      "links => links.map(link => { const box = link.getBoundingClientRect(); "
                                      "return [link.textContent.trim(), box.width, box.height]; })")
    small = [(name, width, height) for name, width, height in boxes if width < 24 or height < 24]
    assert boxes and small == [], small
    # Before any tap, neighbouring muscles look different: the three parts of the traps and the lats.
    fills = {muscle: map_shade(page, muscle) for muscle in ("upper-traps", "middle-traps", "lower-traps", "lats")}
    idle = map_shade(page, "triceps")
    assert len(set(fills.values())) >= 3 and idle not in fills.values()
    assert page.locator(".uba-badge").first.is_visible()
    rhomboid = page.locator(".uba-view .uba-hit[*|href$='#rhomboid_major_l']")
    rhomboid.scroll_into_view_if_needed()
    box = rhomboid.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24
    page.touchscreen.tap(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.4)
    page.wait_for_url("**/muscles/rhomboids/")
    page.go_back()
    page.wait_for_url("**/muscles/")
    page.locator(".uba-map-legend a[href$='muscles/rotator-cuff/']").tap()
    page.wait_for_url("**/muscles/rotator-cuff/")


@pytest.fixture(scope="module")
def instant_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The minimal site (with the credits page) built for the address it is served at: Material's instant
    navigation only takes over links whose address matches the sitemap's, port included."""
    site = tmp_path_factory.mktemp("instant") / "site"
    site.mkdir()
    with serve_folder(site) as url:
        project = make_project(tmp_path_factory.mktemp("instant-project") / "project")
        shutil.copy2(REPO / "content" / "credits.md", project / "content" / "credits.md")
        (project / "mkdocs.yml").write_text(project_config(site_url=url), encoding="utf-8")
        result = build(project, site=site)
        assert result.returncode == 0, result.output
        yield url


def test_map_pages_log_no_errors_under_instant_navigation(shared_page: WatchedPage, instant_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{instant_site_url}muscles/")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.ubaSamePage = true")
    page.click(".uba-map-legend a[href$='muscles/rotator-cuff/']")
    page.wait_for_selector("h1:text-is('Rotator cuff')")
    assert page.evaluate("window.ubaSamePage === true"), "instant navigation took the link"
    page.click("article h2:has-text('Exercises that work it hardest') ~ .uba-exercise-list li > a >> nth=0")
    page.wait_for_selector(".uba-map-key")
    page.go_back()
    page.wait_for_selector("h1:text-is('Rotator cuff')")
    page.go_back()
    page.wait_for_selector(".uba-map-legend")
    page.wait_for_function("document.querySelectorAll('.uba-view').length === 4")
    page.locator(".uba-view .uba-hit[*|href$='#rhomboid_major_l']").click()
    page.wait_for_url("**/muscles/rhomboids/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.ubaSamePage === true"), "the pages were reached by instant navigation"
    assert shared_page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_prime_movers_look_stronger_than_helpers_in_both_schemes(scheme: Literal["light", "dark"], shared_page: WatchedPage,
                                                                 instant_site_url: str) -> None:
    page = shared_page.page
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{instant_site_url}exercises/face-pull/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
    primary, secondary, idle = (map_shade(page, muscle) for muscle in ("rear-delts", "middle-traps", "lats"))
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert contrast_ratio(primary, background) > contrast_ratio(secondary, background) > contrast_ratio(idle, background)
    assert contrast_ratio(primary, secondary) >= 3 and contrast_ratio(secondary, idle) >= 3
    assert _fill(page, ".uba-key--primary rect") == primary and _fill(page, ".uba-key--secondary rect") == secondary
    # and the shared drawing is drawn with them: pixels of both shades in the first view
    shot = Image.open(io.BytesIO(page.locator(".uba-view svg").first.screenshot())).convert("RGB")
    colours = {shot.getpixel((x, y)) for x in range(shot.width) for y in range(shot.height)}
    assert _rgb(primary) in colours and _rgb(secondary) in colours and _rgb(idle) in colours


def test_map_prints_in_black_and_white(shared_page: WatchedPage, instant_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{instant_site_url}exercises/face-pull/")
    page.emulate_media(media="print")
    assert page.locator(".uba-view").first.is_visible()
    assert map_shade(page, "rear-delts") == "rgb(0, 0, 0)"
    assert map_shade(page, "middle-traps") == 'url("#uba-hatch")'
    assert map_shade(page, "lats") == "rgb(255, 255, 255)"
    assert _fill(page, ".uba-key--secondary rect") == 'url("#uba-hatch")', "the key shows the same pattern"
    colours = page.eval_on_selector_all(".uba-view svg *",
                                        "els => [...new Set(els.flatMap(e => [getComputedStyle(e).fill, getComputedStyle(e).stroke]))]")
    assert set(colours) <= {"rgb(0, 0, 0)", "rgb(255, 255, 255)", 'url("#uba-hatch")', "none"}, colours


def test_credits_page_attributes_the_anatomy_art(shared_page: WatchedPage, instant_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{instant_site_url}credits/")
    text = page.inner_text("article")
    for needed in ("Ryan Graves", "flutter-body-atlas", "What we changed", "original work"):
        assert needed in text, needed
    assert page.locator("article a[href='https://creativecommons.org/licenses/by/4.0/']").count() >= 1
    assert page.locator("article a[href*='muscles/']").count() == 0, "credits are no guide to a muscle"
    page.goto(f"{instant_site_url}exercises/face-pull/")
    credit = page.locator(".uba-credit")
    assert "Ryan Graves" in credit.inner_text() and credit.locator("a[rel=license]").count() == 1
    credit.locator("a:text-is('credits')").click()
    page.wait_for_url("**/credits/")
