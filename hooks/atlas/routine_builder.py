"""The routine builder's page (/routines/builder/) and the facts about each exercise it reads from the JSON export.

The builder itself runs in the browser (overrides/assets/routine-builder.js); the routine lives in its URL.
"""

from __future__ import annotations

from .graph import Atlas
from .model import Exercise, TargetKind
from .rendering import INDEX_URIS, GeneratedPage, page_uri, render_markdown
from .routine_pages import BUILDER_ID, alternative
from .routine_time import seconds_of


def render_builder_page(api_uri: str) -> GeneratedPage:
    """The page at /routines/builder/, reading the export at `api_uri`; its template and script do the work."""
    uri = page_uri(TargetKind.ROUTINE, BUILDER_ID)
    markdown = render_markdown("routine_builder.md.j2", uri, routines_uri=INDEX_URIS[TargetKind.ROUTINE],
                               finder_uri=INDEX_URIS[TargetKind.EXERCISE],
                               page_data={"kind": "routine-builder", "api": api_uri})
    return GeneratedPage(uri, markdown, None)


def builder_facts(atlas: Atlas, exercise: Exercise) -> dict[str, object]:
    """What the builder needs beyond the export's other fields: the starting dose (seconds for times), the key cue,
    one alternative, and how the exercise moves (for the push/pull balance and the warnings)."""
    dose = exercise.dose
    return {
        "dose": {"sets": dose.sets or 0, "reps": dose.reps or dose.distance or "", "hold": seconds_of(dose.hold) if dose.hold else 0,
                 "rest": seconds_of(dose.rest) if dose.rest else 0, "per_side": dose.per_side},
        "cue": exercise.cues[0] if exercise.cues else "",
        "alternative": alternative(atlas, exercise),
        "mechanics": exercise.mechanics.value if exercise.mechanics else None,
        "force": exercise.force.value if exercise.force else ("carry" if exercise.dose.distance else None),
        "direction": exercise.direction.value if exercise.direction else None,
    }
