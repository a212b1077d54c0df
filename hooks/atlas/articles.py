"""Weave hand-written articles into the graph: explicit links checked, mentions linked, safety added."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify, unique

from .graph import Atlas
from .layout import ProjectLayout
from .model import Article, Mention, TargetKind
from .name_matching import NameMatcher
from .problems import AtlasProblems, Problem
from .rendering import INDEX_URIS, page_uri, relative_link, render_markdown
from .sourced_yaml import read_source_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_CUSTOM_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_KEEP_LINE = re.compile(r"^\s*(!!!|\?\?\?\+?|<|\[[^\]]+\]:|\*\[)")
_EXPLICIT = re.compile(r"\[\[([a-z]+):([^\]|]*)(?:\|([^\]]*))?\]\]")
_PROTECTED = re.compile(r"(`+).*?\1|\[\[.*?\]\]|!?\[[^\]]*\]\([^)]*\)|!?\[[^\]]*\]\[[^\]]*\]|<[^>]*>|https?://\S+|\{[^}]*\}")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_SOURCES_HEADING = re.compile(r"^##[ \t]+(Sources|References)\b", re.IGNORECASE | re.MULTILINE)
GUIDES_FOLDER = "guides/"


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


def weave_articles(layout: ProjectLayout, atlas: Atlas) -> dict[str, Article]:
    """Every article in content/ with links resolved; raises AtlasProblems for unknown explicit links."""
    targets = _targets(atlas)
    matcher = NameMatcher({name: target for name, target in targets.items() if ":" not in name})
    explicit = {(t.kind, t.target_id): t for t in targets.values()}
    for r in atlas.routines.values():
        explicit[TargetKind.ROUTINE, r.id] = _Target(TargetKind.ROUTINE, r.id, page_uri(TargetKind.ROUTINE, r.id), r.name)
    files = sorted(layout.content_dir.rglob("*.md"))
    pages = {file.relative_to(layout.content_dir).as_posix() for file in files} | generated_page_uris(atlas)
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    for file in files:
        src_uri = file.relative_to(layout.content_dir).as_posix()
        text, unreadable = read_source_text(file, layout.label(file))
        if text is None:
            problems += unreadable
            continue
        weaver = _Weaver(layout.label(file), src_uri, matcher, explicit, _LinkChecker(layout.content_dir, pages))
        article = weaver.weave(text)
        problems += weaver.problems
        if article:
            articles[src_uri] = article
    if problems:
        raise AtlasProblems(problems)
    return articles


def generated_page_uris(atlas: Atlas) -> set[str]:
    """Where the generator will put a page, as source paths."""
    uris = set(INDEX_URIS.values())
    uris |= {page_uri(TargetKind.EXERCISE, exercise_id) for exercise_id in atlas.exercises}
    uris |= {page_uri(TargetKind.MUSCLE, group_id) for group_id in atlas.groups}
    uris |= {page_uri(TargetKind.ROUTINE, routine_id) for routine_id in atlas.routines}
    return uris


@dataclass(frozen=True)
class _LinkChecker:
    """Relative links in an article must reach a page or a file of the site."""

    content_dir: Path
    pages: set[str]

    def reaches(self, from_uri: str, target: str) -> bool:
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path or _EXTERNAL.match(target) or path.startswith("/"):
            return True
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path))
        folder_like = path.endswith("/") or "." not in posixpath.basename(path)
        candidates = {resolved, f"{resolved}/index.md", f"{resolved}.md"} if folder_like else {resolved}
        return bool(candidates & self.pages) or (self.content_dir / resolved).is_file()


def _targets(atlas: Atlas) -> dict[str, _Target]:
    """Lower-cased names and aliases -> what they link to; names win over aliases, then first come."""
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
    found: dict[str, _Target] = {}
    for text, target in named + aliased:
        found.setdefault(" ".join(text.casefold().split()), target)
    for target in list(found.values()):
        found.setdefault(f"{target.kind.value}:{target.target_id}", target)
    return found


class _Weaver:
    """Rewrites one article line by line."""

    def __init__(self, label: str, src_uri: str, matcher: NameMatcher[_Target],
                 explicit: dict[tuple[TargetKind, str], _Target], links: _LinkChecker) -> None:
        self.label, self.src_uri, self.matcher, self.explicit = label, src_uri, matcher, explicit
        self.links = links
        self.problems: list[Problem] = []
        self.mentions: list[Mention] = []
        self.anchors: set[str] = set()
        self.title = ""
        self.section = _Section("", "")

    def weave(self, text: str) -> Article | None:
        match = _FRONT_MATTER.match(text)
        raw_front_matter = (match.group(1) or "") if match else ""
        meta = self._front_matter(raw_front_matter)
        self.title = str((meta or {}).get("title") or "")
        body = text[match.end():] if match else text
        offset = text[: match.end()].count("\n") if match else 0
        fence = ""
        lines = []
        for number, line in enumerate(body.split("\n"), start=offset + 1):
            opened = _FENCE.match(line)
            if fence:
                fence = "" if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) else fence
            elif opened:
                fence = opened.group(1)
            elif heading := _HEADING.match(line):
                self._enter_section(len(heading.group(1)), heading.group(2), meta)
            elif not _KEEP_LINE.match(line):
                line = self._link_line(line, number)
            lines.append(line)
        if meta is None:
            return None
        woven = self._add_safety("\n".join(lines), meta)
        return Article(self.src_uri, self.title, raw_front_matter, woven, tuple(self.mentions))

    def _front_matter(self, text: str) -> dict[str, object] | None:
        try:
            meta = yaml.safe_load(text) if text.strip() else {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            self.problems.append(Problem(self.label, mark.line + 2 if mark else 1, "front matter",
                                         "is not valid YAML; expected title: and description: lines"))
            return None
        if not isinstance(meta, dict):
            self.problems.append(Problem(self.label, 1, "front matter", "is not a mapping; expected title: and description: lines"))
            return None
        return meta

    def _enter_section(self, level: int, raw_title: str, meta: dict[str, object] | None) -> None:
        custom = _CUSTOM_ID.search(raw_title)
        title = _CUSTOM_ID.sub("", raw_title).strip()
        plain = re.sub(r"[*_`]", "", title)
        anchor = custom.group(1) if custom else unique(slugify(plain, "-"), self.anchors)
        self.anchors.add(anchor)
        if level == 1:
            self.title = self.title or plain
            self.section = _Section(plain, "")
        else:
            self.section = _Section(plain, anchor)

    def _link_line(self, line: str, number: int) -> str:
        for link in _MARKDOWN_LINK.finditer(line):
            if not self.links.reaches(self.src_uri, link.group(1)):
                self.problems.append(Problem(self.label, number, link.group(0),
                                             f"links to {link.group(1)!r}, which is not a page or file of the site; "
                                             "expected a path relative to this file, such as ../exercises/face-pull.md"))
        line = _EXPLICIT.sub(lambda match: self._explicit_link(match, number), line)
        pieces = []
        position = 0
        for protected in _PROTECTED.finditer(line):
            pieces.append(self._auto_link(line[position: protected.start()]))
            pieces.append(protected.group(0))
            position = protected.end()
        pieces.append(self._auto_link(line[position:]))
        return "".join(pieces)

    def _explicit_link(self, match: re.Match[str], number: int) -> str:
        kind_name, target_id, text = match.group(1), match.group(2).strip(), match.group(3)
        try:
            kind = TargetKind(kind_name)
        except ValueError:
            kinds = ", ".join(kind.value for kind in TargetKind)
            self.problems.append(Problem(self.label, number, match.group(0), f"unknown link kind {kind_name!r}; expected one of {kinds}"))
            return match.group(0)
        target = self.explicit.get((kind, target_id))
        if target is None:
            message = f"unknown {kind.value} {target_id!r}; expected the id of an existing {kind.value}"
            self.problems.append(Problem(self.label, number, match.group(0), message))
            return match.group(0)
        self._mention(target)
        self.section.linked.add(target.uri)
        return f"[{(text or target.name).strip()}]({relative_link(self.src_uri, target.uri)})"

    def _auto_link(self, text: str) -> str:
        pieces = []
        position = 0
        for found in self.matcher.find(text):
            target = found.target
            if target.uri in self.section.linked:
                continue
            self.section.linked.add(target.uri)
            self._mention(target)
            pieces += [text[position: found.start], f"[{text[found.start: found.end]}]({relative_link(self.src_uri, target.uri)})"]
            position = found.end
        return "".join(pieces) + text[position:]

    def _mention(self, target: _Target) -> None:
        title = self.section.title or self.title
        self.mentions.append(Mention(self.src_uri, self.title or title, title, self.section.anchor, target.kind, target.target_id))

    def _add_safety(self, body: str, meta: dict[str, object]) -> str:
        if meta.get("red_flag"):
            callout = render_markdown("_red_flag.md.j2", self.src_uri)
            sources = _SOURCES_HEADING.search(body)
            body = body[: sources.start()] + callout + "\n" + body[sources.start():] if sources else body.rstrip("\n") + "\n\n" + callout
        if self.src_uri.startswith(GUIDES_FOLDER):
            heading = re.search(r"^#[ \t].*$", body, re.MULTILINE)
            at = heading.end() + 1 if heading else 0
            body = body[:at] + "\n" + render_markdown("_disclaimer.md.j2", self.src_uri) + body[at:]
        return body
