"""The page of each muscle group and the muscle index with its map."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from atlas.figures.figure_render import exercise_thumbnail, exercise_thumbnail_defined, exercise_thumbnail_reference
from atlas.records.graph import Atlas
from atlas.pages.evidence_tables import READING_THE_EVIDENCE, evidence_source_ids, study_tables
from atlas.pages.ladder_pages import ladder_links
from atlas.pages.links import exercise_link, mention_links
from atlas.pages.muscle_ranking import LEVEL_ORDER, rank_exercises
from atlas.records.model import Exercise, MuscleGroup, MuscleKind, Role, TargetKind
from atlas.routines.routine_generation import FOCUS_PREFIX
from atlas.pages.muscle_map import highlight, index_map
from atlas.pages.page_kinds import INDEX_URIS, page_uri
from atlas.pages.generated import PageToRender
from atlas.pages.rendering import Link, render_markdown
from atlas.pages.source_pages import citations
from atlas.site.search_terms import muscle_terms

KIND_TITLES = {
    MuscleKind.UPPER_BACK: "The upper back",
    MuscleKind.HELPER: "Helpers around it",
    MuscleKind.OTHER: "Elsewhere in the body",
}


BEST_SHOWN = 3
"""How many exercises the "Best exercises" block at the top of a muscle page shows."""
PART_SHOWN = 5
"""How many of a part's ranked exercises its section names (the finder on the part shows them all)."""
CARDS_SHOWN = 4
"""How many exercises of a whole list are shown as cards, with their small figure; a page stays light however many
exercises work the muscle (issue 26: no page over 60 KB)."""
STRETCH_CARDS_SHOWN = 0
"""How many stretches are shown as cards when exercises work the muscle (else the best block's three); where the
muscle only helps, the exercises are named, without figures, too."""
NAMES_SHOWN = 8
"""How many more of a list are named after the cards, in a compact list; the finder on the muscle shows the rest."""


@dataclass(frozen=True)
class ListedExercise:
    """An exercise in a muscle page's list: its link (with level and equipment) and its small figure."""

    link: Link
    """The exercise page, with level and equipment as its note."""
    thumbnail: Markup
    """A small still of the exercise's end position (inline SVG)."""


@dataclass(frozen=True)
class ShownList:
    """A list of exercises as a page shows it: the first as cards, the next by name, and how many more the finder has."""

    cards: tuple[ListedExercise, ...]
    """The first exercises, each with its small figure."""
    names: tuple[Link, ...]
    """The next ones, named in a compact list (without their notes)."""
    total: int
    """How many exercises the whole list has."""
    finder: str
    """The finder opened on the same list (a page uri with its query)."""
    again: tuple[ListedExercise, ...] = ()
    """The first cards again, for the top of the page, their figures drawn from the cards' (`<use>`, not a second copy)."""

    @property
    def more(self) -> int:
        """How many the page does not show (the finder does)."""
        return self.total - len(self.cards) - len(self.names)


@dataclass(frozen=True)
class RankedList:
    """The exercises that work one muscle (a group or a part) hardest, in the page's order."""

    muscle_id: str
    """The group or part."""
    name: str
    """Its name."""
    shown: ShownList
    """Hardest-working first (pages/muscle_ranking.py), as the page shows them."""
    order_note: str
    """One line that says how the list is ordered."""
    finder: str
    """The finder opened on this muscle (a page uri with its query)."""


def _shown(atlas: Atlas, exercises: Sequence[Exercise], finder: str, cards: int = CARDS_SHOWN, names: int = NAMES_SHOWN,
           again: int = 0) -> ShownList:
    """`again`: how many of the first cards the page shows a second time (the best exercises at its top)."""
    return ShownList(
        tuple(ListedExercise(exercise_link(atlas, exercise), exercise_thumbnail_defined(exercise) if index < again
                             else exercise_thumbnail(exercise)) for index, exercise in enumerate(exercises[:cards])),
        tuple(exercise_link(atlas, exercise) for exercise in exercises[cards:cards + names]),
        len(exercises),
        finder,
        tuple(ListedExercise(exercise_link(atlas, exercise), exercise_thumbnail_reference(exercise))
              for exercise in exercises[:min(again, cards)]),
    )


