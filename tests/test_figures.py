"""Movement figures: the skeleton keeps its lengths, poses are checked with file:line, every exercise page has its figure."""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from conftest import REPO, BuildResult, build, make_project

sys.path.insert(0, str(REPO / "hooks"))

from atlas.figures.figure_actions import action_mismatches  # noqa: E402
from atlas.figures.figure_check import check_figure, check_figures  # noqa: E402
from atlas.figures.figure_drawing import draw_figure  # noqa: E402
from atlas.figures.figure_poses import poses_along  # noqa: E402
from atlas.figures.figure_model import SCENE_PROPS, Figure  # noqa: E402
from atlas.figures.figure_skeleton import LENGTHS, chains, drawn_length, joint_points, segment_length  # noqa: E402
from atlas.records.model import Dose  # noqa: E402
from atlas.records.sourced_yaml import SourcedYaml, read_yaml  # noqa: E402

FIGURE_BUDGET = 12 * 1024
"""Bytes a figure may add to an exercise page."""
TAXONOMY = yaml.safe_load((REPO / "exercises/_taxonomy.yml").read_text(encoding="utf-8"))
KNOWN_PROPS = set(TAXONOMY["equipment"]) | set(SCENE_PROPS)


def _figures() -> dict[str, Figure]:
    records = {path.stem: path for path in (REPO / "exercises").glob("*.yml") if not path.name.startswith("_")}
    docs = {}
    for stem, path in records.items():
        doc, problems = read_yaml(path, f"exercises/{path.name}")
        assert doc is not None and not problems
        dose = Dose.model_validate(doc.value["dose"]) if "dose" in doc.value else None
        figure = Figure.model_validate(doc.value["figure"])
        docs[stem] = (doc, SimpleNamespace(figure=figure, dose=dose, actions=tuple(doc.value.get("actions", ()))))
    assert check_figures(docs, TAXONOMY["equipment"]) == []
    return {stem: record.figure for stem, (_, record) in docs.items()}


def _doc(tmp_path: Path, text: str) -> SourcedYaml:
    file = tmp_path / "figures" / "row.yml"
    file.parent.mkdir(exist_ok=True)
    file.write_text(text, encoding="utf-8")
    doc, problems = read_yaml(file, "figures/row.yml")
    assert doc is not None and not problems
    return SourcedYaml(doc.path, {"figure": doc.value}, {("figure", *key): line for key, line in doc.lines.items()})


def test_every_exercise_has_a_valid_figure() -> None:
    figures = _figures()
    exercises = {path.stem for path in (REPO / "exercises").glob("*.yml") if not path.name.startswith("_")}
    assert exercises <= set(figures), sorted(exercises - set(figures))


def test_limbs_keep_their_length_in_every_frame() -> None:
    for exercise_id, figure in _figures().items():
        for _, pose, root in poses_along(figure):
            points = joint_points(figure.view, pose, root)
            for chain in chains(figure.view):
                for segment in chain.segments:
                    # An upper arm pointing at the viewer (`toward`) is drawn shorter, by the same amount in every frame.
                    drawn = drawn_length(figure.view, segment, chain.side, figure.start)
                    assert drawn == drawn_length(figure.view, segment, chain.side, pose), (exercise_id, segment.name)
                    assert math.isclose(segment_length(points, segment.name), drawn, abs_tol=1e-6), (exercise_id, segment.name)
                    if segment.length:
                        full = LENGTHS[segment.name.split(".")[-1]]
                        # Seen from the front, a foot points at the viewer: drawn half as long.
                        assert segment.length in ((full,) if figure.view.value == "side" or segment.part != "foot" else (full / 2,))


def test_a_fixed_point_stays_put() -> None:
    figure = _figures()["pull-up"]
    assert figure.fixed is not None
    along = poses_along(figure)
    from atlas.figures.figure_poses import grips

    hands = [grips(figure.view, pose, root)["near"] for _, pose, root in along]
    assert all(math.dist(hands[0], hand) < 1e-6 for hand in hands)


RECORD_GAPS: dict[str, list[str]] = {}
"""Movements a record's `actions` do not name yet (none now); the test fails as soon as a record is fixed, so an entry goes with its fix."""


