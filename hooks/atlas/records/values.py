"""The value types records are built from: ids, text of bounded length, and numbers typed at the boundary.

Each type carries its JSON Schema (for editors) and the words a message uses when a value does not fit
(`EXPECTED`), so the checker, the model and the schema files all read one declaration.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictStr, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LINE_PATTERN = r"\S"
SOURCE_ID_PATTERN = r"^[a-z]+(-[a-z]+)*-[0-9]{4}[a-z]?$"
DOI_PATTERN = r"^10\.[0-9]{4,9}/[^\s<>\"]+$"
URL_PATTERN = r"^https?://[^\s<>\"]+$"
TEMPLATE_PATTERN = r"^[a-z0-9-]+\.html$"
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
FREE_EXERCISE_DB_PATTERN = r"^[A-Za-z0-9_-]+$"

EXPECTED = {
    ID_PATTERN: "an id: lowercase words joined by hyphens, such as face-pull",
    SOURCE_ID_PATTERN: "a source id: the first author's surname and the year, such as ekstrom-2003",
    DOI_PATTERN: "a DOI such as 10.2519/jospt.2003.33.5.247 (without https://doi.org/)",
    URL_PATTERN: "a web address starting with https://",
    LINE_PATTERN: "text that is not blank",
    TEMPLATE_PATTERN: "a template file name such as home.html",
    UUID_PATTERN: "a UUID in lowercase, such as 1b2f8a4e-0c3d-4e5f-8a9b-0c1d2e3f4a5b",
    FREE_EXERCISE_DB_PATTERN: "a free-exercise-db id such as Face_Pull (letters, digits, _ and -)",
}
"""What a message says is expected when a value does not match a pattern."""


class Record(BaseModel):
    """Base of every record and part of a record: immutable, no unknown fields, field docstrings in the schema."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True, str_strip_whitespace=False)


Id = Annotated[StrictStr, Field(pattern=ID_PATTERN, max_length=60)]
"""A record id: a file name or a taxonomy key."""
SourceId = Annotated[StrictStr, Field(pattern=SOURCE_ID_PATTERN, max_length=60)]
"""The id of a source record, such as ekstrom-2003."""
Line = Annotated[StrictStr, Field(min_length=1, max_length=120, pattern=LINE_PATTERN)]
"""One line of text: a name, a title, a short note."""
Paragraph = Annotated[StrictStr, Field(min_length=1, max_length=600, pattern=LINE_PATTERN)]
"""A sentence or a short paragraph."""
Title = Annotated[StrictStr, Field(min_length=1, max_length=300, pattern=LINE_PATTERN)]
"""The title of a work: longer than a line, shorter than a paragraph."""
Doi = Annotated[StrictStr, Field(pattern=DOI_PATTERN, max_length=200)]
"""A Digital Object Identifier, without its https://doi.org/ prefix."""
Url = Annotated[StrictStr, Field(pattern=URL_PATTERN, max_length=500)]
"""A web address."""
TemplateName = Annotated[StrictStr, Field(pattern=TEMPLATE_PATTERN, max_length=60)]
"""A page template in overrides/, such as home.html."""
Flag = StrictBool
"""true or false, nothing else (no yes/no, no 1/0)."""
@dataclass(frozen=True)
class Bounds:
    """The numbers a field accepts: a real number (never true/false, never text, never NaN or infinity) within a range
    that makes sense for what it measures. A field's type is declared once from it (`Angle = Annotated[float,
    ANGLE.validator, ANGLE.schema]`); hand-read files call `problem` with the same bounds."""

    low: float
    """The smallest value accepted."""
    high: float
    """The largest value accepted."""
    what: str
    """What the number is, as a message says it ("a number of degrees", "a year")."""
    whole: bool = False
    """Only whole numbers."""

    @property
    def expected(self) -> str:
        """What a message says is expected."""
        return f"{self.what} from {self.low:g} to {self.high:g}"

    def problem(self, value: Any) -> str | None:
        """What is wrong with `value` as a message says it (after the field), or None when it fits."""
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (self.whole and not isinstance(value, int)):
            return f"{show(value)} is not {'a whole number' if self.whole else 'a number'}; expected {self.expected}"
        if not math.isfinite(value):
            return f"{show(value)} is not a number; expected {self.expected}"
        if not self.low <= value <= self.high:
            return f"{show(value)} is out of range; expected {self.expected}"
        return None

    @property
    def validator(self) -> BeforeValidator:
        """The check a model field runs before anything else (pydantic would read true as 1 and "6" as 6)."""

        def check(value: Any) -> Any:
            problem = self.problem(value)
            if problem is not None:
                raise PydanticCustomError("atlas_value", problem)
            return value

        return BeforeValidator(check)

    @property
    def schema(self) -> WithJsonSchema:
        """The field's JSON Schema, for editors."""
        kind = "integer" if self.whole else "number"
        description = f"{self.expected[0].upper()}{self.expected[1:]}."
        return WithJsonSchema({"type": kind, "minimum": self.low, "maximum": self.high, "description": description})


