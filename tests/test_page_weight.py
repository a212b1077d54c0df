"""Page weight on the real site: what every page shares (the muscle map's drawings, the logo) is a cached file, so
an exercise page carries only what differs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import SYNTHETIC_EXERCISES, BuildResult

KB = 1024
"""A kilobyte, as the budgets of issue 26 and the figures' own (tests/test_figures.py: FIGURE_BUDGET = 12 KB) count it."""
EXERCISE_PAGE_BYTES = 40 * KB
"""The target of issue 26: an exercise page is at most 40 KB of HTML. Each still of a figure shows the moving drawing again
(`<use>`), so a page carries each drawing once: the heaviest pages (the walking carries, the get-up, the Y-W-T-L-I raises) weigh
just under 40,000 bytes."""
EXERCISE_PAGE_GZIPPED_BYTES = 12 * KB
"""And at most 12 KB gzipped, as a server sends it."""
PAGE_BYTES = 60_000
LISTING_PAGES = ("muscles/", "sources/", "ladders/", "routines/index.html", "index.html")
"""Pages that list records and must stay within PAGE_BYTES however many records there are (the home page counts)."""
FINDER_INDEX_BYTES = 1_000_000
"""Issue 26: the finder's first load (its index, which the routine builder reads too) is at most 1 MB at 5,000 exercises."""
EXERCISE_INDEX_BYTES = 190
INDEX_TABLE_BYTES = 50_000


def test_exercise_pages_are_light(real_site: BuildResult) -> None:
    pages = sorted((real_site.site / "exercises").glob("*/index.html"))
    assert len(pages) > 50
    heavy = {page.parent.name: (len(data), len(gzip.compress(data))) for page in pages
             if (size := len(data := page.read_bytes())) > EXERCISE_PAGE_BYTES
             or len(gzip.compress(data)) > EXERCISE_PAGE_GZIPPED_BYTES or size == 0}
    assert heavy == {}


def test_no_page_is_heavy(real_site: BuildResult) -> None:
    pages = list(real_site.site.rglob("*.html"))
    assert len(pages) > 100
    sheets = [page for page in pages if page.parent.name.startswith("sheet")]  # every routine's sheet and each programme session's
    assert len(sheets) > 15 and {page.parent.name for page in sheets} == {"sheet", "sheet-a", "sheet-b"}
    assert {page.relative_to(real_site.site).as_posix(): page.stat().st_size for page in pages if page.stat().st_size > PAGE_BYTES} == {}


def test_every_view_of_the_map_is_one_shared_file(real_site: BuildResult) -> None:
    drawings = sorted(path.name for path in (real_site.site / "assets" / "anatomy").glob("*.svg"))
    assert drawings == ["back-deep.svg", "back.svg", "front-deep.svg", "front.svg"]
    for page in ("exercises/face-pull/index.html", "muscles/rhomboids/index.html", "muscles/index.html", "index.html"):
        html = (real_site.site / page).read_text(encoding="utf-8")
        map_html = html[html.index('<div class="uba-map'):html.index('class="uba-credit"')]
        assert "assets/anatomy/" in map_html and "<path" not in map_html and "uba-shape" not in html, page


def test_listing_pages_stay_light_as_the_records_grow(synthetic_site: BuildResult, real_site: BuildResult) -> None:
    """Muscle pages show a few exercise cards, then names, then the finder; the bibliography names a few exercises per
    source and counts the rest: so with more than twice the real site's exercises no listing page passes 60 KB."""
    def listing_sizes(site: Path) -> dict[str, int]:
        return {page.relative_to(site).as_posix(): page.stat().st_size for page in site.rglob("*.html")
                if page.relative_to(site).as_posix().startswith(LISTING_PAGES)}
    synthetic, real = listing_sizes(synthetic_site.site), listing_sizes(real_site.site)
    assert len(list((synthetic_site.site / "exercises").glob("*/index.html"))) == SYNTHETIC_EXERCISES
    assert {page: size for page, size in synthetic.items() if size > PAGE_BYTES} == {}
    traps = synthetic_site.page("muscles/traps/")
    assert "../../exercises/?muscle=traps" in traps and "more not listed here" in traps
    assert "more exercises)" in synthetic_site.page("sources/")
    # the muscle pages' cards draw each figure once: the best exercises at the top reuse the list's drawings
    assert traps.count('<use xlink:href="#uba-thumb-') >= 3
    assert real["muscles/traps/index.html"] <= PAGE_BYTES


def test_the_finder_index_stays_within_1_mb_at_5000_exercises(synthetic_site: BuildResult) -> None:
    """The index the finder and the builder read: what each exercise adds (its columns, the builder's codes) at most
    EXERCISE_INDEX_BYTES, the tables they number into (words, muscles, doses, texts...) at most INDEX_TABLE_BYTES, so 1 MB
    holds 5,000 exercises (934 KB measured at 5,000 by the benchmark: benchmarks/results.md)."""
    index = json.loads((synthetic_site.site / "api/finder.json").read_bytes())
    builder = index["builder"]
    assert len(builder["codes"]) == SYNTHETIC_EXERCISES * sum(builder["widths"])
    per_exercise = (_json_bytes(index["exercises"]) + len(builder["codes"])) / SYNTHETIC_EXERCISES
    tables = _json_bytes(index) - _json_bytes(index["exercises"]) - len(builder["codes"])
    assert per_exercise <= EXERCISE_INDEX_BYTES and tables <= INDEX_TABLE_BYTES
    assert 5000 * EXERCISE_INDEX_BYTES + INDEX_TABLE_BYTES <= FINDER_INDEX_BYTES


def _json_bytes(data: object) -> int:
    return len(json.dumps(data, separators=(",", ":")))
