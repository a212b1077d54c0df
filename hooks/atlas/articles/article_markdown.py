"""An article's Markdown structure (markdown-it-py), with the source place of everything the weaver may rewrite.

Markdown decides what is code, a heading, a link or an admonition title; this module only reports, for
each run of inline text, which stretches are plain prose (names there may become links), which are
explicit `[[kind:id|text]]` links, and where they stand in the source, so the weaver can edit the
author's text in place and leave everything else byte for byte as written. markdown-it-py's rules run
in linear time; the one rule added here reads at most MAX_EXPLICIT characters ahead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin

MAX_EXPLICIT = 300
"""An explicit link is at most this long; the rule never looks further ahead."""
SAFETY_CALLOUTS = frozenset({"danger", "warning", "caution", "attention", "error", "failure"})
"""Admonition kinds that carry safety advice: nothing inside them becomes a link by itself."""
_EXPLICIT = re.compile(r"\[\[([a-z]*):([^\]|\n]*)(?:\|([^\]\n]*))?\]\]")
_EXPLICIT_START = re.compile(r"\[\[[a-z]*:")
_LITERAL_IN_TEXT = re.compile(r"https?://[^\s<>]*|\{[^{}\n]*\}")
"""Bare URLs and attribute lists ({: .class }, {#id}) inside prose are never linked into."""
_HTML_LINK_OPEN = re.compile(r"<a[\s>]", re.IGNORECASE)
_HTML_LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_PROTECTED_TOKENS = {"code_inline", "html_inline", "image", "link_open", "autolink_open", "atlas_link", "entity", "text_special"}


class Place(Enum):
    """Where a run of inline text stands in the document."""

    PROSE = "prose"
    HEADING = "heading"
    CALLOUT_TITLE = "callout title"
    SAFETY = "safety callout"


@dataclass(frozen=True)
class Explicit:
    """An explicit `[[kind:id|text]]` link in the source."""

    line: int
    """0-based line in the body."""
    start: int
    """Column where `[[` starts."""
    end: int
    """Column after `]]`."""
    kind: str
    """The kind as written (checked by the weaver)."""
    target_id: str
    """The id as written, stripped."""
    text: str | None
    """The author's own link text, or None."""
    nested: bool
    """True inside another link or an image: only its text may be written there."""


@dataclass(frozen=True)
class Prose:
    """A stretch of one source line that is plain text: names in it may become links."""

    line: int
    """0-based line in the body."""
    start: int
    """First column."""
    text: str
    """The source characters."""


@dataclass(frozen=True)
class LinkTarget:
    """A Markdown link or image target written by the author."""

    line: int
    """0-based line in the body."""
    target: str
    """The href or src."""


@dataclass
class Inline:
    """One run of inline Markdown (a paragraph, heading, table cell or callout title)."""

    place: Place
    """What kind of block it is in."""
    line: int
    """0-based first line in the body."""
    heading_level: int = 0
    """1-6 for headings."""
    content: str = ""
    """The inline source as markdown-it sees it."""
    pieces: list[Explicit | Prose] = field(default_factory=list)
    """Explicit links and prose, in source order."""
    links: list[LinkTarget] = field(default_factory=list)
    """Markdown links and images in it."""


@dataclass(frozen=True)
class LiteralExplicit:
    """`[[kind:id]]` written where Markdown never processes it (an HTML block)."""

    line: int
    """0-based line in the body."""
    text: str
    """What was written."""


def _explicit_rule(state: StateInline, silent: bool) -> bool:
    """`[[kind:id|text]]` as one token, before the link rule sees the brackets."""
    start = state.pos
    if silent or not state.src.startswith("[[", start):
        # silent: a link label is being measured; its brackets count as brackets, so [text [[exercise:id]]](url)
        # stays a link and the explicit link inside it is found (and written as text) when the label is read
        return False
    match = _EXPLICIT.match(state.src, start, min(state.posMax, start + MAX_EXPLICIT))
    if match is None:
        return False
    if not silent:
        token = state.push("atlas_link", "", 0)
        token.meta = {"kind": match.group(1), "id": match.group(2).strip(), "text": match.group(3)}
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _positioned(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """Wrap an inline rule so that the first token it makes remembers where in the source it started and ended."""

    def run(state: StateInline, silent: bool) -> bool:
        if state.pending and not silent:
            state.pushPending()  # so the first token after `before` is this rule's own
        start, before = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent and len(state.tokens) > before:
            first = state.tokens[before]
            first.meta = {**(first.meta or {}), "span": (start, state.pos)}
        return matched

    return run


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table").use(admon_plugin)
    parser.inline.ruler.before("link", "atlas_link", _explicit_rule)
    for rule in parser.inline.ruler.__rules__:
        rule.fn = _positioned(rule.fn)
    parser.inline.ruler.__compile__()
    return parser


def parse_article(lines: list[str]) -> tuple[list[Inline], list[LiteralExplicit]]:
    """Every run of inline Markdown in the body, with its prose and explicit links placed in `lines`."""
    tokens = _parser().parse("\n".join(lines))
    found: list[Inline] = []
    literal: list[LiteralExplicit] = []
    callouts: list[str] = []
    heading = 0
    cursors: dict[int, int] = {}
    for index, token in enumerate(tokens):
        if token.type == "admonition_open":
            callouts.append(str((token.meta or {}).get("tag", "")).lower())
        elif token.type == "admonition_close" and callouts:
            callouts.pop()
        elif token.type == "heading_open":
            heading = int(token.tag[1:])
        elif token.type == "heading_close":
            heading = 0
        elif token.type == "html_block" and token.map:
            literal += [LiteralExplicit(token.map[0] + number, match.group(0)) for number, text in enumerate(token.content.split("\n"))
                        for match in _EXPLICIT_START.finditer(text)]
        elif token.type == "inline" and token.map:
            if heading:
                place = Place.HEADING
            elif index and tokens[index - 1].type == "admonition_title_open":
                place = Place.CALLOUT_TITLE
            elif any(kind in SAFETY_CALLOUTS for kind in callouts):
                place = Place.SAFETY
            else:
                place = Place.PROSE
            found.append(_inline(token, place, heading, lines, cursors))
    return found, literal


def _inline(token: Token, place: Place, heading: int, lines: list[str], cursors: dict[int, int]) -> Inline:
    assert token.map is not None
    inline = Inline(place, token.map[0], heading, token.content)
    columns = _line_columns(token.content, token.map[0], lines, cursors)
    children = token.children or []
    html_links = _html_link_text(children)
    protected: list[tuple[int, int]] = list(html_links)
    in_link = 0
    for child in children:
        span = (child.meta or {}).get("span")
        if child.type == "link_open":
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        if not span:
            continue
        if child.type in ("link_open", "image"):
            target = child.attrGet("href") if child.type == "link_open" else child.attrGet("src")
            inline.links.append(LinkTarget(_locate(span[0], columns)[0], str(target or "")))
        if child.type == "atlas_link":
            line, column = _locate(span[0], columns)
            nested = in_link > 0 or _inside(span, html_links)
            end = column + span[1] - span[0] if column >= 0 else -1
            inline.pieces.append(Explicit(line, column, end, child.meta["kind"], child.meta["id"], child.meta["text"], nested))
        if child.type in _PROTECTED_TOKENS:
            protected.append(span)
    inline.pieces += _prose(token.content, protected, columns)
    inline.pieces.sort(key=lambda piece: (piece.line, piece.start))
    return inline


def _inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ranges)


def _html_link_text(children: list[Token]) -> list[tuple[int, int]]:
    """Stretches between <a ...> and </a> written as inline HTML: already a link."""
    found = []
    opened = -1
    for child in children:
        span = (child.meta or {}).get("span")
        if child.type != "html_inline" or not span:
            continue
        if _HTML_LINK_OPEN.match(child.content):
            opened = span[1]
        elif _HTML_LINK_CLOSE.match(child.content) and opened >= 0:
            found.append((opened, span[0]))
            opened = -1
    return found


def _prose(content: str, protected: list[tuple[int, int]], columns: list[tuple[int, int, int]]) -> list[Explicit | Prose]:
    """The unprotected stretches of `content`, cut at line ends, as source places."""
    found: list[Explicit | Prose] = []
    position = 0
    for start, end in [*sorted(protected), (len(content), len(content))]:
        if start > position:
            found += _prose_lines(content, position, start, columns)
        position = max(position, end)
    return found


def _prose_lines(content: str, start: int, end: int, columns: list[tuple[int, int, int]]) -> list[Explicit | Prose]:
    found: list[Explicit | Prose] = []
    for index, (line_start, line, column) in enumerate(columns):
        line_end = columns[index + 1][0] - 1 if index + 1 < len(columns) else len(content)
        low, high = max(start, line_start), min(end, line_end)
        if low >= high or column < 0:
            continue
        text = content[low:high]
        position = 0
        for literal in _LITERAL_IN_TEXT.finditer(text):
            if literal.start() > position:
                found.append(Prose(line, column + low - line_start + position, text[position: literal.start()]))
            position = literal.end()
        if position < len(text):
            found.append(Prose(line, column + low - line_start + position, text[position:]))
    return found


def _line_columns(content: str, first_line: int, lines: list[str], cursors: dict[int, int]) -> list[tuple[int, int, int]]:
    """For each line of an inline's content: its offset in the content, its body line, and the column where it starts
    in that line (-1 when it cannot be placed, as after a tab that markdown-it expanded). Several inlines on one line
    (table cells) are placed left to right."""
    found = []
    offset = 0
    for number, text in enumerate(content.split("\n")):
        line = first_line + number
        source = lines[line] if line < len(lines) else ""
        cursor = cursors.get(line, 0)
        stripped = source.rstrip()
        if text.strip() and stripped.endswith(text.rstrip()) and len(stripped) - len(text.rstrip()) >= cursor:
            column = len(stripped) - len(text.rstrip())
        else:
            column = source.find(text, cursor) if text else -1
        if column >= 0:
            cursors[line] = column + len(text)
        found.append((offset, line, column))
        offset += len(text) + 1
    return found


def _locate(position: int, columns: list[tuple[int, int, int]]) -> tuple[int, int]:
    """The body line and column of an offset into the content."""
    index = max(bisect.bisect_right(columns, (position, 1 << 62, 0)) - 1, 0)
    offset, line, column = columns[index]
    return line, (column + position - offset) if column >= 0 else -1
