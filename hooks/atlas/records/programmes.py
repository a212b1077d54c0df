"""Programme records (exercises/programmes/<id>.yml): plans over several weeks made of routines, loaded and checked."""

from __future__ import annotations

from atlas.records.graph import Atlas
from atlas.layout import ProjectLayout
from atlas.records.model import Programme, ProgrammeRecord
from atlas.problems import Problem
from atlas.records.record_check import check_record
from atlas.routines.routine_checks import RESERVED_ROUTINE_IDS
from atlas.pages.routine_pages import SHEET_SESSIONS, SHEET_SESSIONS_PER_SIDE
from atlas.records.sourced_yaml import SourcedYaml, read_yaml


def load_programmes(
    layout: ProjectLayout, atlas: Atlas, left_out: frozenset[str] = frozenset()
) -> tuple[dict[str, Programme], list[Problem]]:
    """Every programme that checks against the routines, and every problem found; a session naming a routine in
    `left_out` (left out for problems of its own, already reported) is not reported again."""
    problems: list[Problem] = []
    programmes = {}
    for file in layout.record_files(layout.programmes_dir):
        document, found = read_yaml(file, layout.label(file))
        record = None
        if document is not None:
            record, found = check_record(document, ProgrammeRecord)
        problems += found
        if document is None or record is None:
            continue
        found = _check(document, record, file.stem, atlas, left_out)
        problems += found
        if not found and all(session.routine in atlas.routines for session in record.sessions):
            programmes[file.stem] = Programme.model_construct(**dict(record), id=file.stem, source=document.path)
    return programmes, problems


def _check(doc: SourcedYaml, record: ProgrammeRecord, stem: str, atlas: Atlas, left_out: frozenset[str]) -> list[Problem]:
    problems = []
    if stem in atlas.routines or stem in RESERVED_ROUTINE_IDS:
        problems.append(Problem(doc.path, 1, "id", f"{stem!r} is already a routine; expected a name of its own (both live in /routines/)"))
    labels = [session.label for session in record.sessions]
    for index, session in enumerate(record.sessions):
        routine = atlas.routines.get(session.routine)
        if routine is None and session.routine in left_out:
            continue  # its routine's own problems are reported; the programme is left out with it
        if routine is None:
            expected = "expected an id from exercises/routines/ or a focus-<muscle> session"
            problems.append(Problem(doc.path, doc.line_of(("sessions", index, "routine")), f"sessions[{index}].routine",
                                    f"unknown routine id {session.routine!r}; {expected}"))
        elif labels.count(session.label) > 1:
            problems.append(Problem(doc.path, doc.line_of(("sessions", index, "label")), f"sessions[{index}].label",
                                    f"{session.label!r} is used twice; expected each label once"))
        else:
            per_side = any(item.per_side for block in routine.blocks for item in block.items)
            room = SHEET_SESSIONS_PER_SIDE if per_side else SHEET_SESSIONS
            times = record.times(session.label)
            if times > room:
                message = f"session {session.label} comes {times} times but its log sheet has room for {room}; expected at most {room}"
                problems.append(Problem(doc.path, doc.line_of(("weeks",)), "weeks", message))
    for index, label in enumerate(record.week):
        if label not in labels:
            problems.append(Problem(doc.path, doc.line_of(("week", index)), f"week[{index}]",
                                    f"{label!r} is not a session label; expected one of {', '.join(labels)}"))
    return problems
