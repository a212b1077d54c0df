"""Every asset carries its source and licence in assets.yml; the build stops for one without, and the credits
page is checked against the declaration."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import REPO, build, make_project

ERROR = "ERROR   -  "


def _own_declaration(project: Path) -> Path:
    """The project's assets.yml (make_project copies the repository's)."""
    return project / "assets.yml"


def test_an_asset_without_a_licence_stops_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "content" / "images").mkdir()
    (project / "content" / "images" / "photo.png").write_bytes(b"\x89PNG\r\n")
    result = build(project)
    assert result.returncode != 0
    assert (f"{ERROR}content/images/photo.png: licence: has no source and licence; expected an entry for it under assets: in assets.yml"
            in result.output)
    assert "Traceback" not in result.output


def test_incomplete_entries_are_named_with_their_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    declaration = _own_declaration(project)
    text = declaration.read_text(encoding="utf-8")
    text = text.replace("    licence: CC-BY-4.0\n    changes: Cropped", "    licence: CC-BY\n    changes: Cropped", 1)
    text = text.replace("    authors: [Pictogrammers]\n", "")
    declaration.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    licence_line = lines.index("    licence: CC-BY") + 1
    icons_line = lines.index("  material-design-icons:") + 1
    result = build(project)
    assert result.returncode != 0
    errors = [line for line in result.output.splitlines() if line.startswith(ERROR)]
    assert (f"{ERROR}assets.yml:{licence_line}: assets.overrides/partials/anatomy/back-common.html.licence: unknown licence 'CC-BY'; "
            "expected one of CC-BY-4.0, MIT, Apache-2.0" in errors)
    assert (f"{ERROR}assets.yml:{icons_line}: bundled.material-design-icons.authors: is missing; "
            "expected a list of names, such as [Ryan Graves]" in errors)
    assert not any("overrides/partials/anatomy/back-common.html: licence: has no source" in line
                   for line in errors), "one problem per mistake"


def test_credits_page_must_name_every_author_and_licence(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    credits = (REPO / "content" / "credits.md").read_text(encoding="utf-8")
    (project / "content" / "credits.md").write_text(credits.replace("Pictogrammers", "the icon makers"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert (f"{ERROR}content/credits.md: credits: does not name Pictogrammers (author of material-design-icons in assets.yml); "
            "expected every author and licence link declared there") in result.output


def test_the_repository_declares_only_files_it_has() -> None:
    declaration = yaml.safe_load((REPO / "assets.yml").read_text(encoding="utf-8"))
    assert [path for path in declaration["assets"] if not (REPO / path).is_file()] == []
