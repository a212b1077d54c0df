"""What a reader would notice in a figure that validates: a repeated movement that does not move, a foot that should be
on the floor and floats, a weight through the bench, a limb through the trunk. Each is a `file:line: figure…: …` problem.

Everything is measured on the drawing as it is drawn (centimetres, with each limb's and prop's stroke thickness), in
every key pose: what the stills show and the movement passes through.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Any

from atlas.figures.figure_poses import grips, key_samples, legs_seen
from atlas.figures.figure_model import Contact, ContactPoint, Figure, Pose, Prop, Surface, View
from atlas.figures.figure_props import Shape, fixed_shapes, from_above
from atlas.figures.figure_skeleton import END_ON, HEAD_RADIUS, SIDES, Point, joint_points, limbs
from atlas.problems import Problem, field_label
from atlas.records.sourced_yaml import SourcedYaml

HALF_WIDTHS = {"trunk": 8.5, "neck": 4.0, "arm": 4.75, "hand": 3.5, "leg": 5.5, "foot": 3.5, "head": HEAD_RADIUS}
"""Half the drawn thickness of each body part (figures.css), in cm."""
TONE_HALF_WIDTHS = {"prop": 2.5, "prop-thin": 1.5, "pad": 3.5, "floor": 1.0}
"""Half the drawn thickness of each prop line's tone (figures.css), in cm."""
TOUCH = 3.0
"""A body part touches a surface when the gap between their drawn edges is at most this (cm)."""
SINK = 4.0
"""A body part or a weight passes through a surface when it goes this far into it (cm)."""
MOVES = 4.0
"""A figure moves when some joint travels at least this far between its key poses (cm)."""
TURNS = 8.0
"""A line that turns less than this between key poses (degrees, as drawn) reads as the same line."""
THROUGH_TRUNK = 6.0
"""A knee or an elbow this close to the trunk's middle line is drawn through the trunk (cm)."""
RIBS_FROM = 0.6
"""Where along the upper trunk (mid-back to shoulders) the line of the chest and upper back begins; with its round end (half the
trunk's thickness) the part that may rest on a bench or roller starts about a quarter of the way up, above the waist."""
SURFACE_PROPS = {
    Surface.FLOOR: ("floor",),
    Surface.BENCH: ("bench",),
    Surface.CHAIR: ("chair",),
    Surface.WALL: ("wall",),
    Surface.DOORWAY: ("doorway",),
    Surface.BAR: ("pull-up-bar", "rack"),
    Surface.FOAM_ROLLER: ("foam-roller",),
    Surface.TABLE: ("sturdy-table",),
    Surface.CUSHION: ("cushion",),
}
"""The prop kinds each surface can be."""
SUPPORTS = frozenset({"bench", "sturdy-table", "chair", "foam-roller", "cushion"})
"""Props a trunk may rest on but never pass through."""
WEIGHTS = {"dumbbells": (0.0, 7.0), "kettlebell": (15.0, 9.0), "barbell": (0.0, 20.0), "household-weights": (11.0, 7.0)}
"""A weight in the hand seen from the side: how far below the grip its middle is, and its radius (figure_props.held_shapes)."""

WEIGHT_NAMES = {"dumbbells": "dumbbell", "household-weights": "weight"}
"""One of a pair, as a message names it."""

FLOOR_LINE = 2.0
"""Where the floor's line is drawn (figure_props), in cm below the floor."""

Capsule = tuple[Point, Point, float]
"""A drawn line with round ends: its two ends and half its thickness."""


ROTATIONS = frozenset({"shoulder-external-rotation", "shoulder-internal-rotation"})
"""Turns of the upper arm about its own length: with the elbow bent, the forearm swings while the elbow's bend stays."""
TURN_ALONE = ROTATIONS | {"scapular-retraction", "scapular-depression", "scapular-protraction", "scapular-elevation", "grip"}
"""Actions of an exercise that turns the shoulder and does nothing else the arm would show (the shoulder blade's set, the grip)."""
BENT = 30.0
"""An elbow drawn bent less than this (degrees between upper arm and forearm, as the picture shows it) reads as a straight arm."""