def test_each_figure_moves_the_joints_its_actions_name_and_no_others() -> None:
    found = {}
    for exercise_id, figure in _figures().items():
        record = yaml.safe_load((REPO / "exercises" / f"{exercise_id}.yml").read_text(encoding="utf-8"))
        mismatches = action_mismatches(figure, record.get("actions") or [])
        if mismatches:
            found[exercise_id] = mismatches
    assert found == RECORD_GAPS
    rows = _figures()["bent-over-row"]
    assert action_mismatches(rows, ["scapular-retraction", "shoulder-extension", "elbow-flexion"]) == []
    assert action_mismatches(rows, ["shoulder-external-rotation", "hip-extension"]) == [
        "hip-extension is not shown: none of hip, knee, trunk changes between start and end",
        "reach changes by 4 but no action moves it",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "view: side\nstart:\n  near: {elbow: 200}\nend: {}\n",
            ["figures/row.yml:3: figure.start.near.elbow: 200° is outside the human range of the elbow in this view; expected 0 to 150"],
        ),
        (
            "view: front\nstart:\n  near: {elbow: 20}\nend: {}\n",
            ["figures/row.yml:3: figure.start.near: is not a side of the front view; expected left or right"],
        ),
        (
            "view: side\nprops:\n  - {kind: trampoline}\nstart: {}\nend: {}\n",
            [
                "figures/row.yml:3: figure.props[0].kind: unknown prop 'trampoline'; expected an equipment id from exercises/_taxonomy.yml "
                f"or one of {', '.join(SCENE_PROPS)}"
            ],
        ),
        ("view: diagonal\nstart: {}\nend: {}\n", ["figures/row.yml:1: figure.view: 'diagonal' is not one of side, front, back, top"]),
        (
            "view: side\nstart:\n  trunk: 10\n  elbw: 3\n",
            [
                "figures/row.yml:1: figure.end: is missing; it is required",
                "figures/row.yml:4: figure.start.elbw: unknown field; "
                "expected one of root, trunk, spine, neck, near, far, left, right, label",
            ],
        ),
        (
            "view: side\nprops:\n  - {kind: dumbbells}\nstart:\n  root: [0]\nend: {}\n",
            ["figures/row.yml:5: figure.start.root[1]: is missing; it is required"],
        ),
        (
            "view: side\nprops:\n  - {kind: resistance-band, anchor: [0, 0], hold: feet}\nstart: {}\nend: {}\n",
            ["figures/row.yml:3: figure.props[0].hold: 'resistance-band' cannot hang between the feet; expected a hand"],
        ),
        (
            "view: side\nprops:\n  - {kind: resistance-band, hold: near}\nstart: {}\nend: {}\n",
            [
                "figures/row.yml:3: figure.props[0]: 'resistance-band' needs `anchor: [x, y]` (where it is fixed), "
                "or a band `hold: both` hands"
            ],
        ),
    ],
)
def test_bad_figures_give_one_line_each(tmp_path: Path, text: str, expected: list[str]) -> None:
    figure, problems = check_figure(_doc(tmp_path, text), ("figure",), KNOWN_PROPS)
    assert figure is None
    assert sorted(str(problem) for problem in problems) == expected


def test_a_weight_between_the_feet_hangs_from_the_near_foot_and_the_caption_says_what_the_picture_cannot() -> None:
    from atlas.figures.figure_render import figure_html

    figure = _figures()["weighted-pull-up"]
    held = []
    pending = [draw_figure(figure, "w").body]
    while pending:
        group = pending.pop()
        held += [group] if group.tone == "held" else []
        pending.extend(group.children)
    assert len(held) == 1  # the dumbbell, at the foot (the hands hold the bar, which stands still)
    note = figure.model_copy(update={"caption": "It shows <one> phase."})
    assert "(side view). It shows &lt;one&gt; phase.</figcaption>" in figure_html(note, "w", "Weighted pull-up")


