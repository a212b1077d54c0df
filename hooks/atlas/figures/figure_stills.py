"""The stills of a figure: each key pose drawn flat, every shape placed in the picture's own coordinates.

A still needs none of the nested, animated groups of the moving picture, so it is written as plain lines and discs
(about half the bytes), in the same drawing order and with the same CSS classes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from atlas.figures.figure_drawing import FEET_GRIP, Transform, body_shapes, hand_span, held_by_side, placed_shape
from atlas.figures.figure_poses import GRIP, key_samples, legs_seen
from atlas.figures.figure_model import Figure, Hold, View
from atlas.figures.figure_props import LINE_PROPS, Shape, hand_end_shapes, held_shapes, line_tone, upside_down
from atlas.figures.figure_skeleton import (
    LENGTHS,
    SIDES,
    Point,
    behind,
    chains,
    drawing_point,
    drawn_length,
    elbow_end_on,
    joint_points,
    segment_angles,
)


@dataclass(frozen=True)
class Layer:
    """Shapes drawn together, in one CSS class (far, held) or none."""

    tone: str
    """The class of their group: "", "far", "held" or "far held"."""
    shapes: tuple[Shape, ...]
    """Placed in the picture's coordinates."""


def still_layers(figure: Figure, index: int) -> tuple[Layer, ...]:
    """Key pose `index` of the figure as layers of placed shapes: band and cable lines, then each chain with what its hand holds."""
    pose, root = key_samples(figure)[index]
    view = figure.view
    points = joint_points(view, pose, root, legs_seen(figure))
    angles = segment_angles(view, pose)
    held = held_by_side(figure)
    span = hand_span(figure)
    layers = [Layer("", tuple(_lines(figure, points)))] if any(prop.kind in LINE_PROPS for prop in figure.props) else []
    for chain in chains(view, legs_seen(figure)):
        far = "far" if behind(view, chain, pose) else ""
        body: list[Shape] = []
        carried: list[Shape] = []
        for segment in chain.segments:
            origin, angle = points[segment.name], angles[segment.name]
            length, elbow = drawn_length(view, segment, chain.side, pose), elbow_end_on(view, segment, chain.side, pose)
            body += [placed_shape(shape, Transform(*origin, angle)) for shape in body_shapes(segment.part, length, view, chain.side, elbow)]
            if segment.part == "hand" and chain.side and held[chain.side]:
                carried += _held(held[chain.side], view, span, _along(origin, angle, LENGTHS["hand"] * GRIP))
            if segment.part == "foot" and chain.side == SIDES[view][-1] and held["feet"]:
                carried += _held(held["feet"], view, span, _along(origin, angle, FEET_GRIP))
        layers.append(Layer(far, tuple(body)))
        if carried:
            layers.append(Layer(f"{far} held".strip(), tuple(carried)))
    return tuple(layers)


def _along(origin: Point, angle: float, distance: float) -> Point:
    return (origin[0] + distance * math.cos(math.radians(angle)), origin[1] + distance * math.sin(math.radians(angle)))


def _moved(shape: Shape, at: Point) -> Shape:
    """A prop shape kept upright, moved to `at`."""
    v = list(shape.values)
    v[0] += at[0]
    v[1] += at[1]
    if shape.kind == "line":
        v[2] += at[0]
        v[3] += at[1]
    return Shape(shape.kind, tuple(v), shape.tone)


def _held(kinds: list[str], view: View, span: float, at: Point) -> list[Shape]:
    found = []
    for kind in kinds:
        if kind.startswith("end:"):
            shapes = hand_end_shapes(kind[4:])
        elif kind.endswith(":flipped"):
            shapes = upside_down(held_shapes(kind.removesuffix(":flipped"), view, span))
        else:
            shapes = held_shapes(kind, view, span)
        found += [_moved(shape, at) for shape in shapes]
    return found


def _lines(figure: Figure, points: dict[str, Point]) -> list[Shape]:
    """Bands and cables: from the anchor to each hand that holds them, or from one hand to the other."""
    hands = {side: _along(points[f"{side}.hand"], _angle(points, f"{side}.hand"), LENGTHS["hand"] * GRIP) for side in SIDES[figure.view]}
    found = []
    for prop in figure.props:
        if prop.kind not in LINE_PROPS or prop.hold is None:
            continue
        tone = line_tone(prop.kind)
        if prop.anchor is None:
            first, second = SIDES[figure.view]
            found.append(Shape("line", (*hands[first], *hands[second]), tone))
            continue
        anchor = drawing_point(prop.anchor)
        sides = SIDES[figure.view] if prop.hold is Hold.BOTH else (prop.hold.value,)
        found += [Shape("line", (*anchor, *hands[side]), tone + ("-far" if side == "far" else "")) for side in sides]
    return found


def _angle(points: dict[str, Point], name: str) -> float:
    start, end = points[name], points[f"{name}:end"]
    return math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