def counted_by(dose: Any) -> str | None:
    """What of a dose the figure must show moving: "reps", "a distance", or None (a hold). All figure_lies reads of it."""
    return "reps" if getattr(dose, "reps", None) else "a distance" if getattr(dose, "distance", None) else None


def figure_lies(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure, dose: Any, actions: Iterable[str] = ()) -> list[Problem]:
    """What the figure shows wrongly: no movement for a dose of reps or a distance, missed contacts, things passing through, a
    turn of the shoulder drawn as an elbow straightening."""
    problems = _straightened_elbows(doc, prefix, figure, frozenset(actions))
    counted = counted_by(dose)
    if counted and not _moves(figure) and not (figure.also is not None and _moves(figure.also)):
        expected = "the steps of the walk" if counted == "a distance" else "the movement the reps repeat"
        problems.append(_problem(doc, prefix + ("end",), f"is the start pose again, yet the dose counts {counted}; expected {expected}"))
    elif counted:
        problems += _slides_only(doc, prefix, figure)
    for index, contact in enumerate(figure.contacts):
        problems += _contact_problems(doc, prefix + ("contacts", index), figure, contact)
    problems += _passing_through(doc, prefix, figure)
    if figure.also is not None:
        for index, contact in enumerate(figure.also.contacts):
            problems += _contact_problems(doc, prefix + ("also", "contacts", index), figure.also, contact)
        problems += _passing_through(doc, prefix + ("also",), figure.also)
    return problems


def _straightened_elbows(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure, actions: frozenset[str]) -> list[Problem]:
    """An exercise that only turns the shoulder keeps the elbow bent: a moving arm drawn straight in a key pose shows a reader an
    elbow straightening (the old prone 90/90 outward rotation, seen from the head end, ended with the arm straight out)."""
    if not actions & ROTATIONS or not actions <= TURN_ALONE:
        return []
    keys = key_samples(figure)
    poses = [limbs(pose, figure.view) for pose, _ in keys]
    moments: list[tuple[Any, ...]] = [("start",), *(("phases", index) for index in range(len(figure.phases))), ("end",)]
    for side in SIDES[figure.view]:
        if all(abs(limb[side].elbow - poses[0][side].elbow) < 1 for limb in poses):
            continue  # an arm that does not move (the other arm, resting)
        for index, (pose, root) in enumerate(keys):
            points = joint_points(figure.view, pose, root)
            if poses[index][side].toward >= END_ON:
                continue  # the upper arm points at the viewer: the forearm's turn is drawn about it
            bend = _drawn_bend(points, side)
            if bend < BENT:
                where = _pose_name(index, len(keys))
                return [
                    _problem(
                        doc,
                        prefix + (*moments[min(index, len(moments) - 1)], side, "elbow"),
                        f"the {side} elbow is drawn straight ({bend:.0f}°) in {where}, yet the exercise only turns the shoulder; "
                        "expected the elbow to stay bent while the forearm turns",
                    )
                ]
    return []


def _drawn_bend(points: dict[str, Point], side: str) -> float:
    """The angle between the upper arm and the forearm as drawn (0 straight), in degrees."""
    (ax, ay), (bx, by) = points[f"{side}.upper-arm"], points[f"{side}.upper-arm:end"]
    (cx, cy), (dx, dy) = points[f"{side}.forearm"], points[f"{side}.forearm:end"]
    first, second = math.atan2(by - ay, bx - ax), math.atan2(dy - cy, dx - cx)
    turn = abs(math.degrees(second - first)) % 360
    return min(turn, 360 - turn)


def _problem(doc: SourcedYaml, key: tuple[Any, ...], message: str) -> Problem:
    return Problem(doc.path, doc.line_of(key), field_label(key), message)


def _moves(figure: Figure) -> bool:
    keys = key_samples(figure)
    first = joint_points(figure.view, keys[0][0], keys[0][1])
    for pose, root in keys[1:]:
        points = joint_points(figure.view, pose, root)
        if any(math.dist(first[name], points[name]) >= MOVES for name in first):
            return True
    return False


