"""Check each exercise's `figure:` into a Figure, or say what is wrong with it, line by line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .figure_model import SCENE_PROPS, Figure, Hold, Pose
from .figure_props import DRAWN_PROPS, HELD_PROPS, LINE_PROPS
from .figure_skeleton import PLANES, RANGES, SIDES
from .problems import Problem, field_label
from .sourced_yaml import SourcedYaml, read_yaml

FIGURE_KEY = "figure"
FIGURES_REQUIRED = False
"""Whether an exercise without a figure is a problem. Off until the figures live in the records (then True)."""
FALLBACK_DIR = "figures"
"""While figures are kept apart from the records: figures/<id>.yml holds the value of the record's `figure:` key."""


def check_figures(root: Path, documents: dict[str, SourcedYaml], equipment_ids: Iterable[str],
                  required: bool = FIGURES_REQUIRED) -> tuple[dict[str, Figure], list[Problem]]:
    """Each exercise's figure by id (from its record, else from figures/<id>.yml), and every problem found."""
    known = set(equipment_ids) | set(SCENE_PROPS)
    figures: dict[str, Figure] = {}
    problems: list[Problem] = []
    for stem, doc in documents.items():
        found = _figure_source(root, stem, doc, problems)
        if found is None:
            if required:
                problems.append(Problem(doc.path, doc.line_of(()), FIGURE_KEY, "is missing; every exercise needs a figure of its movement"))
            continue
        source, prefix = found
        figure, wrong = check_figure(source, prefix, known)
        problems += wrong
        if figure is not None:
            figures[stem] = figure
    return figures, problems


def _figure_source(root: Path, stem: str, doc: SourcedYaml, problems: list[Problem]) -> tuple[SourcedYaml, tuple[str, ...]] | None:
    if isinstance(doc.value, dict) and FIGURE_KEY in doc.value:
        return doc, (FIGURE_KEY,)
    file = root / FALLBACK_DIR / f"{stem}.yml"
    if not file.is_file():
        return None
    fallback, found = read_yaml(file, f"{FALLBACK_DIR}/{stem}.yml")
    problems.extend(found)
    if fallback is None:
        return None
    return SourcedYaml(fallback.path, {FIGURE_KEY: fallback.value}, {(FIGURE_KEY, *key): line for key, line in fallback.lines.items()}), (FIGURE_KEY,)


def check_figure(doc: SourcedYaml, prefix: tuple[str, ...], known_props: set[str]) -> tuple[Figure | None, list[Problem]]:
    """The figure at `prefix` in `doc`, or None and its problems: shape, joint ranges, sides and props."""
    value: Any = doc.value
    for step in prefix:
        value = value[step]
    try:
        figure = Figure.model_validate(value)
    except ValidationError as error:
        return None, [_explain(doc, prefix, item) for item in error.errors()]
    problems = _check_poses(doc, prefix, figure) + _check_props(doc, prefix, figure, known_props)
    return (None, problems) if problems else (figure, [])


def _problem(doc: SourcedYaml, key: tuple[Any, ...], message: str) -> Problem:
    return Problem(doc.path, doc.line_of(key), field_label(key), message)


def _explain(doc: SourcedYaml, prefix: tuple[str, ...], error: Any) -> Problem:
    location = tuple(part for part in error["loc"] if not (isinstance(part, str) and part in ("function-after", "tagged-union")))
    key = prefix + location
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _model_fields(location[:-1])
        return _problem(doc, key, f"unknown field; expected one of {', '.join(parent)}")
    if kind == "missing":
        return _problem(doc, key, "is missing; it is required")
    if kind == "enum":
        return _problem(doc, key, f"{error['input']!r} is not one of {error['ctx']['expected'].replace(chr(39), '')}")
    if kind in ("float_parsing", "float_type", "finite_number"):
        return _problem(doc, key, f"{error['input']!r} is not a number; expected degrees or cm")
    if kind in ("tuple_type", "too_short", "too_long"):
        return _problem(doc, key, "expected a position [x, y] in cm")
    if kind in ("model_type", "model_attributes_type"):
        return _problem(doc, key, "expected a mapping of fields")
    return _problem(doc, key, f"{error['msg'][0].lower()}{error['msg'][1:]}")


