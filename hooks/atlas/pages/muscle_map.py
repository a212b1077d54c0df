"""What each page's muscle map draws: the views that show its muscles, and each shape's shade or link."""

from __future__ import annotations

from typing import Any

from atlas.pages.map_drawings import drawing_uri
from atlas.records.graph import Atlas
from atlas.records.model import MapLabel, MapView, Muscles, Role, TargetKind
from atlas.pages.page_kinds import page_url


SHADED = (Role.PRIMARY, Role.SECONDARY, Role.STRETCHED)
"""The roles the map shades, each its own way, strongest first; stabilizers are named in the key only."""
OUTLINED = (Role.STRETCHED,)
"""Shaded roles that also draw their muscles' outline their own way (--uba-<role>-dash and -width, muscle-map.css)."""


def highlight(atlas: Atlas, primary: tuple[str, ...], secondary: tuple[str, ...] = (), every_view: bool = False,
              stretched: tuple[str, ...] = ()) -> dict[str, Any]:
    """The map of a page about these muscles, in declared order: for each primary or stretched muscle the view that
    shows most of it (the first such), and for a secondary one only when no view already chosen shows it; or, with
    every_view, each view that shows any of them. Each view gives the role ("primary", "secondary" or "stretched")
    of every drawn muscle of theirs it shows (the drawing colours that muscle's shapes). A group lights its parts."""
    by_role = {Role.PRIMARY: primary, Role.SECONDARY: secondary, Role.STRETCHED: stretched}
    roles: dict[str, dict[str, str]] = {view_id: {} for view_id in atlas.muscle_map.views}
    wanted: set[str] = set()
    for role in SHADED:
        for muscle_id in by_role[role]:
            for drawing_id in _drawn_ids(atlas, muscle_id):
                drawing = atlas.muscle_map.drawings[drawing_id]
                if role is not Role.SECONDARY or not wanted & set(drawing.shapes):
                    wanted.add(max(drawing.shapes, key=lambda view_id: len(drawing.shapes[view_id])))
                for view_id in drawing.shapes:
                    roles[view_id].setdefault(drawing_id, role.value)
    views = [_view(view, muscles=roles[view.id]) for view in atlas.muscle_map.views.values()
             if roles[view.id] and (every_view or view.id in wanted)]
    return {"views": views, "roles": [role.value for role in SHADED if by_role[role]], "outlined": [role.value for role in OUTLINED]}


def role_key(atlas: Atlas, muscles: Muscles) -> list[dict[str, Any]]:
    """The key of an exercise's map in words: each role it gives muscles, its label and the muscles' names; a shaded
    role names its shade."""
    return [{"role": role.value, "label": role.label, "shaded": role in SHADED,
             "muscles": ", ".join(atlas.muscle_name(muscle) for muscle in muscles.of(role))}
            for role in Role if muscles.of(role)]


def group_map(atlas: Atlas) -> dict[str, Any]:
    """A blank map of every view that draws a group, with the drawn muscles of each group (its parts', too), for a
    script to shade (--uba-m-<muscle> on each view's svg): {"views": [...], "groups": {group id: [drawn muscle ids]}}."""
    groups: dict[str, list[str]] = {}
    used: set[str] = set()
    for group_id in atlas.groups:
        drawn = list(_drawn_ids(atlas, group_id))
        for drawing_id in drawn:
            used.update(atlas.muscle_map.drawings[drawing_id].shapes)
        if drawn:
            groups[group_id] = drawn
    views = [_view(view, muscles={}) for view in atlas.muscle_map.views.values() if view.id in used]
    return {"views": views, "groups": groups}


