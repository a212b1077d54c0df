"""The page of each muscle group and the muscle index with its map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from atlas.figures.figure_render import exercise_thumbnail
from atlas.records.graph import Atlas
from atlas.pages.evidence_tables import READING_THE_EVIDENCE, evidence_source_ids, study_tables
from atlas.pages.ladder_pages import ladder_links
from atlas.pages.links import exercise_link, mention_links
from atlas.pages.muscle_ranking import LEVEL_ORDER, rank_exercises
from atlas.records.model import Exercise, MuscleGroup, MuscleKind, Role, TargetKind
from atlas.routines.routine_generation import FOCUS_PREFIX
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


BEST_SHOWN = 3
"""How many exercises the "Best exercises" block at the top of a muscle page shows."""
PART_SHOWN = 6
"""How many of a part's ranked exercises its section shows (the finder on the part shows them all)."""


@dataclass(frozen=True)
class ListedExercise:
    """An exercise in a muscle page's list: its link (with level and equipment) and its small figure."""

    link: Link
    """The exercise page, with level and equipment as its note."""
    thumbnail: Markup
    """A small still of the exercise's end position (inline SVG)."""


@dataclass(frozen=True)
class RankedList:
    """The exercises that work one muscle (a group or a part) hardest, in the page's order."""

    muscle_id: str
    """The group or part."""
    name: str
    """Its name."""
    exercises: tuple[ListedExercise, ...]
    """Hardest-working first (pages/muscle_ranking.py)."""
    order_note: str
    """One line that says how the list is ordered."""
    finder: str
    """The finder opened on this muscle (a page uri with its query)."""


def _listed(atlas: Atlas, exercises: Iterable[Exercise]) -> tuple[ListedExercise, ...]:
    return tuple(ListedExercise(exercise_link(atlas, exercise), exercise_thumbnail(exercise)) for exercise in exercises)


def _finder(muscle_id: str) -> str:
    return f"{INDEX_URIS[TargetKind.EXERCISE]}?muscle={muscle_id}"


def ranked_list(atlas: Atlas, muscle_id: str) -> RankedList:
    """The exercises that work a group or a part hardest, ranked, with the line that says how."""
    exercises, note = rank_exercises(atlas, muscle_id, atlas.exercises_for(muscle_id, Role.PRIMARY))
    return RankedList(muscle_id, atlas.muscle_name(muscle_id), _listed(atlas, exercises), note, _finder(muscle_id))


def _by_name(atlas: Atlas, muscle_id: str, role: Role) -> tuple[ListedExercise, ...]:
    return _listed(atlas, sorted(atlas.exercises_for(muscle_id, role), key=lambda exercise: (LEVEL_ORDER[exercise.level], exercise.name)))


def render_muscle_page(atlas: Atlas, group: MuscleGroup) -> GeneratedPage:
    """The page at /muscles/<group>/: the best exercises first, then the anatomy, each part's ranked list, the whole
    group's list, its stretches and where it only helps."""
    uri = page_uri(TargetKind.MUSCLE, group.id)
    focus = atlas.routines.get(f"{FOCUS_PREFIX}{group.id}")
    cited = tuple(dict.fromkeys(group.sources + evidence_source_ids(atlas, group.id)))
    markdown = render_markdown(
        "muscle.md.j2",
        uri,
        group=group,
        ranked=ranked_list(atlas, group.id),
        parts={part_id: ranked_list(atlas, part_id) for part_id in group.parts},
        best_shown=BEST_SHOWN,
        part_shown=PART_SHOWN,
        focus=Link(focus.name, page_uri(TargetKind.ROUTINE, focus.id)) if focus else None,
        stretches=_by_name(atlas, group.id, Role.STRETCHED),
        secondary=_by_name(atlas, group.id, Role.SECONDARY),
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
