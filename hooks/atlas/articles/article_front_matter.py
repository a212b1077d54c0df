"""An article's front matter: found whatever the line endings, read like a record, checked against its schema."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from atlas.pages.markdown_text import front_matter_raw, front_matter_text
from atlas.problems import Problem
from atlas.records.schema_check import RecordKind, check_against_schema
from atlas.records.sourced_yaml import SourcedYaml, parse_yaml

_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
ESCAPED_FIELDS = ("title", "description")
"""Fields that themes print into HTML: passed on HTML-escaped, like every generated page's."""


@dataclass
class FrontMatter:
    """What an article declares about itself."""

    title: str = ""
    """Its title ("" when missing)."""
    red_flag: bool = False
    """Whether the red-flag callout is added."""
    neck: bool = False
    """Whether the red-flag callout adds the neck warning signs."""
    sources: tuple[str, ...] = ()
    """Ids of the sources it cites as a whole."""
    escaped_yaml: str = ""
    """The front matter as handed to the site engine (text fields HTML-escaped), without the --- lines."""
    problems: list[Problem] = field(default_factory=list)
    """Everything wrong with it."""
    document: SourcedYaml | None = None
    """The parsed YAML, for line numbers."""

    @property
    def valid(self) -> bool:
        """No problems: the article can be published."""
        return not self.problems

    def line_of_source(self, source_id: str) -> int:
        """The line that lists a source."""
        if self.document is None:
            return 1
        return self.document.line_of(("sources", self.sources.index(source_id)))


def read_front_matter(text: str, label: str) -> tuple[FrontMatter, str, int]:
    """The front matter, the body after it, and the number of lines before the body. `text` has \\n line ends."""
    opened = _OPENING.match(text)
    if not opened:
        return FrontMatter(problems=[Problem(label, 1, "front matter", "is missing; expected the file to start with a --- line, "
                                             "title: and description: lines, and another --- line")]), text, 0
    closed = _CLOSING.search(text, opened.end())
    if not closed:
        return FrontMatter(problems=[Problem(label, 1, "front matter", "is not closed; expected a --- line after it")]), text, 0
    end = closed.end() + (1 if text[closed.end(): closed.end() + 1] == "\n" else 0)
    offset = text.count("\n", 0, end)
    body = text[end:]
    raw = text[opened.end(): closed.start()]
    if not raw.strip():
        front = FrontMatter(problems=[Problem(label, 1, "front matter", "is empty; expected title: and description: lines")])
        return front, body, offset
    document, problems = parse_yaml(raw, label, first_line=2)
    if document is None:
        return FrontMatter(problems=problems), body, offset
    problems = check_against_schema(document, RecordKind.ARTICLE)
    value = document.value if isinstance(document.value, dict) else {}
    front = FrontMatter(
        title=str(value.get("title", "")).strip() if isinstance(value.get("title"), str) else "",
        red_flag=value.get("red_flag") is True,
        neck=value.get("neck") is True,
        sources=tuple(item for item in value.get("sources", ()) if isinstance(item, str)) if isinstance(value.get("sources"), list) else (),
        escaped_yaml=_escaped(value) if not problems else "",
        problems=[_front_matter_field(problem) for problem in problems],
        document=document,
    )
    return front, body, offset


def _front_matter_field(problem: Problem) -> Problem:
    field_name = f"front matter: {problem.field}" if problem.field != "(record)" else "front matter"
    return Problem(problem.path, problem.line, field_name, problem.message)


def _escaped(value: dict[str, object]) -> str:
    lines = []
    for key, item in value.items():
        shown = front_matter_text(item) if key in ESCAPED_FIELDS else front_matter_raw(item)
        lines.append(f"{key}: {shown}\n")
    return "".join(lines)
