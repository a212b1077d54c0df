"""Turn a Figure into a Drawing: nested limb groups with their start and end transforms, keyframes, props and bounds.

All geometry is worked out here; figure.html.j2 only writes it down as SVG.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from atlas.figures.figure_poses import (
    GRIP,
    SAMPLES,
    Sample,
    grips,
    key_samples,
    pose_labels,
    poses_along,
    segments_along,
    legs_seen,
    interpolate,
)
from atlas.figures.figure_model import Figure, Hold, Pose, Prop, View
from atlas.figures.figure_props import (
    HELD_PROPS,
    LINE_PROPS,
    Shape,
    upside_down,
    anchor_shapes,
    fixed_shapes,
    from_above,
    hand_end_shapes,
    held_shapes,
    line_tone,
)
from atlas.figures.figure_skeleton import (
    HEAD_RADIUS,
    LENGTHS,
    SHOULDER_HALF_WIDTH,
    SIDES,
    Chain,
    Point,
    behind,
    chains,
    drawing_point,
    drawn_length,
    elbow_end_on,
    joint_points,
    segment_angles,
    segment_offset,
)

HOLD_START = 15
"""Percent of each half cycle the figure rests in the start and in the end pose (shared among the steps of more key poses)."""
SECONDS_PER_STEP = 2.6
"""How long the movement takes from one key pose to the next, in seconds."""
PADDING = 12.0
"""Room around the figure in cm, for round line ends."""
FEET_GRIP = 2.0
"""Where along the foot a weight hung between the feet is held, in cm from the ankle."""
MIN_SIZE = 110.0
"""The smallest width and height of a picture, in cm."""
HALO_FROM = 5.0
"""Where along the near arm's segments the rim starts, so that it never cuts into the joint above."""
ELBOW_RADIUS = 6.5
"""The round elbow of an upper arm that points at the viewer, a little wider than the arm."""
TIGHT_PADDING, TIGHT_MIN_SIZE = 7.0, 70.0
"""The same for a small still, cropped close so the body fills it."""


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

    @property
    def eased(self) -> bool:
        """Whether it eases in and out between key poses (the figure's own timing), rather than stepping linearly through samples."""
        return any(frame.eased for frame in self.keyframes)


@dataclass(frozen=True)
class Group:
    """An SVG group: a transform at each key pose (and the motion through them), its shapes, then its child groups."""

    frames: tuple[Transform, ...]
    """Its transform at each key pose: start, the phases, end."""
    motion: Motion | None
    """The animation, when the key poses differ."""
    shapes: tuple[Shape, ...] = ()
    """What it draws."""
    children: tuple[Group, ...] = ()
    """Groups drawn inside it, after its shapes."""
    tone: str = ""
    """A CSS class suffix for everything inside (far, for the far side)."""

    @property
    def start(self) -> Transform:
        """At the start pose."""
        return self.frames[0]

    @property
    def end(self) -> Transform:
        """At the end pose."""
        return self.frames[-1]


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
    labels: tuple[str, ...] = ("Start", "End")
    """The name of each key pose's still."""
    cycle: bool = False
    """Whether the motion goes round (start, …, end, start) rather than back and forth."""
    ident: str = ""
    """The page-unique id of the moving drawing, which each still of a key pose shows again (`<use>`) paused at that pose."""

    @property
    def steps(self) -> int:
        """How many moves one pass makes from key pose to key pose."""
        return len(self.labels) - (0 if self.cycle else 1)

    @property
    def pauses(self) -> tuple[float, ...]:
        """Where each key pose rests, as a fraction of one pass (the middle of its rest): a still is the moving drawing paused there."""
        found = []
        for index in range(len(self.labels)):
            low, high = _held_span(index, self.steps)
            found.append(round((low + high) / 200, 4))
        return tuple(found)

    @property
    def seconds(self) -> float:
        """How long one pass through the key poses takes."""
        return SECONDS_PER_STEP * self.steps

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


def _held_span(index: int, steps: int) -> tuple[float, float]:
    """The percent of the half cycle that key pose `index` of `steps` + 1 rests through."""
    centre, half = 100 * index / steps, HOLD_START / steps
    return (max(0.0, centre - half), min(100.0, centre + half))


def _at(value: float) -> str:
    return f"{round(value, 2):g}%"


def _motion(name: str, keys: list[Transform], sampled: list[list[Transform]] | None = None) -> Motion | None:
    """Keyframes through the key transforms (eased between them), or through every sample of `sampled` (one list per step)."""
    every = [frame for steps in sampled for frame in steps] if sampled else keys
    if all(_same(frame, every[0]) for frame in every):
        return None
    steps = len(keys) - 1
    frames = []
    for index, key in enumerate(keys):
        low, high = _held_span(index, steps)
        frames.append(Keyframe(f"{_at(low)},{_at(high)}", key, eased=sampled is None and index < steps))
        if sampled and index < steps:
            after = _held_span(index + 1, steps)[0]
            frames += [Keyframe(_at(high + (after - high) * step / SAMPLES), sampled[index][step]) for step in range(1, SAMPLES)]
    return Motion(name, tuple(frames))


