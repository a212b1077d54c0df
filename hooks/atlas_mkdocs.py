"""MkDocs adapter: translates MkDocs events into calls to the generator in atlas/. Nothing else lives here."""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast

import watchdog.observers
from watchdog import events
from mkdocs.exceptions import Abort, BuildError, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from atlas.site.build_cache import compiled_templates
from atlas.engines.engine_messages import EngineMessages, describe_failure
from atlas.engines.search_process import SearchIndexFailed, SearchProcess, replace_search_index
from atlas.pages.generated import AnyFile, AnyPage, FileToRender
from atlas.records.catalog import forget_checked_files
from atlas.pages.generated_meta import split_generated
from atlas.generation import EngineSite, generate_site
from atlas.generation_process import GenerationProcess
from atlas.second_process import can_fork
from atlas.regeneration import Regeneration
from atlas.layout import ProjectLayout, is_editor_leftover
from atlas.site.page_cache import PageCache
from atlas.problems import AtlasProblems
from atlas.site.publishing import DevProblems, StagedSite
from atlas.engines.theme_fixes import patch_theme
from atlas.site.web_paths import url_path
from atlas.site.after_build import BackgroundWork, write_after_build
from atlas.site.search_shards import ServedEntries, site_search_files

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.upper_back_atlas")


class _Build:
    """Per-build state; `mkdocs serve` keeps this module alive between rebuilds, so on_config resets it."""

    sources: EngineSite | None = None
    staged: StagedSite | None = None
    messages: EngineMessages | None = None
    serving: bool = False
    dirty: bool = False
    layout: ProjectLayout | None = None
    page_cache: PageCache | None = None
    """Set while serving: pages go through files so that `mkdocs serve --dirty` rebuilds only those that changed."""
    search_terms: dict[str, list[str]] = {}
    """The search terms of the pages this build converted, by their address."""
    served_search: ServedEntries | None = None
    """Set while serving: each page's search index entries and terms from the build that last converted it."""
    after_build: BackgroundWork | None = None
    """Set while serving --dirty: the search shards and the service worker are made after a rebuild is shown."""
    generated: dict[str, AnyPage] = {}
    """The generated pages by their path, for on_page_read_source."""
    files: list[tuple[File, AnyFile]] = []
    """The generated files, whose bytes are made after the pages are read (on_env)."""
    files_after_build: list[AnyFile] = []
    """Under serve --dirty: the files made from the whole atlas, written with the search shards after the rebuild is shown."""
    meta: dict[str, dict[str, Any]] = {}
    """Front matter of generated pages read in on_page_read_source, handed to MkDocs in on_page_markdown."""
    process: GenerationProcess | None = None
    """A one-off build's generator, in a second process (serve keeps the generator here, with its caches, between rebuilds)."""
    regeneration: Regeneration | None = None
    """Set while serving: generates again after each save, rendering only the pages the save may have changed."""
    search: SearchProcess | None = None
    """A one-off build's search index, made in a second process from each page as it is written."""


_build = _Build()


