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
from conftest import build

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


def _search_index(read: Callable[[str], bytes]) -> tuple[list[tuple[str, str, str]], set[tuple[str, str, int, str]]]:
    """A site's search index, decoded from its entry and shards (search_shards.py): every entry (location, title, text),
    and every posting as (word, field, times, location): what a query can find, whatever the order of the documents."""
    entry = json.loads(read("search/search_index.json"))
    chunks, fields = entry["config"]["chunks"], list(entry["config"]["fields"])
    entries = [tuple(item[:3]) for number in range(len(chunks["pages"]))
               for item in json.loads(read(f"search/{chunks['version']}/pages/{number}.json"))]
    postings = set()
    for number in range(len(chunks["keys"])):
        for word, posting in json.loads(read(f"search/{chunks['version']}/terms/{number}.json")).items():
            for field, times, _, *gaps in posting[2:]:
                document = 0
                for gap in gaps:
                    document += gap
                    postings.add((word, fields[field], times, entries[document][0]))
    return sorted(entries), postings


def test_after_saves_the_served_search_index_is_the_one_a_build_makes(project: Path, served: str, tmp_path: Path) -> None:
    """A dirty rebuild converts only the pages a save changed: the served index still holds every page once, with its
    terms (what people type: an exercise's name, what it works and needs), as a one-off build of the same records makes it:
    after a save that changes one page, one that renames an exercise (its page and every page linking it), and one
    that changes the home page (whose address, "", starts every other). The export and the finder's index, made from
    every record, are those of the one-off build too."""
    def served_file(path: str) -> bytes:
        status, body = _get(served + path)
        assert status == 200, path
        return body

    def built_index(name: str) -> tuple[list[tuple[str, str, str]], set[tuple[str, str, int, str]]]:
        result = build(project, site=tmp_path / name)
        assert result.returncode == 0, result.output
        return _search_index(lambda path: (result.site / path).read_bytes())

    before = _search_index(served_file)
    assert before == built_index("before")
    assert {"name", "works", "needs"} <= {field for _, field, _, _ in before[1]}  # the terms are there to lose
    edits = [("exercises/shrug.yml", "Lift the shoulders", "Raise the shoulders", "exercises/shrug/"),
             ("exercises/band-pull-apart.yml", "Band pull-apart", "Band pull apart wide", "exercises/band-pull-apart/"),
             ("content/index.md", "Start with the", "Begin with the", "")]
    for number, (path, old, new, shown) in enumerate(edits):
        record = project / path
        assert old in record.read_text(encoding="utf-8"), path
        record.write_text(record.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        _wait_for(lambda shown=shown, new=new: new.encode() in served_file(shown), f"the rebuild after editing {path}")
        expected = built_index(f"after-{number}")
        _wait_for(lambda expected=expected: _search_index(served_file) == expected, f"the served index after editing {path}", 30)
        for name in ("api/exercises.json", "api/finder.json"):  # made from every record: under --dirty, after the rebuild too
            built = (tmp_path / f"after-{number}" / name).read_bytes()
            _wait_for(lambda built=built, name=name: served_file(name) == built, f"{name} after editing {path}", 30)
