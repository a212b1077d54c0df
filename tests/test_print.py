"""Routine sheets print on one page of A4 and of US Letter in real headless Chromium, with boxes big enough to write in
and a QR code that opens the routine's page."""

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

from browser import WatchedPage, pdf_page_texts
from conftest import REPO, BuildResult, repo_config

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
    """The PDF of a routine's page printed on a paper, printed once per module (checks read the same sheet)."""
    folder = tmp_path_factory.mktemp("printed")

    @functools.cache
    def print_routine(routine: str, paper: str) -> Path:
        pdf = folder / f"{routine}-{paper}.pdf"
        page = module_page.page
        if not page.url.startswith(f"{real_site_url}routines/{routine}/"):
            page.goto(f"{real_site_url}routines/{routine}/")
        page.pdf(path=str(pdf), format=paper)
        return pdf
    return print_routine


def _squeezed(text: str) -> str:
    """Text without any whitespace, so a name the PDF wrapped over two lines still matches."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("routine", ROUTINES)
def test_routine_sheet_fits_one_page(routine: str, shared_page: WatchedPage, printed: Callable[[str, str], Path]) -> None:
    for paper in PAPERS:
        pages = pdf_page_texts(printed(routine, paper))
        assert len(pages) == 1, paper
        text = _squeezed(pages[0])
        for exercise_id in ATLAS.routines[routine].exercise_ids:
            assert _squeezed(ATLAS.exercises[exercise_id].name) in text
        assert "Session1" in text and "Session4" in text and "Date:" in text and "Name:" in text
        assert f"{SITE_URL}routines/{routine}/" in text
        assert "Painrule:milddiscomfortuptoabout3outof10" in text and "Redflags" in text
        for screen_only in ("Print sheet", "Search", "Table of contents", "Muscles it works"):
            assert _squeezed(screen_only) not in text


def test_programme_prints_its_plan_and_a_log_page_per_session(shared_page: WatchedPage, printed: Callable[[str, str], Path]) -> None:
    for paper in PAPERS:
        pages = [_squeezed(page) for page in pdf_page_texts(printed("upper-back-four-weeks", paper))]
        assert len(pages) == 3
        assert "Howtoprogress" in pages[0] and "Week4" in pages[0]
        assert "sessionA,Upperbackstrength,gym" in pages[1] and "Week1" in pages[1] and "Week4" in pages[1]
        assert "sessionB,Rotatorcuffandreardeltday" in pages[2] and "Painrule" in pages[2]


@pytest.mark.parametrize("routine", ["upper-back-strength-gym", "upper-back-strength-home", "focus-traps"])
def test_sheet_boxes_are_big_enough_to_write_in(routine: str, shared_page: WatchedPage, real_site_url: str) -> None:
    """Laid out for paper (A4 width, print media): every box at least 12 mm wide, one box per side for per-side sets,
    a row for each set."""
    page = shared_page.page
    page.set_viewport_size({"width": round(194 / MM_PER_CSS_PX), "height": 1000})
    page.goto(f"{real_site_url}routines/{routine}/")
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


@pytest.mark.parametrize("routine", ["desk-posture-reset", "focus-lower-traps", "upper-back-four-weeks"])
def test_sheet_qr_code_opens_the_routine_page(routine: str, shared_page: WatchedPage, real_site_url: str) -> None:
    page = shared_page.page
    page.goto(f"{real_site_url}routines/{routine}/")
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
        subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(printed(routine, paper)), str(raster)], check=True)
        image = Image.open(next(tmp_path.glob(f"{paper}*.png"))).convert("L")
        assert [result.text for result in zxingcpp.read_barcodes(image)] == [f"{SITE_URL}routines/{routine}/"], paper


@pytest.mark.parametrize("routine", ["upper-back-strength-home", "focus-traps"])
def test_boxes_measured_in_the_pdf_are_at_least_12_mm(routine: str, shared_page: WatchedPage, printed: Callable[[str, str], Path]) -> None:
    """In the PDF itself: the session columns' headings are centred over their columns, so the distance between two
    headings' centres is a column's width; a box is the column less its padding and borders, halved for per-side sets."""
    per_side = any(item.dose.per_side for block in ATLAS.routines[routine].blocks for item in block.items)
    for paper in PAPERS:
        layout = subprocess.run(["pdftotext", "-bbox", str(printed(routine, paper)), "-"],
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