def index_map(atlas: Atlas) -> dict[str, Any]:
    """The map that leads to every muscle page: every view, each drawn muscle numbered and tinted, each of its
    shapes linked to its number, and the legend of named links (groups in taxonomy order, each with its parts)."""
    numbers: dict[str, int] = {}
    legend = []
    for group in atlas.groups.values():
        href = page_url(TargetKind.MUSCLE, group.id)
        entry = _entry(atlas, group.id, href, numbers)
        entry["parts"] = [_entry(atlas, part_id, f"{href}#{part_id}", numbers) for part_id in group.parts]
        legend.append(entry)
    tints = _tints(atlas)
    views = []
    for view in atlas.muscle_map.views.values():
        drawn = [drawing for drawing in atlas.muscle_map.drawings.values() if drawing.muscle_id in numbers and view.id in drawing.shapes]
        owners = {shape: drawing.muscle_id for drawing in drawn for shape in drawing.shapes[view.id]}
        # in drawing order, so that where shapes overlap the one on top takes the tap
        links = [{"shape": shape, "muscle": owners[shape], "number": numbers[owners[shape]], "tint": tints[owners[shape]]}
                 for shape in view.shapes if shape in owners]
        labels = [{"number": numbers[drawing.muscle_id], "x": drawing.label.x, "y": drawing.label.y}
                  for drawing in drawn if drawing.label and drawing.label.view == view.id]
        labels.sort(key=lambda label: label["number"])
        shades = {drawing.muscle_id: f"tint-{tints[drawing.muscle_id]}" for drawing in drawn}
        views.append(_view(view, muscles=shades, links=links, labels=labels))
    return {"views": views, "legend": legend}


def _view(view: MapView, muscles: dict[str, str], links: list[dict[str, Any]] | None = None,
          labels: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """One view as overrides/partials/muscle-map.html takes it: its drawing, the shade of each drawn muscle
    (--uba-<shade>), and on the linked map each shape's link and the numbers' places."""
    return {"id": view.id, "name": view.name, "drawing": drawing_uri(view.id), "muscles": muscles,
            "links": links or [], "labels": labels or []}


TINTS = 3
"""How many tints the linked map takes turns with."""
NEIGHBOURS = 200
"""Muscles whose numbers lie further apart than this (in drawing units) do not count as neighbours."""


def _tints(atlas: Atlas) -> dict[str, int]:
    """A tint for every drawn muscle, greedily: the tint whose nearest user in the same view is furthest away
    (beyond NEIGHBOURS all are equally far), then the least used one."""
    tints: dict[str, int] = {}
    placed: list[tuple[str, int, int, int]] = []
    for drawing in atlas.muscle_map.drawings.values():
        label = drawing.label

        def nearest(tint: int, label: MapLabel | None = label) -> float:
            distances = [((x - label.x) ** 2 + (y - label.y) ** 2) ** 0.5 for view, x, y, used in placed
                         if label and view == label.view and used == tint]
            return min([NEIGHBOURS, *distances])

        counts = [list(tints.values()).count(tint) for tint in range(TINTS)]
        tint = max(range(TINTS), key=lambda candidate: (nearest(candidate), -counts[candidate]))
        tints[drawing.muscle_id] = tint
        if label:
            placed.append((label.view, label.x, label.y, tint))
    return tints


def _entry(atlas: Atlas, muscle_id: str, href: str, numbers: dict[str, int]) -> dict[str, Any]:
    """A legend link; a muscle drawn in its own right gets the next number."""
    if muscle_id in atlas.muscle_map.drawings:
        numbers[muscle_id] = len(numbers) + 1
    return {"name": atlas.muscle_name(muscle_id), "href": href, "number": numbers.get(muscle_id)}


def _drawn_ids(atlas: Atlas, muscle_id: str) -> tuple[str, ...]:
    """The drawings that show a group or part: a part's own, or a group's own and its parts'."""
    if muscle_id in atlas.parts:
        return (muscle_id,)
    ids = (muscle_id, *atlas.groups[muscle_id].parts)
    return tuple(drawing_id for drawing_id in ids if drawing_id in atlas.muscle_map.drawings)