def _model_fields(location: tuple[Any, ...]) -> list[str]:
    model: Any = Figure
    for part in location:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        inner = [arg for arg in getattr(annotation, "__args__", (annotation,)) if hasattr(arg, "model_fields")]
        model = inner[0] if inner else model
    return list(model.model_fields)


def _check_poses(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure) -> list[Problem]:
    problems = []
    ranges = RANGES[PLANES[figure.view]]
    allowed_sides = SIDES[figure.view]
    for moment in ("start", "end"):
        pose: Pose = getattr(figure, moment)
        for angle in ("trunk", "spine", "neck"):
            problems += _range(doc, prefix + (moment, angle), getattr(pose, angle), ranges[angle], angle)
        for side in ("near", "far", "left", "right"):
            limb = getattr(pose, side)
            if limb is None:
                continue
            if side not in allowed_sides:
                problems.append(_problem(doc, prefix + (moment, side), f"is not a side of the {figure.view.value} view; expected {' or '.join(allowed_sides)}"))
                continue
            for joint, value in limb.model_dump().items():
                problems += _range(doc, prefix + (moment, side, joint), value, ranges[joint], joint)
        if pose.root[1] < -50 or pose.root[1] > 300 or abs(pose.root[0]) > 300:
            problems.append(_problem(doc, prefix + (moment, "root"), f"{list(pose.root)} is off the picture; expected x within ±300 cm and y from -50 to 300 cm"))
    return problems


def _range(doc: SourcedYaml, key: tuple[Any, ...], value: float, bounds: tuple[float, float], joint: str) -> list[Problem]:
    low, high = bounds
    if low <= value <= high:
        return []
    unit = " cm" if joint in ("shrug", "reach") else "°"
    return [_problem(doc, key, f"{value:g}{unit} is outside the human range of the {joint} in this view; expected {low:g} to {high:g}")]


def _check_props(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure, known: set[str]) -> list[Problem]:
    problems = []
    hands = set(SIDES[figure.view]) | {Hold.BOTH.value}
    for index, prop in enumerate(figure.props):
        key = prefix + ("props", index)
        if prop.kind not in known:
            problems.append(_problem(doc, key + ("kind",), f"unknown prop {prop.kind!r}; expected an equipment id from exercises/_taxonomy.yml or one of {', '.join(SCENE_PROPS)}"))
            continue
        if prop.kind not in DRAWN_PROPS:
            problems.append(_problem(doc, key + ("kind",), f"{prop.kind!r} has no drawing yet; expected one of {', '.join(sorted(DRAWN_PROPS))}"))
            continue
        if prop.hold is not None and prop.hold.value not in hands:
            problems.append(_problem(doc, key + ("hold",), f"{prop.hold.value!r} is not a hand in the {figure.view.value} view; expected {', '.join(sorted(hands))}"))
        if prop.kind in HELD_PROPS and prop.hold is None:
            problems.append(_problem(doc, key, f"{prop.kind!r} needs `hold:` (the hand or hands that hold it)"))
        if prop.kind in LINE_PROPS and prop.anchor is None and not (prop.kind == "resistance-band" and prop.hold is Hold.BOTH):
            problems.append(_problem(doc, key, f"{prop.kind!r} needs `anchor: [x, y]` (where it is fixed), or a band `hold: both` hands"))
        if prop.kind not in HELD_PROPS and prop.kind not in LINE_PROPS and prop.at is None and prop.kind not in ("floor", "mat"):
            problems.append(_problem(doc, key, f"{prop.kind!r} needs `at: [x, y]` (where it stands)"))
    return problems
