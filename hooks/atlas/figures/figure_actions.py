"""Which joints of a figure each joint action moves, so a figure can be checked against the exercise's `actions`."""

from __future__ import annotations

from atlas.figures.figure_poses import placed_pose
from atlas.figures.figure_model import Figure
from atlas.figures.figure_skeleton import limbs, segment_angles

ACTION_JOINTS: dict[str, frozenset[str]] = {
    "scapular-retraction": frozenset({"reach"}),
    # One shoulder blade reaching round the ribs lifts that side of the chest: seen from the head end, the chest line turns.
    "scapular-protraction": frozenset({"reach", "spine"}),
    "scapular-elevation": frozenset({"shrug"}),
    "scapular-depression": frozenset({"shrug"}),
    "scapular-upward-rotation": frozenset({"shoulder", "shrug"}),
    "scapular-downward-rotation": frozenset({"shoulder", "shrug"}),
    "scapular-posterior-tilt": frozenset({"shoulder", "shrug", "reach", "spine"}),
    "shoulder-flexion": frozenset({"shoulder"}),
    "shoulder-extension": frozenset({"shoulder"}),
    "shoulder-abduction": frozenset({"shoulder"}),
    "shoulder-adduction": frozenset({"shoulder"}),
    "shoulder-scaption": frozenset({"shoulder"}),
    "shoulder-horizontal-abduction": frozenset({"shoulder"}),
    "shoulder-horizontal-adduction": frozenset({"shoulder"}),
    # Seen in a plane, turning the upper arm swings the bent forearm.
    "shoulder-external-rotation": frozenset({"elbow", "shoulder"}),
    "shoulder-internal-rotation": frozenset({"elbow", "shoulder"}),
    "elbow-flexion": frozenset({"elbow"}),
    "elbow-extension": frozenset({"elbow"}),
    "cervical-retraction": frozenset({"neck"}),
    "craniocervical-flexion": frozenset({"neck"}),
    "thoracic-extension": frozenset({"spine", "trunk", "neck"}),
    "thoracic-rotation": frozenset({"spine", "trunk", "neck"}),
    "hip-flexion": frozenset({"hip", "knee", "trunk"}),
    "hip-extension": frozenset({"hip", "knee", "trunk"}),
    "spinal-stability": frozenset(),
    "grip": frozenset(),
}
"""The figure joints that show each joint action; an action with none (holding still, gripping) needs no movement."""
FOLLOWERS = frozenset({"wrist", "ankle", "trunk", "neck"})
"""Joints that may follow the movement without an action of their own: a hand flat on the floor, a body pivoting on the toes,
and the neck, whose side bends and turns (the neck stretches) have no action of their own in the vocabulary."""
SEEN_IN: dict[str, frozenset[str]] = {
    "thoracic-extension": frozenset({"side"}),
    "cervical-retraction": frozenset({"side"}),
    "craniocervical-flexion": frozenset({"side"}),
    "hip-flexion": frozenset({"side"}),
    "hip-extension": frozenset({"side"}),
    "shoulder-flexion": frozenset({"side"}),
    "shoulder-extension": frozenset({"side"}),
    "scapular-posterior-tilt": frozenset({"side"}),
    "scapular-retraction": frozenset({"side", "top"}),
    "scapular-protraction": frozenset({"side", "top"}),
    "shoulder-abduction": frozenset({"front", "back"}),
    "shoulder-adduction": frozenset({"front", "back"}),
    "shoulder-horizontal-abduction": frozenset({"top", "side"}),
    "shoulder-horizontal-adduction": frozenset({"top", "side"}),
    "thoracic-rotation": frozenset({"top"}),
}
"""The views that can show an action (the others see it edge-on); an action the figure's view cannot show is not required."""
MOVED_DEGREES = 8.0
"""A joint moves when it turns at least this far between start and end."""
MOVED_CM = 2.0
"""A shoulder blade moves when it shifts at least this far."""


STABILITY = "spinal-stability"
"""The action of a drill that keeps the trunk still against a moving load."""
CHALLENGES = frozenset({"shoulder", "elbow", "hip", "knee"})
"""The joints whose movement challenges a still trunk: a press, a tap, a step."""
ANCHORED_SEGMENTS = {"shoulder": "upper-arm", "hip": "thigh"}
"""A limb that keeps its direction in space while the trunk turns over it (arms hanging, legs standing) has not moved."""


def joint_changes(figure: Figure) -> dict[str, float]:
    """How far each joint moves from the start to any later key pose (the larger of the two sides): degrees, or cm for shrug
    and reach."""
    changes: dict[str, float] = {}
    before = limbs(figure.start, figure.view)
    start_directions = segment_angles(figure.view, figure.start)
    for index in range(1, len(figure.key_poses)):
        pose = placed_pose(figure, index)
        for name in ("trunk", "spine", "neck"):
            changes[name] = max(changes.get(name, 0.0), abs(getattr(pose, name) - getattr(figure.start, name)))
        after, directions = limbs(pose, figure.view), segment_angles(figure.view, pose)
        for side in before:
            for joint, value in before[side].model_dump().items():
                change = abs(after[side].model_dump()[joint] - value)
                if joint in ANCHORED_SEGMENTS:
                    segment = f"{side}.{ANCHORED_SEGMENTS[joint]}"
                    change = min(change, abs(directions[segment] - start_directions[segment]))
                changes[joint] = max(changes.get(joint, 0.0), change)
    return changes


def moves(joint: str, change: float) -> bool:
    """Whether a change of this size counts as movement."""
    return change >= (MOVED_CM if joint in ("shrug", "reach") else MOVED_DEGREES)


def action_mismatches(figure: Figure, actions: list[str]) -> list[str]:
    """What disagrees between the figure and the actions: actions it does not show, joints it moves without an action."""
    changes = joint_changes(figure)
    if not any(moves(joint, change) for joint, change in changes.items()):
        return []  # a held position (a plank, a carry): its actions are held, not moved
    found = []
    allowed = set(FOLLOWERS)
    # An anti-movement drill (a carry, a Pallof press, a shoulder tap) moves the limbs that challenge the still trunk, and holds its
    # other actions rather than moving them.
    holding = STABILITY in actions
    if holding:
        allowed |= CHALLENGES
    for action in actions:
        joints = ACTION_JOINTS.get(action, frozenset())
        allowed |= joints
        visible = figure.view.value in SEEN_IN.get(action, frozenset({"side", "front", "back", "top"}))
        if joints and visible and not holding and not any(moves(joint, changes.get(joint, 0.0)) for joint in joints):
            found.append(f"{action} is not shown: none of {', '.join(sorted(joints))} changes between start and end")
    for joint, change in sorted(changes.items()):
        if joint not in allowed and moves(joint, change):
            found.append(f"{joint} changes by {change:g} but no action moves it")
    return found
