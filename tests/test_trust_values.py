"""Values that could break a page: file names that are not safe in a web address, numbers that are not numbers, and
records too big to draw. Each is one `file:line: field:` problem, or it lands inert (percent-encoded, escaped)."""

from __future__ import annotations

import html.parser
import math
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from atlas.figures.figure_model import MAX_PROPS, Figure
from atlas.figures.figure_render import figure_html, figure_thumbnail
from atlas.generation import generate_site
from atlas.layout import ProjectLayout
from atlas.pages.index_pages import inert_json
from atlas.problems import AtlasProblems
from conftest import SIMPLE_FIGURE, BuildResult, build, project_config, repo_config

EDIT_BASE = repo_config()["edit_uri"]
UNSAFE = "which a web address cannot carry safely; expected a name without quotes, angle brackets, backslashes or control characters"


def _problem_lines(project: Path) -> list[str]:
    with pytest.raises(AtlasProblems) as raised:
        generate_site(ProjectLayout(project, project / "content"))
    return [str(problem) for problem in raised.value.problems]


def _with_nav(project: Path, *articles: str) -> None:
    nav = [{"Home": "index.md"}, {"Guides": ["guides/sample.md", *articles]}]
    (project / "mkdocs.yml").write_text(project_config(nav=nav), encoding="utf-8")


class _Links(html.parser.HTMLParser):
    """Every element's attributes as a browser reads them (entities decoded)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def _elements(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Links()
    parser.feed(page)
    return parser.elements


# 1. File names in web addresses


def test_an_article_named_to_break_out_of_an_attribute_stops_the_build_in_one_line(project: Path) -> None:
    hostile = 'guides/q"onmouseover="alert(1).md'
    sample = (project / "content/guides/sample.md").read_text(encoding="utf-8")
    (project / "content" / hostile).write_text(sample, encoding="utf-8")
    (project / "content/guides/bell\x07\x1b[31m.md").write_text(sample, encoding="utf-8")
    _with_nav(project, hostile)

    result = build(project)

    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert result.returncode == 1 and "Traceback" not in result.output
    assert errors == [
        f"ERROR   -  content/guides/bell\\x07\\x1b[31m.md: file: the name holds '\\x07', '\\x1b', {UNSAFE}, such as posture-guide.md",
        f"ERROR   -  content/guides/q\"onmouseover=\"alert(1).md: file: the name holds '\"', {UNSAFE}, such as posture-guide.md",
        "ERROR   -  Upper Back Atlas: 2 problems in the sources; nothing was built.",
    ]
    assert not (project / "site").exists()


def test_edit_links_are_percent_encoded_and_attribute_escaped(project: Path) -> None:
    odd = "guides/a b&c=d;e.md"
    (project / "content" / odd).write_text((project / "content/guides/sample.md").read_text(encoding="utf-8"), encoding="utf-8")
    _with_nav(project, odd)

    result = build(project)

    assert result.returncode == 0, result.output
    raw = result.page("guides/a b&c=d;e/")
    edits = [attributes["href"] for tag, attributes in _elements(raw) if tag == "a" and attributes.get("rel") == "edit"]
    assert edits == [EDIT_BASE + "content/guides/a%20b%26c%3Dd%3Be.md"]
    record_edits = [attributes["href"] for tag, attributes in _elements(result.page("exercises/face-pull/"))
                    if tag == "a" and attributes.get("rel") == "edit"]
    assert record_edits == [EDIT_BASE + "exercises/face-pull.yml"]
    assert unquote(urlsplit(edits[0]).path).endswith("/content/guides/a b&c=d;e.md")


def test_no_attribute_of_any_built_page_carries_an_event_handler(minimal_site: BuildResult) -> None:
    """Every template variable that reaches an attribute is escaped: no page of the site has an on* attribute."""
    pages = sorted(minimal_site.site.rglob("*.html"))
    handlers = [(page.relative_to(minimal_site.site).as_posix(), name) for page in pages
                for _, attributes in _elements(page.read_text(encoding="utf-8")) for name in attributes if name.startswith("on")]
    assert len(pages) > 10 and handlers == []


# 5. Numbers


def test_a_nan_in_a_figure_is_a_problem_not_a_traceback_nor_nan_in_the_export(project: Path) -> None:
    """Before, a NaN root crashed in figure_drawing.py and a NaN prop position was written into /api/exercises.json."""
    path = project / "exercises/shrug.yml"
    text = path.read_text(encoding="utf-8")
    held = "    - {kind: dumbbells, hold: both}\n"
    text = text.replace(held, held + "    - {kind: bench, at: [.nan, 40]}\n")
    path.write_text(text.replace("  start:\n", "  start:\n    root: [.NaN, 92]\n"), encoding="utf-8")

    result = build(project)

    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert result.returncode == 1 and "Traceback" not in result.output
    expected = "expected a number of cm across the picture from -300 to 300"
    assert errors == [
        f"ERROR   -  exercises/shrug.yml:24: figure.props[2].at[0]: .nan is not a number; {expected}",
        f"ERROR   -  exercises/shrug.yml:26: figure.start.root[0]: .nan is not a number; {expected}",
        "ERROR   -  Upper Back Atlas: 2 problems in the sources; nothing was built.",
    ]


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_the_json_export_refuses_what_json_parse_would(value: float) -> None:
    with pytest.raises(ValueError):
        inert_json({"exercises": [{"at": [value, 40]}]})


def test_numbers_keep_their_meaning_on_the_page(minimal_site: BuildResult) -> None:
    """The map's numbers are whole numbers inside the drawing (a label `true` was drawn at cx="True")."""
    circles = [attributes for tag, attributes in _elements(minimal_site.page("muscles/")) if tag == "circle"]
    assert circles and all(0 <= int(str(c["cx"])) <= 596 and 0 <= int(str(c["cy"])) <= 704 for c in circles)


