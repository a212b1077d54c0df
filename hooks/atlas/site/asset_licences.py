"""Every picture, drawing, icon and font in the project carries its source and licence in assets.yml; the
credits page names every author and links every licence that the declaration lists."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from atlas.layout import EXPORT_FOLDER, ProjectLayout
from atlas.problems import AtlasProblems, Problem
from atlas.records.sourced_yaml import SourcedYaml, read_yaml

ASSET_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2", ".ttf", ".otf"}
"""File kinds that are assets wherever they are."""
ASSET_FOLDERS = ("overrides/partials/anatomy",)
"""Folders whose every file is an asset (the muscle map's drawings are Jinja partials)."""
SKIPPED_FOLDERS = {".git", ".venv", "venv", "node_modules", "site", EXPORT_FOLDER, "__pycache__", ".pytest_cache"}
"""Folders that hold no sources of the project."""
REQUIRED = ("title", "source", "licence")
"""What every entry must say."""


@dataclass(frozen=True)
class Licence:
    """A licence assets may be under."""

    id: str
    """Short id, such as CC-BY-4.0."""
    name: str
    """Its full name."""
    url: str
    """Where its text is."""


@dataclass(frozen=True)
class Asset:
    """One declared asset."""

    path: str
    """Where it is, from the project folder."""
    title: str
    """What it is."""
    authors: tuple[str, ...]
    """Who made it."""
    source: str
    """Where it comes from."""
    licence: Licence
    """Its licence."""
    changes: str = ""
    """What this project changed, if anything."""


def declaration_file(layout: ProjectLayout) -> Path:
    """The one declaration of every asset's source and licence."""
    return layout.root / "assets.yml"


def check_assets(layout: ProjectLayout) -> tuple[Asset, ...]:
    """The declared assets; raises AtlasProblems for every asset file without a complete entry, and for a
    credits page (content/credits.md) that leaves out an author or a licence link."""
    problems: list[Problem] = []
    files = asset_files(layout)
    file = declaration_file(layout)
    document: SourcedYaml | None = None
    unsafe = layout.file_problem(file) if file.exists() or file.is_symlink() else None
    if unsafe is not None:
        problems.append(unsafe)
    elif file.is_file():
        document, problems = read_yaml(file, layout.label(file))
    assets = _entries(document, problems) if document is not None else {}
    for path in files:
        if path not in assets and not any(problem.field.startswith(f"assets.{path}") for problem in problems):
            problems.append(Problem(path, 0, "licence",
                                    f"has no source and licence; expected an entry for it under assets: in {layout.label(file)}"))
    declared = tuple(asset for path, asset in assets.items() if path in files or path.startswith("bundled:"))
    problems += _credits(layout, declared)
    if problems:
        raise AtlasProblems(problems)
    return declared


def asset_files(layout: ProjectLayout) -> set[str]:
    """Every asset file of the project, as paths from its folder (linked folders followed)."""
    found = set()
    root = layout.root.resolve()
    for folder, subfolders, names in os.walk(layout.root, followlinks=True):
        here = Path(folder).resolve()
        subfolders[:] = [name for name in subfolders if name not in SKIPPED_FOLDERS and not name.startswith(".")
                         and _stays_inside(Path(folder) / name, root, here)]
        relative = Path(folder).relative_to(layout.root).as_posix()
        for name in names:
            path = f"{relative}/{name}" if relative != "." else name
            if os.path.splitext(name)[1].lower() in ASSET_SUFFIXES or any(path.startswith(prefix + "/") for prefix in ASSET_FOLDERS):
                found.add(path)
    return found


def _stays_inside(folder: Path, root: Path, here: Path) -> bool:
    """A linked folder is followed only inside the project and never back up to where it is (a loop);
    layout.source_problems reports the others."""
    real = folder.resolve()
    inside = real == root or root in real.parents
    return inside and real != here and real not in here.parents


def _entries(document: SourcedYaml, problems: list[Problem]) -> dict[str, Asset]:
    value = document.value if isinstance(document.value, dict) else {}
    licences = {}
    for licence_id, raw in (value.get("licences") or {}).items():
        if isinstance(raw, dict) and isinstance(raw.get("name"), str) and isinstance(raw.get("url"), str):
            licences[licence_id] = Licence(licence_id, raw["name"], raw["url"])
        else:
            line = document.line_of(("licences", licence_id))
            problems.append(Problem(document.path, line, f"licences.{licence_id}", "expected {name: ..., url: ...}"))
    assets = {}
    for section in ("assets", "bundled"):
        for path, raw in (value.get(section) or {}).items():
            entry = _entry(document, section, path, raw, licences, problems)
            if entry:
                assets[path if section == "assets" else f"{section}:{path}"] = entry
    return assets


def _entry(document: SourcedYaml, section: str, path: str, raw: Any, licences: dict[str, Licence], problems: list[Problem]) -> Asset | None:
    where = (section, path)
    if not isinstance(raw, dict):
        expected = f"expected {{{', '.join(REQUIRED)}, authors, changes}}"
        problems.append(Problem(document.path, document.line_of(where), f"{section}.{path}", expected))
        return None
    missing = [name for name in REQUIRED if not isinstance(raw.get(name), str) or not raw[name].strip()]
    for name in missing:
        problems.append(Problem(document.path, document.line_of(where), f"{section}.{path}.{name}", "is missing; expected a line of text"))
    authors = raw.get("authors")
    if not isinstance(authors, list) or not authors or not all(isinstance(author, str) and author.strip() for author in authors):
        problems.append(Problem(document.path, document.line_of(where), f"{section}.{path}.authors",
                                "is missing; expected a list of names, such as [Ryan Graves]"))
        missing.append("authors")
    licence = licences.get(raw.get("licence", ""))
    if "licence" not in missing and licence is None:
        problems.append(Problem(document.path, document.line_of((*where, "licence")), f"{section}.{path}.licence",
                                f"unknown licence {raw['licence']!r}; expected one of {', '.join(licences) or 'the ids under licences:'}"))
    if missing or licence is None:
        return None
    return Asset(path, raw["title"], tuple(authors or ()), raw["source"], licence, raw.get("changes", ""))


def _credits(layout: ProjectLayout, assets: tuple[Asset, ...]) -> list[Problem]:
    page = layout.content_dir / "credits.md"
    if not page.is_file():
        return []
    text = page.read_text(encoding="utf-8")
    label = layout.label(page)
    problems = []
    for asset in assets:
        for what, value in (*(("author", author) for author in asset.authors), ("licence", asset.licence.url)):
            if value not in text:
                problems.append(Problem(label, 0, "credits", f"does not name {value} ({what} of {asset.path} in assets.yml); "
                                        "expected every author and licence link declared there"))
    return problems
