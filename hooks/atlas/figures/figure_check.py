"""Check each exercise's `figure:` into a Figure, or say what is wrong with it, line by line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from atlas.figures.figure_model import SCENE_PROPS, Figure, Hold
from atlas.figures.figure_props import DRAWN_PROPS, HELD_PROPS, LINE_PROPS
from atlas.figures.figure_skeleton import PLANES, RANGES, SIDES, limbs
from atlas.figures.figure_truth import counted_by, figure_lies
from atlas.problems import Problem, field_label
from atlas.records.record_check import check_record
from atlas.records.sourced_yaml import SourcedYaml
from atlas.site.build_cache import SOUND_FIGURES

FIGURE_KEY = "figure"


class _FigureFile(BaseModel):
    """A figure on its own, read as if it were a record's `figure:` key."""

    model_config = ConfigDict(extra="forbid")
    figure: Figure
    """The figure."""


def check_figures(exercises: Mapping[str, tuple[SourcedYaml, Any]], equipment_ids: Iterable[str]) -> list[Problem]:
    """Every problem in the exercises' figures (the record model requires one per exercise): ranges, sides, props, and then
    what a figure shows wrongly (figure_truth): no movement for a dose that counts, contacts missed, things passing through."""
    known = set(equipment_ids) | set(SCENE_PROPS)
    props = ",".join(sorted(known))
    problems = []
    for doc, record in exercises.values():
        # Records that share a figure, what their doses count and their actions (a family of variations) are checked
        # once, and once across builds (the cache): a sound figure is sound for each of them; a faulty one is checked
        # again for each record, whose problems carry its own lines.
        shared = (props, record.figure.model_dump_json(), repr(counted_by(record.dose)), repr(record.actions))
        if SOUND_FIGURES.get(shared) is not None:
            continue
        found = figure_problems(doc, (FIGURE_KEY,), record.figure, known)
        found = found or figure_lies(doc, (FIGURE_KEY,), record.figure, record.dose, record.actions)
        problems += found
        if not found:
            SOUND_FIGURES.put(shared, "sound")
    return problems


def check_figure(doc: SourcedYaml, prefix: tuple[str, ...], known_props: set[str]) -> tuple[Figure | None, list[Problem]]:
    """The figure at `prefix` in `doc`, or None and its problems: shape, joint ranges, sides and props."""
    value: Any = doc.value
    for step in prefix:
        value = value[step]
    record, problems = check_record(
        SourcedYaml(
            doc.path,
            {FIGURE_KEY: value},
            {(FIGURE_KEY, *key[len(prefix) :]): line for key, line in doc.lines.items() if key[: len(prefix)] == prefix},
        ),
        _FigureFile,
    )
    if record is None:
        return None, problems
    problems = figure_problems(doc, prefix, record.figure, known_props)
    return (None, problems) if problems else (record.figure, [])


def figure_problems(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure, known_props: set[str]) -> list[Problem]:
    """What a well-formed figure still gets wrong: joints outside a human range, sides the view has not, unknown props."""
    problems = _check_poses(doc, prefix, figure) + _check_props(doc, prefix, figure, known_props)
    if figure.also is not None:
        if figure.also.also is not None:
            problems.append(_problem(doc, prefix + ("also", "also"), "a second view has no second view of its own; expected one `also`"))
        problems += figure_problems(doc, prefix + ("also",), figure.also, known_props)
    if figure.thumbnail is not None and figure.thumbnail >= len(figure.key_poses):
        last = len(figure.key_poses) - 1
        problems.append(_problem(doc, prefix + ("thumbnail",), f"{figure.thumbnail} is not a key pose; expected 0 to {last}"))
    return problems


def _problem(doc: SourcedYaml, key: tuple[Any, ...], message: str) -> Problem:
    return Problem(doc.path, doc.line_of(key), field_label(key), message)