def test_a_missing_figure_stops_the_build_with_its_record(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    record = project / "exercises" / "face-pull.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text[: text.index("\nfigure:")] + "\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "exercises/face-pull.yml:2: figure: is missing; it is required" in result.output


def test_a_bad_figure_stops_the_build_with_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    record = project / "exercises" / "face-pull.yml"
    text = record.read_text(encoding="utf-8")
    bad_figure = "figure:\n  view: side\n  start:\n    near: {knee: -40}\n  end: {}\n"
    record.write_text(text[: text.index("figure:")] + bad_figure, encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    errors = [line.removeprefix("ERROR   -  ") for line in result.output.splitlines() if line.startswith("ERROR")]
    line = record.read_text(encoding="utf-8").splitlines().index("    near: {knee: -40}") + 1
    assert errors == [
        f"exercises/face-pull.yml:{line}: figure.start.near.knee: -40° is outside the human range of the knee in this view; "
        "expected 0 to 155",
        "Upper Back Atlas: 1 problem in the sources; nothing was built.",
    ]


def test_drawings_are_inside_their_picture() -> None:
    for exercise_id, figure in _figures().items():
        x, y, width, height = draw_figure(figure, exercise_id).box
        for _, pose, root in poses_along(figure):
            for px, py in joint_points(figure.view, pose, root).values():
                assert x <= px <= x + width and y <= py <= y + height, exercise_id


def _figure_block(html: str) -> str:
    start = html.index('<figure class="uba-fig"')
    return html[start : html.index("</figure>", start) + len("</figure>")]


def test_every_exercise_page_has_its_figure_within_budget(real_site: BuildResult) -> None:
    for exercise_id in _figures():
        block = _figure_block(real_site.page(f"exercises/{exercise_id}/"))
        assert len(block.encode("utf-8")) <= FIGURE_BUDGET, exercise_id
        svgs = re.findall(r'<svg [^>]*aria-label="([^"]*)"', block)
        if "uba-fig-panel--hold" in block:
            assert len(svgs) == 1 and svgs[0].endswith("the position to hold"), exercise_id
        else:
            labels = [label.rsplit(": ", 1)[-1] for label in svgs]
            figure = _figures()[exercise_id]
            stills = len(figure.key_poses) + (len(figure.also.key_poses) if figure.also else 0)
            # Each view: its start, the movement, a still of each phase (numbered and named), its end.
            assert labels[:2] == ["start position", "the movement, repeating"] and labels[-1] == "end position", exercise_id
            assert len(labels) == stills + (2 if figure.also else 1), exercise_id
            assert all(label.startswith("step ") for label in labels[2 : len(figure.key_poses)]), exercise_id
            assert "@keyframes" in block and 'class="uba-fig-pause"' in block
        assert "http" not in block.replace("http://www.w3.org", ""), exercise_id


def test_the_json_export_carries_each_figure(real_site: BuildResult) -> None:
    data = json.loads((real_site.site / "api/exercises.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    figures = _figures()
    for exercise in data["exercises"]:
        assert Figure.model_validate(exercise["figure"]) == figures[exercise["id"]]


def test_the_small_still_fits_a_table_cell() -> None:
    """Routine pages and sheets put `{{ movement_thumbnail(exercise) }}` in a table cell: one line of inline SVG."""
    import markdown
    from markupsafe import Markup

    from atlas.figures.figure_render import figure_thumbnail

    figure = _figures()["face-pull"]
    still = figure_thumbnail(figure, "face-pull", "Face <pull> [x](javascript:alert(2))")
    assert isinstance(still, Markup) and "\n" not in still and "@keyframes" not in still
    # Entities only: inside a Markdown table cell the label carries no HTML and no Markdown syntax.
    assert 'aria-label="Face &#60;pull&#62; &#91;x&#93;&#40;javascript&#58;alert&#40;2&#41;&#41;: end position"' in still
    html = markdown.markdown(f"| Exercise |\n| --- |\n| {still} Face pull |\n", extensions=["tables"])
    assert re.search(r"<td><span class=\"uba-fig-thumb\"><svg [^>]*>.*</svg></span> Face pull</td>", html)


def test_routine_pages_and_sheets_show_each_exercise_end_position(real_site: BuildResult) -> None:
    """Beside each exercise's name, on the page's plan and on the printed sheet, a small still of its end position (or of the
    key pose its figure names as reading best small)."""
    from atlas.figures.figure_render import _INLINE_ENTITIES, thumbnail_pose
    from atlas.generation import build_atlas
    from atlas.layout import ProjectLayout

    atlas = build_atlas(ProjectLayout(REPO, REPO / "content"))
    for routine in atlas.routines.values():
        html = real_site.page(f"routines/{routine.id}/")
        plan = html[html.index('<div class="uba-plan">') :]
        sheet_page = real_site.page(f"routines/{routine.id}/sheet/")
        sheet = sheet_page[sheet_page.index('<section class="uba-sheet"') :]
        for exercise_id in routine.exercise_ids:
            exercise = atlas.exercises[exercise_id]
            assert exercise.figure is not None
            what = thumbnail_pose(exercise.figure)[1]
            label = f'aria-label="{exercise.name.translate(_INLINE_ENTITIES)}: {what}"'
            assert '<span class="uba-fig-thumb"><svg class="uba-fig-svg"' in plan and label in plan, (routine.id, exercise_id)
            assert label in sheet, (routine.id, exercise_id)
        assert "&lt;svg" not in html and "&lt;svg" not in sheet_page, routine.id


LIES = REPO / "tests" / "figure_lies"
"""Figures as they were before they were fixed, each beside the exact problems the gate must report (UPDATE_GOLDEN=1 rewrites them)."""


@pytest.mark.parametrize("case", sorted(path.name for path in LIES.iterdir() if path.is_dir()))
def test_the_gate_refuses_a_figure_that_lies(case: str) -> None:
    """The old Kroc row (floating foot, dumbbell in the bench), Pallof press (no press), seal row (chest off the bench), foam
    roller (under the lower back) and prone 90/90 outward rotation (the elbow straightening) each fail with
    `file:line: figure…: …` lines; their fixed records pass (the catalogue check)."""
    import os

    from atlas.figures.figure_check import figure_problems
    from atlas.figures.figure_truth import figure_lies

    doc, problems = read_yaml(LIES / case / "figure.yml", f"figure_lies/{case}/figure.yml")
    assert doc is not None and not problems
    figure = Figure.model_validate(doc.value["figure"])
    assert figure_problems(doc, ("figure",), figure, KNOWN_PROPS) == []  # it validates: only the gate sees what is wrong
    dose = Dose.model_validate(doc.value["dose"])
    found = [str(problem) for problem in figure_lies(doc, ("figure",), figure, dose, doc.value.get("actions", ()))]
    golden = LIES / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text("\n".join(found) + "\n", encoding="utf-8")
    assert found and found == golden.read_text(encoding="utf-8").splitlines()


def test_the_gate_sees_contacts_in_every_key_pose_and_moves_through_phases() -> None:
    figures = _figures()
    getup = figures["turkish-get-up"]
    assert len(getup.key_poses) >= 4 and getup.contacts
    walk = figures["farmers-carry"]
    assert walk.cycle and len(walk.key_poses) == 4
    drawing = draw_figure(walk, "walk")
    assert drawing.cycle and drawing.seconds > 2.6 * 3
    # Every motion of a cycle starts and ends on the same transform (it goes round without a jump).
    for motion in drawing.motions:
        assert motion.keyframes[0].transform == motion.keyframes[-1].transform, motion.name
    # The Cuban press goes raise, turn, press in order: the picture-left forearm's keyframes hold each key pose's turn in turn.
    press = figures["cuban-press"]
    cuban = draw_figure(press, "cuban")
    forearm = [group for group in _groups(cuban.body) if group.shapes and group.shapes[0].tone == "arm" and group.motion][1]
    assert forearm.motion is not None
    assert [frame.transform for frame in forearm.motion.keyframes] == list(forearm.frames)
    assert len({frame.transform.angle for frame in forearm.motion.keyframes}) == len(press.key_poses)


def _groups(group: Any) -> list[Any]:
    found = [group]
    for child in group.children:
        found += _groups(child)
    return found


def test_a_figure_shared_by_a_family_of_exercises_is_drawn_once_and_written_as_if_drawn_for_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cold build draws each distinct figure once; what each exercise's page gets is exactly its own drawing."""
    from atlas.figures import figure_render
    from atlas.site.build_cache import FIGURES

    figures = _figures()
    figure = figures["face-pull"]
    with_second_view = next(found for found in figures.values() if found.also is not None)
    monkeypatch.setattr(FIGURES, "_folder", None)
    monkeypatch.setattr(FIGURES, "_memory", {})
    drawn: list[str] = []
    real_draw = figure_render.draw_figure
    monkeypatch.setattr(figure_render, "draw_figure", lambda *args, **kwargs: drawn.append(args[1]) or real_draw(*args, **kwargs))
    for shared in (figure, with_second_view):
        drawn.clear()
        family = [SimpleNamespace(id=f"row-{index}", name=name, figure=shared)
                  for index, name in enumerate(("Row", "Row <b>&amp; 'quoted' \"name\"", "Row_with *marks* [x](y) | z"))]
        for exercise in family:
            assert figure_render.exercise_figure(exercise) == figure_render.figure_html(shared, exercise.id, exercise.name)
            assert figure_render.exercise_thumbnail(exercise) == figure_render.figure_thumbnail(shared, exercise.id, exercise.name)
            assert (figure_render.exercise_thumbnail_defined(exercise)
                    == figure_render.figure_thumbnail_defined(shared, exercise.id, exercise.name))
            assert (figure_render.exercise_thumbnail_reference(exercise)
                    == figure_render.figure_thumbnail_reference(shared, exercise.id, exercise.name))
        by_stand_in = [key for key in drawn if key.startswith(figure_render.STAND_IN_KEY)]
        assert len(by_stand_in) == (5 if shared.also is not None else 4), drawn  # page figure (and its second view), three thumbnails
