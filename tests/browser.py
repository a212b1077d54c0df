"""Real headless Chromium (Debian's, driven by Playwright) against a built site served on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Dialog, Page, ViewportSize, sync_playwright

PHONE: ViewportSize = {"width": 390, "height": 844}
"""The phone every browser test uses: an iPhone 12-sized viewport."""

CHROMIUM_ARGUMENTS = [
    "--no-sandbox", "--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
_AXE = Axe()
FINDER_DRAWN = ".uba-finder-count:not(:empty)"
"""Shows once the finder's script has drawn its results (it writes the count last)."""
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important }"
"""Colours switch at once when the scheme changes, so they can be read straight away (no waiting for a fade)."""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a built site on a free localhost port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless; the path comes from $CHROMIUM (dev.py sets it)."""
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGUMENTS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def fresh_page(browser: Browser, **options: Any) -> Iterator[WatchedPage]:
    """A watched page in a fresh browser context (`open_context` with `options`), closed with it."""
    context = open_context(browser, **options)
    try:
        yield WatchedPage(context.new_page())
    finally:
        context.close()


COUNT_WORKER_MESSAGES = """
(() => {
  const Original = window.Worker;
  window.__ubaSearch = { sent: 0, answered: 0 };
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => { if (event.data && event.data.type === 3) { window.__ubaSearch.answered += 1; } });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { window.__ubaSearch.sent += 1; }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""
"""Counts the queries a page sends to Material's search worker and the results it gets back, so that `search` can wait
until the results on screen answer the last query typed (message types 2 and 3 in Material). Every context runs it."""


def open_context(browser: Browser, *, service_worker: bool = False, **options: Any) -> BrowserContext:
    """A fresh browser context, whose pages count their search queries (`COUNT_WORKER_MESSAGES`). The site's service
    worker is blocked unless asked for: on a first visit it fetches the whole site for offline use, work that belongs to
    the one test of offline use (test_phone), not to every page of every test."""
    context = browser.new_context(service_workers="allow" if service_worker else "block", **options)
    context.add_init_script(COUNT_WORKER_MESSAGES)
    return context


def search(page: Page, base: str, query: str) -> list[str]:
    """Type a query into the search box; the result pages, best first, as paths inside the site."""
    if (page.viewport_size or {}).get("width", 1280) < 960 and not page.is_checked("#__search"):
        page.click(".md-header label[for='__search']")  # on a phone the search box opens from its icon
    page.click(".md-search__input")
    # All but the last key arrive at once, as if pasted; Material searches on a key's release, so the last key typed
    # searches for the whole query, as the last key a person types does.
    page.fill(".md-search__input", query[:-1])
    page.keyboard.type(query[-1])
    page.wait_for_function("window.__ubaSearch.sent > 0 && window.__ubaSearch.sent === window.__ubaSearch.answered")
    page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => done(true)))")
    hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)")
    prefix = urlsplit(base).path
    return [urlsplit(href).path.removeprefix(prefix) for href in hrefs]


BROWSER_NOTICES = ("Ignored attempt to cancel a touchstart event with cancelable=false",)
"""Chromium's own notices that it logs as console errors but are none of the site's: a touch listener of the theme asked
to cancel a touch while the page was already scrolling (it depends on when an emulated tap lands), which Chromium
ignores by design."""


class WatchedPage:
    """A browser page that records every request and every dialog, to prove nothing leaves localhost, and every
    console error and uncaught exception, for the tests that ask for none."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(error.message))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not message.text.startswith(BROWSER_NOTICES):
            self.errors.append(message.text)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def forget(self) -> None:
        """Start a new record (the page is reused by another test)."""
        self.requests.clear()
        self.dialogs.clear()
        self.errors.clear()

    def ready_for_next_test(self, viewport: ViewportSize) -> None:
        """The page as the next test should find it: blank first, so that no script of the last test's page reacts to
        what follows (Material stores the colour scheme when the emulated one changes); then no data stored by any
        origin it visited (localStorage, IndexedDB, caches, cookies), the given viewport, no emulated media, no records."""
        self.page.goto("about:blank")
        session = self.page.context.new_cdp_session(self.page)
        try:
            for origin in self.origins():
                session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        finally:
            session.detach()
        self.page.set_viewport_size(viewport)
        self.page.emulate_media(media="null", color_scheme="null", reduced_motion="null")
        self.forget()

    def origins(self) -> set[str]:
        """The origins (scheme, host and port) of the web addresses it requested."""
        return {f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, self.requests) if parts.scheme in ("http", "https")}

    def foreign_requests(self) -> list[str]:
        """Requests to any host but localhost."""
        return [url for url in self.requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(url).hostname not in LOCAL_HOSTS]


COLOUR_RULES = ["color-contrast", "link-in-text-block"]
"""The axe rules that read colours: all that can change when only the colour scheme changes."""


def serious_accessibility_violations(page: Page, *, colours_only: bool = False) -> list[tuple[str, list[Any]]]:
    """axe-core's serious and critical violations on the page as it is now (each rule's id and its first targets);
    `colours_only` runs only the rules that read colours, for the same page seen in another colour scheme."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_AXE.axe_script)
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if colours_only:
        options["runOnly"] = {"type": "rule", "values": COLOUR_RULES}
    violations = page.evaluate("options => axe.run(document, options).then(results => results.violations)", options)
    return [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of each page of a printed PDF (pdftotext), whitespace folded."""
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))
    return [" ".join(subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                                    capture_output=True, text=True, check=True).stdout.split()) for number in range(1, count + 1)]


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio of two computed colours ("rgb(r, g, b)")."""
    def luminance(rgb: str) -> float:
        channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


MAP_SHADE = """([muscle, view]) => {
  const svg = document.querySelectorAll('.uba-view svg')[view];
  const probe = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  probe.style.fill = `var(--uba-m-${muscle}, var(--uba-idle))`;
  svg.appendChild(probe);
  const fill = getComputedStyle(probe).fill;
  probe.remove();
  return fill;
}"""
"""The fill a muscle's shapes take inside a view's shared drawing: the drawing's own rule for a shape
(hooks/atlas/templates/map_drawing.svg.j2), resolved where the <use> would resolve it."""


def map_shade(page: Page, muscle: str, view: int = 0) -> str:
    """The fill of a muscle's shapes in a view of the page's map (a muscle the page does not shade is idle)."""
    return str(page.evaluate(MAP_SHADE, [muscle, view]))
