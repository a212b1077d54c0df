"""The exercise index (the finder's page) and the public JSON export."""

from __future__ import annotations

from functools import partial

from atlas.figures.figure_render import figure_data
from atlas.records.graph import Atlas
from atlas.pages.finder_index import FINDER_INDEX
from atlas.pages.generated import FileToRender, PageToRender, inert_json
from atlas.records.model import BODYWEIGHT, Category, Level, Role, TargetKind
from atlas.pages.page_kinds import INDEX_URIS, page_uri, page_url
from atlas.pages.rendering import Link, render_markdown
from atlas.pages.routine_builder import builder_facts
from atlas.routines.load_steps import LOAD_STEPS, STEP_SHARE, load_step, load_step_data

API_EXERCISES = "api/exercises.json"
"""The public export of every record, for other programs: no page of the site reads it (the finder and the routine builder
read their own index, FINDER_INDEX)."""


def exercise_index_page(atlas: Atlas) -> PageToRender:
    """The page at /exercises/: the finder, and for readers without JavaScript a link to each muscle group's page, which
    lists the exercises that work it and those that stretch it (a list that stays short however many exercises there are)."""
    return PageToRender(INDEX_URIS[TargetKind.EXERCISE], None, partial(_exercise_index_markdown, atlas))


def _exercise_index_markdown(atlas: Atlas) -> str:
    groups = []
    for group in atlas.groups.values():
        hardest, stretching = (len(atlas.exercises_for(group.id, role)) for role in (Role.PRIMARY, Role.STRETCHED))
        if hardest or stretching:
            counts = [f"{hardest} work it hardest"] * bool(hardest) + [f"{stretching} stretch it"] * bool(stretching)
            groups.append(Link(group.name, page_uri(TargetKind.MUSCLE, group.id), " and ".join(counts)))
    markdown = render_markdown(
        "exercises_index.md.j2",
        INDEX_URIS[TargetKind.EXERCISE],
        groups=groups,
        count=len(atlas.exercises),
        page_data={"kind": "exercise-index", "index": FINDER_INDEX, "facets": finder_facets(atlas)},
    )
    return markdown


def finder_facets(atlas: Atlas) -> dict[str, list[dict[str, str]]]:
    """The finder's filter options, in display order; the page renders them as form controls."""
    muscles = []
    for group in atlas.groups.values():
        if any(atlas.exercises_for(group.id, role) for role in (Role.PRIMARY, Role.SECONDARY, Role.STRETCHED)):
            muscles.append({"value": group.id, "label": group.name, "kind": "group"})
            muscles += [{"value": part.id, "label": part.name, "kind": "part"} for part in group.parts.values()]
    return {
        "muscle": muscles,
        "equipment": [{"value": item.id, "label": item.name} for item in atlas.equipment.values() if item.id != BODYWEIGHT],
        "level": [{"value": level.value, "label": level.value.capitalize()} for level in Level],
        "category": [{"value": category.value, "label": category.value.capitalize()} for category in Category],
    }


def export_json(atlas: Atlas) -> FileToRender:
    """Every muscle, piece of equipment, exercise, routine and ladder as JSON, with ids and page URLs (made when read)."""
    return FileToRender(API_EXERCISES, partial(_export_bytes, atlas))


def _export_bytes(atlas: Atlas) -> bytes:
    data = {
        "version": 1,
        "muscles": [
            {
                "id": group.id,
                "name": group.name,
                "kind": group.kind.value,
                "aliases": list(group.aliases),
                "url": page_url(TargetKind.MUSCLE, group.id),
                "parts": [{"id": part.id, "name": part.name, "aliases": list(part.aliases)} for part in group.parts.values()],
            }
            for group in atlas.groups.values()
        ],
        "equipment": [{"id": item.id, "name": item.name, "no_equipment": item.no_equipment} for item in atlas.equipment.values()],
        "load_steps": {"share": STEP_SHARE, "steps": [load_step_data(step) for step in LOAD_STEPS]},
        "exercises": [
            {
                "id": e.id,
                "name": e.name,
                "aliases": list(e.aliases),
                "url": page_url(TargetKind.EXERCISE, e.id),
                "category": e.category.value,
                "level": e.level.value,
                "equipment": list(e.equipment),
                "summary": e.summary,
                "mechanics": e.mechanics.value,
                "force": e.force and e.force.value,
                "direction": e.direction and e.direction.value,
                "actions": [a.value for a in e.actions],
                "equipment_alternatives": [list(option) for option in e.equipment_alternatives],
                "muscles": {"primary": list(e.primary), "secondary": list(e.secondary), "stabilizers": list(e.stabilizers),
                            "stretched": list(e.stretched)},
                "groups": {
                    "primary": sorted({atlas.group_id_of(m) for m in e.primary}),
                    "secondary": sorted({atlas.group_id_of(m) for m in e.secondary} - {atlas.group_id_of(m) for m in e.primary}),
                    "stretched": sorted({atlas.group_id_of(m) for m in e.stretched}),
                },
                "routines": [routine.id for routine in atlas.routines_using(e.id)],
                "load_step": load_step(atlas, e).id,
                "ladders": [{"id": ladder.id, "step": index + 1} for ladder, index in atlas.rungs_of(e.id)],
                **({"ids": e.ids.model_dump(exclude_none=True)} if e.ids else {}),
                **({"figure": figure_data(e.figure)} if e.figure else {}),
                **builder_facts(atlas, e),
            }
            for e in atlas.exercises.values()
        ],
        "routines": [
            {
                "id": r.id,
                "name": r.name,
                "url": page_url(TargetKind.ROUTINE, r.id),
                "level": r.level.value,
                "minutes": r.minutes,
                "equipment": list(r.equipment_ids),
                "generated": r.generated,
                "exercises": list(r.exercise_ids),
            }
            for r in atlas.routines.values()
        ],
        "ladders": [
            {
                "id": ladder.id,
                "name": ladder.name,
                "url": page_url(TargetKind.LADDER, ladder.id),
                "target": ladder.target,
                "steps": [{"exercise": step.exercise, "move_on": step.move_on} for step in ladder.steps],
            }
            for ladder in atlas.ladders.values()
        ],
    }
    return inert_json(data).encode("ascii")