def _slides_only(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure) -> list[Problem]:
    """A repeated movement whose leading view only slides one arm along its own line, nothing turning and the rest still: the
    stills differ by the arm's length alone and read as the same pose (the old supine serratus punch from the side, where the
    shoulder blade's reach lifted the straight arm a few cm inside the trunk's outline). An arm whose hand or forearm is declared
    against a surface presses without moving and is left alone."""
    keys = key_samples(figure)
    drawn = [joint_points(figure.view, pose, root) for pose, root in keys]
    first = drawn[0]
    moved = {name for points in drawn[1:] for name in first if math.dist(first[name], points[name]) >= MOVES}
    sides = {name.split(".")[0] for name in moved}
    if not moved or len(sides) != 1 or not all(name.split(".")[-1].split(":")[0] in ("upper-arm", "forearm", "hand") for name in moved):
        return []
    for name in first:
        end = f"{name}:end"
        if ":" in name or end not in first or math.dist(first[name], first[end]) < 1:
            continue
        for points in drawn[1:]:
            if _turn(first[name], first[end], points[name], points[end]) >= TURNS:
                return []
    side = next(iter(sides))
    if any(contact.body in (ContactPoint.HANDS, ContactPoint.FOREARMS) and contact.side in (None, side) for contact in figure.contacts):
        return []  # the hand presses against a surface and is meant to stay (the inferior glide, the low row): no travel to show
    travel = max(math.dist(first[name], points[name]) for points in drawn[1:] for name in moved)
    return [
        _problem(
            doc,
            prefix + ("end", side),
            f"only the {side} arm slides along its own line ({travel:.0f} cm) and nothing turns, so the start and end read as the "
            "same pose; expected a view or pose where the movement shows (the body part that moves turning or leaving its outline)",
        )
    ]


def _turn(a: Point, b: Point, c: Point, d: Point) -> float:
    """How far the line c-d is turned from the line a-b, in degrees."""
    first, second = math.atan2(b[1] - a[1], b[0] - a[0]), math.atan2(d[1] - c[1], d[0] - c[0])
    turn = abs(math.degrees(second - first)) % 360
    return min(turn, 360 - turn)


def _pose_name(index: int, count: int) -> str:
    return "the start pose" if index == 0 else "the end pose" if index == count - 1 else f"key pose {index + 1} of {count}"


def _contact_problems(doc: SourcedYaml, key: tuple[Any, ...], figure: Figure, contact: Contact) -> list[Problem]:
    sides = SIDES[figure.view]
    if contact.side is not None and contact.side not in sides:
        expected = " or ".join(sides)
        return [_problem(doc, key + ("side",), f"{contact.side!r} is not a side of the {figure.view.value} view; expected {expected}")]
    surfaces = [
        capsule for prop in figure.props if prop.kind in SURFACE_PROPS[contact.touches] for capsule in _prop_capsules(prop, figure)
    ]
    if not surfaces:
        return [_problem(doc, key + ("touches",), f"the figure has no {contact.touches.value}; expected a prop of that kind in `props`")]
    keys = key_samples(figure)
    wanted = contact.poses or tuple(range(len(keys)))
    misses: list[tuple[float, str, int]] = []
    for index in wanted:
        if index >= len(keys):
            return [_problem(doc, key + ("poses",), f"{index} is not a key pose; expected 0 to {len(keys) - 1}")]
        pose, root = keys[index]
        parts = _body_parts(figure, pose, root, contact.body, (contact.side,) if contact.side else sides)
        for side, capsules in parts.items():
            gap = min(_gap(part, surface) for part in capsules for surface in surfaces)
            if gap > TOUCH:
                misses.append((gap, f"the {side} {_singular(contact.body)}" if side else f"the {_singular(contact.body)}", index))
    if not misses:
        return []
    gap, who, index = max(misses)
    more = f" (and {len(misses) - 1} more)" if len(misses) > 1 else ""
    surface = contact.touches.value.replace("-", " ")
    pose_name = _pose_name(index, len(keys))
    return [_problem(doc, key, f"{who} is {gap:.0f} cm off the {surface} in {pose_name}{more}; expected it on the {surface}")]


def _singular(point: ContactPoint) -> str:
    return {"feet": "foot", "knees": "knee", "hands": "hand", "forearms": "forearm"}.get(point.value, point.value.replace("-", " "))