# 6. Size bounds


def _shrug_with_figure(project: Path, **figure: object) -> None:
    path = project / "exercises/shrug.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["figure"] = dict(SIMPLE_FIGURE, **figure)
    path.write_text(yaml.safe_dump(record, sort_keys=False, width=10**7), encoding="utf-8")


def test_a_400_kb_caption_and_3000_props_are_refused_with_the_bound(project: Path) -> None:
    _shrug_with_figure(project, caption="A caption. " * 37_000, props=[{"kind": "floor"} for _ in range(3000)])
    assert _problem_lines(project) == [
        "exercises/shrug.yml:31: figure.props: has 3000 entries; expected at most 12",
        "exercises/shrug.yml:3040: figure.caption: is 407,000 characters long; expected at most 600",
    ]


def test_the_biggest_figure_the_bounds_allow_stays_small() -> None:
    """With every bound at its limit (props, caption, the widest poses) a figure's block stays far under 100 KB, so no
    record can grow an exercise page by drawing (one grew to 575 KB before the bounds)."""
    props = [
        {"kind": "cable-machine", "anchor": [300, 300], "hold": "near"}, {"kind": "resistance-band", "anchor": [-300, -50], "hold": "far"},
        {"kind": "dumbbells", "hold": "near"}, {"kind": "kettlebell", "hold": "far", "angle": 180}, {"kind": "barbell", "hold": "both"},
        {"kind": "rings", "anchor": [20, 250], "hold": "both"}, {"kind": "landmine", "anchor": [-100, 0], "hold": "both"},
        {"kind": "bench", "at": [0, 45], "angle": 30}, {"kind": "rack", "at": [-300, 300]}, {"kind": "pull-up-bar", "at": [300, 220]},
        {"kind": "towel", "hold": "both"}, {"kind": "rope", "hold": "near"},
    ]
    assert len(props) == MAX_PROPS
    wide = {"shoulder": -60, "elbow": 150, "wrist": 90, "hip": 140, "knee": 155, "ankle": 60, "shrug": 8, "reach": 8}
    other = {"shoulder": 190, "elbow": 0, "wrist": -90, "hip": -30, "knee": 0, "ankle": -30, "shrug": -4, "reach": -6}
    figure = Figure.model_validate({
        "view": "side", "caption": "x" * 600, "props": props,
        "start": {"root": [-300, -50], "trunk": 180, "spine": -40, "neck": -60, "near": wide, "far": other},
        "end": {"root": [300, 300], "trunk": -180, "spine": 60, "neck": 60, "near": other, "far": wide},
    })
    assert len(str(figure_html(figure, "k" * 60, "N" * 120)).encode()) < 100_000
    assert len(str(figure_thumbnail(figure, "k" * 60, "N" * 120)).encode()) < 20_000


def test_a_taxonomy_too_big_for_its_pages_is_refused_with_the_bound(project: Path) -> None:
    path = project / "exercises/_taxonomy.yml"
    taxonomy = yaml.safe_load(path.read_text(encoding="utf-8"))
    taxonomy["equipment"].update({f"thing-{number}": {"name": f"Thing {number}"} for number in range(100)})
    taxonomy["precautions"].update({f"care-{number}": {"name": f"Care {number}", "advice": "Go gently."} for number in range(40)})
    path.write_text(yaml.safe_dump(taxonomy, sort_keys=False), encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in _problem_lines(project)] == [
        "equipment: has 114 entries; expected at most 100", "precautions: has 42 entries; expected at most 40"]
