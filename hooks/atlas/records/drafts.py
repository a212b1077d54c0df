"""Draft records (exercises/drafts/<id>.yml), loaded and checked: their ids, equipment and muscles must still be ours."""

from __future__ import annotations

from atlas.layout import ProjectLayout
from atlas.problems import Problem
from atlas.records.draft_model import Draft, DraftRecord
from atlas.records.graph import Atlas
from atlas.records.catalog import read_folder
from atlas.records.sourced_yaml import SourcedYaml


def load_drafts(layout: ProjectLayout, atlas: Atlas) -> tuple[dict[str, Draft], list[Problem]]:
    """Every draft that checks, and every problem found in them."""
    problems: list[Problem] = []
    drafts = {}
    for stem, (document, record) in read_folder(layout, layout.drafts_dir, DraftRecord, problems).items():
        found = _check(document, record, stem, atlas)
        problems += found
        if not found:
            drafts[stem] = Draft.model_construct(**dict(record), id=stem, source=document.path)
    return drafts, problems


def draft_notices(drafts: dict[str, Draft]) -> list[Problem]:
    """One warning per draft: a strict build counts them and refuses to publish."""
    return [Problem(draft.source, 1, "draft", f"not published: finish {', '.join(draft.missing) or 'it'}, remove `draft: true` and "
                    "move it to exercises/") for draft in drafts.values()]


def _check(doc: SourcedYaml, record: DraftRecord, stem: str, atlas: Atlas) -> list[Problem]:
    problems = []
    if stem in atlas.exercises:
        problems.append(Problem(doc.path, 1, "id", f"{stem!r} is already an exercise; expected the draft of a new one"))
    for index, item in enumerate(record.equipment):
        if item not in atlas.equipment:
            problems.append(Problem(doc.path, doc.line_of(("equipment", index)), f"equipment[{index}]",
                                    f"unknown equipment {item!r}; expected an id from the taxonomy"))
    for role in ("primary", "secondary"):
        for index, muscle in enumerate(getattr(record.muscles, role)):
            if muscle not in atlas.groups and muscle not in atlas.parts:
                problems.append(Problem(doc.path, doc.line_of(("muscles", role, index)), f"muscles.{role}[{index}]",
                                        f"unknown muscle {muscle!r}; expected a group or part id from the taxonomy"))
    return problems
