"""The site generated again and again in one process (`mkdocs serve`): after an edit, a page whose inputs cannot have
changed is handed over as it was rendered last time, not rendered again.

A page is made from the atlas alone (pages/) and the code and templates. When the code, the templates and the site's
address are the same, every part of the atlas but the exercises is equal (taxonomy, sources, routines, the generated
ones included, articles, ladders, ...), the same exercises exist, and the exercises that changed changed only in fields
that no other exercise's page shows (OWN_PAGE_FIELDS), then only their own pages and the pages that show the fields
that changed (OWN_FIELDS_SHOWN_BESIDE) are rendered again. Anything else (a renamed exercise, a new harder option, a
routine, an article) renders every page.

The generated sessions are kept the same way: they read no field of OWN_PAGE_FIELDS, so an atlas that differs from the
last one only there, with the same code, has the same sessions (generate_routines is not run again)."""

from __future__ import annotations

import gc
from dataclasses import dataclass, fields, replace
from functools import cache, cached_property, partial

from atlas.generation import GeneratedSite, generate_site
from atlas.layout import ProjectLayout
from atlas.pages.generated import GeneratedPage
from atlas.pages.page_kinds import PAGE_KINDS, page_uri
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

OWN_FIELDS_SHOWN_BESIDE = {
    TargetKind.ROUTINE: frozenset({"cues", "safety"}),
    TargetKind.SOURCE: frozenset({"sources"}),
}
"""Of OWN_PAGE_FIELDS, those that pages other than exercise pages show, by the kind whose folder holds them (PAGE_KINDS):
routine and programme pages and their printed sheets show each exercise's key cues and safety notes, the bibliography
the exercises that cite each work. The other pages (the indexes, muscles, ladders, the routine builder) show none of
them. tests/test_regeneration.py changes every line of each field and compares every page with a full generation."""

_SHOWN_IN_FOLDER = {PAGE_KINDS[kind].folder: shown for kind, shown in OWN_FIELDS_SHOWN_BESIDE.items()}
"""OWN_FIELDS_SHOWN_BESIDE by the folder of the pages (the first part of their path)."""


@dataclass(frozen=True)
class OwnEdit:
    """How the exercises changed between two atlases that differ in nothing else, when only OWN_PAGE_FIELDS changed."""

    exercises: frozenset[str]
    """The exercises that changed."""
    fields: frozenset[str]
    """The fields of OWN_PAGE_FIELDS that changed in one of them at least."""

    @cached_property
    def _own_pages(self) -> frozenset[str]:
        return frozenset(page_uri(TargetKind.EXERCISE, exercise_id) for exercise_id in self.exercises)

    def keeps(self, uri: str) -> bool:
        """Whether a generated page (by its path) is the same after the edit as before."""
        if uri in self._own_pages:
            return False
        return not self.fields & _SHOWN_IN_FOLDER.get(uri.partition("/")[0], frozenset())


@dataclass(frozen=True)
class _Generated:
    atlas: Atlas
    fingerprint: str
    """The code, templates and site address it was generated with."""
    texts: dict[str, str]
    """Each page's text, by its path."""


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
        same = unchanged_pages(last.atlas, site.atlas, last.texts) if last and last.fingerprint == fingerprint else frozenset()
        self._last = None  # a failure below leaves nothing to reuse
        pages = tuple(
            GeneratedPage(page.src_uri, last.texts[page.src_uri] if last and page.src_uri in same else page.markdown, page.source)
            for page in site.pages
        )
        self.reused = len(same)
        self._last = _Generated(site.atlas, fingerprint, {page.src_uri: page.markdown for page in pages})
        _keep_long_lived()
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


@cache
def _keep_long_lived() -> None:
    """Once a process, takes what the first generation leaves alive (modules, templates, every record file as read, the
    atlas) out of the cycle collector's sight (gc.freeze), after one collection. They live as long as the process, or
    until an edit replaces them, when reference counting frees them as before; each full collection then looks only at
    what later saves made, instead of at the whole heap: at 5,000 exercises a second less on every other save."""
    gc.collect()
    gc.freeze()


def unchanged_pages(before: Atlas, after: Atlas, rendered: dict[str, str]) -> frozenset[str]:
    """Of the pages rendered from `before` (their paths), those that `after` gives the same (see the module's description)."""
    edit = changed_own_fields(before, after)
    if edit is None:
        return frozenset()
    return frozenset(uri for uri in rendered if edit.keeps(uri))


def changed_own_fields(before: Atlas, after: Atlas) -> OwnEdit | None:
    """How the exercises changed from `before` to `after` when nothing else changed and they changed only in
    OWN_PAGE_FIELDS (the same exercises, every other part of the atlas equal); otherwise None."""
    if before.exercises.keys() != after.exercises.keys():
        return None
    rest = [field.name for field in fields(Atlas) if field.init and field.name != "exercises"]
    if any(getattr(before, name) != getattr(after, name) for name in rest):
        return None
    changed = frozenset(exercise_id for exercise_id, exercise in after.exercises.items() if exercise != before.exercises[exercise_id])
    if any(_shown_elsewhere(before.exercises[exercise_id]) != _shown_elsewhere(after.exercises[exercise_id]) for exercise_id in changed):
        return None
    changed_fields = frozenset(name for exercise_id in changed for name in OWN_PAGE_FIELDS
                               if getattr(before.exercises[exercise_id], name) != getattr(after.exercises[exercise_id], name))
    return OwnEdit(changed, changed_fields)


def _shown_elsewhere(exercise: Exercise) -> dict[str, object]:
    """The fields of an exercise that pages other than its own may show."""
    return {name: value for name, value in exercise.__dict__.items() if name not in OWN_PAGE_FIELDS}