SETS = Bounds(1, 10, "a number of sets", whole=True)
Count = Annotated[int, SETS.validator, SETS.schema]
"""A number of sets."""
RAMP_UP = Bounds(1, 4, "a number of ramp-up sets", whole=True)
RampUpSets = Annotated[int, RAMP_UP.validator, RAMP_UP.schema]
"""Lighter sets before the work sets."""
POSITIONS = Bounds(2, 8, "a number of positions", whole=True)
Positions = Annotated[int, POSITIONS.validator, POSITIONS.schema]
"""The positions of a multi-position drill."""
WARM_UP = Bounds(1, 20, "a number of minutes", whole=True)
WarmUpMinutes = Annotated[int, WARM_UP.validator, WARM_UP.schema]
"""The minutes of a general warm-up."""
WEEKS = Bounds(2, 12, "a number of weeks", whole=True)
Weeks = Annotated[int, WEEKS.validator, WEEKS.schema]
"""How long a programme lasts."""
YEAR = Bounds(1800, 2100, "a year", whole=True)
Year = Annotated[int, YEAR.validator, YEAR.schema]
Uuid = Annotated[StrictStr, Field(pattern=UUID_PATTERN, max_length=36)]
"""A UUID, such as a wger exercise's."""
FreeExerciseDbId = Annotated[StrictStr, Field(pattern=FREE_EXERCISE_DB_PATTERN, max_length=120)]
"""The id of a free-exercise-db record, such as Face_Pull."""
"""A year of publication."""
ANGLE = Bounds(-360, 360, "a number of degrees")
Angle = Annotated[float, ANGLE.validator, ANGLE.schema]
"""A joint or trunk angle in degrees (each joint's human range in each view is checked after: figure_skeleton.RANGES)."""
INCLINE = Bounds(-180, 180, "a number of degrees")
Incline = Annotated[float, INCLINE.validator, INCLINE.schema]
"""A prop's incline or turn, in degrees."""
SHIFT = Bounds(-20, 20, "a number of cm")
Shift = Annotated[float, SHIFT.validator, SHIFT.schema]
"""How far a shoulder blade moves, in cm (each view's human range is checked after)."""
ACROSS = Bounds(-300, 300, "a number of cm across the picture")
Across = Annotated[float, ACROSS.validator, ACROSS.schema]
"""Where a point of a figure is, in cm left (-) or right (+) of the middle of the hips at rest."""
HEIGHT = Bounds(-50, 300, "a number of cm above the floor")
Height = Annotated[float, HEIGHT.validator, HEIGHT.schema]
"""How high a point of a figure is, in cm."""
Point = tuple[Across, Height]
"""A point of a figure, (x, y) in cm: across, and up from the floor."""
WEIGHT = Bounds(0.1, 10, "a search weight (1 for an ordinary page)")
Weight = Annotated[float, WEIGHT.validator, WEIGHT.schema]
"""How much more a page weighs in search."""

ReviewDate = Annotated[date, Field(ge=date(2020, 1, 1), le=date(2100, 12, 31))]
"""The day a person last checked a record against its sources, written 2026-12-06."""

