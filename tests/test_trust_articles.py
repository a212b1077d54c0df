"""Articles mean what Markdown means: code stays literal, headings and callout titles are checked, nested links
stay whole, front matter is checked like a record whatever the line endings, and no input is slow."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from markdown.extensions.toc import unique as toc_unique

from atlas.articles.article_bounds import MAX_ARTICLE_BYTES, MAX_HEADINGS, MAX_HTML_TAGS, MAX_LINK_TARGETS, MAX_NESTING
from atlas.articles.articles import _Anchors
from atlas.generation import build_atlas
from atlas.layout import ProjectLayout
from atlas.problems import AtlasProblems
from conftest import build

SAMPLE = "content/guides/sample.md"
FRONT = "---\ntitle: Test guide\ndescription: A guide for a test.\n---\n\n# Test guide\n\n"


def _layout(project: Path) -> ProjectLayout:
    return ProjectLayout(project, project / "content")


def _weave(project: Path, body: str, front: str = FRONT) -> str:
    (project / SAMPLE).write_text(front + body, encoding="utf-8", newline="")
    return build_atlas(_layout(project)).articles["guides/sample.md"].markdown


def _problems(project: Path, body: str, front: str = FRONT) -> list[str]:
    (project / SAMPLE).write_text(front + body, encoding="utf-8", newline="")
    with pytest.raises(AtlasProblems) as raised:
        build_atlas(_layout(project))
    return [str(problem) for problem in raised.value.problems]


def test_unknown_explicit_link_in_a_heading_fails_with_its_line(project: Path) -> None:
    assert _problems(project, "Intro.\n\n## About [[exercise:nope]]\n") == [
        f"{SAMPLE}:10: [[exercise:nope]]: unknown exercise 'nope'; expected the id of an existing exercise"]


def test_unknown_explicit_link_in_an_admonition_title_fails_with_its_line(project: Path) -> None:
    assert _problems(project, 'Intro.\n\n!!! tip "Try [[routine:nope]]"\n\n    Body.\n') == [
        f"{SAMPLE}:10: [[routine:nope]]: unknown routine 'nope'; expected the id of an existing routine"]


def test_known_explicit_links_in_headings_and_titles_become_links_with_escaped_names(project: Path) -> None:
    woven = _weave(project, '## With [[exercise:shrug]]\n\n!!! tip "See [[exercise:face-pull]]"\n\n    Body.\n')
    assert "## With [Shrug](../exercises/shrug.md)" in woven
    assert '!!! tip "See [Face pull](../exercises/face-pull.md)"' in woven


@pytest.mark.parametrize("body", [
    "Inline `[[exercise:nope]]` code.\n",
    "Inline ``a `[[exercise:nope]]` b`` code.\n",
    "Paragraph.\n\n    [[exercise:nope]] indented code\n",
    "```text\n[[exercise:nope]]\n```\n",
    "~~~\n[[exercise:nope]] face pull\n~~~\n",
    "An escaped \\[[exercise:nope]] link.\n",
])
def test_explicit_link_syntax_inside_code_stays_literal(project: Path, body: str) -> None:
    woven = _weave(project, body)
    assert body.rstrip("\n") in woven
    assert "face-pull.md" not in woven


def test_link_inside_a_link_keeps_the_outer_link_and_writes_the_name_as_text(project: Path) -> None:
    woven = _weave(project, "See [the [[exercise:face-pull]] page](../index.md) and [[exercise:shrug|shrugs]].\n")
    assert "See [the Face pull page](../index.md) and [shrugs](../exercises/shrug.md)." in woven


def test_names_in_existing_links_html_links_urls_and_attribute_lists_are_not_linked(project: Path) -> None:
    body = ('A [face pull](../index.md), <a href="../index.md">face pull</a>, https://example.org/face-pull '
            "and ![face pull](sample.md).\n{: .face-pull }\n")
    woven = _weave(project, body)
    assert woven.count("](../exercises/face-pull.md)") == 0
    assert body.rstrip("\n") in woven


def test_names_inside_safety_callouts_are_never_linked(project: Path) -> None:
    woven = _weave(project, "!!! danger \"Chest pain\"\n\n    Chest pain or a shrug that hurts: stop.\n\n"
                            "!!! warning\n\n    The traps ache.\n\nPecs and traps work.\n")
    assert "    Chest pain or a shrug that hurts: stop." in woven and "    The traps ache." in woven
    assert "[Pecs](../muscles/chest.md) and [traps](../muscles/traps.md) work." in woven


def test_names_in_tables_link_once_and_in_the_right_cell(project: Path) -> None:
    woven = _weave(project, "| Drill | Muscle |\n|---|---|\n| shrug | traps |\n| shrug | traps |\n")
    assert "| [shrug](../exercises/shrug.md) | [traps](../muscles/traps.md) |\n| shrug | traps |" in woven


def test_explicit_link_in_html_block_is_reported(project: Path) -> None:
    assert _problems(project, '<div class="x">\n[[exercise:shrug]]\n</div>\n') == [
        f"{SAMPLE}:9: [[exercise:: is inside an HTML block, where Markdown is not read; expected it outside the HTML, "
        "or a plain Markdown link"]


def test_crlf_line_endings_keep_front_matter_and_the_red_flag(project: Path) -> None:
    text = "---\r\ntitle: Test guide\r\ndescription: A guide.\r\nred_flag: true\r\n---\r\n\r\n# Test guide\r\n\r\nA shrug.\r\n"
    (project / SAMPLE).write_bytes(text.encode())
    article = build_atlas(_layout(project)).articles["guides/sample.md"]
    assert article.title == "Test guide"
    assert "Stop and see a professional" in article.markdown
    assert "title:" not in article.markdown and "\r" not in article.markdown
    assert "[shrug](../exercises/shrug.md)" in article.markdown


@pytest.mark.parametrize(("front", "expected"), [
    ("---\ntitle: T\ndescription: D\nred-flag: true\n---\n",
     f"{SAMPLE}:4: front matter: red-flag: unknown field; did you mean 'red_flag'? "
     "expected one of title, description, red_flag, neck, sources, template, hide, search_terms, search, reviewed"),
    ("---\ntitle: T\n---\n", f"{SAMPLE}:2: front matter: description: is missing; it is required"),
    ("---\ntitle: T\ndescription: D\nred_flag: yes please\n---\n", f"{SAMPLE}:4: front matter: red_flag: is text; expected true or false"),
    ("# No front matter\n", f"{SAMPLE}:1: front matter: is missing; expected the file to start with a --- line, title: and description: "
                            "lines, and another --- line"),
    ("---\ntitle: T\ndescription: D\n", f"{SAMPLE}:1: front matter: is not closed; expected a --- line after it"),
    ("---\ntitle: [unclosed\n---\n", f"{SAMPLE}:3: yaml: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence "
                                     "that starts on line 2); expected valid YAML (spaces, not tabs, for indentation)"),
])
def test_front_matter_is_checked_like_a_record(project: Path, front: str, expected: str) -> None:
    assert _problems(project, "Text.\n", front=front) == [expected]


def test_citations_are_numbered_and_checked(project: Path) -> None:
    front = "---\ntitle: T\ndescription: D\nsources: [ekstrom-2003]\n---\n\n"
    woven = _weave(project, "Claim one [[source:neumann-2017]]. Claim two [[source:ekstrom-2003]], again [[source:neumann-2017]].\n", front)
    assert "Claim one [\\[1\\]](../sources/index.md#neumann-2017)." in woven
    assert "Claim two [\\[2\\]](../sources/index.md#ekstrom-2003), again [\\[1\\]](../sources/index.md#neumann-2017)." in woven
    references = woven[woven.index("## Sources"):]
    assert references.index("Neumann") < references.index("Ekstrom RA") and references.count("](../sources/index.md#") == 2
    front = "---\ntitle: T\ndescription: D\nsources: [nobody-1999]\n---\n\n"
    assert _problems(project, "Claim [[source:nobody-2000]].\n", front) == [
        f"{SAMPLE}:4: sources: unknown source 'nobody-1999'; expected the id of an exercises/sources/<id>.yml record",
        f"{SAMPLE}:7: [[source:nobody-2000]]: unknown source 'nobody-2000'; expected the id of an exercises/sources/<id>.yml record",
    ]


@pytest.mark.parametrize("hostile", [
    "`" * 20_000,
    "`a``" * 5_000,
    "[[" * 10_000,
    "[" * 20_000 + "]" * 20_000,
    "[[exercise:" * 2_000,
    "<" * 20_000,
    "*_" * 10_000,
    "![" * 10_000,
    "face " * 4_000,
    "{" * 20_000,
    "\\" * 20_000,
    "> " * 10_000,
])
def test_adversarial_article_text_is_woven_in_linear_time(project: Path, hostile: str) -> None:
    (project / SAMPLE).write_text(FRONT + hostile + "\n", encoding="utf-8")
    started = time.monotonic()
    try:
        build_atlas(_layout(project))
    except AtlasProblems:
        pass
    # about a second on this 2-core machine; a pattern that backtracks takes minutes here (110 s for 20 kB before)
    assert time.monotonic() - started < 10


def test_twenty_kilobytes_of_backticks_build_quickly(project: Path) -> None:
    (project / SAMPLE).write_text(FRONT + "`" * 20_000 + "\n\n" + "`a" * 10_000 + "\n", encoding="utf-8")
    started = time.monotonic()
    result = build(project)
    assert result.returncode == 0, result.output
    assert time.monotonic() - started < 30


WITHIN_BOUNDS = {
    "same-headings.md": "## Same\n\n" * (MAX_HEADINGS - 1),  # and the title
    "open-tags.md": "<div>\n" * (MAX_HTML_TAGS // 2) + "\n" + "<span>" * (MAX_HTML_TAGS // 2) + "\n",
    "open-links.md": "[a](" * MAX_LINK_TARGETS + "\n",
    "brackets.md": ("[" * 10_000 + "\n\n") * 5,
    "nested.md": "".join("    " * depth + "- item\n" for depth in range(MAX_NESTING)) + "\n" + "> " * MAX_NESTING + "quote\n",
}
"""Articles at the bounds, each of a shape that Python-Markdown or markdown-it handles slowly: they must build."""


def test_articles_at_the_bounds_build_and_past_them_are_one_line_each(project: Path) -> None:
    for name, body in WITHIN_BOUNDS.items():
        (project / "content" / name).write_text(FRONT + body, encoding="utf-8")
    fine = build(project, timeout=300)
    assert fine.returncode == 0, fine.output
    assert len(fine.article("same-headings/").split('id="same_')) == MAX_HEADINGS - 1  # same, same_1 … same_198
    hostile = {"headings.md": "## Same\n\n" * 30_000, "tags.md": "<div>\n" * 10_000, "links.md": "[a](" * 5_000,
               "nesting.md": "".join("  " * depth + "- x\n" for depth in range(40)), "quotes.md": ">" * 3000 + " x\n"}
    for name, body in hostile.items():
        (project / "content" / name).write_text(FRONT + body, encoding="utf-8")
    refused = build(project, timeout=300)
    assert refused.returncode == 1 and "Traceback" not in refused.output
    assert [line.split(": ")[0:2] for line in refused.output.splitlines() if line.startswith("ERROR   -  content/")] == [
        ["ERROR   -  content/headings.md", "article"], ["ERROR   -  content/links.md", "links"],
        ["ERROR   -  content/nesting.md:26", "nesting"], ["ERROR   -  content/quotes.md:8", "nesting"],
        ["ERROR   -  content/tags.md", "html"]]
    assert f"expected at most {MAX_ARTICLE_BYTES:,}" in refused.output


class _CountedSet(set[str]):
    lookups = 0

    def __contains__(self, item: object) -> bool:
        _CountedSet.lookups += 1
        return super().__contains__(item)


def test_heading_anchors_are_numbered_as_the_table_of_contents_numbers_them_in_linear_time() -> None:
    names = ["same", "same", "same_1", "same_5", "same", "", "same_2", "other", "same", "same_1_1", "same_1", "-", "same"] * 40
    anchors, expected_taken = _Anchors(), set[str]()
    assert [anchors.unique(name) for name in names] == [toc_unique(name, expected_taken) for name in names]
    counted = _Anchors()
    counted.taken = _CountedSet()
    for _ in range(30_000):
        counted.unique("same")
    assert _CountedSet.lookups < 4 * 30_000  # 450 million with a search from same_1 every time


def test_words_for_a_part_of_the_body_are_not_linked_to_the_muscle(project: Path) -> None:
    """"Chest", "trunk", "forearms" and "grip" name muscles here but mean the body in running text."""
    woven = _weave(project, "Down to the twelfth chest vertebra; brace the trunk, forearms on the wall, grip the bar. "
                            "The pecs press.\n")
    assert "twelfth chest vertebra; brace the trunk, forearms on the wall, grip the bar." in woven
    assert "[pecs](../muscles/chest.md)" in woven
