"""Check a parsed record by the kind of file it is: the record models, looked up by kind (see record_check)."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel

from atlas.records.model import ArticleRecord, EvidenceRecord, ExerciseRecord, ProgrammeRecord, RoutineRecord, SourceRecord, TaxonomyRecord
from atlas.problems import Problem
from atlas.records.draft_model import DraftRecord
from atlas.records.ladder_model import LadderRecord
from atlas.records.record_check import check_record
from atlas.records.sourced_yaml import SourcedYaml


class RecordKind(Enum):
    """The kinds of source file that have a record model (and a schema file written from it)."""

    EXERCISE = "exercise"
    ROUTINE = "routine"
    TAXONOMY = "taxonomy"
    ARTICLE = "article"
    SOURCE = "source"
    PROGRAMME = "programme"
    EVIDENCE = "evidence"
    LADDER = "ladder"
    DRAFT = "draft"

    @property
    def model(self) -> type[BaseModel]:
        """The model that says what a file of this kind may hold."""
        return _MODELS[self]


_MODELS: dict[RecordKind, type[BaseModel]] = {
    RecordKind.EXERCISE: ExerciseRecord,
    RecordKind.ROUTINE: RoutineRecord,
    RecordKind.TAXONOMY: TaxonomyRecord,
    RecordKind.ARTICLE: ArticleRecord,
    RecordKind.SOURCE: SourceRecord,
    RecordKind.PROGRAMME: ProgrammeRecord,
    RecordKind.EVIDENCE: EvidenceRecord,
    RecordKind.LADDER: LadderRecord,
    RecordKind.DRAFT: DraftRecord,
}


def check_against_schema(document: SourcedYaml, kind: RecordKind) -> list[Problem]:
    """Every way `document` breaks the model of its kind, each with its line and field."""
    return check_record(document, kind.model)[1]
