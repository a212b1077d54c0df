"""Evidence records become tables on the muscle pages: one per study, numbered to the page's sources, never merged."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BuildResult, build, make_project
from html_tree import Node, parse_html

from atlas.generation import build_atlas
from atlas.layout import ProjectLayout


EKSTROM_ROWS = """\
participants: {n: 30, who: healthy subjects}
method: Surface EMG during 10 exercises.
reviewed: 2026-12-06
rows:
  - {exercise: shrug, muscle: upper-traps, measure: mean-mvic, value: 119.5, sd: 23, where: Table 2}
  - {exercise: face-pull, muscle: middle-traps, measure: finding, finding: Among the most middle trapezius activity, where: Abstract}
  - {exercise: face-pull, muscle: infraspinatus, measure: peak-mvic, value: 40, where: Table 3}
"""
SMITH_ROWS = """\
participants: {n: 12, who: trained lifters}
method: Fine-wire EMG during 2 exercises.
reviewed: 2026-11-30
rows:
  - {exercise: shrug, muscle: traps, measure: mean-max-emg, value: 55, where: "Results, second paragraph"}
"""
SMITH_SOURCE = """\
kind: article
authors: [Smith AB, Jones CD]
year: 2020
title: A study that measured shrugs
journal: Journal of Tests
"""
ABOUT = """\
---
title: About
description: How the atlas is made.
---

# About

## How it is written and checked

By its maintainers.

## How to read the evidence

Within one study only.
"""


def article_tree(site: BuildResult, path: str) -> Node:
    return parse_html(site.article(path) + "</article>").find_all("article")[0]


def _project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project")
    (project / "exercises" / "evidence").mkdir()
    (project / "exercises" / "evidence" / "ekstrom-2003.yml").write_text(EKSTROM_ROWS, encoding="utf-8")
    (project / "exercises" / "evidence" / "smith-2020.yml").write_text(SMITH_ROWS, encoding="utf-8")
    (project / "exercises" / "sources" / "smith-2020.yml").write_text(SMITH_SOURCE, encoding="utf-8")
    (project / "content" / "about.md").write_text(ABOUT, encoding="utf-8")
    shrug = project / "exercises" / "shrug.yml"
    shrug.write_text(shrug.read_text(encoding="utf-8") + "reviewed: 2026-12-01\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def evidence_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build(_project(tmp_path_factory.mktemp("evidence")))
    assert result.returncode == 0, result.output
    return result


def _table_rows(table: Node) -> list[list[str]]:
    return [[cell.text for cell in row.find_all("td")] for row in table.find_all("tr") if row.find_all("td")]


def _study(tree: Node, source_id: str) -> tuple[Node, Node, Node]:
    """The heading of a study's table, its paragraph on who was measured, and the table."""
    heading = tree.by_id(f"evidence-{source_id}")
    box = next(node for node in heading.siblings_after(tree) if node.tag == "div")
    paragraph = box.find_all("p")[0]
    return heading, paragraph, box.find_all("table")[0]


def test_muscle_page_has_one_table_per_study_numbered_to_its_sources(evidence_site: BuildResult) -> None:
    tree = article_tree(evidence_site, "muscles/traps/")
    headings = [node for node in tree.find_all("h3") if node.attrs.get("id", "").startswith("evidence-")]
    assert [node.attrs["id"] for node in headings] == ["evidence-ekstrom-2003", "evidence-smith-2020"]

    heading, about, table = _study(tree, "ekstrom-2003")
    assert heading.text.startswith("Ekstrom and colleagues, 2003")
    assert about.text.startswith("30 healthy subjects. Surface EMG during 10 exercises.")
    assert "checked against the paper on 2026-12-06" in about.text
    assert [cell.text for cell in table.find_all("th")] == ["Exercise", "Muscle", "Result", "Measure", "Where in the paper"]
    assert _table_rows(table) == [
        ["Shrug", "Upper traps", "119.5 ± 23", "Mean %MVIC", "Table 2"],
        ["Face pull", "Middle traps", "Among the most middle trapezius activity", "Finding, in words", "Abstract"],
    ]  # the rotator cuff's row is on its own page, not here
    links = [node.attrs["href"] for node in table.find_all("a")]
    assert links == ["../../exercises/shrug/", "../../exercises/face-pull/"]

    _, smith_about, smith_table = _study(tree, "smith-2020")
    assert _table_rows(smith_table) == [["Shrug", "Traps", "55", "Mean % of maximal EMG", "Results, second paragraph"]]

    references = tree.by_id("sources").siblings_after(tree)[0]
    assert references.tag == "ol"
    numbered = {item.find_all("span")[0].attrs["id"]: index for index, item in enumerate(references.find_all("li"), start=1)}
    for source_id, paragraph in (("ekstrom-2003", about), ("smith-2020", smith_about)):
        link = next(node for node in paragraph.find_all("a") if node.attrs["href"] == f"#ref-{source_id}")
        assert int(link.text) == numbered[f"ref-{source_id}"]
    assert "Smith AB, Jones CD (2020)" in references.text


def test_a_part_gets_only_its_own_rows_and_the_note_on_reading_them(evidence_site: BuildResult) -> None:
    tree = article_tree(evidence_site, "muscles/rotator-cuff/")
    _, _, table = _study(tree, "ekstrom-2003")
    assert _table_rows(table) == [["Face pull", "Infraspinatus", "40", "Peak %MVIC", "Table 3"]]
    note = next(node for node in tree.find_all("p") if "uba-evidence-note" in node.attrs.get("class", ""))
    assert "Compare exercises within one table" in note.text
    assert [node.attrs["href"] for node in note.find_all("a")] == ["../../about/#how-to-read-the-evidence"]


def test_pages_without_measurements_have_no_evidence_section(evidence_site: BuildResult) -> None:
    tree = article_tree(evidence_site, "muscles/rear-delts/")
    assert not [node for node in tree.find_all("h2") if node.text.startswith("Measured in studies")]


def test_every_page_shows_when_it_was_reviewed_and_how_pages_are_checked(evidence_site: BuildResult) -> None:
    for path, reviewed in (("exercises/shrug/", "2026-12-01"), ("exercises/face-pull/", None)):
        tree = article_tree(evidence_site, path)
        facts = next(node for node in tree.find_all("aside") if "uba-page-facts" in node.attrs.get("class", ""))
        times = facts.find_all("time")
        assert [node.attrs["datetime"] for node in times] == ([reviewed] if reviewed else [])
        hrefs = [node.attrs["href"] for node in facts.find_all("a")]
        assert hrefs == ["../../about/#how-it-is-written-and-checked", "https://github.com/upper-back-atlas/upper-back-atlas"]


def test_the_atlas_gives_each_muscle_its_results_study_by_study(tmp_path: Path) -> None:
    project = _project(tmp_path)
    atlas = build_atlas(ProjectLayout(project, project / "content"))
    traps = atlas.evidence_for("traps")
    assert [(found.study.id, [(row.exercise, row.muscle) for row in found.rows]) for found in traps] == [
        ("ekstrom-2003", [("shrug", "upper-traps"), ("face-pull", "middle-traps")]),
        ("smith-2020", [("shrug", "traps")]),
    ]
    assert [(found.study.id, [row.value for row in found.rows]) for found in atlas.evidence_for("upper-traps")] == [
        ("ekstrom-2003", [119.5])
    ]
    assert atlas.evidence_for("rear-delts") == ()
    assert traps[0].source.journal and traps[0].study.participants.n == 30
    assert ("muscle", "traps") in [(kind.value if kind else None, target) for kind, target in atlas.citing("smith-2020")]

