"""Weave hand-written articles into the graph: explicit links checked, mentions linked, safety added.

The article is parsed as Markdown (article_markdown); only its prose and its explicit links are edited,
in place, so code, headings, HTML and the author's own links stay exactly as written. Every record
string that lands in an article (a target's name) goes through markdown_text, the one escaper.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from atlas.articles.article_bounds import structure_problems, text_problems
from atlas.articles.article_front_matter import FrontMatter, read_front_matter
from atlas.articles.article_markdown import Explicit, Inline, Place, Prose, parse_article
from atlas.records.graph import Atlas
from atlas.layout import ProjectLayout
from atlas.pages.markdown_text import markdown_text
from atlas.records.model import Article, Mention, Source, TargetKind
from atlas.articles.name_matching import NameMatcher
from atlas.problems import Problem
from atlas.pages.page_kinds import INDEX_URIS, page_uri, relative_link
from atlas.pages.rendering import render_markdown
from atlas.pages.source_pages import Citation
from atlas.records.sourced_yaml import read_source_text, read_yaml
from atlas.site.build_cache import code_fingerprint
from atlas.site.web_paths import unsafe_name_problem

_CUSTOM_ID = re.compile(r"\s*\{[^{}]*#([\w-]+)[^{}]*\}\s*$")
_ATTR_LIST = re.compile(r"\s*\{[^{}]*\}\s*$")
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_SOURCES_HEADING = re.compile(r"^##[ \t]+(Sources|References)\b", re.IGNORECASE | re.MULTILINE)
_TOP_HEADING = re.compile(r"^#[ \t].*$", re.MULTILINE)
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")
URGENT_TEXT = re.compile(r"\b(urgent|emergenc(y|ies)|red[ -]flags?|call 999|call 911|call 112)\b", re.IGNORECASE)
"""Words that make a paragraph, list item or table cell urgent help or a red flag: nothing in it is ever a link, so
a reader in trouble is never led away from the warning (the name of a muscle or an exercise stays plain text)."""
URGENT_HEADING = re.compile(r"\b(when to stop|when to see|red[ -]flags?|warning signs?|urgent|get help|seek help)\b", re.IGNORECASE)
"""Section headings whose whole section is urgent help or red flags, by the same rule."""
BODY_REGION_NAMES = frozenset({"chest", "trunk", "forearms", "grip"})
"""Muscle names and aliases that are also everyday words for a part of the body or an action ("the twelfth chest
vertebra", "turn the chest", "forearms on the wall", "brace the trunk", "grip the bar"): a mention is never linked
automatically, since it would lead to the muscle where the text means the body; [[muscle:id]] still links them."""
GUIDES_FOLDER = "guides/"
SOURCE_KIND = TargetKind.SOURCE.value
"""`[[source:id]]`: a numbered citation of a bibliography record."""


_URGENT_LINK = ("is in an urgent-help or red-flag passage, where nothing is a link; expected plain text (the rule: URGENT_TEXT and "
                "URGENT_HEADING in articles.py)")


@dataclass(frozen=True)
class _Target:
    kind: TargetKind
    target_id: str
    uri: str
    name: str


@dataclass
class _Section:
    title: str
    anchor: str
    linked: set[str] = field(default_factory=set)
    urgent: bool = False


@dataclass(frozen=True)
class KnownTargets:
    """What articles may link to: names for automatic links, ids for explicit ones, source ids for citations."""

    by_name: dict[str, _Target]
    """Lower-cased names and aliases."""
    by_id: dict[tuple[TargetKind, str], _Target]
    """Every exercise, muscle (group or part) and routine by id."""
    sources: dict[str, Source | None]
    """Source records by id (None when the records could not be loaded)."""


def known_targets(atlas: Atlas) -> KnownTargets:
    """Names, ids and sources of a checked atlas."""
    named, aliased = _targets(atlas)
    by_name: dict[str, _Target] = {}
    for text, target in named + aliased:
        name = " ".join(text.casefold().split())
        if name not in BODY_REGION_NAMES:
            by_name.setdefault(name, target)
    by_id = {(target.kind, target.target_id): target for _, target in named}
    # A programme's page is a routine page too (/routines/<id>/), so [[routine:id]] reaches it.
    plans = [(plan.id, plan.name) for plan in atlas.routines.values()] + [(plan.id, plan.name) for plan in atlas.programmes.values()]
    by_id.update({(TargetKind.ROUTINE, plan_id): _Target(TargetKind.ROUTINE, plan_id, page_uri(TargetKind.ROUTINE, plan_id), name)
                  for plan_id, name in plans})
    by_id.update({(TargetKind.LADDER, ladder.id): _Target(TargetKind.LADDER, ladder.id, page_uri(TargetKind.LADDER, ladder.id),
                                                          ladder.name) for ladder in atlas.ladders.values()})
    return KnownTargets(by_name, by_id, dict(atlas.sources))


def targets_on_disk(layout: ProjectLayout) -> KnownTargets:
    """When records are broken: every id that has a record file counts as known (named by its id), so that an
    article is still checked in the same run without reporting links to records that merely failed to load."""
    by_id: dict[tuple[TargetKind, str], _Target] = {}
    folders = ((TargetKind.EXERCISE, layout.exercises_dir), (TargetKind.ROUTINE, layout.routines_dir),
               (TargetKind.ROUTINE, layout.programmes_dir), (TargetKind.LADDER, layout.ladders_dir))
    for kind, folder in folders:
        for path in layout.record_files(folder):
            by_id[kind, path.stem] = _Target(kind, path.stem, page_uri(kind, path.stem), path.stem)
    safe = layout.is_safe(layout.taxonomy_file)
    document, _ = read_yaml(layout.taxonomy_file, layout.label(layout.taxonomy_file)) if safe else (None, [])
    muscles = document.value.get("muscles") if document is not None and isinstance(document.value, dict) else None
    for group_id, group in (muscles.items() if isinstance(muscles, dict) else ()):
        group_uri = page_uri(TargetKind.MUSCLE, str(group_id))
        by_id[TargetKind.MUSCLE, str(group_id)] = _Target(TargetKind.MUSCLE, str(group_id), group_uri, str(group_id))
        parts = group.get("parts") if isinstance(group, dict) else None
        for part_id in (parts if isinstance(parts, dict) else ()):
            uri = f"{page_uri(TargetKind.MUSCLE, str(group_id))}#{part_id}"
            by_id[TargetKind.MUSCLE, str(part_id)] = _Target(TargetKind.MUSCLE, str(part_id), uri, str(part_id))
    return KnownTargets({}, by_id, dict.fromkeys(path.stem for path in layout.record_files(layout.sources_dir)))


def weave_articles(layout: ProjectLayout, known: KnownTargets) -> tuple[dict[str, Article], list[Problem]]:
    """Every article in content/ with links resolved, and every problem found in them."""
    matcher: NameMatcher[_Target] | None = None
    problems: list[Problem] = []
    safe = []
    for file in layout.content_files():
        unsafe = unsafe_name_problem(file.relative_to(layout.content_dir).as_posix())
        if unsafe is None:
            safe.append(file)
        else:
            problems.append(Problem(layout.label(file), 0, "file", unsafe))
    files = [file for file in safe if file.suffix == ".md"]
    uris = {file.relative_to(layout.content_dir).as_posix() for file in safe}
    links = _LinkChecker(uris | {target.uri.partition("#")[0] for target in known.by_id.values()} | set(INDEX_URIS.values()))
    code = code_fingerprint()  # the safety callout's template
    kept = _WOVEN.woven if (_WOVEN.known, _WOVEN.links, _WOVEN.code) == (known, links, code) else {}
    woven: dict[tuple[str, str, str], tuple[Article | None, list[Problem]]] = {}
    articles: dict[str, Article] = {}
    for file in files:
        src_uri = file.relative_to(layout.content_dir).as_posix()
        text, unreadable = read_source_text(file, layout.label(file))
        if text is None:
            problems += unreadable
            continue
        key = (layout.label(file), src_uri, text)
        if key not in kept:
            matcher = matcher or NameMatcher(known.by_name)
            weaver = _Weaver(key[0], src_uri, matcher, known, links)
            kept[key] = (weaver.weave(text), weaver.problems)
        article, found = woven[key] = kept[key]
        problems += found
        if article:
            articles[src_uri] = article
    _WOVEN.known, _WOVEN.links, _WOVEN.code, _WOVEN.woven = known, links, code, woven
    return articles, problems


@dataclass
class _Woven:
    """The articles the last weave_articles made, by their file, path and text, with what they were woven against:
    `mkdocs serve` weaves again only an article whose text, or the names and pages it may link (or the code), a save changed."""

    known: KnownTargets | None = None
    links: _LinkChecker | None = None
    code: str = ""
    woven: dict[tuple[str, str, str], tuple[Article | None, list[Problem]]] = field(default_factory=dict)


_WOVEN = _Woven()


@dataclass(frozen=True)
class _LinkChecker:
    """Relative links in an article must reach a page or a file of the site."""

    uris: set[str]

    def reaches(self, from_uri: str, target: str) -> bool:
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path or _EXTERNAL.match(target) or path.startswith("/"):
            return True
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path))
        return bool({resolved, f"{resolved}/index.md", f"{resolved}.md"} & self.uris)


def _targets(atlas: Atlas) -> tuple[list[tuple[str, _Target]], list[tuple[str, _Target]]]:
    """Names and aliases with what they link to, names first (names win over aliases, then first come)."""
    named: list[tuple[str, _Target]] = []
    aliased: list[tuple[str, _Target]] = []
    for group in atlas.groups.values():
        target = _Target(TargetKind.MUSCLE, group.id, page_uri(TargetKind.MUSCLE, group.id), group.name)
        named.append((group.name, target))
        aliased += [(alias, target) for alias in group.aliases]
        for part in group.parts.values():
            part_target = _Target(TargetKind.MUSCLE, part.id, f"{page_uri(TargetKind.MUSCLE, group.id)}#{part.id}", part.name)
            named.append((part.name, part_target))
            aliased += [(alias, part_target) for alias in part.aliases]
    for exercise in atlas.exercises.values():
        target = _Target(TargetKind.EXERCISE, exercise.id, page_uri(TargetKind.EXERCISE, exercise.id), exercise.name)
        named.append((exercise.name, target))
        aliased += [(alias, target) for alias in exercise.aliases]
    return named, aliased


class _Weaver:
    """Rewrites one article: explicit links and first mentions become links, citations get numbers."""

    def __init__(self, label: str, src_uri: str, matcher: NameMatcher[_Target], known: KnownTargets, links: _LinkChecker) -> None:
        self.label, self.src_uri, self.matcher, self.known, self.links = label, src_uri, matcher, known, links
        self.problems: list[Problem] = []
        self.mentions: list[Mention] = []
        self.citations: dict[str, int] = {}
        self.anchors = _Anchors()
        self.title = ""
        self.section = _Section("", "")
        self.offset = 0

    def weave(self, raw: str) -> Article | None:
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        too_much = text_problems(self.label, text)
        if too_much:
            self.problems += too_much
            return None
        front, body, self.offset = read_front_matter(text, self.label)
        self.problems += front.problems
        self.title = front.title
        lines = body.split("\n")
        inlines, literal = parse_article(lines)
        too_much = structure_problems(self.label, [self.offset + inline.line + 1 for inline in inlines if inline.place is Place.HEADING],
                                      [(self.offset + inline.line + 1, len(inline.content)) for inline in inlines])
        if too_much:
            self.problems += too_much
            return None
        for found in literal:
            self._problem(found.line, found.text, "is inside an HTML block, where Markdown is not read; expected it outside the HTML, "
                          "or a plain Markdown link")
        edits: dict[int, list[tuple[int, int, str]]] = {}
        for inline in inlines:
            if inline.place is Place.HEADING:
                self._enter_section(inline)
            urgent = inline.place is not Place.HEADING and (self.section.urgent or bool(URGENT_TEXT.search(inline.content)))
            for link in inline.links:
                if urgent:
                    self._problem(link.line, f"link {link.target!r}", _URGENT_LINK)
                if not self.links.reaches(self.src_uri, link.target):
                    self._problem(link.line, f"link {link.target!r}", "is not a page or file of the site; expected a path relative to "
                                  "this file, such as ../exercises/face-pull.md")
            for piece in inline.pieces:
                if urgent and isinstance(piece, Explicit) and piece.kind != SOURCE_KIND:
                    self._problem(piece.line, f"[[{piece.kind}:{piece.target_id}]]", _URGENT_LINK)
                    continue
                replacement = (self._explicit(piece) if isinstance(piece, Explicit)
                               else None if urgent else self._auto_link(piece, inline))
                if replacement is not None and piece.start >= 0:
                    edits.setdefault(piece.line, []).append((piece.start, piece.start + _length(piece), replacement))
        for number, changes in edits.items():
            line = lines[number]
            for start, end, replacement in sorted(changes, reverse=True):
                line = line[:start] + replacement + line[end:]
            lines[number] = line
        for source_id in front.sources:
            if source_id not in self.known.sources:
                self.problems.append(Problem(self.label, front.line_of_source(source_id), "sources",
                                             f"unknown source {source_id!r}; expected the id of an exercises/sources/<id>.yml record"))
        if not front.valid:
            return None
        woven = self._add_safety("\n".join(lines), front)
        return Article(self.src_uri, self.title, front.escaped_yaml, woven, tuple(self.mentions), self._cited(front))

    def _problem(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.label, self.offset + line + 1, field, message))

    def _enter_section(self, inline: Inline) -> None:
        raw_title = inline.content
        custom = _CUSTOM_ID.search(raw_title)
        plain = re.sub(r"[*_`]", "", _ATTR_LIST.sub("", raw_title)).strip()
        anchor = custom.group(1) if custom else self.anchors.unique(slugify(plain, "-"))
        self.anchors.add(anchor)
        urgent = bool(URGENT_HEADING.search(plain))
        if inline.heading_level == 1:
            self.title = self.title or plain
            self.section = _Section(plain, "", urgent=urgent)
        else:
            self.section = _Section(plain, anchor, urgent=urgent)

    def _explicit(self, link: Explicit) -> str | None:
        written = f"[[{link.kind}:{link.target_id}]]"
        if link.start < 0:
            self._problem(link.line, written, "could not be placed in its line (a tab before it?); expected spaces for indentation")
            return None
        if link.kind == SOURCE_KIND:
            return self._citation(link, written)
        try:
            kind = TargetKind(link.kind)
        except ValueError:
            kinds = ", ".join(kind.value for kind in TargetKind)
            self._problem(link.line, written, f"unknown link kind {link.kind!r}; expected one of {kinds}")
            return None
        target = self.known.by_id.get((kind, link.target_id))
        if target is None:
            self._problem(link.line, written, f"unknown {kind.value} {link.target_id!r}; expected the id of an existing {kind.value}")
            return None
        self._mention(target)
        self.section.linked.add(target.uri)
        text = link.text.strip() if link.text and link.text.strip() else markdown_text(target.name)
        if link.nested:
            return text  # inside another link or an image: a link cannot hold a link
        return f"[{text}]({relative_link(self.src_uri, target.uri)})"

    def _citation(self, link: Explicit, written: str) -> str | None:
        if link.target_id not in self.known.sources:
            self._problem(link.line, written, f"unknown source {link.target_id!r}; expected the id of an exercises/sources/<id>.yml record")
            return None
        number = self.citations.setdefault(link.target_id, len(self.citations) + 1)
        label = f"\\[{number}\\]"
        if link.nested:
            return label
        return f"[{label}]({relative_link(self.src_uri, page_uri(TargetKind.SOURCE, link.target_id))})"

    def _auto_link(self, prose: Prose, inline: Inline) -> str | None:
        if inline.place is not Place.PROSE:
            return None  # never in headings, callout titles or safety callouts
        pieces = []
        position = 0
        for found in self.matcher.find(prose.text):
            target = found.target
            if target.uri in self.section.linked:
                continue
            self.section.linked.add(target.uri)
            self._mention(target)
            link = f"[{prose.text[found.start: found.end]}]({relative_link(self.src_uri, target.uri)})"
            pieces += [prose.text[position: found.start], link]
            position = found.end
        return "".join(pieces) + prose.text[position:] if pieces else None

    def _mention(self, target: _Target) -> None:
        title = self.section.title or self.title
        self.mentions.append(Mention(self.src_uri, self.title or title, title, self.section.anchor, target.kind, target.target_id))

    def _cited(self, front: FrontMatter) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.citations, *front.sources]))

    def _add_safety(self, body: str, front: FrontMatter) -> str:
        cited = [Citation(source, page_uri(TargetKind.SOURCE, source.id)) for source_id in self._cited(front)
                 if (source := self.known.sources.get(source_id)) is not None]
        if cited:
            body = body.rstrip("\n") + "\n\n" + render_markdown("_article_sources.md.j2", self.src_uri, cited=cited)
        if front.red_flag:
            callout = render_markdown("_red_flag.md.j2", self.src_uri, neck=front.neck)
            sources = _SOURCES_HEADING.search(body)
            body = body[: sources.start()] + callout + "\n" + body[sources.start():] if sources else body.rstrip("\n") + "\n\n" + callout
        if self.src_uri.startswith(GUIDES_FOLDER):
            heading = _TOP_HEADING.search(body)
            at = heading.end() + 1 if heading else 0
            body = body[:at] + "\n" + render_markdown("_disclaimer.md.j2", self.src_uri) + body[at:]
        return body


class _Anchors:
    """The anchors of an article's headings so far, numbered as Python-Markdown's table of contents numbers them
    (face-pull, face-pull_1, face-pull_2 …), in linear time: each name remembers how far its numbers are taken."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.counters: dict[str, int] = {}
        """Per name, the n for which name_1 … name_n are all known to be taken."""

    def add(self, anchor: str) -> None:
        self.taken.add(anchor)

    def unique(self, anchor: str) -> str:
        """The anchor Python-Markdown gives a heading with this slug (markdown.extensions.toc.unique), taken now."""
        if anchor in self.taken or not anchor:
            numbered = _NUMBERED.match(anchor)
            base, count = (numbered.group(1), int(numbered.group(2))) if numbered else (anchor, 0)
            known = self.counters.get(base, 0)
            skip = count <= known or anchor == f"{base}_{known + 1}"  # within the known run, or just after it
            if skip:
                count = max(count, known)
            count += 1
            while f"{base}_{count}" in self.taken:
                count += 1
            anchor = f"{base}_{count}"
            if skip:
                self.counters[base] = count
        self.taken.add(anchor)
        return anchor


def _length(piece: Explicit | Prose) -> int:
    return piece.end - piece.start if isinstance(piece, Explicit) else len(piece.text)
