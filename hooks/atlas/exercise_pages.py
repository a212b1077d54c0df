"""The page of each exercise."""

from __future__ import annotations

from .graph import Atlas
from .model import Exercise, TargetKind
from .links import exercise_link, mention_links, muscle_link
from .muscle_map import region_roles
from .rendering import GeneratedPage, Link, page_uri, render_markdown


def render_exercise_page(atlas: Atlas, exercise: Exercise) -> GeneratedPage:
    """The page at /exercises/<id>/."""
    uri = page_uri(TargetKind.EXERCISE, exercise.id)
    markdown = render_markdown(
        "exercise.md.j2",
        uri,
        exercise=exercise,
        primary=[muscle_link(atlas, muscle) for muscle in exercise.primary],
        secondary=[muscle_link(atlas, muscle) for muscle in exercise.secondary],
        equipment=[atlas.equipment[item].name for item in exercise.equipment],
        related=[exercise_link(atlas, atlas.exercises[other]) for other in exercise.related],
        routines=[Link(routine.name, page_uri(TargetKind.ROUTINE, routine.id)) for routine in atlas.routines_using(exercise.id)],
        mentions=mention_links(atlas, TargetKind.EXERCISE, exercise.id),
        search_terms=_search_terms(atlas, exercise),
        structured_data=_how_to(atlas, exercise),
        page_data={"kind": "exercise", "id": exercise.id, "map": region_roles(atlas, exercise.primary, exercise.secondary)},
    )
    return GeneratedPage(uri, markdown, exercise.source)


def _search_terms(atlas: Atlas, exercise: Exercise) -> list[str]:
    """Names people type: the exercise's own, and its primary muscles' with their groups' names and aliases."""
    groups = [atlas.groups[atlas.group_id_of(muscle)] for muscle in exercise.primary]
    muscles = [atlas.muscle_name(muscle) for muscle in exercise.primary]
    return [exercise.name, *exercise.aliases, *muscles, *(name for group in groups for name in (group.name, *group.aliases))]


def _how_to(atlas: Atlas, exercise: Exercise) -> dict[str, object]:
    """schema.org HowTo for search engines: the steps, tools and summary as written."""
    return {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": exercise.name,
        "description": exercise.summary,
        "tool": [{"@type": "HowToTool", "name": atlas.equipment[item].name} for item in exercise.equipment],
        "step": [{"@type": "HowToStep", "position": number, "text": step} for number, step in enumerate(exercise.steps, start=1)],
    }
