"""The page of each exercise."""

from __future__ import annotations

from .graph import Atlas
from .model import Exercise, TargetKind
from .links import exercise_link, mention_links, muscle_link
from .muscle_map import region_roles
from .rendering import GeneratedPage, Link, page_uri, render_markdown
from .search_terms import exercise_terms


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
        callouts=_callouts(exercise),
        link_sections=_link_sections(atlas, exercise),
        search_terms=exercise_terms(atlas, exercise),
        structured_data=_how_to(atlas, exercise),
        page_data={"kind": "exercise", "id": exercise.id, "map": region_roles(atlas, exercise.primary, exercise.secondary)},
    )
    return GeneratedPage(uri, markdown, exercise.source)


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


def _callouts(exercise: Exercise) -> list[tuple[str, str, tuple[str, ...]]]:
    """The admonitions of the page, in order: kind, title and items (the red flag has its own text)."""
    callouts = [("warning", "Lift safely", exercise.safety)]
    if exercise.loads:
        callouts.append(("red-flag", "", ()))
    callouts += [("tip", "Make it easier", exercise.easier), ("tip", "Make it harder", exercise.harder), ("info", "At home", exercise.home)]
    return [callout for callout in callouts if callout[2] or callout[0] == "red-flag"]


def _link_sections(atlas: Atlas, exercise: Exercise) -> list[tuple[str, list[Link]]]:
    """The lists of links at the foot of the page, leaving out empty ones."""
    sections = [
        ("Related exercises", [exercise_link(atlas, atlas.exercises[other]) for other in exercise.related]),
        ("Routines that use it", [Link(routine.name, page_uri(TargetKind.ROUTINE, routine.id)) for routine in atlas.routines_using(exercise.id)]),
        ("Mentioned in", mention_links(atlas, TargetKind.EXERCISE, exercise.id)),
    ]
    return [(title, links) for title, links in sections if links]
