"""Muscle roles and the muscle pages built on them: stretches name what they stretch, never count as work, and each
muscle page ranks its own exercises, each part in its own place. Checked on the repository's records and its built
site, parsed (not searched for strings)."""

from __future__ import annotations

import html.parser
from pathlib import Path

import pytest

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout
from atlas.pages.muscle_ranking import MAIN_WORK, ORDER_BY_EVIDENCE, ORDER_BY_SPECIFICITY, evidence_ranks, rank_exercises, specificity
from atlas.pages.muscle_pages import CARDS_SHOWN, NAMES_SHOWN
from atlas.records.graph import Atlas
from atlas.records.model import Category, MuscleKind, Role
from conftest import BuildResult

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return build_atlas(ProjectLayout(REPO, REPO / "content"))


def test_stretches_name_what_they_stretch_and_work_nothing_hardest(atlas: Atlas) -> None:
    stretches = [exercise for exercise in atlas.exercises.values()
                 if any("stretch" in name.casefold() for name in (exercise.name, *exercise.aliases))]
    assert len(stretches) >= 5
    assert [exercise.id for exercise in stretches if exercise.primary or not exercise.stretched] == []
    mobility = [exercise for exercise in atlas.exercises.values() if exercise.category is Category.MOBILITY]
    assert [exercise.id for exercise in mobility if not exercise.stretched] == [], "every mobility drill says what it stretches"


def test_a_stretch_never_counts_as_working_its_target(atlas: Atlas) -> None:
    for group_id in atlas.groups:
        worked = {exercise.id for role in (Role.PRIMARY, Role.SECONDARY) for exercise in atlas.exercises_for(group_id, role)}
        stretched = {exercise.id for exercise in atlas.exercises_for(group_id, Role.STRETCHED)}
        assert not worked & stretched, group_id
    for routine in atlas.routines.values():
        if routine.generated:
            target = routine.id.removeprefix("focus-")
            for exercise in (atlas.exercises[exercise_id] for exercise_id in routine.exercise_ids):
                if target in _named(atlas, exercise.stretched):
                    assert target in _named(atlas, (*exercise.primary, *exercise.secondary)), (routine.id, exercise.id)


def _named(atlas: Atlas, muscle_ids: tuple[str, ...]) -> set[str]:
    """The muscles these ids name: each one and its group."""
    return set(muscle_ids) | {atlas.group_id_of(muscle_id) for muscle_id in muscle_ids}


def test_ranking_puts_measured_exercises_first_then_the_most_specific(atlas: Atlas) -> None:
    exercises = atlas.exercises_for("lower-traps", Role.PRIMARY)
    ranked, note = rank_exercises(atlas, "lower-traps", exercises, evidence={})
    assert note == ORDER_BY_SPECIFICITY
    scores = [specificity(atlas, exercise, "lower-traps") for exercise in ranked]
    assert scores == sorted(scores, reverse=True) and scores[0] == 1.0
    last = ranked[-1]
    reranked, note = rank_exercises(atlas, "lower-traps", exercises, evidence={last.id: 1})
    main_work = [exercise for exercise in ranked if specificity(atlas, exercise, "lower-traps") >= MAIN_WORK]
    assert note == ORDER_BY_EVIDENCE
    # measured first within its own part of the list: a study cannot lift a lift that only helps above the main work
    assert reranked.index(last) == (0 if last in main_work else len(main_work))
    first, _ = rank_exercises(atlas, "lats", atlas.exercises_for("lats", Role.PRIMARY))
    assert specificity(atlas, first[0], "lats") == 1.0 and first[0].id != "inverted-row"
    # The studies' own numbers: Reinold 2004 measured side-lying external rotation highest for infraspinatus.
    measured = evidence_ranks(atlas, "infraspinatus")
    assert measured and min(measured.values()) == 1
    cuff, note = rank_exercises(atlas, "rotator-cuff", atlas.exercises_for("rotator-cuff", Role.PRIMARY))
    assert note == ORDER_BY_EVIDENCE and measured.get(cuff[0].id) == 1
    for muscle_id in ("rotator-cuff", "lower-traps", "serratus-anterior"):
        places = evidence_ranks(atlas, muscle_id)
        ranked, _ = rank_exercises(atlas, muscle_id, atlas.exercises_for(muscle_id, Role.PRIMARY))
        for main in (True, False):
            found = [places.get(exercise.id, 99) for exercise in ranked if (specificity(atlas, exercise, muscle_id) >= MAIN_WORK) == main]
            assert found == sorted(found), muscle_id


