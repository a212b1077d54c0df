"""The whole generator: load and check every source, then render every page. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .articles import KnownTargets, known_targets, source_ids_on_disk, targets_on_disk, weave_articles
from .catalog import load_catalog
from .exercise_pages import render_exercise_page
from .graph import Atlas
from .index_pages import export_json, render_exercise_index
from .layout import ProjectLayout
from .markdown_text import html_data
from .model import Article
from .muscle_map import region_links
from .muscle_pages import render_muscle_index, render_muscle_page
from .problems import AtlasProblems, Problem
from .rendering import GeneratedFile, GeneratedPage
from .routine_generation import generate_routines
from .routine_pages import render_routine_index, render_routine_page


MAP_LINKS_SETTING = "atlas_map_links"
"""The `extra` setting that gives templates without a page of their own (404) the clickable muscle map."""


@dataclass(frozen=True)
class SiteSources:
    """Everything the generator hands to a site engine."""

    atlas: Atlas
    """The checked graph."""
    pages: tuple[GeneratedPage, ...]
    """Generated Markdown pages."""
    files: tuple[GeneratedFile, ...]
    """Generated non-page files (the JSON export)."""

    @property
    def map_links(self) -> dict[str, dict[str, str]]:
        """Muscle map regions with their names and pages, for templates that have no page of their own (404)."""
        return region_links(self.atlas)

    @property
    def template_settings(self) -> dict[str, Any]:
        """Settings for the theme's `extra`, every string HTML-escaped (the theme's templates do not autoescape)."""
        return {MAP_LINKS_SETTING: html_data(self.map_links)}

    @property
    def articles(self) -> dict[str, Article]:
        """Hand-written pages with links woven in, by path inside content/."""
        return self.atlas.articles


def build_atlas(layout: ProjectLayout) -> Atlas:
    """Load, check and join every source; raises AtlasProblems, with every problem of every kind of source, before
    anything is rendered."""
    problems: list[Problem] = layout.source_problems()
    sources = source_ids_on_disk(layout)
    atlas: Atlas | None = None
    try:
        atlas = load_catalog(layout)
    except AtlasProblems as found:
        problems += found.problems
    known: KnownTargets = targets_on_disk(layout, sources)
    if atlas is not None:
        generated = {key: routine for key, routine in generate_routines(atlas).items() if key not in atlas.routines}
        atlas = atlas.with_routines(atlas.routines | generated)
        known = known_targets(atlas, sources)
    articles, article_problems = weave_articles(layout, known)
    problems += article_problems
    if problems or atlas is None:
        raise AtlasProblems(problems)
    return atlas.with_articles(articles)


def generate_site(layout: ProjectLayout) -> SiteSources:
    """The complete graph, then every generated page and file."""
    atlas = build_atlas(layout)
    pages = [render_exercise_index(atlas), render_muscle_index(atlas), render_routine_index(atlas)]
    pages += [render_exercise_page(atlas, exercise) for exercise in atlas.exercises.values()]
    pages += [render_muscle_page(atlas, group) for group in atlas.groups.values()]
    pages += [render_routine_page(atlas, routine) for routine in atlas.routines.values()]
    return SiteSources(atlas, tuple(pages), (export_json(atlas),))
