"""Precautions as rules: an exercise that matches a precaution's rule in the taxonomy (`needed_when`) must list it,
so the same risk gets the same advice on every exercise, not only on the ones someone remembered."""

from __future__ import annotations

from collections.abc import Mapping

from atlas.problems import Problem
from atlas.records.model import ExerciseRecord, PrecautionRecord
from atlas.records.taxonomy_model import PrecautionRule
from atlas.records.sourced_yaml import SourcedYaml


def needed_precautions(record: ExerciseRecord, precautions: Mapping[str, PrecautionRecord]) -> dict[str, PrecautionRule]:
    """The precautions the exercise must list, each with the first rule that asks for it, in taxonomy order."""
    needed = {}
    for precaution_id, precaution in precautions.items():
        for rule in precaution.needed_when:
            if rule.matches(record.actions, record.loads, record.category, record.force, record.equipment):
                needed[precaution_id] = rule
                break
    return needed


def check_precautions(doc: SourcedYaml, record: ExerciseRecord, precautions: Mapping[str, PrecautionRecord],
                      taxonomy_file: str) -> list[Problem]:
    """One problem for each precaution the exercise needs by a rule and does not list: on the precautions line, or
    (with none listed) on the line of what the rule matched."""
    return [
        Problem(doc.path, _line(doc, rule), "precautions",
                f"{rule.because}, which needs {precaution_id!r} by its rule in {taxonomy_file}; expected {precaution_id!r} listed")
        for precaution_id, rule in needed_precautions(record, precautions).items() if precaution_id not in record.precautions
    ]


def _line(doc: SourcedYaml, rule: PrecautionRule) -> int:
    fields = ["precautions"] + [name for name in ("loads", "actions", "force", "category", "equipment") if getattr(rule, name)]
    return next((doc.line_of((name,)) for name in fields if (name,) in doc.lines), doc.line_of(()))
