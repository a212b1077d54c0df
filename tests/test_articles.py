"""Articles are woven into the graph: mentions become links, pages link back, guides carry safety."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, BuildResult, build


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    following = html.find("<h2", start)
    return html[start: following if following != -1 else len(html)]


def test_first_mention_per_section_links_by_name_alias_and_plural(minimal_site: BuildResult) -> None:
    html = minimal_site.article("guides/sample/")
    intro = html[: html.index('id="pulling-work"')]
    assert intro.count('href="../../muscles/rhomboids/"') == 1
    pulling = _section(html, "pulling-work")
    assert '<a href="../../exercises/band-pull-apart/">band pull apart</a>' in pulling
    assert '<a href="../../routines/quick-pull/">Quick pull warm-up</a>' in pulling


def test_existing_links_code_headings_admonition_titles_and_fences_are_left_alone(minimal_site: BuildResult) -> None:
    html = minimal_site.article("guides/sample/")
    pulling = _section(html, "pulling-work")
    assert '<a href="../../exercises/face-pull/">Face pull page</a>' in pulling
    assert "<code>face pull</code>" in pulling
    heading = re.search(r'<h2 id="face-pull-and-rear-delts">(.*?)</h2>', html).group(1)
    assert "<a href=\"../../exercises" not in heading and "muscles/rear-delts" not in heading
    below = _section(html, "face-pull-and-rear-delts")
    assert '<a href="../../muscles/rear-delts/">posterior deltoid</a>' in below
    assert '<p class="admonition-title">Shrug tip</p>' in below
    assert '<a href="../../exercises/shrug/">shrug</a>' in below
    assert '<a href="../../muscles/traps/#upper-traps">upper traps</a>' in below
    assert "face pull inside a fence" in below and 'face-pull/">face pull</a> inside' not in below


def test_face_pulls_plural_links_once_in_its_section(minimal_site: BuildResult) -> None:
    pulling = _section(minimal_site.article("guides/sample/"), "pulling-work")
    assert pulling.count('href="../../exercises/face-pull/"') == 2  # the plural mention and the author's own link
    assert '<a href="../../exercises/face-pull/">face pulls</a>' in pulling


def test_pages_list_the_sections_that_mention_them(minimal_site: BuildResult) -> None:
    face_pull = minimal_site.article("exercises/face-pull/")
    mentioned = face_pull[face_pull.index('id="mentioned-in"'):]
    assert '<a href="../../guides/sample/#pulling-work">Sample guide › Pulling work</a>' in mentioned
    rhomboids = minimal_site.article("muscles/rhomboids/")
    guides = rhomboids[rhomboids.index('id="read-more-in-the-guides"'):]
    assert '<a href="../../guides/sample/">Sample guide</a>' in guides
    traps = minimal_site.article("muscles/traps/")
    assert "Sample guide › Face pull and rear delts" in traps  # "upper traps" is a part of the traps


def test_guides_carry_disclaimer_first_and_red_flag_before_sources(minimal_site: BuildResult) -> None:
    html = minimal_site.article("guides/sample/")
    assert html.index("General information, not medical advice") < html.index('id="pulling-work"')
    assert html.index('id="face-pull-and-rear-delts"') < html.index("Stop and see a professional first") < html.index('id="sources"')
    assert "General information, not medical advice" not in minimal_site.article("")


def test_footer_disclaimer_on_every_page(minimal_site: BuildResult) -> None:
    for page in minimal_site.site.rglob("*.html"):
        assert "not medical advice" in page.read_text(), page


SEEDS = next((path for path in (Path(os.environ.get("UBA_SEEDS", "")), REPO.parent / "shared" / "seeds", Path("/work/shared/seeds"))
              if str(path) not in ("", ".") and path.is_dir()), REPO.parent / "shared" / "seeds")


def _runs(text: str, size: int = 8) -> set[str]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))
    return {" ".join(words[i: i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles live in ../shared/seeds beside the repository")
def test_no_sentence_is_copied_from_the_seeds() -> None:
    seed_runs = set().union(*(_runs(path.read_text(encoding="utf-8")) for path in SEEDS.glob("*.txt")))
    ours = [*REPO.glob("content/**/*.md"), *REPO.glob("exercises/**/*.yml")]
    copied = {str(path.relative_to(REPO)): sorted(_runs(path.read_text(encoding="utf-8")) & seed_runs) for path in ours}
    assert {path: runs for path, runs in copied.items() if runs} == {}


def test_real_guides_exist_and_link_into_the_graph(real_site: BuildResult) -> None:
    for guide in ("upper-back-muscles", "activation", "desk-posture", "thoracic-mobility", "lifting-safely"):
        html = real_site.article(f"guides/{guide}/")
        assert "General information, not medical advice" in html
        assert html.count('href="../../exercises/') + html.count('href="../../muscles/') >= 5, guide
    for guide in ("upper-back-muscles", "desk-posture", "thoracic-mobility", "lifting-safely"):
        assert "Stop and see a professional first" in real_site.article(f"guides/{guide}/"), guide
    assert "Resurge" not in "".join(path.read_text() for path in Path(real_site.site).rglob("*.html"))


def _hrefs(html: str) -> set[str]:
    """Every link target of a page."""
    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found |= {value for name, value in attrs if tag == "a" and name == "href" and value}

    parser = Links()
    parser.feed(html)
    return parser.found


def test_the_routes_are_linked_from_their_guides(real_site: BuildResult) -> None:
    desk = _hrefs(real_site.article("guides/desk-posture/"))
    assert {"../../routines/beginner-band-and-chair/", "../../routines/beginner-four-weeks/"} <= desk
    assert "../../routines/upper-back-strength-home/" not in desk
    shoulder = real_site.article("guides/training-with-shoulder-pain/")
    assert "Stop and see a professional first" in shoulder
    expected = {"../../routines/gentle-shoulder-session/", "../lifting-safely/#the-pain-rule", "../lifting-safely/#choosing-the-load"}
    assert expected <= _hrefs(shoulder)
    assert "../../routines/back-strength-bone-health/" in _hrefs(real_site.article("guides/bone-health/"))


URGENT_GUIDE = """\
---
title: Pain guide
description: A guide with urgent help in it.
---

