"""Routines: authored and generated pages, deterministic generation, and sheets that print well when long."""

from __future__ import annotations

from pathlib import Path

import yaml

from browser import WatchedPage, pdf_page_texts, serve_folder
from conftest import REPO, BuildResult, build

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout
from atlas.model import Category, MuscleKind
from atlas.routine_generation import TIME_BUDGET_MINUTES

LAYOUT = ProjectLayout(REPO, REPO / "content")


def test_routine_page_has_table_coverage_and_safety_once(minimal_site: BuildResult) -> None:
    html = minimal_site.article("routines/quick-pull/")
    assert "Wake up the upper back before rows." in html
    table = html[html.index("<table>"): html.index("</table>")]
    assert '<a href="../../exercises/band-pull-apart/">Band pull-apart</a></td>\n<td>2 × 15</td>\n<td>30 s</td>' in table
    assert "light load" in table  # the item's note is its key cue
    coverage = html[html.index('id="muscles-it-works"'):]
    assert '<a href="../../muscles/rear-delts/">Rear delts</a></td>\n<td>2</td>' in coverage
    assert html.count('<p class="admonition-title">Face pull</p>') == 1
    assert "Log" in minimal_site.page("routines/quick-pull/") and "Session 4" in minimal_site.page("routines/quick-pull/")


def test_routine_index_lists_authored_and_generated(real_site: BuildResult) -> None:
    html = real_site.article("routines/")
    for routine in ("pre-pull-activation", "desk-posture-reset", "upper-back-strength-gym", "upper-back-strength-home", "cuff-and-rear-delt-day"):
        assert f'href="{routine}/"' in html
    assert html.index("Written by coaches") < html.index("Generated from the atlas") < html.index('href="focus-traps/"')


def test_generated_focus_sessions_follow_the_rules() -> None:
    atlas = build_atlas(LAYOUT)
    for group_id in ("traps", "rhomboids", "rotator-cuff", "rear-delts"):
        routine = atlas.routines[f"focus-{group_id}"]
        assert routine.generated and routine.rule
        opener = atlas.exercises[routine.blocks[0].items[0].exercise_id]
        assert opener.category in (Category.ACTIVATION, Category.MOBILITY)
        assert routine.minutes <= TIME_BUDGET_MINUTES
        main = [atlas.exercises[item.exercise_id] for item in routine.blocks[-1].items]
        assert all(group_id in {atlas.group_id_of(m) for m in exercise.primary} for exercise in main)
        worked = {muscle for exercise in [opener, *main] for muscle in exercise.primary}
        trainable = {muscle for exercise in atlas.exercises.values() for muscle in exercise.primary}
        assert [part.id for part in atlas.groups[group_id].parts.values() if part.id in trainable and part.id not in worked] == [], group_id


def test_generation_is_deterministic() -> None:
    first = {key: routine for key, routine in build_atlas(LAYOUT).routines.items() if routine.generated}
    second = {key: routine for key, routine in build_atlas(LAYOUT).routines.items() if routine.generated}
    upper_back = [group for group in build_atlas(LAYOUT).groups.values() if group.kind is MuscleKind.UPPER_BACK]
    assert first == second and len(first) == len(upper_back)


def test_generated_routine_page_says_it_is_generated(real_site: BuildResult) -> None:
    assert "made by the build from the atlas" in real_site.article("routines/focus-rotator-cuff/")


def test_long_routine_prints_on_two_pages_with_header_repeated_and_whole_rows(project: Path, watched: WatchedPage, tmp_path: Path) -> None:
    notes = [f"Round {n}: keep the ribs down, the neck long and let the shoulder blades glide smoothly" for n in range(1, 25)]
    exercises = ["face-pull", "band-pull-apart", "shrug"]
    blocks = [{"name": f"Part {b + 1}", "items": [{"exercise": exercises[i % 3], "sets": 3, "reps": 10, "notes": notes[b * 8 + i]}
                                                  for i in range(8)]} for b in range(3)]
    routine = {"name": "Marathon session", "goal": "Far too much for one page.", "level": "advanced", "duration": "90 min", "blocks": blocks}
    (project / "exercises/routines/marathon.yml").write_text(yaml.safe_dump(routine))
    result = build(project)
    assert result.returncode == 0, result.output
    with serve_folder(result.site) as url:
        watched.page.goto(f"{url}routines/marathon/")
        pdf = tmp_path / "long.pdf"
        watched.page.pdf(path=str(pdf), format="A4")
    pages = pdf_page_texts(pdf)
    assert len(pages) >= 2
    assert sum("Sets × reps" in page and "Key cue" in page for page in pages) >= 2  # the plan table's header repeats
    for note in notes:
        assert sum(note in page for page in pages) == 1, note  # each row whole on one page
    assert all(len(page) > 200 for page in pages)  # no blank page
