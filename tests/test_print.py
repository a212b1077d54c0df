"""Routine sheets print on one page of A4 and of US Letter in real headless Chromium, with boxes big enough to write in
and a QR code that opens the routine's page."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import yaml
import zxingcpp
from PIL import Image

from browser import WatchedPage, pdf_page_texts
from conftest import REPO, BuildResult

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout

ATLAS = build_atlas(ProjectLayout(REPO, REPO / "content"))
ROUTINES = sorted(ATLAS.routines)
SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text())["site_url"]
MM_PER_CSS_PX = 25.4 / 96


def _print(watched: WatchedPage, url: str, paper: str, out: Path) -> list[str]:
    watched.page.goto(url)
    watched.page.pdf(path=str(out), format=paper)
    return pdf_page_texts(out)


def _squeezed(text: str) -> str:
    """Text without any whitespace, so a name the PDF wrapped over two lines still matches."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("routine", ROUTINES)
def test_routine_sheet_fits_one_page(routine: str, paper: str, watched: WatchedPage, real_site: BuildResult,
                                     real_site_url: str, tmp_path: Path) -> None:
    pages = _print(watched, f"{real_site_url}routines/{routine}/", paper, tmp_path / "sheet.pdf")
    assert len(pages) == 1
    text = _squeezed(pages[0])
    for exercise_id in ATLAS.routines[routine].exercise_ids:
        assert _squeezed(ATLAS.exercises[exercise_id].name) in text
    assert "Session1" in text and "Session4" in text and "Date:" in text and "Name:" in text
    assert f"{SITE_URL}routines/{routine}/" in text
    assert "Painrule:milddiscomfortuptoabout3outof10" in text and "Redflags" in text
    for screen_only in ("Print sheet", "Search", "Table of contents", "Muscles it works"):
        assert _squeezed(screen_only) not in text


def test_programme_prints_its_plan_and_a_log_page_per_session(watched: WatchedPage, real_site: BuildResult, real_site_url: str,
                                                              tmp_path: Path) -> None:
    for paper in ("A4", "Letter"):
        pages = [_squeezed(page)
                 for page in _print(watched, f"{real_site_url}routines/upper-back-four-weeks/", paper, tmp_path / "plan.pdf")]
        assert len(pages) == 3
        assert "Howtoprogress" in pages[0] and "Week4" in pages[0]
        assert "sessionA,Upperbackstrength,gym" in pages[1] and "Week1" in pages[1] and "Week4" in pages[1]
        assert "sessionB,Rotatorcuffandreardeltday" in pages[2] and "Painrule" in pages[2]


@pytest.mark.parametrize("routine", ["upper-back-strength-gym", "upper-back-strength-home", "focus-traps"])
def test_sheet_boxes_are_big_enough_to_write_in(routine: str, watched: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    """Laid out for paper (A4 width, print media): every box at least 12 mm wide, one box per side for per-side sets,
    a row for each set."""
    page = watched.page
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
def test_sheet_qr_code_opens_the_routine_page(routine: str, watched: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = watched.page
    page.goto(f"{real_site_url}routines/{routine}/")
    page.emulate_media(media="print")
    png = page.locator(".uba-qr svg").first.screenshot(scale="device")
    image = Image.open(io.BytesIO(png)).convert("L").resize((400, 400), Image.Resampling.NEAREST)
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [f"{SITE_URL}routines/{routine}/"]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_qr_code_decodes_from_the_pdf(paper: str, watched: WatchedPage, real_site: BuildResult, real_site_url: str,
                                              tmp_path: Path) -> None:
    """The QR code as printed: the PDF page rasterised at 200 dpi, decoded like a phone camera would."""
    routine = "upper-back-strength-gym"
    watched.page.goto(f"{real_site_url}routines/{routine}/")
    watched.page.pdf(path=str(tmp_path / "sheet.pdf"), format=paper)
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(tmp_path / "sheet.pdf"), str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    assert [result.text for result in zxingcpp.read_barcodes(image)] == [f"{SITE_URL}routines/{routine}/"]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("routine", ["upper-back-strength-home", "focus-traps"])
def test_boxes_measured_in_the_pdf_are_at_least_12_mm(routine: str, paper: str, watched: WatchedPage, real_site: BuildResult,
                                                      real_site_url: str, tmp_path: Path) -> None:
    """In the PDF itself: the session columns' headings are centred over their columns, so the distance between two
    headings' centres is a column's width; a box is the column less its padding and borders, halved for per-side sets."""
    watched.page.goto(f"{real_site_url}routines/{routine}/")
    pdf = tmp_path / "sheet.pdf"
    watched.page.pdf(path=str(pdf), format=paper)
    layout = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(x_min), float(x_max), text) for x_min, x_max, text in
             re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', layout)]
    centres = [(start + words[index + 1][1]) / 2 for index, (start, _, text) in enumerate(words[:-1])
               if text == "Session" and words[index + 1][2].isdigit()]
    assert len(centres) >= 4
    column_mm = min(b - a for a, b in zip(centres, centres[1:], strict=False)) * 25.4 / 72
    per_side = any(item.dose.per_side for block in ATLAS.routines[routine].blocks for item in block.items)
    box_mm = (column_mm - 1.5) / (2 if per_side else 1)
    assert box_mm >= 12, (column_mm, per_side)
