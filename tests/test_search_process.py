"""A one-off build's search index is made in a second process from each page as it is written: the site is the same,
byte for byte, as when the engine's process indexes the pages, and when that process fails the build stops in one line
and publishes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from material.plugins.search.plugin import SearchIndex

from atlas.engines.search_process import SearchIndexFailed, SearchProcess, searched_page
from atlas.site.search_shards import index_search_files
from conftest import BuildResult, build

SPY = """\
import os
from dataclasses import replace
from pathlib import Path

import material.plugins.search.plugin as search_plugin
import atlas.engines.search_process as search_process

LOG = Path({log!r})
MODE = {mode!r}
indexed_here = search_plugin.SearchIndex.add_entry_from_context
sent = search_process.SearchProcess.add_entry_from_context


def log(what, page):
    with LOG.open("a", encoding="utf-8") as out:
        out.write(f"{{what}} {{page.url}}\\n")
    return len(LOG.read_text(encoding="utf-8").splitlines())


def add_entry_here(self, page):
    log("engine", page)
    return indexed_here(self, page)


def send(self, page):
    count = log("sent", page)
    if count == 3 and MODE == "is killed":
        os.kill(self.pid, 9)
    if count == 3 and MODE == "fails":
        broken = replace(search_process.searched_page(page), content=None)
        search_process.searched_page = lambda page: broken
    return sent(self, page)


def no_process(self, kind, config):
    raise OSError("no process to be had")


search_plugin.SearchIndex.add_entry_from_context = add_entry_here
search_process.SearchProcess.add_entry_from_context = send
if MODE == "in the engine's process":
    search_process.SearchProcess.__init__ = no_process
"""
"""A hook listed before ours: it logs which process's index gets each page (the engine's, or ours, which sends it to
the second process), and does what MODE says."""


def _build_with_spy(project: Path, tmp_path: Path, mode: str, site: Path | None = None) -> tuple[BuildResult, list[str]]:
    log = tmp_path / f"indexed-{mode.replace(' ', '-')}.log"
    (project / "spy.py").write_text(SPY.format(log=str(log), mode=mode), encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = ["spy.py", *[hook for hook in config["hooks"] if hook != "spy.py"]]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = build(project, site=site)
    return result, log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _pages(log: list[str], where: str) -> list[str]:
    return sorted({line.split(" ", 1)[1] for line in log if line.startswith(f"{where} ")})


def test_the_site_is_the_same_byte_for_byte_as_when_the_engines_process_indexes_the_pages(project: Path, tmp_path: Path) -> None:
    second, in_second = _build_with_spy(project, tmp_path, "in a second process", tmp_path / "second")
    engine, in_engine = _build_with_spy(project, tmp_path, "in the engine's process", tmp_path / "engine")
    assert second.returncode == 0, second.output
    assert engine.returncode == 0, engine.output
    pages = _pages(in_engine, "engine")
    assert len(pages) > 10 and _pages(in_engine, "sent") == []
    assert _pages(in_second, "sent") == pages and _pages(in_second, "engine") == []
    built, expected = _files(second.site), _files(engine.site)
    assert list(built) == list(expected)
    assert [path for path in built if built[path] != expected[path]] == []
    assert any(path.startswith("search/") and "/terms/" in path for path in built)


@pytest.mark.parametrize(("mode", "reason"), [
    ("fails", 'TypeError: can only concatenate str (not "NoneType") to str'),
    ("is killed", "it was stopped by signal 9 (Killed)"),
])
def test_a_failed_second_process_stops_the_build_in_one_line_and_leaves_the_previous_site(
        project: Path, tmp_path: Path, mode: str, reason: str) -> None:
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("the previous site", encoding="utf-8")
    result, log = _build_with_spy(project, tmp_path, mode)
    assert result.returncode == 1, result.output
    assert len(_pages(log, "sent")) > 10, log
    assert "Traceback" not in result.output
    errors = [line.split("-  ", 1)[1] for line in result.output.splitlines() if line.startswith("ERROR")]
    assert errors == [f"Upper Back Atlas: the search index was not made: its second process failed: {reason}; "
                      "the previous site was left as it was."], result.output
    assert _files(previous) == {"index.html": b"the previous site"}
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


class _Page:
    def __init__(self, number: int) -> None:
        self.url, self.title, self.toc = f"page-{number}/", f"Page {number}", []
        self.meta = {"atlas": {"large": "x" * 1000}, "search": {"boost": number % 3}}
        self.content = f"<h1 id='page-{number}'>Page {number}</h1><p>{f'word{number % 7} ' * 20_000}</p>"


CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
"""A search plugin's settings, as Material's on_config makes them."""


def test_the_files_are_those_of_an_index_made_here() -> None:
    pages = [_Page(number) for number in range(40)]  # more than the pipe holds: the second process reads as pages come
    assert searched_page(pages[1]).meta == {"search": {"boost": 1}}
    here = SearchIndex(**CONFIG)
    process = SearchProcess(SearchIndex, CONFIG)
    for page in pages:
        here.add_entry_from_context(page)
        process.add_entry_from_context(page)
    assert '"docs":[]' in process.generate_search_index()
    terms = {"page-3/": ["rhomboids"]}
    assert process.search_files(terms, None) == index_search_files(here.generate_search_index(None), terms, None)
    assert process.pid == 0


def test_a_failed_build_leaves_no_second_process() -> None:
    process = SearchProcess(SearchIndex, CONFIG)
    pid = process.pid
    process.add_entry_from_context(_Page(1))
    process.close()
    assert process.pid == 0
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    with pytest.raises(SearchIndexFailed, match="its second process failed: it stopped"):
        process.search_files({}, None)
