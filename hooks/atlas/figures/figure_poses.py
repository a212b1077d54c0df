"""Where the body is at each moment of a figure: its key poses placed (a fixed body point kept where it is), the motion
between them sampled, and where the hands hold."""

from __future__ import annotations

from functools import lru_cache

from atlas.figures.figure_model import BodyPoint, Figure, Limb, Pose, View
from atlas.figures.figure_skeleton import SIDES, Point, drawing_point, joint_points, limbs

GRIP = 0.5
"""Where along the hand a prop is held."""

SAMPLES = 8
"""Steps of a sampled motion (a body held fixed at the hands, a band's line): enough that nothing visibly slides."""


LYING_BELOW = 60.0
"""Hips lower than this (cm) are a body lying down; from above, its legs are seen only when the hips are bent (knees forward)."""


def legs_seen(figure: Figure) -> bool:
    """Whether a top view shows legs: a body bent over above a floor (hips at standing height), or lying on its side with the
    knees drawn up in front (the open book: the knees stacked, staying down while the chest turns)."""
    if figure.view is not View.TOP or not any(prop.kind == "floor" for prop in figure.props):
        return False
    if figure.start.root[1] >= LYING_BELOW:
        return True
    return any(limb.knee >= 45 for limb in limbs(figure.start, figure.view).values())


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


Sample = tuple[Pose, Point]
"""A pose and where its root is drawn."""


@lru_cache(maxsize=1024)
def segments_along(figure: Figure) -> tuple[tuple[Sample, ...], ...]:
    """The motion sampled, one tuple per step between key poses (SAMPLES + 1 each, both ends included).

    With `fixed` set, each pose's root is moved so that the fixed body point stays where the start pose puts it.
    Kept per figure (a frozen record, so equal figures share one entry): drawing and checking a figure sample it often.
    """
    keys = figure.motion_poses
    start_root = drawing_point(figure.start.root)
    target = _fixed_point(figure.view, figure.start, start_root, figure.fixed) if figure.fixed else None
    found = []
    for first, second in zip(keys, keys[1:], strict=False):
        steps = []
        for step in range(SAMPLES + 1):
            pose = interpolate(first, second, step / SAMPLES, figure.view)
            root = drawing_point(pose.root)
            if target is not None and figure.fixed is not None:
                here = _fixed_point(figure.view, pose, (0.0, 0.0), figure.fixed)
                root = (target[0] - here[0], target[1] - here[1])
            steps.append((pose, root))
        found.append(tuple(steps))
    return tuple(found)


def poses_along(figure: Figure) -> list[tuple[float, Pose, Point]]:
    """The whole motion sampled: (u, pose, root in drawing coordinates) from start (u=0) through the phases to end (u=1)."""
    segments = segments_along(figure)
    found = [(0.0, *segments[0][0])]
    for index, steps in enumerate(segments):
        found += [((index + step / SAMPLES) / len(segments), *steps[step]) for step in range(1, SAMPLES + 1)]
    return found


def key_samples(figure: Figure, closed: bool = False) -> list[Sample]:
    """Each key pose with its drawn root: start, the phases, end (and the start again after a cycle's end when `closed`)."""
    segments = segments_along(figure)
    found = [steps[0] for steps in segments] + [segments[-1][-1]]
    return found if closed or not figure.cycle else found[:-1]


def placed_pose(figure: Figure, index: int) -> Pose:
    """Key pose `index` with its root where the fixed body point puts it."""
    pose, root = key_samples(figure)[index]
    return pose.model_copy(update={"root": (root[0], -root[1])})


def end_pose(figure: Figure) -> Pose:
    """The end pose with its root where the fixed body point puts it."""
    return placed_pose(figure, -1)


def pose_labels(figure: Figure) -> tuple[str, ...]:
    """What each key pose's still is called: its own label, or Start, Step 2 … End."""
    keys = figure.key_poses
    defaults = ["Start", *(f"Step {index + 2}" for index in range(len(keys) - 2)), "End"]
    return tuple(pose.label or default for pose, default in zip(keys, defaults, strict=True))