def _same(a: Transform, b: Transform) -> bool:
    return abs(a.x - b.x) < 0.05 and abs(a.y - b.y) < 0.05 and abs(a.angle - b.angle) < 0.05 and abs(a.scale - b.scale) < 0.005


def drawing_prefix(key: str) -> str:
    """What the names of a drawing's keyframes and its id start with. Short (a page has one moving figure; the contact
    sheet, all of them): a stable digest of the key."""
    return "k" + hashlib.blake2s(key.encode("utf-8"), digest_size=3).hexdigest()


class _Namer:
    """Names keyframes; identical motions (both arms of a symmetric movement) share one name."""

    def __init__(self, key: str) -> None:
        self.key = drawing_prefix(key)
        self.names: dict[tuple[Keyframe, ...], str] = {}

    def motion(self, keys: list[Transform], sampled: list[list[Transform]] | None = None) -> Motion | None:
        found = _motion("", keys, sampled)
        if found is None:
            return None
        return self.named(found.keyframes)

    def named(self, keyframes: tuple[Keyframe, ...]) -> Motion:
        """The motion through these keyframes, under the name it already has on the page or a new one."""
        return Motion(self.names.setdefault(keyframes, f"{self.key}{len(self.names) + 1:x}"), keyframes)


def _sampled(per_step: list[list[Transform]]) -> tuple[list[Transform], list[list[Transform]]]:
    """The key transforms (each step's first, and the last step's last) and the samples of each step."""
    return [steps[0] for steps in per_step] + [per_step[-1][-1]], per_step


def draw_figure(figure: Figure, key: str, tight: bool = False) -> Drawing:
    """The drawing of a figure; `key` makes its animation names unique on a page; `tight` crops it close (a small still)."""
    name = _Namer(key)
    view = figure.view
    eased = _ease_table()
    # Sampled values follow the eased timeline, so they keep step with the eased rotations between key poses.
    timeline = [[_pose_at(steps, u, view) for u in eased] for steps in segments_along(figure)]
    poses = [pose for pose, _ in key_samples(figure, closed=True)]
    held = held_by_side(figure)
    body_children = tuple(_chain_group(chain, poses, held, view, name, figure) for chain in chains(view, legs_seen(figure)))
    roots = [[Transform(*root) for _, root in steps] for steps in timeline]
    key_roots, sampled_roots = _sampled(roots)
    folded = tuple(_folded(child, name) for child in body_children)
    body = Group(tuple(key_roots), name.motion(key_roots, sampled_roots if figure.fixed else None), children=folded)
    lines = tuple(_line_groups(figure, timeline, name))
    scenery = tuple(shape for prop in figure.props for shape in _scenery(prop, view, from_above(figure)))
    box = _bounds(figure, poses_along(figure), scenery, lines, tight)
    return Drawing(key, view, box, _clip_floor(scenery, box), lines, body, pose_labels(figure), figure.cycle, name.key)


def _pose_at(steps: Sequence[Sample], u: float, view: View) -> Sample:
    """The sampled step at progress u (between samples, the nearer sample's pose interpolated)."""
    position = u * SAMPLES
    low = min(int(position), SAMPLES - 1)
    fraction = position - low
    (pose_a, root_a), (pose_b, root_b) = steps[low], steps[low + 1]
    pose = interpolate(pose_a, pose_b, fraction, view)
    return pose, (root_a[0] + (root_b[0] - root_a[0]) * fraction, root_a[1] + (root_b[1] - root_a[1]) * fraction)


def held_by_side(figure: Figure) -> dict[str, list[str]]:
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


