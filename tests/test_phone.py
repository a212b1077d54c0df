"""On a phone (390 × 844) in real headless Chromium: no sideways scrolling, a finder made for one hand, targets
big enough to tap, an installable site that works with the network cut."""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page

from browser import PHONE, FINDER_DRAWN, WatchedPage, fresh_page, open_context, pdf_page_texts, search, serve_folder
from conftest import BuildResult

from atlas.site.offline import (KEPT_WHEN_READ, PRECACHE_BYTES, PRECACHED_WHEN_ROOM, kept_when_read, precached_urls, published_files,
                                write_service_worker)

PAGE_KINDS = {
    "home": "", "guide": "guides/desk-posture/", "exercise": "exercises/face-pull/", "muscle": "muscles/traps/",
    "map": "muscles/", "finder": "exercises/", "routine": "routines/upper-back-strength-gym/", "routines": "routines/",
    "builder": "routines/builder/", "404": "404.html",
}



def _kinds(site: BuildResult) -> dict[str, str]:
    """Every page kind, each checked to exist in the built site."""
    missing = [kind for kind, path in PAGE_KINDS.items()
               if not ((site.site / (path or "index.html")).exists() or (site.site / path / "index.html").exists())]
    assert missing == []
    return dict(PAGE_KINDS)


def test_no_page_kind_scrolls_sideways(phone: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    kinds = _kinds(real_site)
    assert set(PAGE_KINDS) - set(kinds) <= {"builder"}
    wide = {}
    for kind, path in kinds.items():
        phone.page.goto(real_site_url + path)
        phone.page.wait_for_function("document.fonts.status === 'loaded'")
        width = phone.page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            wide[kind] = width
    assert wide == {}


def _in_view(page: Page, selector: str) -> bool:
    """The element's centre is on screen and it is the element found there (nothing covers it)."""
    return page.eval_on_selector(selector, """element => {
        const box = element.getBoundingClientRect();
        const x = box.left + box.width / 2, y = box.top + Math.min(box.height / 2, 10);
        if (box.bottom <= 0 || box.top >= innerHeight || x < 0 || x > innerWidth) { return false; }
        const found = document.elementFromPoint(x, y);
        return found !== null && (element.contains(found) || found.contains(element));
    }""")


def test_finder_keeps_the_count_and_the_first_result_in_view(phone: WatchedPage, real_site_url: str) -> None:
    page = phone.page
    page.goto(f"{real_site_url}exercises/")
    page.wait_for_selector(FINDER_DRAWN)
    assert page.is_hidden(".uba-finder-panel")
    page.tap(".uba-finder-toggle")
    assert page.get_attribute(".uba-finder-toggle", "aria-expanded") == "true"
    assert page.is_visible(".uba-finder-panel")
    for value in ("rhomboids", "resistance-band", "beginner"):
        page.tap(f".uba-finder-panel label:has(input[value='{value}'])")
        page.wait_for_function("value => document.querySelector(`.uba-finder-panel input[value='${value}']`).checked", arg=value)
        page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => done(true)))")
        assert _in_view(page, ".uba-finder-count"), value
        assert _in_view(page, ".uba-finder-results li:first-child a"), value
    assert page.text_content(".uba-finder-toggle") == "Filters (3)"
    page.tap(".uba-finder-done")
    assert page.is_hidden(".uba-finder-panel")
    assert _in_view(page, ".uba-finder-results li:first-child a")


def test_muscle_lists_do_not_scroll_inside_a_box(phone: WatchedPage, real_site_url: str) -> None:
    phone.page.goto(f"{real_site_url}exercises/")
    phone.page.wait_for_selector(FINDER_DRAWN)
    phone.page.tap(".uba-finder-toggle")
    boxed = phone.page.eval_on_selector_all(".uba-facet, .uba-facet-options",
                                            "els => els.filter(e => e.scrollHeight > e.clientHeight + 1).length")
    assert boxed == 0


