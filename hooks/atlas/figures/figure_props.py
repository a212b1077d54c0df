"""What each prop looks like, as plain shapes: lines, discs and boxes in cm (the template turns them into SVG)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from atlas.figures.figure_model import Figure, Prop, View


@dataclass(frozen=True)
class Shape:
    """A line, disc or box, in the coordinates of the group it is drawn in."""

    kind: str
    """line (x1, y1, x2, y2), disc (cx, cy, r), ring (cx, cy, r: an outline) or box (x, y, width, height)."""
    values: tuple[float, ...]
    """Its numbers, in the order its kind names them."""
    tone: str
    """Its CSS class suffix: prop, prop-thin, band, cable, pad, mat or floor."""


HELD_PROPS = frozenset(
    {"dumbbells", "kettlebell", "barbell", "household-weights", "handle", "rope", "rope-attachment", "straight-bar", "towel"}
)
"""Props drawn in the hand and moving with it (kept upright, as gravity keeps them)."""
LINE_PROPS = frozenset({"resistance-band", "cable-machine", "lat-pulldown-machine", "rings", "landmine"})
"""Props with a line from a fixed anchor to the hand that holds them."""
FIXED_PROPS = frozenset(
    {"floor", "wall", "bench", "chair", "pull-up-bar", "rack", "mat", "cushion", "foam-roller", "doorway", "sturdy-table", "pec-deck"}
)
"""Props that stand still where `at` puts them."""
DRAWN_PROPS = HELD_PROPS | LINE_PROPS | FIXED_PROPS
"""Every prop kind that has a drawing."""
DOOR_HALF_WIDTH = 42.0
"""Half a doorway's opening, in cm (seen from above)."""
FLOOR_HALF_WIDTH = 600.0
"""The floor line is clipped to the picture; drawn this wide either way."""


def from_above(figure: Figure) -> bool:
    """Whether a front or back view looks down on a body lying on the floor or a bench (its root low): props under it are drawn as
    seen from above."""
    return figure.view in (View.FRONT, View.BACK) and figure.start.root[1] < 60


def fixed_shapes(prop: Prop, view: View, above: bool = False) -> tuple[Shape, ...]:
    """The shapes of a prop that stands still, in drawing coordinates (y down from the floor at 0); `above` for a front or back
    view that looks down on a lying body (`from_above`)."""
    x, height = prop.at or (0.0, 0.0)
    y = -height
    side = view is View.SIDE
    kind = prop.kind
    if kind == "floor":
        return (Shape("line", (-FLOOR_HALF_WIDTH, 2, FLOOR_HALF_WIDTH, 2), "floor"),)
    if kind == "doorway" and view is View.TOP:  # from above: the wall either side of the opening, `at` its middle
        return (
            Shape("line", (x - DOOR_HALF_WIDTH - 70, y, x - DOOR_HALF_WIDTH, y), "pad"),
            Shape("line", (x + DOOR_HALF_WIDTH, y, x + DOOR_HALF_WIDTH + 70, y), "pad"),
        )
    if kind in ("wall", "doorway"):
        top = y if height else -210
        wall = (Shape("line", (x, 0, x, top), "prop"),)
        return wall + ((Shape("line", (x - 30, top, x + 30, top), "prop"),) if kind == "doorway" else ())
    if kind == "bench" and above:  # seen from above under a lying body: the pad, `at` the middle of its head end
        return (Shape("box", (x - 110, y - 18, 110, 36), "pad"),)
    if kind == "bench":
        return _bench(x, y, prop.angle or 0.0, side)
    if kind == "chair":
        return (
            Shape("line", (x - 22, y, x + 22, y), "pad"),
            Shape("line", (x - 22, y, x - 26, y - 45), "pad"),
            Shape("line", (x - 18, y, x - 18, 0), "prop-thin"),
            Shape("line", (x + 18, y, x + 18, 0), "prop-thin"),
        )
    if kind == "sturdy-table":
        return (
            Shape("line", (x - 45, y, x + 45, y), "pad"),
            Shape("line", (x - 40, y, x - 40, 0), "prop-thin"),
            Shape("line", (x + 40, y, x + 40, 0), "prop-thin"),
        )
    if kind in ("pull-up-bar", "rack"):
        if side:
            post = (
                (Shape("line", (x - 8, y - 30, x - 8, 0), "prop-thin"),)
                if kind == "rack"
                else (Shape("line", (x, y, x, y - 30), "prop-thin"),)
            )
            return post + (Shape("disc", (x, y, 4), "prop"),)
        shapes: tuple[Shape, ...] = (Shape("line", (x - 60, y, x + 60, y), "prop"),)
        if kind == "rack":
            shapes += (Shape("line", (x - 60, y - 40, x - 60, 0), "prop-thin"), Shape("line", (x + 60, y - 40, x + 60, 0), "prop-thin"))
        return shapes
    if kind == "mat":
        if not side and height:  # seen from above, under a body lying in a front or back view: `at` is its middle
            return (Shape("box", (x - 95, y - 32, 190, 64), "mat"),)
        return (Shape("box", (x - 95, -2, 190, 4), "mat"),)
    if kind == "cushion":
        return (Shape("box", (x - 14, y - 8, 28, 8), "pad"),)
    if kind == "foam-roller":
        return (Shape("disc", (x, y - 8, 8), "prop"),)
    if kind == "pec-deck":
        return (
            Shape("line", (x - 20, -48, x + 20, -48), "pad"),
            Shape("line", (x, -48, x, 0), "prop-thin"),
            Shape("line", (x + 30, -40, x + 30, -150), "prop"),
        )
    return ()


