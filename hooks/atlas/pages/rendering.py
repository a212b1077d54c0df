"""Render Markdown pages from the templates in templates/, with record text escaped by default."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from atlas.site.build_cache import PAGES
from atlas.figures.figure_render import exercise_figure, exercise_thumbnail
from atlas.pages.generated import GeneratedFile, GeneratedPage
from atlas.pages.markdown_text import front_matter_data, front_matter_raw, front_matter_text, markdown_text
from atlas.pages.page_kinds import INDEX_URIS, page_uri, relative_link
from atlas.pages.render_inputs import Unkeyable, input_text

TEMPLATE_DIR = Path(__file__).parents[1] / "templates"

__all__ = ["INDEX_URIS", "GeneratedFile", "GeneratedPage", "Link", "page_uri", "relative_link", "render_markdown"]
"""Page addresses and generated output are declared in page_kinds and generated; the names are also
importable from here for the modules that still do (articles, routine_pages)."""


@pass_context
def _link(context: Context, to_uri: str) -> Markup:
    return Markup(relative_link(context["page_uri"], to_uri))


def _url(address: str) -> Markup:
    """An outside address as a Markdown link target: characters that end or break a link are percent-encoded."""
    return Markup(quote(address, safe=":/?#@!$&'*+,;=%-._~"))


def _sentence(text: str) -> str:
    """Text ending in a full stop, unless it already ends in punctuation (a title that asks a question)."""
    return text if text.rstrip().endswith((".", "?", "!")) else f"{text}."


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
    environment.filters.update(
        fm=front_matter_text,
        data=front_matter_data,
        raw=front_matter_raw,
        link=_link,
        url=_url,
        sentence=_sentence,
    )
    environment.globals.update(movement_figure=exercise_figure, movement_thumbnail=exercise_thumbnail)
    return environment


def render_markdown(template: str, page_uri_: str, **context: Any) -> str:
    """Render a Markdown template for the page at `page_uri_`, or give the page rendered before from the same inputs."""
    if not PAGES.keeps:  # nothing to look up: writing the inputs out for a key would be work for nothing
        return _render(template, page_uri_, context)
    try:
        inputs = ("page", template, page_uri_, input_text(context))
    except Unkeyable:
        return _render(template, page_uri_, context)
    return PAGES.text(inputs, lambda: _render(template, page_uri_, context))


def _render(template: str, page_uri_: str, context: dict[str, Any]) -> str:
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
