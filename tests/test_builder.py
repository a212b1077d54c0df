"""The routine builder in real Chromium: add from the finder and from exercise pages, edit, reorder with buttons and
keys, the routine in the URL (a fresh browser gets the same one), warnings, print, and the page without JavaScript."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from browser import PHONE, NO_TRANSITIONS, WatchedPage, fresh_page, open_context, pdf_page_texts, serious_accessibility_violations
from conftest import REPO, BuildResult

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout


def _names(page: Page) -> list[str]:
    return page.locator(".uba-builder-item-name a").all_text_contents()


def _values(page: Page, label: str) -> list[str]:
    return [field.input_value() for field in page.get_by_label(label, exact=True).all()]


def _build_from_finder_and_an_exercise_page(page: Page, url: str) -> None:
    page.goto(f"{url}exercises/?muscle=rhomboids")
    page.get_by_role("button", name="Add Band pull-apart to my routine").click()
    expect(page.locator("li", has_text="Band pull-apart").locator(".uba-add-status")).to_contain_text("Added: 1 exercise in my routine")
    page.get_by_role("button", name="Add Bent-over row to my routine").click()
    page.goto(f"{url}exercises/farmers-carry/")
    page.get_by_role("button", name="Add to my routine").click()
    expect(page.locator(".uba-add-status")).to_contain_text("3 exercises")
    page.get_by_role("link", name="my routine").click()
    expect(page.locator(".uba-builder-item")).to_have_count(3)


def test_build_a_routine_then_open_its_url_in_a_fresh_browser(shared_page: WatchedPage, browser: Browser, real_site: BuildResult,
                                                              real_site_url: str, tmp_path: Path) -> None:
    page = shared_page.page
    _build_from_finder_and_an_exercise_page(page, real_site_url)
    assert _names(page) == ["Band pull-apart", "Bent-over row", "Farmer's carry"]
    dose = build_atlas(ProjectLayout(REPO, REPO / "content")).exercises["band-pull-apart"].dose
    assert _values(page, "Sets")[0] == str(dose.sets) and _values(page, "Reps")[0] == str(dose.reps)  # each exercise's own dose to start
    page.get_by_label("Routine name").fill("Monday pull")
    page.get_by_label("Sets", exact=True).nth(1).fill("4")
    page.get_by_label("Per side", exact=True).nth(0).check()
    page.get_by_role("button", name="Move up: Farmer's carry").click()
    assert _names(page) == ["Band pull-apart", "Farmer's carry", "Bent-over row"]
    expect(page.get_by_role("button", name="Move up: Farmer's carry")).to_be_focused()  # the same control keeps focus
    page.keyboard.press("Enter")  # keyboard: moves it again
    assert _names(page) == ["Farmer's carry", "Band pull-apart", "Bent-over row"]
    expect(page.locator(".uba-builder-warnings")).to_contain_text("A carry comes first")
    page.get_by_role("button", name="Add a block").click()
    expect(page.get_by_label("Block 2")).to_be_focused()
    page.get_by_label("Block 2").fill("Finish")
    page.get_by_role("button", name="Move down: Farmer's carry").click()
    page.get_by_role("button", name="Move down: Farmer's carry").click()
    page.get_by_role("button", name="Move down: Farmer's carry").click()  # past the end of block 1: into block 2
    assert page.locator(".uba-builder-block").nth(1).locator(".uba-builder-item-name a").all_text_contents() == ["Farmer's carry"]
    expect(page.locator(".uba-builder-warnings")).not_to_contain_text("A carry comes first")
    page.get_by_role("button", name="Remove: Band pull-apart").click()
    assert _names(page) == ["Bent-over row", "Farmer's carry"]
    address = page.url
    assert "n=Monday+pull" in address and "b=Finish" in address and "x=bent-over-row_4_" in address

    with fresh_page(browser, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True) as other:
        other.page.goto(address)
        expect(other.page.locator(".uba-builder-item")).to_have_count(2)
        assert _names(other.page) == ["Bent-over row", "Farmer's carry"]
        assert other.page.get_by_label("Routine name").input_value() == "Monday pull"
        assert _values(other.page, "Sets")[0] == "4" and other.page.get_by_label("Block 2").input_value() == "Finish"
        other.page.get_by_role("button", name="Move up: Farmer's carry").tap()  # touch works the same buttons: into block 1
        other.page.get_by_role("button", name="Move up: Farmer's carry").tap()
        assert _names(other.page) == ["Farmer's carry", "Bent-over row"]
        for paper in ("A4", "Letter"):
            other.page.goto(address)
            expect(other.page.locator(".uba-sheet-grid").first.locator(".uba-sheet-item")).to_have_count(2)
            other.page.pdf(path=str(tmp_path / f"{paper}.pdf"), format=paper)
            pages = pdf_page_texts(tmp_path / f"{paper}.pdf")
            assert len(pages) == 1
            assert "Monday pull" in pages[0] and "Bent-over row" in pages[0] and "Finish" in pages[0] and "Pain rule" in pages[0]
            assert "Routine name" not in pages[0] and "Move up" not in pages[0]
    assert other.foreign_requests() == []


def test_builder_shows_coverage_balance_and_warnings(shared_page: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{real_site_url}routines/builder/?n=Shrugs&b=Main&x=shrug_3_10_0_60_0&x=farmers-carry_3_30+m_0_90_0")
    expect(page.locator(".uba-builder-item")).to_have_count(2)
    warnings = page.locator(".uba-builder-warnings")
    expect(warnings).to_contain_text("No activation or mobility drill")
    expect(warnings).to_contain_text("the traps work hardest in 6 of 6 sets")
    expect(page.locator(".uba-builder-balance")).to_contain_text("Push and pull:")
    expect(page.locator(".uba-builder-muscles tbody tr").first).to_contain_text("Traps")


def test_builder_without_javascript_explains_and_links_to_routines(browser: Browser, real_site: BuildResult, real_site_url: str) -> None:
    context = open_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{real_site_url}routines/builder/")
        expect(page.locator(".uba-builder-nojs")).to_contain_text("needs JavaScript")
        expect(page.locator(".uba-builder")).to_be_hidden()
        page.get_by_role("link", name="ready-made routines").click()
        expect(page).to_have_url(f"{real_site_url}routines/")
    finally:
        context.close()


def test_builder_and_programme_pages_have_no_serious_accessibility_violation(shared_page: WatchedPage, real_site: BuildResult,
                                                                             real_site_url: str) -> None:
    page = shared_page.page
    found = {}
    for path, drawn in (("routines/builder/?n=Test&b=Main&x=shrug_3_10_0_60_1&b=Two&x=face-pull", ".uba-builder-item >> nth=1"),
                        ("routines/upper-back-four-weeks/", "h1")):
        page.goto(real_site_url + path)
        page.wait_for_selector(drawn)
        page.add_style_tag(content=NO_TRANSITIONS)
        for scheme in ("default", "slate"):
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            if serious := serious_accessibility_violations(page, colours_only=scheme != "default"):
                found[path, scheme] = serious
    assert found == {}


PHONE_OPTIONS: dict[str, Any] = {"viewport": PHONE, "has_touch": True, "is_mobile": True}
WEEKLY_ROUTINE = ("routines/builder/?n=Week&b=Main&x=band-pull-apart_2_15_0_30_0&x=face-pull_3_12_0_60_0"
                  "&x=bent-over-row_4_8_0_120_0&x=push-up_3_10_0_60_0")


def test_adding_the_same_exercise_twice_asks_first(shared_page: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{real_site_url}exercises/face-pull/")
    add = page.get_by_role("button", name="Add to my routine")
    add.click()
    expect(page.locator(".uba-add-status")).to_contain_text("Added: 1 exercise")
    add.click()  # already there: asks, adds nothing yet
    expect(page.locator(".uba-add-status")).to_contain_text("Already in my routine")
    expect(page.get_by_role("button", name="Add it again")).to_be_focused()
    page.goto(f"{real_site_url}routines/builder/")
    expect(page.locator(".uba-builder-item")).to_have_count(1)
    page.goto(f"{real_site_url}exercises/face-pull/")
    page.get_by_role("button", name="Add to my routine").click()
    page.get_by_role("button", name="Add it again").click()
    expect(page.locator(".uba-add-status")).to_contain_text("Added: 2 exercises")
    page.get_by_role("link", name="my routine").click()
    expect(page.locator(".uba-builder-item")).to_have_count(2)
    assert _names(page) == ["Face pull", "Face pull"]


def _touch_drag(page: Page, handle: str, to: tuple[float, float]) -> None:
    """A finger on the handle, moved in steps to `to` and lifted: real touch input, which Chromium turns into pointer events."""
    box = page.locator(handle).bounding_box()
    assert box is not None
    start = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start[0], "y": start[1]}]})
    for step in range(1, 11):
        point = {"x": start[0] + (to[0] - start[0]) * step / 10, "y": start[1] + (to[1] - start[1]) * step / 10}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_on_a_phone_removal_can_be_undone_and_a_finger_reorders(browser: Browser, real_site: BuildResult, real_site_url: str) -> None:
    with fresh_page(browser, **PHONE_OPTIONS) as phone:
        page = phone.page
        page.goto(real_site_url + WEEKLY_ROUTINE)
        expect(page.locator(".uba-builder-item")).to_have_count(4)
        page.get_by_role("button", name="Remove: Face pull").tap()
        assert _names(page) == ["Band pull-apart", "Bent-over row", "Push-up"]
        expect(page.locator(".uba-builder-undo")).to_contain_text("Removed Face pull.")
        page.get_by_role("button", name="Undo").tap()
        assert _names(page) == ["Band pull-apart", "Face pull", "Bent-over row", "Push-up"]
        assert _values(page, "Sets")[1] == "3" and "x=face-pull_3_12_0_60_0&x=bent-over-row" in page.url  # back where it was, as it was
        page.evaluate("window.scrollBy(0, document.querySelector('.uba-builder-item').getBoundingClientRect().top - 70)")
        target = page.locator(".uba-builder-item").nth(2).bounding_box()  # on screen with the first: compact cards
        assert target is not None and target["y"] + target["height"] * 0.75 < PHONE["height"] - 70
        _touch_drag(page, ".uba-builder-item >> nth=0 >> .uba-builder-handle", (target["x"] + 40, target["y"] + target["height"] * 0.75))
        expect(page.locator(".uba-builder-item-name a").first).to_have_text("Face pull")
        assert _names(page) == ["Face pull", "Bent-over row", "Band pull-apart", "Push-up"]
        assert page.url.index("x=band-pull-apart") > page.url.index("x=bent-over-row")  # the address follows
        assert [item["id"] for item in page.evaluate("window.ubaBuilder.currentPlan()")] == [
            "face-pull", "bent-over-row", "band-pull-apart", "push-up"]
        assert phone.foreign_requests() == []


def _expected_weekly_sets(site: Path, items: list[tuple[str, int]], per_week: int) -> dict[str, float]:
    """Hard sets a week per group, counted from the export as the page says it counts: strength and stability sets,
    1 for each group that works hardest, 0.5 for each that helps."""
    export = json.loads((site / "api" / "exercises.json").read_text(encoding="utf-8"))
    exercises = {exercise["id"]: exercise for exercise in export["exercises"]}
    weekly: dict[str, float] = {}
    for exercise_id, sets in items:
        exercise = exercises[exercise_id]
        if exercise["category"] not in ("strength", "stability"):
            continue
        for group in exercise["groups"]["primary"]:
            weekly[group] = weekly.get(group, 0) + sets * per_week
        for group in exercise["groups"]["secondary"]:
            weekly[group] = weekly.get(group, 0) + sets * per_week * 0.5
    return weekly


def test_weekly_hard_sets_are_counted_shown_and_painted(shared_page: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(real_site_url + WEEKLY_ROUTINE)
    expect(page.locator(".uba-builder-item")).to_have_count(4)
    expect(page.locator(".uba-builder-counting")).to_contain_text("as 0.5 of a set for each muscle that helps")
    items = [("band-pull-apart", 2), ("face-pull", 3), ("bent-over-row", 4), ("push-up", 3)]
    groups = page.eval_on_selector("[data-uba-builder]", "root => JSON.parse(root.getAttribute('data-map-groups'))")
    for per_week in (2, 3):
        if per_week != 2:
            page.get_by_label("Sessions a week").fill(str(per_week))
            assert f"w={per_week}" in page.url
        expected = _expected_weekly_sets(real_site.site, items, per_week)
        shown = {row.get_attribute("data-group"): float(row.locator(".uba-builder-weekly").inner_text())
                 for row in page.locator(".uba-builder-muscles tbody tr").all()}
        assert {group: value for group, value in shown.items() if value} == expected
        assert expected["traps"] > 0 and any(value % 1 for value in expected.values()) is (per_week % 2 == 1)
        # each view's svg shades a drawn muscle with --uba-m-<muscle>: var(--uba-primary) (10 or more a week) or secondary
        views = page.eval_on_selector_all(".uba-builder-map svg[viewBox]", """svgs => svgs.map(svg => Object.fromEntries(
            Array.from(svg.style).filter(name => name.startsWith('--uba-m-')).map(name => [name.slice(8),
                svg.style.getPropertyValue(name).trim() === 'var(--uba-primary)' ? 'high' : 'low'])))""")
        assert views and all(view == views[0] for view in views)
        painted = views[0]
        for group, value in expected.items():
            strongest = {painted.get(muscle, "") for muscle in groups.get(group, [])}
            assert ("high" in strongest) is (value >= 10), (group, value)
            assert strongest & {"high", "low"}, group
        unworked = [group for group in groups if group not in expected]
        assert unworked and all(painted.get(muscle, "") == "" for group in unworked for muscle in groups[group]
                                if not any(muscle in groups[other] for other in expected))
    expect(page.locator(".uba-builder-balance")).to_contain_text("Push and pull:")


def test_builder_sheet_fills_the_page_and_its_qr_code_opens_the_routine(browser: Browser, real_site: BuildResult, real_site_url: str,
                                                                        tmp_path: Path) -> None:
    with fresh_page(browser, **PHONE_OPTIONS) as phone:
        page = phone.page
        page.goto(real_site_url + "routines/builder/?n=Short&b=Main&x=face-pull_3_12_0_60_0&x=band-external-rotation_2_15_0_30_1")
        expect(page.locator(".uba-builder-item")).to_have_count(2)
        expect(page.locator(".uba-sheet-grid")).to_have_count(3)  # a short routine: three grids, 12 sessions of per-side boxes
        assert page.locator(".uba-sheet-grid").nth(2).locator("thead th").last.inner_text().startswith("Session 12")
        assert page.locator(".uba-sheet-line").count() >= 1
        for paper in ("A4", "Letter"):
            pdf = tmp_path / f"{paper}.pdf"
            page.pdf(path=str(pdf), format=paper)
            assert len(pdf_page_texts(pdf)) == 1
            subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(tmp_path / paper)], check=True)
            decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(tmp_path / f"{paper}.png"))]
            assert decoded == [page.url]
        eight = ("face-pull", "bent-over-row", "pull-up", "push-up", "shrug", "farmers-carry", "prone-y-raise", "band-pull-apart")
        long_routine = "&".join(f"x={exercise}_4_8-12_0_90_0" for exercise in eight)
        page.goto(f"{real_site_url}routines/builder/?n=Long&b=Main&{long_routine}")
        expect(page.locator(".uba-builder-item")).to_have_count(8)
        expect(page.locator(".uba-sheet-grid")).to_have_count(1)
        page.pdf(path=str(tmp_path / "long.pdf"), format="Letter")
        assert len(pdf_page_texts(tmp_path / "long.pdf")) == 1
        assert phone.foreign_requests() == []


def test_an_address_too_long_for_a_qr_code_prints_without_one(shared_page: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{real_site_url}routines/builder/?" + "&".join(["x=rear-delt-cable-fly_3_12-15_0_60_0"] * 100))
    expect(page.locator(".uba-builder-item")).to_have_count(100)
    expect(page.locator(".uba-sheet .uba-qr")).to_have_attribute("hidden", "")
    assert page.locator(".uba-sheet .uba-qr path").count() == 0 and shared_page.errors == []
    page.goto(f"{real_site_url}routines/builder/?x=face-pull")  # a short one has its code again
    expect(page.locator(".uba-sheet .uba-qr path")).to_have_count(1)
    assert page.locator(".uba-sheet .uba-qr").get_attribute("hidden") is None
