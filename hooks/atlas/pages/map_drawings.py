"""The muscle map's drawings as files every page shares: one SVG per view, cached once by the browser and the
service worker. Each shape of a drawn muscle takes its colour from the custom property --uba-m-<muscle id>, which
a page sets on its own <svg>: a page carries only which muscles take which shade, never the drawing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from atlas.layout import ProjectLayout
from atlas.pages.generated import GeneratedFile
from atlas.pages.rendering import TEMPLATE_DIR
from atlas.records.model import MuscleMap
from atlas.records.muscle_map_check import drawings_dir

DRAWINGS_FOLDER = "assets/anatomy"
"""Where the drawings are in the built site."""


def drawing_uri(view_id: str) -> str:
    """The address of a view's drawing, relative to the site root."""
    return f"{DRAWINGS_FOLDER}/{view_id}.svg"


@cache
def _environment(overrides: Path) -> Environment:
    # the view templates include each other as partials/anatomy/<view>.html, from the theme's overrides folder
    return Environment(loader=FileSystemLoader([TEMPLATE_DIR, overrides]), undefined=StrictUndefined, autoescape=True,
                       trim_blocks=True, lstrip_blocks=True)


def render_map_drawings(layout: ProjectLayout, muscle_map: MuscleMap) -> tuple[GeneratedFile, ...]:
    """One SVG file per view of the map."""
    template = _environment(drawings_dir(layout).parents[1]).get_template("map_drawing.svg.j2")
    files = []
    for view_id in muscle_map.views:
        muscles = {shape: drawing.muscle_id for drawing in muscle_map.drawings.values() for shape in drawing.shapes.get(view_id, ())}
        files.append(GeneratedFile(drawing_uri(view_id), template.render(view=view_id, muscles=muscles).encode("utf-8")))
    return tuple(files)
