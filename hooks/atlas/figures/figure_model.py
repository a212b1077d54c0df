"""The movement figure of an exercise, as a record's `figure:` key declares it: a view, props, and a start and end pose.

Angles are in degrees, lengths in centimetres, positions (x, y) with y up from the floor and the figure facing
the picture's right in side view. A pose gives the root (the middle of the hips), the trunk's angle and each
joint's angle; the skeleton (figure_skeleton.py) turns them into limbs of fixed length.

Joint angles by view (0 is standing tall, arms hanging):
- side: trunk leans forward (+) or back (-) from upright (90 is bent over or lying face down, -90 lying face up, head
  to the left); spine rounds the upper back (+) or arches it (-);
  shoulder flexion (+ forward and up, - behind), elbow flexion, wrist flexion, hip flexion (+ knee forward),
  knee flexion, ankle (+ toes pointed); neck flexion (+ chin down).
- front and back: trunk bends sideways (+ toward the picture's right); shoulder abduction (+ out and up),
  elbow (+ forearm turns up toward the head, - down), hip abduction, knee, ankle turn-out; neck side bend.
- top (looking down the body's long axis: from above when standing, from the head end when lying or bent over;
  facing the top of the picture at trunk 0): trunk turns the body (+ clockwise: 90 faces the picture's right, 180
  faces down); spine twists the chest on the hips; shoulder horizontal abduction (0 arm straight ahead, 90 out to
  the side), elbow (+ forearm turns in), wrist. Legs are drawn only under a body bent over while standing, and in front
  of a body lying on its side with a knee bent (the knee's bend brings the thigh forward; the hip angle turns it in the
  picture, + clockwise for the picture's right side: a top knee down to the floor).
Shoulder blades: `shrug` (+ up, - down) and `reach` (+ forward, - back) move the shoulder joint by a few cm.
An upper arm pointing at the viewer (`toward`: 90) is drawn end on, a round elbow, so that a turn of the shoulder with the
elbow bent (outward rotation with the arm out to the side, seen from the side) shows as the forearm turning about it.

A movement of more than two key poses lists the ones between start and end under `phases` (a get-up's stages, a
carry's steps); `contacts` declares what touches what (feet on the floor, the chest on a bench), which the build checks;
`also` draws the same movement from a second view, after the figure's own, which leads (the thumbnail uses it).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StrictBool, StrictInt

from atlas.records.values import Angle, Id, Incline, Line, Paragraph, Point, Record, Shift


class View(StrEnum):
    """Where the viewer stands."""

    SIDE = "side"
    FRONT = "front"
    BACK = "back"
    TOP = "top"


class Hold(StrEnum):
    """Which hand holds a prop."""

    NEAR = "near"
    FAR = "far"
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    FEET = "feet"


class BodyPoint(StrEnum):
    """A point of the body that can stay fixed while the rest moves (hands on a bar, feet on the floor)."""

    HANDS = "hands"
    FEET = "feet"
    KNEES = "knees"
    HIPS = "hips"


class Limb(Record):
    """Joint angles of one side of the body, in degrees."""

    shoulder: Angle = 0
    """Shoulder angle (flexion in side view, abduction in front and back views, horizontal abduction from above)."""
    elbow: Angle = 0
    """Elbow bend."""
    wrist: Angle = 0
    """Wrist bend."""
    hip: Angle = 0
    """Hip angle (flexion in side view, abduction in front and back views)."""
    knee: Angle = 0
    """Knee bend."""
    ankle: Angle = 0
    """Ankle angle (+ toes pointed in side view)."""
    shrug: Shift = 0
    """Shoulder blade raised toward the ear (+) or drawn down (-), in cm."""
    reach: Shift = 0
    """Shoulder blade drawn forward round the ribs (+, protraction) or squeezed back (-, retraction), in cm."""
    toward: Angle = 0
    """How far the upper arm points out of the picture toward the viewer, in degrees (the same in every key pose): it is drawn
    shorter, and at 60 or more end on, as a round elbow; at 90 the shoulder angle turns the bent forearm about the upper arm's
    own length, which is how a turn of the shoulder (the prone 90/90 outward rotation seen from the side) is shown."""


class Pose(Record):
    """The body at one moment."""

    root: Point = (0, 92)
    """Where the middle of the hips is, (x, y) in cm from the floor; ignored in the end pose when `fixed` is set."""
    trunk: Angle = 0
    """Angle of the lower trunk (hips to mid-back) from upright."""
    spine: Angle = 0
    """The upper back's bend on the lower trunk: + rounds forward, - arches back (side view); side bend (front); twist (top)."""
    neck: Angle = 0
    """Neck angle relative to the trunk."""
    near: Limb | None = None
    """The side nearer the viewer (side view)."""
    far: Limb | None = None
    """The side farther from the viewer (side view); the near side's angles when left out."""
    left: Limb | None = None
    """The picture's left side (front, back and top views)."""
    right: Limb | None = None
    """The picture's right side (front, back and top views); the left side mirrored when left out."""
    label: Line | None = None
    """What the still of this pose is called (a phase's name, such as "Propped on the hand"); Start, Step 2 … End when left out."""


