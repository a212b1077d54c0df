"""The fixed skeleton of the movement figures: limb lengths, human joint ranges and forward kinematics.

Drawing coordinates are SVG's: x right, y down, angles in degrees clockwise from the +x axis. A pose's
positions are given with y up from the floor; `drawing_point` turns them round.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from atlas.figures.figure_model import Limb, Pose, View

Point = tuple[float, float]

HEAD_RADIUS = 11.0
"""The head is a disc this big, at the end of the neck."""
SHOULDER_HALF_WIDTH = 18.0
"""From the middle of the chest to a shoulder, seen from the front, back or above."""
HIP_HALF_WIDTH = 9.0
"""From the middle of the hips to a hip joint, seen from the front or back."""
LENGTHS = {
    "trunk": 25.0,
    "chest": 25.0,
    "neck": 9.0,
    "upper-arm": 29.0,
    "forearm": 26.0,
    "hand": 8.0,
    "thigh": 44.0,
    "shin": 44.0,
    "foot": 16.0,
}
"""Segment lengths in cm; the same in every pose and view, so limbs never stretch (trunk: hips to mid-back; chest: on to the shoulders)."""


class Plane:
    """The plane each view shows, which decides the human range of each joint."""

    SAGITTAL = "sagittal"
    FRONTAL = "frontal"
    TRANSVERSE = "transverse"


PLANES = {View.SIDE: Plane.SAGITTAL, View.FRONT: Plane.FRONTAL, View.BACK: Plane.FRONTAL, View.TOP: Plane.TRANSVERSE}

RANGES: dict[str, dict[str, tuple[float, float]]] = {
    Plane.SAGITTAL: {
        "trunk": (-180, 180),
        "spine": (-40, 60),
        "neck": (-60, 60),
        "shoulder": (-60, 190),
        "elbow": (0, 150),
        "wrist": (-90, 90),
        "hip": (-30, 140),
        "knee": (0, 155),
        "ankle": (-30, 60),
        "shrug": (-4, 8),
        "reach": (-6, 8),
        "toward": (0, 90),
    },
    Plane.FRONTAL: {
        "trunk": (-100, 100),
        "spine": (-40, 40),
        "neck": (-45, 45),
        "shoulder": (-30, 180),
        "elbow": (-150, 150),
        "wrist": (-60, 60),
        "hip": (-30, 60),
        "knee": (-20, 20),
        "ankle": (-30, 45),
        "shrug": (-4, 8),
        "reach": (-6, 8),
        "toward": (0, 90),
    },
    Plane.TRANSVERSE: {
        "trunk": (-180, 180),
        "spine": (-60, 60),
        "neck": (-80, 80),
        "shoulder": (-45, 135),
        "elbow": (-150, 150),
        "wrist": (-60, 60),
        "hip": (-30, 140),
        "knee": (0, 155),
        "ankle": (-30, 60),
        "shrug": (-4, 8),
        "reach": (-6, 8),
        "toward": (0, 90),
    },
}
"""The human range of each angle, by the plane the view shows (degrees)."""

SIDES = {View.SIDE: ("far", "near"), View.FRONT: ("left", "right"), View.BACK: ("left", "right"), View.TOP: ("left", "right")}
"""The two sides each view names, in drawing order (the far side first: it is drawn behind)."""


@dataclass(frozen=True)
class Segment:
    """One straight limb of a chain, drawn along its own +x axis from its joint."""

    name: str
    """Such as `near.forearm`; `trunk`; `neck`."""
    offset: Point
    """Where its joint sits in the parent's coordinates (the parent's end is (length, 0))."""
    length: float
    """Its length in cm (0 for the hip girdle, which only places the legs)."""
    part: str
    """Which body part it draws: trunk, neck, arm, leg, foot, girdle or hidden."""


@dataclass(frozen=True)
class Chain:
    """Segments from the root outward; each turns relative to the one before."""

    side: str | None
    """The side it belongs to (None for the trunk and head)."""
    segments: tuple[Segment, ...]
    """In order from the root."""


def limbs(pose: Pose, view: View) -> dict[str, Limb]:
    """The angles of both sides, filling in the side a pose leaves out."""
    if view is View.SIDE:
        near = pose.near or pose.far or Limb()
        return {"near": near, "far": pose.far or near}
    left = pose.left or pose.right or Limb()
    return {"left": left, "right": pose.right or left}


def side_sign(side: str) -> int:
    """+1 for the picture's left (and the side view's sides), -1 for its right: front-view angles mirror."""
    return -1 if side == "right" else 1


def segment_angles(view: View, pose: Pose) -> dict[str, float]:
    """The absolute drawing angle of every segment of the pose."""
    trunk = -90.0 + pose.trunk
    chest = trunk + pose.spine
    angles = {"trunk": trunk, "chest": chest, "neck": chest + pose.neck}
    for side, limb in limbs(pose, view).items():
        m = side_sign(side)
        if view is View.SIDE:
            arm = chest + 180 - limb.shoulder
            forearm = arm - limb.elbow
            hand = forearm - limb.wrist
            thigh = trunk + 180 - limb.hip
            shin = thigh + limb.knee
            foot = shin - 90 + limb.ankle
        elif view is View.TOP:
            arm = chest - m * limb.shoulder
            forearm = arm + m * limb.elbow
            hand = forearm + m * limb.wrist
            if _lying(pose):  # a knee drawn up in front of a body lying on its side: the thigh points the way the hips face,
                thigh = shin = foot = trunk + m * limb.hip  # turned in the picture by the hip angle (a top knee down to the floor)
            else:
                thigh = 90 + m * limb.hip  # standing legs, seen end-on under a bent-over body: straight down
                shin = thigh + m * limb.knee
                foot = shin + m * (70 + limb.ankle)
        else:
            arm = chest + 180 + m * limb.shoulder
            forearm = arm + m * limb.elbow
            hand = forearm + m * limb.wrist
            thigh = trunk + 180 + m * limb.hip
            shin = thigh + m * limb.knee
            foot = shin + m * (70 + limb.ankle)
        angles |= {
            f"{side}.girdle": trunk,
            f"{side}.chest": chest,
            f"{side}.upper-arm": arm,
            f"{side}.forearm": forearm,
            f"{side}.hand": hand,
            f"{side}.hip": 90.0 if view is View.TOP and not _lying(pose) else trunk,
            f"{side}.thigh": thigh,
            f"{side}.shin": shin,
            f"{side}.foot": foot,
        }
    return angles


def chains(view: View, standing: bool = False) -> tuple[Chain, ...]:
    """The chains of the view in drawing order: the far (or left) side's leg and arm, the trunk and head, the other side.

    From above, legs are drawn only under a body bent over while standing, or before one lying on its side with the knees drawn
    up (`standing` then says the legs are seen); they are hidden under an upright or lying body.
    """
    first, second = SIDES[view]
    if view is View.TOP:
        legs = (_leg(view, first), _leg(view, second)) if standing else ()
        return (*legs, _arm(view, first), _arm(view, second), _trunk(view))
    return (_leg(view, first), _arm(view, first), _trunk(view), _leg(view, second), _arm(view, second))


def _trunk(view: View) -> Chain:
    if view is View.TOP:
        return Chain(
            None, (Segment("trunk", (0, 0), 0, "hidden"), Segment("chest", (0, 0), 0, "girdle"), Segment("neck", (0, 0), 0, "neck"))
        )
    return Chain(
        None,
        (
            Segment("trunk", (0, 0), LENGTHS["trunk"], "trunk"),
            Segment("chest", (LENGTHS["trunk"], 0), LENGTHS["chest"], "trunk"),
            Segment("neck", (LENGTHS["chest"], 0), LENGTHS["neck"], "neck"),
        ),
    )


def _arm(view: View, side: str) -> Chain:
    top = view is View.TOP
    return Chain(
        side,
        (
            Segment(f"{side}.girdle", (0, 0), 0, "hidden"),
            Segment(f"{side}.chest", (0 if top else LENGTHS["trunk"], 0), 0, "hidden"),
            Segment(f"{side}.upper-arm", (0 if top else LENGTHS["chest"], 0), LENGTHS["upper-arm"], "arm"),
            Segment(f"{side}.forearm", (LENGTHS["upper-arm"], 0), LENGTHS["forearm"], "arm"),
            Segment(f"{side}.hand", (LENGTHS["forearm"], 0), LENGTHS["hand"], "hand"),
        ),
    )


def _leg(view: View, side: str) -> Chain:
    across = 0.0 if view is View.SIDE else -side_sign(side) * HIP_HALF_WIDTH
    if view is View.TOP:
        across = -across
    foot = LENGTHS["foot"] if view is View.SIDE else LENGTHS["foot"] / 2
    return Chain(
        side,
        (
            Segment(f"{side}.hip", (0, 0), 0, "hidden"),
            Segment(f"{side}.thigh", (0, across), LENGTHS["thigh"], "leg"),
            Segment(f"{side}.shin", (LENGTHS["thigh"], 0), LENGTHS["shin"], "leg"),
            Segment(f"{side}.foot", (LENGTHS["shin"], 0), foot, "foot"),
        ),
    )


def drawing_point(point: tuple[float, float]) -> Point:
    """A pose position (y up from the floor) in drawing coordinates (y down)."""
    return (point[0], -point[1])


END_ON = 60.0
"""An upper arm turned this far toward the viewer (`toward`) is drawn end on: a round elbow instead of a short line."""


def _lying(pose: Pose) -> bool:
    """A body lying down (its legs, seen from the head end, lie along the picture's depth but for the bent hips)."""
    return pose.root[1] < 60


def behind(view: View, chain: Chain, pose: Pose) -> bool:
    """Whether a chain is drawn in the far tone: the far side, and the legs of a body lying on its side seen from the head end
    (they lie behind the arms and chest; in the body's tone a thigh would read as a third arm)."""
    return chain.side == "far" or (view is View.TOP and _lying(pose) and chain.segments[0].name.endswith(".hip"))


def drawn_length(view: View, segment: Segment, side: str | None, pose: Pose) -> float:
    """How long a segment is drawn in this pose: an upper arm pointing toward the viewer is foreshortened, and so are the legs of
    a body lying on its side seen from the head end (the thigh by the knee's bend; the shin, folded back along the body, hidden)."""
    if side is None:
        return segment.length
    if view is View.TOP and _lying(pose) and segment.part in ("leg", "foot"):
        if segment.name.endswith(".thigh"):  # a straight leg lies along the body, out of sight; a bent knee brings the thigh forward
            return segment.length * abs(math.sin(math.radians(limbs(pose, view)[side].knee)))
        return 0.0
    if not segment.name.endswith(".upper-arm"):
        return segment.length
    return segment.length * math.cos(math.radians(limbs(pose, view)[side].toward))


def elbow_end_on(view: View, segment: Segment, side: str | None, pose: Pose) -> bool:
    """Whether this segment is a forearm whose upper arm points at the viewer: a round elbow is drawn where it starts."""
    return side is not None and segment.name.endswith(".forearm") and limbs(pose, view)[side].toward >= END_ON


def segment_offset(view: View, segment: Segment, side: str | None, pose: Pose) -> Point:
    """Where a segment's joint sits in its parent's frame in this pose: the shoulder moves with the shoulder blade, the elbow
    comes nearer the shoulder as the upper arm turns toward the viewer."""
    if side is not None and segment.name.endswith(".forearm"):
        return (LENGTHS["upper-arm"] * math.cos(math.radians(limbs(pose, view)[side].toward)), 0.0)
    if side is not None and view is View.TOP and _lying(pose) and segment.name.endswith((".shin", ".foot")):
        before = segment.name.replace(".shin", ".thigh").replace(".foot", ".shin")
        return (drawn_length(view, Segment(before, (0, 0), LENGTHS[before.split(".")[1]], "leg"), side, pose), 0.0)
    if not segment.name.endswith(".upper-arm") or side is None:
        return segment.offset
    limb = limbs(pose, view)[side]
    across = -side_sign(side) * SHOULDER_HALF_WIDTH
    if view is View.SIDE:
        return (segment.offset[0] + limb.shrug, limb.reach)
    if view is View.TOP:
        return (limb.reach, across)
    return (segment.offset[0] + limb.shrug, across)


def joint_points(view: View, pose: Pose, root: Point, standing: bool = False) -> dict[str, Point]:
    """Where each segment starts (`name`) and ends (`name:end`), in drawing coordinates, with the root at `root`."""
    angles = segment_angles(view, pose)
    points: dict[str, Point] = {}
    for chain in chains(view, standing):
        origin, heading = root, 0.0
        for segment in chain.segments:
            origin = _step(origin, heading, segment_offset(view, segment, chain.side, pose))
            heading = angles[segment.name]
            points[segment.name] = origin
            points[f"{segment.name}:end"] = _step(origin, heading, (drawn_length(view, segment, chain.side, pose), 0))
        if chain.side is None:
            points["head"] = _step(points["neck:end"], angles["neck"], (HEAD_RADIUS if view is not View.TOP else 9, 0))
    return points


def _step(origin: Point, heading: float, offset: Point) -> Point:
    """`offset` given in a frame turned by `heading` at `origin`."""
    cos, sin = math.cos(math.radians(heading)), math.sin(math.radians(heading))
    return (origin[0] + offset[0] * cos - offset[1] * sin, origin[1] + offset[0] * sin + offset[1] * cos)


def segment_length(points: dict[str, Point], name: str) -> float:
    """The drawn length of a segment, from its points (the tests check it never changes)."""
    start, end = points[name], points[f"{name}:end"]
    return math.dist(start, end)
