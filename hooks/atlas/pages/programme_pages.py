"""The page of each programme: the weekly plan and the progression rule, then a log sheet for each of its sessions."""

from __future__ import annotations

from atlas.records.graph import Atlas
from atlas.records.model import Programme, TargetKind
from atlas.pages.qr_codes import page_address
from atlas.pages.page_kinds import page_uri, page_url
from atlas.pages.exercise_pages import load_choice_link
from atlas.pages.session_plans import session_plan
from atlas.pages.rendering import GeneratedPage, Link, render_markdown
from atlas.routines.load_steps import STEP_SHARE, steps_used
from atlas.routines.routine_checks import hardest
from atlas.pages.links import exercise_link
from atlas.pages.routine_pages import drawn_once, sheet_blocks, sheet_data


def session_labels(programme: Programme, label: str) -> list[str]:
    """The log columns of one session: "Week 1", "Week 2", … (with its turn when it comes twice a week)."""
    twice = programme.week.count(label) > 1
    return [f"Week {week}" + (f" ({turn})" if twice else "")
            for week in range(1, programme.weeks + 1)
            for turn in range(1, programme.week.count(label) + 1)]


def render_programme_page(atlas: Atlas, programme: Programme, site_url: str = "") -> GeneratedPage:
    """The page at /routines/<id>/, which prints the plan and then one log sheet per session."""
    uri = page_uri(TargetKind.ROUTINE, programme.id)
    address = page_address(site_url, page_url(TargetKind.ROUTINE, programme.id))
    sessions = [(session, atlas.routines[session.routine]) for session in programme.sessions]
    exercises = [atlas.exercises[exercise_id] for _, routine in sessions for exercise_id in routine.exercise_ids]
    top = hardest(exercises)
    drawn: set[str] = set()
    sheets = [sheet_data(routine, drawn_once(atlas, routine, sheet_blocks(atlas, routine), drawn),
                         atlas.equipment_text(routine.equipment_ids), address,
                         session_labels(programme, session.label), f"{programme.name}: session {session.label}, {routine.name}")
              for session, routine in sessions]
    markdown = render_markdown(
        "programme.md.j2",
        uri,
        programme=programme,
        level=top.level.value if top else "beginner",
        sessions=[(session.label, Link(routine.name, page_uri(TargetKind.ROUTINE, routine.id)), routine) for session, routine in sessions],
        weeks=[(week, list(programme.week)) for week in range(1, programme.weeks + 1)],
        step_share=STEP_SHARE,
        load_steps=[(step, [exercise_link(atlas, exercise) for exercise in used]) for step, used in steps_used(atlas, exercises)],
        load_choice=load_choice_link(atlas),
        page_data={"kind": "programme", "id": programme.id, "sheets": sheets},
        session_plans=[session_plan(atlas, routine, f"{programme.name}: session {session.label}, {routine.name}",
                                    f"session {session.label}") for session, routine in sessions],
    )
    return GeneratedPage(uri, markdown, programme.source)
