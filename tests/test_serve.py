"""`mkdocs serve` with a broken record keeps answering at once with the last good site and a banner of the problems;
after the fix the banner is gone. Run for real: the server in a subprocess on a free port, pages in Chromium."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from browser import WatchedPage

BROKEN = "exercises/shrug.yml:3: level: 'expert' is not one of beginner, intermediate, advanced"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.1)  # polling interval for a condition, not a delay the test relies on
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(params=[["--dirty"], []], ids=["dirty", "full"])
def served(project: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The server as `python3 dev.py serve` runs it (--dirty: only changed pages rebuilt), and with full rebuilds."""
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *request.param, "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                              stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: _get(url)[0] == 200, "the first build")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text()


def _problems(url: str) -> list[str]:
    status, body = _get(url + "atlas-problems.json")
    return json.loads(body)["problems"] if status == 200 else ["(no answer)"]


def test_a_broken_record_keeps_the_last_good_site_with_a_banner_until_fixed(project: Path, served: str, shared_page: WatchedPage) -> None:
    page = shared_page.page
    page.goto(served + "exercises/shrug/")
    page.wait_for_selector("html[data-uba-problems='0']", state="attached")
    assert page.locator(".uba-problems").count() == 0

    shrug = project / "exercises/shrug.yml"
    good = shrug.read_text()
    shrug.write_text(good.replace("level: beginner", "level: expert"))
    _wait_for(lambda: _problems(served) == [BROKEN], "the failed rebuild")
    page.wait_for_selector(".uba-problems")  # the open page reloads by itself and shows the problems

    for path in ("", "exercises/shrug/", "muscles/traps/", "routines/quick-pull/", "exercises/"):
        started = time.monotonic()
        status, body = _get(served + path)
        assert status == 200 and time.monotonic() - started < 1, path
        assert b"<h1" in body
    for path in ("exercises/shrug/", "guides/sample/"):
        page.goto(served + path)
        banner = page.wait_for_selector(".uba-problems")
        assert banner.is_visible()
        assert page.locator(".uba-problems li").all_inner_texts() == [BROKEN]
    assert page.inner_text("h1").startswith("Sample guide")

    shrug.write_text(good)
    _wait_for(lambda: _problems(served) == [], "the good rebuild")
    page.wait_for_selector("html[data-uba-problems='0']", state="attached")  # the open page reloads without the banner
    page.goto(served + "exercises/shrug/")
    page.wait_for_selector("html[data-uba-problems='0']", state="attached")
    assert page.locator(".uba-problems").count() == 0
    assert page.inner_text("h1").startswith("Shrug")
