"""Under `mkdocs serve --dirty` the search shards and the service worker are made after a rebuild is shown, in a second
process (after_build.BackgroundWork): meanwhile the site serves the search entry it had, never Material's whole index;
a save while the work runs stops it, and a failed build starts it again. Real files, real processes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from atlas.site.after_build import BackgroundWork
from atlas.site.search_shards import ENTRY

OURS = b'{"config":{"chunks":{"version":"old"}},"docs":[]}'
MATERIALS = b'{"config":{},"docs":[{"location":"","title":"Home","text":"the whole index"}]}'
NEW = b'{"config":{"chunks":{"version":"new"}},"docs":[]}'


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)  # polling interval for a condition, not a delay the test relies on
    raise AssertionError(f"timed out waiting for {what}")


class _Work:
    """Writes the new entry once `gate` exists (the test opens it), and counts its runs in `runs`."""

    def __init__(self, site: Path, gated: bool) -> None:
        self.site, self.gate, self.runs = site, site.parent / "gate", site.parent / "runs"
        if not gated:
            self.gate.touch()

    def __call__(self) -> None:
        with self.runs.open("a") as runs:
            runs.write("run\n")
        while not self.gate.exists():
            time.sleep(0.01)
        (self.site / ENTRY).write_bytes(NEW)

    def started(self) -> int:
        return len(self.runs.read_text().splitlines()) if self.runs.exists() else 0


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / ENTRY).parent.mkdir(parents=True)
    (site / ENTRY).write_bytes(OURS)
    return site


@pytest.fixture
def background(site: Path) -> Iterator[BackgroundWork]:
    """Its process ends with the test, whatever the test found (else a failing test would leave it waiting at its gate)."""
    background = BackgroundWork(site)
    yield background
    background.close()


def _entry(site: Path) -> bytes:
    return (site / ENTRY).read_bytes()


def test_the_site_serves_its_last_entry_until_the_work_has_written_the_new_one(site: Path, background: BackgroundWork) -> None:
    work = _Work(site, gated=True)
    background.stop()  # a build starts
    (site / ENTRY).write_bytes(MATERIALS)  # Material's plugin writes its whole index at the end of the build
    background.run(work)
    assert _entry(site) == OURS  # put back before the build ends: the server never answers with Material's index
    _wait_for(lambda: work.started() == 1, "the work to start in its process")
    assert _entry(site) == OURS
    work.gate.touch()
    _wait_for(lambda: _entry(site) == NEW, "the new entry")
    background.stop()  # the next build: the work was done, and is not done again
    assert not background.resume()


def test_a_save_stops_the_work_and_a_failed_build_starts_it_again(site: Path, background: BackgroundWork) -> None:
    work = _Work(site, gated=True)
    background.stop()
    (site / ENTRY).write_bytes(MATERIALS)
    background.run(work)
    _wait_for(lambda: work.started() == 1, "the work to start")
    background.stop()  # a save: the next build starts while the work still waits at its gate
    assert _entry(site) == OURS
    work.gate.touch()
    assert background.resume()  # that build failed: the last good build's work runs again, to its end
    _wait_for(lambda: _entry(site) == NEW, "the new entry from the work started again")
    assert work.started() == 2


def test_a_failed_work_says_so_in_one_line_and_is_not_started_again(site: Path, background: BackgroundWork,
                                                                    capfd: pytest.CaptureFixture[str]) -> None:

    def failing() -> None:
        raise OSError("No space left on device")

    background.stop()
    (site / ENTRY).write_bytes(MATERIALS)
    background.run(failing)
    said: list[str] = []
    _wait_for(lambda: bool(said.extend(capfd.readouterr().err.splitlines()) or said), "the second process to say why it failed")
    background.stop()  # the next build
    assert said == ["Upper Back Atlas: the search index and the offline list were not made again: No space left on device"]
    assert _entry(site) == OURS
    assert not background.resume()  # that build failed too: the work that failed is not tried again


def test_with_no_entry_to_keep_the_work_is_done_before_the_build_ends(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / ENTRY).parent.mkdir(parents=True)
    background, work = BackgroundWork(site), _Work(site, gated=False)
    background.stop()  # the first build: the site has no entry yet
    (site / ENTRY).write_bytes(MATERIALS)
    background.run(work)
    assert _entry(site) == NEW and work.started() == 1
