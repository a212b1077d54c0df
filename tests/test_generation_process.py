"""A one-off build's generator runs in a second process: the engine gets exactly what the generator gives in its own
process, in any order it asks, and its own process takes over when the second one fails or stops."""

from __future__ import annotations

import os
import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from atlas import generation_process
from atlas.generation import EngineSite, generate_site
from atlas.generation_process import GenerationProcess
from atlas.pages import finder_index, index_pages
from atlas.layout import ProjectLayout
from atlas.problems import AtlasProblems


def _layout(project: Path) -> ProjectLayout:
    return ProjectLayout(project, project / "content", theme_dir=project / "overrides")


def _same_outline(site: EngineSite, here: EngineSite) -> None:
    assert [(page.src_uri, page.source) for page in site.pages] == [(page.src_uri, page.source) for page in here.pages]
    assert [file.src_uri for file in site.files] == [file.src_uri for file in here.files]
    articles = {uri: article.source for uri, article in here.articles.items()}
    assert {uri: article.source for uri, article in site.articles.items()} == articles
    assert site.template_settings == here.template_settings
    assert site.notices == here.notices


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_pages_come_from_the_second_process_in_any_order_asked(project: Path) -> None:
    here = generate_site(_layout(project)).for_engine()
    expected = {page.src_uri: page.markdown for page in here.pages}
    process = GenerationProcess(_layout(project))
    pid = process.pid
    try:
        _same_outline(process.site, here)
        pages = {page.src_uri: page for page in process.site.pages}
        order = sorted(pages, reverse=True)
        never_ordered = order.pop(len(order) // 2)
        process.read_in_order(order)
        # the engine skips ahead (the pages passed over are kept), comes back, asks for one it never said it would read
        asked = [order[3], order[0], order[1], never_ordered, *order[2:3], *order[4:]]
        assert sorted(asked) == sorted(expected)
        for uri in asked:
            assert pages[uri].markdown == expected[uri], uri
        assert process.took_over  # the page never ordered was made here
    finally:
        process.close()
    assert pid and _reaped(pid)


def test_every_page_and_then_every_file_is_sent_by_the_second_process_when_read_in_order(project: Path) -> None:
    site = generate_site(_layout(project)).for_engine()
    here = {page.src_uri: page.markdown for page in site.pages}
    files = {file.src_uri: file.content for file in site.files}
    assert {"api/exercises.json", "api/finder.json"} <= set(files)
    process = GenerationProcess(_layout(project))
    try:
        process.read_in_order(list(here))
        assert {page.src_uri: page.markdown for page in process.site.pages} == here
        assert {file.src_uri: file.content for file in process.site.files} == files
        assert not process.took_over
    finally:
        process.close()


def test_the_second_process_ends_when_it_has_written_every_page_not_when_the_engine_has_read_them(project: Path) -> None:
    """It lets go of the records early: the pages wait in the spool, and this process holds only where each one is."""
    here = {page.src_uri: page.markdown for page in generate_site(_layout(project)).for_engine().pages}
    process = GenerationProcess(_layout(project))
    try:
        process.read_in_order(list(here))
        pages = list(process.site.pages)
        assert pages[0].markdown == here[pages[0].src_uri]
        deadline = time.monotonic() + 60
        while not _exited(process.pid):  # a condition, polled: it has written the rest without being asked
            assert time.monotonic() < deadline, "the second process still runs a minute after it was told the order"
            time.sleep(0.05)
        assert {page.src_uri: page.markdown for page in pages[1:]} == {uri: here[uri] for uri in list(here)[1:]}
        assert not process.took_over
    finally:
        process.close()


def _exited(pid: int) -> bool:
    """Whether the process has ended (and waits to be reaped by its parent)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] == "Z"


def test_this_process_takes_over_when_the_second_one_stops(project: Path) -> None:
    here = {page.src_uri: page.markdown for page in generate_site(_layout(project)).for_engine().pages}
    process = GenerationProcess(_layout(project))
    try:
        os.kill(process.pid, signal.SIGKILL)  # before it sends a page: whatever it would have sent is made here
        process.read_in_order(list(here))
        assert {page.src_uri: page.markdown for page in process.site.pages} == here
        assert process.took_over and process.pid == 0
    finally:
        process.close()


def test_this_process_generates_the_site_when_no_spool_can_be_made(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = {page.src_uri: page.markdown for page in generate_site(_layout(project)).for_engine().pages}
    monkeypatch.setattr(tempfile, "tempdir", str(project / "no-such-folder"))
    process = GenerationProcess(_layout(project))
    try:
        assert process.pid == 0 and process.took_over
        process.read_in_order(list(here))
        assert {page.src_uri: page.markdown for page in process.site.pages} == here
    finally:
        process.close()


def test_the_problems_of_bad_input_are_the_same_as_without_a_second_process(project: Path) -> None:
    record = project / "exercises" / "shrug.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("level: beginner", "level: expert"), encoding="utf-8")
    with pytest.raises(AtlasProblems) as without:
        generate_site(_layout(project))
    with pytest.raises(AtlasProblems) as with_process:
        GenerationProcess(_layout(project))
    assert [str(problem) for problem in with_process.value.problems] == [str(problem) for problem in without.value.problems]
    assert any(problem.field == "level" for problem in with_process.value.problems)


def test_the_outline_is_sent_before_the_large_files_are_made_and_they_after_every_page(project: Path, tmp_path: Path,
                                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine waits for the outline, not for the export and the finder's index (a tenth of a large site's
    generation): their bytes are made once every page is in the spool, when the engine has pages to convert."""
    log = tmp_path / "made.log"

    def logged(what: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def made(*arguments: Any) -> Any:
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{os.getpid()} {what}\n")
            return original(*arguments)
        return made

    monkeypatch.setattr(generation_process, "send", logged("message", generation_process.send))
    monkeypatch.setattr(generation_process, "send_length", logged("page or file", generation_process.send_length))
    monkeypatch.setattr(index_pages, "inert_json", logged("json", index_pages.inert_json))
    monkeypatch.setattr(finder_index, "inert_json", logged("json", finder_index.inert_json))
    here = {page.src_uri: page.markdown for page in generate_site(_layout(project)).for_engine().pages}
    log.unlink(missing_ok=True)
    process = GenerationProcess(_layout(project))
    try:
        process.read_in_order(list(here))
        assert {page.src_uri: page.markdown for page in process.site.pages} == here
        assert [len(file.content) > 0 for file in process.site.files] == [True] * len(process.site.files)
        assert not process.took_over
    finally:
        process.close()
    lines = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    second = [what for pid, what in lines if int(pid) != os.getpid()]
    assert second.count("json") == 2 and second[0] == "message", second[:3]
    sent = [position for position, what in enumerate(second) if what == "page or file"]
    assert len(sent) == len(here) + len(process.site.files)
    # the export's and the finder's bytes are made after the last page is sent
    assert min(position for position, what in enumerate(second) if what == "json") > sent[len(here) - 1]