_DURATION = re.compile(r"^([1-9][0-9]{0,3}) ?(s|min)$")
_DISTANCE = re.compile(r"^([1-9][0-9]{0,3}) ?m$")
_MINUTES = re.compile(r"^([1-9][0-9]{0,2}) min$")
_REPS = re.compile(r"^([1-9][0-9]?)(?:-([1-9][0-9]?))?$")


def _fail(value: Any, expected: str) -> PydanticCustomError:
    return PydanticCustomError("atlas_value", "{shown} is not valid; expected {expected}", {"shown": show(value), "expected": expected})


def _parser(pattern: re.Pattern[str], expected: str, most: tuple[int, str], scale: dict[str, int] | None = None) -> BeforeValidator:
    """Text such as "2 min" read as a whole number (of seconds with `scale`), at most `most` (the number, as written)."""
    def parse(value: Any) -> int:
        match = pattern.match(value) if isinstance(value, str) else None
        if match is None:
            raise _fail(value, expected)
        unit = match.group(2) if scale and match.lastindex and match.lastindex > 1 else ""
        number = int(match.group(1)) * (scale or {}).get(unit, 1)
        if number > most[0]:
            raise PydanticCustomError("atlas_value", "{shown} is out of range; expected {expected}, at most {most}",
                                      {"shown": show(value), "expected": expected, "most": most[1]})
        return number

    return BeforeValidator(parse)


Seconds = Annotated[
    int,
    _parser(_DURATION, 'a duration such as "30s" or "2 min"', (600, "10 min"), {"s": 1, "min": 60}),
    WithJsonSchema({"type": "string", "pattern": _DURATION.pattern, "description": 'A duration such as "30s" or "2 min", at most 10 min.'}),
]
"""A duration written "30s" or "2 min" (a hold or a rest: at most 10 min), held as a number of seconds."""
Metres = Annotated[
    int,
    _parser(_DISTANCE, 'a distance in metres such as "20 m"', (200, "200 m")),
    WithJsonSchema({"type": "string", "pattern": _DISTANCE.pattern, "description": 'A distance in metres such as "20 m", at most 200 m.'}),
]
"""A distance written "20 m" (a carry: at most 200 m), held as a number of metres."""
Minutes = Annotated[
    int,
    _parser(_MINUTES, 'minutes such as "10 min"', (180, "180 min")),
    WithJsonSchema({"type": "string", "pattern": _MINUTES.pattern, "description": 'Minutes such as "10 min", at most 180 min.'}),
]
"""A length of time written "10 min", held as a number of minutes."""


class Reps(BaseModel):
    """Repetitions per set: one number, or a range such as 8-12."""

    model_config = ConfigDict(frozen=True)

    low: int
    """The number, or the low end of the range."""
    high: int
    """The high end of the range (the same as low for one number)."""

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def _reps(value: Any) -> Reps:
    expected = 'a number of repetitions (1-100) or a range such as "8-12"'
    if isinstance(value, Reps):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100:
        return Reps(low=value, high=value)
    match = _REPS.match(value) if isinstance(value, str) else None
    if match is None:
        raise _fail(value, expected)
    low, high = int(match.group(1)), int(match.group(2) or match.group(1))
    if high < low:
        raise _fail(value, f"{expected}, low end first")
    return Reps(low=low, high=high)


RepCount = Annotated[
    Reps,
    BeforeValidator(_reps),
    WithJsonSchema(
        {
            "oneOf": [{"type": "integer", "minimum": 1, "maximum": 100}, {"type": "string", "pattern": _REPS.pattern}],
            "description": 'Repetitions per set: a number or a range such as "8-12".',
        }
    ),
]
"""Repetitions written 12 or "8-12"."""


def format_seconds(seconds: int) -> str:
    """A duration as people write it: "45 s", "60 s", "90 s", "2 min"."""
    return f"{seconds // 60} min" if seconds >= 120 and seconds % 60 == 0 else f"{seconds} s"


def show(value: Any) -> str:
    """A value as a message quotes it: short, on one line."""
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"  # as YAML writes them
    text = repr(value) if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(value: Any) -> str:
    """What kind of value this is, in plain words."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"