class _Page(html.parser.HTMLParser):
    """The muscle page's parts: ids of headings and the lists that follow them, with each item's link and figure."""

    def __init__(self) -> None:
        super().__init__()
        self.section = ""
        self.lists: dict[str, list[dict[str, object]]] = {}
        self.stack: list[str] = []
        self.item: dict[str, object] | None = None
        self.links: list[str] = []
        self.best: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in ("h2", "h3") and attributes.get("id"):
            self.section = attributes["id"] or ""
        if tag == "div":
            self.stack.append("best" if "uba-best" in classes else "list" if "uba-exercise-list" in classes
                              else "names" if "uba-names-list" in classes else "other")
        if tag == "li" and self.stack and self.stack[-1] in ("list", "names"):
            self.item = {"figure": False, "href": None, "note": "", "card": self.stack[-1] == "list"}
            key = "best" if "best" in self.stack else self.section
            self.lists.setdefault(key, []).append(self.item)
        if self.item is not None and tag == "svg":
            self.item["figure"] = True
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
            if self.item is not None and self.item["href"] is None:
                self.item["href"] = attributes["href"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.stack:
            self.stack.pop()
        if tag == "li":
            self.item = None

    def handle_data(self, data: str) -> None:
        if self.item is not None and self.item["href"] is not None:
            self.item["note"] = str(self.item["note"]) + data


def _page(site: BuildResult, group_id: str) -> _Page:
    parser = _Page()
    parser.feed(site.article(f"muscles/{group_id}/"))
    return parser


def test_each_part_ranks_its_own_exercises_in_its_own_place(real_site: BuildResult, atlas: Atlas) -> None:
    page = _page(real_site, "traps")
    for part_id in ("upper-traps", "middle-traps", "lower-traps"):
        listed = [str(item["href"]).rstrip("/").rsplit("/", 1)[-1] for item in page.lists[part_id]]
        expected = [exercise.id for exercise in rank_exercises(atlas, part_id, atlas.exercises_for(part_id, Role.PRIMARY))[0]]
        assert listed and listed == expected[:len(listed)], part_id
    assert page.lists["best"] and page.lists["exercises-that-work-it-hardest"][:3] == page.lists["best"]
    hardest, stretches = page.lists["exercises-that-work-it-hardest"], page.lists["stretches"]
    for item in hardest + stretches:
        if item["card"]:
            assert item["figure"] and any(level.value in str(item["note"]) for level in type(atlas.exercises["shrug"].level)), item
        else:
            assert not item["figure"], item
    # bounded: a few cards with their figures, then names; the finder has the rest (issue 26: no page over 60 KB)
    assert [item["card"] for item in hardest] == [True] * CARDS_SHOWN + [False] * (len(hardest) - CARDS_SHOWN)
    all_worked = atlas.exercises_for("traps", Role.PRIMARY)
    assert len(hardest) == min(len(all_worked), CARDS_SHOWN + NAMES_SHOWN)
    if len(all_worked) > len(hardest):
        assert "../../exercises/?muscle=traps" in page.links
    stretched = {str(item["href"]).rstrip("/").rsplit("/", 1)[-1] for item in stretches}
    worked = {str(item["href"]).rstrip("/").rsplit("/", 1)[-1] for item in hardest}
    all_stretched = {exercise.id for exercise in atlas.exercises_for("traps", Role.STRETCHED)}
    assert stretched <= all_stretched and len(stretched) == min(len(all_stretched), NAMES_SHOWN) and not stretched & worked


def test_upper_back_pages_link_their_focus_session_and_the_finder_near_the_top(real_site: BuildResult, atlas: Atlas) -> None:
    upper_back = [group.id for group in atlas.groups.values() if group.kind is MuscleKind.UPPER_BACK]
    assert len(upper_back) >= 5
    for group_id in upper_back:
        page = _page(real_site, group_id)
        best_links = page.links[:page.links.index("#exercises-that-work-it-hardest") + 12]
        if f"focus-{group_id}" in atlas.routines:
            assert f"../../routines/focus-{group_id}/" in best_links, group_id
            assert (real_site.site / f"routines/focus-{group_id}/index.html").exists()
        assert any(link.startswith(f"../../exercises/?muscle={group_id}") for link in best_links), group_id
    assert sum(f"focus-{group_id}" in atlas.routines for group_id in upper_back) >= 5
