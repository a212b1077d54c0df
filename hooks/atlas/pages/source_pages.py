"""The bibliography at /sources/ (one entry per source, anchor = its id) and the numbered references of other pages."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.records.graph import Atlas
from atlas.records.model import Source, TargetKind
from atlas.pages.page_kinds import PAGE_KINDS, page_uri
from atlas.pages.rendering import GeneratedPage, Link, render_markdown


@dataclass(frozen=True)
class Citation:
    """A source as a page cites it."""

    source: Source
    """The work."""
    uri: str
    """Its entry in the bibliography."""


def citations(atlas: Atlas, source_ids: tuple[str, ...]) -> list[Citation]:
    """The sources a page cites, in the order it cites them (the template numbers them)."""
    return [Citation(atlas.sources[source_id], page_uri(TargetKind.SOURCE, source_id)) for source_id in source_ids]


def cited_by(atlas: Atlas, source: Source) -> list[Link]:
    """The pages that cite a source: exercises, muscle groups and articles."""
    links = []
    for kind, target_id in atlas.citing(source.id):
        if kind is TargetKind.EXERCISE:
            links.append(Link(atlas.exercises[target_id].name, page_uri(kind, target_id)))
        elif kind is TargetKind.MUSCLE:
            links.append(Link(atlas.groups[target_id].name, page_uri(kind, target_id)))
        elif kind is None:
            links.append(Link(atlas.articles[target_id].title, target_id))
    return links


def render_source_index(atlas: Atlas) -> GeneratedPage:
    """The page at /sources/: every source, sorted by id (first author and year), with the pages citing it."""
    uri = PAGE_KINDS[TargetKind.SOURCE].index_uri
    entries = [(source, cited_by(atlas, source)) for source in atlas.sources.values()]
    markdown = render_markdown("sources.md.j2", uri, entries=entries, page_data={"kind": "source-index"})
    return GeneratedPage(uri, markdown, None)
