"""Links between pages, ready for templates."""

from __future__ import annotations

from atlas.records.graph import Atlas
from atlas.records.model import Exercise, TargetKind
from atlas.pages.page_kinds import page_uri
from atlas.pages.rendering import Link


def muscle_link(atlas: Atlas, muscle_id: str) -> Link:
    """A link to a muscle group page, or to a part's section on it."""
    group_id = atlas.group_id_of(muscle_id)
    anchor = f"#{muscle_id}" if muscle_id != group_id else ""
    return Link(atlas.muscle_name(muscle_id), page_uri(TargetKind.MUSCLE, group_id) + anchor)


def exercise_note(atlas: Atlas, exercise: Exercise) -> str:
    """Level and equipment, the detail shown beside an exercise in lists."""
    equipment = atlas.equipment_text(exercise.equipment).lower()
    return f"{exercise.level.value}, {equipment}"


def exercise_link(atlas: Atlas, exercise: Exercise) -> Link:
    """A link to an exercise page with its level and equipment."""
    return Link(exercise.name, page_uri(TargetKind.EXERCISE, exercise.id), exercise_note(atlas, exercise))


def mention_links(atlas: Atlas, kind: TargetKind, target_id: str) -> list[Link]:
    """Links to the article sections that mention a target ("Mentioned in")."""
    links = []
    for mention in atlas.mentions_of(kind, target_id):
        text = f"{mention.article_title} › {mention.section_title}" if mention.anchor else mention.article_title
        anchor = f"#{mention.anchor}" if mention.anchor else ""
        links.append(Link(text, mention.article_uri + anchor))
    return list(dict.fromkeys(links))
