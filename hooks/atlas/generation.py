"""The whole generator: load and check every source, then render every page. No MkDocs here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from atlas.articles.articles import known_targets, targets_on_disk, weave_articles
from atlas.site.asset_licences import check_assets
from atlas.records.catalog import load_catalog
from atlas.records.evidence import load_evidence
from atlas.pages.exercise_pages import exercise_page
from atlas.site.build_cache import refresh_caches
from atlas.site.reserved_addresses import shadowing_problems
from atlas.pages.generated import AnyFile, AnyPage, collector_paused
from atlas.records.graph import Atlas
from atlas.pages.finder_index import FINDER_INDEX, finder_index
from atlas.pages.index_pages import exercise_index_page, export_json
from atlas.layout import ProjectLayout
from atlas.records.model import Article, Routine, TargetKind
from atlas.pages.map_drawings import render_map_drawings
from atlas.pages.muscle_map import index_map
from atlas.records.muscle_map_check import load_muscle_map
from atlas.pages.page_kinds import PAGE_KINDS, page_uri, page_url
from atlas.pages.muscle_pages import muscle_index_page, muscle_page
from atlas.problems import AtlasProblems, Problem
from atlas.pages.programme_pages import programme_page, programme_sheet_pages
from atlas.records.drafts import draft_notices, load_drafts
from atlas.records.ladders import load_ladders
from atlas.pages.draft_pages import draft_page
from atlas.pages.ladder_pages import ladder_index_page, ladder_page
from atlas.records.programmes import load_programmes
from atlas.pages.routine_builder import builder_page
from atlas.routines.routine_checks import check_labels
from atlas.routines.routine_generation import generate_routines
from atlas.pages.routine_pages import routine_index_page, routine_page, routine_sheet_page
from atlas.pages.source_pages import source_index_page


MAP_LINKS_SETTING = "map_links"
"""The theme `extra` setting with the clickable muscle map, for templates without a page of their own (404)."""
INDEX_URLS_SETTING = "index_urls"
"""The theme `extra` setting with the address of each page kind's index, for the same templates."""

RoutineRules = Callable[[Atlas], dict[str, Routine]]
"""What makes the generated sessions of an atlas (generate_routines; `mkdocs serve` keeps the last ones, regeneration.py)."""


@dataclass(frozen=True)
class EngineSite:
    """What a site engine takes from the generator (GeneratedSite.for_engine), without the graph."""

    pages: tuple[AnyPage, ...]
    """Generated Markdown pages (most rendered when read)."""
    files: tuple[AnyFile, ...]
    """Generated non-page files (the largest made when their bytes are asked for)."""
    articles: dict[str, Article]
    """Hand-written pages with links woven in, by path inside content/."""
    template_settings: dict[str, Any]
    """Settings for the theme's `extra`."""
    notices: tuple[Problem, ...]
    """Advice the engine shows as warnings."""


@dataclass(frozen=True)
class GeneratedSite:
    """Everything the generator hands to a site engine."""

    atlas: Atlas
    """The checked graph."""
    pages: tuple[AnyPage, ...]
    """Generated Markdown pages (most rendered when read)."""
    files: tuple[AnyFile, ...]
    """Generated non-page files (the JSON export and the finder's index, made when their bytes are asked for; the muscle
    map's drawings)."""
    notices: tuple[Problem, ...] = ()
    """Advice the engine shows as warnings (a strict build stops on them): unfinished drafts."""

    @property
    def map_links(self) -> dict[str, object]:
        """The muscle map that links every muscle page, for templates that have no page of their own (404)."""
        return index_map(self.atlas)

    @property
    def index_urls(self) -> dict[str, str]:
        """The address of each page kind's index (exercise -> exercises/), for the 404 page (as extra.index_urls)."""
        return {kind.value: page_url(kind) for kind in PAGE_KINDS}

    @property
    def template_settings(self) -> dict[str, Any]:
        """Settings for the theme's `extra` (set by the adapter, written into an export's mkdocs.yml); the map partial
        escapes the names in it (`| e`), addresses are built from ids."""
        return {MAP_LINKS_SETTING: self.map_links, INDEX_URLS_SETTING: self.index_urls}

    @property
    def articles(self) -> dict[str, Article]:
        """Hand-written pages with links woven in, by path inside content/."""
        return self.atlas.articles

    def for_engine(self) -> EngineSite:
        """What an engine takes (the graph stays behind)."""
        return EngineSite(self.pages, self.files, self.articles, self.template_settings, self.notices)


