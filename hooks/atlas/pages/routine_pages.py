"""The page of each routine, its printed sheet (a light page of its own, which the routine's page links), and the
routine index."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from functools import partial

from markupsafe import Markup

from atlas.figures.figure_render import exercise_thumbnail, exercise_thumbnail_defined, exercise_thumbnail_reference
from atlas.records.graph import Atlas
from atlas.pages.exercise_pages import pain_rule
from atlas.pages.links import exercise_link
from atlas.records.model import BODYWEIGHT, Exercise, ExerciseLink, Role, Routine, RoutineItem, TargetKind
from atlas.pages.muscle_map import highlight
from atlas.pages.page_kinds import INDEX_URIS, page_uri, page_url, sheet_uri, sheet_url
from atlas.pages.qr_codes import page_address, qr_code
from atlas.pages.exercise_pages import load_choice_link
from atlas.pages.session_plans import session_plan
from atlas.pages.generated import PageToRender
from atlas.pages.rendering import Link, render_markdown
from atlas.routines.load_steps import load_step
from atlas.site.search_terms import routine_terms

BUILDER_ID = "builder"
"""The routine builder's place among the routines: /routines/builder/ (routine_checks reserves it)."""
SHEET_SESSIONS = 6
"""Sessions the printed log has room for when no set is per side (each set one box)."""
SHEET_SESSIONS_PER_SIDE = 4
"""Sessions the printed log has room for when a set is per side (two boxes, left and right)."""
SHEET_LOG_HEIGHT_MM = 185
"""Height the log grids may fill on US Letter (the shorter page) when the routine has no notes: the page less its
margins, the heading with the QR code and the safety lines, measured in Chromium's print layout: at 193 mm the
lower-traps session's two grids spilled onto a second page, so the estimate (a sum of row heights) keeps a margin for
its error; tests/test_print.py prints every routine on A4 and Letter and fails on a second page."""
SHEET_NOTE_LINE_MM = 1.5
"""Height each line of notes takes from the log (two columns of about 80 characters: half a 2.9 mm line each)."""
SHEET_ROW_MM = 6.3
"""Height of one set's row in the printed log; an exercise takes at least two rows (its name, cue and alternative)."""
SHEET_HEAD_MM = 9
"""Height of a log grid's heading row."""
SHEET_GRID_GAP_MM = 2.5
"""Space between two log grids."""
SHEET_TEXT_LINE_MM = 3.1
"""Height of one line of an exercise's text in the printed log (its name and dose, cue, alternative)."""
SHEET_LINE_CHARS = 44
"""Characters that fit on one line of the log's exercise column, about."""
SHEET_MAX_GRIDS = 3
"""At most this many log grids on one sheet, one below the other, for more sessions when the routine is short."""


@dataclass(frozen=True)
class SheetRow:
    """One exercise of a routine, as its page and its printed sheet show it."""

    link: Link
    """The exercise."""
    work: str
    """Sets × reps, hold or distance, with ramp-up sets first."""
    rest: str
    """Rest between sets, or "" when none is prescribed."""
    cue: str
    """The key cue: the item's note, else the exercise's first cue."""
    alternative: str
    """One way to do it when the equipment is taken: other equipment, else the easier option."""
    why: str
    """Why a generated routine chose it ("" for authored routines)."""
    sets: int
    """Sets to log (ramp-up sets are not logged)."""
    per_side: bool
    """Whether each set is logged for the left and the right side."""
    thumbnail: Markup = Markup("")
    """A small still of the exercise's end position (inline SVG), beside its name on the page and the sheet."""
    step: str = ""
    """The load step to add when the top of the range is reached (load_steps.py), or "" for bodyweight work."""


@dataclass(frozen=True)
class MuscleCoverage:
    """How a routine works one muscle group."""

    link: Link
    """The group."""
    primary: int
    """Exercises working it as a primary muscle."""
    secondary: int
    """Exercises where it helps."""


def routine_page(atlas: Atlas, routine: Routine) -> PageToRender:
    """The page at /routines/<id>/, rendered when it is read: the plan, which prints as it is; its print button opens
    the sheet's page."""
    uri = page_uri(TargetKind.ROUTINE, routine.id)
    return PageToRender(uri, routine.source, partial(_routine_markdown, atlas, routine, uri))


def _routine_markdown(atlas: Atlas, routine: Routine, uri: str) -> str:
    exercises = [atlas.exercises[exercise_id] for exercise_id in routine.exercise_ids]
    blocks = sheet_rows(atlas, routine)
    equipment = atlas.equipment_text(routine.equipment_ids)
    primary = tuple(muscle for exercise in exercises for muscle in exercise.primary)
    secondary = tuple(muscle for exercise in exercises for muscle in exercise.secondary)
    return render_markdown(
        "routine.md.j2",
        uri,
        routine=routine,
        equipment=equipment,
        blocks=blocks,
        coverage=coverage(atlas, exercises),
        safety=[(exercise_link(atlas, exercise), exercise.safety) for exercise in exercises if exercise.safety],
        pain_rule=pain_rule(atlas),
        neck=any(exercise.neck for exercise in exercises),
        load_choice=load_choice_link(atlas),
        search_terms=routine_terms(atlas, routine),
        page_data={"kind": "routine", "id": routine.id, "generated": routine.generated,
                   "map": highlight(atlas, primary, secondary), "sheet": sheet_url(routine.id)},
        session_plans=[session_plan(atlas, routine)],
    )


