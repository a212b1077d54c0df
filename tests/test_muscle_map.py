"""The muscle map in built pages: each page lights exactly its muscles' declared shapes, in the views that show them."""

from __future__ import annotations

import html.parser
import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from conftest import REPO, BuildResult, build, make_project

sys.path.insert(0, str(REPO / "hooks"))
from atlas.generation import build_atlas  # noqa: E402
from atlas.records.graph import Atlas  # noqa: E402
from atlas.layout import ProjectLayout  # noqa: E402
from atlas.problems import AtlasProblems  # noqa: E402


SHADE = re.compile(r"--uba-m-([a-z0-9-]+):\s*var\(--uba-([a-z0-9-]+)\)")
"""How a map's <svg> gives a muscle its shade: --uba-m-<muscle>: var(--uba-<shade>)."""
DRAWN_BY = re.compile(r"fill:\s*var\(--uba-m-([a-z0-9-]+),")
"""How a shape of a shared drawing reads its muscle's shade."""


class MapParser(html.parser.HTMLParser):
    """The views of a page's muscle map: caption, shared drawing, each muscle's shade, linked shapes and badges;
    the legend's links."""

    def __init__(self) -> None:
        super().__init__()
        self.views: list[dict[str, Any]] = []
        self.legend: list[tuple[str, str | None, str]] = []
        self.svg_links = 0
        self._in_caption = False
        self._in_svg = False
        self._figures: list[bool] = []
        """For each open <figure>, whether it is a view of the map (other figures, such as the movement figure, are not)."""
        self._link: tuple[str, str | None] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "figure":
            self._figures.append("uba-view" in classes)
            if "uba-view" in classes:
                self.views.append({"caption": "", "drawing": None, "shades": {}, "links": {}, "badges": set()})
        elif tag == "svg" and self.views and self._figures and self._figures[-1]:
            self._in_svg = True
            self.views[-1]["shades"] = dict(SHADE.findall(values.get("style") or ""))
        elif tag == "a" and self._in_svg:
            self.svg_links += 1
        elif tag == "use" and self._in_svg:
            drawing, shape = (values.get("xlink:href") or "").split("#")
            if "uba-hit" in classes:
                self.views[-1]["links"][shape] = values.get("data-link")
            else:
                assert shape == "uba-drawing", shape
                self.views[-1]["drawing"] = drawing
        elif tag == "g" and "uba-badge" in classes and self.views:
            self.views[-1]["badges"].add(values.get("data-link"))
        elif tag == "figcaption" and self._figures and self._figures[-1]:
            self._in_caption = True
        elif tag == "a" and self._link is None and values.get("href") and self.views and not self._in_svg:
            self._link = (values["href"] or "", values.get("data-link"))
            self._text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._in_svg = False
        elif tag == "figure" and self._figures:
            self._figures.pop()
        elif tag == "figcaption":
            self._in_caption = False
        elif tag == "a" and self._link is not None:
            self.legend.append((self._link[0], self._link[1], " ".join(self._text.split())))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self.views[-1]["caption"] = str(self.views[-1]["caption"]) + data
        if self._link is not None:
            self._text += data


class DrawingParser(html.parser.HTMLParser):
    """A shared drawing: which muscle each shape shows."""

    def __init__(self) -> None:
        super().__init__()
        self.muscles: dict[str, str] = {}
        self.shapes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "uba-shape" in (values.get("class") or "").split():
            self.shapes.add(values["id"] or "")
            if found := DRAWN_BY.search(values.get("style") or ""):
                self.muscles[values["id"] or ""] = found.group(1)


def parse_map(html_text: str) -> MapParser:
    """The map of a built page (only its main content)."""
    parser = MapParser()
    parser.feed(html_text)
    return parser


def shapes_with(site: BuildResult, page_path: str, view: dict[str, Any], shade: str) -> set[str]:
    """The shapes of a view drawn in a shade: the muscles the page gives that shade, looked up in the shared drawing."""
    drawing = DrawingParser()
    drawing.feed((site.site / urljoin(f"/{page_path}", view["drawing"]).lstrip("/")).read_text(encoding="utf-8"))
    return {shape for shape, muscle in drawing.muscles.items() if view["shades"].get(muscle) == shade}


