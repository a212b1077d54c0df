"""Evidence records: what one study measured, one exercises/evidence/<source-id>.yml per study, never prose."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from atlas.records.values import Bounds, Id, Line, Paragraph, Record, ReviewDate


class Measure(StrEnum):
    """What a row's result is: a number on the study's own scale, or the study's own comparison in words."""

    MEAN_MVIC = "mean-mvic"
    PEAK_MVIC = "peak-mvic"
    MEAN_MAX_EMG = "mean-max-emg"
    FINDING = "finding"

    @property
    def label(self) -> str:
        """How a table heads it."""
        return _MEASURE_LABELS[self]

    @property
    def numeric(self) -> bool:
        """Whether a row of this measure carries a number (value) rather than a finding in words."""
        return self is not Measure.FINDING


_MEASURE_LABELS = {
    Measure.MEAN_MVIC: "Mean %MVIC",
    Measure.PEAK_MVIC: "Peak %MVIC",
    Measure.MEAN_MAX_EMG: "Mean % of maximal EMG",
    Measure.FINDING: "Finding, in words",
}

PARTICIPANTS = Bounds(1, 100_000, "a number of participants", whole=True)
PERCENT = Bounds(0, 300, "a share of a maximal contraction in per cent")
Percent = Annotated[float, PERCENT.validator, PERCENT.schema]
"""A share of a maximal contraction in per cent: finite, 0 to 300 (an exercise can exceed the reference contraction)."""


class Participants(Record):
    """Who a study measured."""

    n: Annotated[int, PARTICIPANTS.validator, PARTICIPANTS.schema]
    """How many people."""
    who: Line
    """Who they were, as the paper says it ("healthy adults without shoulder pain")."""


class EvidenceRow(Record):
    """One measurement: how hard one exercise worked one muscle in this study."""

    exercise: Id
    """The exercise id (exercises/<id>.yml) closest to what the study tested; say in `note` how it differed."""
    muscle: Id
    """The muscle group or part id from exercises/_taxonomy.yml."""
    measure: Measure
    """What the result is: mean-mvic, peak-mvic or mean-max-emg with a value, or finding with the finding in words."""
    value: Percent | None = None
    """The number the paper reports (for the numeric measures only)."""
    sd: Percent | None = None
    """Its standard deviation, when the paper gives it."""
    finding: Line | None = None
    """For measure finding: what the paper says of this exercise and muscle, in plain words."""
    note: Line | None = None
    """How the study's exercise or condition differed from the atlas's exercise (load, position)."""
    where: Line
    """Where in the paper the result stands: the table, or the sentence of the abstract ("Abstract, Results")."""


class EvidenceRecord(Record):
    """The measurements of one study: exercises/evidence/<source-id>.yml, named by the source it comes from."""

    participants: Participants
    """Who was measured."""
    method: Paragraph
    """How, in a sentence: electrodes, what the values are normalised to, how many exercises."""
    reviewed: ReviewDate
    """The day a person last checked every row against the paper (2026-12-06)."""
    rows: tuple[EvidenceRow, ...] = Field(min_length=1, max_length=200)
    """The measurements, each naming where in the paper it stands."""


class Evidence(EvidenceRecord):
    """An evidence record, checked; its rows appear on the muscle pages, grouped by study."""

    id: str
    """The source id (the file name without .yml)."""
    source: str
    """Record file, relative to the project root."""
