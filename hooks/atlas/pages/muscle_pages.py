"""The page of each muscle group and the muscle index with its map."""

from __future__ import annotations

from atlas.records.graph import Atlas
from atlas.pages.evidence_tables import READING_THE_EVIDENCE, evidence_source_ids, study_tables
from atlas.pages.ladder_pages import ladder_links
from atlas.pages.links import exercise_link, mention_links
from atlas.records.model import MuscleGroup, MuscleKind, Role, TargetKind
from atlas.pages.muscle_map import highlight, index_map
from atlas.pages.page_kinds import INDEX_URIS, page_uri
from atlas.pages.rendering import GeneratedPage, Link, render_markdown
from atlas.pages.source_pages import citations
from atlas.site.search_terms import muscle_terms

KIND_TITLES = {
    MuscleKind.UPPER_BACK: "The upper back",
    MuscleKind.HELPER: "Helpers around it",
    MuscleKind.OTHER: "Elsewhere in the body",
}


def render_muscle_page(atlas: Atlas, group: MuscleGroup) -> GeneratedPage:
    """The page at /muscles/<group>/."""
    uri = page_uri(TargetKind.MUSCLE, group.id)
    cited = tuple(dict.fromkeys(group.sources + evidence_source_ids(atlas, group.id)))
    markdown = render_markdown(
        "muscle.md.j2",
        uri,
        group=group,
        primary=[exercise_link(atlas, exercise) for exercise in atlas.exercises_for(group.id, Role.PRIMARY)],
        secondary=[exercise_link(atlas, exercise) for exercise in atlas.exercises_for(group.id, Role.SECONDARY)],
        mentions=mention_links(atlas, TargetKind.MUSCLE, group.id),
        studies=study_tables(atlas, group.id, cited),
        reading_the_evidence=READING_THE_EVIDENCE,
        ladders=ladder_links(atlas, group.id),
        cited=citations(atlas, cited),
        search_terms=muscle_terms(group),
        page_data={"kind": "muscle", "id": group.id, "map": highlight(atlas, (group.id,), every_view=True)},
    )
    return GeneratedPage(uri, markdown, atlas.taxonomy_file)


def render_muscle_index(atlas: Atlas) -> GeneratedPage:
    """The page at /muscles/: the clickable map and every group, by kind."""
    uri = INDEX_URIS[TargetKind.MUSCLE]
    sections = []
    for kind, title in KIND_TITLES.items():
        links = [_group_link(atlas, group) for group in atlas.groups.values() if group.kind is kind]
        if links:
            sections.append((title, links))
    markdown = render_markdown(
        "muscles_index.md.j2",
        uri,
        sections=sections,
        page_data={"kind": "muscle-index", "map": index_map(atlas)},
    )
    return GeneratedPage(uri, markdown, None)


def _group_link(atlas: Atlas, group: MuscleGroup) -> Link:
    count = len(atlas.exercises_for(group.id, Role.PRIMARY))
    noun = "exercise" if count == 1 else "exercises"
    return Link(group.name, page_uri(TargetKind.MUSCLE, group.id), f"{count} primary {noun}")
