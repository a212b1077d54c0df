"""A one-off build's search index is made in a second process from each page as it is written: the site is the same,
byte for byte, as when the engine's process indexes the pages, and when that process fails the build stops in one line
and publishes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from atlas.engines.search_process import SearchProcess, searched_page
from conftest import BuildResult, build

SPY = """\
import os
from pathlib import Path

import material.plugins.search.plugin as search_plugin
import atlas.engines.search_process as search_process

LOG = Path({log!r})
BUILD = os.getpid()
MODE = {mode!r}
indexed = search_plugin.SearchIndex.add_entry_from_context
if MODE == "in the engine's process":
    search_process.can_fork = lambda: False


def add_entry_from_context(self, page):
    here = "engine" if os.getpid() == BUILD else "second"
    with LOG.open("a", encoding="utf-8") as log:
        log.write(f"{{here}} {{page.url}}\\n")
    if here == "second" and len(LOG.read_text(encoding="utf-8").splitlines()) == 3:
        if MODE == "fails":
            raise ValueError("the parser met something it cannot read")
        if MODE == "is killed":
            os.kill(os.getpid(), 9)
    return indexed(self, page)


search_plugin.SearchIndex.add_entry_from_context = add_entry_from_context
"""
"""A hook listed before ours: it logs which process indexes each page, and does what MODE says."""


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


def test_the_site_is_the_same_byte_for_byte_as_when_the_engines_process_indexes_the_pages(project: Path, tmp_path: Path) -> None:
    second, in_second = _build_with_spy(project, tmp_path, "in a second process", tmp_path / "second")
    engine, in_engine = _build_with_spy(project, tmp_path, "in the engine's process", tmp_path / "engine")
    assert second.returncode == 0, second.output
    assert engine.returncode == 0, engine.output
    pages = sorted(line.split(" ", 1)[1] for line in in_engine)
    assert len(pages) > 10 and {line.split(" ")[0] for line in in_engine} == {"engine"}
    assert {line.split(" ")[0] for line in in_second} == {"second"}
    assert sorted(line.split(" ", 1)[1] for line in in_second) == pages
    built, expected = _files(second.site), _files(engine.site)
    assert list(built) == list(expected)
    assert [path for path in built if built[path] != expected[path]] == []
    assert any(path.startswith("search/") and path.endswith(".json") and "/terms/" in path for path in built)


@pytest.mark.parametrize(("mode", "reason"), [
    ("fails", "ValueError: the parser met something it cannot read"),
    ("is killed", "it was stopped by signal 9 (Killed)"),
])
def test_a_failed_second_process_stops_the_build_in_one_line_and_leaves_the_previous_site(
        project: Path, tmp_path: Path, mode: str, reason: str) -> None:
    previous = project / "site"
    (previous / "index.html").parent.mkdir(parents=True)
    (previous / "index.html").write_text("the previous site", encoding="utf-8")
    result, indexed = _build_with_spy(project, tmp_path, mode)
    assert result.returncode == 1, result.output
    assert len(indexed) == 3, indexed
    assert "Traceback" not in result.output
    errors = [line.split("-  ", 1)[1] for line in result.output.splitlines() if line.startswith("ERROR")]
    assert errors == [f"Upper Back Atlas: the search index was not made: its second process failed: {reason}; "
                      "the previous site was left as it was."], result.output
    assert _files(previous) == {"index.html": b"the previous site"}
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


class _Page:
    def __init__(self, number: int) -> None:
        self.url, self.title, self.meta, self.toc = f"page-{number}/", f"Page {number}", {"atlas": {"big": "x" * 100}}, []
        self.content = f"<h1 id='page-{number}'>Page {number}</h1><p>{'word ' * 20_000}</p>"


def test_what_is_sent_is_what_the_index_reads_and_a_failed_build_leaves_no_process() -> None:
    from material.plugins.search.plugin import SearchIndex
    page = searched_page(_Page(1))
    assert (page.url, page.title, page.meta, page.toc) == ("page-1/", "Page 1", {}, ())
    process = SearchProcess(SearchIndex, {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [], "fields": {}})
    pid = process.pid
    for number in range(40):  # more than the pipe holds: the second process reads as pages come
        process.add_entry_from_context(_Page(number))
    assert '"docs":[]' in process.generate_search_index()
    process.close()
    assert process.pid == 0
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