def _body_parts(figure: Figure, pose: Pose, root: Point, body: ContactPoint, sides: tuple[str, ...]) -> dict[str, list[Capsule]]:
    """The drawn lines of a body point, by side ("" for the trunk's points)."""
    points = joint_points(figure.view, pose, root, legs_seen(figure))

    def line(name: str, part: str) -> Capsule:
        return (points[name], points[f"{name}:end"], HALF_WIDTHS[part])

    if body is ContactPoint.HEAD:
        return {"": [(points["head"], points["head"], HEAD_RADIUS)]}
    if body is ContactPoint.HIPS:
        return {"": [(points["trunk"], points["trunk"], HALF_WIDTHS["trunk"])]}
    if body in (ContactPoint.CHEST, ContactPoint.UPPER_BACK):
        (x1, y1), (x2, y2), half = line("chest", "trunk")
        low = (x1 + (x2 - x1) * RIBS_FROM, y1 + (y2 - y1) * RIBS_FROM)
        return {"": [(low, (x2, y2), half)]}
    if body is ContactPoint.BACK:
        return {"": [line("trunk", "trunk"), line("chest", "trunk")]}
    found: dict[str, list[Capsule]] = {}
    for side in sides:
        if body is ContactPoint.FEET:
            found[side] = [line(f"{side}.foot", "foot")]
        elif body is ContactPoint.TOES:
            toe = points[f"{side}.foot:end"]
            found[side] = [(toe, toe, HALF_WIDTHS["foot"])]
        elif body is ContactPoint.KNEES:
            knee = points[f"{side}.shin"]
            found[side] = [(knee, knee, HALF_WIDTHS["leg"])]
        elif body is ContactPoint.HANDS:
            found[side] = [line(f"{side}.hand", "hand")]
        else:
            found[side] = [line(f"{side}.forearm", "arm")]
    return found


def _prop_capsules(prop: Prop, figure: Figure) -> list[Capsule]:
    """The surfaces of a standing prop: its lines, discs and box tops (legs and bases left out)."""
    shapes = fixed_shapes(prop, figure.view, from_above(figure))
    return [capsule for shape in shapes if shape.tone != "prop-thin" for capsule in _shape_capsules(shape)]


def _shape_capsules(shape: Shape) -> Iterator[Capsule]:
    v = shape.values
    if shape.kind == "line":
        yield ((v[0], v[1]), (v[2], v[3]), TONE_HALF_WIDTHS.get(shape.tone, 1.0))
    elif shape.kind in ("disc", "ring"):
        yield ((v[0], v[1]), (v[0], v[1]), v[2])
    elif shape.kind == "box":
        half = v[3] / 2
        yield ((v[0] + half, v[1] + half), (v[0] + v[2] - half, v[1] + half), half)


def _gap(a: Capsule, b: Capsule) -> float:
    """The distance between the drawn edges of two round-ended lines (negative when they overlap)."""
    return _segment_distance(a[0], a[1], b[0], b[1]) - a[2] - b[2]


def _segment_distance(p1: Point, p2: Point, q1: Point, q2: Point) -> float:
    if _crosses(p1, p2, q1, q2):
        return 0.0
    return min(_point_distance(p1, q1, q2), _point_distance(p2, q1, q2), _point_distance(q1, p1, p2), _point_distance(q2, p1, p2))


