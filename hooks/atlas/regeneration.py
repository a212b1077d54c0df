"""The site generated again and again in one process (`mkdocs serve`): after an edit, an exercise page whose inputs
cannot have changed is handed over as it was rendered last time, not rendered again.

An exercise page is made from the atlas alone (exercise_pages.py) and the code and templates. It is the same as last
time when the code, the templates and the site's address are the same, every part of the atlas but the exercises is
equal (taxonomy, sources, routines, the generated ones included, articles, ladders, ...), the same exercises exist,
and the exercises that changed changed only in fields that no other exercise's page shows (OWN_PAGE_FIELDS): then
only their own pages are rendered again. Anything else (a renamed exercise, a new harder option, which other pages
show) renders every page. Every other kind of page (muscles, routines, sheets, indexes: a few hundred at most) is
rendered each time.

The generated sessions are kept the same way: they read no field of OWN_PAGE_FIELDS, so an atlas that differs from the
last one only there, with the same code, has the same sessions (generate_routines is not run again)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import partial

from atlas.generation import GeneratedSite, generate_site
from atlas.layout import ProjectLayout
from atlas.pages.generated import GeneratedPage
from atlas.pages.page_kinds import page_uri
from atlas.records.graph import Atlas
from atlas.records.model import Exercise, Routine, TargetKind
from atlas.routines.routine_generation import generate_routines
from atlas.site.build_cache import code_fingerprint

OWN_PAGE_FIELDS = frozenset({"summary", "steps", "cues", "mistakes", "safety", "setup", "home", "reviewed", "sources"})
"""Exercise fields shown, among exercise pages, on the exercise's own page only (tests/test_regeneration.py edits each
one and compares every page with a full generation). Others are shown on other exercise pages too: the name and
level beside every link to it, its easier and harder options on theirs (atlas.ladder), its muscles in their search
terms (the exercise most specific to a muscle); and a change in dose, loads, equipment or precautions may change the
generated sessions, whose names every page of their exercises lists."""


@dataclass(frozen=True)
class _Generated:
    atlas: Atlas
    fingerprint: str
    """The code, templates and site address it was generated with."""
    texts: dict[str, str]
    """Each exercise page's text, by its path."""


class Regeneration:
    """Generates a project's site each time it is asked, reusing the exercise pages an edit cannot have changed."""

    def __init__(self) -> None:
        self._last: _Generated | None = None
        self._last_routines: tuple[str, Atlas, dict[str, Routine]] | None = None
        """The fingerprint, the atlas generate_routines was given last, and what it made."""
        self.reused = 0
        """How many pages the last generation took over as they were."""

    def generate(self, layout: ProjectLayout) -> GeneratedSite:
        """The whole site, every page rendered (the reused ones as last time)."""
        fingerprint = f"{code_fingerprint()} {layout.site_url}"
        site = generate_site(layout, partial(self._routines, fingerprint))
        last = self._last
        same = unchanged_exercise_pages(last.atlas, site.atlas) if last and last.fingerprint == fingerprint else frozenset()
        self._last = None  # a failure below leaves nothing to reuse
        pages = tuple(
            GeneratedPage(page.src_uri, last.texts[page.src_uri] if last and page.src_uri in same else page.markdown, page.source)
            for page in site.pages
        )
        exercise_pages = {page_uri(TargetKind.EXERCISE, exercise_id) for exercise_id in site.atlas.exercises}
        self.reused = len(same)
        self._last = _Generated(site.atlas, fingerprint, {page.src_uri: page.markdown for page in pages if page.src_uri in exercise_pages})
        return replace(site, pages=pages)


    def _routines(self, fingerprint: str, atlas: Atlas) -> dict[str, Routine]:
        """The generated sessions of `atlas`: the last ones when only OWN_PAGE_FIELDS changed, with the same code."""
        last = self._last_routines
        if last and last[0] == fingerprint and changed_own_fields(last[1], atlas) is not None:
            routines = last[2]
        else:
            self._last_routines = None
            routines = generate_routines(atlas)
        self._last_routines = (fingerprint, atlas, routines)
        return routines


def unchanged_exercise_pages(before: Atlas, after: Atlas) -> frozenset[str]:
    """The paths of the exercise pages of `after` that are the same as `before`'s (see the module's description)."""
    changed = changed_own_fields(before, after)
    if changed is None:
        return frozenset()
    return frozenset(page_uri(TargetKind.EXERCISE, exercise_id) for exercise_id in after.exercises.keys() - changed)


def changed_own_fields(before: Atlas, after: Atlas) -> frozenset[str] | None:
    """The exercises that changed from `before` to `after` when nothing else changed and they changed only in
    OWN_PAGE_FIELDS (the same exercises, every other part of the atlas equal); otherwise None."""
    if before.exercises.keys() != after.exercises.keys():
        return None
    rest = [field.name for field in fields(Atlas) if field.init and field.name != "exercises"]
    if any(getattr(before, name) != getattr(after, name) for name in rest):
        return None
    changed = frozenset(exercise_id for exercise_id, exercise in after.exercises.items() if exercise != before.exercises[exercise_id])
    if any(_shown_elsewhere(before.exercises[exercise_id]) != _shown_elsewhere(after.exercises[exercise_id]) for exercise_id in changed):
        return None
    return changed


def _shown_elsewhere(exercise: Exercise) -> dict[str, object]:
    """The fields of an exercise that pages other than its own may show."""
    return {name: value for name, value in exercise.__dict__.items() if name not in OWN_PAGE_FIELDS}