def _bench(x: float, y: float, angle: float, side: bool) -> tuple[Shape, ...]:
    if not side:
        return (
            Shape("box", (x - 22, y - 3, 44, 6), "pad"),
            Shape("line", (x - 15, y, x - 15, 0), "prop-thin"),
            Shape("line", (x + 15, y, x + 15, 0), "prop-thin"),
        )
    half = 55.0
    dx, dy = half * math.cos(math.radians(angle)), half * math.sin(math.radians(angle))
    low = (x - dx, y + dy) if angle >= 0 else (x + dx, y - dy)
    return (
        Shape("line", (x - dx, y + dy, x + dx, y - dy), "pad"),
        Shape("line", (x, y, x, 0), "prop-thin"),
        Shape("line", (low[0], low[1], low[0], 0), "prop-thin"),
        Shape("line", (x - 40, 0, x + 40, 0), "prop-thin"),
    )


def held_shapes(kind: str, view: View, span: float) -> tuple[Shape, ...]:
    """A prop in the hand, upright, around the grip at (0, 0); `span` reaches the other hand (front views)."""
    side = view is View.SIDE
    if kind == "dumbbells":
        if side:
            return (Shape("disc", (0, 0, 7), "prop"),)
        return (Shape("line", (-9, 0, 9, 0), "prop-thin"), Shape("box", (-12, -7, 5, 14), "prop"), Shape("box", (7, -7, 5, 14), "prop"))
    if kind == "kettlebell":
        return (Shape("ring", (0, 4, 5), "prop-thin"), Shape("disc", (0, 15, 9), "prop"))
    if kind == "household-weights":
        return (Shape("box", (-6, 2, 12, 18), "prop"),)
    if kind in ("barbell", "straight-bar"):
        if side:
            return (Shape("disc", (0, 0, 20 if kind == "barbell" else 3), "prop" if kind == "barbell" else "prop"),)
        reach = 40.0 if kind == "barbell" else 20.0
        shapes: tuple[Shape, ...] = (Shape("line", (-reach, 0, span + reach, 0), "prop-thin"),)
        if kind == "barbell":
            shapes += (Shape("box", (-reach, -20, 6, 40), "prop"), Shape("box", (span + reach - 6, -20, 6, 40), "prop"))
        return shapes
    if kind == "handle":
        return (Shape("line", (0, -6, 0, 6), "prop-thin"),)
    if kind in ("rope", "rope-attachment"):
        return (Shape("line", (0, -2, 0, 10), "prop"), Shape("disc", (0, 11, 3), "prop"))
    if kind == "towel":
        return (Shape("line", (0, 0, span, 0), "band"),) if not side else (Shape("line", (-3, 0, 3, 0), "band"),)
    return ()


def anchor_shapes(prop: Prop, view: View) -> tuple[Shape, ...]:
    """The fixed end of a band, cable, ring strap or landmine (nothing for a band held in both hands)."""
    if prop.anchor is None:  # a band held between the hands
        return ()
    x, y = prop.anchor[0], -prop.anchor[1]
    if prop.kind in ("cable-machine", "lat-pulldown-machine"):
        column = min(y, -210.0)
        behind = 12.0 if x >= 0 else -12.0
        shapes: tuple[Shape, ...] = (Shape("line", (x + behind, 0, x + behind, column), "prop"), Shape("ring", (x, y, 6), "prop-thin"))
        if prop.kind == "lat-pulldown-machine" and prop.at:
            shapes += (
                Shape("line", (prop.at[0] - 20, -prop.at[1], prop.at[0] + 20, -prop.at[1]), "pad"),
                Shape("line", (prop.at[0], -prop.at[1], prop.at[0], 0), "prop-thin"),
            )
        return shapes
    if prop.kind == "rings":
        return (Shape("line", (x - 10, y, x + 10, y), "prop"),)
    if prop.kind == "landmine":
        return (Shape("disc", (x, y, 4), "prop"),)
    post = (Shape("line", (x + 3, 0, x + 3, min(y - 25, -60)), "prop-thin"),) if -y > 15 and view is not View.TOP else ()
    return post + (Shape("box", (x - 3, y - 4, 6, 8), "prop"),)


def line_tone(kind: str) -> str:
    """The tone of the line from an anchor to the hand."""
    return {"resistance-band": "band", "landmine": "bar"}.get(kind, "cable")


def hand_end_shapes(kind: str) -> tuple[Shape, ...]:
    """What a line prop ends in at the hand: a cable's handle, a ring, a landmine's sleeve."""
    if kind == "cable-machine":
        return (Shape("line", (0, -6, 0, 6), "prop-thin"),)
    if kind == "lat-pulldown-machine":
        return (Shape("disc", (0, 0, 3), "prop"),)
    if kind == "rings":
        return (Shape("ring", (0, 0, 7), "prop-thin"),)
    if kind == "landmine":
        return (Shape("disc", (0, 0, 11), "prop"),)
    return ()


def upside_down(shapes: tuple[Shape, ...]) -> tuple[Shape, ...]:
    """The shapes turned over about the grip (a kettlebell held bottoms-up)."""
    turned = []
    for shape in shapes:
        v = shape.values
        if shape.kind == "line":
            turned.append(Shape("line", (v[0], -v[1], v[2], -v[3]), shape.tone))
        elif shape.kind == "box":
            turned.append(Shape("box", (v[0], -v[1] - v[3], v[2], v[3]), shape.tone))
        else:
            turned.append(Shape(shape.kind, (v[0], -v[1], v[2]), shape.tone))
    return tuple(turned)