def _check_poses(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure) -> list[Problem]:
    problems = []
    ranges = RANGES[PLANES[figure.view]]
    allowed_sides = SIDES[figure.view]
    moments: list[tuple[Any, ...]] = [("start",), *(("phases", index) for index in range(len(figure.phases))), ("end",)]
    towards = {side: limbs(figure.start, figure.view)[side].toward for side in allowed_sides}
    for moment, pose in zip(moments, figure.key_poses, strict=True):
        for side, limb in limbs(pose, figure.view).items():
            if limb.toward != towards[side] and getattr(pose, side) is not None:
                problems.append(
                    _problem(
                        doc,
                        prefix + (*moment, side, "toward"),
                        f"{limb.toward:g}° differs from the start pose's {towards[side]:g}°; expected the same in every key pose "
                        "(an upper arm cannot turn toward the viewer in the moving picture)",
                    )
                )
        for angle in ("trunk", "spine", "neck"):
            problems += _range(doc, prefix + (*moment, angle), getattr(pose, angle), ranges[angle], angle)
        for side in ("near", "far", "left", "right"):
            limb = getattr(pose, side)
            if limb is None:
                continue
            if side not in allowed_sides:
                problems.append(
                    _problem(
                        doc,
                        prefix + (*moment, side),
                        f"is not a side of the {figure.view.value} view; expected {' or '.join(allowed_sides)}",
                    )
                )
                continue
            for joint, value in limb.model_dump().items():
                problems += _range(doc, prefix + (*moment, side, joint), value, ranges[joint], joint)
    return problems


def _range(doc: SourcedYaml, key: tuple[Any, ...], value: float, bounds: tuple[float, float], joint: str) -> list[Problem]:
    low, high = bounds
    if low <= value <= high:
        return []
    unit = " cm" if joint in ("shrug", "reach") else "°"
    return [_problem(doc, key, f"{value:g}{unit} is outside the human range of the {joint} in this view; expected {low:g} to {high:g}")]


def _check_props(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure, known: set[str]) -> list[Problem]:
    problems = []
    hands = set(SIDES[figure.view]) | {Hold.BOTH.value, Hold.FEET.value}
    for index, prop in enumerate(figure.props):
        key = prefix + ("props", index)
        if prop.kind not in known:
            problems.append(
                _problem(
                    doc,
                    key + ("kind",),
                    f"unknown prop {prop.kind!r}; expected an equipment id from exercises/_taxonomy.yml or one of {', '.join(SCENE_PROPS)}",
                )
            )
            continue
        if prop.kind not in DRAWN_PROPS:
            problems.append(
                _problem(doc, key + ("kind",), f"{prop.kind!r} has no drawing yet; expected one of {', '.join(sorted(DRAWN_PROPS))}")
            )
            continue
        if prop.hold is not None and prop.hold.value not in hands:
            problems.append(
                _problem(
                    doc,
                    key + ("hold",),
                    f"{prop.hold.value!r} is not a hand in the {figure.view.value} view; expected {', '.join(sorted(hands))}",
                )
            )
        if prop.hold is Hold.FEET and prop.kind not in HELD_PROPS:
            problems.append(_problem(doc, key + ("hold",), f"{prop.kind!r} cannot hang between the feet; expected a hand"))
        if prop.kind in HELD_PROPS and prop.hold is None:
            problems.append(_problem(doc, key, f"{prop.kind!r} needs `hold:` (the hand or hands that hold it)"))
        if prop.kind in LINE_PROPS and prop.anchor is None and not (prop.kind == "resistance-band" and prop.hold is Hold.BOTH):
            problems.append(_problem(doc, key, f"{prop.kind!r} needs `anchor: [x, y]` (where it is fixed), or a band `hold: both` hands"))
        if prop.kind not in HELD_PROPS and prop.kind not in LINE_PROPS and prop.at is None and prop.kind not in ("floor", "mat"):
            problems.append(_problem(doc, key, f"{prop.kind!r} needs `at: [x, y]` (where it stands)"))
    return problems
