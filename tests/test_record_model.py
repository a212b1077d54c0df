"""The record model: new fields reach the page in the right structure, links go both ways, the schema files follow the model."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import REPO, BuildResult, repo_config

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout
from atlas.records.model import Action, ExerciseRecord
from atlas.records.precaution_rules import needed_precautions
from atlas.pages.page_kinds import not_in_nav
from atlas.records.schema_files import SCHEMA_DIR, stale_schema_files


class _Facts(HTMLParser):
    """The terms and values of the facts panel (<dl class="uba-facts">), as text."""

    def __init__(self) -> None:
        super().__init__()
        self.facts: list[tuple[str, list[str]]] = []
        self._inside = False
        self._cell: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "dl" and ("class", "uba-facts") in attrs:
            self._inside = True
        elif self._inside and tag in ("dt", "dd"):
            assert self._cell is None, f"<{tag}> opened inside <{self._cell}>"
            self._cell, self._text = tag, ""
        elif self._inside and self._cell is None:
            raise AssertionError(f"<{tag}> directly inside the facts panel")

    def handle_endtag(self, tag: str) -> None:
        if tag == "dl":
            self._inside = False
        elif self._inside and tag == self._cell:
            if tag == "dt":
                self.facts.append((self._text.strip(), []))
            else:
                self.facts[-1][1].append(self._text.strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell:
            self._text += data


def facts_of(html: str) -> dict[str, list[str]]:
    parser = _Facts()
    parser.feed(html)
    return dict(parser.facts)


def test_facts_panel_has_one_term_and_value_per_fact(minimal_site: BuildResult) -> None:
    facts = facts_of(minimal_site.article("exercises/face-pull/"))
    assert facts == {
        "Primary muscles": ["Rear delts, Infraspinatus"],
        "Secondary muscles": ["Middle traps"],
        "Stabilizers": ["Core"],
        "Joint actions": ["Shoulder horizontal abduction, Shoulder external rotation, Scapular retraction"],
        "Movement": ["Compound, horizontal pull"],
        "Equipment": ["Cable machine, Rope attachment"],
        "Or instead": ["Resistance band"],
        "Set-up": ["Rope at upper-chest to forehead height; thumbs toward you.", "Stand a step back so the cable is taut at arm's length."],
        "Level": ["Beginner"],
        "Category": ["Strength"],
        "Dose": ["3 × 12-15, rest 60 s"],
        "Also called": ["Rope face pull"],
    }
    shrug = facts_of(minimal_site.article("exercises/shrug/"))
    assert shrug["Movement"] == ["Isolation, hold"] and "Stabilizers" not in shrug and "Or instead" not in shrug


def test_ladder_is_shown_both_ways(minimal_site: BuildResult) -> None:
    face_pull = minimal_site.article("exercises/face-pull/")
    easier = face_pull[face_pull.index("Make it easier") : face_pull.index("Make it harder")]
    assert '<li><a href="../band-pull-apart/">Band pull-apart</a>: A band at chest height is gentler on the shoulder.</li>' in easier
    band = minimal_site.article("exercises/band-pull-apart/")
    harder = band[band.index("Make it harder") :]
    assert '<li><a href="../face-pull/">Face pull</a></li>' in harder[: harder.index("</div>")]


def test_precaution_advice_is_shown_on_each_exercise_that_lists_it(minimal_site: BuildResult) -> None:
    html = minimal_site.article("exercises/face-pull/")
    assert (
        '<p class="admonition-title">Take care</p>\n<ul>\n<li><strong>Shoulder instability or hypermobility:</strong> '
        "Keep the arm below shoulder height"
    ) in html
    assert "<strong>Pregnancy:</strong>" in minimal_site.article("exercises/shrug/")
    assert "Take care" not in minimal_site.article("exercises/band-pull-apart/")


def test_sources_page_lists_every_source_with_the_pages_citing_it(minimal_site: BuildResult) -> None:
    html = minimal_site.article("sources/")
    assert '<div class="uba-source" id="ekstrom-2003">' in html and '<div class="uba-source" id="neumann-2017">' in html
    assert (
        "Ekstrom RA, Donatelli RA, Soderberg GL (2003). Surface electromyographic analysis of exercises for the trapezius and "
        "serratus anterior muscles. <em>Journal of Orthopaedic &amp; Sports Physical Therapy</em> 33(5):247-258. "
        '<a href="https://doi.org/10.2519/jospt.2003.33.5.247">https://doi.org/10.2519/jospt.2003.33.5.247</a>'
    ) in html
    neumann = html[html.index('id="neumann-2017"') :]
    assert (
        '<p class="uba-cited-by">Cited by <a href="../exercises/face-pull/">Face pull</a>, <a href="../exercises/shrug/">Shrug</a>, '
        '<a href="../muscles/traps/">Traps</a>.</p>' in neumann
    )


def test_exercise_and_muscle_pages_number_their_references(minimal_site: BuildResult) -> None:
    html = minimal_site.article("exercises/face-pull/")
    references = html[html.index('id="sources"') :]
    assert references.count("<li>") == 2 and references.index("Ekstrom RA") < references.index("Neumann DA")
    assert '<a href="../../sources/#neumann-2017">In the bibliography</a>' in references
    assert "<ol>" in references
    assert "Neumann DA (2017)" in minimal_site.article("muscles/traps/")


def test_schema_files_are_written_from_the_model() -> None:
    stale = stale_schema_files()
    assert not stale, f"{', '.join(stale)} in {SCHEMA_DIR} differ from the model: run `upper-back-atlas schema` and commit the files"


def test_enums_are_declared_once() -> None:
    schema = ExerciseRecord.model_json_schema()
    assert schema["$defs"]["Action"]["enum"] == [action.value for action in Action]


def test_not_in_nav_follows_the_page_kinds() -> None:
    config = repo_config()
    assert config["not_in_nav"] == not_in_nav(), "mkdocs.yml not_in_nav must list every page kind's folder (atlas.page_kinds)"


def test_every_minimal_record_field_is_used() -> None:
    used: set[str] = set()
    for path in sorted(Path(__file__).parent.glob("minimal/exercises/*.yml")):
        if not path.name.startswith("_"):
            used |= set(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert set(ExerciseRecord.model_fields) - used == set()


SAME_RISK_SAME_PRECAUTION = {
    "osteoporosis": ["turkish-get-up", "lawnmower", "open-book", "seated-thoracic-rotation", "thread-the-needle", "kettlebell-windmill"],
    "shoulder-instability": ["face-pull", "band-external-rotation-90-90", "prone-90-90-external-rotation", "cross-body-stretch"],
    "shoulder-surgery": ["face-pull", "band-external-rotation-90-90", "prone-90-90-external-rotation"],
    "high-blood-pressure": ["bottoms-up-kettlebell-carry", "farmers-carry", "suitcase-carry"],
    "painful-arc": ["cuban-press", "upright-row", "prone-y-raise"],
}
"""The reviews' cases: one risk, one precaution, on every exercise that carries the risk."""


def test_precautions_follow_the_taxonomy_rules_not_memory() -> None:
    atlas = build_atlas(ProjectLayout(REPO, REPO / "content"))
    for precaution, exercise_ids in SAME_RISK_SAME_PRECAUTION.items():
        for exercise_id in exercise_ids:
            exercise = atlas.exercises[exercise_id]
            assert precaution in needed_precautions(exercise, atlas.precautions), (precaution, exercise_id)
            assert precaution in exercise.precautions, (precaution, exercise_id)
    at_side = needed_precautions(atlas.exercises["band-external-rotation"], atlas.precautions)
    assert not {"shoulder-instability", "shoulder-surgery", "painful-arc"} & set(at_side)  # the arm at the side is the safe base
    assert "posterior" in atlas.precautions["shoulder-instability"].advice or "back of the shoulder" in atlas.precautions[
        "shoulder-instability"].advice