@pytest.fixture(scope="module")
def minimal_atlas() -> Atlas:
    """The minimal project's checked atlas, with its muscle map."""
    root = REPO / "tests" / "minimal"
    return build_atlas(ProjectLayout(root, root / "content"))


def declared(atlas: Atlas, muscle_ids: tuple[str, ...]) -> dict[str, set[str]]:
    """Shapes by view of these muscles (groups with their parts), from the declaration."""
    found: dict[str, set[str]] = {}
    for muscle_id in muscle_ids:
        ids = (muscle_id,) if muscle_id in atlas.parts else (muscle_id, *atlas.groups[muscle_id].parts)
        for drawing_id in ids:
            drawing = atlas.muscle_map.drawings.get(drawing_id)
            for view, shapes in (drawing.shapes.items() if drawing else ()):
                found.setdefault(view, set()).update(shapes)
    return found


@pytest.mark.parametrize("which", ["minimal", "real"])
def test_every_muscle_page_highlights_its_shapes_and_nothing_else(which: str, request: pytest.FixtureRequest) -> None:
    site: BuildResult = request.getfixturevalue(f"{which}_site")
    root = REPO if which == "real" else REPO / "tests" / "minimal"
    atlas = build_atlas(ProjectLayout(root, root / "content"))
    names = {view.name: view.id for view in atlas.muscle_map.views.values()}
    for group in atlas.groups.values():
        page = parse_map(site.article(f"muscles/{group.id}/"))
        expected = declared(atlas, (group.id,))
        assert page.views, group.id
        shown = {}
        for view in page.views:
            caption = str(view["caption"])
            assert caption.endswith(f": {group.name} highlighted"), caption
            view_id = names[caption.split(":")[0]]
            lit = shapes_with(site, f"muscles/{group.id}/", view, "primary")
            assert lit and lit == expected[view_id], (group.id, view_id)
            assert set(view["shades"].values()) == {"primary"}
            shown[view_id] = lit
        for drawing_id in (group.id, *group.parts):
            drawing = atlas.muscle_map.drawings.get(drawing_id)
            assert drawing is None or set(drawing.shapes) & set(shown), f"{drawing_id} is in none of the views of its page"


@pytest.mark.parametrize(("path", "primary", "secondary"), [
    ("exercises/face-pull/", ("rear-delts", "infraspinatus"), ("middle-traps",)),
    ("exercises/shrug/", ("upper-traps",), ()),
])
def test_exercise_pages_shade_primary_and_secondary_shapes(path: str, primary: tuple[str, ...], secondary: tuple[str, ...],
                                                          minimal_site: BuildResult, minimal_atlas: Atlas) -> None:
    html_text = minimal_site.article(path)
    page = parse_map(html_text)
    names = {view.name: view.id for view in minimal_atlas.muscle_map.views.values()}
    want_primary, want_secondary = declared(minimal_atlas, primary), declared(minimal_atlas, secondary)
    seen_primary: set[str] = set()
    seen_secondary: set[str] = set()
    for view in page.views:
        view_id = names[str(view["caption"])]
        lit, helping = (shapes_with(minimal_site, path, view, shade) for shade in ("primary", "secondary"))
        assert lit == want_primary.get(view_id, set())
        assert helping == want_secondary.get(view_id, set()) - want_primary.get(view_id, set())
        seen_primary |= lit
        seen_secondary |= helping
    assert seen_primary and bool(seen_secondary) == bool(secondary)
    assert "Works hardest" in html_text and ("Helps" in html_text) == bool(secondary), "the key names the shades the page uses"


def test_muscles_index_links_every_group_and_part_by_name(minimal_site: BuildResult, minimal_atlas: Atlas) -> None:
    page = parse_map(minimal_site.article("muscles/"))
    assert len(page.views) == len(minimal_atlas.muscle_map.views) and page.svg_links == 0
    names = {text.split(" ", 1)[-1] if number else text: (urljoin("/muscles/", href), number) for href, number, text in page.legend}
    for group in minimal_atlas.groups.values():
        assert names[group.name][0] == f"/muscles/{group.id}/"
        for part in group.parts.values():
            assert names[part.name] == (f"/muscles/{group.id}/#{part.id}", names[part.name][1])
    numbers = {number for _, number, _ in page.legend if number}
    linked = {number for view in page.views for number in view["links"].values()}
    badges = {number for view in page.views for number in view["badges"]}
    assert linked == numbers and badges <= numbers
    for view in page.views:  # every shape of a drawn muscle is a link, tinted
        drawing = DrawingParser()
        drawing.feed((minimal_site.site / urljoin("/muscles/", view["drawing"]).lstrip("/")).read_text(encoding="utf-8"))
        assert set(view["links"]) == set(drawing.muscles) and set(view["links"]) < drawing.shapes
        assert {view["shades"][muscle] for muscle in drawing.muscles.values()} <= {"tint-0", "tint-1", "tint-2"}