def build_atlas(layout: ProjectLayout, routine_rules: RoutineRules = generate_routines) -> Atlas:
    """Load, check and join every source; raises AtlasProblems with every problem of every kind before anything is rendered."""
    refresh_caches()
    problems = layout.source_problems()
    catalog = load_catalog(layout)
    atlas = catalog.atlas
    problems += catalog.problems
    if atlas is None:
        # the records cannot be joined: still check the articles, against every id that has a record file
        _, article_problems = weave_articles(layout, targets_on_disk(layout))
        raise AtlasProblems(problems + article_problems)
    taxonomy = layout.label(layout.taxonomy_file)
    try:
        atlas = atlas.with_muscle_map(load_muscle_map(layout, atlas))
    except AtlasProblems as found:  # against a broken taxonomy the map's problems only repeat the taxonomy's
        problems += [] if any(problem.path == taxonomy for problem in problems) else found.problems
    try:
        check_assets(layout)
    except AtlasProblems as found:
        problems += found.problems
    generated = {key: routine for key, routine in routine_rules(atlas).items() if key not in atlas.routines}
    problems += [problem for routine in generated.values() for problem in check_labels(routine, atlas.exercises, lambda key: 0)]
    atlas = atlas.with_routines(atlas.routines | generated)
    programmes, found_in_programmes = load_programmes(layout, atlas, catalog.left_out.get(TargetKind.ROUTINE, frozenset()))
    problems += found_in_programmes
    atlas = atlas.with_programmes(programmes)
    evidence, found_in_evidence = load_evidence(layout, atlas, catalog.left_out.get(TargetKind.EXERCISE, frozenset()))
    problems += found_in_evidence
    atlas = atlas.with_evidence(evidence)
    ladders, found_in_ladders = load_ladders(layout, atlas, catalog.left_out.get(TargetKind.EXERCISE, frozenset()))
    problems += found_in_ladders
    atlas = atlas.with_ladders(ladders)
    drafts, found_in_drafts = load_drafts(layout, atlas)
    problems += found_in_drafts
    atlas = atlas.with_drafts(drafts)
    problems += shadowing_problems(layout, atlas)
    articles, article_problems = weave_articles(layout, known_targets(atlas))
    problems += [problem for problem in article_problems if not _about_left_out(problem, catalog.left_out)]
    if problems:
        raise AtlasProblems(problems)
    return atlas.with_articles(articles)


def generate_site(layout: ProjectLayout, routine_rules: RoutineRules = generate_routines) -> GeneratedSite:
    """The complete graph, then every generated page and file."""
    with collector_paused():
        return _generate_site(layout, routine_rules)


def _generate_site(layout: ProjectLayout, routine_rules: RoutineRules) -> GeneratedSite:
    atlas = build_atlas(layout, routine_rules)
    pages: list[AnyPage] = [exercise_index_page(atlas), muscle_index_page(atlas), routine_index_page(atlas)]
    pages.append(source_index_page(atlas))
    pages += [exercise_page(atlas, exercise) for exercise in atlas.exercises.values()]
    pages += [muscle_page(atlas, group) for group in atlas.groups.values()]
    pages += [routine_page(atlas, routine) for routine in atlas.routines.values()]
    pages += [routine_sheet_page(atlas, routine, layout.site_url) for routine in atlas.routines.values()]
    pages += [programme_page(atlas, programme) for programme in atlas.programmes.values()]
    pages += [page for programme in atlas.programmes.values() for page in programme_sheet_pages(atlas, programme, layout.site_url)]
    pages += [ladder_index_page(atlas), *(ladder_page(atlas, ladder) for ladder in atlas.ladders.values())]
    pages += [draft_page(atlas, draft) for draft in atlas.drafts.values()]
    pages.append(builder_page(atlas, FINDER_INDEX))
    return GeneratedSite(atlas, tuple(pages), (export_json(atlas), finder_index(atlas), *render_map_drawings(layout, atlas.muscle_map)),
                         tuple(draft_notices(atlas.drafts)))


def _about_left_out(problem: Problem, left_out: dict[TargetKind, frozenset[str]]) -> bool:
    """Whether an article's problem is only that it links to a record left out for its own problems (already reported)."""
    return any(
        f"[[{kind.value}:{record_id}" in problem.field or page_uri(kind, record_id) in problem.field
        for kind, ids in left_out.items()
        for record_id in ids
    )