def test_touch_targets_are_at_least_24_px(phone: WatchedPage, real_site_url: str) -> None:
    page = phone.page
    page.goto(real_site_url)
    sizes = page.eval_on_selector_all("a.uba-way",
                                      "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])")
    assert len(sizes) == 5 and all(w >= 24 and h >= 24 for w, h in sizes)
    page.goto(f"{real_site_url}exercises/")
    page.wait_for_selector(FINDER_DRAWN)
    page.tap(".uba-finder-toggle")
    small = page.eval_on_selector_all(
        ".uba-finder-panel label, .uba-finder-toggle, .uba-finder-done, .uba-finder-results a, #uba-q",
        "els => els.filter(e => e.offsetParent !== null)"
        ".map(e => [e.textContent.trim(), e.getBoundingClientRect().width, e.getBoundingClientRect().height])"
        ".filter(([, w, h]) => w < 24 || h < 24)")
    assert small == []


def test_home_page_shows_the_ways_in_and_the_map_above_the_fold(phone: WatchedPage, real_site: BuildResult, real_site_url: str) -> None:
    page = phone.page
    page.goto(real_site_url)
    bottoms = page.eval_on_selector_all("a.uba-way, .uba-map--home svg", "els => els.map(e => e.getBoundingClientRect().bottom)")
    # The ways in and the map's first row (back and deep back, two abreast); the front views follow below.
    assert len(bottoms) == 9 and max(bottoms[:7]) <= PHONE["height"]
    assert page.locator(".md-content__button").count() == 0
    for href in page.eval_on_selector_all("a.uba-way", "els => els.map(e => e.href)"):
        path = href.removeprefix(real_site_url)
        assert (real_site.site / path / "index.html").exists(), href


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_manifest_is_valid_and_its_icons_exist(real_site: BuildResult) -> None:
    manifest = json.loads((real_site.site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert {"name", "short_name", "start_url", "scope", "display", "background_color", "theme_color", "icons"} <= set(manifest)
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    pngs = {icon["sizes"]: icon["src"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= set(pngs)
    for sizes, src in pngs.items():
        assert "x".join(map(str, _png_size(real_site.site / src))) == sizes
    head = real_site.page("exercises/face-pull/")
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in head
    assert '<meta name="theme-color"' in head


def _offline_context(browser: Browser, site_url: str, requests: list[str] | None = None,
                     visited: tuple[str, ...] = (), saved: str | None = None) -> BrowserContext:
    """A context that visited the home page and the `visited` pages, saved the routine `saved` for offline use, and
    is now controlled by the service worker, offline; `requests` collects every request of the context, the service
    worker's precaching included."""
    context = open_context(browser, service_worker=True, viewport=PHONE, has_touch=True)
    if requests is not None:
        context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    page.wait_for_selector(".uba-offline-status:text-is('Saved for offline use')", timeout=60_000)
    for path in visited:
        page.goto(site_url + path)
    if saved:
        page.goto(site_url + saved)
        page.tap("[data-uba-save]")
        page.wait_for_selector(".uba-save-note:has-text('Saved for offline use')", timeout=60_000)
    page.close()
    context.set_offline(True)
    return context


def _precached(site: Path) -> list[str]:
    worker = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(worker.split("var FILES = ", 1)[1].split(";\n", 1)[0])


def test_precache_holds_the_shell_and_the_pages_to_browse_by(real_site: BuildResult) -> None:
    files = _precached(real_site.site)
    for needed in ("./", "exercises/", "muscles/", "muscles/rhomboids/", "routines/upper-back-strength-gym/", "guides/activation/",
                   "api/finder.json", "assets/anatomy/back.svg", "assets/images/logo.svg"):
        assert needed in files, needed
    assert [url for url in files if url.startswith("exercises/") and url != "exercises/"] == []
    # The public export is kept when read, not precached; the worker is told which files are. The search index, small on
    # this site, fits in the precache whole (any search works offline after one visit).
    assert [url for url in files if kept_when_read(url) and not url.startswith(PRECACHED_WHEN_ROOM)] == []
    assert "api/exercises.json" in KEPT_WHEN_READ and any(url.startswith(PRECACHED_WHEN_ROOM) for url in files)
    assert f"var KEPT_WHEN_READ = {json.dumps(list(KEPT_WHEN_READ))};" in (real_site.site / "sw.js").read_text(encoding="utf-8")
    # a routine's sheet is kept when read or when the routine is saved
    assert [url for url in files if url.startswith("routines/") and "/sheet" in url] == []
    size = sum((real_site.site / (url + "index.html" if url.endswith("/") else url).removeprefix("./")).stat().st_size for url in files)
    assert size <= PRECACHE_BYTES


def test_the_precache_stays_within_its_budget_routines_before_search(tmp_path: Path) -> None:
    """With a hundred routines, not all fit: the shell and the pages to browse by always; routines, then search shards,
    while there is room; never exercise pages, sheets or the export."""
    files: dict[str, Path] = {}

    def add(url: str, size: int) -> None:
        files[url] = tmp_path / f"file-{len(files)}"
        files[url].write_bytes(b"x" * size)

    for url in ("./", "assets/atlas.css", "routines/", "muscles/traps/", "search/search_index.json"):
        add(url, 1_000)
    for number in range(10):
        add(f"routines/r{number}/", 600_000)
    for url in ("routines/r0/sheet/", "exercises/shrug/", "api/exercises.json", "search/v1/terms/1.json"):
        add(url, 60_000)
    urls = precached_urls(files)
    assert sum(files[url].stat().st_size for url in urls) <= PRECACHE_BYTES
    assert urls[:5] == ["./", "assets/atlas.css", "routines/", "muscles/traps/", "search/search_index.json"]
    assert urls[5:] == [f"routines/r{number}/" for number in range(8)] + ["search/v1/terms/1.json"]


def test_the_published_files_are_listed_in_the_order_of_their_paths(tmp_path: Path) -> None:
    """The worker's version hashes the files in this order: folder by folder (a/b before a-b/x, though "-" sorts before
    "/"), pages by their folder address, the worker and source maps left out."""
    for relative in ("index.html", "a-b/x.css", "a/b/index.html", "a/c.js", "a/c.js.map", "sw.js", ".hidden", "z/index.html"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(relative, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    files = published_files(tmp_path)
    assert list(files) == [".hidden", "a/b/", "a/c.js", "a-b/x.css", "./", "z/"]
    assert [files[url] for url in files] == [path for path in sorted(tmp_path.rglob("*")) if path.name in {
        ".hidden", "index.html", "c.js", "x.css"}]


def test_site_works_offline_after_one_visit(browser: Browser, real_site: BuildResult, real_site_url: str, tmp_path: Path) -> None:
    requests: list[str] = []
    context = _offline_context(browser, real_site_url, requests, visited=("exercises/shrug/",), saved="routines/upper-back-strength-gym/")
    assert len(requests) > 50 and [url for url in requests if not url.startswith(real_site_url)] == []  # the site, precached
    phone = WatchedPage(context.new_page())
    page = phone.page
    # A visited exercise page, then search from it.
    page.goto(f"{real_site_url}exercises/shrug/")
    assert page.text_content("h1").startswith("Shrug")
    assert search(page, real_site_url, "face pull")[0] == "exercises/face-pull/"
    # An exercise of the saved routine, and one neither visited nor saved: the page says it is not here.
    routine = json.loads((real_site.site / "api" / "exercises.json").read_text(encoding="utf-8"))
    gym = next(item for item in routine["routines"] if item["id"] == "upper-back-strength-gym")
    kept = set(gym["exercises"])
    page.goto(f"{real_site_url}exercises/{sorted(kept)[0]}/")
    assert page.text_content("h1") != "Page not found"
    unread = next(exercise["id"] for exercise in routine["exercises"] if exercise["id"] not in kept | {"shrug"})
    page.goto(f"{real_site_url}exercises/{unread}/")
    assert page.text_content("h1") == "Page not found"
    # The finder, filtered, from its own precached index: the public export was never downloaded.
    page.goto(f"{real_site_url}exercises/?muscle=rhomboids")
    page.wait_for_selector(".uba-finder-results li")
    rhomboids = [e["name"] for e in routine["exercises"] if "rhomboids" in e["groups"]["primary"]]
    assert page.eval_on_selector_all(".uba-finder-results a", "els => els.map(e => e.textContent)") == rhomboids[:60]
    page.tap(".uba-finder-toggle")
    page.tap(".uba-finder-panel label:has(input[value='beginner'])")
    page.wait_for_function("location.search.includes('level=beginner')")
    # The routine builder, from the same precached index: a routine's exercises, their doses and the printed sheet.
    page.goto(f"{real_site_url}routines/builder/?n=Gym&b=Main&x=face-pull&x=shrug_3_10_0_60_0")
    page.wait_for_selector(".uba-builder-item")
    assert page.eval_on_selector_all(".uba-builder-item-name a", "els => els.map(e => e.textContent)") == ["Face pull", "Shrug"]
    assert page.input_value(".uba-builder-item:first-child input[type=number]") == str(next(
        e["dose"]["sets"] or 2 for e in routine["exercises"] if e["id"] == "face-pull"))
    assert page.text_content(".uba-sheet-title") == "Gym" and page.locator(".uba-sheet-grid").count() >= 1
    assert [url for url in requests if url.endswith("api/exercises.json")] == []
    # A routine's sheet, kept with the routine, printed.
    page.goto(f"{real_site_url}routines/upper-back-strength-gym/sheet/")
    pdf = tmp_path / "sheet.pdf"
    page.pdf(path=str(pdf), format="A4")
    printed = pdf_page_texts(pdf)
    assert len(printed) == 1 and "Upper back strength" in printed[0] and "Session 1" in printed[0]
    context.close()
    assert phone.foreign_requests() == []
    assert phone.errors == []


def test_a_new_build_replaces_the_cache_and_no_kept_page_is_stale(browser: Browser, real_site: BuildResult, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    with serve_folder(site) as site_url:
        context = open_context(browser, service_worker=True, viewport=PHONE, has_touch=True)
        page = context.new_page()
        page.goto(site_url)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
        page.wait_for_selector(".uba-offline-status:text-is('Saved for offline use')", timeout=60_000)
        page.goto(f"{site_url}exercises/shrug/")  # kept when read
        page.goto(site_url)
        old = page.evaluate("caches.keys()")
        # A new build: one exercise page changed, so the worker is new.
        shrug = site / "exercises/shrug/index.html"
        shrug.write_text(shrug.read_text(encoding="utf-8").replace("</h1>", " (new build)</h1>", 1), encoding="utf-8")
        write_service_worker(site)
        page.evaluate("navigator.serviceWorker.getRegistration().then(registration => registration.update())")
        page.wait_for_selector(".uba-offline-status:has-text('A new version is available')", timeout=60_000)
        page.reload()
        page.wait_for_selector(".uba-offline-status:text-is('Saved for offline use')", timeout=60_000)
        new = page.evaluate("caches.keys()")
        assert len(old) == 1 and len(new) == 1 and new != old
        # The page kept from the old build went with the old cache: offline it is not served stale but missing,
        # and once read again it is the new build's.
        context.set_offline(True)
        page.goto(f"{site_url}exercises/shrug/")
        assert page.text_content("h1") == "Page not found"
        context.set_offline(False)
        page.goto(f"{site_url}exercises/shrug/")
        context.set_offline(True)
        page.goto(f"{site_url}exercises/shrug/")
        assert "(new build)" in (page.text_content("h1") or "")
        page.reload()
        page.wait_for_selector(".uba-offline-status:text-is('Saved for offline use')", timeout=60_000)
        context.close()


def test_a_saved_programme_keeps_its_session_sheets_offline(browser: Browser, real_site_url: str) -> None:
    """Sheets are not precached: "Save this programme for offline" keeps each session's sheet page with the programme."""
    context = _offline_context(browser, real_site_url, saved="routines/upper-back-four-weeks/")
    try:
        page = context.new_page()
        for label in ("a", "b"):
            page.goto(f"{real_site_url}routines/upper-back-four-weeks/sheet-{label}/")
            assert page.locator(".uba-sheet .uba-sheet-grid").count() == 1 and page.locator(".uba-qr svg").count() == 1
        page.goto(f"{real_site_url}routines/upper-back-strength-gym/sheet/")  # neither read nor saved
        assert page.text_content("h1") == "Page not found"
    finally:
        context.close()


def _top(page: Page, selector: str) -> float:
    return float(page.eval_on_selector(selector, "element => element.getBoundingClientRect().top + window.scrollY"))


def test_exercise_page_puts_figure_dose_and_steps_before_the_map_and_facts(phone: WatchedPage, browser: Browser,
                                                                            real_site_url: str) -> None:
    page = phone.page
    page.goto(f"{real_site_url}exercises/face-pull/")
    steps = _top(page, "h2#how-to-do-it")
    assert _top(page, "h1") < _top(page, ".uba-fig") < steps < _top(page, ".uba-dose") < _top(page, "h2#how-to-do-it ~ ol")
    assert steps < _top(page, ".uba-map--small") and steps < _top(page, ".uba-facts")
    assert max(_top(page, ".uba-map--small"), _top(page, ".uba-facts")) < _top(page, "h2#sources")  # references last
    assert page.is_visible(".uba-dose") and "3 × 12" in page.inner_text(".uba-dose")
    assert steps < 1.5 * PHONE["height"]  # the steps start on the second screen at the latest, not 2,400 px down
    with fresh_page(browser, viewport={"width": 1280, "height": 900}) as desktop:  # the desktop keeps its layout
        desktop.page.goto(f"{real_site_url}exercises/face-pull/")
        assert _top(desktop.page, ".uba-map--small") < _top(desktop.page, ".uba-facts") < _top(desktop.page, "h2#how-to-do-it")
        assert desktop.page.is_hidden(".uba-dose")


def test_routine_page_is_compact_cards_with_the_safety_text_once(phone: WatchedPage, real_site_url: str) -> None:
    page = phone.page
    page.goto(f"{real_site_url}routines/upper-back-strength-gym/")
    page.wait_for_function("document.fonts.status === 'loaded'")
    cards = page.eval_on_selector_all(".uba-plan tr:has(td:nth-child(2):not(:empty))",
                                      "rows => rows.map(row => row.getBoundingClientRect().height)")
    assert len(cards) == 10 and max(cards) < 200
    assert page.locator("h2", has_text="Lift safely").count() == 1
    assert page.locator(".uba-safety .uba-sheet-pain").count() == 1 and page.locator(".uba-safety .uba-sheet-safety").count() == 1
    assert page.locator(".admonition.warning").count() == 0  # no box per exercise: their notes fold into one list
    assert page.locator("details.warning li").count() >= 8
    assert page.evaluate("document.documentElement.scrollHeight") < 3800  # was 7,964 px before the cards


def test_the_version_changes_with_any_file_rewritten_in_place(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` rewrites changed pages in the same folder: the worker's version (its cache name) follows
    every rewrite, also one of the same size, while files left alone are not read again to tell."""
    site = tmp_path / "site"
    (site / "exercises" / "shrug").mkdir(parents=True)
    page = site / "exercises" / "shrug" / "index.html"
    page.write_text("<p>first</p>", encoding="utf-8")
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    write_service_worker(site)
    first = (site / "sw.js").read_text(encoding="utf-8")
    write_service_worker(site)
    assert (site / "sw.js").read_text(encoding="utf-8") == first
    page.write_text("<p>again</p>", encoding="utf-8")  # the same length
    write_service_worker(site)
    assert (site / "sw.js").read_text(encoding="utf-8") != first
