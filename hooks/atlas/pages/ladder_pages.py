"""The page of each progression ladder (/ladders/<id>/), the ladder index, and the "step n of m" block that every
exercise on a ladder shows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from atlas.figures.figure_render import exercise_thumbnail
from atlas.pages.links import exercise_link, muscle_link
from atlas.pages.page_kinds import INDEX_URIS, page_uri
from atlas.pages.generated import PageToRender
from atlas.pages.rendering import Link, render_markdown
from atlas.pages.source_pages import citations
from atlas.records.graph import Atlas
from atlas.records.ladder_model import Ladder
from atlas.records.model import TargetKind


@dataclass(frozen=True)
class Rung:
    """One step of a ladder as a page shows it."""

    number: int
    """Its place, from 1."""
    link: Link
    """The exercise, with its level and equipment as the note."""
    thumbnail: Markup
    """The exercise's small figure."""
    move_on: str | None
    """When to move up to the next step."""


@dataclass(frozen=True)
class Position:
    """Where an exercise stands on one ladder: "step 3 of 6", with the steps before and after."""

    ladder: Link
    """The ladder's page."""
    number: int
    """The exercise's step, from 1."""
    count: int
    """How many steps the ladder has."""
    before: Link | None
    """The easier step below, if any."""
    after: Link | None
    """The harder step above, if any."""
    move_on: str | None
    """When to move up from this step."""


def ladder_page(atlas: Atlas, ladder: Ladder) -> PageToRender:
    """The page at /ladders/<id>/: the steps side by side with their figures and the criterion to move up (rendered when
    read)."""
    uri = page_uri(TargetKind.LADDER, ladder.id)
    return PageToRender(uri, ladder.source, partial(_ladder_markdown, atlas, ladder, uri))


def _ladder_markdown(atlas: Atlas, ladder: Ladder, uri: str) -> str:
    exercises = [atlas.exercises[step.exercise] for step in ladder.steps]
    rungs = [Rung(index + 1, exercise_link(atlas, exercise), exercise_thumbnail(exercise), step.move_on)
             for index, (step, exercise) in enumerate(zip(ladder.steps, exercises, strict=True))]
    return render_markdown(
        "ladder.md.j2",
        uri,
        ladder=ladder,
        target=muscle_link(atlas, ladder.target),
        rungs=rungs,
        cited=citations(atlas, ladder.sources),
        page_data={"kind": "ladder", "id": ladder.id, "steps": list(ladder.exercise_ids)},
    )


def ladder_index_page(atlas: Atlas) -> PageToRender:
    """The page at /ladders/: every ladder with its target and its first and last step."""
    return PageToRender(INDEX_URIS[TargetKind.LADDER], None, partial(_ladder_index_markdown, atlas))


def _ladder_index_markdown(atlas: Atlas) -> str:
    rows = [
        (Link(ladder.name, page_uri(TargetKind.LADDER, ladder.id)), muscle_link(atlas, ladder.target),
         atlas.exercises[ladder.exercise_ids[0]].name, atlas.exercises[ladder.exercise_ids[-1]].name, len(ladder.steps))
        for ladder in atlas.ladders.values()
    ]
    markdown = render_markdown("ladders_index.md.j2", INDEX_URIS[TargetKind.LADDER], rows=rows, page_data={"kind": "ladder-index"})
    return markdown


def positions(atlas: Atlas, exercise_id: str) -> list[Position]:
    """Every ladder an exercise is on, with its step and neighbours (for the exercise page)."""
    return [Position(Link(ladder.name, page_uri(TargetKind.LADDER, ladder.id)), index + 1, len(ladder.steps),
                     _step_link(atlas, ladder, index - 1), _step_link(atlas, ladder, index + 1), ladder.steps[index].move_on)
            for ladder, index in atlas.rungs_of(exercise_id)]


def _step_link(atlas: Atlas, ladder: Ladder, index: int) -> Link | None:
    ids = ladder.exercise_ids
    return exercise_link(atlas, atlas.exercises[ids[index]]) if 0 <= index < len(ids) else None


def ladder_links(atlas: Atlas, group_id: str) -> list[Link]:
    """Links to the ladders that climb a group or one of its parts (for the muscle page)."""
    return [Link(ladder.name, page_uri(TargetKind.LADDER, ladder.id), f"{len(ladder.steps)} steps")
            for ladder in atlas.ladders_for(group_id)]
