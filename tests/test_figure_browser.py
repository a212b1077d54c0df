"""Movement figures in a real browser: the animation runs, pauses, stops for reduced motion and prints in black and white.

Each still of a key pose shows the moving drawing again (`<use>`), paused at that pose: what a still shows is only seen in
its pixels, so these tests look at screenshots."""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Iterator
from typing import Any
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Locator, Page

from browser import WatchedPage, serve_folder
from conftest import REPO, BuildResult, build, make_project

sys.path.insert(0, str(REPO / "hooks"))

MOVING = ".uba-fig-panel--move .uba-fig-svg .m"


@pytest.fixture(scope="module")
def figure_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuildResult, str]]:
    """The minimal project with the figures of its three exercises, built and served."""
    project = make_project(tmp_path_factory.mktemp("figures") / "project")
    if (REPO / "figures").is_dir():  # until the figures move into the records
        (project / "figures").mkdir()
        for record in (project / "exercises").glob("[!_]*.yml"):
            shutil.copy(REPO / "figures" / record.name, project / "figures" / record.name)
    result = build(project)
    assert result.returncode == 0, result.output
    with serve_folder(result.site) as url:
        yield result, url


def _open(watched: WatchedPage, url: str, **media: Any) -> Page:
    """The figure's exercise page in the test's page, with the media features given (reduced motion, a colour scheme)."""
    if media:
        watched.page.emulate_media(**media)
    watched.page.goto(url + "exercises/face-pull/")
    return watched.page


def _style(page: Page, selector: str, name: str, far: bool | None = None) -> str:
    """A computed style of the first element matching `selector` (on the far side, or not, when `far` says so)."""
    test = "" if far is None else (".filter(e => e.closest('.far'))" if far else ".filter(e => !e.closest('.far'))")
    return page.evaluate(f"[...document.querySelectorAll({selector!r})]{test}.map(e => getComputedStyle(e).{name})[0]")


def test_the_figure_moves_and_the_control_pauses_it(shared_page: WatchedPage, figure_site: tuple[BuildResult, str]) -> None:
    page = _open(shared_page, figure_site[1])
    assert _style(page, MOVING, "animationName") != "none"
    page.wait_for_function(f"document.querySelector('{MOVING}').getAnimations().some(a => a.playState === 'running')")
    toggle = page.get_by_text("Pause", exact=True)
    assert toggle.is_visible()
    toggle.click()
    assert _style(page, MOVING, "animationPlayState") == "paused"
    assert page.get_by_text("Play", exact=True).is_visible()
    page.keyboard.press("Space")  # the control keeps the focus: the keyboard resumes it
    assert _style(page, MOVING, "animationPlayState") == "running"
    page.locator(".uba-fig-pause").focus()
    page.keyboard.press("Space")
    assert _style(page, MOVING, "animationPlayState") == "paused"
    assert shared_page.errors == []


def _pixels(locator: Locator) -> Image.Image:
    return Image.open(io.BytesIO(locator.screenshot())).convert("RGB")


def test_reduced_motion_shows_start_and_end_without_motion(shared_page: WatchedPage, figure_site: tuple[BuildResult, str]) -> None:
    page = _open(shared_page, figure_site[1], reduced_motion="reduce")
    assert _style(page, ".uba-fig-panel--move", "display") == "none"
    start, end = page.locator(".uba-fig-panel--start"), page.locator(".uba-fig-panel--end")
    assert start.is_visible() and end.is_visible()
    start_box, end_box = start.bounding_box(), end.bounding_box()
    assert start_box and end_box and abs(start_box["y"] - end_box["y"]) < 1 and start_box["x"] < end_box["x"]
    assert start_box["height"] >= 120
    # Each still is paused at its own pose: the two differ, and neither moves (taken again, the pixels are the same).
    first, last = _pixels(start.locator("svg")), _pixels(end.locator("svg"))
    assert ImageChops.difference(first, last).getbbox() is not None
    assert ImageChops.difference(first, _pixels(start.locator("svg"))).getbbox() is None
    assert all(animation == "paused" for animation in page.evaluate("document.getAnimations().map(a => a.playState)"))
    assert shared_page.errors == []


def test_figures_print_in_black_and_white(shared_page: WatchedPage, figure_site: tuple[BuildResult, str], tmp_path: Path) -> None:
    page = _open(shared_page, figure_site[1], color_scheme="dark")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.emulate_media(media="print")
    assert _style(page, ".uba-fig-panel--move", "display") == "none"
    for panel in (".uba-fig-panel--start", ".uba-fig-panel--end"):
        shot = _pixels(page.locator(f"{panel} svg"))
        data = shot.tobytes()
        pixels = [tuple(data[at : at + 3]) for at in range(0, len(data), 3)]
        colours = {pixel for pixel in pixels if max(pixel) - min(pixel) > 12}  # anything not a grey
        assert not colours, (panel, sorted(colours)[:5])
        assert min(min(pixel) for pixel in pixels) < 40, panel  # the body is drawn, in black
        assert shot.getpixel((2, 2)) == (255, 255, 255), panel  # on white paper, whatever the screen's scheme
    page.locator(".uba-fig").screenshot(path=str(tmp_path / "figure-print.png"))  # kept under pytest's --basetemp, to look at
    assert shared_page.errors == []


def test_the_contact_sheet_shows_every_figure(shared_page: WatchedPage, tmp_path: Path) -> None:
    """Every exercise's figure on one page with its name, views, key poses and thumbnail; each still at full size (the page is
    kept under --basetemp to look at)."""
    from atlas.figures.figure_poses import pose_labels
    from atlas.figures.figure_sheet import STYLESHEET, render_contact_sheet
    from atlas.generation import build_atlas
    from atlas.layout import ProjectLayout

    atlas = build_atlas(ProjectLayout(REPO, REPO / "content"))
    sheet = tmp_path / "contact-sheet.html"
    sheet.write_text(render_contact_sheet(atlas, STYLESHEET.read_text(encoding="utf-8")), encoding="utf-8")
    page = shared_page.page
    page.goto(sheet.as_uri())
    cards = page.locator(".uba-sheet-card")
    assert cards.count() == len(atlas.exercises)
    assert page.locator(".uba-sheet-missing").count() == 0
    found = cards.evaluate_all("""cards => cards.map(card => ({
        id: card.id,
        name: card.querySelector('h2').firstChild.textContent.trim(),
        views: card.querySelector('.uba-sheet-views').textContent,
        poses: card.querySelector('.uba-sheet-poses').textContent,
        thumbnail: card.querySelector('.uba-sheet-meta .uba-fig-thumb svg').getBoundingClientRect().height,
        stills: [...card.querySelectorAll('.uba-fig-panel:not(.uba-fig-panel--move) svg')].map(svg => svg.getBoundingClientRect().height),
    }))""")
    for card in found:
        exercise = atlas.exercises[card["id"]]
        assert exercise.figure is not None
        assert card["name"] == exercise.name
        assert card["views"].startswith(f"{exercise.figure.view.value} view"), card
        assert card["poses"].startswith(f"{len(exercise.figure.key_poses)} key poses: {pose_labels(exercise.figure)[0]}"), card
        assert card["thumbnail"] > 20, card
        stills = len(exercise.figure.key_poses) + (len(exercise.figure.also.key_poses) if exercise.figure.also else 0)
        held = not exercise.figure.also and len(card["stills"]) == 1
        assert held or len(card["stills"]) == stills, card
        assert min(card["stills"]) >= 120, card
    assert shared_page.errors == []
