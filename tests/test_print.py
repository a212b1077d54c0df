"""Routine pages print as one-page sheets on A4 and US Letter, in real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from browser import WatchedPage, pdf_page_texts
from conftest import REPO, BuildResult

ROUTINES = sorted(path.stem for path in (REPO / "exercises/routines").glob("*.yml"))


def _print(watched: WatchedPage, url: str, paper: str, out: Path) -> tuple[int, str]:
    watched.page.goto(url)
    watched.page.pdf(path=str(out), format=paper)
    pages = pdf_page_texts(out)
    return len(pages), " ".join(pages)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("routine", ROUTINES)
def test_routine_sheet_fits_one_page(routine: str, paper: str, watched: WatchedPage, real_site: BuildResult,
                                     real_site_url: str, tmp_path: Path) -> None:
    pages, text = _print(watched, f"{real_site_url}routines/{routine}/", paper, tmp_path / "sheet.pdf")
    assert pages == 1
    record = yaml.safe_load((REPO / "exercises/routines" / f"{routine}.yml").read_text())
    names = {item["exercise"] for block in record["blocks"] for item in block["items"]}
    flat = " ".join(text.split())
    for exercise_id in names:
        name = yaml.safe_load((REPO / "exercises" / f"{exercise_id}.yml").read_text())["name"]
        assert flat.count(name) >= 2, f"{name} should be in the table and the log grid"
    assert "Session 1" in flat and "Session 4" in flat and "Date:" in flat
    assert f"routines/{routine}/" in flat
    for screen_only in ("Print sheet", "Search", "Table of contents", "Muscles it works"):
        assert screen_only not in flat