# Pain guide

The face pull trains the rear delts.

Seek urgent medical help for upper-back pain with chest pain or a face pull that hurts.

## When to stop

- pain in the rear delts that builds during a shrug;

## Later

Shrug when the rear delts feel fine.
"""


def test_no_word_of_an_urgent_or_red_flag_passage_is_a_link(project: Path, real_site: BuildResult) -> None:
    (project / "content/guides/urgent.md").write_text(URGENT_GUIDE)
    result = build(project)
    assert result.returncode == 0, result.output
    html = result.article("guides/urgent/")
    paragraphs = re.findall(r"<(p|li)>(.*?)</\1>", html, re.S)
    texts = {re.sub(r"<[^>]+>", "", body).split(" ")[0]: body for _, body in paragraphs}
    assert "<a " in texts["The"]  # ordinary prose links the face pull
    assert "<a " not in texts["Seek"] and "<a " not in texts["pain"]  # the urgent sentence and the red-flag section stay plain
    assert "<a " in texts["Shrug"]  # the next section links again
    desk = real_site.article("guides/desk-posture/")
    urgent = next(body for _, body in re.findall(r"<(p)>(.*?)</p>", desk, re.S) if "urgent medical help" in body)
    assert "Upper-back pain" not in urgent and "chest" in urgent and "<a " not in urgent
    stop = _section(real_site.article("guides/lifting-safely/"), "when-to-stop")
    assert "chest pain" in stop and "<a " not in stop.split("</h2>", 1)[1]


def test_an_explicit_link_in_an_urgent_passage_is_a_problem(project: Path) -> None:
    guide = URGENT_GUIDE.replace("or a face pull that hurts", "or a [[exercise:face-pull]] that hurts")
    (project / "content/guides/urgent.md").write_text(guide)
    result = build(project)
    errors = [line.split("  -  ", 1)[1] for line in result.output.splitlines() if line.startswith("ERROR")]
    assert result.returncode == 1 and errors[0] == (
        "content/guides/urgent.md:10: [[exercise:face-pull]]: is in an urgent-help or red-flag passage, where nothing is a link; "
        "expected plain text (the rule: URGENT_TEXT and URGENT_HEADING in articles.py)")


NECK_SIGNS = ("dizziness or vertigo", "double vision", "trouble speaking or swallowing", "drop attacks", "numbness of the face",
              '"worst ever" headache', "neck manipulation")


@pytest.mark.parametrize("path", ["muscles/levator-scapulae/", "muscles/deep-neck-flexors/", "guides/desk-posture/",
                                  "exercises/chin-tuck/", "exercises/levator-scapulae-stretch/", "exercises/upper-trap-stretch/"])
def test_neck_pages_carry_the_neck_warning_signs_in_the_red_flag_callout(path: str, real_site: BuildResult) -> None:
    html = real_site.article(path)
    callouts = re.findall(r'<div class="admonition danger">(.*?)</div>', html, re.S)
    assert len(callouts) == 1, path
    text = re.sub(r"<[^>]+>", "", callouts[0]).replace("&quot;", '"')
    assert all(sign in text for sign in NECK_SIGNS), path
    assert "<a " not in callouts[0]


def test_the_neck_warning_signs_stay_on_neck_pages(real_site: BuildResult) -> None:
    assert "worst ever" not in real_site.article("exercises/face-pull/") and "worst ever" not in real_site.article("muscles/rhomboids/")
