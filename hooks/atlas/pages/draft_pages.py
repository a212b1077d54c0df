"""The page of a draft exercise while serving: what its source said, under a banner that says what is missing."""

from __future__ import annotations

from functools import partial

from atlas.pages.links import muscle_link
from atlas.pages.page_kinds import page_uri
from atlas.pages.generated import PageToRender
from atlas.pages.rendering import render_markdown
from atlas.records.draft_model import Draft
from atlas.records.graph import Atlas
from atlas.records.model import TargetKind


def draft_page(atlas: Atlas, draft: Draft) -> PageToRender:
    """The page at /exercises/<id>/ of an unfinished exercise (a strict build refuses to publish it)."""
    return PageToRender(page_uri(TargetKind.EXERCISE, draft.id), draft.source, partial(_draft_markdown, atlas, draft))


def _draft_markdown(atlas: Atlas, draft: Draft) -> str:
    uri = page_uri(TargetKind.EXERCISE, draft.id)
    markdown = render_markdown(
        "draft.md.j2",
        uri,
        draft=draft,
        equipment=atlas.equipment_text(draft.equipment) if draft.equipment else "",
        primary=[muscle_link(atlas, muscle) for muscle in draft.muscles.primary],
        secondary=[muscle_link(atlas, muscle) for muscle in draft.muscles.secondary],
        page_data={"kind": "draft", "id": draft.id},
    )
    return markdown