class Prop(Record):
    """Equipment or scenery in the picture."""

    kind: Id
    """An equipment id from the taxonomy, or a scene prop (floor, handle, rope, straight-bar, cushion)."""
    at: Point | None = None
    """Where it stands, (x, y) in cm: a bench's seat, a bar, a wall's face, a pulley. In a front or back view of a body lying down
    (seen from above), a mat's middle, and the middle of the end of a bench the head lies past (the bench runs toward the feet)."""
    angle: Incline | None = None
    """A bench's incline in degrees from flat; for a prop in the hand, 180 holds it upside down (bottoms-up)."""
    hold: Hold | None = None
    """The hand or hands that hold it (dumbbells, a band's ends, a cable's handle), or `feet` for a weight hung between the feet."""
    anchor: Point | None = None
    """Where a band or cable is fixed, (x, y) in cm; a line runs from there to the hand."""


class Surface(StrEnum):
    """What a body point can rest on: the floor, or a prop of the figure."""

    FLOOR = "floor"
    BENCH = "bench"
    CHAIR = "chair"
    WALL = "wall"
    DOORWAY = "doorway"
    BAR = "bar"
    FOAM_ROLLER = "foam-roller"
    TABLE = "sturdy-table"
    CUSHION = "cushion"


class ContactPoint(StrEnum):
    """A part of the body that can rest on a surface."""

    FEET = "feet"
    TOES = "toes"
    KNEES = "knees"
    HANDS = "hands"
    FOREARMS = "forearms"
    HIPS = "hips"
    CHEST = "chest"
    UPPER_BACK = "upper-back"
    BACK = "back"
    HEAD = "head"


class Contact(Record):
    """A body point that touches a surface in the key poses; the build checks that it does."""

    body: ContactPoint
    """The part of the body: feet, toes, knees, hands, forearms, hips, chest, upper-back, back (the whole trunk) or head."""
    touches: Surface
    """What it rests on: the floor or a prop of the figure (bench, chair, wall, doorway, bar, foam-roller, sturdy-table, cushion)."""
    side: Id | None = None
    """Only one side's (near, far, left or right); both when left out."""
    poses: tuple[Annotated[StrictInt, Field(ge=0, le=9)], ...] = ()
    """Only in these key poses (0 is the start, then the phases, then the end); in every one when left out."""


MAX_PROPS = 12
"""The most props a figure may have: enough for any scene (the site's figures have at most three), few enough that the
drawing stays small."""


class Figure(Record):
    """How an exercise looks: the view, the props and the key poses the movement goes through."""

    view: View
    """Where the viewer stands: side, front, back or top, whichever shows the movement best."""
    props: tuple[Prop, ...] = Field(default=(), max_length=MAX_PROPS)
    """Equipment and scenery, drawn in a second tone behind the body."""
    fixed: BodyPoint | None = None
    """A body point that stays put (hands on a pull-up bar): the end pose's root is computed from it."""
    start: Pose
    """The start position."""
    end: Pose
    """The end position."""
    caption: Paragraph | None = None
    """A sentence added to the caption, for what the picture cannot show (a phase of a longer movement, a turn toward the viewer)."""
    phases: tuple[Pose, ...] = Field(default=(), max_length=6)
    """Key poses between start and end, in order (a get-up's stages, a carry's other step); the figure moves through each."""
    contacts: tuple[Contact, ...] = Field(default=(), max_length=MAX_PROPS)
    """What touches what (feet on the floor, the chest on the bench, hands on the bar): checked in every key pose."""
    also: Figure | None = None
    """The same movement from a second view, shown after this one (the prone Y from the side as well as from above)."""
    cycle: StrictBool = False
    """Whether the movement goes round, from the end on to the start again (a walk's steps), instead of back the way it came."""
    thumbnail: Annotated[StrictInt, Field(ge=0, le=9)] | None = None
    """Which key pose the small still of routine pages and sheets shows (0 the start, 1 the first phase …); the end when left out."""

    @property
    def key_poses(self) -> tuple[Pose, ...]:
        """Start, the phases in order, end."""
        return (self.start, *self.phases, self.end)

    @property
    def motion_poses(self) -> tuple[Pose, ...]:
        """The key poses the animation goes through in one pass: back to the start at the end of a cycle."""
        return (*self.key_poses, self.start) if self.cycle else self.key_poses


SCENE_PROPS = ("floor", "handle", "rope", "straight-bar", "cushion")
"""Props that are not equipment: scenery, and attachments that come with a machine."""
