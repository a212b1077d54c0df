"""The bibliography at /sources/ (one entry per source, anchor = its id) and the numbered references of other pages."""

from __future__ import annotations

from functools import partial

from dataclasses import dataclass

from atlas.records.graph import Atlas
from atlas.records.model import Source, TargetKind
from atlas.pages.page_kinds import PAGE_KINDS, page_uri
from atlas.pages.generated import PageToRender
from atlas.pages.rendering import Link, render_markdown


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


EXERCISES_NAMED = 3
"""How many of the exercises citing a source its entry names; it counts the rest, so that the bibliography stays light
however many exercises cite one study (issue 26: no page over 60 KB). Each exercise page lists its own sources."""


@dataclass(frozen=True)
class CitedBy:
    """The pages that cite a source, as its entry in the bibliography names them."""

    exercises: tuple[Link, ...]
    """The first exercises citing it."""
    more_exercises: int
    """How many more exercises cite it."""
    others: tuple[Link, ...]
    """Every muscle page and guide citing it."""

    def __bool__(self) -> bool:
        return bool(self.exercises or self.others)


def cited_by(atlas: Atlas, source: Source) -> CitedBy:
    """The pages that cite a source: a few of its exercises and how many more, then muscle groups and articles."""
    exercises, others = [], []
    for kind, target_id in atlas.citing(source.id):
        if kind is TargetKind.EXERCISE:
            exercises.append(Link(atlas.exercises[target_id].name, page_uri(kind, target_id)))
        elif kind is TargetKind.MUSCLE:
            others.append(Link(atlas.groups[target_id].name, page_uri(kind, target_id)))
        elif kind is None:
            others.append(Link(atlas.articles[target_id].title, target_id))
    return CitedBy(tuple(exercises[:EXERCISES_NAMED]), max(0, len(exercises) - EXERCISES_NAMED), tuple(others))


def source_index_page(atlas: Atlas) -> PageToRender:
    """The page at /sources/: every source, sorted by id (first author and year), with the pages citing it."""
    return PageToRender(PAGE_KINDS[TargetKind.SOURCE].index_uri, None, partial(_source_index_markdown, atlas))


def _source_index_markdown(atlas: Atlas) -> str:
    uri = PAGE_KINDS[TargetKind.SOURCE].index_uri
    entries = [(source, cited_by(atlas, source)) for source in atlas.sources.values()]
    markdown = render_markdown("sources.md.j2", uri, entries=entries, page_data={"kind": "source-index"})
    return markdown
