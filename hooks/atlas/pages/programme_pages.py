"""The page of each programme (the weekly plan and the progression rule) and the printed log sheet of each of its
sessions, a page of its own."""

from __future__ import annotations

from functools import partial

from atlas.records.graph import Atlas
from atlas.records.model import Programme, ProgrammeSession, TargetKind
from atlas.pages.qr_codes import page_address
from atlas.pages.page_kinds import page_uri, page_url, sheet_uri, sheet_url
from atlas.pages.exercise_pages import load_choice_link
from atlas.pages.session_plans import session_plan
from atlas.pages.generated import PageToRender
from atlas.pages.rendering import Link, render_markdown
from atlas.routines.load_steps import STEP_SHARE, steps_used
from atlas.routines.routine_checks import hardest
from atlas.pages.links import exercise_link
from atlas.pages.routine_pages import sheet_data, sheet_markdown, sheet_rows


def session_labels(programme: Programme, label: str) -> list[str]:
    """The log columns of one session: "Week 1", "Week 2", … (with its turn when it comes twice a week)."""
    twice = programme.week.count(label) > 1
    return [f"Week {week}" + (f" ({turn})" if twice else "")
            for week in range(1, programme.weeks + 1)
            for turn in range(1, programme.week.count(label) + 1)]


def programme_page(atlas: Atlas, programme: Programme) -> PageToRender:
    """The page at /routines/<id>/, which prints the plan; a button per session opens that session's log sheet."""
    return PageToRender(page_uri(TargetKind.ROUTINE, programme.id), programme.source, partial(_programme_markdown, atlas, programme))


def _programme_markdown(atlas: Atlas, programme: Programme) -> str:
    uri = page_uri(TargetKind.ROUTINE, programme.id)
    sessions = [(session, atlas.routines[session.routine]) for session in programme.sessions]
    exercises = [atlas.exercises[exercise_id] for _, routine in sessions for exercise_id in routine.exercise_ids]
    top = hardest(exercises)
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
        page_data={"kind": "programme", "id": programme.id,
                   "sheets": [{"session": session.label, "url": sheet_url(programme.id, session.label)} for session, _ in sessions]},
        session_plans=[session_plan(atlas, routine, _sheet_title(programme, session.label, routine.name),
                                    f"session {session.label}") for session, routine in sessions],
    )
    return markdown


def programme_sheet_pages(atlas: Atlas, programme: Programme, site_url: str = "") -> list[PageToRender]:
    """The log sheet of each session at /routines/<id>/sheet-<label>/, a column per week; its QR code opens the
    programme's page (each rendered when read)."""
    return [PageToRender(sheet_uri(programme.id, session.label), programme.source,
                         partial(_programme_sheet_markdown, atlas, programme, session, site_url)) for session in programme.sessions]


def _programme_sheet_markdown(atlas: Atlas, programme: Programme, session: ProgrammeSession, site_url: str) -> str:
    routine = atlas.routines[session.routine]
    address = page_address(site_url, page_url(TargetKind.ROUTINE, programme.id))
    sheet = sheet_data(routine, sheet_rows(atlas, routine), atlas.equipment_text(routine.equipment_ids), address,
                       session_labels(programme, session.label), _sheet_title(programme, session.label, routine.name))
    of = Link(programme.name, page_uri(TargetKind.ROUTINE, programme.id))
    return sheet_markdown(of, sheet_uri(programme.id, session.label), sheet)


def _sheet_title(programme: Programme, label: str, routine_name: str) -> str:
    return f"{programme.name}: session {label}, {routine_name}"
