"""Records become a cross-linked site: pages exist, links resolve, callouts render, text is escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from conftest import REPO, BuildResult, build


def test_every_record_gets_its_page(minimal_site: BuildResult) -> None:
    for path in ("exercises/face-pull/", "exercises/band-pull-apart/", "exercises/shrug/", "muscles/rear-delts/",
                 "muscles/traps/", "routines/quick-pull/", "exercises/", "muscles/", "routines/"):
        assert (minimal_site.site / path / "index.html").is_file(), path


def test_exercise_page_shows_facts_links_and_callouts(minimal_site: BuildResult) -> None:
    html = minimal_site.article("exercises/face-pull/")
    assert '<h1 id="face-pull">Face pull' in html
    assert 'href="../../muscles/rear-delts/"' in html
    assert 'href="../../muscles/rotator-cuff/#infraspinatus"' in html
    assert 'href="../../muscles/traps/#middle-traps"' in html
    assert re.search(r'class="admonition warning">\s*<p class="admonition-title">Lift safely</p>\s*<ul>\s*<li>Use a light load.</li>', html)
    assert '<p class="admonition-title">Make it easier</p>' in html and '<p class="admonition-title">Make it harder</p>' in html
    assert 'class="admonition info">\n<p class="admonition-title">At home</p>' in html
    assert 'href="../band-pull-apart/">Band pull-apart</a>' in html
    assert 'href="../../routines/quick-pull/">Quick pull warm-up</a>' in html
    assert "3 × 12-15, rest 60 s" in html
    assert "exercises/face-pull.yml" in html  # "Edit this page" points to the record


def test_red_flag_callout_comes_from_the_record(minimal_site: BuildResult) -> None:
    assert "Stop and see a professional first" in minimal_site.page("exercises/shrug/")  # loads: [spine]
    assert "Stop and see a professional first" not in minimal_site.page("exercises/band-pull-apart/")


def test_muscle_page_lists_primary_then_secondary(minimal_site: BuildResult) -> None:
    html = minimal_site.article("muscles/rear-delts/")
    primary = html[html.index("Exercises that work it hardest"):]
    following = primary.find("<h2")
    assert {"Face pull", "Band pull-apart"} <= set(re.findall(r">([^<>]+)</a>", primary if following == -1 else primary[:following]))
    traps = minimal_site.article("muscles/traps/")
    assert (traps.index("Shrug</a>") < traps.index("Exercises where it helps")
            < traps.index("Face pull</a>", traps.index("Exercises where it helps")))
    assert 'id="lower-traps"' in traps


def test_index_pages_list_everything(minimal_site: BuildResult) -> None:
    # The finder's page links each muscle group (its own list is made in the browser); a group's page lists its exercises.
    exercises = minimal_site.article("exercises/")
    for group in ("rhomboids", "rotator-cuff", "traps"):
        assert f'href="../muscles/{group}/"' in exercises, group
    listed = "".join(minimal_site.article(f"muscles/{group}/") for group in ("rear-delts", "rhomboids", "traps"))
    for name in ("Face pull", "Band pull-apart", "Shrug"):
        assert f">{name}</a>" in listed, name
    muscles = minimal_site.page("muscles/")
    assert ">Rhomboids</a>" in muscles and ">Rotator cuff</a>" in muscles


def test_json_export_holds_the_graph(minimal_site: BuildResult) -> None:
    data = json.loads((minimal_site.site / "api/exercises.json").read_text())
    face_pull = next(item for item in data["exercises"] if item["id"] == "face-pull")
    assert face_pull["groups"] == {"primary": ["rear-delts", "rotator-cuff"], "secondary": ["traps"], "stretched": []}
    assert (face_pull["routines"][0] == "quick-pull"
            and set(face_pull["routines"]) <= {"quick-pull", "focus-rear-delts", "focus-rotator-cuff"})
    assert {"id": "rhomboids"}.items() <= next(m for m in data["muscles"] if m["id"] == "rhomboids").items()


def test_hostile_text_is_inert_everywhere(project: Path) -> None:
    record = project / "exercises/band-pull-apart.yml"
    data = yaml.safe_load(record.read_text())
    data["name"] = "<script>alert(1)</script> Pull [x](javascript:alert(2)) {{ 7*7 }}"
    data["summary"] = '"><img src=x onerror=alert(3)> Pull a band'
    data["steps"].append("</title><script>alert(4)</script> {% raw %} --8<-- /etc/passwd")
    record.write_text(yaml.safe_dump(data))
    result = build(project)
    assert result.returncode == 0, result.output
    for page in result.site.rglob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
        assert 'href="javascript:' not in html, page
    html = result.page("exercises/band-pull-apart/")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; Pull [x](javascript:alert(2)) {{ 7*7 }} - Upper Back Atlas</title>" in html
    assert '<meta name="description" content="&quot;&gt;&lt;img src=x onerror=alert(3)&gt; Pull a band"' in html
    for index in sorted((result.site / "search").rglob("*.json")):  # the entry, the word shards and the pages' entries
        text = index.read_text()
        assert "<script>" not in text and "<img" not in text, index
    assert "<script>alert" not in (result.site / "api/exercises.json").read_text()


def test_real_site_builds_strict_and_every_group_lists_exercises(real_site: BuildResult) -> None:
    for group in ("traps", "rhomboids", "rotator-cuff", "rear-delts", "lats", "erector-spinae", "serratus-anterior"):
        html = real_site.article(f"muscles/{group}/")
        listed = html[html.index("Exercises that work it hardest"):]
        assert listed.count('href="../../exercises/') >= 1, group
    for group in ("traps", "rhomboids", "rotator-cuff", "rear-delts"):
        html = real_site.article(f"muscles/{group}/")
        section = html[html.index("Exercises that work it hardest"):]
        section = section[: section.find("Exercises where it helps")] if "Exercises where it helps" in section else section
        assert section.count('href="../../exercises/') >= 4, group
    records = [path for path in (REPO / "exercises").glob("*.yml") if not path.name.startswith("_")]  # _taxonomy, _muscle-map
    assert len(records) == len(list((real_site.site / "exercises").glob("*/index.html")))



def test_every_exercise_page_links_the_pain_rule(real_site: BuildResult) -> None:
    pages = sorted((real_site.site / "exercises").glob("*/index.html"))
    assert len(pages) >= 80
    for page in pages:
        assert 'href="../../guides/lifting-safely/#the-pain-rule"' in page.read_text(encoding="utf-8"), page.parent.name
