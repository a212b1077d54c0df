"""MkDocs adapter: translates MkDocs events into calls to the generator in atlas/. Nothing else lives here."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from atlas.generation import GeneratedSite, generate_site
from atlas.offline import write_service_worker
from atlas.layout import ProjectLayout
from atlas.page_cache import PageCache
from atlas.problems import AtlasProblems
from atlas.search_terms import write_search_terms

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.upper_back_atlas")


class _Build:
    """Per-build state; `mkdocs serve` keeps this module alive between rebuilds, so on_config resets it."""

    sources: GeneratedSite | None = None
    page_cache: PageCache | None = None
    """Set while serving: pages go through files so that `mkdocs serve --dirty` rebuilds only those that changed."""
    search_terms: dict[str, list[str]] = {}


_build = _Build()


def on_startup(command: str, dirty: bool) -> None:
    _build.page_cache = PageCache(Path.cwd().resolve()) if command == "serve" else None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _build.sources = None
    _build.search_terms = {}
    layout = ProjectLayout(Path(config.config_file_path).parent.resolve(), Path(config.docs_dir).resolve(), config.site_url or "")
    config.watch.append(str(layout.exercises_dir))
    try:
        _build.sources = generate_site(layout)
        config.extra["index_urls"] = _build.sources.index_urls
        config.extra["map_links"] = _build.sources.map_links
    except AtlasProblems as problems:
        for problem in problems.problems:
            log.error(str(problem))
        raise PluginError(problems.summary()) from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build.sources is not None
    cache = _build.page_cache
    for article in files.documentation_pages():
        article.edit_uri = f"{Path(config.docs_dir).name}/{article.src_uri}"
        woven = _build.sources.articles.get(article.src_uri)
        if cache and woven:
            article.abs_src_path = str(cache.path_of(article.src_uri, f"---\n{woven.front_matter}---\n\n{woven.markdown}"))
    for page in _build.sources.pages:
        if cache:
            generated = File.generated(config, page.src_uri, abs_src_path=str(cache.path_of(page.src_uri, page.markdown)))
        else:
            generated = File.generated(config, page.src_uri, content=page.markdown)
        generated.edit_uri = page.source
        files.append(generated)
    for extra in _build.sources.files:
        files.append(File.generated(config, extra.src_uri, content=extra.content))
    return files


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    assert _build.sources is not None
    if template_name == "404.html":
        context["map_links"] = _build.sources.map_links
    return context


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build.sources is not None
    article = _build.sources.articles.get(page.file.src_uri)
    return article.markdown if article else markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    assert _build.sources is not None
    _build.search_terms[page.url] = page.meta.get("search_terms") or []
    return context


def on_post_build(config: MkDocsConfig) -> None:
    write_search_terms(Path(config.site_dir), _build.search_terms)
    write_service_worker(Path(config.site_dir))
