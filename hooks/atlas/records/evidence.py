"""Evidence records (exercises/evidence/<source-id>.yml): loaded, checked against the atlas, and joined to it."""

from __future__ import annotations

import re

from atlas.layout import ProjectLayout
from atlas.problems import Problem, field_label
from atlas.records.evidence_model import Evidence, EvidenceRecord, EvidenceRow
from atlas.records.graph import Atlas
from atlas.records.kinds import SourceKind
from atlas.records.record_check import check_record
from atlas.records.sourced_yaml import Key, SourcedYaml, read_yaml
from atlas.records.values import SOURCE_ID_PATTERN


def load_evidence(
    layout: ProjectLayout, atlas: Atlas, left_out: frozenset[str] = frozenset()
) -> tuple[dict[str, Evidence], list[Problem]]:
    """Every evidence record that checks against the atlas, by source id, and every problem found; a row naming an
    exercise in `left_out` (left out for problems of its own, already reported) is not reported again."""
    problems: list[Problem] = []
    found_evidence: dict[str, Evidence] = {}
    for file in layout.record_files(layout.evidence_dir):
        label, stem = layout.label(file), file.stem
        if not re.match(SOURCE_ID_PATTERN, stem):
            expected = "the id of the source it comes from, such as ekstrom-2003.yml"
            problems.append(Problem(label, 0, "id", f"file name {stem!r} is not a valid source id; expected {expected}"))
            continue
        document, found = read_yaml(file, label)
        record = None
        if document is not None:
            record, found = check_record(document, EvidenceRecord)
        problems += found
        if document is None or record is None:
            continue
        found = check_evidence(document, record, stem, atlas, left_out)
        problems += found
        if not found and all(row.exercise in atlas.exercises for row in record.rows):
            found_evidence[stem] = Evidence.model_construct(**dict(record), id=stem, source=document.path)
    return dict(sorted(found_evidence.items())), problems


def check_evidence(doc: SourcedYaml, record: EvidenceRecord, stem: str, atlas: Atlas, left_out: frozenset[str]) -> list[Problem]:
    """The study is a cited article, every row names a known exercise and muscle, and each result is of its measure."""
    problems = []
    source = atlas.sources.get(stem)
    if source is None:
        expected = f"expected exercises/sources/{stem}.yml for the study these rows come from"
        problems.append(Problem(doc.path, 1, "id", f"no source record {stem!r}; {expected}"))
    elif source.kind is not SourceKind.ARTICLE:
        problems.append(
            Problem(doc.path, 1, "id", f"source {stem!r} is a {source.kind.value}; expected a journal article (a study that measured)")
        )
    seen: dict[tuple[str, ...], int] = {}
    for index, row in enumerate(record.rows):
        key: Key = ("rows", index)
        problems += _row_problems(doc, key, row, atlas, left_out)
        identity = (row.exercise, row.muscle, row.measure.value, row.note or "")
        if identity in seen:
            problems.append(
                _problem(doc, key, f"repeats rows[{seen[identity]}] (same exercise, muscle, measure and note); expected each result once")
            )
        seen.setdefault(identity, index)
    return problems


def _row_problems(doc: SourcedYaml, key: Key, row: EvidenceRow, atlas: Atlas, left_out: frozenset[str]) -> list[Problem]:
    problems = []
    if row.exercise not in atlas.exercises and row.exercise not in left_out:
        problems.append(_problem(doc, key + ("exercise",), f"unknown exercise id {row.exercise!r}; expected an id of exercises/<id>.yml"))
    if row.muscle not in atlas.groups and row.muscle not in atlas.parts:
        problems.append(
            _problem(doc, key + ("muscle",), f"unknown muscle id {row.muscle!r}; expected a group or part id from exercises/_taxonomy.yml")
        )
    if row.measure.numeric:
        if row.value is None:
            problems.append(_problem(doc, key + ("value",), f"is missing; measure {row.measure.value} needs the number the paper reports"))
        if row.finding is not None:
            problems.append(_problem(doc, key + ("finding",), f"is only for measure finding; expected value: for {row.measure.value}"))
    else:
        if row.finding is None:
            problems.append(_problem(doc, key + ("finding",), "is missing; measure finding needs what the paper says, in words"))
        for name in ("value", "sd"):
            if getattr(row, name) is not None:
                problems.append(_problem(doc, key + (name,), "is only for a numeric measure; expected finding: for measure finding"))
    if row.sd is not None and row.value is None and row.measure.numeric:
        problems.append(_problem(doc, key + ("sd",), "has no value beside it; expected value: with sd:"))
    return problems


def _problem(doc: SourcedYaml, key: Key, message: str) -> Problem:
    return Problem(doc.path, doc.line_of(key), field_label(key), message)
