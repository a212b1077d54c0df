"""The routine builder in real Chromium: add from the finder and from exercise pages, edit, reorder with buttons and
keys, the routine in the URL (a fresh browser gets the same one), warnings, print, and the page without JavaScript."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from browser import NO_TRANSITIONS, WatchedPage, fresh_page, open_context, pdf_page_texts, serious_accessibility_violations
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
            expect(other.page.locator(".uba-sheet-item")).to_have_count(2)
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