def _point_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _crosses(p1: Point, p2: Point, q1: Point, q2: Point) -> bool:
    def turn(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2, d3, d4 = turn(q1, q2, p1), turn(q1, q2, p2), turn(p1, p2, q1), turn(p1, p2, q2)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 * d2 != 0 and d3 * d4 != 0


def _passing_through(doc: SourcedYaml, prefix: tuple[str, ...], figure: Figure) -> list[Problem]:
    """Body or weight under the floor, a trunk through a bench or roller, a weight through a bench, a knee or elbow through the trunk.

    Checked in each key pose (what the stills show); each kind of fault is reported once, at the first pose that shows it.
    """
    if figure.view is View.TOP or from_above(figure):
        return []  # looking down the body or onto it lying: nothing passes through in the picture's depth
    found: dict[str, tuple[tuple[Any, ...], str]] = {}
    floors = [capsule for prop in figure.props if prop.kind == "floor" for capsule in _prop_capsules(prop, figure)]
    supports = [(prop.kind, capsule) for prop in figure.props if prop.kind in SUPPORTS for capsule in _prop_capsules(prop, figure)]
    weights = [
        (prop.kind, SIDES[figure.view] if prop.hold.value == "both" else (prop.hold.value,))
        for prop in figure.props
        if prop.kind in WEIGHTS and prop.hold is not None and prop.hold.value != "feet"
    ]
    keys = key_samples(figure)
    for index, (pose, root) in enumerate(keys):
        when = f"in {_pose_name(index, len(keys))}"
        moment: tuple[Any, ...] = ("start",) if index == 0 else ("end",) if index == len(keys) - 1 else ("phases", index - 1)
        points = joint_points(figure.view, pose, root, legs_seen(figure))
        body = _body_capsules(points, figure.view)
        if floors:
            for name, capsule in body:
                if max(capsule[0][1], capsule[1][1]) > FLOOR_LINE + SINK:  # the middle of the line, well under the floor
                    found.setdefault(f"floor:{name}", (moment, f"the {name} goes through the floor {when}; expected it on the floor"))
        for kind, surface in supports:
            for name, capsule in body:
                if name in ("trunk", "chest") and _gap(capsule, surface) < -SINK:
                    found.setdefault(f"{kind}:{name}", (moment, f"the {name} goes through the {kind} {when}; expected it on the {kind}"))
        if figure.view is View.SIDE and weights:
            hands = grips(figure.view, pose, root, points)
            for kind, sides in weights:
                below, radius = WEIGHTS[kind]
                for side in sides:
                    in_front = limbs(pose, figure.view)[side].toward >= END_ON  # an arm out toward the viewer hangs beside the bench
                    centre = (hands[side][0], hands[side][1] + below)
                    weight = (centre, centre, radius)
                    what = f"the {WEIGHT_NAMES.get(kind, kind)}" + (f" in the {side} hand" if len(sides) == 1 else "")
                    for surface_kind, surface in supports:
                        if surface_kind != "foam-roller" and not in_front and _gap(weight, surface) < -SINK:
                            found.setdefault(f"weight:{surface_kind}", (moment, f"{what} goes through the {surface_kind} {when}"))
                    if floors and centre[1] + radius > FLOOR_LINE + SINK:
                        found.setdefault("weight:floor", (moment, f"{what} goes through the floor {when}"))
        for name, point in _limb_joints(points, figure.view):
            trunk = [capsule for part, capsule in body if part in ("trunk", "chest")]
            if min(_point_distance(point, capsule[0], capsule[1]) for capsule in trunk) < THROUGH_TRUNK:
                found.setdefault(f"through:{name}", (moment, f"the {name} is drawn through the trunk {when}; expected it beside it"))
    return [_problem(doc, prefix + moment, message) for moment, message in found.values()]


def _body_capsules(points: dict[str, Point], view: View) -> list[tuple[str, Capsule]]:
    found = [("trunk", (points["trunk"], points["trunk:end"], HALF_WIDTHS["trunk"]))]
    found.append(("chest", (points["chest"], points["chest:end"], HALF_WIDTHS["trunk"])))
    found.append(("head", (points["head"], points["head"], HEAD_RADIUS)))
    for side in SIDES[view]:
        for segment, part, name in (("thigh", "leg", "thigh"), ("shin", "leg", "shin"), ("foot", "foot", "foot"), ("hand", "hand", "hand")):
            key = f"{side}.{segment}"
            if key in points:
                found.append((f"{side} {name}", (points[key], points[f"{key}:end"], HALF_WIDTHS[part])))
    return found


def _limb_joints(points: dict[str, Point], view: View) -> list[tuple[str, Point]]:
    """Knees (every view) and elbows (front and back views, where an arm cannot cross the trunk's outline)."""
    found = [(f"{side} knee", points[f"{side}.shin"]) for side in SIDES[view] if f"{side}.shin" in points]
    if view is not View.SIDE:
        found += [(f"{side} elbow", points[f"{side}.forearm"]) for side in SIDES[view]]
    return found
