"""Every address the build writes is its own: a hand-made file in content/ at one of them is a problem, never silently
replaced (nor does it silently replace what the build makes).

The addresses come from where each is declared: the record pages and index pages from page_kinds (through the
atlas), the files the build adds from the modules that write them, and the files the theme publishes from its folder.
"""

from __future__ import annotations

from atlas.layout import ProjectLayout
from atlas.pages.map_drawings import drawing_uri
from atlas.pages.finder_index import FINDER_INDEX
from atlas.pages.index_pages import API_EXERCISES
from atlas.pages.page_kinds import INDEX_URIS, page_uri, sheet_uri
from atlas.pages.routine_builder import BUILDER_ID
from atlas.problems import Problem
from atlas.records.graph import Atlas
from atlas.records.model import TargetKind
from atlas.site.offline import SERVICE_WORKER
from atlas.site.publishing import DevProblems
from atlas.site.search_terms import SEARCH_INDEX

BUILT_FILES = {API_EXERCISES: "the JSON export", FINDER_INDEX: "the finder's index", SERVICE_WORKER: "the service worker",
               SEARCH_INDEX: "the search index",
               DevProblems.FILE: "the development server's problem list"}
"""Files the build writes besides pages, by their address in the site."""
_INDEX_NAMES = ("index", "README")
"""Page files that stand for their folder (MkDocs' rule)."""


def output_path(src_uri: str) -> str:
    """Where a source file of the site ends up in the built site (pages at folder addresses, as MkDocs writes them)."""
    if not src_uri.endswith(".md"):
        return src_uri
    folder, _, name = src_uri[:-3].rpartition("/")
    prefix = f"{folder}/" if folder else ""
    return f"{prefix}index.html" if name in _INDEX_NAMES else f"{prefix}{name}/index.html"


def reserved_addresses(layout: ProjectLayout, atlas: Atlas) -> dict[str, str]:
    """What the build writes at each address of the built site, said as a message says it."""
    made_from: dict[str, str | None] = {uri: None for uri in INDEX_URIS.values()}
    made_from |= {page_uri(TargetKind.EXERCISE, e.id): e.source for e in atlas.exercises.values()}
    made_from |= {page_uri(TargetKind.MUSCLE, group_id): atlas.taxonomy_file for group_id in atlas.groups}
    made_from |= {page_uri(TargetKind.ROUTINE, r.id): r.source for r in atlas.routines.values()}
    made_from |= {page_uri(TargetKind.ROUTINE, p.id): p.source for p in atlas.programmes.values()}
    made_from |= {sheet_uri(r.id): r.source for r in atlas.routines.values()}
    made_from |= {sheet_uri(p.id, session.label): p.source for p in atlas.programmes.values() for session in p.sessions}
    made_from |= {page_uri(TargetKind.LADDER, ladder.id): ladder.source for ladder in atlas.ladders.values()}
    made_from |= {page_uri(TargetKind.EXERCISE, draft.id): draft.source for draft in atlas.drafts.values()}
    made_from[page_uri(TargetKind.ROUTINE, BUILDER_ID)] = None
    reserved = {output_path(uri): f"the page generated from {source}" if source else "the page generated"
                for uri, source in made_from.items()}
    reserved |= {address: f"{what} ({address})" for address, what in BUILT_FILES.items()}
    reserved |= {drawing_uri(view_id): f"the muscle map's drawing of the view {view_id!r}" for view_id in atlas.muscle_map.views}
    theme = layout.theme_dir
    for file in layout.theme_files():
        if file.suffix != ".html":  # templates are read, every other file is published as it is
            address = file.relative_to(theme).as_posix() if theme else file.name
            reserved.setdefault(address, f"{layout.label(file)}, which the theme publishes")
    return reserved


def shadowing_problems(layout: ProjectLayout, atlas: Atlas) -> list[Problem]:
    """Hand-made files in content/ at an address the build writes."""
    reserved = reserved_addresses(layout, atlas)
    problems = []
    for file in layout.content_files():
        what = reserved.get(output_path(file.relative_to(layout.content_dir).as_posix()))
        if what is not None:
            ending = "move or rename the article" if file.suffix == ".md" else "move or rename the file"
            problems.append(Problem(layout.label(file), 0, "file", f"has the address of {what}; {ending}"))
    return problems
