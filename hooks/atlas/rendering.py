"""Render Markdown pages from templates in templates/, with record text escaped by default."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .figure_render import exercise_figure, exercise_thumbnail
from .markdown_text import front_matter_data, front_matter_raw, front_matter_terms, front_matter_text, markdown_text
from .model import TargetKind

TEMPLATE_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class GeneratedPage:
    """A Markdown page made by the generator."""

    src_uri: str
    """Its path as if it were in content/, such as exercises/face-pull.md."""
    markdown: str
    """Front matter and body."""
    source: str | None = None
    """The record it comes from, relative to the project root (for "Edit this page")."""


@dataclass(frozen=True)
class GeneratedFile:
    """A non-page file made by the generator, such as the JSON export."""

    src_uri: str
    """Its path in the built site."""
    content: bytes
    """Its bytes."""


INDEX_URIS = {
    TargetKind.EXERCISE: "exercises/index.md",
    TargetKind.MUSCLE: "muscles/index.md",
    TargetKind.ROUTINE: "routines/index.md",
}
FOLDERS = {TargetKind.EXERCISE: "exercises", TargetKind.MUSCLE: "muscles", TargetKind.ROUTINE: "routines"}


def page_uri(kind: TargetKind, target_id: str) -> str:
    """Where the page of an exercise, muscle group or routine lives, as a source path."""
    return f"{FOLDERS[kind]}/{target_id}.md"


def relative_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one source page to another (MkDocs turns .md links into URLs).

    Both are clean relative paths inside the site, so plain string work does what posixpath.relpath
    would, without its calls to the file system (this runs once per link: tens of thousands of times).
    """
    target, _, anchor = to_uri.partition("#")
    from_parts = from_uri.split("/")[:-1]
    to_parts = target.split("/")
    common = 0
    while common < len(from_parts) and common < len(to_parts) - 1 and from_parts[common] == to_parts[common]:
        common += 1
    path = "/".join([".."] * (len(from_parts) - common) + to_parts[common:])
    return f"{path}#{anchor}" if anchor else path


@pass_context
def _link(context: Context, to_uri: str) -> Markup:
    return Markup(relative_link(context["page_uri"], to_uri))


@cache
def markdown_environment() -> Environment:
    """Templates for generated Markdown: every `{{ }}` is escaped as inert text unless it is Markup.

    Autoescape is on only so that macros return Markup; `finalize` does the Markdown escaping.
    Never `join` or `~` record text in a template: those escape for HTML only.
    """
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        undefined=StrictUndefined,
        finalize=markdown_text,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
    )
    environment.filters.update(fm=front_matter_text, data=front_matter_data, raw=front_matter_raw, terms=front_matter_terms, link=_link)
    environment.globals["uri"] = page_uri
    environment.globals["TargetKind"] = TargetKind
    environment.globals.update(movement_figure=exercise_figure, movement_thumbnail=exercise_thumbnail)
    return environment


def render_markdown(template: str, page_uri_: str, **context: Any) -> str:
    """Render a Markdown template for the page at `page_uri_`."""
    return markdown_environment().get_template(template).render(page_uri=page_uri_, **context)


@dataclass(frozen=True)
class Link:
    """A link ready for a template: text and the source path of its target."""

    text: str
    """What the reader sees."""
    uri: str
    """Target source path, optionally with #anchor."""
    note: str = ""
    """Short detail shown after the link, such as level and equipment."""
