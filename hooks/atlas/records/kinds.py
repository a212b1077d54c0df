"""The controlled vocabularies of the records, each declared once as an enum (the schema files list their values)."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """What kind of work an exercise is."""

    ACTIVATION = "activation"
    STRENGTH = "strength"
    MOBILITY = "mobility"
    STABILITY = "stability"


class Level(StrEnum):
    """Who can do an exercise or routine well."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Mechanics(StrEnum):
    """Whether an exercise moves several joints or one."""

    COMPOUND = "compound"
    ISOLATION = "isolation"


class Force(StrEnum):
    """The kind of effort an exercise asks for."""

    PULL = "pull"
    PUSH = "push"
    HOLD = "hold"
    CARRY = "carry"


class Direction(StrEnum):
    """The line of a pull or a push, relative to the trunk."""

    HORIZONTAL = "horizontal"
    VERTICAL = "vertical"


class Action(StrEnum):
    """A joint action an exercise trains (the controlled vocabulary)."""

    SCAPULAR_RETRACTION = "scapular-retraction"
    SCAPULAR_PROTRACTION = "scapular-protraction"
    SCAPULAR_ELEVATION = "scapular-elevation"
    SCAPULAR_DEPRESSION = "scapular-depression"
    SCAPULAR_UPWARD_ROTATION = "scapular-upward-rotation"
    SCAPULAR_DOWNWARD_ROTATION = "scapular-downward-rotation"
    SCAPULAR_POSTERIOR_TILT = "scapular-posterior-tilt"
    SHOULDER_FLEXION = "shoulder-flexion"
    SHOULDER_EXTENSION = "shoulder-extension"
    SHOULDER_ABDUCTION = "shoulder-abduction"
    SHOULDER_ADDUCTION = "shoulder-adduction"
    SHOULDER_SCAPTION = "shoulder-scaption"
    SHOULDER_HORIZONTAL_ABDUCTION = "shoulder-horizontal-abduction"
    SHOULDER_HORIZONTAL_ADDUCTION = "shoulder-horizontal-adduction"
    SHOULDER_EXTERNAL_ROTATION = "shoulder-external-rotation"
    SHOULDER_INTERNAL_ROTATION = "shoulder-internal-rotation"
    ELBOW_FLEXION = "elbow-flexion"
    ELBOW_EXTENSION = "elbow-extension"
    CERVICAL_RETRACTION = "cervical-retraction"
    CRANIOCERVICAL_FLEXION = "craniocervical-flexion"
    THORACIC_EXTENSION = "thoracic-extension"
    THORACIC_ROTATION = "thoracic-rotation"
    HIP_FLEXION = "hip-flexion"
    HIP_EXTENSION = "hip-extension"
    SPINAL_STABILITY = "spinal-stability"
    GRIP = "grip"

    @property
    def label(self) -> str:
        """How a page names it: "Scapular retraction"."""
        return _ACTION_LABELS.get(self, self.value.replace("-", " ").capitalize())


_ACTION_LABELS = {
    Action.SHOULDER_SCAPTION: "Shoulder scaption (raising the arm in the plane of the shoulder blade)",
    Action.SPINAL_STABILITY: "Spinal stability (holding the spine still)",
    Action.CRANIOCERVICAL_FLEXION: "Craniocervical flexion (a small nod of the head on the neck)",
    Action.GRIP: "Grip",
}


class MuscleKind(StrEnum):
    """How a muscle group relates to the upper back."""

    UPPER_BACK = "upper-back"
    HELPER = "helper"
    OTHER = "other"


class Role(StrEnum):
    """What an exercise does to a muscle: works it hardest, has it help, has it steady, or stretches it."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    STABILIZER = "stabilizer"
    STRETCHED = "stretched"

    @property
    def label(self) -> str:
        """How pages name the role in a heading or a key: "Works hardest"."""
        return _ROLE_LABELS[self]

    @property
    def field(self) -> str:
        """The record field under muscles: that lists it."""
        return "stabilizers" if self is Role.STABILIZER else self.value

    @property
    def works(self) -> bool:
        """Whether the muscle does work in this role (a stretched muscle does not)."""
        return self is not Role.STRETCHED


_ROLE_LABELS = {
    Role.PRIMARY: "Works hardest",
    Role.SECONDARY: "Helps",
    Role.STABILIZER: "Steadies",
    Role.STRETCHED: "Stretches",
}


class Load(StrEnum):
    """Structures an exercise loads, and the shoulder positions it loads them in (precaution rules and generated
    sessions read them); all but the arm at the side earn the red-flag callout."""

    SPINE = "spine"
    SHOULDER_OVERHEAD = "shoulder-overhead"
    SHOULDER_RAISED_TURNED_OUT = "shoulder-raised-turned-out"
    """The arm out at about shoulder height and turned out against load: the end of a face pull, 90/90 work."""
    SHOULDER_RAISED_TURNED_IN = "shoulder-raised-turned-in"
    """The arm raised to the side and turned in under load: the upright row, the first half of the Cuban press."""
    SHOULDER_AT_SIDE = "shoulder-at-side"
    """The shoulder turning with the arm at the side or supported: the safe base of rotator-cuff work."""
    NECK = "neck"
    """The neck (stretches and exercises of the neck): the red-flag callout adds the neck warning signs."""

    @property
    def red_flag(self) -> bool:
        """Whether loading it earns the red-flag callout."""
        return self is not Load.SHOULDER_AT_SIDE


class SourceKind(StrEnum):
    """What kind of work a source is."""

    ARTICLE = "article"
    BOOK = "book"
    CHAPTER = "chapter"
    GUIDELINE = "guideline"
    WEB = "web"


class PagePart(StrEnum):
    """A part of the page layout an article may hide."""

    NAVIGATION = "navigation"
    TOC = "toc"
    FOOTER = "footer"
    PATH = "path"
    TAGS = "tags"
    FEEDBACK = "feedback"


class TargetKind(StrEnum):
    """What an article link can point at."""

    EXERCISE = "exercise"
    MUSCLE = "muscle"
    ROUTINE = "routine"
    SOURCE = "source"
    LADDER = "ladder"
