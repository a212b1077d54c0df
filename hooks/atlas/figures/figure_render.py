"""Render movement figures as inline SVG through templates/figure.html.j2, and as plain data for the JSON export.

In any generated-Markdown template two globals draw an exercise's figure (nothing when it has none):
- `{{ movement_figure(exercise) }}`: the exercise page's block (start, movement with its pause control, end);
  on its own line with a blank line after it (templates/_movement_figure.md.j2 is the one include).
- `{{ movement_thumbnail(exercise) }}`: a small still of the end position (or the key pose the figure's `thumbnail`
  names) on one line, for a routine page's or a printed sheet's table cell, such as
  `| {{ movement_thumbnail(exercise) }} [Face pull](...) | 3 x 12 |`. It takes the Exercise
  (atlas.exercises[item.exercise_id]); 3.2 rem high on screen, 2.6 rem and black on white in print.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from atlas.site.build_cache import FIGURES
from atlas.figures.figure_drawing import draw_figure, drawing_prefix
from atlas.figures.figure_poses import placed_pose, pose_labels
from atlas.figures.figure_model import Figure
from atlas.figures.figure_stills import still_layers
from atlas.records.model import Exercise

TEMPLATE_DIR = Path(__file__).parents[1] / "templates"

_BLANK_LINES = re.compile(r"\n\s*\n+")
_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")
_INLINE_ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_{}[]()#+-.!|:~^=<>&\"'"})
"""A thumbnail is inline HTML inside Markdown (a table cell), so its label carries no Markdown or HTML syntax at all."""
STAND_IN_KEY = "uba7standin7key"
STAND_IN_NAME = "Uba7StandInName7Uba"
"""The key and name a figure is drawn with once per build (a family of variations shares one figure), before each
exercise's own replace them: letters only, so no escaping changes the name, and no drawing holds either by chance."""
SECOND_VIEW = "-2"
"""The suffix of the key of a figure's second view (`also`)."""


def _number(value: float) -> str:
    """A coordinate as few characters as it needs: 12, -3.5."""
    text = f"{round(value, 1):g}"
    return "0" if text == "-0" else text


@cache
def figure_environment() -> Environment:
    """Templates for HTML and SVG: everything is HTML-escaped unless it is Markup."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR), undefined=StrictUndefined, autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    environment.filters["n"] = _number
    return environment


def _render(template: str, **context: Any) -> Markup:
    html = figure_environment().get_template(template).render(**context)
    # Raw HTML in Markdown ends at a blank line, so the block is written without any (and without line breaks between tags).
    return Markup(_BETWEEN_TAGS.sub("><", _BLANK_LINES.sub("\n", html)).strip())


def figure_html(figure: Figure, key: str, name: str) -> Markup:
    """The figure block of an exercise page: a still of each key pose, the movement (with its pause control), and the second view."""
    second = draw_figure(figure.also, key + SECOND_VIEW) if figure.also else None
    return _render(
        "figure.html.j2",
        drawing=draw_figure(figure, key),
        held=still_layers(figure, 0),
        second=second,
        second_held=still_layers(figure.also, 0) if figure.also else (),
        name=name,
        caption=figure.caption,
    )


def thumbnail_pose(figure: Figure) -> tuple[int, str]:
    """Which key pose the small still shows (the record's `thumbnail`, else the end) and what it is called."""
    count = len(figure.key_poses)
    index = count - 1 if figure.thumbnail is None else min(figure.thumbnail, count - 1)
    if index == count - 1:
        return index, "end position"
    return index, "start position" if index == 0 else pose_labels(figure)[index].lower()


def figure_thumbnail(figure: Figure, key: str, name: str) -> Markup:
    """A small still of the pose that reads best small (the end unless the figure says), on one line for a table cell."""
    return _thumbnail("figure_thumbnail.html.j2", figure, key, name, "")


def figure_thumbnail_defined(figure: Figure, key: str, name: str) -> Markup:
    """The small still with an id on its drawing, for a page that shows it again (figure_thumbnail_reference)."""
    return _thumbnail("figure_thumbnail.html.j2", figure, key, name, thumbnail_id(key))


def figure_thumbnail_reference(figure: Figure, key: str, name: str) -> Markup:
    """The small still again, as a <use> of the one figure_thumbnail_defined put on the same page (no second drawing)."""
    return _thumbnail("figure_thumbnail_use.html.j2", figure, key, name, thumbnail_id(key))


def thumbnail_id(key: str) -> str:
    """The id of an exercise's small still on a page that shows it more than once."""
    return f"uba-thumb-{key}"


def _thumbnail(template: str, figure: Figure, key: str, name: str, group_id: str) -> Markup:
    index, what = thumbnail_pose(figure)
    pose = placed_pose(figure, index)
    still = figure.model_copy(update={"start": pose, "end": pose, "phases": (), "fixed": None, "also": None})
    drawing = draw_figure(still, key, tight=True)
    layers = still_layers(still, 0)
    html = _render(template, drawing=drawing, layers=layers, name=Markup(name.translate(_INLINE_ENTITIES)), what=what, group_id=group_id)
    return Markup(" ".join(html.split()))


def exercise_figure(exercise: Exercise) -> Markup:
    """The figure block of an exercise's page, or nothing for an exercise without a figure."""
    return _kept_drawing(exercise, figure_html)


def exercise_thumbnail(exercise: Exercise) -> Markup:
    """The small end-position still of an exercise (routine pages and sheets), or nothing without a figure."""
    return _kept_drawing(exercise, figure_thumbnail)


def exercise_thumbnail_defined(exercise: Exercise) -> Markup:
    """The small still, with the id that exercise_thumbnail_reference draws it again from on the same page."""
    return _kept_drawing(exercise, figure_thumbnail_defined)


def exercise_thumbnail_reference(exercise: Exercise) -> Markup:
    """The small still again on a page that already has it (exercise_thumbnail_defined): a few bytes, no second drawing."""
    return _kept_drawing(exercise, figure_thumbnail_reference)


def _kept_drawing(exercise: Exercise, draw: Callable[[Figure, str, str], Markup]) -> Markup:
    """`draw` of the exercise's figure: drawn once per figure (build_cache keeps it between builds too), then given the
    exercise's own key and name, exactly as drawing it with them would write them."""
    figure = exercise.figure
    if figure is None:
        return Markup("")
    drawn = FIGURES.text((draw.__name__, figure.model_dump_json()), lambda: str(draw(figure, STAND_IN_KEY, STAND_IN_NAME)))
    for suffix in (SECOND_VIEW, ""):
        drawn = drawn.replace(drawing_prefix(STAND_IN_KEY + suffix), drawing_prefix(exercise.id + suffix))
    drawn = drawn.replace(STAND_IN_KEY, exercise.id)  # the key as written (an id on the page)
    inline = draw in (figure_thumbnail, figure_thumbnail_defined, figure_thumbnail_reference)
    return Markup(drawn.replace(STAND_IN_NAME, exercise.name.translate(_INLINE_ENTITIES) if inline else str(escape(exercise.name))))


def figure_data(figure: Figure) -> dict[str, Any]:
    """The figure as the record gives it, for the JSON export (other projects can draw it from this)."""
    return figure.model_dump(mode="json", exclude_none=True)