def routine_sheet_page(atlas: Atlas, routine: Routine, site_url: str = "") -> PageToRender:
    """The page at /routines/<id>/sheet/, rendered when it is read: the routine's printed sheet alone, its QR code
    opening the routine's page."""
    uri = sheet_uri(routine.id)
    return PageToRender(uri, routine.source, partial(_routine_sheet_markdown, atlas, routine, uri, site_url))


def _routine_sheet_markdown(atlas: Atlas, routine: Routine, uri: str, site_url: str) -> str:
    address = page_address(site_url, page_url(TargetKind.ROUTINE, routine.id))
    return sheet_markdown(Link(routine.name, page_uri(TargetKind.ROUTINE, routine.id)), uri,
                          sheet_data(routine, sheet_rows(atlas, routine), atlas.equipment_text(routine.equipment_ids), address))


def sheet_markdown(of: Link, uri: str, sheet: dict[str, object]) -> str:
    """A printed sheet's page, light (no plan, no session data), linking back to the page it belongs to (`of`: the
    routine's, or a programme's); overrides/routine-sheet.html prints it when asked."""
    title = f"Printable sheet: {sheet['title']}"
    description = f"The log sheet of {sheet['title']} on one printed page, a box for each set."
    return render_markdown("routine_sheet.md.j2", uri, page_title=title, description=description, of=of,
                           page_data={"kind": "routine-sheet", "sheet": sheet})


def sheet_rows(atlas: Atlas, routine: Routine) -> list[tuple[str, list[SheetRow]]]:
    """The routine's blocks and rows as its sheet's own page shows them, each still drawn once on that page."""
    return drawn_once(atlas, routine, sheet_blocks(atlas, routine), set())


def drawn_once(atlas: Atlas, routine: Routine, blocks: list[tuple[str, list[SheetRow]]],
               drawn: set[str]) -> list[tuple[str, list[SheetRow]]]:
    """The rows with each exercise's small still drawn the first time a page shows it and shown again with <use> after
    that (an exercise twice in one plan): `drawn` holds the exercises the page has drawn."""
    result = []
    for block, (name, rows) in zip(routine.blocks, blocks, strict=True):
        again = []
        for item, row in zip(block.items, rows, strict=True):
            exercise = atlas.exercises[item.exercise_id]
            thumbnail = exercise_thumbnail_reference(exercise) if exercise.id in drawn else exercise_thumbnail_defined(exercise)
            drawn.add(exercise.id)
            again.append(replace(row, thumbnail=thumbnail))
        result.append((name, again))
    return result


def sheet_data(routine: Routine, blocks: list[tuple[str, list[SheetRow]]], equipment: str, address: str,
               sessions: list[str] | None = None, title: str | None = None) -> dict[str, object]:
    """What the printed sheet shows, ready for overrides/partials/routine-sheet.html: by default as many numbered
    sessions as fit (a short routine gets a second or third grid below the first); a programme names its own
    ("Week 1") and titles the sheet."""
    per_side = any(row.per_side for _, rows in blocks for row in rows)
    room = SHEET_SESSIONS_PER_SIDE if per_side else SHEET_SESSIONS
    grids = 1 if sessions else _grids_that_fit(routine, blocks)
    labels = [sessions] if sessions else [[f"Session {number}" for number in range(grid * room + 1, (grid + 1) * room + 1)]
                                          for grid in range(grids)]
    qr = qr_code(address) if address else None
    facts = [routine.level.value.capitalize(), f"about {routine.minutes} min", equipment]
    return {
        "title": title or routine.name,
        "facts": " · ".join(facts),
        "warm_up": f"{routine.warm_up.minutes} min: {routine.warm_up.text}" if routine.warm_up else "",
        "notes": list(routine.notes),
        "grids": labels,
        "address": address,
        "qr": {"size": qr.size, "path": qr.path} if qr else None,
        "blocks": [{"name": name, "rows": [_row_data(row) for row in rows]} for name, rows in blocks],
    }


def sheet_blocks(atlas: Atlas, routine: Routine) -> list[tuple[str, list[SheetRow]]]:
    """The routine's blocks with their rows, in order."""
    return [(block.name, [sheet_row(atlas, item, routine.reasons.get(item.exercise_id, "")) for item in block.items])
            for block in routine.blocks]


