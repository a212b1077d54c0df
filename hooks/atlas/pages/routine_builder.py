"""The routine builder's page (/routines/builder/) and the facts about each exercise it reads from the finder's index
(finder_index.py), which the JSON export gives too.

The builder itself runs in the browser (overrides/assets/routine-builder.js); the routine lives in its URL.
"""

from __future__ import annotations

from functools import partial

from atlas.records.graph import Atlas
from atlas.records.model import Exercise, TargetKind
from atlas.pages.page_kinds import INDEX_URIS, page_uri
from atlas.pages.generated import PageToRender
from atlas.pages.rendering import render_markdown
from atlas.pages.muscle_map import group_map
from atlas.pages import routine_pages as sheet
from atlas.pages.routine_pages import BUILDER_ID, alternative


def sheet_layout() -> dict[str, float]:
    """The printed sheet's measures, declared in routine_pages, for the builder's script to lay out its own sheet
    the way authored sheets are laid out (more sessions when the routine is short)."""
    return {"sessions": sheet.SHEET_SESSIONS, "sessions_per_side": sheet.SHEET_SESSIONS_PER_SIDE,
            "log_height_mm": sheet.SHEET_LOG_HEIGHT_MM, "row_mm": sheet.SHEET_ROW_MM, "head_mm": sheet.SHEET_HEAD_MM,
            "grid_gap_mm": sheet.SHEET_GRID_GAP_MM, "max_grids": sheet.SHEET_MAX_GRIDS,
            "text_line_mm": sheet.SHEET_TEXT_LINE_MM, "line_chars": sheet.SHEET_LINE_CHARS}


def builder_page(atlas: Atlas, api_uri: str) -> PageToRender:
    """The page at /routines/builder/, reading the finder's index at `api_uri`; its template and script do the work. The
    muscle map starts blank: the script paints each group by its weekly sets."""
    return PageToRender(page_uri(TargetKind.ROUTINE, BUILDER_ID), None, partial(_builder_markdown, atlas, api_uri))


def _builder_markdown(atlas: Atlas, api_uri: str) -> str:
    uri = page_uri(TargetKind.ROUTINE, BUILDER_ID)
    markdown = render_markdown("routine_builder.md.j2", uri, routines_uri=INDEX_URIS[TargetKind.ROUTINE],
                               finder_uri=INDEX_URIS[TargetKind.EXERCISE],
                               page_data={"kind": "routine-builder", "api": api_uri, "map": group_map(atlas),
                                          "sheet_layout": sheet_layout()})
    return markdown


def builder_facts(atlas: Atlas, exercise: Exercise) -> dict[str, object]:
    """What the builder needs beyond the finder's columns (and the export gives beside its other fields): the starting
    dose (seconds for times), the key cue and one alternative."""
    dose = exercise.dose
    return {
        "dose": {"sets": dose.sets or 0, "reps": str(dose.reps) if dose.reps else f"{dose.distance} m" if dose.distance else "",
                 "hold": dose.hold or 0, "rest": dose.rest or 0, "per_side": dose.per_side},
        "cue": exercise.first_cue,
        "alternative": alternative(atlas, exercise),
    }