def _chain_group(chain: Chain, poses: list[Pose], held: dict[str, list[str]], view: View, name: _Namer, figure: Figure) -> Group:
    """The chain as nested groups, innermost first: each turns by its angle relative to its parent."""
    angles = [segment_angles(view, pose) for pose in poses]
    inner: Group | None = None
    for index in range(len(chain.segments) - 1, -1, -1):
        segment = chain.segments[index]
        parent = chain.segments[index - 1].name if index else None
        frames = [
            Transform(*segment_offset(view, segment, chain.side, pose), found[segment.name] - (found[parent] if parent else 0.0))
            for pose, found in zip(poses, angles, strict=True)
        ]
        children: tuple[Group, ...] = (inner,) if inner else ()
        own = [found[segment.name] for found in angles]
        if segment.part == "hand" and chain.side and held[chain.side]:
            children += (_held_group(held[chain.side], view, own, name, figure),)
        if segment.part == "foot" and chain.side == SIDES[view][-1] and held["feet"]:
            children += (_held_group(held["feet"], view, own, name, figure, FEET_GRIP),)
        # The upper arm's drawn length (`toward`) is the same in every key pose (figure_check): the start pose's.
        length, elbow = drawn_length(view, segment, chain.side, poses[0]), elbow_end_on(view, segment, chain.side, poses[0])
        inner = _turning_group(frames, name, body_shapes(segment.part, length, view, chain.side, elbow), children)
    assert inner is not None
    return Group((Transform(),) * len(poses), None, children=(inner,), tone="far" if behind(view, chain, poses[0]) else "")


def _folded(group: Group, name: _Namer) -> Group:
    """The group with every part of it that never moves written as shapes in the group's own place (a forearm and hand that only
    ride on a moving upper arm are two lines, not two nested groups): the same picture in fewer bytes."""
    children = tuple(_folded(child, name) for child in group.children)
    moving = children[0] if len(children) == 1 and not group.shapes and not group.tone and group.motion is None else None
    shifted = moving is not None and moving.motion is not None and all((frame.x or frame.y) and frame.scale == 1 for frame in moving.frames)
    if moving is not None and moving.motion is not None and shifted and group.start.angle == 0:
        # A still shift (the shoulder's place on the chest) added to a moving child's own shift in every keyframe.
        shift = group.start
        frames = [Transform(frame.x + shift.x, frame.y + shift.y, frame.angle, frame.scale) for frame in moving.frames]
        keyframes = tuple(
            Keyframe(key.at, Transform(key.transform.x + shift.x, key.transform.y + shift.y, key.transform.angle), key.eased)
            for key in moving.motion.keyframes
        )
        return Group(tuple(frames), name.named(keyframes), moving.shapes, moving.children, moving.tone)
    if children and all(_still_leaf(child) for child in children):
        placed = tuple(placed_shape(shape, child.start) for child in children for shape in child.shapes)
        return Group(group.frames, group.motion, group.shapes + placed, (), group.tone)
    return Group(group.frames, group.motion, group.shapes, children, group.tone)


def _still_leaf(group: Group) -> bool:
    """A group with shapes only that stays where it is, in no tone of its own, whose shapes can be placed in its parent."""
    return (
        group.motion is None
        and not group.tone
        and not group.children
        and group.start.scale == 1
        and all(_same(frame, group.start) for frame in group.frames)
        and (group.start.angle == 0 or all(shape.kind != "box" for shape in group.shapes))
    )


def placed_shape(shape: Shape, at: Transform) -> Shape:
    """A shape of a group drawn in its parent's coordinates (turned by the group's angle, then moved to its place)."""
    cos, sin = math.cos(math.radians(at.angle)), math.sin(math.radians(at.angle))

    def point(x: float, y: float) -> tuple[float, float]:
        return (at.x + x * cos - y * sin, at.y + x * sin + y * cos)

    v = shape.values
    if shape.kind == "line":
        return Shape("line", (*point(v[0], v[1]), *point(v[2], v[3])), shape.tone)
    return Shape(shape.kind, (*point(v[0], v[1]), *v[2:]), shape.tone)


def _held_group(
    kinds: list[str], view: View, angles: list[float], name: _Namer, figure: Figure, grip: float = LENGTHS["hand"] * GRIP
) -> Group:
    """Props in the hand at the grip (or `grip` cm along a foot), turned back upright against the segment's own angle."""
    span = hand_span(figure)
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
    frames = [Transform(grip, 0, -angle) for angle in angles]
    return _turning_group(frames, name, shapes, tone="held")


def _turning_group(
    frames: list[Transform], name: _Namer, shapes: tuple[Shape, ...], children: tuple[Group, ...] = (), tone: str = ""
) -> Group:
    """A group through its frames; one that only turns about a joint that stays put sits in a still group at that joint, so that
    its keyframes say only the angle (every keyframe would otherwise repeat the joint's place)."""
    first = frames[0]
    if (first.x or first.y) and all(frame.x == first.x and frame.y == first.y and frame.scale == first.scale == 1 for frame in frames):
        turns = [Transform(angle=frame.angle) for frame in frames]
        motion = name.motion(turns)
        if motion is not None:
            inner = Group(tuple(turns), motion, shapes, children, tone)
            return Group((Transform(first.x, first.y),) * len(frames), None, children=(inner,))
    return Group(tuple(frames), name.motion(frames), shapes, children, tone)


