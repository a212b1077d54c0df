"""What an article may hold, bounded so that no article, however written, costs the build more than a few seconds.

Python-Markdown, which turns articles into HTML, does work that grows with the square of some inputs: many
headings of the same name, unclosed HTML tags, deep nesting, links whose target never closes. Real articles come
nowhere near these bounds (the longest is a tenth of the size); an article past one is one problem line, and it is
neither woven nor built. The cheap bounds are checked on the text before any parsing, the others on its structure.
"""

from __future__ import annotations

import re

from atlas.problems import Problem

MAX_ARTICLE_BYTES = 64 * 1024
"""An article is at most this many bytes of UTF-8: split a longer one into several pages."""
MAX_HEADINGS = 200
"""Headings in one article."""
MAX_HTML_TAGS = 300
"""HTML tags (opening or closing) written in one article."""
MAX_LINK_TARGETS = 300
"""Markdown link and image targets (`](`) written in one article (the build's own links are not counted)."""
MAX_NESTING = 8
"""Levels of nesting of a line: its indentation in fours plus its `>` quote marks."""
MAX_PARAGRAPH = 20_000
"""Characters in one paragraph, heading or table cell."""

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])")
_LEADING = re.compile(r"[ \t>]*")


def text_problems(label: str, text: str) -> list[Problem]:
    """Bounds read from the whole text of the file alone, at most one line each."""
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        return [Problem(label, 0, "article", f"is {size:,} bytes; expected at most {MAX_ARTICLE_BYTES:,} (split it into several pages)")]
    problems = []
    tags = len(_HTML_TAG.findall(text))
    if tags > MAX_HTML_TAGS:
        problems.append(Problem(label, 0, "html", f"has {tags:,} HTML tags; expected at most {MAX_HTML_TAGS:,} (write Markdown instead)"))
    targets = text.count("](")
    if targets > MAX_LINK_TARGETS:
        problems.append(Problem(label, 0, "links", f"has {targets:,} link targets; expected at most {MAX_LINK_TARGETS:,}"))
    for number, line in enumerate(text.split("\n")):
        depth = _nesting(line)
        if depth > MAX_NESTING:
            problems.append(Problem(label, number + 1, "nesting", f"is nested {depth} levels deep; expected at most "
                                    f"{MAX_NESTING} (indentation in fours and > quote marks)"))
            break
    return problems


def _nesting(line: str) -> int:
    leading = _LEADING.match(line)
    prefix = leading.group(0) if leading else ""
    marks = prefix.count(">")
    if not marks:
        return len(prefix.expandtabs(4)) // 4
    segments = prefix.split(">")  # indentation before the first mark and after the last (less the space a mark takes)
    return marks + (len(segments[0].expandtabs(4)) + max(len(segments[-1].expandtabs(4)) - 1, 0)) // 4


def structure_problems(label: str, headings: list[int], paragraphs: list[tuple[int, int]]) -> list[Problem]:
    """Bounds on the parsed article: `headings` holds the line of each heading, `paragraphs` the line and length of each
    paragraph, heading and table cell (lines of the file)."""
    problems = []
    if len(headings) > MAX_HEADINGS:
        problems.append(Problem(label, headings[MAX_HEADINGS], "headings", f"has {len(headings):,} headings; expected at most "
                                f"{MAX_HEADINGS} (split it into several pages)"))
    for line, length in paragraphs:
        if length > MAX_PARAGRAPH:
            problems.append(Problem(label, line, "paragraph", f"is {length:,} characters long; expected at most {MAX_PARAGRAPH:,}"))
            break
    return problems