def on_startup(command: str, dirty: bool) -> None:
    _build.serving, _build.dirty = command == "serve", dirty
    _build.page_cache = PageCache(Path.cwd().resolve()) if _build.serving else None
    _build.regeneration = Regeneration() if _build.serving else None
    _build.served_search = ServedEntries() if _build.serving else None
    _build.after_build = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _build.sources = None
    _stop_second_processes()
    _build.search_terms, _build.generated, _build.meta, _build.files, _build.files_after_build = {}, {}, {}, [], []
    layout = _build.layout = ProjectLayout.of_settings(Path(config.config_file_path).parent, config.docs_dir,
                                                       config.theme.custom_dir, config.watch, config.site_url or "")
    config.watch.append(str(layout.exercises_dir))
    # serve --dirty updates the served site in place (only changed pages); problems in the sources stop a
    # rebuild before anything is written, so the last good site still stands
    _build.staged = StagedSite(Path(config.site_dir), strict=bool(config.strict), in_place=_build.serving and _build.dirty)
    config.site_dir = str(_build.staged.building)
    if _build.staged.in_place:
        _build.after_build = _build.after_build or BackgroundWork(_build.staged.target)
        _build.after_build.stop()
    if _build.messages:
        _build.messages.detach()
    _build.messages = EngineMessages(layout).attach()
    try:
        if _build.regeneration:
            _build.sources = _build.regeneration.generate(layout).for_engine()
        elif not can_fork():
            _build.sources = generate_site(layout).for_engine()
        else:
            _build.process = GenerationProcess(layout)
            _build.sources = _build.process.site
    except AtlasProblems as problems:
        for problem in problems.problems:
            log.error(str(problem))
        raise PluginError(problems.summary()) from None
    for notice in _build.sources.notices:
        log.warning(str(notice))
    if not _build.serving:
        forget_checked_files()
    # The pages are handed over once (on_files, on_page_read_source) and let go as MkDocs reads them: a page's text is
    # then held by MkDocs alone, as in a build of the export, not twice; most pages' text is made only then
    _build.generated = {page.src_uri: page for page in _build.sources.pages}
    _build.sources = replace(_build.sources, pages=())
    config.extra.update(_build.sources.template_settings)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build.sources is not None
    cache = _build.page_cache
    for leftover in [file for file in files if is_editor_leftover(PurePosixPath(file.src_uri).name)]:
        files.remove(leftover)
    for article in files.documentation_pages():
        article.edit_uri = url_path(f"{Path(config.docs_dir).name}/{article.src_uri}")
        woven = _build.sources.articles.get(article.src_uri)
        if cache and woven:
            article.abs_src_path = str(cache.path_of(article.src_uri, woven.source))
    for page in _build.generated.values():
        if cache:  # serving: every page was rendered by the regeneration; its text goes into a file MkDocs compares
            generated = File.generated(config, page.src_uri, abs_src_path=str(cache.path_of(page.src_uri, page.markdown)))
        else:  # its text is handed over when MkDocs reads the page (on_page_read_source): most pages are made then
            generated = File.generated(config, page.src_uri, content="")
        generated.edit_uri = url_path(page.source) if page.source else None
        files.append(generated)
    for extra in _build.sources.files:  # their bytes are made once the pages are read (on_env): nothing reads them before
        if _build.after_build and isinstance(extra, FileToRender):  # made from the whole atlas: no page waits for them
            _build.files_after_build.append(extra)
            continue
        made = File.generated(config, extra.src_uri, content=b"")
        _build.files.append((made, extra))
        files.append(made)
    if _build.process:
        _build.process.read_in_order([file.src_uri for file in files.documentation_pages() if file.src_uri in _build.generated])
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _build.served_search:  # pages by their address as the search index gives it (the home page's is "")
        _build.served_search.start([file.page.url for file in files.documentation_pages() if file.page is not None])
    return nav


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    assert _build.sources is not None
    article = _build.sources.articles.get(page.file.src_uri)
    if article:
        return article.source
    generated = _build.generated.pop(page.file.src_uri, None)
    split = split_generated(generated.markdown) if generated else None
    if split is None:
        return None
    # MkDocs would parse the front matter with YAML again; it gets the data in on_page_markdown instead
    _build.meta[page.file.src_uri] = split[0]
    return "\n" + split[1]  # a leading blank line: MkDocs looks for no metadata in the body


@event_priority(100)  # first: other handlers may read the metadata
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _build.meta:
        page.meta = _build.meta.pop(page.file.src_uri)
    return markdown


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["atlas_dev_problems"] = DevProblems.URL if _build.serving else ""
    return context


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    _build.search_terms[page.url] = page.meta.get("search_terms") or []
    context["atlas_dev_problems"] = DevProblems.URL if _build.serving else ""
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if not _build.serving:  # the pages are converted and are written next; started now, it holds none of them
        _build.search = replace_search_index(config.plugins.values())
    for file, extra in _build.files:
        file.content_bytes = extra.content
    _build.files = []
    env.bytecode_cache = compiled_templates()
    return patch_theme(env)


