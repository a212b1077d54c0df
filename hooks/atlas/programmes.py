"""Programme records (exercises/programmes/<id>.yml): plans over several weeks made of routines, loaded and checked."""

from __future__ import annotations

from .graph import Atlas
from .layout import ProjectLayout
from .model import Programme, ProgrammeSession
from .problems import AtlasProblems, Problem
from .routine_pages import SHEET_SESSIONS, SHEET_SESSIONS_PER_SIDE
from .schema_check import RecordKind, check_against_schema
from .sourced_yaml import SourcedYaml, read_yaml


def load_programmes(layout: ProjectLayout, atlas: Atlas) -> dict[str, Programme]:
    """Every programme, checked against the routines; raises AtlasProblems listing everything wrong."""
    problems: list[Problem] = []
    programmes = {}
    for file in layout.record_files(layout.programmes_dir):
        label = layout.label(file)
        document, found = read_yaml(file, label)
        if document is not None:
            found = check_against_schema(document, RecordKind.PROGRAMME)
        problems += found
        if document is None or found:
            continue
        problems += _check(document, file.stem, atlas)
        programmes[file.stem] = _programme(file.stem, document)
    if problems:
        raise AtlasProblems(problems)
    return programmes


def _check(doc: SourcedYaml, stem: str, atlas: Atlas) -> list[Problem]:
    record = doc.value
    problems = []
    if stem in atlas.routines:
        problems.append(Problem(doc.path, 1, "id", f"{stem!r} is already a routine; expected a name of its own (both live under /routines/)"))
    labels = [session["label"] for session in record["sessions"]]
    for index, session in enumerate(record["sessions"]):
        where = ("sessions", index, "routine")
        if session["routine"] not in atlas.routines:
            problems.append(Problem(doc.path, doc.line_of(where), f"sessions[{index}].routine", f"unknown routine id {session['routine']!r}; expected an id from exercises/routines/ or a focus-<muscle> session"))
        elif labels.count(session["label"]) > 1:
            problems.append(Problem(doc.path, doc.line_of(("sessions", index, "label")), f"sessions[{index}].label", f"{session['label']!r} is used twice; expected each label once"))
        else:
            routine = atlas.routines[session["routine"]]
            per_side = any(item.dose.per_side for block in routine.blocks for item in block.items)
            room = SHEET_SESSIONS_PER_SIDE if per_side else SHEET_SESSIONS
            times = record["weeks"] * record["week"].count(session["label"])
            if times > room:
                problems.append(Problem(doc.path, doc.line_of(("weeks",)), "weeks", f"session {session['label']} comes {times} times but its log sheet has room for {room}; expected at most {room}"))
    for index, label in enumerate(record["week"]):
        if label not in labels:
            problems.append(Problem(doc.path, doc.line_of(("week", index)), f"week[{index}]", f"{label!r} is not a session label; expected one of {', '.join(labels)}"))
    return problems


def _programme(stem: str, doc: SourcedYaml) -> Programme:
    record = doc.value
    sessions = tuple(ProgrammeSession(session["label"], session["routine"]) for session in record["sessions"])
    return Programme(stem, doc.path, record["name"].strip(), record["goal"], record["weeks"], sessions, tuple(record["week"]),
                     tuple(record["progression"]), tuple(record.get("notes", ())))
