"""The contact sheet: every exercise's figure on one page to review by eye: its name, view, key poses and thumbnail.

`python -m atlas.figures.figure_sheet OUT.html` (run from the project folder) writes it; open it in a browser. It is a
development page, not part of the site, and needs the site's figures.css beside nothing: the styles are inlined.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from atlas.figures.figure_poses import pose_labels
from atlas.figures.figure_render import figure_environment, figure_html, figure_thumbnail
from atlas.records.model import Exercise
from atlas.generation import build_atlas
from atlas.records.graph import Atlas
from atlas.layout import ProjectLayout


@dataclass(frozen=True)
class SheetCard:
    """One exercise on the contact sheet."""

    exercise: Exercise
    """The exercise."""
    figure: Markup
    """Its figure block, as its page shows it."""
    thumbnail: Markup
    """Its small still, as routine pages and sheets show it."""
    views: tuple[str, ...]
    """The view that leads, then the second view if any."""
    poses: tuple[str, ...]
    """The name of each key pose, in order."""


STYLESHEET = Path(__file__).resolve().parents[3] / "overrides" / "assets" / "figures.css"
"""The figures' styles, inlined into the sheet."""


def render_contact_sheet(atlas: Atlas, stylesheet: str) -> str:
    """The sheet as a standalone HTML page: one card per exercise with a figure, in name order."""
    cards = [
        SheetCard(
            exercise,
            figure_html(exercise.figure, exercise.id, exercise.name),
            figure_thumbnail(exercise.figure, f"{exercise.id}-thumbnail", exercise.name),
            tuple(view.view.value for view in (exercise.figure, exercise.figure.also) if view is not None),
            pose_labels(exercise.figure),
        )
        for exercise in atlas.exercises.values()
        if exercise.figure
    ]
    missing = [exercise for exercise in atlas.exercises.values() if not exercise.figure]
    return figure_environment().get_template("figure_sheet.html.j2").render(cards=cards, missing=missing, stylesheet=Markup(stylesheet))


def main(arguments: list[str]) -> int:
    """Write the contact sheet of the project in the current folder to the file named."""
    if len(arguments) != 1:
        print("usage: python -m atlas.figures.figure_sheet OUT.html", file=sys.stderr)
        return 2
    root = Path.cwd()
    atlas = build_atlas(ProjectLayout(root, root / "content"))
    Path(arguments[0]).write_text(render_contact_sheet(atlas, STYLESHEET.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
