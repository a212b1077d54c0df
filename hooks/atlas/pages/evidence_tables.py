"""The evidence tables of a muscle page: what each study measured, one table per study, never ranked across studies."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.pages.page_kinds import page_uri
from atlas.pages.rendering import Link
from atlas.records.evidence_model import EvidenceRow
from atlas.records.graph import Atlas, StudyResults
from atlas.records.model import Source, TargetKind

READING_THE_EVIDENCE = "about.md#how-to-read-the-evidence"
"""The note on what EMG can and cannot show, which every evidence table links to."""


@dataclass(frozen=True)
class EvidenceLine:
    """One row as the table shows it."""

    exercise: Link
    """The exercise page."""
    muscle: str
    """The muscle or part measured."""
    measure: str
    """What the result is."""
    result: str
    """The number (with its standard deviation) or the finding in words."""
    note: str
    """How the study's exercise differed, and where in the paper the result stands."""


@dataclass(frozen=True)
class StudyTable:
    """One study's rows for a muscle, with who was measured and how."""

    source_id: str
    """The study's id (its anchor in the bibliography)."""
    title: str
    """Short name: first author and year ("Ekstrom and colleagues, 2003")."""
    number: int
    """Its number in the page's list of sources."""
    participants: str
    """Who was measured ("30 healthy adults")."""
    method: str
    """How, in a sentence."""
    reviewed: str
    """When a person last checked the rows against the paper (ISO date)."""
    lines: tuple[EvidenceLine, ...]
    """Its rows, in the record's order."""


def evidence_source_ids(atlas: Atlas, muscle_id: str) -> tuple[str, ...]:
    """The studies with measurements of a muscle, in the order the page shows them."""
    return tuple(results.study.id for results in atlas.evidence_for(muscle_id))


def study_tables(atlas: Atlas, muscle_id: str, cited: tuple[str, ...]) -> list[StudyTable]:
    """The tables of a muscle page; `cited` is the page's list of sources, which gives each study its number."""
    return [_table(atlas, results, cited.index(results.study.id) + 1) for results in atlas.evidence_for(muscle_id)]


def _table(atlas: Atlas, results: StudyResults, number: int) -> StudyTable:
    study = results.study
    return StudyTable(
        source_id=study.id,
        title=short_name(results.source),
        number=number,
        participants=f"{study.participants.n} {study.participants.who}",
        method=study.method,
        reviewed=study.reviewed.isoformat(),
        lines=tuple(_line(atlas, row) for row in results.rows),
    )


def _line(atlas: Atlas, row: EvidenceRow) -> EvidenceLine:
    exercise = atlas.exercises[row.exercise]
    if row.value is None:
        result = row.finding or ""
    else:
        result = f"{row.value:g}" + (f" ± {row.sd:g}" if row.sd is not None else "")
    note = f"{row.note.rstrip('.')}. {row.where}" if row.note else row.where
    return EvidenceLine(
        exercise=Link(exercise.name, page_uri(TargetKind.EXERCISE, exercise.id)),
        muscle=atlas.muscle_name(row.muscle),
        measure=row.measure.label,
        result=result,
        note=note,
    )


def short_name(source: Source) -> str:
    """A study as a sentence names it: "Ekstrom and colleagues, 2003" (the first author's surname and the year)."""
    names = source.authors or source.editors
    first = names[0].rsplit(" ", 1)[0] if names else source.title
    if len(names) == 2:
        return f"{first} and {names[1].rsplit(' ', 1)[0]}, {source.year}"
    return f"{first} and colleagues, {source.year}" if len(names) > 2 else f"{first}, {source.year}"