def _finder(muscle_id: str, role: str = "") -> str:
    return f"{INDEX_URIS[TargetKind.EXERCISE]}?muscle={muscle_id}" + (f"&role={role}" if role else "")


def ranked_list(atlas: Atlas, muscle_id: str, cards: int = CARDS_SHOWN, names: int = NAMES_SHOWN, again: int = 0) -> RankedList:
    """The exercises that work a group or a part hardest, ranked, with the line that says how."""
    exercises, note = rank_exercises(atlas, muscle_id, atlas.exercises_for(muscle_id, Role.PRIMARY))
    finder = _finder(muscle_id)
    return RankedList(muscle_id, atlas.muscle_name(muscle_id), _shown(atlas, exercises, finder, cards, names, again), note, finder)


def _by_name(atlas: Atlas, muscle_id: str, role: Role, finder_role: str, cards: int, again: int = 0) -> ShownList:
    exercises = sorted(atlas.exercises_for(muscle_id, role), key=lambda exercise: (LEVEL_ORDER[exercise.level], exercise.name))
    return _shown(atlas, exercises, _finder(muscle_id, finder_role), cards, NAMES_SHOWN, again)


def muscle_page(atlas: Atlas, group: MuscleGroup) -> PageToRender:
    """The page at /muscles/<group>/, rendered when it is read: the best exercises first, then the anatomy, each part's
    ranked list, the whole group's list, its stretches and where it only helps."""
    uri = page_uri(TargetKind.MUSCLE, group.id)
    return PageToRender(uri, atlas.taxonomy_file, partial(_muscle_markdown, atlas, group, uri))


def _muscle_markdown(atlas: Atlas, group: MuscleGroup, uri: str) -> str:
    focus = atlas.routines.get(f"{FOCUS_PREFIX}{group.id}")
    cited = tuple(dict.fromkeys(group.sources + evidence_source_ids(atlas, group.id)))
    ranked = ranked_list(atlas, group.id, again=BEST_SHOWN)
    # the best block at the top shows the stretches when nothing works the muscle hardest
    stretches = (_by_name(atlas, group.id, Role.STRETCHED, "stretched", STRETCH_CARDS_SHOWN) if ranked.shown.total
                 else _by_name(atlas, group.id, Role.STRETCHED, "stretched", BEST_SHOWN, BEST_SHOWN))
    return render_markdown(
        "muscle.md.j2",
        uri,
        group=group,
        ranked=ranked,
        parts={part_id: ranked_list(atlas, part_id, 0, PART_SHOWN) for part_id in group.parts},
        focus=Link(focus.name, page_uri(TargetKind.ROUTINE, focus.id)) if focus else None,
        stretches=stretches,
        secondary=_by_name(atlas, group.id, Role.SECONDARY, "any", 0),
        mentions=mention_links(atlas, TargetKind.MUSCLE, group.id),
        studies=study_tables(atlas, group.id, cited),
        reading_the_evidence=READING_THE_EVIDENCE,
        ladders=ladder_links(atlas, group.id),
        cited=citations(atlas, cited),
        search_terms=muscle_terms(group),
        page_data={"kind": "muscle", "id": group.id, "map": highlight(atlas, (group.id,), every_view=True)},
    )


def muscle_index_page(atlas: Atlas) -> PageToRender:
    """The page at /muscles/: the clickable map and every group, by kind."""
    return PageToRender(INDEX_URIS[TargetKind.MUSCLE], None, partial(_muscle_index_markdown, atlas))


def _muscle_index_markdown(atlas: Atlas) -> str:
    uri = INDEX_URIS[TargetKind.MUSCLE]
    sections = []
    for kind, title in KIND_TITLES.items():
        links = [_group_link(atlas, group) for group in atlas.groups.values() if group.kind is kind]
        if links:
            sections.append((title, links))
    markdown = render_markdown(
        "muscles_index.md.j2",
        uri,
        sections=sections,
        page_data={"kind": "muscle-index", "map": index_map(atlas)},
    )
    return markdown


def _group_link(atlas: Atlas, group: MuscleGroup) -> Link:
    count = len(atlas.exercises_for(group.id, Role.PRIMARY))
    noun = "exercise" if count == 1 else "exercises"
    return Link(group.name, page_uri(TargetKind.MUSCLE, group.id), f"{count} primary {noun}")
