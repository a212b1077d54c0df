"""Turn a Figure into a Drawing: nested limb groups with their start and end transforms, keyframes, props and bounds.

All geometry is worked out here; figure.html.j2 only writes it down as SVG.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from atlas.figures.figure_model import BodyPoint, Figure, Hold, Limb, Pose, Prop, View
from atlas.figures.figure_props import (
    HELD_PROPS,
    LINE_PROPS,
    Shape,
    upside_down,
    anchor_shapes,
    fixed_shapes,
    hand_end_shapes,
    held_shapes,
    line_tone,
)
from atlas.figures.figure_skeleton import (
    HEAD_RADIUS,
    limbs,
    LENGTHS,
    SHOULDER_HALF_WIDTH,
    SIDES,
    Chain,
    Point,
    chains,
    drawing_point,
    joint_points,
    segment_angles,
    segment_offset,
)

HOLD_START, HOLD_END = 15, 85
"""Percent of each half cycle: the figure rests in the start pose until HOLD_START and in the end pose after HOLD_END."""
SAMPLES = 8
"""Steps of a sampled motion (a body held fixed at the hands, a band's line): enough that nothing visibly slides."""
PADDING = 12.0
"""Room around the figure in cm, for round line ends."""
GRIP = 0.5
"""Where along the hand a prop is held."""
FEET_GRIP = 2.0
"""Where along the foot a weight hung between the feet is held, in cm from the ankle."""
MIN_SIZE = 110.0
"""The smallest width and height of a picture, in cm."""


@dataclass(frozen=True)
class Transform:
    """A translate, rotate and horizontal scale, applied in that order."""

    x: float = 0.0
    """Shift right."""
    y: float = 0.0
    """Shift down."""
    angle: float = 0.0
    """Clockwise turn in degrees."""
    scale: float = 1.0
    """Stretch along x (a line of length 1 becomes this long)."""


@dataclass(frozen=True)
class Keyframe:
    """One step of a motion."""

    at: str
    """Its place in the half cycle, such as "0%,15%"."""
    transform: Transform
    """Where the group is then."""
    eased: bool = False
    """Whether the step to the next keyframe eases in and out (else it is linear)."""


@dataclass(frozen=True)
class Motion:
    """A CSS animation of one group between the start and end transforms."""

    name: str
    """The keyframes' name, unique on the page."""
    keyframes: tuple[Keyframe, ...]
    """Its steps."""


@dataclass(frozen=True)
class Group:
    """An SVG group: a transform (start, end and the motion between), its shapes, then its child groups."""

    start: Transform
    """At the start pose."""
    end: Transform
    """At the end pose."""
    motion: Motion | None
    """The animation, when start and end differ."""
    shapes: tuple[Shape, ...] = ()
    """What it draws."""
    children: tuple[Group, ...] = ()
    """Groups drawn inside it, after its shapes."""
    tone: str = ""
    """A CSS class suffix for everything inside (far, for the far side)."""


@dataclass(frozen=True)
class Drawing:
    """Everything the template needs to draw a figure."""

    key: str
    """A page-unique prefix for keyframe names (the exercise id)."""
    view: View
    """Where the viewer stands."""
    box: tuple[float, float, float, float]
    """The viewBox: x, y, width, height in cm."""
    scenery: tuple[Shape, ...]
    """Props that stand still, drawn first."""
    lines: tuple[Group, ...]
    """Bands and cables from their anchors to the hands."""
    body: Group
    """The body: a root group whose children are the chains."""

    @property
    def motions(self) -> tuple[Motion, ...]:
        """Every animation in the drawing, each once, for the template's <style>."""
        found: dict[str, Motion] = {}
        pending = [*self.lines, self.body]
        while pending:
            group = pending.pop(0)
            if group.motion:
                found.setdefault(group.motion.name, group.motion)
            pending.extend(group.children)
        return tuple(found.values())


def standing(figure: Figure) -> bool:
    """Whether a top view shows legs: the body is bent over above a floor, hips at standing height."""
    return figure.view is View.TOP and any(prop.kind == "floor" for prop in figure.props) and figure.start.root[1] >= 60


def interpolate(start: Pose, end: Pose, u: float, view: View) -> Pose:
    """The pose a fraction `u` of the way from start to end (every angle and the root change linearly)."""

    def mix(a: float, b: float) -> float:
        return a + (b - a) * u

    first, second = limbs(start, view), limbs(end, view)
    sides = {
        side: Limb(**{name: mix(getattr(first[side], name), getattr(second[side], name)) for name in Limb.model_fields}) for side in first
    }
    return Pose(
        root=(mix(start.root[0], end.root[0]), mix(start.root[1], end.root[1])),
        trunk=mix(start.trunk, end.trunk),
        spine=mix(start.spine, end.spine),
        neck=mix(start.neck, end.neck),
        **sides,
    )


def grips(view: View, pose: Pose, root: Point, points: dict[str, Point] | None = None) -> dict[str, Point]:
    """Where each hand holds, by side (from the pose's `points` when they are already known)."""
    points = points or joint_points(view, pose, root)
    found = {}
    for side in SIDES[view]:
        start, end = points[f"{side}.hand"], points[f"{side}.hand:end"]
        found[side] = (start[0] + (end[0] - start[0]) * GRIP, start[1] + (end[1] - start[1]) * GRIP)
    return found


def _fixed_point(view: View, pose: Pose, root: Point, fixed: BodyPoint) -> Point:
    """The middle of the body points that stay put: the grips, the ankles, the knees or the hips."""
    if fixed is BodyPoint.HANDS:
        chosen = list(grips(view, pose, root).values())
    else:
        points = joint_points(view, pose, root)
        segment = {BodyPoint.FEET: "foot", BodyPoint.KNEES: "shin", BodyPoint.HIPS: "thigh"}[fixed]
        chosen = [points[f"{side}.{segment}"] for side in SIDES[view]]
    return (sum(p[0] for p in chosen) / len(chosen), sum(p[1] for p in chosen) / len(chosen))


def poses_along(figure: Figure) -> list[tuple[float, Pose, Point]]:
    """The motion sampled: (u, pose, root in drawing coordinates) from start (u=0) to end (u=1)."""
    start_root = drawing_point(figure.start.root)
    target = _fixed_point(figure.view, figure.start, start_root, figure.fixed) if figure.fixed else None
    found = []
    for step in range(SAMPLES + 1):
        u = step / SAMPLES
        pose = interpolate(figure.start, figure.end, u, figure.view)
        root = drawing_point(pose.root)
        if target is not None and figure.fixed is not None:
            here = _fixed_point(figure.view, pose, (0.0, 0.0), figure.fixed)
            root = (target[0] - here[0], target[1] - here[1])
        found.append((u, pose, root))
    return found


def end_pose(figure: Figure) -> Pose:
    """The end pose with its root where the fixed body point puts it."""
    _, pose, root = poses_along(figure)[-1]
    return pose.model_copy(update={"root": (root[0], -root[1])})


@cache
def _ease_table() -> tuple[float, ...]:
    """CSS ease-in-out (cubic-bezier(.42, 0, .58, 1)): progress at each of SAMPLES equal steps of time."""

    def bezier(t: float, p1: float, p2: float) -> float:
        return 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t**2 * p2 + t**3

    table = []
    for step in range(SAMPLES + 1):
        x, low, high = step / SAMPLES, 0.0, 1.0
        for _ in range(40):
            middle = (low + high) / 2
            low, high = (middle, high) if bezier(middle, 0.42, 0.58) < x else (low, middle)
        table.append(bezier((low + high) / 2, 0.0, 1.0))
    return tuple(table)


def _percent(step: int) -> str:
    return f"{HOLD_START + (HOLD_END - HOLD_START) * step / SAMPLES:g}%"


def _motion(name: str, start: Transform, end: Transform, sampled: list[Transform] | None = None) -> Motion | None:
    if start == end and not sampled:
        return None
    if sampled is None:
        return Motion(name, (Keyframe(f"0%,{HOLD_START}%", start, eased=True), Keyframe(f"{HOLD_END}%,100%", end)))
    if all(_same(frame, sampled[0]) for frame in sampled):
        return None
    frames = [Keyframe(f"0%,{HOLD_START}%", sampled[0])]
    frames += [Keyframe(_percent(step), sampled[step]) for step in range(1, SAMPLES)]
    frames.append(Keyframe(f"{HOLD_END}%,100%", sampled[-1]))
    return Motion(name, tuple(frames))


def _same(a: Transform, b: Transform) -> bool:
    return abs(a.x - b.x) < 0.05 and abs(a.y - b.y) < 0.05 and abs(a.angle - b.angle) < 0.05 and abs(a.scale - b.scale) < 0.005


class _Namer:
    """Names keyframes; identical motions (both arms of a symmetric movement) share one name."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.names: dict[tuple[Keyframe, ...], str] = {}

    def motion(self, start: Transform, end: Transform, sampled: list[Transform] | None = None) -> Motion | None:
        found = _motion("", start, end, sampled)
        if found is None:
            return None
        name = self.names.setdefault(found.keyframes, f"{self.key}-{len(self.names) + 1}")
        return Motion(name, found.keyframes)


def draw_figure(figure: Figure, key: str) -> Drawing:
    """The drawing of a figure; `key` makes its animation names unique on a page."""
    name = _Namer(key)
    view = figure.view
    along = poses_along(figure)
    eased = _ease_table()
    # Sampled values follow the eased timeline, so they keep step with the two-keyframe rotations.
    timeline = [_pose_at(along, u, view) for u in eased]
    held = _held_by_side(figure)
    body_children = tuple(
        _chain_group(chain, figure.start, along[-1][1], held, view, name, figure) for chain in chains(view, standing(figure))
    )
    roots = [root for _, _, root in timeline]
    sampled_root = [Transform(x, y) for x, y in roots] if figure.fixed else None
    body = Group(
        Transform(*roots[0]),
        Transform(*roots[-1]),
        name.motion(Transform(*roots[0]), Transform(*roots[-1]), sampled_root),
        children=body_children,
    )
    lines = tuple(_line_groups(figure, timeline, name))
    scenery = tuple(shape for prop in figure.props for shape in _scenery(prop, view))
    box = _bounds(figure, along, scenery, lines)
    return Drawing(key, view, box, _clip_floor(scenery, box), lines, body)


def _pose_at(along: list[tuple[float, Pose, Point]], u: float, view: View) -> tuple[float, Pose, Point]:
    """The sampled motion at progress u (between samples, the nearer sample's pose interpolated)."""
    position = u * SAMPLES
    low = min(int(position), SAMPLES - 1)
    fraction = position - low
    (_, pose_a, root_a), (_, pose_b, root_b) = along[low], along[low + 1]
    pose = interpolate(pose_a, pose_b, fraction, view)
    return u, pose, (root_a[0] + (root_b[0] - root_a[0]) * fraction, root_a[1] + (root_b[1] - root_a[1]) * fraction)


def _held_by_side(figure: Figure) -> dict[str, list[str]]:
    held: dict[str, list[str]] = {side: [] for side in (*SIDES[figure.view], "feet")}
    for prop in figure.props:
        if prop.hold is None:
            continue
        if prop.hold is Hold.FEET:
            held["feet"].append(prop.kind)
            continue
        sides = SIDES[figure.view] if prop.hold.value == "both" else (prop.hold.value,)
        for index, side in enumerate(sides):
            if prop.kind in HELD_PROPS:
                # A bar held in both hands is drawn once, from the first hand across to the other.
                if prop.kind in ("barbell", "straight-bar", "towel") and figure.view is not View.SIDE and index > 0:
                    continue
                held[side].append(prop.kind + (":flipped" if prop.angle is not None and abs(prop.angle) > 90 else ""))
            elif prop.kind in LINE_PROPS:
                held[side].append(f"end:{prop.kind}")
    return held


def _chain_group(
    chain: Chain, start_pose: Pose, end_pose: Pose, held: dict[str, list[str]], view: View, name: _Namer, figure: Figure
) -> Group:
    """The chain as nested groups, innermost first: each turns by its angle relative to its parent."""
    start, end = segment_angles(view, start_pose), segment_angles(view, end_pose)
    inner: Group | None = None
    for index in range(len(chain.segments) - 1, -1, -1):
        segment = chain.segments[index]
        parent = chain.segments[index - 1].name if index else None
        turn_start = start[segment.name] - (start[parent] if parent else 0.0)
        turn_end = end[segment.name] - (end[parent] if parent else 0.0)
        a = Transform(*segment_offset(view, segment, chain.side, start_pose), turn_start)
        b = Transform(*segment_offset(view, segment, chain.side, end_pose), turn_end)
        children: tuple[Group, ...] = (inner,) if inner else ()
        if segment.part == "hand" and chain.side and held[chain.side]:
            children += (_held_group(held[chain.side], view, start[segment.name], end[segment.name], name, figure),)
        if segment.part == "foot" and chain.side == SIDES[view][-1] and held["feet"]:
            children += (_held_group(held["feet"], view, start[segment.name], end[segment.name], name, figure, FEET_GRIP),)
        inner = Group(a, b, name.motion(a, b), _body_shapes(segment.part, segment.length, view), children)
    assert inner is not None
    return Group(Transform(), Transform(), None, children=(inner,), tone="far" if chain.side == "far" else "")


def _held_group(
    kinds: list[str], view: View, start_angle: float, end_angle: float, name: _Namer, figure: Figure, grip: float = LENGTHS["hand"] * GRIP
) -> Group:
    """Props in the hand at the grip (or `grip` cm along a foot), turned back upright against the segment's own angle."""
    span = _hand_span(figure)
    shapes = tuple(
        shape
        for kind in kinds
        for shape in (
            hand_end_shapes(kind[4:])
            if kind.startswith("end:")
            else upside_down(held_shapes(kind.removesuffix(":flipped"), view, span))
            if kind.endswith(":flipped")
            else held_shapes(kind, view, span)
        )
    )
    a = Transform(grip, 0, -start_angle)
    b = Transform(grip, 0, -end_angle)
    return Group(a, b, name.motion(a, b), shapes, tone="held")


def _hand_span(figure: Figure) -> float:
    if figure.view is View.SIDE:
        return 0.0
    points = grips(figure.view, figure.start, drawing_point(figure.start.root))
    first, second = SIDES[figure.view]
    return points[second][0] - points[first][0]


def _body_shapes(part: str, length: float, view: View) -> tuple[Shape, ...]:
    if part == "trunk":
        return (Shape("line", (0, 0, length, 0), "trunk"),)
    if part == "girdle":
        return (Shape("line", (0, -SHOULDER_HALF_WIDTH, 0, SHOULDER_HALF_WIDTH), "trunk"),)
    if part == "neck":
        head = HEAD_RADIUS if view is not View.TOP else 9.0
        shapes = (Shape("line", (0, 0, length, 0), "neck"),) if length else ()
        return shapes + (Shape("disc", (length + head, 0, HEAD_RADIUS), "head"),)
    if part in ("arm", "leg", "hand", "foot"):
        begin = -4.0 if part == "foot" and view is View.SIDE else 0.0
        return (Shape("line", (begin, 0, length, 0), part),)
    return ()


def _scenery(prop: Prop, view: View) -> tuple[Shape, ...]:
    if prop.kind in LINE_PROPS:
        return anchor_shapes(prop, view)
    if prop.kind in HELD_PROPS:
        return ()
    return fixed_shapes(prop, view)


def _line_groups(figure: Figure, timeline: list[tuple[float, Pose, Point]], name: _Namer) -> list[Group]:
    """A line of length 1 from each anchor, turned and stretched each step to reach the hand."""
    groups = []
    for prop in figure.props:
        if prop.kind not in LINE_PROPS or prop.hold is None:
            continue
        if prop.anchor is None:
            groups.append(_band_between_hands(figure, timeline, name, line_tone(prop.kind)))
            continue
        anchor = drawing_point(prop.anchor)
        sides = SIDES[figure.view] if prop.hold.value == "both" else (prop.hold.value,)
        for side in sides:
            frames: list[Transform] = []
            for _, pose, root in timeline:
                hand = grips(figure.view, pose, root)[side]
                dx, dy = hand[0] - anchor[0], hand[1] - anchor[1]
                angle = math.degrees(math.atan2(dy, dx))
                if frames:  # never the long way round between two steps
                    angle += 360 * round((frames[-1].angle - angle) / 360)
                frames.append(Transform(0, 0, angle, max(math.hypot(dx, dy), 0.1)))
            tone = line_tone(prop.kind) + ("-far" if side == "far" else "")
            line = Group(frames[0], frames[-1], name.motion(frames[0], frames[-1], frames), (Shape("line", (0, 0, 1, 0), tone),))
            groups.append(Group(Transform(*anchor), Transform(*anchor), None, children=(line,)))
    return groups


def _band_between_hands(figure: Figure, timeline: list[tuple[float, Pose, Point]], name: _Namer, tone: str) -> Group:
    """A band held in both hands: a line from one grip to the other, following both."""
    first, second = SIDES[figure.view]
    frames: list[Transform] = []
    for _, pose, root in timeline:
        hands = grips(figure.view, pose, root)
        (x1, y1), (x2, y2) = hands[first], hands[second]
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
        if frames:
            angle += 360 * round((frames[-1].angle - angle) / 360)
        frames.append(Transform(x1, y1, angle, max(math.hypot(x2 - x1, y2 - y1), 0.1)))
    return Group(frames[0], frames[-1], name.motion(frames[0], frames[-1], frames), (Shape("line", (0, 0, 1, 0), tone),))


def _bounds(
    figure: Figure, along: list[tuple[float, Pose, Point]], scenery: tuple[Shape, ...], lines: tuple[Group, ...]
) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    legs = standing(figure)
    reach = 22.0 if any(prop.hold for prop in figure.props) else 0.0
    for _, pose, root in along:
        points = joint_points(figure.view, pose, root, legs)
        for point in points.values():
            xs.append(point[0])
            ys.append(point[1])
        head = points["head"]
        xs += [head[0] - HEAD_RADIUS, head[0] + HEAD_RADIUS]
        ys += [head[1] - HEAD_RADIUS, head[1] + HEAD_RADIUS]
        for grip in grips(figure.view, pose, root, points).values():
            xs += [grip[0] - reach, grip[0] + reach]
            ys += [grip[1] - reach / 2, grip[1] + reach + 4]
    for shape in scenery:
        if shape.tone == "floor":
            ys.append(shape.values[1])
            continue
        if shape.kind == "line":
            xs += [shape.values[0], shape.values[2]]
            ys += [shape.values[1], shape.values[3]]
        elif shape.kind in ("disc", "ring"):
            cx, cy, r = shape.values
            xs += [cx - r, cx + r]
            ys += [cy - r, cy + r]
        else:
            x, y, w, h = shape.values
            xs += [x, x + w]
            ys += [y, y + h]
    for line in lines:
        xs.append(line.start.x)
        ys.append(line.start.y)
    left, right, top, bottom = min(xs) - PADDING, max(xs) + PADDING, min(ys) - PADDING, max(ys) + PADDING
    # A small picture (arms folded, seen from above) is not blown up past the scale of a standing figure's.
    grow_x, grow_y = max(0.0, MIN_SIZE - (right - left)) / 2, max(0.0, MIN_SIZE - (bottom - top)) / 2
    left, right, top, bottom = left - grow_x, right + grow_x, top - grow_y, bottom + grow_y
    return (round(left), round(top), round(right - left), round(bottom - top))


def _clip_floor(shapes: tuple[Shape, ...], box: tuple[float, float, float, float]) -> tuple[Shape, ...]:
    """The floor drawn just across the picture."""
    return tuple(
        Shape("line", (box[0], shape.values[1], box[0] + box[2], shape.values[3]), shape.tone) if shape.tone == "floor" else shape
        for shape in shapes
    )
