"""Load the muscle map declaration (exercises/_muscle-map.yml) and check it against the drawings and the taxonomy."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from atlas.records.graph import Atlas
from atlas.layout import ProjectLayout
from atlas.records.model import MapLabel, MapView, MuscleDrawing, MuscleMap
from atlas.problems import AtlasProblems, Problem
from atlas.records.sourced_yaml import SourcedYaml, read_yaml
from atlas.records.values import EXPECTED, ID_PATTERN, Bounds, show

SHAPE_CALL = re.compile(r'\bs\("([a-z0-9_]+)"\)')
"""How a view template names a muscle shape: {{ s("trapezius_upper_l") }}."""
INCLUDE = re.compile(r'\{%\s*include\s+"partials/anatomy/([a-z0-9-]+)\.html"\s*%\}')
"""How a view template takes in the shapes it shares with another view."""
LABEL_BOUNDS = (Bounds(0, 596, "a whole number of drawing units across", whole=True),
                Bounds(0, 704, "a whole number of drawing units down", whole=True))
"""Where a number may stand on a drawing (overrides/partials/muscle-map.html draws them 596 by 704)."""


def declaration_file(layout: ProjectLayout) -> Path:
    """The one declaration of which drawn shapes show which muscle."""
    return layout.exercises_dir / "_muscle-map.yml"


SHIPPED_DRAWINGS = Path(__file__).resolve().parents[3] / "overrides" / "partials" / "anatomy"
"""The drawings that come with the generator, for a project without overrides of its own."""


def drawings_dir(layout: ProjectLayout) -> Path:
    """The view templates of the muscle map: the project's, else those that come with the generator."""
    own = layout.root / "overrides" / "partials" / "anatomy"
    return own if own.is_dir() else SHIPPED_DRAWINGS


def load_muscle_map(layout: ProjectLayout, atlas: Atlas) -> MuscleMap:
    """The checked muscle map; raises AtlasProblems naming every wrong line of the declaration and every
    taxonomy muscle that no view draws."""
    file = declaration_file(layout)
    label = layout.label(file)
    if not file.is_file():
        raise AtlasProblems([Problem(label, 0, "file", "is missing; expected the muscle map declaration (views and each muscle's shapes)")])
    document, problems = read_yaml(file, label)
    if document is None:
        raise AtlasProblems(problems)
    views = _views(document, drawings_dir(layout), problems)
    known = set(atlas.groups) | set(atlas.parts)
    drawings = _drawings(document, views, known, problems)
    problems += _undrawn(layout, atlas, drawings)
    if problems:
        raise AtlasProblems(problems)
    return MuscleMap(views, drawings)


def _views(document: SourcedYaml, folder: Path, problems: list[Problem]) -> dict[str, MapView]:
    raw = document.value.get("views") if isinstance(document.value, dict) else None
    if not isinstance(raw, dict) or not raw:
        line = document.line_of(("views",)) if raw is not None else 1
        problems.append(Problem(document.path, line, "views", "is missing or empty; expected the views by id, such as back: {name: Back}"))
        return {}
    views = {}
    for view_id, spec in raw.items():
        line = document.line_of(("views", view_id))
        template = folder / f"{view_id}.html"
        if not isinstance(view_id, str) or not re.match(ID_PATTERN, view_id):
            expected = f"{show(view_id)} is not valid; expected {EXPECTED[ID_PATTERN]}"
            problems.append(Problem(document.path, line, f"views.{view_id}", expected))
        elif not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            problems.append(Problem(document.path, line, f"views.{view_id}", "expected {name: <what the view shows>}"))
        elif not template.is_file():
            expected = f"has no drawing; expected overrides/partials/anatomy/{view_id}.html"
            problems.append(Problem(document.path, line, f"views.{view_id}", expected))
        else:
            views[view_id] = MapView(view_id, spec["name"], tuple(dict.fromkeys(_shape_ids(template))))
    return views


def _shape_ids(template: Path) -> list[str]:
    """The muscle shapes a view template draws, with those of the templates it includes, in drawing order."""
    pieces = INCLUDE.split(template.read_text(encoding="utf-8"))  # text, included name, text, ...
    found: list[str] = []
    for index, piece in enumerate(pieces):
        included = template.parent / f"{piece}.html"
        if index % 2 == 0:
            found += SHAPE_CALL.findall(piece)
        elif included.is_file():
            found += _shape_ids(included)
    return found