@event_priority(-100)  # last: a later hook may still fail, and then nothing is published
def on_post_build(config: MkDocsConfig) -> None:
    assert _build.staged is not None and _build.messages is not None
    _stop_generation_process()
    site_dir, project = Path(config.site_dir), _build.layout.root if _build.layout else None
    if _build.served_search:  # serve: each save a new index, made whole from this build's pages and the last ones'
        search = _build.served_search.search_files(site_dir, _build.search_terms)
    elif _build.search:  # a one-off build's pages were indexed in a second process, which sends the index back
        search = partial(_build.search.search_files, _build.search_terms, project)
    else:
        search = partial(site_search_files, site_dir, _build.search_terms, project)
    if _build.after_build:
        _build.after_build.run(partial(write_after_build, site_dir, search, _build.files_after_build))
    else:
        try:
            write_after_build(site_dir, search)
        except SearchIndexFailed as failure:
            raise PluginError(f"Upper Back Atlas: {failure}; the previous site was left as it was.") from None
    if _build.serving:
        DevProblems(_build.staged.building).write(_build.messages.problems)
    _stop_second_processes()
    _build.staged.publish(warnings=_build.messages.warnings)
    _build.messages.detach()


def on_build_error(error: Exception) -> None:
    _stop_second_processes()
    crash = None if isinstance(error, (BuildError, Abort)) or _build.layout is None else describe_failure(error, _build.layout)
    if crash is not None:
        log.error(str(crash))
    if _build.after_build:
        _build.after_build.resume()
    if _build.staged is not None:
        _build.staged.discard()
        if _build.serving:
            DevProblems(_build.staged.target).write(_problems_of(error))
    if _build.messages:
        _build.messages.detach()
    if crash is not None:
        raise Abort("Aborted: the build failed; the previous site was left as it was.") from None


def on_shutdown() -> None:
    if _build.after_build:
        _build.after_build.close()


def _stop_generation_process() -> None:
    if _build.process is not None:
        _build.process.close()
        _build.process = None


def _stop_second_processes() -> None:
    _stop_generation_process()
    if _build.search is not None:
        _build.search.close()
        _build.search = None


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    # MkDocs holds every request until a rebuild succeeds: a failed rebuild leaves the last good site in place
    # (it was built elsewhere), so answer from it at once; its pages show the problems (DevProblems).
    def keep_serving() -> None:
        try:
            builder()
        except Exception:
            log.error("Upper Back Atlas: the site shown is the last good one; fix the problems above and save.")

    server.builder = keep_serving
    _watch_with_file_events(server)
    return server


def _watch_with_file_events(server: LiveReloadServer) -> None:
    """MkDocs polls the watched folders every half second; the system's file events (inotify, FSEvents) report a save
    at once. The watches made so far move to such an observer (those added after this event go there too). With
    another MkDocs, whose server keeps its watches elsewhere, polling stays."""
    try:
        watched = dict(server._watched_paths)
        server._watched_paths.clear()
        server._watch_refs.clear()
    except AttributeError:
        return
    # typed as MkDocs' polling observer; the server only schedules, starts, stops and joins, which every observer does
    server.observer = cast(Any, _ChangeObserver())
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)


class _ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc, valid-type]
    """File events of changes only: a build reads the watched files, and MkDocs rebuilds on any event, reads included."""

    def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False, **options: Any) -> Any:
        return super().schedule(event_handler, path, recursive=recursive, event_filter=CHANGES, follow_symlink=True)


CHANGES = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent, events.FileClosedEvent]
"""The file events that mean a change (not opened, nor closed without writing)."""


def _problems_of(error: Exception) -> list[str]:
    if _build.messages and _build.messages.problems:
        return _build.messages.problems
    return [str(error).splitlines()[0] if str(error) else type(error).__name__]