def _grids_that_fit(routine: Routine, blocks: list[tuple[str, list[SheetRow]]]) -> int:
    """How many log grids fit on one page below each other (at least one, at most SHEET_MAX_GRIDS)."""
    grid_mm = SHEET_HEAD_MM + sum(_item_mm(row) for _, rows in blocks for row in rows)
    room_mm = SHEET_LOG_HEIGHT_MM - SHEET_NOTE_LINE_MM * sum(math.ceil(len(note) / 80) for note in routine.notes)
    fit = [count for count in range(1, SHEET_MAX_GRIDS + 1) if count * grid_mm + (count - 1) * SHEET_GRID_GAP_MM <= room_mm]
    return max(fit, default=1)


def _item_mm(row: SheetRow) -> float:
    """Height of one exercise in the printed log: its set rows, or its text when that is taller."""
    dose = f"{row.link.text}  {row.work} · rest {row.rest} · {row.step}"
    lines = sum(math.ceil(len(text) / SHEET_LINE_CHARS) for text in (dose, row.cue, row.alternative))
    return max(max(row.sets, 2) * SHEET_ROW_MM, lines * SHEET_TEXT_LINE_MM)


def _row_data(row: SheetRow) -> dict[str, object]:
    data = asdict(row)
    data["link"] = row.link.text
    return data


def item_work(item: RoutineItem, exercise: Exercise) -> str:
    """The prescription as one phrase, ramp-up sets first: "2 ramp-up sets, then 4 × 6-10"."""
    work = item.dose.work or exercise.dose.work
    if item.ramp_up:
        plural = "set" if item.ramp_up == 1 else "sets"
        return f"{item.ramp_up} ramp-up {plural}, then {work}"
    return work


def alternative(atlas: Atlas, exercise: Exercise) -> str:
    """One way round a busy gym: the first other equipment that works, else the first easier option."""
    if exercise.equipment_alternatives:
        names = [atlas.equipment[item].name.lower() for item in exercise.equipment_alternatives[0] if item != BODYWEIGHT]
        return "Also works with: " + (", ".join(names) if names else "no equipment") + "."
    if not exercise.easier:
        return ""
    easier = exercise.easier[0]
    if isinstance(easier, ExerciseLink):
        return f"Easier: {atlas.exercises[easier.exercise].name}" + (f". {easier.note}" if easier.note else ".")
    return f"Easier: {easier}"


def sheet_row(atlas: Atlas, item: RoutineItem, why: str = "") -> SheetRow:
    """One routine item, ready for the page and the sheet."""
    exercise = atlas.exercises[item.exercise_id]
    return SheetRow(exercise_link(atlas, exercise), item_work(item, exercise), item.dose.rest_text, item.key_cue(exercise),
                    alternative(atlas, exercise), why, item.work_sets(exercise), item.on_each_side(exercise),
                    exercise_thumbnail(exercise), load_step(atlas, exercise).short)


def coverage(atlas: Atlas, exercises: list[Exercise]) -> list[MuscleCoverage]:
    """Muscle groups the exercises work, in taxonomy order, with primary and secondary counts."""
    counts: dict[str, dict[Role, int]] = {}
    for exercise in exercises:
        primary = {atlas.group_id_of(muscle) for muscle in exercise.primary}
        secondary = {atlas.group_id_of(muscle) for muscle in exercise.secondary} - primary
        for role, groups in ((Role.PRIMARY, primary), (Role.SECONDARY, secondary)):
            for group_id in groups:
                counts.setdefault(group_id, {Role.PRIMARY: 0, Role.SECONDARY: 0})[role] += 1
    return [
        MuscleCoverage(Link(group.name, page_uri(TargetKind.MUSCLE, group.id)),
                       counts[group.id][Role.PRIMARY], counts[group.id][Role.SECONDARY])
        for group in atlas.groups.values() if group.id in counts
    ]


def routine_index_page(atlas: Atlas) -> PageToRender:
    """The page at /routines/: every routine with level, duration and equipment, authored first."""
    return PageToRender(INDEX_URIS[TargetKind.ROUTINE], None, partial(_routine_index_markdown, atlas))


def _routine_index_markdown(atlas: Atlas) -> str:
    uri = INDEX_URIS[TargetKind.ROUTINE]
    groups = [
        ("Written by hand", [r for r in atlas.routines.values() if not r.generated]),
        ("Generated from the atlas", [r for r in atlas.routines.values() if r.generated]),
    ]
    rows = [
        (title, [(Link(r.name, page_uri(TargetKind.ROUTINE, r.id)), r, atlas.equipment_text(r.equipment_ids)) for r in routines])
        for title, routines in groups if routines
    ]
    programmes = [(Link(p.name, page_uri(TargetKind.ROUTINE, p.id)), p) for p in atlas.programmes.values()]
    markdown = render_markdown("routines_index.md.j2", uri, groups=rows, programmes=programmes,
                               builder_uri=page_uri(TargetKind.ROUTINE, BUILDER_ID), page_data={"kind": "routine-index"})
    return markdown