def _drawings(document: SourcedYaml, views: dict[str, MapView], known: set[str], problems: list[Problem]) -> dict[str, MuscleDrawing]:
    raw = document.value.get("muscles") if isinstance(document.value, dict) else None
    if not isinstance(raw, dict):
        problems.append(Problem(document.path, 1, "muscles", "is missing; expected the shapes of each muscle by taxonomy id"))
        return {}
    drawings = {}
    for muscle_id, spec in raw.items():
        where = ("muscles", muscle_id)
        field = f"muscles.{muscle_id}"
        if muscle_id not in known:
            message = f"unknown muscle id {muscle_id!r}{_hint(muscle_id, known)}; expected a group or part of exercises/_taxonomy.yml"
            problems.append(Problem(document.path, document.line_of(where), field, message))
            continue
        if not isinstance(spec, dict) or not isinstance(spec.get("shapes"), dict) or not spec["shapes"]:
            expected = "expected {shapes: {<view>: [shape names]}, label: [<view>, x, y]}"
            problems.append(Problem(document.path, document.line_of(where), field, expected))
            continue
        shapes = _shapes(document, where, spec["shapes"], views, problems)
        label = _label(document, where, spec.get("label"), shapes, problems)
        drawings[muscle_id] = MuscleDrawing(muscle_id, shapes, label)
    return drawings


def _shapes(document: SourcedYaml, where: tuple[str, ...], raw: dict[str, Any], views: dict[str, MapView],
            problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for view_id, names in raw.items():
        key = (*where, "shapes", view_id)
        field = ".".join(key)
        if view_id not in views:
            expected = f"unknown view {view_id!r}; expected one of {', '.join(views)}"
            problems.append(Problem(document.path, document.line_of(key), field, expected))
            continue
        if not isinstance(names, list) or not names or not all(isinstance(name, str) for name in names):
            expected = "expected a list of shape names, such as [trapezius_upper]"
            problems.append(Problem(document.path, document.line_of(key), field, expected))
            continue
        matched: list[str] = []
        for index, name in enumerate(names):
            shapes = [shape for shape in views[view_id].shapes if shape == name or shape.startswith(name + "_")]
            if not shapes:
                problems.append(Problem(document.path, document.line_of((*key, index)), f"{field}[{index}]",
                                        f"{name!r} matches no shape of the {view_id} drawing{_hint(name, set(views[view_id].shapes))}"))
            matched += shapes
        found[view_id] = tuple(dict.fromkeys(matched))
    return found


def _label(document: SourcedYaml, where: tuple[str, ...], raw: Any, shapes: dict[str, tuple[str, ...]],
           problems: list[Problem]) -> MapLabel | None:
    if raw is None:
        return None
    key = (*where, "label")
    if not (isinstance(raw, list) and len(raw) == 3 and raw[0] in shapes):
        expected = f"expected [view, x, y] with a view that shows the muscle ({', '.join(shapes)}) and whole numbers"
        problems.append(Problem(document.path, document.line_of(key), ".".join(key), expected))
        return None
    wrong = [(index, message) for index, (value, bounds) in enumerate(zip(raw[1:], LABEL_BOUNDS, strict=True), 1)
             if (message := bounds.problem(value)) is not None]
    for index, message in wrong:
        problems.append(Problem(document.path, document.line_of((*key, index)), f"{'.'.join(key)}[{index}]", message))
    return None if wrong else MapLabel(raw[0], raw[1], raw[2])


def _undrawn(layout: ProjectLayout, atlas: Atlas, drawings: dict[str, MuscleDrawing]) -> list[Problem]:
    """A problem at the taxonomy line of every group without parts and every part that no view draws."""
    missing: list[tuple[str, ...]] = [(group.id,) for group in atlas.groups.values() if not group.parts and group.id not in drawings]
    missing += [(part.group_id, "parts", part.id) for part in atlas.parts.values() if part.id not in drawings]
    if not missing:
        return []
    taxonomy, _ = read_yaml(layout.taxonomy_file, layout.label(layout.taxonomy_file))
    label = layout.label(layout.taxonomy_file)
    return [Problem(label, taxonomy.line_of(("muscles", *key)) if taxonomy else 0, ".".join(("muscles", *key)),
                    f"is not drawn on the muscle map; expected its shapes in {layout.label(declaration_file(layout))}")
            for key in missing]


def _hint(value: str, known: set[str]) -> str:
    found = difflib.get_close_matches(value, sorted(known), n=1)
    return f" (did you mean {found[0]!r}?)" if found else ""
