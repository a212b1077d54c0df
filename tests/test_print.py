"""Routine sheets, each on a page of its own (/routines/<id>/sheet/, a programme's /routines/<id>/sheet-a/), print on one
page of A4 and of US Letter in real headless Chromium, with boxes big enough to write in and a QR code that opens the
routine's page; the routine's page itself prints its plan."""

from __future__ import annotations

import functools
import io
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from browser import WatchedPage, fresh_page, pdf_page_texts
from playwright.sync_api import Browser

from conftest import DESKTOP, REPO, BuildResult, repo_config

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout

ATLAS = build_atlas(ProjectLayout(REPO, REPO / "content"))
ROUTINES = sorted(ATLAS.routines)
SITE_URL = repo_config()["site_url"]
MM_PER_CSS_PX = 25.4 / 96


PAPERS = ("A4", "Letter")


@pytest.fixture(scope="module")
def printed(module_page: WatchedPage, real_site: BuildResult, real_site_url: str,
            tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """The PDF of a page (a routine's sheet: `routines/<id>/sheet/`) printed on a paper, printed once per module (checks
    read the same sheet)."""
    folder = tmp_path_factory.mktemp("printed")

    @functools.cache
    def print_page(path: str, paper: str) -> Path:
        pdf = folder / f"{path.strip('/').replace('/', '_')}-{paper}.pdf"
        page = module_page.page
        if page.url != f"{real_site_url}{path}":
            page.goto(f"{real_site_url}{path}")
        page.pdf(path=str(pdf), format=paper)
        return pdf
    return print_page


def _squeezed(text: str) -> str:
    """Text without any whitespace, so a name the PDF wrapped over two lines still matches."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("routine", ROUTINES)
def test_routine_sheet_fits_one_page(routine: str, shared_page: WatchedPage, printed: Callable[[str, str], Path]) -> None:
    for paper in PAPERS:
        pages = pdf_page_texts(printed(f"routines/{routine}/sheet/", paper))
        assert len(pages) == 1, paper
        text = _squeezed(pages[0])
        for exercise_id in ATLAS.routines[routine].exercise_ids:
            assert _squeezed(ATLAS.exercises[exercise_id].name) in text
        assert "Session1" in text and "Session4" in text and "Date:" in text and "Name:" in text
        assert f"{SITE_URL}routines/{routine}/" in text
        assert "Painrule:milddiscomfortuptoabout3outof10" in text and "Redflags" in text
        for screen_only in ("Printable sheet", "Print", "Search", "Table of contents", "Muscles it works", "One page of A4"):
            assert _squeezed(screen_only) not in text


def test_programme_prints_its_plan_and_each_session_its_log_page(shared_page: WatchedPage, printed: Callable[[str, str], Path]) -> None:
    for paper in PAPERS:
        pages = [_squeezed(page) for page in pdf_page_texts(printed("routines/upper-back-four-weeks/", paper))]
        assert "Howtoprogress" in pages[0] and "Week4" in "".join(pages)
        assert not any("Date:" in page or "PrintsheetA" in page for page in pages)  # the plan only; the sheets print from their pages
        session_a = [_squeezed(page) for page in pdf_page_texts(printed("routines/upper-back-four-weeks/sheet-a/", paper))]
        session_b = [_squeezed(page) for page in pdf_page_texts(printed("routines/upper-back-four-weeks/sheet-b/", paper))]
        assert len(session_a) == 1 and len(session_b) == 1, paper
        assert "sessionA,Upperbackstrength,gym" in session_a[0] and "Week1" in session_a[0] and "Week4" in session_a[0]
        assert "sessionB,Rotatorcuffandreardeltday" in session_b[0] and "Painrule" in session_b[0] and "Week5" not in session_b[0]
        assert f"{SITE_URL}routines/upper-back-four-weeks/" in session_a[0]


def test_routine_page_prints_its_plan(shared_page: WatchedPage, printed: Callable[[str, str], Path]) -> None:
    """Printed from the routine's own page (the browser's Print): the plan, its cues and the safety lines; no log grid."""
    text = _squeezed(" ".join(pdf_page_texts(printed("routines/upper-back-strength-gym/", "A4"))))
    assert "Upperbackstrength,gym" in text and "Keycue" in text and "Tearthebandintwo." in text and "Redflags" in text
    assert "Session1" not in text and "Date:" not in text and "Printsheet" not in text


def test_print_sheet_opens_the_sheet_page_which_prints_once_when_asked(browser: Browser, real_site_url: str) -> None:
    """The routine page's "Print sheet" opens the sheet's page with ?print=1: it prints once, then drops the question so
    that reloading does not print again; opened without it, it does not print."""
    with fresh_page(browser, viewport=DESKTOP) as watched:
        page = watched.page
        page.add_init_script("window.ubaPrinted = 0; window.print = function () { window.ubaPrinted += 1; };")
        page.goto(f"{real_site_url}routines/upper-back-strength-gym/")
        page.click("a.md-button:text-is('Print sheet')")
        page.wait_for_function("window.ubaPrinted === 1")
        assert page.url == f"{real_site_url}routines/upper-back-strength-gym/sheet/"
        assert page.locator(".uba-sheet .uba-sheet-grid").count() >= 1
        page.reload()
        page.wait_for_selector(".uba-sheet-page")
        assert page.evaluate("document.fonts.ready.then(() => window.ubaPrinted)") == 0
        page.click("button[data-uba-print]")  # the page's own Print button, the only way it prints without asking
        page.wait_for_function("window.ubaPrinted === 1")
        page.goto(f"{real_site_url}routines/upper-back-four-weeks/sheet-b/")
        page.wait_for_selector(".uba-sheet-page")
        assert page.evaluate("document.fonts.ready.then(() => window.ubaPrinted)") == 0
        assert watched.errors == []


@pytest.mark.parametrize("routine", ["upper-back-strength-gym", "upper-back-strength-home", "focus-traps"])
def test_sheet_boxes_are_big_enough_to_write_in(routine: str, shared_page: WatchedPage, real_site_url: str) -> None:
    """Laid out for paper (A4 width, print media): every box at least 12 mm wide, one box per side for per-side sets,
    a row for each set."""
    page = shared_page.page
    page.set_viewport_size({"width": round(194 / MM_PER_CSS_PX), "height": 1000})
    page.goto(f"{real_site_url}routines/{routine}/sheet/")
    page.emulate_media(media="print")
    boxes = page.locator(".uba-sheet .uba-box").evaluate_all(
        "nodes => nodes.map(n => [n.getBoundingClientRect().width, n.getBoundingClientRect().height, n.dataset.side || ''])")
    assert boxes
    assert min(width for width, _, _ in boxes) * MM_PER_CSS_PX >= 12
    assert min(height for _, height, _ in boxes) * MM_PER_CSS_PX >= 5
    items = [item for block in ATLAS.routines[routine].blocks for item in block.items]
    grids = page.locator(".uba-sheet-grid").count()
    sessions = page.locator(".uba-sheet-grid thead th").count() - 2 * grids
    expected = sum((item.dose.sets or 1) * sessions * (2 if item.dose.per_side else 1) for item in items)
    assert len(boxes) == expected
    assert page.locator(".uba-sheet-grid tbody tr").count() == sum(item.dose.sets or 1 for item in items) * grids
    if any(item.dose.per_side for item in items):
        assert {"L", "R"} <= {side for _, _, side in boxes}


@pytest.mark.parametrize(("routine", "sheet"), [("desk-posture-reset", "sheet"), ("focus-lower-traps", "sheet"),
                                                ("upper-back-four-weeks", "sheet-a")])
def test_sheet_qr_code_opens_the_routine_page(routine: str, sheet: str, shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{real_site_url}routines/{routine}/{sheet}/")
    page.emulate_media(media="print")
    png = page.locator(".uba-qr svg").first.screenshot(scale="device")
    image = Image.open(io.BytesIO(png)).convert("L").resize((400, 400), Image.Resampling.NEAREST)
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [f"{SITE_URL}routines/{routine}/"]


def test_printed_qr_code_decodes_from_the_pdf(shared_page: WatchedPage, printed: Callable[[str, str], Path], tmp_path: Path) -> None:
    """The QR code as printed: the PDF page rasterised at 200 dpi, decoded like a phone camera would."""
    routine = "upper-back-strength-gym"
    for paper in PAPERS:
        raster = tmp_path / paper
        pdf = printed(f"routines/{routine}/sheet/", paper)
        subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(pdf), str(raster)], check=True)
        image = Image.open(next(tmp_path.glob(f"{paper}*.png"))).convert("L")
        assert [result.text for result in zxingcpp.read_barcodes(image)] == [f"{SITE_URL}routines/{routine}/"], paper


@pytest.mark.parametrize("routine", ["upper-back-strength-home", "focus-traps"])
def test_boxes_measured_in_the_pdf_are_at_least_12_mm(routine: str, shared_page: WatchedPage, printed: Callable[[str, str], Path]) -> None:
    """In the PDF itself: the session columns' headings are centred over their columns, so the distance between two
    headings' centres is a column's width; a box is the column less its padding and borders, halved for per-side sets."""
    per_side = any(item.dose.per_side for block in ATLAS.routines[routine].blocks for item in block.items)
    for paper in PAPERS:
        layout = subprocess.run(["pdftotext", "-bbox", str(printed(f"routines/{routine}/sheet/", paper)), "-"],
                                capture_output=True, text=True, check=True).stdout
        words = [(float(x_min), float(x_max), text) for x_min, x_max, text in
                 re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', layout)]
        centres = [(start + words[index + 1][1]) / 2 for index, (start, _, text) in enumerate(words[:-1])
                   if text == "Session" and words[index + 1][2].isdigit()]
        # a short routine prints a second grid below the first, whose columns start again at the left: measure the first
        restarts = [index for index in range(1, len(centres)) if centres[index] < centres[index - 1]]
        centres = centres[:restarts[0]] if restarts else centres
        assert len(centres) >= 4, paper
        column_mm = min(b - a for a, b in zip(centres, centres[1:], strict=False)) * 25.4 / 72
        box_mm = (column_mm - 1.5) / (2 if per_side else 1)
        assert box_mm >= 12, (paper, column_mm, per_side)