def test_404_map_is_the_linked_index_map(minimal_site: BuildResult) -> None:
    page = parse_map(minimal_site.page("404.html"))
    assert len(page.views) == 4 and page.svg_links == 0
    assert ("/muscles/rhomboids/", "4", "4 Rhomboids") in page.legend


def test_map_pages_carry_no_drawing(minimal_site: BuildResult) -> None:
    """The drawings are shared files: a page with a map has no shape of its own."""
    for path in ("exercises/face-pull/", "muscles/rotator-cuff/", "muscles/", "404.html"):
        page = parse_map(minimal_site.page(path))
        assert page.views and all(view["drawing"] for view in page.views), path
        assert "uba-shape" not in minimal_site.page(path), path


def _problems(project: Path) -> list[str]:
    try:
        build_atlas(ProjectLayout(project, project / "content"))
    except AtlasProblems as problems:
        return [str(problem) for problem in problems.problems]
    return []


def _edit(project: Path, old: str, new: str) -> None:
    declaration = project / "exercises" / "_muscle-map.yml"
    text = declaration.read_text(encoding="utf-8")
    assert old in text
    declaration.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(project: Path, text: str) -> int:
    lines = (project / "exercises" / "_muscle-map.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


@pytest.mark.parametrize(("old", "new", "marker", "expected"), [
    ("  rhomboids:\n", "  rhombiods:\n", "rhombiods:",
     "muscles.rhombiods: unknown muscle id 'rhombiods' (did you mean 'rhomboids'?); expected a group or part of exercises/_taxonomy.yml"),
    ("shapes: {back: [trapezius_middle]}", "shapes: {bak: [trapezius_middle]}", "bak:",
     "muscles.middle-traps.shapes.bak: unknown view 'bak'; expected one of back, back-deep, front, front-deep"),
    ("shapes: {back: [trapezius_middle]}", "shapes: {back: [trapezius_midle]}", "trapezius_midle",
     "muscles.middle-traps.shapes.back[0]: 'trapezius_midle' matches no shape of the back drawing"),
    ("label: [back, 331, 205]", "label: [front, 331, 205]", "[front, 331, 205]",
     "muscles.middle-traps.label: expected [view, x, y] with a view that shows the muscle (back) and whole numbers"),
])
def test_bad_declarations_give_one_line_each(old: str, new: str, marker: str, expected: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _edit(project, old, new)
    problems = _problems(project)
    line = _line_of(project, marker)
    assert any(problem.startswith(f"exercises/_muscle-map.yml:{line}: {expected}") for problem in problems), problems
    assert all("\n" not in problem for problem in problems)


def test_a_muscle_nobody_drew_stops_the_build_at_its_taxonomy_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _edit(project, "  erector-spinae:\n    shapes: {back-deep: [erector_spinae]}\n    label: [back-deep, 313, 400]\n", "")
    result = build(project)
    taxonomy = (project / "exercises" / "_taxonomy.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(taxonomy, start=1) if text == "  erector-spinae:")
    assert result.returncode != 0
    assert (f"ERROR   -  exercises/_taxonomy.yml:{line}: muscles.erector-spinae: is not drawn on the muscle map; "
            "expected its shapes in exercises/_muscle-map.yml") in result.output
    assert "Traceback" not in result.output


def test_the_repository_declares_every_taxonomy_muscle(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    for name in ("_taxonomy.yml", "_muscle-map.yml"):
        shutil.copy2(REPO / "exercises" / name, project / "exercises" / name)
    shutil.copytree(REPO / "exercises" / "sources", project / "exercises" / "sources", dirs_exist_ok=True)
    atlas = build_atlas(ProjectLayout(project, project / "content"))
    drawn = set(atlas.muscle_map.drawings)
    assert {group.id for group in atlas.groups.values() if not group.parts} | set(atlas.parts) <= drawn