def hand_span(figure: Figure) -> float:
    if figure.view is View.SIDE:
        return 0.0
    points = grips(figure.view, figure.start, drawing_point(figure.start.root))
    first, second = SIDES[figure.view]
    return points[second][0] - points[first][0]


def body_shapes(part: str, length: float, view: View, side: str | None = None, elbow: bool = False) -> tuple[Shape, ...]:
    """The shapes of a body segment along its own axis; the near arm seen from the side gets a rim that parts it from the trunk.
    `elbow`: the upper arm points at the viewer, so a round elbow is drawn over the start of this forearm."""
    shapes = _segment_shapes(part, length, view, side)
    return shapes + (Shape("disc", (0, 0, ELBOW_RADIUS), "elbow"),) if elbow else shapes


def _segment_shapes(part: str, length: float, view: View, side: str | None) -> tuple[Shape, ...]:
    if part == "arm" and length < 1:  # an upper arm pointing straight at the viewer: only its elbow shows
        return ()
    if part in ("arm", "hand") and side == "near" and length > HALO_FROM:
        return (Shape("line", (HALO_FROM, 0, length, 0), f"halo-{part}"), Shape("line", (0, 0, length, 0), part))
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


def _scenery(prop: Prop, view: View, above: bool) -> tuple[Shape, ...]:
    if prop.kind in LINE_PROPS:
        return anchor_shapes(prop, view)
    if prop.kind in HELD_PROPS:
        return ()
    return fixed_shapes(prop, view, above)


def _turning(frames: list[Transform], angle: float) -> float:
    """`angle` turned by whole turns to be nearest the last frame's: a line never swings the long way round."""
    return angle + 360 * round((frames[-1].angle - angle) / 360) if frames else angle


def _line_groups(figure: Figure, timeline: list[list[Sample]], name: _Namer) -> list[Group]:
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
            per_step: list[list[Transform]] = []
            frames: list[Transform] = []
            for steps in timeline:
                frames = frames[-1:]
                for pose, root in steps:
                    hand = grips(figure.view, pose, root)[side]
                    dx, dy = hand[0] - anchor[0], hand[1] - anchor[1]
                    frames.append(Transform(0, 0, _turning(frames, math.degrees(math.atan2(dy, dx))), max(math.hypot(dx, dy), 0.1)))
                per_step.append(frames[-len(steps) :])
            keys, sampled = _sampled(per_step)
            tone = line_tone(prop.kind) + ("-far" if side == "far" else "")
            line = Group(tuple(keys), name.motion(keys, sampled), (Shape("line", (0, 0, 1, 0), tone),))
            groups.append(Group((Transform(*anchor),) * len(keys), None, children=(line,)))
    return groups


def _band_between_hands(figure: Figure, timeline: list[list[Sample]], name: _Namer, tone: str) -> Group:
    """A band held in both hands: a line from one grip to the other, following both."""
    first, second = SIDES[figure.view]
    per_step: list[list[Transform]] = []
    frames: list[Transform] = []
    for steps in timeline:
        frames = frames[-1:]
        for pose, root in steps:
            hands = grips(figure.view, pose, root)
            (x1, y1), (x2, y2) = hands[first], hands[second]
            angle = _turning(frames, math.degrees(math.atan2(y2 - y1, x2 - x1)))
            frames.append(Transform(x1, y1, angle, max(math.hypot(x2 - x1, y2 - y1), 0.1)))
        per_step.append(frames[-len(steps) :])
    keys, sampled = _sampled(per_step)
    return Group(tuple(keys), name.motion(keys, sampled), (Shape("line", (0, 0, 1, 0), tone),))


def _bounds(
    figure: Figure, along: list[tuple[float, Pose, Point]], scenery: tuple[Shape, ...], lines: tuple[Group, ...], tight: bool = False
) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    legs = legs_seen(figure)
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
    padding, least = (TIGHT_PADDING, TIGHT_MIN_SIZE) if tight else (PADDING, MIN_SIZE)
    left, right, top, bottom = min(xs) - padding, max(xs) + padding, min(ys) - padding, max(ys) + padding
    # A small picture (arms folded, seen from above) is not blown up past the scale of a standing figure's.
    grow_x, grow_y = max(0.0, least - (right - left)) / 2, max(0.0, least - (bottom - top)) / 2
    left, right, top, bottom = left - grow_x, right + grow_x, top - grow_y, bottom + grow_y
    return (round(left), round(top), round(right - left), round(bottom - top))


def _clip_floor(shapes: tuple[Shape, ...], box: tuple[float, float, float, float]) -> tuple[Shape, ...]:
    """The floor drawn just across the picture."""
    return tuple(
        Shape("line", (box[0], shape.values[1], box[0] + box[2], shape.values[3]), shape.tone) if shape.tone == "floor" else shape
        for shape in shapes
    )
